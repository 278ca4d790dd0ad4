"""The entity registry: people, organizations, events, places (and declared types).

An archivist keeps the registry in ``corpus/entities/`` as YAML or JSON files,
each a list of entries::

    - id: brian-dooley
      type: person
      name: Brian Dooley
      aliases: [Dooley]
      description: Director of the Human Rights Defenders programme at Human Rights First.
      roles: [director]
      affiliation: human-rights-first
      relations:
        works-for: human-rights-first

:func:`load_registry` reads every file, checks every entry and returns a
:class:`Registry` together with the :class:`~pressroom.problems.Problem` list,
each naming the file and line. A bad entry is reported and, where it can still
be understood, kept; nothing is dropped without a problem saying so. A plain
JSON list of ``{id, type, name, aliases}`` (another tool's export) loads as is.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import difflib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pressroom.config import DEFAULT_TYPES
from pressroom.problems import Problem
from pressroom.weburl import is_web_address

#: Ids are kept as written (imported lists use ids such as ``Arlington%2C_Texas``):
#: anything without spaces, control characters or characters unsafe in markup.
ID_RE = re.compile(r"^[^\s\x00-\x1f\x7f<>`\"{}|\\]+$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")

#: Fields with a meaning; anything else is kept in :attr:`Entity.extra`.
REFERENCE_FIELDS = ("affiliation", "place", "participants", "country")
KNOWN_FIELDS = {
    "id", "type", "name", "aliases", "description", "wikidata", "relations",
    "roles", "titles", "affiliation", "kind", "country", "start", "end", "date",
    "place", "participants", "born", "died", "url", "sort",
}

#: Words that make poor aliases: function words, months, weekdays and ordinals.
#: An alias that is one of them is reported and not used for linking.
COMMON_WORDS = frozenset(
    """a an the and or but if of on in at to by for from with as is it its this that these
    those he she they we you i me him her them his hers their our your my who whom which what
    when where why how all any some no not one two three first second third last new old
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
    mr mrs ms dr sir president minister government state states city people group party
    house court office press news world national international united""".split()
)

#: Words that open a sentence before a name without being part of it (``Then Jane Roe
#: said``, ``Meanwhile Roe said``): adverbs and conjunctions, English and the other
#: languages the parser reads speakers in.
OPENING_WORDS = frozenset(
    """Then But And Also Today Yesterday Tonight Meanwhile However Later Now Earlier Instead
    Finally Afterwards Again Thus Previously Separately Similarly Additionally Moreover
    Furthermore Nevertheless Nonetheless Mais Puis Pero Luego Mas Aber Dann""".split()
)


#: Characters text holds only by accident, which HTML forbids and a page shows as U+FFFD:
#: C0 controls but tab, line ends and form feed; DEL and the C1 controls (a Latin-1 file's
#: bytes 0x80 to 0x9F); Unicode's noncharacters (U+FDD0 to U+FDEF, the last two of each
#: plane).
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef"
                        + "".join(chr(plane + 0xfffe) + chr(plane + 0xffff)
                                  for plane in range(0, 0x110000, 0x10000)) + "]")


def control_named(char: str) -> str:
    """``control character U+0001``, ``noncharacter U+FFFE``: a :data:`CONTROL_RE` match."""
    what = "noncharacter" if char >= "\ufdd0" else "control character"
    return f"{what} U+{ord(char):04X}"

#: Letters that Unicode does not write as a letter and a mark, and how English writes them
#: (``Đỗ Văn Đức`` is ``Do Van Duc``, ``Łódź`` is ``Lodz``, ``Børs`` is ``Bors``).
_UNMARKED = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ø": "o", "Ø": "O",
                           "ł": "l", "Ł": "L", "ı": "i", "ß": "ss", "æ": "ae", "Æ": "Ae",
                           "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ħ": "h", "Ħ": "H"})


def strip_accents(text: str) -> str:
    """*text* without diacritics (``Hernán Darío Gómez`` -> ``Hernan Dario Gomez``,
    ``Łódź`` -> ``Lodz``)."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text.translate(_UNMARKED))
                   if not unicodedata.combining(c))


def title_case(line: str) -> bool:
    """Is *line* written in title case: every word of four letters or more capitalized
    (at least two of them)? A headline's capitals say nothing of names."""
    long = [w for w in line.split() if sum(c.isalpha() for c in w) >= 4]
    return len(long) >= 2 and all(w[0].isupper() or not w[0].isalpha() for w in long)


def words_of(text: str) -> list[str]:
    """*text*'s words, case, accents and punctuation aside (``Dooley, Brian`` ->
    ``['dooley', 'brian']``)."""
    return re.findall(r"\w+", strip_accents(text).casefold())


