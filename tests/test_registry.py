"""Registry loading and validation: every error case names its file and line."""

from __future__ import annotations

import datetime as dt
import json
import textwrap

import pytest

from conftest import GUM, PROJECT
from pressroom.registry import PartialDate, human_range, load_registry

TYPES = ("person", "organization", "event", "place", "award")


def load(tmp_path, text, name="reg.yaml", types=TYPES):
    f = tmp_path / name
    f.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_registry(f, types)


def only(problems, subtype):
    found = [p for p in problems if p.subtype == subtype]
    assert found, f"no {subtype} problem in {[str(p) for p in problems]}"
    return found


def test_project_registry_is_clean_and_complete():
    reg, problems = load_registry(PROJECT / "corpus" / "entities", TYPES)
    assert problems == []
    gold = json.loads((GUM.parent / "seed-gold.json").read_text("utf-8"))
    for m in gold["mentions"]:
        entity = reg.get(m["entity_id"])
        assert entity is not None, m["entity_id"]
        assert entity.type == m["type"]
        assert entity.description and entity.description.endswith(".")
    sed = reg["us-china-strategic-and-economic-dialogue-2011"]
    assert (sed.start, sed.end) == (PartialDate(2011, 5, 9), PartialDate(2011, 5, 10))
    assert reg["china-crackdown-2011"].start == PartialDate(2011, 2)  # as written: a month
    assert ("works-for", "human-rights-first") in reg["brian-dooley"].relations
    assert ("led-by", "barack-obama") in reg["obama-administration"].relations
    for event in reg.by_type("event"):
        assert event.start is not None, event.id


def test_gum_registry_loads_unchanged():
    reg, problems = load_registry(GUM / "registry.json", TYPES)
    raw = json.loads((GUM / "registry.json").read_text("utf-8"))
    assert len(reg) == len(raw)
    assert not [p for p in problems if p.severity == "error"]
    assert reg["Arlington%2C_Texas"].name == "Arlington, Texas"
    # an alias two entities claim is reported, not silently given to one of them
    assert "New York" in reg.contested
    assert {p.subtype for p in problems} <= {"registry_alias"}


def test_yaml_syntax_error_has_line(tmp_path):
    _, problems = load(tmp_path, """\
        - id: a
          type: person
          name: [unclosed
        """)
    (p,) = only(problems, "registry_syntax")
    assert p.file.endswith("reg.yaml") and p.line in (3, 4)


def test_json_errors_have_lines(tmp_path):
    _, problems = load(tmp_path, '[\n {"id": "a", "type": "person", "name": "A"},\n {"id": }\n]',
                       name="reg.json")
    (p,) = only(problems, "registry_syntax")
    assert p.line == 3
    reg, problems = load(tmp_path, '[\n {"id": "a", "type": "person", "name": "A"},\n'
                         ' {"id": "b", "type": "robot", "name": "B"}\n]', name="reg.json")
    assert "a" in reg and only(problems, "registry_type")[0].line == 3


def test_a_key_given_twice_in_json_is_reported_as_in_yaml(tmp_path):
    """YAML's repeated keys were reported (``registry_field``); JSON's were dropped without
    a word, an alias, a description and an id with them."""
    text = ('[{"id": "jdup", "type": "person", "name": "Jane Roe", "aliases": ["J. Roe"],\n'
            '  "description": "first", "description": "second",\n  "aliases": ["Janie"]},\n'
            ' {"id": "jdup2", "id": "jdup3", "type": "person", "name": "John Doe"}]')
    reg, problems = load(tmp_path, text, name="reg.json")
    said = sorted((p.line, p.message) for p in only(problems, "registry_field"))
    assert said == [
        (2, "'description' is given twice in this entry (both on line 2); the last one is used"),
        (3, "'aliases' is given twice in this entry (lines 1 and 3); the last one is used"),
        (4, "'id' is given twice in this entry (both on line 4); the last one is used"),
    ]
    assert "jdup3" in reg and reg["jdup"].aliases == ("Janie",)
    # a key of other letters is found as written; one written with escapes is not, and
    # no line is claimed for it
    text = ('[{"id": "n", "type": "person", "name": "Ann Lee",\n "naïve": 1,\n "naïve": 2,\n'
            ' "na\\u00efve": 3}]')
    _, problems = load(tmp_path, text, name="reg2.json")
    dup = [p for p in problems if "given twice" in p.message]
    assert [(p.line, p.message.split(";")[0]) for p in dup] == [
        (1, "'naïve' is given twice in this entry")]


