"""The mention linker: find mentions of registry entities in a text.

Plain Python, no Sphinx. One Aho-Corasick automaton (pyahocorasick) is built
once over every name and alias of the registry, and over the forms the linker
infers from how names are written (see :func:`inferred_forms`). Linking a text
then costs time linear in the text's length (plus the number of automaton
hits), independent of the registry's size.

How a text is linked (:meth:`Linker.link`):

1. The text is normalized without moving any character: curly apostrophes and
   quotes, dashes and no-break spaces become their ASCII forms, so a name
   written with a plain apostrophe matches one written with a curly one. Runs
   of whitespace inside a paragraph (a hard-wrapped name, a double space) are
   collapsed, with a map back to the original offsets.
2. Every automaton hit is collected, overlapping ones included, and kept if it
   is a whole word (not preceded or followed by a letter or digit; an
   apostrophe after a name is fine: ``Human Rights First’s`` links the name).
   Matching is case-sensitive, except on a line written all in capitals (a
   dateline, a shouted headline), where an all-capitals form of a name matches.
   Capitals followed by a dollar sign are a currency (``US$ 20``, ``NZ $26``),
   and capitals inside a hyphenated code (``CC-BY-SA-NC``) are no name; nor is
   anything inside a web or e-mail address, a handle or a hashtag
   (``https://example.org/China``, ``China@example.org``, ``#China``).
3. *Anchors*: full names and aliases that only one entity claims are selected
   greedily, longest first, never overlapping.
4. *Everything else* is resolved against the anchors, in the same text:

   - a short form (a surname, a first name, ``President Hu``, an acronym
     defined in the text as ``Human Rights Watch (HRW)``) links to the entity
     whose full name is mentioned in the same text, before or after it (a
     headline often uses the surname before the body gives the full name); if
     two such entities could own it, it is left unlinked and reported as an
     :class:`Ambiguity`. A short form right after an unknown capitalized word
     (``George Whitman``) or a given name right before one (``Frank Rack``) is
     part of someone else's name: not linked there, and, in that text, only
     linked after the entity's full name;
   - a contested alias (two entities claim it in the registry) links to the
     one entity among its owners mentioned earlier by an uncontested name, and
     is reported otherwise.

   Then all of them are selected greedily once more: longest first, so
   ``China`` inside ``U.S.-China Human Rights Dialogue`` is not separate.
5. A capitalized title right before a person's name (``President Hu Jintao``,
   ``Prime Minister Boris Johnson``) is part of the mention; a lowercase role
   word (``artist Ai Weiwei``) is not.
"""

from __future__ import annotations

import gc
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

import ahocorasick

from pressroom.regexcache import PatternCache
from pressroom.registry import (
    COMMON_WORDS,
    OPENING_WORDS,
    Entity,
    Registry,
    strip_accents,
    title_case,
)

__all__ = ["Ambiguity", "LinkResult", "Linker", "Mention", "inferred_forms", "normalize"]

#: The module's patterns, kept beside its bytecode (see :mod:`pressroom.regexcache`).
_PATTERNS = PatternCache(__file__)


@dataclass(frozen=True, slots=True)
class Mention:
    """A linked mention: ``text[start:end] == surface`` refers to ``entity_id``."""

    start: int
    end: int
    entity_id: str
    surface: str


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """A span that names one of several entities and was left unlinked."""

    start: int
    end: int
    surface: str
    candidates: tuple[str, ...]


@dataclass
class LinkResult:
    mentions: list[Mention] = field(default_factory=list)
    ambiguous: list[Ambiguity] = field(default_factory=list)


# A Mention made without its frozen ``__init__`` (four ``object.__setattr__`` calls): the
# slots' own setters, for the many mentions :meth:`Linker.link` makes. Same object.
_new_mention = object.__new__
_set_start = Mention.__dict__["start"].__set__
_set_end = Mention.__dict__["end"].__set__
_set_entity_id = Mention.__dict__["entity_id"].__set__
_set_surface = Mention.__dict__["surface"].__set__


def _mention(start: int, end: int, entity_id: str, surface: str) -> Mention:
    mention = _new_mention(Mention)
    _set_start(mention, start)
    _set_end(mention, end)
    _set_entity_id(mention, entity_id)
    _set_surface(mention, surface)
    return mention


# --------------------------------------------------------------------------- normalization

#: One character for one character, so offsets do not move.
_TRANSLATE = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\t": " ",
    "\r": " ", "\x0b": " ", "\x0c": " ",
})


_SPECIAL_CHARS = tuple(chr(c) for c in _TRANSLATE)
_SPECIAL_ASCII = tuple(c for c in _SPECIAL_CHARS if c.isascii())


def _clean(text: str) -> str:
    """*text* with :data:`_TRANSLATE` applied.

    One ``in`` test per special character (a C-level scan, or no scan at all for
    a character wider than any in the text) and one ``str.replace`` per
    character found: much faster than ``str.translate`` or a regex on long texts.
    """
    for char in _SPECIAL_ASCII if text.isascii() else _SPECIAL_CHARS:
        if char in text:
            text = text.replace(char, _TRANSLATE[ord(char)])
    return text


def normalize(text: str) -> str:
    """A name or alias as the automaton holds it: ASCII punctuation, single spaces."""
    return " ".join(_clean(text).split())


def _normalize_text(text: str) -> tuple[str, list[int], list[int]]:
    """The text with whitespace collapsed, and breakpoints mapping offsets back.

    A run of blanks or a single line break becomes one space (names may be
    hard-wrapped); a paragraph break (two line breaks or more) becomes one
    ``\\n``, which no name contains. Returns ``(norm, norm_points, shifts)``: an
    offset ``i`` of *norm* is ``i + shifts[k]`` in *text*, where ``k`` is the
    last breakpoint at or before ``i``.
    """
    text = _clean(text)
    norm_points = [0]
    shifts = [0]
    newline = text.find("\n")
    spaces = _TWO_SPACES.search(text)  # faster than ``str.find`` for two spaces
    if spaces is None and newline < 0:
        return text, norm_points, shifts
    # Runs of two blanks or more move offsets; a lone line break (no blank next to it)
    # becomes a space in place. Only the long runs are visited in Python.
    parts: list[str] = []
    last = 0
    removed = 0
    for start, end in _long_runs(text, newline, spaces.start() if spaces else -1):
        parts.append(text[last:start].replace("\n", " "))
        parts.append("\n" if text.count("\n", start, end) >= 2 else " ")
        removed += end - start - 1
        last = end
        norm_points.append(end - removed)
        shifts.append(removed)
    parts.append(text[last:].replace("\n", " "))
    return "".join(parts), norm_points, shifts


_TWO_SPACES = _PATTERNS.compile("  ")


def _long_runs(text: str, newline: int, spaces: int) -> list[tuple[int, int]]:
    """``(start, end)`` of every maximal run of two or more blanks (spaces, line breaks).

    Such a run holds a line break or two spaces in a row: those are found with
    ``str.find`` and a literal regex (C-level scans; *newline* and *spaces* are the first
    ones, or -1) and grown to the whole run, which is much faster than a regex scan of
    the whole text for blanks.
    """
    hits = []
    i = newline
    while i >= 0:
        hits.append(i)
        i = text.find("\n", i + 2)
    i = spaces
    search = _TWO_SPACES.search
    while i >= 0:
        hits.append(i)
        m = search(text, i + 2)
        i = m.start() if m else -1
    hits.sort()
    runs = []
    n = len(text)
    done = 0
    for i in hits:
        if i < done:
            continue
        start = i
        while start > done and text[start - 1] in " \n":
            start -= 1
        end = i + 1
        while end < n and text[end] in " \n":
            end += 1
        if end - start >= 2:
            runs.append((start, end))
        done = end
    return runs


# --------------------------------------------------------------------------- inferred forms

#: Kinds of surfaces. A name or alias (FULL) links anywhere; an inferred acronym of
#: a place (ACRONYM) anywhere except as a modifier (``U.S. officials``); an inferred
#: full form (WEAK, ``Onion`` for ``The Onion``) anywhere unless another entity
#: has that name; a short form (SHORT) only after a full mention.
FULL, ACRONYM, WEAK, SHORT = 0, 1, 2, 3

#: Capitalized titles that belong to a person's mention when written right before the name.
TITLES = (
    "President", "Vice President", "Vice-President", "Prime Minister", "Deputy Prime Minister",
    "Chancellor", "Premier", "Chairman", "Chairwoman", "Chair", "Secretary", "Secretary of State",
    "Secretary-General", "Secretary General", "Minister", "Foreign Minister", "Home Secretary",
    "Senator", "Sen.", "Representative", "Rep.", "Congressman", "Congresswoman", "Governor",
    "Gov.", "Mayor", "Ambassador", "Judge", "Justice", "Chief Justice", "King", "Queen", "Prince",
    "Princess", "Emperor", "Pope", "Cardinal", "Archbishop", "Bishop", "Father", "Sister",
    "Rabbi", "Imam", "Sheikh", "General", "Gen.", "Colonel", "Col.", "Captain", "Capt.",
    "Lieutenant", "Lt.", "Major", "Admiral", "Sergeant", "Sgt.", "Commander", "Director",
    "Professor", "Prof.", "Dr.", "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Sir",
    "Dame", "Lord", "Lady", "Saint", "St.", "Detective", "Officer", "Chief", "Speaker",
    "Commissioner", "High Commissioner", "Spokesperson", "Spokesman", "Spokeswoman",
    "Director-General", "Director General", "Executive Director", "Managing Director",
    "Envoy", "Special Envoy", "Special Rapporteur",
)
#: Titles that name a person by surname alone (``Mr Peugeot``), whatever else is named so.
_HONORIFIC = _PATTERNS.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Dr|Mme|Mlle|Herr|Frau)\.? $")
#: Titles of sovereigns and their families, written before the name alone
#: (``King Willem-Alexander`` for ``Willem-Alexander of the Netherlands``).
_ROYAL_TITLES = ("King", "Queen", "Prince", "Princess", "Crown Prince", "Crown Princess",
                 "Emperor", "Empress", "Grand Duke", "Grand Duchess", "Sultan", "Emir")
#: A royal title, a name of one word and the realm (``Queen Letizia of Spain``).
_TITLED_ROYAL = _PATTERNS.compile(r"^((?:" + "|".join(_ROYAL_TITLES + ("Infanta", "Infante"))
                           + r") ([A-Z][\w'-]+)) of (?:the )?[A-Z][\w'-]*(?: [A-Z][\w'-]*)*$")
#: A sovereign's name and realm, as encyclopedias title them: a name of one word (with
#: its number, if any), ``of`` and a capitalized name; or a name and its number alone.
_STYLED = _PATTERNS.compile(r"^(([A-Z][\w'-]+)(?: [IVX]+)?) of (?:the )?[A-Z][\w'-]*(?: [A-Z][\w'-]*)*$"
                     r"|^(([A-Z][\w'-]+) (?!X$)[IVX]+)$")
#: The last two characters of each title: letters and dots only.
_TITLE_ENDS = frozenset(t[-2:] for t in TITLES)
#: A country's initials that go with a title after them (``U.S. President``); a body's
#: (``UN Director Jane Roe``) stay its mention.
_TITLE_PREFIXES = frozenset("U.S. US UK U.K.".split())
_TITLE_RE = _PATTERNS.compile(
    r"(?:\b(?:U\.S\.|US|UK|U\.K\.|EU|UN|U\.N\.)\s)?\b(?:(?:Deputy|Acting|Interim)\s)?(?:"
    + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
    + r")\s$"
)

#: Name words that are no short form on their own.
_PARTICLES = frozenset(
    "de del della der di da do dos das du des la le van von den ter ten bin ibn al el st "
    "jr jr. sr sr. ii iii iv mc".split()
)
_LOWER_WORDS = frozenset("of the and for in on at to a an de la du del des der van von y et & und".split())
_LEADING_ARTICLES = ("The ", "the ")
#: A company's legal form after its name (``Facebook, Inc.``, ``Equinor ASA``, ``OHB SE``).
_CORPORATE = _PATTERNS.compile(
    r",?\s+(?:Inc\.?|Ltd\.?|Limited|LLC|LLP|Corp\.?|Co\.|PLC|plc|S\.A\.|SA|GmbH|AG|ASA|AS|AB"
    r"|SE|NV|N\.V\.|BV|B\.V\.|SpA|S\.p\.A\.|Oyj|Pty\.? Ltd\.?|S\.L\.|SL|K\.K\.)$")
#: A business group's generic word (``Universal Music Group``, ``Dongfeng Motor
#: Corporation``, ``Groupe PSA``): the name is also written without it.
_GROUP = _PATTERNS.compile(r"^(?:Groupe|Grupo|Gruppo) (?=[A-Z])"
                    r"|(?<=[a-z]) (?:Motors? )?(?:Group|Corporation|Company|Holdings)$")
#: A sports club's affix (``Sunderland A.F.C.``, ``FC Barcelona``, ``VfB Stuttgart``); not
#: initials that are a company's as much as a club's (``AS``, ``SC``, ``CF Industries``).
_CLUB = _PATTERNS.compile(r"^(?:A\.?F\.?C\.?|F\.?C\.?|SV|VfB|VfL) (?=[A-Z])"
                   r"|(?<=[a-z]) (?:A\.?F\.?C\.?|F\.?C\.?|C\.?F\.?|S\.?C\.?)$")
#: A disambiguation in parentheses after a name (``Ministry of Health (Kenya)``,
#: ``John Smith (footballer)``), as encyclopedias and imported lists write them.
_QUALIFIED = _PATTERNS.compile(r"^(.+?)\s+\([^()]+\)$")
#: An Arabic surname with its article or ``bin`` joined by a hyphen (``al-Hashimi``; not
#: ``Abd-Allah``, a given name).
_ARABIC_SURNAME = _PATTERNS.compile(r"^(?:[Aa][lnrstdz]|[Ee]l|[Aa]sh|[Bb]in|[Ii]bn|[Aa]bu)-([A-Z][\w']+)$")
_INITIAL = _PATTERNS.compile(r"^[A-Z]\.?$")
_CAPWORD = _PATTERNS.compile(r"^[A-Z][\w'.-]*$")


