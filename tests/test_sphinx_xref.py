"""objects.inv, intersphinx from another project, and JSON-LD on release and entry pages."""

from __future__ import annotations

import json
from pathlib import Path

import extruct
from bs4 import BeautifulSoup
from sphinx.util.inventory import InventoryFile

from pressroom import problems
from sphinx_support import built, copy_root, make, page, warnings_of

SEED = "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue"


def _inventory(outdir: Path):
    with open(outdir / "objects.inv", "rb") as f:
        return InventoryFile.load(f, str(outdir), lambda base, uri: f"{base}/{uri}")


def test_objects_inv_lists_every_entry_and_alias(pressroom_site):
    inv = _inventory(Path(pressroom_site.outdir))
    data = inv.data if hasattr(inv, "data") else inv
    people = data["pressroom:person"]
    assert {"brian-dooley", "hu-jintao", "liu-xiaobo", "ai-weiwei", "jane-roe"} <= set(people)
    item = people["liu-xiaobo"]
    uri = item.uri if hasattr(item, "uri") else item[2]
    assert uri.endswith("entries/person/liu-xiaobo.html#entity-liu-xiaobo")
    assert "Xiaobo" in people  # aliases are objects too
    assert "nobel-peace-prize" in data["pressroom:award"]
    assert "human-rights-first" in data["pressroom:organization"]


def test_intersphinx_links_to_an_entry(pressroom_site, tmp_path):
    outdir = Path(pressroom_site.outdir)
    src = tmp_path / "other"
    src.mkdir()
    (src / "conf.py").write_text(
        # the other project uses Pressroom's roles but has no corpus of its own
        "extensions = ['sphinx.ext.intersphinx', 'pressroom.sphinxext']\n"
        f"intersphinx_mapping = {{'press': ({str(outdir)!r}, {str(outdir / 'objects.inv')!r})}}\n"
        "html_theme = 'basic'\n", encoding="utf-8")
    (src / "index.rst").write_text(
        "Other\n=====\n\nSee :external+press:pressroom:person:`liu-xiaobo`, "
        ":external:pressroom:organization:`human-rights-first` and "
        ":pressroom:place:`china`.\n", encoding="utf-8")
    app = make(src, confoverrides={"nitpicky": True})
    app.build()
    html = page(app, "index")
    assert f'href="{outdir}/entries/person/liu-xiaobo.html#entity-liu-xiaobo"' in html
    assert "entries/organization/human-rights-first.html" in html
    assert f'href="{outdir}/entries/place/china.html#entity-china"' in html
    assert not (src / "entries").exists()
    assert warnings_of(app) == []
    app.cleanup()


def _jsonld(html: str) -> list[dict]:
    return extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]


def test_release_jsonld(pressroom_site):
    (data,) = _jsonld(page(pressroom_site, SEED))
    assert data["@type"] == "NewsArticle"
    assert data["headline"].startswith("Upcoming Dialogue Not Enough")
    assert data["datePublished"] == "2011-04-27"
    assert data["publisher"] == {"@type": "Organization", "name": "Human Rights First",
                                 "url": "https://humanrightsfirst.org"}
    mentions = {m["identifier"]: m for m in data["mentions"]}
    assert mentions["liu-xiaobo"]["@type"] == "Person"
    assert "sameAs" not in mentions["liu-xiaobo"]  # no id in the registry: none invented
    assert mentions["china"]["@type"] == "Place"
    assert mentions["china"]["sameAs"] == "https://www.wikidata.org/wiki/Q148"
    assert mentions["us-china-human-rights-dialogue-2011"]["@type"] == "Event"
    assert len(mentions) == 11  # 11 registered entities in the test root are mentioned


def _description(html: str) -> str:
    """The page's ``<meta name="description">``, unescaped (there is one)."""
    (meta,) = BeautifulSoup(html, "html.parser").find_all("meta", attrs={"name": "description"})
    return meta["content"]


