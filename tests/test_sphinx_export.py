"""The corpus export, ``pressroom.json``, against its JSON Schema (``pressroom.schema.json``).

The schema is the export's documentation for the programs that read it: every field of
every object is in it (no other is allowed), with its type and what it means. These
tests hold the two together: an export with a field the schema does not describe, or of
another type, fails here.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from jsonschema import Draft202012Validator

from sphinx_support import built, copy_root

SCHEMA = Path(__file__).resolve().parents[1] / "extensions" / "pressroom" / "export.schema.json"


def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(data: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(data)]


def export_of(outdir: str | Path) -> dict:
    return json.loads((Path(outdir) / "pressroom.json").read_text(encoding="utf-8"))


def test_the_export_is_valid_by_its_schema_written_beside_it(pressroom_site):
    out = Path(pressroom_site.outdir)
    assert (out / "pressroom.schema.json").read_text(encoding="utf-8") == \
        SCHEMA.read_text(encoding="utf-8")
    data = export_of(out)
    assert data["releases"] and data["entities"]
    assert errors(data) == []


def test_offsets_and_texts_are_what_the_schema_says_they_are(pressroom_site):
    """A mention's ``surface`` and a quotation's ``text`` are the release file's text from
    ``start`` to ``end``, decoded as Pressroom decodes it, and ``line`` is where it starts."""
    from pressroom.source import parse_release

    src = Path(pressroom_site.srcdir)
    data = export_of(pressroom_site.outdir)
    mentions = quotes = 0
    for release in data["releases"]:
        text = parse_release(src / release["file"]).text
        for m in release["mentions"]:
            assert text[m["start"]:m["end"]] == m["surface"], m
            assert text.count("\n", 0, m["start"]) + 1 == m["line"], m
            mentions += 1
        for q in release["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"], q
            quotes += 1
    assert mentions > 20 and quotes >= 5


def test_the_schema_holds_the_export_to_it(pressroom_site):
    """The schema is no formality: each of these changes makes an export invalid."""
    data = export_of(pressroom_site.outdir)
    release = next(i for i, r in enumerate(data["releases"]) if r["mentions"] and r["quotes"])

    def broken(change) -> list[str]:
        copied = copy.deepcopy(data)
        change(copied, copied["releases"][release], copied["entities"][0])
        return errors(copied)

    cases = {
        "an undocumented field": lambda d, r, e: r.update(summary="…"),
        "a field left out": lambda d, r, e: r.pop("sha256"),
        "another version": lambda d, r, e: d.update(version=2),
        "a negative offset": lambda d, r, e: r["mentions"][0].update(start=-1),
        "a line 0": lambda d, r, e: r["mentions"][0].update(line=0),
        "a date that is no day": lambda d, r, e: r.update(date="2011-04"),
        "a checksum in capitals": lambda d, r, e: r.update(sha256="A" * 64),
        "a Wikidata id that is none": lambda d, r, e: e.update(wikidata="Obama"),
        "an entity's date as a day of the week": lambda d, r, e: e.update(start="Monday"),
        "an id with a space": lambda d, r, e: r["quotes"][0].update(speaker="jane roe"),
        "a count as text": lambda d, r, e: e.update(releases="2"),
        "an undocumented field of a quotation": lambda d, r, e: r["quotes"][0].update(lang="en"),
    }
    for name, change in cases.items():
        assert broken(change), name


def test_the_exports_of_other_builders_and_settings_are_valid(tmp_path):
    """The single-page builder's export (entries without pages: ``url`` null) and one with
    absolute addresses under ``html_baseurl`` follow the schema too."""
    src = copy_root("pressroom", tmp_path)
    app = built(src, "singlehtml")
    data = export_of(app.outdir)
    assert {e["url"] for e in data["entities"]} == {None}
    assert errors(data) == []
    assert (Path(app.outdir) / "pressroom.schema.json").is_file()
    app = built(src, confoverrides={"html_baseurl": "https://archive.example.org/"})
    assert errors(export_of(app.outdir)) == []


def test_the_schema_takes_an_id_exactly_as_the_registry_does():
    """The schema's pattern for an id holds the characters the registry's does, written
    out: ECMA-262's ``\\s`` (which JSON Schema's patterns follow) also holds U+FEFF, which a
    registry id may hold, so a program validating in JavaScript refused a valid export."""
    import re

    from pressroom.registry import ID_RE

    pattern = re.compile(json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]["id"]["pattern"])
    assert "\\s" not in pattern.pattern
    differ = [hex(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF
              and bool(ID_RE.match(f"a{chr(c)}b")) != bool(pattern.match(f"a{chr(c)}b"))]
    assert differ == []


def test_a_build_that_changed_nothing_leaves_the_export_as_written(tmp_path):
    """A no-op build neither writes the export again nor loads its kept parts; a build
    that finds it removed or changed on disk, or a release or an entry changed, writes
    it as a clean build does."""
    src = copy_root("pressroom", tmp_path)
    app = built(src)
    out = Path(app.outdir)
    export = out / "pressroom.json"
    first = export.read_text(encoding="utf-8")
    stamp = export.stat().st_mtime_ns
    parts = Path(app.doctreedir) / "pressroom-export.pickle"
    parts.write_bytes(b"not a pickle: a no-op must not need it")

    built(src)
    assert export.stat().st_mtime_ns == stamp
    assert export.read_text(encoding="utf-8") == first

    export.unlink()  # removed: written again, the same
    built(src)
    assert export.read_text(encoding="utf-8") == first

    export.write_text("{}", encoding="utf-8")  # changed by hand: written again
    built(src)
    assert export.read_text(encoding="utf-8") == first

    release = src / "corpus" / "releases" / "hrf" / "2011" / "2011-04-27-upcoming-dialogue.txt"
    text = release.read_text(encoding="utf-8")
    release.write_text(text.replace("Dialogue", "Dialogue, held in Beijing,", 1),
                       encoding="utf-8")
    app = built(src)
    changed = export.read_text(encoding="utf-8")
    assert changed != first and errors(json.loads(changed)) == []
    clean = built(src, freshenv=True)
    assert (Path(clean.outdir) / "pressroom.json").read_text(encoding="utf-8") == changed
