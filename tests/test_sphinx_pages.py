"""What a reader sees: release pages, entry pages, glossary, indices, timeline, roles.

All tests read one shared build of ``tests/roots/test-pressroom`` (read-only).
"""

from __future__ import annotations

import html as htmllib
import json
import re
import zlib
from pathlib import Path

import pytest

from sphinx_support import (
    built,
    copy_root,
    main_text,
    page,
    release_page_text,
    search_hits,
    search_index,
    warnings_of,
)

SEED = "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue"
MARKUP = "corpus/releases/hrf/2011/2011-05-02-markup-is-data"


@pytest.fixture(scope="module")
def site(pressroom_site):
    return pressroom_site


def links_to(html: str, entry: str) -> list[re.Match]:
    return list(re.finditer(
        r'<a class="pressroom-ref[^"]* reference internal" href="([^"]*/' + re.escape(entry)
        + r'\.html#[^"]*)"(?: id="[^"]*")? title="([^"]*)">(.*?)</a>', html, re.S))


def text_of(fragment: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_only_expected_warnings(site):
    warnings = warnings_of(site)
    # the markup release has a control character, reported at its line, once (not again
    # where docs/roles-md.md shows it: its own page reports it)
    assert all("[pressroom.release_control]" in w for w in warnings), warnings
    assert any(w.startswith(str(Path(site.srcdir) / MARKUP) + ".txt:7:") for w in warnings)
    assert len(warnings) == 1, warnings


def test_release_title_and_metadata(site):
    html = main_text(page(site, SEED))
    assert "<h1>Upcoming Dialogue Not Enough to Address China’s Mounting Human Rights Abuses" in html
    meta = html[html.index('class="pressroom-meta'):html.index('class="pressroom-body')]
    assert "27 April 2011" in meta
    assert "Washington, DC" in meta
    assert 'href="https://humanrightsfirst.org">Human Rights First</a>' in meta
    # entities grouped by type, each a link
    assert re.search(r"People<span class=\"colon\">:</span></dt>\s*<dd[^>]*><p>.*Ai Weiwei.*"
                     r"Brian Dooley.*Hu Jintao.*Liu Xiaobo", meta, re.S)
    assert "Award" in meta and "Nobel Peace Prize" in meta


def test_mentions_are_links_with_description(site):
    html = main_text(page(site, SEED))
    body = html[html.index('class="pressroom-body'):]
    dooley = links_to(body, "brian-dooley")
    assert [text_of(m.group(3)) for m in dooley] == ["Brian Dooley", "Dooley"]
    assert dooley[0].group(2) == ("Director of the Human Rights Defenders programme at "
                                  "Human Rights First.")
    hu = [text_of(m.group(3)) for m in links_to(body, "hu-jintao")]
    assert hu == ["President Hu Jintao", "President Hu"]
    assert [text_of(m.group(3)) for m in links_to(body, "liu-xiaobo")] == ["Liu Xiaobo"]
    # China inside the event's name is not a separate mention
    assert "U.S.-China Human Rights Dialogue</a>" in body
    # the dateline is shown and linked
    assert re.search(r'class="pressroom-dateline"><a [^>]*washington-dc[^>]* id="m78"', body)


def test_quotations_marked_and_attributed(site):
    body = main_text(page(site, SEED))
    quotes = re.findall(r'<span class="pressroom-quote" data-speaker="([^"]*)" id="q(\d+)"'
                        r' title="Quotation: [^"]*">', body)
    assert quotes and {s for s, _ in quotes} == {"Brian Dooley"}
    assert len(quotes) == 4


def test_footer_apart(site):
    html = main_text(page(site, SEED))
    body = html[html.index('class="pressroom-body'):html.index('class="pressroom-footer')]
    footer = html[html.index('class="pressroom-footer'):]
    assert "Seeking asylum?" not in body
    assert "Seeking asylum?" in footer
    assert "Publisher’s boilerplate, not part of the release" in footer
    assert "Published on April 27, 2011" in body


def test_release_text_is_never_markup(site):
    html = main_text(page(site, MARKUP))
    assert "Markup Is Data: *bold* and &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert "`code`, |subst| and _under_ markers." in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends." in html
    assert ".. note:: this is not a directive" in html
    assert 'class="admonition note"' not in html
    assert "Control: [\ufffd] end." in html
    # straight quotes stay as written (no smart-quote transform on release text)
    assert "&quot;x&quot;" in html


def test_entry_page_mentioned_in(site):
    html = main_text(page(site, "entries/person/brian-dooley"))
    assert "<h1>Brian Dooley" in html
    assert "Director of the Human Rights Defenders programme" in html
    section = html[html.index('class="pressroom-entry'):]
    mentioned = section[section.index("Mentioned in"):section.index("Quoted")]
    assert "2 releases, 3 mentions, newest first." in text_of(mentioned)
    titles = re.findall(r'<a class="reference internal" href="([^"#]*)"><span>([^<]*)</span></a>',
                        mentioned)
    assert [t for _, t in titles] == [
        "Markup Is Data: *bold* and &lt;script&gt;alert(1)&lt;/script&gt;",
        "Upcoming Dialogue Not Enough to Address China’s Mounting Human Rights Abuses",
    ]  # newest first
    assert "2 May 2011" in mentioned and "27 April 2011" in mentioned
    # the sentence, with the mention highlighted and linked to its place in the release
    assert re.search(r"said Human Rights First’s <span class=\"pressroom-highlight\">"
                     r"<a class=\"reference internal\" href=\"[^\"]*2011-04-27-upcoming-dialogue"
                     r"\.html#m1088\"><span>Brian Dooley</span></a></span>", mentioned)
    assert "(2 mentions)" in mentioned
    # no Wikidata id in the registry, no Wikidata link (a wrong id is worse than none)
    assert "wikidata.org" not in html
    assert "https://www.wikidata.org/wiki/Q148" in main_text(page(site, "entries/place/china"))


def test_entry_page_quoted_and_appears_with(site):
    html = main_text(page(site, "entries/person/brian-dooley"))
    quoted = html[html.index(">Quoted<"):html.index(">Appears with<")]
    assert "“Lawyers and other human rights defenders have been systematically targeted" in quoted
    assert quoted.count('class="pressroom-quotation') == 4
    # by release, as under "Mentioned in": its date and title once, then its quotations,
    # each linking to where it is said
    assert quoted.count('class="pressroom-backlink-head"') == 1
    assert ">27 April 2011</span>" in quoted and quoted.count("Upcoming Dialogue Not Enough") == 1
    where = re.findall(r'class="reference internal pressroom-where" href="([^"]*)"', quoted)
    assert len(where) == 4 and len(set(where)) == 4
    assert all(re.search(r"2011-04-27-upcoming-dialogue\.html#q\d+$", w) for w in where)
    # named for screen readers (its text, an arrow, would be read as "north east arrow")
    assert quoted.count('aria-label="Where it is said in the release">↗</a>') == 4
    # in the order they were said
    assert quoted.index("Lawyers and other") < quoted.index("The current U.S. strategy") \
        < quoted.index("President Hu appeared") < quoted.index("The United States approach")
    with_ = text_of(html[html.index(">Appears with<"):])
    # Washington, DC and China appear in both releases with him
    assert "China — 2 releases" in with_
    assert "Washington, DC — 2 releases" in with_
    assert "Jane Roe — 1 release" in with_
    roe = main_text(page(site, "entries/person/jane-roe"))
    assert "“We will keep pressing China”" in text_of(roe) or "We will keep pressing China" in roe


def test_non_person_has_no_quoted_section(site):
    html = main_text(page(site, "entries/place/china"))
    assert ">Quoted<" not in html
    assert "2 releases" in text_of(html)


def test_glossary_and_type_list(site):
    html = main_text(page(site, "entries/person/index"))
    text = text_of(html)
    names = re.findall(r'<a class="pressroom-ref pressroom-person reference internal"[^>]*>([^<]*)</a>',
                       html)
    assert names == ["Ai Weiwei", "Brian Dooley", "Hu Jintao", "Jane Roe", "Liu Xiaobo"]
    assert "Brian Dooley — Director of the Human Rights Defenders programme at Human Rights " \
           "First. · 2 releases" in text
    assert "Jane Roe — Test spokesperson. · 1 release" in text
    # an entry no release mentions: said in words, not "0 releases"
    events = text_of(main_text(page(site, "entries/event/index")))
    assert re.search(r"2010 rule of law talks — [^·]*· no release yet", events), events
    assert "0 releases" not in events
    types = text_of(main_text(page(site, "docs/glossary")))
    assert "People — 5 entries" in types and "Awards — 1 entry" in types


def test_a_glossary_of_a_type_that_is_none_is_reported(tmp_path):
    """``pressroom:glossary`` names a type: a misspelt one (``persons``) listed nothing and
    said nothing; a declared type (``award``) is one."""
    src = copy_root("pressroom", tmp_path)
    (src / "docs/types.rst").write_text(
        ":orphan:\n\nTypes\n=====\n\n.. pressroom:glossary:: persons\n\n"
        ".. pressroom:glossary:: award\n", encoding="utf-8")
    app = built(src)
    warnings = [w for w in warnings_of(app) if "docs/types.rst" in w]
    assert len(warnings) == 1, warnings
    assert "types.rst:6:" in warnings[0] and "'persons' is not an entity type" in warnings[0]
    assert "award" in warnings[0] and warnings[0].endswith("[pressroom.unknown_entity]")


def test_a_release_list_line_naming_no_release_and_content_nothing_shows_are_reported(
        tmp_path):
    """A line of ``pressroom:release-list`` that names no release (a file's name with its
    ``.txt``, a typo) was left out of the list unsaid; text given to a directive that shows
    none (``pressroom:timeline``, ``type-list``, ``summary``) was dropped unsaid."""
    src = copy_root("pressroom", tmp_path)
    seed = "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue"
    (src / "docs/picked.rst").write_text(
        ":orphan:\n\nPicked\n======\n\n.. pressroom:release-list::\n\n"
        f"   {seed}\n   {seed}.txt\n\n.. pressroom:timeline::\n\n   Events of 2011\n\n"
        ".. pressroom:summary:: hrf\n", encoding="utf-8")
    app = built(src)
    warnings = [w for w in warnings_of(app) if "docs/picked.rst" in w]
    listed = [w for w in warnings if "release-list" in w]
    assert len(listed) == 1 and "picked.rst:6:" in listed[0], warnings
    assert f"'{seed}.txt' is no release's document name" in listed[0]
    assert listed[0].endswith("[pressroom.release_missing]")
    # docutils' own error, its reason on the next line
    text = "\n".join(warnings_of(app))
    assert re.search(r'picked.rst:11: ERROR: Error in "pressroom:timeline" directive:\n'
                     r'no content permitted', text), text
    assert re.search(r'picked.rst:15: ERROR: Error in "pressroom:summary" directive:\n'
                     r'no content permitted', text), text
    html = (Path(app.outdir) / "docs/picked.html").read_text(encoding="utf-8")
    assert html.count('class="pressroom-date"') == 1  # the release named right is listed


def test_an_archive_month_does_not_report_a_release_left_out_of_the_sources(tmp_path):
    """A release file ``exclude_patterns`` leaves out is still listed in its generated
    month page (Sphinx says so: ``toc.excluded``); the month's list reported it too, at a
    line of a page no one wrote, telling to write a document name without ``.txt``. A
    hand-written list naming it is still reported."""
    src = copy_root("pressroom", tmp_path)
    markup = "corpus/releases/hrf/2011/2011-05-02-markup-is-data"
    conf = src / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace(
        'exclude_patterns = ["_build"]', f'exclude_patterns = ["_build", "{markup}.txt"]'),
        encoding="utf-8")
    (src / "docs/picked.rst").write_text(
        f":orphan:\n\nPicked\n======\n\n.. pressroom:release-list::\n\n   {markup}\n",
        encoding="utf-8")
    app = built(src)
    listed = [w for w in warnings_of(app) if "pressroom:release-list" in w]
    assert len(listed) == 1 and "docs/picked.rst:6:" in listed[0], listed
    assert any("archive/hrf/2011/05.rst" in w and "[toc.excluded]" in w for w in warnings_of(app))


