"""Shared fixtures: where the project and the shared evaluation data are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# every build in the tests checks that a collected page whose key (the digest of its
# model's inputs) did not change has an unchanged model too, and takes the keys a rebuild
# would skip (pressroom.sphinxext.entrypages); ``PRESSROOM_VERIFY_KEYS=`` (empty) runs the
# suite without the check, as users' builds run
os.environ.setdefault("PRESSROOM_VERIFY_KEYS", "1")

pytest_plugins = ["sphinx.testing.fixtures"]

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
DATA = SHARED / "data"
SEED = SHARED / "seed" / "000_d06064d23047d2d5.txt"
GUM = DATA / "gum-news-train"
SEED_IN_CORPUS = (
    PROJECT / "corpus" / "releases" / "human-rights-first" / "2011"
    / "2011-04-27-upcoming-dialogue-not-enough.txt"
)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Sphinx test roots live in tests/roots/test-<name>/."""
    return Path(__file__).resolve().parent / "roots"


@pytest.fixture(scope="session")
def pressroom_site(tmp_path_factory):
    """The ``pressroom`` test root, built once into a private copy; tests only read it."""
    from sphinx_support import copy_root, make

    src = copy_root("pressroom", tmp_path_factory.mktemp("pressroom-site"))
    app = make(src)
    app.build()
    app.cleanup()  # other tests build their own apps in this process; the output stays
    return app
