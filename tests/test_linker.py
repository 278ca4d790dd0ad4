"""The mention linker: seed gold exactly, GUM scores, and the rules one by one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressroom.commands.evaluate import names_only, score
from pressroom.linker import FULL, Ambiguity, Linker, Mention, inferred_forms
from pressroom.registry import check_entities, load_registry

HERE = Path(__file__).resolve().parent
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SEED = DATA.parent / "seed" / "000_d06064d23047d2d5.txt"
GUM = DATA / "gum-news-train"
TYPES = ("person", "organization", "event", "place", "award")


def make_linker(*entries: dict) -> Linker:
    registry, problems = check_entities([(e, "test.yaml", n) for n, e in enumerate(entries, 1)], TYPES)
    assert not [p for p in problems if p.severity == "error"], problems
    return Linker(registry)


def spans(result) -> list[tuple[str, str]]:
    return [(m.surface, m.entity_id) for m in result.mentions]


def person(id_: str, name: str, *aliases: str) -> dict:
    return {"id": id_, "type": "person", "name": name, "aliases": list(aliases)}


def org(id_: str, name: str, *aliases: str) -> dict:
    return {"id": id_, "type": "organization", "name": name, "aliases": list(aliases)}


def place(id_: str, name: str, *aliases: str) -> dict:
    return {"id": id_, "type": "place", "name": name, "aliases": list(aliases)}


# --------------------------------------------------------------------------- the seed


def test_seed_gold_exact() -> None:
    registry, problems = load_registry(HERE / "data" / "seed-registry.yaml", TYPES)
    assert not [p for p in problems if p.severity == "error"], problems
    text = SEED.read_bytes().decode("utf-8")
    gold = json.loads((DATA / "seed-gold.json").read_text(encoding="utf-8"))
    result = Linker(registry).link(text)
    got = [(m.start, m.end, m.entity_id) for m in result.mentions]
    want = [(g["start"], g["end"], g["entity_id"]) for g in gold["mentions"]]
    assert got == want
    assert all(text[m.start:m.end] == m.surface for m in result.mentions)
    assert result.ambiguous == []


# --------------------------------------------------------------------------- GUM scores


@pytest.fixture(scope="module")
def gum():
    lines = (GUM / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line) for line in lines if line.strip()]
    registry, _ = load_registry(GUM / "registry.json")
    return docs, registry


def test_gum_aliases_regression(gum) -> None:
    docs, registry = gum
    result = score(docs, Linker(registry), "aliases")
    # a plain exact-match gazetteer gets 0.915
    assert result.f1 >= 0.935, result.line()
    assert result.recall >= 0.95, result.line()


def test_gum_names_regression(gum) -> None:
    docs, registry = gum
    result = score(docs, Linker(names_only(registry, TYPES)), "names")
    # a plain exact-match gazetteer gets 0.678
    assert result.f1 >= 0.839, result.line()


def test_evaluate_agrees_with_reference_scorer(tmp_path, gum) -> None:
    """Our in-process score equals score_linker.py's on a few documents."""
    import subprocess
    import sys

    docs, registry = gum
    few = docs[:3]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in few), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(DATA.parent / "tools" / "score_linker.py"), str(path),
         str(GUM / "registry.json"), "aliases", sys.executable, "-m", "pressroom"],
        capture_output=True, text=True, timeout=120, check=True,
    )
    ours = score(few, Linker(registry), "aliases").line()
    assert out.stdout.strip() == ours


# --------------------------------------------------------------------------- rules


def test_whole_words_only() -> None:
    linker = make_linker(place("iran", "Iran"), person("ann", "Ann Lee"))
    assert spans(linker.link("Iranian food. Iran. Ann Leeds.")) == [("Iran", "iran")]


def test_possessive_links_the_name() -> None:
    linker = make_linker(org("hrf", "Human Rights First"))
    text = "Human Rights First’s report and Human Rights First's letter"
    assert spans(linker.link(text)) == [("Human Rights First", "hrf")] * 2


def test_longest_match_wins() -> None:
    linker = make_linker(
        place("china", "China"),
        {"id": "dialogue", "type": "event", "name": "U.S.-China Human Rights Dialogue"},
    )
    result = linker.link("As the U.S.-China Human Rights Dialogue begins, China waits.")
    assert spans(result) == [("U.S.-China Human Rights Dialogue", "dialogue"), ("China", "china")]


def test_name_after_a_longer_non_word_match() -> None:
    """A leftmost-longest scan would take ``Ma Jun`` (inside ``Ma Junction``) and skip on."""
    linker = make_linker(person("ma-jun", "Ma Jun"), place("jc", "Junction City"))
    assert spans(linker.link("Ma Junction City")) == [("Junction City", "jc")]


def test_capitalized_title_is_part_of_the_mention() -> None:
    linker = make_linker(person("hu", "Hu Jintao"), person("ai", "Ai Weiwei"))
    result = linker.link("President Hu Jintao met artist Ai Weiwei. Prime Minister Hu Jintao left.")
    assert spans(result) == [("President Hu Jintao", "hu"), ("Ai Weiwei", "ai"),
                             ("Prime Minister Hu Jintao", "hu")]


def test_short_form_with_full_name_in_the_text() -> None:
    """A short form links when the full name is in the same text, before or after it
    (a headline often uses the surname before the body gives the full name)."""
    linker = make_linker(person("dooley", "Brian Dooley"), person("hu", "Hu Jintao"))
    text = "Dooley spoke. Brian Dooley said so. President Hu Jintao came, and President Hu left," \
           " Dooley concluded."
    assert spans(linker.link(text)) == [
        ("Dooley", "dooley"), ("Brian Dooley", "dooley"), ("President Hu Jintao", "hu"),
        ("President Hu", "hu"), ("Dooley", "dooley"),
    ]
    assert spans(linker.link("Brian spoke. Hu left.")) == []
    # a surname alone is the exception: see test_lone_surname_of_one_person_without_aliases


def test_short_form_of_someone_else() -> None:
    """``Ahmed Mohamed``, ``George Whitman``, ``Frank Rack``: a short form right next to a
    capitalized word that is no known name is part of another person's name."""
    linker = make_linker(person("walt", "Walt Whitman"), person("frank", "Frank Messina"),
                         person("mem", "Mohamed Elhassan Mohamed"))
    text = ("Walt Whitman wrote. His brother, George Whitman, fought. Whitman wrote again. "
            "Frank Messina met Frank Rack. Frank said so.")
    assert spans(linker.link(text)) == [
        ("Walt Whitman", "walt"), ("Whitman", "walt"), ("Frank Messina", "frank"),
        ("Frank", "frank"),
    ]
    # someone else's surname too: it no longer links before the full name
    text = "The student Ahmed Mohamed spoke. Mohamed left. His father Mohamed Elhassan Mohamed"
    assert spans(linker.link(text)) == [("Mohamed Elhassan Mohamed", "mem")]


def test_someone_else_first_owns_the_short_form() -> None:
    """A surname first written as part of an unknown person's name is that person's:
    the bare surname links nowhere, even after the registry entity's full name."""
    linker = make_linker(person("kent", "Clark Kent"))
    text = "The reporter Lois Kent spoke first. Her father Clark Kent agreed. Kent said so."
    assert spans(linker.link(text)) == [("Clark Kent", "kent")]


def test_one_word_name_as_someone_elses_surname() -> None:
    """``Valeska Paris, an Australian woman``: a one-word name after an unknown
    capitalized word, introduced as a person, is that person's surname; with no longer
    name of the entity in the text, the bare word links nowhere."""
    linker = make_linker(place("florence", "Florence"), place("italy", "Italy"))
    text = "Kaja Florence, a nurse from Italy, spoke.\n\nFlorence said she left in 2007."
    assert spans(linker.link(text)) == [("Italy", "italy")]
    assert spans(linker.link("Florence is in Italy. Florence, a city, spoke.")) == [
        ("Florence", "florence"), ("Italy", "italy"), ("Florence", "florence")]
    # an adjective before the name is no given name
    assert spans(linker.link("Northern Florence, a district, and Florence")) == [
        ("Florence", "florence"), ("Florence", "florence")]


def test_alias_of_a_person_inside_an_unknown_name() -> None:
    """A person's one-word alias next to an unknown capitalized word is part of another
    person's name: ``Sam Rivera`` is not ``Sam`` (Sam Carter), ``George Whitman`` not
    ``Whitman`` (Walt Whitman)."""
    linker = make_linker(person("sam", "Sam Carter", "Sam"), person("walt", "Walt Whitman", "Whitman"))
    assert spans(linker.link("Sam Rivera called. Sam said so.")) == []
    assert spans(linker.link("Sam Carter called. Sam said so.")) == [
        ("Sam Carter", "sam"), ("Sam", "sam")]
    assert spans(linker.link("Walt Whitman wrote; his brother, George Whitman, fought.")) == [
        ("Walt Whitman", "walt")]


