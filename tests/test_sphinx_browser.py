"""The built site in headless Chromium: search lands on the entry first; screenshots.

Builds the project's own site (conf.py at the project root) into a temporary
folder, serves it on 127.0.0.1 and drives Debian's Chromium with Playwright.
Screenshots are written to /tmp/pressroom-*.png for a person to look at.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pressroom.cli import build_parser
from sphinx_support import built, chromium, copy_root, make, serve, warnings_of

PROJECT = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    app = make(PROJECT, builddir=out)
    app.build()
    assert warnings_of(app) == []
    outdir = Path(app.outdir)
    app.cleanup()
    with serve(outdir) as base:
        yield base, outdir


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.mark.parametrize(("query", "entry"), [
    ("Dooley", "entries/person/brian-dooley.html"),
    ("Xiaobo", "entries/person/liu-xiaobo.html"),
    ("Hu Jintao", "entries/person/hu-jintao.html"),
    ("President Hu", "entries/person/hu-jintao.html"),
    ("strategic and economic dialogue",
     "entries/event/us-china-strategic-and-economic-dialogue-2011.html"),
])
def test_search_lists_the_entry_first(site, browser, query, entry):
    base, _ = site
    page = browser.new_page()
    page.goto(f"{base}/search.html?q={query.replace(' ', '+')}")
    page.wait_for_selector("#search-results ul.search li a", timeout=15000)
    first = page.locator("#search-results ul.search li a").first.get_attribute("href")
    page.close()
    assert first.split("#")[0] == entry, (query, first)


def test_search_shows_names_as_written(site, browser):
    """A name with an apostrophe or an ampersand is listed as written: Sphinx 9.0 escapes
    object names in the index and its search page escapes them again, so a reader saw
    ``People&#x27;s Republic of China``."""
    base, _ = site
    page = browser.new_page()
    page.goto(f"{base}/search.html?q=Republic")
    page.wait_for_selector("#search-results p.search-summary:has-text('found')", timeout=15000)
    names = page.locator("#search-results ul.search li a").all_inner_texts()
    page.close()
    assert "People's Republic of China" in names, names
    assert not [n for n in names if "&" in n], names
    # the index holds them as written (a site whose search page does not escape names
    # keeps Sphinx's escaped ones: see html.unescape_search_names)
    text = (site[1] / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1:text.rindex(")")])
    ours = {int(i) for i, (domain, *_rest) in index["objnames"].items() if domain == "pressroom"}
    indexed = [prefix + ("." if prefix else "") + row[4]
               for prefix, rows in index["objects"].items() for row in rows if row[1] in ours]
    assert "People's Republic of China" in indexed
    assert not [n for n in indexed if "&#" in n or "&amp;" in n], indexed


def test_search_excerpts_show_what_the_page_says(site, browser):
    """A result's excerpt is cut from the page's text around the searched word: for a
    release, the sentence in its body, not the panel listing its entries; for an entry,
    its description, not its breadcrumbs."""
    base, _ = site
    page = browser.new_page()
    page.goto(f"{base}/search.html?q=Dooley")
    # every result is listed when the summary line says how many; each excerpt comes when
    # the page it is cut from is fetched, which may be later
    page.wait_for_selector("#search-results p.search-summary:has-text('found')", timeout=15000)
    release = "corpus/releases/human-rights-first/2011/2011-04-27-upcoming-dialogue-not-enough.html"
    for href in (release, "entries/person/brian-dooley.html"):
        page.wait_for_selector(f'#search-results li:has(a[href^="{href}"]) p.context',
                               timeout=15000)
    excerpts = {}
    for item in page.locator("#search-results ul.search li").all():
        href = item.locator("a").first.get_attribute("href").split("#")[0]
        context = item.locator("p.context")
        if context.count():
            excerpts[href] = context.first.inner_text()
    page.close()
    assert "said Human Rights First’s Brian Dooley" in excerpts[release], excerpts
    assert "People:" not in excerpts[release]
    entry = excerpts["entries/person/brian-dooley.html"]
    assert entry.startswith("Brian Dooley") and "›" not in entry, entry


