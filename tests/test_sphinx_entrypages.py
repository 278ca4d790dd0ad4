"""Entry and letter pages are rendered from collected data, not read as documents.

They must still be everything a document page was: in the search index (with
their objects), in the general index, written only when what they show changes
(or when the site around them changes), deleted when they go, and registry text
on them is data, never markup.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from sphinx_support import (
    Writes,
    copy_root,
    main_text,
    make,
    page,
    search_hits,
    search_index,
    search_pages,
)

DOOLEY = "entries/person/brian-dooley"


def _build(src: Path, **kwargs):
    app = make(src, **kwargs)
    writes = Writes(app)
    app.build()
    app.cleanup()
    return app, writes


def test_entry_pages_are_not_documents_but_are_searchable(tmp_path):
    src = copy_root("pressroom", tmp_path)
    app, writes = _build(src)
    assert DOOLEY not in app.env.all_docs
    assert not (Path(app.doctreedir) / f"{DOOLEY}.doctree").exists()
    assert DOOLEY in writes.pages and "entries/person/by-letter/b" in writes.pages
    index = search_index(Path(app.outdir))
    docnames = index["docnames"]
    assert DOOLEY in docnames
    assert index["titles"][docnames.index(DOOLEY)] == "Brian Dooley"
    # the entry object (and its alias) point at the page, ahead of plain text
    objects = index["objects"][""]
    rows = [row for row in objects if row[3] == "entity-brian-dooley"]
    assert rows and all(docnames[row[0]] == DOOLEY for row in rows), rows
    # words of the description are indexed for the page too
    word = index["terms"]["director"]
    assert docnames.index(DOOLEY) in (word if isinstance(word, list) else [word])


def test_an_entry_is_found_by_its_names_written_without_accents(tmp_path):
    """``Elodie`` and ``Lodz`` found nothing, though the linker links those spellings: the
    words of an entry's names and other names as written without accents are its page's
    keywords (those written so already are not repeated); an entry no release mentions
    is found on its letter page. So is a release by the words of its text."""
    src = copy_root("pressroom", tmp_path)
    registry = src / "corpus/entities/entities.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + (
        "- id: elodie-durand\n  type: person\n  name: Élodie Durand\n"
        "- id: lodz\n  type: place\n  name: Łódź\n  aliases: [Lodsch]\n"
        "- id: zoe-gruen\n  type: person\n  name: Zoë Grün\n  sort: Grün, Zoë\n"), encoding="utf-8")
    (src / "corpus/releases/hrf/2011/2011-06-01-talks.txt").write_text(
        "Talks in Łódź\n\nJune 1, 2011\n\nÉlodie Durand spoke in Łódź today.\n",
        encoding="utf-8")
    from pressroom.sphinxext import entrypages

    app, _ = _build(src)
    index = search_index(Path(app.outdir))

    # "Elodie", stemmed; the release is found by the words of its text so too
    talks = "corpus/releases/hrf/2011/2011-06-01-talks"
    assert search_pages(index, "elodi") == {"entries/person/elodie-durand", talks}
    assert search_pages(index, "lodz") == {"entries/place/lodz", talks}
    assert {"zoe", "grun", "gruen"} <= {t for t, v in index["terms"].items()
                                         if "entries/person/by-letter/g" in search_pages(index, t)}
    assert "" not in index["terms"]  # a page without keywords has none
    # a word written so already is no keyword (Durand); each form once
    entity = SimpleNamespace(name="Élodie Durand", aliases=("Elodie Durand-Grün", "Gruen"))
    assert entrypages._search_keywords([entity]) == "Grun"


def test_a_name_written_with_combining_accents_is_found_without_them(tmp_path):
    """A name or a release written with its accents as letters of their own (``E`` and a
    combining acute, as some systems write them) gave the search index no form without
    accents: its words were split at each accent (``E``, ``lodie``), so ``Elodie`` and
    ``Lodz`` found neither the entry nor the release (the release's only keyword was
    ``Lo``)."""
    import unicodedata

    def decomposed(text: str) -> str:
        return unicodedata.normalize("NFD", text)

    src = copy_root("pressroom", tmp_path)
    registry = src / "corpus/entities/entities.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + decomposed(
        "- id: elodie-durand\n  type: person\n  name: Élodie Durand\n"
        "- id: lodz\n  type: place\n  name: Łódź\n"), encoding="utf-8")
    talks = "corpus/releases/hrf/2011/2011-06-01-talks"
    (src / f"{talks}.txt").write_text(decomposed(
        "Talks in Łódź\n\nJune 1, 2011\n\nÉlodie Durand spoke in Łódź today.\n"),
        encoding="utf-8")
    app, _ = _build(src)
    index = search_index(Path(app.outdir))

    assert {"entries/person/elodie-durand", talks} <= search_pages(index, "elodi")
    assert {"entries/place/lodz", talks} <= search_pages(index, "lodz")


def test_appears_with_says_how_many_more_there_are(tmp_path):
    """*Appears with* lists 12 entries and said nothing of the others: those left out are
    counted, and which are listed where entries mentioned as often are cut is by name."""
    places = ["Arvelle", "Brisko", "Calderan", "Dovrin", "Estavel", "Forunay", "Galvetz",
              "Hollinar", "Istravo", "Jennsby", "Korvath", "Lundrell", "Marvosk", "Norvhal",
              "Oskavel"]
    src = copy_root("pressroom", tmp_path)
    registry = src / "corpus/entities/entities.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + "".join(
        f"- id: {name.lower()}\n  type: place\n  name: {name}\n" for name in places)
        + "- id: zed-solo\n  type: person\n  name: Zed Solo\n", encoding="utf-8")
    (src / "corpus/releases/hrf/2011/2011-06-01-tour.txt").write_text(
        "A Tour\n\nJune 1, 2011\n\nZed Solo visited " + ", ".join(places[::-1]) + " today.\n",
        encoding="utf-8")
    app, _ = _build(src)
    html = main_text(page(app, "entries/person/zed-solo"))
    with_ = html[html.index(">Appears with<"):]
    listed = re.findall(r'<li><p><a [^>]*>([^<]+)</a>', with_)
    assert listed == places[:12]
    assert '<p class="pressroom-count">And 3 more entries, in 1 release each.</p>' in with_
    # thirteen are all listed: "And 1 more entry" would take the line its name takes
    (src / "corpus/releases/hrf/2011/2011-06-01-tour.txt").write_text(
        "A Tour\n\nJune 1, 2011\n\nZed Solo visited " + ", ".join(places[12::-1]) + " today.\n",
        encoding="utf-8")
    app, _ = _build(src)
    html = main_text(page(app, "entries/person/zed-solo"))
    with_ = html[html.index(">Appears with<"):]
    assert re.findall(r'<li><p><a [^>]*>([^<]+)</a>', with_) == places[:13]
    assert "more entr" not in with_


def test_a_no_op_build_writes_no_entry_page_and_a_lost_file_is_rewritten(tmp_path):
    src = copy_root("pressroom", tmp_path)
    app, _ = _build(src)
    outdir = Path(app.outdir)
    before = {p: p.stat().st_mtime_ns for p in (outdir / "entries").rglob("*.html")}
    app, writes = _build(src)
    assert not {p for p in writes.pages if p.startswith("entries/")}
    assert {p: p.stat().st_mtime_ns for p in (outdir / "entries").rglob("*.html")} == before
    # the search index still holds every entry page after an incremental build
    assert DOOLEY in search_index(outdir)["docnames"]
    (outdir / f"{DOOLEY}.html").unlink()
    app, writes = _build(src)
    assert {p for p in writes.pages if p.startswith("entries/")} == {DOOLEY}
    assert "Brian Dooley" in page(app, DOOLEY)


def _edit_markup(src: Path) -> None:
    markup = src / "corpus/releases/hrf/2011/2011-05-02-markup-is-data.txt"
    time.sleep(0.01)
    markup.write_text(markup.read_text(encoding="utf-8").replace(
        "Jane Roe met Brian Dooley", "Jane Roe met Ai Weiwei"), encoding="utf-8")


def _counting(monkeypatch, method: str) -> list[str]:
    """The docnames ``Renderer.<method>`` is called for, in the builds that follow (with
    the test suite's key check off, so the build takes only what it needs)."""
    from pressroom.sphinxext.entrypages import Renderer

    monkeypatch.delenv("PRESSROOM_VERIFY_KEYS")
    called: list[str] = []
    original = getattr(Renderer, method)

    def counting(self, docname, ids, own):
        called.append(docname)
        return original(self, docname, ids, own)

    monkeypatch.setattr(Renderer, method, counting)
    return called


def test_unchanged_keys_spare_the_models(tmp_path, monkeypatch):
    """A page whose inputs did not change is not modelled again; one whose did is."""
    modelled = _counting(monkeypatch, "model")
    src = copy_root("pressroom", tmp_path)
    _build(src)
    everything = set(modelled)
    assert DOOLEY in everything
    modelled.clear()
    _build(src)
    assert modelled == []
    _edit_markup(src)
    app, writes = _build(src)
    # the two entries whose mentions changed and those they appear with, and the letters
    # showing their release counts; nothing else
    assert {DOOLEY, "entries/person/ai-weiwei", "entries/person/by-letter/a"} <= set(modelled)
    assert "entries/organization/human-rights-first" not in modelled
    assert {p for p in writes.pages if p.startswith("entries/") and "/index" not in p} <= set(modelled)


def test_a_rebuild_keys_only_the_pages_of_what_it_read(tmp_path, monkeypatch):
    """When neither the site nor an entry changed, only the pages of the entities the
    re-read releases mention (before or after the edit) are keyed; every other page
    keeps its recorded key. A registry edit keys every page again."""
    keyed = _counting(monkeypatch, "key")
    src = copy_root("pressroom", tmp_path)
    _build(src)
    everything = set(keyed)
    assert len(everything) > 20
    keyed.clear()
    _build(src)
    assert keyed == []
    _edit_markup(src)  # Washington, DC: Jane Roe met Brian Dooley -> Ai Weiwei; China
    app, writes = _build(src)
    assert set(keyed) == {
        DOOLEY, "entries/person/ai-weiwei", "entries/person/jane-roe",
        "entries/place/washington-dc", "entries/place/china",
        "entries/person/by-letter/a", "entries/person/by-letter/b", "entries/person/by-letter/j",
        "entries/place/by-letter/w", "entries/place/by-letter/c"}
    assert "2 releases, 2 mentions" in main_text(page(app, "entries/person/ai-weiwei"))
    assert {p for p in writes.pages if p.startswith("entries/") and "/index" not in p} <= set(keyed)
    keyed.clear()
    entities = src / "corpus/entities/entities.yaml"
    time.sleep(0.01)
    text = entities.read_text(encoding="utf-8")
    assert "Chinese artist and activist." in text
    entities.write_text(text.replace("Chinese artist and activist.", "Chinese artist."),
                        encoding="utf-8")
    _build(src)
    assert set(keyed) == everything


def test_a_build_that_recorded_nothing_is_caught_up(tmp_path, monkeypatch):
    """A build stopped after Sphinx saved what it read but before Pressroom recorded
    its pages (a killed process) leaves releases read since the recorded build: the
    next build must not take them for unchanged, and keys every page."""
    keyed = _counting(monkeypatch, "key")
    src = copy_root("pressroom", tmp_path)
    app, _ = _build(src)
    everything = set(keyed)
    state = Path(app.outdir) / ".pressroom-pages.json"
    recorded = state.read_bytes()
    _edit_markup(src)
    _build(src)
    state.write_bytes(recorded)  # as if the build had stopped before recording
    (Path(app.outdir) / "entries/person/ai-weiwei.html").unlink()  # ... or writing this
    keyed.clear()
    app, writes = _build(src)
    assert "0 added, 0 changed, 0 removed" in app.status.getvalue()  # nothing read again
    assert set(keyed) == everything
    assert "2 releases, 2 mentions" in main_text(page(app, "entries/person/ai-weiwei"))
    # recorded again: the next build keys nothing
    keyed.clear()
    _build(src)
    assert keyed == []


def test_a_key_that_misses_an_input_is_caught(tmp_path, monkeypatch):
    """The check the tests run with: a key that stays the same while the model changes
    (here: a key that ignores everything) fails the build instead of leaving a stale page."""
    from pressroom.sphinxext.entrypages import Renderer

    monkeypatch.setenv("PRESSROOM_VERIFY_KEYS", "1")
    monkeypatch.setattr(Renderer, "key", lambda self, docname, ids, own: "same")
    src = copy_root("pressroom", tmp_path)
    _build(src)
    _edit_markup(src)
    with pytest.raises(Exception, match="its key did not change but its model did"):
        _build(src)


def test_a_shortcut_that_misses_a_page_is_caught(tmp_path, monkeypatch):
    """The same check for the pages a rebuild leaves unkeyed: if the set of pages a
    release edit can change missed one (here: it is empty), the build fails."""
    from pressroom.sphinxext.entrypages import _Collector

    monkeypatch.setenv("PRESSROOM_VERIFY_KEYS", "1")
    affected = _Collector._affected
    monkeypatch.setattr(_Collector, "_affected", lambda self, domain, state: (
        None if affected(self, domain, state) is None else set()))
    src = copy_root("pressroom", tmp_path)
    _build(src)
    _edit_markup(src)
    with pytest.raises(Exception, match="its key changed, but no release it depends on"):
        _build(src)


def test_domain_indices_are_written_only_when_they_change(tmp_path):
    src = copy_root("pressroom", tmp_path)
    app, first = _build(src)
    indices = {p for p in first.pages if p.startswith("pressroom-")}
    assert {"pressroom-person", "pressroom-place"} <= indices
    outdir = Path(app.outdir)
    # nothing changed, or a release changed what it mentions: no index is written
    app, writes = _build(src)
    assert not {p for p in writes.pages if p.startswith("pressroom-")}
    _edit_markup(src)
    app, writes = _build(src)
    assert not {p for p in writes.pages if p.startswith("pressroom-")}
    # a description changed: that type's index shows it, the others do not
    registry = src / "corpus/entities/entities.yaml"
    time.sleep(0.01)
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "Chinese artist and activist.", "Chinese contemporary artist."), encoding="utf-8")
    app, writes = _build(src)
    assert {p for p in writes.pages if p.startswith("pressroom-")} == {"pressroom-person"}
    assert "Chinese contemporary artist." in page(app, "pressroom-person")
    # a lost file, or a change to the site around the index: written again
    (outdir / "pressroom-place.html").unlink()
    app, writes = _build(src)
    assert {p for p in writes.pages if p.startswith("pressroom-")} == {"pressroom-place"}
    app, writes = _build(src, confoverrides={"html_title": "Another title"})
    assert indices <= writes.pages
    assert "Another title" in page(app, "pressroom-event")