@pytest.mark.parametrize("with_alias", [False, True])
def test_someone_else_by_any_shape_of_name_but_not_an_adjective_or_an_adverb(with_alias) -> None:
    """Whether a surname next to an unknown capitalized word is another person's is read
    from the word's shape, not from a list of names (a registry's names swapped for others
    of other shapes must link alike): a given name or surname of any usual shape
    (``Jean-Luc``, ``DeShawn``, ``McAllister``, ``O'Neil``) makes another person, as
    ``Dana`` did; an adjective after an article (``the Israeli Shalev``), an adjective of
    place (``the Japanese``) or a sentence's opening adverb (``Meanwhile Shalev said``) makes
    none. Each case below went the other way, with a one-word alias, without it or both."""
    extra = ("Shalev",) if with_alias else ()
    linker = make_linker(person("aner", "Aner Shalev", *extra), person("walt", "Walt Whitman"))
    first = "Aner Shalev spoke first."
    # (a given name ending like an adjective of place, ``Ashish``, ``Therese``: another
    # person's before a surname; before a one-word alias, still read as an adjective)
    endings = () if with_alias else ("Ashish", "Therese")
    for other in ("Dana", "Jean-Luc", "DeShawn", "McKenzie", "O'Neil", *endings):
        text = f"{first} Then his colleague {other} Shalev, who is 40, said more."
        assert spans(linker.link(text)) == [("Aner Shalev", "aner")], other
    for same in ("Later Shalev said more.", "Meanwhile Shalev said more.",
                 "Now Shalev says more.", "The Israeli Shalev said more.",
                 "The Italian Shalev said more.", "Then the Korean Shalev said more.",
                 "And then the Japanese Shalev said more.", "An Israeli, Shalev said more."):
        assert spans(linker.link(f"{first} {same}")) == [
            ("Aner Shalev", "aner"), ("Shalev", "aner")], same
    # a surname (or an alias) of another shape after an unknown given name is someone
    # else's too; after the full name, alone, it is the entity's again
    linker = make_linker(person("mca", "Walt McAllister", *(("McAllister",) if with_alias else ())))
    text = "Walt McAllister wrote; his cousin, Ida McAllister, fought. McAllister wrote again."
    assert [m.start for m in linker.link(text).mentions] == [0, text.rindex("McAllister")]
    # an organization's name of that shape is nobody's surname
    linker = make_linker(org("paypal", "PayPal"))
    assert spans(linker.link("Rival PayPal said it would appeal. PayPal has many users.")) == [
        ("PayPal", "paypal"), ("PayPal", "paypal")]


def test_a_short_form_is_also_written_without_its_accents() -> None:
    """A name with accents was matched without them (``Hernan Dario Gomez``), but not the
    forms inferred from it: ``Gomez`` after ``Hernán Darío Gómez`` and ``Lopez Obrador``
    linked nothing (or only ``Obrador``); ``Gruen`` is ``Grün`` written the German way."""
    linker = make_linker(person("gomez", "Hernán Darío Gómez"),
                         person("amlo", "Andrés Manuel López Obrador"),
                         person("grun", "Eberhard Grün"))
    assert spans(linker.link("Hernán Darío Gómez coached. Gomez said more. Gómez left.")) == [
        ("Hernán Darío Gómez", "gomez"), ("Gomez", "gomez"), ("Gómez", "gomez")]
    assert spans(linker.link("Andrés Manuel López Obrador spoke. Lopez Obrador said.")) == [
        ("Andrés Manuel López Obrador", "amlo"), ("Lopez Obrador", "amlo")]
    assert spans(linker.link("Eberhard Grün spoke. Gruen said. Grun said.")) == [
        ("Eberhard Grün", "grun"), ("Gruen", "grun"), ("Grun", "grun")]


def test_a_place_s_acronym_before_a_verb_is_a_mention() -> None:
    """A place's acronym before a lowercase word is a modifier (``U.S. officials``, no
    mention of the country), unless the word is a function word or a verb ending in -ed;
    an irregular verb was read as a noun, so ``the U.S. said``, ``the UK left`` and ``the US
    won`` linked nothing."""
    linker = make_linker(place("us", "United States"), place("uk", "United Kingdom"))
    text = ("The United States and the United Kingdom voted. The U.S. said no. The UK left. "
            "The US won gold. U.S. officials came. The U.S. government agreed. UK forces left.")
    found = [(m.surface, text[m.end:m.end + 5]) for m in linker.link(text).mentions]
    assert found == [("United States", " and "), ("United Kingdom", " vote"), ("U.S.", " said"),
                     ("UK", " left"), ("US", " won ")]


def test_a_name_starting_in_lower_case_at_the_start_of_a_sentence() -> None:
    """An alias written with a word in lower case first (``the Coalition``, ``de Gaulle``)
    is also linked with a capital at the start of a sentence (it was reported unused
    where every release opened a sentence with it); other changes of case are not."""
    linker = make_linker(org("hrc", "Harbor Rights Coalition", "the Coalition"),
                         person("dg", "Charles de Gaulle", "de Gaulle"))
    assert spans(linker.link("The Coalition said so. Later the Coalition agreed.")) == [
        ("The Coalition", "hrc"), ("the Coalition", "hrc")]
    assert spans(linker.link("De Gaulle spoke. Then de Gaulle left.")) == [
        ("De Gaulle", "dg"), ("de Gaulle", "dg")]
    assert spans(linker.link("the coalition and The coalition")) == []


def test_common_word_name_capitalized_for_another_reason() -> None:
    """A one-word name of a place or organization that is a common word (listed, or
    written in lower case in the same text) is no mention at the start of a sentence
    or inside a longer name (``Duke University``, ``University of Arkansas``)."""
    linker = make_linker(org("mag", "People"), org("usi", "University of Southern Indiana",
                                                   "University"), place("west", "Western world", "West"))
    assert spans(linker.link("She reads People. People want answers.")) == [("People", "mag")]
    text = "A university town. University staff met at Duke University, the University of Iowa" \
           " and the University."
    assert spans(linker.link(text)) == [("University", "usi")]
    # no lower-case use in the text (an address is none): a name, wherever it stands
    text = "See example.com/university. University staff agreed."
    assert spans(linker.link(text)) == [("University", "usi")]
    # compass points are common words in any text
    assert spans(linker.link("Kowloon West voted. Relations with the West improved.")) == [
        ("West", "west")]


def test_ambiguous_short_form_is_reported() -> None:
    linker = make_linker(person("gary-chan", "Gary Chan"), person("ben-chan", "Ben Chan"))
    result = linker.link("Gary Chan and Ben Chan met. Chan said no.")
    assert spans(result) == [("Gary Chan", "gary-chan"), ("Ben Chan", "ben-chan")]
    assert result.ambiguous == [Ambiguity(28, 32, "Chan", ("ben-chan", "gary-chan"))]


def test_short_form_of_one_mentioned_entity_links() -> None:
    linker = make_linker(person("gary-chan", "Gary Chan"), person("ben-chan", "Ben Chan"))
    result = linker.link("Gary Chan spoke. Chan said no.")
    assert spans(result) == [("Gary Chan", "gary-chan"), ("Chan", "gary-chan")]


def test_shared_short_form_links_the_one_named_before_it() -> None:
    linker = make_linker(person("lee-jm", "Lee Jae-myung"), person("lee-js", "Lee Jun-seok"))
    result = linker.link("Lee Jae-myung lost. Lee conceded. Later Lee Jun-seok spoke. Lee smiled.")
    assert spans(result) == [("Lee Jae-myung", "lee-jm"), ("Lee", "lee-jm"),
                             ("Lee Jun-seok", "lee-js")]
    assert [a.surface for a in result.ambiguous] == ["Lee"]  # both named before: unresolved


def test_a_surname_two_people_named_before_share_is_left_unresolved() -> None:
    """Which of two people a shared surname means is not said by who was named first: the
    bare ``Clinton`` after ``Bill Clinton`` and then ``Hillary Clinton`` is her here, and
    ``Stalin`` after ``M. K. Stalin`` and then his son is the father in another text. The
    mention is reported, not guessed."""
    linker = make_linker(person("bill", "Bill Clinton"), person("hillary", "Hillary Clinton"))
    result = linker.link("Former president Bill Clinton endorsed the plan on Monday. His wife, "
                         "Hillary Clinton, announced her candidacy a day later. Clinton, 67, "
                         "said she would run.")
    assert spans(result) == [("Bill Clinton", "bill"), ("Hillary Clinton", "hillary")]
    assert [a.surface for a in result.ambiguous] == ["Clinton"]


def test_a_preposition_and_a_place_ending_a_group_s_name_are_no_short_form() -> None:
    linker = make_linker(person("metis", "Métis in Canada"), place("canada", "Canada"))
    assert ("in Canada", 3) not in inferred_forms(linker.registry.get("metis"))
    result = linker.link("Schools run by the Church in Canada's west.")
    assert spans(result) == [("Canada", "canada")]


def test_a_name_s_capitalized_head_after_the_is_the_entity_named_before() -> None:
    linker = make_linker(org("scotus", "Supreme Court of the United States"),
                         org("cc", "Catholic Church"), org("hc", "High Court of Kenya"),
                         org("sc", "Supreme Court of Kenya"))
    text = ("The Court met. The Supreme Court of the United States ruled. The Court said so, "
            "for this Court. The Catholic Church agreed; the Church Street office and the "
            "Court of Appeal did not. The church was shut. 'Say the Church', the Court's "
            "critics said.")
    # ``the Court's critics`` after ``the Court of Appeal``: which court is not said
    assert spans(linker.link(text)) == [
        ("Supreme Court of the United States", "scotus"), ("Court", "scotus"),
        ("Court", "scotus"), ("Catholic Church", "cc"), ("Church", "cc")]
    # two courts named before: which one is meant is not said
    text = "The High Court of Kenya and the Supreme Court of Kenya met. The Court ruled."
    assert [m.surface for m in linker.link(text).mentions] == [
        "High Court of Kenya", "Supreme Court of Kenya"]


def test_a_head_after_another_name_with_that_head_is_not_the_one_named_before() -> None:
    """``the Bank`` after ``the World Bank`` and then ``the Bank of England`` was linked to
    the World Bank, and ``the Court`` after ``a Texas Court`` to the Supreme Court named
    before it: the nearer name, not in the registry, may be the one meant."""
    linker = make_linker(org("wb", "World Bank"), org("icc", "International Criminal Court"))
    text = ("The World Bank lent money. The Bank of England raised rates. The Bank said so. "
            "The International Criminal Court ruled; a Texas Court disagreed. The Court met.")
    assert spans(linker.link(text)) == [
        ("World Bank", "wb"), ("International Criminal Court", "icc")]
    # a word the name goes on after is no head: ``the Bank Holiday``, ``the Court Street``
    text = ("The World Bank lent money over the Bank Holiday. The Bank said so. The "
            "International Criminal Court ruled at Court Street. The Court met.")
    assert spans(linker.link(text)) == [
        ("World Bank", "wb"), ("Bank", "wb"), ("International Criminal Court", "icc"),
        ("Court", "icc")]