def test_pages_describe_themselves(pressroom_site):
    """A release page's description (HTML's and JSON-LD's) is its first sentence, cut at a
    word boundary; an entry page's its entry's. No page had one."""
    html = page(pressroom_site, SEED)
    said = ("Today as the U.S.-China Human Rights Dialogue begins, Human Rights First is "
            "calling on the Obama Administration to make clear that it views the Chinese …")
    assert _description(html) == said and len(said) <= 160
    (data,) = _jsonld(html)
    assert data["description"] == said
    html = page(pressroom_site, "entries/person/liu-xiaobo")
    assert _description(html) == "Chinese writer and Nobel Peace Prize laureate."


def test_a_description_is_text_whatever_the_release_or_registry_says(tmp_path):
    """A deck is a release's description; a byline is not; the release's words are text,
    escaped, never markup; an entry the registry does not describe is described by its
    type and counts, in its JSON-LD too."""
    src = copy_root("pressroom", tmp_path)
    folder = src / "corpus/releases/hrf/2011"
    (folder / "2011-06-01-deck.txt").write_text(
        "Talks Resume\n\nA deck under the headline\n\nJune 1, 2011\n\n"
        "Geneva – The talks resumed today. Jane Roe was there.\n", encoding="utf-8")
    (folder / "2011-06-02-hostile.txt").write_text(
        'Hostile Words\n\nJune 2, 2011\n\nBy Jane Roe\n\n'
        'Zora Quill wrote "><script>alert(1)</script> & <b>bold</b> today. More.\n\n'
        '“We will not stop,” said Zora Quill.\n', encoding="utf-8")
    registry = src / "corpus/entities/entities.yaml"
    registry.write_text(registry.read_text(encoding="utf-8")
                        + "- id: zora-quill\n  type: person\n  name: Zora Quill\n",
                        encoding="utf-8")
    app = built(src)
    assert _description(page(app, "corpus/releases/hrf/2011/2011-06-01-deck")) == \
        "A deck under the headline"
    html = page(app, "corpus/releases/hrf/2011/2011-06-02-hostile")
    said = 'Zora Quill wrote "><script>alert(1)</script> & <b>bold</b> today.'
    assert _description(html) == said
    head = html[:html.index("</head>")]
    assert head.count("<script>") == 0 and "<b>" not in head
    (data,) = _jsonld(html)
    assert data["description"] == said
    quill = page(app, "entries/person/zora-quill")
    assert _description(quill) == "Person mentioned in 1 release, quoted in 1 release."
    (person,) = _jsonld(quill)
    assert person["description"] == "Person mentioned in 1 release, quoted in 1 release."


def test_entry_jsonld(pressroom_site):
    (person,) = _jsonld(page(pressroom_site, "entries/person/liu-xiaobo"))
    assert person["@type"] == "Person" and person["name"] == "Liu Xiaobo"
    assert "sameAs" not in person
    assert person["alternateName"] == ["Xiaobo"]
    assert person["description"] == "Chinese writer and Nobel Peace Prize laureate."
    assert "birthDate" not in person  # none in the registry
    (hu,) = _jsonld(page(pressroom_site, "entries/person/hu-jintao"))
    assert hu["birthDate"] == "1942-12-21" and "deathDate" not in hu
    (event,) = _jsonld(page(pressroom_site, "entries/event/us-china-human-rights-dialogue-2011"))
    assert event["@type"] == "Event" and event["startDate"] == "2011-04-27"
    (org,) = _jsonld(page(pressroom_site, "entries/organization/human-rights-first"))
    assert org["@type"] == "Organization" and org["foundingDate"] == "1978"
    (place,) = _jsonld(page(pressroom_site, "entries/place/china"))
    assert place["@type"] == "Place" and place["sameAs"] == "https://www.wikidata.org/wiki/Q148"


