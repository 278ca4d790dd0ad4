"""Backlinks, quotations, co-mentions and counts, derived fresh from the merged domain data.

Indexed once per build (at ``env-updated``, after parallel reads are merged) in one
pass over the mentions' entity ids: which releases mention each entity, and how many.
An entry's backlinks and co-mentions are made from those when first asked for: its
backlinks from the rows of the releases that mention it, its co-mentions by counting
the entities of those releases (for every entry, the sum of the squares of the numbers
of distinct entities within each release); a build asks for those of the pages it keys
or renders. The cost is linear in the number of mentions, never entities × releases.
Nothing here is stored in the environment.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from pressroom.sphinxext.corpus import digest, letter_of, name_key
from pressroom.sphinxext.domain import MentionRows

#: How many co-mentioned entries an entry page lists.
APPEARS_WITH = 12


@dataclass(slots=True)
class Backlink:
    """A release on an entry's page: one for each entry a release mentions (18,000 at
    N = 1,000), remade at every build, so without a ``__dict__`` each."""

    docname: str
    date: str
    title: str
    count: int
    sentence: str
    s0: int
    s1: int
    anchor: str
    #: the entity's other sentences in the release, in text order (not the title when a
    #: mention in the text is shown first: the title is the link above): (sentence, s0, s1,
    #: anchor)
    more: tuple[tuple[str, int, int, str], ...] = ()
    #: the release's language when it is not the site's (a tag), else ""
    language: str = ""
    #: the anchor of the entity's mention in the title when the title is not listed as a
    #: sentence (the link of the title, above the sentences, leads there), else ""
    title_anchor: str = ""


class Backlinks:
    """Entity id -> its backlinks (``[Backlink]``, the newest release first; ``get`` as a
    dict's), an entity's made when first asked for, from the releases that mention it.

    A build renders or keys the pages of the entities it changed, not all of them: the
    backlinks of every entity, made at every build, were 35 MiB at N = 10,000 (100,000 of
    them), most of a no-op's own memory after the environment. :meth:`releases` gives the
    releases that mention an entity without making its backlinks (for the co-mentions and
    the pages' keys)."""

    __slots__ = ("_by_entity", "_memo", "_mentions", "_releases", "_visited")

    def __init__(self, mentions: dict[str, MentionRows], releases: dict[str, tuple],
                 by_entity: dict[str, list[str]]) -> None:
        self._mentions = mentions
        self._releases = releases
        self._by_entity = by_entity  # entity id -> the releases mentioning it, once each
        self._memo: dict[str, list[Backlink]] = {}
        self._visited = 0  # releases visited for the entities made one at a time

    def __contains__(self, eid: object) -> bool:
        return eid in self._by_entity

    def __len__(self) -> int:
        return len(self._by_entity)

    def __getitem__(self, eid: str) -> list[Backlink]:
        rows = self.get(eid)
        if rows is None:
            raise KeyError(eid)
        return rows

    def releases(self, eid: str) -> list[str]:
        """The releases that mention *eid* (in the order they were merged)."""
        return self._by_entity.get(eid, [])

    def get(self, eid: str, default: Any = None) -> Any:
        rows = self._memo.get(eid)
        if rows is None:
            docnames = self._by_entity.get(eid)
            if docnames is None:
                return default  # never mentioned
            self._visited += len(docnames)
            if self._visited > len(self._mentions):
                # a build asking for many (a full build renders every page): once the
                # releases visited an entity at a time are as many as there are, the rest
                # are made in one pass, each release's sentences decompressed once, not
                # once for each entity it mentions (at most twice the work of one pass)
                self._make_rest()
                return self._memo[eid]
            rows = self._memo[eid] = self._sorted([
                _backlink(docname, self._releases[docname], self._mentions[docname].of(eid))
                for docname in docnames])
        return rows

    def _make_rest(self) -> None:
        memo, releases = self._memo, self._releases
        made: dict[str, list[Backlink]] = {}
        for docname, mentions in self._mentions.items():
            meta = None
            for eid, rows in mentions.grouped().items():
                if eid not in memo:
                    if meta is None:
                        meta = releases[docname]
                    made.setdefault(eid, []).append(_backlink(docname, meta, rows))
        for eid, rows in made.items():
            memo[eid] = self._sorted(rows)

    @staticmethod
    def _sorted(rows: list[Backlink]) -> list[Backlink]:
        rows.sort(key=_BY_TITLE)
        rows.sort(key=_BY_DATE, reverse=True)  # newest first; undated last
        return rows


def _backlink(docname: str, meta: tuple, rows: list[tuple]) -> Backlink:
    """The backlink of release *docname* (*meta*: its ``releases`` row) for the entity
    whose mentions in it are *rows*, in text order."""
    first, *later = rows
    # the title is the link above the sentences: it is listed as one only when nothing
    # else mentions the entity, else its link leads to its mention (which is still
    # counted: the title shows it)
    sentences = [(first[4], first[5], first[6], f"m{first[1]}"),
                 *((r[4], r[5], r[6], f"m{r[1]}") for r in later if r[4])]
    shown = [s for s in sentences if s[0] != meta[0]]
    titled = next((s[3] for s in sentences if s[0] == meta[0]), "") if shown else ""
    head, *more = shown or sentences[:1]
    return Backlink(docname, meta[1], meta[0], len(rows), *head, tuple(more), meta[7], titled)


_BY_TITLE = attrgetter("title", "docname")
_BY_DATE = attrgetter("date")


class CoMentions:
    """The entries most often mentioned in the same releases as an entry, ``[(entity id,
    releases)]`` with the most first (at most *top*, or *top* + 1 where that is all; of
    those mentioned in as many releases, the first by the names they are filed under, as
    the glossary lists them, so that which of them are listed where the list is cut does
    not depend on the order the releases were read in), and those left out (:meth:`rest`);
    taken when first asked for: a rebuild asks for those of the few entries whose pages it
    keys or renders. Counting an entry's co-mentions visits each release that mentions it
    once."""

    def __init__(self, releases: dict[str, list[str]], ids: dict[str, list[str]],
                 top: int, order: Callable[[str], tuple] = lambda eid: (eid,)) -> None:
        self._releases = releases  # entity -> the releases mentioning it, once each
        self._ids = ids  # release -> the entities it mentions, once each
        self._top = top
        self._order = order  # of entries mentioned in as many releases: A to Z
        self._memo: dict[str, list[tuple[str, int]]] = {}
        self._rest: dict[str, tuple[int, int, int]] = {}

    def get(self, eid: str, default=None):
        value = self._memo.get(eid)
        if value is None:
            docnames = self._releases.get(eid)
            if docnames is None:
                return default  # never mentioned
            co: Counter = Counter()
            ids = self._ids
            for docname in docnames:
                co.update(ids[docname])
            del co[eid]
            # the top few without sorting every co-mentioned entry; one more where that
            # is all of them (a list cut to leave one out said *And 1 more entry* in the
            # line its name would have taken)
            order = self._order
            top = self._top + 1 if len(co) == self._top + 1 else self._top
            top_rows = heapq.nsmallest(top, [(-n, order(other), other)
                                             for other, n in co.items()])
            value = self._memo[eid] = [(other, -n) for n, _key, other in top_rows]
            left = co.keys() - {other for other, _n in value}
            self._rest[eid] = ((len(left), min(co[o] for o in left), max(co[o] for o in left))
                               if left else (0, 0, 0))
        return value

    def rest(self, eid: str) -> tuple[int, int, int]:
        """The co-mentioned entries :meth:`get` leaves out: how many, and the fewest and
        the most releases one of them shares with *eid* (``(0, 0, 0)``: none)."""
        if eid not in self._rest and self.get(eid) is None:
            return (0, 0, 0)
        return self._rest[eid]


@dataclass
class Aggregates:
    backlinks: Backlinks = field(default_factory=lambda: Backlinks({}, {}, {}))
    #: speaker -> [(release, date, title, text, start, the release's language or "")]
    quotes: dict[str, list[tuple[str, str, str, str, int, str]]] = field(default_factory=dict)
    appears_with: CoMentions = field(default_factory=lambda: CoMentions({}, {}, APPEARS_WITH))
    release_count: Counter = field(default_factory=Counter)


def compute(domain, top: int = APPEARS_WITH) -> Aggregates:
    """The aggregates of *domain*'s merged data: which releases mention each entity (a
    pass over the mentions' ids), the quotations by speaker; backlinks and co-mentions
    are made from them when first asked for."""
    agg = Aggregates()
    releases = domain.releases
    mentions: dict[str, MentionRows] = {}
    by_entity: dict[str, list[str]] = {}
    mentioned: dict[str, list[str]] = {}
    for docname, rows in domain.mentions.items():
        if docname not in releases:
            continue
        if not isinstance(rows, MentionRows):  # a stand-in's rows (the tests')
            rows = MentionRows(rows)
        mentions[docname] = rows
        ids = mentioned[docname] = list(dict.fromkeys(rows.ids))
        for eid in ids:
            docnames = by_entity.get(eid)
            if docnames is None:
                by_entity[eid] = [docname]
            else:
                docnames.append(docname)
    agg.release_count = Counter({eid: len(docnames) for eid, docnames in by_entity.items()})
    agg.backlinks = Backlinks(mentions, releases, by_entity)
    entries = domain.entries

    def order(eid: str) -> tuple:  # as the glossary lists them
        entry = entries.get(eid)
        return name_key(entry[6], eid) if entry else ("", "", eid)

    agg.appears_with = CoMentions(by_entity, mentioned, top, order)
    quotes: dict[str, list] = defaultdict(list)
    for docname, rows in domain.quotes.items():
        meta = releases.get(docname)
        if meta is None:
            continue
        for start, _end, text, speaker, _surface in rows:
            if speaker:
                quotes[speaker].append((meta[1], meta[0], docname, text, start, meta[7]))
    for rows in quotes.values():
        rows.sort(key=lambda q: q[4])                       # in text order within a release,
        rows.sort(key=lambda q: (q[0], q[2]), reverse=True)  # newest release first
        for i, (date, title, docname, text, start, language) in enumerate(rows):
            rows[i] = (docname, date, title, text, start, language)
    agg.quotes = dict(quotes)
    return agg


def get(domain) -> Aggregates:
    """The aggregates of this build (computed lazily if ``env-updated`` did not run)."""
    agg = getattr(domain, "_pressroom_aggregates", None)
    if agg is None:
        agg = compute(domain)
        domain._pressroom_aggregates = agg
    return agg


def refresh(domain) -> Aggregates:
    domain._pressroom_aggregates = None
    return get(domain)


# ---------------------------------------------------------------------------- digests


def archive_summary(domain) -> tuple[list[tuple[str, int, str, str]], int]:
    """What ``pressroom:summary`` shows: for each publisher's folder ("" for the releases
    outside the publishers' folders) its number of releases and the first and last of their
    dates (ISO; "" when none is dated), by folder; and the number of entries."""
    folders: dict[str, list] = {}
    for meta in domain.releases.values():
        row = folders.setdefault(meta[2], [0, "", ""])
        row[0] += 1
        date = meta[1]
        if date:
            if not row[1] or date < row[1]:
                row[1] = date
            if date > row[2]:
                row[2] = date
    return sorted((folder, *row) for folder, row in folders.items()), len(domain.entries)


def shown_digest(domain, agg: Aggregates, corpus, kind: str, arg: str, glossary_max: int) -> str:
    """A digest of everything a placeholder shows; a page is rewritten when it changes.

    *glossary_max* is ``pressroom_glossary_max``: a larger glossary shows only its
    letters and their sizes (see ``LateRenderer.glossary_letters``)."""
    entries = domain.entries
    releases = domain.releases

    if kind == "glossary":
        rows = [(eid, e) for eid, e in entries.items() if e[2] == arg]
        if len(rows) > glossary_max:
            return digest(("letters", sorted(Counter(letter_of(e[6]) for _eid, e in rows).items())))
        return digest(sorted((eid, e[0], e[6], e[5], agg.release_count.get(eid, 0))
                              for eid, e in rows))
    if kind == "summary":
        folders, n_entries = archive_summary(domain)
        return digest(([(corpus.project.publisher(f).name if f else "", *row)
                        for f, *row in folders], n_entries))
    if kind == "type-list":
        return digest(sorted(Counter(e[2] for e in entries.values()).items()))
    if kind == "release-list":
        # a release's title, date, language (its title is marked as written in it) and
        # opening words
        leads = domain.data.get("leads", {})
        shown = [(d, releases.get(d, ())) for d in arg.split("\n")]
        return digest([(d, meta[:2], meta[7:], leads.get(d)) for d, meta in shown])
    if kind == "timeline":
        # with the description: the timeline's link to an event carries it as its title
        # and where each event's entry is (the timeline links nothing else)
        events = sorted((e.id, str(e.start), str(e.end), e.name, e.description, e.type,
                         entries.get(e.id, ("",))[0])
                        for e in corpus.registry if e.start and e.type == "event")
        return digest((sorted((d, m[0], m[1], m[7]) for d, m in releases.items()), events))
    return ""
