"""The ``pressroom`` domain: entries as objects, mention and role references, domain data.

Domain data holds only plain tuples and strings, keyed by the docname that
contributed them, so ``clear_doc`` and ``merge_domaindata`` are exact and a
parallel build merges the same data as a serial one:

``releases``   docname -> (title, date ISO or "", publisher key, publisher name,
               dateline, source URL, path relative to the project)
``mentions``   docname -> ((entity id, start, end, surface, sentence,
               start in sentence, end in sentence, line), ...); the sentence is
               that of the entity's first mention in it ("", 0, 0 for a further
               mention of the entity in the same sentence)
``quotes``     docname -> ((start, end, text, speaker id or "", speaker surface), ...)
``refs``       docname -> entity ids referenced by roles (so those pages are rewritten
               when the entity changes)
``late``       docname -> ((kind, argument), ...) placeholders rendered at write time
``embeds``     docname -> release docnames its ``release`` directives show (re-read
               with them when a registry edit re-links them)
``awaited``    docname -> the files (relative to the source folder) its ``release``
               directives name that were not there (re-read when one is)
``texts``      docname -> fingerprint of the release's text (:func:`pressroom.corpus.text_key`),
               to find two release files holding the same text
``leads``      docname -> the release's opening words (:func:`.render.lead_of`), the
               summary of its entry in the feed (:mod:`pressroom.sphinxext.feed`)
``descriptions`` docname -> what the release's page says it is (:func:`.render.description_of`):
               its ``<meta name="description">`` and its JSON-LD's ``description``
``checksums``  docname -> the SHA-256 of the release file as received, for the export

and build-level tables that are not keyed by docname: ``entries`` (entity id ->
(page docname, anchor, type, name, aliases, description, filed as), set from the registry
at ``env-updated``: the page is the entry's own collected page or its letter
page, see :mod:`pressroom.sphinxext.entrypages`), ``paged`` (entity id -> docname
of its own page), ``index_pages`` (collected pages holding general-index lines), ``registry``
(entity id -> digest of its registry entry, as last read), ``shown``
(docname -> digest of what its late placeholders showed last time) and
``navigation`` (docname -> digest of its previous/next links and breadcrumbs) and
``tocs`` (docname -> digest of its title and table of contents: its toctree parents
are rewritten with it only when that moved) and ``locations`` (entity id ->
``docname#anchor`` where it was last written: pages linking to an entry that
moved between its own page and its letter page are rewritten).
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterable, Iterator, Set
from sys import intern
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.domains import Domain, Index, IndexEntry, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from pressroom.i18n import _, colon, in_text, quantity
from pressroom.sphinxext.corpus import letter_label, letter_of, name_key

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: What a forked reader dropped from its environment (:meth:`PressroomDomain.shed_for_reader`),
#: kept from being freed until the process ends.
_SHED: list[Any] = []


class MentionRows:
    """A release's mentions as the environment keeps them. Iterating gives a row for each,
    in text order: ``(entity id, start, end, surface, sentence, s0, s1, line)``, where
    *sentence* is the sentence around the mention ("" when an earlier mention of the entity
    in the same sentence shows it), *s0*–*s1* the mention in it and *line* the line of the
    release file it starts on.

    Kept as columns: the ids and the surfaces (interned: one string for all the releases
    that name an entity alike), the numbers in one array, and the sentences, each once,
    compressed together (``zlib``) with where each ends. Every build loads the mentions
    with the environment, and most builds read no sentence: only the backlinks of the
    entry pages a build renders show them (:meth:`of`), and the rows when iterated. At
    N = 10,000 the sentences were 35 MiB of str objects, compressed 8 MB (decompressing a
    release's takes about 20 µs); a row per mention, a tuple of eight with objects of its
    own, took 8.3 MiB at N = 1,000 where these columns take 2.5."""

    # _numbers: six for each mention (start, end, s0, s1, line, and which of the
    # release's sentences is its own); _cuts: where each sentence ends in _text
    __slots__ = ("_cuts", "_ids", "_numbers", "_surfaces", "_text")

    def __init__(self, rows: Iterable[tuple] = ()) -> None:
        ids: list[str] = []
        surfaces: list[str] = []
        numbers: list[int] = []
        sentences: dict[str, int] = {}
        for eid, start, end, surface, sentence, s0, s1, line in rows:
            ids.append(intern(eid))
            surfaces.append(intern(surface))
            numbers.extend((start, end, s0, s1, line, sentences.setdefault(sentence, len(sentences))))
        self._ids = tuple(ids)
        self._surfaces = tuple(surfaces)
        cuts, at = [], 0
        for sentence in sentences:
            at += len(sentence)
            cuts.append(at)
        self._text = zlib.compress("".join(sentences).encode("utf-8", "surrogatepass"))
        self._numbers = _numbers(numbers)
        self._cuts = _numbers(cuts)

    def _sentences(self) -> list[str]:
        """The release's sentences, each once, in the order first met."""
        text = zlib.decompress(self._text).decode("utf-8", "surrogatepass")
        out, at = [], 0
        for cut in self._cuts:
            out.append(text[at:cut])
            at = cut
        return out

    def __iter__(self) -> Iterator[tuple[str, int, int, str, str, int, int, int]]:
        n = self._numbers
        sentences = self._sentences()
        return zip(self._ids, n[0::6], n[1::6], self._surfaces, map(sentences.__getitem__, n[5::6]),
                   n[2::6], n[3::6], n[4::6], strict=True)

    def __len__(self) -> int:
        return len(self._ids)

    @property
    def ids(self) -> tuple[str, ...]:
        """The entity id of each mention, in text order."""
        return self._ids

    def of(self, eid: str) -> list[tuple[str, int, int, str, str, int, int, int]]:
        """The rows of the mentions of *eid*, in text order."""
        ids, n, surfaces = self._ids, self._numbers, self._surfaces
        rows = []
        find = ids.index
        i = -1
        try:
            while True:
                i = find(eid, i + 1)
                j = 6 * i
                rows.append([eid, n[j], n[j + 1], surfaces[i], n[j + 5], n[j + 2], n[j + 3],
                             n[j + 4]])
        except ValueError:  # no further mention
            pass
        if not rows:
            return []
        text = zlib.decompress(self._text).decode("utf-8", "surrogatepass")
        cuts = self._cuts
        return [(eid, start, end, surface, text[cuts[k - 1] if k else 0:cuts[k]], s0, s1, line)
                for eid, start, end, surface, k, s0, s1, line in rows]

    def grouped(self) -> dict[str, list[tuple[str, int, int, str, str, int, int, int]]]:
        """The rows of each entity mentioned, in text order."""
        out: dict[str, list[tuple[str, int, int, str, str, int, int, int]]] = {}
        for row in self:
            rows = out.get(row[0])
            if rows is None:
                out[row[0]] = [row]
            else:
                rows.append(row)
        return out

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MentionRows):
            return NotImplemented
        return (self._ids == other._ids and self._numbers == other._numbers
                and self._surfaces == other._surfaces and self._cuts == other._cuts
                and (self._text == other._text or self._sentences() == other._sentences()))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"MentionRows({list(self)!r})"

    def __reduce__(self) -> tuple:
        return _mention_rows, (self._ids, self._surfaces, self._numbers, self._cuts, self._text)


