"""The warning catalogue: every subtype the code emits is listed and documented."""

from __future__ import annotations

import re

import pytest

from conftest import PROJECT
from pressroom.problems import REPORTED_BY, SUBTYPES, Problem

SOURCES = sorted(p for p in (PROJECT / "extensions" / "pressroom").rglob("*.py") if p.name != "problems.py")
# Problem(file, line, "severity", "subtype", ...) and subtype="..." keyword uses
USES = [
    re.compile(r"""["'](?:error|warning|info)["'],\s*["']([a-z_]+)["'],"""),
    re.compile(r"""subtype\s*=\s*["']([a-z_]+)["']"""),
]


def used_subtypes() -> set[str]:
    found = set()
    for path in SOURCES:
        text = path.read_text("utf-8")
        for regex in USES:
            found.update(regex.findall(text))
    return found


def test_every_used_subtype_is_catalogued():
    used = used_subtypes()
    assert used, "the scan found no subtype uses: the regexes are out of date"
    assert used - set(SUBTYPES) == set()


def test_the_tools_said_to_report_a_subtype_alone_are_those_whose_code_uses_it():
    """The catalogue says which subtypes only ``pressroom check`` (lint.py), only
    ``pressroom add`` (intake.py) or only the build (the Sphinx layer) reports: every
    other one, both the build and the check (it said so of all)."""
    alone = {"lint.py": "pressroom check", "intake.py": "pressroom add",
             "sphinxext": "the build"}
    by_subtype: dict[str, set[str]] = {}
    for path in SOURCES:
        text = path.read_text("utf-8")
        part = path.relative_to(PROJECT / "extensions" / "pressroom").parts[0]
        for subtype in SUBTYPES:  # written as a string: a Problem's, a warning's, a pair's
            if re.search(rf"""["']{subtype}["']""", text):
                by_subtype.setdefault(subtype, set()).add(part)
    derived = {subtype: alone[parts.pop()] for subtype, parts in by_subtype.items()
               if len(parts) == 1 and next(iter(parts)) in alone}
    assert derived == REPORTED_BY


def test_every_subtype_is_described():
    for name, text in SUBTYPES.items():
        assert re.fullmatch(r"[a-z_]+", name)
        assert len(text) > 20 and text.rstrip().endswith(".")


def test_unknown_subtype_is_a_programming_error():
    with pytest.raises(ValueError):
        Problem("f", 1, "error", "no_such_subtype", "x")


def test_format():
    p = Problem("corpus/entities/people.yaml", 12, "warning", "registry_alias", "bad alias")
    assert p.format() == "corpus/entities/people.yaml:12: warning: bad alias [pressroom.registry_alias]"
    assert Problem("f.txt", None, "error", "release_empty", "empty").format() == (
        "f.txt: error: empty [pressroom.release_empty]")