def test_changed_rendering_code_rewrites_every_collected_page(tmp_path, monkeypatch):
    """Pages whose data did not change are still rewritten when the code that renders them
    changed (an upgraded Pressroom): the code's key is part of the site's signature."""
    from pressroom.sphinxext import entrypages

    src = copy_root("pressroom", tmp_path)
    _app, first = _build(src)
    collected = {p for p in first.pages if p.startswith("entries/") and "/index" not in p}
    _app, writes = _build(src)
    assert not collected & writes.pages
    key = entrypages.code_key
    monkeypatch.setattr(entrypages, "code_key", lambda *modules: ("upgraded", key(*modules)))
    _app, writes = _build(src)
    assert collected <= writes.pages


def test_a_configuration_change_rewrites_every_entry_page(tmp_path):
    src = copy_root("pressroom", tmp_path)
    app, first = _build(src)
    app, writes = _build(src, confoverrides={"html_title": "Another title"})
    collected = {p for p in first.pages if p.startswith("entries/") and "/index" not in p}
    assert collected <= writes.pages
    assert "Another title" in page(app, DOOLEY)


def test_registry_text_is_escaped_on_entry_and_letter_pages(tmp_path):
    src = copy_root("pressroom", tmp_path)
    registry = src / "corpus/entities/entities.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text + (
        "- id: quill-and-ink\n  type: organization\n  name: Quill & <b>Ink</b>\n"
        "  description: '<script>alert(1)</script> *not emphasis* `not code`'\n"
        "  url: 'https://example.org/?a=1&b=\"2\"'\n"), encoding="utf-8")
    time.sleep(0.01)
    app, _ = _build(src)
    letter = main_text(page(app, "entries/organization/by-letter/q"))
    assert "<script>alert" not in letter and "<b>Ink</b>" not in letter
    assert "Quill &amp; &lt;b&gt;Ink&lt;/b&gt;" in letter
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *not emphasis* `not code`" in letter
    assert 'href="https://example.org/?a=1&amp;b=&quot;2&quot;"' in letter


