"""Incremental and parallel builds: exact rewrites, -j 2 == -j 1, bounded environment."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from sphinx_support import Writes, built, copy_root, main_text, make, page, warnings_of

SEED = "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue"
MARKUP = "corpus/releases/hrf/2011/2011-05-02-markup-is-data"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    time.sleep(0.01)  # distinct mtime
    path.write_text(text.replace(old, new), encoding="utf-8")


def _build(src: Path, **kwargs) -> None:
    app = make(src, **kwargs)
    app.build()
    app.cleanup()


def _rebuild(src: Path):
    app = make(src)
    writes = Writes(app)
    app.build()
    return app, writes


def test_edit_release_rewrites_exactly_the_affected_pages(tmp_path):
    src = copy_root("pressroom", tmp_path)
    app = make(src)
    app.build()
    dooley = main_text(page(app, "entries/person/brian-dooley"))
    assert "2 releases, 3 mentions" in dooley
    assert "Ai Weiwei" in main_text(page(app, "entries/person/index"))
    app.cleanup()

    # the markup release now mentions Ai Weiwei instead of Brian Dooley
    _edit(src / f"{MARKUP}.txt", "Jane Roe met Brian Dooley", "Jane Roe met Ai Weiwei")
    app, writes = _rebuild(src)
    assert "1 release, 2 mentions" in main_text(page(app, "entries/person/brian-dooley"))
    assert '<p class="pressroom-lead">Jane Roe met Ai Weiwei to discuss' in \
        page(app, "archive/hrf/2011/05")
    weiwei = main_text(page(app, "entries/person/ai-weiwei"))
    assert "2 releases, 2 mentions" in weiwei
    assert "Jane Roe met <span class=\"pressroom-highlight\">" in weiwei
    glossary = re.sub(r"<[^>]+>", "", main_text(page(app, "entries/person/index")))
    assert "Ai Weiwei — Chinese artist and activist. · 2 releases" in glossary
    # no title or toc changed: the toctree parents are not rewritten for navigation
    assert writes.pages == {
        MARKUP,                              # the edited release
        "archive/hrf/2011/05",               # lists its opening words, which changed
        "docs/roles-md",                     # embeds it with the release directive
        "entries/person/brian-dooley",       # lost a backlink
        "entries/person/ai-weiwei",          # gained one
        # their co-mentions changed: everyone else in the edited release
        "entries/person/jane-roe", "entries/place/washington-dc", "entries/place/china",
        "entries/person/index",              # release counts in the glossary
        "entries/person/by-letter/a",        # ... and on the letter pages
        "entries/person/by-letter/b",
    }
    app.cleanup()

    # nothing changed: nothing rewritten
    app, writes = _rebuild(src)
    assert writes.pages == set()
    app.cleanup()


def test_a_publisher_s_aliases_changed_re_read_no_release(tmp_path):
    """A publisher's aliases are the names ``pressroom add`` knows it by: changing them
    rewrites nothing, where it had re-read every release as a changed configuration."""
    src = copy_root("pressroom", tmp_path)
    hrf = {"name": "Human Rights First", "url": "https://humanrightsfirst.org",
           "footer_markers": ["Seeking asylum?"]}
    _build(src, confoverrides={"pressroom_publishers": {"hrf": {**hrf, "aliases": ["HRF"]}}})
    app = make(src, confoverrides={"pressroom_publishers": {
        "hrf": {**hrf, "aliases": ["HRF", "Human Rights First, Inc."]}}})
    read: list[str] = []
    app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
    writes = Writes(app)
    app.build()
    assert read == [] and writes.pages == set()
    app.cleanup()
    # the publisher's name is the build's: changing it re-reads the releases
    app = make(src, confoverrides={"pressroom_publishers": {
        "hrf": {**hrf, "name": "Human Rights First (US)", "aliases": ["HRF"]}}})
    read = []
    app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
    app.build()
    assert SEED in read
    assert "Human Rights First (US)" in page(app, SEED)
    app.cleanup()


def test_a_large_glossary_lists_letters_and_is_not_rewritten_for_mentions(tmp_path):
    """Beyond ``pressroom_glossary_max`` entries, a type's glossary lists its letters, each
    linking to the letter's page (one line per entry, with its release count): a page
    that does not grow with the registry and that a changed mention does not rewrite."""
    src = copy_root("pressroom", tmp_path)
    conf = {"pressroom_glossary_max": 2}
    app = make(src, confoverrides=conf)
    app.build()
    glossary = main_text(page(app, "entries/person/index"))
    assert "Chinese artist and activist" not in glossary  # no entry lines
    letters = dict(re.findall(r'<a class="reference internal" href="by-letter/(\w+)\.html">'
                              r"([^<]+)</a><span class=\"pressroom-muted\"> — \d+ entr", glossary))
    assert letters["a"] == "A" and letters["b"] == "B"
    assert "listed by the first letter of their name" in glossary
    letter = re.sub(r"<[^>]+>", "", main_text(page(app, "entries/person/by-letter/a")))
    assert "Ai Weiwei — Chinese artist and activist. · 1 release" in letter
    other = re.sub(r"<[^>]+>", "", main_text(page(app, "entries/event/by-letter/other")))
    assert re.search(r"2010 rule of law talks — [^·]*· no release yet", other), other
    # the type's domain index likewise lists its letters, each linking to its page
    index = main_text(page(app, "pressroom-person"))
    assert "Chinese artist and activist" not in index and "Ai Weiwei" not in index
    assert ('<a href="entries/person/by-letter/a.html#letter-person-a"><code class="xref">A: 1 entry'
            in index), index
    assert 'href="entries/person/by-letter/b.html#letter-person-b"' in index
    assert 'id="letter-person-a"' in page(app, "entries/person/by-letter/a")
    app.cleanup()

    _edit(src / f"{MARKUP}.txt", "Jane Roe met Brian Dooley", "Jane Roe met Ai Weiwei")
    app = make(src, confoverrides=conf)
    writes = Writes(app)
    app.build()
    assert "entries/person/index" not in writes.pages
    assert {"entries/person/by-letter/a", "entries/person/by-letter/b"} <= writes.pages
    letter = re.sub(r"<[^>]+>", "", main_text(page(app, "entries/person/by-letter/a")))
    assert "Ai Weiwei — Chinese artist and activist. · 2 releases" in letter
    app.cleanup()

    # a new letter (an entry added under Q): the glossary lists it, and its letter page
    registry = src / "corpus/entities/entities.yaml"
    _edit(registry, "- id: jane-roe\n", "- id: quinn-zed\n  type: person\n  name: Quinn Zed\n"
          "  description: Made-up reporter.\n- id: jane-roe\n")
    app = make(src, confoverrides=conf)
    writes = Writes(app)
    app.build()
    assert {"entries/person/index", "entries/person/by-letter/q"} <= writes.pages
    assert 'href="by-letter/q.html">Q</a>' in page(app, "entries/person/index")
    assert "Made-up reporter." in page(app, "entries/person/by-letter/q")
    assert "Q: 1 entry" in page(app, "pressroom-person")
    app.cleanup()

    # the same site with the glossary on one page: only the configuration changed
    app = make(src)
    app.build()
    glossary = re.sub(r"<[^>]+>", "", main_text(page(app, "entries/person/index")))
    assert "Ai Weiwei — Chinese artist and activist. · 2 releases" in glossary
    assert "Chinese artist and activist" in page(app, "pressroom-person")
    app.cleanup()


def test_registry_edit_relinks_only_what_it_must(tmp_path):
    src = copy_root("pressroom", tmp_path)
    _build(src)
    registry = src / "corpus/entities/entities.yaml"
    # a new entity whose name is written in the seed release only
    registry.write_text(registry.read_text(encoding="utf-8") + (
        "- id: obama-administration\n  type: organization\n  name: Obama Administration\n"
        "  description: The executive branch under Barack Obama.\n"), encoding="utf-8")
    app, writes = _rebuild(src)
    html = main_text(page(app, SEED))
    assert re.search(r'href="[^"]*obama-administration\.html#[^"]*" title="The executive branch',
                     html)
    assert SEED in writes.pages
    assert MARKUP not in writes.pages  # its text does not name the new entity
    assert "entries/organization/obama-administration" in writes.pages
    app.cleanup()

    # a changed description: the releases that mention the entry show the new tooltip
    _edit(registry, "Chinese artist and activist.", "Chinese contemporary artist.")
    app, writes = _rebuild(src)
    assert 'title="Chinese contemporary artist."' in page(app, SEED)
    assert {SEED, "entries/person/ai-weiwei", "entries/person/index"} <= writes.pages
    assert MARKUP not in writes.pages
    app.cleanup()


def test_a_changed_title_rewrites_the_toctree_parents(tmp_path):
    src = copy_root("pressroom", tmp_path)
    _build(src)
    registry = src / "corpus/entities/entities.yaml"
    # an edited description: the entry's page and its letter page (one line per
    # entry, with its description) change, not the other letters; a renamed entry: both
    _edit(registry, "description: Chinese artist and activist.",
          "description: Chinese artist.")
    app, writes = _rebuild(src)
    assert "entries/person/ai-weiwei" in writes.pages
    assert "entries/person/by-letter/a" in writes.pages
    assert "entries/person/by-letter/b" not in writes.pages
    app.cleanup()
    # still mentioned (the old name is now an alias), so it keeps its page
    _edit(registry, "  name: Ai Weiwei\n", "  name: Ai Weiwei (artist)\n  aliases: [Ai Weiwei]\n")
    app, writes = _rebuild(src)
    assert "entries/person/ai-weiwei" in writes.pages
    assert "entries/person/by-letter/a" in writes.pages
    assert "Ai Weiwei (artist)" in page(app, "entries/person/by-letter/a")
    app.cleanup()


def test_navigation_is_compared_only_when_a_title_or_toctree_moved(tmp_path, monkeypatch):
    """Previous/next links and breadcrumbs depend on titles and toctrees: a release read
    again with the same title leaves them; a new title compares (and rewrites) them."""
    from pressroom.sphinxext import incremental

    compared: list[int] = []
    original = incremental._navigation_changed

    def counting(env, domain):
        compared.append(1)
        return original(env, domain)

    monkeypatch.setattr(incremental, "_navigation_changed", counting)
    src = copy_root("pressroom", tmp_path)
    _build(src)
    assert compared
    compared.clear()
    _edit(src / f"{MARKUP}.txt", "Jane Roe met Brian Dooley", "Jane Roe met Ai Weiwei")
    app, writes = _rebuild(src)
    assert compared == [] and MARKUP in writes.pages
    app.cleanup()
    _edit(src / f"{MARKUP}.txt", "Markup Is Data:", "Markup Is Still Data:")
    app, writes = _rebuild(src)
    assert compared == [1]
    # the page before it in the site's order links to it by its new title
    assert "Markup Is Still Data" in page(app, "archive/hrf/2011/04")
    app.cleanup()


def test_a_page_added_to_the_sidebar_is_in_every_page_s_sidebar(tmp_path):
    """Every page's sidebar shows the visible toctrees (alabaster's, furo's navigation).
    A hand-written page added to one, or retitled, was in the sidebar of its own page and
    of its toctree parent only: Sphinx rewrote those two, and every other page kept the
    sidebar of before, unlike a build from scratch."""
    conf = {"html_theme": "alabaster"}
    src = copy_root("pressroom", tmp_path)
    _build(src, confoverrides=conf)
    (src / "docs/extra.rst").write_text("Extra page\n==========\n\nMore.\n", encoding="utf-8")
    _edit(src / "docs/index.rst", "   embedded\n", "   embedded\n   extra\n")
    app = make(src, confoverrides=conf)
    app.build()
    for doc in (MARKUP, "docs/glossary", "entries/person/brian-dooley"):
        assert ">Extra page</a>" in page(app, doc), doc
    app.cleanup()
    _edit(src / "docs/extra.rst", "Extra page\n==========", "Extra notes\n===========")
    app = make(src, confoverrides=conf)
    app.build()
    assert ">Extra notes</a>" in page(app, MARKUP) and ">Extra page<" not in page(app, MARKUP)
    app.cleanup()
    # a release read again with the same title moves no sidebar: one page is written
    _edit(src / f"{MARKUP}.txt", "Jane Roe met Brian Dooley", "Jane Roe met Ai Weiwei")
    app = make(src, confoverrides=conf)
    writes = Writes(app)
    app.build()
    assert MARKUP in writes.pages and "docs/glossary" not in writes.pages
    app.cleanup()


def test_an_entry_given_another_id_is_relinked_without_a_warning(tmp_path):
    """An id changed (``liu-xiaobo`` to ``liu-xiaobo-2``): the releases link the new id; the
    rebuild warned that the mentions were now plain text."""
    src = copy_root("pressroom", tmp_path)
    _build(src)
    registry = src / "corpus/entities/entities.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "- id: liu-xiaobo\n", "- id: liu-xiaobo-2\n"), encoding="utf-8")
    app, writes = _rebuild(src)
    assert not [w for w in warnings_of(app) if "no longer in the registry" in w], \
        warnings_of(app)
    assert "entries/person/liu-xiaobo-2.html" in main_text(page(app, SEED))
    app.cleanup()


def test_an_entry_mentioned_with_its_title_given_another_id_warns_nothing(tmp_path):
    """The seed release mentions ``President Hu Jintao`` (the title read with the name):
    his id changed, the rebuild warned that ``'President Hu Jintao'`` was no longer in the
    registry, though the mention links his new id as before."""
    src = copy_root("pressroom", tmp_path)
    _build(src)
    _edit(src / "corpus/entities/entities.yaml", "- id: hu-jintao\n", "- id: hu-jintao-2\n")
    app, _writes = _rebuild(src)
    assert not [w for w in warnings_of(app) if "no longer in the registry" in w], \
        warnings_of(app)
    assert "entries/person/hu-jintao-2.html" in main_text(page(app, SEED))
    app.cleanup()


def test_removing_an_entity_unlinks_its_mentions_with_a_warning(tmp_path):
    src = copy_root("pressroom", tmp_path)
    _build(src)
    registry = src / "corpus/entities/entities.yaml"
    text = registry.read_text(encoding="utf-8")
    block = re.search(r"- id: liu-xiaobo\n(?:  .*\n)+", text).group(0)
    registry.write_text(text.replace(block, ""), encoding="utf-8")
    app, writes = _rebuild(src)
    warnings = warnings_of(app)
    assert any("'Liu Xiaobo' (liu-xiaobo) is no longer in the registry" in w
               and "[pressroom.unknown_entity]" in w and f"{SEED}.txt:3" in w for w in warnings)
    # the role in docs/roles.rst now warns too, with its location
    assert any("docs/roles.rst:" in w and "unknown entry 'liu-xiaobo'" in w for w in warnings)
    html = main_text(page(app, SEED))
    assert "liu-xiaobo" not in html
    assert "Nobel Peace Prize</a> Winner Liu Xiaobo are" in html
    assert SEED in writes.pages and "docs/roles" in writes.pages
    assert not (Path(app.outdir) / "entries/person/liu-xiaobo.html").exists()
    assert "Liu Xiaobo" not in main_text(page(app, "entries/person/index"))
    app.cleanup()


def _facts(html: str) -> str:
    """The text of an entry page's facts (label: value, one a line)."""
    dl = html[html.index('<dl class="pressroom-fields'):]
    return re.sub(r"<[^>]+>", "", dl[:dl.index("</dl>")]).replace(":\n", ": ").replace("\n\n", "\n")