def test_search_excerpts_leave_out_a_release_s_problems(pressroom_site, browser):
    """A word the notice of a release's problems says before its text does is shown where
    the text says it: the notice is the build's words."""
    release = "corpus/releases/hrf/2011/2011-05-02-markup-is-data.html"
    with serve(Path(pressroom_site.outdir)) as base:
        page = browser.new_page()
        page.goto(f"{base}/search.html?q=control")
        excerpt = f'#search-results li:has(a[href^="{release}"]) p.context'
        page.wait_for_selector(excerpt, timeout=15000)
        text = page.locator(excerpt).inner_text()
        page.close()
    assert "Control: [" in text and "control character" not in text, text


def test_screenshots_and_sidebar(site, browser):
    base, outdir = site
    release = "corpus/releases/human-rights-first/2011/2011-04-27-upcoming-dialogue-not-enough"
    shots = {"release": release, "entry": "entries/person/brian-dooley",
             "glossary": "entries/person/index", "timeline": "docs/timeline"}
    for width, suffix in ((1280, ""), (390, "-phone")):
        page = browser.new_page(viewport={"width": width, "height": 900})
        for name, doc in shots.items():
            page.goto(f"{base}/{doc}.html")
            page.screenshot(path=f"/tmp/pressroom-{name}{suffix}.png", full_page=True)
        # nothing overflows horizontally on a phone
        if width == 390:
            page.goto(f"{base}/{release}.html")
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= 400, scroll
        page.close()
    # the sidebar never lists the corpus: no release and no entry in the navigation tree
    html = (outdir / f"{release}.html").read_text(encoding="utf-8")
    nav = re.search(r'<div class="sidebar-tree">(.*?)</div>', html, re.S).group(1)
    assert "entries/" not in nav and "corpus/releases" not in nav and "archive/" not in nav
    assert "Glossary" in nav and "Timeline" in nav


def test_a_mention_description_stays_inside_a_phone_window(site, browser):
    """The description shown under a mention (hover or keyboard focus) starts at the link's
    left edge; near the right edge of a phone's window it was cut off there."""
    base, _ = site
    release = "corpus/releases/human-rights-first/2011/2011-04-27-upcoming-dialogue-not-enough"
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(f"{base}/{release}.html")
    # the mention whose first line box starts furthest right
    index = page.evaluate("""() => {
        const links = [...document.querySelectorAll('.pressroom-body a.pressroom-ref')];
        let best = 0;
        links.forEach((a, i) => {
            if (a.getClientRects()[0].left > links[best].getClientRects()[0].left) best = i;
        });
        return best;
    }""")
    link = page.locator(".pressroom-body a.pressroom-ref").nth(index)
    link.focus()
    left, tip_left, widest, viewport = page.evaluate("""(a) => {
        const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
        return [a.getClientRects()[0].left,
                parseFloat(getComputedStyle(a, '::after').left),
                Math.min(22 * rem, 0.8 * window.innerWidth),
                document.documentElement.clientWidth];
    }""", link.element_handle())
    page.close()
    assert left > viewport / 2  # a mention right of the middle, else the test shows nothing
    assert left + tip_left >= 0
    assert left + tip_left + widest <= viewport, (left, tip_left, widest, viewport)


def test_the_index_lists_names_not_configuration_values(site):
    """The general index is the reader's index of names and aliases; the configuration
    values (documented on their own page, still linkable) are not in it."""
    _, outdir = site
    html = (outdir / "genindex.html").read_text(encoding="utf-8")
    assert "Brian Dooley" in html
    assert "pressroom_releases" not in html and "configuration value" not in html
    conf = (outdir / "docs" / "configuration.html").read_text(encoding="utf-8")
    assert 'id="confval-pressroom_releases"' in conf


def test_the_command_page_says_what_help_says(site):
    """``docs/commands.rst`` is read from the parser itself: every command and option is
    on it, and help text is text (``[surface](entity-id)`` had been a Markdown link)."""
    _, outdir = site
    soup = BeautifulSoup((outdir / "docs" / "commands.html").read_text(encoding="utf-8"),
                         "html.parser")
    text = " ".join(soup.select_one("article").get_text(" ").split())
    (sub,) = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    assert len(sub.choices) == 6
    for name, parser in sub.choices.items():
        assert f"pressroom {name}" in text, name
        for action in parser._actions:
            for option in action.option_strings:
                assert option in text, (name, option)
    assert "mentions marked [surface](entity-id)" in text


# --------------------------------------------------------------------------- accessibility

