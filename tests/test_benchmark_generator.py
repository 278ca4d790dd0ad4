"""The benchmark's corpus generator: deterministic, and the corpus reads like the seed."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import run  # noqa: E402
from generate import generate, write_corpus  # noqa: E402
from run import output_digest, series_line, table  # noqa: E402

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
    (site / ".pressroom-written").write_text('{"generation": 7}', encoding="utf-8")
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


def test_rebuild_series_takes_turns_and_undoes_each_edit(tmp_path: Path, monkeypatch) -> None:
    """The variants alternate; each timed rebuild follows an edit, and the edit is undone
    (and rebuilt, untimed) before the other variant's turn."""
    events: list[str] = []

    class FakeVariant:
        def __init__(self, name: str) -> None:
            self.name = name
            self.edited = False

        def edit_release(self, undo: bool = False) -> None:
            assert self.edited == undo  # an edit on the original, an undo on the edit
            self.edited = not undo
            events.append(f"{self.name} {'undo' if undo else 'edit'}")

    times = iter([1.0, 2.5, 3.0, 3.5])

    def fake_build(v, work, jobs, step):
        events.append(f"{v.name} {step}" + (" (edited)" if v.edited else ""))
        timed = step.startswith("series-") and step[len("series-"):].isdigit()
        return SimpleNamespace(seconds=next(times) if timed else 0.0)

    monkeypatch.setattr(run, "variant_build", fake_build)
    monkeypatch.setattr(run.time, "sleep", lambda _s: None)
    series = run.rebuild_series([FakeVariant("baseline"), FakeVariant("pressroom")],
                                tmp_path, 1, 2)
    assert series["seconds"] == {"baseline": [1.0, 3.0], "pressroom": [2.5, 3.5]}
    assert events[:2] == ["baseline series-sync", "pressroom series-sync"]
    assert events[2:6] == ["baseline edit", "baseline series-1 (edited)", "baseline undo",
                           "baseline series-undo"]
    assert events[6:10] == ["pressroom edit", "pressroom series-1 (edited)", "pressroom undo",
                            "pressroom series-undo"]
    assert len(events) == 2 + 2 * 2 * 4
    assert series_line(series) == ("one release edited, in series (-j 1, 2 rounds, means): "
                                   "baseline 2.000 s, pressroom 3.000 s; ratio 1.50×")


def test_memory_of_a_process_tree_reads_pss_only_when_asked():
    """RSS is cheap to read and sampled every 50 ms; PSS walks the memory map and is read
    only when asked (every ``PSS_EVERY`` seconds)."""
    import os
    import subprocess

    child = subprocess.Popen([sys.executable, "-c", "import time; b = bytearray(40 << 20); "
                              "time.sleep(30)"])
    try:
        deadline = time.monotonic() + 10
        while run._tree_memory_kib(child.pid, with_pss=False)[0] < 40 << 10:
            assert time.monotonic() < deadline, "the child never held its 40 MiB"
            time.sleep(0.05)
        child_rss, _ = run._tree_memory_kib(child.pid, with_pss=False)
        rss, pss = run._tree_memory_kib(os.getpid())
        assert rss > child_rss  # this process and its child
        assert pss > 40 << 10
        assert run._tree_memory_kib(os.getpid(), with_pss=False)[1] == 0
    finally:
        child.kill()
        child.wait()
    assert 0.25 <= run.PSS_EVERY <= 1


def test_full_series_builds_from_scratch_in_turns(tmp_path: Path, monkeypatch) -> None:
    """Each round builds every variant into empty folders of its own, the order swapped
    from one round to the next; the line gives the means and their ratios."""
    calls: list[tuple[str, bool, str]] = []
    times = iter([(10.0, 15.0), (12.0, 18.0), (14.0, 20.0), (10.0, 16.0)])

    def fake_build(src, out, doctrees, jobs, step, log, stems, probe):
        assert jobs == 2 and out.name.endswith("-j2-series")
        calls.append((src.name, out.exists() or doctrees.exists(), step))
        out.mkdir(parents=True)  # what the build leaves behind: the next round clears it
        doctrees.mkdir(parents=True)
        wall, cpu = next(times)
        return SimpleNamespace(seconds=wall, cpu_seconds=cpu)

    variants = [SimpleNamespace(name=n, src=tmp_path / n, release_stems=set(), probe_stem="")
                for n in ("baseline", "pressroom")]
    monkeypatch.setattr(run, "sphinx_build", fake_build)
    series = run.full_series(variants, tmp_path, 2, 2)
    assert calls == [("baseline", False, "full-series-1"), ("pressroom", False, "full-series-1"),
                     ("pressroom", False, "full-series-2"), ("baseline", False, "full-series-2")]
    assert series["seconds"] == {"baseline": [10.0, 10.0], "pressroom": [12.0, 14.0]}
    assert run.full_series_line(series) == (
        "full build, in turns (-j 2, 2 rounds, means): baseline 10.00 s (cpu 15.50 s), "
        "pressroom 13.00 s (cpu 19.00 s); ratio 1.30× (cpu 1.23×)")
