#!/usr/bin/env python3
"""Run one of the project's tox environments on a machine that has only Python.

    python3 dev.py docs     build the site into _build/html
    python3 dev.py tests    run the test suite
    python3 dev.py lint     run the linter
    python3 dev.py pressroom check      run the pressroom command (any of its commands)
    python3 dev.py bench --linker-only  run the benchmark (benchmarks/README.md)
    python3 dev.py catalogs  update the translations' catalogs (tools/catalogs.py)

It makes a virtual environment in ``.venv/`` holding tox (once), then runs
``tox -e ENV``; tox installs everything else the environment needs, as
``tox.ini`` says. Extra arguments go to the environment's command, e.g.
``python3 dev.py tests -k linker``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
ENVS = ("tests", "docs", "lint", "pressroom", "bench", "catalogs")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ENVS:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    bindir = VENV / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    if not python.exists():
        print(f"dev.py: creating {VENV}", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    check = subprocess.run([str(python), "-c", "import tox"], capture_output=True)
    if check.returncode != 0:
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "tox>=4"], check=True)
    env, rest = argv[0], argv[1:]
    cmd = [str(python), "-m", "tox", "-e", env]
    if rest:
        cmd += ["--", *rest]
    return subprocess.run(cmd, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
