"""``pressroom suggest``: candidates from how names are written, grouping, types, the command."""

from __future__ import annotations

import json

import pytest

from cli_helpers import REGISTRY, make_project, run_cli, write
from pressroom.source import parse_text
from pressroom.suggest import Document, suggest


def docs(*texts: str) -> list[Document]:
    return [Document.from_release(parse_text(t, path=f"r{i}.txt")) for i, t in enumerate(texts)]


def by_name(candidates):
    return {c.name: c for c in candidates}


TEXT_1 = """\
Rights Group Warns on Freedonia
Tuesday, May 3, 2011

Geneva – Human Rights Watch (HRW) said on Tuesday that President Rufus Firefly had
ordered the arrest of activist Jane Roe. Roe was held by the Ministry of Interior.
Yesterday the University of Helsinki invited Dr. Karl Mbeki to the Geneva Summit.
"We are worried," said Brian Dooley. Dooley spoke in Sylvania after the meeting.
"""

TEXT_2 = """\
Second Statement
Wednesday, June 1, 2011

Geneva – HRW again called for the release of Jane Roe, a Sylvania-based lawyer.
Officials of the Ministry of Interior declined to comment. Firefly did not reply.
"""


def test_candidates_types_and_grouping():
    found = by_name(suggest(docs(TEXT_1, TEXT_2)))
    assert found["Human Rights Watch"].type == "organization"
    assert "HRW" in found["Human Rights Watch"].aliases  # defined in parentheses
    assert "HRW" not in found  # grouped, not a separate candidate
    assert found["Rufus Firefly"].type == "person"  # title stripped: President ...
    assert "Firefly" in found["Rufus Firefly"].aliases  # short form grouped
    assert found["Jane Roe"].type == "person"
    assert found["Jane Roe"].releases == 2
    assert found["Brian Dooley"].type == "person"
    assert found["Ministry of Interior"].type == "organization"
    assert found["University of Helsinki"].type == "organization"
    assert found["Karl Mbeki"].type == "person"
    assert found["Geneva Summit"].type == "event"
    assert found["Sylvania"].type == "place"
    assert found["Geneva"].type == "place"  # the dateline


def test_sentence_start_common_words_are_no_candidates():
    found = by_name(suggest(docs(TEXT_1, TEXT_2)))
    for word in ("Yesterday", "Officials", "Roe was", "Second Statement", "Tuesday", "We"):
        assert word not in found, word
    # "Dooley" opens a sentence but is also grouped with Brian Dooley
    assert "Dooley" not in found


def test_single_capitalized_word_at_sentence_start_needs_a_mid_sentence_sighting():
    text = ("Title line here\nMay 3, 2011\n\nBananas are grown in Costa Rica. "
            "Zanzibar is far. People go to Zanzibar.\n")
    found = by_name(suggest(docs(text)))
    assert "Bananas" not in found
    assert "Zanzibar" in found and "Costa Rica" in found


def test_acronym_joins_only_where_defined():
    t1 = "A title\nMay 3, 2011\n\nThe United Nations met. The U.N. said nothing.\n"
    found = by_name(suggest(docs(t1)))
    assert "United Nations" in found and "U.N." in found  # not defined: kept apart
    t2 = "A title\nMay 3, 2011\n\nThe United Nations (U.N.) met. The U.N. said nothing.\n"
    found = by_name(suggest(docs(t2)))
    assert "U.N." in found["United Nations"].aliases and "U.N." not in found


def test_possessive_splits_names_and_is_not_part_of_the_name():
    text = ("A title\nMay 3, 2011\n\nGeneva – Human Rights First’s Brian Dooley spoke. "
            "Human Rights First's report is out.\n")
    found = by_name(suggest(docs(text)))
    assert "Human Rights First" in found and "Brian Dooley" in found
    assert not any("’s" in n or "'s" in n for n in found)