def test_an_acronym_with_the_small_words_initials_defined_in_brackets() -> None:
    linker = make_linker(org("tfgm", "Transport for Greater Manchester"),
                         org("dfe", "Department for Education"))
    text = ("Transport for Greater Manchester (TfGM) sets fares. TfGM said so. The Department "
            "for Education (DfE) agreed; the DfE and Tfgm and DFE did not.")
    assert spans(linker.link(text)) == [
        ("Transport for Greater Manchester", "tfgm"), ("TfGM", "tfgm"), ("TfGM", "tfgm"),
        ("Department for Education", "dfe"), ("DfE", "dfe"), ("DfE", "dfe")]


def test_an_acronym_in_another_language_defined_after_the_kind_of_body() -> None:
    """``the ruling Law and Justice party (PiS)``: neither the word ``party`` between the
    name and the brackets nor the small letter of an acronym of a name in another
    language (``PiS``, ``AfD``) stopped the text from defining it; a word that is no
    acronym (``McLaren``) or another kind of word (``agency``) still does not."""
    linker = make_linker(org("lj", "Law and Justice"), org("afd", "Alternative for Germany"),
                         org("wr", "Williams Racing"), org("un", "United Nations"))
    text = ("The ruling Law and Justice party (PiS) lost. PiS said so. Alternative for Germany "
            "(AfD) gained; AfD is far right. Williams Racing (McLaren) and the United Nations "
            "agency (UNCTAD) met; McLaren and UNCTAD spoke.")
    assert spans(linker.link(text)) == [
        ("Law and Justice", "lj"), ("PiS", "lj"), ("PiS", "lj"),
        ("Alternative for Germany", "afd"), ("AfD", "afd"), ("AfD", "afd"),
        ("Williams Racing", "wr"), ("United Nations", "un")]


def test_a_party_named_by_one_word_goes_by_the_word_or_its_members() -> None:
    """``Labour`` and ``the Conservatives`` were no mentions of ``Labour Party`` and
    ``Conservative Party`` without aliases: a party named by one word and ``Party`` goes by
    the word when it is a noun, and by its members' plural when it is an adjective
    (``Democrats``); not by a title (``Justice``), nor when two parties share the name."""
    linker = make_linker(org("lab", "Labour Party (UK)"), org("con", "Conservative Party (UK)"),
                         org("dem", "Democratic Party (United States)"),
                         org("jp", "Justice Party (South Korea)"), person("jj", "Jane Jones"))
    text = ("Labour won the seat. The Conservatives and the Democrats lost. "
            "Justice Jane Jones ruled. Conservative voters stayed home.")
    assert spans(linker.link(text)) == [
        ("Labour", "lab"), ("Conservatives", "con"), ("Democrats", "dem"),
        ("Justice Jane Jones", "jj")]
    two = make_linker(org("lab", "Labour Party (UK)"), org("lab-ie", "Labour Party (Ireland)"))
    assert spans(two.link("Labour won the seat.")) == []


def test_a_storm_goes_by_its_given_name_after_a_full_mention() -> None:
    linker = make_linker({"id": "ian", "type": "event", "name": "Hurricane Ian", "aliases": []},
                         {"id": "idai", "type": "event", "name": "Cyclone Idai", "aliases": []})
    assert spans(linker.link("Hurricane Ian hit Florida. Ian weakened.")) == [
        ("Hurricane Ian", "ian"), ("Ian", "ian")]
    assert spans(linker.link("Ian weakened. Idai hit Beira.")) == []  # no storm named


def test_a_court_case_goes_by_a_party_s_name_of_one_word() -> None:
    linker = make_linker({"id": "roe", "type": "event", "name": "Roe v. Wade", "aliases": []},
                         {"id": "casey", "type": "event", "name": "Planned Parenthood v. Casey",
                          "aliases": []},
                         org("pp", "Planned Parenthood"))
    text = ("The court overturned Roe v. Wade and Planned Parenthood v. Casey. Roe was wrong, "
            "and Casey upheld Roe's holding. Planned Parenthood objected.")
    assert spans(linker.link(text)) == [
        ("Roe v. Wade", "roe"), ("Planned Parenthood v. Casey", "casey"), ("Roe", "roe"),
        ("Casey", "casey"), ("Roe", "roe"), ("Planned Parenthood", "pp")]


def test_a_storm_s_or_a_case_s_word_opening_a_longer_name_is_no_mention() -> None:
    """``Sandy Hook`` after ``Hurricane Sandy`` and ``Brown University`` after ``Brown v.
    Board of Education`` were linked to the storm and the case; and ``the Commonwealth``
    (the prosecution) to ``Commonwealth v. Hunt``, which goes by its second party's name."""
    linker = make_linker({"id": "sandy", "type": "event", "name": "Hurricane Sandy", "aliases": []},
                         {"id": "brown", "type": "event", "name": "Brown v. Board of Education",
                          "aliases": []},
                         {"id": "hunt", "type": "event", "name": "Commonwealth v. Hunt",
                          "aliases": []})
    text = ("Hurricane Sandy flooded Sandy Hook. Sandy weakened. Brown v. Board of Education "
            "is taught at Brown University; Brown's reach grew. Commonwealth v. Hunt was "
            "decided; the Commonwealth had lost, and Hunt stood.")
    assert spans(linker.link(text)) == [
        ("Hurricane Sandy", "sandy"), ("Sandy", "sandy"), ("Brown v. Board of Education", "brown"),
        ("Brown", "brown"), ("Commonwealth v. Hunt", "hunt"), ("Hunt", "hunt")]


def test_contested_alias_resolved_by_earlier_mention() -> None:
    linker = make_linker(org("labour-hk", "Labour Party (Hong Kong)", "Labour Party"),
                         org("labour-uk", "Labour Party (UK)", "Labour Party"))
    result = linker.link("The Labour Party won.")
    assert result.mentions == []
    assert result.ambiguous[0].candidates == ("labour-hk", "labour-uk")
    result = linker.link("Labour Party (UK) leaders met. The Labour Party won.")
    assert spans(result) == [("Labour Party (UK)", "labour-uk"), ("Labour Party", "labour-uk")]


def test_all_caps_line_matches_case_insensitively() -> None:
    linker = make_linker(place("china", "China"), org("hrf", "Human Rights First"))
    text = "HUMAN RIGHTS FIRST URGES CHINA TO ACT\nChina must act. CHINA is not a word here.\n"
    assert spans(linker.link(text)) == [
        ("HUMAN RIGHTS FIRST", "hrf"), ("CHINA", "china"), ("China", "china"),
    ]


def test_case_sensitive_by_default() -> None:
    linker = make_linker({"id": "sed", "type": "event", "name": "Strategic and Economic Dialogue",
                          "aliases": ["strategic and economic dialogue"]})
    assert spans(linker.link("the Strategic And Economic Dialogue")) == []
    assert spans(linker.link("the strategic and economic dialogue")) == [
        ("strategic and economic dialogue", "sed")]


def test_acronyms_inferred_and_defined() -> None:
    linker = make_linker(org("un", "United Nations"), org("hrw", "Human Rights Watch"),
                         org("mfa", "Movimento Cinque Stelle"))
    text = ("The United Nations and Human Rights Watch (HRW) spoke; the U.N. and the UN agreed, "
            "HRW said. Movimento Cinque Stelle (M5S) too; M5S said.")
    got = spans(linker.link(text))
    assert got.count(("U.N.", "un")) == 1 and got.count(("UN", "un")) == 1
    assert got.count(("HRW", "hrw")) == 2
    assert ("M5S", "mfa") in got


def test_acronym_needs_the_full_name_in_the_text() -> None:
    linker = make_linker(org("un", "United Nations"))
    assert spans(linker.link("The UN met. Later the United Nations")) == [
        ("UN", "un"), ("United Nations", "un")]
    assert spans(linker.link("The UN met.")) == []


def test_currency_and_codes_are_no_names() -> None:
    linker = make_linker(place("us", "United States"), place("nz", "New Zealand", "NZ"),
                         org("cc", "Creative Commons", "CC"), place("nc", "North Carolina", "NC"))
    text = "The United States and New Zealand: US$ 20 and NZ $26; CC-BY-SA-NC, not CC BY-SA."
    assert spans(linker.link(text)) == [
        ("United States", "us"), ("New Zealand", "nz"), ("CC", "cc")]


def test_names_without_diacritics_and_in_catalogue_order() -> None:
    linker = make_linker(person("grun", "Eberhard Grün"), person("gomez", "Hernán Darío Gómez"),
                         person("austen", "Jane Austen"),
                         {"id": "wc", "type": "event", "name": "2018 FIFA World Cup"})
    text = "Eberhard Gruen, Eberhard Grun, Hernan Dario Gomez; Austen, Jane. FIFA World Cup 2018"
    assert spans(linker.link(text)) == [
        ("Eberhard Gruen", "grun"), ("Eberhard Grun", "grun"), ("Hernan Dario Gomez", "gomez"),
        ("Austen, Jane", "austen"), ("FIFA World Cup 2018", "wc")]


def test_an_event_named_with_its_year_after() -> None:
    """``Strategic Dialogue 2011`` is also written ``2011 Strategic Dialogue`` and, as no
    other entry is named so, ``Strategic Dialogue``; with an entry for the series, the
    name without the year is the series'."""
    sed = {"id": "sed", "type": "event", "name": "U.S.-China Strategic Dialogue 2011"}
    text = ("The U.S.-China Strategic Dialogue began. The 2011 U.S.-China Strategic Dialogue "
            "ended.")
    assert spans(make_linker(sed).link(text)) == [
        ("U.S.-China Strategic Dialogue", "sed"), ("2011 U.S.-China Strategic Dialogue", "sed")]
    series = {"id": "series", "type": "event", "name": "U.S.-China Strategic Dialogue"}
    assert spans(make_linker(sed, series).link(text)) == [
        ("U.S.-China Strategic Dialogue", "series"), ("2011 U.S.-China Strategic Dialogue", "sed")]


def test_place_acronym_not_as_modifier() -> None:
    linker = make_linker(place("us", "United States"))
    result = linker.link("In the U.S. and the US, U.S. officials and US President Obama")
    assert spans(result) == [("U.S.", "us"), ("US", "us")]


