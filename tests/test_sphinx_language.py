"""A release in another language than the site's: said on its page, and its text marked
as written in that language (HTML's ``lang``) wherever the site shows it."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from sphinx_support import Writes, built, copy_root, make, page, warnings_of

FRENCH = "corpus/releases/hrf/2011/2011-05-04-la-chine-doit-liberer"
TEXT = """---
language: fr
---
La Chine doit libérer les avocats détenus

Washington, DC – Brian Dooley a rencontré des journalistes à Washington.

« Les avocats doivent être libérés », said Brian Dooley.

Seeking asylum? We can help.

Published on May 4, 2011
"""
DOOLEY = "entries/person/brian-dooley"


def _build(src: Path):
    app = make(src)
    writes = Writes(app)
    app.build()
    app.cleanup()
    return app, writes


def _french_site(tmp_path: Path, language: str = "fr") -> Path:
    src = copy_root("pressroom", tmp_path)
    (src / f"{FRENCH}.txt").write_text(TEXT.replace("language: fr", f"language: {language}"),
                                       encoding="utf-8")
    return src


def _jsonld(html: str) -> dict:
    script = html[html.index('<script type="application/ld+json">'):]
    return json.loads(script[len('<script type="application/ld+json">'):script.index("</script>")])


def test_a_release_in_another_language_is_marked_so_wherever_it_is_shown(tmp_path):
    src = _french_site(tmp_path)
    app, _ = _build(src)
    assert not [w for w in warnings_of(app) if "2011-05-04" in w]
    html = page(app, FRENCH)
    # its page: the title and the text in French, the panel (the site's words) not
    assert re.search(r'<h1 lang="fr">La Chine doit libérer les avocats détenus', html)
    assert re.search(r'<div class="pressroom-body[^"]*" lang="fr">', html)
    assert re.search(r'<p class="pressroom-published" lang="fr">Published on May 4, 2011', html)
    assert re.search(r'<p lang="fr">Seeking asylum\? We can help.</p>', html)  # the footer
    assert re.search(r'Language<span class="colon">:</span></dt>\s*<dd[^>]*><p>'
                     r'<span class="pressroom-language">French</span>', html)
    panel = html[html.index('class="pressroom-meta'):html.index('class="pressroom-body')]
    assert 'lang="fr"' not in panel
    assert _jsonld(html)["inLanguage"] == "fr"
    # a release in the site's language says nothing of it
    english = page(app, "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue")
    assert "pressroom-language" not in english and ' lang="' not in english.split("<body", 1)[1]
    assert _jsonld(english)["inLanguage"] == "en"

    # the entry page: the release's title, the sentence and the quotation in French
    dooley = page(app, DOOLEY)
    assert re.search(r'<span lang="fr">La Chine doit libérer les avocats détenus</span>', dooley)
    assert re.search(r'<p class="pressroom-sentence" lang="fr">', dooley)
    assert re.search(r'“<span lang="fr">Les avocats doivent être libérés</span>”', dooley)
    # the French release's title (under Mentioned in and Quoted), its two sentences
    # and the quotation; nothing else
    assert dooley.count('lang="fr"') == 5
    assert not re.search(r'<span lang="fr">Upcoming', dooley)
    # the timeline and the month's list of releases
    for docname in ("docs/timeline", "archive/hrf/2011/05"):
        assert re.search(r'<span class="[^"]*" lang="fr">La Chine doit|<span lang="fr">La Chine doit',
                         page(app, docname)), docname
    assert '<p class="pressroom-lead" lang="fr">Brian Dooley a rencontré' in \
        page(app, "archive/hrf/2011/05")
    # the export and the feed
    export = json.loads((Path(app.outdir) / "pressroom.json").read_text(encoding="utf-8"))
    languages = {r["id"]: r["language"] for r in export["releases"]}
    assert languages[FRENCH] == "fr"
    assert languages["corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue"] == "en"
    feed = (Path(app.outdir) / "releases.atom").read_text(encoding="utf-8")
    assert '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">' in feed
    assert re.search(r'<entry xml:lang="fr">\n<title>La Chine doit', feed)
    assert feed.count("xml:lang=") == 2


def test_a_change_of_language_rewrites_the_pages_that_show_the_release(tmp_path):
    src = _french_site(tmp_path)
    _build(src)
    time.sleep(0.01)
    (src / f"{FRENCH}.txt").write_text(TEXT.replace("language: fr", "language: es"),
                                       encoding="utf-8")
    app, writes = _build(src)
    assert {FRENCH, DOOLEY, "docs/timeline", "archive/hrf/2011/05"} <= writes.pages
    assert "Spanish" in page(app, FRENCH)
    dooley = page(app, DOOLEY)
    assert 'lang="fr"' not in dooley and '<p class="pressroom-sentence" lang="es">' in dooley
    assert 'lang="fr"' not in page(app, "docs/timeline")


def test_a_language_that_is_no_tag_is_reported_at_its_line(tmp_path):
    src = _french_site(tmp_path, language="French")
    app, _ = _build(src)
    (warning,) = [w for w in warnings_of(app) if "2011-05-04" in w]
    assert f"{FRENCH}.txt:2:" in warning
    assert "'French' is not a language tag (such as en, fr or pt-BR); it is ignored" in warning
    assert "pressroom-language" not in page(app, FRENCH)


ARABIC = "corpus/releases/hrf/2011/2011-05-04-arabic"
ARABIC_TEXT = """---
language: ar
date: 2011-05-04
---
الحكم على الناشطين في الصين

