"""Pages that moved (``pressroom_moved``): a release file renamed or an entry's id changed
keeps its former address, which redirects to the page."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from pressroom.sphinxext.redirects import moved_pages, plain_page, redirect_html
from sphinx_support import built, copy_root, warnings_of

SEED = "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue"
FORMER = "corpus/releases/hrf/2011/2011-04-26-upcoming-dialogue"
ENTRY = "entries/person/brian-dooley"
FORMER_ENTRY = "entries/person/dooley"
BASE = "https://press.example.org/"


def test_plain_page():
    assert plain_page(SEED) and plain_page("entries/person/caf-f424452a")
    for bad in ("", "/etc/passwd", "../outside", "a/../b", "a//b", "a/./b", "page.html",
                f"{SEED}.txt", "a\\b", 'a"><script>', " a", "a\nb"):
        assert not plain_page(bad), bad


def test_moved_pages_keeps_what_can_be_written():
    pages = {SEED, ENTRY}
    pairs, problems = moved_pages({FORMER: SEED, FORMER_ENTRY: ENTRY, ENTRY: SEED,
                                   "old/x": "no/such/page", "../x": SEED}, pages)
    assert pairs == [(FORMER, SEED), (FORMER_ENTRY, ENTRY)]
    assert len(problems) == 3
    assert any("'entries/person/brian-dooley' is a page of the site" in p for p in problems)
    assert any("there is no page 'no/such/page'" in p for p in problems)
    assert any("'../x'" in p and "without .html or .txt" in p for p in problems)


def test_redirect_html_escapes_its_addresses():
    html = redirect_html('a"b.html', "https://x.example/<a>", "en")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("meta", attrs={"http-equiv": "refresh"})["content"] == '0; url=a"b.html'
    assert soup.find("link", rel="canonical")["href"] == "https://x.example/<a>"
    assert "<a>" not in html.replace("<a href", "")


def _redirect(path: Path) -> tuple[str, str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
    return refresh.removeprefix("0; url="), soup.find("link", rel="canonical")["href"]


def test_a_renamed_release_and_a_changed_id_keep_their_former_address(tmp_path):
    src = copy_root("pressroom", tmp_path)
    out = tmp_path / "out"
    built(src, "html", confoverrides={"html_baseurl": BASE}, builddir=out)
    html_out = out / "html"
    assert (html_out / f"{SEED}.html").is_file()
    # the release file renamed (its date corrected the other way round, for the test)
    shutil.move(src / f"{SEED}.txt", src / f"{FORMER}.txt")
    moved = {SEED: FORMER, FORMER_ENTRY: ENTRY}
    app = built(src, "html", builddir=out,
                confoverrides={"html_baseurl": BASE, "pressroom_moved": moved})
    assert (html_out / f"{FORMER}.html").read_text(encoding="utf-8").count("<h1>") == 1
    assert _redirect(html_out / f"{SEED}.html") == (
        "2011-04-26-upcoming-dialogue.html", f"{BASE}{FORMER}.html")
    assert _redirect(html_out / f"{FORMER_ENTRY}.html") == (
        "brian-dooley.html", f"{BASE}{ENTRY}.html")
    assert not [w for w in warnings_of(app) if "pressroom_moved" in w]
    # no longer listed: the redirect goes at the next build, the pages stay
    built(src, "html", builddir=out, confoverrides={"html_baseurl": BASE,
                                                    "pressroom_moved": {SEED: FORMER}})
    assert not (html_out / f"{FORMER_ENTRY}.html").exists()
    assert (html_out / f"{SEED}.html").is_file() and (html_out / f"{ENTRY}.html").is_file()


def test_dirhtml_redirects_folder_to_folder_and_bad_moves_warn(tmp_path):
    src = copy_root("pressroom", tmp_path)
    moved = {FORMER_ENTRY: ENTRY, ENTRY: SEED, "old/page": "no/such/page"}
    app = built(src, "dirhtml", confoverrides={"pressroom_moved": moved})
    out = Path(app.outdir)
    # without html_baseurl the address to keep is the page's, relative to the redirect
    assert _redirect(out / FORMER_ENTRY / "index.html") == ("../brian-dooley/",
                                                           "../brian-dooley/")
    assert "<h1>This page has moved" not in (out / ENTRY / "index.html").read_text()
    assert not (out / "old").exists()
    said = [w for w in warnings_of(app) if "pressroom_moved" in w]
    assert len(said) == 2 and all(w.endswith("[pressroom.config]") for w in said)


def test_a_former_address_where_a_page_is_written_is_not_overwritten(tmp_path):
    """Sphinx's own pages (search, genindex) are no documents of the site, and with
    ``dirhtml`` a folder's address is its index page's: a redirect there replaced the page."""
    src = copy_root("pressroom", tmp_path)
    moved = {"search": ENTRY, "genindex": ENTRY, "entries/person": ENTRY,
             FORMER_ENTRY: ENTRY}
    app = built(src, "dirhtml", confoverrides={"pressroom_moved": moved})
    out = Path(app.outdir)
    for page in ("search/index.html", "genindex/index.html"):
        assert "This page has moved" not in (out / page).read_text(encoding="utf-8"), page
    if (out / "entries/person/index.html").is_file():
        assert "This page has moved" not in (out / "entries/person/index.html").read_text(
            encoding="utf-8")
    assert _redirect(out / FORMER_ENTRY / "index.html")[0] == "../brian-dooley/"
    said = [w for w in warnings_of(app) if "pressroom_moved" in w]
    assert any("'search'" in w for w in said) and any("'genindex'" in w for w in said)


def test_a_move_that_cannot_be_written_is_a_warning_at_its_line_of_conf_py(tmp_path):
    """As a malformed value of the other settings is: the line ``pressroom_moved`` is set on."""
    src = copy_root("pressroom", tmp_path)
    conf = src / "conf.py"
    text = conf.read_text(encoding="utf-8")
    conf.write_text(text + f"\npressroom_moved = {{'search': {ENTRY!r}, 'old': 'no/page'}}\n",
                    encoding="utf-8")
    line = len(text.splitlines()) + 2
    app = built(src)
    said = [w for w in warnings_of(app) if "pressroom_moved" in w]
    assert len(said) == 2, said
    assert all(f"conf.py:{line}:" in w for w in said), said