@pytest.mark.parametrize("early", [True, False], ids=["early-writer", "forked-shares"])
def test_pages_written_in_parallel_equal_serial(tmp_path, monkeypatch, early):
    """At -j 2 the collected pages are written by the early writer (a thread of the main
    process, while Sphinx's worker writes documents) or, when it wrote none, in shares
    by the main process and a forked worker: either way the pages equal a serial build's."""
    import threading

    from pressroom.sphinxext import entrypages

    monkeypatch.setattr(entrypages, "PARALLEL_MIN", 0)  # this small site forks too
    calls = []
    original = entrypages._Collector.write_chunk
    monkeypatch.setattr(entrypages._Collector, "write_chunk", lambda self, chunk: calls.append(
        (threading.current_thread().name, len(chunk))) or original(self, chunk))
    outputs = []
    for name, parallel in (("serial", 0), ("parallel", 2)):
        if parallel:
            # early: the writer does not wait for the main thread to be idle (so it writes
            # at least one page in this small build); else the main thread never seems idle
            monkeypatch.setattr(entrypages._EarlyWriter, "QUIET", 0.0 if early else 3600.0)
        src = copy_root("pressroom", tmp_path / name)
        app, _ = _build(src, parallel=parallel)
        outdir = Path(app.outdir)
        outputs.append({str(p.relative_to(outdir)): p.read_bytes()
                        for p in sorted((outdir / "entries").rglob("*.html"))})
    assert outputs[0] and outputs[0] == outputs[1]
    # the serial build never calls write_chunk (it yields its pages)
    early_pages = sum(n for thread, n in calls if thread == entrypages.THREAD_NAME)
    if early:
        assert early_pages >= 1, calls
    else:
        # the first page written here, then one share here and one by a forked worker
        # (whose call is not seen here)
        assert early_pages == 0 and [n for _, n in calls][:1] == [1] and len(calls) == 2, calls