def _numbers(values: list[int]) -> array:
    try:
        return array("i", values)  # four bytes each
    except OverflowError:  # offsets past two thousand million characters
        return array("q", values)


def _mention_rows(*columns: Any) -> MentionRows:
    rows = MentionRows.__new__(MentionRows)
    if len(columns) != 5:
        # an environment of an earlier version (its rows in four columns): Sphinx sets it
        # aside for its version once loaded and reads every document again
        return MentionRows()
    ids, surfaces, numbers, cuts, text = columns
    rows._ids, rows._surfaces = tuple(map(intern, ids)), tuple(map(intern, surfaces))
    rows._numbers, rows._cuts, rows._text = numbers, cuts, text
    return rows


DOC_KEYED = ("releases", "mentions", "quotes", "refs", "late", "texts", "embeds", "awaited",
             "leads", "descriptions", "checksums")
#: Short role names for long type names.
ROLE_ALIASES = {"organization": ("org",)}


class EntityRole(XRefRole):
    """``:pressroom:person:`id``` and the short ``:entity:`id```: a link to an entry.

    Without an explicit title the link shows the entry's name. The reference
    is recorded so the page is rewritten when the entry changes.
    """

    innernodeclass = nodes.inline

    def __init__(self) -> None:
        super().__init__(warn_dangling=True)

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        if ":" in self.name:
            self.refdomain, self.reftype = self.name.split(":", 1)
        else:
            self.refdomain, self.reftype = "pressroom", "entity"
        self.classes = ["xref", "pressroom", f"pressroom-{self.reftype}"]
        return self.create_xref_node()

    def process_link(self, env: BuildEnvironment, refnode: Element, has_explicit_title: bool,
                     title: str, target: str) -> tuple[str, str]:
        target = target.strip()
        domain = env.domains["pressroom"]
        assert isinstance(domain, PressroomDomain)
        domain.note_ref(env.current_document.docname, target)
        return title, target


