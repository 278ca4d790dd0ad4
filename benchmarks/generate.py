"""Generate a synthetic Pressroom corpus for the benchmark, deterministically.

The corpus has the shape of the seed release and of the registry in
``corpus/``: N releases of about 600 words (title line, blank line,
``City, ST – `` dateline and body with ``“…,” said X`` quotes, a
``Published on Month D, YYYY`` line and the publisher's footer) under
``corpus/releases/<publisher>/<year>/<date>-<slug>.txt``, and a registry of M
people, organizations, events and places in ``corpus/entities/*.yaml``.

Names are built from syllables and small word lists (nothing is copied from
real data), every name and alias is unique, and each release mentions about
ten distinct entities drawn with a Zipf-like skew: a few entities appear in
most releases, most entities in a few.

Everything comes from one seeded :class:`random.Random`, so the same
arguments give byte-identical files. The generator also returns (and
:func:`write_corpus` stores as ``manifest.json``) every mention it wrote, with
character offsets, which the plain-Sphinx baseline turns into ``:term:`` roles.

No Sphinx here: this module only needs :mod:`pressroom.source` (for ``slugify``)
and :mod:`pressroom.registry` (for the list of common words to avoid).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
import random
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pressroom.registry import COMMON_WORDS
from pressroom.source import slugify

# --------------------------------------------------------------------------- word lists

_ONSETS = ("b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
           "br", "dr", "kr", "tr", "st", "sh", "ch", "gr", "pl", "vl", "j", "y", "w", "")
_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "o", "ai", "ei", "ou", "ia", "io")
_CODAS = ("", "", "", "", "n", "r", "s", "l", "m", "k", "nd", "rt", "sk", "v")

_TOPICS = (
    "Press Freedom", "Refugee Protection", "Human Rights", "Water Access", "Labor Standards",
    "Civic Space", "Judicial Reform", "Digital Rights", "Land Rights", "Migrant Workers",
    "Public Health", "Fair Elections", "Prison Conditions", "Housing Justice", "Open Government",
    "Child Welfare", "Climate Justice", "Indigenous Rights", "Food Security", "Free Expression",
)
_ORG_SUFFIXES = ("Foundation", "Institute", "Alliance", "Network", "Council", "Watch",
                 "Coalition", "Trust", "Society", "League", "Forum", "Union")
_EVENT_KINDS = ("Summit", "Conference", "Dialogue", "Talks", "Forum", "Hearing", "Congress",
                "Assembly", "Tribunal", "Accords")
_PLACE_KINDS = (("city", 6), ("region", 2), ("country", 1))
_REGION_CODES = ("KT", "VL", "MR", "ST", "DR", "NB", "PX", "QL", "ZR", "TN")

_SUBJECTS = (
    "The group", "Advocates", "Lawyers", "Journalists", "Community leaders", "Observers",
    "Local monitors", "Rights defenders", "The coalition", "Researchers", "Independent experts",
    "Humanitarian workers", "Families of the detained", "Several delegations",
)
_VERBS = (
    "urged", "called on", "warned", "noted", "reported", "documented", "criticized",
    "welcomed", "questioned", "pressed", "asked", "reminded",
)
_OBJECTS = (
    "the authorities", "officials", "the government", "donor countries", "the courts",
    "the ministry", "regional bodies", "the security forces", "lawmakers", "the delegation",
)
_ACTIONS = (
    "to release those held without charge", "to end arbitrary detention",
    "to protect peaceful protesters", "to publish the findings of the inquiry",
    "to restore access for independent monitors", "to repeal the emergency decree",
    "to guarantee fair trials", "to investigate reports of torture",
    "to allow journalists to work freely", "to consult affected communities",
    "to fund legal aid for asylum seekers", "to halt forced evictions",
)
_CLAUSES = (
    "as pressure mounts ahead of the next round of talks",
    "in the face of a deteriorating situation on the ground",
    "after months of delays and broken promises",
    "despite repeated assurances from senior officials",
    "while hundreds remain in detention without access to lawyers",
    "as the number of displaced families continues to grow",
    "following a wave of arrests earlier this year",
    "before the new law takes effect next month",
)
_FACTS = (
    "Since the start of the year, dozens of activists have been arrested and more than {n} "
    "have faced travel bans, house arrest or other restrictions.",
    "According to figures collected by local monitors, at least {n} people were detained "
    "during the protests, many of them students.",
    "The report, based on {n} interviews, documents a pattern of intimidation against "
    "lawyers who take on sensitive cases.",
    "More than {n} families have lost their homes since the demolitions began, and few have "
    "received any compensation.",
    "Court records show that {n} cases were heard behind closed doors last year, up sharply "
    "from the year before.",
    "The budget for legal aid was cut by {n} percent, leaving many defendants without counsel.",
)
_QUOTE_SENTENCES = (
    "The current approach is not working, and everyone on the ground can see it",
    "We cannot accept promises that are broken as soon as the cameras leave",
    "It is time to make a clean break with quiet diplomacy that has produced nothing",
    "These are people whose only crime was to speak out",
    "The authorities must show that the law applies to everyone, including themselves",
    "Our partners tell us that the situation is worse now than at any time in a decade",
    "Real progress means ending arbitrary detention, not announcing another review",
    "Every delay costs lives and leaves families without answers",
    "The international community has the tools to act and should use them",
    "Nobody should be punished for defending the rights of others",
)
_TITLE_PATTERNS = (
    "{org} Urges Action on {topic} Ahead of {event}",
    "{event} Not Enough to Address Mounting {topic} Concerns",
    "{org} Calls for Release of Detained Activists in {place}",
    "New Report Documents {topic} Abuses in {place}",
    "{org} Welcomes Court Ruling on {topic}",
    "Concerns Grow Over {topic} as {event} Opens",
)
_SAY_AFTER = ("said", "added", "noted", "warned", "concluded", "stressed")
_PUBLISHERS = (
    ("civic-rights-league", "Civic Rights League", "Need legal help?"),
    ("open-press-alliance", "Open Press Alliance", "Support independent reporting"),
    ("harbor-justice-network", "Harbor Justice Network", "Stay informed"),
)
_FOOTERS = {
    "civic-rights-league": "Need legal help?\n\nIf you cannot afford an attorney and need "
    "help with a claim for protection, our volunteer lawyers may be able to help.",
    "open-press-alliance": "Support independent reporting\n\nOpen Press Alliance is funded "
    "by readers. Subscribe to our newsletter for weekly updates.",
    "harbor-justice-network": "Stay informed\n\nSign up for alerts about our work, events and "
    "new publications.",
}
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")

#: Filler vocabulary: a generated name must not be one of these words.
_FILLER_WORDS = frozenset(
    w.lower().strip(".,;:“”’")
    for text in (*_SUBJECTS, *_VERBS, *_OBJECTS, *_ACTIONS, *_CLAUSES, *_FACTS,
                 *_QUOTE_SENTENCES, *_TITLE_PATTERNS, *_TOPICS, *_ORG_SUFFIXES, *_EVENT_KINDS)
    for w in text.split()
)


# --------------------------------------------------------------------------- model


@dataclass
class SynthEntity:
    """A registry entry as the generator makes it (written out as YAML)."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    description: str = ""
    #: The form used after a full mention (a surname), or ``None``.
    short: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class SynthRelease:
    """A generated release and the mentions written into it."""

    path: str  # relative to the releases folder: <publisher>/<year>/<date>-<slug>.txt
    publisher: str
    date: str
    title: str
    text: str
    #: ``(start, end, entity id)`` character offsets into :attr:`text` (body mentions only).
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    #: Where the body ends: an edit that adds a sentence inserts it here.
    body_end: int = 0


