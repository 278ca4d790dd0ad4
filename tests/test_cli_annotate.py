"""``pressroom annotate`` and ``pressroom evaluate`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressroom.cli import main

HERE = Path(__file__).resolve().parent
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SEED = DATA.parent / "seed" / "000_d06064d23047d2d5.txt"
REGISTRY = HERE / "data" / "seed-registry.yaml"


def test_annotate_jsonl_shape(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["annotate", "--registry", str(REGISTRY), "--types", "award",
                 "--format", "jsonl", str(SEED)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    record = json.loads(out[0])
    assert record["file"] == str(SEED)
    text = SEED.read_bytes().decode("utf-8")
    gold = json.loads((DATA / "seed-gold.json").read_text(encoding="utf-8"))["mentions"]
    assert [{k: m[k] for k in ("start", "end", "surface", "entity_id", "type")}
            for m in record["mentions"]] == gold
    assert all(text[m["start"]:m["end"]] == m["surface"] for m in record["mentions"])


def test_annotate_text_format(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    release = tmp_path / "r.txt"
    release.write_text("Brian Dooley said. Dooley concluded.\n", encoding="utf-8")
    assert main(["annotate", "--registry", str(REGISTRY), "--types", "award", str(release)]) == 0
    out = capsys.readouterr().out
    assert out == "[Brian Dooley](brian-dooley) said. [Dooley](brian-dooley) concluded.\n"


def test_annotate_unreadable_file_continues(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text("China", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 in China".encode("latin-1"))
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01China")
    missing = tmp_path / "missing.txt"
    code = main(["annotate", "--registry", str(REGISTRY), "--types", "award", "--format", "jsonl",
                 str(missing), str(binary), str(latin), str(good)])
    captured = capsys.readouterr()
    assert code == 1
    assert f"{missing}: error:" in captured.err
    assert f"{binary}: error:" in captured.err
    assert "release_encoding" in captured.err and "Traceback" not in captured.err
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [Path(r["file"]).name for r in records] == ["latin.txt", "good.txt"]
    assert records[0]["mentions"][0]["start"] == 8


def test_annotate_a_folder(capsys, tmp_path, monkeypatch) -> None:
    """A folder stands for the .txt files under it, in name order; one with none is
    reported (it was "Is a directory")."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in" / "2011").mkdir(parents=True)
    (tmp_path / "in" / "2011" / "b.txt").write_text("Brian Dooley", encoding="utf-8")
    (tmp_path / "in" / "a.txt").write_text("China", encoding="utf-8")
    (tmp_path / "in" / "notes.md").write_text("China", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    code = main(["annotate", "--registry", str(REGISTRY), "--types", "award", "--format", "jsonl",
                 "in", "empty"])
    captured = capsys.readouterr()
    assert code == 1
    assert [json.loads(line)["file"] for line in captured.out.splitlines()] == [
        str(Path("in/2011/b.txt")), str(Path("in/a.txt"))]
    assert captured.err.splitlines() == [
        "empty: error: a folder with no .txt file in it",
        "annotated 2 of 3 files: 2 mentions, 0 ambiguous left unlinked",  # the summary
    ]


def test_annotate_one_file_says_nothing_more_several_end_with_a_summary(
        capsys, tmp_path, monkeypatch) -> None:
    """A folder of 10,000 releases takes 15 s: what was done is said at the end, on
    standard error (one file, as in a pipe, is annotated without a word)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Brian Dooley said. Dooley concluded.",
                                           encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Nothing here.", encoding="utf-8")
    args = ["annotate", "--registry", str(REGISTRY), "--types", "award", "--format", "jsonl"]
    assert main([*args, "in/a.txt"]) == 0
    assert capsys.readouterr().err == ""
    assert main([*args, "in"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert captured.err == "annotated 2 of 2 files: 2 mentions, 0 ambiguous left unlinked\n"


def test_annotate_registry_problems_are_warnings(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    registry = tmp_path / "reg.yaml"
    registry.write_text(
        "- {id: china, type: place, name: China}\n"
        "- {id: bad, type: spaceship, name: Enterprise}\n", encoding="utf-8")
    release = tmp_path / "r.txt"
    release.write_text("China and Enterprise", encoding="utf-8")
    assert main(["annotate", "--registry", str(registry), "--format", "jsonl", str(release)]) == 0
    captured = capsys.readouterr()
    assert "registry_type" in captured.err
    assert [m["entity_id"] for m in json.loads(captured.out)["mentions"]] == ["china"]


def test_evaluate_seed_gold(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["evaluate", str(DATA / "seed-gold.json"), "--registry", str(REGISTRY),
                 "--texts", str(SEED.parent)]) == 0
    out = capsys.readouterr().out
    assert out.strip() == "aliases: docs=1 gold=30 predicted=30 P=1.000 R=1.000 F1=1.000"


def test_evaluate_errors_listing(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "d1", "text": "China and Japan", "mentions": [
        {"start": 10, "end": 15, "surface": "Japan", "entity_id": "japan", "type": "place"}]})
        + "\n", encoding="utf-8")
    registry = tmp_path / "reg.json"
    registry.write_text(json.dumps([{"id": "china", "type": "place", "name": "China"}]),
                        encoding="utf-8")
    assert main(["evaluate", str(docs), "--registry", str(registry), "--mode", "both",
                 "--errors"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "d1:0: FP 'China' -> china" in out[0]
    assert "d1:10: FN 'Japan' -> japan" in out[1]
    assert out[2] == "aliases: docs=1 gold=1 predicted=1 P=0.000 R=0.000 F1=0.000"
    assert out[-1].startswith("names: docs=1")


def test_evaluate_missing_gold(capsys, tmp_path, monkeypatch) -> None:
    """A file named on the command line that does not exist is a bad command line (2), as
    for check, stats, suggest and add."""
    monkeypatch.chdir(tmp_path)
    assert main(["evaluate", str(tmp_path / "nope.jsonl"), "--registry", str(REGISTRY)]) == 2
    assert "nope.jsonl: no such file or folder" in capsys.readouterr().err
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "China", "mentions": []}\n', encoding="utf-8")
    assert main(["evaluate", str(gold), "--registry", str(tmp_path / "nope.yaml")]) == 2
    assert "--registry" in capsys.readouterr().err


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": "a", "mentions": []}', '"text", a string'),
    ('{"id": "a", "text": "x"}', '"mentions", a list'),
    ("5", "a document must be a JSON object, not int"),
    ("[1, 2]", "not list"),
    ('{"text": "x", "mentions": ["x"]}', "mention 1 must be a JSON object"),
    ('{"text": "China", "mentions": [{"start": 0}]}', "offsets into the text"),
    ('{"text": "China", "mentions": [{"start": "0", "end": 5, "entity_id": "c"}]}',
     "offsets into the text"),
    ('{"text": "China", "mentions": [{"start": 0, "end": 9, "entity_id": "c"}]}',
     "offsets into the text"),
    ('{"text": "China", "mentions": [{"start": 0, "end": 5}]}', '"entity_id", a string'),
    ('{"text": 5, "mentions": []}', '"text", a string'),
    ("{not json", "invalid JSON"),
])
def test_evaluate_a_malformed_gold_document(capsys, tmp_path, monkeypatch, line, message):
    """Each was a traceback (KeyError, AttributeError, TypeError): now GOLD:line: error."""
    monkeypatch.chdir(tmp_path)
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "ok", "text": "China", "mentions": []}\n' + line + "\n",
                    encoding="utf-8")
    assert main(["evaluate", str(gold), "--registry", str(REGISTRY)]) == 1
    err = capsys.readouterr().err
    assert f"{gold}:2: error:" in err and message in err, err


def test_evaluate_a_gold_file_naming_its_text_wrongly(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    gold = tmp_path / "gold.json"
    gold.write_text('{"doc": 5, "mentions": []}', encoding="utf-8")
    assert main(["evaluate", str(gold), "--registry", str(REGISTRY)]) == 1
    assert f"{gold}:1: error:" in capsys.readouterr().err


def test_annotate_the_standard_input(capsys, tmp_path, monkeypatch) -> None:
    """``-`` is the standard input ("-: error: No such file or directory" before)."""
    import io
    import sys

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        b"Brian Dooley said. Dooley concluded.\n")))
    assert main(["annotate", "--registry", str(REGISTRY), "--types", "award", "-"]) == 0
    assert capsys.readouterr().out == ("[Brian Dooley](brian-dooley) said. "
                                       "[Dooley](brian-dooley) concluded.\n")


def test_annotate_with_a_registry_that_does_not_exist(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    release = tmp_path / "r.txt"
    release.write_text("China\n", encoding="utf-8")
    assert main(["annotate", "--registry", str(tmp_path / "nope.yaml"), str(release)]) == 2
    assert "--registry" in capsys.readouterr().err


def test_evaluate_a_gold_file_naming_its_text_without_surfaces(capsys, tmp_path, monkeypatch):
    """A ``{doc, mentions}`` gold file whose mentions give no surface: the errors listed
    show each mention's text (they showed '' for a false negative)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text("Nobody here. China spoke.", encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text('{"doc": "r.txt", "mentions": [{"start": 13, "end": 18, '
                    '"entity_id": "nowhere"}]}', encoding="utf-8")
    assert main(["evaluate", str(gold), "--registry", str(REGISTRY), "--errors"]) == 0
    assert "FN 'China' -> nowhere" in capsys.readouterr().out
