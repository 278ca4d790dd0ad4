"""Find likely entities that the registry does not know yet, from how names are written.

Plain Python, no Sphinx, no model, no network. :func:`suggest` reads the
releases' titles, datelines and bodies and proposes registry entries:

1. **Candidates** are runs of capitalized words (``Human Rights Watch``,
   ``University of Helsinki``: ``of``, ``the``, ``de``, ``van``… may join
   them; ``and`` only inside an organization's name), split at possessives
   (``Human Rights First’s Brian Dooley`` is two names), with titles and
   honorifics taken off the front (``President``, ``Dr.``, ``Foreign Minister``).
   A headline written in Title Case proposes nothing by itself.
2. **Sentence starts** are distrusted: a capitalized common word opening a
   sentence (``Yesterday``, ``Officials``) is dropped, and a single capitalized
   word at the start of a sentence counts only when the corpus also writes it
   capitalized in mid-sentence. Months, weekdays, pronouns and the like never
   count, nor do nationality adjectives before a noun (``Chinese officials``).
3. **Variants are grouped**: case, accents, dots and a leading ``the`` are
   ignored (``U.S.`` / ``US``); a surname or a titled short form (``Dooley``,
   ``President Hu``) joins the one person whose full name has that word first
   or last; an acronym joins a name only where the text defines it,
   ``Human Rights Watch (HRW)`` — never by guessing that ``U.N.`` is
   ``United Nations``.
4. **Types** are voted by rules: a title, a role word (``activist Ai Weiwei``)
   or a speech verb (``said Dooley``) votes person; organization words
   (``Ministry``, ``Committee``, ``Party``, ``University``, ``Council``,
   ``Court``…) vote organization; event words (``Dialogue``, ``Summit``,
   ``Games``, ``Election``, ``War``…) and a leading year vote event; place
   words (``River``, ``Province``…), a dateline, ``in X``, ``from X`` and
   ``X-based`` vote place. A two- or three-word name with no other cue reads
   as a person.
5. Names the registry already has (any name or alias, or any span the linker
   links) are left out, and so are names the linker links part of, but a longer
   name starting or ending with one it links (``Kestrel Bay Harbor Police``).
   Candidates are ranked by the number of releases that mention them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from pressroom.lint import name_key
from pressroom.registry import strip_accents
from pressroom.source import (
    ABBREVIATIONS,
    LIST_ITEM_RE,
    NUMBER_ABBREVIATIONS,
    Release,
    slugify,
)

# --------------------------------------------------------------------------- word lists
# General English, not names: what makes a capitalized word a title, an
# organization, an event or a place, and which capitalized words are no names.

TITLES = frozenset("""
President Vice-President Presidents Dr Dr. Mr Mr. Mrs Mrs. Ms Ms. Miss Mx. Prof Prof. Professor
Minister Ministers Senator Sen. Sens. Representative Rep. Reps. Congressman Congresswoman
Governor Gov. Judge Justice King Queen Prince Princess Pope Emperor Empress Sheikh Sheik
Secretary Chancellor Premier Mayor Ambassador Commissioner Chairman Chairwoman Chair Director
Gen. Col. Capt. Lt. Sgt. Maj. Adm. Cpl. Pvt. Colonel Captain Lieutenant Sergeant Major Admiral
Marshal Commander Rev. Reverend Bishop Archbishop Cardinal Father Rabbi Imam Ayatollah Sir Dame
Lady Lord Baron Count Duke Duchess Chief Coach Officer Detective Inspector Agent Deputy
Speaker Spokesman Spokeswoman Spokesperson Leader Dalai Saint St. Mullah Ald. Hon. Honorable
Attorney Councillor Councilman Councilwoman Lawmaker Activist Dissident Artist Author Actor
Actress Singer Biologist Professor Doctor Nurse Editor Publisher Founder CEO Chief
""".split()) - {"Chief"}  # "Chief" also opens organizations' names (Chief Rabbinate)

#: Lowercase words that, right before a name, say it is a person.
ROLE_WORDS = frozenset("""
president minister senator governor judge king queen prince pope secretary chancellor premier
mayor ambassador commissioner chairman chairwoman director general colonel captain lieutenant
sergeant admiral commander bishop archbishop cardinal rabbi imam sheikh spokesman spokeswoman
spokesperson activist activists dissident artist author writer novelist poet journalist reporter
editor publisher photographer lawyer attorney barrister advocate professor researcher scientist
biologist physicist chemist economist historian analyst expert doctor dr surgeon nurse engineer
founder ceo executive manager chief leader candidate lawmaker legislator politician diplomat
envoy official officer detective inspector agent player striker midfielder defender goalkeeper
coach manager actor actress singer musician rapper guitarist drummer composer director producer
filmmaker designer architect comedian host presenter student teacher colleague colleagues
husband wife son daughter father mother brother sister uncle aunt friend cousin widow partner
victim prisoner detainee defendant plaintiff suspect blogger campaigner organizer organiser
founder chairperson vice deputy mr mrs ms miss sir lady lord said says told asked added explained
according
""".split())

#: Verbs of speech: ``X said`` / ``said X`` votes person (organizations also speak, so weakly).
SPEECH = frozenset("""said says told tells added adds explained explains stated states noted notes
asked asks argued argues warned warns urged urges wrote writes recalled recalls concluded
concludes replied replies""".split())

ORG_WORDS = frozenset("""
Ministry Ministries Committee Commission Party Parties University Universities College Council
Court Courts Tribunal Agency Department Association Union Institute Institution Foundation
Organization Organisation Organizations Corporation Company Inc Inc. Ltd Ltd. Corp Corp. LLC Co.
Group Bank Police Army Navy Forces Force Service Services Office Bureau Authority Board Network
League Federation Society Club Church Temple Mosque School Academy Center Centre Watch
International Press News Times Post Herald Tribune Gazette Journal Magazine Radio Television TV
Channel Broadcasting Parliament Senate Congress Assembly Government Administration Cabinet
Team FC Airlines Airways Museum Gallery Hospital Clinic Trust Fund Alliance Coalition Movement
Front Guard Guards Brigade Brigades Legion Project Programme Program Industries Industry Labs
Laboratory Laboratories Studios Records Publishing Publications Media Group Holdings Partners
Consortium Institute Initiative Campaign Secretariat Directorate Embassy Consulate Mission
Commonwealth Caucus Council Chamber Order Brotherhood Sisterhood Fraternity Network Systems
Technologies Motors Electric Energy Oil Gas Railway Railways Rail Council Library Archive
Archives Observatory Reuters Wikinews Wikipedia Foundation Conservancy Police
""".split())

EVENT_WORDS = frozenset("""
Dialogue Dialogues Summit Summits Conference Conferences Games Election Elections War Wars
Festival Festivals Cup Olympics Olympic Paralympics Paralympic Championship Championships
Tournament Revolution Uprising Crisis Massacre Marathon Expo Exposition Fair Forum Talks
Convention Congress Protest Protests Strike Riots Riot Rally Race Grand Prix Series Tour
Awards Ceremony Week Day Year Anniversary Olympiad Derby Bowl Open Invasion Attack Attacks
Bombing Bombings Spring Crackdown Referendum Primary Primaries Caucuses Hearing Trial Session
Meeting Visit Mission Operation Earthquake Hurricane Tsunami Storm Flood Disaster Plague
Pandemic Epidemic Outbreak Assembly Biennale Exhibition Show Concert Party Accords Accord
Treaty Agreement Declaration Plan Act Battle Siege
""".split()) - {"Assembly", "Party", "Congress", "Mission"}

PLACE_WORDS = frozenset("""
City County Province Prefecture State Republic Kingdom Emirates Island Islands Isle River
Mountain Mountains Mount Mt. Lake Valley Street St Avenue Ave. Road Rd. Boulevard Square Park
Bay Sea Ocean Coast Beach Region District Territory Territories Peninsula Strait Gulf Desert
Canyon Bridge Airport Stadium Arena Station Harbour Harbor Port Village Town Borough Hills Hill
Falls Forest Plaza Place Heights Springs Canal Cape Plain Plains Basin Delta Oblast Krai Land
Highlands Lowlands Quarter Camp Base Field Fields Zone Strip Bank Palace Tower Hall Cathedral
Castle Temple Mosque Building Center Centre Crossing Pass Glacier Reef Rock Shore Wall
""".split()) - {"Bank", "Center", "Centre", "Temple", "Mosque", "Hall"}

#: First words of place names: North Korea, New Zealand, Los Angeles, San Francisco.
PLACE_PREFIXES = frozenset("North South East West Northern Southern Eastern Western Central "
                           "Upper Lower Greater New San Santa Los Las El Port Fort Saint St. "
                           "Mount Lake Cape Gulf".split())

PLACE_PREPOSITIONS = frozenset("in from near across throughout outside inside into via "
                               "towards toward within".split())

#: Small words that may join capitalized words inside one name.
CONNECTORS = frozenset("of for the de du des del della di da dos das van von der den ter al "
                       "bin ibn el la le y".split())
#: Connectors allowed only inside an organization's or event's name.
ORG_CONNECTORS = frozenset("and & on at".split())

STOPWORDS = frozenset("""
a an the and or but if of on in at to by for from with as is it its this that these those he
she they we you i me him her them his hers their our your my who whom whose which what when
where why how all any some no not one two three four five six seven eight nine ten first second
third last new old also however but so yet after before during while since until because
although though there here then now today tomorrow yesterday tonight meanwhile moreover
furthermore instead still even just only both each every either neither many much more most
other others such same several few one's his once upon again already additionally finally
lastly overall indeed perhaps maybe yes no okay ok thank thanks please dear hello hi good
mr mrs ms dr image photo video audio source sources update note editor's interview
january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday
sunday mon tue tues wed thu thurs fri sat sun am pm a.m. p.m. bc ad god hey oh ah wow well
yeah sure like let let's we're we've you're they're it's that's there's what's here's
dear sorry welcome congratulations
""".split())
#: Articles of the other languages the parser reads, never a name alone (``« Le tribunal``
#: proposed a place ``Le``); as written, so that ``LA`` (Los Angeles) is still a candidate.
ARTICLES = frozenset("""Le La Les L' El Los Las Lo Il Gli Un Une Una Uno Des Du Der Die Das
Dem Den Ein Eine Os As""".split())

#: Words that, capitalized inside a run, start a new sentence or line rather than continue a name.
_FUNCTION_WORDS = frozenset("""a an the and or but if of on in at to by for from with as is are was
were be it its this that these those he she they we you i his her their our my your who which
what when where why how after before during while since until because although""".split())

#: Suffixes of nationality and language adjectives (``Chinese``, ``American``, ``Iraqi``).
_NATIONALITY_RE = re.compile(r"[a-z](?:ese|ish)$")
DEMONYM_RE = re.compile(r"(?:an|ans|ian|ians|ese|ish|ic|ch|i|ite|ites)$")

_WORD = r"[^\W_](?:[\w]|[-’'&.](?=[^\W_]))*"
TOKEN_RE = re.compile(rf"{_WORD}\.?|\S")
#: A word with a full stop that need not end the sentence: an initial, an acronym, an
#: abbreviation (those that may also end one, ``Inc.``, ``Jr.``, ``etc.``, ``No.``, included).
_ABBREV_RE = re.compile(r"^(?:[A-Z]|(?:[A-Za-z]\.)+[A-Za-z]|"
                        + "|".join((*ABBREVIATIONS, *map(str.capitalize, NUMBER_ABBREVIATIONS),
                                    "Jr", "Sr", "Inc", "Ltd", "Corp", "Co", "etc"))
                        + r")\.$")
_POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’])$")
_YEAR_RE = re.compile(r"^(?:1[5-9]|20)\d\d$")
_ACRONYM_RE = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,7}|(?:[A-Z]\.){2,6})$")
_SENTENCE_END = frozenset(".!?")
_OPENERS = frozenset("\"“‘'([«—–-:;")

TYPES = ("person", "organization", "event", "place")

# --------------------------------------------------------------------------- model

_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class Document:
    """A text to read: its name, its text, the spans to read and where its dateline is."""

    path: str
    text: str
    spans: list[tuple[int, int]]
    dateline: tuple[int, int] | None = None
    #: spans written as a headline (a Title Case line proposes nothing by itself)
    headlines: list[tuple[int, int]] = field(default_factory=list)
    #: spans already linked to registry entities: nothing in them is proposed
    known: list[tuple[int, int]] = field(default_factory=list)
    #: where the release names a speaker in a script without capitals (Arabic, Hebrew):
    #: a person, which no capital shows (:meth:`from_release`)
    speakers: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def from_release(cls, release: Release) -> Document:
        speakers = sorted({(q.speaker_start, q.speaker_end) for q in release.quotes
                           if q.speaker and q.speaker_start is not None
                           and q.speaker_end is not None and _uncased(q.speaker)})
        return cls(
            release.path, release.text, release.linkable_spans(), release.dateline_span,
            release.spans("title"), speakers=speakers,  # type: ignore[arg-type]
        )

    def line_of(self, offset: int) -> int:
        """The line of *offset*, as :func:`~pressroom.source.line_number` counts it, by
        bisection in the text's line breaks, found once (counting from the start for each
        example was quadratic in a long release)."""
        breaks = self.__dict__.get("_breaks")
        if breaks is None:
            breaks = self.__dict__["_breaks"] = [m.start() + 1 for m in _BREAK.finditer(self.text)]
        return bisect_right(breaks, offset) + 1


def _uncased(name: str) -> bool:
    """Is *name* written in a script without capitals (no letter of it has a case)?"""
    return not any(c.isupper() or c.islower() for c in name) and any(c.isalpha() for c in name)


@dataclass
class Occurrence:
    doc: int
    start: int
    end: int
    surface: str
    votes: Counter
    sentence: tuple[int, int]
    single: bool


@dataclass
class Candidate:
    """A proposed registry entry, with the evidence for it."""

    id: str
    type: str
    name: str
    aliases: list[str]
    releases: int
    occurrences: int
    examples: list[tuple[str, int, str]]  # (file, line, sentence)
    votes: dict[str, float]

    def as_dict(self) -> dict:
        return {
            "id": self.id, "type": self.type, "name": self.name, "aliases": self.aliases,
            "releases": self.releases, "occurrences": self.occurrences,
            "examples": [{"file": f, "line": n, "sentence": s} for f, n, s in self.examples],
        }

    def yaml(self) -> str:
        """The proposed entry as YAML ready to paste, evidence in comments."""
        lines = [f"# {self.name}: {self.type}, in {self.releases} release"
                 f"{'s' if self.releases != 1 else ''}"]
        for file, line, sentence in self.examples:
            lines.append(f"#   {file}:{line}: {sentence}")
        lines.append(f"- id: {self.id}")
        lines.append(f"  type: {self.type}")
        lines.append(f"  name: {_yaml_str(self.name)}")
        if self.aliases:
            lines.append("  aliases: [" + ", ".join(_yaml_str(a) for a in self.aliases) + "]")
        lines.append('  description: ""')
        return "\n".join(lines)


def _yaml_str(value: str) -> str:
    import json

    if re.fullmatch(r"[A-Za-z0-9][\w .’'&()-]*", value) and not value.endswith(" ") and \
            value.lower() not in ("yes", "no", "on", "off", "true", "false", "null"):
        return value
    return json.dumps(value, ensure_ascii=False)


# --------------------------------------------------------------------------- reading


@dataclass(slots=True)
class _Token:
    start: int
    end: int  # end of the word itself: no possessive, no sentence-ending dot
    word: str
    possessive: bool
    is_word: bool
    sentence_start: bool
    ends_sentence: bool
    #: separated from the previous token by plain space (no blank line, no punctuation)
    glued: bool

    @property
    def cap(self) -> bool:
        return self.is_word and self.word[:1].isupper()


_GLUE_RE = re.compile(r"[ \t\u00a0]*(?:\r?\n)?[ \t\u00a0]*")


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    out: list[_Token] = []
    at_start = True
    last_end = start
    for m in TOKEN_RE.finditer(text, start, end):
        raw = m.group()
        gap = text[last_end:m.start()]
        # (most gaps are one space)
        glued = gap == " " or (bool(gap) and _GLUE_RE.fullmatch(gap) is not None)
        if "\n" in gap:
            # a hard-wrapped paragraph goes on; a heading, a caption, a list item or a
            # blank line ends what was before
            line_start = text.rfind("\n", 0, last_end) + 1
            # (an item of a list opens a sentence: ``- Release the lawyers``)
            if not (glued and last_end - line_start >= 50) or LIST_ITEM_RE.match(text, m.start()):
                glued = False
                at_start = True
        last_end = m.end()
        is_word = raw[0].isalnum()
        if not is_word:
            ends = raw in _SENTENCE_END
            out.append(_Token(m.start(), m.end(), raw, False, False, at_start, ends, glued))
            if ends:
                at_start = True
            continue
        word, ends = raw, False
        if word.endswith(".") and not _ABBREV_RE.match(word):
            word, ends = word[:-1], True
        possessive = bool(_POSSESSIVE_RE.search(word)) and len(word) > 3
        if possessive:
            word = word[:-2] if word[-2] in "’'" else word[:-1]
        out.append(_Token(m.start(), m.start() + len(word), word, possessive, True, at_start,
                          ends, glued))
        at_start = ends
    return out


def _is_headline(tokens: list[_Token]) -> bool:
    """Is this title written in Title Case (most words of four letters or more
    capitalized, two at least: ``Dialogue Not Enough``)? Its capitals then say nothing."""
    words = [t for t in tokens if t.is_word and len(t.word) >= 4]
    return len(words) >= 2 and sum(t.cap for t in words) / len(words) > 0.6


def _type_words(words: Sequence[str]) -> Counter:
    votes: Counter = Counter()
    if any(w in ORG_WORDS for w in words):
        votes["organization"] += 3
    if any(w in EVENT_WORDS for w in words[1:] or words):
        votes["event"] += 3.5 if words[-1] in EVENT_WORDS else 2
    if any(w in PLACE_WORDS for w in words[1:]):
        votes["place"] += 3
    if _YEAR_RE.match(words[0]):
        votes["event"] += 2
    return votes


class _Reader:
    """First pass: what the corpus writes in lowercase and what it capitalizes mid-sentence."""

    def __init__(self, docs: Sequence[Document]) -> None:
        self.docs = docs
        self.lower: Counter = Counter()
        self.mid_caps: Counter = Counter()
        #: per document, the spans whose capitals are read (not a Title Case headline's);
        #: their tokens are not kept but made again when they are read (kept, the tokens
        #: of 10,000 releases took 1.4 GB)
        self.spans: list[list[tuple[int, int]]] = []
        for doc in docs:
            per_doc = []
            for a, b in sorted(doc.spans):
                toks = _tokens(doc.text, a, b)
                headline = any(ha <= a and b <= hb for ha, hb in doc.headlines) and \
                    _is_headline(toks)
                if headline:
                    continue
                per_doc.append((a, b))
                for t in toks:
                    if not t.is_word:
                        continue
                    if t.word.islower():
                        self.lower[t.word] += 1
                    elif t.cap and not t.sentence_start:
                        self.mid_caps[t.word] += 1
            self.spans.append(per_doc)

    def common(self, word: str) -> bool:
        """A word the corpus writes in lowercase more often than capitalized mid-sentence."""
        low = word.lower()
        if low in STOPWORDS or low.rstrip(".") in STOPWORDS:
            return True
        return self.lower[low] > self.mid_caps[word]


def _name_shaped(words: Sequence[str]) -> bool:
    """Two or three plain capitalized words and no organization, event or place word."""
    return 2 <= len(words) <= 3 and all(
        w[:1].isupper() and w[1:].replace("-", "").isalpha() and not w.isupper()
        and w not in ORG_WORDS and w not in EVENT_WORDS and w not in PLACE_WORDS
        and w not in PLACE_PREFIXES and w.lower() not in STOPWORDS
        for w in words
    )


def _sequences(tokens: list[_Token]) -> Iterable[tuple[int, int]]:
    """(first, last+1) token indexes of runs of capitalized words."""
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        starts_year = (t.is_word and _YEAR_RE.match(t.word) and i + 1 < n and tokens[i + 1].cap
                       and not t.possessive)
        if not (t.cap or starts_year):
            i += 1
            continue
        j = i + 1
        while j < n and not tokens[j - 1].possessive and not tokens[j - 1].ends_sentence:
            nxt = tokens[j]
            if nxt.cap and nxt.glued and nxt.word.lower() not in _FUNCTION_WORDS:
                j += 1
                continue
            # a connector joins two capitalized words: University of Helsinki
            k = j
            while k < n and tokens[k].is_word and (tokens[k].word in CONNECTORS or
                                                   tokens[k].word in ORG_CONNECTORS) \
                    and not tokens[k].possessive and tokens[k].glued:
                k += 1
            if k > j and k < n and tokens[k].cap and tokens[k].glued:
                joined = [tokens[x].word for x in range(j, k)]
                head = [tokens[x].word for x in range(i, j)]
                if any(w in ORG_CONNECTORS for w in joined):
                    # Ministry of Science and Technology; not: Civic Party and Wong Pik-wan
                    if not (head[0] in ORG_WORDS and "of" in head):
                        break
                if _name_shaped(head):
                    break  # Claudia Mo of the Civic Party: a person, then an organization
                if len(joined) > 2:
                    break
                j = k + 1
                continue
            if nxt.word in ("&",) and j + 1 < n and tokens[j + 1].cap:
                j += 2
                continue
            break
        yield i, j
        i = j


class _Collector:
    def __init__(self, docs: Sequence[Document]) -> None:
        self.docs = docs
        self.reader = _Reader(docs)
        self.occurrences: list[Occurrence] = []
        #: acronym key -> name key, where a text defines it
        self.defined: dict[str, Counter] = defaultdict(Counter)
        #: the sentences of the token list last asked about (see :meth:`_sentence`)
        self._bounds: tuple[list, list[int], list[int]] | None = None

    def run(self) -> None:
        for d, doc in enumerate(self.docs):
            # the registry's mentions, sorted, with the furthest end so far: whether a
            # candidate overlaps one is a bisection (a scan of all of them was quadratic in
            # a long release: 29 s for one of 600 KB)
            spans = sorted(doc.known)
            known = ([a for a, _ in spans], list(accumulate((b for _, b in spans), max)), spans)
            for a, b in self.reader.spans[d]:
                toks = _tokens(doc.text, a, b)
                for i, j in _sequences(toks):
                    self._candidate(d, doc, toks, i, j, known)
            for a, b in doc.speakers:
                self._speaker(d, doc, a, b, known)

    def _speaker(self, d, doc, start, end, known) -> None:
        """A speaker named in a script without capitals (``قالت منى سعيد``), which the
        capitals' reading cannot find: a person, unless the registry has the name there."""
        starts, furthest, _spans = known
        k = bisect_left(starts, end)
        if k and furthest[k - 1] > start:
            return
        if not any(a <= start and end <= b for a, b in self.reader.spans[d]):
            return
        text = doc.text
        a = max(text.rfind(c, 0, start) for c in ".!?؟\n") + 1
        ends = [i for i in (text.find(c, end) for c in ".!?؟\n") if i >= 0]
        b = min(ends) + 1 if ends else len(text)
        while a < start and text[a].isspace():
            a += 1
        surface = " ".join(text[start:end].split())
        self.occurrences.append(Occurrence(d, start, end, surface, Counter(person=4), (a, b),
                                           len(surface.split()) == 1))

    def _candidate(self, d, doc, toks, i, j, known) -> None:
        votes: Counter = Counter()
        words = [t.word for t in toks[i:j]]
        # sentence starts: drop a capitalized common word opening the sentence
        while i < j and toks[i].sentence_start and (
            self.reader.common(toks[i].word) or toks[i].word in ("The", "A", "An")
        ):
            i += 1
            while i < j and toks[i].word in CONNECTORS:
                i += 1
        while i < j and toks[i].word in ("The", "the"):
            i += 1
        while j > i and (toks[j - 1].word in CONNECTORS or toks[j - 1].word in ORG_CONNECTORS):
            j -= 1
        if i >= j:
            return
        words = [t.word for t in toks[i:j]]
        # titles and honorifics off the front: Afghan Ambassador Hamdullah Mohib
        last_title = max((k for k in range(len(words) - 1) if words[k] in TITLES), default=-1)
        if last_title >= 0:
            rest = words[last_title + 1:]
            if rest and rest[0][:1].isupper() and not _type_words(rest) \
                    and not (set(rest) & (ORG_WORDS | EVENT_WORDS | PLACE_WORDS)):
                i += last_title + 1
                words = rest
                votes["person"] += 4
        if all(w in TITLES or w.lower() in ROLE_WORDS or w in CONNECTORS for w in words):
            return  # Prime Minister, Secretary of State: a title, not a name
        first, last = toks[i], toks[j - 1]
        start, end = first.start, last.end
        starts, furthest, spans = known
        k = bisect_left(starts, end)  # the mentions starting before the candidate ends
        if k and furthest[k - 1] > start:
            # a longer name that starts or ends with one the registry has (``Kestrel Bay
            # Harbor Police``, ``Eastmere Container Terminal``) is a name of its own; any
            # other overlap with a mention (inside it, across it, two in it) is not
            overlapping = []
            n = k - 1
            while n >= 0 and furthest[n] > start:
                if spans[n][1] > start:
                    overlapping.append(spans[n])
                n -= 1
            if len(words) == 1 or len(overlapping) != 1:
                return
            a, b = overlapping[0]
            if not (start <= a and b <= end and (a, b) != (start, end)
                    and (a == start or b == end)):
                return
            # and what it adds is a word of a name, not a day or a little word (``Jane Roe
            # Monday``, a registered name in a run of capitals)
            if all(t.word.lower() in STOPWORDS for t in toks[i:j] if t.start >= b or t.end <= a):
                return
        single = len(words) == 1
        word = words[0]
        if single:
            if len(word) < 2 or word.lower() in STOPWORDS or word.lower().rstrip(".") in STOPWORDS \
                    or word in ARTICLES:
                return
            if _YEAR_RE.match(word) or word.isdigit():
                return
            if first.sentence_start and not self.reader.mid_caps[word]:
                return  # a capitalized word only ever seen opening a sentence
            if not word.isupper() and self.reader.common(word):
                return
            nxt = toks[j] if j < len(toks) else None
            if nxt is not None and nxt.is_word and nxt.word.islower() and \
                    DEMONYM_RE.search(word) and not first.possessive \
                    and nxt.word not in SPEECH and word[1:].islower():
                return  # Chinese officials, American journalist
            if word.endswith("-based") or _NATIONALITY_RE.search(word):
                return
            if re.match(r"^[A-Z][a-z]?['’]", word) and word.split("’")[0].split("'")[0].lower() \
                    in STOPWORDS | {"i"}:
                return  # I'm, I've, It's
        # what the context says; what the words say is weighed per group (_Group.prior)
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[j] if j < len(toks) else None
        prev_word = prev.word.lower() if prev is not None and prev.is_word else ""
        if prev_word in ROLE_WORDS and prev is not None and not prev.cap:
            votes["person"] += 3 if prev_word not in SPEECH else 1.5
        if nxt is not None and nxt.is_word and nxt.word in SPEECH:
            votes["person"] += 1.5
        if prev_word in PLACE_PREPOSITIONS and prev is not None and prev.end == start - 1:
            votes["place"] += 1.5
        elif prev_word == "the" and i >= 2 and toks[i - 2].word.lower() in PLACE_PREPOSITIONS:
            votes["place"] += 0.7  # in the United States (but also: in the Ministry)
        if prev_word == "at":
            votes["place"] += 0.5
        if nxt is not None and not nxt.is_word and nxt.word == "," and j + 1 < len(toks) and \
                toks[j + 1].cap and prev_word in PLACE_PREPOSITIONS:
            votes["place"] += 1  # in Sochi, Russia
        if doc.dateline and doc.dateline[0] <= start < doc.dateline[1]:
            votes["place"] += 4
        after = doc.text[end:end + 7]
        if after.startswith(("-based", "–based")):
            votes["place"] += 3
        sentence = self._sentence(toks, i, j)
        surface = " ".join(doc.text[start:end].split())
        self.occurrences.append(Occurrence(d, start, end, surface, votes, sentence, single))
        # an acronym defined right after the name: Human Rights Watch (HRW)
        m = re.match(r"\s*\(\s*([A-Z][A-Za-z0-9&.]{1,9})\s*\)", doc.text[end:end + 16])
        if m and not single and _acronym_fits(m.group(1), words):
            self.defined[name_key(m.group(1))][name_key(surface)] += 1
            a = end + m.start(1)
            self.occurrences.append(Occurrence(d, a, a + len(m.group(1)), m.group(1),
                                               Counter(votes), sentence, True))

    def _sentence(self, toks, i, j) -> tuple[int, int]:
        """Where the sentence holding ``toks[i:j]`` starts and ends in the text. The
        sentences of a list of tokens are found once (a walk from each candidate to its
        sentence's ends made a release of one long sentence quadratic: 24 s for a list of
        6,000 signatories)."""
        bounds = self._bounds
        if bounds is None or bounds[0] is not toks:
            n = len(toks)
            starts = [0] * n  # the first token of the sentence of each token
            a = 0
            for k in range(n):
                if toks[k].sentence_start:
                    a = k
                starts[k] = a
            ends = [n] * (n + 1)  # for each end j, the first b >= j ending a sentence
            b = n
            for k in range(n, 0, -1):
                if toks[k - 1].ends_sentence:
                    b = k
                ends[k] = b
            bounds = self._bounds = (toks, starts, ends)
        _toks, starts, ends = bounds
        return toks[starts[i]].start, toks[min(ends[j], len(toks)) - 1].end