@dataclass
class Corpus:
    entities: list[SynthEntity]
    releases: list[SynthRelease]
    publishers: list[tuple[str, str, str]]


# --------------------------------------------------------------------------- names


class _Names:
    """Syllable names, each surface used once across the whole registry."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def word(self, min_syll: int = 2, max_syll: int = 3) -> str:
        rng = self.rng
        while True:
            n = rng.randint(min_syll, max_syll)
            parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(n)]
            parts[-1] += rng.choice(_CODAS)
            w = "".join(parts)
            low = w.lower()
            if 4 <= len(w) <= 11 and low not in COMMON_WORDS and low not in _FILLER_WORDS:
                return w.capitalize()

    def claim(self, *surfaces: str) -> bool:
        """Reserve *surfaces* if none is taken yet (case-insensitively)."""
        keys = [s.lower() for s in surfaces]
        if any(k in self.used for k in keys) or len(set(keys)) < len(keys):
            return False
        self.used.update(keys)
        return True


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def make_entities(m: int, rng: random.Random) -> list[SynthEntity]:
    """*m* entities: 45% people, 25% organizations, 10% events, 20% places."""
    names = _Names(rng)
    counts = {"place": max(2, m * 20 // 100), "organization": max(1, m * 25 // 100),
              "event": max(1, m * 10 // 100)}
    counts["person"] = max(1, m - sum(counts.values()))
    out: list[SynthEntity] = []
    places: list[SynthEntity] = []
    kinds = [k for k, w in _PLACE_KINDS for _ in range(w)]
    n = 0
    while len(places) < counts["place"]:
        kind = rng.choice(kinds)
        base = names.word(2, 3)
        if kind == "country":
            name, aliases = f"Republic of {base}", [base]
        elif kind == "region":
            name, aliases = f"{base} Province", []
        else:
            name, aliases = base, []
        if not names.claim(name, *aliases):
            continue
        n += 1
        code = rng.choice(_REGION_CODES)
        places.append(SynthEntity(
            f"place-{n:06d}", "place", name, aliases,
            f"A {kind} in the synthetic benchmark world.", extra={"kind": kind, "code": code}))
    out.extend(places)
    cities = [p for p in places if p.extra["kind"] == "city"] or places

    orgs: list[SynthEntity] = []
    n = 0
    while len(orgs) < counts["organization"]:
        pattern = rng.randrange(4)
        word = names.word(2, 3)
        suffix = rng.choice(_ORG_SUFFIXES)
        topic = rng.choice(_TOPICS)
        if pattern == 0:
            name = f"{word} {suffix}"
        elif pattern == 1:
            name = f"{word} {topic} {suffix}"
        elif pattern == 2:
            name = f"{suffix} for {topic} in {rng.choice(places).name.split(' of ')[-1]}"
            name = f"{word} {name}"
        else:
            name = f"{word} {topic} Watch"
        aliases = []
        acro = _acronym(name)
        if len(acro) >= 3 and rng.random() < 0.5:
            aliases.append(acro)
        if not names.claim(name, *aliases):
            if aliases and names.claim(name):
                aliases = []
            else:
                continue
        n += 1
        country = rng.choice(places)
        orgs.append(SynthEntity(
            f"org-{n:06d}", "organization", name, aliases,
            f"A {topic.lower()} organization in the synthetic benchmark world.",
            extra={"kind": "non-governmental organization", "country": country.id}))
    out.extend(orgs)

    events: list[SynthEntity] = []
    n = 0
    while len(events) < counts["event"]:
        kind = rng.choice(_EVENT_KINDS)
        place = rng.choice(cities)
        year = rng.randint(2010, 2024)
        topic = rng.choice(_TOPICS)
        word = names.word(2, 2)
        name = f"{year} {word} {kind} on {topic}"
        aliases = [f"{word} {kind}"]
        if not names.claim(name, *aliases):
            continue
        n += 1
        start = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        events.append(SynthEntity(
            f"event-{n:06d}", "event", name, aliases,
            f"A {kind.lower()} on {topic.lower()} held in {place.name}.",
            extra={"start": start.isoformat(), "place": place.id}))
    out.extend(events)

    people: list[SynthEntity] = []
    n = 0
    while len(people) < counts["person"]:
        given, surname = names.word(2, 2), names.word(2, 3)
        name = f"{given} {surname}"
        aliases: list[str] = []
        if rng.random() < 0.15:
            name = f"{given} {rng.choice('ABCDEFGHJKLMNPRSTVW')}. {surname}"
            aliases.append(f"{given} {surname}")
        if rng.random() < 0.2:
            aliases.append(f"{names.word(1, 1)} {surname}")
        # the surname may be shared with another person; the full names are not
        if not names.claim(name, *aliases):
            continue
        n += 1
        org = rng.choice(orgs)
        people.append(SynthEntity(
            f"person-{n:06d}", "person", name, aliases,
            f"Spokesperson of {org.name}.", short=surname,
            extra={"affiliation": org.id}))
    out.extend(people)
    return out


def write_registry(entities: list[SynthEntity], folder: Path) -> None:
    """One YAML file per type, in the registry's schema (JSON strings are YAML scalars)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {"person": "people.yaml", "organization": "organizations.yaml",
             "event": "events.yaml", "place": "places.yaml"}
    chunks: dict[str, list[str]] = {t: [f"# Synthetic {t} entries for the benchmark.\n"]
                                    for t in files}
    q = json.dumps
    for e in entities:
        lines = [f"- id: {e.id}", f"  type: {e.type}", f"  name: {q(e.name)}"]
        if e.aliases:
            lines.append("  aliases: [" + ", ".join(q(a) for a in e.aliases) + "]")
        lines.append(f"  description: {q(e.description)}")
        for key in ("kind", "country", "affiliation", "start", "place"):
            if key in e.extra:
                lines.append(f"  {key}: {q(e.extra[key])}" if key != "start"
                             else f"  start: {e.extra[key]}")
        chunks[e.type].append("\n".join(lines) + "\n\n")
    for t, name in files.items():
        (folder / name).write_text("".join(chunks[t]), encoding="utf-8")


