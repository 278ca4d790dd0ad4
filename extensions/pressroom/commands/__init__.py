"""Sub-commands of the ``pressroom`` command line; see :mod:`pressroom.cli`."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from pressroom.config import ProjectConfig, load_project
from pressroom.problems import Problem


def missing_path(command: str, *paths: tuple[str, str | None]) -> bool:
    """Whether a path named on the command line does not exist: the first such of *paths*
    (``(label, path)``, the label written before it, e.g. ``--registry ``; a path ``None``
    when not given) is said on standard error. A caller exits 2 (bad command line)."""
    for label, name in paths:
        if name and not Path(name).exists():
            print(f"pressroom {command}: error: {label}{name}: no such file or folder",
                  file=sys.stderr)
            return True
    return False


def project_for(root: Path | None = None) -> ProjectConfig:
    """The project at *root* (or the nearest ``conf.py``), its malformed ``pressroom_*``
    values printed on standard error (each replaced by its default)."""
    project = load_project(root)
    for problem in project.problems:
        print(problem.format(), file=sys.stderr)
    return project


def no_releases_folder(project: ProjectConfig) -> bool:
    """Whether the project's releases folder is missing: said on standard error as
    ``pressroom check`` says it (``corpus/releases: error: … [pressroom.config]``). A
    caller exits 1 (an input that could not be used)."""
    if project.releases_dir.is_dir():
        return False
    from pressroom.commands.check import _relative

    problem = Problem(str(project.releases_dir), None, "error", "config",
                      project.no_releases_folder())
    print(_relative(problem).format(), file=sys.stderr)
    return True


_T = TypeVar("_T")
#: What walks a command's long steps: ``track(items, "reading")`` gives the items back, one
#: by one, showing how far it has gone.
Track = Callable[[Iterable[_T], str], Iterable[_T]]


@contextmanager
def steps() -> Iterator[Track]:
    """A bar on standard error for a command's long steps (reading the releases, linking
    them), shown on a terminal only and cleared when done: on 10,000 releases ``check``
    and ``suggest`` take 15 to 40 s, which were silent until their summary. Elsewhere
    (a pipe, a file, a test) nothing is written."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True)
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        console=console, disable=not console.is_terminal, transient=True)

    def track(items: Iterable[_T], what: str) -> Iterable[_T]:
        items = list(items)
        return progress.track(items, total=len(items), description=what)

    with progress:
        yield track