SEED_PAGE = "corpus/releases/human-rights-first/2011/2011-04-27-upcoming-dialogue-not-enough.html"

#: One page of each kind Pressroom writes, and the theme's pages around them.
A11Y_PAGES = [
    "index.html",  # the root redirect, read in place (its refresh taken out)
    "docs/index.html", SEED_PAGE,
    "entries/person/brian-dooley.html", "entries/organization/human-rights-first.html",
    "entries/event/us-china-human-rights-dialogue-2011.html", "entries/place/china.html",
    "entries/person/by-letter/d.html", "entries/person/index.html", "entries/index.html",
    "pressroom-person.html", "docs/timeline.html", "archive/human-rights-first/2011/04.html",
    "search.html?q=China", "docs/commands.html",
]

#: Violations that are the theme's or Sphinx's, not Pressroom's: (rule, a string in the
#: offending element's HTML or its page).
A11Y_NOT_OURS = [
    # Sphinx writes a toctree caption as ``<p class="caption" role="heading">`` without
    # ``aria-level`` (sphinx-doc/sphinx#14030)
    ("aria-required-attr", 'class="caption" role="heading"'),
    # furo's search page has no ``h1``
    ("page-has-heading-one", "search.html"),
]


#: What axe-core checks: WCAG 2.2 A and AA (and the 2.0 and 2.1 rules) and its best practices.
A11Y_RULES = {"runOnly": {"type": "tag", "values": [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}


def _violations(page, path: str) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options=A11Y_RULES).response
    found = []
    for v in result["violations"]:
        for node in v["nodes"]:
            if not any(rule == v["id"] and (mark in node["html"] or mark in path)
                       for rule, mark in A11Y_NOT_OURS):
                found.append(f"{path}: {v['id']} ({v['impact']}) {node['html'][:160]}")
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_accessibility_violation(site, browser, scheme):
    """axe-core (WCAG 2.2 A and AA, and its best practices) on a page of every kind, in
    the light and the dark colour scheme. Found by it and mended: the ↗ linking a
    quotation to its place was told from the text around it by colour alone (2.4:1 in
    dark mode), the root redirect had no main landmark and no heading, and the panel's
    links were closer than a 24 px target allows on a theme with tight lines."""
    base, outdir = site
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = []
    for path in A11Y_PAGES:
        if path == "index.html":
            html = (outdir / path).read_text(encoding="utf-8")
            assert 'http-equiv="refresh"' in html
            page.goto(f"{base}/_static/")  # same origin, then the redirect's markup in place
            page.set_content(re.sub(r'<meta http-equiv="refresh"[^>]*>', "", html))
        else:
            page.goto(f"{base}/{path}")
        if path.startswith("search.html"):
            page.wait_for_selector("#search-results ul.search li", timeout=15000)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        found += _violations(page, path)
    context.close()
    assert found == [], "\n".join(found)


def _accessible_name(page, selector: str) -> str:
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})
    cdp.detach()
    return ax["nodes"][0].get("name", {}).get("value", "")


def test_a_mention_description_can_be_hovered_and_dismissed(site, browser):
    """WCAG 1.4.13 (content on hover or focus): the description under a mention stays while
    the pointer moves onto it (it vanished: it began below a gap and took no pointer) and
    Escape hides it; it is drawn, not read, so the link's accessible name stays the
    entry's name on focus (the description was read as part of it, then again as the
    link's title)."""
    base, _ = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/{SEED_PAGE}")
    link = "a.pressroom-ref[href*='us-china-human-rights-dialogue-2011.html']"
    shown = f"getComputedStyle(document.querySelector(\"{link}\"), '::after').content !== 'none'"
    box = page.locator(link).first.bounding_box()
    page.mouse.move(box["x"] + 5, box["y"] + box["height"] / 2)
    assert page.evaluate(shown)
    for below in (2, 12, 25):  # down onto the description
        page.mouse.move(box["x"] + 20, box["y"] + box["height"] + below)
        assert page.evaluate(shown), below
    page.keyboard.press("Escape")
    assert not page.evaluate(shown)
    page.mouse.move(0, 0)
    page.mouse.move(box["x"] + 5, box["y"] + box["height"] / 2)  # back on the link: shown again
    assert page.evaluate(shown)
    page.mouse.move(0, 0)

    name = _accessible_name(page, link)
    page.locator(link).first.focus()
    assert page.evaluate(shown)
    assert _accessible_name(page, link) == name == "U.S.-China Human Rights Dialogue"
    page.keyboard.press("Escape")
    assert not page.evaluate(shown)
    page.close()


