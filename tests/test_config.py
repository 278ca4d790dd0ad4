"""``conf.py``'s ``pressroom_*`` values: read without Sphinx, each malformed one a warning
at its line with its default used, by ``pressroom check``, the other commands and the build."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

from cli_helpers import make_project, run_cli, write
from hostile_cases import write_cases
from pressroom.config import ProjectConfig, load_project
from sphinx_support import copy_root, make, warnings_of

MALFORMED = """\
project = "test"
pressroom_publishers = {
    "acme-rights": "Acme Rights",
    "wire": {"name": "Wire", "footer_markers": 3, "colour": "red", "url": "javascript:x()"},
}
pressroom_entity_types = {"award": {"plural": "Awards"}, "Big Type": {}, "person": {"label": "Human"}}
pressroom_registry = 5
"""


def test_malformed_values_are_warnings_at_their_lines_and_defaults_are_used(tmp_path):
    write(tmp_path / "conf.py", MALFORMED)
    project = load_project(tmp_path)
    found = sorted((p.line, p.severity, p.subtype, p.message) for p in project.problems)
    assert [(line, sev, sub) for line, sev, sub, _ in found] == [
        (2, "warning", "config")] * 4 + [(6, "warning", "config"), (7, "warning", "config")]
    text = "\n".join(m for *_, m in found)
    assert "'Acme Rights' is taken as its name" in text
    assert "'wire': footer_markers must be a list of text; ignored" in text
    assert "'wire': unknown field 'colour'" in text
    assert "'wire': url 'javascript:x()' is not a web address" in text
    assert "'Big Type' cannot name a type" in text
    assert "pressroom_registry: a folder path (text) is expected, not 5" in text
    # what was well formed is kept; the rest falls back to its default
    assert project.publishers["acme-rights"].name == "Acme Rights"
    assert project.publishers["wire"].name == "Wire"
    assert project.publishers["wire"].footer_markers == ()
    assert project.publishers["wire"].url is None
    assert project.registry_dir == tmp_path / "corpus/entities"
    assert "Big Type" not in project.entity_types
    assert project.entity_types["award"] == {"label": "Award", "plural": "Awards",
                                             "schema": "Thing"}
    # redeclaring a built-in type changes what is given, keeps the rest
    assert project.entity_types["person"] == {"label": "Human", "plural": "People",
                                              "schema": "Person"}


def test_well_formed_values_give_no_problem(tmp_path):
    conf = tmp_path / "conf.py"
    write(conf, """\
        pressroom_publishers = {"a": {"name": "A", "url": "https://a.example",
                                      "footer_markers": "About A", "aliases": ["A Inc.", " "]}}
        pressroom_entity_types = {"award": None}
        """)
    project = load_project(tmp_path)
    assert project.problems == []
    assert project.publishers["a"].footer_markers == ("About A",)
    assert project.publishers["a"].aliases == ("A Inc.",)
    assert project.publishers["a"].known_as("a  inc.") and not project.publishers["a"].known_as("")
    assert ProjectConfig.from_values(tmp_path, {"pressroom_publishers": ["a"]}).problems[0].line \
        is None  # no conf.py given: no line


def test_check_and_other_commands_report_them(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    conf = tmp_path / "conf.py"
    conf.write_text(conf.read_text("utf-8") + "pressroom_releases = ['corpus/releases']\n", "utf-8")
    line = len(conf.read_text("utf-8").splitlines())
    code, out, _err = run_cli(capsys, monkeypatch, tmp_path, "check", "--quiet")
    assert code == 0
    assert f"conf.py:{line}: warning: pressroom_releases: a folder path (text) is expected" in out
    assert "[pressroom.config]" in out
    # annotate still annotates, and says what it did not understand
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "annotate", "--format", "text",
                             "corpus/releases/acme-rights/2011/2011-05-03-arrest.txt")
    assert code == 0 and "[Jane Roe](jane-roe)" in out
    assert err.count("[pressroom.config]") == 1


@pytest.mark.parametrize(("code_line", "message"), [
    ("import sys; sys.exit(3)", "it calls sys.exit(3)"),
    ("x = 1 / 0", "ZeroDivisionError: division by zero"),
])
def test_a_conf_py_that_fails_is_reported_at_its_line(tmp_path, capsys, monkeypatch,
                                                      code_line, message):
    """A conf.py calling sys.exit(3) made every command exit 3 without a word; an error
    raised in it is named with its line."""
    make_project(tmp_path)
    conf = tmp_path / "conf.py"
    conf.write_text(conf.read_text("utf-8") + code_line + "\n", "utf-8")
    line = len(conf.read_text("utf-8").splitlines())
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "stats")
    assert code == 1
    assert f"conf.py:{line}: error: cannot read conf.py: {message}" in out + err


def test_build_warns_at_conf_lines_and_uses_defaults(tmp_path):
    src = copy_root("hostile", tmp_path)
    write_cases(src, ["crlf"])
    conf = src / "conf.py"
    conf.write_text(conf.read_text("utf-8") + textwrap.dedent("""\
        pressroom_glossary_max = "many"
        pressroom_timeline_max = 0
        pressroom_feed_entries = -1
        pressroom_entries_dir = "../elsewhere"
        pressroom_publishers = {"wire": "Wire Service"}
        pressroom_entity_types = ["award"]
        from pathlib import Path
        pressroom_registry = Path("corpus") / "entities"  # a path is welcome
        """), "utf-8")
    lines = {name: n for n, text in enumerate(conf.read_text("utf-8").splitlines(), 1)
             for name in ("pressroom_glossary_max", "pressroom_timeline_max",
                          "pressroom_feed_entries", "pressroom_entries_dir",
                          "pressroom_publishers", "pressroom_entity_types")
             if text.startswith(name)}
    app = make(src, confoverrides={"exclude_patterns": ["_build", "docs/broken*"]})
    app.build()
    app.cleanup()
    assert app.statuscode == 0
    warnings = warnings_of(app)
    for name, words in (("pressroom_glossary_max", "the default 200 is used"),
                        ("pressroom_timeline_max", "the default 500 is used"),
                        ("pressroom_feed_entries", "the default 50 is used"),
                        ("pressroom_entries_dir", "the default 'entries' is used"),
                        ("pressroom_publishers", "'Wire Service' is taken as its name"),
                        ("pressroom_entity_types", "a dict is expected, not list; ignored")):
        assert any(w.startswith(f"{conf}:{lines[name]}: WARNING: {name}: ") and words in w
                   and w.endswith("[pressroom.config]") for w in warnings), (name, warnings)
    assert len(warnings) == 6, warnings  # Sphinx's own type check has nothing left to say
    assert app.config.pressroom_glossary_max == 200
    assert (app.outdir / "entries" / "index.html").is_file()


@pytest.mark.parametrize("releases", ["/etc", "../outside"])
def test_a_releases_folder_outside_the_project_is_a_warning(tmp_path, releases):
    """Sphinx reads nothing outside the project's folder: ``/etc`` stopped the build with a
    traceback, ``../outside`` built no release page without a word."""
    write(tmp_path / "conf.py", f"pressroom_releases = {releases!r}\n")
    project = load_project(tmp_path)
    (p,) = project.problems
    assert (p.line, p.subtype) == (1, "config") and "outside the project" in p.message
    assert project.releases_dir == tmp_path / "corpus/releases"


def test_the_build_says_a_named_folder_is_missing_or_an_empty_registry(tmp_path):
    """As ``pressroom check`` says: a releases or registry folder ``conf.py`` names that
    does not exist, a registry folder holding no registry file; and a releases folder
    outside the project is no traceback."""
    src = copy_root("hostile", tmp_path)
    conf = src / "conf.py"
    conf.write_text(conf.read_text("utf-8") + 'pressroom_releases = "/etc"\n'
                    'pressroom_registry = "corpus/no-such-folder"\n', "utf-8")
    app = make(src, confoverrides={"exclude_patterns": ["_build", "docs/broken*"]})
    app.build()
    app.cleanup()
    warnings = [w for w in warnings_of(app) if "[pressroom.config]" in w]
    assert any("pressroom_releases: '/etc' is outside the project" in w for w in warnings)
    assert any("pressroom_registry: the folder" in w and "does not exist" in w
               for w in warnings), warnings
    # an empty registry folder
    (src / "corpus/empty").mkdir()
    conf.write_text(conf.read_text("utf-8").replace("corpus/no-such-folder", "corpus/empty"),
                    "utf-8")
    app = make(src, confoverrides={"exclude_patterns": ["_build", "docs/broken*"]})
    app.build()
    app.cleanup()
    assert any("holds no registry file" in w for w in warnings_of(app)), warnings_of(app)


def test_a_folder_of_other_pages_where_generated_pages_go_is_left_and_said(tmp_path):
    """Pressroom never writes into a folder of pages it did not write: the warning is at the
    folder's path and names the setting to change (it said ``entries/`` whatever the
    setting, at no location)."""
    src = copy_root("pressroom", tmp_path)
    (src / "entries").mkdir()
    mine = src / "entries" / "notes.rst"
    mine.write_text(":orphan:\n\nNotes\n=====\n\nMine.\n", encoding="utf-8")
    app = make(src)
    app.build()
    app.cleanup()
    said = [w for w in warnings_of(app) if "did not write" in w]
    assert len(said) == 1, warnings_of(app)
    assert said[0].startswith(f"{src / 'entries'}: WARNING: this folder holds pages Pressroom "
                              "did not write"), said
    assert "pressroom_entries_dir = 'entries'" in said[0] and said[0].endswith(
        "[pressroom.config]")
    assert sorted(p.name for p in (src / "entries").iterdir()) == ["notes.rst"]


def test_every_value_is_documented_with_its_type_and_default(tmp_path):
    """docs/configuration.md has a ``confval`` for every ``pressroom_*`` value the extension
    registers, with the default and type it registers."""
    app = make(copy_root("pressroom", tmp_path))
    registered = {name: opt for name, opt in app.config.values.items()
                  if name.startswith("pressroom_")}
    app.cleanup()
    page = (Path(__file__).parents[1] / "docs/configuration.md").read_text(encoding="utf-8")
    documented = {m["name"]: (m["type"], m["default"]) for m in re.finditer(
        r"```\{confval\} (?P<name>\S+)\n(?::no-index-entry:\n)?:type: `(?P<type>[^`]+)`\n"
        r":default: `(?P<default>[^`]+)`",
        page)}
    assert len(registered) >= 9 and set(documented) == set(registered)
    for name, opt in registered.items():
        types = type(opt.default).__name__  # (Pressroom checks the corpus values' types)
        assert opt.valid_types in (frozenset({type(opt.default)}), frozenset({Any})), name
        assert documented[name] == (types, repr(opt.default).replace("'", '"')), name


@pytest.mark.parametrize("source_suffix", ["txt", "", [".rst", ".txt", "xt"],
                                           {".rst": "restructuredtext", ".md": "markdown"}])
def test_the_releases_folder_leaves_out_other_sources_never_the_releases(tmp_path, source_suffix):
    """Files of Sphinx's other source suffixes below the releases folder are left out of
    the sources (a note, ``notes.md``, is no page); a suffix a release's name ends with
    (``txt``, or an empty one) had made a pattern that left out every release."""
    from types import SimpleNamespace

    from sphinx.util.matching import Matcher

    from pressroom.sphinxext import _exclude_unread

    (tmp_path / "corpus/releases").mkdir(parents=True)
    app = SimpleNamespace(srcdir=tmp_path, registry=SimpleNamespace(source_suffix={".md": "md"}))
    config = SimpleNamespace(source_suffix=source_suffix, exclude_patterns=["_build"])
    _exclude_unread(app, config, tmp_path / "corpus/releases")
    excluded = Matcher(config.exclude_patterns)
    assert not excluded("corpus/releases/hrf/2011/2011-05-02-a.txt")
    assert excluded("corpus/releases/hrf/2011/notes.md")


def test_every_directive_and_role_is_documented(tmp_path):
    """docs/registry.md names every directive and role the extension registers (the
    ``pressroom`` domain's, the type roles aside, and its own); ``pressroom:warnings``,
    which the warnings page is made of, was named nowhere."""
    from pressroom.sphinxext import _LATE_DIRECTIVES

    app = make(copy_root("pressroom", tmp_path))
    domain = app.env.domains["pressroom"]
    roles = {"entity", *(r for r in domain.roles if r not in domain.object_types)}
    app.cleanup()
    page = (Path(__file__).parents[1] / "docs/registry.md").read_text(encoding="utf-8")
    for name in _LATE_DIRECTIVES:
        assert f"`pressroom:{name}`" in page, name
    assert "{release}" in page and ".. release::" in page
    for role in roles:
        assert f"`` :pressroom:{role}:`" in page or f"{{pressroom:{role}}}" in page \
            or f"`{role}`" in page, role
    assert "{entity}`" in page and "{pressroom-export}`" in page
