"""The guide to starting an archive (``docs/start.md``) builds what it says.

Every code block of the guide with a file name as its caption is written into an
empty folder as that file; the project is then checked by ``pressroom check
--strict`` and built by Sphinx, and must give no warning: a guide whose files no
longer make a working archive fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from cli_helpers import run_cli
from sphinx_support import make, page, warnings_of

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "start.md"
#: ``{code-block} <language>``, ``:caption: <file>``, a blank line, the file, the fence
_BLOCK = re.compile(r"^(`{3,})\{code-block\} \w+\n:caption: (\S+)\n\n(.*?)^\1$", re.M | re.S)


def guide_files() -> dict[str, str]:
    return {name: body for _fence, name, body in _BLOCK.findall(GUIDE.read_text(encoding="utf-8"))}


def test_the_guide_names_every_file_of_its_project():
    files = guide_files()
    assert {"conf.py", "index.md", "releases.md", "glossary.md", "timeline.md",
            "corpus/entities/entities.yaml", ".gitignore"} <= set(files)
    assert any(name.startswith("corpus/releases/harbor-rights/2024/") for name in files)


def test_the_guide_project_checks_and_builds_without_a_warning(tmp_path, capsys, monkeypatch):
    project = tmp_path / "archive-project"
    for name, body in guide_files().items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    (project / "notes.txt").write_text("a file that is no release\n", encoding="utf-8")

    code, out, _err = run_cli(capsys, monkeypatch, project, "check", "--strict")
    assert code == 0, out

    app = make(project, confoverrides={"root_doc": "index"})
    app.build()
    app.cleanup()
    assert warnings_of(app) == []
    release = "corpus/releases/harbor-rights/2024/2024-05-14-coalition-welcomes-port-safety-ruling"
    html = page(app, release)
    for entry in ("maria-okonkwo", "harbor-rights-coalition", "maritime-safety-board",
                  "port-of-eastmere"):
        assert re.search(rf'href="[^"]*/{entry}\.html#entity-{entry}"', html), entry
    assert 'data-speaker="Maria Okonkwo"' in html
    out = Path(app.outdir)
    assert (out / "archive" / "harbor-rights" / "2024" / "05.html").is_file()
    assert (out / "entries" / "person" / "maria-okonkwo.html").is_file()
    soup = BeautifulSoup(html, "html.parser")  # the publisher's boilerplate, shown apart
    assert "About the Coalition" in soup.select_one(".pressroom-footer").get_text()
    assert "About the Coalition" not in soup.select_one(".pressroom-body").get_text()
    assert not (out / "notes.html").exists()  # include_patterns keeps it out


def test_a_note_among_the_releases_is_reported_not_published(tmp_path):
    """A Markdown note left in a releases folder is no release (``release_ignored`` says
    so); the guide's ``include_patterns`` had let Sphinx publish it as a page of its own,
    in no table of contents."""
    project = tmp_path / "archive-project"
    for name, body in guide_files().items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    note = project / "corpus/releases/harbor-rights/2024/notes.md"
    note.write_text("# Notes\n\nTo ask the Coalition about the May release.\n", encoding="utf-8")
    app = make(project, confoverrides={"root_doc": "index"})
    app.build()
    app.cleanup()
    warnings = warnings_of(app)
    assert len(warnings) == 1 and "notes.md" in warnings[0] and "release_ignored" in warnings[0]
    assert not (Path(app.outdir) / "corpus/releases/harbor-rights/2024/notes.html").exists()
