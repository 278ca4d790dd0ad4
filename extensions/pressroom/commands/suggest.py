"""``pressroom suggest``: likely entities the releases mention and the registry does not know."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pressroom import lint
from pressroom.commands import missing_path, no_releases_folder, project_for, steps
from pressroom.corpus import load_releases
from pressroom.linker import inferred_forms
from pressroom.problems import counted
from pressroom.registry import load_registry
from pressroom.suggest import TYPES, Document, suggest

NAME = "suggest"
HELP = "propose registry entries for names the releases use but the registry lacks"
DESCRIPTION = """\
Read every release (title, dateline and body; not headers or footers) and list
the people, organizations, events and places they seem to mention that the
registry does not know, most releases first. Each comes with its count, two
example sentences (file:line) and a proposed entry printed as YAML, ready to
paste into a file under corpus/entities/ (fill in the description).

Candidates come from how names are written: runs of capitalized words,
titles (President, Dr., Minister), organization words (Ministry, Committee,
Party, University, Council, Court, ...), acronyms defined in parentheses
(Human Rights Watch (HRW)) and possessives; variants of one name are grouped
(Brian Dooley / Dooley; an acronym only where a text defines it). In Arabic,
Persian or Hebrew, which have no capitals, the people the releases quote by name
(قالت منى سعيد) are proposed. The type is guessed by rules and can be wrong:
check it before pasting. No model and no network are used.

Names already in the registry (names, aliases and the short forms the linker
infers) are left out, so the list shrinks as the registry grows."""
EPILOG = """\
examples:
  pressroom suggest                          the 50 most frequent candidates
  pressroom suggest --min-count 3 --type person
  pressroom suggest --limit 0 >> corpus/entities/new.yaml   every candidate, to review
  pressroom suggest --json | jq '.[0]'

exit codes: 0 ok (also when nothing is suggested), 1 the registry or a release
could not be read at all, or there is no releases folder, 2 bad command line."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="release files or folders to read (default: every release)")
    parser.add_argument("--min-count", type=int, default=1, metavar="N",
                        help="only names mentioned in at least N releases (default 1)")
    parser.add_argument("--type", dest="types", action="append", choices=TYPES, metavar="T",
                        help="only candidates of type T (person, organization, event, place); "
                        "may be repeated")
    parser.add_argument("--limit", type=int, default=50, metavar="N",
                        help="show the first N candidates (default 50; 0 for all)")
    parser.add_argument("--json", action="store_true", help="print a JSON list instead of YAML")
    parser.add_argument("--root", metavar="DIR", help="project root holding conf.py")
    parser.add_argument("--registry", metavar="PATH",
                        help="registry file or folder (default: the project's registry folder)")


def run(args: argparse.Namespace) -> int:
    if args.min_count < 1 or args.limit < 0:
        print("pressroom suggest: error: --min-count must be at least 1 and --limit not negative",
              file=sys.stderr)
        return 2
    if missing_path("suggest", *(("", name) for name in args.paths), ("", args.root),
                    ("", args.registry)):
        return 2
    project = project_for(Path(args.root) if args.root else None)
    registry_path = Path(args.registry) if args.registry else project.registry_dir
    if registry_path.exists():
        registry, problems = load_registry(registry_path, project.type_names)
    else:
        registry, problems = load_registry([], project.type_names)
    errors = [p for p in problems if p.severity == "error" and p.subtype == "registry_syntax"]
    for problem in errors:
        print(problem.format(), file=sys.stderr)
    if errors:
        print("pressroom suggest: the registry has files that cannot be read (above); fix them "
              "first, or every name in them would be proposed again", file=sys.stderr)
        return 1
    if not args.paths and no_releases_folder(project):
        return 1  # as check and stats say it
    with steps() as track:
        corpus = load_releases([Path(p) for p in args.paths] or [project.releases_dir],
                               project, track=track)
        linked = lint.link_releases(corpus.releases, registry, track=track)
    unreadable = [p for p in corpus.problems if p.subtype in ("release_missing", "release_binary")]
    for problem in unreadable:
        print(problem.format(), file=sys.stderr)

    docs = []
    for item in linked:
        doc = Document.from_release(item.release)
        doc.path = lint.display_path(doc.path)
        doc.known = [(m.start, m.end) for m in item.result.mentions]
        doc.known += [(a.start, a.end) for a in item.result.ambiguous]
        docs.append(doc)
    known = [n for e in registry for n in e.names]
    # a registered person's surname or first name alone (Dooley) is theirs, not a new entity
    known += [w for e in registry if e.type == "person" for n in e.names
              for w in {n.split()[0], n.split()[-1]} if len(n.split()) > 1]
    # and so is every other way the linker knows an entry is written (``U.S.`` for the
    # United States, ``Rob`` Siegel, ``Supreme Court``), even where it links none of them
    known += [form for e in registry for form, _kind in inferred_forms(e)]
    candidates = suggest(docs, known, min_count=args.min_count, types=args.types)
    total = len(candidates)
    if args.limit:
        candidates = candidates[:args.limit]
    if args.json:
        json.dump([c.as_dict() for c in candidates], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for c in candidates:
            sys.stdout.write(c.yaml() + "\n\n")
    shown = f"{len(candidates)} of {total}" if len(candidates) < total else f"{total}"
    print(f"{shown} {'candidate' if total == 1 else 'candidates'} from "
          f"{counted(len(docs), 'release')} and "
          f"{counted(len(registry), 'registry entry', 'registry entries')}", file=sys.stderr)
    return 1 if unreadable else 0