def _acronym_fits(acronym: str, words: Sequence[str]) -> bool:
    letters = [c for c in acronym if c.isalpha()]
    initials = [w[0].upper() for w in words if w[:1].isupper()]
    if len(letters) < 2:
        return False
    it = iter("".join(w.upper() for w in words))
    if initials[:1] != letters[:1]:
        return False
    # every letter in order among the name's letters, most of them initials
    return all(ch.upper() in it for ch in letters) and \
        sum(ch.upper() in initials for ch in letters) >= max(2, len(letters) - 1)


# --------------------------------------------------------------------------- grouping


def _person_shaped(words: Sequence[str], reader: _Reader) -> bool:
    """Two to four capitalized words that look like a personal name, none a common word."""
    if not 2 <= len(words) <= 4:
        return False
    for w in words:
        bare = w.rstrip(".")
        if len(bare) == 1 and bare.isupper():
            continue  # an initial
        if not (w[:1].isupper() and (w[1:].replace("-", "").replace("’", "").replace("'", "")
                                     .isalpha()) and not w.isupper()):
            return False
        if w.lower() in STOPWORDS or reader.lower[w.lower()] > 0:
            return False  # Free Culture, Pacific Standard: made of everyday words
    return True


def prior(words: Sequence[str], reader: _Reader) -> Counter:
    """What a name's own words say about its type."""
    votes = _type_words(words)
    if len(words) >= 2 and words[0] in PLACE_PREFIXES:
        votes["place"] += 2
    if votes:
        return votes
    if len(words) == 1:
        if _ACRONYM_RE.match(words[0]):
            votes["organization"] += 1
            votes["place"] += 0.3
        else:
            votes["place"] += 0.6
            votes["organization"] += 0.4
    elif _person_shaped(words, reader):
        votes["person"] += 1.5
    else:
        votes["organization"] += 0.5
    return votes