def test_a_changed_relation_rewrites_the_entry_it_points_at(tmp_path):
    """An entry's page lists the entries that point at it: when one of them adds, changes
    or drops its link, the pages it points at (before and after) are rewritten, and the
    site equals a clean build of the same sources, serial or parallel."""
    src = copy_root("pressroom", tmp_path / "incremental")
    registry = src / "corpus/entities/entities.yaml"
    hrf = "entries/organization/human-rights-first"
    roe = "entries/person/jane-roe"
    app, _ = _rebuild(src)
    assert _facts(page(app, hrf)).count("Affiliated: Brian Dooley\n") == 1
    assert "Ai Weiwei" not in _facts(page(app, hrf))
    app.cleanup()

    _edit(registry, "  name: Ai Weiwei\n",
          "  name: Ai Weiwei\n  relations:\n    works-for: human-rights-first\n")
    app, writes = _rebuild(src)
    assert "Employs: Ai Weiwei" in _facts(page(app, hrf))
    assert {hrf, "entries/person/ai-weiwei"} <= writes.pages
    assert roe not in writes.pages and "entries/place/china" not in writes.pages
    app.cleanup()

    # the same target, another relation
    _edit(registry, "    works-for: human-rights-first\n", "    member-of: human-rights-first\n")
    app, writes = _rebuild(src)
    facts = _facts(page(app, hrf))
    assert "Members: Ai Weiwei" in facts and "Employs" not in facts
    assert hrf in writes.pages and roe not in writes.pages
    app.cleanup()

    # another target: the page it pointed at loses it, the one it points at gains it
    _edit(registry, "    member-of: human-rights-first\n", "    advises: jane-roe\n")
    app, writes = _rebuild(src)
    assert "Ai Weiwei" not in _facts(page(app, hrf))
    assert "Advises it: Ai Weiwei" in _facts(page(app, roe))
    assert {hrf, roe, "entries/person/ai-weiwei"} <= writes.pages
    app.cleanup()

    # nothing changed: nothing rewritten
    app, writes = _rebuild(src)
    assert writes.pages == set()
    incremental = _normalized_html(Path(app.outdir))
    app.cleanup()

    for name, parallel in (("clean", 0), ("clean-j2", 2)):
        clean = copy_root("pressroom", tmp_path / name)
        (clean / "corpus/entities/entities.yaml").write_text(
            registry.read_text(encoding="utf-8"), encoding="utf-8")
        app = make(clean, parallel=parallel)
        app.build()
        app.cleanup()
        built = _normalized_html(Path(app.outdir))
        assert built.keys() == incremental.keys()
        for name_ in built:
            assert built[name_] == incremental[name_], f"{name}: {name_}"