_GERMAN = str.maketrans({"ü": "ue", "ö": "oe", "ä": "ae", "Ü": "Ue", "Ö": "Oe", "Ä": "Ae"})

#: English given names and the short forms they are commonly written as (``Rob Siegel``
#: for ``Robert Siegel``, ``Larry Lessig`` for ``Lawrence Lessig``). A name's short form
#: is inferred from the name; never the reverse, which is ambiguous (``Chris``).
_HYPOCORISMS: dict[str, tuple[str, ...]] = {
    "Alexander": ("Alex",), "Andrew": ("Andy",), "Anthony": ("Tony",),
    "Benjamin": ("Ben",), "Catherine": ("Cathy", "Kate"), "Charles": ("Charlie", "Chuck"),
    "Christopher": ("Chris",), "Daniel": ("Dan", "Danny"), "David": ("Dave",),
    "Deborah": ("Debbie",), "Donald": ("Don",), "Douglas": ("Doug",),
    "Edward": ("Ed", "Eddie", "Ted"), "Elizabeth": ("Liz", "Beth"), "Frederick": ("Fred",),
    "Gerald": ("Jerry",), "Gregory": ("Greg",), "James": ("Jim", "Jimmy"),
    "Jeffrey": ("Jeff",), "Jennifer": ("Jenny",), "Jonathan": ("Jon",),
    "Joseph": ("Joe",), "Katherine": ("Kate", "Kathy"), "Kenneth": ("Ken",),
    "Lawrence": ("Larry",), "Laurence": ("Larry",), "Margaret": ("Maggie", "Peggy"),
    "Matthew": ("Matt",), "Michael": ("Mike",), "Nicholas": ("Nick",),
    "Patricia": ("Patty",), "Patrick": ("Pat",), "Peter": ("Pete",),
    "Rebecca": ("Becky",), "Richard": ("Rick", "Rich", "Dick"), "Robert": ("Rob", "Bob", "Bobby"),
    "Ronald": ("Ron",), "Samuel": ("Sam",), "Stephen": ("Steve",), "Steven": ("Steve",),
    "Susan": ("Sue",), "Theodore": ("Ted", "Teddy"), "Thomas": ("Tom", "Tommy"),
    "Timothy": ("Tim",), "William": ("Bill", "Will", "Billy"), "Zachary": ("Zach", "Zack"),
}


def _is_common(word: str) -> bool:
    from pressroom.registry import COMMON_WORDS

    return word.lower().strip(".") in COMMON_WORDS


def _acronyms(words: list[str]) -> list[str]:
    """``UN`` and ``U.N.`` for ``United Nations``: initials of the capitalized words."""
    caps = [w for w in words if w.lower() not in _LOWER_WORDS]
    if len(caps) < 2 or not all(_CAPWORD.match(w) for w in caps):
        return []
    if len(caps) < 3 and len(caps) < len(words):
        return []  # ``US`` is no acronym of ``University of Sheffield``
    letters = [w[0] for w in caps]
    return ["".join(letters), ".".join(letters) + "."]


def inferred_forms(entity: Entity) -> list[tuple[str, int]]:
    """Forms of *entity*'s name that writers use, inferred from how names are written.

    Returns ``(surface, kind)`` pairs: *kind* :data:`FULL` links anywhere,
    :data:`ACRONYM` anywhere except as a modifier (``U.S. officials``), and
    :data:`SHORT` only after a full mention of the entity in the same text.
    Only the registry's names are used, never a list of known entities:

    - a leading ``The`` may be dropped (``The Onion`` -> ``Onion``), a company's
      legal form (``Facebook, Inc.`` -> ``Facebook``, ``Equinor ASA``), a club's
      affix (``FC Barcelona``, ``Sunderland A.F.C.``) and a disambiguation in
      parentheses (``Ministry of Health (Kenya)``);
    - ``Place, Region`` is also written ``Place`` and ``Place Region``
      (``Irving, Texas``, ``Washington D.C.``);
    - ``Surname, Given`` (a catalogue's order) is the name written naturally;
    - initials may be written together (``O.J. Simpson``), a hyphenated given
      name capitalized (``Kim Min-Woo``) or written as two words (``Kim Min Woo``),
      middle initials dropped (``James Jones``), a common English given name
      shortened (``Rob Siegel`` for ``Robert Siegel``, :data:`_HYPOCORISMS`);
    - a person is referred to by surname, given name or any other word of the
      name (``Dooley`` after ``Brian Dooley``, ``Hu`` after ``Hu Jintao``; ``al-Hashimi``,
      ``Al-Hashimi`` and ``Hashimi`` after ``Yousef al-Hashimi``), but for a short
      word in capitals before the surname (``DJ``, ``JK``);
    - an organization, event or place of several capitalized words has an
      acronym, initials with and without dots (``United Nations`` -> ``UN``,
      ``U.N.``);
    - ``Head of X`` is also ``X Head`` (``Ministry of Interior`` -> ``Interior
      Ministry``, ``Government of China`` -> ``China government``), and just
      ``X`` unless another entity is named so (``Church of Scientology`` ->
      ``Scientology``; ``Helsinki`` stays the city), or ``Head`` after a full
      mention (``the Church``); a head of several words likewise (``Supreme Court``
      where ``Supreme Court of Cassation`` is named), and either also where the owner,
      another entity, is named (``Central Committee`` where the Chinese Communist Party
      is);
    - a name with diacritics is also written without them (``Hernan Dario
      Gomez``; German umlauts also as ``ue``: ``Gruen``), a two-word person
      name in a catalogue's order (``Austen, Jane``), a ``YEAR Event`` as
      ``Event YEAR`` (``FIFA World Cup 2018``) and an ``Event YEAR`` as ``YEAR Event``,
      and either as ``Event``, unless another entity is named so;
    - a national team goes by its country's name (``Belgium national football
      team`` -> ``Belgium``), a group by its name without ``people`` (``Rohingya
      people`` -> ``Rohingya``), a place by its name without a generic word
      (``Yeoncheon County`` -> ``Yeoncheon``, ``Jigawa State``, ``County Donegal``,
      ``Gaza Strip``, ``Indus River``, ``River Irwell``, ``Pacific Ocean``), both unless
      another entity has that name, and a mountain without ``Mount`` after a full mention
      (``Everest``);
    - a party named by one word and ``Party`` goes by the word when it is a noun
      (``Labour``) and by its members' plural when it is an adjective (``Conservatives``,
      ``Democrats``), unless another entity has that name;
    - ``United States`` inside a longer name is also written ``U.S.`` or ``US``
      (``U.S. Navy``), and the reverse; ``United States Department of State`` is
      also ``(U.S.) State Department``;
    - a ``YEAR (Season) Event`` of one word is also the ``(Season) Event`` after a
      full mention (``Paralympics`` after ``2014 Winter Paralympics``);
    - ``and`` in a name is also written ``&``, and the reverse;
    - a named storm goes by its given name after a full mention (``Ian`` after
      ``Hurricane Ian``), a court case by its first party's name of one word, or else its
      second's (``Roe`` of ``Roe v. Wade``, ``Casey`` of ``Planned Parenthood v. Casey``).
    """
    forms: list[tuple[str, int]] = []
    seen: set[str] = set()

    def add(surface: str, kind: int) -> None:
        surface = normalize(surface)
        if len(surface.replace(".", "")) < 2 or surface in seen:
            return
        seen.add(surface)
        forms.append((surface, kind))

    etype = entity.type
    for number, name in enumerate(entity.names):
        name = normalize(name)
        seen.add(name)
        m = _QUALIFIED.match(name)
        if m:  # the rest is inferred from the name without it
            name = m.group(1)
            if not _is_common(name):  # ``Party (UK)``: no party is every party
                add(name, WEAK)
        if name.startswith(_LEADING_ARTICLES) and len(name) > 4:
            add(name[4:], WEAK)
            name = name[4:]
        stripped = _CORPORATE.sub("", name)
        if stripped != name:
            add(stripped, WEAK)
        if etype == "organization" and (club := _CLUB.sub("", name)) != name \
                and not _is_common(club):
            add(club, WEAK)
        if etype == "organization" and (group := _GROUP.sub("", stripped)) != stripped \
                and (" " in group or stripped.startswith(("Groupe ", "Grupo ", "Gruppo "))) \
                and not _is_common(group):
            # ``Universal Music``, ``PSA``; not ``General`` of ``General Motors Company``, nor
            # ``Ford`` of ``Ford Motor Company`` (a word that is also a name or a surname)
            add(group, WEAK)
        if etype == "place" and ", " in name:
            head = name.split(", ", 1)[0]
            add(name.replace(", ", " "), FULL)
            if not _is_common(head):
                add(head, WEAK)
        if etype == "person" and name.count(", ") == 1:
            last, first = name.split(", ")
            if " of " in first or " " in last and last.split()[0] in _TITLE_SET:
                # ``Prince Harry, Duke of Sussex``: a name and a style, no catalogue's order;
                # the style (``the Duke of Sussex``) names the person unless another entry
                # is named so, the name (``Prince Harry``) as any name does
                add(first, WEAK)
                name = last
                add(name, FULL if " " in name else SHORT)
                title = first.partition(" of ")[0]
                if title in _ROYAL_TITLES and " " not in name:
                    add(f"{title} {name}", FULL)  # ``Prince William`` for ``William, Prince of Wales``
            else:
                name = f"{first} {last}"
                add(name, FULL)
        m = etype == "person" and _TITLED_ROYAL.match(name)
        if m:
            # ``Queen Letizia of Spain``, ``Infanta Sofía of Spain``: a royal title, a name
            # and the realm, written without the realm (``Queen Letizia``)
            add(m.group(1), FULL)
            add(m.group(2), SHORT)
        styled = etype == "person" and _STYLED.match(name)
        if styled:
            # ``Willem-Alexander of the Netherlands``, ``Felipe VI of Spain``, ``Charles III``:
            # a sovereign's name, number and realm. The realm and the number are no
            # surnames; the name goes with a royal title (``King Willem-Alexander``,
            # ``King Charles``), and alone after a full mention, or anywhere with its number
            # (``Felipe VI``) unless another entry is named so
            head = styled.group(1) or styled.group(3)
            given = styled.group(2) or styled.group(4)
            if head != name:
                add(head, WEAK if head != given else SHORT)
            if given != head:
                add(given, SHORT)
            for title in _ROYAL_TITLES:
                add(f"{title} {head}", FULL)
                add(f"{title} {given}", FULL)
        joined = re.sub(r"\b([A-Z]\.) (?=[A-Z]\.)", r"\1", name)  # O. J. -> O.J.
        if joined != name:
            add(joined, FULL)
        if etype == "person":
            hyphen = re.sub(r"-([a-z])", lambda m: "-" + m.group(1).upper(), name)
            if hyphen != name:
                add(hyphen, FULL)
                # ``Kim Jong Un`` for ``Kim Jong-un``: a hyphenated given name as two words
                add(re.sub(r"(?<=[A-Za-z])-([a-z])", lambda m: " " + m.group(1).upper(), name),
                    FULL)
        # ``Council on American-Islamic Relations`` also with spaces round the hyphen
        if "-" in name and re.search(r"[A-Za-z]-[A-Z]", name):
            add(re.sub(r"(?<=[A-Za-z])-(?=[A-Z])", " - ", name), FULL)
        # ``Southeast Asia`` is also written ``South East Asia`` and ``South-East Asia``,
        # and the reverse
        if "North" in name or "South" in name:
            if _COMPASS.search(name):
                for sep in (" ", "-"):
                    add(_COMPASS.sub(lambda m, sep=sep: m.group(1) + sep + m.group(2).capitalize(), name),
                        FULL)
            elif _COMPASS_SPLIT.search(name):
                add(_COMPASS_SPLIT.sub(lambda m: m.group(1) + m.group(2).lower(), name), FULL)
        # ``Masjid al-Haram`` is also written ``Masjid Al-Haram``
        if "-" in name:
            particle = re.sub(r"(?<= )([a-z]{1,3})(?=-[A-Z])",
                              lambda m: m.group(1).capitalize(), name)
            if particle != name:
                add(particle, FULL)
        # ``Eberhard Grün`` is also written ``Eberhard Gruen`` and ``Eberhard Grun``
        for form in unaccented(name):
            add(form, FULL)
        if number or styled:
            continue  # the rest is inferred from the name only, and a sovereign's is above
        words = name.split()
        m = _PEOPLE.match(name)
        if m and not _is_common(m.group(1)):
            add(m.group(1), WEAK)  # ``Rohingya people`` -> ``Rohingya``
        if etype == "person" and len(words) == 2 and all(w[:1].isupper() for w in words) \
                and words[0] not in _TITLE_SET:  # ``Prince Harry``: no ``Harry, Prince``
            add(f"{words[1]}, {words[0]}", FULL)  # a catalogue's order: ``Austen, Jane``
        if etype == "event":
            m = re.match(r"^((?:19|20)\d\d) (.+)$", name)
            if m:
                add(f"{m.group(2)} {m.group(1)}", FULL)  # ``FIFA World Cup 2018``
                # ``Paris Conference on Sudan``, unless another entry is named so; a word
                # alone (``Olympics``, ``Summit``) names every year's: below, after a full mention
                if not _SEASON_EVENT.fullmatch(m.group(2)):
                    add(m.group(2), WEAK)
            m = re.match(r"^(.+) ((?:19|20)\d\d)$", name)
            if m:
                add(f"{m.group(2)} {m.group(1)}", FULL)  # ``2011 Strategic Dialogue``
                # the round's name without its year (``U.S.-China Strategic Dialogue``),
                # unless another entry (the series) is named so; a word alone (``Olympics``)
                # names every year's, and stands for this one after a full mention
                add(m.group(1), SHORT if _SEASON_EVENT.fullmatch(m.group(1)) else WEAK)
        if etype == "person" and len(words) >= 2 and "," not in name:
            core = [w for w in words if not _INITIAL.match(w)]
            if 2 <= len(core) < len(words):
                add(" ".join(core), FULL)
            # ``Rob Siegel`` for ``Robert Siegel`` (the given name's common short form)
            if len(core) >= 2 and core[0] == words[0]:
                for short in _HYPOCORISMS.get(words[0], ()):
                    add(" ".join([short, *core[1:]]), FULL)
            if words[0] in _TITLE_SET and len(words) >= 3:
                add(" ".join(words[1:]), FULL)  # ``Elton John`` for ``Sir Elton John``
            elif (len(words) == 3 and all(w[:1].isupper() and w.lower() not in _PARTICLES
                                           for w in words)):
                # ``Michael Murillo`` for ``Michael Amir Murillo``: a middle name dropped
                add(f"{words[0]} {words[2]}", FULL)
                if _SPANISH_SURNAME.fullmatch(words[1]) and not _NOT_SPANISH.search(name):
                    # ``Samuel García`` for ``Samuel García Sepúlveda``: a Spanish name's
                    # two surnames, the father's first, which is the one used alone (and
                    # ``Hernán Gómez`` for ``Hernán Darío Gómez``, as above)
                    add(f"{words[0]} {words[1]}", FULL)
            for i, word in enumerate(words):
                if m := _ARABIC_SURNAME.match(word):
                    # ``al-Hashimi``, ``Al-Hashimi`` opening a sentence, and ``Hashimi``
                    add(word, SHORT)
                    add(word[0].upper() + word[1:], SHORT)
                    if not _is_common(m.group(1)):
                        add(m.group(1), SHORT)
                    continue
                if _INITIAL.match(word) or word.lower() in _PARTICLES or not word[:1].isupper():
                    continue
                if word.isupper() and len(word) <= 3 and i < len(words) - 1:
                    continue  # ``DJ``, ``MC``, ``JK``: a prefix or initials, no one's name
                if i == 0 and word in _TITLE_SET:
                    continue  # ``Prince Harry``: a title, no one's name
                if _is_common(word):
                    continue
                # a surname with its particles (``De Bruyne``, ``de Hoop Scheffer``)
                j = i
                while j > 0 and words[j - 1].lower() in _PARTICLES:
                    j -= 1
                add(" ".join(words[j:i + 1]), SHORT)
                if j < i:
                    add(word, SHORT)
                    # ``Bin Salman``, ``Van Gogh`` opening a sentence; ``Lula da Silva``: the
                    # surname with the name before its particles
                    add(" ".join([words[j].capitalize(), *words[j + 1:i + 1]]), SHORT)
                    if j > 0 and words[j - 1][:1].isupper() and not _INITIAL.match(words[j - 1]):
                        add(" ".join(words[j - 1:i + 1]), SHORT)
            if len(words) >= 3 and (words[-2][:1].isupper() or words[-2].lower() in _PARTICLES):
                # the last two words (``Jae-in Moon``, ``da Silva``); not ``in Canada`` of
                # ``Métis in Canada``: a preposition and a place are no one's surname
                add(" ".join(words[-2:]), SHORT)
        if etype != "person" and len(words) >= 2:
            for acronym in _acronyms(words):
                add(acronym, ACRONYM if etype == "place" else SHORT)
                if etype == "place" and acronym.endswith("."):
                    add(acronym[:-1], ACRONYM)  # ``U.S government``
        # ``University of Texas at Arlington``: a campus also written ``University of Texas
        # Arlington``, and with the acronym of the rest: ``UT Arlington``
        m = etype == "organization" and " at " in name and _CAMPUS.match(name)
        if m:
            head, campus = m.groups()
            add(f"{head} {campus}", FULL)
            for acronym in _acronyms(head.split())[:1]:
                add(f"{acronym} {campus}", FULL)
        m = _HEAD_OF.match(name)
        if m and etype != "person":
            head, rest = m.groups()
            add(f"{rest} {head}", FULL)
            if head == "Government":
                add(f"{rest} government", FULL)
                for acronym in _acronyms(rest.split()):
                    add(f"{acronym} {head}", FULL)
                    add(f"{acronym} government", FULL)
            if not _is_common(rest) and rest.split()[0][:1].isupper():
                add(rest, WEAK)
            if not _is_common(head):
                add(head, SHORT)
        # ``Supreme Court`` after ``Supreme Court of Cassation``: a head of two capitalized
        # words or more stands for the name after a full mention (or one of its owner,
        # see ``Linker._owners``)
        m = _HEADS_OF.match(name)
        if m and etype in ("organization", "event"):
            add(m.group(1), SHORT)
        # ``Kenya's Supreme Court`` for ``Supreme Court of Kenya``: the owner before the head
        m = _HEAD_OF_OWNER.match(name)
        if m and etype in ("organization", "event") and not _is_common(m.group(2)) \
                and m.group(2) not in _TITLE_SET:  # not ``President's Office``
            add(f"{m.group(2)}'s {m.group(1)}", FULL)
        m = etype == "organization" and _PARTY.match(name)
        if m:
            word = m.group(1)
            if word.endswith(("ive", "an", "al", "ist")):
                add(word + "s", WEAK)  # ``Conservatives`` for ``Conservative Party``
            elif word.endswith("atic"):
                add(word[:-2] + "s", WEAK)  # ``Democrats`` for ``Democratic Party``
            elif not word.endswith(_NATIONALITY) and not _is_common(word) \
                    and word not in _TITLE_SET:
                add(word, WEAK)  # ``Labour`` for ``Labour Party``; not ``Justice``
        m = re.match(r"^(.+?) (?:(?:men|women)'s )?national (?:[a-z]+ )*team$", name)
        if m:
            add(m.group(1), WEAK)
        if etype == "place":
            m = _GENERIC_PLACE.match(name)
            if m and not _is_common(m.group(1) or m.group(2)):
                # ``Yeoncheon County`` -> ``Yeoncheon``, ``Jigawa State``, ``County Donegal``,
                # ``Gaza Strip``
                add(m.group(1) or m.group(2), WEAK)
            m = _MOUNT.match(name)
            if m and not _is_common(m.group(1)):
                add(m.group(1), SHORT)  # ``Everest`` after ``Mount Everest``
            # ``Indus River`` -> ``the Indus``, ``River Irwell``, ``Pacific Ocean``; not an
            # adjective (``Southern Ocean``, ``Indian Ocean``, ``Red River``: Indian officials,
            # red flags) nor a common word (``Snake River``)
            m = _WATER.match(name)
            water = m and (m.group(1) or m.group(2))
            if water and not _is_common(water) and not water.endswith((*_ADJECTIVE, "ian")) \
                    and water not in _WATER_ADJECTIVES:
                add(water, WEAK)
        # ``Roe v. Wade``: a court case goes by its first party's name of one word, or else its
        # second's (``Casey`` of ``Planned Parenthood v. Casey``), after a full mention
        # ``Hurricane Ian``: the storm's given name alone after a full mention
        word = _party_or_storm(name, etype)
        if word:
            add(word, SHORT)
        # ``2014 Winter Paralympics``: ``Winter Paralympics``, ``Paralympics`` after a full mention
        if etype == "event":
            m = re.match(r"^(?:19|20)\d\d (" + _SEASON_EVENT.pattern + ")$", name)
            if m:
                add(m.group(1), SHORT)
                add(m.group(2), SHORT)
        if etype != "person":
            for form, kind in _us_forms(name):
                add(form, kind)
            # ``Mary and Leigh Block Museum`` is also written ``Mary & Leigh Block Museum``
            if " and " in name:
                add(name.replace(" and ", " & "), FULL)
            elif " & " in name:
                add(name.replace(" & ", " and "), FULL)
    # ``al-Shabaab`` for ``Al-Shabaab``: an Arabic article opening a name is written in lower
    # case in running text, and capitalized opening a sentence
    for surface, kind in [*((normalize(name), FULL) for name in entity.names), *forms]:
        if _ARTICLE_OPENING.match(surface):
            add(surface[0].swapcase() + surface[1:], kind)
    # a form inferred from a name with accents is also written without them, as the name
    # is (``Gomez`` after ``Hernán Darío Gómez``, ``Lopez Obrador``, ``Gruen``)
    for surface, kind in list(forms):
        for form in unaccented(surface):
            add(form, kind)
    return forms