def _sort_lacks(sort: str, name: str, aliases: tuple[str, ...] | list[str]) -> list[str]:
    """The words of *name* (common words aside: ``The Hague`` may be ``Hague``) that
    *sort* does not hold, when it does not hold those of any alias either; words may
    come in any order (``Gaulle, Charles de``) and more may be added (``Bush, George
    (1924-2018)``). ``[]``: nothing lacks."""
    held = set(words_of(sort))
    lacks = [w for w in words_of(name) if w not in held and w not in COMMON_WORDS]
    if lacks and any(not [w for w in words_of(a) if w not in held and w not in COMMON_WORDS]
                     for a in aliases):
        return []
    return lacks


_PARTIAL_DATE_RE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\Z")
#: The months' names, as dates are written in English (and as the parser reads them where a
#: speaker's name goes).
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the day, to the month or to the year only: ``2011-02-19``,
    ``2011-02``, ``2011`` (ISO 8601 at reduced precision, EDTF level 0).

    A registry writes what it knows; a month is never filled in with its first day,
    which would show a day nobody gave.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; :class:`ValueError` otherwise (also for
        a day or month that does not exist)."""
        m = _PARTIAL_DATE_RE.match(text)
        if m is None:
            raise ValueError(f"{text!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
        year = int(m.group(1))
        month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) else None
        try:
            _dt.date(year, month or 1, day or 1)
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a date ({exc})") from None
        return cls(year, month, day)

    @classmethod
    def of(cls, day: _dt.date) -> PartialDate:
        """*day*, known to the day."""
        return cls(day.year, day.month, day.day)

    def first(self) -> _dt.date:
        """The earliest day it can be."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def last(self) -> _dt.date:
        """The latest day it can be."""
        if self.day:
            return self.first()
        if not self.month:
            return _dt.date(self.year, 12, 31)
        following = _dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - _dt.timedelta(days=1)

    def isoformat(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    __str__ = isoformat

    def human(self, year: bool = True) -> str:
        """``19 February 2011``, ``February 2011``, ``2011``; without the year if not *year*
        (``19 February``, ``February``; a date known to the year only keeps it). In English
        whatever the locale of the build (``strftime``'s ``%B`` follows it)."""
        if self.month is None:
            return str(self.year)
        words = [str(self.day)] if self.day else []
        words.append(MONTH_NAMES[self.month - 1])
        if year:
            words.append(str(self.year))
        return " ".join(words)


def human_range(start: PartialDate, end: PartialDate | None, year: bool = True) -> str:
    """*start* to *end* as a reader writes it: ``27–28 April 2011``, ``18 January –
    2 February 2011``, ``December 2010 – January 2011``; *start* alone when there is no
    *end* or it is the same. Without the year if not *year*, when both are in one year
    and known to the month."""
    if end is None or end == start:
        return start.human(year)
    if start.year != end.year or start.month is None or end.month is None:
        return f"{start.human()} – {end.human()}"
    if start.month == end.month and start.day and end.day:
        return f"{start.day}–{end.day} {MONTH_NAMES[start.month - 1]}" + (f" {start.year}" if year else "")
    return f"{start.human(False)} – {end.human(year)}"


@dataclass(frozen=True, slots=True)
class Entity:
    """One registry entry. Hashable and picklable: safe to keep in a Sphinx environment."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    wikidata: str | None = None
    #: When it began (an event), was founded or was born, to the day, month or year.
    start: PartialDate | None = None
    #: When it ended, was dissolved or died.
    end: PartialDate | None = None
    roles: tuple[str, ...] = ()
    affiliation: str | None = None
    kind: str | None = None
    country: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    #: ``(relation, target id)`` pairs, e.g. ``("works-for", "human-rights-first")``.
    relations: tuple[tuple[str, str], ...] = ()
    url: str | None = None
    #: The form the entry is filed and listed under in glossaries and indices
    #: (``Obama, Barack``); the name when not given.
    sort: str | None = None
    file: str = ""
    line: int = 0
    #: Fields the schema does not know, kept as ``(key, value)`` pairs.
    extra: tuple[tuple[str, Any], ...] = ()

    # Pickled as its values in field order (as the dataclass default does), restored
    # without looking the fields up again for every entry: a build unpickles thousands.
    def __getstate__(self) -> list[Any]:
        return [getattr(self, name) for name in _ENTITY_FIELDS]

    def __setstate__(self, state: list[Any]) -> None:
        for name, value in zip(_ENTITY_FIELDS, state, strict=True):
            object.__setattr__(self, name, value)

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))

    def references(self) -> Iterator[tuple[str, str]]:
        """Every ``(field or relation, target id)`` this entry points to."""
        for fld in ("affiliation", "place", "country"):
            value = getattr(self, fld)
            if value:
                yield fld, value
        for target in self.participants:
            yield "participants", target
        yield from self.relations


_ENTITY_FIELDS = tuple(f.name for f in dataclasses.fields(Entity))


@dataclass
class Registry:
    """Entities by id, in the order they were read."""

    entities: dict[str, Entity] = field(default_factory=dict)
    #: Aliases (and names) that two or more entities claim: ``alias -> ids``.
    contested: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Aliases reported as unusable (empty, one letter, common word): ``(entity id, alias)``.
    unusable: frozenset[tuple[str, str]] = frozenset()
    files: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities.values())

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entities

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def __getitem__(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    def by_type(self, type_: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.type == type_]

    def linkable_names(self) -> Iterator[tuple[str, str]]:
        """``(surface, entity id)`` for every name and usable alias."""
        for entity in self.entities.values():
            for surface in entity.names:
                if (entity.id, surface) not in self.unusable:
                    yield surface, entity.id


# --------------------------------------------------------------------------- reading


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A YAML loader that records each mapping's line and each key's line.

    Built on libyaml's parser when PyYAML has it (``CSafeLoader``: nodes carry the
    same start marks, composed in C, several times faster on large registries),
    else on the pure-Python ``SafeLoader``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    # the keys written in this mapping: constructing it merges in those of a ``<<: *base``,
    # which this one may set again without giving them twice
    written = list(node.value)
    mapping = _LineDict(loader.construct_mapping(node, deep=deep))
    mapping.line = node.start_mark.line + 1
    key_lines: dict[str, int] = {}
    duplicates: list[tuple[str, int, int]] = []
    for key_node, _ in written:
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
            line = key_node.start_mark.line + 1
            if key_node.value in key_lines:
                duplicates.append((key_node.value, key_lines[key_node.value], line))
            key_lines[key_node.value] = line  # the last one given is the one YAML keeps
    mapping.key_lines = key_lines
    mapping.duplicates = duplicates
    return mapping


class _LineDict(dict):
    line: int = 0
    key_lines: dict[str, int] = {}
    #: keys given twice: (key, line of the one dropped, line of the one kept)
    duplicates: list[tuple[str, int, int]] = []


def duplicate_keys(mapping: Any) -> list[tuple[str, int, int]]:
    """The keys *mapping* (read by :data:`YAML_LOADER`) was given twice or more: ``(key,
    line of a value dropped, line of the value kept)``. YAML keeps the last silently."""
    return list(getattr(mapping, "duplicates", ()))


class _LineList(list):
    item_lines: list[int] = []


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> list:
    items = _LineList(loader.construct_sequence(node, deep=True))
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    # ``2011-13-45`` looks like a timestamp to YAML; keep it as text so the
    # checker reports it with its line instead of the loader raising
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
#: The YAML loader of registry files and release headers: safe, with lines (see above).
YAML_LOADER = _LineLoader


#: What YAML's constructors raise for a value they cannot make: a tag whose text is no such
#: value (``!!int "x"``, ``!!bool "maybe"``), a date that does not exist with a time, nesting
#: deeper than Python's stack.
UNREADABLE_VALUE = (RecursionError, ValueError, TypeError, OverflowError, KeyError, IndexError)


def unreadable(exc: BaseException) -> str:
    """What :data:`UNREADABLE_VALUE` *exc* says, in a few words."""
    if isinstance(exc, RecursionError):
        return "it is nested too deeply"
    if isinstance(exc, KeyError):
        return f"{exc.args[0]!r} is not a value of the type its tag asks for"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def yaml_error(exc: yaml.YAMLError, text: str) -> tuple[int | None, str]:
    """The line (1-based, in *text*) and a one-line account of a YAML error."""
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        char = exc.character
        code = f"U+{char:04X}" if isinstance(char, int) else repr(char)
        return line, (f"this line holds a character YAML does not allow ({code}, a control "
                      "character); remove it")
    mark = getattr(exc, "problem_mark", None)
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return (mark.line + 1 if mark else None), what


def _read_entries(path: Path, problems: list[Problem]) -> list[tuple[Any, int]]:
    """The raw entries of one file with their line numbers; problems for what is unreadable."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, None, "error", "registry_syntax",
                                f"cannot read file: {exc.strerror or exc}"))
        return []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        problems.append(Problem(name, line, "error", "registry_syntax",
                                f"the file is not UTF-8 (byte 0x{data[exc.start]:02x} on this "
                                "line cannot be read); save it as UTF-8"))
        return []
    if path.suffix.lower() == ".json":
        return _read_json(name, text, problems)
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        line, what = yaml_error(exc, text)
        problems.append(Problem(name, line, "error", "registry_syntax", f"invalid YAML: {what}"))
        return []
    except UNREADABLE_VALUE as exc:
        problems.append(Problem(name, None, "error", "registry_syntax",
                                f"the file cannot be read ({unreadable(exc)})"))
        return []
    if data is None:
        return []
    if isinstance(data, dict) and "entities" in data and isinstance(data["entities"], list):
        data = data["entities"]
    if not isinstance(data, list):
        line = getattr(data, "line", 1)
        problems.append(Problem(name, line, "error", "registry_syntax",
                                "a registry file must be a list of entries"))
        return []
    lines = getattr(data, "item_lines", [])
    return [(item, lines[i] if i < len(lines) else 0) for i, item in enumerate(data)]


