"""``pressroom annotate``: link the mentions in text files and print them."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from pressroom.config import load_project
from pressroom.linker import Linker, LinkResult
from pressroom.problems import Problem
from pressroom.registry import Registry, load_registry

NAME = "annotate"
HELP = "link the mentions of registry entities in text files"
DESCRIPTION = """\
Find the mentions of registry entities (people, organizations, events, places
and any type conf.py declares) in each FILE and print them: one JSON object a
file (--format jsonl), or the text with each mention marked (--format text).

Offsets are Python string indices into the file's text decoded as UTF-8, line
endings kept as they are. A file that is not UTF-8 is decoded as cp1252 (or
Latin-1) with a warning. Registry problems are printed as warnings and do not
stop annotation."""
EPILOG = """\
examples:
  pressroom annotate --registry corpus/entities corpus/releases/hrf/2011-04-27.txt
  pressroom annotate --registry registry.json --format jsonl texts/*.txt > mentions.jsonl
  pressroom annotate --registry seed.yaml --types award --format text seed.txt

exit codes: 0 ok, 1 a file could not be read, 2 bad command line."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="text files to annotate")
    parser.add_argument("--registry", metavar="PATH",
                        help="registry file or folder (default: the project's registry folder)")
    parser.add_argument("--format", choices=("jsonl", "text"), default="text",
                        help="jsonl: one JSON object a file; text: the text, mentions marked "
                        "[surface](entity-id) (default)")
    parser.add_argument("--types", default="", metavar="TYPE,...",
                        help="entity types to accept besides person, organization, event, place "
                        "and those declared in conf.py")
    parser.add_argument("--ambiguous", action="store_true",
                        help="also report ambiguous short forms (on standard error)")


def entity_types(extra: str = "") -> tuple[str, ...]:
    """The project's entity types (conf.py, or the defaults) plus *extra* (comma separated)."""
    types = list(load_project().type_names)
    for name in extra.split(","):
        name = name.strip()
        if name and name not in types:
            types.append(name)
    return tuple(types)


def read_text(path: Path) -> tuple[str, list[Problem]]:
    """A file's text, decoded from bytes with line endings kept (offsets as ``str`` indices).

    Raises ``OSError`` (unreadable) or ``ValueError`` (binary).
    """
    data = path.read_bytes()
    if b"\x00" in data:
        raise ValueError("looks binary (it contains NUL bytes)")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, [Problem(str(path), None, "warning", "release_encoding",
                              f"not valid UTF-8; decoded as {encoding}")]
    raise AssertionError("latin-1 decodes anything")  # pragma: no cover


def linkable_spans(text: str) -> list[tuple[int, int]]:
    """The parts of *text* to link.

    For now the whole text; the release parser will restrict this to the
    title and body (not the publisher's footer).
    """
    return [(0, len(text))]


def load(registry_path: str | None, types: Iterable[str]) -> tuple[Registry, list[Problem]]:
    path = Path(registry_path) if registry_path else load_project().registry_dir
    return load_registry(path, types)


def marked_text(text: str, result: LinkResult) -> str:
    """*text* with each mention written ``[surface](entity-id)``, ambiguous ones ``[surface](?a|b)``."""
    marks = [(m.start, m.end, m.entity_id) for m in result.mentions]
    marks += [(a.start, a.end, "?" + "|".join(a.candidates)) for a in result.ambiguous]
    out, pos = [], 0
    for start, end, label in sorted(marks):
        out.append(text[pos:start])
        out.append(f"[{text[start:end]}]({label})")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def run(args: argparse.Namespace) -> int:
    types = entity_types(args.types)
    registry, problems = load(args.registry, types)
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    if not len(registry) and any(p.severity == "error" and p.subtype == "registry_syntax"
                                 for p in problems):
        return 1
    linker = Linker(registry)
    status = 0
    out = sys.stdout
    for name in args.files:
        path = Path(name)
        try:
            text, warnings = read_text(path)
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            print(f"{name}: error: {reason}", file=sys.stderr)
            status = 1
            continue
        for warning in warnings:
            print(warning.format(), file=sys.stderr)
        result = linker.link(text, linkable_spans(text))
        if args.ambiguous:
            for amb in result.ambiguous:
                line = text.count("\n", 0, amb.start) + 1
                print(Problem(name, line, "info", "ambiguous",
                              f"{amb.surface!r} could be {', '.join(amb.candidates)}; "
                              "left unlinked").format(), file=sys.stderr)
        if args.format == "jsonl":
            record = {
                "file": name,
                "mentions": [
                    {"start": m.start, "end": m.end, "surface": m.surface,
                     "entity_id": m.entity_id, "type": registry[m.entity_id].type}
                    for m in result.mentions
                ],
                "ambiguous": [
                    {"start": a.start, "end": a.end, "surface": a.surface,
                     "candidates": list(a.candidates)}
                    for a in result.ambiguous
                ],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            if len(args.files) > 1:
                out.write(f"==> {name} <==\n")
            out.write(marked_text(text, result))
            if not text.endswith("\n"):
                out.write("\n")
    return status