def unaccented(surface: str) -> tuple[str, ...]:
    """*surface* as written without its accents (``Grun``) and German's umlauts as ``ue``
    (``Gruen``); none when it has no accents. The forms the linker links a name by; the
    search index finds an entry's page by them too."""
    folded = strip_accents(surface)
    if folded == surface:
        return ()
    return folded, strip_accents(surface.translate(_GERMAN))


#: ``Ministry of Interior``, ``Government of the United States``: a head of one word, ``of``
#: and a capitalized name (``Interior Ministry``, ``U.S. Government``; the head alone after a
#: full mention).
_HEAD_OF = _PATTERNS.compile(r"^([A-Z][a-z]+) of (?:the )?([A-Z].+)$")
#: ``Supreme Court of Cassation``, ``20th National Congress of the Chinese Communist Party``:
#: a head of two capitalized words or more (after an ordinal), ``of`` and the owner's name.
_HEADS_OF = _PATTERNS.compile(
    r"^((?:\d+(?:st|nd|rd|th) )?(?:[A-Z][a-z]+ )+[A-Z][a-z]+) of (?:the )?([A-Z].*)$")
#: ``Supreme Court of Kenya``: a head of capitalized words, ``of`` and a name of one to three
#: capitalized words (an owner: ``Kenya's Supreme Court``).
_HEAD_OF_OWNER = _PATTERNS.compile(
    r"^((?:[A-Z][a-z]+ )*[A-Z][a-z]+) of (?:the )?([A-Z][\w-]*(?: [A-Z][\w-]*){0,2})$")
#: A Spanish surname, as the second of three words (``Samuel García Sepúlveda``): a
#: patronymic (``Rodríguez``, ``Díaz``, ``Ruiz``, ``Muñoz``) or one of the commonest others;
#: not a second given name (``José Luis``, ``Hernán Darío``, ``Juan Carlos``).
_SPANISH_SURNAME = _PATTERNS.compile(
    r"[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:ez|az|iz|oz)|García|Martín|Torres|Flores|Rivera|Morales"
    r"|Romero|Castillo|Vargas|Castro|Herrera|Medina|Aguilar|Moreno|Mendoza|Rojas|Cruz|Reyes"
    r"|Guerrero|Navarro|Ramos|Delgado|Ortega|Vega|Molina|Serrano|Blanco|Gil|Sosa|Rubio")
#: Letters no Spanish name has: a Portuguese name's last surname is the one used alone
#: (``Conceição``), a Vietnamese name's order is another (``Phạm Minh Chính``).
_NOT_SPANISH = _PATTERNS.compile("[^\x00-\x7fáéíóúüñÁÉÍÓÚÜÑ]")
#: An Arabic article opening a name: ``Al-Shabaab``, ``al-Qaeda``, ``El-Fasher``.
_ARTICLE_OPENING = _PATTERNS.compile(r"^([Aa]l|[Ee]l|[Aa]d|[Aa]r|[Aa]s|[Aa]sh|[Aa]t)-[A-Z]")
#: An event of one word, or of a season and one word: ``Olympics``, ``Winter Paralympics``
#: (a year's, written without its year, only after a full mention).
_SEASON_EVENT = _PATTERNS.compile(r"(?:Summer |Winter )?([A-Z]\w+)")
_CAMPUS = _PATTERNS.compile(r"^(.+) at ([A-Z][\w'-]*(?: [A-Z][\w'-]*)*)$")
#: A court case: ``Roe v. Wade``, ``Planned Parenthood v. Casey``, ``Miller vs Smith``.
_CASE = _PATTERNS.compile(r"^([A-Z][\w'.-]*(?: [A-Z][\w'.-]*)*) v(?:s?\.|s)? ([A-Z][\w'.-]*(?: [\w'.-]+)*)$")
#: A named storm: ``Hurricane Ian``, ``Typhoon Haiyan``, ``Cyclone Idai``, ``Storm Ciarán``.
_STORM = _PATTERNS.compile(r"^(?:Hurricane|(?:Super )?Typhoon|(?:Tropical )?Cyclone|(?:Tropical )?Storm)"
                    r" ([A-Z][\w'-]+)$")
_COMPASS = _PATTERNS.compile(r"\b(North|South)(east|west)\b")
_COMPASS_SPLIT = _PATTERNS.compile(r"\b(North|South)[ -](East|West)\b")
#: ``Labour Party``, ``Conservative Party``: a party named by one word, which its members'
#: name or the word alone also names.
_PARTY = _PATTERNS.compile(r"^([A-Z][a-z]+) Party$")
#: ``Rohingya people``: an ethnic or national group's name followed by ``people``.
_PEOPLE = _PATTERNS.compile(r"^([A-Z][\w'-]*(?: [A-Z][\w'-]*)*) peoples?$")
#: ``Yeoncheon County``, ``Southern Finland Province``, ``Jigawa State``, ``County Donegal``,
#: ``Donggala Regency``: a place's name and a generic word (not ``Glacier``: ``Fox
#: Glacier``, ``Taylor Glacier`` are named for a word or a person).
_GENERIC_PLACE = _PATTERNS.compile(
    r"^([A-Z][\w'-]*(?: [A-Z][\w'-]*)*) (?:County|Province|Prefecture|District|Municipality"
    r"|State|Region|Regency|Governorate|Oblast|Krai|Voivodeship|Canton|Department|Strip)$"
    r"|^County ([A-Z][\w'-]*(?: [A-Z][\w'-]*)*)$")
