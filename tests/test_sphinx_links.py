"""Every link of the built site leads somewhere, whatever the HTML builder.

Each ``href`` and ``src`` that stays inside the site must name a file the build
wrote (a folder: its ``index.html``, as ``dirhtml`` links pages) and, with a
fragment, an element of that page with that id; and no page gives two elements
the same id. Pressroom writes links of its
own (mentions, backlinks to the sentence of a mention, entry and letter pages,
the corpus export), so both layouts of the HTML output are walked.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from sphinx_support import built, copy_root, page, warnings_of

SEED = "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue"
_URL = re.compile(r'\b(?:href|src)="([^"]*)"')
_ID = re.compile(r'\bid="([^"]+)"')


def dead_links(outdir: Path) -> tuple[int, list[tuple[str, str, str]]]:
    """(links followed, [(page, url or id, what is wrong)]) over every HTML page of *outdir*."""
    ids: dict[Path, set[str]] = {}
    dead = []
    followed = 0
    for path in sorted(outdir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        seen: set[str] = set()
        for id_ in _ID.findall(text):
            if id_ in seen:
                dead.append((str(path.relative_to(outdir)), id_, "id given twice"))
            seen.add(id_)
        for m in _URL.finditer(text):
            url = html.unescape(m.group(1))
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not url:
                continue
            followed += 1
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            where = str(path.relative_to(outdir))
            if not target.is_file():
                dead.append((where, url, "no such file"))
            elif parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(_ID.findall(target.read_text(encoding="utf-8")))
                if unquote(parts.fragment) not in ids[target]:
                    dead.append((where, url, "no such anchor"))
    return followed, dead


def build(tmp_path: Path, builder: str):
    return built(copy_root("pressroom", tmp_path), builder)


def test_every_link_of_the_html_site_leads_somewhere(pressroom_site):
    followed, dead = dead_links(Path(pressroom_site.outdir))
    assert followed > 1000
    assert dead == []


def test_every_link_of_the_dirhtml_site_leads_somewhere(tmp_path):
    app = build(tmp_path, "dirhtml")
    outdir = Path(app.outdir)
    assert (outdir / "docs" / "roles" / "index.html").is_file()  # the other layout indeed
    followed, dead = dead_links(outdir)
    assert followed > 1000
    assert dead == []


def test_a_mention_in_a_release_title_is_a_backlink_target(pressroom_site):
    """The title is no link (it is copied into the navigation), but the entry page's
    backlink to the mention in it must land on the page's title."""
    entry = page(pressroom_site, "entries/place/china")
    seed = page(pressroom_site, SEED)
    assert f'{SEED.rsplit("/", 1)[1]}.html#m40"' in entry  # ``China’s`` in the title
    assert re.search(r'<span id="m40"></span>\s*<h1>Upcoming Dialogue', seed)


@pytest.mark.parametrize(("builder", "docname", "href"), [
    ("html", "docs/roles.html", "../pressroom.json"),
    ("dirhtml", "docs/roles/index.html", "../../pressroom.json"),
])
def test_the_export_link_is_relative_to_the_page(tmp_path, builder, docname, href):
    app = build(tmp_path, builder)
    text = (Path(app.outdir) / docname).read_text(encoding="utf-8")
    assert re.search(rf'<a class="[^"]*pressroom-export[^"]*" href="{re.escape(href)}">'
                     r'<code[^>]*><span class="pre">pressroom.json</span></code></a>', text)
    assert (Path(app.outdir) / "pressroom.json").is_file()


def test_the_export_link_is_its_text_where_no_export_is_written(tmp_path):
    app = build(tmp_path, "text")
    assert not (Path(app.outdir) / "pressroom.json").exists()
    roles = (Path(app.outdir) / "docs" / "roles.txt").read_text(encoding="utf-8")
    assert 'The corpus export: "pressroom.json".' in roles  # the text writer's literal
    md = (Path(app.outdir) / "docs" / "roles-md.txt").read_text(encoding="utf-8")
    assert 'The export: "the\ncorpus as JSON".' in md  # wrapped by the text writer


