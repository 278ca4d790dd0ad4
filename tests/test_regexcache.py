"""The compiled patterns kept between processes (pressroom.regexcache)."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from pressroom import linker, regexcache, source
from pressroom.regexcache import PatternCache

EXTENSIONS = Path(__file__).resolve().parents[1] / "extensions"

#: Patterns of the shapes the parser's are made of: named groups, look-behinds, inline and
#: given flags, classes of other scripts' letters, conditionals, lazy repeats.
SAMPLES = [
    (r"(?P<place>[A-ZÀ-ÖØ-ÞΑ-ΩА-Я][\w.'’&-]*),\s+(?P<date>\d{1,2} \w+ \d{4})", 0),
    (r"(?<![\w'’-])(?P<speaker>[A-Z]\w+(?:\s+[A-Z]\w+){1,2})\b", 0),
    (r"(?P<open>\()?\w+(?(open)\)|)\s*(?:[–—]{1,2}|--?)\s+", re.MULTILINE),
    (r"(?i:published on)\s+(.+?)$", re.MULTILINE),
    (r"مايو|أيار|במאי|мая|Μαΐου", re.IGNORECASE),
]


@pytest.fixture
def module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A module's source file in a folder of its own, and bytecode written."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", None)
    path = tmp_path / "mod.py"
    path.write_text("X = 1\n", encoding="utf-8")
    return path


def _cache_file(module: Path) -> Path:
    return module.parent / "__pycache__" / f"mod.{sys.implementation.cache_tag}.patterns"


def _refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("compiled, not read from the cache")


def _no_compiler(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make compiling a pattern fail, so only patterns built from the cache come out."""
    monkeypatch.setattr(regexcache, "re", SimpleNamespace(compile=_refuse))
    monkeypatch.setattr(regexcache._compiler, "_code", _refuse)


def test_patterns_read_back_are_those_re_compiles(module: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pattern the parser and the linker compile, written and read back, is the
    pattern ``re.compile`` makes (patterns are equal when their code is), without
    compiling."""
    patterns = source._PATTERNS.patterns + linker._PATTERNS.patterns + SAMPLES + SAMPLES[:1]
    assert len(patterns) > 120
    expected = [re.compile(p, f) for p, f in patterns]
    cache = PatternCache(str(module))
    assert [cache.compile(p, f) for p, f in patterns] == expected
    cache.save()
    assert _cache_file(module).is_file()

    read = PatternCache(str(module))
    assert len(read) == len(set(patterns))
    assert len(set(patterns)) < len(patterns)  # one asked for twice is built once
    _no_compiler(monkeypatch)
    for (p, f), want in zip(patterns, expected, strict=True):
        got = read.compile(p, f)
        assert got == want, p[:80]
        assert (got.pattern, got.flags, got.groups, got.groupindex) == \
            (want.pattern, want.flags, want.groups, want.groupindex)
    assert len(read) == 0  # each entry let go once its pattern is built


def test_a_pattern_read_back_matches_as_compiled(module: Path) -> None:
    text = ("LONDON, 5 May 2011 – “We will not stop,” said Jane Roe. القاهرة، ٥ مايو\n"
            "Published on 6 May 2011")
    cache = PatternCache(str(module))
    for p, f in SAMPLES:
        cache.compile(p, f)
    cache.save()
    read = PatternCache(str(module))
    for p, f in SAMPLES:
        assert [m.span() for m in read.compile(p, f).finditer(text)] == \
            [m.span() for m in re.finditer(p, text, f)]
        m = read.compile(p, f).search(text)
        assert m, p
        assert m.groups() == re.search(p, text, f).groups()


def test_a_pattern_compiled_after_the_import_is_saved_at_once(module: Path) -> None:
    cache = PatternCache(str(module))
    cache.compile(*SAMPLES[0])
    cache.save()
    assert len(PatternCache(str(module))) == 1
    cache.compile(*SAMPLES[1])  # as a language's dates are, when a text first needs them
    assert len(PatternCache(str(module))) == 2


def test_two_processes_saving_at_once_keep_both_patterns(module: Path) -> None:
    """A save adds to what the file holds when it writes, not to what it held when the
    process started (two forked readers of one build each compile a date form)."""
    first, second = PatternCache(str(module)), PatternCache(str(module))
    first.compile(*SAMPLES[0])
    first.save()
    second.compile(*SAMPLES[1])
    second.save()
    read = PatternCache(str(module))
    assert len(read) == 2


def test_a_changed_module_does_not_read_its_old_patterns(module: Path) -> None:
    cache = PatternCache(str(module))
    cache.compile(*SAMPLES[0])
    cache.save()
    module.write_text("X = 2\n", encoding="utf-8")
    assert len(PatternCache(str(module))) == 0


@pytest.mark.parametrize("content", [b"", b"\x00garbage", marshal.dumps((1, 2)),
                                     marshal.dumps(("header", {}))])
def test_a_damaged_or_foreign_file_is_not_read(module: Path, content: bytes) -> None:
    path = _cache_file(module)
    path.parent.mkdir()
    path.write_bytes(content)
    cache = PatternCache(str(module))
    assert len(cache) == 0
    assert cache.compile(*SAMPLES[0]) == re.compile(*SAMPLES[0])
    cache.save()  # and written again, whole
    assert len(PatternCache(str(module))) == 1


def test_code_the_engine_refuses_is_compiled_again(module: Path) -> None:
    cache = PatternCache(str(module))
    cache.compile(*SAMPLES[0])
    cache.save()
    path = _cache_file(module)
    header, entries = marshal.loads(path.read_bytes())
    key = next(iter(entries))
    flags, code, *rest = entries[key]
    entries[key] = (flags, code[:3], *rest)  # cut short: _sre's check refuses it
    path.write_bytes(marshal.dumps((header, entries)))
    assert PatternCache(str(module)).compile(*SAMPLES[0]) == re.compile(*SAMPLES[0])


def test_nothing_is_written_when_python_writes_no_bytecode(
        module: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    cache = PatternCache(str(module))
    # nor is a pattern's code worked out a second time for a file not written
    monkeypatch.setattr(PatternCache, "_entry", staticmethod(_refuse))
    assert cache.compile(*SAMPLES[0]) == re.compile(*SAMPLES[0])
    cache.save()
    assert not _cache_file(module).parent.exists()


def test_a_folder_that_cannot_be_written_is_no_error(
        module: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = module.parent / "blocker"
    blocker.write_text("a file where the cache's folder would be", encoding="utf-8")
    monkeypatch.setattr(sys, "pycache_prefix", str(blocker / "cache"))
    cache = PatternCache(str(module))
    assert cache.compile(*SAMPLES[0]) == re.compile(*SAMPLES[0])
    cache.save()
    cache.compile(*SAMPLES[1])
    assert not list(module.parent.rglob("*.patterns"))
    assert not list(module.parent.rglob("*.tmp"))


def _module_patterns(seed: str) -> list[list[object]]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(EXTENSIONS),
           "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run(
        [sys.executable, "-c", "import json, pressroom.source as s, pressroom.linker as k; "
         "print(json.dumps([s._PATTERNS.patterns, k._PATTERNS.patterns]))"],
        env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_the_same_patterns_are_compiled_in_every_process() -> None:
    """A pattern written from a set's order (which changes with the hash seed) would be a
    new pattern to the cache in each process: the file would be written at every build
    and grow without end."""
    first = _module_patterns("1")
    assert len(first[0]) > 60 and len(first[1]) > 50
    assert _module_patterns("2") == first
    assert _module_patterns("3") == first
