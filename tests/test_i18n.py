"""Pressroom's words on the pages in the site's language: the catalogs shipped with the
package (complete, compiled, their placeholders kept, their plural forms Sphinx's) and the
pages built in German, French, Spanish, Italian, Portuguese, Dutch, Russian, Turkish and
Arabic; a site in English as before."""

from __future__ import annotations

import gettext
import importlib.util
import io
import re
import string
import time
from html import unescape
from pathlib import Path

import pytest
from babel.messages.checkers import num_plurals, python_format

from pressroom.i18n import LOCALE_DIR
from sphinx_support import Writes, copy_root, make, page

PROJECT = Path(__file__).resolve().parents[1]
#: Every language a catalog is shipped for, found in the package (a catalog added to the
#: folder is tested with the others, not only once its language is named here).
LANGUAGES = tuple(sorted(p.parent.parent.name for p in LOCALE_DIR.glob("*/LC_MESSAGES/pressroom.po")))
#: The languages the documentation says Pressroom's words come in.
DOCUMENTED = ("ar", "de", "es", "fr", "it", "nl", "pt", "ru", "tr")
DOOLEY = "entries/person/brian-dooley"
RELEASE = "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue"


def _catalogs_tool():
    spec = importlib.util.spec_from_file_location("catalogs", PROJECT / "tools" / "catalogs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool():
    return _catalogs_tool()


@pytest.fixture(scope="module")
def extracted(tool):
    """Every message of the package, as the code says it now."""
    return tool.template()


def _fields(message: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(message) if name}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(tool, extracted, language):
    """A label added to the code and not to a language's catalog fails here."""
    catalog = tool.read(tool.po_path(language), language)
    for message in extracted:
        if not message.id:
            continue
        translated = catalog.get(message.id)
        assert translated is not None, f"{language}: {message.id!r} is not in its catalog"
        assert not translated.fuzzy, f"{language}: {message.id!r} is fuzzy"
        strings = translated.string if isinstance(translated.string, tuple) else (translated.string,)
        assert all(strings), f"{language}: {message.id!r} is not translated"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_template_is_the_code_s_messages(tool, extracted, language):
    template = tool.read(LOCALE_DIR / "pressroom.pot")
    assert sorted(str(m.id) for m in template if m.id) == sorted(str(m.id) for m in extracted if m.id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_compiled_catalog_is_its_po(tool, language):
    """The ``.mo`` is the ``.po`` compiled (``python3 dev.py catalogs`` was run)."""
    catalog = tool.read(tool.po_path(language), language)
    mo = tool.po_path(language).with_suffix(".mo")
    with mo.open("rb") as f:
        shipped = gettext.GNUTranslations(f)
    fresh = gettext.GNUTranslations(io.BytesIO(tool.compiled(catalog)))
    assert shipped._catalog == fresh._catalog  # noqa: SLF001 (the messages, all forms)
    assert shipped.plural(3) == fresh.plural(3) and shipped.plural(1) == fresh.plural(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(tool, language):
    """``{count}``, ``{name}``… as in the English (a missing one loses a value, an unknown
    one is a KeyError when the page is written); the plural forms as many as the language
    has; ``%`` formats checked by Babel."""
    catalog = tool.read(tool.po_path(language), language)
    for message in catalog:
        if not message.id or not message.string:
            continue
        num_plurals(catalog, message)
        python_format(catalog, message)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        allowed = set().union(*map(_fields, ids))
        for translated in strings:
            assert _fields(translated) <= allowed, (language, message.id, translated)
        # every value shown in the English is shown in each form but the singular's
        # (which may say "one" in words where the English does, as "the newest is"), and
        # but the count in a form for one number alone, which may say it in words (Arabic's
        # one and two: ``بيان صحفي واحد``, ``بيانان صحفيان``)
        alone = _forms_of_one_number(catalog)
        for k, translated in enumerate(strings):
            needed = _fields(ids[-1]) - ({"count"} if k in alone else set())
            if k == 0:
                needed = _fields(ids[0]) - ({"count"} if k in alone else set())
            assert needed <= _fields(translated), (language, message.id, translated)


def _forms_of_one_number(catalog) -> set[int]:
    """The plural forms of *catalog*'s language that one number alone takes (English's
    singular, 1; Arabic's 0, 1 and 2), among the counts up to ten million."""
    plural = gettext.c2py(catalog.plural_expr)
    numbers: dict[int, set[int]] = {}
    for n in [*range(0, 1_001), 1_000_000, 1_000_001, 10_000_000]:
        numbers.setdefault(plural(n), set()).add(n)
    return {form for form, ns in numbers.items() if len(ns) == 1}


def test_the_shipped_catalogs_are_the_documented_languages():
    """A catalog lost from the package fails here (the tests over :data:`LANGUAGES` would
    not); one added is named in the documentation's list of languages."""
    assert LANGUAGES == DOCUMENTED
    docs = (PROJECT / "docs" / "configuration.md").read_text(encoding="utf-8")
    for language in LANGUAGES:
        assert f"(`{language}`)" in docs, language


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_plural_forms_are_sphinx_s(tool, language):
    """A language's catalog has the plural forms of Sphinx's own catalog for it (French,
    Spanish, Italian and Portuguese a form for millions, Portuguese and French the singular
    for 0), so a count reads alike in Pressroom's words and Sphinx's."""
    import sphinx

    sphinx_mo = gettext.find("sphinx", Path(sphinx.__file__).parent / "locale", [language])
    assert sphinx_mo, f"Sphinx has no catalog for {language}"
    with open(sphinx_mo, "rb") as f:
        theirs = gettext.GNUTranslations(f)
    with tool.po_path(language).with_suffix(".mo").open("rb") as f:
        ours = gettext.GNUTranslations(f)
    catalog = tool.read(tool.po_path(language), language)
    nplurals = re.search(r"nplurals\s*=\s*(\d+)", theirs.info()["plural-forms"])
    assert catalog.num_plurals == int(nplurals.group(1)), language
    for n in [*range(0, 202), 1_000, 1_000_000, 1_000_001, 2_000_000, 10_000_000]:
        assert ours.plural(n) == theirs.plural(n), (language, n)


def test_the_catalogs_are_package_data():
    text = (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"locale/*/LC_MESSAGES/*"' in text
    for language in LANGUAGES:
        assert gettext.find("pressroom", LOCALE_DIR, [language])


# ---------------------------------------------------------------------------- the pages


def _text(html: str) -> str:
    """The page's text, its tags and runs of spaces each one space (a no-break space kept)."""
    return re.sub(r"[ \t\n]+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


@pytest.fixture(scope="module")
def german(tmp_path_factory):
    src = copy_root("pressroom", tmp_path_factory.mktemp("de"))
    app = make(src, confoverrides={"language": "de"})
    app.build()
    app.cleanup()
    return app


def test_a_site_in_german_has_pressroom_s_words_in_german(german):
    release = page(german, RELEASE)
    text = _text(release)
    for words in ("Datum :", "27. April 2011", "Herausgeber :", "Diese Pressemitteilung zitieren",
                  "Pressemitteilung, 27. April 2011.", "Personen :"):
        assert words.replace(" :", ":") in text.replace(" :", ":"), words
    assert 'aria-label="Navigationspfad"' in release
    assert "Cite this release" not in text and "Publisher" not in text
    entry = _text(page(german, DOOLEY))
    for words in ("Erwähnt in", "Zitiert", "Kommt vor mit", "2 Pressemitteilungen, 3 Erwähnungen",
                  "1 weiterer Satz, der ihn erwähnt", "Einträge › Personen › Personen: B"):
        assert words in entry, words
    assert "Mentioned in" not in entry and "newest first" not in entry
    glossary = _text(page(german, "entries/person/index"))
    assert "· 2 Pressemitteilungen" in glossary and "· 1 Pressemitteilung " in glossary
    assert "· noch keine Pressemitteilung" in _text(page(german, "entries/event/index"))
    month = _text(page(german, "archive/hrf/2011/05"))
    assert "Human Rights First, Mai 2011" in month
    archive = _text(page(german, "archive/hrf/2011/index"))
    assert "Mai" in archive and "April" in archive and "Pressemitteilung" in archive
    timeline = _text(page(german, "docs/timeline"))
    assert "Jahre: 2010 · 2011" in timeline and "27. April – 28. April Ereignis" in timeline
    feed = (Path(german.outdir) / "releases.atom").read_text(encoding="utf-8")
    assert ": neueste Pressemitteilungen</title>" in feed


def test_a_count_of_one_and_of_three_take_their_forms(german):
    """The plural forms of each language: ``1 Pressemitteilung``, ``2 Pressemitteilungen``;
    French, Spanish, Italian and Portuguese have a form for millions (``1 000 000 de
    communiqués``); a site in Portugal's Portuguese (``pt_PT``) takes the Portuguese words
    and writes its numbers as Portugal does."""
    entry = _text(page(german, DOOLEY))
    assert "2 Pressemitteilungen, 3 Erwähnungen" in entry
    assert re.search(r"— 1 Pressemitteilung\b(?!en)", entry)
    from sphinx import locale

    from pressroom import i18n

    for language, one, three, million in (
            ("de", "1 Pressemitteilung", "3 Pressemitteilungen", "1.000.000 Pressemitteilungen"),
            ("fr", "1 communiqué", "3 communiqués", "1\u202f000\u202f000 de communiqués"),
            ("es", "1 comunicado", "3 comunicados", "1.000.000 de comunicados"),
            ("it", "1 comunicato stampa", "3 comunicati stampa", "1.000.000 di comunicati stampa"),
            ("pt", "1 comunicado de imprensa", "3 comunicados de imprensa",
             "1.000.000 de comunicados de imprensa"),
            ("pt_PT", "1 comunicado de imprensa", "3 comunicados de imprensa",
             "1\u00a0000\u00a0000 de comunicados de imprensa"),
            ("nl", "1 persbericht", "3 persberichten", "1.000.000 persberichten"),
            ("ru", "1 пресс-релиз", "3 пресс-релиза", "1\u00a0000\u00a0000 пресс-релизов"),
            # Arabic: six forms; one and two in words (the dual), 3 to 10 the plural, 11 to
            # 99 the accusative singular, 100 and more (a million) the genitive singular;
            # Babel's digits are Latin for ar
            ("ar", "بيان صحفي واحد", "3 بيانات صحفية", "1,000,000 بيان صحفي"),
            ("tr", "1 basın açıklaması", "3 basın açıklaması", "1.000.000 basın açıklaması")):
        # as the extension sets the language up (Sphinx.add_message_catalog)
        locale.init([LOCALE_DIR], language, i18n.CATALOG)
        i18n.use_language(language)
        try:
            forms = [i18n.quantity(n, "{count} release", "{count} releases")
                     for n in (1, 3, 1_000_000)]
        finally:
            i18n.use_language(None)
            locale.translators.pop(("general", i18n.CATALOG), None)
        assert forms == [one, three, million], language
    # no catalog registered (a build cleaned up): English, numbers as English writes them
    i18n.use_language("de")
    try:
        assert i18n.quantity(1_000, "{count} release", "{count} releases") == "1,000 releases"
    finally:
        i18n.use_language(None)


def test_a_site_in_french_has_pressroom_s_words_in_french(tmp_path):
    src = copy_root("pressroom", tmp_path)
    app = make(src, confoverrides={"language": "fr"})
    app.build()
    app.cleanup()
    entry = _text(page(app, DOOLEY))
    assert "Mentionné dans" in entry and "2 communiqués, 3 mentions" in entry
    assert "1 autre phrase qui la mentionne" in entry
    release = page(app, RELEASE)
    assert "Citer ce communiqué" in release and "27 avril 2011" in release
    # French puts a no-break space before a colon
    assert "Entrées › Personnes › Personnes\u00a0: B" in entry
    assert "Mentioned in" not in entry


#: Per language: (words of a release page, words of an entry page, the breadcrumbs' label,
#: the feed's title after the project's name, the timeline's line of years). ``pt_BR``
#: takes the Portuguese catalog. Arabic counts in six forms: 2 releases take the dual.
PAGE_WORDS = {
    "it": (("Data: 27 aprile 2011", "Editore: Human Rights First", "Persone: Ai Weiwei",
            "Cita questo comunicato stampa", "Comunicato stampa, 27 aprile 2011."),
           ("Menzionato in", "Citazioni", "Compare con", "Affiliazione: Human Rights First",
            "2 comunicati stampa, 3 menzioni, dal più recente al meno recente.",
            "1 altra frase che la menziona", "Ai Weiwei — 1 comunicato stampa",
            "Voci › Persone › Persone: B"),
           "Percorso di navigazione", "comunicati stampa più recenti", "Anni: 2010 · 2011"),
    "pt_BR": (("Data: 27 de abril de 2011", "Emissor: Human Rights First", "Pessoas: Ai Weiwei",
               "Citar este comunicado de imprensa", "Comunicado de imprensa, 27 de abril de 2011."),
              ("Mencionado em", "Citações", "Aparece com", "Afiliação: Human Rights First",
               "2 comunicados de imprensa, 3 menções, do mais recente para o mais antigo.",
               "mais 1 frase que a menciona", "Ai Weiwei — 1 comunicado de imprensa",
               "Entradas › Pessoas › Pessoas: B"),
              "Navegação estrutural", "comunicados de imprensa mais recentes", "Anos: 2010 · 2011"),
    "nl": (("Datum: 27 april 2011", "Uitgever: Human Rights First", "Personen: Ai Weiwei",
            "Dit persbericht citeren", "Persbericht, 27 april 2011."),
           ("Genoemd in", "Citaten", "Komt samen voor met", "Verbonden aan: Human Rights First",
            "2 persberichten, 3 vermeldingen, nieuwste eerst.", "nog 1 zin met een vermelding",
            "Ai Weiwei — 1 persbericht", "Trefwoorden › Personen › Personen: B"),
           "Kruimelpad", "nieuwste persberichten", "Jaren: 2010 · 2011"),
    "ar": (("التاريخ: 27 أبريل 2011", "الجهة المُصدِرة: Human Rights First", "الأشخاص: Ai Weiwei",
            "الاستشهاد بهذا البيان الصحفي", "بيان صحفي، 27 أبريل 2011."),
           ("يُشار إليه في", "اقتباسات", "يظهر مع", "الانتماء: Human Rights First",
            "بيانان صحفيان، 3 إشارات، الأحدث أولًا.", "جملة أخرى تشير إليه",
            "Ai Weiwei — بيان صحفي واحد", "المداخل › الأشخاص › الأشخاص: B"),
           "مسار التنقل", "أحدث البيانات الصحفية", "السنوات: 2010 · 2011"),
    "tr": (("Tarih: 27 Nisan 2011", "Yayımcı: Human Rights First", "Kişiler: Ai Weiwei",
            "Bu basın açıklamasını kaynak göster", "Basın açıklaması, 27 Nisan 2011."),
           ("Anıldığı basın açıklamaları", "Alıntılar", "Birlikte geçtiği maddeler",
            "Bağlı olduğu kurum: Human Rights First",
            "2 basın açıklaması, 3 anılma, en yeniden eskiye.", "1 cümlede daha anılıyor",
            "Ai Weiwei — 1 basın açıklaması", "Maddeler › Kişiler › Kişiler: B"),
           "Gezinti yolu", "en yeni basın açıklamaları", "Yıllar: 2010 · 2011"),
    "ru": (("Дата: 27 апреля 2011\u202fг.", "Издатель: Human Rights First",
            "Персоны: Ai Weiwei", "Как цитировать этот пресс-релиз",
            "Пресс-релиз (27 апреля 2011\u202fг.)."),
           ("Упоминания", "Цитаты", "Совместные упоминания", "Принадлежность: Human Rights First",
            "2 пресс-релиза, 3 упоминания, сначала новые.", "ещё 1 предложение с упоминанием",
            "Ai Weiwei — 1 пресс-релиз", "Записи › Персоны › Персоны: B"),
           "Навигационная цепочка", "последние пресс-релизы", "Годы: 2010 · 2011"),
}


@pytest.mark.parametrize("language", sorted(PAGE_WORDS))
def test_a_site_in_another_language_has_pressroom_s_words_in_it(tmp_path, language):
    """The labels of a release page and of an entry page, the counts, the breadcrumbs, the
    timeline and the feed; a colon as the language writes it (with no space before it)."""
    release_words, entry_words, breadcrumbs, feed_title, years = PAGE_WORDS[language]
    src = copy_root("pressroom", tmp_path)
    app = make(src, confoverrides={"language": language})
    app.build()
    app.cleanup()
    release = page(app, RELEASE)
    text = _text(release).replace(" :", ":")  # a field's name and its colon are two elements
    for words in release_words:
        assert words in text, (language, words)
    assert f'aria-label="{breadcrumbs}"' in release
    assert "Cite this release" not in text and "Publisher" not in text and "Press release" not in text
    entry = _text(page(app, DOOLEY)).replace(" :", ":")
    for words in entry_words:
        assert words in entry, (language, words)
    assert "Mentioned in" not in entry and "newest first" not in entry and "Appears with" not in entry
    assert "\u00a0:" not in entry
    assert years in _text(page(app, "docs/timeline"))
    feed = (Path(app.outdir) / "releases.atom").read_text(encoding="utf-8")
    assert f": {feed_title}</title>" in feed


def test_a_site_in_arabic_writes_its_own_comma(tmp_path):
    """A publisher and a period in an archive page's title, a count and its years in the
    archive's list, the names in an entry's fields: Arabic's comma (``،``), where a Latin
    one was written into the code; the breadcrumbs still show a year page by its year. And
    the root redirect runs right to left."""
    src = copy_root("pressroom", tmp_path)
    app = make(src, confoverrides={"language": "ar"})
    app.build()
    app.cleanup()
    month = page(app, "archive/hrf/2011/04")
    assert "<title>Human Rights First، أبريل 2011 " in month
    assert "Human Rights First, " not in month
    assert "Human Rights First</a> › <a" in month and "›</span> 2011" not in _text(month)
    assert re.search(r"› <a[^>]*>2011</a>", month)
    assert "بيانان صحفيان، 2011" in _text(page(app, "archive/index"))
    # the root redirect, which links no stylesheet, runs right to left by its ``dir``
    root = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in root


def test_a_site_in_english_keeps_its_words(pressroom_site):
    entry = _text(page(pressroom_site, DOOLEY))
    assert "Mentioned in" in entry and "2 releases, 3 mentions, newest first." in entry
    release = page(pressroom_site, RELEASE)
    assert "Cite this release" in release and "Press release, 27 April 2011." in _text(release)


def test_a_change_of_language_rewrites_the_collected_pages(tmp_path):
    src = copy_root("pressroom", tmp_path)
    app = make(src)
    app.build()
    app.cleanup()
    assert "Mentioned in" in page(app, DOOLEY)
    time.sleep(0.01)
    app = make(src, confoverrides={"language": "de"})
    writes = Writes(app)
    app.build()
    app.cleanup()
    assert {DOOLEY, "entries/person/by-letter/a"} <= writes.pages
    assert "Erwähnt in" in page(app, DOOLEY) and "Mentioned in" not in page(app, DOOLEY)
    assert "Personen: A" in page(app, "entries/person/by-letter/a")


def test_a_parallel_build_in_german(tmp_path):
    """Readers forked by ``-j 2`` have the catalog too (what they read: release pages)."""
    src = copy_root("pressroom", tmp_path)
    app = make(src, confoverrides={"language": "de"}, parallel=2)
    app.build()
    app.cleanup()
    assert "Diese Pressemitteilung zitieren" in page(app, RELEASE)
    assert "Herausgeber" in page(app, RELEASE) and "Erwähnt in" in page(app, DOOLEY)


def test_the_words_of_indices_search_quotations_and_undated_pages_in_german(tmp_path):
    """The letters of a long domain index, the entry types of the search's results, the
    link from a quotation to where it is said, and the pages and lists of undated
    releases: in German too."""
    src = copy_root("pressroom", tmp_path)
    undated = src / "corpus/releases/hrf/misc"
    undated.mkdir()
    (undated / "a-note.txt").write_text("A Note Without Date\n\nJane Roe met Brian Dooley in "
                                        "China.\n", encoding="utf-8")
    app = make(src, confoverrides={"language": "de", "pressroom_glossary_max": 2,
                                   "pressroom_entry_releases": 1})
    app.build()
    app.cleanup()
    index = _text(page(app, "pressroom-person"))
    assert "B: 1 Eintrag" in index and "entry" not in index
    search = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    assert "Organisation" in search and "Organization" not in search
    dooley = page(app, DOOLEY)
    assert "Where it is said" not in dooley
    assert 'aria-label="Wo es in der Pressemitteilung gesagt wird"' in dooley
    roe = _text(page(app, "entries/person/jane-roe"))
    assert "undatiert (1)" in roe and "undated" not in roe
    year = page(app, "archive/hrf/undated/index")
    assert "Human Rights First, undatiert" in year and "undated" not in _text(year)


def test_a_site_in_english_after_one_in_german_in_one_process(tmp_path):
    """A program that builds two sites in one process, without the tests' clean-up of
    Sphinx's catalogs: the second site's words are its own language's."""
    pages = {}
    for language in ("de", "en"):
        src = copy_root("pressroom", tmp_path / language)
        app = make(src, confoverrides={"language": language})
        app.build()  # not cleaned up
        pages[language] = page(app, DOOLEY)
    app.cleanup()
    assert "Erwähnt in" in pages["de"]
    assert "Mentioned in" in pages["en"] and "Erwähnt in" not in pages["en"]
