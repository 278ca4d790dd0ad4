"""Pressroom: turn an archive of press releases into a cross-referenced Sphinx site.

The package has a pure core with no Sphinx in it:

- :mod:`pressroom.source` parses a release file into a :class:`~pressroom.source.Release`;
- :mod:`pressroom.registry` loads and validates the entity registry;
- :mod:`pressroom.linker` finds mentions of registry entities in text;
- :mod:`pressroom.problems` is the one list of problems the tool reports.

The Sphinx layer lives in :mod:`pressroom.sphinxext`; ``extensions = ["pressroom"]``
in a ``conf.py`` loads it through :func:`setup` below.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def setup(app: Any) -> dict[str, Any]:
    """Sphinx entry point: delegates to :func:`pressroom.sphinxext.setup`."""
    from pressroom.sphinxext import setup as _setup

    return _setup(app)
