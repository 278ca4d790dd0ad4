"""The built site in headless Chromium: search lands on the entry first; screenshots.

Builds the project's own site (conf.py at the project root) into a temporary
folder, serves it on 127.0.0.1 and drives Debian's Chromium with Playwright.
Screenshots are written to /tmp/pressroom-*.png for a person to look at.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sphinx_support import chromium, make, serve, warnings_of

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
