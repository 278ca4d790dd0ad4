"""The benchmark's corpus generator: deterministic, and the corpus reads like the seed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from generate import generate, write_corpus  # noqa: E402
from run import output_digest, table  # noqa: E402

from pressroom.linker import Linker  # noqa: E402
from pressroom.registry import load_registry  # noqa: E402
from pressroom.source import parse_release  # noqa: E402


@pytest.fixture(scope="module")
def corpus_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bench")
    write_corpus(generate(20, 50), root)
    return root


def test_same_arguments_same_bytes(corpus_root: Path, tmp_path: Path) -> None:
    write_corpus(generate(20, 50), tmp_path)
    assert output_digest(tmp_path) == output_digest(corpus_root)


def test_shape(corpus_root: Path) -> None:
    registry, problems = load_registry(corpus_root / "corpus" / "entities")
    assert [p for p in problems if p.severity == "error"] == []
    assert len(registry) == 50
    assert {e.type for e in registry} == {"person", "organization", "event", "place"}
    linker = Linker(registry)
    paths = sorted((corpus_root / "corpus" / "releases").rglob("*.txt"))
    assert len(paths) == 20
    for path in paths:
        publisher, year = path.relative_to(corpus_root / "corpus" / "releases").parts[:2]
        release = parse_release(path)
        assert release.title and release.date is not None, path
        assert str(release.date.year) == year and path.name.startswith(release.date.isoformat())
        assert release.dateline and release.footer.strip(), path
        assert 500 <= len(release.body.split()) <= 900, path
        assert any(q.speaker for q in release.quotes), path
        found = linker.link(release.text, release.linkable_spans())
        assert len({m.entity_id for m in found.mentions}) >= 3, path


def test_table_says_whether_full_builds_at_each_j_gave_the_same_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "page.html").write_text("<p>x</p>", encoding="utf-8")
    (site / ".pressroom-pages.json").write_text('{"keys": 1}', encoding="utf-8")
    first = output_digest(site)
    (site / ".pressroom-pages.json").write_text('{"keys": 2}', encoding="utf-8")
    assert output_digest(site) == first  # build stamps do not count
    (site / "a" / "page.html").write_text("<p>y</p>", encoding="utf-8")
    other = output_digest(site)
    assert other != first

    def full(jobs: int, digest: str) -> dict:
        return {"step": "full", "jobs": jobs, "seconds": 1.0, "output_bytes": 1, "html_files": 1,
                "extra": {"output_digest": digest}}

    text = table({"builds": {"baseline": [full(1, first), full(2, first)],
                             "pressroom": [full(1, first), full(2, other)]}})
    rows = [line for line in text.splitlines() if line.startswith("| 2 |")]
    assert rows and rows[-1].endswith("| yes / **no** |")
