"""The project's Pressroom settings, read from ``conf.py`` without building anything.

Both the command line and the Sphinx extension use :class:`ProjectConfig`, so a
type declared in ``conf.py`` or a publisher's footer marker means the same
thing to ``pressroom check`` as to ``sphinx-build``. Values are plain data (no
functions), as Sphinx wants config values to be, so that changing them is seen
by the environment's config check and nothing rebuilds needlessly.
"""

from __future__ import annotations

import ast
import os
import re
import runpy
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pressroom.i18n import N_
from pressroom.problems import PressroomError, Problem
from pressroom.weburl import is_web_address

#: The entity types every project has; ``pressroom_entity_types`` adds more. Their labels are
#: translated where the site shows them (:mod:`pressroom.i18n`).
DEFAULT_TYPES: dict[str, dict[str, str]] = {
    "person": {"label": N_("Person"), "plural": N_("People"), "schema": "Person"},
    "organization": {"label": N_("Organization"), "plural": N_("Organizations"),
                     "schema": "Organization"},
    "event": {"label": N_("Event"), "plural": N_("Events"), "schema": "Event"},
    "place": {"label": N_("Place"), "plural": N_("Places"), "schema": "Place"},
}


#: What a declared entity type may be called (it names the entries' folder and its roles).
_TYPE_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")


@dataclass(frozen=True)
class Publisher:
    """A publisher, keyed by the folder under the releases folder that holds its releases."""

    key: str
    name: str
    url: str | None = None
    #: Lines that start the publisher's boilerplate footer (``Seeking asylum?``).
    footer_markers: tuple[str, ...] = ()
    #: Other names the publisher goes by on its pages and in its e-mails (``HRF``,
    #: ``Human Rights First, Inc.``): a page or a sender naming one is the publisher's.
    aliases: tuple[str, ...] = ()

    def known_as(self, name: str) -> bool:
        """Whether *name* is the publisher's key, name or one of its aliases (in any case,
        however spaced)."""
        wanted = " ".join(name.split()).casefold()
        return bool(wanted) and wanted in (" ".join(n.split()).casefold()
                                           for n in (self.key, self.name, *self.aliases))