def test_domain_indices_and_general_index(site):
    idx = text_of(main_text(page(site, "pressroom-person")))
    assert "Liu Xiaobo" in idx and "Chinese writer and Nobel Peace Prize laureate." in idx
    genindex = text_of(page(site, "genindex"))
    assert "Xiaobo (see Liu Xiaobo)" in genindex
    assert "Brian Dooley (person)" in genindex


def test_a_release_lists_the_entries_it_mentions_as_the_glossary_does(tmp_path):
    """The panel sorted the names as written, case folded: a name with an accent came after
    z (``…, Jane Roe, Élodie Durand``, ``Zagreb, Århus``). It is the glossary's order:
    accents folded, each under the form it is filed under (``Adams, Zed``)."""
    src = copy_root("pressroom", tmp_path)
    registry = src / "corpus/entities/entities.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + (
        "- id: elodie-durand\n  type: person\n  name: Élodie Durand\n"
        "- id: zed-adams\n  type: person\n  name: Zed Adams\n  sort: Adams, Zed\n"
        "- id: aarhus\n  type: place\n  name: Århus\n"
        "- id: zagreb\n  type: place\n  name: Zagreb\n"), encoding="utf-8")
    doc = "corpus/releases/hrf/2011/2011-06-01-travels"
    (src / f"{doc}.txt").write_text(
        "Travels\n\nJune 1, 2011\n\nJane Roe, Élodie Durand and Zed Adams went to Zagreb "
        "and to Århus.\n", encoding="utf-8")
    html = page(built(src), doc)
    panel = html[html.index('class="pressroom-entities'):html.index('class="pressroom-body')]
    groups = {m.group(1): re.findall(r'internal"[^>]*>([^<]+)</a>', m.group(2)) for m in re.finditer(
        r'<dt[^>]*>([^<]+)<span class="colon">.*?<dd[^>]*>(.*?)</dd>', panel, re.S)}
    assert groups["People"] == ["Zed Adams", "Élodie Durand", "Jane Roe"]
    assert groups["Places"] == ["Århus", "Zagreb"]