def _normalized_html(outdir: Path) -> dict[str, str]:
    pages = {}
    for path in sorted(outdir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\?v=[0-9a-f]+", "", text)  # asset digests
        pages[str(path.relative_to(outdir))] = text
    return pages


def test_parallel_build_equals_serial(tmp_path):
    results = []
    for name, parallel in (("j1", 0), ("j2", 2)):
        src = copy_root("pressroom", tmp_path / name)
        app = make(src, parallel=parallel)
        app.build()
        outdir = Path(app.outdir)
        warnings = sorted(w.replace(str(src), "SRC") for w in warnings_of(app))
        results.append((_normalized_html(outdir), (outdir / "pressroom.json").read_text(),
                        (outdir / "objects.inv").read_bytes(), warnings))
        app.cleanup()
    (html1, json1, inv1, warn1), (html2, json2, inv2, warn2) = results
    assert html1.keys() == html2.keys()
    for name in html1:
        assert html1[name] == html2[name], name
    assert json1 == json2
    assert inv1 == inv2
    assert warn1 == warn2


def test_parallel_incremental_rebuild_merges_exactly(tmp_path):
    src = copy_root("pressroom", tmp_path)
    _build(src, parallel=2)
    _edit(src / f"{MARKUP}.txt", "Jane Roe met Brian Dooley", "Jane Roe met Ai Weiwei")
    app = make(src, parallel=2)
    app.build()
    assert "1 release, 2 mentions" in main_text(page(app, "entries/person/brian-dooley"))
    assert "2 releases, 2 mentions" in main_text(page(app, "entries/person/ai-weiwei"))
    domain = app.env.domains["pressroom"]
    assert set(domain.releases) == {SEED, MARKUP}
    assert len(domain.mentions[SEED]) == len(set(domain.mentions[SEED]))
    app.cleanup()


def test_a_parallel_reader_sends_back_only_what_it_read(tmp_path, monkeypatch):
    """Sphinx pickles a forked reader's whole environment for its parent; the reader
    drops the other documents' rows and the build-level tables first (the parent keeps
    its own and merges only the documents read), so a rebuild reading one release does
    not ship the archive's data twice through a pipe."""
    import ast
    import pickle

    src = copy_root("pressroom", tmp_path)
    _build(src, parallel=2)
    sent = tmp_path / "sent"
    dumps = pickle.dumps

    def record(obj, *args, **kwargs):
        data = dumps(obj, *args, **kwargs)
        if type(obj).__name__ == "BuildEnvironment":  # in the forked reader
            pressroom = obj.domaindata["pressroom"]
            index = obj.domaindata["index"]["entries"]
            with sent.open("a") as out:  # one line per reader
                out.write(repr((sorted(pressroom["mentions"]), len(pressroom["entries"]),
                                sorted(index))) + "\n")
        return data

    monkeypatch.setattr(pickle, "dumps", record)
    _edit(src / f"{MARKUP}.txt", "Jane Roe met Brian Dooley", "Jane Roe met Ai Weiwei")
    app = make(src, parallel=2)
    app.build()
    # each reader held the rows of what it read only (the edited release), no entries,
    # no general-index lines of the collected pages (entry and letter pages: no documents)
    readers = [ast.literal_eval(line) for line in sent.read_text().splitlines()]
    assert [mentions for mentions, _, _ in readers if mentions] == [[MARKUP]]
    assert all(entries == 0 for _, entries, _ in readers)
    assert all(d in app.env.all_docs for _, _, index in readers for d in index)
    # the parent still has everything
    domain = app.env.domains["pressroom"]
    assert set(domain.mentions) == {SEED, MARKUP} and domain.entries
    assert "2 releases, 2 mentions" in main_text(page(app, "entries/person/ai-weiwei"))
    app.cleanup()


def _sizes_over_rebuilds(src: Path, parallel: int) -> list[int]:
    release = src / f"{MARKUP}.txt"
    original = release.read_text(encoding="utf-8")
    edited = original.replace("Jane Roe met Brian Dooley", "Jane Roe met Ai Weiwei")
    sizes = []
    for i in range(11):
        time.sleep(0.01)
        release.write_text(edited if i % 2 else original, encoding="utf-8")
        app = make(src, parallel=parallel)
        app.build()
        sizes.append((Path(app.doctreedir) / "environment.pickle").stat().st_size)
        app.cleanup()
    return sizes


def test_repeated_rebuilds_do_not_grow_the_environment(tmp_path):
    sizes = _sizes_over_rebuilds(copy_root("pressroom", tmp_path), parallel=0)
    # the states alternate; after the first build (which fills lazily-set settings),
    # the same state pickles to the same size
    assert len(set(sizes[2::2])) == 1, sizes
    assert len(set(sizes[1::2])) == 1, sizes


def test_repeated_parallel_rebuilds_do_not_grow_the_environment(tmp_path):
    sizes = _sizes_over_rebuilds(copy_root("pressroom", tmp_path), parallel=2)
    # merge order varies between parallel builds (dict order in the pickle), not the size
    # of what is stored: allow a few bytes, not growth
    assert abs(sizes[10] - sizes[2]) < 300, sizes
    assert abs(sizes[9] - sizes[1]) < 300, sizes


def test_the_linker_is_kept_between_builds_and_rebuilt_when_the_registry_changes(
        tmp_path, monkeypatch):
    from pressroom.linker import Linker
    from pressroom.sphinxext import corpus as corpus_module

    src = copy_root("pressroom", tmp_path)
    _build(src)
    assert any(Path(src).rglob("pressroom-linker.pickle"))
    built = []
    original = Linker.__init__
    monkeypatch.setattr(Linker, "__init__", lambda self, *a, **k: built.append(1) or original(self, *a, **k))
    corpus_module._CACHE.clear()  # a new build process
    _edit(src / f"{MARKUP}.txt", "Jane Roe met Brian Dooley", "Jane Roe met Ai Weiwei")
    app, _ = _rebuild(src)
    assert built == []  # loaded, not built
    assert "2 releases, 2 mentions" in main_text(page(app, "entries/person/ai-weiwei"))
    app.cleanup()
    corpus_module._CACHE.clear()
    registry = src / "corpus/entities/entities.yaml"
    _edit(registry, "description: Chinese artist and activist.", "description: Chinese artist.")
    app, _ = _rebuild(src)
    assert built == [1]  # the registry changed: built again
    app.cleanup()


def _stale(kept: Path) -> None:
    """The kept fingerprints as a build that stopped before saving its environment leaves
    them: of a registry other than the one the environment's releases were linked with."""
    import pickle

    stored = pickle.loads(kept.read_bytes())
    stored["made_of"] = "another registry"
    kept.write_bytes(pickle.dumps(stored))


@pytest.mark.parametrize("spoil", [Path.unlink, _stale])
def test_a_registry_edit_reads_every_release_again_without_the_linker_it_replaces(
        tmp_path, spoil):
    """Which releases an edit relinks is found by comparing the new linker with the one the
    releases were linked with (its fingerprints, kept beside it); without them (deleted,
    stale, made by other code) all are read."""
    src = copy_root("pressroom", tmp_path)
    _build(src)
    kept = list(Path(src).rglob("pressroom-linker-fingerprints.pickle"))
    assert len(kept) == 1
    spoil(kept[0])
    _edit(src / "corpus/entities/entities.yaml", "description: Chinese artist and activist.",
          "description: Chinese artist.")
    app, writes = _rebuild(src)
    assert "reading every release again" in app._status.getvalue()
    assert {SEED, MARKUP} <= writes.pages  # MARKUP does not name Ai Weiwei: read all the same
    app.cleanup()
    # the linker is kept again: the next edit reads only what it moves
    _edit(src / "corpus/entities/entities.yaml", "description: Chinese artist.",
          "description: Chinese artist and activist.")
    app, writes = _rebuild(src)
    assert "reading every release again" not in app._status.getvalue()
    assert SEED in writes.pages and MARKUP not in writes.pages
    app.cleanup()


def _outputs(outdir: Path) -> set[str]:
    return {str(p.relative_to(outdir)) for p in outdir.rglob("*")
            if p.is_file() and p.suffix in (".html", ".txt")}


def test_a_removed_release_leaves_nothing_behind(tmp_path):
    """Sphinx leaves the HTML of a page whose source went: a release taken out stayed on the
    site at its address, and so did its archive month's page, until a clean build."""
    src = copy_root("pressroom", tmp_path)
    (src / "docs/aside.rst").write_text("Aside\n=====\n\n:orphan:\n", encoding="utf-8")
    app = make(src)
    app.build()
    app.cleanup()
    outdir = Path(app.outdir)
    ours = [f"{MARKUP}.html", f"_sources/{MARKUP}.txt", "archive/hrf/2011/05.html"]
    assert all((outdir / f).is_file() for f in ours), sorted(_outputs(outdir))
    (src / f"{MARKUP}.txt").unlink()
    (src / "docs/aside.rst").unlink()  # a hand-written page: left as Sphinx leaves it
    app, _ = _rebuild(src)
    app.cleanup()
    assert not any((outdir / f).exists() for f in ours)
    assert (outdir / "docs/aside.html").is_file()
    clean = make(src, builddir=tmp_path / "clean")
    clean.build()
    clean.cleanup()
    assert _outputs(outdir) - {"docs/aside.html", "_sources/docs/aside.rst.txt"} == _outputs(
        Path(clean.outdir))


def test_a_release_shown_by_the_directive_comes_back_with_its_file(tmp_path):
    """``docs/roles-md.md`` shows the markup release with the ``release`` directive. The
    file taken out, the page says it is not found; the file put back, the page was not
    read again (Sphinx knew no dependency on a file that was not there) and went on
    showing nothing, unlike a build from scratch."""
    src = copy_root("pressroom", tmp_path / "p")
    release = src / f"{MARKUP}.txt"
    text = release.read_text(encoding="utf-8")
    _build(src)
    release.unlink()
    app, _writes = _rebuild(src)
    assert any("docs/roles-md.md:" in w and "not found" in w for w in warnings_of(app))
    assert "pressroom-embedded" not in page(app, "docs/roles-md")
    app.cleanup()
    time.sleep(0.01)
    release.write_text(text, encoding="utf-8")
    app, writes = _rebuild(src)
    assert "docs/roles-md" in writes.pages
    clean = built(copy_root("pressroom", tmp_path / "clean"))
    assert "pressroom-embedded" in page(clean, "docs/roles-md")
    assert page(app, "docs/roles-md") == page(clean, "docs/roles-md")
    app.cleanup()
    # and the next build, with nothing changed, writes nothing
    app, writes = _rebuild(src)
    assert writes.pages == set()
    app.cleanup()


def test_the_garbage_collector_is_given_back_after_a_build(tmp_path):
    """The build freezes its long-lived objects and collects rarely while the environment
    loads; after it, the process's collector is as it was (a long-running process that
    builds many times, like this test session, must not keep them frozen)."""
    import gc

    thresholds = gc.get_threshold()
    src = copy_root("pressroom", tmp_path)
    _build(src)
    _build(src)  # an incremental build loads an environment
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() == 0


def test_removed_releases_in_other_html_builders(tmp_path):
    """``dirhtml`` writes a page as ``<page>/index.html``: that is what goes; ``singlehtml``
    writes one file for every page: nothing goes."""
    src = copy_root("pressroom", tmp_path)
    builds = {}
    for name in ("dirhtml", "singlehtml"):
        app = make(src, buildername=name, builddir=tmp_path / name)
        app.build()
        app.cleanup()
        builds[name] = Path(app.outdir)
    page = builds["dirhtml"] / MARKUP / "index.html"
    single = sorted(builds["singlehtml"].rglob("*.html"))
    assert page.is_file() and single
    (src / f"{MARKUP}.txt").unlink()
    for name in builds:
        app = make(src, buildername=name, builddir=tmp_path / name)
        app.build()
        app.cleanup()
    assert not page.parent.exists()  # its folder too: the address answers nothing
    assert (builds["dirhtml"] / SEED / "index.html").is_file()
    assert sorted(builds["singlehtml"].rglob("*.html")) == single


def test_an_e_book_rebuilt_holds_only_its_own_files(tmp_path):
    """An e-book's folder is packed whole: Pressroom wrote the export, the root redirect
    and its records of what it wrote there, and the next ``epub`` build warned of each as
    a file of unknown type (``-W`` failed it). No export, no redirect (an e-book has no
    address for a program or a browser to follow, and its pages link no export), and the
    records are left out of the book."""
    src = copy_root("pressroom", tmp_path)
    overrides = {"version": "1", "copyright": "the publishers"}  # EPUB 3 wants both
    for _ in range(2):
        app = make(src, buildername="epub", confoverrides=overrides)
        app.build()
        app.cleanup()
        assert [w for w in warnings_of(app) if not w.endswith("[pressroom.release_control]")] == []
    outdir = Path(app.outdir)
    assert not (outdir / "pressroom.json").exists() and not (outdir / "index.html").exists()
    roles = (outdir / "docs" / "roles.xhtml").read_text(encoding="utf-8")
    assert ">pressroom.json<" in roles and not re.search(r'href="[^"]*pressroom\.json"', roles)
    assert (outdir / ".pressroom-pages.json").is_file()  # kept, for the next build
    assert ".pressroom" not in (outdir / "content.opf").read_text(encoding="utf-8")


def _summary(app) -> str:
    return re.sub(r"<[^>]+>", "", main_text(page(app, "docs/summary")))


def test_the_archive_summary_follows_the_archive(tmp_path):
    """``pressroom:summary``: releases and entries, each publisher's releases with the dates
    they span (the most first, linking the publisher's archive); rewritten when they
    change, not for an edit that leaves them as they were."""
    src = copy_root("pressroom", tmp_path)
    (src / "docs/summary.rst").write_text(
        ":orphan:\n\nSummary\n=======\n\n.. pressroom:summary::\n", encoding="utf-8")
    app, writes = _rebuild(src)
    text = _summary(app)
    assert "The archive holds 2 releases and 14 entries:" in text
    assert "Human Rights First — 2 releases, 27 April – 2 May 2011" in text
    assert 'href="../archive/hrf/index.html"' in page(app, "docs/summary")
    app.cleanup()
    # a release outside the publishers' folders (reported), of another year
    (src / "corpus/releases/2012-03-01-loose.txt").write_text(
        "Loose Release\n\nMarch 1, 2012\n\nA release filed in no publisher's folder.\n",
        encoding="utf-8")
    app, writes = _rebuild(src)
    text = _summary(app)
    assert "docs/summary" in writes.pages
    assert "The archive holds 3 releases and 14 entries:" in text
    assert text.index("Human Rights First — 2 releases") < text.index(
        "No publisher — 1 release, 1 March 2012")
    app.cleanup()
    # an edit that changes neither a count nor a date
    _edit(src / f"{MARKUP}.txt", "Jane Roe met Brian Dooley", "Jane Roe met Ai Weiwei")
    app, writes = _rebuild(src)
    assert MARKUP in writes.pages and "docs/summary" not in writes.pages
    app.cleanup()


def test_a_type_relabelled_renames_its_index_on_every_page(tmp_path):
    """Every page's related links name the domain indices (``Index of people``); relabelling
    a type renamed them on the pages Sphinx wrote but not on the entry pages written from
    collected data, which a fresh build then differed from."""
    src = copy_root("pressroom", tmp_path)
    _build(src)
    conf = src / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace(
        'pressroom_entity_types = {"award"',
        'pressroom_entity_types = {"person": {"label": "Human", "plural": "Humans"}, "award"'),
        encoding="utf-8")
    app, _writes = _rebuild(src)
    for docname in ("entries/person/brian-dooley", "entries/place/china", SEED):
        html = page(app, docname)
        assert "Index of humans" in html and "Index of people" not in html, docname
    app.cleanup()