@pytest.mark.parametrize(("name", "text", "line"), [
    # a tag whose text is no such value: the loader raised (KeyError, ValueError)
    ("reg.yaml", '- id: a\n  type: person\n  name: !!bool "maybe"\n', None),
    ("reg.yaml", '- id: a\n  type: person\n  name: !!int "x"\n', None),
    ("reg.yaml", '- id: a\n  type: person\n  name: !!float "abc"\n', None),
    # nesting deeper than Python's stack: RecursionError
    ("reg.yaml", "- id: a\n  type: person\n  name: A\n  roles: " + "[" * 900 + "]" * 900 + "\n",
     None),
    ("reg.json", '[{"id": "a", "type": "person", "name": "A"},\n{"id": "b", "roles": '
     + "[" * 100000 + "]" * 100000 + "}]", 2),
    # a control character: the message named no line and ran over two
    ("reg.yaml", "- id: a\n  type: person\n  name: Bell\x07\n", 3),
    # text after the list's end was ignored without a word
    ("reg.json", '[{"id": "a", "type": "person", "name": "A"}]\ngarbage\n', 2),
])
def test_unreadable_registry_values_are_problems_not_tracebacks(tmp_path, name, text, line):
    _, problems = load(tmp_path, text, name=name)
    (p,) = only(problems, "registry_syntax")
    assert p.line == line and "\n" not in p.message, p


def test_mapping_where_list_belongs(tmp_path):
    _, problems = load(tmp_path, "id: a\ntype: person\nname: A\n")
    assert "list of entries" in only(problems, "registry_syntax")[0].message


def test_entry_errors(tmp_path):
    reg, problems = load(tmp_path, """\
        - id: ok
          type: person
          name: Fine Person
        - just a string
        - id: ok
          type: person
          name: Again
        - id: t
          type: robot
          name: R
        - id: n
          type: person
        - id: d
          type: event
          name: Some Event
          start: 2011-05-10
          end: 2011-05-09
        - id: w
          type: place
          name: Somewhere
          wikidata: 12345
        - id: r
          type: person
          name: Rel Person
          relations:
            works-for: nobody-here
        - id: bad-date
          type: event
          name: Bad Date Event
          start: 2011-13-45
        """)
    assert set(reg.entities) == {"ok", "d", "w", "r", "bad-date"}
    lines = {(p.subtype, p.line) for p in problems}
    assert ("registry_entry", 4) in lines
    assert ("registry_id", 5) in lines
    assert ("registry_type", 9) in lines
    assert ("registry_name", 11) in lines
    assert ("registry_date", 17) in lines
    assert ("registry_wikidata", 21) in lines
    assert ("registry_relation", 26) in lines  # at the relation, not the entry
    assert any(p.subtype == "registry_date" and p.line == 30 for p in problems)
    assert reg["w"].wikidata is None  # a wrong id is worse than none


def test_duplicate_id_across_files(tmp_path):
    (tmp_path / "a.yaml").write_text("- {id: x, type: person, name: X One}\n", "utf-8")
    (tmp_path / "b.yaml").write_text("- {id: x, type: person, name: X Two}\n", "utf-8")
    reg, problems = load_registry(tmp_path, TYPES)
    (p,) = only(problems, "registry_id")
    assert p.file.endswith("b.yaml") and "a.yaml:1" in p.message
    assert reg["x"].name == "X One"


