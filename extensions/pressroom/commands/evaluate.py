"""``pressroom evaluate``: score the linker against gold mentions."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressroom.commands import missing_path, project_for
from pressroom.commands.annotate import entity_types, linkable_spans, load, read_text
from pressroom.config import load_project
from pressroom.linker import Linker
from pressroom.registry import Registry, check_entities

NAME = "evaluate"
HELP = "score the mention linker against gold annotations (precision, recall, F1)"
DESCRIPTION = """\
Link the gold documents' texts with the registry and compare with the gold
mentions, exactly as ../shared/tools/score_linker.py does: a predicted mention
is correct when it has the gold entity id and its span overlaps a gold mention
of that entity; each gold mention is matched at most once.

GOLD is either a JSON-lines file of documents ({id, text, mentions}, the shape
of documents.jsonl) or one JSON document {doc, mentions} whose text is the file
named by "doc" (looked up in --texts, next to GOLD, then in the releases folder).

Modes: aliases uses the registry as given; names drops every alias and keeps
only names, to measure what the linker infers by itself."""
EPILOG = """\
examples:
  pressroom evaluate ../shared/data/gum-news-train/documents.jsonl \\
      --registry ../shared/data/gum-news-train/registry.json --mode both
  pressroom evaluate ../shared/data/seed-gold.json --registry corpus/entities --errors

exit codes: 0 ok, 1 the gold file could not be read or is malformed (each problem as
GOLD:line: message), 2 bad command line (GOLD, --registry or --texts does not exist)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", metavar="GOLD", help="documents.jsonl, or a {doc, mentions} JSON file")
    parser.add_argument("--registry", metavar="PATH",
                        help="registry file or folder (default: the project's registry folder)")
    parser.add_argument("--mode", choices=("aliases", "names", "both"), default="aliases",
                        help="registry as given, names only, or both (default: aliases)")
    parser.add_argument("--types", metavar="TYPE,...",
                        help="entity types to accept besides the project's")
    parser.add_argument("--texts", metavar="DIR",
                        help="folder holding the text named by a {doc, mentions} gold file")
    parser.add_argument("--errors", action="store_true",
                        help="list false positives and false negatives")


@dataclass
class Score:
    mode: str
    docs: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return (f"{self.mode}: docs={self.docs} gold={self.tp + self.fn} "
                f"predicted={self.tp + self.fp} P={self.precision:.3f} R={self.recall:.3f} "
                f"F1={self.f1:.3f}")


def names_only(registry: Registry, types) -> Registry:
    """*registry* with every alias dropped (the ``names`` mode)."""
    raw = [({"id": e.id, "type": e.type, "name": e.name}, e.file, e.line) for e in registry]
    stripped, _ = check_entities(raw, types)
    return stripped


def score(docs: list[dict[str, Any]], linker: Linker, mode: str, errors: bool = False) -> Score:
    """Score *linker* on *docs* (``{id, text, mentions}``), as score_linker.py does."""
    result = Score(mode, docs=len(docs))
    for doc in docs:
        text = doc["text"]
        gold = [dict(g, used=False) for g in doc["mentions"]]
        predicted = linker.link(text, linkable_spans(text)).mentions
        for m in predicted:
            hit = next((g for g in gold if not g["used"] and g["entity_id"] == m.entity_id
                        and m.start < g["end"] and g["start"] < m.end), None)
            if hit:
                hit["used"] = True
                result.tp += 1
            else:
                result.fp += 1
                if errors:
                    result.errors.append(f"{doc['id']}:{m.start}: FP {m.surface!r} -> "
                                         f"{m.entity_id}  [{_context(text, m.start, m.end)}]")
        for g in gold:
            if not g["used"]:
                result.fn += 1
                if errors:
                    result.errors.append(f"{doc['id']}:{g['start']}: FN {g['surface']!r} -> "
                                         f"{g['entity_id']}  [{_context(text, g['start'], g['end'])}]")
    return result


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    return " ".join((text[max(0, start - width):start] + "«" + text[start:end] + "»"
                     + text[end:end + width]).split())


