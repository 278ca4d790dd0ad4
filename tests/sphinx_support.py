"""Helpers for the Sphinx tests: build a copied test root, read pages, record writes."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
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


def built(srcdir: Path, buildername: str = "html", **kwargs) -> SphinxTestApp:
    """A build of *srcdir* (cleaned up after, whatever happens); its output stays."""
    app = make(srcdir, buildername, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


class Writes:
    """Records the pages the HTML builder writes: documents, Pressroom's collected entry
    and letter pages and its domain indices (not the general index, see
    ``test_the_general_index_is_written_only_when_it_changed``, nor the search page)."""

    def __init__(self, app: SphinxTestApp) -> None:
        self.pages: set[str] = set()
        app.connect("html-page-context", self.record)

    def record(self, app, pagename, templatename, context, doctree) -> None:
        if (doctree is not None or context.get("pressroom_collected")
                or (templatename == "domainindex.html" and pagename.startswith("pressroom-"))):
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


# ---------------------------------------------------------------------------- browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@contextmanager
def serve(outdir: Path) -> Iterator[str]:
    """Serve *outdir* on 127.0.0.1 (a free port) while the block runs; yields the base URL."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):  # the browser drops connections
            pass

    handler_cls = type("H", (http.server.SimpleHTTPRequestHandler,),
                       {"log_message": lambda *a: None})
    handler = functools.partial(handler_cls, directory=str(outdir))
    server = Quiet(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright.

    A missing browser fails the test with a clear message rather than skipping it:
    ``apt-get install chromium`` (``.ci/run`` does).
    """
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"browser tests need Debian's Chromium at {CHROMIUM}: "
                           "apt-get install chromium")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def release_page_text(html: str) -> str:
    """The release as its page shows it, block by block in page order: title, the lines
    apart from the release (publisher's heading, a dateline above the headline), body,
    boilerplate, a date line under it; not the metadata panel, a problems notice or the
    boxes' headings."""
    from bs4 import BeautifulSoup

    section = BeautifulSoup(html, "html.parser").select_one("section#release")
    h1 = section.find("h1")
    for link in h1.select("a.headerlink"):
        link.decompose()
    parts = [h1.get_text()]
    for child in section.find_all(recursive=False):
        classes = child.get("class") or []
        if child.name == "p":
            parts.append(child.get_text())
        elif child.name == "div" and not {"pressroom-meta", "pressroom-problems",
                                          "pressroom-header"} & set(classes):
            parts += [p.get_text() for p in child.find_all("p")
                      if "rubric" not in (p.get("class") or [])]
    return " ".join(parts)


def search_index(outdir: Path) -> dict:
    """The search index an HTML build wrote (``searchindex.js``), as data."""
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1:text.rindex(")")])


def search_hits(index: dict, term: str) -> list[int]:
    """The numbers of the pages the search *index* lists under *term* (stemmed as Sphinx
    stems it: ``elodi``), in ``index["docnames"]``."""
    value = index["terms"].get(term, [])
    return value if isinstance(value, list) else [value]


def search_pages(index: dict, term: str) -> set[str]:
    """The documents the search *index* lists under *term* (see :func:`search_hits`)."""
    return {index["docnames"][i] for i in search_hits(index, term)}