def test_a_field_given_twice_is_reported(tmp_path):
    """YAML keeps the last of two values of a key without a word: the first was dropped
    silently."""
    reg, problems = load(tmp_path, """\
        - id: dup
          type: person
          name: Dup One
          description: A person.
          name: Dup Two
        """)
    (p,) = only(problems, "registry_field")
    assert (p.line, p.severity) == (5, "warning")
    assert "'name' is given twice" in p.message and "lines 3 and 5" in p.message
    assert reg["dup"].name == "Dup Two"


@pytest.mark.parametrize("value", ["yes", "off", "true"])
def test_an_id_yaml_reads_as_true_or_false(tmp_path, value):
    """``id: yes`` was the id ``True``."""
    reg, problems = load(tmp_path, f"""\
        - id: {value}
          type: person
          name: Jane Roe
        """)
    (p,) = only(problems, "registry_id")
    assert p.line == 1 and "put it in quotes" in p.message
    assert len(reg) == 0
    reg, problems = load(tmp_path, f"""\
        - id: "{value}"
          type: person
          name: Jane Roe
        """)
    assert value in reg


@pytest.mark.parametrize("alias,reason", [
    ("", "empty"), ("Q", "fewer than two letters"), ("The", "common word"), ("May", "common word"),
    ("First", "common word"),
])
def test_bad_aliases(tmp_path, alias, reason):
    reg, problems = load(tmp_path, f"""\
        - id: a
          type: organization
          name: Alpha Group
          aliases: ["{alias}"]
        """)
    assert any(reason in p.message for p in only(problems, "registry_alias"))
    assert alias not in dict(reg.linkable_names())


def test_acronym_is_not_a_common_word(tmp_path):
    reg, problems = load(tmp_path, """\
        - {id: a, type: organization, name: For Inspiration, aliases: [FIRST]}
        """)
    assert problems == [] and ("FIRST", "a") in set(reg.linkable_names())


def test_shared_alias_is_contested(tmp_path):
    reg, problems = load(tmp_path, """\
        - {id: a, type: place, name: Georgia (country), aliases: [Georgia]}
        - {id: b, type: place, name: Georgia (U.S. state), aliases: [Georgia]}
        """)
    assert reg.contested == {"Georgia": ("a", "b")}
    assert "claimed by a, b" in only(problems, "registry_alias")[0].message


def test_relation_cycle_and_inverse_relations(tmp_path):
    _, problems = load(tmp_path, """\
        - {id: a, type: organization, name: Alpha Org, relations: {part-of: b}}
        - {id: b, type: organization, name: Beta Org, relations: {part-of: a}}
        - {id: c, type: person, name: Carol Person, relations: {leads: d}}
        - {id: d, type: organization, name: Delta Org, relations: {led-by: c}}
        """)
    cycles = only(problems, "registry_relation")
    assert len(cycles) == 1 and "part-of" in cycles[0].message


def test_declared_types(tmp_path):
    reg, problems = load(tmp_path, "- {id: p, type: award, name: Some Prize}\n")
    assert problems == [] and reg["p"].type == "award"
    reg, problems = load(tmp_path, "- {id: p, type: award, name: Some Prize}\n",
                         types=("person", "place"))
    assert "award" in only(problems, "registry_type")[0].message


def test_missing_path():
    _, problems = load_registry("/nonexistent/registry", TYPES)
    assert only(problems, "registry_syntax")[0].file == "/nonexistent/registry"


def test_unknown_field_is_reported_not_dropped_silently(tmp_path):
    """A misspelt field would lose its data without a word: it is a warning at its line."""
    reg, problems = load(tmp_path, """\
        - id: a
          type: person
          name: Ann Example
          alias: [Ann]
          notes: met in 2011
        """)
    assert "a" in reg.entities
    found = {(p.line, p.severity, p.subtype): p.message for p in problems}
    assert "did you mean 'aliases'?" in found[(4, "warning", "registry_field")]
    assert "the fields are affiliation, aliases, born" in found[(5, "warning", "registry_field")]
    assert reg["a"].aliases == ()