def test_whitespace_and_punctuation_variants_keep_offsets() -> None:
    linker = make_linker(org("hrf", "Human Rights First"), person("dooley", "Brian O'Dooley"))
    text = "Human\u00a0Rights  First and Human\nRights First; Brian O’Dooley"
    result = linker.link(text)
    assert [(m.start, m.end) for m in result.mentions] == [(0, 19), (24, 42), (44, 58)]
    assert all(text[m.start:m.end] == m.surface for m in result.mentions)
    # a paragraph break is no space inside a name
    assert spans(linker.link("Human Rights\n\nFirst")) == []


def test_spans_restrict_linking_but_keep_document_state() -> None:
    linker = make_linker(person("dooley", "Brian Dooley"))
    text = "Brian Dooley said. FOOTER Dooley. Dooley concluded."
    result = linker.link(text, [(0, 18), (34, len(text))])
    assert result.mentions == [Mention(0, 12, "dooley", "Brian Dooley"),
                               Mention(34, 40, "dooley", "Dooley")]


def test_inferred_forms_are_rules_not_lists() -> None:
    from pressroom.registry import Entity

    forms = dict(inferred_forms(Entity("x", "organization", "Church of Scientology")))
    assert "Scientology" in forms and "Scientology Church" in forms
    forms = dict(inferred_forms(Entity("y", "person", "O. J. Simpson")))
    assert "O.J. Simpson" in forms and "Simpson" in forms
    forms = dict(inferred_forms(Entity("z", "place", "Irving, Texas")))
    assert "Irving" in forms


def test_head_of_several_words_stands_for_the_name_mentioned_in_full() -> None:
    linker = make_linker(org("hc", "High Tribunal of Verania"))
    # a short form: linked when the text names the entity in full, not otherwise
    text = "Later the High Tribunal of Verania met, and the High Tribunal ruled again."
    assert spans(linker.link(text)) == [("High Tribunal of Verania", "hc"),
                                        ("High Tribunal", "hc")]
    assert spans(linker.link("The High Tribunal ruled.")) == []
    # two entities with the same head: the short form is left unlinked and reported
    two = make_linker(org("hc", "High Tribunal of Verania"), org("hq", "High Tribunal of Quell"))
    result = two.link("The High Tribunal of Verania and the High Tribunal of Quell met; "
                      "the High Tribunal ruled.")
    assert [m.surface for m in result.mentions] == ["High Tribunal of Verania",
                                                    "High Tribunal of Quell"]
    assert [a.surface for a in result.ambiguous] == ["High Tribunal"]


def test_a_body_s_head_stands_for_it_where_its_owner_is_named() -> None:
    linker = make_linker(org("ccp", "Chinese Communist Party"),
                         org("cc", "Central Committee of the Chinese Communist Party"),
                         org("pb", "Politburo of the Chinese Communist Party"),
                         {"id": "c20", "type": "event", "name":
                          "20th National Congress of the Chinese Communist Party", "aliases": []},
                         place("id", "Indonesia"), org("mk", "Constitutional Court of Indonesia"),
                         org("cei", "Episcopal Conference of Italy"), place("it", "Italy"))
    text = ("The Chinese Communist Party closed its 20th National Congress. The new Central "
            "Committee met, and the Politburo shrank.")
    assert spans(linker.link(text)) == [
        ("Chinese Communist Party", "ccp"), ("20th National Congress", "c20"),
        ("Central Committee", "cc"), ("Politburo", "pb")]
    assert spans(linker.link("In Indonesia, the Constitutional Court ruled.")) == [
        ("Indonesia", "id"), ("Constitutional Court", "mk")]
    # the owner not named, or the head a word of a longer name: no mention
    assert spans(linker.link("The Constitutional Court ruled. The Central Committee met.")) == []
    assert spans(linker.link("In Italy, the Italian Episcopal Conference met.")) == [
        ("Italy", "it")]
    # another entry of the owner's type named too: which body is not said
    assert spans(linker.link("Indonesia and Italy signed a treaty. In Rome, the "
                             "Constitutional Court will hear the case.")) == [
        ("Indonesia", "id"), ("Italy", "it")]


def test_common_short_given_name_stands_for_the_full_one() -> None:
    linker = make_linker(person("rq", "Robert J. Quillfeather"), person("lv", "Lawrence Vantrell"))
    text = "Rob Quillfeather met Larry Vantrell's editor; Bob Quillfeather left."
    assert spans(linker.link(text)) == [("Rob Quillfeather", "rq"), ("Larry Vantrell", "lv"),
                                        ("Bob Quillfeather", "rq")]
    # never the reverse: a short given name in the registry is no longer one in the text
    assert spans(make_linker(person("rq", "Rob Quillfeather")).link(
        "Robert Quillfeather spoke.")) == []


def test_group_named_people_goes_by_its_name() -> None:
    linker = make_linker(person("zor", "Zorvani people"))
    assert spans(linker.link("Many Zorvani fled; the Zorvani people protested.")) == [
        ("Zorvani", "zor"), ("Zorvani people", "zor")]


def test_place_without_its_generic_word() -> None:
    linker = make_linker(place("bk", "Brakmoor County"), place("ql", "Quelland Province"))
    text = "Shells fell on Brakmoor, in the north of Quelland."
    assert spans(linker.link(text)) == [("Brakmoor", "bk"), ("Quelland", "ql")]


def test_a_strip_without_its_word_and_a_mountain_without_mount_once_named() -> None:
    linker = make_linker(place("gz", "Gaza Strip"), place("ev", "Mount Everest"),
                         place("lb", "Mount Lebanon"))
    assert spans(linker.link("Aid reached Gaza on Monday.")) == [("Gaza", "gz")]
    text = "They climbed Mount Everest in May. Everest was crowded."
    assert spans(linker.link(text)) == [("Mount Everest", "ev"), ("Everest", "ev")]
    # ``Mount`` is left out only once the mountain is named: ``Lebanon`` alone is no mountain
    assert spans(linker.link("Everest was crowded. Lebanon voted.")) == []


def test_a_royal_with_a_title_and_a_realm_or_a_style_goes_by_title_and_name() -> None:
    linker = make_linker(person("lt", "Queen Letizia of Spain"),
                         person("sf", "Infanta Sofía of Spain"),
                         person("wm", "William, Prince of Wales"), place("es", "Spain"))
    text = ("Queen Letizia and Infanta Sofía watched in Spain. Prince William did not travel; "
            "Letizia cheered.")
    assert spans(linker.link(text)) == [
        ("Queen Letizia", "lt"), ("Infanta Sofía", "sf"), ("Spain", "es"),
        ("Prince William", "wm"), ("Letizia", "lt")]


def test_united_states_written_short_inside_longer_names() -> None:
    linker = make_linker(
        place("us", "United States"),
        org("dow", "United States Department of Weather"),
        org("kelp", "United States Kelp Agency"),
    )
    text = ("The U.S. Department of Weather and the US Kelp Agency met. "
            "The Weather Department said U.S. officials agreed.")
    assert spans(linker.link(text)) == [
        ("U.S. Department of Weather", "dow"), ("US Kelp Agency", "kelp"),
        ("Weather Department", "dow")]
    dow = next(e for e in linker.registry if e.id == "dow")
    assert ("U.S. Weather Department", FULL) in inferred_forms(dow)


def test_event_without_its_year_after_a_full_mention() -> None:
    linker = make_linker({"id": "g", "type": "event", "name": "2031 Winter Glacigames"})
    assert spans(linker.link("Glacigames tickets sold out.")) == []
    text = "The 2031 Winter Glacigames open today. The Glacigames close in March."
    assert spans(linker.link(text)) == [("2031 Winter Glacigames", "g"), ("Glacigames", "g")]


def test_and_written_as_ampersand() -> None:
    linker = make_linker(org("ml", "Marta and Lio Brennet Gallery"), org("pq", "Pell & Quorn Institute"))
    text = "The Marta & Lio Brennet Gallery and the Pell and Quorn Institute."
    assert spans(linker.link(text)) == [
        ("Marta & Lio Brennet Gallery", "ml"), ("Pell and Quorn Institute", "pq")]


def test_automaton_built_once_per_linker(monkeypatch) -> None:
    """The automaton is built when the Linker is, never per text; link() reuses it."""
    import ahocorasick

    built = []
    real = ahocorasick.Automaton

    def counting(*args):
        built.append(args)
        return real(*args)

    monkeypatch.setattr(ahocorasick, "Automaton", counting)
    linker = make_linker(person("dooley", "Brian Dooley"), place("china", "China"))
    assert len(built) == 1
    automaton = linker._automaton
    texts = ["Brian Dooley said. Dooley left.", "CHINA\nChina and Brian Dooley", "Nothing here"]
    first = [linker.link(text) for text in texts]
    again = [linker.link(text) for text in texts]
    assert len(built) == 1 and linker._automaton is automaton
    assert first == again
    assert spans(first[0]) == [("Brian Dooley", "dooley"), ("Dooley", "dooley")]


def test_empty_registry_and_text() -> None:
    linker = make_linker()
    assert linker.link("Anything at all").mentions == []
    linker = make_linker(place("china", "China"))
    assert linker.link("").mentions == []


def test_lone_surname_of_one_person_without_aliases() -> None:
    """A surname only one registry person holds links without the full name in the text;
    not inside a longer capitalized name, nor for an entry whose aliases say how it is written."""
    linker = make_linker(person("vrk", "Mikhail Varokov"), person("cap", "Captain Zelmora"),
                         person("tal", "Ira Talvend", "Ira"))
    text = ("Varokov agreed, and President Varokov said so. The Varokov Institute and "
            "Dr. Varokov disagree. Zelmora and Talvend stayed home.")
    assert spans(linker.link(text)) == [
        ("Varokov", "vrk"), ("President Varokov", "vrk"), ("Dr. Varokov", "vrk")]
    # someone else of that surname in the text: the bare surname is theirs
    assert spans(linker.link("Then Anna Varokov spoke. Varokov left.")) == []


