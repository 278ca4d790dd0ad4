"""Registry hygiene measured against the corpus: what ``pressroom check`` reports beyond validation.

Plain Python, no Sphinx. Given the registry and the linked releases:

- :func:`unused_aliases` — aliases that never link anywhere in the corpus;
- :func:`unmentioned_entities` — entries that no release mentions;
- :func:`likely_duplicates` — two entries that are probably the same entity
  (same name once case, accents and punctuation are ignored; the same words in
  another order; a close spelling; an initial for a first name; an entry named
  by the other's acronym);
- :func:`ambiguities` — short forms the linker left unlinked because two
  entities could own them.

Every finding is a :class:`~pressroom.problems.Problem` with a file, a line and
a suggested fix. Nothing here is quadratic in the number of entries: pairs are
only compared within small blocks that share a rare word.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pressroom.linker import Linker, LinkResult, normalize
from pressroom.problems import Problem, counted
from pressroom.registry import Entity, Registry
from pressroom.source import Release

# --------------------------------------------------------------------------- linking


@dataclass
class Linked:
    """A release and the mentions found in it."""

    release: Release
    result: LinkResult


def link_releases(releases: Iterable[Release], registry: Registry, *,
                  track=None) -> list[Linked]:
    """Link every release's title, dateline and body (not header or footer) with one linker;
    *track*, when given, walks the releases (see :func:`pressroom.commands.steps`)."""
    linker = Linker(registry)
    if track is not None:
        releases = track(releases, "linking")
    return [Linked(r, linker.link(r.text, r.linkable_spans())) for r in releases]


# --------------------------------------------------------------------------- where in a file


_NEW_ITEM = re.compile(r"^\s*(?:-\s+[\w-]+\s*:|[{]|-\s*$)")


@lru_cache(maxsize=256)
def _file_lines(file: str) -> tuple[str, ...]:
    try:
        return tuple(Path(file).read_text(encoding="utf-8-sig", errors="replace").splitlines())
    except OSError:
        return ()


def line_of_alias(entity: Entity, alias: str) -> int | None:
    """The line in the entity's file where *alias* is written (at or after the entry's line)."""
    lines = _file_lines(entity.file)
    start = max(entity.line - 1, 0)
    for i in range(start, min(len(lines), start + 200)):
        if i > start and _NEW_ITEM.match(lines[i]):
            break  # the next entry
        if alias in lines[i]:
            return i + 1
    return entity.line or None


# --------------------------------------------------------------------------- aliases and mentions


def _fold(surface: str) -> str:
    return " ".join(normalize(surface).split()).casefold()


def used_surfaces(linked: Iterable[Linked]) -> dict[str, set[str]]:
    """Entity id -> the (case-folded) surfaces its mentions were written with."""
    used: dict[str, set[str]] = defaultdict(set)
    for item in linked:
        for m in item.result.mentions:
            used[m.entity_id].add(_fold(m.surface))
    return used


def unused_aliases(registry: Registry, linked: Sequence[Linked]) -> list[Problem]:
    """Aliases of mentioned entities that no mention is written as."""
    _file_lines.cache_clear()
    used = used_surfaces(linked)
    problems = []
    for entity in registry:
        surfaces = used.get(entity.id)
        if not surfaces:
            continue  # reported once as unmentioned instead
        for alias in entity.aliases:
            if (entity.id, alias) in registry.unusable or alias in registry.contested:
                continue  # already reported by the registry check
            folded = _fold(alias)
            if any(s == folded or s.endswith(" " + folded) for s in surfaces):
                continue
            problems.append(Problem(
                entity.file, line_of_alias(entity, alias), "info", "alias_unused",
                f"{entity.id}: alias {alias!r} matches nothing in "
                f"{'the release' if len(linked) == 1 else f'the {len(linked):,} releases'}; "
                "check its spelling against the releases, or remove it if no release "
                "writes the name that way",
            ))
    return problems


def mention_counts(linked: Iterable[Linked]) -> dict[str, int]:
    """Entity id -> number of releases that mention it."""
    counts: dict[str, int] = defaultdict(int)
    for item in linked:
        for eid in {m.entity_id for m in item.result.mentions}:
            counts[eid] += 1
    return dict(counts)


def unmentioned_entities(registry: Registry, linked: Sequence[Linked]) -> list[Problem]:
    counts = mention_counts(linked)
    return [
        Problem(entity.file, entity.line or None, "info", "entity_unmentioned",
                f"{entity.id} ({entity.name!r}) is mentioned in no release "
                f"({counted(len(linked), 'release')} read); add the spelling the releases "
                "use to its aliases, or remove "
                "the entry if it does not belong to this archive")
        for entity in registry if entity.id not in counts
    ]


def ambiguities(registry: Registry, linked: Iterable[Linked]) -> list[Problem]:
    problems = []
    for item in linked:
        for amb in item.result.ambiguous:
            names = [
                f"{c} ({registry[c].name})" if c in registry else c for c in amb.candidates
            ]
            said = (f"{amb.surface!r} could be {' or '.join(names)}, so it is left unlinked"
                    if len(names) > 1 else
                    f"{amb.surface!r} was left unlinked (it could be "
                    f"{names[0] if names else '?'})")
            problems.append(Problem(
                item.release.path, item.release.line_of(amb.start), "warning", "ambiguous",
                f"{said}; write the full name earlier in the release, or drop the alias from "
                "the entry it does not belong to",
            ))
    return problems


# --------------------------------------------------------------------------- likely duplicates

_STOP = frozenset("the of and for in on at a an de la le el".split())
_DIGITS = re.compile(r"\d+")


def name_key(name: str) -> str:
    """Case, accents, punctuation and a leading ``the`` removed: ``U.S.`` -> ``us``."""
    text = unicodedata.normalize("NFKD", normalize(name))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"(?<=\b\w)\.(?=\w\b|\s|$)", "", text)  # U.S. -> US
    text = re.sub(r"['’]s\b", "", text)
    words = re.findall(r"\w+", text)
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _acronym(name: str) -> str | None:
    words = [w for w in re.findall(r"[\w'’-]+", normalize(name)) if w.lower() not in _STOP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


@dataclass(frozen=True)
class Duplicate:
    first: Entity
    second: Entity
    reason: str


def _keys(entity: Entity) -> tuple[dict[str, str], str]:
    """The entity's name keys (key -> the name it comes from) and its main name's key."""
    keys = {}
    for n in entity.names:
        if key := name_key(n):
            keys[key] = n
    return keys, name_key(entity.name)


def _similar(a: Entity, b: Entity,
             keys: dict[str, tuple[dict[str, str], str]] | None = None) -> str | None:
    """Why *a* and *b* look like the same entity, or ``None``. *keys* holds each entry's
    :func:`_keys` by id, filled as entries come (so a name's key is worked out once, not
    once for every other entry it is compared with)."""
    if keys is None:
        keys = {}
    if a.id not in keys:
        keys[a.id] = _keys(a)
    if b.id not in keys:
        keys[b.id] = _keys(b)
    (keys_a, ka), (keys_b, kb) = keys[a.id], keys[b.id]
    shared = keys_a.keys() & keys_b.keys()
    if shared:
        k = sorted(shared)[0]
        if keys_a[k] == keys_b[k]:
            return f"both are called {keys_a[k]!r}"
        return f"{keys_a[k]!r} and {keys_b[k]!r} differ only in case, accents or punctuation"
    if a.type != b.type:
        return None
    if _DIGITS.findall(ka) != _DIGITS.findall(kb):
        return None  # the 2010 and the 2011 dialogue are two events
    wa, wb = ka.split(), kb.split()
    if len(wa) > 1 and sorted(wa) == sorted(wb):
        return f"{a.name!r} and {b.name!r} are the same words in another order"
    if a.type == "person" and len(wa) >= 2 and len(wb) >= 2 and wa[-1] == wb[-1]:
        fa, fb = a.name.split()[0], b.name.split()[0]
        if (_is_initial(fa) or _is_initial(fb)) and fa[0].lower() == fb[0].lower():
            return f"{a.name!r} and {b.name!r} share the surname and the first initial"
    for x, y in ((a, b), (b, a)):
        acro = _acronym(y.name)
        if acro and len(acro) >= 2 and x.name.replace(".", "") == acro:
            return f"{x.name!r} is the acronym of {y.name!r}"
    if min(len(ka), len(kb)) >= 5:
        matcher = difflib.SequenceMatcher(None, ka, kb)
        # the two quick ratios are upper bounds of the ratio: most pairs stop at them
        if matcher.real_quick_ratio() < 0.9 or matcher.quick_ratio() < 0.9:
            return None
        ratio = matcher.ratio()
        if ratio >= 0.9:
            return f"{a.name!r} and {b.name!r} are spelled almost the same ({ratio:.0%} alike)"
    return None


def likely_duplicates(registry: Registry, max_block: int = 40) -> list[Duplicate]:
    """Pairs of entries that are probably one entity, each pair once.

    Entries are compared only when they share a name key, an acronym, or a
    word that at most *max_block* entries use, so the cost stays near linear.
    """
    blocks: dict[str, list[Entity]] = defaultdict(list)
    names: dict[str, tuple[dict[str, str], str]] = {}
    for entity in registry:
        keys = set()
        names[entity.id] = _keys(entity)
        for key in names[entity.id][0]:
            keys.add("=" + key)
            keys.update("w" + w for w in key.split() if len(w) >= 3 and w not in _STOP)
        acro = _acronym(entity.name)
        if acro:
            keys.add("w" + acro.lower())
        for key in keys:
            blocks[key].append(entity)
    seen: set[tuple[str, str]] = set()
    found: list[Duplicate] = []
    for key, members in blocks.items():
        if len(members) < 2 or (key.startswith("w") and len(members) > max_block):
            continue
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                if pair in seen:
                    continue
                seen.add(pair)
                reason = _similar(a, b, names)
                if reason:
                    found.append(Duplicate(a, b, reason))
    order = {e.id: i for i, e in enumerate(registry)}
    found.sort(key=lambda d: (order[d.first.id], order[d.second.id]))
    return found


def display_path(file: str) -> str:
    """*file* relative to the working folder when it is below it."""
    try:
        return str(Path(file).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return file


def duplicate_problems(registry: Registry) -> list[Problem]:
    _file_lines.cache_clear()
    problems = []
    for dup in likely_duplicates(registry):
        a, b = dup.first, dup.second
        problems.append(Problem(
            b.file, b.line or None, "warning", "entity_duplicate",
            f"{b.id} may be the same as {a.id} ({display_path(a.file)}:{a.line}): {dup.reason}; "
            f"if so, keep one entry, move the other's name into its aliases and delete "
            "the other; if not, make the descriptions tell them apart",
        ))
    return problems
