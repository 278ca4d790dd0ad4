"""The project's Pressroom settings, read from ``conf.py`` without building anything.

Both the command line and the Sphinx extension use :class:`ProjectConfig`, so a
type declared in ``conf.py`` or a publisher's footer marker means the same
thing to ``pressroom check`` as to ``sphinx-build``. Values are plain data (no
functions), as Sphinx wants config values to be, so that changing them is seen
by the environment's config check and nothing rebuilds needlessly.
"""

from __future__ import annotations

import runpy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressroom.problems import PressroomError, Problem

#: The entity types every project has; ``pressroom_entity_types`` adds more.
DEFAULT_TYPES: dict[str, dict[str, str]] = {
    "person": {"label": "Person", "plural": "People", "schema": "Person"},
    "organization": {"label": "Organization", "plural": "Organizations", "schema": "Organization"},
    "event": {"label": "Event", "plural": "Events", "schema": "Event"},
    "place": {"label": "Place", "plural": "Places", "schema": "Place"},
}


@dataclass(frozen=True)
class Publisher:
    """A publisher, keyed by the folder under the releases folder that holds its releases."""

    key: str
    name: str
    url: str | None = None
    #: Lines that start the publisher's boilerplate footer (``Seeking asylum?``).
    footer_markers: tuple[str, ...] = ()


@dataclass
class ProjectConfig:
    """Where the corpus lives and what the project declares about it."""

    root: Path
    releases_dir: Path
    registry_dir: Path
    entity_types: dict[str, dict[str, str]] = field(default_factory=lambda: dict(DEFAULT_TYPES))
    publishers: dict[str, Publisher] = field(default_factory=dict)

    @property
    def type_names(self) -> tuple[str, ...]:
        return tuple(self.entity_types)

    def release_parts(self, path: Path) -> tuple[str, ...] | None:
        """*path*'s parts below the releases folder (``None``: it is not below it)."""
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
        key = parts[0]
        return self.publishers.get(key) or Publisher(key=key, name=key.replace("-", " ").title())

    @classmethod
    def from_values(cls, root: Path, values: dict[str, Any]) -> ProjectConfig:
        """Build from ``pressroom_*`` values (a ``conf.py`` namespace or Sphinx's config)."""
        root = Path(root)
        types = dict(DEFAULT_TYPES)
        for name, spec in (values.get("pressroom_entity_types") or {}).items():
            spec = dict(spec or {})
            label = spec.get("label", name.replace("-", " ").title())
            types[name] = {
                "label": label,
                "plural": spec.get("plural", label + "s"),
                "schema": spec.get("schema", "Thing"),
            }
        publishers = {}
        for key, spec in (values.get("pressroom_publishers") or {}).items():
            spec = dict(spec or {})
            publishers[key] = Publisher(
                key=key,
                name=spec.get("name", key.replace("-", " ").title()),
                url=spec.get("url"),
                footer_markers=tuple(spec.get("footer_markers", ())),
            )
        return cls(
            root=root,
            releases_dir=root / values.get("pressroom_releases", "corpus/releases"),
            registry_dir=root / values.get("pressroom_registry", "corpus/entities"),
            entity_types=types,
            publishers=publishers,
        )


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
        return ProjectConfig.from_values(Path.cwd(), {})
    conf = root / "conf.py"
    if not conf.is_file():
        return ProjectConfig.from_values(root, {})
    try:
        namespace = runpy.run_path(str(conf), run_name="pressroom_conf")
    except Exception as exc:  # any error in user code must become a message, not a traceback
        raise PressroomError(
            Problem(str(conf), getattr(exc, "lineno", None), "error", "config",
                    f"cannot read conf.py: {type(exc).__name__}: {exc}")
        ) from None
    return ProjectConfig.from_values(root, namespace)
