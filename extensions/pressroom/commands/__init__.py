"""Sub-commands of the ``pressroom`` command line; see :mod:`pressroom.cli`."""

from __future__ import annotations

import sys
from pathlib import Path

from pressroom.config import ProjectConfig, load_project


def project_for(root: Path | None = None) -> ProjectConfig:
    """The project at *root* (or the nearest ``conf.py``), its malformed ``pressroom_*``
    values printed on standard error (each replaced by its default)."""
    project = load_project(root)
    for problem in project.problems:
        print(problem.format(), file=sys.stderr)
    return project
