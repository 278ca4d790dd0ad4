"""How well ``pressroom suggest`` finds the entities of a gold-annotated corpus, from an empty registry.

Usage (from the project root)::

    python benchmarks/eval_suggest.py [../shared/data/gum-news-train] [--verbose]

Reads ``documents.jsonl`` (texts and gold mentions with entity ids and types)
and ``registry.json`` (entity names and aliases). Runs the suggester over the
texts with an empty registry, then reports:

- **recall**: the fraction of gold person / organization / place / event
  entities that some proposal names *with the right type* — a proposal names
  an entity when its name or one of its aliases equals (case, accents,
  punctuation and a leading "the" ignored) the entity's name, one of its
  registry aliases or one of its gold surfaces;
- **precision**: the fraction of proposals that name some gold entity (any
  type), and the stricter fraction that name one with the right type.

Nothing here feeds back into the suggester: its rules are general English
conventions (see ``pressroom/suggest.py``), not these documents' names.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from pressroom.lint import name_key
from pressroom.source import parse_text
from pressroom.suggest import Document, suggest

TYPES = ("person", "organization", "place", "event")


def load(folder: Path):
    docs, gold_types, gold_keys = [], {}, defaultdict(set)
    for line in (folder / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        release = parse_text(record["text"], path=f"{record['id']}.txt")
        docs.append(Document.from_release(release))
        for m in record["mentions"]:
            if m["type"] in TYPES:
                gold_types[m["entity_id"]] = m["type"]
                gold_keys[m["entity_id"]].add(name_key(m["surface"]))
    for entry in json.loads((folder / "registry.json").read_text(encoding="utf-8")):
        if entry["id"] in gold_types:
            gold_keys[entry["id"]].add(name_key(entry["name"]))
            gold_keys[entry["id"]].update(name_key(a) for a in entry.get("aliases", []))
    for keys in gold_keys.values():
        keys.discard("")
    return docs, gold_types, gold_keys


def evaluate(folder: Path, verbose: bool = False) -> dict:
    docs, gold_types, gold_keys = load(folder)
    proposals = suggest(docs, (), min_count=1)
    owners = defaultdict(set)  # name key -> gold ids
    for eid, keys in gold_keys.items():
        for k in keys:
            owners[k].add(eid)
    found_typed: set[str] = set()
    real = typed_real = 0
    misses = []
    for p in proposals:
        keys = {name_key(p.name)} | {name_key(a) for a in p.aliases}
        ids = set().union(*(owners.get(k, set()) for k in keys))
        if ids:
            real += 1
        typed = {i for i in ids if gold_types[i] == p.type}
        if typed:
            typed_real += 1
            found_typed |= typed
        elif verbose:
            misses.append(f"  {'wrong type' if ids else 'not gold'}: {p.type} {p.name!r} "
                          f"{p.aliases} {sorted(ids)} {p.votes}")
    by_type = {}
    for t in TYPES:
        ids = [i for i, ty in gold_types.items() if ty == t]
        by_type[t] = (sum(i in found_typed for i in ids), len(ids))
    result = {
        "documents": len(docs),
        "gold_entities": len(gold_types),
        "proposals": len(proposals),
        "recall_typed": len(found_typed) / len(gold_types),
        "precision": real / len(proposals) if proposals else 0.0,
        "precision_typed": typed_real / len(proposals) if proposals else 0.0,
        "recall_by_type": {t: f"{a}/{b}" for t, (a, b) in by_type.items()},
    }
    if verbose:
        print("\n".join(misses), file=sys.stderr)
        missed = sorted(i for i in gold_types if i not in found_typed)
        print("missed gold:", ", ".join(f"{gold_types[i]}:{i}" for i in missed), file=sys.stderr)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = Path(__file__).resolve().parents[2] / "shared" / "data" / "gum-news-train"
    parser.add_argument("folder", nargs="?", type=Path, default=default)
    parser.add_argument("--verbose", action="store_true",
                        help="list wrong proposals and missed entities on standard error")
    args = parser.parse_args(argv)
    result = evaluate(args.folder, args.verbose)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