class PressroomDomain(Domain):
    """Entries of the registry and their mentions in releases."""

    name = "pressroom"
    label = "Pressroom"
    data_version = 2
    object_types: dict[str, ObjType] = {}
    roles: dict[str, Any] = {}
    directives: dict[str, Any] = {}
    indices: list[type[Index]] = []
    initial_data: dict[str, Any] = {
        "releases": {}, "mentions": {}, "quotes": {}, "entries": {}, "refs": {}, "late": {},
        "texts": {}, "embeds": {}, "awaited": {}, "registry": {}, "shown": {}, "navigation": {},
        "tocs": {}, "locations": {}, "paged": {}, "index_pages": [], "leads": {},
        "descriptions": {}, "checksums": {},
    }

    def setup(self) -> None:
        """The standard domain's labels of this domain's indices (``pressroom-award``), as
        Sphinx sets them; and those of the indices of types no longer declared removed (a
        kept environment kept them, and with them the index's entry in ``objects.inv``)."""
        std = self.env.domains.standard_domain
        current = {f"{self.name}-{index.name}" for index in self.indices}
        for table in (std.labels, std.anonlabels):
            for label in [k for k, v in table.items() if k.startswith(f"{self.name}-")
                          and v[0] == k and k not in current]:
                del table[label]
        super().setup()

    # typed views -----------------------------------------------------------
    @property
    def releases(self) -> dict[str, tuple]:
        return self.data.setdefault("releases", {})

    @property
    def mentions(self) -> dict[str, MentionRows]:
        return self.data.setdefault("mentions", {})

    @property
    def quotes(self) -> dict[str, tuple]:
        return self.data.setdefault("quotes", {})

    @property
    def entries(self) -> dict[str, tuple]:
        return self.data.setdefault("entries", {})

    @property
    def refs(self) -> dict[str, tuple[str, ...]]:
        return self.data.setdefault("refs", {})

    @property
    def late(self) -> dict[str, tuple]:
        return self.data.setdefault("late", {})

    @property
    def embeds(self) -> dict[str, tuple[str, ...]]:
        return self.data.setdefault("embeds", {})

    def entries_by_letter(self, type_: str) -> dict[str, list[tuple[str, str, tuple]]]:
        """The entries of a type as ``letter -> [(filed as, entity id, entry), ...]``: A–Z
        by the form each is filed under (its ``sort``, else its name; accents folded),
        letters ``a``…``z`` then ``other``. The one order of the glossary, its letter
        links and the domain index."""
        rows = sorted(((e[6], eid, e) for eid, e in self.entries.items() if e[2] == type_),
                      key=lambda t: name_key(t[0], t[1]))
        letters: dict[str, list[tuple[str, str, tuple]]] = {}
        for row in rows:
            letters.setdefault(letter_of(row[0]), []).append(row)
        return dict(sorted(letters.items(), key=lambda item: (item[0] == "other", item[0])))

    def listed_indices(self) -> list[str]:
        """This domain's indices that Sphinx names in every page's related links (``Index of
        awards``): those of the declared types that have an entry, since Sphinx leaves out
        an index with no entries; none that ``html_domain_indices`` leaves out (``False``,
        or a list not naming it), as Sphinx names none of those."""
        wanted = self.env.config.html_domain_indices
        if not wanted:
            return []
        types = {e[2] for e in self.entries.values()}
        return [index.name for index in self.indices if index.entity_type in types
                and (isinstance(wanted, bool) or f"{self.name}-{index.name}" in wanted)]

    #: Build-level tables a forked reader neither uses nor hands back (see
    #: :meth:`shed_for_reader`): all are read or written by the parent process only.
    PARENT_ONLY = ("entries", "locations", "registry", "navigation", "tocs", "paged", "shown")

    def shed_for_reader(self, env) -> None:
        """In a reader process forked by a parallel build (``-j N``), before it reads.

        Sphinx pickles a reader's whole environment and sends it back to the parent,
        which unpickles it and merges only the documents that process read
        (:meth:`merge_domaindata`). The parent clears those documents before forking, so
        here the tables keyed by document hold only other documents' rows; those, the
        build-level tables and the general-index lines of the collected pages are
        dropped: nothing while reading uses them (reading only adds rows), and at a
        thousand releases they were two thirds of the environment sent back (7 MB,
        pickled and unpickled for a rebuild that reads one release).

        What is dropped stays referenced (:data:`_SHED`) until the process ends: freed,
        its millions of objects would each be written to (reference counts), copying
        the pages the fork shares with the parent; at ten thousand releases that cost
        more than the smaller pickle saved (a one-release rebuild at ``-j 2``: 25.2 s
        freeing, 21.9 s not shedding, 17.8 s shedding without freeing)."""
        for key in (*DOC_KEYED, *self.PARENT_ONLY):
            if key in self.data:
                _SHED.append(self.data[key])
                self.data[key] = {}
        index = env.domains["index"].data.get("entries")
        if index:
            for docname in self.data.get("index_pages", ()):
                _SHED.append(index.pop(docname, None))
        self.data["index_pages"] = []

    @property
    def awaited(self) -> dict[str, tuple[str, ...]]:
        return self.data.setdefault("awaited", {})

    def note_awaited(self, docname: str, path: str) -> None:
        current = self.awaited.get(docname, ())
        if path not in current:
            self.awaited[docname] = (*current, path)

    def note_embed(self, docname: str, release_docname: str) -> None:
        current = self.embeds.get(docname, ())
        if release_docname not in current:
            self.embeds[docname] = (*current, release_docname)

    @property
    def texts(self) -> dict[str, str]:
        return self.data.setdefault("texts", {})

    @property
    def registry_digests(self) -> dict[str, str]:
        return self.data.setdefault("registry", {})

    @property
    def shown(self) -> dict[str, str]:
        return self.data.setdefault("shown", {})

    # recording ---------------------------------------------------------------
    def note_release(self, docname: str, meta: tuple, mentions: Iterable[tuple],
                     quotes: Iterable[tuple], text_key: str = "", lead: str = "",
                     description: str = "", sha256: str = "") -> None:
        self.releases[docname] = meta
        if lead:
            self.data.setdefault("leads", {})[docname] = lead
        if description:
            self.data.setdefault("descriptions", {})[docname] = description
        if sha256:
            self.data.setdefault("checksums", {})[docname] = sha256
        self.mentions[docname] = MentionRows(mentions)
        self.quotes[docname] = tuple(quotes)
        if text_key:
            self.texts[docname] = text_key
        self.read_now.add(docname)

    @property
    def read_now(self) -> set[str]:
        """Releases read (here or in a parallel worker) in this build process."""
        if not hasattr(self, "_pressroom_read"):
            self._pressroom_read: set[str] = set()
        return self._pressroom_read

    def warn_duplicates(self, doc2path: Any) -> None:
        """Warn ``release_duplicate`` for release files holding the same text.

        One pass over the stored fingerprints (linear in the number of releases).
        A group is reported when one of its files was read in this build, so an
        unchanged archive does not repeat the warning on every incremental build,
        like Sphinx's own per-document warnings. The first file by name is kept
        as the original; each other file gets the warning.
        """
        groups: dict[str, list[str]] = {}
        for docname, key in self.texts.items():
            groups.setdefault(key, []).append(docname)
        fresh = self.read_now
        for docnames in groups.values():
            if len(docnames) < 2 or fresh.isdisjoint(docnames):
                continue
            first, *others = sorted(docnames)
            for docname in others:
                logger.warning("same text as %s; delete one of the two files", doc2path(first),
                               location=docname, type="pressroom", subtype="release_duplicate")

    def note_ref(self, docname: str, entity_id: str) -> None:
        current = self.refs.get(docname, ())
        if entity_id not in current:
            self.refs[docname] = (*current, entity_id)

    def note_late(self, docname: str, kind: str, arg: str) -> None:
        current = self.late.get(docname, ())
        if (kind, arg) not in current:
            self.late[docname] = (*current, (kind, arg))

    @property
    def cleared(self) -> tuple[set[str], set[str]]:
        """Releases cleared in this build process (to be read again, or removed), and the
        entities they mentioned or quoted before they were cleared."""
        if not hasattr(self, "_pressroom_cleared"):
            self._pressroom_cleared: tuple[set[str], set[str]] = (set(), set())
        return self._pressroom_cleared

    def shown_entities(self, docname: str) -> set[str]:
        """The entities a document mentions or quotes (as the speaker)."""
        rows = self.mentions.get(docname)
        entities = set(rows.ids) if rows is not None else set()
        entities.update(row[3] for row in self.quotes.get(docname, ()) if row[3])
        return entities

    # environment protocol ----------------------------------------------------
    def clear_doc(self, docname: str) -> None:
        if docname in self.releases:
            docs, entities = self.cleared
            docs.add(docname)
            entities |= self.shown_entities(docname)
        for key in DOC_KEYED:
            self.data.setdefault(key, {}).pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in DOC_KEYED:
            mine = self.data.setdefault(key, {})
            for docname, value in otherdata.get(key, {}).items():
                if docname in docnames:
                    mine[docname] = value
        self.read_now.update(d for d in otherdata.get("releases", {}) if d in docnames)

    # objects, search, inventory ---------------------------------------------
    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for eid, (docname, anchor, type_, name, aliases, _desc, _filed) in self.entries.items():
            yield eid, name, type_, docname, anchor, 0
            for alias in aliases:
                if alias != name:
                    yield alias, alias, type_, docname, anchor, 1

    def get_full_qualified_name(self, node: Element) -> str | None:
        return node.get("reftarget")

    # references ----------------------------------------------------------------
    def _lookup(self, typ: str, target: str) -> tuple | None:
        entry = self.entries.get(target)
        if entry is None or (typ not in ("entity", "any") and entry[2] != typ
                             and not (typ == "org" and entry[2] == "organization")):
            return None
        return entry

    def _refnode(self, builder: Builder, fromdocname: str, target: str, entry: tuple,
                 node: pending_xref, contnode: Element) -> Element:
        docname, anchor, type_, name, _aliases, description, _filed = entry
        if not node.get("refexplicit"):
            contnode = nodes.inline("", name, classes=contnode.get("classes", []))
        contnode["classes"] = [*contnode.get("classes", []), f"pressroom-{type_}"]
        if not writes_page(builder, self.env, docname):
            return contnode  # the entry as text: its page is not written
        ref = make_refnode(builder, fromdocname, docname, anchor, contnode,
                           title=description or name)
        ref["classes"].append("pressroom-ref")
        return ref

    def resolve_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder,
                     typ: str, target: str, node: pending_xref, contnode: Element
                     ) -> nodes.reference | None:
        if typ == "page":
            if target not in env.all_docs:
                return None
            ref = make_refnode(builder, fromdocname, target, node.get("refanchor", ""), contnode)
            return ref
        entry = self._lookup(typ, target)
        if entry is None:
            return None
        return self._refnode(builder, fromdocname, target, entry, node, contnode)  # type: ignore[return-value]

    def resolve_any_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder,
                         target: str, node: pending_xref, contnode: Element
                         ) -> list[tuple[str, nodes.reference]]:
        entry = self.entries.get(target)
        if entry is None:
            return []
        ref = self._refnode(builder, fromdocname, target, entry, node, contnode)
        return [(f"pressroom:{self.role_for_objtype(entry[2]) or entry[2]}", ref)]  # type: ignore[list-item]