def test_place_initials_without_the_last_dot() -> None:
    """``U.S`` is ``U.S.`` written without its last dot; a contracted verb after it
    (``wouldn't``) is modified by nothing."""
    linker = make_linker(place("ql", "Quelland Republic"))
    text = "But the Q.R wouldn't agree. In the Q.R. and Q.R officials and Q.R. officials."
    assert spans(linker.link(text)) == [("Q.R", "ql"), ("Q.R.", "ql")]


def test_place_acronym_before_a_verb_in_ed() -> None:
    """``in the UK expected next month``: a verb after the acronym, not a noun it modifies."""
    linker = make_linker(place("ql", "Quelland Republic"))
    text = "Asylum in the QR expected soon; QR officials and the QR red tape."
    assert spans(linker.link(text)) == [("QR", "ql")]


def test_organization_named_by_another_entity_goes_by_its_last_word() -> None:
    """``Microsoft Bing`` is ``Bing``, the ``New York Mets`` the ``Mets``: another entity's
    name and one word; not inside a longer capitalized name (``Mets Poet``)."""
    linker = make_linker(place("qc", "Quell City"), org("qcf", "Quell City Falcons"),
                         org("zt", "The Zarn Tribune"), place("zarn", "Zarn"))
    text = "The Falcons lost; the Tribune wrote that the Falcons Poet and the Morning Tribune agree."
    assert spans(linker.link(text)) == [("Falcons", "qcf"), ("Tribune", "zt")]


def test_lowercase_particle_before_a_hyphen_capitalized() -> None:
    linker = make_linker(place("mq", "Masjid al-Qorvan"))
    assert spans(linker.link("Pilgrims near the Masjid Al-Qorvan prayed.")) == [
        ("Masjid Al-Qorvan", "mq")]


def test_a_surname_with_particles_opening_a_sentence_and_after_a_given_name() -> None:
    """``Bin Zarqa`` at a sentence's start and ``Tavo da Quell`` (the name before the
    particles) link whole after the full name; they were ``Bin [Zarqa]`` and ``[Tavo]
    [da Quell]``."""
    linker = make_linker(person("bz", "Hamad bin Zarqa"), person("tq", "Rui Almo Tavo da Quell"),
                         person("vm", "Piet van Morrel"))
    text = ("Hamad bin Zarqa met Rui Almo Tavo da Quell and Piet van Morrel. Bin Zarqa left. "
            "Tavo da Quell stayed. Van Morrel spoke.")
    assert spans(linker.link(text))[3:] == [("Bin Zarqa", "bz"), ("Tavo da Quell", "tq"),
                                            ("Van Morrel", "vm")]


def test_a_hyphenated_given_name_written_as_two_words() -> None:
    linker = make_linker(person("kmw", "Kim Min-woo"))
    text = "Kim Min-woo, Kim Min-Woo and Kim Min Woo met; Min Woo spoke."
    assert spans(linker.link(text)) == [("Kim Min-woo", "kmw"), ("Kim Min-Woo", "kmw"),
                                        ("Kim Min Woo", "kmw")]


def test_a_name_then_a_comma_is_not_read_in_a_catalogue_order() -> None:
    """``Tomas Quill, Tomas …``: the name in its own order (``Quill, Tomas``, one character
    longer with its comma, had won, leaving ``Tomas`` alone)."""
    linker = make_linker(person("tq", "Tomas Quill"))
    assert spans(linker.link("Tomas Quill, Tomas's brother, wrote. See Quill, Tomas.")) == [
        ("Tomas Quill", "tq"), ("Tomas", "tq"), ("Quill, Tomas", "tq")]


def test_no_mention_inside_a_web_address_an_e_mail_address_or_a_hashtag() -> None:
    """``https://example.org/Zarnia/…``, ``Zarnia@example.org``, ``#Zarnia``: no prose, no
    mention (they were linked, cutting the address into pieces on the page)."""
    linker = make_linker(place("zr", "Zarnia"), person("jr", "Jane Roe"))
    text = ("Jane Roe on Zarnia: see https://example.org/Zarnia/Jane-Roe, www.example.org/Zarnia "
            "or write to Zarnia@example.org (#Zarnia, @Zarnia). Zarnia/Quellia border.")
    assert spans(linker.link(text)) == [("Jane Roe", "jr"), ("Zarnia", "zr"), ("Zarnia", "zr")]
    assert [m.start for m in linker.link(text).mentions][-1] == text.index("Zarnia/Quellia")


def test_person_without_the_middle_name() -> None:
    linker = make_linker(person("mur", "Tomas Belarmo Quintero"))
    assert spans(linker.link("A shot by Tomas Quintero was saved.")) == [("Tomas Quintero", "mur")]


def test_hyphen_written_with_spaces_round_it() -> None:
    linker = make_linker(org("cv", "Council on Zarnian–Quellish Relations"))
    text = "The Council on Zarnian - Quellish Relations and the Council on Zarnian-Quellish Relations."
    assert spans(linker.link(text)) == [
        ("Council on Zarnian - Quellish Relations", "cv"), ("Council on Zarnian-Quellish Relations", "cv")]


def test_compass_compound_written_in_two_words() -> None:
    linker = make_linker(place("sq", "Southwest Quelland"), place("nz", "North East Zarnia"))
    text = "From South West Quelland, South-West Quelland and Northeast Zarnia."
    assert spans(linker.link(text)) == [
        ("South West Quelland", "sq"), ("South-West Quelland", "sq"), ("Northeast Zarnia", "nz")]


def test_campus_without_at_and_with_an_acronym() -> None:
    linker = make_linker(org("uq", "University of North Quelland at Brakmoor"))
    text = "Students at University of North Quelland Brakmoor and the UNQ Brakmoor exhibit."
    assert spans(linker.link(text)) == [
        ("University of North Quelland Brakmoor", "uq"), ("UNQ Brakmoor", "uq")]


def test_generic_last_word_names_no_organization() -> None:
    """``Council`` ends several names: a generic head noun, no short form of any of them."""
    linker = make_linker(place("qc", "Quell City"), org("qcc", "Quell City Council"),
                         org("bc", "Brakmoor Youth Council"), org("zc", "Zarn Trade Council"))
    assert spans(linker.link("The Council met.")) == []


def test_office_title_alone_is_the_person_last_named_with_it() -> None:
    """``the President`` after ``President Zel Varokov``; ``the Secretary of State`` after
    ``Ira Talvend, the Secretary of State``; not ``the President of Quelland``, nor a title
    no one was named with."""
    linker = make_linker(person("vrk", "Zel Varokov"), person("tal", "Ira Talvend"))
    text = ("The Governor spoke. President Zel Varokov and Ira Talvend, the Secretary of State, "
            "met. The President left; the Secretary of State stayed. The President of Quelland "
            "and the President Zel Varokov.")
    assert spans(linker.link(text)) == [
        ("President Zel Varokov", "vrk"), ("Ira Talvend", "tal"), ("Secretary of State", "tal"),
        ("President", "vrk"), ("Secretary of State", "tal"), ("President Zel Varokov", "vrk")]


def test_an_office_title_with_capitalized_words_before_it_is_that_office() -> None:
    """``the First Minister`` after ``First Minister Humza Yousaf`` was no mention: the
    office was taken to be ``Minister``. Capitalized words right before the title name the
    office (``the Culture Minister``); the title alone still goes to the person last named
    with it, and another office is no one's."""
    linker = make_linker(person("hy", "Humza Yousaf"), person("ram", "Rima Abdul Malak"))
    text = ("We wrote to First Minister Humza Yousaf. The First Minister came. Later Culture "
            "Minister Rima Abdul Malak spoke; the Culture Minister was stunned, the Minister "
            "said, and the Finance Minister said nothing.")
    assert spans(linker.link(text)) == [
        ("Minister Humza Yousaf", "hy"), ("First Minister", "hy"),
        ("Minister Rima Abdul Malak", "ram"), ("Culture Minister", "ram"), ("Minister", "ram")]


# ----------------------------------------------------------------- what a registry edit moves


def _moved(before: list[dict], after: list[dict], text: str) -> tuple[bool, bool]:
    """(does the finder of the changed keys find one in *text*, do the two linkers link
    *text* differently)."""
    from pressroom.linker import key_finder

    old, new = make_linker(*before), make_linker(*after)
    found = key_finder(new.changed_keys(old.fingerprints()))(text)
    return found, spans(old.link(text)) != spans(new.link(text))


QUILLON = org("harbor-quillon", "Harbor Quillon")
HARBOR = org("harbor", "Harbor")


@pytest.mark.parametrize(("before", "after", "text", "moved"), [
    # the same registry, or an edit that changes no name: nothing to look for
    ([QUILLON], [QUILLON], "Harbor Quillon and Quillon.", False),
    ([QUILLON], [{**QUILLON, "description": "Other words."}], "Harbor Quillon.", False),
    # another entry comes: the organization goes by its last word, though neither is named
    ([QUILLON], [QUILLON, HARBOR], "Then Quillon said so.", True),
    ([QUILLON, HARBOR], [QUILLON], "Then Quillon said so.", True),
    # an entry that becomes a person: its surname links after its name
    ([org("zed", "Zed Quorra")], [person("zed", "Zed Quorra")], "Zed Quorra. Then Quorra.", True),
])
def test_the_keys_a_registry_edit_moves(before, after, text, moved) -> None:
    found, differs = _moved(before, after, text)
    assert (found, differs) == (moved, moved)


