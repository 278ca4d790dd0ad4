"""The corpus of releases as a whole: find, parse and fingerprint every release file.

Plain Python, no Sphinx. The command line (``check``, ``add``, ``suggest``,
``stats``) walks the releases folder through :func:`release_files` and
:func:`load_releases`, so every command agrees on what a release is:

- a file whose name ends in ``.txt`` anywhere below the releases folder (the
  ending Sphinx reads releases by, so the site and the commands agree);
- hidden files and folders (``.git``, ``.DS_Store``) are skipped;
- its publisher is the configured publisher of the first folder below the
  releases folder; the archive files it by the date its name starts with
  (``2011-04-27-...``), else by a year folder above it, else as undated
  (:func:`archive_place`).

Any other file there is reported by :func:`scan`, not skipped without a word:
a ``.TXT`` ending, a file of another kind, a release outside every publisher's
folder, a name holding a line break or markup characters (the site's pages could not
link it safely; the Sphinx layer leaves such files, and hidden ones, out of its
sources too). The only files it passes over are hidden ones and the original (an
``.html`` page, an ``.eml`` message) ``pressroom add`` keeps beside the release
it extracted from it.

Two releases are duplicates when :func:`text_key` gives the same key: the
text after any front-matter header, with line endings and surrounding
whitespace normalized, so a copy saved under another name, with Windows line
endings or a header added, is still recognised.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pressroom.config import ProjectConfig, inside
from pressroom.problems import PressroomError, Problem

if TYPE_CHECKING:
    # the parser is imported where a release is read: what a build that reads none (a
    # no-op) takes from here does not load its patterns
    from pressroom.source import Release

#: The ending of a release file's name (compared as written, as Sphinx compares it).
RELEASE_SUFFIX = ".txt"
#: Endings of the original ``pressroom add`` keeps beside a release it extracted.
ORIGINAL_SUFFIXES = (".html", ".eml")

#: The year and month a release's file name starts with (``2011-04-27-…``); a month that
#: is none (``2011-13-…``) is no date: the release is filed under its year folder.
_DATE_PREFIX = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])(?!\d)")
_YEAR = re.compile(r"^\d{4}$")
#: What a file or folder name below the releases folder may not hold: the site's pages are
#: written with release paths in them (the archive's lists, its navigation), and a line
#: break, a control character, a bracket or backquote of their markup, a backslash, or a
#: space at either end would be read as part of that markup, or make the path one no link
#: reaches. As :data:`UNSAFE_NAME_PATTERNS` for Sphinx's ``exclude_patterns``.
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f<>`\\]|^\s|\s$")
UNSAFE_NAME_PATTERNS = ("**[\x00-\x1f\x7f<>`\\]*", "**[\x00-\x1f\x7f<>`\\]*/**", " **", "**/ **",
                        "** /**")
#: Hidden files and folders, as patterns: no command reads them (drafts, ``.git``).
HIDDEN_PATTERNS = (".*", "**/.*", ".*/**", "**/.*/**")


@dataclass
class Scan:
    """What a releases folder holds: release files, and the files no command reads."""

    #: every release file, as its path's parts below the folder, sorted
    releases: list[tuple[str, ...]]
    #: one warning for each file below the folder that is no release
    problems: list[Problem]


def scan(folder: Path, depth: int | None = 0) -> Scan:
    """Every release file below *folder*, and a problem for every other file there.

    *depth*: how many folders below the releases folder *folder* is (a release must be in
    a publisher's folder); None when it is outside it (no release is out of place there).

    ``os.walk`` and strings rather than ``pathlib``: a build lists thousands of files
    every time. Symbolic links are followed, as Sphinx follows them, and said: a link to a
    folder already read (a loop: Sphinx reads its files again under each path), a release
    that links to a file outside the releases folder (it is published) or to nothing.
    """
    found: list[tuple[str, ...]] = []
    problems: list[Problem] = []
    root = os.path.realpath(folder)
    seen: dict[str, str] = {}  # real path of each folder walked -> the path it was read as
    for here, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(here)
        if real in seen:
            problems.append(Problem(here, None, "warning", "release_link",
                                    f"is a link to a folder already read ({seen[real]}): its "
                                    "releases would be read twice; remove the link"))
            dirs[:] = []
            continue
        seen[real] = here
        if here != folder and os.path.islink(here) and not inside(root, real):
            problems.append(Problem(here, None, "warning", "release_link",
                                    f"is a link to {real}, outside the releases folder: the "
                                    "releases there are published as this folder's"))
        for d in dirs:
            if not d.startswith(".") and _UNSAFE_NAME.search(d):
                problems.append(_unsafe(os.path.join(here, d), "folder"))
        dirs[:] = [d for d in dirs if not d.startswith(".") and not _UNSAFE_NAME.search(d)]
        rel = os.path.relpath(here, folder)
        parts = () if rel == "." else tuple(rel.split(os.sep))
        names = set(files)
        for name in files:
            if name.startswith("."):
                continue
            if _UNSAFE_NAME.search(name):
                problems.append(_unsafe(os.path.join(here, name), "file"))
                continue
            if name.endswith(RELEASE_SUFFIX):
                found.append((*parts, name))
                path = os.path.join(here, name)
                if os.path.islink(path):
                    target = os.path.realpath(path)
                    if not os.path.exists(target):
                        problems.append(Problem(path, None, "warning", "release_link",
                                                f"is a link to nothing ({os.readlink(path)})"))
                    elif not inside(root, target):
                        problems.append(Problem(path, None, "warning", "release_link",
                                                f"is a link to {target}, outside the releases "
                                                "folder: that file is published as a release"))
                continue
            stem, dot, suffix = name.rpartition(".")
            if dot and "." + suffix.lower() in ORIGINAL_SUFFIXES and stem + RELEASE_SUFFIX in names:
                continue  # the original of an extracted release, kept by ``pressroom add``
            path = os.path.join(here, name)
            if dot and "." + suffix.lower() == RELEASE_SUFFIX:
                why = (f"is not read as a release: the name must end in {RELEASE_SUFFIX} "
                       f"as written, in lower case; rename it {stem}{RELEASE_SUFFIX}")
            else:
                why = (f"is not read as a release (only files ending in {RELEASE_SUFFIX} are); "
                       "take a release received as text, a web page (.html) or an e-mail "
                       "(.eml) in with `pressroom add FILE`, or move the file out of the "
                       "releases folder")
            problems.append(Problem(path, None, "warning", "release_ignored", why))
    found.sort()
    for parts in found if depth is not None else ():
        if depth + len(parts) < 2:
            problems.append(Problem(
                os.path.join(folder, *parts), None, "warning", "release_place",
                "a release directly in the releases folder has no publisher and no place in "
                "the archive; move it into its publisher's folder (<publisher>/<year>/), "
                "as `pressroom add` does"))
    problems.sort(key=lambda p: p.file)
    return Scan(found, problems)


def _unsafe(path: str, kind: str) -> Problem:
    """A file or folder whose name the site's pages cannot link safely (see
    :data:`_UNSAFE_NAME`), named as Python writes it (a line break as ``\\n``)."""
    what = "is not read, nor anything in it" if kind == "folder" else "is not read as a release"
    return Problem(repr(path)[1:-1], None, "warning", "release_ignored",
                   f"{what}: the {kind}'s name holds a line break, a control character, <, >, "
                   "` or \\, or starts or ends with a space, which the site's pages cannot link "
                   "safely; rename it")


def release_files(folder: Path) -> list[Path]:
    """Every release file below *folder* (or *folder* itself when it is a file), sorted."""
    folder = Path(folder)
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        return []
    return [folder.joinpath(*parts) for parts in scan(folder).releases]


def archive_place(parts: tuple[str, ...]) -> tuple[str, str]:
    """``(year, month)`` the archive files a release under, from its path's *parts* below the
    releases folder: the date its name starts with, else a year folder (month ``"00"``),
    else ``("undated", "00")``."""
    m = _DATE_PREFIX.match(parts[-1])
    if m:
        return m.group(1), m.group(2)
    return next((p for p in parts[1:-1] if _YEAR.match(p)), "undated"), "00"


def placement_problems(release: Release, parts: tuple[str, ...]) -> list[Problem]:
    """A warning when the archive would file a dated release elsewhere than its date says
    (its file name does not start with its date), or when it lies in another year's folder."""
    if release.date is None or len(parts) < 2:
        return []
    year, month = archive_place(parts)
    line = release.line_of(release.date_span[0]) if release.date_span else None
    if (year, month) == (f"{release.date.year:04d}", f"{release.date.month:02d}"):
        folder = next((p for p in parts[1:-1] if _YEAR.match(p)), year)
        if folder == year:
            return []
        # filed by its name as its date says, but kept in another year's folder
        return [Problem(release.path, line, "warning", "release_place",
                        f"dated {release.date.isoformat()} and filed under {year}, but it lies "
                        f"in the folder {folder}; move it into its publisher's {year} folder")]
    where = "undated" if year == "undated" else year if month == "00" else f"{year}-{month}"
    return [Problem(release.path, line, "warning", "release_place",
                    f"dated {release.date.isoformat()}, but the archive files it under {where} "
                    f"(from its path); name the file {release.date.isoformat()}-<title>"
                    f"{RELEASE_SUFFIX}, in its publisher's {release.date.year} folder, as "
                    "`pressroom add` does")]


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
    from pressroom.source import decode

    text, _encoding, _problems = decode(data, name)
    return text_key(text)