def test_axe_on_the_basic_theme_finds_nothing_in_pressroom_markup(pressroom_site, browser):
    """The test root's site (Sphinx's ``basic`` theme, tighter lines than furo's): axe-core
    on Pressroom's own parts of a release page and an entry page. The panel's links were
    16 px apart, under WCAG 2.2's 24 px target size; the theme's own findings (its
    sidebar's headings, its grey search excerpts) are not Pressroom's to mend."""
    from axe_playwright_python.sync_playwright import Axe

    found = []
    with serve(Path(pressroom_site.outdir)) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for path in ("corpus/releases/hrf/2011/2011-05-02-markup-is-data.html",
                     "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue.html",
                     "entries/person/brian-dooley.html"):
            page.goto(f"{base}/{path}")
            result = Axe().run(page, context={"include": [["[class*='pressroom-']"]]},
                               options=A11Y_RULES).response
            assert result["passes"], path  # something was checked
            found += [f"{path}: {v['id']} {node['html'][:160]}"
                      for v in result["violations"] for node in v["nodes"]]
        page.close()
    assert found == [], "\n".join(found)


ARABIC = "corpus/releases/hrf/2011/2011-05-04-arabic"


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory):
    """The test root with a release in Arabic, built and served; it mentions Brian Dooley in
    two paragraphs (his page then folds a sentence under each of two releases)."""
    src = copy_root("pressroom", tmp_path_factory.mktemp("arabic"))
    (src / f"{ARABIC}.txt").write_text(
        "---\nlanguage: ar\ndate: 2011-05-04\n---\nالحكم على الناشطين في الصين\n\n"
        "واشنطن – التقى Brian Dooley بالصحفيين في واشنطن. «يجب الإفراج عن المحامين».\n\n"
        "وقال Brian Dooley إن الحكم جائر.\n",
        encoding="utf-8")
    app = built(src)
    with serve(Path(app.outdir)) as base:
        yield base


