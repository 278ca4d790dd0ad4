"""A release page as reference managers read it and as a reader cites it: the Highwire
Press (``citation_*``) and Dublin Core (``DC.*``) tags, the visible citation, and the
release file's SHA-256 on its page and in the export."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import extruct
from bs4 import BeautifulSoup

from sphinx_support import built, copy_root, page

SEED = "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue"
BASE = "https://press.example.org/"
HOSTILE = "corpus/releases/hrf/2011/cited"
HOSTILE_TITLE = 'Say "No" & \'Yes\' </script><script>alert(1)</script> <b>now</b>'


def _meta(html: str) -> dict[str, list[str]]:
    soup = BeautifulSoup(html, "html.parser")
    out: dict[str, list[str]] = {}
    for tag in soup.find_all("meta", attrs={"name": True}):
        out.setdefault(tag["name"], []).append(tag["content"])
    return out


def _citation(html: str) -> BeautifulSoup:
    (section,) = BeautifulSoup(html, "html.parser").select("section.pressroom-cite")
    return section


def _write_hostile(src: Path, title: str = HOSTILE_TITLE, day: str = "June 1, 2011") -> None:
    time.sleep(0.01)  # distinct mtime
    (src / f"{HOSTILE}.txt").write_text(
        f"{title}\n\nWashington, DC – Jane Roe said nothing.\n\nPublished on {day}\n",
        encoding="utf-8")


def test_release_page_carries_citation_tags_under_html_baseurl(tmp_path):
    src = copy_root("pressroom", tmp_path)
    app = built(src, confoverrides={"html_baseurl": BASE})
    html = page(app, SEED)
    url = BASE + SEED + ".html"
    meta = _meta(html)
    title = "Upcoming Dialogue Not Enough to Address China’s Mounting Human Rights Abuses"
    assert meta["citation_title"] == [title]
    assert meta["citation_publication_date"] == ["2011/04/27"]
    assert meta["citation_author"] == meta["citation_publisher"] == ["Human Rights First"]
    assert meta["citation_language"] == ["en"]
    assert meta["citation_public_url"] == [url]
    assert f'<link rel="canonical" href="{url}"' in html  # Sphinx's, the same address
    # Dublin Core, as a reader of it finds it (extruct's, which Zotero's reading follows)
    (dc,) = extruct.extract(html, syntaxes=["dublincore"])["dublincore"]
    assert dc["namespaces"] == {"DC": "http://purl.org/dc/elements/1.1/"}
    dc = {e["URI"].rpartition("/")[2]: e["content"] for e in dc["elements"]
          if e["name"].startswith("DC.")}
    assert dc["title"] == title
    assert dc["date"] == "2011-04-27"
    assert dc["creator"] == dc["publisher"] == "Human Rights First"
    assert dc["identifier"] == url
    # the citation a reader copies: the address given, the date accessed left to them
    cite = _citation(html)
    assert cite.h2.get_text() == "Cite this release"
    assert cite.select_one("p.pressroom-citation").get_text() == (
        f"Human Rights First. “{title}.” Press release, 27 April 2011. {url}")
    assert cite.select_one("p.pressroom-citation a")["href"] == url
    assert "accessed" in cite.select_one("p.pressroom-cite-note").get_text()
    # a hand-written page is no release: none of it
    assert "citation_title" not in page(app, "docs/index")
    assert "pressroom-cite" not in page(app, "docs/index")


def test_dirhtml_cites_the_folder_address(tmp_path):
    src = copy_root("pressroom", tmp_path)
    app = built(src, "dirhtml", confoverrides={"html_baseurl": BASE})
    html = (Path(app.outdir) / SEED / "index.html").read_text(encoding="utf-8")
    url = BASE + SEED + "/"
    assert _meta(html)["citation_public_url"] == [url]
    assert f'<link rel="canonical" href="{url}"' in html
    assert _citation(html).select_one("p.pressroom-citation a")["href"] == url


def test_without_html_baseurl_no_address_is_given(tmp_path):
    src = copy_root("pressroom", tmp_path)
    app = built(src)
    html = page(app, SEED)
    meta = _meta(html)
    assert meta["citation_title"]
    assert "citation_public_url" not in meta and "DC.identifier" not in meta
    cite = _citation(html)
    assert cite.select_one("p.pressroom-citation a") is None  # a relative one is no address
    assert "this page's address" in cite.select_one("p.pressroom-cite-note").get_text()


def test_a_hostile_title_is_text_in_the_tags_and_the_citation(tmp_path):
    src = copy_root("pressroom", tmp_path)
    _write_hostile(src)
    app = built(src, confoverrides={"html_baseurl": BASE})
    html = page(app, HOSTILE)
    assert "<script>alert(1)" not in html and "<b>now</b>" not in html
    meta = _meta(html)
    assert meta["citation_title"] == meta["DC.title"] == [HOSTILE_TITLE]
    assert meta["citation_publication_date"] == ["2011/06/01"]
    assert _citation(html).select_one("p.pressroom-citation").get_text().startswith(
        f"Human Rights First. “{HOSTILE_TITLE}.” Press release, 1 June 2011.")
    # the JSON-LD still parses, with the title as written
    (ld,) = extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
    assert ld["headline"] == HOSTILE_TITLE


def test_an_incremental_build_updates_the_tags_and_citation(tmp_path):
    src = copy_root("pressroom", tmp_path)
    _write_hostile(src, "First Title")
    built(src)
    _write_hostile(src, "Second Title", "July 4, 2011")
    app = built(src)
    html = page(app, HOSTILE)
    meta = _meta(html)
    assert meta["citation_title"] == meta["DC.title"] == ["Second Title"]
    assert meta["citation_publication_date"] == ["2011/07/04"]
    assert meta["DC.date"] == ["2011-07-04"]
    assert "“Second Title.” Press release, 4 July 2011." in _citation(html).get_text()


def test_a_title_in_another_language_is_marked_in_the_citation(tmp_path):
    src = copy_root("pressroom", tmp_path)
    for name, language, title in (("fr", "fr", "La Chine doit libérer les avocats"),
                                  ("ar", "ar", "الصين يجب أن تفرج عن المحامين")):
        (src / f"corpus/releases/hrf/2011/2011-05-04-{name}.txt").write_text(
            f"---\nlanguage: {language}\n---\n{title}\n\nWashington, DC – Text.\n\n"
            "Published on May 4, 2011\n",
            encoding="utf-8")
    app = built(src)
    french = _citation(page(app, "corpus/releases/hrf/2011/2011-05-04-fr"))
    (span,) = french.select("p.pressroom-citation span")
    assert (span.get_text(), span["lang"], span.get("dir")) == (
        "La Chine doit libérer les avocats", "fr", None)
    assert french.select_one("p.pressroom-citation").get_text() == (
        "Human Rights First. “La Chine doit libérer les avocats.” Press release, 4 May 2011.")
    (span,) = _citation(page(app, "corpus/releases/hrf/2011/2011-05-04-ar")).select(
        "p.pressroom-citation span")
    assert (span["lang"], span["dir"]) == ("ar", "rtl")
    assert _meta(page(app, "corpus/releases/hrf/2011/2011-05-04-fr"))["citation_language"] == ["fr"]
    # one in the site's language: nothing marked
    assert not _citation(page(app, SEED)).select("p.pressroom-citation span")


def _sha256_shown(html: str) -> str:
    (code,) = BeautifulSoup(html, "html.parser").select("code.pressroom-sha256")
    return code.get_text()


def test_the_file_as_received_is_named_by_its_sha256(tmp_path):
    src = copy_root("pressroom", tmp_path)
    _write_hostile(src, "First Title")
    app = built(src)
    out = Path(app.outdir)
    export = {r["id"]: r for r in json.loads((out / "pressroom.json").read_text())["releases"]}
    for docname in (SEED, HOSTILE):
        received = hashlib.sha256((src / f"{docname}.txt").read_bytes()).hexdigest()
        assert _sha256_shown(page(app, docname)) == received
        # the copy the File field links is that file, byte for byte
        assert hashlib.sha256((out / "_sources" / f"{docname}.txt").read_bytes()).hexdigest() \
            == received
        assert export[docname]["sha256"] == received
    # the file edited, the next build (incremental) names the new one
    _write_hostile(src, "Second Title")
    app = built(src)
    received = hashlib.sha256((src / f"{HOSTILE}.txt").read_bytes()).hexdigest()
    assert _sha256_shown(page(app, HOSTILE)) == received
    export = {r["id"]: r for r in
              json.loads((Path(app.outdir) / "pressroom.json").read_text())["releases"]}
    assert export[HOSTILE]["sha256"] == received