def test_the_finder_looks_where_the_linker_does() -> None:
    from pressroom.linker import key_finder

    keys = make_linker(QUILLON, HARBOR).changed_keys(make_linker(QUILLON).fingerprints())
    assert " Quillon " in keys and " QUILLON " in keys  # the word, and its capitals
    found = key_finder(keys)
    assert found("GENEVA – QUILLON SAYS NO\n\nThe body.")
    assert found("Quillon\u2019s office")  # a curly apostrophe, as the linker reads it
    assert not found("Quillonville is a town.")  # whole words only
    assert not key_finder([])("Quillon")
    assert make_linker().changed_keys(make_linker().fingerprints()) == []
    # fingerprints are the same from one process to the next (no ``hash``)
    import pickle
    import subprocess
    import sys

    script = ("import pickle, sys; from test_linker import make_linker, QUILLON; "
              "sys.stdout.buffer.write(pickle.dumps(make_linker(QUILLON).fingerprints()))")
    other = pickle.loads(subprocess.run([sys.executable, "-c", script], cwd=HERE, check=True,
                                        capture_output=True).stdout)
    assert make_linker(QUILLON).changed_keys(other) == []
    # the type changes: the entry's keys, no other entry's
    keys = make_linker(person("zed", "Zed Quorra"), org("o", "Other Body")).changed_keys(
        make_linker(org("zed", "Zed Quorra"), org("o", "Other Body")).fingerprints())
    assert " Zed Quorra " in keys and not any("Other" in k for k in keys)


def event(id_: str, name: str, *aliases: str) -> dict:
    return {"id": id_, "type": "event", "name": name, "aliases": list(aliases)}


def test_names_as_encyclopedias_and_company_registers_write_them() -> None:
    """Forms a registry imported from an encyclopedia or a company register holds, which
    releases write shorter: a disambiguation in parentheses, a legal form of another
    country (``ASA``, ``SE``, ``Limited``), a club's ``FC``, a ``YEAR Event``."""
    linker = make_linker(org("moh", "Ministry of Health (Kenya)"),
                         org("norvane", "Norvane Systems ASA"), org("ohb", "OHB SE"),
                         org("mws", "Meridian Water Services Limited"),
                         org("fcb", "FC Barcelona"), org("safc", "Sunderland A.F.C."),
                         place("barcelona", "Barcelona"),
                         event("pcs", "2024 Paris Conference on Sudan"), place("paris", "Paris"))
    text = ("The Ministry of Health said the Health Ministry would report. Norvane Systems "
            "and OHB signed; Meridian Water Services paid. Barcelona won against Sunderland. "
            "The Paris Conference on Sudan ended in Paris.")
    assert spans(linker.link(text)) == [
        ("Ministry of Health", "moh"), ("Health Ministry", "moh"),
        ("Norvane Systems", "norvane"), ("OHB", "ohb"),
        ("Meridian Water Services", "mws"), ("Barcelona", "barcelona"),
        ("Sunderland", "safc"), ("Paris Conference on Sudan", "pcs"), ("Paris", "paris")]
    # the club's name without its affix gives way to the city named so; without the city
    # it is the club's
    assert spans(make_linker(org("fcb", "FC Barcelona")).link("Barcelona won.")) == [
        ("Barcelona", "fcb")]
    # a company's initials before its name are no club's affix (``CF Industries``, ``CD
    # Projekt``, ``AS Watson``), and no word alone is taken from such a name
    linker = make_linker(org("cf", "CF Industries"), org("cdp", "CD Projekt"),
                         org("asw", "AS Watson"), org("p", "Party (UK)"),
                         event("o", "2024 Olympics"), event("s", "2022 Summit"))
    assert spans(linker.link("Later Industries shares rose, Projekt fell and Watson left. "
                             "The Party said the Olympics in 1996 and the Summit opened.")) == []
    # an event of one word with its year, written either way: the word alone is this
    # year's only after the full name
    linker = make_linker(event("o", "Olympics 2024"))
    assert spans(linker.link("The Olympics in 1996 were hot.")) == []
    assert spans(linker.link("The Olympics 2024 opened. The Olympics ended.")) == [
        ("Olympics 2024", "o"), ("Olympics", "o")]


def test_arabic_surnames_and_prefixes_of_names() -> None:
    """``al-Hashimi`` (a surname with its article) gave no short form, since its first
    letter is lower case; ``DJ`` before a name was taken as a surname."""
    linker = make_linker(person("hashimi", "Yousef al-Hashimi"), person("dj", "DJ Lunaris"),
                         person("abd", "Ali Abd-Allah"))
    text = ("Yousef al-Hashimi spoke. Dr. al-Hashimi said more. Al-Hashimi left; Hashimi "
            "returned. A DJ set by DJ Lunaris followed, and Lunaris thanked the DJ.")
    assert spans(linker.link(text)) == [
        ("Yousef al-Hashimi", "hashimi"), ("Dr. al-Hashimi", "hashimi"), ("Al-Hashimi", "hashimi"),
        ("Hashimi", "hashimi"), ("DJ Lunaris", "dj"), ("Lunaris", "dj")]
    # ``Abd-Allah`` is a given name of two words, not a surname with its article
    assert spans(linker.link("Ali Abd-Allah spoke. He said Allah is great.")) == [
        ("Ali Abd-Allah", "abd")]


def test_letters_unicode_does_not_write_with_a_mark_are_folded_too() -> None:
    """``Đức``, ``Łódź`` and ``Børs`` kept their letters when their accents were taken
    off, so ``Do Van Duc``, ``Lodz`` and ``Oslo Bors`` matched nothing."""
    linker = make_linker(person("duc", "Đỗ Văn Đức"), place("lodz", "Łódź"),
                         org("bors", "Oslo Børs"))
    assert spans(linker.link("Do Van Duc visited Lodz and Oslo Bors.")) == [
        ("Do Van Duc", "duc"), ("Lodz", "lodz"), ("Oslo Bors", "bors")]


def test_a_dateline_s_place_in_capitals_is_a_mention() -> None:
    """A name in capitals was matched only on a line all in capitals, so the place of a
    dateline (``BAKU, 2 May 2024 – President…``) was never linked. Elsewhere on such a line
    capitals are still no mention (``a BAKU sign``)."""
    linker = make_linker(place("baku", "Baku"), place("ny", "New York"), place("oslo", "Oslo"))
    for text, surface, eid in [("BAKU, 2 May 2024 – The court ruled.", "BAKU", "baku"),
                               ("  NEW YORK (Reuters) – The court ruled.", "NEW YORK", "ny"),
                               ("OSLO – The court ruled.", "OSLO", "oslo"),
                               ("Headline\n\nOSLO — The court ruled.", "OSLO", "oslo")]:
        assert spans(linker.link(text)) == [(surface, eid)], text
    for text in ["The court saw a BAKU sign.", "Visit BAKU today.", "In BAKU, it rained.",
                 "BAKU is far.", "BAKU, the capital, is far."]:
        assert spans(linker.link(text)) == [], text
    # an acronym opening a line, then a comma and words in lower case, is no dateline
    linker = make_linker(place("nice", "Nice"), place("reading", "Reading"))
    assert spans(linker.link("NICE, the health watchdog, said so.\nREADING, writing and "
                             "arithmetic.")) == []


def test_a_lone_surname_after_an_opening_word_or_written_without_accents() -> None:
    """In a release that never gives the full name, a surname standing alone links its
    person; ``Meanwhile Dooley said`` and ``the Israeli Dooley`` did not (any capitalized
    word before it was read as a given name), nor did ``Gomez`` for ``Ana Gómez``, although
    every other form inferred from a name is matched without its accents."""
    linker = make_linker(person("dooley", "Brian Dooley"), person("gomez", "Ana Gómez"),
                         person("grun", "Eberhard Grün"))
    text = ("Dooley agreed. Meanwhile Dooley said more. The Israeli Dooley spoke. Gomez "
            "agreed. Gruen left.")
    assert spans(linker.link(text)) == [("Dooley", "dooley")] * 3 + [
        ("Gomez", "gomez"), ("Gruen", "grun")]
    # another person's given name before it is still someone else, after an article too
    assert spans(linker.link("Dooley agreed. Later Mary Dooley said more.")) == []
    assert spans(linker.link("The Anna Dooley case was heard.")) == []
    # and the words of a longer name before an organization's last word are no adjective
    linker = make_linker(org("zt", "The Zarn Tribune"), place("zarn", "Zarn"))
    assert spans(linker.link("The Zarn Tribune wrote; the Morning Tribune agreed.")) == [
        ("The Zarn Tribune", "zt")]


def test_a_headline_s_capitals_are_no_given_names() -> None:
    """A capitalized word before a surname is read as another person's given name, and
    that person, first in the text, took the surname from the whole release; in a headline
    in Title Case (``Police Arrest Mammadova in Baku``) every word is capitalized."""
    linker = make_linker(person("leyla", "Leyla Mammadova"), place("baku", "Baku"))
    text = "Police Arrest Mammadova in Baku\n\nPolice arrested Leyla Mammadova. Mammadova denied it."
    assert spans(linker.link(text, [(0, 31), (33, len(text))])) == [
        ("Mammadova", "leyla"), ("Baku", "baku"), ("Leyla Mammadova", "leyla"),
        ("Mammadova", "leyla")]
    # in a sentence, the capitalized word is still a given name
    text = "Officers said Aysel Mammadova left.\n\nLeyla Mammadova stayed. Mammadova spoke."
    assert spans(linker.link(text, [(0, 35), (37, len(text))])) == [
        ("Leyla Mammadova", "leyla")]
    # and so it is on a line in Title Case that is no headline (a credit line)
    text = "Leyla Mammadova spoke today.\n\nReporting by Aysel Mammadova; Editing by Peter Graff"
    assert spans(linker.link(text, [(0, 28), (30, len(text))])) == [
        ("Leyla Mammadova", "leyla")]


def test_an_acronym_the_body_defines_is_linked_in_the_headline_above() -> None:
    """``Kenya Medical Research Institute (KEMRI)`` defines KEMRI from there on; the
    headline above it (``KEMRI Confirms Outbreak``) is read first, but says the same."""
    linker = make_linker(org("kemri", "Kenya Medical Research Institute"))
    text = "KEMRI Confirms Outbreak\n\nThe Kenya Medical Research Institute (KEMRI) said so."
    assert spans(linker.link(text, [(0, 23), (25, len(text))])) == [
        ("KEMRI", "kemri"), ("Kenya Medical Research Institute", "kemri"), ("KEMRI", "kemri")]
    # in the body, before the definition, it is not yet defined
    text = "KEMRI spoke first.\n\nThe Kenya Medical Research Institute (KEMRI) said so."
    assert spans(linker.link(text, [(0, len(text))])) == [
        ("Kenya Medical Research Institute", "kemri"), ("KEMRI", "kemri")]


