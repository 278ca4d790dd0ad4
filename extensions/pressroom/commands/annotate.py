"""``pressroom annotate``: link the mentions in text files and print them."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from pressroom.commands import missing_path, project_for
from pressroom.config import ProjectConfig, load_project
from pressroom.linker import Linker, LinkResult
from pressroom.problems import Problem, counted
from pressroom.registry import Registry, load_registry
from pressroom.source import decode, parse_text

NAME = "annotate"
HELP = "link the mentions of registry entities in text files"
DESCRIPTION = """\
Find the mentions of registry entities (people, organizations, events, places
and any type conf.py declares) in each FILE (or every .txt file in a FOLDER,
in name order) and print them: one JSON object a file (--format jsonl), or the
text with each mention marked (--format text).

Offsets are Python string indices into the file's text decoded as UTF-8, line
endings kept as they are. A file that is not UTF-8 is decoded as cp1252 (or
Latin-1) with a warning. Only the title, dateline and body are linked: a
front-matter header, the date line and the publisher's footer are not.
Registry problems are printed as warnings and do not stop annotation. A FILE
of - is the standard input (named "-" in the output). When more than one file
is read, a line on standard error says at the end how many were annotated and
how many mentions they hold."""
EPILOG = """\
examples:
  pressroom annotate --registry corpus/entities corpus/releases/hrf/2011-04-27.txt
  pressroom annotate --registry registry.json --format jsonl texts/*.txt > mentions.jsonl
  pressroom annotate --registry seed.yaml --types award --format text seed.txt
  pressroom annotate --format jsonl corpus/releases/ > mentions.jsonl
  curl -s https://example.org/release.txt | pressroom annotate --format text -

exit codes: 0 ok, 1 a file could not be read (the others are annotated), 2 bad command
line (the --registry given does not exist)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE_OR_FOLDER",
                        help="text files to annotate, or folders holding them (.txt)")
    parser.add_argument("--registry", metavar="PATH",
                        help="registry file or folder (default: the project's registry folder)")
    parser.add_argument("--format", choices=("jsonl", "text"), default="text",
                        help="jsonl: one JSON object a file; text: the text, mentions marked "
                        "[surface](entity-id) (default)")
    parser.add_argument("--types", metavar="TYPE,...",
                        help="entity types to accept besides person, organization, event, place "
                        "and those declared in conf.py")
    parser.add_argument("--ambiguous", action="store_true",
                        help="also report ambiguous short forms (on standard error)")


def entity_types(extra: str | None = None, project: ProjectConfig | None = None,
                 ) -> tuple[str, ...]:
    """The project's entity types (conf.py, or the defaults) plus *extra* (comma separated)."""
    types = list((project or load_project()).type_names)
    for name in (extra or "").split(","):
        name = name.strip()
        if name and name not in types:
            types.append(name)
    return tuple(types)


def read_text(path: Path) -> tuple[str, list[Problem]]:
    """A file's text, decoded as the release parser decodes it (BOM, UTF-8, then
    Windows-1252/Latin-1 with a warning), line endings kept: offsets are ``str`` indices.

    Raises ``OSError`` (unreadable) or ``ValueError`` (binary). ``-`` is the standard input.
    """
    data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    text, encoding, problems = decode(data, str(path))
    if encoding == "binary":
        raise ValueError("looks binary (NUL or other control bytes)")
    return text, problems


def linkable_spans(text: str, path: Path | None = None,
                   project: ProjectConfig | None = None) -> list[tuple[int, int]]:
    """The parts of *text* to link: title, dateline and body, as the release parser
    finds them (not a front-matter header, a date line or the publisher's footer)."""
    publisher = (project or load_project()).publisher_for(path) if path else None
    release = parse_text(text, str(path or "<text>"),
                         footer_markers=publisher.footer_markers if publisher else ())
    return release.linkable_spans()


def load(registry_path: str | None, types: Iterable[str],
         project: ProjectConfig | None = None) -> tuple[Registry, list[Problem]]:
    path = Path(registry_path) if registry_path else (project or load_project()).registry_dir
    return load_registry(path, types)


def _files(names: list[str]) -> list[str]:
    """*names*, each folder replaced by the ``.txt`` files under it, in name order (a
    folder holding none stays, to be reported as unreadable)."""
    out = []
    for name in names:
        path = Path(name)
        found = sorted(str(f) for f in path.rglob("*.txt") if f.is_file()) \
            if name != "-" and path.is_dir() else []
        out.extend(found or [name])
    return out


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
    if missing_path("annotate", ("--registry ", args.registry)):
        return 2
    project = project_for()  # read once: conf.py is run, not parsed
    types = entity_types(args.types, project)
    registry, problems = load(args.registry, types, project)
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    if not len(registry) and any(p.severity == "error" and p.subtype == "registry_syntax"
                                 for p in problems):
        return 1
    linker = Linker(registry)
    status = 0
    out = sys.stdout
    files = _files(args.files)
    done = mentions = ambiguous = 0
    for name in files:
        path = Path(name)
        try:
            text, warnings = read_text(path)
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            if path.is_dir():
                reason = "a folder with no .txt file in it"
            print(f"{name}: error: {reason}", file=sys.stderr)
            status = 1
            continue
        for warning in warnings:
            print(warning.format(), file=sys.stderr)
        result = linker.link(text, linkable_spans(text, path, project))
        done += 1
        mentions += len(result.mentions)
        ambiguous += len(result.ambiguous)
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
    if len(files) > 1:
        # a folder of releases takes a while (15 s for 10,000): say what was done, as the
        # other commands do (one file, as in a pipe, is annotated without a word)
        out.flush()
        print(f"annotated {done:,} of {counted(len(files), 'file')}: "
              f"{counted(mentions, 'mention')}, {ambiguous} ambiguous left unlinked",
              file=sys.stderr)
    return status
