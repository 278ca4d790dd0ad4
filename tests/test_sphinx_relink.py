"""A registry edit re-reads every release whose links it can move, and no other.

Each case builds ``tests/roots/test-pressroom`` with one release added, edits the registry,
rebuilds incrementally, and compares the release's page with a clean build of the final
sources: a name that goes can unblock another entity's (a surname two people shared, an
alias two entities claimed), a name that comes can be written in capitals, and an entry
that comes or goes can change how another entry is written (an organization named like
another entry and one more word goes by that word, while that entry is in the registry).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sphinx_support import copy_root, make

FOLDER = "corpus/releases/hrf/2011"
REGISTRY = "corpus/entities/entities.yaml"
DOC = f"{FOLDER}/2011-06-01-relink"

#: Two people share the surname Roe: a lone "Roe" is ambiguous until one of them goes.
TWO_ROES = ("- id: john-roe\n  type: person\n  name: John Roe\n"
            "  description: Another Roe.\n")
#: Two organizations claim one alias: until one lets it go, it links neither.
TWO_GROUPS = ("- id: harbor-one\n  type: organization\n  name: Harbor One Institute\n"
              "  aliases: [Harbor Group]\n  description: First claimant.\n"
              "- id: harbor-two\n  type: organization\n  name: Harbor Two Institute\n"
              "  aliases: [Harbor Group]\n  description: Second claimant.\n")
#: ``Harbor Quillon`` goes by ``Quillon`` while an entry is named ``Harbor``.
QUILLON = ("- id: harbor-quillon\n  type: organization\n  name: Harbor Quillon\n"
           "  description: An organization named like another entry and one more word.\n")
HARBOR = ("- id: harbor\n  type: organization\n  name: Harbor\n"
          "  description: The entry the other is named after.\n")
ZORBLAT = ("- id: zorblat\n  type: organization\n  name: Zorblat Institute\n"
           "  description: A new entry.\n")


def _build(src: Path, out: Path) -> str:
    app = make(src, builddir=out)
    try:
        app.build()
    finally:
        app.cleanup()
    html = (Path(app.outdir) / f"{DOC}.html").read_text(encoding="utf-8")
    return re.sub(r"\?v=[0-9a-f]+", "", html)


def _links(html: str) -> list[str]:
    return re.findall(r'href="[^"]*entries/\w+/([\w-]+)\.html#', html)


@pytest.mark.parametrize(("before", "after", "text", "entry"), [
    # a surname two people share is ambiguous; the second person goes: Roe is Jane Roe
    (TWO_ROES, "", "The talks went on. Later, Roe said they must go on.", "jane-roe"),
    # an alias two organizations claim links neither; one lets it go
    (TWO_GROUPS, TWO_GROUPS.replace("  aliases: [Harbor Group]\n  description: Second",
                                    "  description: Second"),
     "Harbor Group said the port must reopen.", "harbor-one"),
    # a new entry named in a shouted line of the release
    ("", ZORBLAT, "GENEVA – ZORBLAT INSTITUTE DEMANDS ACTION\n\nThe body.", "zorblat"),
    # another entry comes and the organization goes by its last word, in a release that
    # names neither entry; then it goes, and the word is plain text again
    (QUILLON, QUILLON + HARBOR, "The talks went on. Quillon said the port must reopen.",
     "harbor-quillon"),
    (QUILLON + HARBOR, QUILLON, "The talks went on. Quillon said the port must reopen.",
     "harbor-quillon"),
])
def test_a_registry_edit_relinks_the_releases_it_moves(tmp_path, before, after, text, entry):
    src = copy_root("pressroom", tmp_path)
    (src / f"{DOC}.txt").write_text(f"Relink Test\n\nJune 1, 2011\n\n{text}\n", encoding="utf-8")
    registry = src / REGISTRY
    base = registry.read_text(encoding="utf-8")
    registry.write_text(base + before, encoding="utf-8")
    first = _build(src, tmp_path / "inc")
    registry.write_text(base + after, encoding="utf-8")
    incremental = _build(src, tmp_path / "inc")
    clean_src = tmp_path / "clean-src"
    shutil.copytree(src, clean_src, ignore=shutil.ignore_patterns("_build", "entries", "archive"))
    clean = _build(clean_src, tmp_path / "clean")
    assert (entry in _links(first)) != (entry in _links(clean))  # the edit moves the link
    assert _links(incremental) == _links(clean)


def test_a_registry_edit_rereads_a_page_showing_a_file_that_is_no_release_page(tmp_path):
    """``.. release:: /samples/sample.txt`` of a file outside the sources: the page was not
    re-read when an entry named in the file came into the registry."""
    src = copy_root("pressroom", tmp_path)
    (src / "samples").mkdir()
    (src / "samples/sample.txt").write_text(
        "Sample\n\nJune 1, 2011\n\nZorblat Institute and Human Rights First spoke.\n",
        encoding="utf-8")
    (src / "docs/featured.rst").write_text(
        "Featured\n========\n\n.. release:: /samples/sample.txt\n", encoding="utf-8")
    registry = src / REGISTRY
    base = registry.read_text(encoding="utf-8")

    def featured() -> str:
        app = make(src, builddir=tmp_path / "inc")
        try:
            app.build()
        finally:
            app.cleanup()
        return (Path(app.outdir) / "docs/featured.html").read_text(encoding="utf-8")

    assert "entity-zorblat" not in featured()
    registry.write_text(base + ZORBLAT, encoding="utf-8")  # the entry comes
    assert 'href="../entries/organization/by-letter/z.html#entity-zorblat"' in featured()
    registry.write_text(base, encoding="utf-8")  # and goes
    html = featured()
    assert "entity-zorblat" not in html and "Zorblat Institute" in html


def _build_app(src: Path, out: Path, stop_at: str | None = None, buildername: str = "html"):
    app = make(src, buildername, builddir=out)
    if stop_at is not None:
        def stop(app, pagename, *args):
            if pagename == stop_at:
                raise KeyboardInterrupt  # Ctrl-C while the page is written
        app.connect("html-page-context", stop)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def test_pages_a_stopped_build_did_not_write_are_written_by_the_next(tmp_path):
    """A registry edit re-reads the releases that mention the entry; a build stopped
    (Ctrl-C) while writing left them unwritten, and no later build wrote them (their sources
    had not changed): the seed's page kept the entry's old description for good."""
    src = copy_root("pressroom", tmp_path)
    registry = src / REGISTRY
    seed = "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue"
    app = _build_app(src, tmp_path / "out")
    page = Path(app.outdir) / f"{seed}.html"
    assert "Chinese artist and activist." in page.read_text(encoding="utf-8")
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "Chinese artist and activist.", "Chinese artist, architect and activist."),
        encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        _build_app(src, tmp_path / "out", stop_at=seed)
    assert "Chinese artist and activist." in page.read_text(encoding="utf-8")
    _build_app(src, tmp_path / "out")
    assert "Chinese artist, architect and activist." in page.read_text(encoding="utf-8")


def test_another_builder_on_the_same_doctrees_leaves_no_page_stale(tmp_path):
    """``-b text`` then ``-b html`` with one doctree folder: the text build took the
    registry edit, and the HTML build, finding nothing new to read, wrote nothing."""
    src = copy_root("pressroom", tmp_path)
    registry = src / REGISTRY
    seed = "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue"
    app = _build_app(src, tmp_path / "out")
    page = Path(app.outdir) / f"{seed}.html"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "Chinese artist and activist.", "Chinese artist, architect and activist."),
        encoding="utf-8")
    text_app = make(src, "text", builddir=tmp_path / "out")  # the same doctrees
    text_app.build()
    text_app.cleanup()
    _build_app(src, tmp_path / "out")
    assert "Chinese artist, architect and activist." in page.read_text(encoding="utf-8")


def test_an_edit_that_relinks_nothing_leaves_the_next_edit_exact(tmp_path):
    """Sphinx saves the environment only when a document was read or is written again: after
    an edit that changes no document (a description of an entry no release names, on a
    letter page), the environment still holds the registry before it, and the next edit is
    compared with the linker the releases were linked with, not read in full."""
    src = copy_root("pressroom", tmp_path)
    (src / f"{DOC}.txt").write_text(
        "Relink Test\n\nJune 1, 2011\n\nThe talks went on. Quillon said the port must reopen.\n",
        encoding="utf-8")
    registry = src / REGISTRY
    unnamed = ("- id: nowhere\n  type: organization\n  name: Nowhere Named Body\n"
               "  description: Named in no release.\n")
    base = registry.read_text(encoding="utf-8") + QUILLON
    registry.write_text(base + unnamed, encoding="utf-8")
    conf = {"pressroom_glossary_max": 1}  # entries listed on letter pages, not documents

    def build() -> tuple[str, str]:
        app = make(src, builddir=tmp_path / "inc", confoverrides=conf)
        try:
            app.build()
        finally:
            app.cleanup()
        html = (Path(app.outdir) / f"{DOC}.html").read_text(encoding="utf-8")
        return re.sub(r"\x1b\[[0-9;]*m", "", app._status.getvalue()), html

    assert "harbor-quillon" not in _links(build()[1])
    registry.write_text(base + unnamed.replace("in no release", "in not one release"),
                        encoding="utf-8")
    status, html = build()
    assert "pickling environment" not in status  # the environment is not saved
    assert "harbor-quillon" not in _links(html)
    registry.write_text(base + unnamed + HARBOR, encoding="utf-8")
    status, html = build()
    assert "reading every release again" not in status
    assert "updating environment: 0 added, 1 changed, 0 removed" in status  # this release
    assert "harbor-quillon" in _links(html)
