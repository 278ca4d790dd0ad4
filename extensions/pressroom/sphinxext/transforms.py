"""The post-transforms that render placeholders from the merged domain data.

:class:`LateRenderer` (priority 5) fills the placeholders; the links to entries it
makes, like those in release text, are :func:`~.markup.entry_link` references that
:class:`EntryLinks` (priority 6) points at the entry's page, with its description as
the link title. Both run before Sphinx's reference resolver (10), which resolves
the page links (``pending_xref``) among them.
"""

from __future__ import annotations

import datetime as _dt
import weakref
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from pressroom.i18n import _, colon, human_date, human_range, number, quantity
from pressroom.registry import PartialDate
from pressroom.sphinxext import aggregates
from pressroom.sphinxext.corpus import (
    BUILDERS,
    copied_source,
    corpus_for_env,
    in_releases,
    letter_label,
    plain,
    source_suffix,
    web_site,
)
from pressroom.sphinxext.directives import badge
from pressroom.sphinxext.domain import get_domain, writes_page
from pressroom.sphinxext.generate import MARKER, generated_folders
from pressroom.sphinxext.markup import (
    ENTRY_ATTR,
    EXPORT_ATTR,
    EXPORT_FILE,
    ORIGINAL_ATTR,
    entry_link,
    language_classes,
)
from pressroom.sphinxext.nodes import late

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)


def release_date(iso: str) -> str:
    """A release's date (ISO 8601) as its lists show it: ``27 April 2011``, ``undated``."""
    if not iso:
        return _("undated")
    return human_date(PartialDate.of(_dt.date.fromisoformat(iso)))


def _unlink(node: nodes.reference) -> None:
    """*node* as its text: an ``inline`` keeps its ids (a mention's anchor) and classes."""
    text = nodes.inline("", "", *node.children)
    text.update_basic_atts(node)
    node.replace_self(text)


class EntryLinks(SphinxPostTransform):
    """Fill in the target of every link the linker made (:func:`~.markup.entry_link`),
    of links to the corpus export (:func:`~.markup.export_link`) and to the release file
    as received (:func:`~.markup.original_link`).

    One pass over the page's references, one relative URI per entry page it links
    to; the link's title is the entry's one-line description. A link to an entry
    that is no longer in the registry (it cannot happen to a release page, which is
    re-read when an entity it mentions goes) is shown as its text, with a warning."""

    default_priority = 6

    def run(self, **kwargs: Any) -> None:
        links = [n for n in self.document.findall(nodes.reference)
                 if ENTRY_ATTR in n or EXPORT_ATTR in n or ORIGINAL_ATTR in n]
        if not links:
            return
        entries = get_domain(self.env).entries
        docname = self.env.current_document.docname
        builder = BUILDERS[str(self.env.srcdir)]
        uris: dict[str, str | None] = {}
        for node in links:
            if EXPORT_ATTR in node:
                self.export_link(node, docname, builder)
                continue
            if ORIGINAL_ATTR in node:
                self.original_link(node, docname, builder)
                continue
            eid = node[ENTRY_ATTR]
            entry = entries.get(eid)
            if entry is None:
                logger.warning("unknown entry %r: it is not in the registry", eid, location=node,
                               type="pressroom", subtype="unknown_entity")
                _unlink(node)
                continue
            target, anchor, type_, name, _aliases, description, _filed = entry
            if target not in uris:
                try:
                    uris[target] = builder.get_relative_uri(docname, target)
                except NoUri:  # a builder that leaves the entry's page out (LaTeX)
                    uris[target] = None
                if not writes_page(builder, self.env, target):
                    uris[target] = None
            uri = uris[target]
            if uri is None:  # the mention as text, as Sphinx does with such a reference
                _unlink(node)
                continue
            node["refuri"] = f"{uri}#{anchor}" if anchor else uri
            node["reftitle"] = description or name
            del node[ENTRY_ATTR]
            node["classes"].append(f"pressroom-{type_}")

    def original_link(self, node: nodes.reference, docname: str, builder: Any) -> None:
        """The release file as received: the page's source, which the HTML builder copies
        to ``_sources/`` as Sphinx names it there (``html_copy_source``) when it writes the
        page; the path alone where nothing is copied."""
        del node[ORIGINAL_ATTR]
        name = copied_source(builder, docname, source_suffix(self.env, docname))
        if name is None:
            _unlink(node)
            return
        # the file's name as a path of the address (``#``, ``?`` and ``%`` in a file name
        # are not the address's fragment, query and escapes)
        node["refuri"] = relative_uri(builder.get_target_uri(docname),
                                      quote(f"_sources/{name}", safe="/"))
        node["reftitle"] = _("The release file as received")

    @staticmethod
    def export_link(node: nodes.reference, docname: str, builder: Any) -> None:
        """The corpus export, relative to this page; its text alone where none is written
        (builders other than HTML, and an e-book: it is not among its files)."""
        if not web_site(builder):
            _unlink(node)
            return
        node["refuri"] = relative_uri(builder.get_target_uri(docname), EXPORT_FILE)
        del node[EXPORT_ATTR]


