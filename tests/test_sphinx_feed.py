"""The Atom feed of the newest releases (``releases.atom``)."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sphinx_support import built, copy_root, page

ATOM = "{http://www.w3.org/2005/Atom}"
FOLDER = "corpus/releases/hrf/2011"
MARKUP = f"{FOLDER}/2011-05-02-markup-is-data"
SEED = f"{FOLDER}/2011-04-27-upcoming-dialogue"


def feed(outdir: Path) -> ET.Element:
    return ET.parse(outdir / "releases.atom").getroot()


def entries(root: ET.Element) -> list[dict]:
    out = []
    for e in root.iter(f"{ATOM}entry"):
        out.append({
            "title": e.findtext(f"{ATOM}title"),
            "href": e.find(f"{ATOM}link").get("href"),
            "id": e.findtext(f"{ATOM}id"),
            "updated": e.findtext(f"{ATOM}updated"),
            "author": e.findtext(f"{ATOM}author/{ATOM}name"),
            "summary": e.findtext(f"{ATOM}summary"),
            "categories": [c.get("term") for c in e.iter(f"{ATOM}category")],
        })
    return out


def test_the_feed_lists_the_newest_releases(pressroom_site):
    outdir = Path(pressroom_site.outdir)
    root = feed(outdir)  # well-formed XML: a release's markup is escaped
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}updated") == "2011-05-02T00:00:00Z"
    got = entries(root)
    assert [e["href"] for e in got] == [f"{MARKUP}.html", f"{SEED}.html"]
    for e in got:
        assert (outdir / e["href"]).is_file()
        assert e["id"].startswith("urn:uuid:") and e["author"] == "Human Rights First"
    markup, seed = got
    # the title as written, markup and all, as text
    assert markup["title"] == "Markup Is Data: *bold* and <script>alert(1)</script>"
    assert markup["updated"] == "2011-05-02T00:00:00Z"
    # the opening words of the first paragraph, cut at a word with "…"
    assert markup["summary"].startswith("Jane Roe met Brian Dooley to discuss `code`")
    assert seed["summary"].startswith("Today as the U.S.-China Human Rights Dialogue begins")
    assert seed["summary"].endswith(" …") and len(seed["summary"]) <= 302
    # the entries a release mentions, by id, each once
    assert markup["categories"] == ["washington-dc", "jane-roe", "brian-dooley", "china"]
    assert len(seed["categories"]) == len(set(seed["categories"]))
    assert "hu-jintao" in seed["categories"]
    # every page's head links the feed, relative to the page
    assert ('<link rel="alternate" type="application/atom+xml" title="Pressroom test: newest '
            'releases" href="../../../../releases.atom">') in page(pressroom_site, SEED)
    assert 'href="../../releases.atom"' in page(pressroom_site, "entries/person/brian-dooley")


def test_feed_size_base_url_and_incremental_builds(tmp_path):
    src = copy_root("pressroom", tmp_path)
    conf = {"pressroom_feed_entries": 1, "html_baseurl": "https://archive.example.org/"}
    app = built(src, confoverrides=conf)
    outdir = Path(app.outdir)
    [only] = entries(feed(outdir))
    assert only["href"] == f"https://archive.example.org/{MARKUP}.html"
    assert only["id"].startswith("urn:uuid:")  # a name, not the address (see below)
    # a newer release arrives: the next build's feed starts with it; an undated one is
    # left out (it cannot be placed in time)
    time.sleep(0.01)
    (src / FOLDER / "2011-06-01-newer.txt").write_text(
        "A Newer Release\n\nJune 1, 2011\n\nWashington, DC – Jane Roe spoke.\n", encoding="utf-8")
    (src / "corpus/releases/hrf/undated.txt").write_text(
        "---\ntitle: No Date\n---\nJane Roe, some time.\n", encoding="utf-8")
    built(src, confoverrides=conf)
    [only] = entries(feed(outdir))
    assert only["title"] == "A Newer Release"
    assert only["categories"] == ["washington-dc", "jane-roe"]  # in the order they appear
    built(src, confoverrides={**conf, "pressroom_feed_entries": 10})
    assert [e["title"] for e in entries(feed(outdir))][0] == "A Newer Release"
    assert "No Date" not in [e["title"] for e in entries(feed(outdir))]
    assert len(entries(feed(outdir))) == 3


def test_no_feed_when_its_size_is_zero(tmp_path):
    """Also after a build that wrote one: it was left in the output (a fresh build has
    none); a file of that name the feed did not write is kept."""
    src = copy_root("pressroom", tmp_path)
    outdir = Path(built(src).outdir)
    assert "<generator>Pressroom</generator>" in (outdir / "releases.atom").read_text("utf-8")
    app = built(src, confoverrides={"pressroom_feed_entries": 0})
    assert not (Path(app.outdir) / "releases.atom").exists()
    assert "application/atom+xml" not in page(app, SEED)
    (outdir / "releases.atom").write_text("<feed>someone else's</feed>", encoding="utf-8")
    built(src, confoverrides={"pressroom_feed_entries": 0})
    assert (outdir / "releases.atom").read_text("utf-8") == "<feed>someone else's</feed>"


def test_ids_are_stable(tmp_path):
    """An entry's id is the same from build to build, and also when the site is given a
    base address or built as ``dirhtml``: they were the address then, and a feed reader
    showed every release as new when the site moved (RFC 4287: ids do not change)."""
    one = entries(feed(Path(built(copy_root("pressroom", tmp_path / "a")).outdir)))
    two = entries(feed(Path(built(copy_root("pressroom", tmp_path / "b")).outdir)))
    assert [e["id"] for e in one] == [e["id"] for e in two]
    assert len({e["id"] for e in one}) == len(one)
    based = entries(feed(Path(built(copy_root("pressroom", tmp_path / "c"), confoverrides={
        "html_baseurl": "https://archive.example.org/"}).outdir)))
    dirs = entries(feed(Path(built(copy_root("pressroom", tmp_path / "d"), "dirhtml").outdir)))
    assert [e["id"] for e in based] == [e["id"] for e in dirs] == [e["id"] for e in one]
    assert based[0]["href"].startswith("https://archive.example.org/")


def test_no_feed_in_an_e_book(tmp_path):
    app = built(copy_root("pressroom", tmp_path), "epub")
    outdir = Path(app.outdir)
    assert not (outdir / "releases.atom").exists()
    assert "application/atom+xml" not in (outdir / f"{SEED}.xhtml").read_text(encoding="utf-8")


@pytest.mark.parametrize("builder", ["qthelp", "devhelp", "htmlhelp"])
# devhelp's and htmlhelp's builders (sphinxcontrib packages) call Sphinx's toctree without
# the argument Sphinx 11 will require: their warning, not Pressroom's
@pytest.mark.filterwarnings("ignore:'tags' will become a required keyword argument")
def test_no_feed_export_or_redirect_in_a_help_file(tmp_path, builder):
    """A help file is read offline like an e-book: the feed, the export and the root
    redirect, written beside a web site, were written into its folder (and Qt Help listed
    the redirect among its pages)."""
    app = built(copy_root("pressroom", tmp_path), builder)
    outdir = Path(app.outdir)
    assert (outdir / f"{SEED}.html").is_file()  # the help file's pages are there
    for name in ("releases.atom", "pressroom.json", "index.html"):
        assert not (outdir / name).exists(), name
    # (HTML Help writes its pages in the Windows code page of the language)
    assert b"application/atom+xml" not in (outdir / f"{SEED}.html").read_bytes()