#: ``Mount Everest``: a mountain's name after ``Mount``, which writers leave out once the
#: mountain is named (``Everest``); only then: ``Mount Lebanon`` is no ``Lebanon``.
_MOUNT = _PATTERNS.compile(r"^Mount ([A-Z][\w'-]*(?: [A-Z][\w'-]*)*)$")
#: ``Indus River``, ``River Irwell``, ``Pacific Ocean``: a river's or an ocean's name and
#: its generic word, which writers leave out (``the Indus``, ``the Pacific``).
_WATER = _PATTERNS.compile(r"^([A-Z][\w'-]*(?: [A-Z][\w'-]*)*) (?:River|Ocean)$"
                    r"|^River ([A-Z][\w'-]*(?: [A-Z][\w'-]*)*)$")
#: Adjectives naming waters, a colour or a pole (``Red River``, ``Arctic Ocean``): alone,
#: they are the adjective.
_WATER_ADJECTIVES = frozenset(
    "Red Yellow White Black Blue Green Orange Arctic Antarctic".split())
_US_LONG = _PATTERNS.compile(r"\bUnited States (?=[A-Z])")
_US_SHORT = _PATTERNS.compile(r"^(?:U\.S\.|US) (?=[A-Z])")


def _us_forms(name: str) -> list[tuple[str, int]]:
    """``United States X`` <-> ``U.S. X``, ``US X`` inside a longer name, and
    ``United States Department of X`` as ``(U.S.) X Department``."""
    if _US_LONG.search(name):
        rest = _US_LONG.sub("", name, count=1) if name.startswith("United States ") else None
        out = [(_US_LONG.sub("U.S. ", name), FULL), (_US_LONG.sub("US ", name), FULL)]
    elif _US_SHORT.match(name):
        rest = _US_SHORT.sub("", name)
        out = [(_US_SHORT.sub("United States ", name), FULL)]
    else:
        return []
    if rest:
        m = _HEAD_OF.match(rest)
        if m:
            head, what = m.groups()
            out += [(f"U.S. {what} {head}", FULL), (f"US {what} {head}", FULL),
                    (f"{what} {head}", WEAK)]
    return out


# --------------------------------------------------------------------------- the linker

_DEFINED_ACRONYM = _PATTERNS.compile(r"\s?\(\s?([A-Z][A-Za-z0-9&.-]{0,10}[A-Z0-9.])\s?\)")
#: An acronym of three capitals or more in brackets, after a word. The word is looked for
#: behind the bracket, not before it: a regex that opens with its literal bracket is searched
#: for that character, one that opens with a look-behind is tried at every character (0.06
#: ms a 4 KB text).
_BRACKETED_ACRONYM = _PATTERNS.compile(r"\((?<=[A-Za-z] \()([A-Z]{3,8})\)")
#: Verbs a place's acronym is the subject of, not a noun it modifies (``the U.S. said``,
#: ``the UK left``): the irregular pasts (regular ones end in ``-ed``) and ``says``.
_VERBS = frozenset("""said says made sent spent won lost left took gave told met came went got
    put set led held kept paid sought fought brought bought thought saw knew began became ran
    stood chose wrote rose fell struck hit cut let shut spoke broke drew drove grew threw wore
    sold built meant felt found heard understood withdrew undertook overtook forbade""".split())
#: The word after an acronym: ``U.S. officials``, ``US President``, not ``U.S. and``.
_MODIFIED = _PATTERNS.compile(r" ([A-Za-z][a-z-]*)(?![a-z-]|'t)")  # ``U.S wouldn't``: a verb
_FUNCTION_WORDS = frozenset(
    """a an the and or but nor if of on in at to by for from with as is are was were be been
    has have had will would can could may might must should do does did not no it its this
    that these those he she they we you i his her their our who whom which what when where
    while after before since until than then so yet also""".split()
)
#: The capitalized word after a name that is a common word: ``World`` in ``World Cup``.
_NEXT_NAME = _PATTERNS.compile(r" [A-Z]")


#: A capitalized word that may be a given name or a surname, of any of the usual shapes:
#: ``Dana``, ``McKenzie``, ``O'Neil``, ``DeShawn``, ``Jean-Luc``.
_NAME_WORD = r"[A-Z](?:[a-z]+|[a-z]*['-]?[A-Z][a-z]+)"
_PREV_CAP = _PATTERNS.compile(r"(?<![\w.'-])(" + _NAME_WORD + ") $")
#: A middle initial (``F.``) or name (``Ahmed``) between a person's given name and surname.
_MIDDLE = _PATTERNS.compile(r"[A-Z]\.|[A-Z][a-z][\w'’-]*")

_NEXT_CAP = _PATTERNS.compile(r" (" + _NAME_WORD + r")(?![\w'-])")
_ONE_NAME_WORD = _PATTERNS.compile(_NAME_WORD)
#: An article right before a capitalized word: ``the Israeli Roe``, ``an Italian``; the word
#: is then an adjective or a noun, not a given name.
_ARTICLE_BEFORE = _PATTERNS.compile(r"(?<![\w'-])(?:[Tt]he|[Aa]n?) $")
_TITLE_SET = frozenset(w for t in TITLES for w in t.split())
#: After a name of one word, what introduces a person: ``Valeska Paris, an Australian woman``.
_INTRO = _PATTERNS.compile(r",? (?:an?|who|whose|aged) |, \d|,? (?:said|says|told|claims|claimed)\b")
#: Endings of adjectives of place (``Southern``, ``Japanese``, ``Swedish``) and adverbs
#: (``Currently``): not given names before a one-word name or alias.
_ADJECTIVE = ("ern", "ese", "ish", "ly")


_CURRENCY = _PATTERNS.compile(r" ?\$ ?\d")
_PLAIN_WORD = _PATTERNS.compile(r"[A-Z][a-z]+")
#: A name that goes on: ``of Arkansas`` after ``University``.
_NAME_GOES_ON = _PATTERNS.compile(r" of (?:the )?[A-Z]")
#: Compass points: common words whatever the text.
_DIRECTIONS = frozenset("north south east west".split())


#: A court case's first party that is the state prosecuting (``Commonwealth v. Hunt``,
#: ``R v Jogee``): the case goes by the second party's name.
_SOVEREIGN_PARTIES = frozenset(
    "State People Commonwealth Crown Regina Rex R Government Republic Kingdom King Queen "
    "Nation Province Territory".split())


def _bare_name(name: str) -> str:
    """*name* (normalized) without its qualifier in brackets and its leading article:
    ``Supreme Court`` of ``The Supreme Court (Kenya)``."""
    m = _QUALIFIED.match(name)
    name = m.group(1) if m else name
    return name[4:] if name.startswith(_LEADING_ARTICLES) else name


def _party_or_storm(name: str, etype: str) -> str | None:
    """The one word a court case (``Roe`` of ``Roe v. Wade``, ``Hunt`` of ``Commonwealth v.
    Hunt``) or a named storm (``Ian`` of ``Hurricane Ian``) goes by after a full mention,
    or None."""
    m = etype != "person" and " v" in name and _CASE.match(name)
    if m:
        first, second = m.group(1), m.group(2)
        if " " not in first and first not in _SOVEREIGN_PARTIES:
            return first
        if " " not in second:
            return second
        return None
    if etype == "event":
        m = _STORM.match(name)
        if m:
            return m.group(1)
    return None


#: The kind of body written in lower case between its name and the acronym it defines.
_KIND_BEFORE_ACRONYM = (" party ", " alliance ", " coalition ", " movement ")


def _foreign_acronym(acronym: str) -> bool:
    """Is *acronym* one of a name in another language, with a small letter or two among its
    capitals (``PiS`` for Prawo i Sprawiedliwość, Law and Justice; ``SPÖ``, ``CiU``)?"""
    upper = sum(c.isupper() for c in acronym)
    return acronym.isalpha() and len(acronym) <= 5 and upper >= 2 and upper > len(acronym) - upper


def _mixed_acronym(acronym: str, name: str) -> bool:
    """Is *acronym*, with small letters, the initials of *name*: its capitals those of the
    capitalized words, its small letters those of the small words between them
    (``TfGM`` for ``Transport for Greater Manchester``, ``DfE`` for ``Department for
    Education``)?"""
    letters = [w[0] for w in name.split() if w[:1].isalpha()]
    return (len(acronym) >= 3 and acronym[0].isupper() and acronym.isalpha()
            and sum(c.isupper() for c in acronym) >= 2 and "".join(letters) == acronym)


def _capitalized_for_another_reason(norm: str, start: int, end: int) -> bool:
    """Is the capitalized word ``norm[start:end]`` capitalized as the start of a sentence,
    or as a word of a longer name (a capitalized word, or ``of`` and one, around it)?"""
    if norm.startswith(" of ", end) and _NAME_GOES_ON.match(norm, end):
        return True
    i = start
    while i > 0 and norm[i - 1] in " \"'(":
        i -= 1
    if i == 0 or norm[i - 1] in ".!?:\n":
        return True  # the start of a sentence or paragraph
    if i != start - 1 or norm[i] != " " or not norm[i - 1].isalpha():
        return False
    k = i - 1
    while k > 0 and norm[k - 1].isalpha():
        k -= 1
    word = norm[k:i]
    return word[0].isupper() and word.lower() not in _FUNCTION_WORDS


def _common_here(word: str, text: str, cache: dict[str, bool]) -> bool:
    """Is *word* a common word: a listed one, or written in lower case in *text*?"""
    known = cache.get(word)
    if known is None:
        low = word.lower()
        known = low in COMMON_WORDS or low in _DIRECTIONS
        i = -1 if known else text.find(low)
        n = len(text)
        while i >= 0:
            j = i + len(low)
            # a word of running text, not of an address (``quantcast.com``, ``/people/``)
            if ((i == 0 or not text[i - 1].isalnum() and text[i - 1] not in "./@")
                    and (j == n or not text[j].isalnum()
                         and not (text[j] in "./" and text[j + 1:j + 2].isalnum()))):
                known = True
                break
            i = text.find(low, j)
        cache[word] = known
    return known
_CODE = _PATTERNS.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+){2,}")


#: Text that is no prose: a web address, an e-mail address, a handle or a hashtag.
_NOT_PROSE_RE = _PATTERNS.compile(
    r"(?:https?://|www\.)[^\s<>\"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w&/])[@#][A-Za-z_]\w*")
#: A character of an e-mail address before its ``@``.
_ADDRESS_CHAR = _PATTERNS.compile(r"[\w.+-]")


def _not_prose(norm: str) -> tuple[list[int], list[int]] | None:
    """Where *norm* holds web or e-mail addresses, handles and hashtags: their starts and
    ends, in order (they do not overlap); None when it holds none.

    The matches of :data:`_NOT_PROSE_RE` that ``finditer`` finds, but the regex is tried only
    where one may start: at ``http``, ``www.``, ``@`` or ``#``, or in the run of address
    characters right before an ``@``. Searched for, its e-mail branch (no literal to look
    for first) was tried at every character of the text: 0.5 ms a 4 KB text."""
    starts = set()
    for literal in ("http", "www.", "#", "@"):
        i = norm.find(literal)
        while i >= 0:
            starts.add(i)
            if literal == "@":
                j = i
                while j > 0 and _ADDRESS_CHAR.match(norm, j - 1):
                    j -= 1
                    starts.add(j)
            i = norm.find(literal, i + 1)
    found = []
    end = 0
    for i in sorted(starts):
        if i >= end and (m := _NOT_PROSE_RE.match(norm, i)):
            found.append((i, m.end()))
            end = m.end()
    if not found:
        return None
    return [a for a, _ in found], [b for _, b in found]


def _in_code(norm: str, start: int, end: int) -> bool:
    if not ((start > 0 and norm[start - 1] == "-") or (end < len(norm) and norm[end] == "-")):
        return False
    left = start
    while left > 0 and (norm[left - 1].isalnum() or norm[left - 1] == "-"):
        left -= 1
    right = end
    while right < len(norm) and (norm[right].isalnum() or norm[right] == "-"):
        right += 1
    return bool(_CODE.fullmatch(norm, left, right))


#: What follows a dateline's place: a comma and a date or a capitalized word, a bracket
#: or a dash (``BAKU, 2 May``, ``PARIS, France –``, ``KABUL (Reuters) –``, ``OSLO – The``);
#: not a comma and a word in lower case (``NICE, the health watchdog``).
_DATELINE_AFTER = _PATTERNS.compile(r"[ \t]*(?:,[ \t]*[A-Z0-9]|\(|[–—]|-\s)")


class _LineKinds:
    """Per line of a text, cached: is it written all in capitals?"""

    __slots__ = ("text", "caps")

    def __init__(self, text: str) -> None:
        self.text = text
        self.caps: dict[int, bool] = {}

    def _line(self, pos: int) -> tuple[int, str]:
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, self.text[start:end if end >= 0 else len(self.text)]

    def all_caps(self, pos: int) -> bool:
        start, line = self._line(pos)
        if start not in self.caps:
            self.caps[start] = line.isupper() and sum(c.isalpha() for c in line) >= 4
        return self.caps[start]

    def dateline(self, start: int, end: int) -> bool:
        """Is ``text[start:end]`` a dateline's place: first on its line, then a comma and a
        date or a capital, a bracket or a dash (``BAKU, 2 May 2024 – President…``; see
        :data:`_DATELINE_AFTER`)?"""
        text = self.text
        return (not text[text.rfind("\n", 0, start) + 1:start].strip()
                and _DATELINE_AFTER.match(text, end) is not None)


#: Flags of an automaton key (see :func:`_key_value`).
_UPPER, _CODE_CHECK, _CAPS_ONLY, _COMMON, _HAS_ACRONYM, _WORD, _DOTLESS, _INVERTED, _PLACE_WORD = (
    1, 2, 4, 8, 16, 32, 64, 128, 256)