@dataclass
class ProjectConfig:
    """Where the corpus lives and what the project declares about it."""

    root: Path
    releases_dir: Path
    registry_dir: Path
    entity_types: dict[str, dict[str, str]] = field(default_factory=lambda: dict(DEFAULT_TYPES))
    publishers: dict[str, Publisher] = field(default_factory=dict)
    #: malformed ``pressroom_*`` values in ``conf.py`` (each replaced by its default)
    problems: list[Problem] = field(default_factory=list, compare=False, repr=False)
    #: Sphinx's ``suppress_warnings`` as ``conf.py`` sets it
    suppress_warnings: frozenset[str] = frozenset()
    #: whether a ``conf.py`` was read (without one, the working folder and the defaults)
    has_conf: bool = True

    @property
    def type_names(self) -> tuple[str, ...]:
        return tuple(self.entity_types)

    def no_releases_folder(self) -> str:
        """What to say when the releases folder is not there."""
        if not self.has_conf:
            return (f"the releases folder does not exist, and there is no conf.py in "
                    f"{self.root} or a folder above it: run pressroom in an archive's folder "
                    "(or give --root), or start one (Starting an archive, in the "
                    "documentation)")
        return "the releases folder does not exist; create it, or set pressroom_releases in conf.py"

    def suppressed(self, subtype: str) -> bool:
        """Is ``pressroom.<subtype>`` among the warnings ``conf.py`` suppresses?"""
        return is_suppressed(subtype, self.suppress_warnings)

    def release_parts(self, path: Path) -> tuple[str, ...] | None:
        """*path*'s parts below the releases folder (``None``: it is not below it), as
        written (a folder there that links elsewhere is still there, as Sphinx reads it),
        else once links are followed."""
        try:
            return Path(os.path.abspath(path)).relative_to(
                os.path.abspath(self.releases_dir)).parts
        except ValueError:
            pass
        try:
            return Path(path).resolve().relative_to(self.releases_dir.resolve()).parts
        except ValueError:
            return None

    def publisher_for(self, path: Path, parts: tuple[str, ...] | None = None) -> Publisher | None:
        """The publisher whose folder holds *path* (first folder below the releases folder;
        *parts*: :meth:`release_parts` of *path*, when already taken)."""
        if parts is None:
            parts = self.release_parts(path)
        if parts is None or len(parts) < 2:
            return None
        return self.publisher(parts[0])

    def publisher_url(self, key: str, name: str) -> str | None:
        """The website of the publisher a release names (*name*), filed in the folder *key*:
        the folder's publisher's when it is the one named, else that of the declared
        publisher of that name; a header's ``publisher: Other Org`` has not the folder's."""
        folded = " ".join(name.split()).casefold()
        pub = self.publishers.get(key)
        if pub and pub.name.casefold() == folded:
            return pub.url
        return next((p.url for p in self.publishers.values() if p.name.casefold() == folded),
                    None)

    def publisher(self, key: str) -> Publisher:
        """The publisher of the folder *key*: as ``conf.py`` declares it, else named after
        its folder (``open-press`` -> ``Open Press``)."""
        return self.publishers.get(key) or Publisher(key=key, name=key.replace("-", " ").title())

    @classmethod
    def from_values(cls, root: Path, values: dict[str, Any],
                    source: Path | None = None) -> ProjectConfig:
        """Build from ``pressroom_*`` values (a ``conf.py`` namespace or Sphinx's config).

        A malformed value is a problem (at its line of *source*, the ``conf.py``, when
        given) and its default, or the well-formed part of it, is used instead."""
        check = _Values(values, source)
        types = dict(DEFAULT_TYPES)
        for name, spec in check.mapping("pressroom_entity_types").items():
            spec = check.spec("pressroom_entity_types", name, spec, ("label", "plural", "schema"))
            if spec is None:
                continue
            if not _TYPE_NAME.match(name):
                check.problem("pressroom_entity_types", f"{name!r} cannot name a type (it names "
                              "folders and roles: lower-case letters, digits, '-' and '_'); "
                              "ignored")
                continue
            base = types.get(name, {})
            label = spec.get("label") or base.get("label") or name.replace("-", " ").title()
            types[name] = {
                "label": label,
                "plural": spec.get("plural") or base.get("plural") or label + "s",
                "schema": spec.get("schema") or base.get("schema") or "Thing",
            }
        publishers = {}
        for key, spec in check.mapping("pressroom_publishers").items():
            if isinstance(spec, str):
                check.problem("pressroom_publishers", f"publisher {key!r}: a mapping is expected, "
                              f"such as {{'name': {spec!r}}}; {spec!r} is taken as its name")
                spec = {"name": spec}
            spec = check.spec("pressroom_publishers", key, spec,
                              ("name", "url"), lists=("footer_markers", "aliases"))
            if spec is None:
                continue
            publishers[key] = Publisher(
                key=key,
                name=spec.get("name") or key.replace("-", " ").title(),
                url=spec.get("url"),
                footer_markers=tuple(spec.get("footer_markers", ())),
                aliases=tuple(a for a in spec.get("aliases", ()) if a.strip()),
            )
        releases = check.path("pressroom_releases", "corpus/releases")
        if not inside(root, root / releases):
            # Sphinx reads its sources below the project's folder only: no release there
            # would be a page
            check.problem("pressroom_releases", f"{releases!r} is outside the project's "
                          f"folder ({root}), where Sphinx reads nothing; the default "
                          "'corpus/releases' is used")
            releases = "corpus/releases"
        return cls(
            root=root,
            releases_dir=root / releases,
            registry_dir=root / check.path("pressroom_registry", "corpus/entities"),
            entity_types=types,
            publishers=publishers,
            problems=check.problems,
            suppress_warnings=warning_types(values.get("suppress_warnings")),
        )


def warning_types(value: Any) -> frozenset[str]:
    """``suppress_warnings`` as a set of strings (Sphinx reports a value of another
    shape; the commands read none from it)."""
    if not isinstance(value, (list, tuple, set, frozenset)):
        return frozenset()
    return frozenset(w for w in value if isinstance(w, str))


def is_suppressed(subtype: str, suppress_warnings: frozenset[str] | set[str]) -> bool:
    """Is Pressroom's warning *subtype* suppressed by these ``suppress_warnings``? As
    Sphinx reads them: ``pressroom``, ``pressroom.*`` or ``pressroom.<subtype>``."""
    return bool(suppress_warnings) and bool(
        {"pressroom", "pressroom.*", f"pressroom.{subtype}"} & set(suppress_warnings))


def inside(folder: str | os.PathLike, path: str | os.PathLike) -> bool:
    """Is *path* *folder* or below it, once links are followed?"""
    folder, path = os.path.realpath(folder), os.path.realpath(path)
    try:
        return os.path.commonpath([folder, path]) == folder
    except ValueError:  # another drive (Windows)
        return False