def test_an_entity_s_own_acronym_defined_in_brackets_after_other_words() -> None:
    """An inferred acronym links only after the full name; a release that calls the entity
    something else and gives its acronym in brackets (``the UN Refugee Agency (UNHCR)``)
    names it as surely. Not an acronym two entities share, nor one no bracket defines."""
    linker = make_linker(org("unhcr", "United Nations High Commissioner for Refugees"),
                         org("icc", "International Criminal Court"),
                         org("icc2", "International Chamber of Commerce"))
    assert spans(linker.link("The UN Refugee Agency (UNHCR) said so. UNHCR added.")) == [
        ("UNHCR", "unhcr"), ("UNHCR", "unhcr")]
    assert spans(linker.link("UNHCR said so.")) == []
    assert spans(linker.link("The court in The Hague (ICC) said so.")) == []
    # the words before it spell it: it is theirs (``the Indian Cricket Club (ICC)``)
    linker = make_linker(org("icc", "International Criminal Court"),
                         org("who", "World Health Organization"))
    assert spans(linker.link("The Indian Cricket Club (ICC) met. The ICC said. The Western "
                             "Hemisphere Office (WHO) and the office of the west (WOTW) too.")) == []


def test_what_the_text_and_the_registry_say_before_what_is_inferred() -> None:
    """An acronym a release defines (``Pakatan Harapan (PH)``) was linked to the entity
    whose inferred initials it is (Port Harcourt); a registry's alias (``N.S.`` of Nova
    Scotia) was ambiguous with another place's inferred initials (North Street's)."""
    linker = make_linker(org("ph", "Pakatan Harapan"), place("phc", "Port Harcourt"))
    assert spans(linker.link("The winner was Pakatan Harapan (PH), ahead of the others. "
                             "PH won.")) == [("Pakatan Harapan", "ph"), ("PH", "ph"), ("PH", "ph")]
    assert spans(linker.link("In Port Harcourt (PH) the PH office said.")) == [
        ("Port Harcourt", "phc"), ("PH", "phc"), ("PH", "phc")]
    linker = make_linker(place("ns", "Nova Scotia", "N.S."), place("north", "North Street"))
    assert spans(linker.link("Residents across N.S. welcomed the vote.")) == [("N.S.", "ns")]


def test_a_place_without_its_generic_word() -> None:
    """``Yeoncheon County`` was also ``Yeoncheon``; a state's, a region's and an Irish
    county's names were not (``Jigawa State``, ``Los Lagos Region``, ``County Donegal``)."""
    linker = make_linker(place("jig", "Jigawa State"), place("ll", "Los Lagos Region"),
                         place("don", "County Donegal"))
    assert spans(linker.link("Floods hit Jigawa, Los Lagos and Donegal.")) == [
        ("Jigawa", "jig"), ("Los Lagos", "ll"), ("Donegal", "don")]
    # nor a regency's or an oblast's
    linker = make_linker(place("dg", "Donggala Regency"), place("kh", "Kharkiv Oblast"))
    assert spans(linker.link("Rain in Donggala and Kharkiv.")) == [
        ("Donggala", "dg"), ("Kharkiv", "kh")]


def test_a_river_or_an_ocean_without_its_generic_word() -> None:
    """A river or an ocean is written without ``River`` or ``Ocean``: ``the Indus`` for
    ``Indus River``, ``the Irwell`` for ``River Irwell``, ``the Pacific`` for ``Pacific
    Ocean``, ``the North Atlantic`` for ``North Atlantic Ocean``; a common word left alone
    is none (``Snake River``, ``Southern Ocean``)."""
    linker = make_linker(place("indus", "Indus River"), place("irwell", "River Irwell"),
                         place("pac", "Pacific Ocean"), place("na", "North Atlantic Ocean"),
                         place("snake", "Snake River"), place("so", "Southern Ocean"))
    text = ("Water from the Indus spread, flats rose along the Irwell, and the Pacific and "
            "the North Atlantic warmed. A snake swam; Southern towns flooded.")
    assert spans(linker.link(text)) == [("Indus", "indus"), ("Irwell", "irwell"),
                                        ("Pacific", "pac"), ("North Atlantic", "na")]
    # another entry named so keeps its name
    linker = make_linker(place("pac", "Pacific Ocean"), org("pacific", "Pacific"))
    assert spans(linker.link("Shares in Pacific fell.")) == [("Pacific", "pacific")]


def test_an_ocean_or_a_river_named_by_an_adjective_keeps_its_generic_word() -> None:
    """``Indian`` of ``Indian Ocean`` and ``Red`` of ``Red River`` are adjectives: alone
    they linked every Indian official and red flag to the water."""
    linker = make_linker(place("io", "Indian Ocean"), place("rr", "Red River"),
                         place("yr", "Yellow River"), place("ar", "Arctic Ocean"),
                         place("indus", "Indus River"))
    text = "Indian officials raised red flags. The Red Cross came; Arctic drilling; the Indus."
    assert spans(linker.link(text)) == [("Indus", "indus")]


def test_a_name_of_several_words_in_capitals_is_the_name_anywhere() -> None:
    """Capitals were matched on a line all in capitals or opening a dateline only; a
    candidates' table (``LIM WEI SENG | …``) or a second place of a dateline (``… /
    PUERTO MONTT, Chile``) linked nothing. A word alone in capitals is still no name."""
    linker = make_linker(person("lim", "Lim Wei Seng"), place("pm", "Puerto Montt"),
                         place("nice", "Nice"))
    text = ("TÓRSHAVN, Faroe Islands / PUERTO MONTT, Chile – The count ended.\n"
            "LIM WEI SENG | Pakatan Harapan | 24,118\nThe NICE report was read.")
    assert spans(linker.link(text)) == [("PUERTO MONTT", "pm"), ("LIM WEI SENG", "lim")]


def test_a_place_s_name_ending_another_place_s_is_no_mention() -> None:
    """``Chile's Los Lagos`` was a mention of Lagos, and ``Port Sudan``, ``Mount Kenya``,
    ``New Delhi`` of Sudan, Kenya and Delhi."""
    linker = make_linker(place("lagos", "Lagos"), place("sudan", "Sudan"),
                         place("kenya", "Kenya"), place("delhi", "Delhi"))
    text = "Chile's Los Lagos, Port Sudan, Mount Kenya and New Delhi; Lagos, Sudan, Kenya, Delhi."
    assert spans(linker.link(text)) == [("Lagos", "lagos"), ("Sudan", "sudan"),
                                        ("Kenya", "kenya"), ("Delhi", "delhi")]


def test_a_sovereign_s_name_and_realm() -> None:
    """``Willem-Alexander of the Netherlands`` made ``the Netherlands`` the king's surname,
    which took the country's name from it (the longer match); ``King Willem-Alexander`` was
    no mention of him, and ``Charles III`` had ``III`` for a surname."""
    linker = make_linker(person("wa", "Willem-Alexander of the Netherlands"),
                         place("nl", "Netherlands"), person("c3", "Charles III"),
                         person("f6", "Felipe VI of Spain"), place("es", "Spain"))
    text = ("King Willem-Alexander returned to the Netherlands. King Charles met Felipe VI "
            "in Spain; the III Corps was not there.")
    assert spans(linker.link(text)) == [
        ("King Willem-Alexander", "wa"), ("Netherlands", "nl"), ("King Charles", "c3"),
        ("Felipe VI", "f6"), ("Spain", "es")]
    forms = dict(inferred_forms(check_entities(
        [(person("h", "Prince Harry, Duke of Sussex"), "x.yaml", 1)])[0]["h"]))
    # a name and a style, not a catalogue's ``Surname, Given``; the title is no surname
    assert forms.get("Prince Harry") == FULL and "Duke of Sussex" in forms
    assert "Duke of Sussex Prince Harry" not in forms and "Prince" not in forms


def test_an_honorific_names_the_person_of_that_surname() -> None:
    """``Mr Peugeot`` after ``Robert Peugeot`` linked the Peugeot company, whose name the
    word is; the honorific says it is the person."""
    linker = make_linker(person("rp", "Robert Peugeot"), org("pe", "Peugeot"))
    text = "Robert Peugeot joined Peugeot in 1970. Mr Peugeot said so.\n\nMr. Peugeot left Peugeot."
    assert spans(linker.link(text)) == [
        ("Robert Peugeot", "rp"), ("Peugeot", "pe"), ("Mr Peugeot", "rp"), ("Mr. Peugeot", "rp"),
        ("Peugeot", "pe")]
    # no person of that surname mentioned before: the word is the company's name, as it was
    assert spans(linker.link("Mr Peugeot spoke. Robert Peugeot left.")) == [
        ("Peugeot", "pe"), ("Robert Peugeot", "rp")]


def test_an_arabic_article_opening_a_name_in_either_case() -> None:
    """``al-Shabaab`` in running text was no mention of ``Al-Shabaab (militant group)``, nor
    ``Al-Qaeda`` opening a sentence of ``al-Qaeda``."""
    linker = make_linker(org("shb", "Al-Shabaab (militant group)"), org("aq", "al-Qaeda"))
    text = "An offensive against al-Shabaab began. Al-Qaeda, al-Qaeda and Al-Shabaab."
    assert spans(linker.link(text)) == [
        ("al-Shabaab", "shb"), ("Al-Qaeda", "aq"), ("al-Qaeda", "aq"), ("Al-Shabaab", "shb")]


def test_the_owner_of_a_head_of_name_before_it() -> None:
    """``Kenya's Supreme Court`` linked Kenya and not the ``Supreme Court of Kenya``."""
    linker = make_linker(org("sck", "Supreme Court of Kenya"), place("ke", "Kenya"))
    text = "Kenya's Supreme Court annulled the vote in Kenya."
    assert spans(linker.link(text)) == [("Kenya's Supreme Court", "sck"), ("Kenya", "ke")]