#: A word that starts the name of a place after which it names another place: ``Los Lagos``
#: (not Lagos), ``Port Sudan``, ``Mount Kenya``, ``New Delhi``, ``San Jose``, ``Lake Victoria``.
_PLACE_PREFIXES = frozenset("""Los Las San Santa Santo São Saint St. Sainte Port Puerto Porto
    Fort Mount Lake New""".split())
#: Initials with dots but the last: ``U.S`` (``U.S government``).
_DOTLESS_RE = _PATTERNS.compile(r"(?:[A-Z]\.)+[A-Z]")
#: Entries with more owners than this get an index for :meth:`Linker._choose`.
_MANY = 8
#: Sort key of candidates (see :meth:`Linker.link`): longest first, then leftmost.
_SORT_KEY = itemgetter(0)


def _info(entries: tuple[tuple[str, int], ...], word: bool | None = None) -> tuple:
    """What :meth:`Linker._choose` and the passes need of a candidate's entries, computed once:
    ``(strong, entity ids, weak, short forms only, any short form, rank or None, word, anchor,
    single, short)``; *word* is None unless :meth:`Linker._shadowed` looks at the surface (a word that
    may be part of someone else's name), then whether it is the given name of one of its owners;
    *anchor* is what the first pass makes of the candidate (False: short forms only, skipped;
    None: the span is taken but anchors nothing; else the entity id it anchors); *single* is
    what :meth:`Linker._choose` returns whatever the text (one strong owner, or the one owner of
    an inferred full form), or None; *short* is the one owner of a short form (linked if
    mentioned in full), or None."""
    if len(entries) == 1:
        (eid, kind), = entries
        one = (eid,)
        strong = one if kind <= ACRONYM else ()
        weak = one if kind == WEAK else ()
        short_only = kind == SHORT
        return (strong, one, weak, short_only, short_only, None, word,
                False if short_only else _anchor(strong, weak),
                None if short_only else eid, eid if short_only else None)
    # a name or an alias (``N.S.`` of Nova Scotia) before a place's inferred initials
    # (North Street's): the registry's word before the linker's guess
    strong = tuple(eid for eid, kind in entries if kind == FULL) \
        or tuple(eid for eid, kind in entries if kind == ACRONYM)
    eids = tuple(eid for eid, _ in entries)
    weak = tuple(eid for eid, kind in entries if kind == WEAK)
    kinds = [kind for _, kind in entries]
    rank = {eid: i for i, eid in enumerate(eids)} if len(eids) > _MANY else None
    short_only = all(k == SHORT for k in kinds)
    return (strong, eids, weak, short_only, SHORT in kinds, rank, word,
            False if short_only else _anchor(strong, weak), strong[0] if len(strong) == 1 else None,
            None)


def _anchor(strong: tuple[str, ...], weak: tuple[str, ...]) -> str | None:
    """:meth:`Linker._choose` with no entity mentioned yet: the entity a name anchors, or None."""
    if len(strong) == 1:
        return strong[0]
    if strong:
        return None
    return weak[0] if len(weak) == 1 else None


def _key_value(automaton_key: str, surface: str, entries: tuple[tuple[str, int], ...],
               caps_only: bool, info: tuple, persons: frozenset = frozenset(),
               places: frozenset = frozenset()) -> tuple:
    """What a hit of a key needs, so no work is repeated per hit.

    ``(back, after, key, flags, surface, entries, info, acronym-free (entries, info) or
    None)``: a hit of the key's :func:`_boundary_key` ending at ``i`` of the padded text
    is ``norm[i - back:i - after]`` if that is *key*; *surface* is the registry form (for
    an all-capitals key, the form it is the capitals of).
    """
    flags = 0
    if surface.isupper():
        flags |= _UPPER
        if _DOTLESS_RE.fullmatch(surface):
            flags |= _DOTLESS
        if "-" not in surface:
            flags |= _CODE_CHECK
    if caps_only and " " not in automaton_key:
        # a name of several words in capitals is the name wherever it is (``LIM WEI SENG``
        # in a table, ``PUERTO MONTT`` after a ``/``); one word, only where capitals say
        # nothing of it (see :class:`_LineKinds`)
        flags |= _CAPS_ONLY
    if " " not in surface and surface.lower() in COMMON_WORDS:
        flags |= _COMMON
    if (not caps_only and _PLAIN_WORD.fullmatch(surface)
            and all(kind != ACRONYM and eid not in persons for eid, kind in entries)):
        flags |= _WORD
    if surface.count(", ") == 1 and persons and all(eid in persons for eid, _ in entries):
        flags |= _INVERTED  # ``Austen, Jane``
    if (not caps_only and places and " " not in surface and surface[:1].isupper()
            and all(eid in places for eid, _ in entries)):
        flags |= _PLACE_WORD  # ``Lagos`` of ``Los Lagos``
    acronym_free = None
    if any(kind == ACRONYM for _, kind in entries):
        flags |= _HAS_ACRONYM
        rest = tuple(e for e in entries if e[1] != ACRONYM)
        if rest:
            acronym_free = (rest, _info(rest))
    after = _spaced(automaton_key[-1])
    return (len(automaton_key) + after, after, automaton_key, flags, surface, entries, info,
            acronym_free)


#: Every character that is no letter or digit (``str.isalnum``) as a space, for
#: :func:`_boundary_form`; a regex for those characters (``\\w`` is ``isalnum`` or ``_``).
_BOUNDARY_TABLE = bytes(i if chr(i).isalnum() else 32 for i in range(256))
_NOT_ALNUM = _PATTERNS.compile(r"[\W_]")


def _boundary_form(text: str) -> str:
    """*text* with every character that is no letter or digit replaced by a space.

    One character for one character: offsets do not move. What the automaton runs on (its
    keys are names in this form, with a space for the word boundary before and after), so
    a hit is already a whole word; the name itself is then compared to the text.
    """
    try:
        return text.encode("latin-1").translate(_BOUNDARY_TABLE).decode("latin-1")
    except UnicodeEncodeError:
        pass
    # beyond Latin-1: each such character becomes ``?`` (a space), then the letters and
    # digits among them are put back; a text of many such characters takes a regex instead
    raw = text.encode("latin-1", "replace")
    wide = []
    seen = 0
    i = raw.find(b"?")
    while i >= 0:
        char = text[i]
        if char != "?" and char.isalnum():
            wide.append(i)
        seen += 1
        if seen > 64:
            return _NOT_ALNUM.sub(" ", text)
        i = raw.find(b"?", i + 1)
    out = raw.translate(_BOUNDARY_TABLE).decode("latin-1")
    if not wide:
        return out
    parts = []
    last = 0
    for i in wide:
        parts.append(out[last:i])
        parts.append(text[i])
        last = i + 1
    parts.append(out[last:])
    return "".join(parts)


def _boundary_key(key: str) -> str:
    """The automaton's key for *key*: its :func:`_boundary_form`, with a space before if it
    starts with a letter or digit (none may precede it) and after if it ends with one, but
    for a letter of a script written without spaces between words (``刘晓波`` in
    ``许多人纪念刘晓波。``)."""
    return ((" " if _spaced(key[0]) else "") + _boundary_form(key)
            + (" " if _spaced(key[-1]) else ""))


#: Scripts written without spaces between words: Hiragana, Katakana, Han (with its
#: extension A and compatibility ideographs), Thai, Lao, Myanmar, Khmer.
_UNSPACED = _PATTERNS.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                       "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")


#: The words Arabic and Hebrew write onto the next one: Arabic's *and* (``و``, ``ف``) and
#: its prepositions (``ب``, ``ك``, ``ل``), alone or after *and* (``بالقاهرة``, *in Cairo*;
#: ``وبالقاهرة``); Hebrew's *and*, *the*, *in*, *to*, *from*, *that* and *as*, alone or after
#: *and* or *that* (``בירושלים``, *in Jerusalem*; ``ומירושלים``). (Arabic's ``ل`` before the
#: article drops the article's alif, ``للقاهرة``: no name is then in the text as written.)
_ARABIC_PROCLITICS = ("و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل")
_HEBREW_PROCLITICS = ("ו", "ה", "ב", "ל", "מ", "ש", "כ", *(a + b for a in "וש" for b in "הבלמכ"))


def _proclitic_keys(key: str, entries: tuple[tuple[str, int], ...],
                    persons: frozenset[str]) -> list[str]:
    """The automaton keys for the name whose key is *key* with a proclitic written onto it
    (:data:`_ARABIC_PROCLITICS`, :data:`_HEBREW_PROCLITICS`): a hit of one is a hit of the
    name itself, which starts after the proclitic (the key's value counts back from the
    end). Only for a name of three letters and more, whose first word a proclitic and a
    shorter name would less often spell by chance; not for a person's name of one word,
    which is often a word too (``بعمر``, *at the age of*; ``בסאם``; ``לאור``, *to light*),
    nor with Hebrew's *the* (``הלאה``, *onward*) before a person's name (an owner of the
    key's *entries* in *persons*; asked only of a key in those scripts)."""
    if len(key) < 5 or key[0] != " " or not ("\u0620" <= key[1] <= "\u064a" or
                                              "\u05d0" <= key[1] <= "\u05ea"):
        return []
    person = any(eid in persons for eid, _ in entries)
    if sum(c.isalpha() for c in key) < 3 or person and " " not in key.strip():
        return []
    prefixes = _ARABIC_PROCLITICS if key[1] >= "\u0620" else _HEBREW_PROCLITICS
    return [" " + prefix + key[1:] for prefix in prefixes if not (person and "ה" in prefix)]


def _spaced(char: str) -> bool:
    """Whether a name beginning or ending with *char* is a whole word only between
    characters that are no letters or digits: a letter or digit of a script that puts spaces
    between its words."""
    return char.isalnum() and (char < "\u0e00" or not _UNSPACED.match(char))


def _digest(value: object) -> bytes:
    """A digest of an automaton value (tuples of strings, numbers, flags): the same from one
    process to the next, unlike ``hash``."""
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=8).digest()


def key_finder(keys: Iterable[str]) -> Callable[[str], bool]:
    """A test of whether a text holds a hit of one of *keys* (from
    :meth:`Linker.changed_keys`) where :meth:`Linker.link` looks for hits.

    Read on the whole text rather than on the parts a release links: it may find a key
    the linker would not reach (across a paragraph break, in a footer), never miss one."""
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for key in keys:
        automaton.add_word(key)
    if not len(automaton):
        return lambda text: False
    automaton.make_automaton()

    def found(text: str) -> bool:
        for _hit in automaton.iter(" " + _boundary_form(_normalize_text(text)[0]) + " "):
            return True
        return False

    return found