def test_an_error_in_the_early_writer_fails_the_build(tmp_path, monkeypatch):
    import threading

    from pressroom.sphinxext import entrypages

    monkeypatch.setattr(entrypages._EarlyWriter, "QUIET", 0.0)
    original = entrypages._Collector.write_chunk

    def failing(self, chunk):
        if threading.current_thread().name == entrypages.THREAD_NAME:
            raise RuntimeError("template exploded")
        return original(self, chunk)

    monkeypatch.setattr(entrypages._Collector, "write_chunk", failing)
    src = copy_root("pressroom", tmp_path)
    with pytest.raises(RuntimeError, match="template exploded"):
        _build(src, parallel=2)


def test_the_early_writer_is_never_mid_page_when_the_process_forks(monkeypatch):
    """Sphinx forks its workers while the writer runs: the fork must not copy a thread
    in the middle of a page (it could hold a lock the child would inherit held)."""
    import os
    import time as _time

    from pressroom.sphinxext import entrypages

    class SlowPages:
        in_page = False

        def write_chunk(self, chunk):
            self.in_page = True
            _time.sleep(0.004)  # lets the main thread run (and fork) meanwhile
            self.in_page = False

    monkeypatch.setattr(entrypages._EarlyWriter, "QUIET", 0.0)
    pages = SlowPages()
    writer = entrypages._EarlyWriter(pages, [(f"p{i}", ()) for i in range(100_000)])
    writer.start()
    try:
        mid_page = 0
        for _ in range(40):
            _time.sleep(0.003)
            pid = os.fork()
            if pid == 0:  # the child: was the writer's page in progress at the fork?
                os._exit(1 if pages.in_page else 0)
            _, status = os.waitpid(pid, 0)
            mid_page += os.waitstatus_to_exitcode(status)
    finally:
        left = writer.finish()
    assert mid_page == 0
    assert 0 < writer.done < 100_000 and len(left) == 100_000 - writer.done