def _publisher_name(corpus, folder: str) -> str:
    """The name of the publisher of *folder*, as the archive's lists give it; ``No
    publisher`` for the releases outside the publishers' folders (*folder* "")."""
    return corpus.project.publisher(folder).name if folder else _("No publisher")


class LateRenderer(SphinxPostTransform):
    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        placeholders = list(self.document.findall(late))
        if not placeholders:
            return
        domain = get_domain(self.env)
        agg = aggregates.get(domain)
        for node in placeholders:
            render = getattr(self, "render_" + node["kind"].replace("-", "_"), None)
            self.node = node  # where the directive was written, for its warnings
            new = render(domain, agg, node["arg"]) if render else []
            node.replace_self(new or [])

    # helpers ---------------------------------------------------------------
    @staticmethod
    def doc_ref(docname: str, text: str, anchor: str = "",
                language: str = "") -> addnodes.pending_xref:
        """A link to a page (resolved by the domain, which has the builder); its text marked
        as written in *language* (a release's title in another language than the site's)."""
        ref = addnodes.pending_xref("", refdomain="pressroom", reftype="page", reftarget=docname,
                                    refanchor=anchor, refexplicit=True, refwarn=True)
        ref += nodes.inline(text, text, classes=language_classes(language))
        return ref

    def anchored(self, rubric: nodes.rubric) -> list[nodes.Node]:
        """A heading the page's jump line links to (a glossary's letter, the timeline's
        year). HTML writes its id; the LaTeX and Texinfo writers write no label for a
        rubric's ids, so there the id is a target's before it: the jump line's links
        pointed at no label (undefined references in the PDF, and anchors the Texinfo
        writer placed at the end of the file, in no fixed order)."""
        builder = BUILDERS.get(str(self.env.srcdir))
        if builder is None or builder.format == "html":
            return [rubric]
        target = nodes.target("", "", ids=rubric["ids"])
        rubric["ids"] = []
        return [target, rubric]

    def generated_page(self) -> bool:
        """Whether the directive being rendered is in a page Pressroom generated (its
        source, not the page being written: ``singlehtml`` renders every page's in the
        root document's)."""
        source = self.node.source
        docname = self.env.path2doc(source) if source else None
        if not docname:
            return False
        folders = generated_folders(self.config)
        return docname.startswith(folders) and any(
            (Path(self.env.srcdir) / folder / MARKER).is_file() for folder in folders
            if docname.startswith(folder))

    @staticmethod
    def empty(text: str) -> nodes.paragraph:
        return nodes.paragraph(text, text, classes=["pressroom-empty"])

    # pages -----------------------------------------------------------------
    def render_glossary(self, domain, agg, type_: str) -> list[nodes.Node]:
        letters = domain.entries_by_letter(type_)
        if not letters:
            return [self.empty(_("No entries of this type yet."))]
        total = sum(len(group) for group in letters.values())
        builder = BUILDERS.get(str(self.env.srcdir))
        if total > self.config.pressroom_glossary_max and hasattr(builder, "handle_page"):
            return self.glossary_letters(type_, letters, builder)
        jump = nodes.paragraph(classes=["pressroom-letters"])
        for i, letter in enumerate(letters):
            if i:
                jump += nodes.Text(" · ")
            jump += nodes.reference("", letter_label(letter), internal=True,
                                    refid=f"letter-{type_}-{letter}")
        out: list[nodes.Node] = [jump]
        for letter, group in letters.items():
            label = letter_label(letter)
            out += self.anchored(nodes.rubric(label, label, ids=[f"letter-{type_}-{letter}"],
                                              classes=["pressroom-letter"]))
            items = nodes.bullet_list(classes=["pressroom-glossary"])
            for name, eid, e in group:
                para = nodes.paragraph()
                para += entry_link(eid, name)
                if e[5]:
                    para += nodes.Text(f" — {e[5]}")
                n = agg.release_count.get(eid, 0)
                para += nodes.inline("", f" · {in_releases(n)}",
                                     classes=["pressroom-muted"])
                items += nodes.list_item("", para)
            out.append(items)
        return out

    def glossary_letters(self, type_: str, letters: dict[str, list], builder) -> list[nodes.Node]:
        """A large glossary: its letters, each linking to the page that lists its entries.

        It shows nothing a release changes, so it is not rewritten when mentions change
        (the letter pages, rendered from collected data, are)."""
        from pressroom.sphinxext.entrypages import letter_docname

        docname = self.env.current_document.docname
        total = sum(len(group) for group in letters.values())
        intro = quantity(total, "{count} entry, listed by the first letter of its name.",
                        "{count} entries, listed by the first letter of their name.")
        out: list[nodes.Node] = [nodes.paragraph(intro, intro, classes=["pressroom-count"])]
        items = nodes.bullet_list(classes=["pressroom-glossary-letters"])
        for letter, group in letters.items():
            n = len(group)
            uri = builder.get_relative_uri(
                docname, letter_docname(self.config.pressroom_entries_dir, type_, letter))
            para = nodes.paragraph()
            para += nodes.reference("", letter_label(letter), internal=True, refuri=uri)
            para += nodes.inline("", " — " + quantity(n, "{count} entry", "{count} entries"),
                                 classes=["pressroom-muted"])
            items += nodes.list_item("", para)
        out.append(items)
        return out

    def render_type_list(self, domain, agg, arg: str) -> list[nodes.Node]:
        corpus = corpus_for_env(self.env)
        counts: dict[str, int] = defaultdict(int)
        for e in domain.entries.values():
            counts[e[2]] += 1
        items = nodes.bullet_list(classes=["pressroom-type-list"])
        for type_ in corpus.project.entity_types:
            label = corpus.type_label(type_, plural=True)
            para = nodes.paragraph()
            para += self.doc_ref(f"{self.config.pressroom_entries_dir}/{type_}/index", label)
            n = counts.get(type_, 0)
            para += nodes.inline("", " — " + quantity(n, "{count} entry", "{count} entries"),
                                 classes=["pressroom-muted"])
            items += nodes.list_item("", para)
        return [items]

    def render_summary(self, domain, agg, arg: str) -> list[nodes.Node]:
        """What the archive holds: its releases and entries, and each publisher's releases
        with the dates they span, the most first; each publisher links its archive."""
        corpus = corpus_for_env(self.env)
        folders, n_entries = aggregates.archive_summary(domain)
        total = sum(row[1] for row in folders)
        if not total:
            return [self.empty(_("The archive holds no releases yet."))]
        entries = quantity(n_entries, "{count} entry", "{count} entries")
        intro = nodes.paragraph(classes=["pressroom-summary"])
        # the sentence around the link to the entries, as the language words it
        before, _entries, after = _("The archive holds {releases} and {entries}:").format(
            releases=quantity(total, "{count} release", "{count} releases"), entries="\0").partition("\0")
        intro += nodes.Text(before)
        index = f"{self.config.pressroom_entries_dir}/index"
        intro += self.doc_ref(index, entries) if index in self.env.all_docs else nodes.Text(entries)
        intro += nodes.Text(after)
        shown = []
        for folder, n, first, last in folders:
            name = _publisher_name(corpus, folder)
            shown.append((-n, name, folder, n, first, last))
        items = nodes.bullet_list(classes=["pressroom-summary"])
        for _most, name, folder, n, first, last in sorted(shown):
            para = nodes.paragraph()
            page = f"{self.config.pressroom_archive_dir}/{folder}/index"
            para += (self.doc_ref(page, name) if folder and page in self.env.all_docs
                     else nodes.Text(name))
            span = (human_range(PartialDate.parse(first), PartialDate.parse(last)) if first
                    else _("undated"))
            releases = quantity(n, "{count} release", "{count} releases")
            para += nodes.inline("", f" — {releases}, {span}",
                                 classes=["pressroom-muted"])
            items += nodes.list_item("", para)
        return [intro, items]

    def render_release_list(self, domain, agg, arg: str) -> list[nodes.Node]:
        docs = []
        generated = self.generated_page()
        for d in arg.split("\n") if arg else ():
            if d in domain.releases:
                docs.append(d)
                continue
            if generated:
                # an archive month's list names every release file in its folder: one not
                # read (left out by exclude_patterns, unreadable) is reported where it is
                # (Sphinx's toc.excluded, the release's own warning), not at a line no one
                # wrote
                continue
            # a typo, a file's name with its suffix, a release since removed: said, at the
            # line of the directive (the list is filled when the page is written)
            logger.warning("pressroom:release-list: %r is no release's document name (such as "
                           "corpus/releases/hrf/2011/2011-04-27-title, without .txt); it is "
                           "left out of the list", d, location=self.node, type="pressroom",
                           subtype="release_missing")
        docs.sort(key=lambda d: (domain.releases[d][1], d), reverse=True)
        if not docs:
            return [self.empty(_("No releases."))]
        items = nodes.bullet_list(classes=["pressroom-release-list"])
        leads = domain.data.get("leads", {})
        for d in docs:
            meta = domain.releases[d]
            para = nodes.paragraph()
            para += nodes.inline("", release_date(meta[1]), classes=["pressroom-date"])
            para += nodes.Text(" ")
            para += self.doc_ref(d, meta[0], language=meta[7])
            item = nodes.list_item("", para)
            # its opening words, to tell releases apart (text, never markup)
            lead = leads.get(d)
            if lead:
                item += nodes.paragraph(lead, lead,
                                        classes=["pressroom-lead", *language_classes(meta[7])])
            items += item
        return [items]

    def render_timeline(self, domain, agg, arg: str) -> list[nodes.Node]:
        corpus = corpus_for_env(self.env)
        # (year, month or 0, day or 0, order, sort name, what, object): an event known to
        # its month or year only comes first in that month or year, under no day
        rows: list[tuple[int, int, int, int, str, str, Any]] = []
        for e in corpus.registry:
            if e.type != "event" or not e.start or e.id not in domain.entries:
                continue
            s = e.start
            rows.append((s.year, s.month or 0, s.day or 0, 0, e.name, "event", e))
        for d, meta in domain.releases.items():
            if meta[1]:
                day = _dt.date.fromisoformat(meta[1])
                rows.append((day.year, day.month, day.day, 1, meta[0], "release", d))
        if not rows:
            return [self.empty(_("Nothing dated yet."))]
        dated = sum(1 for r in rows if r[5] == "release")
        monthly = dated > self.config.pressroom_timeline_max
        if monthly:
            rows = self._months_of_releases(rows, corpus)
        # the same day and title: the docname (or id) decides, not the order they were read
        rows.sort(key=lambda r: (*r[:5], r[6] if r[5] != "event" else r[6].id))
        out: list[nodes.Node] = []
        if monthly:
            intro = quantity(dated, "{count} dated release: each month says how many each "
                            "publisher issued, with a link to that month's list; events are "
                            "listed one by one.",
                            "{count} dated releases: each month says how many each publisher "
                            "issued, with a link to that month's list; events are listed one "
                            "by one.")
            out.append(nodes.paragraph(intro, intro, classes=["pressroom-count"]))
        years = sorted({r[0] for r in rows})
        if len(years) > 1:  # a long page: a line to jump to each year
            jump = nodes.paragraph(classes=["pressroom-years"])
            jump += nodes.Text(colon(_("Years")) + " ")
            for i, y in enumerate(years):
                if i:
                    jump += nodes.Text(" · ")
                jump += nodes.reference(str(y), str(y), refid=f"year-{y}", internal=True)
            out.append(jump)
        year = month = None
        items = None
        for y, m, day, _order, _name, what, obj in rows:
            if y != year:
                year, month = y, None
                out += self.anchored(nodes.rubric(str(year), str(year), ids=[f"year-{year}"],
                                                  classes=["pressroom-year"]))
            if m != month or items is None:
                month = m
                if m:
                    label = human_date(PartialDate(y, m))
                    out.append(nodes.paragraph(label, label, classes=["pressroom-month"]))
                items = nodes.bullet_list(classes=["pressroom-timeline"])
                out.append(items)
            para = nodes.paragraph()
            if what == "event":
                when = human_range(obj.start, obj.end, year=False)
                para += nodes.inline(when, when, classes=["pressroom-date"])
                para += nodes.Text(" ")
                para += badge(corpus.type_label("event"), "event")
                para += nodes.Text(" ")
                para += entry_link(obj.id, plain(obj.name))
            elif what == "month":
                total = sum(n for _name, n, _doc in obj)
                para += badge(_("Releases"), "release")
                para += nodes.Text(f" {number(total)} — ")
                for i, (name, n, doc) in enumerate(obj):
                    if i:
                        para += nodes.Text(" · ")
                    text = f"{name} ({number(n)})"
                    para += self.doc_ref(doc, text) if doc else nodes.Text(text)
            else:
                meta = domain.releases[obj]
                when = human_date(PartialDate(y, m, day), year=False)
                para += nodes.inline(when, when, classes=["pressroom-date"])
                para += nodes.Text(" ")
                para += badge(_("Release"), "release")
                para += nodes.Text(" ")
                para += self.doc_ref(obj, meta[0], language=meta[7])
            assert items is not None  # a list is made for the first row
            items += nodes.list_item("", para)
        return out

    def _months_of_releases(self, rows: list[tuple], corpus) -> list[tuple]:
        """*rows* with the releases of each month replaced by one row: how many each
        publisher issued that month, each linking to that publisher's list of the month
        in the archive (``<archive>/<publisher>/<year>/<mm>``: every release of it, when
        filed where its date says; one filed elsewhere is reported at build time as
        ``release_place``). After the month's events."""
        env = self.env
        releases = get_domain(env).releases
        archive = self.config.pressroom_archive_dir
        counts: dict[tuple[int, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        out = []
        for row in rows:
            if row[5] != "release":
                out.append(row)
                continue
            # the publisher's folder ("" for a release outside the publishers' folders)
            counts[(row[0], row[1])][releases[row[6]][2]] += 1
        for (y, m), by_folder in counts.items():
            shown = []
            for folder, n in by_folder.items():
                doc = f"{archive}/{folder}/{y:04d}/{m:02d}" if folder else ""
                name = _publisher_name(corpus, folder)
                shown.append((name, n, doc if doc in env.all_docs else ""))
            shown.sort(key=lambda s: (-s[1], s[0]))
            # day 32: after every event of the month
            out.append((y, m, 32, 2, "", "month", tuple(shown)))
        return out


#: sphinx-design's post-transforms that each walk the whole doctree for components of one
#: kind (``findall`` with a per-node function: about 0.3 ms a page each, three walks per
#: page, serial in the main process even at ``-j N``) and do nothing where there is none.
DESIGN_COMPONENT_TRANSFORMS = frozenset({
    "sphinx_design.dropdown.DropdownHtmlTransform",
    "sphinx_design.tabs.TabSetHtmlTransform",
    "sphinx_design.aside.AsideHtmlTransform",
})

#: The last document looked at (a weak reference: it is not kept alive) and whether it
#: holds a design component: the three transforms run one after the other on it.
_DESIGN_SEEN: list[Any] = [lambda: None, False]


def has_design_component(document: nodes.Node) -> bool:
    """Whether *document* holds a sphinx-design component (a node with a
    ``design_component`` attribute): one walk, with a plain stack (several times faster
    than ``findall``), remembered for the document."""
    if _DESIGN_SEEN[0]() is document:
        return _DESIGN_SEEN[1]
    found = False
    stack = [document]
    pop = stack.pop
    extend = stack.extend
    while stack:
        node = pop()
        if isinstance(node, nodes.Element):
            if "design_component" in node.attributes:
                found = True
                break
            extend(node.children)
    _DESIGN_SEEN[0] = weakref.ref(document)
    _DESIGN_SEEN[1] = found
    return found


def skip_idle_design_transforms(app: Sphinx, config: Config) -> None:
    """``config-inited`` (every extension is set up): sphinx-design's component
    post-transforms (:data:`DESIGN_COMPONENT_TRANSFORMS`) are replaced by subclasses that
    return at once on a page without any design component, as a release page is.

    The subclasses do exactly what the originals do on a page that has one. If a
    sphinx-design release renames them, nothing is replaced and the build is as before.
    """
    registered = app.registry.post_transforms
    for i, cls in enumerate(registered):
        if f"{cls.__module__}.{cls.__qualname__}" in DESIGN_COMPONENT_TRANSFORMS:
            registered[i] = _skipping(cls)


def _skipping(cls: type[SphinxPostTransform]) -> type[SphinxPostTransform]:
    def run(self, **kwargs: Any) -> None:
        if has_design_component(self.document):
            cls.run(self, **kwargs)

    return type(cls.__name__, (cls,), {"run": run, "__module__": __name__,
                                       "__doc__": f"{cls.__doc__ or ''}\n\nSkipped on a page "
                                       "without design components (Pressroom)."})


__all__ = ["EntryLinks", "LateRenderer", "has_design_component", "plain",
           "skip_idle_design_transforms"]