واشنطن – التقى Brian Dooley بالصحفيين في واشنطن. «يجب الإفراج عن المحامين».

Seeking asylum? We can help.
"""


def test_text_written_right_to_left_is_marked_so_wherever_it_is_shown(tmp_path):
    """``lang`` alone left a release in Arabic laid out left to right: its title and
    paragraphs left-aligned, its closing marks at the wrong end."""
    src = copy_root("pressroom", tmp_path)
    (src / f"{ARABIC}.txt").write_text(ARABIC_TEXT, encoding="utf-8")
    (src / f"{FRENCH}.txt").write_text(TEXT, encoding="utf-8")
    app, _ = _build(src)
    html = page(app, ARABIC)
    assert '<h1 dir="rtl" lang="ar">الحكم' in html
    assert re.search(r'<div class="pressroom-body[^"]*" dir="rtl" lang="ar">', html)
    assert '<p dir="rtl" lang="ar">Seeking asylum? We can help.</p>' in html  # the footer
    panel = html[html.index('class="pressroom-meta'):html.index('class="pressroom-body')]
    assert "dir=" not in panel
    dooley = page(app, DOOLEY)
    assert re.search(r'<p class="pressroom-sentence" lang="ar" dir="rtl">', dooley)
    assert '<span lang="ar" dir="rtl">الحكم على الناشطين في الصين</span>' in dooley
    for docname in ("docs/timeline", "archive/hrf/2011/05"):
        assert '<span dir="rtl" lang="ar">الحكم' in page(app, docname), docname
    assert '<p class="pressroom-lead" dir="rtl" lang="ar">' in page(app, "archive/hrf/2011/05")
    # a language written left to right on a site in English: the page's own direction
    for docname in (FRENCH, DOOLEY, "docs/timeline", "archive/hrf/2011/05"):
        assert not re.search(r'lang="fr"[^>]*dir=|dir="[a-z]+" lang="fr"', page(app, docname))


def test_text_written_left_to_right_on_a_site_written_right_to_left_is_marked_so(tmp_path):
    src = _french_site(tmp_path)
    app = make(src, confoverrides={"language": "he"})
    app.build()
    app.cleanup()
    html = page(app, FRENCH)
    assert '<h1 dir="ltr" lang="fr">La Chine doit' in html
    assert re.search(r'<div class="pressroom-body[^"]*" dir="ltr" lang="fr">', html)
    assert '<p class="pressroom-sentence" lang="fr" dir="ltr">' in page(app, DOOLEY)
    # a release stating no language is in the site's: nothing said
    english = page(app, "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue")
    assert " dir=" not in english.split("<body", 1)[1]


def test_a_build_that_reads_nothing_does_not_ask_babel_the_sites_direction(tmp_path, monkeypatch):
    """Whether the site's language is written right to left is Babel's to say, from data it
    loads (4 MiB, a tenth of a second): the answer is kept in the environment with Babel's
    version, so a build that reads nothing asks Babel nothing, and a site in Hebrew keeps
    its stylesheet; one whose language changed asks again."""
    import babel

    from pressroom.sphinxext import markup

    asked: list[str] = []
    parse = babel.Locale.parse

    def counted(identifier, *args, **kwargs):
        asked.append(str(identifier))
        return parse(identifier, *args, **kwargs)

    monkeypatch.setattr(babel.Locale, "parse", counted)

    def fresh_process() -> None:  # what a new sphinx-build starts with
        monkeypatch.setattr(markup, "_KNOWN_DIRECTIONS", {})
        markup._right_to_left.cache_clear()
        asked.clear()

    def styles(app) -> set[str]:
        return {str(getattr(css, "filename", css)) for css in app.builder._css_files}

    src = copy_root("pressroom", tmp_path)
    fresh_process()
    first = built(src, confoverrides={"language": "he"})
    assert "he" in asked
    assert "pressroom-rtl.css" in page(first, "docs/index")
    fresh_process()
    again = built(src, confoverrides={"language": "he"})
    assert asked == []
    assert "_static/pressroom-rtl.css" in styles(again)
    fresh_process()
    english = built(src, confoverrides={"language": "en"})
    assert "en" in asked
    assert "_static/pressroom-rtl.css" not in styles(english)
    assert "_static/pressroom.css" in styles(english)
    assert "pressroom-rtl.css" not in page(english, "docs/index")