def test_url_must_be_a_web_address(tmp_path):
    """An entry's url is a link on its page: a ``javascript:`` one is an error, not shown."""
    reg, problems = load(tmp_path, """\
        - id: a
          type: person
          name: Ann Example
          url: "javascript:alert(1)"
        - id: b
          type: person
          name: Bob Example
          url: https://bob.example/
        """)
    assert reg["a"].url is None and reg["b"].url == "https://bob.example/"
    [problem] = problems
    assert (problem.line, problem.severity, problem.subtype) == (4, "error", "registry_entry")
    assert "is not a web address" in problem.message


def test_sort_files_an_entry_under_another_form(tmp_path):
    """``sort`` is the form glossaries and indices file an entry under (Obama, Barack);
    an empty one is reported and the entry filed under its name; a list is an error."""
    reg, problems = load(tmp_path, """\
        - id: obama
          type: person
          name: Barack Obama
          sort: "  Obama,   Barack "
        - id: hu
          type: person
          name: Hu Jintao
        - id: empty
          type: person
          name: Ann Example
          sort: ""
        - id: listed
          type: person
          name: Bob Example
          sort: [Example, Bob]
        """)
    assert reg["obama"].sort == "Obama, Barack" and reg["obama"].name == "Barack Obama"
    assert reg["hu"].sort is None and reg["empty"].sort is None and reg["listed"].sort is None
    assert [(p.line, p.severity, p.message) for p in problems] == [
        (11, "warning", "empty: sort is empty; the entry is filed under its name"),
        (15, "error", "listed: sort must be text")]


def test_a_sort_that_lacks_a_word_of_the_name_is_reported(tmp_path):
    """A sort is the name's words in another order, a common word (``The``) left out or
    something added; one that lacks a word of the name and of every alias is likely
    misspelt (and files the entry elsewhere): a warning at its line."""
    reg, problems = load(tmp_path, """\
        - {id: dooley, type: person, name: Brian Dooley, sort: "Doley, Brian"}
        - {id: hague, type: place, name: The Hague, sort: Hague}
        - {id: gaulle, type: person, name: Charles de Gaulle, sort: "Gaulle, Charles de"}
        - {id: lula, type: person, name: Luiz Inácio Lula da Silva, sort: "Lula da Silva, Luiz Inacio"}
        - {id: bush, type: person, name: George Bush, sort: "Bush, George (1924-2018)"}
        - {id: hrf, type: organization, name: Human Rights First, aliases: [HRF], sort: HRF}
        """)
    assert reg["dooley"].sort == "Doley, Brian"  # filed under it as written
    assert [(p.line, p.severity, p.subtype, p.message) for p in problems] == [
        (1, "warning", "registry_sort", "dooley: sort 'Doley, Brian' lacks 'dooley' of the name "
         "'Brian Dooley'; misspelt? (the entry is filed under it as written)")]


def test_a_dangling_reference_is_reported_at_the_line_that_names_it(tmp_path):
    _, problems = load(tmp_path, """\
        - id: p
          type: person
          name: Pat Person
          affiliation: no-such-org
          relations:
            works-for:
              - q
              - gone-org
            knows: p
        - id: e
          type: event
          name: Some Event
          participants: [p, nobody]
          relations:
            - held-by: missing-host
            - {type: follows, target: missing-event}
        - id: q
          type: organization
          name: Quay Org
        """)
    found = {(p.line, p.message.split(": ", 1)[1]) for p in only(problems, "registry_relation")}
    assert found == {
        (4, "affiliation names 'no-such-org', which is not in the registry"),
        (8, "works-for names 'gone-org', which is not in the registry"),
        (9, "knows names itself"),
        (13, "participants names 'nobody', which is not in the registry"),
        (15, "held-by names 'missing-host', which is not in the registry"),
        (16, "follows names 'missing-event', which is not in the registry"),
    }