def test_known_names_are_left_out_and_min_count_and_type_filter():
    d = docs(TEXT_1, TEXT_2)
    found = by_name(suggest(d, ["Jane Roe", "human rights watch"]))
    assert "Jane Roe" not in found and "Human Rights Watch" not in found
    found = suggest(d, min_count=2)
    assert found and all(c.releases >= 2 for c in found)
    assert [c.releases for c in found] == sorted((c.releases for c in found), reverse=True)
    people = suggest(d, types=["person"])
    assert people and all(c.type == "person" for c in people)


def test_nothing_inside_a_linked_mention_is_proposed():
    """A name the linker already linked (``Document.known``) is no candidate, wherever the
    linked spans start and end (one inside another included); a name beside them is."""
    texts = [f"Report {i}\n\nMay {i + 1}, 2011\n\nGeneva – Zorbal Kintaro met Alia Verenko "
             f"in the city of Tamburg on Friday {i}.\n" for i in range(3)]
    documents = docs(*texts)
    for doc in documents:
        at = doc.text.index("Zorbal Kintaro")
        # a long linked span and one inside it, as a name with an alias in it may give
        doc.known = [(at - 9, at + len("Zorbal Kintaro")), (at, at + len("Zorbal"))]
    found = by_name(suggest(documents))
    assert "Alia Verenko" in found
    assert not any("Zorbal" in name or "Kintaro" in name for name in found), found


def test_a_longer_name_starting_or_ending_with_a_linked_one_is_proposed():
    """``Kestrel Bay Harbor Police`` is a name of its own although ``Kestrel Bay`` (a place
    the registry has) is linked in it: it was never proposed. A run holding two linked
    names, or one in its middle, still proposes nothing."""
    texts = [f"Report {i}\n\nMay {i + 1}, 2011\n\nKestrel Bay Tuesday and Tamsin Orr Monday "
             f"came. The Kestrel Bay Harbor Police stopped the "
             f"march. The guards at Eastmere Container Terminal watched. Maria Okonkwo Vell "
             f"Tamsin Orr spoke, and the Port of Eastmere Landing Authority agreed on day {i}.\n"
             for i in range(3)]
    documents = docs(*texts)
    for doc in documents:
        known = []
        for name in ("Kestrel Bay", "Eastmere", "Maria Okonkwo", "Tamsin Orr"):
            for at in [i for i in range(len(doc.text)) if doc.text.startswith(name, i)]:
                known.append((at, at + len(name)))
        doc.known = known
    found = by_name(suggest(documents))
    assert "Kestrel Bay Harbor Police" in found and "Eastmere Container Terminal" in found
    assert not any("Okonkwo" in name or "Landing" in name for name in found), found
    assert not any("Monday" in name or "Tuesday" in name for name in found), found  # days


def test_an_article_of_another_language_is_no_name():
    """``« Le tribunal a tranché »`` proposed ``Le`` as a place; ``LA`` is still a name."""
    texts = [f"Rapport {i}\n\n3 mai 2011\n\nL'avocate des familles, Claire Dubosc, a "
             f"ajouté : « Le tribunal a rappelé que la loi s'applique aussi au port. » Then LA "
             f"police met in LA on day {i}.\n" for i in range(3)]
    found = by_name(suggest(docs(*texts)))
    assert "Le" not in found and "La" not in found, found
    assert "LA" in found and "Claire Dubosc" in found, found


def test_examples_and_yaml_are_ready_to_paste():
    import yaml

    candidates = suggest(docs(TEXT_1, TEXT_2))
    roe = by_name(candidates)["Jane Roe"]
    assert [(f, n) for f, n, _ in roe.examples] == [("r0.txt", 5), ("r1.txt", 4)]
    assert "activist Jane Roe" in roe.examples[0][2]
    entries = yaml.safe_load("\n".join(c.yaml() for c in candidates))
    assert len(entries) == len(candidates)
    assert len({e["id"] for e in entries}) == len(entries)
    assert {"id", "type", "name", "description"} <= set(entries[0])


