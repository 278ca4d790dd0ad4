"""``pressroom stats``: what the corpus and the registry hold, at a glance."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from pressroom import lint
from pressroom.commands import missing_path, no_releases_folder, project_for, steps
from pressroom.corpus import load_releases
from pressroom.registry import load_registry

NAME = "stats"
HELP = "releases per publisher and year, entries per type, most-mentioned entries"
DESCRIPTION = """\
Count the releases per publisher and year, the registry entries per type, the
entries mentioned in the most releases, and list the releases in which no
entry is mentioned (candidates for `pressroom suggest`). Printed as tables, or
as one JSON object with --json:

  {"releases": N, "entries": N,
   "releases_by_publisher_year": {"publisher": {"2011": N}},
   "releases_by_language": {"fr": N, "not stated": N},
   "entries_by_type": {"person": N},
   "most_mentioned": [{"id", "name", "type", "releases", "mentions"}],
   "releases_without_mentions": ["path"], "undated_releases": ["path"],
   "unreadable_registry_files": ["problem"]}"""
EPILOG = """\
examples:
  pressroom stats
  pressroom stats --top 50
  pressroom stats --json | jq .entries_by_type

exit codes: 0 ok, 1 a registry file or the releases folder could not be read
(the counts of what could be read are still printed), 2 bad command line."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--top", type=int, default=20, metavar="N",
                        help="how many most-mentioned entries to list (default 20)")
    parser.add_argument("--root", metavar="DIR", help="project root holding conf.py")
    parser.add_argument("--registry", metavar="PATH",
                        help="registry file or folder (default: the project's registry folder)")


def collect(project, registry_path: Path, top: int) -> dict:
    registry, problems = load_registry(registry_path, project.type_names) \
        if registry_path.exists() else load_registry([], project.type_names)
    unreadable = [p.format() for p in problems if p.subtype == "registry_syntax"]
    with steps() as track:
        corpus = load_releases([project.releases_dir], project, track=track)
        linked = lint.link_releases(corpus.releases, registry, track=track)
    by_pub: dict[str, Counter] = {}
    # the language a header states; the others are in the site's
    languages = Counter(release.language or "not stated" for release in corpus.releases)
    undated = []
    for release in corpus.releases:
        pub = project.publisher_for(Path(release.path))
        key = pub.key if pub else "(no publisher folder)"
        year = str(release.date.year) if release.date else "undated"
        by_pub.setdefault(key, Counter())[year] += 1
        if release.date is None:
            undated.append(lint.display_path(release.path))
    releases_per_entity = lint.mention_counts(linked)
    mentions = Counter(m.entity_id for item in linked for m in item.result.mentions)
    ranked = sorted(releases_per_entity, key=lambda e: (-releases_per_entity[e], -mentions[e], e))
    return {
        "releases": len(corpus.releases),
        "entries": len(registry),
        "releases_by_publisher_year": {
            pub: dict(sorted(years.items())) for pub, years in sorted(by_pub.items())
        },
        "releases_by_language": dict(sorted(languages.items(), key=lambda kv: (-kv[1], kv[0]))),
        "entries_by_type": {t: n for t in project.type_names
                            if (n := sum(1 for e in registry if e.type == t))},
        "most_mentioned": [
            {"id": eid, "name": registry[eid].name, "type": registry[eid].type,
             "releases": releases_per_entity[eid], "mentions": mentions[eid]}
            for eid in ranked[:top] if eid in registry
        ],
        "releases_without_mentions": [
            lint.display_path(item.release.path) for item in linked if not item.result.mentions
        ],
        "undated_releases": undated,
        "unreadable_registry_files": unreadable,
    }


def _tables(data: dict) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    # names, paths and keys are the archive's, printed as written: ``[/close]`` in a name
    # is no markup for Rich (it had been, and a closing tag nothing opened a traceback)
    console = Console()
    years = sorted({y for v in data["releases_by_publisher_year"].values() for y in v})
    table = Table(title=f"Releases ({data['releases']})")
    table.add_column("publisher")
    for year in years:
        table.add_column(escape(year), justify="right")
    table.add_column("total", justify="right", style="bold")
    for pub, counts in data["releases_by_publisher_year"].items():
        table.add_row(escape(pub), *(str(counts.get(y, "")) for y in years),
                      str(sum(counts.values())))
    console.print(table)
    languages = data["releases_by_language"]
    if set(languages) - {"not stated"}:  # some header states a language
        console.print("Releases by language (in a header; the others in the site's): " +
                      escape(", ".join(f"{lang} {n}" for lang, n in languages.items())),
                      highlight=False, soft_wrap=True)

    table = Table(title=f"Registry entries ({data['entries']})")
    table.add_column("type")
    table.add_column("entries", justify="right")
    for type_, n in data["entries_by_type"].items():
        table.add_row(escape(type_), str(n))
    console.print(table)

    table = Table(title="Most mentioned")
    for col, just in (("entry", "left"), ("type", "left"), ("releases", "right"),
                      ("mentions", "right")):
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    for row in data["most_mentioned"]:
        table.add_row(escape(f"{row['name']} ({row['id']})"), escape(row["type"]),
                      str(row["releases"]),
                      str(row["mentions"]))
    console.print(table)

    missing = data["releases_without_mentions"]
    console.print(f"Releases with no mentions: {len(missing)}", style="bold")
    for path in missing[:50]:
        console.print(f"  {escape(path)}", highlight=False)
    if len(missing) > 50:
        console.print(f"  … and {len(missing) - 50} more (see --json)")


def run(args: argparse.Namespace) -> int:
    if args.top < 0:
        print("pressroom stats: error: --top must not be negative", file=sys.stderr)
        return 2
    if missing_path("stats", ("", args.root), ("", args.registry)):
        return 2
    project = project_for(Path(args.root) if args.root else None)
    if no_releases_folder(project):
        return 1
    data = collect(project, Path(args.registry) if args.registry else project.registry_dir,
                   args.top)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _tables(data)
    for line in data["unreadable_registry_files"]:
        print(line, file=sys.stderr)
    return 1 if data["unreadable_registry_files"] else 0