def _json_object(pairs: list[tuple[str, Any]]) -> dict:
    """A JSON object as a mapping that, as YAML's do, knows the keys given twice (their
    lines are found by :func:`_json_key_lines`); ``json`` keeps the last without a word."""
    out = _LineDict(pairs)
    if len(out) < len(pairs):
        counts: dict[str, int] = {}
        for key, _ in pairs:
            counts[key] = counts.get(key, 0) + 1
        # (key, how many times it is given, 0): the lines are found from the text
        out.duplicates = [(key, n, 0) for key, n in counts.items() if n > 1]
    return out


def _json_key_lines(item: Any, text: str, start: int, end: int, line: int) -> None:
    """Give the keys an entry (``text[start:end]``, starting at *line*) was given twice the
    lines of their first and last occurrence."""
    dups = getattr(item, "duplicates", None)
    if not dups:
        return
    found = []
    for key, given, _ in dups:
        at = [m.start() for m in re.finditer(re.escape(json.dumps(key, ensure_ascii=False))
                                             + r"\s*:", text[start:end])]
        lines = [line + text.count("\n", start, start + a) for a in at]
        # a key written with escapes (``"na\u00efve"``), or also in an object inside: the
        # lines are not known for sure
        found.append((key, lines[0], lines[-1]) if len(lines) == given else (key, 0, 0))
    item.duplicates = found


