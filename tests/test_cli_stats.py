"""``pressroom stats``: counts as JSON and as tables."""

from __future__ import annotations

import json

from cli_helpers import make_project, run_cli, write


def test_json_counts(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    write(tmp_path / "corpus/releases/other-org/2012/2012-01-01-quiet.txt",
          "Nothing To See\nMay 3, 2012\n\nGeneva – No one is named here at all.\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "stats", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["releases"] == 3 and data["entries"] == 6
    assert data["releases_by_publisher_year"] == {"acme-rights": {"2011": 2},
                                                  "other-org": {"2012": 1}}
    assert data["entries_by_type"] == {"person": 2, "organization": 2, "place": 2}
    top = data["most_mentioned"][0]
    assert top["releases"] == 2 and top["id"] in ("jane-roe", "acme-rights", "freedonia",
                                                   "freedonia-police")
    assert all(r["releases"] >= 1 for r in data["most_mentioned"])
    assert "atlantis" not in {r["id"] for r in data["most_mentioned"]}
    assert data["releases_without_mentions"] == [
        "corpus/releases/other-org/2012/2012-01-01-quiet.txt"]
    assert data["releases_by_language"] == {"not stated": 3}


def test_releases_by_the_language_their_header_states(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    for name, tag in (("a", "fr"), ("b", "fr_FR"), ("c", "es")):
        write(tmp_path / f"corpus/releases/acme-rights/2012/2012-01-0{ord(name) - 96}-{name}.txt",
              f"---\nlanguage: {tag}\n---\nTitle {name}\nMay 3, 2012\n\nGeneva – Text.\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "stats", "--json")
    assert json.loads(out)["releases_by_language"] == {"not stated": 2, "es": 1, "fr": 1,
                                                         "fr-FR": 1}
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "stats")
    assert "Releases by language (in a header; the others in the site's): not stated 2, es 1, " \
        "fr 1, fr-FR 1" in out


def test_tables_and_top(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "stats", "--top", "1")
    assert code == 0, err
    assert "acme-rights" in out and "Most mentioned" in out and "Registry entries (6)" in out
    assert "Releases with no mentions: 0" in out
    assert "by language" not in out  # no header states one
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "stats", "--json", "--top", "1")
    assert len(json.loads(out)["most_mentioned"]) == 1


def test_bad_input_no_traceback(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    for argv, expected in ((("stats", "--top", "-1"), 2), (("stats", "--root", "nowhere"), 2),
                           (("stats", "--registry", "nowhere.yaml"), 2)):
        code, out, err = run_cli(capsys, monkeypatch, tmp_path, *argv)
        assert code == expected and "Traceback" not in out + err
    write(tmp_path / "corpus/entities/bad.yaml", "- id: [\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "stats", "--json")
    assert code == 1 and json.loads(out)["entries"] == 6 and "bad.yaml" in err
    code, out, _ = run_cli(capsys, monkeypatch, tmp_path, "stats", "--help")
    assert code == 0 and "examples:" in out and "exit codes:" in out


def test_names_and_paths_are_printed_as_written_not_as_markup(tmp_path, capsys, monkeypatch):
    """The tables are drawn by Rich, which read ``[bold]…[/bold]`` in an entry's name as
    markup (the brackets vanished) and ``[/close]`` as a closing tag nothing opened (a
    traceback)."""
    make_project(tmp_path, releases={
        "acme-rights/2011/2011-05-03-arrest.txt":
            "Arrest\nMay 3, 2011\n\nGeneva – The [bold]Hidden[/bold] Council and the "
            "Bracket [/close] Group met.\n",
        "pub[/x]/2011/2011-05-04-quiet.txt": "Quiet\nMay 4, 2011\n\nNo one is named.\n"})
    with (tmp_path / "corpus/entities/entities.yaml").open("a", encoding="utf-8") as f:
        f.write('- id: hidden\n  type: organization\n  name: "[bold]Hidden[/bold] Council"\n'
                '- id: bracket\n  type: organization\n  name: "Bracket [/close] Group"\n')
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "stats", "--top", "10")
    assert code == 0 and "Traceback" not in err, err
    assert "[bold]Hidden[/bold] Council (hidden)" in out
    assert "Bracket [/close] Group (bracket)" in out
    assert "corpus/releases/pub[/x]/2011/2011-05-04-quiet.txt" in out


def test_a_missing_releases_folder_is_said_as_check_says_it(tmp_path, capsys, monkeypatch):
    """``stats`` and ``suggest`` say a missing releases folder in the commands' format for
    problems, as ``check`` does (``corpus/releases: error: … [pressroom.config]``): they
    named it by its absolute path, without a subtype."""
    import shutil

    make_project(tmp_path)
    shutil.rmtree(tmp_path / "corpus/releases")
    code, out, _err = run_cli(capsys, monkeypatch, tmp_path, "check")
    said = [line for line in out.splitlines() if line.startswith("corpus/releases:")]
    assert code == 1 and len(said) == 1 and said[0].endswith("[pressroom.config]"), out
    for command in ("stats", "suggest"):
        code, _out, err = run_cli(capsys, monkeypatch, tmp_path, command)
        assert code == 1 and said[0] in err.splitlines(), (command, err)