def test_an_entity_called_index_does_not_replace_the_glossary(tmp_path):
    src = copy_root("pressroom", tmp_path)
    registry = src / "corpus/entities/entities.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + (
        "- id: index\n  type: person\n  name: Quinta Index\n  description: Indexer.\n"),
        encoding="utf-8")
    release = src / "corpus/releases/hrf/2011/2011-06-30-indexing.txt"
    release.write_text("Indexing the Archive\n\nJune 30, 2011\n\n"
                       "Quinta Index joined the archive team.\n", encoding="utf-8")
    app, _ = _build(src)
    glossary = main_text(page(app, "entries/person/index"))
    assert "Ai Weiwei" in glossary and "Quinta Index" in glossary  # still the glossary
    (entry,) = [p for p in (Path(app.outdir) / "entries/person").glob("index-*.html")]
    assert "Quinta Index" in entry.read_text(encoding="utf-8")
    assert "1 release, 1 mention" in main_text(entry.read_text(encoding="utf-8"))


def test_search_entries_of_unchanged_pages_are_kept_and_changed_ones_replaced(tmp_path, monkeypatch):
    from pressroom.sphinxext import entrypages

    src = copy_root("pressroom", tmp_path)
    app, _ = _build(src)
    outdir = Path(app.outdir)
    fed = []
    original = entrypages.feed_search
    monkeypatch.setattr(entrypages, "feed_search",
                        lambda indexer, docname, *a: fed.append(docname) or original(indexer, docname, *a))
    app, _ = _build(src)  # no-op: every collected page keeps its entry from the last index
    assert fed == []
    index = search_index(outdir)
    assert DOOLEY in index["docnames"] and "entries/person/by-letter/b" in index["docnames"]
    assert index["docnames"].index(DOOLEY) in index["terms"]["director"] or \
        index["docnames"].index(DOOLEY) == index["terms"]["director"]

    registry = src / "corpus/entities/entities.yaml"
    text = registry.read_text(encoding="utf-8")
    time.sleep(0.01)
    registry.write_text(text.replace("description: Director of the Human Rights Defenders",
                                     "description: Chief of the Human Rights Defenders"),
                        encoding="utf-8")
    app, writes = _build(src)
    # fed again: exactly the collected pages that changed (his, and those listing him)
    assert DOOLEY in fed
    assert set(fed) == {p for p in writes.pages if p.startswith("entries/") and "/index" not in p}
    assert "entries/place/by-letter/w" not in fed
    index = search_index(outdir)
    dooley = index["docnames"].index(DOOLEY)

    assert dooley in search_hits(index, "chief") and dooley not in search_hits(index, "director")
    # a missing or foreign search index: every page is fed again
    fed.clear()
    (outdir / "searchindex.js").unlink()
    app, _ = _build(src)
    assert DOOLEY in fed and "entries/person/by-letter/b" in fed
    assert DOOLEY in search_index(outdir)["docnames"]


LATER = ("Roe Speaks Again\n\nJanuary 10, 2012\n\nGeneva – Jane Roe met Brian Dooley "
         "in Washington, DC. Later Brian Dooley said more.\n")