def test_headline_in_title_case_proposes_nothing_by_itself():
    text = "Upcoming Dialogue Not Enough to Address Mounting Abuses\nMay 3, 2011\n\nNothing here.\n"
    assert suggest(docs(text)) == []
    # a short one too (it proposed "Not Enough", an organization)
    assert suggest(docs("Dialogue Not Enough\n\nMay 3, 2011\n\nNothing here.\n")) == []


def test_a_list_item_opens_a_sentence():
    """``- Release the lawyers`` under a long line: the item's first word opens a sentence
    (it was read as going on from the line above, and ``Release`` proposed as a name)."""
    text = ("Group Urges Release of Lawyers\n\nMay 3, 2011\n\nThe coalition today issued its "
            "demands to the authorities of Freedonia:\n- Release the lawyers\n- End the raids\n")
    assert "Release" not in by_name(suggest(docs(text)))


# --------------------------------------------------------------------------- the command


def test_command_yaml_and_json(tmp_path, capsys, monkeypatch):
    make_project(tmp_path, releases={"acme-rights/2011/a.txt": TEXT_1,
                                     "acme-rights/2011/b.txt": TEXT_2})
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "suggest", "--min-count", "2")
    assert code == 0, err
    assert "# Human Rights Watch: organization, in 2 releases" in out
    assert "#   corpus/releases/acme-rights/2011/a.txt:4:" in out
    # registered: Jane Roe (name), and John Doe's surname is not proposed either
    assert "name: Jane Roe" not in out
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "suggest", "--json",
                             "--type", "organization")
    data = json.loads(out)
    assert data and all(c["type"] == "organization" for c in data)
    assert {"id", "name", "aliases", "releases", "examples"} <= set(data[0])


def test_command_after_adding_the_entry_it_is_no_longer_proposed(tmp_path, capsys, monkeypatch):
    make_project(tmp_path, releases={"acme-rights/2011/a.txt": TEXT_1})
    code, out, _ = run_cli(capsys, monkeypatch, tmp_path, "suggest", "--type", "person")
    assert "name: Brian Dooley" in out
    block = next(b for b in out.split("\n\n") if "name: Brian Dooley" in b)
    with open(tmp_path / "corpus/entities/entities.yaml", "a") as f:
        f.write(block.split("\n- ", 1)[0] + "\n- " + block.split("\n- ", 1)[1] + "\n")
    code, out, _ = run_cli(capsys, monkeypatch, tmp_path, "check", "--quiet")
    assert code == 0, out
    code, out, _ = run_cli(capsys, monkeypatch, tmp_path, "suggest")
    assert "Brian Dooley" not in out and "name: Dooley" not in out


@pytest.mark.parametrize("argv", [
    ("suggest", "--min-count", "0"),
    ("suggest", "--min-count", "x"),
    ("suggest", "--type", "animal"),
    ("suggest", "missing/folder"),
])
def test_command_bad_usage_exits_2(tmp_path, capsys, monkeypatch, argv):
    make_project(tmp_path)
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, *argv)
    assert code == 2 and "Traceback" not in out + err


def test_command_unreadable_registry_exits_1(tmp_path, capsys, monkeypatch):
    make_project(tmp_path)
    write(tmp_path / "corpus/entities/bad.yaml", "- id: [\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "suggest")
    assert code == 1 and "bad.yaml" in err and "Traceback" not in err


def test_command_without_a_releases_folder_exits_1(tmp_path, capsys, monkeypatch):
    """As check and stats say it (suggest said "0 candidates from 0 releases", exit 0)."""
    import shutil

    make_project(tmp_path)
    shutil.rmtree(tmp_path / "corpus/releases")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "suggest")
    assert code == 1 and "the releases folder does not exist" in err


def test_command_does_not_propose_a_known_way_of_writing_an_entry(tmp_path, capsys, monkeypatch):
    """``U.S. officials`` is not linked (a modifier), but ``U.S.`` is the United States'
    inferred acronym: not a new entity to register."""
    registry = REGISTRY + "- id: united-states\n  type: place\n  name: United States\n"
    text = ("Envoys Meet\n\nMay 3, 2011\n\nGeneva – The United States sent envoys. "
            "U.S. officials met U.S. diplomats in Geneva.\n")
    make_project(tmp_path, registry=registry, releases={"acme-rights/2011/a.txt": text})
    code, out, err = run_cli(capsys, monkeypatch, tmp_path, "suggest")
    assert code == 0, err
    assert "U.S." not in out, out