def test_a_type_s_last_entry_gone_takes_its_index_from_every_page(tmp_path):
    """Every page's related links name the domain indices that have entries. The only
    award deleted, the pages written from scratch no longer named ``Index of awards``,
    but an incremental build kept it on every page no source of which changed (most of
    them: hand-written pages, releases, entry pages); the award added back, likewise
    the other way round."""
    src = copy_root("pressroom", tmp_path / "p")
    registry = src / "corpus/entities/entities.yaml"
    text = registry.read_text(encoding="utf-8")
    award = re.search(r"- id: nobel-peace-prize\n(?:  .*\n)+", text).group(0)
    pages = ("docs/index", "docs/timeline", MARKUP, "entries/person/brian-dooley",
             "entries/person/by-letter/a")
    _build(src)
    for state in (text.replace(award, ""), text):
        _edit(registry, registry.read_text(encoding="utf-8"), state)
        app = make(src)
        app.build()
        app.cleanup()
        fresh = copy_root("pressroom", tmp_path / f"fresh-{len(state)}")
        (fresh / "corpus/entities/entities.yaml").write_text(state, encoding="utf-8")
        clean = built(fresh)
        for doc in pages:
            assert ("Index of awards" in page(app, doc)) == (state == text), doc
            assert page(app, doc) == page(clean, doc), doc