def test_a_name_or_alias_yaml_reads_as_no_text_is_reported(tmp_path):
    """``name: 1984``, ``name: yes`` and ``aliases: [007]`` are no text to YAML (``007`` is
    the number 7, ``yes`` is true): a name is an error at its line (the entry is left out,
    as any entry without a usable name), a number among the aliases a warning (kept as
    YAML read it), true/false among them an error; each says to quote it."""
    reg, problems = load(tmp_path, """\
        - id: novel
          type: event
          name: 1984
        - id: agent
          type: person
          name: Agent Smith
          aliases: [007, "Smith"]
        - id: band
          type: organization
          name: yes
        - id: nay
          type: person
          name: Nay Sayer
          aliases: [no, "Sayer"]
        """)
    assert set(reg.entities) == {"agent", "nay"}
    names = only(problems, "registry_name")
    assert [(p.line, p.severity) for p in names] == [(3, "error"), (10, "error")]
    assert "1984 was read as a number; put it in quotes" in names[0].message
    assert "True was read as true or false; put it in quotes" in names[1].message
    alias = [p for p in only(problems, "registry_alias") if "read as" in p.message]
    assert [(p.line, p.severity) for p in alias] == [(7, "warning")]
    assert "alias 7 was read as a number" in alias[0].message
    assert "Smith" in reg["agent"].aliases
    bad = [p for p in only(problems, "registry_entry") if p.line == 14]
    assert [p.severity for p in bad] == ["error"]
    assert "False was read as true or false; put such aliases in quotes" in bad[0].message
    assert reg["nay"].aliases == ()  # not "False"


def test_ids_that_differ_only_in_case_are_reported(tmp_path):
    reg, problems = load(tmp_path, """\
        - id: Acme
          type: organization
          name: Acme Corporation
        - id: acme
          type: person
          name: Acme Jones
        """)
    assert set(reg.entities) == {"Acme", "acme"}  # both kept: they are different ids
    found = only(problems, "registry_id")
    assert [(p.line, p.severity) for p in found] == [(4, "warning")]
    assert "'acme' differs from 'Acme'" in found[0].message and "only in case" in found[0].message


def test_dates_keep_their_precision(tmp_path):
    reg, problems = load(tmp_path, """\
        - id: crackdown
          type: event
          name: Crackdown
          start: 2011-02
        - id: founded
          type: organization
          name: Founded Org
          start: 1978
          end: "1999"
        - id: met
          type: event
          name: Meeting
          start: 2011-04-27
          end: 2011-04
        """)
    assert problems == []
    crackdown = reg["crackdown"]
    assert crackdown.start == PartialDate(2011, 2) and crackdown.start.day is None
    assert str(crackdown.start) == "2011-02"  # not 2011-02-01: no day is made up
    assert (crackdown.start.first(), crackdown.start.last()) == (dt.date(2011, 2, 1),
                                                                 dt.date(2011, 2, 28))
    assert (reg["founded"].start, reg["founded"].end) == (PartialDate(1978), PartialDate(1999))
    # ends in the month it starts in: not "before" it
    assert reg["met"].end == PartialDate(2011, 4)


def test_partial_dates_read_as_written():
    assert PartialDate.parse("2012-02") .last() == dt.date(2012, 2, 29)
    assert PartialDate.parse("2011-12").last() == dt.date(2011, 12, 31)
    assert PartialDate.parse("2011").last() == dt.date(2011, 12, 31)
    assert PartialDate(1942, 12, 21).human() == "21 December 1942"
    assert PartialDate(2011, 2).human() == "February 2011"
    assert PartialDate(2011, 2).human(year=False) == "February"
    assert PartialDate(2011).human(year=False) == "2011"
    for bad in ("2011-13", "April 2011", "11-04-27", "", "11", "2011-02-30", "0000"):
        with pytest.raises(ValueError):
            PartialDate.parse(bad)