class Linker:
    """Links mentions of a registry's entities in texts.

    Build it once per registry (the automaton is built here) and call
    :meth:`link` for each text.
    """

    def __init__(self, registry: Registry) -> None:
        # hundreds of thousands of small tuples, all kept: the cyclic GC would only rescan them
        enabled = gc.isenabled()
        gc.disable()
        try:
            self._build(registry)
        finally:
            if enabled:
                gc.enable()

    def _build(self, registry: Registry) -> None:
        self.registry = registry
        # surface -> {entity id: kind}, strongest kind kept
        table: dict[str, dict[str, int]] = {}

        def put(surface: str, entity_id: str, kind: int) -> None:
            owners = table.setdefault(surface, {})
            if owners.get(entity_id, SHORT + 1) > kind:
                owners[entity_id] = kind

        inferred = {entity.id: inferred_forms(entity) for entity in registry}
        normal = {e.id: normalize(e.name) for e in registry}
        given = {e.id: normal[e.id].split()[0] for e in registry
                 if e.type == "person" and " " in normal[e.id]}
        for surface, entity_id in registry.linkable_names():
            norm = normalize(surface)
            if norm:
                put(norm, entity_id, FULL)
        self._given = {(w, eid) for eid, w in given.items()}
        self._given_of = given
        # ``Microsoft Bing``, ``New York Mets``: an organization named by another entity's
        # name and one more word goes by that word (``Bing``, ``the Mets``)
        full_names = set(normal.values())
        # how many names end with a word: a word that ends several (``Council``,
        # ``Institute``) is a generic head noun, and names none of them
        endings: dict[str, int] = {}
        for name in full_names:
            last = name.rpartition(" ")[2]
            endings[last] = endings.get(last, 0) + 1
        tails: dict[str, str] = {}
        for e in registry:
            if e.type != "organization":
                continue
            name = normal[e.id]
            if name.startswith(_LEADING_ARTICLES):
                name = name[4:]
            head, _, last = name.rpartition(" ")
            if (head in full_names and endings[last] <= 2 and _CAPWORD.match(last)
                    and not _is_common(last) and not last.isupper()):
                tails[last] = None if last in tails else e.id
        tails = {last: eid for last, eid in tails.items() if eid is not None}
        for last, eid in tails.items():
            inferred[eid] = [*inferred[eid], (last, WEAK)]
        # a court case's party, a storm's given name: not as the first word of a longer name
        # (``Sandy Hook`` after ``Hurricane Sandy``, ``Brown University`` after ``Brown v.
        # Board of Education``)
        parts = set()
        for e in registry:
            if e.type == "person":
                continue
            for name in e.names:
                word = _party_or_storm(_bare_name(normalize(name)), e.type)
                if word:
                    parts.add((word, e.id))
        self._parts = frozenset(parts)
        self._tails = tails
        for entity_id, forms in inferred.items():
            for surface, kind in forms:
                if (entity_id, surface) in registry.unusable:
                    continue
                if kind == SHORT and _is_common(surface) and not surface.isupper():
                    continue
                put(surface, entity_id, kind)
        self._persons = frozenset(e.id for e in registry if e.type == "person")
        # the head of a ``Head of X`` name (``Port`` of ``Port of Eastmere``), a short form
        # that is a common noun in a headline's capitals
        self._heads = frozenset((m.group(1), e.id) for e in registry if e.type != "person"
                                and (m := _HEAD_OF.match(normal[e.id])))
        self._places = frozenset(e.id for e in registry if e.type == "place")
        # ``the Central Committee`` in a release naming the Chinese Communist Party, ``the
        # Constitutional Court`` in one naming Indonesia: the head of a body's or an event's
        # ``Head of Owner`` name stands for it where the owner, another entry, is named, and
        # no other entry of the owner's type (:meth:`_sole_owner`)
        # (head -> entity id -> the owner's entity id)
        bare = {e.id: _bare_name(normal[e.id]) for e in registry}  # for the three passes below
        by_name: dict[str, list[str]] = {}
        for e in registry:
            by_name.setdefault(bare[e.id], []).append(e.id)
        owners: dict[tuple[str, str], str] = {}
        for e in registry:
            if e.type in ("organization", "event"):
                name = bare[e.id]
                m = _HEADS_OF.match(name) or _HEAD_OF.match(name)
                if m and len(by_name.get(m.group(2), ())) == 1:
                    owners[(m.group(1), e.id)] = by_name[m.group(2)][0]
        self._owners = owners
        # the head noun of a name of several words (``Church`` of ``Catholic Church``,
        # ``Court`` of ``Supreme Court of Cassation``, ``Voice`` of ``The Village Voice``):
        # capitalized after ``the`` it stands for the entity named before, see
        # :meth:`_the_head`
        head_words: dict[str, list[str]] = {}
        for e in registry:
            if e.type == "person":
                continue
            name = bare[e.id]
            words = name.partition(" of ")[0].split()
            if len(name.split()) < 2 or not words:
                continue
            word = words[-1]
            if len(word) > 3 and _PLAIN_WORD.fullmatch(word) and word not in _TITLE_SET \
                    and word.lower() not in _DIRECTIONS and not word.endswith(_ADJECTIVE):
                head_words.setdefault(word, []).append(e.id)
        self._head_words = {w: tuple(ids) for w, ids in head_words.items()}
        self._head_of = {eid: w for w, ids in head_words.items() for eid in ids}
        # a person's surname that no other entity's name holds: linked even when the full
        # name is not in the text (``Gorbachev agreed``), see :func:`_stands_alone`; only for
        # an entry without aliases (aliases say how the entity is written: trust them)
        lone: dict[str, str] = {}
        for e in registry:
            if e.type != "person" or e.aliases:
                continue
            words = normal[e.id].split()
            if ", " in normal[e.id] and len(words) == 2:
                words = words[::-1]
            while len(words) > 2 and words[-1].lower().strip(".,") in _PARTICLES:
                words = words[:-1]
            if len(words) < 2 or words[0] in _TITLE_SET:
                continue  # ``Captain America``: a title and a name, no surname
            for surface in {words[-1], " ".join(words[-2:])}:
                # also as written without accents (``Gomez agreed`` for ``Ana Gómez``)
                for form in {surface, *unaccented(surface)}:
                    if table.get(form) == {e.id: SHORT}:
                        lone[form] = e.id
        self._lone = lone

        given_by_word: dict[str, set[str]] = {}
        for word, eid in self._given:
            given_by_word.setdefault(word, set()).add(eid)
        self._given_by_word = given_by_word
        # one-word surfaces :meth:`_shadowed` looks at (short forms, capitalized names):
        # surface -> is it the given name of one of its owners?
        one_word: dict[str, bool] = {}
        for surface, owners in table.items():
            # a person's name of another shape too (``McAllister``), not an organization's
            # (``PayPal``, ``FedEx``: no one's surname)
            if " " in surface or not (SHORT in owners.values() or surface[:1].isupper() and (
                    surface[1:].islower() or _ONE_NAME_WORD.fullmatch(surface)
                    and any(eid in self._persons for eid in owners))):
                continue
            given_to = given_by_word.get(surface, ())
            one_word[surface] = any(eid in given_to for eid in owners)

        automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        # surface -> (entries, caps_only, original surface); entries: ((entity id, kind), ...)
        keys: dict[str, tuple[tuple[tuple[str, int], ...], bool, str]] = {}
        for surface, owners in table.items():
            keys[surface] = (tuple(sorted(owners.items(), key=lambda kv: (kv[1], kv[0]))),
                             False, surface)
        for surface, (entries, _, _) in list(keys.items()):
            upper = surface.upper()
            if upper != surface and upper not in keys:
                keys[upper] = (entries, True, surface)
            # a name that starts with a word in lower case (``the Coalition``, ``de Gaulle``)
            # is written with a capital at the start of a sentence
            if surface[:1].islower() and " " in surface:
                capital = surface[0].upper() + surface[1:]
                if capital not in keys:
                    keys[capital] = (entries, False, surface)

        def keys_surface(surface: str) -> str:
            return keys[surface][2]

        infos: dict[int, tuple] = {}  # id(entries) -> _Info, shared by a key and its capitals
        # the automaton's keys are in boundary form (see _boundary_key); keys that differ
        # only in punctuation share one
        alternatives: dict[str, list[tuple]] = {}
        for surface, (entries, caps_only, _) in keys.items():
            info = infos.get(id(entries))
            if info is None:
                info = infos[id(entries)] = _info(entries, one_word.get(surface))
            key = _boundary_key(surface)
            value = _key_value(surface, keys_surface(surface), entries, caps_only, info,
                               self._persons, self._places)
            alternatives.setdefault(key, []).append(value)
            for prefixed in _proclitic_keys(key, entries, self._persons):
                alternatives.setdefault(prefixed, []).append(value)
        for key, values in alternatives.items():
            automaton.add_word(key, tuple(values))
        if keys:
            automaton.make_automaton()
        self._automaton = automaton
        self._empty = not keys

    # ----------------------------------------------------------------------- public

    def link(self, text: str, spans: Sequence[tuple[int, int]] | None = None) -> LinkResult:
        """Mentions in *text*, restricted to *spans* (``None``: the whole text).

        Offsets are into *text*. Document-level state (which entities were
        mentioned in full) runs across all spans, in text order.
        """
        if spans is None:
            spans = [(0, len(text))]
        # candidates: (sort key, start, end, entries, key, info); the sort key orders them
        # longest first, then leftmost
        candidates: list[tuple] = []
        shadowable: list[tuple] = []  # the candidates :meth:`_shadowed` looks at
        words: dict[str, bool] = {}  # common words of this text, see _common_here
        regions: list[tuple[int, str, list[int], list[int]]] = []
        scale = len(text) + 1
        spans = sorted(spans)
        # a headline: the first of several spans, one line (a release's title)
        first = text[max(0, spans[0][0]):spans[0][1]] if len(spans) > 1 else ""
        headline = (spans[0][0], spans[0][1]) if first.strip() and "\n" not in first.strip() \
            else None
        for span_start, span_end in spans:
            span_start = max(0, span_start)
            span_end = min(len(text), span_end)
            if span_end <= span_start:
                continue
            norm, points, shifts = _normalize_text(text[span_start:span_end])
            regions.append((span_start, norm, points, shifts))
            if not self._empty:
                self._candidates(text, norm, span_start, points, shifts, words, scale,
                                 candidates, shadowable)
        return self._resolve(text, candidates, shadowable, regions, scale, headline)

    def fingerprints(self) -> tuple:
        """What :meth:`changed_keys` compares, small beside the linker itself: a digest of
        each automaton key's value, and the document-level tables (:attr:`_tails`,
        :attr:`_lone`, :attr:`_persons`, :attr:`_heads`)."""
        return ({key: _digest(values) for key, values in self._automaton.items()},
                dict(self._tails), dict(self._lone), self._persons, self._heads)

    def changed_keys(self, old: tuple, own: tuple | None = None) -> list[str]:
        """The automaton keys whose hits this linker may link otherwise than the linker
        whose :meth:`fingerprints` are *old* (*own*: this linker's, if already taken).

        A text in which neither linker hits any of them (see :func:`key_finder`) is linked
        alike by both: what :meth:`link` does with a hit is a function of the key's value
        (owners, kinds, tests) and of the few document-level tables compared here. So an
        incremental build re-reads exactly the releases a registry edit can relink, whatever
        rule made the difference (a new entry's name, an alias two entries now claim, a
        surname that no longer stands alone, the word an organization goes by once another
        entry is named like the rest of its name).

        Keys added, removed or with another value; the keys whose surface is a word whose
        document-level rule changed; the keys owned by an entity that became or stopped
        being a person. Keys are in :func:`_boundary_key` form.
        """
        old_keys, old_tails, old_lone, old_persons, old_heads = old
        keys, tails, lone, persons, heads = own if own is not None else self.fingerprints()
        changed = {key for key, value in keys.items() if old_keys.get(key) != value}
        changed.update(key for key in old_keys if key not in keys)
        words = {word for now, before in ((tails, old_tails), (lone, old_lone))
                 for word in now.keys() | before.keys() if now.get(word) != before.get(word)}
        words.update(word for word, _ in heads ^ old_heads)
        persons = persons ^ old_persons
        if words or persons:  # a key with the same value has the same surface and owners
            changed.update(key for key, alternatives in self._automaton.items() if any(
                value[4] in words or any(eid in persons for eid, _ in value[5])
                for value in alternatives))
        return sorted(changed)

    # ----------------------------------------------------------------------- internals

    def _candidates(self, text: str, norm: str, base: int, points: list[int],
                    shifts: list[int], words: dict[str, bool], scale: int,
                    out: list[tuple], shadowable: list[tuple]) -> None:
        """Whole-word automaton hits in *norm*, with offsets into the original *text*, added
        to *out* (and those :meth:`_shadowed` looks at to *shadowable*).

        Every automaton hit is looked at, overlapping ones included. The automaton's
        value carries what the tests need (see :func:`_key_value`), cheapest first, so
        a hit that is no whole word is dropped after a character test or two.
        An inferred acronym of a place used as a modifier (``U.S. officials``)
        is not a mention of the place. A one-word name of a place or organization
        that is a common word in this text (``University``, ``People``, ``South``) is
        capitalized for another reason at the start of a sentence or inside a longer
        name (``Duke University``, ``University of Arkansas``): no mention there.
        """
        lines = None
        append = out.append
        shadow = shadowable.append
        # offsets back into *text*: ``off`` holds for norm offsets in [lo, hi); the hits come
        # in the order of their ends, so the breakpoints are walked forward once
        k = 0
        last = len(points) - 1
        lo = 0
        hi = points[1] if last else len(norm) + 1
        off = base
        # web addresses, e-mail addresses, handles and hashtags: no mention inside them
        blocked = _not_prose(norm) if ("/" in norm or "@" in norm or "#" in norm
                                       or "www." in norm) else None
        # the automaton runs on the boundary form, padded: a hit is a whole word (index
        # ``i`` of the padded text is ``i - 1`` of *norm*); alternatives share a form
        for i, alternatives in self._automaton.iter(" " + _boundary_form(norm) + " "):
            for back, after, akey, flags, key, entries, info, acronym_free in alternatives:
                start = i - back
                if not norm.startswith(akey, start):
                    continue
                # ``O'Reilly``: a name does not start right after a letter and an apostrophe
                if start > 1 and norm[start - 1] == "'" and norm[start - 2].isalpha():
                    continue
                end = i - after
                if blocked:
                    j = bisect_left(blocked[0], end) - 1  # the last one starting before end
                    if j >= 0 and blocked[1][j] > start:
                        continue  # ``https://example.org/China``, ``China@example.org``
                if end > hi:
                    while k < last and points[k + 1] < end:
                        k += 1
                    lo = points[k]
                    hi = points[k + 1] if k < last else len(norm) + 1
                    off = base + shifts[k]
                if start < lo:
                    ostart = base + start + shifts[bisect_right(points, start) - 1]
                    oend = end + off if end > lo else \
                        base + end + shifts[bisect_right(points, end - 1) - 1]
                else:
                    ostart = start + off
                    oend = end + off
                if flags:
                    # ``US$ 20``, ``NZ $26``: a currency, not the country
                    if flags & _UPPER and _CURRENCY.match(norm, end):
                        continue
                    # ``U.S`` is no whole form of ``U.S.``
                    if flags & _DOTLESS and norm.startswith(".", end):
                        continue
                    # ``CC-BY-SA-NC``: a code of capitals joined by hyphens, not a name
                    if flags & _CODE_CHECK and _in_code(norm, start, end):
                        continue
                    # ``Kim Min-woo, Kim …``: the name in its own order, then a comma; not
                    # ``Min-woo, Kim`` in a catalogue's order
                    if flags & _INVERTED and norm.endswith(
                            key[key.index(", ") + 2:] + " ", 0, start):
                        continue
                    if flags & _CAPS_ONLY:
                        if lines is None:
                            lines = _LineKinds(text)
                        if not lines.all_caps(ostart) and not lines.dateline(ostart, oend):
                            continue
                    # a name that is a common word, followed by a capitalized word: ``World Cup``
                    if flags & _COMMON and _NEXT_NAME.match(norm, end):
                        continue
                    # a place's name ending another place's: ``Los Lagos``, ``Port Sudan``
                    if flags & _PLACE_WORD and start > 1 and norm[start - 1] == " " and norm[
                            norm.rfind(" ", 0, start - 1) + 1:start - 1] \
                            in _PLACE_PREFIXES:
                        continue
                    if flags & _WORD and not (
                            # the common case first: after a lowercase word, no ``of`` after
                            start > 1 and norm[start - 1] == " " and norm[start - 2].islower()
                            and not norm[norm.rfind(" ", 0, start - 1) + 1].isupper()
                            and not norm.startswith(" of ", end)) \
                            and _capitalized_for_another_reason(norm, start, end) \
                            and _common_here(key, text, words):
                        continue
                    if flags & _HAS_ACRONYM:
                        m = _MODIFIED.match(norm, end)
                        if m and m.group(1).lower() not in _FUNCTION_WORDS and not (
                                # ``in the UK expected next month``, ``the U.S. said``: a
                                # verb, not a noun
                                m.group(1).endswith("ed") and len(m.group(1)) > 4
                                or m.group(1) in _VERBS):
                            if acronym_free is None:
                                continue
                            entries, info = acronym_free
                candidate = ((ostart - oend) * scale + ostart, ostart, oend, entries, key, info)
                append(candidate)
                if info[6] is not None:
                    shadow(candidate)

    def _resolve(self, text, candidates, shadowable, regions, scale, headline=None) -> LinkResult:
        # candidates: (sort key, start, end, entries, key, info); info is _info(entries)
        # pass 1: anchors, full names claimed by one entity, longest first
        candidates.sort(key=_SORT_KEY)
        taken = _Occupancy(len(text))
        marks = taken.marks  # the overlap test and marking inlined: bytearray.find / slice
        first_full: dict[str, int] = {}
        anchors: list[tuple[int, int, str]] = []
        for _, start, end, _entries, _key, info in candidates:
            eid = info[7]
            if eid is False:  # short forms only
                continue
            if marks.find(1, start, end) < 0:
                marks[start:end] = b"\x01" * (end - start)
                if eid is not None:
                    anchors.append((start, end, eid))
                    if first_full.get(eid, scale) > start:
                        first_full[eid] = start

        # acronyms defined in the text: ``Human Rights Watch (HRW)``
        extra = self._defined_acronyms(text, anchors, regions, scale, headline) \
            if "(" in text else None
        if extra:
            # what the text defines overrides what the registry infers: ``Pakatan Harapan
            # (PH)`` is no mention of Port Harcourt, whose initials are PH
            defined = {(c[1], c[2]) for c in extra}
            if any((c[1], c[2]) in defined for c in candidates):
                candidates = [c for c in candidates if (c[1], c[2]) not in defined]
                shadowable = [c for c in shadowable if (c[1], c[2]) not in defined]
                anchors = [a for a in anchors if (a[0], a[1]) not in defined]
                first_full = {}
                for start, _end, eid in anchors:
                    if first_full.get(eid, scale) > start:
                        first_full[eid] = start
            candidates += extra
            candidates.sort(key=_SORT_KEY)
            shadowable = shadowable + extra

        # a headline in Title Case, whose capitals say nothing
        if headline and not (title_case(text[slice(*headline)])
                             and len(text[slice(*headline)].split()) >= 4):
            headline = None
        shadowed = self._shadowed(text, shadowable, taken, anchors, first_full, headline)
        heads = self._heads if headline else None

        # pass 2: resolve every candidate against the anchors, select longest first
        marks = bytearray(len(text))
        mentions: list[tuple[int, int, str]] = []
        ambiguous: list[tuple[int, int, tuple[str, ...]]] = []
        choose = self._choose
        tails = self._tails
        parts = self._parts
        given_of = self._given_of
        for _, start, end, entries, key, info in candidates:
            # a span overlapping one selected before is dropped whatever the tests below make
            # of it (none marks a span that is not free): tested first, it costs them nothing
            # (half the candidates of a text are words of a longer name)
            if marks.find(1, start, end) >= 0:
                continue
            if shadowed:
                at, keys = shadowed
                if keys.get(key) or at.get(start):
                    # someone else's name: the bare word is not this entity's
                    marks[start:end] = b"\x01" * (end - start)
                    continue
                if start in at:
                    entries = tuple(e for e in entries if e[1] != SHORT)
                    info = _info(entries)
                elif key in keys:  # someone else's name too: only after the full name
                    entries = tuple(e for e in entries
                                    if e[1] != SHORT or first_full.get(e[0], start) < start)
                    info = _info(entries)
            link = info[8]
            # ``Mr Peugeot`` after ``Robert Peugeot``: an honorific makes the word a person's
            # surname, whatever else is named so (the Peugeot company)
            if len(entries) > 1 and text[start - 1:start] == " " \
                    and _HONORIFIC.search(text, max(0, start - 6), start):
                person = [eid for eid, _ in entries if eid in self._persons
                          and first_full.get(eid, start) < start]
                if len(person) == 1:
                    link = person[0]
            if link is None:
                link = info[9]
                if link is not None:
                    if link not in first_full and not (
                            self._lone.get(key) == link
                            and (_stands_alone(text, start, end, person=True)
                                 or self._after_middle(text, start, link) >= 0)) \
                            and not (self._sole_owner(self._owners.get((key, link)), first_full)
                                     and _stands_alone(text, start, end)
                                     and not _OTHER_HEAD.match(text, end)):
                        continue  # a short form of nobody mentioned: not a mention
                else:
                    link, choices = choose(info, start, first_full)
                    if link is None and not choices:
                        continue  # a short form of nobody mentioned: not a mention
            elif tails and tails.get(key) == link and not _stands_alone(text, start, end):
                continue  # ``Mets Poet``, ``Financial Times``: a word of a longer name
            if link is not None and (key, link) in parts \
                    and _CAP_AFTER.match(_clean(text[end:end + 4])):
                continue  # ``Sandy Hook``, ``Brown University``: a word of a longer name
            if heads and (key, link) in heads and headline[0] <= start < headline[1]:
                continue  # ``Coalition Welcomes Port Safety Ruling``: no ``Port of Eastmere``
            marks[start:end] = b"\x01" * (end - start)
            if link is not None:
                if info[4] and link in given_of:
                    # ``John F. Kerry``, ``Bola Ahmed Tinubu``: the surname after the given
                    # name and a middle initial or name is the whole name's mention
                    g = self._after_middle(text, start, link)
                    if g >= 0 and marks.find(1, g, start) < 0 and g >= max(
                            (base for base, *_ in regions if base <= start), default=0):
                        marks[g:start] = b"\x01" * (start - g)
                        start = g
                mentions.append((start, end, link))
            else:
                ambiguous.append((start, end, choices))
        if first_full and self._head_of:
            self._the_head(text, regions, first_full, marks, mentions, headline)
        mentions.sort()  # by start: selected spans never overlap
        ambiguous.sort()
        return LinkResult(self._with_titles(text, mentions, regions),
                          [Ambiguity(start, end, text[start:end], choices)
                           for start, end, choices in ambiguous])

    def _the_head(self, text, regions, first_full, marks, mentions, headline) -> None:
        """``the Church`` after ``Catholic Church``, ``the Court`` after ``Supreme Court of
        the United States``: the head noun of a name, capitalized after ``the`` or ``this``
        and not going on (``the Court of Appeal``, ``the Church Street``), is the entity
        named in full before it, when only one such entity was; not in a headline in Title
        Case, whose capitals say nothing."""
        head_of = self._head_of
        words = {head_of[eid] for eid in first_full if eid in head_of}
        if not words:
            return
        heads = self._head_words
        spans = []
        for base, norm, _points, shifts in regions:
            if headline is None or base != headline[0]:
                spans.append((base, base + len(norm) + (shifts[-1] if shifts else 0)))
        # the capitalized words after ``the`` and ``this``, each found by a regex that looks
        # for its literal ``he `` or ``his ``: a find of each head word in turn took longer
        for pattern in (_THE_WORD, _THIS_WORD):
            for m in pattern.finditer(text):
                word = m.group(1)
                if word not in words:
                    continue
                start, end = m.span(1)
                if not _after_the(text, start, end) or not any(
                        a <= start and end <= b for a, b in spans):
                    continue
                named = [eid for eid in heads[word] if first_full.get(eid, end) < start]
                if len(named) == 1 and marks.find(1, start, end) < 0 and not _other_head(
                        text, word, first_full[named[0]], start, marks, spans):
                    marks[start:end] = b"\x01" * (end - start)
                    mentions.append((start, end, named[0]))

    def _shadowed(self, text, candidates, anchored, anchors, first_full, headline=None):
        """One-word forms that, somewhere in the text, belong to a name not in the registry.

        *candidates* are only those whose info's word (``info[6]``) is not None.

        A surname right after an unknown given name (``Ahmed Mohamed``, ``George
        Whitman``) or a given name right before an unknown surname (``Frank Rack``)
        is someone else's: the bare word is then no short form of the registry's entity,
        and is linked only after the entity's full name. A one-word name or alias
        (``Paris``) is someone's surname when written after an unknown capitalized word
        and the pair reads as a person (an entity that is a person claims the word, or
        the pair is introduced as one: ``Valeska Paris, an Australian woman``).

        When the other person comes first (before the entity's full name, or with no
        name of the entity of more than one word in the text), the bare word is theirs:
        it is linked nowhere in the text.

        Returns ``(at, keys)``: *at* maps a start to True (no entity there) or False
        (no short form there); *keys* maps a surface to True (linked nowhere) or False
        (short forms only after the full name).
        """
        at: dict[int, bool] = {}
        keys: dict[str, bool] = {}
        spans = None
        multi = None
        marks = anchored.marks
        for _, start, end, entries, key, info in candidates:
            given = info[6]
            short = info[4]
            # a short form inside a span the first pass took is no one's (below): known before
            # the word in front of it is looked at (a third of the candidates of a release,
            # the given names and surnames inside full names)
            if short and marks.find(1, start, end) >= 0:
                continue
            # cheap tests first: a capitalized word right before (``Ahmed Mohamed``), or a
            # given name of an owner (``Frank Rack``)
            m = None
            if (start > 1 and not marks[start - 2] and text[start - 1] == " "
                    and text[start - 2].islower()):
                floor = max(0, start - 30)
                k = text.rfind(" ", floor, start - 1)
                if not text[k + 1 if k >= 0 else floor:start - 1].islower():
                    m = _PREV_CAP.search(text, floor, start)
            if not m and not given:
                continue
            if not anchored.free(start, end):
                if short:
                    continue
                if spans is None:
                    spans = {(s, e) for s, e, _ in anchors}
                if (start, end) not in spans:
                    continue
            # a headline in Title Case (``Police Arrest Mammadova``): its capitals name no one
            in_headline = headline is not None and headline[0] <= start < headline[1]
            if in_headline:
                m = None
            hit = False
            if m and self._unknown_word(m.group(1), m.start(1), m.end(1), anchored):
                word = m.group(1)
                before = text[max(0, m.start(1) - 3):m.start(1)].rstrip(" ")
                initial = not before or before[-1] in ".!?:\"\n"
                if _ARTICLE_BEFORE.search(text, max(0, m.start(1) - 5), m.start(1)):
                    pass  # ``the Israeli Roe``: an adjective, not a given name
                elif short:
                    # ``Bola Ahmed Tinubu``: a middle name, the owner's given name before it
                    hit = not initial and self._after_middle(
                        text, start, next((eid for eid, kind in entries if kind == SHORT), "")
                    ) < 0
                else:
                    intro = _INTRO.match(text, end)
                    person = any(eid in self._persons for eid, _ in entries)
                    hit = (intro or person and not initial) and not word.endswith(_ADJECTIVE)
            if not hit and given and not in_headline:
                m = _NEXT_CAP.match(text, end)
                hit = m and self._unknown_word(m.group(1), m.start(1), m.end(1), anchored)
            if not hit:
                continue
            if short:
                owners = [eid for eid, kind in entries if kind == SHORT]
                first = min((first_full.get(eid, len(text)) for eid in owners), default=0)
            else:
                # a name or alias: linked nowhere unless a longer name of the entity comes first
                if multi is None:
                    multi = {}
                    for s, e, eid in anchors:
                        if " " in text[s:e] and s < multi.get(eid, len(text)):
                            multi[eid] = s
                first = min(multi.get(eid, len(text)) for eid, _ in entries)
            self._shadow(at, keys, start, key, short, start < first)
        return (at, keys) if at else None

    def _sole_owner(self, owner: str | None, first_full: dict[str, int]) -> bool:
        """Whether *owner* is named in full in the text and no other entry of its type is:
        ``the Supreme Court`` in a release naming India alone is India's, in one naming India
        and the United States nobody's (which court is not said)."""
        if owner not in first_full:
            return False
        kind = self.registry.get(owner).type
        return not any(eid != owner and self.registry.get(eid).type == kind
                       for eid in first_full)

    def _after_middle(self, text, start, eid) -> int:
        """Where *eid*'s given name starts when the surname at *start* follows it and a
        middle initial or name (``John F. Kerry``, ``Bola Ahmed Tinubu``); else -1. Tested
        with a few string operations before any regex: it runs for every person's mention."""
        given = self._given_of.get(eid)
        if not given or start < 5 or text[start - 1] != " ":
            return -1
        j = text.rfind(" ", max(0, start - 30), start - 1)  # before the middle word
        g = j - len(given)
        if g < 0 or not text.startswith(given, g) or g and (
                text[g - 1].isalnum() or text[g - 1] in ".'’-"):
            return -1
        return g if _MIDDLE.fullmatch(text, j + 1, start - 1) else -1

    @staticmethod
    def _shadow(at, keys, start, key, short, first) -> None:
        at[start] = at.get(start, False) or not short
        keys[key] = keys.get(key, False) or first

    @staticmethod
    def _unknown_word(word, start, end, anchored) -> bool:
        low = word.lower()
        if (low in COMMON_WORDS or low in _FUNCTION_WORDS or word in _TITLE_SET
                or word in OPENING_WORDS):  # ``Meanwhile Roe said``
            return False
        return anchored.free(start, end)

    @staticmethod
    def _choose(info, start, first_full):
        """``(entity id, ())`` to link, ``(None, candidates)`` if ambiguous, ``(None, ())`` if none.

        A name or alias only one entity claims links to it, whatever forms
        inferred for other entities it also matches. A name several entities
        claim (``Labour Party``) links to the one mentioned earlier in the text;
        so does a short form, and one several mentioned entities share links to
        the only one of them named in full before it. An inferred full form (``Onion``) links to its
        entity when no other claims it. Otherwise the span is ambiguous.

        *info* is :func:`_info` of the candidate's entries (computed once per
        automaton key, so a surname many people share costs no more than any other).
        """
        strong, eids, weak, _, _, rank, _, _, _, _ = info
        if len(strong) == 1:
            return strong[0], ()
        if strong:
            earlier = [eid for eid in strong if eid in first_full and first_full[eid] < start]
        elif not first_full:
            earlier = []
        elif rank is not None and len(first_full) < len(eids):
            # many owners, few entities mentioned: look the mentioned ones up
            earlier = sorted((eid for eid in first_full if eid in rank), key=rank.__getitem__)
        else:
            earlier = [eid for eid in eids if eid in first_full]
        if len(earlier) == 1:
            return earlier[0], ()
        if len(earlier) > 1 and not strong:
            # ``Lee`` after ``Lee Jae-myung`` and before ``Lee Jun-seok``: a name two people
            # share is the one's who has been named in full so far
            before = [eid for eid in earlier if first_full[eid] < start]
            if len(before) == 1:
                return before[0], ()
        if earlier or strong:
            return None, tuple(earlier or strong)
        if len(weak) == 1:
            return weak[0], ()
        return None, weak

    def _defined_acronyms(self, text, anchors, regions, scale, headline=None):
        """Candidates for acronyms a text defines right after a full mention."""
        defined: dict[str, tuple[str, int]] = {}
        for start, end, eid in sorted(anchors):
            m = _DEFINED_ACRONYM.match(text, end)
            if m is None and text.startswith(_KIND_BEFORE_ACRONYM, end):
                # ``the Law and Justice party (PiS)``: the kind of body, in lower case
                m = _DEFINED_ACRONYM.match(text, text.index(" ", end + 1))
            if m and (m.group(1).replace(".", "").isupper()
                      or _mixed_acronym(m.group(1), text[start:end])
                      or _foreign_acronym(m.group(1))):
                defined.setdefault(m.group(1), (eid, m.start(1)))
        # an acronym in brackets after other words that is one entity's own, inferred from
        # its name: ``the UN Refugee Agency (UNHCR)`` for the United Nations High
        # Commissioner for Refugees
        own: set[str] = set()
        for m in _BRACKETED_ACRONYM.finditer(text):
            acronym = m.group(1)
            if acronym in defined:
                continue
            # ``the Indian Cricket Club (ICC)``: the words before spell it, and it is theirs
            before = re.findall(r"[A-Za-z][\w'-]*", text[max(0, m.start() - 200):m.start()])
            initials = "".join(w[0] for w in before if w[0].isupper())
            if initials.endswith(acronym) or "".join(w[0] for w in before).upper().endswith(acronym):
                continue
            owners = [entries for _b, _a, akey, _f, key, entries, *_ in
                      self._automaton.get(_boundary_key(acronym), ()) if key == acronym]
            if owners and len(owners[0]) == 1 and owners[0][0][1] == SHORT:
                defined[acronym] = (owners[0][0][0], m.start(1))
                own.add(acronym)  # no full mention of the entity is needed
        if not defined:
            return []
        extra = []
        # no word character before an acronym, looked for behind its first letter (a capital):
        # a regex whose alternatives open with a letter is searched for those letters, one
        # that opens with a look-behind is tried at every character (0.08 ms a 4 KB text)
        pattern = re.compile(
            r"(" + "|".join(re.escape(a[0]) + r"(?<!\w" + re.escape(a[0]) + ")" + re.escape(a[1:])
                            for a in sorted(defined, key=len, reverse=True))
            + r")(?![\w])"
        )
        for base, _norm, _points, _shifts in regions:
            # search the original text of the region; acronyms hold no spaces
            region_end = base + len(_norm) + (_shifts[-1] if _shifts else 0)
            for m in pattern.finditer(text, base, region_end):
                eid, at = defined[m.group(1)]
                # after the definition, or in a headline above it (``KEMRI Confirms …``)
                if m.start() >= at or headline is not None and base == headline[0]:
                    entries = ((eid, FULL if m.group(1) in own else SHORT),)
                    start, end = m.span()
                    extra.append(((start - end) * scale + start, start, end, entries, m.group(1),
                                  _info(entries, False)))
        return extra

    def _with_titles(self, text, mentions, regions) -> list[Mention]:
        """Extend person mentions over a capitalized title written right before them.

        *mentions* are ``(start, end, entity id)`` in text order; returns the Mentions."""
        out: list[Mention] = []
        append = out.append
        prev_end = 0
        starts = sorted(base for base, *_ in regions)
        persons = self._persons
        titled: list[tuple[int, str, str]] = []  # (start, office title, entity id)
        for start, end, eid in mentions:
            if eid in persons and start > 0:
                k = bisect_right(starts, start) - 1
                floor = max(prev_end, starts[k] if k >= 0 else 0)
                # ``U.S. Secretary of State John Kerry``: a country's initials before the
                # title are the title's, as when they are no mention
                prefix = out and out[-1].surface in _TITLE_PREFIXES and floor == prev_end
                if prefix:
                    floor = max(out[-1].start, starts[k] if k >= 0 else 0)
                # a title needs a blank right before the name (cleaning keeps blanks blanks)
                # and the last two characters of a title before it (cleaning keeps letters
                # and dots): the test below on the cleaned window only then
                if floor < start and text[start - 1].isspace() and (
                        text[max(floor, start - 3):start - 1] in _TITLE_ENDS
                        or text[start - 1] == "\n"
                        and text[max(floor, start - 4):start - 2] in _TITLE_ENDS):
                    window = _clean(text[max(floor, start - 40):start])
                    # the regex only when the window ends with a title and a blank (``$``
                    # also matches before a final line break)
                    t = ((window[-1:].isspace() and window[:-1].endswith(TITLES)
                          or window[-1:] == "\n" and window[-2:-1].isspace()
                          and window[:-2].endswith(TITLES))
                         and _TITLE_RE.search(window))
                    if t:
                        start -= len(window) - t.start()
                        if prefix and start <= out[-1].start:
                            out.pop()
                        title = _OFFICE.match(window, t.start())
                        if title:
                            titled.append((start, title.group(1), eid))
                            # ``First Minister Humza Yousaf``, ``Culture Minister Rima Abdul
                            # Malak``: capitalized words before the title are the office's
                            # (``the First Minister``, not any minister)
                            office = _OFFICE_WORDS.search(window, 0, t.start())
                            if office and title.start(1) == t.start():
                                words = office.group(1).split()
                                for i in range(len(words)):  # ``Later Culture Minister``
                                    titled.append((start, " ".join(
                                        [*words[i:], title.group(1)]), eid))
                elif text[start:start + 1] in _OFFICE_INITIALS:
                    # a name or alias that starts with a title: ``U.S. President Donald Trump``
                    title = _OFFICE.match(_clean(text[start:end]))
                    if title and title.end() < end - start:
                        titled.append((start, title.group(1), eid))
                # ``John Kerry, the Secretary of State,``: a title in apposition
                if text.startswith(", the ", end):
                    title = _OFFICE.match(_clean(text[end + 6:end + 40]))
                    if title:
                        titled.append((start, title.group(1), eid))
            append(_mention(start, end, eid, text[start:end]))
            prev_end = end
        if titled:
            out = self._title_alone(text, out, titled, regions)
        return out

    @staticmethod
    def _title_alone(text, out, titled, regions) -> list[Mention]:
        """``the President`` after ``President Donald Trump`` (or ``John Kerry, the Secretary
        of State``): an office title alone, after ``the``, is the person last named with it;
        so is the title with the capitalized words written before it there (``the First
        Minister`` after ``First Minister Humza Yousaf``)."""
        # the word boundary before ``the`` is looked for behind its ``t``: a regex that opens
        # with a letter is searched for it, one that opens with ``\b`` is tried at every
        # character
        pattern = re.compile(
            r"[Tt](?<!\w[Tt])he (" + "|".join(re.escape(t) for t in
                                     sorted({t for _, t, _ in titled}, key=len, reverse=True))
            + r")\b(?![-.])(?!\s+(?:of\b|[A-Z]))")
        spans = [(m.start, m.end) for m in out]
        added = []
        for base, norm, _points, shifts in regions:
            region_end = base + len(norm) + (shifts[-1] if shifts else 0)
            for m in pattern.finditer(_clean(text[base:region_end])):
                start, end = base + m.start(1), base + m.end(1)
                owners = [eid for at, title, eid in titled if title == m.group(1) and at < start]
                if not owners:
                    continue
                i = bisect_right(spans, (start, end))
                if (i and spans[i - 1][1] > start) or (i < len(spans) and spans[i][0] < end):
                    continue
                added.append(_mention(start, end, owners[-1], text[start:end]))
        if not added:
            return out
        return sorted(out + added, key=lambda m: m.start)