def writes_page(builder: Builder, env: BuildEnvironment, pagename: str) -> bool:
    """Whether *builder* writes the page *pagename* (an entry's, a letter's, a document's):
    the entry and letter pages are collected pages, which only the builders of HTML pages
    write (``html``, ``dirhtml``, ``epub``), not ``singlehtml`` (its one page), nor a
    builder of another format (``xml`` gave a reference to an entry page no build
    writes), so an entry page's address would lead nowhere."""
    if pagename in env.all_docs:
        return True
    return builder.format == "html" and not isinstance(builder, SingleFileHTMLBuilder)


def warn_missing_reference(app: Any, domain: Domain | None, node: pending_xref) -> bool | None:
    """An entry reference nothing resolved (not this archive, not intersphinx):
    warn as ``pressroom.unknown_entity`` with the reference's location, instead of
    Sphinx's generic message. The reference is shown as plain text."""
    if node.get("refdomain") != "pressroom":
        return None
    target = node.get("reftarget", "")
    if node.get("reftype") == "page":
        logger.warning("page %r not found", target, location=node, type="pressroom",
                       subtype="unknown_entity")
        return True
    entry = app.env.domains["pressroom"].entries.get(target)
    if entry is not None:
        logger.warning("%r is a %s, not a %s", target, entry[2], node.get("reftype"),
                       location=node, type="pressroom", subtype="unknown_entity")
    else:
        logger.warning("unknown entry %r: it is not in the registry", target,
                       location=node, type="pressroom", subtype="unknown_entity")
    return True