def test_every_see_in_the_general_index_names_the_form_an_entry_is_filed_under(tmp_path):
    """An alias of an entry filed under its ``sort`` pointed at its name, itself a *see*
    line: ``Ms. Roe (see Jane Roe)`` where ``Jane Roe`` was ``(see Roe, Jane)``."""
    src = copy_root("pressroom", tmp_path)
    registry = src / "corpus/entities/entities.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "  name: Jane Roe\n", "  name: Jane Roe\n  sort: Roe, Jane\n  aliases: [Ms. Roe]\n"),
        encoding="utf-8")
    genindex = text_of(page(built(src), "genindex"))
    assert "Roe, Jane (person)" in genindex
    assert "Jane Roe (see Roe, Jane)" in genindex and "Ms. Roe (see Roe, Jane)" in genindex
    sees = re.findall(r"\(see ([^)]+)\)", genindex)
    assert sees and not [s for s in sees if f"{s} (see " in genindex], sees


def test_timeline(site):
    html = main_text(page(site, "docs/timeline"))
    # a line to jump to each year, first
    jump = re.search(r'<p class="pressroom-years">(.*?)</p>', html, re.S).group(1)
    assert re.findall(r'href="#(year-\d+)"', jump) == ["year-2010", "year-2011"]
    assert 'id="year-2010"' in html and 'id="year-2011"' in html
    text = text_of(html.replace(jump, ""))
    assert text.index("2011") < text.index("April 2011") < text.index("May 2011")
    april = text[text.index("April 2011"):text.index("May 2011")]
    assert april.index("27–28 April Event U.S.-China Human Rights Dialogue") \
        < april.index("27 April Release Upcoming Dialogue")
    may = text[text.index("May 2011"):]
    assert may.index("2 May Release Markup Is Data") < may.index("9–10 May Event")
    # an event known to its month only: under its month, with no day made up for it
    february = " ".join(text[text.index("February 2011"):text.index("April 2011")].split())
    assert february.startswith("February 2011 February Event 2011 crackdown on Chinese")
    assert "1 February" not in text
    # known to the year only: under its year, before any month, with no month made up
    year_2010 = " ".join(text[text.index("2010"):text.index("February 2011")].split())
    assert year_2010 == "2010 2010 Event 2010 rule of law talks 2011"


def test_entry_dates_as_written(site):
    facts = {"entries/person/hu-jintao": "Born: 21 December 1942",
             "entries/organization/human-rights-first": "Founded: 1978",
             "entries/event/us-china-human-rights-dialogue-2011": "Dates: 27–28 April 2011"}
    for docname, fact in facts.items():
        assert fact in " ".join(text_of(main_text(page(site, docname))).split()), docname


def test_archive_month_lists_releases(site):
    html = main_text(page(site, "archive/hrf/2011/04"))
    assert "Human Rights First, April 2011" in html
    assert "Upcoming Dialogue Not Enough" in html
    assert "Markup Is Data" not in html
    # each release with its opening words, cut at a word
    assert re.search(r'<p class="pressroom-lead">Today as the U\.S\.-China Human Rights '
                     r'Dialogue begins, .{150,300} …</p>', html)
    # as text: what looks like markup is shown as written
    may = main_text(page(site, "archive/hrf/2011/05"))
    assert ('<p class="pressroom-lead">Jane Roe met Brian Dooley to discuss '
            '`code`, |subst| and _under_ markers. &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
            ' &amp; friends.</p>') in may


def test_roles_rest_and_myst(site):
    rest = main_text(page(site, "docs/roles"))
    assert [text_of(m.group(3)) for m in links_to(rest, "liu-xiaobo")] == [
        "Liu Xiaobo", "the laureate"]
    assert [text_of(m.group(3)) for m in links_to(rest, "human-rights-first")] == [
        "Human Rights First"]
    assert [text_of(m.group(3)) for m in links_to(rest, "china")] == ["China"]
    myst = main_text(page(site, "docs/roles-md"))
    assert [text_of(m.group(3)) for m in links_to(myst, "hu-jintao")] == ["Hu Jintao"]
    assert [text_of(m.group(3)) for m in links_to(myst, "brian-dooley")][0] == "Brian Dooley"
    # the embedded release is shown, its markup still literal
    assert "Markup Is Data: *bold* and &lt;script&gt;" in myst


def test_embedded_release_does_not_count_as_a_backlink(site):
    html = main_text(page(site, "entries/person/jane-roe"))
    assert "1 release, " in text_of(html)


def test_export_json(site):
    data = json.loads((Path(site.outdir) / "pressroom.json").read_text(encoding="utf-8"))
    releases = {r["id"]: r for r in data["releases"]}
    seed = releases[SEED]
    assert seed["date"] == "2011-04-27" and seed["publisher"] == "Human Rights First"
    assert {"entity": "brian-dooley", "start": 1088, "end": 1100, "surface": "Brian Dooley",
            "line": 3} in seed["mentions"]
    entities = {e["id"]: e for e in data["entities"]}
    assert entities["china"]["wikidata"] == "Q148"
    assert not entities["liu-xiaobo"].get("wikidata")
    assert entities["china"]["releases"] == 2
    assert entities["liu-xiaobo"]["url"] == "entries/person/liu-xiaobo.html#entity-liu-xiaobo"
    # dates as precise as the registry has them
    assert (entities["crackdown-2011"]["start"], entities["crackdown-2011"]["end"]) == (
        "2011-02", None)
    assert entities["hu-jintao"]["start"] == "1942-12-21"
    assert entities["china"]["start"] is None