#: After a capitalized word: the word ends there, but for a possessive (``the Court's``)
#: or a closing quote, and no longer name goes on (``the Court of Appeal``, ``the Church
#: Street``).
#: A capitalized word after ``the`` or ``The`` (its ``t`` tested apart: a regex opening with a
#: literal is searched for that literal, fast), and after ``this``, ``This``.
_THE_WORD = _PATTERNS.compile(r"he ([A-Z][\w-]*)")
_THIS_WORD = _PATTERNS.compile(r"his ([A-Z][\w-]*)")
_THE_HEAD = _PATTERNS.compile(r"(?![\w-])(?!['\u2019](?!s\b)\w)(?! of\b| [A-Z])")

#: After a capitalized word: ``of`` and a name (``Bank of England``), the word the head of
#: another's name.
_OTHER_HEAD = _PATTERNS.compile(r" of (?:the )?[A-Z]")


def _after_the(text: str, start: int, end: int) -> bool:
    """Whether the capitalized word ``text[start:end]`` is written after ``the`` or ``this``
    (in any case) as a word of its own and ends there, no longer name going on
    (:data:`_THE_HEAD`): ``the Court``, not ``Blythe Court`` or ``the Court of Appeal``."""
    lead = text[max(0, start - 6):start - 1].lower()
    if not lead.endswith(("the", "this")) or not _THE_HEAD.match(text, end):
        return False
    k = start - 1 - (3 if lead.endswith("the") else 4)  # the article's first letter
    return not (k > 0 and (text[k - 1].isalnum() or text[k - 1] in "-_"))