# --------------------------------------------------------------------------- releases


class _Zipf:
    """Draw indexes ``0..n-1`` with probability proportional to ``1 / (rank + 1) ** s``."""

    def __init__(self, n: int, s: float, rng: random.Random) -> None:
        self.rng = rng
        self.cum = list(itertools.accumulate(1.0 / (i + 1) ** s for i in range(n)))

    def draw(self) -> int:
        return bisect.bisect_left(self.cum, self.rng.random() * self.cum[-1])


class _Writer:
    """Builds a text piece by piece, recording where each mention lands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.mentions: list[tuple[int, int, str]] = []
        self.words = 0

    def emit(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)
        self.words += len(s.split())

    def mention(self, surface: str, entity_id: str) -> None:
        self.mentions.append((self.pos, self.pos + len(surface), entity_id))
        self.emit(surface)

    def text(self) -> str:
        return "".join(self.parts)


def _release(rng: random.Random, entities: list[SynthEntity], chosen: list[int],
             date: dt.date, publisher: tuple[str, str, str], words: int,
             places: list[SynthEntity]) -> tuple[str, str, list[tuple[int, int, str]], int]:
    """One release's text: ``(title, text, mentions, body_end)``."""
    ents = [entities[i] for i in chosen]
    people = [e for e in ents if e.type == "person"]
    others = [e for e in ents if e.type != "person"]
    orgs = [e for e in ents if e.type == "organization"] or others or people
    events = [e for e in ents if e.type == "event"]
    place_pool = [e for e in ents if e.type == "place"]
    topic = rng.choice(_TOPICS)
    title = rng.choice(_TITLE_PATTERNS).format(
        org=orgs[0].name if orgs else publisher[1], topic=topic,
        event=events[0].name if events else f"{topic} Talks",
        place=place_pool[0].name if place_pool else "the Region")
    dateline_place = place_pool[0] if place_pool else rng.choice(places)

    seen: set[str] = set()
    w = _Writer()
    head = f"{title}\n\n"
    w.emit(head)
    w.mention(dateline_place.name, dateline_place.id)
    seen.add(dateline_place.id)
    w.emit(f", {dateline_place.extra.get('code', 'KT')} \u2013 ")

    def name_of(e: SynthEntity) -> str:
        """Full name the first time, then a short form or an alias now and then."""
        if e.id not in seen:
            seen.add(e.id)
            return e.name
        if e.short and rng.random() < 0.7:
            return e.short
        return e.name

    queue = [e for e in ents if e.id != dateline_place.id]
    rng.shuffle(queue)
    pending = list(queue)
    one_line = rng.random() < 0.3  # like the seed: the whole body on one line
    sentences_in_para = 0
    quotes_left = rng.randint(2, 3)

    def sentence() -> None:
        nonlocal quotes_left
        choice = rng.random()
        if pending and choice < 0.45:
            e = pending.pop()
            if e.type == "place":
                w.emit("The situation in ")
                w.mention(name_of(e), e.id)
                w.emit(" remains a concern " + rng.choice(_CLAUSES) + ".")
            elif e.type == "event":
                w.emit(rng.choice(_SUBJECTS) + " said the ")
                w.mention(name_of(e), e.id)
                w.emit(" must address " + topic.lower() + " " + rng.choice(_CLAUSES) + ".")
            else:
                w.emit(rng.choice(_SUBJECTS) + " " + rng.choice(_VERBS) + " ")
                w.mention(name_of(e), e.id)
                w.emit(" " + rng.choice(_ACTIONS) + " " + rng.choice(_CLAUSES) + ".")
        elif people and quotes_left and choice < 0.7:
            quotes_left -= 1
            speaker = rng.choice(people)
            n_sent = rng.randint(1, 3)
            quote = ". ".join(rng.sample(_QUOTE_SENTENCES, n_sent))
            w.emit(f"\u201c{quote},\u201d {rng.choice(_SAY_AFTER)} ")
            if speaker.id not in seen and orgs and rng.random() < 0.5:
                org = rng.choice(orgs)
                w.mention(name_of(org), org.id)
                w.emit("\u2019s ")
            w.mention(name_of(speaker), speaker.id)
            w.emit(".")
        elif choice < 0.85:
            w.emit(rng.choice(_FACTS).format(n=rng.randint(12, 900)))
        else:
            target = rng.choice(place_pool or [dateline_place])
            w.emit("Conditions in ")
            w.mention(name_of(target), target.id)
            w.emit(" have worsened " + rng.choice(_CLAUSES) + ".")

    w.words = 0
    while w.words < words or pending:
        sentence()
        sentences_in_para += 1
        if not one_line and sentences_in_para >= rng.randint(3, 6) and w.words < words:
            w.emit("\n\n")
            sentences_in_para = 0
        else:
            w.emit(" ")
    last = w.parts.pop()
    w.pos -= len(last)  # the space or paragraph break after the last sentence
    body_end = w.pos
    w.emit(f"\n\n\nPublished on {_MONTH_NAMES[date.month - 1]} {date.day}, {date.year}\n\n\n")
    w.emit(_FOOTERS[publisher[0]])
    return title, w.text(), w.mentions, body_end