def test_root_redirect(site):
    html = (Path(site.outdir) / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=docs/index.html"' in html
    # the site's address: a feed reader given it finds the feed (every other page links it)
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="releases.atom"' in html and '<html lang="en">' in html


def test_the_root_redirect_goes_when_no_longer_asked_for(tmp_path):
    """``pressroom_root_redirect = False`` after a build that wrote it: the redirect was
    left in the output (a fresh build has none); a page of the project's own is kept."""
    src = copy_root("pressroom", tmp_path)
    built(src)
    redirect = src / "_build" / "html" / "index.html"
    assert redirect.is_file()
    app = built(src, confoverrides={"pressroom_root_redirect": False})
    assert Path(app.outdir) == redirect.parent and not redirect.exists()
    redirect.write_text("<title>Our own page</title>", encoding="utf-8")
    built(src, confoverrides={"pressroom_root_redirect": False})
    assert redirect.read_text(encoding="utf-8") == "<title>Our own page</title>"


def test_root_redirect_singlehtml(tmp_path):
    """The single-page builder writes the whole site into the root document's file: the
    redirect points there, not at an anchor of the redirect page itself."""
    app = built(copy_root("pressroom", tmp_path), "singlehtml")
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=docs/index.html"' in html
    assert (Path(app.outdir) / "docs" / "index.html").is_file()


def test_singlehtml_links_to_no_entry_page_it_does_not_write(tmp_path):
    """The single-page builder writes no collected page (no entry or letter page): a
    mention linked to ``entries/person/brian-dooley.html``, which is not there. It is its
    text, with its anchor, as with the LaTeX builder."""
    app = built(copy_root("pressroom", tmp_path), "singlehtml")
    out = Path(app.outdir)
    html = (out / "docs" / "index.html").read_text(encoding="utf-8")
    assert not (out / "entries").exists()
    assert re.findall(r'href="[^"#][^"]*entries/[^"]*"', html) == []  # role links too
    assert re.search(r'<span class="pressroom-ref pressroom-mention[^"]*" id="m\d+">Brian Dooley'
                     r'</span>', html)
    assert 'href="#document-entries/person/index"' in html  # the glossary is in the page


def test_the_singlehtml_export_gives_addresses_that_lead_somewhere(tmp_path):
    """The export of a single-page build gave a release's address as an anchor alone
    (``#document-corpus/…``, of no file) and an entry's as the page of it the build does
    not write: a release's is the anchor in the one page, an entry's none."""
    app = built(copy_root("pressroom", tmp_path), "singlehtml")
    data = json.loads((Path(app.outdir) / "pressroom.json").read_text(encoding="utf-8"))
    release = next(r for r in data["releases"]
                   if r["id"] == "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue")
    assert release["url"] == ("docs/index.html"
                              "#document-corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue")
    assert [e["url"] for e in data["entities"]] == [None] * len(data["entities"])


def test_the_export_gives_absolute_addresses_under_the_base_url(tmp_path):
    """With ``html_baseurl`` the export's addresses are absolute under it, as the feed's
    and the JSON-LD's (it gave them relative to the output folder whatever the setting),
    and a build after changing it gives the new ones."""
    src = copy_root("pressroom", tmp_path)
    for base in ("https://archive.example.org/", "https://press.example.net"):
        app = built(src, confoverrides={"html_baseurl": base})
        data = json.loads((Path(app.outdir) / "pressroom.json").read_text(encoding="utf-8"))
        release = next(r for r in data["releases"]
                       if r["id"] == "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue")
        root = base.rstrip("/")
        assert release["url"] == f"{root}/corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue.html"
        dooley = next(e for e in data["entities"] if e["id"] == "brian-dooley")
        assert dooley["url"] == f"{root}/entries/person/brian-dooley.html#entity-brian-dooley"


_NAV_THEME = """{% extends "basic/layout.html" %}
{% block header %}<nav id="theme-nav">{{ generate_toctree_html("sidebar", includehidden=True) }}</nav>
{% if suppress_sidebar_toctree(includehidden=True) %}<p id="no-nav"></p>{% endif %}{% endblock %}
"""

_NAV_FUNCTIONS = """

def setup(app):
    import inspect

    from sphinx.environment.adapters.toctree import global_toctree_for_doc

    tags = {"tags": app.tags} if "tags" in inspect.signature(global_toctree_for_doc).parameters else {}

    def add(app, pagename, templatename, context, doctree):
        def tree(includehidden):
            found = global_toctree_for_doc(app.env, pagename, app.builder, collapse=False,
                                           includehidden=includehidden, titles_only=True, maxdepth=4,
                                           **tags)
            return "" if found is None else app.builder.render_partial(found)["fragment"]

        context["generate_toctree_html"] = lambda kind, includehidden=True, **kw: tree(includehidden)
        context["suppress_sidebar_toctree"] = lambda includehidden=True, **kw: not tree(includehidden)

    app.connect("html-page-context", add)
"""


def test_a_theme_s_own_navigation_does_not_list_the_archive(tmp_path):
    """A theme that resolves the toctree with functions of its own, hidden toctrees
    included (pydata-sphinx-theme's ``generate_toctree_html``, as this test's theme and
    extension mimic it), listed every year and month of the archive in every page's
    sidebar: the navigation grew with the archive. They are bounded as Sphinx's
    ``toctree`` is: the hand-written pages' visible toctrees."""
    src = copy_root("pressroom", tmp_path)
    theme = src / "_themes" / "navtheme"
    theme.mkdir(parents=True)
    (theme / "theme.conf").write_text("[theme]\ninherit = basic\n", encoding="utf-8")
    (theme / "layout.html").write_text(_NAV_THEME, encoding="utf-8")
    conf = src / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace('html_theme = "basic"', (
        'html_theme = "navtheme"\nhtml_theme_path = ["_themes"]')) + _NAV_FUNCTIONS,
        encoding="utf-8")
    app = built(src)
    assert [w for w in warnings_of(app) if not w.endswith("[pressroom.release_control]")] == []
    roles = page(app, "docs/roles")
    nav = re.search(r'<nav id="theme-nav">(.*?)</nav>', roles, re.S).group(1)
    assert "Roles in MyST" in nav  # the hand-written pages are listed
    for doc in ("docs/roles", "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue"):
        nav = re.search(r'<nav id="theme-nav">(.*?)</nav>', page(app, doc), re.S).group(1)
        assert "archive/" not in nav and "upcoming-dialogue" not in nav, doc


