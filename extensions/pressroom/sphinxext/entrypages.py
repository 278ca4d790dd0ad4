"""Entry pages and letter pages, rendered from collected data like Sphinx's ``genindex``.

An entry page shows data the build already holds (the registry entry, the entries
that point at it, and the backlinks, quotations and co-mentions aggregated from
the releases), so it is not a Sphinx document: nothing is read or parsed for it,
and no doctree is pickled. Like ``genindex``, it is rendered at
``html-collect-pages``, which saves Sphinx's per-document floor on every entry
(about 25 ms at the scale of thousands of entries: most of a large archive's
build when each entry was a document).

What a reader and Sphinx still get:

* every entry is a domain object (``pressroom.entries``, set at ``env-updated``
  from the registry): roles, ``objects.inv``, intersphinx and the search index's
  objects point at it;
* the search index gets each page's name, aliases and description, and the words of
  the names as written without accents (:func:`feed_search`; a page whose model did
  not change keeps its entry from the last build's index, :func:`keep_search_entries`),
  and the general index one line per name and alias (:func:`note_index_entries`);
* **which** entries get a page of their own: those a release mentions
  (:func:`pressroom.sphinxext.incremental.mentioned`); the others are shown in
  full on their letter page, ``entries/<type>/by-letter/<l>``, which lists every
  entry of its type and letter, one line each (the glossary's pages);
* a page is rendered and written only when what it shows changes: the digest of
  its *model* (every value its HTML is made from: :meth:`Renderer.model`) and of
  the site around it (configuration, templates, the visible navigation) is
  compared with the digest recorded with the output (``.pressroom-pages.json``
  in the output folder); the page is rendered (cheap string building, no
  docutils) when they differ or the file is missing. Pages of entries that lost
  their page are deleted (only files this module wrote are ever deleted).

Registry text only ever reaches the page through :func:`esc` (HTML-escaped,
control characters replaced), never through a markup parser.
"""

from __future__ import annotations

import hashlib
import html as _html
import itertools
import json
import os
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.locale import _ as sphinx_
from sphinx.util import logging
from sphinx.util.docutils import new_document

from pressroom import __version__
from pressroom.i18n import (
    N_,
    _,
    catalog_key,
    colon,
    comma,
    human_date,
    human_range,
    in_text,
    number,
    quantity,
)
from pressroom.registry import PartialDate
from pressroom.sphinxext import aggregates
from pressroom.sphinxext.corpus import (
    ACTIVE,
    code_key,
    digest,
    entity_anchor,
    entity_slug,
    file_stamp,
    filed_as,
    in_releases,
    letter_of,
    letter_title,
    name_key,
    plain,
    remove_output,
)
from pressroom.sphinxext.domain import get_domain
from pressroom.sphinxext.html import breadcrumbs_html, lang_attributes, url_folder
from pressroom.sphinxext.markup import accent_free_keywords

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from pressroom.registry import Entity

logger = logging.getLogger(__name__)

DIGESTS = ".pressroom-pages.json"
#: Collected pages of this build, by source folder: ``pages`` (docname -> digest) and
#: ``keys`` (docname -> key), saved at build-finished.
_WRITTEN: dict[str, dict[str, dict[str, str]]] = {}


def esc(value: Any) -> str:
    return _html.escape(plain(value))


#: Names in a type's folder that are not entry pages (the glossary, the letters' folder).
RESERVED = frozenset({"index", "by-letter"})


def entry_docname(entries_dir: str, type_: str, entity_id: str) -> str:
    slug = entity_slug(entity_id)
    if slug.lower() in RESERVED:  # an entity called "index" must not replace the glossary
        slug = f"{slug}-{hashlib.sha1(entity_id.encode('utf-8')).hexdigest()[:8]}"
    return f"{entries_dir}/{type_}/{slug}"


def letter_docname(entries_dir: str, type_: str, letter: str) -> str:
    return f"{entries_dir}/{type_}/by-letter/{letter}"


def letter_anchor(type_: str, letter: str) -> str:
    """The id of a letter page's list (the target of the domain index's letter links)."""
    return f"letter-{type_}-{letter}"


# ---------------------------------------------------------------------------- the domain objects


def assign_entries(app: Sphinx, corpus, paged: set[str]) -> None:
    """Make every registry entry a domain object, on its own page or its letter page.

    Called at ``env-updated``, once every document is read and merged: ``entries``
    is build-level data, decided from the registry and the set of mentioned
    entities, not contributed by documents. Nothing needs it while reading (links
    to entries are resolved when pages are written).
    """
    domain = get_domain(app.env)
    entries_dir = app.config.pressroom_entries_dir
    entries: dict[str, tuple] = {}
    for entity in corpus.registry:
        if entity.id in paged:
            docname = entry_docname(entries_dir, entity.type, entity.id)
        else:
            docname = letter_docname(entries_dir, entity.type, letter_of(filed_as(entity)))
        entries[entity.id] = (docname, entity_anchor(entity.id), entity.type, plain(entity.name),
                              tuple(plain(a) for a in entity.aliases), plain(entity.description),
                              filed_as(entity))
    domain.data["entries"] = entries
    domain.data["paged"] = {eid: entries[eid][0] for eid in sorted(paged) if eid in entries}


def pages(domain, entries_dir: str) -> dict[str, tuple[str, ...]]:
    """Collected pages: docname -> ids of the entries shown on it.

    An entry page shows its entry; a letter page lists every entry of its type and
    letter as one line, and those without a page of their own also in full."""
    paged = domain.data.get("paged", {})
    out: dict[str, list[str]] = defaultdict(list)
    for eid, (docname, _anchor, type_, _name, _aliases, _desc, filed) in domain.entries.items():
        if eid in paged:
            out[docname].append(eid)
        out[letter_docname(entries_dir, type_, letter_of(filed))].append(eid)
    return {d: tuple(ids) for d, ids in out.items()}


def note_index_entries(app: Sphinx) -> None:
    """The general index: one line per entry name and alias, pointing at its anchor; the
    name and the aliases each say the form the entry is filed under (``Ms. Okonkwo (see
    Okonkwo, Maria)``: an alias saw the name, itself a *see* line).

    Stored in Sphinx's index domain under the collected page's name (at
    ``env-updated``, so it is pickled with the environment); the previous
    build's lines for pages that no longer exist are removed.
    """
    env = app.env
    domain = get_domain(env)
    corpus = ACTIVE[str(app.srcdir)]
    index = env.domains["index"].data.setdefault("entries", {})
    for docname in domain.data.get("index_pages", ()):
        if docname not in env.all_docs:
            index.pop(docname, None)
    by_page: dict[str, list] = defaultdict(list)
    for _eid, (docname, anchor, type_, name, aliases, _desc, filed) in domain.entries.items():
        label = in_text(corpus.type_label(type_))
        rows = by_page[docname]
        # filed as the registry's sort says (Obama, Barack), the name as written beside it
        rows.append(("single", _("{name} ({type})").format(name=filed, type=label), anchor, "", None))
        see = _("{name} (see {filed})")
        if filed != name:
            rows.append(("single", see.format(name=name, filed=filed), anchor, "", None))
        rows.extend(("single", see.format(name=alias, filed=filed), anchor, "", None)
                    for alias in aliases if alias not in (name, filed))
    for docname, rows in by_page.items():
        if docname not in env.all_docs:
            index[docname] = rows
    domain.data["index_pages"] = sorted(d for d in by_page if d not in env.all_docs)


# ---------------------------------------------------------------------------- inverse links

#: An entry page lists at most this many entries under each label of its inverse links
#: (by name), then says how many more there are.
INVERSE_MAX = 50

#: Relations whose inverse has a name of its own: relation -> (the inverse relation, the
#: label the entry pointed at shows its sources under). An entry that states the inverse
#: itself (``led-by`` the entry that ``leads`` it) shows the link once, as it states it.
#: A relation that is its own inverse (``allied-with``) is listed with itself. The labels
#: are English, translated where the page shows them (as are those of :func:`relation_label`).
INVERSE_RELATIONS: dict[str, tuple[str, str]] = {
    "leads": ("led-by", N_("Led by")), "led-by": ("leads", N_("Leads")),
    "heads": ("headed-by", N_("Headed by")), "headed-by": ("heads", N_("Heads")),
    "works-for": ("employs", N_("Employs")), "employs": ("works-for", N_("Works for")),
    "member-of": ("has-member", N_("Members")), "has-member": ("member-of", N_("Member of")),
    "part-of": ("has-part", N_("Includes")), "has-part": ("part-of", N_("Part of")),
    "founded": ("founded-by", N_("Founded by")), "founded-by": ("founded", N_("Founded")),
    "awarded": ("awarded-to", N_("Awarded to")), "awarded-to": ("awarded", N_("Awarded")),
    "parent-of": ("child-of", N_("Child of")), "child-of": ("parent-of", N_("Parent of")),
    "allied-with": ("allied-with", N_("Allied with")),
    "married-to": ("married-to", N_("Married to")),
    "spouse-of": ("spouse-of", N_("Spouse of")), "sibling-of": ("sibling-of", N_("Sibling of")),
    "partner-of": ("partner-of", N_("Partner of")),
}
#: The labels of the known relations (:func:`relation_label`) that are no inverse's label
#: above, for the catalog.
_RELATION_LABELS = (N_("Has member"), N_("Has part"))


def relation_label(relation: str) -> str:
    """A relation as an entry page labels it: ``works-for`` -> ``Works for`` (English: the
    page translates it, see :data:`INVERSE_RELATIONS`)."""
    return relation.replace("-", " ").capitalize()