def test_quotations_of_the_newest_releases_only(tmp_path):
    """A person quoted in more releases than the page lists shows the quotations of the
    newest and says how many releases quote them (every quotation ever was shown: a page
    that grew with the archive)."""
    src = copy_root("pressroom", tmp_path)
    later = src / "corpus/releases/hrf/2012/2012-01-10-dooley-again.txt"
    later.parent.mkdir(parents=True)
    later.write_text("Dooley Again\n\nJanuary 10, 2012\n\nGeneva – “The talks must go on "
                     "and on,” said Brian Dooley.\n", encoding="utf-8")
    app, _ = _build(src, confoverrides={"pressroom_entry_releases": 1})
    entry = main_text(page(app, DOOLEY))
    quoted = entry[entry.index(">Quoted<"):entry.index(">Appears with<")]
    assert quoted.count('class="pressroom-quotation') == 1 and "The talks must go on" in quoted
    assert "Quoted in 2 releases; the quotations of the newest are shown here" in quoted
    app, _ = _build(src, confoverrides={"pressroom_entry_releases": 10})
    quoted = main_text(page(app, DOOLEY))
    assert "Quoted in" not in quoted and quoted.count('class="pressroom-quotation') == 5


def test_pages_by_year_with_an_undated_release(tmp_path):
    """An entry with pages by year and a release of unknown date: the build stopped with a
    ValueError (``undated`` was taken for a month, having seven letters like ``2011-05``)."""
    src = copy_root("pressroom", tmp_path)
    later = src / "corpus/releases/hrf/2012/2012-01-10-roe-speaks.txt"
    later.parent.mkdir(parents=True)
    later.write_text(LATER, encoding="utf-8")
    (src / "corpus/releases/hrf/2011/2011-05-09-undated.txt").write_text(
        "Undated Words\n\nBrian Dooley spoke again, on a day nobody wrote down.\n",
        encoding="utf-8")
    app, writes = _build(src, confoverrides={"pressroom_entry_releases": 1})
    assert f"{DOOLEY}/undated" in writes.pages
    undated = main_text(page(app, f"{DOOLEY}/undated"))
    assert "Brian Dooley: undated releases" in undated and "Undated Words" in undated


def test_an_entry_with_more_releases_than_its_page_lists_gets_pages_by_year(tmp_path):
    """With ``pressroom_entry_releases`` = 2, Brian Dooley (three releases, two years) has
    the newest two on his page and links to a page for each year; the year pages list every
    release of their year, are not searched, are rewritten only when their year's list
    changes; a year with more releases than the limit has a page for each month instead;
    and the pages go when the entry no longer needs them."""
    src = copy_root("pressroom", tmp_path)
    later = src / "corpus/releases/hrf/2012/2012-01-10-roe-speaks.txt"
    later.parent.mkdir(parents=True)
    later.write_text(LATER, encoding="utf-8")
    two = {"pressroom_entry_releases": 2}
    app, writes = _build(src, confoverrides=two)
    assert {f"{DOOLEY}/2012", f"{DOOLEY}/2011"} <= writes.pages
    entry = main_text(page(app, DOOLEY))
    mentioned = entry[entry.index(">Mentioned in<"):entry.index(">Quoted<")]
    assert "3 releases, 5 mentions, newest first; the newest 2 are listed here." in mentioned
    assert mentioned.count('class="pressroom-backlink-head"') == 2 and "Roe Speaks Again" in mentioned
    # by year, newest first, each with its number of releases
    assert "Every release that mentions it, by year: " in mentioned
    assert mentioned.index('brian-dooley/2012.html"><span>2012</span></a> (1)') \
        < mentioned.index('brian-dooley/2011.html"><span>2011</span></a> (2)')
    year = main_text(page(app, f"{DOOLEY}/2011"))
    assert "<title>" not in year and "Brian Dooley: 2011" in year
    assert "2 releases of 2011 mention" in year and "Roe Speaks Again" not in year
    assert year.count('class="pressroom-backlink-head"') == 2
    assert "1 more sentence mentioning it" in year  # Dooley concluded, in the seed
    assert 'href="../brian-dooley.html"' in year  # the breadcrumbs lead back to the entry
    assert ('Other years: <span class="pressroom-period"><a class="reference internal" '
            'href="2012.html"><span>2012</span></a></span>') in year
    index = search_index(Path(app.outdir))
    assert not [d for d in index["docnames"] if "/brian-dooley/" in d]
    assert DOOLEY in index["docnames"]

    # a 2012 edit: the 2012 page and the entry page are rewritten, the 2011 page is not
    time.sleep(0.01)
    later.write_text(LATER.replace("said more", "said more about China"), encoding="utf-8")
    app, writes = _build(src, confoverrides=two)
    assert f"{DOOLEY}/2012" in writes.pages and DOOLEY in writes.pages
    assert f"{DOOLEY}/2011" not in writes.pages

    # a mention more in a release the page does not list: the count on the entry page is
    # rewritten (it stayed "5 mentions": the count was no part of the page's model)
    time.sleep(0.01)
    seed = src / "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue.txt"
    seed_text = seed.read_text(encoding="utf-8")
    seed.write_text(seed_text.replace("Published on", "Brian Dooley agreed.\n\nPublished on"),
                    encoding="utf-8")
    app, writes = _build(src, confoverrides=two)
    assert DOOLEY in writes.pages
    entry = main_text(page(app, DOOLEY))
    assert "3 releases, 6 mentions, newest first" in entry
    seed.write_text(seed_text, encoding="utf-8")
    app, writes = _build(src, confoverrides=two)
    assert "3 releases, 5 mentions, newest first" in main_text(page(app, DOOLEY))

    # one release a page: 2011 (two releases) has a page for each month instead
    app, writes = _build(src, confoverrides={"pressroom_entry_releases": 1})
    folder = Path(app.outdir) / DOOLEY
    assert sorted(p.name for p in folder.iterdir()) == ["2011-04.html", "2011-05.html",
                                                        "2012.html"]
    entry = main_text(page(app, DOOLEY))
    assert "newest first; the newest is listed here." in entry
    # a line for each year: a year's page, or the months of a year listed by month
    assert ('<p class="pressroom-years">Every release that mentions it, by year and month:</p>'
            '\n<ul class="pressroom-years simple">\n'
            '<li><p><span class="pressroom-period"><a class="reference internal" '
            'href="brian-dooley/2012.html"><span>2012</span></a> (1)</span></p></li>\n'
            '<li><p><span class="pressroom-year">2011</span>: <span class="pressroom-period">'
            '<a class="reference internal" href="brian-dooley/2011-05.html"><span>May</span></a>'
            ' (1)</span> · <span class="pressroom-period"><a class="reference internal" '
            'href="brian-dooley/2011-04.html"><span>April</span></a> (1)</span></p></li>\n'
            "</ul>") in entry
    month = main_text(page(app, f"{DOOLEY}/2011-04"))
    assert "Brian Dooley: April 2011" in month and "1 release of April 2011 mentions" in month
    assert "Upcoming Dialogue Not Enough" in month and "Markup Is Data" not in month
    assert ('<p class="pressroom-years">Other years and months:</p>\n<ul class="pressroom-years '
            'simple">\n<li><p><span class="pressroom-period"><a class="reference internal" '
            'href="2012.html"><span>2012</span></a></span></p></li>\n<li><p><span '
            'class="pressroom-year">2011</span>: <span class="pressroom-period"><a class="reference '
            'internal" href="2011-05.html"><span>May</span></a></span></p></li>\n</ul>') in month

    # the 2012 release withdrawn: two releases fit on the entry page, the pages by date go
    time.sleep(0.01)
    later.unlink()
    app, writes = _build(src, confoverrides=two)
    assert not list(folder.iterdir())
    entry = main_text(page(app, DOOLEY))
    assert "2 releases, 3 mentions, newest first." in entry and "by year" not in entry