def test_the_stylesheet_takes_its_colours_from_the_dark_mode_themes():
    """Each colour the stylesheet takes from furo (``--color-*``) it takes from
    pydata-sphinx-theme (``--pst-color-*``, sphinx-book-theme's too) before its light
    fallback: in their dark mode the metadata panel and a quotation kept their light
    backgrounds under the theme's light text, unreadable."""
    from pressroom.sphinxext import STATIC

    css = (STATIC / "pressroom.css").read_text(encoding="utf-8")
    furo = re.findall(r"var\(--color-[a-z-]+, ([^;]*?)\)[;\s]", css)
    assert len(furo) > 10
    assert [f for f in furo if not re.fullmatch(r"var\(--pst-color-[a-z-]+, #[0-9a-f]{3,6}\)", f)] == []


@pytest.mark.parametrize("builder", ["json", "pickle"])
# the builders' own use of an API Sphinx deprecated, not Pressroom's
@pytest.mark.filterwarnings(r"ignore:'sphinxcontrib\.serializinghtml\.")
def test_the_serializing_builders_write_the_pages_of_a_web_application(tmp_path, builder):
    """``json`` and ``pickle`` write each page's parts for a web application: the feed
    link called their ``pathto`` as the HTML builder's (a traceback on the first page),
    and the search index was mended as text (the pickle builder's is none)."""
    src = copy_root("pressroom", tmp_path)
    for _ in range(2):
        app = built(src, builder)
        assert [w for w in warnings_of(app) if not w.endswith("[pressroom.release_control]")] == []
    outdir = Path(app.outdir)
    suffix = ".fjson" if builder == "json" else ".fpickle"
    assert (outdir / f"entries/person/brian-dooley{suffix}").is_file()
    if builder == "json":
        context = json.loads((outdir / f"{SEED}.fjson").read_text(encoding="utf-8"))
        assert 'href="releases.atom"' in context["metatags"]
        assert "Brian Dooley" in context["body"]


def test_a_release_footer_is_shown_but_not_searchable(site):
    seed = "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue"
    assert "Seeking asylum?" in page(site, seed)
    index = search_index(Path(site.outdir))
    seed_index = index["docnames"].index(seed)
    assert seed_index not in search_hits(index, "asylum")  # only the footer says it
    assert seed_index in search_hits(index, "lawyer")  # the body is indexed ("Lawyers", stemmed)


def test_a_release_s_problems_are_shown_but_not_searchable(site):
    """The notice of a release's problems is the build's words: its advice and heading
    made a search for them (``YYYY``, *warnings*) find every release read with warnings."""
    assert "contains control character U+0007" in page(site, MARKUP)
    index = search_index(Path(site.outdir))
    markup = index["docnames"].index(MARKUP)

    def docs(part: str, term: str) -> list[int]:
        value = index[part].get(term, [])
        return value if isinstance(value, list) else [value]

    for term in ("noncharact", "shown", "release_control"):  # only the notice says them
        assert markup not in docs("terms", term), term
    assert markup not in docs("titleterms", "warn")
    assert "This release was read with warnings" not in index["alltitles"]
    assert markup in docs("terms", "roe") and markup in docs("terms", "control")  # the text


def test_the_release_file_as_received_is_published_and_linked(site):
    """The File field links the release file as received (the page's source, copied by the
    HTML builder with its bytes unchanged); it was the path alone, and the file was not in
    the output."""
    html = page(site, SEED)
    m = re.search(r'<a class="pressroom-original reference internal" href="([^"]+)"[^>]*>'
                  r'<code[^>]*><span class="pre">([^<]+)</span>', html)
    assert m, "no link to the release file"
    href, shown = m.groups()
    assert shown.endswith("2011-04-27-upcoming-dialogue.txt")
    copied = (Path(site.outdir) / SEED).parent / href
    assert copied.resolve() == (Path(site.outdir) / "_sources" / f"{SEED}.txt").resolve()
    assert copied.read_bytes() == (Path(site.srcdir) / f"{SEED}.txt").read_bytes()


def test_the_link_to_the_file_as_received_is_an_address_of_its_name(tmp_path):
    """A file name holding ``#``, ``?``, ``%`` or a space: the link was the name as it is,
    which a browser reads as a fragment, a query or an escape."""
    from urllib.parse import unquote, urlsplit

    src = copy_root("pressroom", tmp_path)
    name = "2011-05-09-fifty% off? #1 deal.txt"
    (src / "corpus/releases/hrf/2011" / name).write_text(
        "Odd Name\n\nMay 9, 2011\n\nGENEVA – A release whose file name is odd.\n",
        encoding="utf-8")
    app = built(src)
    docname = f"corpus/releases/hrf/2011/{name[:-4]}"
    html = page(app, docname)
    m = re.search(r'<a class="pressroom-original reference internal" href="([^"]+)"', html)
    assert m and "#" not in m.group(1) and "?" not in m.group(1), m and m.group(1)
    target = urlsplit(m.group(1))
    copied = (Path(app.outdir) / docname).parent / unquote(target.path)
    assert copied.read_bytes() == (src / "corpus/releases/hrf/2011" / name).read_bytes()


def test_a_release_page_shows_its_place_in_the_archive(site):
    """Breadcrumbs above a release's title, as on entry pages: the archive's publisher, year
    and month pages (a release page had no way back to them but previous/next)."""
    html = page(site, SEED)
    m = re.search(r'<nav class="pressroom-breadcrumbs" aria-label="Breadcrumbs"><p>(.*?)</p></nav>', html)
    assert m and html.index(m.group(0)) < html.index("<h1")
    crumbs = re.findall(r'<a class="reference internal" href="([^"]+)">([^<]+)</a>', m.group(1))
    titles = [t for _, t in crumbs]
    assert titles[-2:] == ["2011", "April 2011"], titles  # not "Human Rights First, 2011"
    out = Path(site.outdir)
    targets = [((out / SEED).parent / href).resolve() for href, _ in crumbs]
    assert all(t.is_file() for t in targets)
    assert targets[-1] == (out / "archive" / "hrf" / "2011" / "04.html").resolve()
    # entry pages keep theirs; other pages get none from this
    assert "pressroom-breadcrumbs" not in page(site, "docs/index")


def test_the_release_file_is_not_linked_where_no_source_is_copied(tmp_path):
    app = built(copy_root("pressroom", tmp_path), confoverrides={"html_copy_source": False})
    html = page(app, SEED)
    assert '<a class="pressroom-original' not in html and "_sources/" not in html
    assert "2011-04-27-upcoming-dialogue.txt</span></code>" in html