def test_lines_and_sentences_of_examples_as_counted_before():
    """A document's lines by bisection, its sentences found once per list of tokens (both
    made a release of one long sentence quadratic): the same lines and examples as a count
    from the start gives, whatever the line breaks."""
    from pressroom.source import line_number
    from pressroom.suggest import Document

    text = "Open Letter\r\n\r\nMay 5, 2011\r\rSigned by Anna Roe,\nBrian Doe and\r\nCarla Smith.\n"
    doc = Document("a.txt", text, [(0, len(text))])
    assert [doc.line_of(i) for i in range(len(text) + 1)] == \
        [line_number(text, i) for i in range(len(text) + 1)]
    signed = "The letter is signed by " + ", ".join(f"Anna Roe{i}" for i in range(300)) + "."
    text = "Open Letter\n\nMay 5, 2011\n\n" + signed + " Brian Doe agreed.\n"
    (found,) = [c for c in suggest([Document("b.txt", text, [(0, len(text))])])
                if c.name == "Brian Doe"]
    assert found.examples == [("b.txt", 5, "Brian Doe agreed")]


def test_the_tokens_of_every_release_are_not_kept_at_once():
    """The first pass counts the words of every release; the second reads one span at a
    time. Keeping the first pass's tokens for the second had held every release's at once:
    1.4 GB of the 2.2 GB suggest took on 10,000 releases."""
    import tracemalloc

    para = ("The committee said on Monday that the new rules would apply to all of the "
            "groups that work in the region, and that it would review them next year. ") * 30
    text = "Anna Kowalska of the Helsinki Committee spoke. " + para
    docs = [Document(f"d{i}.txt", text, [(0, len(text))]) for i in range(60)]
    tracemalloc.start()
    try:
        suggest(docs)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # one release's tokens take about 0.25 MB here; all 60 took 14 MB
    assert peak < 4_000_000, peak


ARABIC = """\
مصر: يجب الإفراج عن الناشطين المحتجزين

القاهرة، ٥ مايو/أيار ٢٠١١ – دعت المنظمة اليوم السلطات إلى الإفراج عن الناشطين.

وقال أحمد حسن، مدير البرنامج: "إن احتجازهم انتهاك للقانون الدولي".

«سنواصل الضغط على الحكومة»، قالت منى سعيد. "זו הפרה", אמר דוד כהן.
"""


def test_a_speaker_in_a_script_without_capitals_is_a_person_to_propose():
    """Arabic and Hebrew write names without capitals, which the capitals' reading finds no
    name by: the speakers the release names are proposed as people, with their sentence."""
    found = by_name(suggest(docs(ARABIC)))
    assert {name: c.type for name, c in found.items()} == {
        "أحمد حسن": "person", "منى سعيد": "person", "דוד כהן": "person"}
    (example,) = found["أحمد حسن"].examples
    assert example == ("r0.txt", 5, 'وقال أحمد حسن، مدير البرنامج: "إن احتجازهم انتهاك للقانون '
                                    'الدولي".')
    # one the registry has there, linked, is not
    (doc,) = docs(ARABIC)
    at = ARABIC.index("منى سعيد")
    doc.known = [(at, at + len("منى سعيد"))]
    assert "منى سعيد" not in by_name(suggest([doc]))


def test_a_speaker_in_capitals_is_proposed_once():
    """A speaker whose script has capitals is found by them, as before: not twice."""
    found = suggest(docs("Title\n\nGeneva – Text.\n\n«Мы будем следить», — сказала Мария "
                         "Иванова. “We will,” said Jane Roe.\n"))
    assert sorted((c.name, c.occurrences) for c in found if c.type == "person") == [
        ("Jane Roe", 1), ("Мария Иванова", 1)]