def _read_json(name: str, text: str, problems: list[Problem]) -> list[tuple[Any, int]]:
    decoder = json.JSONDecoder(object_pairs_hook=_json_object)
    pos = _skip_ws(text, 0)
    if pos >= len(text) or text[pos] != "[":
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            problems.append(Problem(name, exc.lineno, "error", "registry_syntax",
                                    f"invalid JSON: {exc.msg}"))
            return []
        except RecursionError:
            problems.append(Problem(name, 1, "error", "registry_syntax",
                                    "the file cannot be read (it is nested too deeply)"))
            return []
        problems.append(Problem(name, 1, "error", "registry_syntax",
                                "a registry file must be a list of entries"))
        return []
    entries: list[tuple[Any, int]] = []
    pos = _skip_ws(text, pos + 1)
    line, counted = 1, 0
    try:
        while pos < len(text) and text[pos] != "]":
            line += text.count("\n", counted, pos)
            counted = pos
            start = pos
            item, pos = decoder.raw_decode(text, pos)
            _json_key_lines(item, text, start, pos, line)
            entries.append((item, line))
            pos = _skip_ws(text, pos)
            if pos < len(text) and text[pos] == ",":
                pos = _skip_ws(text, pos + 1)
        if pos >= len(text):
            raise json.JSONDecodeError("unterminated list", text, pos)
        if _skip_ws(text, pos + 1) < len(text):
            raise json.JSONDecodeError("text after the end of the list (it is not read)",
                                       text, _skip_ws(text, pos + 1))
    except json.JSONDecodeError as exc:
        problems.append(Problem(name, exc.lineno, "error", "registry_syntax",
                                f"invalid JSON: {exc.msg}"))
        return entries
    except RecursionError:
        line += text.count("\n", counted, pos)
        problems.append(Problem(name, line, "error", "registry_syntax",
                                "this entry cannot be read (it is nested too deeply); it and "
                                "the entries after it are left out"))
        return entries
    return entries


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


#: The endings of registry files.
REGISTRY_SUFFIXES = (".yaml", ".yml", ".json")


def registry_files(path: Path) -> list[Path]:
    """The registry files at *path*: the file itself, or every YAML/JSON file below a folder
    (not hidden ones, nor those in hidden folders: an editor's backup, ``.git``)."""
    return _listed(Path(path))[0]


def _listed(path: Path) -> tuple[list[Path], list[Problem]]:
    """The registry files at *path* (see :func:`registry_files`) and, for a folder, a warning
    for each file there that is not read (``people.yaml.bak``, ``notes.txt``) and one when it
    holds no registry file at all; the folder is walked once."""
    if path.is_file():
        return [path], []
    visible = sorted(p for p in path.rglob("*") if p.is_file()
                     and not any(part.startswith(".") for part in p.relative_to(path).parts))
    files = [p for p in visible if p.suffix.lower() in REGISTRY_SUFFIXES]
    problems = [Problem(str(p), None, "warning", "registry_ignored",
                        "is not read as a registry file (only files ending in .yaml, .yml or "
                        ".json are); rename it, or move it out of the registry folder")
                for p in visible if p.suffix.lower() not in REGISTRY_SUFFIXES]
    if path.is_dir() and not files:
        problems.append(Problem(str(path), None, "warning", "registry_ignored",
                                "the registry folder holds no registry file (.yaml, .yml or "
                                ".json): no entity is known"))
    return files, problems


# --------------------------------------------------------------------------- checking


