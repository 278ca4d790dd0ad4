"""Compiled regular expressions kept between processes, as Python keeps bytecode.

Compiling the release parser's patterns (the dates of 40 languages, the names of people
in four scripts, the verbs of saying) is most of what importing it takes: 0.25 to 0.55 s
by machine, which every build, every rebuild of one release and every command pays
again, since Python keeps no compiled pattern from one process to the next. What the
compiler makes of a pattern is a list of integers, the code that ``_sre.compile``, the
last call of ``re.compile``, turns into a pattern object. :class:`PatternCache` keeps
those lists in a file beside the module's bytecode
(``__pycache__/source.cpython-311.patterns``) and builds each pattern from its list,
which takes microseconds. The parser and the linker use it.

Only what ``re.compile`` itself made is kept: a pattern compiled here is compared with
``re.compile``'s (two patterns are equal when their code is) before its code is stored,
and a cache written by another Python, another version of the regular-expression engine
or another version of the module is not read. When anything is amiss (no ``__pycache__``
to write to, a file cut short, a Python whose internals differ), patterns are compiled
as ``re.compile`` compiles them, and the module works as without the cache. Nothing is
written when Python is told not to write bytecode (``PYTHONDONTWRITEBYTECODE``).

It uses three of the standard library's internal names, those ``re.compile`` calls:
``re._parser.parse``, ``re._compiler._code`` and ``_sre.compile``, the same in Python
3.11, 3.12 and 3.13; where they are not, nothing is cached.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

try:  # the engine's internals, as ``re.compile`` calls them (Python 3.11 and later)
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python implementation
    _sre = None

#: Bumped when what the file holds changes.
_FORMAT = 1

#: One entry: the flags the pattern was compiled with (its own inline flags added), its
#: code, its number of groups and its group names in both directions.
_Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]


def _header(source: bytes) -> tuple[Any, ...]:
    """What must be the same for a cache file to be read: its format, the Python and the
    engine that wrote it, and the module's source."""
    return (_FORMAT, sys.implementation.name, sys.version, _sre.MAGIC, _sre.CODESIZE,
            _sre.MAXREPEAT, hashlib.blake2b(source, digest_size=16).hexdigest())


def _cache_path(module_file: str) -> Path | None:
    """Where the patterns of the module at *module_file* are kept, beside its bytecode
    (``sys.pycache_prefix`` followed); None where Python keeps no bytecode."""
    try:
        pyc = importlib.util.cache_from_source(module_file)
    except (NotImplementedError, ValueError):
        return None
    return Path(pyc).with_suffix(".patterns")


class PatternCache:
    """The compiled patterns of one module, read from its cache file when created.

    Create it at the top of the module, compile its patterns with :meth:`compile`, and
    call :meth:`save` after the last pattern the import compiles; a pattern compiled
    later (when a text first needs it) is saved at once. An entry read is let go once its
    pattern is built: the code lists stay in memory only until they are used.
    """

    def __init__(self, module_file: str) -> None:
        #: read from the file and not built yet
        self._entries: dict[tuple[str, int], _Entry] = {}
        #: compiled in this process, to be written
        self._new: dict[tuple[str, int], _Entry] = {}
        #: every pattern asked for, in order
        self.patterns: list[tuple[str, int]] = []
        #: the patterns built from an entry (one asked for again is not compiled)
        self._built_from_entry: dict[tuple[str, int], re.Pattern[str]] = {}
        self._saved = False
        self._path = _cache_path(module_file) if _sre is not None else None
        self._header: tuple[Any, ...] = ()
        if self._path is None:
            return
        try:
            self._header = _header(Path(module_file).read_bytes())
        except OSError:
            self._path = None
            return
        self._entries = self._read()

    def _read(self) -> dict[tuple[str, int], _Entry]:
        """The entries of the cache file, if it is one this module wrote."""
        try:
            header, entries = marshal.loads(self._path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}  # no cache yet, or not one this module can read
        return entries if header == self._header and isinstance(entries, dict) else {}

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(pattern, flags)``, from the cache when it holds the pattern."""
        key = (pattern, int(flags))
        self.patterns.append(key)
        built = self._built_from_entry.get(key)
        if built is not None:
            return built
        entry = self._entries.pop(key, None)
        if entry is not None and (built := self._built(pattern, entry)) is not None:
            self._built_from_entry[key] = built
            return built
        compiled = re.compile(pattern, flags)
        if self._path is not None and not sys.dont_write_bytecode:
            entry = self._entry(*key)
            if entry is not None and self._built(pattern, entry) == compiled:
                self._new[key] = entry
                if self._saved:
                    self.save()
        return compiled

    @staticmethod
    def _entry(pattern: str, flags: int) -> _Entry | None:
        """What ``re.compile`` makes of *pattern* before its last call, or None if this
        Python's engine does not work so."""
        try:
            parsed = _parser.parse(pattern, flags)
            code = _compiler._code(parsed, flags)
            groupindex = dict(parsed.state.groupdict)
            indexgroup: list[str | None] = [None] * parsed.state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            # (the opcodes are int subclasses, which marshal does not write)
            return (int(flags | parsed.state.flags), [int(c) for c in code],
                    parsed.state.groups - 1,
                    groupindex, tuple(indexgroup))
        except Exception:  # noqa: BLE001 - internals not as expected: keep no entry
            return None

    @staticmethod
    def _built(pattern: str, entry: _Entry) -> re.Pattern[str] | None:
        """The pattern *entry* is the code of, or None if the engine refuses it (it is
        then compiled again)."""
        try:
            return _sre.compile(pattern, *entry)
        except Exception:  # noqa: BLE001 - code the engine's validator refuses
            return None

    def save(self) -> None:
        """Add the patterns compiled since the last save to the cache file (written whole
        and renamed into place: processes that compile at once leave one whole file), and
        save later additions at once."""
        self._saved = True
        if not self._new or self._path is None or sys.dont_write_bytecode:
            return
        entries = self._read()
        entries.update(self._new)
        self._new = {}
        tmp = self._path.with_name(f"{self._path.name}.{os.getpid()}.tmp")
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            # as Python writes bytecode: with the umask's permissions, then renamed
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(marshal.dumps((self._header, entries)))
                os.replace(tmp, self._path)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
        except (OSError, ValueError):
            pass  # a folder that cannot be written: the patterns are compiled each time

    def __len__(self) -> int:
        """How many patterns read from the file are not built yet."""
        return len(self._entries)