class _Values:
    """Reads ``pressroom_*`` values, noting each malformed one as a problem."""

    def __init__(self, values: dict[str, Any], source: Path | None) -> None:
        self.values = values
        self.source = source
        self.problems: list[Problem] = []
        self._lines: dict[str, int] | None = None

    def problem(self, name: str, message: str) -> None:
        self.problems.append(Problem(str(self.source or "conf.py"), self.line_of(name),
                                     "warning", "config", f"{name}: {message}"))

    def line_of(self, name: str) -> int | None:
        """The line of ``conf.py`` where *name* is assigned (the last time)."""
        if self.source is None:
            return None
        if self._lines is None:
            self._lines = assignment_lines(self.source)
        return self._lines.get(name)

    def mapping(self, name: str) -> dict[Any, Any]:
        value = self.values.get(name)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(name, f"a dict is expected, not {type(value).__name__}; ignored")
            return {}
        return value

    def spec(self, name: str, key: Any, spec: Any, texts: tuple[str, ...],
             lists: tuple[str, ...] = ()) -> dict[str, Any] | None:
        """*spec* (the value for *key*) with its text fields and lists of text checked."""
        if not isinstance(key, str) or not key.strip():
            self.problem(name, f"the key {key!r} is not a name; ignored")
            return None
        if spec is None:
            return {}
        if not isinstance(spec, dict):
            self.problem(name, f"{key!r}: a mapping is expected, not {type(spec).__name__}; "
                         "the defaults are used")
            return {}
        out: dict[str, Any] = {}
        for field_name, value in spec.items():
            if field_name == "url" and value is not None and not is_web_address(value):
                self.problem(name, f"{key!r}: url {value!r} is not a web address (http:// or "
                             "https://); ignored")
            elif field_name in texts:
                if isinstance(value, str):
                    out[field_name] = value
                elif value is not None:
                    self.problem(name, f"{key!r}: {field_name} must be text; ignored")
            elif field_name in lists:
                items = [value] if isinstance(value, str) else value
                if isinstance(items, (list, tuple)) and all(isinstance(v, str) for v in items):
                    out[field_name] = list(items)
                elif value is not None:
                    self.problem(name, f"{key!r}: {field_name} must be a list of text; ignored")
            else:
                known = ", ".join((*texts, *lists))
                self.problem(name, f"{key!r}: unknown field {field_name!r} (fields: {known}); "
                             "ignored")
        return out

    def path(self, name: str, default: str) -> str:
        value = self.values.get(name)
        if value is None:
            return default
        if isinstance(value, os.PathLike):
            value = os.fspath(value)
        if not isinstance(value, str) or not value.strip():
            self.problem(name, f"a folder path (text) is expected, not {value!r}; "
                         f"the default {default!r} is used")
            return default
        return value


def assignment_lines(conf: Path) -> dict[str, int]:
    """Top-level names assigned in the Python file *conf*, with the line of the last
    assignment (empty when the file cannot be read or parsed)."""
    try:
        tree = ast.parse(conf.read_bytes(), str(conf))
    except (OSError, SyntaxError, ValueError):
        return {}
    lines: dict[str, int] = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
        for target in targets:
            if isinstance(target, ast.Name):
                lines[target.id] = node.lineno
    return lines


def find_root(start: Path | None = None) -> Path | None:
    """The nearest folder at or above *start* holding a ``conf.py``."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "conf.py").is_file():
            return folder
    return None


def load_project(root: Path | None = None) -> ProjectConfig:
    """Read ``conf.py`` at *root* (or the nearest one above the working folder).

    Without a ``conf.py`` the defaults apply, with the working folder as root.
    """
    root = Path(root) if root else find_root()
    if root is None:
        return replace(ProjectConfig.from_values(Path.cwd(), {}), has_conf=False)
    conf = root / "conf.py"
    if not conf.is_file():
        return replace(ProjectConfig.from_values(root, {}), has_conf=False)
    try:
        namespace = runpy.run_path(str(conf), run_name="pressroom_conf")
    except (Exception, SystemExit) as exc:  # user code: a message, never a traceback
        line = getattr(exc, "lineno", None) if isinstance(exc, SyntaxError) else None
        tb = exc.__traceback__
        here = conf.resolve()
        while tb is not None:  # the line of conf.py the error came from
            if Path(tb.tb_frame.f_code.co_filename).resolve() == here:
                line = tb.tb_lineno
            tb = tb.tb_next
        what = (f"it calls sys.exit({exc.code!r})" if isinstance(exc, SystemExit)
                else f"{type(exc).__name__}: {exc}")
        raise PressroomError(
            Problem(str(conf), line, "error", "config", f"cannot read conf.py: {what}")
        ) from None
    return ProjectConfig.from_values(root, namespace, source=conf)