@pytest.mark.parametrize(("start", "end", "year", "text"), [
    ((2011, 4, 27), (2011, 4, 28), True, "27–28 April 2011"),
    ((2011, 4, 27), (2011, 4, 28), False, "27–28 April"),
    ((2011, 1, 18), (2011, 2, 2), True, "18 January – 2 February 2011"),
    ((2011, 1, 18), (2011, 2, 2), False, "18 January – 2 February"),
    ((2010, 12, 28), (2011, 1, 3), False, "28 December 2010 – 3 January 2011"),
    ((2010, 12, None), (2011, 1, None), True, "December 2010 – January 2011"),
    ((2011, 2, None), (2011, 3, None), True, "February – March 2011"),
    ((2011, None, None), (2011, 3, None), False, "2011 – March 2011"),
    ((2011, 4, 27), None, True, "27 April 2011"),
    ((2011, 4, 27), (2011, 4, 27), False, "27 April"),
])
def test_date_ranges_read_as_a_reader_writes_them(start, end, year, text):
    assert human_range(PartialDate(*start), PartialDate(*end) if end else None, year) == text


def test_dates_given_twice_or_backwards(tmp_path):
    reg, problems = load(tmp_path, """\
        - id: twice
          type: event
          name: Twice
          start: 2011-05-09
          date: 2011-05-10
        - id: backwards
          type: person
          name: Back Wards
          born: 1950
          died: 1949-12
        """)
    twice = only(problems, "registry_date")
    assert {(p.line, "date and start both give when it starts; start kept" in p.message)
            for p in twice} >= {(5, True)}
    assert reg["twice"].start == PartialDate(2011, 5, 9)
    assert any(p.line == 10 and "died (1949-12) is before born (1950)" in p.message
               for p in twice)


def test_files_of_the_registry_folder_that_are_not_read(tmp_path):
    """A backup or a note in the registry folder was passed over without a word (the
    releases folder reports such files); hidden ones (an editor's, .git) still are."""
    folder = tmp_path / "entities"
    folder.mkdir()
    (folder / "people.yaml").write_text("- {id: a, type: person, name: A Person}\n", "utf-8")
    (folder / "people.yaml.bak").write_text("- {id: b, type: person, name: B}\n", "utf-8")
    (folder / ".people.yaml.swp").write_text("x", "utf-8")
    (folder / ".hidden.yaml").write_text("- {id: h, type: person, name: Hidden One}\n", "utf-8")
    reg, problems = load_registry(folder, TYPES)
    (p,) = only(problems, "registry_ignored")
    assert p.file.endswith("people.yaml.bak") and p.severity == "warning"
    assert sorted(e.id for e in reg) == ["a"]
    empty = tmp_path / "empty"
    empty.mkdir()
    _, problems = load_registry(empty, TYPES)
    (p,) = only(problems, "registry_ignored")
    assert "holds no registry file" in p.message


def test_a_registry_file_that_is_not_utf8_names_the_line(tmp_path):
    f = tmp_path / "reg.yaml"
    f.write_bytes("- id: a\n  type: person\n  name: Caf\xe9 Owner\n".encode("latin-1"))
    _, problems = load_registry(f, TYPES)
    (p,) = only(problems, "registry_syntax")
    assert p.line == 3 and "not UTF-8" in p.message and "0xe9" in p.message


@pytest.mark.parametrize(("written", "read"), [("007", "7"), ("0x1F", "31"), ("12:30", "750"),
                                               ("1_000", "1000"), ("2011-05-01", "2011-05-01")])
def test_an_id_yaml_reads_as_a_number_or_date_is_said(tmp_path, written, read):
    """``id: 007`` is the number 7 to YAML: the entry's page would be ``7``, without a word."""
    reg, problems = load(tmp_path, f"- id: {written}\n  type: person\n  name: Jane Roe\n")
    (p,) = only(problems, "registry_id")
    assert p.line == 1 and p.severity == "warning" and "put it in quotes" in p.message
    assert read in reg