def make_releases(n: int, entities: list[SynthEntity], rng: random.Random, *,
                  per_release: int = 10, words: int = 600, first_year: int = 2015,
                  years: int = 6, skew: float = 1.05) -> list[SynthRelease]:
    """*n* releases, each mentioning about *per_release* distinct entities (Zipf-skewed)."""
    order = list(range(len(entities)))
    rng.shuffle(order)  # popularity rank independent of type and id
    zipf = _Zipf(len(order), skew, rng)
    persons = [i for i in order if entities[i].type == "person"]
    pzipf = _Zipf(len(persons), skew, rng)
    places = [e for e in entities if e.type == "place"]
    releases: list[SynthRelease] = []
    used_paths: set[str] = set()
    span_days = (dt.date(first_year + years, 1, 1) - dt.date(first_year, 1, 1)).days
    for _ in range(n):
        want = max(3, per_release + rng.randint(-2, 2))
        chosen: list[int] = []
        while len(chosen) < want:
            i = order[zipf.draw()]
            if i not in chosen:
                chosen.append(i)
        while sum(entities[i].type == "person" for i in chosen) < 2:
            i = persons[pzipf.draw()]
            if i not in chosen:
                chosen.append(i)
        date = dt.date(first_year, 1, 1) + dt.timedelta(days=rng.randrange(span_days))
        publisher = rng.choice(_PUBLISHERS)
        title, text, mentions, body_end = _release(
            rng, entities, chosen, date, publisher, words, places)
        stem = f"{date.isoformat()}-{slugify(title)}"
        path = f"{publisher[0]}/{date.year}/{stem}.txt"
        k = 2
        while path in used_paths:
            path = f"{publisher[0]}/{date.year}/{stem}-{k}.txt"
            k += 1
        used_paths.add(path)
        releases.append(SynthRelease(path, publisher[0], date.isoformat(), title, text,
                                     mentions, body_end))
    return releases


