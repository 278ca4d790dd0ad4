"""Small projects in temporary folders for the command-line tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

from pressroom.cli import main

CONF = """\
project = "test"
pressroom_publishers = {
    "acme-rights": {"name": "Acme Rights", "footer_markers": ["About Acme Rights"]},
}
"""

RELEASE_A = """\
Acme Rights Condemns Arrest of Jane Roe
Tuesday, May 3, 2011

Geneva – Acme Rights today condemned the arrest of Jane Roe in Freedonia.
"This arrest is an outrage against every defender," said Roe's colleague John Doe.
Roe was detained by the Freedonia Police Service.

About Acme Rights: we defend defenders.
"""

RELEASE_B = """\
Freedonia Must Free Jane Roe
Wednesday, June 1, 2011

Geneva – Acme Rights renewed its call on Freedonia to free Jane Roe.
Doe said the Freedonia Police Service had refused all visits.
"""

REGISTRY = """\
- id: jane-roe
  type: person
  name: Jane Roe
  aliases:
    - Janie Roe
  description: A human rights defender.
- id: john-doe
  type: person
  name: John Doe
- id: acme-rights
  type: organization
  name: Acme Rights
- id: freedonia
  type: place
  name: Freedonia
- id: freedonia-police
  type: organization
  name: Freedonia Police Service
- id: atlantis
  type: place
  name: Atlantis
"""


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def make_project(
    root: Path, registry: str = REGISTRY, releases: dict[str, str] | None = None
) -> Path:
    """A project at *root*: conf.py, a registry file and two releases of one publisher."""
    write(root / "conf.py", CONF)
    write(root / "corpus" / "entities" / "entities.yaml", registry)
    if releases is None:
        releases = {
            "acme-rights/2011/2011-05-03-arrest.txt": RELEASE_A,
            "acme-rights/2011/2011-06-01-free.txt": RELEASE_B,
        }
    for name, text in releases.items():
        write(root / "corpus" / "releases" / name, text)
    return root


def run_cli(capsys, monkeypatch, cwd: Path, *argv: str) -> tuple[int, str, str]:
    """Run ``pressroom ARGV`` in *cwd*; returns (exit code, stdout, stderr)."""
    monkeypatch.chdir(cwd)
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse errors
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err