def _other_head(text: str, word: str, after: int, before: int, marks: bytearray,
                spans: list[tuple[int, int]]) -> bool:
    """Whether *word* is written between *after* and *before* as the head of a name not in
    the registry (``the Bank of England``, ``a Texas Court``), which ``the Bank`` after it
    may as well mean; not where a name goes on after it (``Church Street``, ``Bank
    Holiday``: no head there), nor inside a registry name's mention (``World Bank``)."""
    i = text.find(" " + word, after, before)
    while i >= 0:
        start = i + 1
        end = start + len(word)
        i = text.find(" " + word, end, before)
        if end < len(text) and text[end].isalnum() or marks.find(1, start, end) >= 0:
            continue  # ``Courtney``; a registry name's own word
        if not any(a <= start and end <= b for a, b in spans):
            continue
        if _after_the(text, start, end):
            continue  # ``the Bank`` itself
        m = _CAP_BEFORE.search(text, max(0, start - 30), start)
        if _OTHER_HEAD.match(text, end) or m and m.group(1) not in ("The", "This") \
                and not _NEXT_NAME.match(text, end):
            return True
    return False

#: Titles of an office (not honorifics: ``Mr.``, ``Sir``), at the start of a string.
_OFFICE = _PATTERNS.compile(
    r"(?:(?:U\.S\.|US|UK|U\.K\.|EU|UN|U\.N\.) )?("
    + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)
               if "." not in t and len(t) > 3 and t not in (
                   "Miss", "Dame", "Lord", "Lady", "Saint", "Father", "Sister"))
    + r")\b(?!\.)")
#: One or two capitalized words right before a title (``First`` of ``First Minister``).
_OFFICE_WORDS = _PATTERNS.compile(r"(?<![\w.'-])((?:[A-Z][a-z]+ ){1,2})$")
_OFFICE_INITIALS = frozenset("UE") | frozenset(t[0] for t in TITLES)
_CAP_AFTER = _PATTERNS.compile(r"(?:'s)? [A-Z]")
_CAP_BEFORE = _PATTERNS.compile(r"(?<![\w.'-])([A-Z][\w'-]*\.?) $")


def _stands_alone(text: str, start: int, end: int, person: bool = False) -> bool:
    """May the word ``text[start:end]`` (a surname, the last word of a name) stand alone for
    its entity here? Not as a word of a longer capitalized name (``Scarne Foundation``,
    ``Instituto Gonzaga``, ``Financial Times``; a title before it is fine: ``President
    Monti``)."""
    if _CAP_AFTER.match(_clean(text[end:end + 4])):
        return False
    before = _clean(text[max(0, start - 30):start])
    m = _CAP_BEFORE.search(before)
    # a title or a function word; before a person's surname, a sentence's opening word
    # (``Meanwhile Dooley said``) or an adjective after an article (``the Israeli Dooley``):
    # no given name (but ``the Morning Tribune`` is a longer name)
    return (not m or m.group(1) in _TITLE_SET or m.group(1).lower() in _FUNCTION_WORDS
            or person and (m.group(1) in OPENING_WORDS
                           or m.group(1).endswith(_NATIONALITY)
                           and _ARTICLE_BEFORE.search(before, 0, m.start(1)) is not None))


#: Endings of adjectives of nationality and place (``Israeli``, ``Japanese``, ``Swedish``,
#: ``American``, ``French``, ``Southern``, ``Arabic``): ``the Anna Dooley case`` is no such.
_NATIONALITY = ("i", "ese", "ish", "an", "ch", "ern", "ic")


class _Occupancy:
    """Which characters of a text are taken: overlap test and marking in C, per span."""

    __slots__ = ("marks",)

    def __init__(self, size: int) -> None:
        self.marks = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        return self.marks.find(1, start, end) < 0

    def add(self, start: int, end: int) -> None:
        self.marks[start:end] = b"\x01" * (end - start)


_PATTERNS.save()  # after the last pattern the import compiles