def release_in_project(path: Path, project: ProjectConfig) -> Release:
    """Parse the release at *path* with its folder's publisher (name, footer markers).

    Raises :class:`~pressroom.problems.PressroomError` when the file cannot be read.
    """
    from pressroom.source import parse_release

    parts = project.release_parts(path)
    publisher = project.publisher_for(path, parts)
    release = parse_release(
        path,
        publisher=publisher.name if publisher else None,
        footer_markers=publisher.footer_markers if publisher else (),
    )
    if publisher is not None:  # inside a publisher's folder
        release.problems.extend(placement_problems(release, parts))  # type: ignore[arg-type]
    return release


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


def load_releases(paths: Iterable[Path], project: ProjectConfig, *, track=None) -> Corpus:
    """Parse every release file in *paths* (files or folders), reporting duplicates;
    *track*, when given, walks the files (see :func:`pressroom.commands.steps`)."""
    releases: list[Release] = []
    problems: list[Problem] = []
    keys: dict[str, str] = {}
    files = _expand(paths, project, problems)
    for path in files if track is None else track(files, "reading"):
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


def _expand(paths: Iterable[Path], project: ProjectConfig,
            problems: list[Problem]) -> Iterator[Path]:
    """The release files in *paths*; the folders' other files reported in *problems*."""
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            below = project.release_parts(path)
            found = scan(path, None if below is None else len(below))
            problems.extend(found.problems)
            files = [path.joinpath(*parts) for parts in found.releases]
        else:
            files = release_files(path)
        for file in files:
            # a file named twice (``check corpus/releases corpus/releases/wire``) is read
            # once; a link to a release is read as Sphinx reads it, a page of its own (the
            # same text: reported as a duplicate, as the build reports it)
            absolute = Path(os.path.abspath(file))
            if absolute not in seen:
                seen.add(absolute)
                yield file
