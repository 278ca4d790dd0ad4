"""The corpus of releases as a whole: find, parse and fingerprint every release file.

Plain Python, no Sphinx. The command line (``check``, ``add``, ``suggest``,
``stats``) walks the releases folder through :func:`release_files` and
:func:`load_releases`, so every command agrees on what a release is:

- a ``.txt`` file anywhere below the releases folder (a ``.html`` original
  kept beside an extracted release by ``pressroom add`` is not a release);
- hidden files and folders (``.git``, ``.DS_Store``) are skipped;
- its publisher is the configured publisher of the first folder below the
  releases folder.

Two releases are duplicates when :func:`text_key` gives the same key: the
text after any front-matter header, with line endings and surrounding
whitespace normalized, so a copy saved under another name, with Windows line
endings or a header added, is still recognised.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pressroom.config import ProjectConfig
from pressroom.problems import PressroomError, Problem
from pressroom.source import Release, decode, parse_release

#: File name endings that hold a release.
RELEASE_SUFFIXES = (".txt",)


def _hidden(path: Path, root: Path) -> bool:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = path.parts
    return any(p.startswith(".") for p in parts)


def release_files(folder: Path) -> list[Path]:
    """Every release file below *folder* (or *folder* itself when it is a file), sorted."""
    folder = Path(folder)
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.rglob("*")
        if p.suffix.lower() in RELEASE_SUFFIXES and p.is_file() and not _hidden(p, folder)
    )


def text_key(text: str) -> str:
    """A fingerprint of a release's text that ignores a header, line endings and outer space."""
    body = text.lstrip("\ufeff")
    if body.startswith("---"):
        lines = body.splitlines(keepends=True)
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                body = "".join(lines[i + 1:])
                break
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    body = "\n".join(line.rstrip() for line in body.strip().split("\n"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def key_of_bytes(data: bytes, name: str = "<bytes>") -> str:
    text, _encoding, _problems = decode(data, name)
    return text_key(text)


def release_in_project(path: Path, project: ProjectConfig) -> Release:
    """Parse the release at *path* with its folder's publisher (name, footer markers).

    Raises :class:`~pressroom.problems.PressroomError` when the file cannot be read.
    """
    publisher = project.publisher_for(path)
    return parse_release(
        path,
        publisher=publisher.name if publisher else None,
        footer_markers=publisher.footer_markers if publisher else (),
    )


def parse_file(path: Path, project: ProjectConfig) -> tuple[Release | None, list[Problem]]:
    """Parse one release with its folder's publisher; an unreadable file gives a problem."""
    try:
        release = release_in_project(path, project)
    except PressroomError as exc:
        return None, [exc.problem]
    return release, list(release.problems)


@dataclass
class Corpus:
    """Parsed releases and what was wrong with them."""

    releases: list[Release]
    problems: list[Problem]
    #: text key -> first file holding that text
    keys: dict[str, str]


def load_releases(paths: Iterable[Path], project: ProjectConfig) -> Corpus:
    """Parse every release file in *paths* (files or folders), reporting duplicates."""
    releases: list[Release] = []
    problems: list[Problem] = []
    keys: dict[str, str] = {}
    for path in _expand(paths):
        release, found = parse_file(path, project)
        problems.extend(found)
        if release is None:
            continue
        if not release.text.replace("\ufeff", "").strip():
            releases.append(release)  # reported as empty; two empty files are no duplicates
            continue
        key = text_key(release.text)
        if key in keys:
            problems.append(Problem(
                str(path), None, "error", "release_duplicate",
                f"same text as {keys[key]}; delete one of the two files",
            ))
            continue
        keys[key] = str(path)
        releases.append(release)
    return Corpus(releases, problems, keys)


def _expand(paths: Iterable[Path]) -> Iterator[Path]:
    seen: set[Path] = set()
    for path in paths:
        for file in release_files(Path(path)):
            resolved = file.resolve()
            if resolved not in seen:
                seen.add(resolved)
                yield file
