"""Turn a parsed, linked release into docutils nodes, and into domain-data tuples.

Release text is data: every character becomes part of a ``Text`` node (control
characters replaced by U+FFFD), never markup handed to a reST or Markdown
parser. Mentions become ``pending_xref`` nodes that the domain resolves to the
entry page (with the entry's description as the link title).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from docutils import nodes

from pressroom.config import is_suppressed
from pressroom.corpus import text_key
from pressroom.i18n import _, display_locale, human_date
from pressroom.linker import TITLES
from pressroom.registry import PartialDate
from pressroom.source import (
    BYLINE_RE,
    DOUBLE_MARKS,
    LIST_ITEM_RE,
    NOT_ABBREVIATED,
    SENTENCE_OPENING_WORDS,
    SHORT_LINE,
    TRAILING_ABBREVIATIONS,
    UNWRAPPED,
    Segment,
    quotation_closers,
    refer_pronouns,
    straight_closes,
)
from pressroom.sphinxext.corpus import Corpus, filed_as, name_key, plain
from pressroom.sphinxext.markup import (
    accent_free_keywords,
    entry_link,
    language_classes,
    original_link,
    other_language,
)
from pressroom.sphinxext.nodes import quotation

if TYPE_CHECKING:
    from pressroom.linker import LinkResult
    from pressroom.problems import Problem
    from pressroom.source import Release


#: The marks that may close a sentence after its stop, and open one before its first word:
#: quotation marks and brackets (Chinese and Japanese ones too).
_CLOSE = "\"”“’‘')\\]»«›‹」』）】〕》〉"
_OPEN = "\"“‘(\\[«„‚‹»”›「『（《【〔"
#: A closing mark written after a space, as French writes it (``non. » Puis``, with a space
#: or a no-break one).
_SPACED_CLOSE = "[ \u00a0\u202f][»›]"
#: Where a sentence may end: at . ! ? or an ellipsis ``…`` (not ``[…]``, words left out of
#: a quotation), maybe closing quotation marks or brackets (``»``, ``«`` and ``›`` after a
#: space too, as French spaces them: ``non. » Puis``), followed by space and a word, maybe
#: after an opening mark; not the full stop of an
#: abbreviation that ends no sentence (``Dr. Jane Roe``, ``St. Louis``, ``Jan. 5``, ``e.g.``,
#: ``Fig. 3``) nor of an initial after a space (``George W. Bush``; ``the U.S. The`` still
#: ends one). :func:`sentence_ends` keeps those before a capital (of any script: ``Über``,
#: ``Élise``), a digit or a letter of a script without capitals (Arabic, Hebrew, Chinese…:
#: ``جائر. وقال``). The Arabic question mark, the Urdu full stop and the Devanagari danda
#: (``؟``, ``۔``, ``।``) end a sentence before a space and any word; the Chinese and
#: Japanese ideographic full stop, the fullwidth marks (``。``, ``！``, ``？``, ``．``) before
#: a word with or without a space (those scripts put none), but not inside a Japanese
#: quotation that the sentence goes on after (``「…。」と述べた``: ``と`` and ``って`` quote it).
#: (One character class first: the regex engine then skips to each stop; alternatives of
#: whole patterns made it try every position, several times slower.)
_SENTENCE_END = re.compile(
    rf"[.!?…؟۔।。！？．](?:(?<=[。！？])(?![」』]+[とっ])|(?<=．)(?<!\d．)(?!\d)"
    rf"|(?:(?<=[.!?]){NOT_ABBREVIATED}|(?<=…)(?<![\[(]…)|(?<=[؟۔।]))(?=[{_CLOSE}]*\s))"
    rf"(?:[{_CLOSE}]|{_SPACED_CLOSE}(?!\w))*\s*(?=[{_OPEN}]?\s?\w)")
#: What may open a sentence before its first word: quotation marks, brackets, a space.
_OPENING = _OPEN.replace("\\", "") + " \u00a0"
#: Initials with full stops (``U.S.``, ``U.N.``) or an abbreviation written after a time or
#: a name (``a.m.``, ``Inc.``) right before a sentence end's full stop.
_TRAILING = re.compile(r"(?:^|[^\w.])(?:(?P<initials>(?:[A-Z]\.){2,})|(?P<word>"
                       + "|".join(re.escape(w) for w in TRAILING_ABBREVIATIONS) + r")\.)$")
#: ``the`` before initials: they are a noun (``the U.S.``), no person's (``J.R.R. Tolkien``).
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
#: A title at the start of a person's mention (``President Jane Roe``): a name going on.
_TITLED = re.compile("(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
                     + r")(?![\w-])")
#: A line of a list (``- Release the lawyers``): each item ends a sentence, its marker is
#: no part of the next.
_ITEM_LINE = re.compile(r"\n(?=" + LIST_ITEM_RE.pattern + ")")
_WORD = re.compile(r"[\w-]+")


def sentence_ends(text: str, start: int, end: int,
                  persons: Mapping[int, int] | None = None) -> list[tuple[int, int, int]]:
    """Where the sentences of ``text[start:end]`` end, in order: ``(start, end, cut)`` of
    the stop and the space after it, *cut* where the sentence's text ends (after its closing
    marks). A stop before a word not capitalized ends none (``e.g. the``), nor initials or
    ``a.m.``, ``Inc.``… before a capitalized word that opens no sentence (``U.S. President``,
    ``a.m. Thursday``: :data:`~pressroom.source.SENTENCE_OPENING_WORDS`), but for a person's
    name of two words or more (*persons*: where the release names a person, start to end)
    after initials written as a noun (``the U.S.``, ``the U.N.``) or ``a.m.``, ``Inc.``…: no
    name goes on into a person's (``signed by the U.S. Jane Roe said``, ``at 10 a.m. Jane
    Roe spoke``), one that does has a title between (``the U.S. President Jane Roe``), and a
    surname alone may have its own initials before it (``the O.J. Simpson trial``); every
    line of a list ends one."""
    found = []
    for m in _SENTENCE_END.finditer(text, start, end):
        after = m.end()
        while after < end and text[after] in _OPENING:
            after += 1
        first = text[after:after + 1]
        caseless = first.isalpha() and not first.isupper() and not first.islower()
        stop = text[m.start()]
        if stop in ".!?…" and not (first.isupper() or caseless
                                   or first.isdigit() and stop != "…"):
            continue
        if first.isupper() and text[m.start()] == "." and (trailing := _TRAILING.search(
                text, max(start, m.start() - 12), m.start() + 1)):
            word = _WORD.match(text, after, after + 40)
            if (not word or word.group() not in SENTENCE_OPENING_WORDS) and not (
                    persons and after in persons and not _TITLED.match(text, after)
                    and _SPACES.search(text, after, persons[after])  # or a line break
                    and (trailing.group("word") or _THE_BEFORE.search(
                        text, max(start, trailing.start("initials") - 5),
                        trailing.start("initials")))):
                continue
        found.append((m.start(), m.end(), m.start() + len(m.group().rstrip())))
    items = [m.end() for m in _ITEM_LINE.finditer(text, start, end)]
    if items:
        ends = {stop[1]: stop for stop in found}
        for line in items:  # the line before an item ends at its last word
            cut = line - 1
            while cut > start and text[cut - 1].isspace():
                cut -= 1
            ends.setdefault(line, (cut, line, cut))
        found = sorted(ends.values())
    return found


#: Sentences longer than this are cut around the mention.
SENTENCE_MAX = 320


@dataclass
class Rendered:
    """What a release contributes: its nodes and its domain-data tuples."""

    section: nodes.section
    meta: tuple
    mentions: list[tuple]
    quotes: list[tuple]
    #: fingerprint of the text, to find duplicates ("" for an empty release)
    text_key: str = ""
    #: the release's opening words (see :func:`lead_of`), for the feed
    lead: str = ""
    #: what the release's page says it is (see :func:`description_of`)
    description: str = ""
    #: its words as written without accents, for the search index (see
    #: :func:`accent_free_keywords`)
    keywords: str = ""
    #: the SHA-256 of the release file as received (:attr:`pressroom.source.Release.sha256`)
    sha256: str = ""


class _Lines:
    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def line(self, offset: int) -> int:
        return bisect_right(self.starts, offset)


#: The double quotation marks (those that open one and the marks that close it:
#: :func:`~pressroom.source.quotation_closers`).
_DOUBLE_QUOTE = re.compile(f"[{DOUBLE_MARKS}]")
#: The marks that mostly close a quotation and open one as German and Swedish write them
#: (``»…«``, ``”…”``): one that nothing closes in the segment opens none (``Home »News``
#: is an arrow, a breadcrumb's), and the sentences after it are shown as written.
_CLOSES_NOTHING_LEFT_OPEN = "»”"


class _Stops:
    """Where the sentences of one segment end, found once: looked up by bisection for
    each mention (scanning from the segment's start for each made a long paragraph with
    many mentions quadratic). And which quotation is open where: after each double
    quotation mark, where the mark that opened the quotation then open is (-1 for none),
    and where the mark closing each quotation closed in the segment is (*persons*: where
    the release names a person, see :func:`sentence_ends`)."""

    def __init__(self, text: str, seg: tuple[int, int],
                 persons: Mapping[int, int] | None = None) -> None:
        found = sentence_ends(text, *seg, persons)
        self.seg = seg
        self.starts = [a for a, _, _ in found]
        self.ends = [b for _, b, _ in found]
        self.cuts = [c for _, _, c in found]
        self.marks: list[int] = []
        self.open: list[int] = []
        self.closed: dict[int, int] = {}
        opened = -1
        closers = ""  # the marks that close the quotation open
        a, b = seg
        last = {mark: text.rfind(mark, a, b) for mark in DOUBLE_MARKS}  # each mark's last
        for m in _DOUBLE_QUOTE.finditer(text, a, b):
            mark = m.group()
            at = m.start()
            if opened >= 0 and mark in closers:
                self.closed[opened] = at
                opened = -1
            elif mark == '"' and straight_closes(text, at, a, b):
                # a straight mark after a word, before no word, closes: one that closes
                # nothing (its quotation opened in a paragraph before) opens nothing either
                opened = -1
            else:  # an opening mark, or a closing one that closes nothing
                closers = quotation_closers(text, at, a, b)
                if mark in _CLOSES_NOTHING_LEFT_OPEN and all(last[c] < at for c in closers):
                    closers = ""  # an arrow, a breadcrumb's (``Home »News``)
                opened = at if closers else -1
            self.marks.append(at)
            self.open.append(opened)

    def open_at(self, pos: int) -> int:
        """Where the mark opening the quotation open at *pos* is (-1 for none), after the
        marks before *pos*."""
        i = bisect_left(self.marks, pos)
        return self.open[i - 1] if i else -1

    def opening(self, text: str, at: int) -> str:
        """The mark opening the quotation at *at* and the space after it, as written
        (French ``« ``, Russian ``«``, ``“``)."""
        space = _SPACES.match(text, at + 1, self.seg[1])
        return text[at] + (_spaced(space.group()) if space else "")

    def closing(self, text: str, at: int) -> str:
        """The mark closing the quotation opened at *at* and the space before it, as written
        where the segment closes it (French `` »``, Russian ``»``, ``”``); else the mark that
        closes its opening one, spaced as that one is."""
        close = self.closed.get(at)
        if close is None:
            return self.opening(text, at)[1:] + quotation_closers(text, at, *self.seg)[0]
        space = close
        while space > at + 1 and text[space - 1].isspace():
            space -= 1
        return (_spaced(text[space:close]) if space < close else "") + text[close]


#: A run of whitespace.
_SPACES = re.compile(r"\s+")
#: The spaces at which no line may break, kept as written where a sentence's spaces are run
#: together (French ``«`` and ``»`` with a no-break space, ``10`` and ``000`` with a narrow one).
_NO_BREAK = ("\u00a0", "\u202f", "\u2007")


def _spaced(run: str) -> str:
    """A run of whitespace as shown in a sentence: one space, or the no-break space it is."""
    return run if run in _NO_BREAK else " "


def _collapsed(raw: str) -> str:
    """*raw* with each run of whitespace one space, but a no-break space kept."""
    return _SPACES.sub(lambda m: _spaced(m.group()), raw)


def sentence_bounds(text: str, seg: tuple[int, int], start: int, end: int,
                    stops: _Stops | None = None) -> tuple[int, int]:
    """Where the sentence holding ``[start, end)`` starts and ends, within *seg*: after
    the last sentence end before the mention, at the first one after its start."""
    if stops is None or stops.seg != seg:
        stops = _Stops(text, seg)
    i = bisect_right(stops.ends, start)
    j = bisect_left(stops.starts, end - 1)
    return (stops.ends[i - 1] if i else seg[0]), (stops.cuts[j] if j < len(stops.starts) else seg[1])


def sentence_around(text: str, seg: tuple[int, int], start: int, end: int,
                    stops: _Stops | None = None) -> tuple[str, int, int]:
    """The sentence of ``text`` holding ``[start, end)``, within segment ``seg``
    (*stops*: that segment's sentence ends, when already found).

    Returns ``(sentence, start in sentence, end in sentence)`` with whitespace
    collapsed (a no-break space kept) only outside the mention, so the highlight offsets
    stay exact. A sentence end inside the mention (``U.S. Navy``) ends nothing. A list
    item's marker (``- ``, ``1.``) is no part of its sentence. A sentence inside a
    quotation has the quotation's marks made whole, as a quotation of it is written:
    “It’s time …”, not It’s time …” with a closing mark alone, nor a middle sentence with
    none; the marks added are the text's own, spaced as it spaces them (``«Это произвол»``
    from a Russian text, ``« Non »`` from a French one).
    """
    if stops is None or stops.seg != seg:
        stops = _Stops(text, seg)
    s, e = sentence_bounds(text, seg, start, end, stops)
    item = LIST_ITEM_RE.match(text, s, start + 1)  # the item's first word may be the mention
    if item:
        s = item.end() - 1
    opened, left_open = stops.open_at(s), stops.open_at(e)
    if e - s > SENTENCE_MAX:  # cut long sentences around the mention, at word boundaries
        lo = max(s, start - SENTENCE_MAX // 2)
        hi = min(e, end + SENTENCE_MAX // 2)
        if lo > s:
            lo = text.find(" ", lo, start) + 1 or lo
        if hi < e:
            cut = text.rfind(" ", end, hi)
            hi = cut if cut > end else hi
        prefix = "… " if lo > s else ""
        suffix = " …" if hi < e else ""
        s, e = lo, hi
    else:
        prefix = suffix = ""
    before = _collapsed(text[s:start].lstrip())
    after = _collapsed(text[end:e].rstrip())
    surface = text[start:end]
    if opened >= 0:
        prefix = stops.opening(text, opened) + prefix
    if left_open >= 0:
        suffix += stops.closing(text, left_open)
    sentence = plain(prefix + before + surface + after + suffix)
    s0 = len(prefix) + len(before)
    return sentence, s0, s0 + len(surface)


def sentence_segments(release: Release) -> list[tuple[int, int, int]]:
    """The spans of *release* a mention's sentence is looked for in, ``(start, end,
    sentence end)``: its title, its dateline and each body paragraph, each ending where
    it ends but a dateline that opens a paragraph (``Washington, DC – Today as …``, on
    one line): its mentions' sentence goes on to that paragraph's first sentence end,
    not the dateline alone (a mention in the paragraph has its own sentence)."""
    segs = [(s.start, s.end, s.kind) for s in release.segments
            if s.kind in ("title", "dateline", "body")]
    out = []
    for i, (start, end, kind) in enumerate(segs):
        until = end
        if (kind == "dateline" and i + 1 < len(segs) and segs[i + 1][2] == "body"
                and not any(c in "\r\n" for c in release.text[end:segs[i + 1][0]])):
            until = segs[i + 1][1]
        out.append((start, end, until))
    return out


def render_release(release: Release, result: LinkResult, corpus: Corpus, *,
                   publisher_key: str = "", relpath: str = "", anchors: bool = True,
                   site_language: str | None = None,
                   suppress_warnings: frozenset[str] = frozenset()) -> Rendered:
    """Nodes for a release page (or a ``release`` directive) and its data tuples.

    With *anchors*, every mention and quotation has an id (``m<offset>``,
    ``q<offset>``: the entry pages' backlinks point there); a release shown inside
    another page has none (nothing points there, and two releases on one page would
    repeat them); a release page's file is also a link to the file as received (the page's
    source, which the HTML builder copies), one shown in another page's is not.

    A release whose header states another language than *site_language* (Sphinx's
    ``language``) has its title and text marked as written in it (``lang`` in HTML).
    Its problems are listed on the page, but those of the subtypes *suppress_warnings*
    (Sphinx's) silences."""
    text = release.text
    language = other_language(release.language, site_language)
    marked = language_classes(language)
    lines = _Lines(text)
    registry = corpus.registry
    mentions = sorted(result.mentions, key=lambda m: m.start)
    by_start = _Sorted(mentions)

    # quotes: a pronoun refers to the person named last as a subject or a speaker (which
    # mentions are people's the registry says); then the speaker is the person mention
    # inside the speaker's span
    persons = [(m.start, m.end) for m in mentions
               if (entity := registry.get(m.entity_id)) is not None and entity.type == "person"]
    quote_rows: list[tuple] = []
    quote_speakers: dict[tuple[int, int], str] = {}
    for q in refer_pronouns(text, release.quotes, persons):
        speaker_id = ""
        if q.speaker_start is not None and q.speaker_end is not None:
            for m in by_start.overlapping(q.speaker_start, q.speaker_end):
                entity = registry.get(m.entity_id)
                if entity is not None and entity.type == "person":
                    speaker_id = m.entity_id
                    break
        name = registry[speaker_id].name if speaker_id else (q.speaker or "")
        # a name wrapped onto the next line (``Professor`` / ``Jonathan Okafor``) is shown
        # on one
        quote_speakers[(q.start, q.end)] = plain(" ".join(name.split()))
        quote_rows.append((q.start, q.end, plain(q.text), speaker_id, plain(q.speaker or "")))

    # mention rows; an entity's first mention in each sentence carries that sentence
    # (what its entry page shows under the release), a further mention of it in the
    # same sentence an empty one (the sentence is kept once)
    segs = sentence_segments(release)
    seg_starts = [s[0] for s in segs]
    rows: list[tuple] = []
    # (entity, segment, sentence in it): a sentence is the same by its place, not its
    # words (a sentence a release repeats word for word is shown at each place)
    seen: set[tuple[str, int, int]] = set()
    stops = None  # the current segment's sentence ends (mentions come in text order)
    person_at = dict(persons)  # a sentence may end before a person's name
    for m in mentions:
        i = bisect_right(seg_starts, m.start) - 1
        seg = (segs[i][0], segs[i][2]) if i >= 0 and m.start < segs[i][1] else (m.start, m.end)
        if stops is None or stops.seg != seg:
            stops = _Stops(text, seg, person_at)
        sentence, s0, s1 = sentence_around(text, seg, m.start, m.end, stops)
        place = (m.entity_id, seg[0], bisect_right(stops.ends, m.start))
        if place in seen:
            sentence, s0, s1 = "", 0, 0
        else:
            seen.add(place)
        rows.append((m.entity_id, m.start, m.end, plain(m.surface), sentence, s0, s1,
                     lines.line(m.start)))

    title = plain(release.title)
    # the title is plain text (no links in a page title: it is copied into the navigation
    # and the <title>), but its mentions are backlinks too: their anchors sit on the section
    title_seg = next(((s.start, s.end) for s in release.segments if s.kind == "title"), None)
    title_ids = [f"m{m.start}" for m in mentions
                 if anchors and title_seg and title_seg[0] <= m.start < title_seg[1]]
    section = nodes.section(ids=["release", *title_ids], classes=["pressroom-release"],
                            support_smartquotes=False)
    section += nodes.title(title, title, classes=list(marked))
    # the problems the build warns about, but those conf.py's suppress_warnings silences
    shown = [p for p in release.problems
             if p.severity != "info" and not is_suppressed(p.subtype, suppress_warnings)]
    if shown:
        section += _problems_notice(shown)
    section += _meta_panel(release, mentions, corpus, publisher_key, relpath, anchors, language)
    if any(p.subtype == "release_header" and p.severity == "error" for p in release.problems):
        # a header that could not be read is still shown, as received
        for start, end in release.spans("header"):
            box = nodes.container(classes=["pressroom-header"])
            said = any(p.subtype == "release_header" for p in shown)  # in the box above
            box += nodes.rubric("", _("Header as received (not understood, see above)") if said
                                else _("Header as received (not understood)"))
            raw = plain(text[start:end])
            box += nodes.literal_block(raw, raw, language="text")
            section += box

    dateline_seg = next(((s.start, s.end) for s in release.segments if s.kind == "dateline"), None)
    quote_spans = _Sorted(list(quote_speakers), key=lambda q: q[0])
    # the paragraphs that keep their lines (a list, lines of their own: _kept_breaks) and
    # the text they are shown from, where the break before a line that goes on the one
    # before (an item wrapped) is blanked: the page runs it on, the offsets stay the text's
    kept = set()
    joins: list[tuple[int, int]] = []
    for seg in release.segments:
        if seg.kind == "body":
            written, breaks = _lines_of(text, seg.start, seg.end)
            keep = _kept_breaks(written)
            if keep is not None:
                kept.add(seg.start)
                joins += [brk for brk, kept_break in zip(breaks, keep, strict=True) if not kept_break]
    shown = text
    if joins:
        pieces, pos = [], 0
        for a, b in joins:
            pieces += [text[pos:a], " " * (b - a)]
            pos = b
        shown = "".join(pieces) + text[pos:]

    def paragraph(seg: Segment) -> nodes.paragraph:
        """A paragraph of the body, the dateline opening the one it was written in (the
        second, under a deck)."""
        nonlocal dateline_seg
        para = nodes.paragraph(classes=["pressroom-paragraph"])
        if seg.start in kept:
            para["classes"].append("pressroom-lines")  # its lines kept as written
        if dateline_seg and seg.start >= dateline_seg[1]:
            span = nodes.inline(classes=["pressroom-dateline"])
            span += _inline(text, *dateline_seg, by_start, {}, lines, anchors)
            para += span
            para += nodes.Text(" ")
            dateline_seg = None
        para += _inline(shown, seg.start, seg.end, by_start, quote_speakers, lines, anchors,
                        quote_spans)
        return para

    # what comes before the body, in the order written: the publisher's heading (above the
    # title, under it), a dateline written above the headline (``Brussels, 5 May 2012``),
    # and a date among them; a paragraph of the body among them too, where one is (shown
    # after them, it read out of its order)
    above = title_seg and next((seg for seg in release.segments if seg.kind == "dateline"
                                and seg.start < title_seg[0]), None)
    head_end = max((seg.end for seg in release.segments
                    if seg.kind == "preamble" or seg is above), default=-1)
    early = None
    for seg in release.segments:
        if seg.start >= head_end:
            break
        if seg.kind == "body":
            if early is None:
                early = nodes.container(classes=["pressroom-body", *marked])
                section += early
            early += paragraph(seg)
            continue
        early = None
        if seg.kind == "date":
            section += _published(text, seg, marked)
        elif seg.kind == "preamble":
            # like the footer: labels and contacts recur; a paragraph a line
            section += _apart("pressroom-preamble", _("Publisher’s heading, not part of the release"),
                              [[line] for line in _LINE_BREAK.split(text[seg.start:seg.end])
                               if line.strip()], marked)
        elif seg is above:
            para = nodes.paragraph(classes=["pressroom-dateline", *marked])
            para += _inline(text, seg.start, seg.end, by_start, {}, lines, anchors)
            section += para
            dateline_seg = None

    body = nodes.container(classes=["pressroom-body", *marked])
    # a ``Published on`` line written under the boilerplate is shown under it
    footer_at = next((s.start for s in release.segments if s.kind == "footer"), None)
    late = [s for s in release.segments
            if s.kind == "date" and footer_at is not None and s.start > footer_at]
    for seg in release.segments:
        if seg.kind == "body" and seg.start >= head_end:
            body += paragraph(seg)
        elif seg.kind == "date" and seg not in late and seg.start >= head_end:
            body += _published(text, seg)
    section += body

    footer = release.footer
    if footer.strip():
        section += _apart("pressroom-footer", _("Publisher’s boilerplate, not part of the release"),
                          _blocks(footer), marked)
        for seg in late:
            section += _published(text, seg, marked)

    publisher = release.publisher or ""
    meta = (title, release.date.isoformat() if release.date else "", publisher_key,
            plain(publisher), plain(release.dateline or ""), release.source_url or "", relpath,
            language or "")
    key = text_key(text) if text.replace("\ufeff", "").strip() else ""
    return Rendered(section, meta, rows, quote_rows, key, lead_of(text, release.paragraphs),
                    description_of(release),
                    accent_free_keywords(text[s.start:s.end] for s in release.segments
                                         if s.kind != "header"),
                    release.sha256)


#: A release's lead is cut at a word boundary near this many characters.
LEAD_CHARS = 300
#: A page's description is cut at a word boundary to at most this many characters (about
#: what search engines show of one).
DESCRIPTION_CHARS = 160


def cut_words(text: str, limit: int) -> str:
    """*text*'s words, its spaces run together, cut at the last word boundary before
    *limit* characters (then `` …``); plain text (see :func:`plain`)."""
    out: list[str] = []
    size = 0
    for word in text.split():
        if out and size + len(word) > limit:
            return plain(" ".join(out)) + " …"
        if size + len(word) > limit:
            # a first word longer than all: text in a script written without spaces
            # (Chinese, Thai), cut at the limit
            return plain(word[:limit]) + "…"
        out.append(word)
        size += len(word) + 1
    return plain(" ".join(out))


def lead_of(text: str, paragraphs) -> str:
    """The opening words of a release's first body paragraph, its spaces run together,
    cut at the last word boundary before :data:`LEAD_CHARS` characters (then ``…``)."""
    if not paragraphs:
        return ""
    first = min(paragraphs, key=lambda p: p.start)
    return cut_words(text[first.start:first.end], LEAD_CHARS)


def description_of(release: Release) -> str:
    """What a release's page says it is (HTML's ``<meta name="description">``, JSON-LD's
    ``description``: what search engines and link previews show): the first sentence of its
    first body paragraph, which is the whole paragraph when that is a deck (a subtitle under
    the headline: no sentence's end) or has no sentence's end, a byline (``By Jane Roe``)
    left out; plain text, cut at a word boundary to :data:`DESCRIPTION_CHARS` characters
    with its ``…``. "" for a release without a body."""
    text = release.text
    for p in sorted(release.paragraphs, key=lambda p: p.start):
        start, end = p.start, p.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end or BYLINE_RE.match(text, start, end):
            continue
        stops = sentence_ends(text, start, end)
        return cut_words(text[start:stops[0][2] if stops else end], DESCRIPTION_CHARS - 2)
    return ""


def language_name(tag: str) -> str:
    """A language tag as its name in the site's language (``pt-BR`` -> ``Portuguese
    (Brazil)``, ``Portugiesisch (Brasilien)``), from the CLDR data of Babel (which Sphinx
    uses for its own translations); the tag itself when Babel does not know it."""
    from babel import Locale, UnknownLocaleError

    for attempt in (tag, tag.split("-")[0]):  # ``de-CH-1901``: a variant Babel has no data for
        try:
            name = Locale.parse(attempt, sep="-").get_display_name(display_locale())
        except (ValueError, TypeError, UnknownLocaleError):
            continue
        if name:
            return name
    return tag


def _published(text: str, seg, marked: Sequence[str] = ()) -> nodes.paragraph:
    """The line that says when the release was published, its spaces run together."""
    raw = plain(" ".join(text[seg.start:seg.end].split()))
    return nodes.paragraph(raw, raw, classes=["pressroom-published", *marked])


#: A line break, as any text writes it.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: The start of an address, which may be written in lower case on a line of its own.
_ADDRESS = re.compile(r"[\w.+-]+@|www\.|https?://")
#: The end of a line that goes on on the next: a comma, a word broken by a hyphen, a word no
#: line of its own ends with (``to``, ``of``, ``and``…).
_GOES_ON = re.compile(r"(?:,|\w-|(?<![\w'’-])(?:a|an|the|of|to|and|or|in|on|at|by|for|from|with|"
                      r"as|into|that|its|their|his|her|our))$", re.IGNORECASE)
#: A line's last word, when it is a word (not a number, an address, a bracket's end).
_LAST_WORD = re.compile(r"(?<!\S)[^\W\d_][\w'’-]*$")
#: The end of a line that ends a sentence (or, with ``:`` and ``;``, a clause).
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’')\]]*$")
_ENDS_CLAUSE = re.compile(r"[.!?…:;][\"”’')\]]*$")


def _lines_of(text: str, start: int, end: int) -> tuple[list[str], list[tuple[int, int]]]:
    """The lines of ``text[start:end]`` and where the line breaks between them are."""
    breaks = [m.span() for m in _LINE_BREAK.finditer(text, start, end)]
    ends = [a for a, _ in breaks] + [end]
    starts = [start] + [b for _, b in breaks]
    return [text[a:b] for a, b in zip(starts, ends, strict=True)], breaks


def _goes_on(before: str, line: str) -> bool:
    """Does *line* go on *before* (both stripped), as a paragraph wrapped at some width
    does: it starts with a word in lower case (an address aside), *before* ends where no
    line of its own ends, or *before* is as long as a wrapped line and ends with a word (a
    line of its own that long ends with a stop, a number, an address)?"""
    return ((line[:1].islower() and not _ADDRESS.match(line)) or _GOES_ON.search(before) is not None
            or SHORT_LINE < len(before) <= UNWRAPPED and _LAST_WORD.search(before) is not None)


def _kept_breaks(lines: Sequence[str]) -> list[bool] | None:
    """Which of the breaks between *lines* (a paragraph's or a block of the boilerplate's,
    as written) the page keeps, one per break; None when it keeps none.

    A list (two lines that start like items, or one under a line ending in a colon) keeps
    each item on a line of its own; a line that goes on the one before (its item wrapped:
    indented under it, or read on as in a wrapped paragraph, :func:`_goes_on`) is run on.
    Other lines are kept when none goes on the one before, nor a sentence runs over them:
    a contact, an address, a list of documents' titles and links, a heading over a line
    longer than any wrapping width. A paragraph hard-wrapped at some width is run together
    as usual."""
    if len(lines) < 2:
        return None
    stripped = [line.strip() for line in lines]
    items = [LIST_ITEM_RE.match(line) is not None for line in lines]
    if sum(items) >= 2 or sum(items) == 1 and not items[0] and stripped[0].endswith(":"):
        keep = []
        in_item = False
        for k in range(1, len(lines)):
            in_item = items[k - 1] or in_item
            indented = in_item and lines[k][:1] in " \t"
            keep.append(items[k] or not (indented or _goes_on(stripped[k - 1], stripped[k])))
        return keep
    # a sentence that ends on the last line and not at the end of one before runs over
    # lines wrapped at some width, however narrow (a line longer than any is no such line)
    runs_over = _ENDS_SENTENCE.search(stripped[-1]) is not None
    if any(_goes_on(before, line) or runs_over and not _ENDS_CLAUSE.search(before)
           and len(before) <= UNWRAPPED and len(line) <= UNWRAPPED
           for before, line in pairwise(stripped)):
        return None
    return [True] * (len(lines) - 1)


def _blocks(raw: str) -> list[list[str]]:
    """The blocks of *raw*'s lines between blank lines."""
    blocks: list[list[str]] = [[]]
    for line in _LINE_BREAK.split(raw):
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _apart(cls: str, rubric: str, blocks: list[list[str]], marked: Sequence[str] = ()) -> nodes.container:
    """Text shown apart from the release, under *rubric*, a paragraph per block of lines
    (with the classes *marked*: its language), which keeps its lines when they are lines of
    their own (a contact, an address, numbered notes: :func:`_kept_breaks`); not searchable
    ("no-search": Sphinx): the same words recur in every release of a publisher, and would
    make each of them match them."""
    box = nodes.container(classes=[cls, "no-search"])
    box += nodes.rubric("", rubric)
    for block in blocks:
        lines = [line.strip() for line in block]
        keep = _kept_breaks(block)
        keep_each = keep or [False] * (len(lines) - 1)
        raw = lines[0] + "".join(("\n" if kept else " ") + line
                                 for kept, line in zip(keep_each, lines[1:], strict=True))
        para = nodes.paragraph(plain(raw), plain(raw), classes=list(marked))
        if keep and any(keep):
            para["classes"].append("pressroom-lines")
        box += para
    return box


def _problems_notice(problems: list[Problem]) -> nodes.Element:
    """A visible notice on the page of a release that has problems (the build warns too).
    Not searchable ("no-search"), nor a search excerpt (``pressroom.js``): its advice
    (``date: YYYY-MM-DD``) and heading are the build's words, not the release's, and made
    a search for them find every release read with warnings."""
    errors = any(p.severity == "error" for p in problems)
    box = nodes.admonition(classes=["pressroom-problems", "error" if errors else "warning",
                                    "no-search"])
    head = _("This release has problems") if errors else _("This release was read with warnings")
    box += nodes.title(head, head)
    items = nodes.bullet_list()
    for p in problems:
        where = _("line {line}: ").format(line=p.line) if p.line else ""
        text = plain(f"{where}{p.message} [pressroom.{p.subtype}]")
        items += nodes.list_item("", nodes.paragraph(text, text))
    box += items
    return box


class _Sorted:
    """Items with ``start``/``end`` sorted by start, for the ones inside a stretch of text.

    Looking them up by bisection keeps rendering linear in the size of the release:
    scanning every mention (or quotation) for every paragraph made a release with
    thousands of paragraphs and mentions quadratic (a 5 MB release took minutes).
    """

    def __init__(self, items: list, key=lambda item: item.start) -> None:
        self.items = sorted(items, key=key)
        self.starts = [key(item) for item in self.items]

    def overlapping(self, start: int, end: int) -> list:
        """The items (that do not overlap one another) that overlap ``[start, end)``."""
        lo = max(0, bisect_left(self.starts, start) - 1)
        hi = bisect_left(self.starts, end)
        return [item for item in self.items[lo:hi] if item.end > start]

    def cuts(self, pos: int) -> bool:
        """Does an item (of items that do not overlap) have *pos* strictly inside it?"""
        i = bisect_left(self.starts, pos) - 1
        return i >= 0 and self.items[i].end > pos

    def inside(self, start: int, end: int, end_of=lambda item: item.end) -> list:
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end)
        return [item for item in self.items[lo:hi] if end_of(item) <= end]


