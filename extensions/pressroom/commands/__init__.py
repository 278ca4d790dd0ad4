"""Sub-commands of the ``pressroom`` command line; see :mod:`pressroom.cli`."""

from __future__ import annotations

import sys
from pathlib import Path

from pressroom.config import ProjectConfig, load_project


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