def test_a_release_shown_inside_a_page_has_no_anchors(pressroom_site):
    """Nothing points at the mentions of a release shown by the ``release`` directive (its
    own page holds the backlinks' targets), and two releases on one page would repeat
    their ids: none are given."""
    html = page(pressroom_site, "docs/embedded")
    assert html.count(' pressroom-mention ') > 20
    assert not re.search(r'\bid="[mq]\d+"', html)
    assert re.search(r'\bid="m1088"', page(pressroom_site, SEED))  # on its own page they are


def test_the_index_of_a_type_with_no_entries_is_written(tmp_path):
    """Sphinx writes no page for a domain index with no entries, but its label
    (``pressroom-vessel``) still resolves to that page: a type declared before any
    entry of it has its index all the same."""
    src = copy_root("pressroom", tmp_path)
    conf = src / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + (
        'pressroom_entity_types["vessel"] = {"label": "Vessel", "plural": "Vessels"}\n'),
        encoding="utf-8")
    roles = src / "docs" / "roles.rst"
    roles.write_text(roles.read_text(encoding="utf-8")
                     + "\nIndices: :ref:`pressroom-vessel`, :ref:`pressroom-award`.\n",
                     encoding="utf-8")
    app = built(src)
    outdir = Path(app.outdir)
    index = (outdir / "pressroom-vessel.html").read_text(encoding="utf-8")
    assert "<h1>Index of vessels</h1>" in index
    assert 'href="../pressroom-vessel.html"' in page(app, "docs/roles")
    assert dead_links(outdir)[1] == []


def test_a_builder_that_leaves_entry_pages_out_shows_mentions_as_text(tmp_path):
    """The LaTeX builder writes only the documents of its toctree, and has no URI for
    the others (``NoUri``): a mention of an entry whose page is left out is its text
    (it was a traceback)."""
    app = build(tmp_path, "latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\DUrole{pressroom-mention}{Brian Dooley}" in tex
    assert r"since \DUrole{pressroom-ref}{\DUrole{pressroom-mention}{President Hu Jintao}}" in tex
    # the test root's one expected warning (a control character in a release) only
    assert [w for w in warnings_of(app) if "WARNING" in w or "ERROR" in w] == [
        w for w in warnings_of(app) if w.endswith("[pressroom.release_control]")]


def test_every_reference_of_the_latex_document_has_its_label(tmp_path):
    """A glossary's line of letters and the timeline's line of years link their headings:
    the LaTeX writer writes no label for a heading's (a rubric's) id, so each was an
    undefined reference in the PDF."""
    app = build(tmp_path, "latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    refs = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex))
    assert "entries/person/index:letter-person-b" in refs and "docs/timeline:year-2010" in refs
    assert sorted(refs - labels) == []


def test_the_texinfo_document_anchors_the_headings_its_links_name(tmp_path):
    """The Texinfo writer wrote the anchors of the letters' and years' headings (rubrics,
    whose ids it does not write) at the end of the file, in no fixed order: each is written
    where its heading is."""
    app = build(tmp_path, "texinfo")
    texi = next(Path(app.outdir).glob("*.texi")).read_text(encoding="utf-8")
    for anchor, heading in (("entries/person/index letter-person-b", "B"),
                            ("docs/timeline year-2010", "2010")):
        assert re.search(rf"@anchor\{{{re.escape(anchor)}\}}(?:@anchor\{{\w+\}})?\n@\w+ {heading}\n",
                         texi), anchor


@pytest.mark.parametrize("builder", ["xml", "pseudoxml"])
def test_a_builder_of_another_format_links_no_entry_page(tmp_path, builder):
    """Only the builders of HTML pages write entry pages: the ``xml`` builders gave a
    release's mentions references to ``entries/person/brian-dooley``, a page no build of
    theirs writes. A mention is its text there, as with LaTeX."""
    app = build(tmp_path, builder)
    text = next(Path(app.outdir).glob(f"{SEED}.*")).read_text(encoding="utf-8")
    assert "Brian Dooley" in text and "pressroom-mention" in text
    assert "entries/person/brian-dooley" not in text