def test_a_link_to_the_page_itself_is_not_taken_for_one_from_its_folder(tmp_path):
    """Links are cached by the folder of the page they are written on; the folder of an
    entry's pages by date is named like the entry's page, so a link from a page by date to
    the entry and a link from the entry's page to itself must not share a cache key."""
    from pressroom.sphinxext.entrypages import Renderer

    app, _writes = _build(copy_root("pressroom", tmp_path),
                          confoverrides={"pressroom_entry_releases": 2})
    renderer = Renderer(app)
    eid = "brian-dooley"
    assert renderer.uri(f"{DOOLEY}/2011", DOOLEY) == "../brian-dooley.html"
    assert renderer.uri(DOOLEY, DOOLEY) == app.builder.get_relative_uri(DOOLEY, DOOLEY)
    from_year = renderer.entity_link(f"{DOOLEY}/2011", eid)
    assert 'href="../brian-dooley.html#' in from_year
    assert renderer.entity_link(DOOLEY, eid) != from_year
    assert renderer.entity_link(DOOLEY, eid) == renderer._entity_link(DOOLEY, eid, None)


def _facts(html: str, eid: str) -> dict[str, str]:
    """The facts the page shows of entry *eid*: label -> the HTML of its value."""
    start = html.index(f'id="entity-{eid}"')
    dl = html[html.index('<dl class="pressroom-fields', start):]
    dl = dl[:dl.index("</dl>")]
    return dict(re.findall(r'<dt class="field-\w+">(.*?)<span class="colon">:</span></dt>\n'
                           r'<dd class="field-\w+"><p>(.*?)</p>\n</dd>', dl, re.S))


def _names(value: str) -> list[str]:
    """The text of the links in a fact's value, in order."""
    return re.findall(r"<a [^>]*>([^<]*)</a>", value)


#: Registry edits: links that point at Human Rights First, Washington, DC, Hu Jintao,
#: China and (from an entry no release mentions) an organization on its letter page.
RELATED = (
    ("  name: Jane Roe\n", "  name: Jane Roe\n  affiliation: human-rights-first\n"
     "  relations:\n    works-for: human-rights-first\n"),
    ("  name: Ai Weiwei\n", "  name: Ai Weiwei\n  relations:\n    advises: human-rights-first\n"),
    ("  name: Hu Jintao\n", "  name: Hu Jintao\n  relations:\n    leads: china\n"),
    ("  name: China\n", "  name: China\n  relations:\n    led-by: hu-jintao\n"),
    ("  name: U.S.-China Strategic and Economic Dialogue 2011\n",
     "  name: U.S.-China Strategic and Economic Dialogue 2011\n  place: washington-dc\n"
     "  participants: [hu-jintao, united-states, hu-jintao]\n"),
)
ZED = ("- id: zed\n  type: person\n  name: Zed <b>Quill</b> & Co\n  description: Made up.\n"
       "  affiliation: human-rights-first\n  relations:\n    member-of: quill-club\n"
       "- id: quill-club\n  type: organization\n  name: Quill Club\n  description: Made up.\n")