def _as_date(value: Any) -> PartialDate:
    """A registry's date: what YAML read (a date, a year as a number) or text."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return PartialDate.of(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return PartialDate(value)
    if isinstance(value, str):
        return PartialDate.parse(value.strip())
    raise ValueError(f"{value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")


def _item_lines(value: Any, count: int, line: int) -> list[int]:
    """The line of each of the *count* items of a YAML list; *line*, where the list is
    written, for those it does not know (a single value, a list read from JSON)."""
    known = getattr(value, "item_lines", ())
    return [known[i] if i < len(known) and known[i] else line for i in range(count)]


def kind_of(value: Any) -> str:
    """What YAML made of a value, in a reader's words: ``a list``, ``text``, ``a number``."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    if value is None:
        return "nothing"
    return _read_as(value) or type(value).__name__


def _read_as(value: Any) -> str | None:
    """What YAML made of an unquoted scalar that is no text (``1984``, ``yes``, ``2011-04-27``)."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return "a date"
    return None


def _str_list(value: Any) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, (str, int, float))
                                       and not isinstance(v, bool) for v in value):
        return [str(v) for v in value]
    return None


class _Checker:
    def __init__(self, types: Iterable[str]) -> None:
        self.types = tuple(types)
        self.problems: list[Problem] = []
        #: where each reference was written: (entity id, field or relation, target) -> line
        self.ref_lines: dict[tuple[str, str, str], int] = {}
        #: where each alias was written: (entity id, alias) -> line
        self.alias_lines: dict[tuple[str, str], int] = {}

    def reference(self, entity_id: str, field: str, target: str, line: int) -> None:
        self.ref_lines.setdefault((entity_id, field, target), line)

    def reference_line(self, entity: Entity, field: str, target: str) -> int:
        return self.ref_lines.get((entity.id, field, target), entity.line)

    def problem(self, file: str, line: int, severity: str, subtype: str, message: str) -> None:
        self.problems.append(Problem(file, line or None, severity, subtype, message))  # type: ignore[arg-type]

    def entry(self, raw: Any, file: str, line: int) -> Entity | None:
        if not isinstance(raw, dict):
            self.problem(file, line, "error", "registry_entry",
                         f"an entry must be a mapping (id: …, type: …, name: …), not "
                         f"{kind_of(raw)}")
            return None
        key_lines = getattr(raw, "key_lines", {})

        def at(key: str) -> int:
            return key_lines.get(key, line)

        for key, dropped, kept in duplicate_keys(raw):
            lines = (f" (lines {dropped} and {kept})" if dropped != kept
                     else f" (both on line {kept})" if kept else "")
            self.problem(file, kept or line, "warning", "registry_field",
                         f"{key!r} is given twice in this entry{lines}; the last one is used")

        entity_id = raw.get("id")
        if entity_id is None or not str(entity_id).strip():
            self.problem(file, line, "error", "registry_id", "entry has no id")
            return None
        if isinstance(entity_id, bool):  # ``id: yes``, ``id: off``: YAML's true and false
            self.problem(file, at("id"), "error", "registry_id",
                         f"the id was read as {str(entity_id).lower()} (YAML reads yes, no, "
                         "on, off, true and false so); put it in quotes")
            return None
        if _read_as(entity_id):
            # ``id: 007`` is the number 7, ``id: 0x1F`` 31, ``id: 12:30`` 750: the page's
            # address would not be the id written
            self.problem(file, at("id"), "warning", "registry_id",
                         f"the id was read as {_read_as(entity_id)}, {entity_id}; put it in "
                         "quotes, or YAML may read it otherwise than it is written (007 as 7)")
        entity_id = str(entity_id).strip()
        if not ID_RE.match(entity_id):
            self.problem(file, at("id"), "error", "registry_id",
                         f"id {entity_id!r} has spaces, control characters or one of "
                         "<>`\"{}|\\ (use letters, digits, '-', '_' and '.')")
            return None
        type_ = str(raw.get("type") or "").strip()
        if type_ not in self.types:
            self.problem(file, at("type") if "type" in raw else line, "error", "registry_type",
                         f"{entity_id}: unknown type {type_ or '(none)'!r}; "
                         f"known types: {', '.join(self.types)}")
            return None
        name = raw.get("name")
        if _read_as(name):
            # ``name: 1984``: YAML reads a number (and would have read ``007`` as 7)
            self.problem(file, at("name"), "error", "registry_name",
                         f"{entity_id}: name {name!r} was read as {_read_as(name)}; put it in "
                         "quotes as the releases write it")
            return None
        if not isinstance(name, str) or not name.strip():
            self.problem(file, at("name") if "name" in raw else line, "error", "registry_name",
                         f"{entity_id}: entry has no name")
            return None
        name = " ".join(name.split())

        fields: dict[str, Any] = {"id": entity_id, "type": type_, "name": name,
                                  "file": file, "line": line}
        raw_aliases = raw.get("aliases")
        # each alias's own line (a block list's ``- 007`` line), else the ``aliases:`` line
        item_line = dict(enumerate(_item_lines(raw_aliases, len(raw_aliases), at("aliases")))) \
            if isinstance(raw_aliases, list) else {}
        typed = [(i, v) for i, v in enumerate(raw_aliases) if _read_as(v)] \
            if isinstance(raw_aliases, list) else []
        aliases = _str_list(raw_aliases)
        if aliases is None:
            hint = "".join(f"; {v!r} was read as {_read_as(v)}" for _i, v in typed)
            self.problem(file, at("aliases"), "error", "registry_entry",
                         f"{entity_id}: aliases must be a list of strings{hint}"
                         + ("; put such aliases in quotes" if hint else ""))
            aliases = []
        else:
            for i, value in typed:  # a number, kept as YAML read it
                self.problem(file, item_line.get(i, at("aliases")), "warning", "registry_alias",
                             f"{entity_id}: alias {value!r} was read as {_read_as(value)}; "
                             "put it in quotes as the releases write it")
        clean = []
        for i, alias in enumerate(aliases):
            alias = " ".join(alias.split())
            line_of = item_line.get(i, at("aliases"))
            if not alias:
                self.problem(file, line_of, "warning", "registry_alias",
                             f"{entity_id}: empty alias ignored")
                continue
            if alias != name and alias not in clean:
                clean.append(alias)
                # the first entry of an id is the one kept (a duplicate's lines are not its)
                self.alias_lines.setdefault((entity_id, alias), line_of)
        fields["aliases"] = tuple(clean)
        for key in ("description", "kind", "url", "sort"):
            value = raw.get(key)
            if value is not None:
                if not isinstance(value, (str, int, float)):
                    self.problem(file, at(key), "error", "registry_entry",
                                 f"{entity_id}: {key} must be text")
                    continue
                if key == "url" and not is_web_address(str(value).strip()):
                    self.problem(file, at(key), "error", "registry_entry",
                                 f"{entity_id}: url {value!r} is not a web address (http:// or "
                                 "https://); it is not shown")
                    continue
                if _read_as(value):  # ``description: 1.10`` is the number 1.1
                    self.problem(file, at(key), "warning", "registry_entry",
                                 f"{entity_id}: {key} {value!r} was read as {_read_as(value)}; "
                                 "put it in quotes to keep it as written")
                if key == "sort" and not str(value).strip():
                    self.problem(file, at(key), "warning", "registry_entry",
                                 f"{entity_id}: sort is empty; the entry is filed under its name")
                    continue
                fields[key] = " ".join(str(value).split())
        if fields.get("sort"):
            missing = _sort_lacks(fields["sort"], name, fields["aliases"])
            if missing:
                self.problem(file, at("sort"), "warning", "registry_sort",
                             f"{entity_id}: sort {fields['sort']!r} lacks "
                             f"{', '.join(repr(w) for w in missing)} of the name {name!r}; "
                             "misspelt? (the entry is filed under it as written)")
        for key in ("affiliation", "place", "country"):
            value = raw.get(key)
            if value is not None:
                if not isinstance(value, str):
                    self.problem(file, at(key), "error", "registry_entry",
                                 f"{entity_id}: {key} must be an entity id")
                    continue
                fields[key] = value.strip()
                self.reference(entity_id, key, fields[key], at(key))
        for key, target in (("roles", "roles"), ("titles", "roles"), ("participants", "participants")):
            value = _str_list(raw.get(key))
            if value is None:
                self.problem(file, at(key), "error", "registry_entry",
                             f"{entity_id}: {key} must be a list of strings")
                continue
            if value:
                fields[target] = tuple(fields.get(target, ())) + tuple(value)
            if key == "participants":
                lines = _item_lines(raw.get(key), len(value), at(key))
                for item, item_line in zip(value, lines, strict=True):
                    self.reference(entity_id, key, item, item_line)
        wikidata = raw.get("wikidata")
        if wikidata is not None:
            wikidata = str(wikidata).strip()
            if not QID_RE.match(wikidata):
                self.problem(file, at("wikidata"), "error", "registry_wikidata",
                             f"{entity_id}: wikidata {wikidata!r} is not a Wikidata item id "
                             "(Q followed by digits)")
            else:
                fields["wikidata"] = wikidata
        given: dict[str, str] = {}  # start or end -> the key that gave it
        for key, target in (("start", "start"), ("date", "start"), ("born", "start"),
                            ("end", "end"), ("died", "end")):
            if raw.get(key) is None:
                continue
            if target in given:
                self.problem(file, at(key), "error", "registry_date",
                             f"{entity_id}: {key} and {given[target]} both give when it "
                             f"{'starts' if target == 'start' else 'ends'}; "
                             f"{given[target]} kept")
                continue
            given[target] = key
            try:
                fields[target] = _as_date(raw[key])
            except ValueError as exc:
                self.problem(file, at(key), "error", "registry_date", f"{entity_id}: {key}: {exc}")
        start, end = fields.get("start"), fields.get("end")
        if start and end and end.last() < start.first():
            self.problem(file, at(given["end"]), "error", "registry_date",
                         f"{entity_id}: {given['end']} ({end}) is before "
                         f"{given['start']} ({start})")
        relations = raw.get("relations")
        if relations is not None:
            pairs = self.relations(relations, entity_id, file, at("relations"))
            fields["relations"] = tuple(pairs)
        for key, value in fields.items():
            texts = value if isinstance(value, tuple) else (value,)
            m = next((m for v in texts if isinstance(v, str) and (m := CONTROL_RE.search(v))), None)
            if m:
                self.problem(file, at(key), "warning", "registry_entry",
                             f"{entity_id}: {key} contains {control_named(m.group())}, which "
                             "pages show as \ufffd")
        extra = tuple((k, v) for k, v in raw.items() if k not in KNOWN_FIELDS)
        if extra:
            fields["extra"] = extra
            for key, _ in extra:
                self.problem(file, at(str(key)), "warning", "registry_field",
                             f"{entity_id}: {key!r} is not a registry field; it is neither "
                             f"shown nor used ({_did_you_mean(key)})")
        return Entity(**fields)

    def relations(self, value: Any, entity_id: str, file: str, line: int) -> list[tuple[str, str]]:
        pairs: list[tuple[str, str]] = []
        if isinstance(value, dict):
            key_lines = getattr(value, "key_lines", {})
            for rel, targets in value.items():
                self._relation(entity_id, rel, targets, file, key_lines.get(rel, line), pairs)
        elif isinstance(value, list):
            for item, at in zip(value, _item_lines(value, len(value), line), strict=True):
                if isinstance(item, dict) and len(item) == 1:
                    ((rel, targets),) = item.items()  # ``works-for: [a, b]`` names two
                    self._relation(entity_id, rel, targets, file, at, pairs)
                elif isinstance(item, dict) and "target" in item:
                    pairs.append((str(item.get("type") or item.get("relation") or "related"),
                                  str(item["target"]).strip()))
                    self.reference(entity_id, *pairs[-1], at)
                else:
                    self.problem(file, getattr(item, "line", line), "error", "registry_relation",
                                 f"{entity_id}: a relation is `relation: target-id`")
        else:
            self.problem(file, line, "error", "registry_relation",
                         f"{entity_id}: relations must be a mapping of relation to ids")
        return pairs

    def _relation(self, entity_id: str, rel: Any, targets: Any, file: str, at: int,
                  pairs: list[tuple[str, str]]) -> None:
        """The ids one relation names (one, or a list), added to *pairs*, each checked at its
        line; a problem when it names none (``works-for:`` and nothing after) or no ids."""
        targets_list = _str_list(targets)
        if not targets_list:
            self.problem(file, at, "error", "registry_relation",
                         f"{entity_id}: relation {rel!r} must name ids")
            return
        lines = _item_lines(targets, len(targets_list), at)
        for target, item_line in zip(targets_list, lines, strict=True):
            pairs.append((str(rel), target.strip()))
            self.reference(entity_id, *pairs[-1], item_line)


def _did_you_mean(key: Any) -> str:
    """``did you mean 'aliases'?`` for a misspelt field name, else the fields there are."""
    close = difflib.get_close_matches(str(key).lower(), sorted(KNOWN_FIELDS), n=1, cutoff=0.7)
    if close:
        return f"did you mean {close[0]!r}?"
    return "the fields are " + ", ".join(sorted(KNOWN_FIELDS))


def _usable_alias(alias: str) -> str | None:
    """Why *alias* cannot be used for linking, or ``None`` if it can."""
    letters = [c for c in alias if c.isalnum()]
    if len(letters) <= 1:
        return "has fewer than two letters or digits"
    # an all-capitals acronym (``FIRST``) is matched case-sensitively, so it is no common word
    if alias.lower().strip(".") in COMMON_WORDS and not alias.isupper():
        return _COMMON_WORD
    return None


#: Why a common word is no alias (and no name, written in lower case).
_COMMON_WORD = "is a common word"


def check_entities(
    raw_entries: Iterable[tuple[Any, str, int]], types: Iterable[str] = DEFAULT_TYPES
) -> tuple[Registry, list[Problem]]:
    """Check raw ``(entry, file, line)`` triples and build a :class:`Registry`."""
    checker = _Checker(types)
    entities: dict[str, Entity] = {}
    files: list[str] = []
    for raw, file, line in raw_entries:
        if file not in files:
            files.append(file)
        entity = checker.entry(raw, file, line)
        if entity is None:
            continue
        if entity.id in entities:
            first = entities[entity.id]
            checker.problem(file, line, "error", "registry_id",
                            f"duplicate id {entity.id!r} (first defined at {first.file}:{first.line});"
                            " this entry is ignored")
            continue
        entities[entity.id] = entity

    # ids that differ only in case name pages that are one file where case is not told
    # apart (macOS, Windows file systems)
    folded: dict[str, Entity] = {}
    for entity in entities.values():
        first = folded.setdefault(entity.id.casefold(), entity)
        if first is not entity:
            checker.problem(entity.file, entity.line, "warning", "registry_id",
                            f"id {entity.id!r} differs from {first.id!r} (at {first.file}:"
                            f"{first.line}) only in case; their pages would be one file on a "
                            "file system that does not tell case apart: rename one")

    # references: every target must exist; relations must not form a cycle
    for entity in entities.values():
        for rel, target in entity.references():
            if target not in entities:
                checker.problem(entity.file, checker.reference_line(entity, rel, target), "error",
                                "registry_relation",
                                f"{entity.id}: {rel} names {target!r}, which is not in the registry")
    _check_cycles(entities, checker)

    # aliases: unusable ones, and ones two entities claim
    unusable: set[tuple[str, str]] = set()
    owners: dict[str, list[str]] = {}
    for entity in entities.values():
        # a name of one character (``Q``) or a common word in lower case (``said``) would
        # link every such word in every release: shown as the entry's name, never linked
        reason = _usable_alias(entity.name)
        if reason and (reason != _COMMON_WORD or entity.name.islower()):
            unusable.add((entity.id, entity.name))
            checker.problem(entity.file, entity.line, "warning", "registry_name",
                            f"{entity.id}: name {entity.name!r} {reason}; it is shown but not "
                            "used for linking (give the entry an alias the releases write)")
        for alias in entity.aliases:
            reason = _usable_alias(alias)
            if reason:
                unusable.add((entity.id, alias))
                checker.problem(entity.file, checker.alias_lines.get((entity.id, alias), entity.line),
                                "warning", "registry_alias",
                                f"{entity.id}: alias {alias!r} {reason}; it is not used for linking")
        for surface in entity.names:
            if (entity.id, surface) not in unusable:
                owners.setdefault(surface, []).append(entity.id)
    contested = {alias: tuple(ids) for alias, ids in owners.items() if len(ids) > 1}
    for alias, ids in contested.items():
        first = entities[ids[0]]
        checker.problem(first.file, checker.alias_lines.get((first.id, alias), first.line),
                        "warning", "registry_alias",
                        f"{alias!r} is claimed by {', '.join(ids)}; it is left unlinked "
                        "unless the text makes clear which is meant")
    registry = Registry(entities, contested, frozenset(unusable), tuple(files))
    return registry, checker.problems


def _check_cycles(entities: dict[str, Entity], checker: _Checker) -> None:
    """Report a relation that leads back to where it started (``a`` part-of ``b`` part-of ``a``).

    Cycles are looked for within one relation at a time: ``leads`` one way and
    ``led-by`` the other is how inverse relations are written, not a cycle.
    """
    by_relation: dict[str, dict[str, list[str]]] = {}
    for entity in entities.values():
        for rel, target in entity.relations:
            if target == entity.id:
                checker.problem(entity.file, checker.reference_line(entity, rel, target),
                                "warning", "registry_relation", f"{entity.id}: {rel} names itself")
            elif target in entities:
                by_relation.setdefault(rel, {}).setdefault(entity.id, []).append(target)
    for rel, graph in by_relation.items():
        state: dict[str, int] = {}  # 1 = on the current path, 2 = done
        for start in graph:
            if state.get(start):
                continue
            path = [start]
            stack = [iter(graph.get(start, ()))]
            state[start] = 1
            while stack:
                for child in stack[-1]:
                    if state.get(child) == 1:
                        cycle = path[path.index(child):] + [child]
                        first = entities[child]
                        checker.problem(first.file, first.line, "warning", "registry_relation",
                                        f"{rel} relations form a cycle: " + " -> ".join(cycle))
                    elif not state.get(child):
                        state[child] = 1
                        path.append(child)
                        stack.append(iter(graph.get(child, ())))
                        break
                else:
                    state[path.pop()] = 2
                    stack.pop()


def load_registry(
    path: Path | str | Iterable[Path | str], types: Iterable[str] = DEFAULT_TYPES
) -> tuple[Registry, list[Problem]]:
    """Load every registry file at *path* (a file, a folder, or several of them)."""
    paths = [Path(path)] if isinstance(path, (str, Path)) else [Path(p) for p in path]
    problems: list[Problem] = []
    raw: list[tuple[Any, str, int]] = []
    for root in paths:
        if not root.exists():
            problems.append(Problem(str(root), None, "error", "registry_syntax",
                                    "registry path does not exist"))
            continue
        files, ignored = _listed(root)
        problems.extend(ignored)
        for file in files:
            raw.extend((entry, str(file), line) for entry, line in _read_entries(file, problems))
    registry, more = check_entities(raw, types)
    return registry, problems + more