class EntityIndex(Index):
    """A domain index listing the entries of one type, A–Z."""

    entity_type = "person"

    def generate(self, docnames: Iterable[str] | None = None
                 ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = self.domain
        assert isinstance(domain, PressroomDomain)
        content: list[tuple[str, list[IndexEntry]]] = []
        wanted = set(docnames) if docnames is not None else None
        letters = domain.entries_by_letter(self.entity_type)
        config = domain.env.config
        if wanted is None and sum(map(len, letters.values())) > config.pressroom_glossary_max:
            # as the glossary: beyond pressroom_glossary_max entries, the letters, each
            # linking to its page (one line per entry), so the index does not grow with
            # the registry
            from pressroom.sphinxext.entrypages import letter_anchor, letter_docname

            type_ = self.entity_type
            for letter, group in letters.items():
                n = len(group)
                label = letter_label(letter)
                content.append((label, [IndexEntry(
                    colon(label) + " " + quantity(n, "{count} entry", "{count} entries"), 0,
                    letter_docname(config.pressroom_entries_dir, type_, letter),
                    letter_anchor(type_, letter), "", "", "")]))
            return content, False
        for letter, group in letters.items():
            # no release count: the index would change with every mention (the glossary's
            # letter pages and the entry pages show it)
            rows = [IndexEntry(name, 0, docname, anchor, "", "", desc)
                    for name, _eid, (docname, anchor, _t, _n, _aliases, desc, _f) in group
                    if wanted is None or docname in wanted]
            if rows:
                content.append((letter_label(letter), rows))
        return content, False


def make_domain(types: dict[str, dict[str, str]]) -> type[PressroomDomain]:
    """The domain class for a project's entity types (declared types get roles and indices)."""
    object_types: dict[str, ObjType] = {}
    roles: dict[str, Any] = {"entity": EntityRole()}
    indices: list[type[Index]] = []
    for name, spec in types.items():
        role_names = (name, *ROLE_ALIASES.get(name, ()))
        # the type's name in the search's results (``Person, in …``), in the site's language
        object_types[name] = ObjType(_(spec.get("label", name.title())), *role_names, "entity")
        for role in role_names:
            roles[role] = EntityRole()
        # in the site's language: the domain is made when the configuration is read, after
        # the catalog is registered
        plural = in_text(_(spec.get("plural", name.title() + "s")))
        indices.append(type(f"{name.title()}Index", (EntityIndex,), {
            "name": name,
            "localname": _("Index of {types}").format(types=plural),
            "shortname": plural,
            "entity_type": name,
        }))
    return type("PressroomDomain", (PressroomDomain,), {
        "object_types": object_types,
        "roles": roles,
        "indices": indices,
        "directives": {},
    })


def get_domain(env: BuildEnvironment) -> PressroomDomain:
    domain = env.domains["pressroom"]
    assert isinstance(domain, PressroomDomain)
    return domain