def _relate(src: Path) -> None:
    registry = src / "corpus/entities/entities.yaml"
    text = registry.read_text(encoding="utf-8")
    for old, new in RELATED:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    time.sleep(0.01)
    registry.write_text(text + ZED, encoding="utf-8")


def test_an_entry_page_lists_the_entries_that_point_at_it(tmp_path, monkeypatch):
    """An entry's page lists, besides what it points at, the entries that point at it:
    under the inverse of each field or relation, by name, each once, escaped."""
    from pressroom.sphinxext import entrypages

    src = copy_root("pressroom", tmp_path)
    _relate(src)
    app, _ = _build(src)
    hrf = _facts(page(app, "entries/organization/human-rights-first"), "human-rights-first")
    # affiliated (and not also employed), by name, the name escaped; employs, a relation
    # with a known inverse; advises, one without (the relation followed by "it")
    assert _names(hrf["Affiliated"]) == ["Brian Dooley", "Zed &lt;b&gt;Quill&lt;/b&gt; &amp; Co"]
    assert "<b>" not in hrf["Affiliated"]
    assert 'href="../person/brian-dooley.html#entity-brian-dooley"' in hrf["Affiliated"]
    assert 'href="../person/by-letter/z.html#entity-zed"' in hrf["Affiliated"]
    assert _names(hrf["Employs"]) == ["Jane Roe"]
    assert _names(hrf["Advises it"]) == ["Ai Weiwei"]
    # and on her own page, the organization she works for and is affiliated with, once
    roe = _facts(page(app, "entries/person/jane-roe"), "jane-roe")
    assert _names(roe["Works for"]) == ["Human Rights First"] and "Affiliation" not in roe
    assert list(hrf).index("Affiliated") < list(hrf).index("Advises it") \
        < list(hrf).index("Employs")
    # the event held in a place; participants, once each
    dc = _facts(page(app, "entries/place/washington-dc"), "washington-dc")
    assert _names(dc["Held here"]) == ["U.S.-China Strategic and Economic Dialogue 2011"]
    hu = _facts(page(app, "entries/person/hu-jintao"), "hu-jintao")
    assert _names(hu["Participated in"]) == ["U.S.-China Strategic and Economic Dialogue 2011"]
    assert _names(hu["Leads"]) == ["China"]  # his own fact; China's led-by states it too
    assert "Led by" not in hu
    # a relation both entries state (leads, led-by) is listed once, as China states it
    china = _facts(page(app, "entries/place/china"), "china")
    assert _names(china["Led by"]) == ["Hu Jintao"]
    assert sum(_names(value).count("Hu Jintao") for value in china.values()) == 1
    # an entry no release mentions, in full on its letter page
    club = _facts(page(app, "entries/organization/by-letter/q"), "quill-club")
    assert _names(club["Members"]) == ["Zed &lt;b&gt;Quill&lt;/b&gt; &amp; Co"]
    # an entry that nothing points at has no such field
    assert set(_facts(page(app, "entries/person/ai-weiwei"), "ai-weiwei")) == {"Advises"}

    # a long list shows its first entries by name and how many more there are
    monkeypatch.setattr(entrypages, "INVERSE_MAX", 1)
    src = copy_root("pressroom", tmp_path / "capped")
    _relate(src)
    app, _ = _build(src)
    hrf = _facts(page(app, "entries/organization/human-rights-first"), "human-rights-first")
    assert _names(hrf["Affiliated"]) == ["Brian Dooley"]
    assert hrf["Affiliated"].endswith('<span class="pressroom-muted">, and 1 more</span>')
    assert _names(hrf["Employs"]) == ["Jane Roe"] and "more" not in hrf["Employs"]


def test_inverse_links_are_indexed_once_per_build(tmp_path, monkeypatch):
    """The inverse links of every entry are taken in one pass over the registry, once per
    build, not once per page."""
    from pressroom.sphinxext import entrypages

    calls = []
    original = entrypages.InverseLinks.__init__
    monkeypatch.setattr(entrypages.InverseLinks, "__init__",
                        lambda self, registry: calls.append(1) or original(self, registry))
    src = copy_root("pressroom", tmp_path)
    _relate(src)
    _build(src)
    assert calls == [1]
    # a rebuild that keys and renders no entry's page does not take them
    calls.clear()
    monkeypatch.delenv("PRESSROOM_VERIFY_KEYS")
    _build(src)
    assert calls == []