def test_a_release_in_arabic_reads_right_to_left(arabic_site, browser):
    """Its title and paragraphs start at the right, the closing marks of a sentence end it
    at the left; so do its sentences on an entry page, and its title and excerpt in search
    results (``lang`` alone left them laid out left to right)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{arabic_site}/{ARABIC}.html")
    laid_out = """sel => [...document.querySelectorAll(sel)].map(e => {
        const range = document.createRange();
        range.selectNodeContents(e.firstChild);
        const text = range.getBoundingClientRect(), box = e.getBoundingClientRect();
        return [getComputedStyle(e).direction, Math.round(box.right - text.right)];
    })"""
    # the text ends at the block's right edge (its start), however short it is
    for direction, gap in page.evaluate(laid_out, "h1, .pressroom-body p"):
        assert direction == "rtl" and gap < 2, (direction, gap)
    page.goto(f"{arabic_site}/entries/person/brian-dooley.html")
    sentences = page.evaluate(laid_out, "li > p.pressroom-sentence[lang=ar]")
    assert sentences and all(d == "rtl" and gap < 20 for d, gap in sentences), sentences
    page.goto(f"{arabic_site}/search.html?q=Dooley")
    excerpt = f'#search-results li:has(a[href^="{ARABIC}.html"]) p.context'
    page.wait_for_selector(excerpt, timeout=15000)
    assert page.eval_on_selector(excerpt, "e => getComputedStyle(e).direction") == "rtl"
    english = '#search-results li:has(a[href*="upcoming-dialogue"]) p.context'
    page.wait_for_selector(english, timeout=15000)
    assert page.eval_on_selector(english, "e => getComputedStyle(e).direction") == "ltr"
    # and the result's title: the Arabic one reads right to left, the English one not
    title = f'#search-results li > a[href^="{ARABIC}.html"]'
    assert page.eval_on_selector(title, "e => getComputedStyle(e).direction") == "rtl"
    assert page.eval_on_selector(
        '#search-results li > a[href*="upcoming-dialogue"]',
        "e => getComputedStyle(e).direction") == "ltr"
    page.close()


def test_a_site_in_arabic_runs_right_to_left(tmp_path, browser):
    """A site whose language is Arabic was laid out left to right (the themes write ``<html
    lang="ar">`` and no ``dir``); its pages now run right to left, and Pressroom's borders
    and indents are at the line's start, on the right (a release's footer, a quotation on
    an entry page); an English site keeps them on the left."""
    measured = """() => ({
        page: getComputedStyle(document.documentElement).direction,
        footer: ['left', 'right'].map(
            side => getComputedStyle(document.querySelector('.pressroom-footer'))
                .getPropertyValue(`border-${side}-width`)),
    })"""
    sides = {}
    for language in ("ar", "en"):
        src = copy_root("pressroom", tmp_path / language)
        app = built(src, confoverrides={"language": language})
        with serve(Path(app.outdir)) as base:
            page = browser.new_page()
            page.goto(f"{base}/corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue.html")
            sides[language] = page.evaluate(measured)
            page.close()
        html = (Path(app.outdir) / "docs" / "index.html").read_text(encoding="utf-8")
        assert ("pressroom-rtl.css" in html) == (language == "ar"), language
    assert sides["ar"] == {"page": "rtl", "footer": ["0px", "3px"]}, sides
    assert sides["en"] == {"page": "ltr", "footer": ["3px", "0px"]}, sides


def test_a_printed_entry_page_holds_its_folded_sentences(arabic_site, browser):
    """*N more sentences mentioning it* stayed folded when the page was printed, and was
    not printed: before printing every ``<details>`` is opened, and closed again after,
    but one the reader had opened; printed without the script, its content is shown."""
    shown = """() => [...document.querySelectorAll('details.pressroom-more')].map(
        d => [d.open, d.querySelector('.pressroom-sentence').checkVisibility()])"""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{arabic_site}/entries/person/brian-dooley.html")
    folded = page.evaluate(shown)
    assert len(folded) == 2 and all(state == [False, False] for state in folded), folded
    page.evaluate("document.querySelector('details.pressroom-more').open = true")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate(shown) == [[True, True], [True, True]]
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate(shown) == [[True, True], [False, False]]  # as the reader left them
    # printed as the browser prints it (no print events): shown all the same
    page.emulate_media(media="print")
    assert page.evaluate(shown) == [[True, True], [False, True]]
    page.close()


_TRAIL_THEME = """{% extends "basic/layout.html" %}
{% block header %}<ul class="wy-breadcrumbs">{% for p in parents %}<li><a href="{{ p.link }}">
{{ p.title }}</a></li>{% endfor %}</ul>{% endblock %}
"""


def test_a_theme_s_own_trail_is_not_shown_twice(tmp_path, browser):
    """sphinx_rtd_theme and pydata-sphinx-theme draw the page's trail from the ancestors
    Sphinx gives it, as Pressroom's breadcrumbs do: a release page and an entry page
    showed the same trail twice, one under the other. Here a theme draws it as
    sphinx_rtd_theme does; the basic theme draws none, and Pressroom's is shown."""
    src = copy_root("pressroom", tmp_path / "theme")
    theme = src / "_themes" / "trail"
    theme.mkdir(parents=True)
    (theme / "theme.conf").write_text("[theme]\ninherit = basic\n", encoding="utf-8")
    (theme / "layout.html").write_text(_TRAIL_THEME, encoding="utf-8")
    conf = src / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace(
        'html_theme = "basic"', 'html_theme = "trail"\nhtml_theme_path = ["_themes"]'),
        encoding="utf-8")
    shown = {}
    for name, root in (("trail", src), ("basic", copy_root("pressroom", tmp_path / "basic"))):
        with serve(Path(built(root).outdir)) as base:
            page = browser.new_page()
            for doc in ("corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue",
                        "entries/person/brian-dooley"):
                page.goto(f"{base}/{doc}.html")
                assert page.locator("nav.pressroom-breadcrumbs").count() == 1, doc
                shown[name, doc] = page.locator("nav.pressroom-breadcrumbs").is_visible()
            page.close()
    assert shown == {("trail", "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue"): False,
                     ("trail", "entries/person/brian-dooley"): False,
                     ("basic", "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue"): True,
                     ("basic", "entries/person/brian-dooley"): True}