@dataclass
class _Group:
    key: str
    prior: Counter
    occurrences: list[Occurrence] = field(default_factory=list)
    own: list[Occurrence] = field(default_factory=list)
    context: Counter = field(default_factory=Counter)
    merged_into: str | None = None

    def add(self, occ: Occurrence, own: bool = True) -> None:
        self.occurrences.append(occ)
        if own:
            self.own.append(occ)
        self.context.update(occ.votes)

    @property
    def docs(self) -> set[int]:
        return {o.doc for o in self.occurrences}

    @property
    def votes(self) -> dict[str, float]:
        n = max(len(self.occurrences), 1)
        return {t: self.prior[t] + 2 * self.context[t] / n + 0.5 * min(self.context[t], 4)
                for t in TYPES}

    @property
    def type(self) -> str:
        votes = self.votes
        best = max(TYPES, key=lambda t: (votes[t], t == "person"))
        return best if votes[best] > 0 else "organization"

    @property
    def words(self) -> list[str]:
        return self.key.split()

    def name(self) -> str:
        surfaces = Counter(o.surface for o in (self.own or self.occurrences))
        # the form written most often; ties: the longest (full stops kept: U.S.)
        return max(surfaces, key=lambda s: (surfaces[s], len(s), s))


def group(collector: _Collector) -> list[_Group]:
    groups: dict[str, _Group] = {}
    for occ in collector.occurrences:
        key = name_key(occ.surface)
        if not key:
            continue
        if key not in groups:
            words = occ.surface.replace("’s", "").split()
            groups[key] = _Group(key, prior(words, collector.reader))
        groups[key].add(occ)

    def root(g: _Group) -> _Group:
        while g.merged_into:
            g = groups[g.merged_into]
        return g

    def merge(small: _Group, big: _Group) -> None:
        big = root(big)
        if small is big:
            return
        small.merged_into = big.key
        for occ in small.occurrences:
            big.add(occ, own=False)

    # acronyms defined in some text join the name they stand for
    for acro, names in collector.defined.items():
        if acro in groups and names:
            target, _ = names.most_common(1)[0]
            if target in groups and target != acro:
                merge(groups[acro], groups[target])

    # short forms of a person: a single word that is the first or last word of one
    # multi-word person name, preferring names in the same release
    persons = [g for g in groups.values() if len(g.words) >= 2 and g.type == "person"
               and not g.merged_into]
    by_word: dict[str, list[_Group]] = defaultdict(list)
    for g in persons:
        for w in {g.words[0], g.words[-1]}:
            by_word[w].append(g)
    for g in list(groups.values()):
        if len(g.words) != 1 or g.merged_into:
            continue
        owners = by_word.get(g.key, [])
        if not owners:
            continue
        if g.context["place"] > g.context["person"]:
            continue  # in Paris: a place, not Valeska Paris's surname
        local = [o for o in owners if o.docs & g.docs]
        pick = local if local else owners
        if len(pick) == 1:
            merge(g, pick[0])
        else:
            g.merged_into = "?"  # an ambiguous short form: no entity of its own
    return [g for g in groups.values() if not g.merged_into]