def _inline(text: str, start: int, end: int, mentions: _Sorted, quote_speakers: dict,
            lines: _Lines, anchors: bool, quote_spans: _Sorted | None = None,
            ) -> list[nodes.Node]:
    """Nodes for ``text[start:end]``: text, mention references and quotations."""
    inside = mentions.inside(start, end)
    quotes = quote_spans.inside(start, end, end_of=lambda q: q[1]) if quote_spans else []
    # a quotation that would cut a mention in two is not wrapped
    local = _Sorted(inside)
    quotes = [q for q in quotes if not local.cuts(q[0]) and not local.cuts(q[1])]
    out: list[nodes.Node] = []
    pos = start
    for qs, qe in quotes:
        if qs < pos:
            continue
        out.extend(_linked(text, pos, qs, local.inside(pos, qs), lines, anchors))
        node = quotation(speaker=quote_speakers[(qs, qe)], ids=[f"q{qs}"] if anchors else [])
        node.extend(_linked(text, qs, qe, local.inside(qs, qe), lines, anchors))
        out.append(node)
        pos = qe
    out.extend(_linked(text, pos, end, local.inside(pos, end), lines, anchors))
    return out


def _linked(text: str, start: int, end: int, mentions: list, lines: _Lines,
            anchors: bool) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    pos = start
    for m in mentions:
        if m.start < pos or m.end > end:
            continue
        if m.start > pos:
            out.append(nodes.Text(plain(text[pos:m.start])))
        surface = plain(text[m.start:m.end])
        ref = entry_link(m.entity_id, surface, ["pressroom-mention"],
                         ids=[f"m{m.start}"] if anchors else None)
        ref.line = lines.line(m.start)
        out.append(ref)
        pos = m.end
    if pos < end:
        out.append(nodes.Text(plain(text[pos:end])))
    return out