def test_asset_tags_right_on_every_page(site):
    """Stylesheet and script tags are made once per page folder (html.memo_asset_tags): on
    pages at every depth, each points at the copied file, with that file's checksum."""
    out = Path(site.outdir)
    pages = [out / "genindex.html", out / "search.html", out / (SEED + ".html"),
             *sorted(out.glob("entries/person/*.html"))[:2],
             *sorted(out.glob("entries/person/by-letter/*.html"))[:1]]
    depths = set()
    for path in pages:
        html = path.read_text(encoding="utf-8")
        tags = re.findall(r'(?:href|src)="([^"]*_static/[^"?]*)\?v=([0-9a-f]{8})"', html)
        assert len(tags) >= 5, path
        for url, checksum in tags:
            target = (path.parent / url).resolve()
            assert target.is_file(), (path, url)
            content = target.read_bytes().replace(b"\r", b"")
            assert checksum == f"{zlib.crc32(content):08x}", (path, url)
        depths.add(len(path.relative_to(out).parts))
    assert len(depths) >= 3


def test_no_stylesheet_of_docutils_is_looked_up_and_pages_link_the_theme_s(tmp_path,
                                                                             monkeypatch):
    """Sphinx's pages link the theme's stylesheets, never the list docutils makes; docutils
    looked its stylesheet (``html4css1.css``) up on disk for every translator (each page
    written, each title rendered apart), 13,528 lookups in a full build at N = 1,000. A
    build makes none, and its pages, written and collected, keep their stylesheets and
    link none of docutils'."""
    import docutils.utils

    looked: list[str] = []
    real = docutils.utils.find_file_in_dirs

    def counted(path, dirs):
        looked.append(str(path))
        return real(path, dirs)

    monkeypatch.setattr(docutils.utils, "find_file_in_dirs", counted)
    app = built(copy_root("pressroom", tmp_path))
    assert looked == []
    out = Path(app.outdir)
    for path in (out / (SEED + ".html"), sorted(out.glob("entries/person/*.html"))[0]):
        html = path.read_text(encoding="utf-8")
        sheets = re.findall(r'<link rel="stylesheet"[^>]*href="([^"?]*)', html)
        assert any(s.endswith("pressroom.css") for s in sheets), (path, sheets)
        assert not any(s.endswith(("html4css1.css", "minimal.css", "plain.css"))
                       for s in sheets)


def built_with_releases(tmp_path, releases: dict[str, str]):
    """A build of the test site with these releases (name: text) added to its 2011."""
    src = copy_root("pressroom", tmp_path)
    for name, text in releases.items():
        (src / f"corpus/releases/hrf/2011/{name}.txt").write_text(text, encoding="utf-8")
    return built(src)


def test_lines_above_the_title_are_shown_apart_and_unlinked(tmp_path):
    """A label and a press contact above the title are shown under it, apart from the
    release, as received, neither linked nor searched; the title is the headline. (And a
    deck under a headline comes before the paragraph that the dateline opens.)"""
    app = built_with_releases(tmp_path, {
        "2011-06-01-labelled":
            "FOR IMMEDIATE RELEASE\n\nMedia contact: Brian Dooley\n+1 202 555 0100\n\n"
            "Group Urges Release of Ai Weiwei\n\n"
            "Washington, DC, June 1, 2011 – Human Rights First urged the release of Ai Weiwei.\n",
        "2011-06-02-deck":
            "Group Urges Release\nA deck under the headline\n\n"
            "Washington, DC – June 2, 2011 – Human Rights First urged it.\n",
    })
    # a deck: the dateline opens the paragraph it was written in, the second
    deck = page(app, "corpus/releases/hrf/2011/2011-06-02-deck")
    paras = re.findall(r'<p class="pressroom-paragraph">(.*?)</p>', deck, re.S)
    assert [text_of(p) for p in paras] == [
        "A deck under the headline", "Washington, DC – June 2, 2011 – Human Rights First urged it."]
    assert 'class="pressroom-dateline"' in paras[1]
    html = page(app, "corpus/releases/hrf/2011/2011-06-01-labelled")
    assert re.search(r"<h1>Group Urges Release of Ai Weiwei", html)
    box = re.search(r'<div class="pressroom-preamble no-search docutils container">(.*?)</div>',
                    html, re.S).group(1)
    assert [text_of(p) for p in re.findall(r"<p>(.*?)</p>", box)] == [
        "FOR IMMEDIATE RELEASE", "Media contact: Brian Dooley", "+1 202 555 0100"]
    assert "pressroom-ref" not in box  # the contact's name is no mention
    mentions = [m for m in links_to(html, "ai-weiwei") if "pressroom-mention" in m.group(0)]
    assert len(mentions) == 1  # the body's (the title is no link)
    assert not links_to(html, "brian-dooley")  # nor in the panel: not mentioned
    assert "1 June 2011" in text_of(html)


def test_a_file_name_with_a_month_that_is_none(tmp_path):
    """``2011-13-99-…``: no date; the release is filed under its year folder, with the
    warning every misplaced release gets (the build stopped with an IndexError)."""
    app = built_with_releases(tmp_path, {"2011-13-99-bad-month": (
        "Bad Month Title\n\nMay 5, 2011\n\nThe body.\n")})
    warnings = warnings_of(app)
    assert any("2011-13-99-bad-month" in w and "files it under 2011 (from its path)" in w
               and "release_place" in w for w in warnings), warnings
    listed = page(app, "archive/hrf/2011/00")
    assert "Bad Month Title" in listed


def test_a_sentence_repeated_word_for_word_is_shown_at_each_place(tmp_path):
    """A release that repeats a sentence (a summary paragraph, a closing reminder): the
    entry lists it at each place, each linked there (it was shown once, the count of
    mentions saying two and the other place out of reach); two mentions in one sentence
    still show it once."""
    repeated = "Jane Roe remains in detention without charge."
    app = built_with_releases(tmp_path, {"2011-06-04-repeated": (
        f"Repeated Words\n\nJune 4, 2011\n\nGENEVA – {repeated}\n\n"
        "Her lawyers have not seen her, Jane Roe's family said; Jane Roe is ill.\n\n"
        f"{repeated}\n")})
    html = main_text(page(app, "entries/person/jane-roe"))
    row = html[html.index("Repeated Words"):]
    row = row[:row.index("</li>")]
    assert "(4 mentions)" in row
    assert text_of(row).count("remains in detention without charge") == 2
    assert "2 more sentences mentioning it" in text_of(row)


