"""``pressroom check``: validate the corpus and the registry, and check one against the other."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from pressroom import lint
from pressroom.commands import missing_path, steps
from pressroom.config import ProjectConfig, load_project
from pressroom.corpus import load_releases
from pressroom.problems import Problem, counted
from pressroom.registry import load_registry

NAME = "check"
HELP = "validate releases and registry; list problems with file:line"
DESCRIPTION = """\
Parse every release under the releases folder (conf.py: pressroom_releases,
default corpus/releases) and load every registry file (pressroom_registry,
default corpus/entities), and print each problem found as

  file:line: severity: message [pressroom.subtype]

on standard output, then a one-line summary on standard error.

Besides what cannot be read (undecodable text, no date, bad YAML, unknown
types, duplicate ids, dangling relations, ...) it reports:

  error    two release files holding the same text      [pressroom.release_duplicate]
  warning  two entries that are probably one entity     [pressroom.entity_duplicate]
  warning  a short form left unlinked in a release
           because two entities could own it            [pressroom.ambiguous]
  info     an alias no release writes                   [pressroom.alias_unused]
  info     an entry no release mentions                 [pressroom.entity_unmentioned]

Each message says how to fix it. PATH limits the releases checked to those
files or folders (the whole registry is still checked); a PATH holding a
conf.py is taken as the project root instead."""
EPILOG = """\
examples:
  pressroom check                                  the whole project (run from its root)
  pressroom check corpus/releases/human-rights-first/2011
  pressroom check --root ~/archive --strict        warnings fail too (for CI)
  pressroom check --quiet | grep entity_duplicate  errors and warnings only

exit codes: 0 no errors (warnings and notes may be printed), 1 errors found
(or warnings, with --strict), 2 bad command line or a PATH that does not exist."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="release files or folders to check (default: every release)")
    parser.add_argument("--root", metavar="DIR",
                        help="project root holding conf.py (default: the nearest one above "
                        "the working folder)")
    parser.add_argument("--registry", metavar="PATH",
                        help="registry file or folder (default: the project's registry folder)")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 on warnings as well as errors")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="leave out notes (severity info): unused aliases, unmentioned entries")


def _relative(problem: Problem) -> Problem:
    """The problem with its file named relative to the working folder when it is below it
    (a symbolic link named as the link, not as the file it points to), and so another file
    its message names (``first defined at corpus/entities/people.yaml:3``)."""
    here = os.path.abspath(os.getcwd())
    message = problem.message.replace(here + os.sep, "")
    try:
        rel = os.path.relpath(os.path.abspath(problem.file), here)
    except ValueError:  # another drive (Windows)
        return replace(problem, message=message)
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return replace(problem, message=message)
    return replace(problem, file=rel, message=message)


def _severity_order(problem: Problem) -> tuple:
    return (problem.file, problem.line or 0)


def collect(project: ProjectConfig, paths: list[Path] | None = None,
            registry_path: Path | None = None) -> tuple[list[Problem], dict[str, int]]:
    """Every problem in the project (releases in *paths*, default all) and a few counts."""
    problems: list[Problem] = list(project.problems)  # malformed pressroom_* values
    registry_path = registry_path or project.registry_dir
    if registry_path.exists():
        registry, found = load_registry(registry_path, project.type_names)
        problems.extend(found)
    else:
        registry, _ = load_registry([], project.type_names)
        problems.append(Problem(str(registry_path), None, "warning", "config",
                                "the registry folder does not exist; create it and add "
                                "entries (YAML lists), or set pressroom_registry in conf.py"))
    if paths is None:
        if not project.releases_dir.is_dir():
            problems.append(Problem(str(project.releases_dir), None, "error", "config",
                                    project.no_releases_folder()))
        paths = [project.releases_dir]
        whole_corpus = True
    else:
        whole_corpus = False
    with steps() as track:
        corpus = load_releases(paths, project, track=track)
        linked = lint.link_releases(corpus.releases, registry, track=track)
    problems.extend(corpus.problems)

    problems.extend(lint.ambiguities(registry, linked))
    problems.extend(lint.duplicate_problems(registry))
    if whole_corpus and corpus.releases:
        # only the whole corpus can tell that a name is written nowhere
        problems.extend(lint.unused_aliases(registry, linked))
        problems.extend(lint.unmentioned_entities(registry, linked))
    counts = {"releases": len(corpus.releases), "entries": len(registry)}
    return problems, counts


def run(args: argparse.Namespace) -> int:
    root = Path(args.root) if args.root else None
    paths: list[Path] | None = None
    if args.paths:
        paths = []
        for name in args.paths:
            path = Path(name)
            if not path.exists():
                print(f"pressroom check: error: {name}: no such file or folder", file=sys.stderr)
                return 2
            if path.is_dir() and (path / "conf.py").is_file() and root is None:
                root = path
            else:
                paths.append(path)
        paths = paths or None
    if root is not None and not root.is_dir():
        print(f"pressroom check: error: --root {root}: no such folder", file=sys.stderr)
        return 2
    if missing_path("check", ("--registry ", args.registry)):
        return 2
    registry_path = Path(args.registry) if args.registry else None
    project = load_project(root)
    problems, counts = collect(project, paths, registry_path)
    # what conf.py's suppress_warnings silences in the build is not reported here either
    # (the archivist has seen it); its number is said
    kept = [p for p in problems if not project.suppressed(p.subtype)]
    suppressed = len(problems) - len(kept)
    problems = sorted((_relative(p) for p in kept), key=_severity_order)
    tally = Counter(p.severity for p in problems)
    out = sys.stdout
    for problem in problems:
        if args.quiet and problem.severity == "info":
            continue
        out.write(problem.format() + "\n")
    out.flush()
    print(
        f"checked {counted(counts['releases'], 'release')} and "
        f"{counted(counts['entries'], 'registry entry', 'registry entries')}: "
        f"{counted(tally['error'], 'error')}, {counted(tally['warning'], 'warning')}, "
        f"{counted(tally['info'], 'note')}"
        + (f" ({suppressed} suppressed by conf.py's suppress_warnings)" if suppressed else ""),
        file=sys.stderr,
    )
    if tally["error"] or (args.strict and tally["warning"]):
        return 1
    return 0