def inverse_label(relation: str) -> str:
    """What the entry a relation points at lists its sources under: the inverse's label
    when the relation has a known inverse (``leads`` -> ``Led by``), else the relation
    followed by *it* (``advises`` -> ``Advises it``)."""
    known = INVERSE_RELATIONS.get(relation)
    return known[1] if known is not None else f"{relation_label(relation)} it"


#: The facts that link to another entry, by the label the entry linked to lists its
#: sources under (and their order on the page, before the relations' labels).
_INVERSE_FIELDS = (N_("Affiliated"), N_("Held here"), N_("Located here"), N_("In this country"),
                   N_("Participated in"))


class InverseLinks:
    """Every entry's inverse links: the entries that point at it, by the label its page
    lists them under. Made once per build, in one pass over every entry's links; an
    entry's are put in order (by name) when first asked for (a rebuild asks for those of
    the few pages it keys or renders).

    What an entry page shows once and not twice: an entry pointing at itself; a
    relation the entry pointed at states itself the other way (``led-by`` the entry
    that ``leads`` it: its own facts list it); an entry that is affiliated with the
    entry and also related to it (``affiliation`` and ``works-for``), which is listed
    under the relation only."""

    def __init__(self, registry) -> None:
        self._registry = registry
        raw: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        related: set[tuple[str, str]] = set()  # (source, target) linked by a relation
        for entity in registry:
            source = entity.id
            if entity.affiliation:
                raw[entity.affiliation]["Affiliated"].add(source)
            if entity.place:
                label = "Held here" if entity.type == "event" else "Located here"
                raw[entity.place][label].add(source)
            if entity.country:
                raw[entity.country]["In this country"].add(source)
            for target in entity.participants:
                if target:
                    raw[target]["Participated in"].add(source)
            for relation, target in entity.relations:
                if not target or target == source:
                    continue
                related.add((source, target))
                known = INVERSE_RELATIONS.get(relation)
                other = registry.get(target)
                if known is not None and other is not None \
                        and (known[0], source) in other.relations:
                    continue  # the entry pointed at states it itself
                raw[target][inverse_label(relation)].add(source)
        self._raw = raw
        self._related = related
        self._memo: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
        self._keys: dict[str, tuple[str, str, str]] = {}  # a source's name key, taken once

    def _by_name(self, source: str) -> tuple[str, str, str]:
        key = self._keys.get(source)
        if key is None:
            key = self._keys[source] = name_key(self._registry[source].name, source)
        return key

    def get(self, target: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """((label, ids of the entries that point at *target* under it, by name), ...), in
        page order: the fields' labels, then the relations' labels in A–Z order."""
        rows = self._memo.get(target)
        if rows is not None:
            return rows
        groups = self._raw.get(target, {})
        out = []
        for label in sorted(groups, key=lambda lab: (_INVERSE_RANK.get(lab, len(_INVERSE_RANK)),
                                                     lab)):
            ids = groups[label] - {target}
            if label == "Affiliated":
                ids = {s for s in ids if (s, target) not in self._related}
            if ids:
                out.append((label, tuple(sorted(ids, key=self._by_name))))
        rows = self._memo[target] = tuple(out)
        return rows


_INVERSE_RANK = {label: i for i, label in enumerate(_INVERSE_FIELDS)}


# ---------------------------------------------------------------------------- rendering


#: The heading of the releases that mention an entry, which the quotations' note names.
MENTIONED_IN = N_("Mentioned in")


@dataclass
class Page:
    docname: str
    title: str
    body: str
    toc: str
    metatags: str
    parents: list[dict[str, str]]


class Renderer:
    """Renders collected pages' bodies to HTML from the domain data and the registry."""

    def __init__(self, app: Sphinx) -> None:
        from pressroom.sphinxext.transforms import release_date

        self.app = app
        self.builder = app.builder
        self.domain = get_domain(app.env)
        self.agg = aggregates.get(self.domain)
        self.corpus = ACTIVE[str(app.srcdir)]
        self.entries_dir = app.config.pressroom_entries_dir
        #: an entry page lists this many releases; more are listed on pages by year (and
        #: by month, for a year with more than this many)
        self.limit = app.config.pressroom_entry_releases
        #: the pages by date: docname -> (entity id, period: ``2011``, ``2011-05``,
        #: ``2011-00`` for no month, ``undated``); set by the collector
        self.year_pages: dict[str, tuple[str, str]] = {}
        #: an entity's pages by date: entity id -> [(period, docname)], newest first
        self.years_of: dict[str, list[tuple[str, str]]] = {}
        #: an entity's backlinks by the periods of its pages by date, made when first needed
        self._periods_memo: dict[str, dict[str, list[aggregates.Backlink]]] = {}
        self.human_date = release_date
        #: an entry page lists this many entries under each label of its inverse links
        self.inverse_max = INVERSE_MAX
        #: Sphinx's ``language``: text in a language written the other way gets a ``dir``
        self.site_language = app.config.language
        self._inverse: InverseLinks | None = None
        self._uris: dict[tuple[str, str], str] = {}
        self._links: dict[tuple[str, str, str | None], str] = {}
        self._folders: dict[str, str] = {}
        # a relative URI depends only on the folder of the page it is written on when
        # the builder computes it the default way (html, dirhtml): share it per folder
        from sphinx.builders import Builder

        self._by_folder = type(self.builder).get_relative_uri is Builder.get_relative_uri

    # links ---------------------------------------------------------------------
    def _folder(self, fromdoc: str) -> str:
        if not self._by_folder:
            return fromdoc
        folder = self._folders.get(fromdoc)
        if folder is None:
            folder = self._folders[fromdoc] = url_folder(self.builder, fromdoc)
        return folder

    # Links are cached by the folder of the page they are written on; a link to the page
    # itself gets a key of its own (a longer tuple): a page by date's folder is named like
    # its entry's page (``entries/person/x/2011`` is in ``entries/person/x``).
    def uri(self, fromdoc: str, todoc: str, anchor: str = "") -> str:
        key = (self._folder(fromdoc), todoc) if fromdoc != todoc else (fromdoc, todoc, "self")
        uri = self._uris.get(key)
        if uri is None:
            uri = self._uris[key] = self.builder.get_relative_uri(fromdoc, todoc)
        return f"{uri}#{anchor}" if anchor else uri

    def entity_link(self, fromdoc: str, eid: str, text: str | None = None) -> str:
        key = ((self._folder(fromdoc), eid, text)
               if self.domain.entries.get(eid, ("",))[0] != fromdoc else (fromdoc, eid, text, "self"))
        html = self._links.get(key)
        if html is None:
            html = self._links[key] = self._entity_link(fromdoc, eid, text)
        return html

    def _entity_link(self, fromdoc: str, eid: str, text: str | None) -> str:
        entry = self.domain.entries.get(eid)
        if entry is None:
            return f'<span class="pressroom-unknown">{esc(text or eid)}</span>'
        docname, anchor, type_, name, _aliases, description, _filed = entry
        href = self.uri(fromdoc, docname, anchor)
        shown = name if text is None else text
        return (f'<a class="pressroom-ref pressroom-{esc(type_)} reference internal" '
                f'href="{esc(href)}" title="{esc(description or name)}">{esc(shown)}</a>')

    def doc_link(self, fromdoc: str, todoc: str, text: str, anchor: str = "",
                 attrs: str = "") -> str:
        """A link to a page; *attrs* go on the span of its text (a ``lang``)."""
        return (f'<a class="reference internal" href="{esc(self.uri(fromdoc, todoc, anchor))}">'
                f"<span{attrs}>{esc(text)}</span></a>")

    @staticmethod
    def heading(level: int, text: str, anchor: str) -> str:
        title = esc(sphinx_("Link to this heading"))  # Sphinx's words, as its own headings
        return (f"<h{level}>{esc(text)}<a class=\"headerlink\" href=\"#{esc(anchor)}\" "
                f"title=\"{title}\">¶</a></h{level}>\n")

    def badge(self, type_: str) -> str:
        label = self.corpus.type_label(type_)
        return ('<span class="sd-badge sd-bg-secondary sd-bg-text-secondary pressroom-badge '
                f'pressroom-badge-{esc(type_)}">{esc(label)}</span>')

    # parts -----------------------------------------------------------------------
    def facts(self, docname: str, entity: Entity) -> str:
        out = [f'<p class="pressroom-entry-head">{self.badge(entity.type)}</p>\n']
        if entity.description:
            out.append(f'<p class="pressroom-description">{esc(entity.description)}</p>\n')
        fields: list[tuple[str, str]] = []

        def refs(ids) -> str:
            return comma().join(self.entity_link(docname, target, self._name(target))
                                for target in ids)

        aliases = [a for a in entity.aliases if a != entity.name]
        if aliases:
            fields.append((_("Also written"), esc(comma().join(aliases))))
        if entity.kind:
            fields.append((_("Kind"), esc(entity.kind)))
        dates = entity_dates(entity)
        if dates:
            fields.append((dates[0], esc(dates[1])))
        if entity.roles:
            fields.append((_("Roles"), esc(comma().join(entity.roles))))
        fields.extend((_(label), refs(ids)) for label, ids in self._linked_fields(entity))
        for label, total, ids in self.inverse_rows(entity.id):
            more = total - len(ids)
            and_more = _("and {count} more").format(count=number(more))
            value = refs(ids) + (f'<span class="pressroom-muted">{esc(comma())}{esc(and_more)}</span>'
                                 if more else "")
            fields.append((_(label), value))
        if entity.wikidata:
            url = f"https://www.wikidata.org/wiki/{entity.wikidata}"
            fields.append(("Wikidata", f'<a class="reference external" href="{esc(url)}">'
                                          f"{esc(entity.wikidata)}</a>"))
        if entity.url:
            fields.append((_("Website"), f'<a class="reference external" href="{esc(entity.url)}">'
                                      f"{esc(entity.url)}</a>"))
        if fields:
            out.append('<dl class="pressroom-fields field-list simple">\n')
            for i, (name, value) in enumerate(fields):
                parity = "odd" if i % 2 == 0 else "even"
                out.append(f'<dt class="field-{parity}">{esc(name)}<span class="colon">:</span></dt>\n'
                           f'<dd class="field-{parity}"><p>{value}</p>\n</dd>\n')
            out.append("</dl>\n")
        return "".join(out)

    def _name(self, eid: str) -> str:
        entity = self.corpus.registry.get(eid)
        return entity.name if entity is not None else eid

    @staticmethod
    def empty(text: str) -> str:
        return f'<p class="pressroom-empty">{esc(text)}</p>\n'

    def backlinks(self, docname: str, eid: str) -> str:
        rows = self.agg.backlinks.get(eid, [])
        if not rows:
            return self.empty(_("No release in the archive mentions this entry yet."))
        total = sum(b.count for b in rows)
        n = len(rows)
        counts = dict(releases=quantity(n, "{count} release", "{count} releases"),
                      mentions=quantity(total, "{count} mention", "{count} mentions"))
        years = self.years_of.get(eid)
        if not years:
            count = _("{releases}, {mentions}, newest first.").format(**counts)
            return f'<p class="pressroom-count">{esc(count)}</p>\n' + self._backlink_list(docname, rows)
        newest = quantity(self.limit, "the newest is", "the newest {count} are")
        count = _("{releases}, {mentions}, newest first; {newest} listed here.").format(
            newest=newest, **counts)
        return (f'<p class="pressroom-count">{esc(count)}</p>\n'
                + self._periods_html(docname, years, (_("Every release that mentions it, by year"),
                                                      _("Every release that mentions it, by year "
                                                        "and month")), self._period_counts(eid))
                + self._backlink_list(docname, rows[:self.limit]))

    def _periods_html(self, docname: str, periods: list[tuple[str, str]],
                      intro: tuple[str, str], counts: dict[str, int] | None = None) -> str:
        """Links to an entry's pages by date (*periods*: ``(period, page)``, newest first;
        the page *docname* itself left out), each with its number of releases if *counts*:
        when they are years, on one line after ``intro[0]``; else after ``intro[1]``, a
        line for each year, a year listed by month giving its months."""

        def link(period: str, page: str, label: str) -> str:
            n = f" ({number(counts[period])})" if counts is not None else ""
            return (f'<span class="pressroom-period">{self.doc_link(docname, page, label)}{n}'
                    "</span>")

        shown = [(period, page) for period, page in periods if page != docname]
        if not shown:
            return ""
        if not _has_months(periods):
            links = " · ".join(link(period, page, _period_label(period)) for period, page in shown)
            return f'<p class="pressroom-years">{esc(colon(intro[0]))} {links}</p>\n'
        lines = []
        for year, group in itertools.groupby(shown, key=lambda pp: pp[0][:4]):
            group = list(group)
            if not _is_month(group[0][0]):  # a year, or "undated"
                period, page = group[0]
                lines.append(f"<li><p>{link(period, page, _period_label(period))}</p></li>\n")
                continue
            months = " · ".join(link(period, page, _period_label(period, year=False))
                                for period, page in group)
            year_html = colon(f'<span class="pressroom-year">{esc(year)}</span>')
            lines.append(f"<li><p>{year_html} "
                         f"{months}</p></li>\n")
        return (f'<p class="pressroom-years">{esc(colon(intro[1]))}</p>\n'
                '<ul class="pressroom-years simple">\n' + "".join(lines) + "</ul>\n")

    def _backlink_list(self, docname: str, rows: list[aggregates.Backlink]) -> str:
        out = ['<ul class="pressroom-backlinks">\n']
        for b in rows:
            mentions = quantity(b.count, "{count} mention", "{count} mentions")
            more = f'<span class="pressroom-muted"> ({esc(mentions)})</span>' if b.count > 1 else ""
            lang = lang_attributes(b.language, self.site_language)
            out.append(
                f'<li><p class="pressroom-backlink-head"><span class="pressroom-date">'
                f"{esc(self.human_date(b.date))}</span> "
                f"{self.doc_link(docname, b.docname, b.title, b.title_anchor, lang)}{more}</p>\n"
                f"{self._sentence(docname, b.docname, b.sentence, b.s0, b.s1, b.anchor, lang)}")
            if b.more:  # the other sentences that mention it, folded under the first
                others = quantity(len(b.more), "{count} more sentence mentioning it",
                                  "{count} more sentences mentioning it")
                out.append(f'<details class="pressroom-more"><summary>{esc(others)}</summary>\n')
                out.extend(self._sentence(docname, b.docname, *other, lang) for other in b.more)
                out.append("</details>\n")
            out.append("</li>\n")
        out.append("</ul>\n")
        return "".join(out)

    def _by_period(self, eid: str) -> dict[str, list[aggregates.Backlink]]:
        """The backlinks of *eid* by the period of its pages by date each falls in (a year,
        a month, or ``undated``), newest first in each; sorted out once per entity and build
        (an entity's pages by date all ask for it)."""
        groups = self._periods_memo.get(eid)
        if groups is None:
            monthly = {p[:4] for p, _page in self.years_of.get(eid, ()) if _is_month(p)}
            groups = self._periods_memo[eid] = {}
            for b in self.agg.backlinks.get(eid, ()):
                groups.setdefault(_period_of(b.date, monthly), []).append(b)
        return groups

    def _year_rows(self, eid: str, period: str) -> list[aggregates.Backlink]:
        """The backlinks of *eid* dated in *period* (a year, a month, or ``undated``)."""
        return self._by_period(eid).get(period, [])

    def _period_counts(self, eid: str) -> dict[str, int]:
        """The number of releases mentioning *eid* in each period of its pages by date."""
        return {period: len(rows) for period, rows in self._by_period(eid).items()}

    def _sentence(self, docname: str, release: str, sentence: str, s0: int, s1: int,
                  anchor: str, lang: str = "") -> str:
        """A sentence of *release* with its mention highlighted, linked to the mention
        (*lang*: the release's language as an HTML attribute, see
        :func:`~pressroom.sphinxext.html.lang_attributes`)."""
        return (f'<p class="pressroom-sentence"{lang}>{esc(sentence[:s0])}'
                f'<span class="pressroom-highlight">'
                f"{self.doc_link(docname, release, sentence[s0:s1], anchor)}</span>"
                f"{esc(sentence[s1:])}</p>\n")

    def quoted(self, docname: str, eid: str) -> str:
        """What the entry was quoted saying, newest release first: the quotations of the
        newest ``pressroom_entry_releases`` releases that quote it (as many as the page lists
        under *Mentioned in*), and how many releases quote it besides (a page does not grow
        with the archive)."""
        rows = self.agg.quotes.get(eid, [])
        if not rows:
            return self.empty(_("No attributed quotation in the archive yet."))
        releases = list(dict.fromkeys(row[0] for row in rows))
        out = []
        if len(releases) > self.limit:
            shown = set(releases[:self.limit])
            rows = [row for row in rows if row[0] in shown]
            said = esc(_("Quoted in {releases}; the quotations of {newest} are shown here, the "
                         "others in the releases themselves (under {mentioned_in}).")).format(
                releases=esc(quantity(len(releases), "{count} release", "{count} releases")),
                newest=esc(quantity(self.limit, "the newest", "the newest {count}")),
                mentioned_in="<em>" + esc(_(MENTIONED_IN)) + "</em>")
            out.append(f'<p class="pressroom-count">{said}</p>\n')
        # by release, as under *Mentioned in*: its date and title once, then what was said
        # there, each quotation linking to where it is said
        where_said = esc(_("Where it is said in the release"))
        for release, group in itertools.groupby(rows, key=lambda row: row[0]):
            group = list(group)
            _release, date, title, _text, _start, language = group[0]
            lang = lang_attributes(language, self.site_language)
            out.append('<div class="pressroom-quoted-in">\n<p class="pressroom-backlink-head">'
                       f'<span class="pressroom-date">{esc(self.human_date(date))}</span> '
                       f"{self.doc_link(docname, release, title, attrs=lang)}</p>\n")
            for _release, _date, _title, text, start, _language in group:
                where = esc(self.uri(docname, release, f"q{start}"))
                said = f"<span{lang}>{esc(text)}</span>" if lang else esc(text)
                out.append(f'<blockquote class="pressroom-quotation">\n<div><p>“{said}” '
                           f'<a class="reference internal pressroom-where" href="{where}" '
                           f'title="{where_said}" aria-label="{where_said}">↗</a></p>\n'
                           "</div></blockquote>\n")
            out.append("</div>\n")
        return "".join(out)

    def appears_with(self, docname: str, eid: str) -> str:
        rows = [(o, n) for o, n in self.agg.appears_with.get(eid, []) if o in self.domain.entries]
        if not rows:
            return self.empty(_("No other entry appears in the same releases yet."))
        out = ['<ul class="pressroom-appears-with simple">\n']
        for other, n in rows:
            releases = quantity(n, "{count} release", "{count} releases")
            out.append(f"<li><p>{self.entity_link(docname, other)}"
                       f'<span class="pressroom-muted"> — {esc(releases)}'
                       "</span></p></li>\n")
        out.append("</ul>\n")
        more, fewest, most = self.agg.appears_with.rest(eid)
        if more:  # the list is cut: say so, and how often those left out appear with it
            each = (quantity(most, "{count} release", "{count} releases") if fewest == most
                    else quantity(most, "{fewest} to {count} release", "{fewest} to {count} releases",
                                 fewest=number(fewest)))
            entries = quantity(more, "{count} more entry", "{count} more entries")
            said = _("And {entries}, in {each} each.").format(entries=entries, each=each)
            out.append(f'<p class="pressroom-count">{esc(said)}</p>\n')
        return "".join(out)

    def parents(self, docname: str, type_: str, letter: str | None) -> list[dict[str, str]]:
        spec_label = self.corpus.type_label(type_, plural=True)
        out = [{"link": self.uri(docname, f"{self.entries_dir}/index"), "title": _("Entries")},
               {"link": self.uri(docname, f"{self.entries_dir}/{type_}/index"), "title": spec_label}]
        if letter is not None:
            out.append({"link": self.uri(docname, letter_docname(self.entries_dir, type_, letter)),
                        "title": letter_title(spec_label, letter)})
        return [p for p in out if p["link"]]

    def breadcrumbs(self, parents: list[dict[str, str]]) -> str:
        return breadcrumbs_html((p["link"], esc(p["title"])) for p in parents)

    # what a page shows ---------------------------------------------------------------
    # A page's digest is taken over its *model*: every value its HTML is made from
    # (the registry entry through its digest, the domain objects it links to and those
    # of the entries that link to it, the aggregated rows it lists, the labels of its
    # type). The HTML is a function of the model and of the site (see _site_signature),
    # so an unchanged model means an unchanged page, and the page is neither rendered
    # nor written.

    @staticmethod
    def _linked_fields(entity: Entity) -> list[tuple[str, list[str]]]:
        """The facts that link to other entries, as (label, entry ids), in page order; an
        affiliation that a relation also names (``works-for`` the same organization) is
        listed under the relation only, as the organization's page lists the person."""
        related = {target for _relation, target in entity.relations}
        affiliation = entity.affiliation if entity.affiliation not in related else None
        # English labels, translated where the page shows them
        fields = [(N_("Affiliation"), [affiliation]), (N_("Place"), [entity.place]),
                  (N_("Country"), [entity.country]), (N_("Participants"), list(entity.participants))]
        fields.extend((relation_label(relation), [target]) for relation, target in entity.relations)
        return [(label, ids) for label, ids in fields if any(ids)]

    @classmethod
    def _targets(cls, entity: Entity) -> list[str]:
        return [t for _label, ids in cls._linked_fields(entity) for t in ids if t]

    @property
    def inverse(self) -> InverseLinks:
        """Every entry's inverse links, taken when first needed: once per build, and not
        at all by a rebuild that keys and renders no entry's page."""
        if self._inverse is None:
            self._inverse = InverseLinks(self.corpus.registry)
        return self._inverse

    def inverse_rows(self, eid: str) -> list[tuple[str, int, tuple[str, ...]]]:
        """The entries that point at *eid*, as its page lists them: (label, how many there
        are, the first :attr:`inverse_max` of them by name)."""
        limit = self.inverse_max
        return [(label, len(ids), ids[:limit]) for label, ids in self.inverse.get(eid)]

    def _inverse_model(self, eid: str) -> tuple:
        entries = self.domain.entries
        return tuple((label, total, tuple((s, entries.get(s)) for s in ids))
                     for label, total, ids in self.inverse_rows(eid))

    def _inverse_key(self, eid: str) -> tuple:
        entry = self._entry
        return tuple((label, total, tuple(entry(s) for s in ids))
                     for label, total, ids in self.inverse_rows(eid))

    def _type_model(self, type_: str) -> tuple:
        return (type_, self.corpus.type_label(type_), self.corpus.type_label(type_, plural=True),
                repr(sorted(self.corpus.project.entity_types.get(type_, {}).items())))

    def _shown_backlinks(self, eid: str) -> list[aggregates.Backlink]:
        """The backlinks the entry page lists (with pages by year, the newest only), and
        the number of releases each year has."""
        rows = self.agg.backlinks.get(eid, [])
        if eid not in self.years_of:
            return rows
        return [*rows[:self.limit], *sorted(self._period_counts(eid).items())]

    def model(self, docname: str, ids: tuple[str, ...], own: str | None) -> tuple:
        entries = self.domain.entries
        registry = self.corpus.registry
        digests = self.corpus.digests
        year_page = self.year_pages.get(docname)
        if year_page is not None:
            eid, year = year_page
            entity = registry[eid]
            return ("year", docname, eid, year, entries.get(eid), self._type_model(entity.type),
                    tuple(self.years_of.get(eid, ())), _backlink_model(self._year_rows(eid, year)))
        if own is not None:
            entity = registry[own]
            agg = self.agg
            return ("entry", docname, own, digests.get(own), entries.get(own),
                    self._type_model(entity.type),
                    tuple((t, entries.get(t)) for t in self._targets(entity)),
                    self._inverse_model(own),
                    _backlink_model(self._shown_backlinks(own)),
                    # "N releases, M mentions": M counts releases the page may not list
                    sum(b.count for b in agg.backlinks.get(own, ())),
                    tuple(self.years_of.get(own, ())),
                    tuple(agg.quotes.get(own, ())),
                    tuple((o, n, entries.get(o)) for o, n in agg.appears_with.get(own, ())),
                    agg.appears_with.rest(own))
        paged = self.domain.data.get("paged", {})
        counts = self.agg.release_count
        rows = []
        for eid in ids:  # one line each (name, description, releases) ...
            row: tuple = (eid, entries.get(eid), counts.get(eid, 0))
            if eid not in paged:  # ... and in full when it has no page of its own
                row += (digests.get(eid), tuple((t, entries.get(t))
                                                for t in self._targets(registry[eid])),
                        self._inverse_model(eid))
            rows.append(row)
        return ("letter", docname, self._type_model(registry[ids[0]].type), tuple(sorted(rows)))

    # The model of every page is most of a rebuild's own work when thousands of pages
    # are collected and few changed. So each page also gets a *key*: a digest of where
    # its model comes from rather than of the model, cheap to take (one short digest
    # per entry, and the releases it is read from, by the time Sphinx read them). When
    # a page's key is the one recorded with its digest, its model is the same and is
    # not built; otherwise the model is digested as before. A key covers the model's
    # inputs: the entry's registry digest and domain row, those of the entries it
    # links to and of those its page lists as linking to it (which change only when an
    # entry does, and then every page is keyed), and each release (with the time Sphinx
    # read it) that mentions or quotes it, from which its backlinks, quotations and
    # co-mentions are computed.
    # A rebuild in which neither the site nor any entry changed takes only the keys
    # of the pages of entities that the releases it read or removed mention or quote
    # (now or before); every other page keeps its recorded key (see _Collector).

    def inputs(self, all_docs: dict[str, Any]) -> None:
        """Prepare :meth:`key`: when Sphinx read each document, and a memo of the entries'
        digests (taken when first needed: a rebuild keys few pages)."""
        self._read_at = all_docs
        self._entry_memo: dict[str, str | None] = {}
        self._sources_memo: dict[str, str] = {}
        self._type_models: dict[str, tuple] = {}

    def _entry(self, eid: str) -> str | None:
        """A digest of the entry's registry digest and domain row (None: no such entry)."""
        try:
            return self._entry_memo[eid]
        except KeyError:
            row = self.domain.entries.get(eid)
            value = self._entry_memo[eid] = (
                None if row is None else digest((self.corpus.digests.get(eid), row)))
            return value

    def _sources(self, eid: str) -> str:
        """A digest of the releases the entity's backlinks, co-mentions and quotations are
        read from, each with the time Sphinx read it (taken once per entity: its entry page
        and its pages by date all need it)."""
        try:
            return self._sources_memo[eid]
        except KeyError:
            read_at = self._read_at
            mentioned = {(d, read_at.get(d)) for d in self.agg.backlinks.releases(eid)}
            quoted = {(q[0], read_at.get(q[0])) for q in self.agg.quotes.get(eid, ())}
            value = self._sources_memo[eid] = digest((sorted(mentioned), sorted(quoted)))
            return value

    def key(self, docname: str, ids: tuple[str, ...], own: str | None) -> str:
        """The page's key (see above); :meth:`inputs` must have run."""
        entry = self._entry
        registry = self.corpus.registry
        year_page = self.year_pages.get(docname)
        if year_page is not None:
            eid, year = year_page
            # the entity's releases (those of other years too: over-inclusive, never stale)
            return digest(("year", docname, eid, year, entry(eid),
                           self._type_key(registry[eid].type), self._sources(eid)))
        if own is not None:
            entity = registry[own]
            value: tuple = (
                "entry", docname, own, entry(own), self._type_key(entity.type),
                tuple(entry(t) for t in self._targets(entity)), self._inverse_key(own),
                self._sources(own),
                tuple((o, entry(o)) for o, _n in self.agg.appears_with.get(own, ())))
        else:
            paged = self.domain.data.get("paged", {})
            counts = self.agg.release_count
            value = ("letter", docname, self._type_key(registry[ids[0]].type), tuple(
                (eid, entry(eid), counts.get(eid, 0), None if eid in paged else
                 (tuple(entry(t) for t in self._targets(registry[eid])), self._inverse_key(eid)))
                for eid in sorted(ids)))
        return digest(value)

    def _type_key(self, type_: str) -> tuple:
        model = self._type_models.get(type_)
        if model is None:
            model = self._type_models[type_] = self._type_model(type_)
        return model

    def title_and_search(self, ids: tuple[str, ...], own: str | None) -> tuple[str, str, str]:
        """A page's title, the text the search index gets for it (without its body) and its
        keywords (see :func:`_search_keywords`)."""
        registry = self.corpus.registry
        if own is not None:
            entity = registry[own]
            return entity.name, _search_text([entity]), _search_keywords([entity])
        first = registry[ids[0]]
        paged = self.domain.data.get("paged", {})
        shown = [registry[eid] for eid in sorted(ids) if eid not in paged]
        return (self._letter_title(first.type, letter_of(filed_as(first))),
                _search_text(shown), _search_keywords(shown))

    def _letter_title(self, type_: str, letter: str) -> str:
        return letter_title(self.corpus.type_label(type_, plural=True), letter)

    # pages -------------------------------------------------------------------------
    def description(self, eid: str) -> str:
        """What an entry's page says it is (its ``<meta name="description">`` and its
        JSON-LD's ``description``): the registry's description, else its type and the
        number of releases that mention it (and quote it), as its page counts them
        (``Person mentioned in 3 releases, quoted in 1 release.``)."""
        entity = self.corpus.registry[eid]
        if entity.description:
            return plain(entity.description)
        facts = dict(type=self.corpus.type_label(entity.type), releases=quantity(
            len(self.agg.backlinks.releases(eid)), "{count} release", "{count} releases"))
        quoted = len({row[0] for row in self.agg.quotes.get(eid, ())})
        if quoted:
            return plain(_("{type} mentioned in {releases}, quoted in {quoted}.").format(
                quoted=quantity(quoted, "{count} release", "{count} releases"), **facts))
        return plain(_("{type} mentioned in {releases}.").format(**facts))

    def entry_page(self, docname: str, eid: str) -> Page:
        from pressroom.sphinxext.html import entity_ld, meta_description, script

        entity = self.corpus.registry[eid]
        anchor = entity_anchor(eid)
        parents = self.parents(docname, entity.type, letter_of(filed_as(entity)))
        body = [self.breadcrumbs(parents),
                f'<section class="pressroom-entry" id="{esc(anchor)}">\n',
                self.heading(1, entity.name, anchor), self.facts(docname, entity)]
        toc = [f'<ul>\n<li><a class="reference internal" href="#">{esc(entity.name)}</a><ul>\n']
        for key, title, part in (("entry", MENTIONED_IN, self.backlinks),
                                 ("quoted", N_("Quoted"), self.quoted),
                                 ("with", N_("Appears with"), self.appears_with)):
            if key == "quoted" and entity.type != "person":
                continue
            title = _(title)
            sub = f"{anchor}-{key}"
            body.append(f'<section class="pressroom-{key}" id="{esc(sub)}">\n')
            body.append(self.heading(2, title, sub))
            body.append(part(docname, eid))
            body.append("</section>\n")
            toc.append(f'<li><a class="reference internal" href="#{esc(sub)}">{esc(title)}</a></li>\n')
        body.append("</section>\n")
        toc.append("</ul>\n</li>\n</ul>\n")
        description = self.description(eid)
        metatags = meta_description(description) + script(
            entity_ld(self.app, self.domain, self.corpus, eid, docname, description=description))
        return Page(docname, entity.name, "".join(body), "".join(toc), metatags, parents)

    def year_page(self, docname: str, eid: str, year: str) -> Page:
        """The releases of one year that mention an entry (for an entry that more releases
        mention than its page lists)."""
        entity = self.corpus.registry[eid]
        parents = self.parents(docname, entity.type, letter_of(filed_as(entity)))
        entry_doc = self.domain.entries[eid][0]
        parents.append({"link": self.uri(docname, entry_doc), "title": entity.name})
        title = _("{name}: {period}").format(
            name=entity.name, period=_("undated releases") if year == "undated" else _period_label(year))
        rows = self._year_rows(eid, year)
        total = sum(b.count for b in rows)
        n = len(rows)
        periods = self.years_of.get(eid, ())
        anchor = entity_anchor(eid) + "-" + year
        body = [self.breadcrumbs(parents),
                f'<section class="pressroom-entry-year" id="{esc(anchor)}">\n',
                self.heading(1, title, anchor),
                '<p class="pressroom-count">' + esc(quantity(
                    n, "{count} release {period} mentions {entry}, {mentions}, newest first.",
                    "{count} releases {period} mention {entry}, {mentions}, newest first.",
                    period=_period_phrase(year), entry="{entry}",
                    mentions=quantity(total, "{count} mention", "{count} mentions"),
                )).format(entry=self.entity_link(docname, eid)) + "</p>\n",
                self._periods_html(docname, list(periods), (_("Other years"),
                                                            _("Other years and months"))),
                self._backlink_list(docname, rows), "</section>\n"]
        return Page(docname, title, "".join(body), "", "", parents)

    def letter_page(self, docname: str, ids: tuple[str, ...]) -> Page:
        """A letter of a type's glossary: every entry filed under it, one line each (name,
        description, number of releases), then those without a page of their own in full."""
        registry = self.corpus.registry
        filed = {eid: filed_as(registry[eid]) for eid in ids}
        entities = sorted((registry[eid] for eid in ids), key=lambda e: name_key(filed[e.id], e.id))
        type_ = entities[0].type
        letter = letter_of(filed[entities[0].id])
        title = self._letter_title(type_, letter)
        paged = self.domain.data.get("paged", {})
        counts = self.agg.release_count
        anchor = letter_anchor(type_, letter)
        parents = self.parents(docname, type_, None)
        body = [self.breadcrumbs(parents), f'<section id="{esc(anchor)}">\n',
                self.heading(1, title, anchor), '<ul class="pressroom-glossary simple">\n']
        for e in entities:
            n = counts.get(e.id, 0)
            description = f" — {esc(e.description)}" if e.description else ""
            text = filed[e.id] if filed[e.id] != plain(e.name) else None
            body.append(f"<li><p>{self.entity_link(docname, e.id, text)}{description}"
                        f'<span class="pressroom-muted"> · {in_releases(n)}'
                        "</span></p></li>\n")
        body.append("</ul>\n")
        listed = [e for e in entities if e.id not in paged]
        if listed:
            sub = f"{anchor}-unmentioned"
            body.append(f'<section id="{esc(sub)}">\n')
            body.append(self.heading(2, _("Not mentioned in any release yet"), sub))
        for e in listed:
            a = entity_anchor(e.id)
            body.append(f'<div class="pressroom-entry pressroom-entry-listed docutils container" '
                        f'id="{esc(a)}">\n<p class="rubric pressroom-entry-name">{esc(e.name)}</p>\n')
            body.append(self.facts(docname, e))
            body.append(self.empty(_("No release in the archive mentions this entry yet.")))
            body.append("</div>\n")
        if listed:
            body.append("</section>\n")
        body.append("</section>\n")
        return Page(docname, title, "".join(body), "", "", parents)


#: The label of an entry's dates by type: (start and end, start alone, end alone).
_DATE_LABELS = {
    "person": (N_("Lived"), N_("Born"), N_("Died")),
    "organization": (N_("Active"), N_("Founded"), N_("Dissolved")),
}
#: The label of the dates of an entry of another type.
_OTHER_DATE_LABELS = (N_("Dates"), N_("Date"), N_("Date"))


def entity_dates(entity: Entity) -> tuple[str, str] | None:
    """The label and text of *entity*'s dates for its page (``Born``, ``21 December
    1942``; ``Dates``, ``27–28 April 2011``), ``None`` without a date."""
    start, end = entity.start, entity.end
    both, alone, ended = _DATE_LABELS.get(entity.type, _OTHER_DATE_LABELS)
    if start and end and end != start:
        return _(both), human_range(start, end)
    if start:
        return _(alone), human_date(start)
    if end:
        return _(ended), human_date(end)
    return None


def _year_of(date: str) -> str:
    """The year of a release's ISO date, ``"undated"`` without one."""
    return date[:4] or "undated"


def _month_of(date: str) -> str:
    """``2011-05`` for a release of May 2011, ``2011-00`` when its month is not known."""
    return f"{date[:4]}-{date[5:7] or '00'}"


def _is_month(period: str) -> bool:
    """A period is a year (``2011``), a month (``2011-05``, ``2011-00``) or ``undated``
    (seven letters too: a month is ``YYYY-MM``)."""
    return len(period) == 7 and period[4] == "-"


def _has_months(periods: list[tuple[str, str]]) -> bool:
    return any(_is_month(period) for period, _page in periods)


def _period_of(date: str, monthly: set[str]) -> str:
    """The period of a release's pages by date its *date* falls in: its month in a year of
    *monthly* (years listed by month), else its year (``undated`` without a date)."""
    return _month_of(date) if date[:4] in monthly else _year_of(date)


def _periods(dates: list[str], limit: int) -> list[str]:
    """The periods of an entry's pages by date, newest first (*dates*: those of the
    releases that mention it): each year, or each month of a year with more than *limit*
    releases (undated releases last, and months not known last in their year)."""
    years = Counter(_year_of(date) for date in dates)
    periods = []
    for year in sorted(years, key=lambda y: (y != "undated", y), reverse=True):
        if years[year] > limit and year != "undated":
            periods.extend(sorted({_month_of(date) for date in dates if _year_of(date) == year},
                                  key=lambda m: (not m.endswith("-00"), m), reverse=True))
        else:
            periods.append(year)
    return periods


def _period_label(period: str, year: bool = True) -> str:
    """``2011``, ``May 2011``, ``2011, month not given``, ``undated``; a month without its
    year if not *year* (``May``, ``month not given``: on its year's line)."""
    if period == "undated":
        return _("undated")
    if not _is_month(period):
        return period
    month = int(period[5:])
    if month:
        return human_date(PartialDate(int(period[:4]), month), year)
    if year:
        return _("{year}, month not given").format(year=period[:4])
    return _("month not given")


def _period_phrase(period: str) -> str:
    """What "N releases ___ mention X" says of *period*."""
    if period == "undated":
        return _("of unknown date")
    if period.endswith("-00"):
        return _("of {year} whose month is not known").format(year=period[:4])
    return _("of {period}").format(period=_period_label(period))


def _backlink_model(rows: list) -> tuple:
    """What the backlink list shows of each row (a (year, releases) pair passes as it is)."""
    return tuple((b.docname, b.date, b.title, b.count, b.sentence, b.s0, b.s1, b.anchor, b.more,
                  b.language, b.title_anchor)
                 if isinstance(b, aggregates.Backlink) else b for b in rows)


def _search_text(entities: list[Entity]) -> str:
    parts = []
    for e in entities:
        parts.extend([e.name, *e.aliases, e.description, e.kind, *e.roles])
    return " ".join(plain(p) for p in parts if p)


def _search_keywords(entities: list[Entity]) -> str:
    """The words of the names and other names of *entities* as written without accents,
    as the search index's keywords of their page (see :func:`.markup.accent_free_keywords`);
    "" when there is none."""
    return accent_free_keywords(name for e in entities for name in (e.name, *e.aliases))


# ---------------------------------------------------------------------------- html-collect-pages


#: The site signature of the build in progress, per source folder (taken once per build).
_SITES: dict[str, str] = {}


def _site_signature(app: Sphinx) -> str:
    """What every collected page depends on besides its body: versions, the code that
    renders it, configuration, templates and the navigation the sidebar shows. Taken
    once per build, after reading (collected pages and domain indices share it)."""
    site = _SITES.get(str(app.srcdir))
    if site is None:
        site = _SITES[str(app.srcdir)] = _take_site_signature(app)
    return site


def _take_site_signature(app: Sphinx) -> str:
    import sphinx

    from pressroom.sphinxext import html, transforms

    builder = app.builder
    env = app.env
    build_info = getattr(builder, "build_info", None)
    templates = getattr(builder, "templates", None)
    newest = templates.newest_template_mtime() if templates is not None else 0
    sidebar = html.sidebar_made_of(env, get_domain(env).data.get("tocs", {}))
    # the code that renders the pages: an upgraded Pressroom rewrites them
    code = code_key(sys.modules[__name__], html, transforms)
    # the domain indices every page's related links name (``Index of people``): their names
    # come from the declared entity types, which no HTML setting's hash holds, and only
    # those with entries are named (Sphinx leaves out an empty index)
    domain = get_domain(env)
    indices = [(index.name, str(index.localname), str(index.shortname))
               for index in domain.indices], domain.listed_indices()
    # and the site's language: every page's ``lang``, the theme's words, the search's
    # stemmer, Pressroom's words (and their translations: pressroom.i18n)
    parts = (__version__, code, sphinx.__version__, builder.name,
             getattr(build_info, "config_hash", ""), getattr(build_info, "tags_hash", ""),
             newest, sidebar, indices,
             str(app.config.language), catalog_key(app.config.language))
    return digest(parts)


#: The state the last build left in each output folder, read once per build.
_STATE: dict[str, dict[str, Any]] = {}


def _load_state(outdir: Path) -> dict[str, Any]:
    """What the last build wrote: ``pages`` (docname -> digest), ``keys`` (docname -> the
    key its digest was taken with), ``indices`` (domain index -> digest),
    ``searchindex`` (the size and modification time of the search index it dumped),
    ``site`` and ``entries`` (digests of the site and of all entries) and ``releases``
    (docname -> when Sphinx read it)."""
    cached = _STATE.get(str(outdir))
    if cached is not None:
        return cached
    empty: dict[str, Any] = {"pages": {}, "keys": {}, "indices": {}, "searchindex": None,
                             "site": None, "entries": None, "releases": None}
    try:
        data = json.loads((outdir / DIGESTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = empty
    if not isinstance(data, dict) or not all(isinstance(data.get(k, {}), dict)
                                             for k in ("pages", "keys", "indices")):
        data = empty
    data = {**empty, **data}
    _STATE[str(outdir)] = data
    return data


#: Collected pages whose search entries survived the loading of the last search index
#: (see :func:`keep_search_entries`), by source folder.
_REUSABLE: dict[str, set[str]] = {}


def keep_search_entries(app: Sphinx) -> None:
    """``builder-inited``: let the collected pages keep their search entries across builds.

    Sphinx loads the previous search index and prunes it to its documents, so the
    collected pages would have to be fed again on every build. When the index on disk
    is the one the last build dumped (same size and modification time as recorded),
    its entries for the pages that build wrote are kept; :func:`collect_pages` then
    feeds only the pages whose model changed (after removing their old entries)."""
    builder = app.builder
    load = getattr(builder, "load_indexer", None)
    if load is None or getattr(load, "_pressroom", False):
        return
    srcdir = str(app.srcdir)

    def load_indexer(docnames):
        outdir = Path(builder.outdir)
        state = _load_state(outdir)
        index_file = outdir / builder.searchindex_filename
        kept: set[str] = set()
        if state.get("searchindex") and state["searchindex"] == file_stamp(index_file):
            kept = set(state["pages"]) - set(app.env.all_docs)
            _keep_in_search(builder.indexer, kept)
        load(docnames)
        _REUSABLE[srcdir] = kept

    load_indexer._pressroom = True  # type: ignore[attr-defined]
    builder.load_indexer = load_indexer


#: Domain index pages written or kept by this build, by source folder: name -> digest.
_INDICES: dict[str, dict[str, str]] = {}


def keep_domain_indices(app: Sphinx) -> None:
    """``builder-inited``: write this domain's indices only when they changed.

    Sphinx writes every domain index on every build; an index of thousands of
    entries is a large page (and each entry is one line of it), so writing it again
    when nothing in it changed is most of a small rebuild. The index's content
    (which Sphinx has just generated) and the site around it are digested like a
    collected page's model; an index whose digest matches the last build's, with
    its file in place, is not rendered. Other domains' indices are left to Sphinx."""
    builder = app.builder
    write = getattr(builder, "write_domain_indices", None)
    if write is None or getattr(write, "_pressroom", False):
        return
    prefix = f"{get_domain(app.env).name}-"

    def write_domain_indices() -> None:
        outdir = Path(builder.outdir)
        old = _load_state(outdir)["indices"]
        site = _site_signature(app)
        all_indices = builder.domain_indices
        ours = [i for i in all_indices if i[0].startswith(prefix)]
        # Sphinx leaves out an index with no entries, but its label (``pressroom-award``)
        # still resolves to the page: a type with no entries yet gets its (empty) index
        # too, unless html_domain_indices leaves it out
        wanted = builder.config.html_domain_indices  # as Sphinx reads it: off, all, a list
        listed = {i[0] for i in ours}
        for index_cls in get_domain(app.env).indices if wanted else ():
            name = f"{prefix}{index_cls.name}"
            if name not in listed and (not isinstance(wanted, list) or name in wanted):
                ours.append((name, index_cls, [], False))
        done: dict[str, str] = {}
        todo = [i for i in all_indices if not i[0].startswith(prefix)]
        for index in ours:
            name, index_cls, content, collapse = index
            done[name] = digest((site, index_cls.localname, content, collapse))
            if old.get(name) != done[name] or not (outdir / builder.get_outfilename(name)).exists():
                todo.append(index)
        # the page of an index no longer written (its type no longer declared, or left out
        # by html_domain_indices): a fresh build has none
        for name in old:
            if name.startswith(prefix) and name not in done:
                remove_output(outdir / builder.get_outfilename(name), outdir)
        builder.domain_indices = todo
        try:
            write()
        finally:
            builder.domain_indices = all_indices
        _INDICES.setdefault(str(app.srcdir), {}).update(done)

    write_domain_indices._pressroom = True  # type: ignore[attr-defined]
    builder.write_domain_indices = write_domain_indices
    write_genindex = getattr(builder, "write_genindex", None)
    if write_genindex is not None:

        def keep_genindex() -> None:
            """The general index (every entry's names, the releases' and pages' index
            entries) is written again only when what it lists or the site changed: Sphinx
            renders it on every build, a tenth of a small rebuild's time at 5,000 entries."""
            outdir = Path(builder.outdir)
            old = _load_state(outdir)["indices"]
            site = _site_signature(app)
            done = _INDICES.setdefault(str(app.srcdir), {})
            # what it is made of: the index entries of every document (the releases', the
            # entries' names, the pages'), and the site; when they are as the pages written
            # were made of, Sphinx's sorting them into the index (most of the time it takes)
            # is not done either
            made_of = digest((site, sorted(app.env.domaindata.get("index", {})
                                           .get("entries", {}).items())))
            pages = {name: value for name, value in old.items() if name.startswith("genindex:")}
            if old.get("genindex") == made_of and pages and all(
                    (outdir / builder.get_outfilename(name[len("genindex:"):])).exists()
                    for name in pages):
                done["genindex"] = made_of
                done.update(pages)
                return
            done["genindex"] = made_of

            # another extension's own wrapper of ``handle_page``, if any, is called and kept
            wrapped = builder.__dict__.get("handle_page")
            write_page = wrapped or builder.handle_page

            def handle_page(pagename: str, context: dict, templatename: str = "page.html",
                            *args: Any, **kwargs: Any) -> None:
                name = f"genindex:{pagename}"
                done[name] = digest((site, templatename, context))
                if old.get(name) == done[name] and (
                        outdir / builder.get_outfilename(pagename)).exists():
                    return
                write_page(pagename, context, templatename, *args, **kwargs)

            builder.handle_page = handle_page
            try:
                write_genindex()
            finally:
                if wrapped is None:
                    del builder.handle_page
                else:
                    builder.handle_page = wrapped
            # a letter's page of a split index no longer written (its letter gone, or the
            # index no longer split): a fresh build has none
            for name in old:
                if name.startswith("genindex:") and name not in done:
                    remove_output(outdir / builder.get_outfilename(name[len("genindex:"):]),
                                  outdir)

        keep_genindex._pressroom = True  # type: ignore[attr-defined]
        builder.write_genindex = keep_genindex


class _Collector:
    """Renders one collected page and decides whether it must be written."""

    def __init__(self, app: Sphinx) -> None:
        self.app = app
        self.builder = app.builder
        self.renderer = Renderer(app)
        self.outdir = Path(self.builder.outdir)
        state = _load_state(self.outdir)
        self.old: dict[str, str] = state["pages"]
        self.old_keys: dict[str, str] = state["keys"]
        self.keys: dict[str, str] = {}
        self.site = _site_signature(app)
        domain = self.renderer.domain
        self.own_page = {docname: eid for eid, docname in domain.data.get("paged", {}).items()}
        found = pages(domain, self.renderer.entries_dir)
        # an entry that more releases mention than its page lists: a page for each year
        renderer = self.renderer
        backlinks = renderer.agg.backlinks
        dates = {d: meta[1] for d, meta in domain.releases.items()}
        for docname, eid in self.own_page.items():
            releases = backlinks.releases(eid)
            if len(releases) > renderer.limit:
                for year in _periods([dates[d] for d in releases], renderer.limit):
                    page = f"{docname}/{year}"
                    renderer.year_pages[page] = (eid, year)
                    renderer.years_of.setdefault(eid, []).append((year, page))
                    found[page] = (eid,)
        self.pages = sorted(found.items())
        self.renderer.inputs(app.env.all_docs)
        self.out_prefix = str(self.outdir) + os.sep
        self.out_suffix = getattr(self.builder, "out_suffix", ".html")
        #: check every key against the model it stands for (the test suite sets it)
        self.verify = bool(os.environ.get("PRESSROOM_VERIFY_KEYS"))
        #: the registry's entries as a whole, and when Sphinx read each release
        self.entries = digest((self.renderer.corpus.digests, domain.entries))
        self.read_at = {d: app.env.all_docs.get(d) for d in domain.releases}
        #: the pages whose keys can have changed, or None: all of them
        self.affected = self._affected(domain, state)

    def _affected(self, domain, state: dict[str, Any]) -> set[str] | None:
        """The collected pages whose keys can differ from those recorded, when neither
        the site nor any entry changed since the build that recorded them: the pages of
        the entities that releases read or removed in this build mention or quote, now
        or before. None (every page is keyed) when something else changed, or when a
        release was read since the recorded build by a build that recorded nothing
        (one stopped, a killed process, after Sphinx had saved what it read)."""
        if state["site"] != self.site or state["entries"] != self.entries \
                or not isinstance(state["releases"], dict):
            return None
        cleared, entities = domain.cleared
        read = domain.read_now
        before = state["releases"]
        for docname, when in self.read_at.items():
            if before.get(docname) != when and docname not in read:
                return None
        if any(d not in self.read_at and d not in cleared for d in before):
            return None
        entities = set(entities)
        for docname in read:
            entities |= domain.shown_entities(docname)
        entries = domain.entries
        paged = domain.data.get("paged", {})
        affected = set()
        for eid in entities:
            row = entries.get(eid)
            if row is None:
                continue  # no entry, no page (and a removed entry changed the entries)
            if eid in paged:
                affected.add(paged[eid])
            affected.update(page for _year, page in self.renderer.years_of.get(eid, ()))
            affected.add(letter_docname(self.renderer.entries_dir, row[2], letter_of(row[6])))
        return affected

    def digest(self, docname: str, ids: tuple[str, ...]) -> tuple[str, bool]:
        """The page's digest, and whether it must be rendered and written (its model or
        the site changed, or the file is missing)."""
        old = self.old.get(docname)
        old_key = self.old_keys.get(docname)
        unaffected = self.affected is not None and docname not in self.affected
        if unaffected and old is not None and old_key is not None and not self.verify:
            self.keys[docname] = old_key
            return old, not os.path.exists(self.out_prefix + docname.replace("/", os.sep)
                                           + self.out_suffix)
        own = self.own_page.get(docname)
        key = self.keys[docname] = self.site + self.renderer.key(docname, ids, own)
        if self.verify and unaffected and old_key is not None and key != old_key:
            raise RuntimeError(f"{docname}: its key changed, but no release it depends on "
                               "was read or removed")
        if old is None or old_key != key or self.verify:
            value = digest((self.site, self.renderer.model(docname, ids, own)))
            if self.verify and old is not None and old_key == key and value != old:
                raise RuntimeError(f"{docname}: its key did not change but its model did")
        else:
            value = old
        if old != value:
            return value, True
        return value, not os.path.exists(self.out_prefix + docname.replace("/", os.sep)
                                          + self.out_suffix)

    def context(self, docname: str, ids: tuple[str, ...]) -> dict[str, Any]:
        """The template context of the page (its body rendered)."""
        own = self.own_page.get(docname)
        year_page = self.renderer.year_pages.get(docname)
        if year_page is not None:
            page = self.renderer.year_page(docname, *year_page)
        elif own is not None:
            page = self.renderer.entry_page(docname, own)
        else:
            page = self.renderer.letter_page(docname, ids)
        return {"title": esc(page.title), "body": page.body, "toc": page.toc,
                "display_toc": bool(page.toc), "metatags": page.metatags,
                "parents": page.parents, "pressroom_collected": True}

    def write_chunk(self, chunk: list[tuple[str, tuple[str, ...]]]) -> None:
        """Render and write pages (in a forked worker at ``-j N``)."""
        for docname, ids in chunk:
            self.builder.handle_page(docname, self.context(docname, ids), "page.html")


@dataclass
class _Plan:
    """The collected pages of this build: their digests (``new``), those to render and
    write (``todo``) and those whose search entries must be fed again (``feed``)."""

    collector: _Collector
    new: dict[str, str]
    todo: list[tuple[str, tuple[str, ...]]]
    feed: list[tuple[str, tuple[str, ...]]]
    reusable: set[str]


def _plan(app: Sphinx) -> _Plan:
    """The plan of this build's collected pages, made once (at the early writer's start
    or at ``html-collect-pages``). Cheap: no page is rendered for it."""
    plan = _PLANS.get(str(app.srcdir))
    if plan is not None:
        return plan
    collector = _Collector(app)
    new: dict[str, str] = {}
    todo: list[tuple[str, tuple[str, ...]]] = []
    feed: list[tuple[str, tuple[str, ...]]] = []
    reusable = _REUSABLE.pop(str(app.srcdir), set())
    for docname, ids in collector.pages:
        new[docname], write = collector.digest(docname, ids)
        if write:
            todo.append((docname, ids))
        if docname not in reusable or collector.old.get(docname) != new[docname]:
            feed.append((docname, ids))
    plan = _PLANS[str(app.srcdir)] = _Plan(collector, new, todo, feed, reusable)
    return plan


_PLANS: dict[str, _Plan] = {}


class _EarlyWriter:
    """Writes collected pages in the main process while it would wait for Sphinx's workers.

    At ``-j N`` Sphinx's main process resolves every document and queues it, by chunks,
    for N - 1 forked workers that write them; then it waits for the workers (about a
    third of a large build's write phase, with one core idle). A thread of this
    writer renders and writes the collected pages (they depend only on collected data,
    final once reading is done) and gives way to the main thread: it writes only when
    no document was resolved in the last :attr:`QUIET` seconds, one page at a time.

    It starts once the main process has written its one document (templates compiled)
    and is stopped before Sphinx renders anything else in the main process (its
    indices); the pages it did not reach are written at ``html-collect-pages``.

    Sphinx forks its workers from the main thread while the writer runs. Before any
    fork of the process (``os.register_at_fork``) the writer's thread finishes the page
    in hand and ends (joined), and a new one goes on after it: no Python code runs in
    another thread when the process forks, so no lock it took (a logger's, a template
    cache's) is inherited held by the child. (Python 3.12+ may still warn, when
    deprecation warnings are shown, that the process is multi-threaded: it counts a
    thread that is ending.)"""

    #: Seconds without a resolved document after which the main thread is taken to wait.
    QUIET = 0.015

    def __init__(self, collector: _Collector, todo: list[tuple[str, tuple[str, ...]]]) -> None:
        self.collector = collector
        self.todo = todo
        self.done = 0
        self.error: BaseException | None = None
        self.resolved = time.monotonic()  # when the main thread last resolved a document
        self._halt = threading.Event()
        self._thread: threading.Thread | None = None
        self._stopped = False

    def start(self) -> None:
        """Start (again) a thread writing the pages left, unless all are written."""
        if self._stopped or self.error is not None or self.done >= len(self.todo):
            return
        self._halt.clear()
        self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
        self._thread.start()
        if self not in _LIVE:
            _LIVE.append(self)

    def pause(self) -> None:
        """Let the thread finish the page in hand and end (not asked of the thread itself)."""
        if self._thread is None or self._thread is threading.current_thread():
            return
        self._halt.set()
        self._thread.join()
        self._thread = None

    def _run(self) -> None:
        try:
            while self.done < len(self.todo) and not self._halt.is_set():
                busy = self.QUIET - (time.monotonic() - self.resolved)
                if busy > 0:
                    self._halt.wait(busy)
                    continue
                self.collector.write_chunk(self.todo[self.done:self.done + 1])
                self.done += 1
        except BaseException as exc:  # re-raised in the main thread by finish()
            self.error = exc

    def finish(self) -> list[tuple[str, tuple[str, ...]]]:
        """Stop for good; the pages not written. Re-raises the thread's error."""
        self._stopped = True
        self.pause()
        if self in _LIVE:
            _LIVE.remove(self)
        if self.error is not None:
            error, self.error = self.error, None
            raise error
        return self.todo[self.done:]


THREAD_NAME = "pressroom-collected-pages"
#: The writers running in this process (one per build in progress).
_LIVE: list[_EarlyWriter] = []


def _before_fork() -> None:
    for writer in _LIVE:
        writer.pause()


def _after_fork_in_parent() -> None:
    for writer in _LIVE:
        writer.start()


def _after_fork_in_child() -> None:
    _LIVE.clear()  # the child has no writer thread, and must not start one


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_before_fork, after_in_parent=_after_fork_in_parent,
                        after_in_child=_after_fork_in_child)


@dataclass
class _EarlyState:
    """Per build: the documents resolved so far, and the early writer (None: not started
    yet; False: stopped, not to be started again)."""

    resolved: int = 0
    writer: _EarlyWriter | None | bool = None


#: Per source folder: the early writer's state in this build.
_EARLY: dict[str, _EarlyState] = {}


def reset_early_writer(app: Sphinx) -> None:
    """``builder-inited``: nothing resolved, no writer, no plan, no site signature yet in
    this build."""
    _EARLY[str(app.srcdir)] = _EarlyState()
    _PLANS.pop(str(app.srcdir), None)
    _SITES.pop(str(app.srcdir), None)


def start_early_writer(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: at the second document resolved by a parallel HTML write
    (the first one, resolved and written by the main process itself, has compiled the
    templates), start :class:`_EarlyWriter`."""
    state = _EARLY.get(str(app.srcdir))
    if state is None:
        return
    if state.writer is not None:
        if state.writer:
            state.writer.resolved = time.monotonic()
        return
    state.resolved += 1
    builder = app.builder
    if state.resolved != 2 or not getattr(builder, "parallel_ok", False) \
            or not hasattr(builder, "handle_page") or not hasattr(builder, "gen_indices") \
            or str(app.srcdir) not in ACTIVE:
        return
    plan = _plan(app)
    if not plan.todo:
        return
    writer = state.writer = _EarlyWriter(plan.collector, plan.todo)
    gen_indices = builder.gen_indices

    def finish_then_gen_indices() -> None:
        # the first page the main process renders after the documents: the writer
        # stops first (a builder renders one page at a time)
        del builder.gen_indices
        _stop_early_writer(app)
        gen_indices()

    builder.gen_indices = finish_then_gen_indices
    writer.start()


def _stop_early_writer(app: Sphinx) -> None:
    """Stop the early writer, if one runs; the plan keeps the pages it did not write."""
    state = _EARLY.get(str(app.srcdir))
    if state is None or not state.writer:
        return
    writer, state.writer = state.writer, False  # stopped, not to be started again
    plan = _PLANS.get(str(app.srcdir))
    left = writer.finish()
    if plan is not None:
        plan.todo = left


def collect_pages(app: Sphinx):
    """``html-collect-pages``: yield the entry and letter pages whose content changed.

    The digests are computed in the main process (cheap: no page is rendered for
    them). At ``-j N`` :class:`_EarlyWriter` has written what it could during the
    write phase; with many pages left they are rendered and written in N shares, by
    N - 1 forked workers and the main process, as Sphinx's parallel writer writes
    documents (``html-page-context`` is emitted where a page is rendered); otherwise
    they are yielded one at a time, so no more than one page's HTML is held at a time."""
    builder = app.builder
    if not hasattr(builder, "handle_page") or str(app.srcdir) not in ACTIVE:
        return
    _stop_early_writer(app)
    plan = _plan(app)
    collector = plan.collector
    renderer = collector.renderer
    new, todo, feed, reusable = plan.new, plan.todo, plan.feed, plan.reusable
    indexer = getattr(builder, "indexer", None)
    if indexer is not None:
        # entries kept from the last index for pages that changed or went: removed
        stale = {d for d in reusable if d not in new} | ({d for d, _ in feed} & reusable)
        if stale:
            prune = getattr(indexer.prune, "_pressroom_original", indexer.prune)
            prune((set(app.env.all_docs) | reusable) - stale)
        for docname, ids in feed:
            if docname in renderer.year_pages:
                continue  # a year's list of releases: the entry page is what search finds
            own = collector.own_page.get(docname)
            feed_search(indexer, docname, *renderer.title_and_search(ids, own))
        _keep_in_search(indexer, set(new))
    outdir = collector.outdir
    for docname in set(collector.old) - set(new):  # pages this module wrote that are gone
        if docname in app.env.all_docs:
            continue
        try:
            (outdir / builder.get_outfilename(docname)).unlink()
        except OSError:
            pass
    _WRITTEN[str(app.srcdir)] = {"pages": new, "keys": collector.keys, "site": collector.site,
                                 "entries": collector.entries, "releases": collector.read_at}
    _PLANS.pop(str(app.srcdir), None)
    if app.parallel > 1 and len(todo) > PARALLEL_MIN and app.is_parallel_allowed("write"):
        from sphinx.util.parallel import ParallelTasks

        collector.write_chunk(todo[:1])  # templates compiled before forking
        # N shares: N - 1 forked workers and the main process, which would otherwise
        # only wait (each forked copy of the main process is resident memory too)
        shares = [todo[1 + i::app.parallel] for i in range(app.parallel)]
        tasks = ParallelTasks(app.parallel - 1)
        try:
            for share in shares[1:]:
                tasks.add_task(collector.write_chunk, share)
            collector.write_chunk(shares[0])
        finally:
            tasks.join()
        return
    for docname, ids in todo:
        yield docname, collector.context(docname, ids), "page.html"


#: Fewer collected pages to write than this are written in the main process.
PARALLEL_MIN = 100


class _SearchDoc:
    """The doctree Sphinx's indexer is fed for a collected page: a title and a paragraph,
    and the page's keywords (a ``meta`` node, whose keywords Sphinx's indexer takes as
    words of the page) when it has any.

    One is built per process and its texts replaced for each page: building a
    docutils document per page (thousands in a large build) was most of the feeding's
    cost, in allocations and in the garbage collections they set off."""

    def __init__(self) -> None:
        self.doc = new_document("")
        self.section = nodes.section()
        self.title = nodes.title("", "")
        self.paragraph = nodes.paragraph("", "")
        self.section += self.title
        self.section += self.paragraph
        self.keywords = nodes.meta(name="keywords", content="")
        self.doc += self.keywords
        self.doc += self.section

    def feed(self, indexer, docname: str, title: str, text: str, keywords: str = "") -> None:
        self.title.children = [nodes.Text(title)]
        self.paragraph.children = [nodes.Text(text)]
        self.keywords["content"] = keywords
        # an empty keyword would be indexed as a word
        self.doc.children = [self.keywords, self.section] if keywords else [self.section]
        indexer.feed(docname, docname, title, self.doc)


_SEARCH_DOC: list[_SearchDoc] = []


def feed_search(indexer, docname: str, title: str, text: str, keywords: str = "") -> None:
    if not _SEARCH_DOC:
        _SEARCH_DOC.append(_SearchDoc())
    _SEARCH_DOC[0].feed(indexer, docname, title, text, keywords)


def _keep_in_search(indexer, docnames: set[str]) -> None:
    """Sphinx prunes the search index to its documents before dumping it; keep these pages.

    A word no page holds any longer is dropped too: Sphinx keeps it with no page (``"…":
    []``), so an index kept from build to build grew with every word a page lost, and
    differed from the one a build from scratch writes."""
    prune = indexer.prune
    if getattr(prune, "_pressroom", False):
        prune = prune._pressroom_original

    def keep(names):
        prune(set(names) | docnames)
        for mapping in (getattr(indexer, "_mapping", {}), getattr(indexer, "_title_mapping", {})):
            for word in [word for word, pages in mapping.items() if not pages]:
                del mapping[word]

    keep._pressroom = True  # type: ignore[attr-defined]
    keep._pressroom_original = prune  # type: ignore[attr-defined]
    indexer.prune = keep


def save_digests(app: Sphinx, exc: Exception | None) -> None:
    """``build-finished``: record the collected pages' digests and the search index
    this build dumped (which holds their entries)."""
    try:
        _stop_early_writer(app)
    except Exception:
        if exc is None:  # else the build failed already: that error is the one to show
            raise
    finally:
        _EARLY.pop(str(app.srcdir), None)
        _PLANS.pop(str(app.srcdir), None)
        _SITES.pop(str(app.srcdir), None)
    written = _WRITTEN.pop(str(app.srcdir), None)
    indices = _INDICES.pop(str(app.srcdir), {})
    outdir = Path(app.builder.outdir)
    _STATE.pop(str(outdir), None)
    if exc is not None or written is None:
        return
    index_file = getattr(app.builder, "searchindex_filename", None)
    stamp = file_stamp(outdir / index_file) if index_file and getattr(
        app.builder, "indexer", None) is not None else None
    (outdir / DIGESTS).write_text(json.dumps({**written, "searchindex": stamp, "indices": indices},
                                             sort_keys=True, separators=(",", ":")) + "\n",
                                  encoding="utf-8")
