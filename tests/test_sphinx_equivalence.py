"""One set of sources, three ways to build it, the same HTML.

The final state is ``tests/roots/test-pressroom`` plus three releases. It is built
(1) clean with ``-j 1``, (2) clean with ``-j 2``, and (3) from an older state of
the sources — one release missing, one release since deleted, an entity
described differently, another not yet in the registry, a mention not yet
written, entries that other pages link to described differently — brought to
the final state by a sequence of edits, each followed by an incremental build.
Every page of the clean build must be byte-identical (asset digests aside) in
all three, and the search index must hold the same entries.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from sphinx_support import copy_root, make, warnings_of

FOLDER = "corpus/releases/hrf/2011"
RELEASES = {
    "2011-06-01-artists-detained": (
        "Artists Detained Ahead of Talks\n\nJune 1, 2011\n\n"
        "Washington, DC – Human Rights First said today that Ai Weiwei remains detained. "
        "“We will keep pressing China on every case,” said Jane Roe.\n"),
    "2011-06-08-prize-anniversary": (
        "Prize Anniversary Passes in Silence\n\nJune 8, 2011\n\n"
        "Friends of Liu Xiaobo marked the Nobel Peace Prize anniversary. Brian Dooley said "
        "the United States should speak up.\n"),
    "2011-06-15-follow-up": (
        "Follow-up on the Dialogue\n\nJune 15, 2011\n\n"
        "HRF asked whether the U.S.-China Human Rights Dialogue changed anything for Jane Roe.\n"),
}
#: A release of the next year: with two releases on an entry's page
#: (``pressroom_entry_releases``), the entries it mentions get pages by year.
NEXT_YEAR = ("corpus/releases/hrf/2012/2012-01-10-new-year", "A New Year of Talks\n\n"
             "January 10, 2012\n\nWashington, DC – Brian Dooley said China and the United "
             "States should talk about Ai Weiwei. Human Rights First agreed.\n")
CONF = {"pressroom_entry_releases": 2}
GONE = ("2011-05-20-withdrawn", "Withdrawn Release\n\nMay 20, 2011\n\nChina and Ai Weiwei, "
        "in a release that was later withdrawn.\n")
REGISTRY = "corpus/entities/entities.yaml"
ROE = ("- id: jane-roe\n  type: person\n  name: Jane Roe\n  description: Test spokesperson.\n"
       "  affiliation: roe-foundation\n")
#: Jane Roe's affiliation, which no release mentions: only her page links to it.
FOUNDATION = ("- id: roe-foundation\n  type: organization\n  name: Roe Foundation\n"
              "  description: Foundation of the test corpus.\n")
#: An event: the timeline links it with its description as the link's title.
SED = "Third round of the U.S.-China Strategic and Economic Dialogue."
#: The event's start, known to the month only in the older state.
SED_START = "start: 2011-05-09"
#: An entry other entries show (Brian Dooley's affiliation, in "appears with" lists).
HRF = "Human rights advocacy organization based in New York and Washington."
#: A relation of Ai Weiwei's: Human Rights First's page lists him (an entry page lists
#: the entries that point at it); in the older state, the Roe Foundation's (on its
#: letter page) does.
#: Brian Dooley is filed under his family name in the final state (his letter page,
#: breadcrumbs, glossary line and index lines move), under B in the older one.
DOOLEY = "  name: Brian Dooley\n"
DOOLEY_SORT = "  sort: Dooley, Brian\n"
AI_WEIWEI = "  name: Ai Weiwei\n"
RELATION = "  relations:\n    works-for: human-rights-first\n"
OLD_RELATION = "  relations:\n    works-for: roe-foundation\n"


def _write(path: Path, text: str) -> None:
    time.sleep(0.01)  # distinct mtimes
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def final_state(src: Path) -> None:
    for name, text in RELEASES.items():
        _write(src / FOLDER / f"{name}.txt", text)
    _write(src / f"{NEXT_YEAR[0]}.txt", NEXT_YEAR[1])
    registry = src / REGISTRY
    text = registry.read_text(encoding="utf-8")
    assert "jane-roe" in text
    _write(registry, text.replace(ROE.split("  affiliation")[0], ROE)
           .replace(AI_WEIWEI, AI_WEIWEI + RELATION).replace(DOOLEY, DOOLEY + DOOLEY_SORT)
           + FOUNDATION)


def older_state(src: Path) -> None:
    final_state(src)
    (src / FOLDER / "2011-06-15-follow-up.txt").unlink()            # not yet received
    (src / f"{NEXT_YEAR[0]}.txt").unlink()                           # nor this one
    _write(src / FOLDER / f"{GONE[0]}.txt", GONE[1])                 # later withdrawn
    first = src / FOLDER / "2011-06-01-artists-detained.txt"        # a mention not yet written
    _write(first, RELEASES["2011-06-01-artists-detained"].replace("that Ai Weiwei", "that the artist"))
    registry = src / REGISTRY
    text = registry.read_text(encoding="utf-8")
    assert ROE in text and "Chinese artist and activist." in text and HRF in text and SED in text
    assert text.count(RELATION) == 1
    assert text.count(SED_START) == 1
    assert text.count(DOOLEY_SORT) == 1
    _write(registry, text.replace(ROE, "").replace("Chinese artist and activist.",
                                                   "Artist.").replace(HRF, "Advocacy group.")
           .replace("Foundation of the test corpus.", "Old description.")
           .replace(SED, "Economic talks.").replace(SED_START, "start: 2011-05")
           .replace(RELATION, OLD_RELATION).replace(DOOLEY_SORT, ""))


def edits(src: Path) -> list:
    """The edits from the older state to the final one, in the order a maintainer makes them."""
    registry = src / REGISTRY

    def describe():
        _write(registry, registry.read_text(encoding="utf-8").replace("Artist.",
                                                                    "Chinese artist and activist."))

    def describe_related():
        _write(registry, registry.read_text(encoding="utf-8").replace("Advocacy group.", HRF))

    def describe_event():
        _write(registry, registry.read_text(encoding="utf-8").replace("Economic talks.", SED))

    def describe_affiliation():
        _write(registry, registry.read_text(encoding="utf-8").replace(
            "Old description.", "Foundation of the test corpus."))

    def date_event():  # known to the month, then to the day: the timeline and its page
        _write(registry, registry.read_text(encoding="utf-8").replace("start: 2011-05\n",
                                                                    SED_START + "\n"))

    def relate():  # the relation now points at another entry
        _write(registry, registry.read_text(encoding="utf-8").replace(OLD_RELATION, RELATION))

    def file_under_family_name():
        _write(registry, registry.read_text(encoding="utf-8").replace(DOOLEY, DOOLEY + DOOLEY_SORT))

    def add_entity():
        _write(registry, registry.read_text(encoding="utf-8") + ROE)

    def receive():
        _write(src / FOLDER / "2011-06-15-follow-up.txt", RELEASES["2011-06-15-follow-up"])

    def receive_next_year():
        _write(src / f"{NEXT_YEAR[0]}.txt", NEXT_YEAR[1])

    def withdraw():
        (src / FOLDER / f"{GONE[0]}.txt").unlink()

    def mention():
        _write(src / FOLDER / "2011-06-01-artists-detained.txt",
               RELEASES["2011-06-01-artists-detained"])

    return [describe, add_entity, receive, withdraw, receive_next_year, mention, describe_related,
            describe_affiliation, describe_event, date_event, relate, file_under_family_name]


def snapshot(outdir: Path) -> dict[str, str]:
    pages = {}
    for path in sorted(outdir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        pages[path.relative_to(outdir).as_posix()] = re.sub(r"\?v=[0-9a-f]+", "", text)
    pages["pressroom.json"] = (outdir / "pressroom.json").read_text(encoding="utf-8")
    pages["releases.atom"] = (outdir / "releases.atom").read_text(encoding="utf-8")
    pages["searchindex.js"] = _search_index(outdir)
    return pages


def _search_index(outdir: Path) -> str:
    """The search index, without the words that map to no page: Sphinx's pruning of a
    page it re-reads or deletes leaves them behind (``"withdrawn": []``), in an
    incremental build only."""
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1:text.rindex(")")])
    for key in ("terms", "titleterms"):
        index[key] = {word: docs for word, docs in index[key].items() if docs != []}
    return json.dumps(index, sort_keys=True)


def _clean(tmp_path: Path, name: str, parallel: int) -> tuple[dict[str, str], list[str]]:
    src = copy_root("pressroom", tmp_path / name)
    final_state(src)
    app = make(src, parallel=parallel, confoverrides=CONF)
    app.build()
    app.cleanup()
    return snapshot(Path(app.outdir)), warnings_of(app)


def test_clean_parallel_and_incremental_builds_give_the_same_html(tmp_path):
    j1, warnings = _clean(tmp_path, "j1", 0)
    assert all("[pressroom." in w for w in warnings), warnings
    j2, _ = _clean(tmp_path, "j2", 2)

    def incremental_builds(name: str, parallel: int) -> dict[str, str]:
        src = copy_root("pressroom", tmp_path / name)
        older_state(src)
        app = make(src, parallel=parallel, confoverrides=CONF)
        app.build()
        app.cleanup()
        before = snapshot(Path(app.outdir))
        # the older state really is different
        assert before.keys() != j1.keys() or any(before[k] != j1[k] for k in j1)
        for edit in edits(src):
            edit()
            app = make(src, parallel=parallel, confoverrides=CONF)
            app.build()
            app.cleanup()
        return snapshot(Path(app.outdir))

    incremental = incremental_builds("incremental", 0)
    # at -j 2 the collected pages of each rebuild are written by the early writer
    # thread or by forked shares (pressroom.sphinxext.entrypages)
    incremental_j2 = incremental_builds("incremental-j2", 2)
    # and without the test suite's key check, as users' builds run: a rebuild takes only
    # the keys of the collected pages its edits can change
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PRESSROOM_VERIFY_KEYS", "")
        unchecked = incremental_builds("incremental-unchecked", 0)

    assert j2.keys() == j1.keys()
    # Sphinx leaves the HTML of a deleted source behind; not of a release
    assert f"{FOLDER}/{GONE[0]}.html" not in incremental
    assert incremental.keys() == j1.keys()
    assert incremental_j2.keys() == incremental.keys()
    assert unchecked.keys() == incremental.keys()
    assert f"{FOLDER}/2011-06-15-follow-up.html" in j1
    # the home page's summary: the edits add and withdraw releases of two years
    assert re.search(r"The archive holds 6 releases and .*?Human Rights First</span></a>"
                     r'<span class="pressroom-muted"> — 6 releases, 27 April 2011 – 10 January '
                     r"2012</span>", j1["docs/index.html"], re.S), j1["docs/index.html"]
    # pages by year, in the older state (2011 only) and the final one, and by month for
    # a year with more releases than the limit (Brian Dooley and Human Rights First, 2011)
    assert {"entries/person/brian-dooley/2011-06.html", "entries/person/brian-dooley/2012.html",
            "entries/place/china/2012.html", "entries/organization/human-rights-first/2012.html",
            "entries/organization/human-rights-first/2011-06.html",
            "entries/organization/human-rights-first/2011-04.html"} <= j1.keys()
    # the entries that point at an entry are listed on its page
    assert re.search(r">Employs<.*?>Ai Weiwei</a>", j1["entries/organization/human-rights-first.html"],
                     re.S)
    # filed under his family name: on the D letter page's list, not under B; listed so
    # in the glossary, the domain index and the general index (with his name beside it);
    # his page's breadcrumbs lead to D; his page keeps his name
    assert "entries/person/by-letter/b.html" not in j1
    assert ">Dooley, Brian</a>" in j1["entries/person/by-letter/d.html"]
    glossary = re.findall(r'class="pressroom-ref pressroom-person reference internal"[^>]*>([^<]*)</a>',
                          j1["entries/person/index.html"])
    assert glossary == ["Ai Weiwei", "Dooley, Brian", "Hu Jintao", "Jane Roe", "Liu Xiaobo"]
    assert re.findall(r'<code class="xref">([^<]*)</code>', j1["pressroom-person.html"])[:2] == \
        ["Ai Weiwei", "Dooley, Brian"]
    assert ">Dooley, Brian (person)</a>" in j1["genindex.html"]
    assert ">Brian Dooley (see Dooley, Brian)</a>" in j1["genindex.html"]
    assert ">People: D</a>" in j1["entries/person/brian-dooley.html"]
    assert "<h1>Brian Dooley" in j1["entries/person/brian-dooley.html"]
    for name in sorted(j1):
        assert j2[name] == j1[name], f"-j 2 differs: {name}"
        assert incremental[name] == j1[name], f"incremental differs: {name}"
        assert incremental_j2[name] == j1[name], f"incremental at -j 2 differs: {name}"
        assert unchecked[name] == j1[name], f"incremental without the key check differs: {name}"
