"""Entities no release mentions: listed in full on their letter page, no page of their own.

The rule (``pressroom.sphinxext.entrypages``): an entity gets a page when a release
file mentions it; the others are listed with their anchor, index entries and
domain object on ``entries/<type>/by-letter/<l>``, so roles, relations, search
and ``objects.inv`` resolve there. The set is exact in every build: a release
edit that starts or stops mentioning an entity moves it in that same build, and
the result equals a clean build of the same sources.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

from sphinx_support import copy_root, main_text, make, page, warnings_of

MARKUP = "corpus/releases/hrf/2011/2011-05-02-markup-is-data"
LETTER = "entries/person/by-letter/z"
PAGE = "entries/person/zora-quill"


def _prepare(tmp_path: Path) -> Path:
    src = copy_root("pressroom", tmp_path)
    registry = src / "corpus/entities/entities.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + (
        "- id: zora-quill\n  type: person\n  name: Zora Quill\n  aliases: [Z. Quill]\n"
        "  description: Archivist nobody quotes.\n  affiliation: human-rights-first\n"),
        encoding="utf-8")
    roles = src / "docs/roles.rst"
    roles.write_text(roles.read_text(encoding="utf-8")
                     + "\nListed only: :entity:`zora-quill`.\n", encoding="utf-8")
    return src


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    time.sleep(0.01)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _html(outdir: Path) -> dict[str, str]:
    return {str(p.relative_to(outdir)): re.sub(r"\?v=[0-9a-f]+", "", p.read_text("utf-8"))
            for p in sorted(outdir.rglob("*.html"))}


def _clean_equals(app, src: Path, tmp_path: Path, name: str) -> None:
    """The incremental output equals a clean build of the same sources (its pages)."""
    clean_src = tmp_path / name / "src"
    shutil.copytree(src, clean_src, ignore=shutil.ignore_patterns("_build"))
    clean = make(clean_src)
    clean.build()
    mine, theirs = _html(Path(app.outdir)), _html(Path(clean.outdir))
    for key in theirs:
        assert mine.get(key) == theirs[key], key
    clean.cleanup()


def test_unmentioned_entity_is_listed_on_its_letter_page(tmp_path):
    src = _prepare(tmp_path)
    app = make(src)
    app.build()
    assert not [w for w in warnings_of(app) if "zora" in w.lower()]
    assert not (Path(app.outdir) / f"{PAGE}.html").exists()
    assert not (src / f"{PAGE}.rst").exists()
    letter = main_text(page(app, LETTER))
    assert 'id="entity-zora-quill"' in letter
    assert "Archivist nobody quotes." in letter and "Z. Quill" in letter
    assert re.search(r'href="../../organization/human-rights-first.html#[^"]*"', letter)  # its relation
    assert "No release in the archive mentions this entry yet." in letter
    assert "application/ld+json" not in page(app, LETTER)  # the page is not one entry's
    # the role, the glossary, the domain object and the search index point to the anchor
    assert re.search(r'href="../entries/person/by-letter/z.html#entity-zora-quill"',
                     page(app, "docs/roles"))
    assert "by-letter/z.html#entity-zora-quill" in page(app, "entries/person/index")
    objects = {o[0]: o for o in app.env.domains["pressroom"].get_objects()}
    assert objects["zora-quill"][3:5] == (LETTER, "entity-zora-quill")
    assert "Zora Quill" in (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    # the mentioned entities keep their pages
    assert (Path(app.outdir) / "entries/person/jane-roe.html").is_file()
    assert 'href="../jane-roe.html#entity-jane-roe"' in page(app, "entries/person/by-letter/j")
    app.cleanup()


def test_a_new_mention_gives_a_page_in_the_same_build(tmp_path):
    src = _prepare(tmp_path)
    app = make(src)
    app.build()
    app.cleanup()

    _edit(src / f"{MARKUP}.txt", "Jane Roe met Brian Dooley", "Jane Roe met Brian Dooley and Zora Quill")
    app = make(src)
    app.build()
    assert (Path(app.outdir) / f"{PAGE}.html").is_file()
    assert "1 release, 1 mention" in main_text(page(app, PAGE))
    assert 'id="entity-zora-quill"' not in main_text(page(app, LETTER))
    assert re.search(r'href="../entries/person/zora-quill.html#entity-zora-quill"',
                     page(app, "docs/roles"))
    assert not [w for w in warnings_of(app) if "zora" in w.lower()]
    _clean_equals(app, src, tmp_path, "clean1")
    app.cleanup()

    # the mention goes: back on the letter page, the role follows
    _edit(src / f"{MARKUP}.txt", "Jane Roe met Brian Dooley and Zora Quill", "Jane Roe met Brian Dooley")
    app = make(src)
    app.build()
    assert not (Path(app.outdir) / f"{PAGE}.html").exists()  # its old page is deleted
    assert 'id="entity-zora-quill"' in main_text(page(app, LETTER))
    assert re.search(r'href="../entries/person/by-letter/z.html#entity-zora-quill"',
                     page(app, "docs/roles"))
    assert not [w for w in warnings_of(app) if "zora" in w.lower()]
    _clean_equals(app, src, tmp_path, "clean2")
    app.cleanup()


def test_parallel_build_lists_like_serial(tmp_path):
    results = []
    for name, parallel in (("j1", 0), ("j2", 2)):
        src = _prepare(tmp_path / name)
        app = make(src, parallel=parallel)
        app.build()
        results.append((_html(Path(app.outdir)), sorted(app.env.domains["pressroom"].get_objects()),
                        (Path(app.outdir) / "objects.inv").read_bytes()))
        app.cleanup()
    assert results[0] == results[1]