def test_a_list_keeps_its_lines_and_a_dateline_above_the_headline_its_place(tmp_path):
    """A paragraph that is a list, one item a line, keeps its line breaks on the page (a
    class, no markup read); a hard-wrapped paragraph does not. A place and a date written
    above the headline are a line of their own, where they were written."""
    app = built_with_releases(tmp_path, {"2011-06-03-demands": (
        "Washington, DC, June 3, 2011\n\nGroup Issues Its Demands\n\n"
        "Human Rights First today issued its demands:\n- Release Ai Weiwei\n- End the crackdown\n\n"
        "A paragraph wrapped\nat some width - as\nthis one is.\n\n1. First\n2. Second\n")})
    html = page(app, "corpus/releases/hrf/2011/2011-06-03-demands")
    # the release's paragraphs: the citation under it is none of them
    classes = re.findall(r'<p class="(pressroom-[^"]*)">',
                         html.partition('<section class="pressroom-cite"')[0])
    assert classes == ["pressroom-dateline", "pressroom-paragraph pressroom-lines",
                       "pressroom-paragraph", "pressroom-paragraph pressroom-lines"]
    first = re.search(r'<p class="pressroom-paragraph pressroom-lines">(.*?)</p>', html, re.S)
    assert text_of(first.group(1)) == ("Human Rights First today issued its demands:\n"
                                       "- Release Ai Weiwei\n- End the crackdown")
    assert re.search(r"<h1>Group Issues Its Demands", html)
    dateline = re.search(r'<p class="pressroom-dateline">(.*?)</p>', html, re.S).group(1)
    assert text_of(dateline) == "Washington, DC, June 3, 2011"
    assert links_to(dateline, "washington-dc")  # linked like any dateline


def test_the_lines_before_the_body_are_shown_in_the_order_written(tmp_path):
    """A dateline or a date above the headline, then a label under it: shown in that order
    (the dateline or date was shown in the body, after the label)."""
    app = built_with_releases(tmp_path, {
        "2011-06-04-order": "Washington, DC, June 4, 2011\n\nGroup Issues Its Demands\n"
                            "NEWS RELEASE\n\nHuman Rights First today issued its demands.\n",
        "2011-06-05-order": "June 5, 2011\nGroup Issues Its Demands\nNEWS RELEASE\n\n"
                            "Human Rights First today issued its demands.\n",
    })
    for name, head in (("2011-06-04-order", "Washington, DC, June 4, 2011"),
                       ("2011-06-05-order", "June 5, 2011")):
        html = page(app, f"corpus/releases/hrf/2011/{name}")
        assert " ".join(release_page_text(html).split()) == (
            f"Group Issues Its Demands {head} NEWS RELEASE "
            "Human Rights First today issued its demands."), name


def test_archive_pages_count_their_releases_and_show_where_they_are(site):
    """Each archive page lists what it holds with its number of releases (a publisher with
    the years it spans, a year's months by name), and shows its place above its title."""
    publishers = text_of(main_text(page(site, "archive/index")))
    assert "Human Rights First — 2 releases, 2011" in publishers
    years = main_text(page(site, "archive/hrf/index"))
    assert '<a class="reference internal" href="2011/index.html"><span class="doc">2011</span></a>' \
        " — 2 releases" in years
    months = text_of(main_text(page(site, "archive/hrf/2011/index")))
    assert months.index("May — 1 release") < months.index("April — 1 release")
    crumbs = re.search(r'<nav class="pressroom-breadcrumbs" aria-label="Breadcrumbs"><p>(.*?)</p></nav>',
                       page(site, "archive/hrf/2011/index")).group(1)
    assert text_of(crumbs) == "Releases › Releases by publisher › Human Rights First"
    assert 'class="pressroom-breadcrumbs"' in page(site, "entries/person/index")


def test_archive_lists_escape_a_publishers_name(tmp_path):
    name = "Open <Press> `Alliance` *of* _all_ |you|"
    app = built(copy_root("pressroom", tmp_path), confoverrides={"pressroom_publishers": {
        "hrf": {"name": name, "footer_markers": ["Seeking asylum?"]}}})
    assert f"{name} — 2 releases, 2011" in text_of(main_text(page(app, "archive/index")))
    assert not [w for w in warnings_of(app) if "src/archive/" in w]


def test_a_hand_written_archive_folder_is_never_written_into(tmp_path):
    """A folder ``archive/`` (a natural name for an archive's own pages) that Pressroom did
    not generate is left as it is, and the warning says what to do about it."""
    src = copy_root("pressroom", tmp_path)
    own = src / "archive" / "notes.md"
    own.parent.mkdir()
    own.write_text("# Our notes\n", encoding="utf-8")
    app = built(src)
    assert own.read_text(encoding="utf-8") == "# Our notes\n"
    assert sorted(p.name for p in own.parent.iterdir()) == ["notes.md"]
    [warning] = [w for w in warnings_of(app) if "did not write" in w]
    assert warning.startswith(f"{src / 'archive'}: WARNING:"), warning
    assert "move or rename the folder, or set pressroom_archive_dir" in warning
    assert warning.endswith("[pressroom.config]")


def test_an_archive_folder_of_a_former_setting_is_reported_and_no_longer_read(tmp_path):
    """``pressroom_archive_dir`` changed: the folder generated under the former name was
    still read, and the site kept the old archive beside the new one."""
    src = copy_root("pressroom", tmp_path)
    built(src)
    assert (src / "archive" / ".pressroom-generated").is_file()
    app = built(src, confoverrides={
        "pressroom_archive_dir": "site/archive",
        "include_patterns": ["docs/**", "corpus/releases/**", "entries/**", "site/**"]})
    out = Path(app.outdir)
    assert (out / "site/archive/hrf/2011/04.html").is_file()
    assert not (out / "archive").exists()
    [warning] = [w for w in warnings_of(app) if "former" in w]
    assert warning.startswith(f"{src / 'archive'}: WARNING: archive holds pages Pressroom "
                              "generated under a former pressroom_entries_dir or "
                              "pressroom_archive_dir")
    assert warning.endswith("delete the folder [pressroom.config]")
    assert (src / "archive").is_dir()  # deleted by hand, not by the build


def test_a_former_generated_folder_no_pattern_can_name_is_said_to_be_read(tmp_path):
    """``old[1]/**`` is a pattern of one character among ``o``, ``l``, ``d`` and ``1``:
    such a folder cannot be left out, and the warning had said it was; a link to the
    current folder is no former one."""
    src = copy_root("pressroom", tmp_path)
    built(src)
    (src / "archive").rename(src / "old[1]")
    (src / "entries-link").symlink_to(src / "entries", target_is_directory=True)
    app = built(src, confoverrides={"exclude_patterns": ["_build", "entries-link"]})
    said = [w for w in warnings_of(app) if "former pressroom_" in w]
    assert len(said) == 1 and said[0].startswith(f"{src / 'old[1]'}: WARNING: old[1] holds")
    assert "it is still read, as Sphinx's patterns cannot name it: delete the folder" in said[0]