class GoldError(ValueError):
    """A gold file that cannot be scored: where (its line, or None) and why."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line


def read_gold(path: Path, texts_dir: str | None) -> list[dict[str, Any]]:
    """Gold documents from a JSON-lines file or a single ``{doc, mentions}`` JSON file,
    each checked for the shape scoring needs (:func:`check_document`)."""
    raw = path.read_text(encoding="utf-8")
    stripped = raw.lstrip()
    if stripped.startswith("{"):
        try:
            one = json.loads(raw)
        except (json.JSONDecodeError, RecursionError):
            one = None
        if isinstance(one, dict) and "doc" in one and "text" not in one:
            if not isinstance(one["doc"], str) or not one["doc"].strip():
                raise GoldError(1, '"doc" must name the file holding the text')
            return [check_document(_document_for(one, path, texts_dir), 1)]
        if isinstance(one, dict):
            return [check_document(one, 1)]
    docs = []
    for number, line in enumerate(raw.splitlines(), 1):
        if line.strip():
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(number, f"invalid JSON: {exc.msg}") from None
            except RecursionError:
                raise GoldError(number, "the document cannot be read (it is nested too "
                                "deeply)") from None
            docs.append(check_document(doc, number))
    return docs


def check_document(doc: Any, line: int) -> dict[str, Any]:
    """*doc* if it is a gold document (``{id, text, mentions}``; ``id`` may be left out);
    else a :class:`GoldError` at *line* saying what is wrong."""
    if not isinstance(doc, dict):
        raise GoldError(line, f"a document must be a JSON object, not {type(doc).__name__}")
    text = doc.get("text")
    if not isinstance(text, str):
        raise GoldError(line, 'a document needs its "text", a string')
    check_mentions(doc.get("mentions"), text, line)
    return {**doc, "id": str(doc.get("id") or f"line {line}")}


def check_mentions(mentions: Any, text: str, line: int) -> None:
    if not isinstance(mentions, list):
        raise GoldError(line, 'a document needs its "mentions", a list')
    for k, m in enumerate(mentions, 1):
        if not isinstance(m, dict):
            raise GoldError(line, f"mention {k} must be a JSON object, not {type(m).__name__}")
        start, end, eid = m.get("start"), m.get("end"), m.get("entity_id")
        if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) \
                or isinstance(end, bool) or not 0 <= start <= end <= len(text):
            raise GoldError(line, f'mention {k}: "start" and "end" must be offsets into the '
                            f"text, start <= end (got {start!r}, {end!r})")
        if not isinstance(eid, str) or not eid:
            raise GoldError(line, f'mention {k} needs its "entity_id", a string')
        m.setdefault("surface", text[start:end])


def _document_for(gold: dict[str, Any], path: Path, texts_dir: str | None) -> dict[str, Any]:
    name = gold["doc"]
    places = [Path(texts_dir)] if texts_dir else []
    places += [path.parent, path.parent.parent / "seed"]
    candidates = [p / name for p in places]
    releases = load_project().releases_dir
    if releases.is_dir():
        candidates += sorted(releases.rglob(Path(name).name))
    for candidate in candidates:
        if candidate.is_file():
            text, _ = read_text(candidate)
            return {"id": name, "text": text, "mentions": gold.get("mentions")}
    raise GoldError(None, f"cannot find the text {name!r} (use --texts DIR)")


def run(args: argparse.Namespace) -> int:
    path = Path(args.gold)
    if missing_path("evaluate", ("", args.gold), ("--registry ", args.registry),
                    ("--texts ", args.texts)):
        return 2
    try:
        docs = read_gold(path, args.texts)
    except GoldError as exc:
        where = f"{args.gold}:{exc.line}" if exc.line else args.gold
        print(f"{where}: error: {exc}", file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{args.gold}: error: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
        return 1
    project = project_for()
    types = list(entity_types(args.types, project))
    for doc in docs:  # gold types (e.g. award) are accepted, as the gold names them
        for m in doc.get("mentions", ()):
            if m.get("type") and m["type"] not in types:
                types.append(m["type"])
    registry, problems = load(args.registry, types, project)
    for problem in problems:
        if problem.severity == "error":
            print(problem.format(), file=sys.stderr)
    modes = ("aliases", "names") if args.mode == "both" else (args.mode,)
    for mode in modes:
        reg = registry if mode == "aliases" else names_only(registry, types)
        result = score(docs, Linker(reg), mode, errors=args.errors)
        if args.errors:
            for line in result.errors:
                print(line)
        print(result.line())
    return 0