def _meta_panel(release: Release, mentions: list, corpus: Corpus, publisher_key: str,
                relpath: str, original: bool, language: str | None) -> nodes.container:
    panel = nodes.container(classes=["pressroom-meta"])
    fields = nodes.field_list(classes=["pressroom-fields"])

    def field(name: str, *value: nodes.Node) -> None:
        body = nodes.paragraph()
        body.extend(value)
        fields.append(nodes.field("", nodes.field_name(name, name), nodes.field_body("", body)))

    if release.date:
        shown = human_date(PartialDate.of(release.date))
        field(_("Date"), nodes.inline(shown, shown, classes=["pressroom-date"]))
    else:
        unknown = _("unknown")
        field(_("Date"), nodes.emphasis(unknown, unknown))
    if release.dateline:
        field(_("Dateline"), nodes.Text(plain(release.dateline)))
    if release.publisher:
        url = corpus.project.publisher_url(publisher_key, release.publisher)
        name = plain(release.publisher)
        if url:
            field(_("Publisher"), nodes.reference(name, name, refuri=url))
        else:
            field(_("Publisher"), nodes.Text(name))
    if release.source_url:
        url = plain(release.source_url)
        field(_("Source"), nodes.reference(url, url, refuri=url))
    if language:
        name = language_name(language)
        field(_("Language"), nodes.inline(name, name, classes=["pressroom-language"]))
    if relpath:
        field(_("File"), original_link(relpath) if original else nodes.literal(relpath, relpath))
    if release.sha256:  # the file's fixity: a copy of it is the same file if this matches
        field("SHA-256", nodes.literal(release.sha256, release.sha256,
                                       classes=["pressroom-sha256"]))
    panel += fields

    by_type: dict[str, list[str]] = {}
    for m in mentions:
        entity = corpus.registry.get(m.entity_id)
        if entity is None:
            continue
        ids = by_type.setdefault(entity.type, [])
        if m.entity_id not in ids:
            ids.append(m.entity_id)
    if by_type:
        groups = nodes.field_list(classes=["pressroom-entities"])
        for type_ in corpus.project.entity_types:
            ids = by_type.get(type_)
            if not ids:
                continue
            label = corpus.type_label(type_, plural=len(ids) > 1)
            body = nodes.paragraph()
            # as the glossary lists them (accents folded, under their sort: Hague, The): a
            # name with an accent came after z (Élodie, Århus)
            for i, eid in enumerate(sorted(ids, key=lambda x: name_key(
                    filed_as(corpus.registry[x]), x))):
                if i:
                    body += nodes.Text(", ")
                name = plain(corpus.registry[eid].name)
                body += entry_link(eid, name)
            groups += nodes.field("", nodes.field_name(label, label), nodes.field_body("", body))
        panel += groups
    return panel