def generate(n: int, m: int, seed: int = 1, **kwargs: int | float) -> Corpus:
    """The whole synthetic corpus for *n* releases and *m* entities (in memory)."""
    rng = random.Random(f"pressroom-bench-{seed}-{n}-{m}")
    entities = make_entities(m, rng)
    releases = make_releases(n, entities, rng, **kwargs)  # type: ignore[arg-type]
    return Corpus(entities, releases, list(_PUBLISHERS))


def write_corpus(corpus: Corpus, root: Path) -> Path:
    """Write releases and registry under ``root/corpus`` and the mentions to ``root/manifest.json``."""
    releases_dir = root / "corpus" / "releases"
    for r in corpus.releases:
        path = releases_dir / r.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(r.text, encoding="utf-8")
    write_registry(corpus.entities, root / "corpus" / "entities")
    manifest = root / "manifest.json"
    manifest.write_text(json.dumps({
        "publishers": corpus.publishers,
        "entities": [asdict(e) for e in corpus.entities],
        "releases": [asdict(r) for r in corpus.releases],
    }), encoding="utf-8")
    return manifest


def edit_sentence(entity: SynthEntity) -> tuple[str, int, int]:
    """The sentence the benchmark appends to a release to add one mention of *entity*.

    Returns ``(sentence, start, end)``: the mention is ``sentence[start:end]``.
    """
    before = " Observers also pointed to the role of "
    return f"{before}{entity.name}.", len(before), len(before) + len(entity.name)


def iter_texts(corpus: Corpus) -> Iterator[str]:
    """The release texts, in order (for the linker throughput test)."""
    for r in corpus.releases:
        yield r.text


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--releases", "-n", type=int, default=200)
    parser.add_argument("--entities", "-m", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    corpus = generate(args.releases, args.entities, args.seed)
    write_corpus(corpus, args.out)
    print(f"{len(corpus.releases)} releases, {len(corpus.entities)} entities -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