def test_a_pronoun_gives_the_quotation_to_the_person_named_since(tmp_path):
    """``Jane Roe, a lawyer, said the court erred. "…," she said.``: the quotation is Jane
    Roe's (on the release page and on her entry's list of quotations), not that of the
    last person quoted before her (Brian Dooley); Ai Weiwei, named in passing, is not the
    one the pronoun refers to."""
    app = built_with_releases(tmp_path, {"2011-06-02-pronouns": (
        "Court Ruling Criticized\n\nWashington, DC, June 2, 2011\n\n"
        "\"The ruling is a setback,\" said Brian Dooley of Human Rights First.\n\n"
        "Jane Roe, a lawyer for the family, said the court erred. \"We will appeal the "
        "decision within the month,\" she said.\n\n"
        "Brian Dooley spoke again. He named Ai Weiwei. \"We expect more arrests soon,\" he "
        "said.\n")})
    html = page(app, "corpus/releases/hrf/2011/2011-06-02-pronouns")
    speakers = re.findall(r'data-speaker="([^"]*)"[^>]*>([^<]{0,30})', html)
    assert [(who, said[:12]) for who, said in speakers] == [
        ("Brian Dooley", "The ruling i"), ("Jane Roe", "We will appe"),
        ("Brian Dooley", "We expect mo")]
    roe = page(app, "entries/person/jane-roe")
    assert "We will appeal the decision within the month" in roe
    assert "We will appeal" not in page(app, "entries/person/brian-dooley")


def test_suppressed_problems_are_not_listed_on_the_release_page(tmp_path):
    """A Windows-1252 release's page says it was read with a fallback, in a box readers
    see; once the archivist suppresses that kind of warning (``suppress_warnings``), the
    box, which ignored it, is gone with the warning. Other kinds are still listed."""
    src = copy_root("pressroom", tmp_path)
    (src / "corpus/releases/hrf/2011/2011-06-03-smart.txt").write_bytes(
        "Smart Quotes\n\nJune 3, 2011\n\n“Smart” quotes – and € signs, said Jane Roe.\n"
        .encode("cp1252"))
    doc = "corpus/releases/hrf/2011/2011-06-03-smart"
    app = built(src)
    assert "pressroom-problems" in page(app, doc)
    app = built(src, confoverrides={"suppress_warnings": ["pressroom.release_encoding"]})
    assert "pressroom-problems" not in page(app, doc)
    assert not [w for w in warnings_of(app) if "release_encoding" in w]
    markup = page(app, "corpus/releases/hrf/2011/2011-05-02-markup-is-data")
    assert "pressroom-problems" in markup and "release_control" in markup  # not suppressed


def test_a_header_not_understood_points_to_a_box_only_when_there_is_one(tmp_path):
    """The header a release page shows as received said *see above* also when
    ``suppress_warnings`` had taken the box above away."""
    src = copy_root("pressroom", tmp_path)
    (src / "corpus/releases/hrf/2011/2011-06-03-header.txt").write_text(
        "---\ntitle: [unclosed\n---\nA Header Gone Wrong\n\nJune 3, 2011\n\nThe body.\n")
    doc = "corpus/releases/hrf/2011/2011-06-03-header"
    html = page(built(src), doc)
    assert "Header as received (not understood, see above)" in html
    html = page(built(src, confoverrides={"suppress_warnings": ["pressroom.release_header"]}), doc)
    assert "pressroom-problems" not in html
    assert "Header as received (not understood)<" in html and "see above" not in html


def test_a_publisher_the_header_names_is_not_given_the_folder_s_website(tmp_path):
    """A release in Human Rights First's folder whose header says ``publisher: Harbor
    Coalition`` was shown as published by the Harbor Coalition, linked to Human Rights
    First's website (on the page and in its JSON-LD)."""
    import json

    src = copy_root("pressroom", tmp_path)
    folder = src / "corpus/releases/hrf/2011"
    (folder / "2011-06-03-joint.txt").write_text(
        "---\npublisher: Harbor Coalition\n---\nA Joint Statement\n\nJune 3, 2011\n\nText.\n",
        encoding="utf-8")
    (folder / "2011-06-04-own.txt").write_text(
        "---\npublisher: Human Rights First\n---\nOur Statement\n\nJune 4, 2011\n\nText.\n",
        encoding="utf-8")
    app = built(src)

    def publisher(doc):
        html = page(app, f"corpus/releases/hrf/2011/{doc}")
        start = html.index('<script type="application/ld+json">') + len(
            '<script type="application/ld+json">')
        return html, json.loads(html[start:html.index("</script>", start)])["publisher"]

    html, data = publisher("2011-06-03-joint")
    assert data == {"@type": "Organization", "name": "Harbor Coalition"}
    assert "humanrightsfirst.org" not in main_text(html)
    html, data = publisher("2011-06-04-own")
    assert data["url"] == "https://humanrightsfirst.org"
    assert 'href="https://humanrightsfirst.org"' in main_text(html)


def test_a_release_that_is_a_link_is_shown_where_a_page_embeds_it(tmp_path):
    """The ``release`` directive refuses a file outside the project; a release that is a
    link into the releases folder (which the build publishes, saying where it points) is
    the project's: Sphinx resolves the link, and the check had followed it outside."""
    src = copy_root("pressroom", tmp_path / "project")
    outside = tmp_path / "kept-elsewhere.txt"
    outside.write_text("Linked Statement\n\nJune 5, 2011\n\nJane Roe spoke.\n", encoding="utf-8")
    link = src / "corpus/releases/hrf/2011/2011-06-05-linked.txt"
    link.symlink_to(outside)
    (src / "docs/linked.rst").write_text(
        ":orphan:\n\nLinked\n======\n\n.. release:: /corpus/releases/hrf/2011/2011-06-05-linked.txt\n",
        encoding="utf-8")
    app = built(src)
    assert not [w for w in warnings_of(app) if "outside the project" in w]
    assert "Jane Roe spoke" in text_of(main_text(page(app, "docs/linked")))


def test_previous_and_next_follow_one_order_through_the_archive(tmp_path):
    """Years and months are listed newest first, and releases in a month were linked oldest
    first: following *next* went forward in time inside a month and back between months."""
    src = copy_root("pressroom", tmp_path)
    folder = src / "corpus/releases/hrf/2011"
    for day in ("2011-05-09-second", "2011-05-20-third"):
        (folder / f"{day}.txt").write_text(
            f"Release of {day[:10]}\n\nWASHINGTON, D.C. – Jane Roe spoke today.\n",
            encoding="utf-8")
    app = built(src)
    relations = app.env.collect_relations()
    order, doc = [], "archive/hrf/2011/05"
    while doc and len(order) < 6:
        order.append(doc)
        doc = relations[doc][2]  # parent, previous, next
    assert order[:5] == [
        "archive/hrf/2011/05", "corpus/releases/hrf/2011/2011-05-20-third",
        "corpus/releases/hrf/2011/2011-05-09-second", MARKUP, "archive/hrf/2011/04"]
