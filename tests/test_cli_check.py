"""``pressroom check``: validation, corpus-aware registry checks, exit codes."""

from __future__ import annotations

import contextlib
import importlib
import re

import pytest

from cli_helpers import REGISTRY, RELEASE_A, RELEASE_B, make_project, run_cli, write
from pressroom.lint import likely_duplicates, name_key
from pressroom.registry import check_entities

FORMAT = re.compile(r"^\S+?(:\d+)?: (error|warning|info): .+ \[pressroom\.[a-z_]+\]$")


def test_clean_project_exits_0_and_lists_notes(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "check")
    assert code == 0, out + err
    lines = out.splitlines()
    assert all(FORMAT.match(line) for line in lines), lines
    assert "checked 2 releases and 6 registry entries" in err
    # an entry that no release mentions, at its line in the registry file
    assert any(line.startswith("corpus/entities/entities.yaml:19: info: atlantis")
               and line.endswith("[pressroom.entity_unmentioned]") for line in lines), lines
    # an alias no release writes, at the line where the alias is written
    assert any(line.startswith("corpus/entities/entities.yaml:5: info: jane-roe: alias 'Janie Roe'")
               for line in lines), lines
    # used names are not reported
    assert "john-doe" not in out and "freedonia-police" not in out


def test_quiet_leaves_out_notes(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    code, out, _ = run_cli(capsys, monkeypatch, tmp_path, "check", "--quiet")
    assert code == 0
    assert ": info: " not in out


def test_bad_yaml_is_an_error_with_file_and_line(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    write(tmp_path / "corpus" / "entities" / "broken.yaml", "- id: x\n  name: [unclosed\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "check")
    assert code == 1
    assert re.search(r"^corpus/entities/broken\.yaml:\d+: error: invalid YAML.*"
                     r"\[pressroom\.registry_syntax\]$", out, re.M), out
    assert "Traceback" not in out + err


def test_duplicate_release_text_is_an_error_naming_the_other_file(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    original = tmp_path / "corpus/releases/acme-rights/2011/2011-05-03-arrest.txt"
    copy = tmp_path / "corpus/releases/acme-rights/2011/copy-of-arrest.txt"
    # same text with Windows line endings is still the same text
    copy.write_bytes(original.read_bytes().replace(b"\n", b"\r\n"))
    code, out, _ = run_cli(capsys, monkeypatch, tmp_path, "check")
    assert code == 1
    dup = [line for line in out.splitlines() if "release_duplicate" in line]
    assert len(dup) == 1
    assert "same text as" in dup[0] and "arrest.txt" in dup[0]


def test_another_file_a_message_names_is_named_as_the_file_is(tmp_path, capsys, monkeypatch):
    """An id defined twice, or twice but for case, names the first entry's file: relative to
    the working folder, as the file each line starts with (it was the absolute path)."""
    make_project(tmp_path)
    write(tmp_path / "corpus/entities/more.yaml",
          "- id: jane-roe\n  type: person\n  name: Jane Rowe\n"
          "- id: John-Doe\n  type: person\n  name: Jon Doe\n")
    code, out, _ = run_cli(capsys, monkeypatch, tmp_path, "check")
    assert code == 1
    ids = [line for line in out.splitlines() if "registry_id" in line]
    assert len(ids) == 2, out
    assert ids[0].startswith("corpus/entities/more.yaml:1: error: duplicate id 'jane-roe' "
                             "(first defined at corpus/entities/entities.yaml:1)"), ids
    assert ids[1].startswith("corpus/entities/more.yaml:4: warning: id 'John-Doe' differs "
                             "from 'john-doe' (at corpus/entities/entities.yaml:7)"), ids
    assert str(tmp_path) not in out


def test_release_without_date_is_an_error(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    write(tmp_path / "corpus/releases/acme-rights/undated.txt", "A title\n\nBody text here.\n")
    code, out, _ = run_cli(capsys, monkeypatch, tmp_path, "check")
    assert code == 1
    assert re.search(r"undated\.txt: error: no publication date.*\[pressroom\.release_date\]", out)


def test_unknown_type_and_dangling_relation_are_errors(tmp_path, capsys, monkeypatch):
    make_project(tmp_path, registry=REGISTRY + (
        "- id: nobel\n  type: award\n  name: Nobel Prize\n"
        "- id: bob\n  type: person\n  name: Bob Smith\n  relations:\n    works-for: nobody\n"))
    code, out, _ = run_cli(capsys, monkeypatch, tmp_path, "check")
    assert code == 1
    assert "entities.yaml:23: error: nobel: unknown type 'award'" in out
    assert "bob: works-for names 'nobody'" in out


def test_declared_type_is_accepted(tmp_path, capsys, monkeypatch):
    make_project(tmp_path, registry=REGISTRY + "- id: nobel\n  type: award\n  name: Nobel Prize\n")
    with open(tmp_path / "conf.py", "a") as conf:
        conf.write('pressroom_entity_types = {"award": {"label": "Award"}}\n')
    code, out, _ = run_cli(capsys, monkeypatch, tmp_path, "check")
    assert code == 0, out
    assert "unknown type" not in out


def test_empty_releases_are_empty_not_duplicates(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    folder = tmp_path / "corpus/releases/acme-rights/2011"
    (folder / "empty-one.txt").write_bytes(b"")
    (folder / "empty-two.txt").write_bytes(b"  \n")
    code, out, _ = run_cli(capsys, monkeypatch, tmp_path, "check")
    assert code == 1
    assert "release_duplicate" not in out
    assert len([line for line in out.splitlines() if "release_empty" in line]) == 2


def test_likely_duplicate_entries_are_reported_with_a_fix(tmp_path, capsys, monkeypatch):
    make_project(tmp_path, registry=REGISTRY + (
        "- id: jane-roe-2\n  type: person\n  name: Jane  Roé\n"
        "- id: j-roe\n  type: person\n  name: J. Roe\n"))
    code, out, _ = run_cli(capsys, monkeypatch, tmp_path, "check")
    dups = [line for line in out.splitlines() if "entity_duplicate" in line]
    assert code == 0  # warnings only
    assert len(dups) == 3, dups  # each pair once: roe/roe-2, roe/j-roe, roe-2/j-roe
    assert all(": warning: " in d and "keep one entry" in d for d in dups)
    assert any(d.startswith("corpus/entities/entities.yaml:22:") and "jane-roe-2 may be the same "
               "as jane-roe (corpus/entities/entities.yaml:1)" in d for d in dups), dups


def test_strict_fails_on_warnings(tmp_path, capsys, monkeypatch):
    make_project(tmp_path, registry=REGISTRY + "- id: roe2\n  type: person\n  name: Jane Roe\n")
    code, out, _ = run_cli(capsys, monkeypatch, tmp_path, "check")
    assert code == 0
    code, out, _ = run_cli(capsys, monkeypatch, tmp_path, "check", "--strict")
    assert code == 1


def test_ambiguous_short_form_is_reported_in_the_release(tmp_path, capsys, monkeypatch):
    registry = REGISTRY + "- id: richard-roe\n  type: person\n  name: Richard Roe\n"
    release = ("Two Roes Arrested\nTuesday, May 3, 2011\n\n"
               "Geneva – Police arrested Jane Roe and Richard Roe in Freedonia.\n"
               "Later, Roe was released.\n")
    make_project(tmp_path, registry=registry,
                 releases={"acme-rights/2011/2011-05-03-roes.txt": release})
    code, out, _ = run_cli(capsys, monkeypatch, tmp_path, "check")
    amb = [line for line in out.splitlines() if "[pressroom.ambiguous]" in line]
    assert amb, out
    where = "corpus/releases/acme-rights/2011/2011-05-03-roes.txt:5"
    assert amb[0].startswith(f"{where}: warning: 'Roe'")
    assert "jane-roe" in amb[0] and "richard-roe" in amb[0]
    # what to do about it, for two candidates as for one (it was left out for two)
    assert "write the full name earlier in the release" in amb[0]


def test_path_limits_the_releases_and_root_option(tmp_path, capsys, monkeypatch):
    make_project(tmp_path / "proj")
    write(tmp_path / "proj/corpus/releases/acme-rights/bad.txt", "")
    one = tmp_path / "proj/corpus/releases/acme-rights/2011/2011-05-03-arrest.txt"
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "check", "--root", "proj", str(one))
    assert code == 0, out
    assert "checked 1 release and" in err
    assert "bad.txt" not in out
    # a folder holding conf.py is the project root
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "check", "proj")
    assert code == 1 and "bad.txt" in out and "release_empty" in out


@pytest.mark.parametrize("argv", [
    ("check", "no/such/path"),
    ("check", "--root", "no-such-root"),
    ("check", "--registry", "missing.yaml"),
    ("check", "--no-such-option"),
])
def test_bad_command_line_exits_2_without_traceback(tmp_path, capsys, monkeypatch, argv):
    make_project(tmp_path)
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, *argv)
    assert code == 2
    assert "Traceback" not in out + err


def test_broken_conf_py_is_reported_not_raised(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    write(tmp_path / "conf.py", "pressroom_publishers = {\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "check")
    assert code == 1
    assert "conf.py" in err and "[pressroom.config]" in err


def test_help_has_examples_and_exit_codes(capsys, monkeypatch, tmp_path):
    code, out, _ = run_cli(capsys, monkeypatch, tmp_path, "check", "--help")
    assert code == 0
    assert "examples:" in out and "exit codes:" in out


def test_name_key_and_duplicate_rules():
    assert name_key("The U.S. Department of State") == name_key("US department of state")
    registry, _ = check_entities([
        ({"id": "a", "type": "person", "name": "Liu Xiaobo"}, "f", 1),
        ({"id": "b", "type": "person", "name": "Xiaobo Liu"}, "f", 2),
        ({"id": "c", "type": "event", "name": "2010 Human Rights Dialogue"}, "f", 3),
        ({"id": "d", "type": "event", "name": "2011 Human Rights Dialogue"}, "f", 4),
        ({"id": "e", "type": "organization", "name": "Human Rights Watch"}, "f", 5),
        ({"id": "f", "type": "organization", "name": "HRW"}, "f", 6),
        ({"id": "g", "type": "organization", "name": "Human Rights First"}, "f", 7),
        ({"id": "h", "type": "person", "name": "Liu Xia"}, "f", 8),
    ])
    pairs = {(d.first.id, d.second.id) for d in likely_duplicates(registry)}
    assert pairs == {("a", "b"), ("e", "f")}


def test_real_project_check_runs(capsys, monkeypatch):
    from conftest import PROJECT

    code, out, err = run_cli(capsys, monkeypatch, PROJECT, "check")
    assert code in (0, 1)
    assert "Traceback" not in out + err
    assert "checked " in err


def test_files_no_command_reads_are_named_and_misfiled_releases_warned(tmp_path, capsys,
                                                                          monkeypatch):
    """Nothing in the releases folder is passed over without a word: a ``.TXT`` ending,
    another kind of file and a release outside every publisher's folder are warnings;
    a release whose name does not start with its date is filed elsewhere by the archive."""
    make_project(tmp_path, releases={
        "acme-rights/2011/2011-05-03-arrest.txt": RELEASE_A,
        "acme-rights/2011/free.txt": RELEASE_B,  # dated 2011-06-01, filed under 2011
        "acme-rights/2011/loud.TXT": "Loud\n\nMay 4, 2011\n\nShouted.\n",
        "acme-rights/2011/notes.md": "# notes\n",
        "acme-rights/2011/2011-05-03-arrest.html": "<p>the page the release came from</p>",
        "acme-rights/.git/config": "[core]\n",
        "stray.txt": "Stray\n\nMay 5, 2011\n\nNo publisher.\n",
        # named for its date, in another year's folder
        "acme-rights/2012/2011-07-01-moved.txt": "Moved\n\nJuly 1, 2011\n\nText.\n",
    })
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "check", "--quiet")
    assert code == 0, out + err  # warnings, no errors
    folder = "corpus/releases/acme-rights/2011"
    found = {(line.split(": ")[0], line.rsplit("[", 1)[1]) for line in out.splitlines()}
    assert found == {
        (f"{folder}/free.txt:2", "pressroom.release_place]"),
        (f"{folder}/loud.TXT", "pressroom.release_ignored]"),
        (f"{folder}/notes.md", "pressroom.release_ignored]"),
        ("corpus/releases/stray.txt", "pressroom.release_place]"),
        ("corpus/releases/acme-rights/2012/2011-07-01-moved.txt:3", "pressroom.release_place]"),
    }, out
    assert "rename it loud.txt" in out
    assert "dated 2011-06-01, but the archive files it under 2011" in out
    assert ("dated 2011-07-01 and filed under 2011, but it lies in the folder 2012; move it "
            "into its publisher's 2011 folder") in out
    assert "checked 4 releases" in err  # the three dated releases and the stray one


@pytest.mark.parametrize(("path", "out_of_place"), [
    ("corpus/releases", True),
    ("corpus/releases/acme-rights", False),
    ("corpus/releases/acme-rights/2011", False),
    ("elsewhere", False),  # outside the releases folder: no place in the archive to be out of
])
def test_a_folder_checked_is_placed_below_the_releases_folder(tmp_path, capsys, monkeypatch,
                                                              path, out_of_place):
    """``pressroom check corpus/releases/<publisher>/<year>``: its releases are in their
    publisher's folder (each was said to lie directly in the releases folder); a release
    that does lie there is still said to, whichever folder above it is checked."""
    make_project(tmp_path, releases={"acme-rights/2011/2011-05-03-arrest.txt": RELEASE_A,
                                     "stray.txt": "Stray\n\nMay 5, 2011\n\nNo publisher.\n"})
    write(tmp_path / "elsewhere/2011-06-01-free.txt", RELEASE_B)
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "check", "--quiet", path)
    assert code == 0, out + err
    assert ("release_place" in out) is out_of_place, out
    assert "arrest.txt" not in out and "free.txt" not in out


def test_symbolic_links_in_the_releases_folder_are_said(tmp_path, capsys, monkeypatch):
    """A release linking to a file outside the releases folder (published as a release), a
    link to nothing, and a link to a folder already read (a loop: its releases were read
    again under every path, some forty times) were passed over without a word."""
    import os

    make_project(tmp_path, releases={"acme-rights/2011/2011-05-03-arrest.txt": RELEASE_A})
    folder = tmp_path / "corpus/releases/acme-rights/2011"
    outside = write(tmp_path / "elsewhere" / "secret.txt", "Secret\n\nMay 6, 2011\n\nText.\n")
    os.symlink(outside, folder / "2011-05-06-linked.txt")
    os.symlink(tmp_path / "nowhere.txt", folder / "2011-05-07-dangling.txt")
    os.symlink("..", folder / "loop")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "check", "--quiet")
    links = sorted(line for line in out.splitlines() if "release_link" in line)
    assert len(links) == 3, out
    # each named as the link (the link to nothing was named as its target)
    assert "2011-05-06-linked.txt: warning: is a link to" in links[0] \
        and "outside the releases folder: that file is published" in links[0]
    assert "2011-05-07-dangling.txt: warning: is a link to nothing" in links[1]
    assert "2011/loop: warning: is a link to a folder already read" in links[2]
    assert "loop/2011" not in out + err  # the loop is not walked


def test_links_to_a_release_and_to_a_folder_outside_are_said_as_the_build_says_them(
        tmp_path, capsys, monkeypatch):
    """A release that links to another in the folder is read by Sphinx as a page of its own
    with the same text (the build reported the duplicate, check passed it over without a
    word); a folder that links outside the releases folder has its releases published (it
    was said of none, and its releases were said to be in no publisher's folder)."""
    import os

    from pressroom.config import load_project

    root = make_project(tmp_path, releases={"acme-rights/2011/2011-05-03-arrest.txt": RELEASE_A})
    folder = tmp_path / "corpus/releases/acme-rights"
    os.symlink(folder / "2011/2011-05-03-arrest.txt", folder / "2011/2011-05-04-again.txt")
    write(tmp_path / "elsewhere/2011-06-01-free.txt", RELEASE_B)
    os.symlink(tmp_path / "elsewhere", folder / "extra")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "check", "--quiet")
    assert "2011-05-04-again.txt: error: same text as" in out and "release_duplicate" in out
    assert "acme-rights/extra: warning: is a link to" in out and "outside the releases" in out
    assert "release_place" not in out, out
    assert "checked 2 releases" in err  # the link read too, and said to be the same text
    # a release in the linked folder is in its publisher's folder, where the link is
    project = load_project(root)
    assert project.release_parts(folder / "extra/2011-06-01-free.txt") == (
        "acme-rights", "extra", "2011-06-01-free.txt")
    assert project.publisher_for(folder / "extra/2011-06-01-free.txt").key == "acme-rights"


@pytest.mark.parametrize("setting", ['["pressroom.release_date"]', '["pressroom.*"]', '("pressroom",)'])
def test_what_conf_py_suppresses_is_not_reported(tmp_path, capsys, monkeypatch, setting):
    """``suppress_warnings`` in ``conf.py`` silences a kind of problem in the build; check
    reported it all the same (and exited 1 for it), so a project could never pass."""
    make_project(tmp_path, releases={
        "acme-rights/2011/2011-05-03-arrest.txt": RELEASE_A,
        "acme-rights/2011/undated.txt": "A Statement\n\nAcme Rights spoke about Jane Roe.\n"})
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "check")
    assert code == 1 and "release_date" in out
    write(tmp_path / "conf.py", (tmp_path / "conf.py").read_text() + f"suppress_warnings = {setting}\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "check", "--strict")
    assert code == 0, out
    assert "release_date" not in out
    # all of Pressroom's (notes too) with the type alone or its ``*``
    n = 1 if "release_date" in setting else 3
    assert f"notes ({n} suppressed by conf.py's suppress_warnings)" in err


@pytest.mark.parametrize("command", ["check", "stats", "suggest"])
def test_outside_an_archive_the_message_says_there_is_no_conf_py(tmp_path, capsys, monkeypatch,
                                                                 command):
    """Run in a folder that is no archive's, the commands said only that
    ``corpus/releases`` does not exist, as if the archive lacked it."""
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, command)
    assert code == 1
    assert f"there is no conf.py in {tmp_path.resolve()} or a folder above it" in out + err
    write(tmp_path / "conf.py", "project = 'x'\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, command)
    assert code == 1 and "no conf.py" not in out + err
    assert "create it, or set pressroom_releases in conf.py" in out + err


def test_a_suppress_warnings_of_another_shape_is_no_traceback(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    write(tmp_path / "conf.py", (tmp_path / "conf.py").read_text() + "suppress_warnings = 1\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "check")
    assert code == 0, out + err
    assert "suppressed" not in err


def test_likely_duplicates_works_out_each_name_key_once(monkeypatch):
    """Entries sharing a word are compared in pairs; each name's key is worked out once
    per entry, not again for every entry it is compared with (at 20,000 entries that had
    been 555,000 keys for 82,000 pairs, 7 s of check's 20)."""
    import pressroom.lint as lint

    entries = [({"id": f"p{i}", "type": "person", "name": f"Anna Kowalsk{'abcdefghij'[i]}",
                 "aliases": [f"A. Kowalsk{'abcdefghij'[i]}"]}, "f", i + 1) for i in range(10)]
    registry, _ = check_entities(entries)
    calls = []
    real = lint.name_key
    monkeypatch.setattr(lint, "name_key", lambda name: calls.append(name) or real(name))
    found = likely_duplicates(registry)
    assert found  # the 45 pairs were compared (and some look alike)
    names = sum(len(e.names) for e in registry)
    assert len(calls) <= 2 * names + len(registry), len(calls)


def test_ctrl_c_is_said_without_a_traceback(tmp_path, capsys, monkeypatch):
    """Ctrl-C during a long command (check takes 20 s on 10,000 releases) exits 130
    with a line on standard error, not a traceback and not in silence."""
    import pressroom.commands.check as check

    make_project(tmp_path)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(check, "collect", interrupted)
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "check")
    assert code == 130
    assert out == ""
    assert err == "pressroom check: interrupted\n"


def test_ctrl_c_while_the_commands_load_is_said_too(tmp_path, capsys, monkeypatch):
    """The first ~0.3 s of every run imports the commands' modules: Ctrl-C then exits
    130 with the same line, not an import's traceback."""
    import pressroom.cli as cli

    def interrupted():
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "build_parser", interrupted)
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "check")
    assert code == 130
    assert out == ""
    assert err == "pressroom: interrupted\n"


def test_the_long_steps_are_walked_by_the_command_s_progress(tmp_path, capsys, monkeypatch):
    """On 10,000 releases ``check`` runs 15 s and ``suggest`` 40 s: the releases read and
    linked are walked by a bar on a terminal (none elsewhere: nothing more on standard
    error here)."""
    from pressroom import commands

    make_project(tmp_path)
    walked = []

    @contextlib.contextmanager
    def steps():
        def track(items, what):
            items = list(items)
            walked.append((what, len(items)))
            return items
        yield track

    for name in ("check", "stats", "suggest"):
        module = importlib.import_module(f"pressroom.commands.{name}")
        monkeypatch.setattr(module, "steps", steps)
    for argv in (["check"], ["stats"], ["suggest"]):
        walked.clear()
        code, _, err = run_cli(capsys, monkeypatch, tmp_path, *argv)
        assert walked == [("reading", 2), ("linking", 2)], (argv, walked)
    assert commands.steps  # the real one, on no terminal, writes nothing:
    monkeypatch.undo()
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "check")
    assert "reading" not in err and "linking" not in err and "━" not in err
