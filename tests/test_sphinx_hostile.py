"""Bad, broken and hostile input through a real Sphinx build (issue 5).

One shared build of ``tests/roots/test-hostile`` with every hostile release of
:mod:`hostile_cases` written into it: the build completes, each problem is a
warning naming the file (and line) with its ``pressroom.*`` subtype, every
release has a page (flagged when something is wrong), markup and HTML are shown
literally, and the page's text is the source text. Then ``-W`` and
``suppress_warnings`` on smaller builds, hand-written pages with broken
references, and the hostile page in headless Chromium.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hostile_cases import CASES, HOSTILE_TEXT, docname, write_cases
from sphinx_support import chromium, copy_root, main_text, make, page, release_page_text, serve, warnings_of

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0001ffff]")
#: How each case's bytes are decoded (by the test, independently of the parser).
ENCODINGS = {"cp1252": "cp1252", "latin1": "latin-1", "utf8-bom": "utf-8-sig",
             "utf16-bom": "utf-16"}
#: The title a page shows when the release has no title line (from the file name).
FALLBACK_TITLES = {"empty": "Empty", "whitespace": "Whitespace", "no-title": "No title",
                   "binary": "Binary"}
#: Warnings of the hand-written pages: (file, line, subtype, words of the message).
HAND_WRITTEN = [
    ("docs/broken.rst", 8, "unknown_entity", "unknown entry 'no-such-person'"),
    ("docs/broken.rst", 10, "release_missing", "release file"),
    ("docs/broken.rst", 12, "unknown_entity", "'jane-roe' is a person, not a place"),
    # a file outside the project, such as the machine's own: none of its releases
    ("docs/broken.rst", 14, "release_missing", "is outside the project; it is not shown"),
    ("docs/broken-md.md", 7, "unknown_entity", "unknown entry 'nobody-at-all'"),
    ("docs/broken-md.md", 9, "release_missing", "release file"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    src = copy_root("hostile", tmp_path_factory.mktemp("hostile"))
    write_cases(src)
    app = make(src)
    app.build()  # must not raise
    app.cleanup()
    return app, src, warnings_of(app)


def normalize(text: str) -> str:
    """Whitespace collapsed; control characters (shown as U+FFFD, or dropped between
    paragraphs when Python counts them as space, like form feed) count as space."""
    return " ".join(CONTROL.sub(" ", text.replace("\ufffd", " ")).split())


def source_text(name: str) -> str:
    """What the page must show of the release: its decoded text, without a header."""
    data = CASES[name][0]
    if name == "binary":
        text = data.decode("utf-8", errors="replace")
    else:
        text = data.decode(ENCODINGS.get(name, "utf-8"))
    if name == "bad-header":  # an invalid header is not read: shown apart (see below)
        text = text.split("---\n", 2)[2]
    return FALLBACK_TITLES.get(name, "") + " " + text


def test_unreadable_header_is_shown_as_received(site):
    app, _src, _warnings = site
    html = (Path(app.outdir) / f"{docname('bad-header')}.html").read_text("utf-8")
    box = BeautifulSoup(html, "html.parser").select_one("section#release div.pressroom-header pre")
    assert box is not None and box.get_text().strip() == "---\ntitle: [x\n---"
    ok = (Path(app.outdir) / f"{docname('crlf')}.html").read_text("utf-8")
    assert "pressroom-header" not in ok


def test_build_completes_with_only_pressroom_warnings(site):
    app, src, warnings = site
    assert app.statuscode == 0
    assert warnings, "the hostile root must warn"
    for w in warnings:
        assert re.search(r": WARNING: .* \[pressroom\.[a-z_]+\]$", w), w
        assert w.startswith(str(src) + "/"), w  # every warning names a file


@pytest.mark.parametrize("name", list(CASES))
def test_each_problem_is_a_warning_with_file_line_and_subtype(site, name):
    _app, src, warnings = site
    path = f"{src}/{docname(name)}.txt"
    mine = [w for w in warnings if w.startswith(path + ":")]
    expected = CASES[name][1]
    assert len(mine) == len(expected), mine
    for subtype, line in expected:
        where = f"{path}:{line}: WARNING: " if line else f"{path}: WARNING: "
        assert any(w.startswith(where) and w.endswith(f"[pressroom.{subtype}]") for w in mine), \
            (subtype, line, mine)


@pytest.mark.parametrize("name", list(CASES))
def test_every_release_has_a_page_flagged_when_something_is_wrong(site, name):
    app, _src, _warnings = site
    html = page(app, docname(name))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("section#release h1").get_text().strip()
    notice = soup.select_one("section#release div.pressroom-problems")
    parser_problems = [s for s, _ in CASES[name][1] if s != "release_duplicate"]
    if parser_problems:
        assert notice is not None
        for subtype in parser_problems:
            assert f"[pressroom.{subtype}]" in notice.get_text()
    else:
        assert notice is None


@pytest.mark.parametrize("name", list(CASES))
def test_page_text_equals_source_text(site, name):
    app, _src, _warnings = site
    assert normalize(release_page_text(page(app, docname(name)))) == normalize(source_text(name))


def test_control_characters_are_shown_as_replacement_marks(site):
    app, _src, _warnings = site
    assert "Body\ufffd with \ufffd bell." in release_page_text(page(app, docname("nul-and-control")))
    rtl = release_page_text(page(app, docname("rtl-zero-width")))
    assert "משפט \u202eevil\u202c zero\u200bwidth \u200f\u2066isolate\u2069." in rtl


def _forbidden_in_html(char: str) -> bool:
    """A character the HTML standard forbids in a document: a control that is not ASCII
    whitespace, or a noncharacter (written from the standard, not from the parser's rule)."""
    point = ord(char)
    return (unicodedata.category(char) == "Cc" and char not in "\t\n\x0c\r"
            or 0xFDD0 <= point <= 0xFDEF or point & 0xFFFE == 0xFFFE)


def test_no_page_holds_a_character_html_forbids(site):
    """A Latin-1 file's byte 0x81 (U+0081, a C1 control) and a UTF-8 release's
    noncharacters were written into the release's page, its entries' and the archive's:
    invalid HTML, warned about nowhere. They are shown as U+FFFD and warned at their line."""
    app, _src, warnings = site
    out = Path(app.outdir)
    found = {}
    for path in [*out.rglob("*.html"), out / "releases.atom"]:
        text = path.read_text(encoding="utf-8")
        bad = sorted({f"U+{ord(c):04X}" for c in text if _forbidden_in_html(c)})
        if bad:
            found[str(path.relative_to(out))] = bad
    assert found == {}
    assert "Body\ufffd with \ufffd and \ufffd marks." in release_page_text(
        page(app, docname("noncharacters")))
    assert any("noncharacter U+FDD0" in w for w in warnings)
    assert any("control character U+0081" in w for w in warnings)


@pytest.mark.parametrize(("name", "label"), [("cp1252", "Windows-1252"), ("latin1", "Latin-1")])
def test_fallback_decoding_is_said_on_the_page_and_in_the_warning(site, name, label):
    app, src, warnings = site
    notice = BeautifulSoup(page(app, docname(name)), "html.parser").select_one(
        "div.pressroom-problems")
    assert f"decoded as {label}" in notice.get_text()
    assert any(w.startswith(f"{src}/{docname(name)}.txt:5:") and f"decoded as {label}" in w
               for w in warnings)
    # the characters are the right ones, not mojibake
    text = release_page_text(page(app, docname(name)))
    assert ("“Smart” quotes – and € signs" in text) if name == "cp1252" else ("Café in Zürich\ufffd" in text)


def test_duplicate_is_warned_once_against_the_first_file(site):
    _app, src, warnings = site
    dups = [w for w in warnings if "[pressroom.release_duplicate]" in w]
    assert dups == [f"{src}/{docname('duplicate-b')}.txt: WARNING: same text as "
                    f"{src}/{docname('duplicate-a')}.txt; delete one of the two files "
                    "[pressroom.release_duplicate]"]


def test_empty_releases_are_not_duplicates_of_each_other(site):
    _app, _src, warnings = site
    assert not any("[pressroom.release_duplicate]" in w and ("empty" in w or "whitespace" in w)
                   for w in warnings)


def test_markup_and_html_are_shown_literally(site):
    app, _src, _warnings = site
    html = page(app, docname("markup-and-html"))
    soup = BeautifulSoup(html, "html.parser")
    section = soup.select_one("section#release")
    # the HTML as written (not re-serialized), without the metadata panel (not release text)
    raw = html[html.index('<section class="pressroom-release"'):html.index("</section>")]
    raw = raw[:raw.index('<div class="pressroom-meta')] + raw[raw.index('<div class="pressroom-body'):]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    assert "&lt;img src=x onerror=" in raw
    assert "&amp;amp;" in raw  # "&amp;" in the release is shown as those five characters
    for bad in ("<script", "<img", "<em>", "<strong>", "<b>", "<code", "<table", "<!--",
                'href="javascript:', 'href="https://evil.example', "admonition"):
        assert bad not in raw, bad
    # no extra nodes: the body holds one <p> per paragraph, only text and entry links
    body = section.select_one("div.pressroom-body")
    tags = {t.name for t in body.find_all(True)}
    assert tags <= {"p", "span", "a"}, tags
    for a in body.find_all("a"):
        assert "pressroom-ref" in a["class"] and "/entries/" in a["href"], a
    paragraphs = [p for p in HOSTILE_TEXT.split("\n\n")[2:] if p.strip()]
    assert len(body.select("p.pressroom-paragraph")) == len(paragraphs)
    # every <script> on the page is the theme's own
    for script in soup.find_all("script"):
        assert script.get("src") or script.get("type") == "application/ld+json" \
            or script.get_text().startswith("document.getElementById('searchbox')"), script


def test_hand_written_pages_warn_with_file_line_and_subtype(site):
    _app, src, warnings = site
    for file, line, subtype, words in HAND_WRITTEN:
        prefix = f"{src}/{file}:{line}: WARNING: "
        assert any(w.startswith(prefix) and words in w and w.endswith(f"[pressroom.{subtype}]")
                   for w in warnings), (file, line, subtype, warnings)
    hand = [w for w in warnings if w.startswith(f"{src}/docs/")]
    assert len(hand) == len(HAND_WRITTEN), hand


# --------------------------------------------------------------- -W and suppress_warnings
SMALL = ["no-date", "two-dates", "cp1252", "empty", "utf8-bom"]


def _small_build(tmp_path, names, **kwargs):
    src = copy_root("hostile", tmp_path)
    write_cases(src, names)
    app = make(src, confoverrides={"exclude_patterns": ["_build", "docs/broken*"],
                                   **kwargs.pop("confoverrides", {})}, **kwargs)
    app.build()
    app.cleanup()
    return app, warnings_of(app)


def test_suppress_warnings_silences_exactly_one_subtype(tmp_path):
    _app, before = _small_build(tmp_path / "all", SMALL)
    app, after = _small_build(tmp_path / "suppressed", SMALL,
                              confoverrides={"suppress_warnings": ["pressroom.release_date"]})
    assert any("[pressroom.release_date]" in w for w in before)
    assert not any("[pressroom.release_date]" in w for w in after)

    def others(ws):
        return sorted(re.sub(r"^.*/", "", w) for w in ws if "[pressroom.release_date]" not in w)

    assert others(after) == others(before) and others(after)
    assert app.statuscode == 0


def test_W_turns_problems_into_errors(tmp_path):
    app, warnings = _small_build(tmp_path / "w", ["no-date"], warningiserror=True)
    assert len(warnings) == 1 and "[pressroom.release_date]" in warnings[0]
    assert app.statuscode == 1
    assert "with warnings treated as errors" in app.status.getvalue()
    # the same build with that subtype suppressed passes -W
    app, warnings = _small_build(tmp_path / "ok", ["no-date"], warningiserror=True,
                                 confoverrides={"suppress_warnings": ["pressroom.release_date"]})
    assert warnings == [] and app.statuscode == 0


def test_files_the_build_does_not_read_are_named_and_misfiled_releases_warned(tmp_path):
    """The build and ``pressroom check`` agree on what a release is: every other file in
    the releases folder is a warning naming it (as written: Sphinx would show a path
    without a line as a document's ``.rst``), a release in a folder named with a leading
    ``_`` is in the archive like any other, a dated release its name does not date is said to
    be filed elsewhere, and a ``.txt`` outside the releases folder is said to be read."""
    folder = "corpus/releases/wire/2011"
    extra = {
        "corpus/releases/wire/_imported/2011-05-14-early.txt": "Early Release\n\nMay 14, 2011\n\nBody.\n",
        f"{folder}/plain-name.txt": "Plain Name Release\n\nJune 15, 2011\n\nBody.\n",
        "corpus/releases/wire/loose.txt": "Loose Release\n\nJune 18, 2011\n\nBody.\n",
        f"{folder}/LOUD.TXT": "Loud Release\n\nMay 16, 2011\n\nBody.\n",
        f"{folder}/scan.pdf": "%PDF-1.4",
        # reported as no release, so no page either: Sphinx read them as Markdown and
        # reST, raw HTML and all (the conf.py takes every file under the releases folder)
        f"{folder}/notes.md": "# Notes\n\n<script>alert('md')</script>\n",
        f"{folder}/aside.rst": "Aside\n=====\n\n.. raw:: html\n\n   <script>alert('rst')</script>\n",
        "docs/notes.txt": "Notes\n\nMay 17, 2011\n\nNot a release.\n",
        # a page showing releases: the problems of one that is no page of its own are
        # reported there, naming the release file; one that is a page reports its own
        "docs/embed.rst": f":orphan:\n\nEmbed\n=====\n\n.. release:: /{docname('no-date')}.txt\n"
                          "\n.. release:: /kept/2011-05-20-aside.txt\n",
        "kept/2011-05-20-aside.txt": ("Aside Without a Date\n\nJane Roe met Richard Roe.\n"
                                      "Later Roe left.\n"),
    }
    src = copy_root("hostile", tmp_path)
    write_cases(src, ["crlf", "no-date"])
    registry = src / "corpus/entities/entities.yaml"
    registry.write_text(registry.read_text("utf-8") + "- id: richard-roe\n  type: person\n"
                        "  name: Richard Roe\n  description: Test person.\n", "utf-8")
    for name, text in extra.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(text, encoding="utf-8")
    app = make(src, confoverrides={"exclude_patterns": ["_build", "docs/broken*", "kept"]})
    app.build()
    app.cleanup()
    found = sorted((w.split(": WARNING: ")[0], w.rsplit("[", 1)[1]) for w in warnings_of(app))
    assert found == sorted([
        (f"{src}/{folder}/LOUD.TXT", "pressroom.release_ignored]"),
        (f"{src}/{folder}/plain-name.txt:3", "pressroom.release_place]"),
        (f"{src}/corpus/releases/wire/loose.txt:3", "pressroom.release_place]"),
        (f"{src}/{folder}/scan.pdf", "pressroom.release_ignored]"),
        (f"{src}/{folder}/notes.md", "pressroom.release_ignored]"),
        (f"{src}/{folder}/aside.rst", "pressroom.release_ignored]"),
        (f"{src}/docs/notes.txt", "pressroom.release_place]"),
        (f"{src}/docs/notes.txt", "toc.not_included]"),
        # by its own page, not again where docs/embed shows it
        (f"{src}/{docname('no-date')}.txt", "pressroom.release_date]"),
        # no page of its own: reported where docs/embed shows it, naming its file
        (f"{src}/kept/2011-05-20-aside.txt", "pressroom.release_date]"),
        (f"{src}/kept/2011-05-20-aside.txt:4", "pressroom.ambiguous]"),
    ]), warnings_of(app)
    assert app.statuscode == 0
    out = Path(app.outdir) / folder
    assert not (out / "notes.html").exists() and not (out / "aside.html").exists()
    month = page(app, "archive/wire/2011/05")
    assert "Early Release" in month and "Loud Release" not in month
    assert "Plain Name Release" in page(app, "archive/wire/2011/00")
    assert "<title>Wire Service, 2011, month not given" in page(app, "archive/wire/2011/00")
    assert "<title>Wire Service, undated" in page(app, "archive/wire/undated/00")
    # the publisher's years, newest first, undated last, each with its number of releases
    years = re.sub(r"<[^>]+>", "", main_text(page(app, "archive/wire/index")))
    assert years.index("2011 — ") < years.index("Undated — 1 release")
    months = re.sub(r"<[^>]+>", "", main_text(page(app, "archive/wire/2011/index")))
    assert months.index("May — ") < months.index("Month not given — 1 release")


# --------------------------------------------------------------------------- browser
@pytest.mark.browser
def test_hostile_page_in_chromium_runs_no_script_and_shows_the_source_text(site):
    app, _src, _warnings = site
    dialogs: list[str] = []
    with serve(Path(app.outdir)) as base, chromium() as browser:
        tab = browser.new_page()
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        tab.goto(f"{base}/{docname('markup-and-html')}.html")
        tab.wait_for_load_state("load")
        tab.wait_for_timeout(300)  # let any (wrongly) injected handler fire
        assert tab.evaluate("typeof window.__pwned") == "undefined"
        assert tab.evaluate("document.querySelectorAll('section#release img, "
                            "section#release script, section#release iframe').length") == 0
        shown = tab.evaluate("""() => {
            const s = document.querySelector('section#release');
            const h1 = s.querySelector('h1').cloneNode(true);
            h1.querySelectorAll('a.headerlink').forEach(a => a.remove());
            return h1.innerText + ' ' + s.querySelector('div.pressroom-body').innerText;
        }""")
        tab.close()
    assert dialogs == []
    assert normalize(shown) == normalize(source_text("markup-and-html"))


TALKS = ("Talks Release\n\nMay 20, 2011\n\nGeneva – Jane Roe met the lawyer of Jane Roe today. "
         "The talks ended early. Later, Jane Roe spoke.\n")


def test_entry_lists_each_sentence_that_mentions_it_once(tmp_path):
    """Under each release, an entry shows the sentence of its first mention and, folded,
    every other sentence that mentions it; two mentions in one sentence show it once."""
    src = copy_root("hostile", tmp_path)
    folder = src / "corpus/releases/wire/2011"
    folder.mkdir(parents=True)
    (folder / "2011-05-20-roe.txt").write_text(
        TALKS, encoding="utf-8")
    (folder / "2011-05-19-speaks.txt").write_text(
        "Jane Roe Speaks\n\nMay 19, 2011\n\nGeneva – Today Jane Roe spoke.\n", encoding="utf-8")
    app = make(src, confoverrides={"exclude_patterns": ["_build", "docs/broken*"]})
    app.build()
    app.cleanup()
    soup = BeautifulSoup(page(app, "entries/person/jane-roe"), "html.parser")
    item, titled = soup.select("ul.pressroom-backlinks > li")
    # the title is the link above: the text's sentence is shown, the title not again (its
    # mention counted)
    assert [p.get_text() for p in titled.select("p.pressroom-sentence")] == [
        "Today Jane Roe spoke."]
    assert titled.select_one("details") is None and "(2 mentions)" in titled.get_text()
    assert titled.select_one(".pressroom-backlink-head a")["href"].endswith("-speaks.html#m0")
    assert "(3 mentions)" in item.get_text()
    first, *rest = item.select("p.pressroom-sentence")
    assert first.get_text() == "Jane Roe met the lawyer of Jane Roe today."
    assert first.find_parent("details") is None
    assert [p.get_text() for p in rest] == ["Later, Jane Roe spoke."]
    folded = item.select_one("details.pressroom-more")
    assert folded.summary.get_text() == "1 more sentence mentioning it"
    later = TALKS.index("Jane Roe spoke")
    assert folded.select_one(".pressroom-highlight a")["href"].endswith(f"-roe.html#m{later}")
    # a dateline that opens the paragraph: the sentence it opens, not the dateline alone
    soup = BeautifulSoup(page(app, "entries/place/geneva"), "html.parser")
    talks, speaks = soup.select("ul.pressroom-backlinks > li p.pressroom-sentence")
    assert talks.get_text() == "Geneva – Jane Roe met the lawyer of Jane Roe today."
    assert talks.select_one(".pressroom-highlight").get_text() == "Geneva"
    assert speaks.get_text() == "Geneva – Today Jane Roe spoke."


def test_the_feed_of_hostile_releases_is_well_formed_xml(site):
    """Titles and opening words with markup, control characters, other scripts and
    undecodable bytes: the feed is still well-formed XML, its text as the pages show it."""
    import xml.etree.ElementTree as ET

    app, _src, _warnings = site
    root = ET.parse(Path(app.outdir) / "releases.atom").getroot()  # raises if malformed
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [e.findtext(f"{atom}title") for e in root.iter(f"{atom}entry")]
    assert titles and all(titles)
    for text in (*titles, *(e.findtext(f"{atom}summary") or "" for e in root.iter(f"{atom}entry"))):
        assert not CONTROL.search(text), text


def test_the_export_of_hostile_releases_is_valid_by_its_schema(site):
    """Markup, control characters, undecodable bytes, other scripts and bad headers: the
    export still follows its schema, and its offsets still point at what they name."""
    from jsonschema import Draft202012Validator

    from pressroom.source import parse_release

    app, src, _warnings = site
    schema = json.loads((Path(app.outdir) / "pressroom.schema.json").read_text("utf-8"))
    data = json.loads((Path(app.outdir) / "pressroom.json").read_text("utf-8"))
    found = [f"{list(e.absolute_path)}: {e.message}"
             for e in Draft202012Validator(schema).iter_errors(data)]
    assert found == [] and len(data["releases"]) > 10
    for release in data["releases"]:
        text = parse_release(src / release["file"]).text
        for span in (*release["mentions"], *release["quotes"]):
            assert text[span["start"]:span["end"]] == span.get("surface", span.get("text"))


def test_file_names_hold_no_markup_and_hidden_files_are_no_releases(tmp_path, capsys,
                                                                      monkeypatch):
    """A release file's name is data too: one holding a line break and a ``raw`` directive
    injected HTML into the archive's month page (its path was written into the page's
    markup), ``x <y>.txt`` was listed as a link to a page ``y``. Such names are reported and
    not read, by the build and by ``pressroom check`` alike; hidden files (a draft, a folder
    of them), which the commands skip, are no pages either (they were published)."""
    from pressroom.cli import main

    src = copy_root("hostile", tmp_path)
    folder = src / "corpus/releases/wire/2011"
    folder.mkdir(parents=True, exist_ok=True)
    body = "Named Oddly\n\nMay 1, 2011\n\nGENEVA – A release with an odd file name.\n"
    injected = "2011-05-01-a\n\n.. raw:: html\n\n   <img src=x onerror=alert(1)>\n\nb.txt"
    for name in (injected, "2011-05-02-x <y>.txt", "2011-05-03-tab\there.txt"):
        (folder / name).write_text(body, encoding="utf-8")
    (folder / ".2011-05-04-draft.txt").write_text("Hidden Draft\n\nMay 4, 2011\n\nDraft.\n",
                                                  encoding="utf-8")
    (folder / ".drafts").mkdir()
    (folder / ".drafts/2011-05-05-other.txt").write_text("Other Draft\n\nMay 5, 2011\n\nX.\n",
                                                         encoding="utf-8")
    (src / "corpus/releases/wire/odd\nfolder").mkdir()
    (src / "corpus/releases/wire/odd\nfolder/2011-05-06-in.txt").write_text(body, "utf-8")
    app = make(src, confoverrides={"exclude_patterns": ["_build", "docs/broken*"]})
    app.build()
    app.cleanup()
    out = Path(app.outdir)
    html = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
    assert "onerror" not in html and "Named Oddly" not in html
    assert "Hidden Draft" not in html and "Other Draft" not in html
    assert not list(out.rglob("*draft*")) and not list(out.rglob("*other*"))
    ignored = sorted(w for w in warnings_of(app) if "release_ignored" in w)
    assert len(ignored) == 4, ignored  # the three files and the folder
    assert all("rename it" in w for w in ignored)
    assert not [w for w in warnings_of(app) if "toc.not" in w or "nonexisting" in w], \
        warnings_of(app)
    # the commands read the same releases: none of these
    monkeypatch.chdir(src)
    capsys.readouterr()
    main(["check", "--quiet", "corpus/releases/wire/2011"])
    said, summary = capsys.readouterr()
    assert said.count("release_ignored") == 3 and "rename it" in said, said
    assert "Draft" not in said and "checked 0 releases" in summary, summary