def test_relations_that_name_no_id_or_several_and_merged_entries(tmp_path):
    """``works-for:`` naming nothing was dropped without a word; ``[{works-for: [a, b]}]``
    named one id ``['a', 'b']``; an entry merging another's fields (``<<: *base``) and
    setting some again was said to give them twice; an entry that is a list was said to be
    a ``_LineList``."""
    reg, problems = load(tmp_path, """\
        - id: x
          type: person
          name: Xavier
          relations: {works-for: }
        - id: y
          type: person
          name: Yara
          relations: [{works-for: [x, z]}]
        - &base
          id: z
          type: person
          name: Zeno
        - <<: *base
          id: w
          name: Wanda
        - [not, an, entry]
        """)
    assert [(p.line, p.subtype) for p in problems] == [(4, "registry_relation"),
                                                       (16, "registry_entry")], problems
    assert "'works-for' must name ids" in problems[0].message
    assert problems[1].message.endswith("not a list")
    assert reg["y"].relations == (("works-for", "x"), ("works-for", "z"))
    assert (reg["w"].name, reg["w"].type) == ("Wanda", "person")


def test_names_that_would_link_every_such_word_are_reported_and_not_linked(tmp_path):
    """An alias of one character or a common word was reported and not linked, but a
    name of that kind linked every such word of every release without a word."""
    from pressroom.linker import Linker

    reg, problems = load(tmp_path, """\
        - id: q
          type: organization
          name: Q
          aliases: [Q Council]
        - id: group
          type: organization
          name: group
        - id: reform
          type: organization
          name: Reform
        - id: description
          type: person
          name: Ann Lee
          description: 1.10
        """)
    said = sorted((p.subtype, p.message) for p in problems)
    assert said == [
        ("registry_entry", "description: description 1.1 was read as a number; put it in "
                           "quotes to keep it as written"),
        ("registry_name", "group: name 'group' is a common word; it is shown but not used for "
                          "linking (give the entry an alias the releases write)"),
        ("registry_name", "q: name 'Q' has fewer than two letters or digits; it is shown but "
                          "not used for linking (give the entry an alias the releases write)"),
    ]
    mentions = Linker(reg).link("Q said the Q Council, a group, and Reform met.").mentions
    assert [(m.surface, m.entity_id) for m in mentions] == [("Q Council", "q"),
                                                            ("Reform", "reform")]


def test_control_characters_in_a_field_are_reported_as_in_a_release(tmp_path):
    """A release's control characters are reported (``release_control``); an entry's were
    shown as U+FFFD without a word."""
    _, problems = load(tmp_path, """\
        - id: ctl
          type: person
          name: "Ctl\\x01Name"
          description: "Says \\uFFFE here."
        """)
    assert sorted((p.line, p.message) for p in only(problems, "registry_entry")) == [
        (3, "ctl: name contains control character U+0001, which pages show as \ufffd"),
        (4, "ctl: description contains noncharacter U+FFFE, which pages show as \ufffd")]


def test_an_alias_s_problem_names_the_alias_s_own_line(tmp_path):
    """A problem with one alias of a list was reported at the ``aliases:`` line or the
    entry's first line; in a long list it is the alias's own."""
    _, problems = load(tmp_path, """\
        - id: agent
          type: person
          name: James Bond
          aliases:
            - Commander Bond
            - 007
            - J
            - HRC
        - id: hrc
          type: organization
          name: Harbor Rights Coalition
          aliases: [HRC]
        """)
    assert sorted((p.line, p.message) for p in only(problems, "registry_alias")) == [
        (6, "agent: alias '7' has fewer than two letters or digits; it is not used for linking"),
        (6, "agent: alias 7 was read as a number; put it in quotes as the releases write it"),
        (7, "agent: alias 'J' has fewer than two letters or digits; it is not used for linking"),
        (8, "'HRC' is claimed by agent, hrc; it is left unlinked unless the text makes clear "
            "which is meant")]
    # an entry whose id was taken already is ignored: its aliases' lines are not the kept one's
    _, problems = load(tmp_path, """\
        - id: a
          type: person
          name: Ann Lee
          aliases: [Q]
        - id: a
          type: person
          name: Ann Lee
          aliases:
            - Q
        """, name="dup.yaml")
    assert [p.line for p in only(problems, "registry_alias")] == [4]
