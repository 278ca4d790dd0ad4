"""Helpers for the Sphinx tests: build a copied test root, read pages, record writes."""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).resolve().parent / "roots"


def copy_root(name: str, dest: Path) -> Path:
    """A private copy of ``tests/roots/test-<name>`` (builds write stubs into the source)."""
    src = dest / "src"
    shutil.copytree(ROOTS / f"test-{name}", src)
    return src


def make(srcdir: Path, buildername: str = "html", **kwargs) -> SphinxTestApp:
    return SphinxTestApp(buildername, srcdir=srcdir, status=StringIO(), warning=StringIO(),
                         **kwargs)


class Writes:
    """Records the pages the HTML builder writes."""

    def __init__(self, app: SphinxTestApp) -> None:
        self.pages: set[str] = set()
        app.connect("html-page-context", self.record)

    def record(self, app, pagename, templatename, context, doctree) -> None:
        if doctree is not None:
            self.pages.add(pagename)


def warnings_of(app: SphinxTestApp) -> list[str]:
    text = app.warning.getvalue()  # type: ignore[attr-defined]
    return [line for line in re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines() if line.strip()]


def page(app: SphinxTestApp, docname: str) -> str:
    return (Path(app.outdir) / f"{docname}.html").read_text(encoding="utf-8")


def main_text(html: str) -> str:
    """The article part of a page (without the theme's chrome)."""
    m = re.search(r'<div class="body" role="main">(.*?)<div class="sphinxsidebar"', html, re.S)
    return m.group(1) if m else html
