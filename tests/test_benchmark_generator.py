"""The benchmark's corpus generator: deterministic, and the corpus reads like the seed."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from generate import generate, write_corpus  # noqa: E402

from pressroom.linker import Linker  # noqa: E402
from pressroom.registry import load_registry  # noqa: E402
from pressroom.source import parse_release  # noqa: E402


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def corpus_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bench")
    write_corpus(generate(20, 50), root)
    return root


def test_same_arguments_same_bytes(corpus_root: Path, tmp_path: Path) -> None:
    write_corpus(generate(20, 50), tmp_path)
    assert _digest(tmp_path) == _digest(corpus_root)


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