def test_a_business_group_without_its_generic_word() -> None:
    """``Universal Music`` and ``PSA`` were no mentions of ``Universal Music Group`` and
    ``Groupe PSA``; unless another entry is named so (``World Bank``). A name of one word
    left alone is not taken (``Dongfeng`` of ``Dongfeng Motor Corporation``): such a word may
    be a surname or a common word (``Ford``, ``General``)."""
    linker = make_linker(org("umg", "Universal Music Group"), org("df", "Dongfeng Motor Corporation"),
                         org("psa", "Groupe PSA"), org("wbg", "World Bank Group"),
                         org("wb", "World Bank"))
    text = "Universal Music signed her. Dongfeng and PSA agreed. The World Bank lent."
    assert spans(linker.link(text)) == [
        ("Universal Music", "umg"), ("PSA", "psa"), ("World Bank", "wb")]


def test_a_spanish_name_by_its_first_surname() -> None:
    """``Samuel García`` (the father's surname, the one used alone) was no mention of
    ``Samuel García Sepúlveda``: only ``Samuel Sepúlveda`` was inferred, as for a middle name.
    A Portuguese name's last surname is the one used alone: no such form there."""
    linker = make_linker(person("sg", "Samuel García Sepúlveda"),
                         person("jr", "Jaime Rodriguez Calderon"),
                         person("mc", "Maria Conceição Tavares"))
    text = "Samuel García won. Jaime Rodriguez lost. García thanked Maria Conceição."
    assert spans(linker.link(text)) == [
        ("Samuel García", "sg"), ("Jaime Rodriguez", "jr"), ("García", "sg")]


def test_a_country_s_initials_before_a_title_are_the_title_s() -> None:
    """``U.S. Secretary of State John Kerry`` was two mentions when ``U.S.`` is an alias of
    the country (one when it is only inferred, as a modifier); elsewhere it is the country."""
    linker = make_linker(person("jk", "John Kerry"), place("us", "United States", "U.S."))
    text = "Former U.S. Secretary of State John Kerry led it. In the U.S. John Kerry spoke."
    assert spans(linker.link(text)) == [
        ("U.S. Secretary of State John Kerry", "jk"), ("U.S.", "us"), ("John Kerry", "jk")]


def test_the_head_of_a_name_in_a_title_case_headline_is_a_common_noun() -> None:
    """``Coalition Welcomes Port Safety Ruling`` linked ``Port`` to the ``Port of Eastmere``
    the body names: in a headline's capitals the head of such a name is a common noun.
    In the body it is the short form (``the Port said``)."""
    linker = make_linker(org("pe", "Port of Eastmere"), org("co", "Harbor Coalition"))
    text = ("Coalition Welcomes Port Safety Ruling\n\nThe Harbor Coalition welcomed the ruling "
            "on the Port of Eastmere. The Port said it would comply.")
    title_end = text.index("\n")
    result = linker.link(text, [(0, title_end), (title_end + 2, len(text))])
    assert spans(result) == [("Harbor Coalition", "co"), ("Port of Eastmere", "pe"),
                             ("Port", "pe")]
    # a registry edit that makes a word the head of a name, or no longer, relinks the
    # releases holding it, though the word's owners are the same (an alias ``Port``)
    before = make_linker(org("pe", "Eastmere Port Authority", "Port"))
    after = make_linker(org("pe", "Port of Eastmere", "Port"))
    assert " Port " in after.changed_keys(before.fingerprints())


def test_a_name_in_a_script_written_without_spaces() -> None:
    """``刘晓波`` in ``许多人纪念刘晓波。`` was no mention: a name had to stand between
    characters that are no letters, and Han characters are letters. Not so for a script
    with spaces between words, Hangul included."""
    linker = make_linker(person("liu", "刘晓波"), place("bj", "北京"), place("sl", "서울"),
                         person("roe", "Jane Roe"))
    text = "纪念刘晓波：北京，许多人纪念刘晓波。서울시 and 서울 and Jane Roes and Jane Roe."
    assert spans(linker.link(text)) == [
        ("刘晓波", "liu"), ("北京", "bj"), ("刘晓波", "liu"), ("서울", "sl"), ("Jane Roe", "roe")]


def test_a_name_with_arabic_or_hebrew_words_written_onto_it() -> None:
    """Arabic and Hebrew write *and*, *in*, *to*, *from* onto the next word: ``بالقاهرة``
    (*in Cairo*), ``وبالقاهرة``, ``بمصر``, ``בירושלים`` (*in Jerusalem*), ``ומירושלים``. The
    mention is the name, after them. Not for a name of fewer than three letters (``بأب``),
    nor for a person's name of one word, which is often a word too or the end of another
    name (``بعمر``, *at the age of*; ``بسام``, Bassam; ``לאור``, *to light*), nor with
    Hebrew's *the* before a person's name (``הלאה``, *onward*)."""
    linker = make_linker(place("cairo", "القاهرة"), place("eg", "مصر"), person("mona", "منى سعيد"),
                         place("jlm", "ירושלים"), person("sam", "سام"), person("omar", "عمر"),
                         person("leah", "לאה"), person("or", "אור"), place("ab", "أب"),
                         person("dk", "דוד כהן"))
    text = ("وصل الوفد إلى القاهرة وبالقاهرة والقاهرة وبمصر. التقى الوفد بمنى سعيد وبسام الخطيب. "
            "توفي بعمر 30 عاماً بأب. הגיע לירושלים, בירושלים ומירושלים, ולדוד כהן, וכן הלאה, "
            "יצאו לאור.")
    assert spans(linker.link(text)) == [
        ("القاهرة", "cairo"), ("القاهرة", "cairo"), ("القاهرة", "cairo"), ("مصر", "eg"),
        ("منى سعيد", "mona"), ("ירושלים", "jlm"), ("ירושלים", "jlm"), ("ירושלים", "jlm"),
        ("דוד כהן", "dk")]
    # a registry edit finds the releases that hold the name only so
    assert _moved([], [place("cairo", "القاهرة")], "أقيم المؤتمر بالقاهرة.") == (True, True)


def test_an_office_of_several_words_is_part_of_the_mention() -> None:
    """``UNICEF Executive Director Catherine Russell`` was linked as ``Director Catherine
    Russell``, and a deputy's title lost its first word."""
    linker = make_linker(person("cr", "Catherine Russell"), person("jr", "Jane Roe"),
                         org("un", "UNICEF"))
    text = ("UNICEF Executive Director Catherine Russell met Deputy Special Envoy Jane Roe "
            "and Spokesperson Jane Roe.")
    assert spans(linker.link(text)) == [
        ("UNICEF", "un"), ("Executive Director Catherine Russell", "cr"),
        ("Deputy Special Envoy Jane Roe", "jr"), ("Spokesperson Jane Roe", "jr")]


def test_what_the_round_s_forms_do_not_reach() -> None:
    """A catalogue's order with a surname that is a title (``Major, John``) had lost its full
    name; a group's name without its generic word was a common word or a surname
    (``General`` of ``General Motors Company``, ``Ford``); a glacier's word a name (``Fox``,
    ``Taylor``); a second given name a Spanish surname (``José Luis``); the owner of
    ``Office of the President`` a title; a body's initials before a title its mention."""
    assert spans(make_linker(person("jm", "Major, John")).link(
        "John Major resigned. Major said so.")) == [("John Major", "jm"), ("Major", "jm")]
    linker = make_linker(org("gm", "General Motors Company"), org("fmc", "Ford Motor Company"),
                         person("hf", "Harrison Ford"), place("fg", "Fox Glacier"),
                         person("jle", "José Luis Escrivá"), person("hd", "Hernán Darío Gómez"),
                         person("pm", "Phạm Minh Chính"), org("op", "Office of the President"),
                         org("un", "United Nations", "UN"), person("jr", "Jane Roe"))
    text = ("The General Assembly met. Harrison Ford arrived. Ford said so. Fox News said so. "
            "José Luis Rodríguez Zapatero, Hernán Darío and Phạm Minh Hùng came. The "
            "President's Office agreed. UN Director Jane Roe spoke.")
    assert spans(linker.link(text)) == [
        ("Harrison Ford", "hf"), ("Ford", "hf"), ("UN", "un"), ("Director Jane Roe", "jr")]
    assert spans(make_linker(person("mx", "Malcolm X")).link("Emir Malcolm left.")) == []


def test_a_person_named_with_a_middle_initial_or_name() -> None:
    """``John F. Kerry``, ``Bola Ahmed Tinubu``: the given name and the surname of an entry
    with a middle initial or name between were no mention (the surname was someone else's,
    ``F. Kerry``); the whole name is the person's, a title before it too. Another given
    name before the middle one is still someone else (``Peter Mary Roe``)."""
    linker = make_linker(person("jk", "John Kerry"), person("bt", "Bola Tinubu"),
                         person("jr", "Jane Roe"))
    text = ("Secretary of State John F. Kerry spoke. Kerry left. President Bola Ahmed Tinubu "
            "said so, and Tinubu left. Peter Mary Roe agreed.")
    assert spans(linker.link(text)) == [
        ("Secretary of State John F. Kerry", "jk"), ("Kerry", "jk"),
        ("President Bola Ahmed Tinubu", "bt"), ("Tinubu", "bt")]


def test_a_body_s_head_is_not_its_owner_s_where_another_owner_follows_it() -> None:
    """``the Supreme Court of Pakistan`` names another court than the Supreme Court of
    India, whoever else the release names."""
    linker = make_linker(org("sci", "Supreme Court of India"), place("in", "India"),
                         org("nc", "National Congress of Brazil"), place("br", "Brazil"))
    assert spans(linker.link("India protested. The Supreme Court of Pakistan ruled.")) == [
        ("India", "in")]
    assert spans(linker.link("Brazil's envoy spoke. The National Congress of Chile voted.")) == [
        ("Brazil", "br")]
    # the head alone still stands for the owner's
    assert spans(linker.link("India protested. The Supreme Court ruled.")) == [
        ("India", "in"), ("Supreme Court", "sci")]