# --------------------------------------------------------------------------- public


def suggest(
    docs: Sequence[Document],
    known_names: Iterable[str] = (),
    *,
    min_count: int = 1,
    types: Iterable[str] | None = None,
    examples: int = 2,
) -> list[Candidate]:
    """Candidates in *docs* whose names are not among *known_names*, most releases first."""
    known = {name_key(n) for n in known_names}
    known |= {name_key(strip_accents(n)) for n in known_names}
    collector = _Collector(docs)
    collector.run()
    wanted = set(types) if types else None
    out: list[Candidate] = []
    sentences: dict[tuple[int, int, int], str] = {}  # (document, start, end) -> as shown
    for g in group(collector):
        variants = {name_key(o.surface) for o in g.occurrences}
        if variants & known:
            continue
        type_ = g.type
        if wanted and type_ not in wanted:
            continue
        n_docs = len(g.docs)
        if n_docs < min_count:
            continue
        name = g.name()
        aliases = sorted({o.surface for o in g.occurrences
                          if o.surface != name and name_key(o.surface) != name_key(name)})
        aliases += sorted({o.surface for o in g.occurrences
                           if o.surface != name and name_key(o.surface) == name_key(name)
                           and o.surface not in aliases})
        shown: list[tuple[str, int, str]] = []
        seen_docs: set[int] = set()
        for occ in sorted(g.occurrences, key=lambda o: (o.doc, o.start)):
            if occ.doc in seen_docs:
                continue
            seen_docs.add(occ.doc)
            doc = docs[occ.doc]
            a, b = occ.sentence
            sentence = sentences.get((occ.doc, a, b))
            if sentence is None:  # once for every candidate of a sentence
                sentence = sentences[occ.doc, a, b] = " ".join(doc.text[a:b].split())
            if len(sentence) > 160:
                mid = (occ.start - a)
                lo = max(0, mid - 70)
                sentence = ("…" if lo else "") + " ".join(doc.text[a + lo:a + lo + 150].split()) \
                    + "…"
            shown.append((doc.path, doc.line_of(occ.start), sentence))
            if len(shown) >= examples:
                break
        out.append(Candidate(
            id=slugify(name, max_words=10), type=type_, name=name, aliases=aliases,
            releases=n_docs, occurrences=len(g.occurrences), examples=shown,
            votes={t: round(float(v), 2) for t, v in g.votes.items() if v},
        ))
    out.sort(key=lambda c: (-c.releases, -c.occurrences, c.name))
    # distinct ids
    used: Counter = Counter()
    for c in out:
        used[c.id] += 1
        if used[c.id] > 1:
            c.id = f"{c.id}-{used[c.id]}"
    return out