@pytest.mark.parametrize("indices", [False, ["pressroom-person"]])
def test_a_type_s_last_entry_gone_rewrites_nothing_for_an_index_no_page_names(tmp_path, indices):
    """With ``html_domain_indices`` leaving the awards' index out (off, or a list not
    naming it), no page names it: the only award deleted, every page was rewritten all the
    same (the release and hand-written pages that show no award, the archive), as though
    the related links had changed."""
    src = copy_root("pressroom", tmp_path / "p")
    conf = src / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + f"\nhtml_domain_indices = {indices!r}\n",
                    encoding="utf-8")
    registry = src / "corpus/entities/entities.yaml"
    text = registry.read_text(encoding="utf-8")
    award = re.search(r"- id: nobel-peace-prize\n(?:  .*\n)+", text).group(0)
    _build(src)
    _edit(registry, award, "")
    app, writes = _rebuild(src)
    app.cleanup()
    assert writes.pages.isdisjoint({MARKUP, "docs/roles", "docs/timeline", "archive/hrf/2011/05",
                                    "entries/person/by-letter/a"}), sorted(writes.pages)
    fresh = copy_root("pressroom", tmp_path / "fresh")
    (fresh / "conf.py").write_text(conf.read_text(encoding="utf-8"), encoding="utf-8")
    (fresh / "corpus/entities/entities.yaml").write_text(text.replace(award, ""), encoding="utf-8")
    clean = built(fresh)
    for doc in ("docs/index", "docs/roles", "docs/timeline", MARKUP, "entries/person/brian-dooley"):
        assert page(app, doc) == page(clean, doc), doc