def test_jsonld_urls_resolve_from_the_page_they_are_in(pressroom_site):
    """Without ``html_baseurl``, a JSON-LD ``url`` is relative to the page (a reader of the
    data resolves it against the page's address); it was a path from the top of the site,
    which resolved to ``entries/person/entries/person/…``."""
    from urllib.parse import urljoin, urlsplit

    outdir = Path(pressroom_site.outdir)
    checked = 0
    for docname in (SEED, "entries/person/liu-xiaobo", "entries/place/china"):
        base = (outdir / f"{docname}.html").as_uri()
        for data in _jsonld(page(pressroom_site, docname)):
            for item in [data, *data.get("mentions", [])]:
                target = urlsplit(urljoin(base, item["url"]))
                html = Path(target.path).read_text(encoding="utf-8")
                assert not target.fragment or f'id="{target.fragment}"' in html, item["url"]
                checked += 1
    assert checked == 14  # the release, its 11 entries, the two entries


def test_jsonld_names_one_node_per_entry(pressroom_site):
    """An entry's node has one ``@id`` (its anchor's address), the same from the release
    that mentions it as from its own page, once resolved: a reader of the data joins the
    mention to the entry (it saw as many unnamed nodes as pages). The dateline's place, a
    registry entry, is that entry's node too."""
    from urllib.parse import urljoin

    outdir = Path(pressroom_site.outdir)

    def ids(docname: str) -> list[dict]:
        base = (outdir / f"{docname}.html").as_uri()
        out = []
        for data in _jsonld(page(pressroom_site, docname)):
            for item in [data, *data.get("mentions", []), data.get("locationCreated") or {}]:
                if "@id" in item:
                    out.append({**item, "@id": urljoin(base, item["@id"])})
        return out

    release = {item.get("identifier", "release"): item["@id"] for item in ids(SEED)}
    for eid, docname in (("liu-xiaobo", "entries/person/liu-xiaobo"),
                         ("china", "entries/place/china")):
        (own,) = ids(docname)
        assert own["@id"] == release[eid] == (outdir / f"{docname}.html").as_uri() + \
            f"#entity-{eid}"
    assert release["release"] == (outdir / f"{SEED}.html").as_uri()
    (data,) = _jsonld(page(pressroom_site, SEED))
    assert data["locationCreated"]["identifier"] == "washington-dc"


def test_jsonld_cannot_break_out_of_its_script(pressroom_site):
    html = page(pressroom_site, "corpus/releases/hrf/2011/2011-05-02-markup-is-data")
    script = html[html.index('<script type="application/ld+json">'):]
    script = script[:script.index("</script>")]
    assert "<script>alert" not in script[10:]
    data = json.loads(script[len('<script type="application/ld+json">'):])
    assert data["headline"] == "Markup Is Data: *bold* and <script>alert(1)</script>"


def test_release_directive_missing_file_warns_with_location(tmp_path):
    src = tmp_path / "missing"
    src.mkdir()
    (src / "conf.py").write_text("extensions = ['pressroom.sphinxext']\nhtml_theme = 'basic'\n",
                                 encoding="utf-8")
    (src / "index.rst").write_text("Page\n====\n\nText.\n\n.. release:: nowhere/gone.txt\n",
                                   encoding="utf-8")
    app = make(src)
    app.build()
    warnings = warnings_of(app)
    app.cleanup()
    assert len(warnings) == 1
    assert f"{src}/index.rst:6:" in warnings[0]
    assert "[pressroom.release_missing]" in warnings[0]


def test_the_warnings_catalogue_is_read_again_when_the_catalogue_changes(tmp_path):
    """``pressroom:warnings`` shows the subtypes the installed code knows: its page
    depends on the catalogue's module, so upgrading Pressroom re-reads it."""
    src = copy_root("pressroom", tmp_path)
    (src / "docs" / "catalogue.rst").write_text(
        ":orphan:\n\nWarnings\n========\n\n.. pressroom:warnings::\n", encoding="utf-8")
    app = built(src)
    deps = {Path(app.srcdir, d).resolve() for d in app.env.dependencies["docs/catalogue"]}
    assert Path(problems.__file__).resolve() in deps
    assert "pressroom.registry_sort" in (Path(app.outdir) / "docs" / "catalogue.html").read_text(
        encoding="utf-8")