def test_a_type_no_longer_declared_leaves_no_index_behind(tmp_path):
    """``pressroom_entity_types = {}`` after a build that declared *award*: its index page
    stayed in the output and its label in ``objects.inv``, which a fresh build has not."""
    from sphinx.util.inventory import InventoryFile

    src = copy_root("pressroom", tmp_path)
    _build(src)
    conf = src / "conf.py"
    text = conf.read_text(encoding="utf-8")
    start = text.index("pressroom_entity_types = ")
    conf.write_text(text[:start] + "pressroom_entity_types = {}\n"
                    + text[text.index("\n", start) + 1:], encoding="utf-8")
    app, _writes = _rebuild(src)
    out = Path(app.outdir)
    assert not (out / "pressroom-award.html").exists()
    assert (out / "pressroom-person.html").exists()
    with open(out / "objects.inv", "rb") as f:
        inv = InventoryFile.load(f, str(out), lambda base, uri: f"{base}/{uri}")
    labels = (inv.data if hasattr(inv, "data") else inv)["std:label"]
    assert "pressroom-award" not in labels and "pressroom-person" in labels
    app.cleanup()


def test_the_general_index_is_written_only_when_it_changed(tmp_path):
    """Sphinx renders the general index on every build (a tenth of a small rebuild at
    5,000 entries); it is now written when what it lists or the site changed, and then
    it is what a fresh build writes."""
    src = copy_root("pressroom", tmp_path / "p")

    def build(**conf) -> tuple[Path, list[str]]:
        app = make(src, confoverrides=conf)
        rendered: list[str] = []
        app.connect("html-page-context", lambda _a, name, *_r: rendered.append(name)
                    if name.startswith("genindex") else None)
        app.build()
        app.cleanup()
        return Path(app.outdir), rendered

    out, rendered = build()
    assert rendered == ["genindex"]
    time.sleep(0.01)
    release = src / f"{SEED}.txt"
    release.write_text(release.read_text(encoding="utf-8") + "\nOne more line.\n",
                       encoding="utf-8")
    _, rendered = build()
    assert rendered == []  # a release's text changed, not the index
    with (src / "corpus/entities/entities.yaml").open("a", encoding="utf-8") as f:
        f.write("\n- id: zora-new\n  type: person\n  name: Zora Newentry\n"
                "  description: Added for the test.\n")
    _, rendered = build()
    assert rendered == ["genindex"] and "Zora Newentry" in (out / "genindex.html").read_text("utf-8")
    _, rendered = build(html_title="Another title")  # the site around it
    assert rendered == ["genindex"]
    fresh = make(src, confoverrides={"html_title": "Another title"},
                 builddir=tmp_path / "fresh")
    fresh.build()
    fresh.cleanup()
    assert (out / "genindex.html").read_text("utf-8") == \
        (Path(fresh.outdir) / "genindex.html").read_text("utf-8")


def test_another_extension_s_page_wrapper_sees_every_page_and_stays(tmp_path):
    """Keeping the general index replaced an instance-level ``handle_page`` (another
    extension's wrapper) for good: it saw no page written after the general index."""
    src = copy_root("pressroom", tmp_path / "p")
    app = make(src)
    seen: list[str] = []

    def wrap(app_):
        original = app_.builder.handle_page

        def handle_page(pagename, *args, **kwargs):
            seen.append(pagename)
            return original(pagename, *args, **kwargs)

        app_.builder.handle_page = handle_page

    wrap(app)  # as at builder-inited, which has run
    app.build()
    assert "genindex" in seen and "search" in seen
    assert any(name.startswith("entries/person/") for name in seen)
    assert app.builder.__dict__["handle_page"].__name__ == "handle_page"
    assert app.builder.__dict__["handle_page"].__qualname__.startswith("test_another")
    app.cleanup()


def test_a_split_general_index_leaves_no_page_of_a_letter_gone(tmp_path):
    """With ``html_split_index``, the page of a letter no longer in the index stayed in the
    output; as with the domain indices' pages, it goes (a fresh build has none)."""
    src = copy_root("pressroom", tmp_path / "p")
    with (src / "corpus/entities/entities.yaml").open("a", encoding="utf-8") as f:
        f.write("\n- id: zora-new\n  type: person\n  name: Zora Newentry\n")
    conf = {"html_split_index": True}
    app = make(src, confoverrides=conf)
    app.build()
    app.cleanup()
    out = Path(app.outdir)
    assert (out / "genindex-Z.html").is_file()
    text = (src / "corpus/entities/entities.yaml").read_text(encoding="utf-8")
    (src / "corpus/entities/entities.yaml").write_text(
        text.replace("\n- id: zora-new\n  type: person\n  name: Zora Newentry\n", ""),
        encoding="utf-8")
    app = make(src, confoverrides=conf)
    app.build()
    app.cleanup()
    assert not (out / "genindex-Z.html").exists()
    assert (out / "genindex-B.html").is_file()  # Brian Dooley's letter stays


def test_an_entry_s_digest_leaves_out_the_fields_nothing_shows():
    """A field the schema does not know is reported and neither shown nor used, but its
    value went into the entry's digest: YAML anchors repeated a few levels deep (a list of
    lists of the same list…) were written out in full, gigabytes, and the build ran out of
    memory where ``pressroom check`` took a fraction of a second."""
    from pressroom.registry import Entity
    from pressroom.sphinxext.corpus import entity_digest

    class Huge(list):
        def __repr__(self):
            raise MemoryError("written out in full")

    plain = Entity("x", "organization", "X Council")
    odd = Entity("x", "organization", "X Council", extra=(("bogus", Huge()),))
    assert entity_digest(odd) == entity_digest(plain)
    assert entity_digest(Entity("x", "organization", "X Council", description="New.")) \
        != entity_digest(plain)


def test_a_word_no_page_holds_any_longer_leaves_the_search_index(tmp_path):
    """Sphinx prunes a word's pages but keeps the word (``"zyxquorbl": []``), so the search
    index of incremental builds grew with every word a page lost, and differed from the
    one a build from scratch writes."""
    src = copy_root("pressroom", tmp_path)
    roles = src / "docs/roles.rst"
    roles.write_text(roles.read_text(encoding="utf-8") + "\nZyxquorble gadgetry.\n",
                     encoding="utf-8")
    app = built(src)
    index = Path(app.outdir) / "searchindex.js"
    assert "zyxquorbl" in index.read_text(encoding="utf-8")
    _edit(roles, "\nZyxquorble gadgetry.\n", "\n")
    built(src)
    assert "zyxquorbl" not in index.read_text(encoding="utf-8")


def test_this_site_reads_nothing_again_on_a_build_with_nothing_changed(tmp_path):
    """The command line page (docs/commands.rst, rendered by sphinx-argparse-cli, which
    asks for its page to be read on every build) is read again when the command's code
    changes, not on every build: it was one more document re-read for each release
    edited."""
    import shutil

    from conftest import PROJECT

    src = tmp_path / "site"
    src.mkdir()
    shutil.copy(PROJECT / "conf.py", src / "conf.py")
    for folder in ("docs", "corpus"):
        shutil.copytree(PROJECT / folder, src / folder)
    built(src)
    app = make(src)
    writes = Writes(app)
    app.build()
    app.cleanup()
    status = re.sub(r"\x1b\[[0-9;]*m", "", app._status.getvalue())
    assert "updating environment: 0 added, 0 changed, 0 removed" in status, status
    assert "docs/commands" not in writes.pages


def test_this_site_links_its_stylesheets_the_same_way_from_scratch_and_after(tmp_path):
    """sphinx-argparse-cli writes its stylesheet when a build ends: a build from scratch
    linked it without a checksum, and every page a later build rewrote with one."""
    import shutil

    from conftest import PROJECT

    src = tmp_path / "site"
    src.mkdir()
    shutil.copy(PROJECT / "conf.py", src / "conf.py")
    for folder in ("docs", "corpus"):
        shutil.copytree(PROJECT / folder, src / folder)
    app = built(src)
    html = (Path(app.outdir) / "docs/commands.html").read_text(encoding="utf-8")
    assert re.search(r'href="../_static/sphinx_argparse_cli\.css\?v=\w+"', html), html[:2000]


def test_the_general_index_is_not_even_sorted_when_its_entries_are_unchanged(tmp_path,
                                                                             monkeypatch):
    """Kept when unchanged, the general index was still built from every index entry on
    every build, to be compared: most of the time it took. Its entries and the site are
    now compared first."""
    from sphinx.environment.adapters.indexentries import IndexEntries

    made: list[int] = []
    original = IndexEntries.create_index

    def counting(self, *args, **kwargs):
        made.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(IndexEntries, "create_index", counting)
    src = copy_root("pressroom", tmp_path)
    app = built(src)
    assert made
    made.clear()
    _edit(src / f"{MARKUP}.txt", "Jane Roe met Brian Dooley", "Jane Roe met Ai Weiwei")
    built(src)
    assert made == []  # a release's text changed, not what the index lists
    index = (Path(app.outdir) / "genindex.html").read_text(encoding="utf-8")
    with (src / "corpus/entities/entities.yaml").open("a", encoding="utf-8") as f:
        f.write("\n- id: zora-new\n  type: person\n  name: Zora Newentry\n"
                "  description: Added for the test.\n")
    built(src)
    assert made and "Zora Newentry" in (Path(app.outdir) / "genindex.html").read_text("utf-8")
    assert "Zora Newentry" not in index


@pytest.mark.parametrize("parallel", [0, 2])
def test_a_person_s_type_edited_cuts_the_sentences_around_other_entries_again(tmp_path,
                                                                               parallel):
    """A sentence ends before a person's name after ``the U.S.``, ``Inc.``, ``a.m.``, so
    the sentences an entry page shows depend on which entries are persons: a person made
    an organization, a person again, renamed to one word and back, given an alias, moved
    to another id as an organization re-cuts the sentences on the other entries' pages as
    a build from scratch cuts them, at -j 2 as at -j 1 (seven releases read again: enough
    for a parallel build to read them in its worker processes)."""
    src = copy_root("pressroom", tmp_path)
    text = ("Talks\n\nJune {day}, 2011\n\nHuman Rights First thanked the U.S. Anna Schmidt "
            "said the deal holds. Jane Roe came at 10 a.m. Anna Schmidt left.\n")
    for day in range(1, 8):
        (src / f"corpus/releases/hrf/2011/2011-06-0{day}-talks.txt").write_text(
            text.format(day=day), encoding="utf-8")
    registry = src / "corpus/entities/entities.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + (
        "- id: anna-schmidt\n  type: person\n  name: Anna Schmidt\n  description: Minister.\n"),
        encoding="utf-8")
    long_hrf = "Human Rights First thanked the U.S. Anna Schmidt said the deal holds."
    long_roe = "Jane Roe came at 10 a.m. Anna Schmidt left."

    def sentences(app):
        hrf = re.sub(r"<[^>]+>", "",
                     main_text(page(app, "entries/organization/human-rights-first")))
        roe = re.sub(r"<[^>]+>", "", main_text(page(app, "entries/person/jane-roe")))
        return long_hrf in hrf, long_roe in roe, "Jane Roe came at 10 a.m.\n" in roe

    app = make(src, parallel=parallel)
    app.build()
    assert sentences(app) == (False, False, True)
    app.cleanup()
    for old, new, cut in (("type: person\n  name: Anna", "type: organization\n  name: Anna",
                           False),
                          ("type: organization\n  name: Anna", "type: person\n  name: Anna", True),
                          ("name: Anna Schmidt", "name: Schmidt", False),
                          ("name: Schmidt", "name: Anna Schmidt", True),
                          ("- id: anna-schmidt\n", "- id: anna-schmidt\n  aliases: [x]\n", True)):
        _edit(registry, old, new)
        app = make(src, parallel=parallel)
        app.build()
        assert sentences(app) == (not cut, not cut, cut), (old, new)
        app.cleanup()
    # under another id, an organization: the sentences go on past the name again
    _edit(registry, "- id: anna-schmidt\n  aliases: [x]\n  type: person\n",
          "- id: gone\n  type: organization\n")
    app = make(src, parallel=parallel)
    app.build()
    assert sentences(app) == (True, True, False)
    app.cleanup()


def test_the_environment_keeps_a_releases_mentions_as_its_rows():
    """A release's mentions are kept as columns (:class:`MentionRows`): iterated, pickled
    and compared, they are the rows they were made of, whatever their strings share; an
    offset past what four bytes hold is kept too."""
    import pickle

    from pressroom.sphinxext.domain import MentionRows

    sentence = "Ai Weiwei met Brian Dooley in Beijing."
    rows = [("ai-weiwei", 100, 109, "Ai Weiwei", sentence, 0, 9, 4),
            ("brian-dooley", 114, 126, "Brian Dooley", "", 0, 0, 4),
            ("ai-weiwei", 3_000_000_000, 3_000_000_002, "Ai", "He said so.", 0, 2, 90)]
    kept = MentionRows(rows)
    assert list(kept) == rows and len(kept) == 3 and bool(kept)
    back = pickle.loads(pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
    assert list(back) == rows and back == kept
    assert MentionRows(rows[:2]) != kept
    assert MentionRows(r[:4] + ("Another sentence.",) + r[5:] for r in rows) != kept
    assert list(MentionRows()) == [] and not MentionRows()
    assert kept.ids == ("ai-weiwei", "brian-dooley", "ai-weiwei")
    assert kept.of("ai-weiwei") == [rows[0], rows[2]] and kept.of("nobody") == []
    assert back.grouped() == {"ai-weiwei": [rows[0], rows[2]], "brian-dooley": [rows[1]]}
    # the sentences are compressed together: any text comes back as it was (a NUL, a
    # character outside the first plane, a lone surrogate, right-to-left script)
    odd = ["Nul\x00 here.", "Emoji 🙂 and 中文.", "Lone \udcff surrogate.", "مرحبا بالعالم."]
    odd_rows = [(f"e{i}", i, i + 1, "x", text, 0, 1, 1) for i, text in enumerate(odd)]
    odd_kept = pickle.loads(pickle.dumps(MentionRows(odd_rows)))
    assert list(odd_kept) == odd_rows and odd_kept.of("e2") == [odd_rows[2]]
    # one string for a surface, an id, however many releases name it so
    surface = "".join(["Ai ", "Weiwei"])  # a string of its own, equal to the one above
    assert surface is not rows[0][3]
    other = pickle.loads(pickle.dumps(MentionRows([("ai-weiwei", 5, 14, surface, "", 0, 0, 1)])))
    assert next(iter(other))[3] is next(iter(back))[3]
    assert next(iter(other))[0] is next(iter(back))[0]


def test_a_build_that_renders_no_entry_page_makes_no_backlinks(tmp_path, monkeypatch):
    """Backlinks are made for the entry pages a build renders: a no-op makes none (every
    build made all of them, 35 MiB at N = 10,000), and the pages it leaves are those of
    the build before; a full build makes each once."""
    from pressroom.sphinxext import aggregates

    made: list[tuple[str, str]] = []
    real = aggregates._backlink

    def counted(docname, meta, rows):
        made.append((docname, rows[0][0]))
        return real(docname, meta, rows)

    monkeypatch.setattr(aggregates, "_backlink", counted)
    # the suite checks every page's key against its model, which asks for the backlinks
    monkeypatch.delenv("PRESSROOM_VERIFY_KEYS", raising=False)
    src = copy_root("pressroom", tmp_path)
    app = built(src)
    assert made and len(made) == len(set(made))
    entry = page(app, "entries/organization/human-rights-first")
    made.clear()
    again = make(src)
    writes = Writes(again)
    again.build()
    again.cleanup()
    assert made == [] and writes.pages == set()
    assert page(again, "entries/organization/human-rights-first") == entry


def test_a_build_that_reads_nothing_leaves_the_parser_and_the_linker_unimported(tmp_path):
    """A no-op (a build that reads nothing) writes its pages, its export and its
    redirects without the release parser, the renderer or the linker: importing them is
    150 ms and 4 MiB of compiled patterns, which such a build paid before. A build that
    reads releases imports them before Sphinx forks its parallel readers (a reader that
    imported them itself did so for every chunk of documents it was handed)."""
    import json
    import os
    import subprocess
    import sys

    src = copy_root("pressroom", tmp_path)
    app = built(src)
    heavy = ["pressroom.source", "pressroom.sphinxext.render", "pressroom.linker", "ahocorasick"]
    script = f"""
import json, sys
from sphinx.application import Sphinx
app = Sphinx({str(src)!r}, {str(src)!r}, {str(app.outdir)!r}, {str(app.doctreedir)!r}, "html",
             status=None, parallel=2)
before_reading = []
app.connect("env-before-read-docs", lambda app, env, docnames: before_reading.append(
    [m for m in {heavy!r} if m in sys.modules]), priority=900)
app.build()
print(json.dumps([app.statuscode, before_reading, [m for m in {heavy!r} if m in sys.modules]]))
"""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "extensions")}

    def build_in_a_process() -> list:
        out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                             text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])

    assert build_in_a_process() == [0, [[]], []]
    _edit(src / f"{MARKUP}.txt", "Jane Roe met Brian Dooley", "Jane Roe met Ai Weiwei")
    assert build_in_a_process() == [0, [heavy], heavy]
