"""The release renderer's text helpers, against plain definitions of what they find."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pressroom.sphinxext.render import sentence_around, sentence_bounds, sentence_ends

PIECES = ["Jane", "Roe", " ", " ", ". ", "? ", "! ", ".” ", "U.S. ", "a", "said", "\n", "“",
          "Dr. ", " W. ", "Jan. ", "President", "\n- ", "„", "« ", "Über", "Inc. ", "Fig. ",
          "The", "5", "。", "”", "北京", "؟ ", "وقال", "»", "«", " » ", "…", "[…] ", "‚", "‘"]


def reference_bounds(text: str, seg: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """Walk the sentence ends of the segment from its start: the last one ending at or
    before the mention starts the sentence, the first starting at or after its last
    character ends it (one inside the mention, as in ``U.S. Navy``, ends nothing)."""
    a, b = seg
    s = a
    for stop, after, cut in sentence_ends(text, a, b):
        if after <= start:
            s = after
        elif stop >= end - 1:
            return s, cut
    return s, b


@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join), st.data())
def test_sentence_bounds_as_a_walk_from_the_segment_start(text, data):
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    if b == a:
        return
    start = data.draw(st.integers(a, b - 1))
    end = data.draw(st.integers(start + 1, b))
    assert sentence_bounds(text, (a, b), start, end) == reference_bounds(text, (a, b), start, end)


def test_a_dateline_opening_a_paragraph_runs_on_to_its_first_sentence():
    from pressroom.source import parse_text
    from pressroom.sphinxext.render import sentence_segments

    text = "Talks\n\nMay 20, 2011\n\nGeneva – Talks began. They ended.\n\nMore here.\n"
    release = parse_text(text)
    spans = {release.text[a:b]: release.text[a:c] for a, b, c in sentence_segments(release)}
    assert spans["Geneva –"] == "Geneva – Talks began. They ended."
    assert spans["Talks began. They ended."] == "Talks began. They ended."
    assert spans["Talks"] == "Talks"
    # written above the headline, a line of its own: it opens no sentence
    text = "Brussels, 5 May 2012\n\nTalks Begin\n\nThe talks began today.\n"
    release = parse_text(text)
    assert {release.text[a:b]: release.text[a:c] for a, b, c in sentence_segments(release)
            }["Brussels, 5 May 2012"] == "Brussels, 5 May 2012"


def test_abbreviations_and_initials_end_no_sentence():
    text = ("The group met Dr. Jane Roe in St. Louis on Jan. 5 to discuss the case. "
            "George W. Bush was not there. Talks with the U.S. ended. See e.g. China.")

    def around(word: str) -> str:
        i = text.index(word)
        return sentence_around(text, (0, len(text)), i, i + len(word))[0]

    assert around("Jane Roe") == around("Louis") == (
        "The group met Dr. Jane Roe in St. Louis on Jan. 5 to discuss the case.")
    assert around("Bush") == "George W. Bush was not there."
    assert around("U.S.") == "Talks with the U.S. ended."  # an acronym may end a sentence
    assert around("China") == "See e.g. China."



def test_a_sentence_inside_a_quotation_of_several_has_its_marks_made_whole():
    """The second sentence of a quotation showed a closing mark alone (It’s time … rights.”),
    the first an opening one alone; a sentence whose marks pair is as written."""
    text = ("“The strategy is not working in China. It’s time for the United States to act,” "
            "said Jane Roe. “Short,” she added.")

    def around(word: str) -> tuple[str, int, int]:
        i = text.index(word)
        return sentence_around(text, (0, len(text)), i, i + len(word))

    sentence, s0, s1 = around("United States")
    assert sentence == "“It’s time for the United States to act,” said Jane Roe."
    assert sentence[s0:s1] == "United States"  # the highlight follows the added mark
    assert around("China")[0] == "“The strategy is not working in China.”"
    assert around("Jane Roe")[0] == sentence
    text = "He said “Enough.” Then Jane Roe left."
    i = text.index("Jane Roe")
    assert sentence_around(text, (0, len(text)), i, i + 8)[0] == "Then Jane Roe left."


def _around_text(text: str, word: str) -> str:
    """The sentence of *text* around the first *word*, as its entries' pages show it."""
    i = text.index(word)
    return sentence_around(text, (0, len(text)), i, i + len(word))[0]


def test_sentences_of_other_languages_lists_and_initials():
    """A sentence opening with a capital beyond ASCII or a French or German quotation mark
    starts after the one before (a whole paragraph was one sentence); German ``„…“`` is a
    quotation closed, not one left open; ``U.S. President`` ends no sentence; a list's
    item is a sentence of its own, without its marker."""
    german = ("Er war in Paris. „Die Lage verschlechtert sich jede Woche“, sagte Jane Roe. "
              "Über Ai Weiwei ist nichts bekannt.")
    assert _around_text(german, "Jane Roe") == "„Die Lage verschlechtert sich jede Woche“, sagte Jane Roe."
    assert _around_text(german, "Ai Weiwei") == "Über Ai Weiwei ist nichts bekannt."
    french = "Il était à Paris. « La répression est forte », a déclaré Jean Roe. Élise est là."
    assert _around_text(french, "Jean Roe") == "« La répression est forte », a déclaré Jean Roe."
    assert _around_text(french, "Élise") == "Élise est là."
    text = "Critics of U.S. President Jane Roe spoke. Talks with the U.S. ended. We left the U.S. Then."
    assert _around_text(text, "Jane Roe") == "Critics of U.S. President Jane Roe spoke."
    assert _around_text(text, "left") == "We left the U.S."
    text = "The group calls on China to:\n- Release Ai Weiwei and Liu Xiaobo\n- Allow visits\n"
    assert _around_text(text, "Liu Xiaobo") == "Release Ai Weiwei and Liu Xiaobo"
    assert _around_text(text, "China") == "The group calls on China to:"
    text = "The group calls for:\n- China to release the lawyers\n- An end to arrests\n"
    assert _around_text(text, "China") == "China to release the lawyers"


def test_a_sentence_inside_a_quotation_has_its_quotations_marks_whatever_they_are():
    """The middle sentence of a quotation of three had no marks (read as the publisher's own
    words); straight, French and German marks are made whole as curly ones were."""
    text = "“It is failing. It needs to change in China. We must act,” said Jane Roe."
    assert _around_text(text, "China") == "“It needs to change in China.”"
    text = '"It\'s Warhol. It is his work," said Jane Roe.'
    assert _around_text(text, "Warhol") == '"It\'s Warhol."'
    assert _around_text(text, "Jane Roe") == '"It is his work," said Jane Roe.'
    text = "« Une phrase. Une autre avec Paris. Fin », a dit Jean Roe."
    assert _around_text(text, "Paris") == "« Une autre avec Paris. »"
    text = "„Ein Satz. Noch einer mit Paris. Ende“, sagte Jane Roe."
    assert _around_text(text, "Paris") == "„Noch einer mit Paris.“"
    # a paragraph going on with a quotation opened in the one before: its first straight
    # mark closes that quotation, it opens none (the narrator's words got an opening mark)
    text = ('We could have scored early." After the match, Jane Roe said, "We were playing '
            "a skilled team. It was hard.")
    assert _around_text(text, "Jane Roe") == (
        'After the match, Jane Roe said, "We were playing a skilled team."')
    assert _around_text(text, "hard") == '"It was hard."'
    text = 'We have brains." — Peres, on whether oil wealth will eclipse Israel.'
    assert _around_text(text, "Israel") == text


def test_the_marks_made_whole_are_the_text_s_own_as_spaced_there():
    """A no-break space was added inside « and » whatever the text wrote: a Russian
    ``«Это произвол»`` was shown ``«\u00a0Это произвол»``, the mark added spaced, the one
    written not. The marks added are those the text uses, with the space it writes (a
    no-break one kept, in the rest of the sentence too) or none."""
    russian = ("«Мы требуем немедленно освободить Владимира Петрова. Это произвол», — заявила "
               "Maria Okonkwo.")
    assert _around_text(russian, "Maria Okonkwo") == "«Это произвол», — заявила Maria Okonkwo."
    assert _around_text(russian, "Владимира Петрова") == (
        "«Мы требуем немедленно освободить Владимира Петрова.»")
    arabic = "قالت ماريا أوكونكوو: «هذا الحكم ظالم. يجب إطلاق سراح محمد العلي»."
    assert _around_text(arabic, "محمد العلي") == "«يجب إطلاق سراح محمد العلي»."
    french = "«\u00a0Une phrase. Une autre avec Paris. Fin\u00a0», a dit Jean\u00a0Roe."
    assert _around_text(french, "Paris") == "«\u00a0Une autre avec Paris.\u00a0»"
    assert _around_text(french, "phrase") == "«\u00a0Une phrase.\u00a0»"
    assert _around_text(french, "Fin") == "«\u00a0Fin\u00a0», a dit Jean\u00a0Roe."
    # a quotation going on in the next paragraph: its closing mark, spaced as its opening one
    assert _around_text("« Une phrase. Une autre avec Paris.", "Paris") == (
        "« Une autre avec Paris. »")
    assert _around_text("«Одна фраза. Другая про Париж.", "Париж") == "«Другая про Париж.»"

def test_titles_numbers_and_names_going_on_after_an_abbreviation_end_no_sentence():
    """A sentence was cut after ``Inc.``, ``a.m.`` or ``U.N.`` before a capital, and after a
    title or a number's abbreviation missing from a list (``Brig.``, ``Fig.``, ``p.``): a
    title ends no sentence, a number's abbreviation none before a digit, initials and
    ``Inc.``, ``a.m.``… one only before a word that opens sentences."""
    text = ("PORTSMOUTH – The hearing will open at 10 a.m. Thursday, when Zoe Adams will "
            "testify. Acme Widgets Inc. Chairman John Smith declined to comment. The U.N. "
            "Human Rights Council heard Maria Okonkwo last year. Brig. Gen. Amina Haddad will "
            "also attend (see Fig. 3 of the report by Élodie Durand).")
    assert _around_text(text, "Zoe Adams") == (
        "PORTSMOUTH – The hearing will open at 10 a.m. Thursday, when Zoe Adams will testify.")
    assert _around_text(text, "John Smith") == (
        "Acme Widgets Inc. Chairman John Smith declined to comment.")
    assert _around_text(text, "Maria Okonkwo") == (
        "The U.N. Human Rights Council heard Maria Okonkwo last year.")
    assert _around_text(text, "Élodie Durand") == _around_text(text, "Amina Haddad") == (
        "Brig. Gen. Amina Haddad will also attend (see Fig. 3 of the report by Élodie Durand).")
    for written in ("Fr. Jane Roe", "Pres. Jane Roe", "Sec. Jane Roe", "Supt. Jane Roe",
                    "The Rt. Hon. Jane Roe", "Some approx. 5 met Jane Roe", "See p. 12 by Jane Roe",
                    "See pp. 4 by Jane Roe", "The E.U. Commission and Jane Roe", "No. 5 by Jane Roe",
                    "Ch. 2 by Jane Roe"):
        text = f"It began. {written} spoke. It ended."
        assert _around_text(text, "Jane Roe") == f"{written} spoke."
    # what ended no sentence before still ends none, what ended one still does
    text = ("Acme Inc. said Jane Roe left at 10 a.m. The talks resume Monday, said the U.S. "
            "They met at 9 a.m. Today Jane Doe spoke. Acme Corp. It was sold.")
    assert _around_text(text, "Jane Roe") == "Acme Inc. said Jane Roe left at 10 a.m."
    assert _around_text(text, "Monday") == "The talks resume Monday, said the U.S."
    assert _around_text(text, "Jane Doe") == "Today Jane Doe spoke."
    assert _around_text(text, "sold") == "It was sold."
    text = "The vote was No. The rest was Fig. Then Jane Roe left."
    assert _around_text(text, "Jane Roe") == "Then Jane Roe left."


def test_sentences_of_scripts_without_capitals_end_at_their_stops():
    """Arabic, Chinese, Japanese or Hebrew text was never split (no capital after a stop):
    an entry page showed the whole paragraph. A stop before a letter of a script without
    case ends a sentence; ``。！？．`` end one with no space after, ``؟`` and ``۔`` before one."""
    arabic = ("المنامة، 2 أبريل 2024 – أصدرت محكمة حكماً بسجن الناشط محمد العلي لمدة خمس سنوات. "
              "وقال محامو الدفاع إن الحكم جائر. وطالبت Harbor Rights Coalition بالإفراج عنه فوراً.")
    assert _around_text(arabic, "محمد العلي") == (
        "المنامة، 2 أبريل 2024 – أصدرت محكمة حكماً بسجن الناشط محمد العلي لمدة خمس سنوات.")
    assert _around_text(arabic, "Harbor Rights Coalition") == (
        "وطالبت Harbor Rights Coalition بالإفراج عنه فوراً.")
    assert _around_text("هل هذا عدل؟ قالت ماريا أوكونكوو إنه ظلم.", "ماريا") == (
        "قالت ماريا أوكونكوو إنه ظلم.")
    assert _around_text("یہ غلط ہے۔ ماریہ نے کہا۔", "ماریہ") == "ماریہ نے کہا۔"
    chinese = ("北京，2024年5月14日 – 今天，许多人纪念刘晓波。他是一位作家。Maria Okonkwo 说："
               "“我们不会忘记他。”人权组织 Harbor Rights Coalition 也发表了声明。")
    assert _around_text(chinese, "刘晓波") == "北京，2024年5月14日 – 今天，许多人纪念刘晓波。"
    assert _around_text(chinese, "作家") == "他是一位作家。"
    assert _around_text(chinese, "Maria Okonkwo") == "Maria Okonkwo 说：“我们不会忘记他。”"
    assert _around_text(chinese, "Harbor Rights Coalition") == (
        "人权组织 Harbor Rights Coalition 也发表了声明。")
    assert _around_text("東京で会議が開かれた！山田太郎は怒った？ はい．", "山田太郎") == "山田太郎は怒った？"
    assert _around_text("הפגישה נערכה בירושלים. משה כהן אמר כי זה חשוב.", "משה כהן") == (
        "משה כהן אמר כי זה חשוב.")
    # a decimal point in fullwidth digits ends nothing
    assert _around_text("增长了３．５个百分点。", "百分点") == "增长了３．５个百分点。"
    # a Japanese quotation the sentence goes on after (``と述べた``, ``って``) ends none; one
    # followed by another sentence does
    japanese = "会議が開かれた。山田太郎は「弁護士を釈放すべきだ。」と述べた。記者は帰った。"
    assert _around_text(japanese, "山田太郎") == "山田太郎は「弁護士を釈放すべきだ。」と述べた。"
    assert _around_text("「釈放すべきだ。」山田太郎は帰った。", "山田太郎") == "山田太郎は帰った。"


def test_month_names_do_not_follow_the_build_machine_s_locale():
    """Sphinx sets the locale from the environment: ``strftime("%B")`` and
    ``calendar.month_name`` would write the site's months in the build machine's language
    (``Mai 2011``) and make its pages differ from machine to machine. Dates are written by
    ``PartialDate.human``."""
    import re
    from pathlib import Path

    import pressroom
    from pressroom.registry import PartialDate

    root = Path(pressroom.__file__).parent
    used = [f"{path.relative_to(root)}:{n}" for path in sorted(root.rglob("*.py"))
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if re.search(r"[:\"']%[bB]|month_name\[|month_abbr\[", line)]
    assert used == []
    assert PartialDate(2011, 5, 3).human() == "3 May 2011"


def test_a_page_break_is_shown_as_a_line_break():
    from pressroom.sphinxext.corpus import plain

    assert plain("one page\x0cthe next") == "one page\nthe next"
    assert plain("a bell\x07") == "a bell\ufffd"


def test_entries_appearing_as_often_are_listed_as_the_glossary_lists_them():
    """*Appears with*: entries mentioned in as many releases are in A–Z order of the names
    they are filed under (``Johnson, Boris`` before ``Merkel, Angela``), not of their ids
    (ids with capitals came before all others)."""
    from pressroom.sphinxext.aggregates import CoMentions, compute

    def row(eid: str) -> tuple:
        return (eid, 0, 1, "x", "", 0, 0, 1)

    class Domain:
        quotes: dict = {}
        releases = {f"r{i}": ("T", "2011-01-01", "", "", "", "", "", "") for i in range(2)}
        mentions = {"r0": [row("china"), row("angela-merkel"), row("boris-johnson"),
                           row("Muslims"), row("zed")],
                    "r1": [row("china"), row("zed")]}
        entries = {eid: ("e/" + eid, "entity-" + eid, "person", name, (), "", filed)
                   for eid, name, filed in (
                       ("china", "China", "China"), ("Muslims", "Muslims", "Muslims"),
                       ("angela-merkel", "Angela Merkel", "Merkel, Angela"),
                       ("boris-johnson", "Boris Johnson", "Johnson, Boris"),
                       ("zed", "Zed", "Zed"))}

    with_ = compute(Domain()).appears_with.get("china")
    assert with_ == [("zed", 2), ("boris-johnson", 1), ("angela-merkel", 1), ("Muslims", 1)]
    assert CoMentions({}, {}, 3).get("nobody") is None


def test_a_mention_in_the_title_is_not_listed_again_among_the_sentences():
    """Under a release, an entry's sentences follow the release's title, a link: a mention in
    the title was folded again among "N more sentences mentioning it" (*Golden Anchor Award
    Goes to Maria Okonkwo* listed under itself). The title is listed only when nothing else
    mentions the entry; else its link leads to the mention, which is still counted."""
    from pressroom.sphinxext.aggregates import compute

    title = "Golden Anchor Award Goes to Maria Okonkwo"

    def row(start: int, sentence: str, s0: int = 0) -> tuple:
        return ("maria", start, start + 13, "Maria Okonkwo", sentence, s0, s0 + 13, 1)

    class Domain:
        quotes: dict = {}
        entries: dict = {}
        releases = {name: (heading, "2024-05-14", "", "", "", "", "", "")
                    for name, heading in (("award", title), ("alone", title),
                                          ("above", "Maria Okonkwo Honoured"))}
        mentions = {"award": [row(28, title, 28), row(50, "Maria Okonkwo has won."),
                              row(80, "It is hers, said Maria Okonkwo.", 18)],
                    "alone": [row(28, title, 28)],
                    # a dateline above the title mentions her first
                    "above": [row(0, "Maria Okonkwo Centre, 14 May 2024"),
                              row(40, "Maria Okonkwo Honoured"), row(70, "Maria Okonkwo won.")]}

    backlinks = {b.docname: b for b in compute(Domain()).backlinks["maria"]}
    award = backlinks["award"]
    assert (award.sentence, award.anchor) == ("Maria Okonkwo has won.", "m50")
    assert [s for s, *_ in award.more] == ["It is hers, said Maria Okonkwo."]
    assert award.count == 3 and award.title_anchor == "m28"  # the title's link leads there
    alone = backlinks["alone"]
    assert (alone.sentence, alone.s0, alone.more, alone.count) == (title, 28, (), 1)
    assert alone.title_anchor == ""
    above = backlinks["above"]
    assert above.sentence == "Maria Okonkwo Centre, 14 May 2024"
    assert [s for s, *_ in above.more] == ["Maria Okonkwo won."]
    assert above.title_anchor == "m40"


def test_backlinks_are_made_for_the_entries_asked_for_and_alike_in_any_order(monkeypatch):
    """An entry's backlinks are made when a page asks for them, from the releases that
    mention it: computing the aggregates makes none (a build that renders no entry page
    makes none), asking for one entry makes its own, and a build asking for many has the
    rest made in one pass; whichever way and in whatever order, each entry's backlinks
    are the same, each made once."""
    from pressroom.sphinxext import aggregates

    entities = [f"e{i}" for i in range(6)]
    releases = {f"r{i:02d}": (f"Release {i % 4}", f"2011-0{1 + i % 3}-01" if i % 5 else "",
                              "", "", "", "", "", "") for i in range(12)}
    mentions = {}
    for i, docname in enumerate(releases):
        named = [eid for j, eid in enumerate(entities) if (i + j) % 3 == 0 or j == 0]
        rows, at = [], 0
        for n, eid in enumerate(named * 2):  # each twice: the second in a sentence of its own
            sentence = f"{eid} in {docname}, sentence {n}." if n % 3 else ""
            rows.append((eid, at, at + 2, eid, sentence, 0, 2, 1 + n))
            at += 40
        mentions[docname] = rows

    class Domain:
        quotes: dict = {}
        entries: dict = {}

    Domain.releases, Domain.mentions = releases, mentions
    made: list[tuple[str, str]] = []
    real = aggregates._backlink

    def counted(docname, meta, rows):
        made.append((docname, rows[0][0]))
        return real(docname, meta, rows)

    monkeypatch.setattr(aggregates, "_backlink", counted)
    agg = aggregates.compute(Domain())
    assert made == []
    e3 = agg.backlinks["e3"]
    assert sorted(made) == sorted((d, "e3") for d, rows in mentions.items()
                                  if any(r[0] == "e3" for r in rows))
    assert [b.date for b in e3] == sorted((b.date for b in e3), reverse=True)
    one_by_one = {eid: agg.backlinks.get(eid) for eid in entities}
    assert len(made) == len(set(made)) == sum(len({r[0] for r in rows})
                                              for rows in mentions.values())
    made.clear()
    again = aggregates.compute(Domain())
    in_turn = {eid: again.backlinks.get(eid) for eid in reversed(entities)}
    assert in_turn == one_by_one and len(made) == len(set(made))
    assert again.backlinks.get("nobody") is None and "nobody" not in again.backlinks
    assert again.release_count == {eid: len(rows) for eid, rows in one_by_one.items()}


def test_entries_left_out_of_appears_with_are_counted():
    """*Appears with* lists the entries most often mentioned with an entry, the first of
    those mentioned as often by name where it is cut; how many it leaves out, and in how
    many releases each, is said (it was not)."""
    from pressroom.sphinxext.aggregates import compute

    def row(eid: str) -> tuple:
        return (eid, 0, 1, "x", "", 0, 0, 1)

    class Domain:
        quotes: dict = {}
        releases = {f"r{i}": ("T", "2011-01-01", "", "", "", "", "", "") for i in range(3)}
        mentions = {"r0": [row("china"), row("b"), row("a"), row("c"), row("d")],
                    "r1": [row("china"), row("d"), row("c")], "r2": [row("china"), row("d")]}
        entries = {eid: ("e/" + eid, "entity-" + eid, "person", eid, (), "", eid.upper())
                   for eid in ("china", "a", "b", "c", "d")}

    with_ = compute(Domain(), top=1).appears_with
    assert with_.get("china") == [("d", 3)] and with_.rest("china") == (3, 1, 2)
    with_ = compute(Domain(), top=2).appears_with
    assert with_.get("china") == [("d", 3), ("c", 2)]
    assert with_.rest("china") == (2, 1, 1)
    assert with_.rest("nobody") == (0, 0, 0)
    # one left out is listed rather than counted (*And 1 more entry* took its line)
    assert compute(Domain(), top=3).appears_with.get("china") == [
        ("d", 3), ("c", 2), ("a", 1), ("b", 1)]  # a before b: by name
    assert compute(Domain(), top=3).appears_with.rest("china") == (0, 0, 0)
    assert compute(Domain(), top=4).appears_with.rest("china") == (0, 0, 0)  # all listed


def test_search_index_names_unescaped_as_json_text():
    """The search index's object names are mended as text (not loaded and written again):
    every escape Python's html.escape writes comes back as the character, a double quote
    as JSON writes it, and the result is the same JSON with the names as written."""
    import json

    from pressroom.sphinxext.html import _ESCAPED, _UNESCAPED

    names = ["People's Republic", 'The "Group"', "S&ED", "A<B>", "AT&amp;T"]
    escaped = {"objects": {"": [[0, 1, 1, "x", __import__("html").escape(n)] for n in names]}}
    text = json.dumps(escaped, separators=(",", ":"))
    mended = json.loads(_ESCAPED.sub(lambda m: _UNESCAPED[m.group()], text))
    assert [row[4] for row in mended["objects"][""]] == names


def test_the_direction_of_a_language_is_cldr_s():
    from pressroom.sphinxext.markup import direction, right_to_left

    for tag in ("ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug", "ar-EG", "pa-Arab",
                "iw", "ks"):
        assert right_to_left(tag), tag
    # a script the tag names decides: Arabic in Latin letters, Sindhi in Devanagari
    for tag in ("en", "fr", "zh-Hant", "ar-Latn", "sd-Deva", "tlh", "de-CH-1901"):
        assert not right_to_left(tag), tag
    assert direction("ar", None) == direction("he", "fr") == "rtl"
    assert direction("fr", None) == direction("fr", "de") == ""  # the page's own
    assert direction("fr", "ar") == direction("en", "he_IL") == "ltr"  # on a site written RTL
    assert direction("", "ar") == direction(None, None) == ""
    # an extension's or a private use's subtag is no script: Arabic with Latin digits
    assert direction("ar-SA-u-nu-latn", "en") == direction("ar-x-latn", "en") == "rtl"


def test_a_description_in_a_script_without_spaces_is_cut_too():
    """A description is cut at a word to its length; a text with no spaces had been one
    word, kept whole (481 characters of Chinese)."""
    from pressroom.sphinxext.render import cut_words

    assert cut_words("北京" * 200, 158) == "北京" * 79 + "…"
    assert cut_words("A few words.", 158) == "A few words."


def _rendered(text: str):
    """The section of the page of a release read from *text*, with an empty registry."""
    from types import SimpleNamespace

    from pressroom.source import parse_text
    from pressroom.sphinxext.render import render_release

    corpus = SimpleNamespace(registry={}, project=SimpleNamespace(
        entity_types=(), publisher_url=lambda key, name: None))
    return render_release(parse_text(text), SimpleNamespace(mentions=[]), corpus).section


def test_a_speaker_s_name_wrapped_onto_two_lines_is_shown_on_one():
    from pressroom.sphinxext.nodes import quotation

    section = _rendered("Study\n\nMay 8, 2025\n\n\"Cleaner air is brain health,\" said "
                        "Professor\nJonathan Okafor, who led the study.\n")
    assert [q["speaker"] for q in section.findall(quotation)] == ["Professor Jonathan Okafor"]



def _shown(section, cls: str) -> list[tuple[str, bool]]:
    """The paragraphs of a page's box of class *cls*: their text, and whether they keep
    their lines."""
    from docutils import nodes

    box = section.next_node(lambda n: isinstance(n, nodes.container) and cls in n["classes"])
    return [(p.astext(), "pressroom-lines" in p["classes"]) for p in box.findall(nodes.paragraph)]


def test_the_boilerplate_keeps_the_lines_of_a_contact_and_of_numbered_notes():
    """A contact (``WHO Media Team`` / ``World Health Organization`` / ``Email: …``) and
    numbered notes were run together (``… online. 2. Figures …``); a paragraph wrapped at
    some width still is, and a note wrapped onto the next line runs on. (A file with CRLF
    line ends had each line of the boilerplate a paragraph of its own.)"""
    for nl in ("\n", "\r\n"):
        section = _rendered(nl.join([
            "Title", "", "May 1, 2011", "", "GENEVA – The body.", "", "Notes to editors", "",
            "1. The survey of 3,021 private renters in England was carried out", "online.",
            "2. Figures have been weighted.", "", "About Us", "",
            "We defend the right to a safe home and fight the",
            "devastating impact of the housing emergency.", "", "Media contacts", "",
            "WHO Media Team", "World Health Organization", "Email: media@example.org", ""]))
        assert _shown(section, "pressroom-footer") == [
            ("Notes to editors", False),
            ("1. The survey of 3,021 private renters in England was carried out online.\n"
             "2. Figures have been weighted.", True),
            ("About Us", False),
            ("We defend the right to a safe home and fight the devastating impact of the "
             "housing emergency.", False),
            ("Media contacts", False),
            ("WHO Media Team\nWorld Health Organization\nEmail: media@example.org", True)]


KEPT_OR_NOT = [
    # lines of their own: a contact, a document list, a heading over an unwrapped line
    ("Investor Contact:\nDaniel Ruiz\n+1 713 555 0190\ninvestors@example.org", [True] * 3),
    ("Constable Alex Li\nCorporate Communications", [True]),
    ("Proposal for a Directive amending the CSRD\nQuestions and answers on the package",
     [True]),
    ("About Example\n" + "Example works in some of the world’s toughest places. " * 3, [True]),
    ("For more information, please contact:\nEliane Luthi, UNICEF New York, +1 917 555 0134, "
     "el@example.org\nJames Elder, UNICEF Geneva, +41 79 555 0140, je@example.org", [True] * 2),
    # wrapped at some width: run together
    ("Media contact: Simon Moore, University of Leeds press office,\ns.moore@example.org or "
     "+44 (0)113 343 4031.", None),
    ("Image: Dr Amina Bello with the prototype test strip at the Aminu Kano\nTeaching "
     "Hospital. Credit: University of Leeds", None),
    ("\"Cleaner air is brain health,\" said Professor\nJonathan Okafor, who led the study.",
     None),
    ("A paragraph wrapped\nat some width - as\nthis one is.", None),
    # a list: an item's own lines run on
    ("Key facts\n• Meningitis kills 240 000 people every year.\n• One in five survivors is "
     "left with lasting\n  disability.\n• The guideline covers all ages.", [True, True, False, True]),
]


def test_which_line_breaks_a_block_keeps():
    from pressroom.sphinxext.render import _kept_breaks

    for block, kept in KEPT_OR_NOT:
        assert _kept_breaks(block.split("\n")) == kept, block


def test_the_body_keeps_lines_of_their_own_and_runs_on_an_item_s_wrapped_line():
    """A bullet's item wrapped onto the next line was shown broken (``• One in five … with
    lasting`` / ``disability.``), and titles with their links under ``Read more:`` (no
    bullets) were run together."""
    links = ("Read more:\nGeorgia: Police must stop using unlawful force against protesters "
             "(Press release, 5 December 2024) https://www.example.org/en/latest/news/2024/12/"
             "georgia-police/\nGeorgia: The ‘foreign agents’ law must be repealed (Public "
             "statement, 14 May 2024) https://www.example.org/en/documents/eur56/8101/2024/en/")
    section = _rendered(
        "Title\n\nMay 1, 2011\n\nGENEVA – The body.\n\nKey facts\n• Meningitis kills 240 000 "
        "people every year.\n• One in five survivors is left with lasting\n  disability.\n\n"
        f"{links}\n\nA paragraph wrapped\nat some width.\n")
    shown = [([" ".join(line.split()) for line in text.split("\n")], kept)
             for text, kept in _shown(section, "pressroom-body")]
    assert shown == [
        (["May 1, 2011"], False),
        (["GENEVA – The body."], False),
        (["Key facts", "• Meningitis kills 240 000 people every year.",
          "• One in five survivors is left with lasting disability."], True),
        (links.split("\n"), True),
        (["A paragraph wrapped", "at some width."], False)]  # run together by the page


def test_sentences_end_at_the_quotation_marks_of_other_languages():
    """A sentence closed by a French ``»`` after a space, a German ``«``, ``‘`` or ``›`` ends
    there (the next sentence was run into it); a sentence inside a quotation marked
    ``»…«`` or ``„…”`` is shown with that quotation's marks."""
    french = "« Il a dit non. » Puis Jean Roe est parti. « C’est fini. » Elle a ri."
    assert _around_text(french, "Jean Roe") == "Puis Jean Roe est parti."
    assert _around_text(french, "non") == "« Il a dit non. »"
    assert _around_text("« Il a dit non\u00a0» puis Jean Roe est parti.", "Jean Roe") == (
        "« Il a dit non\u00a0» puis Jean Roe est parti.")
    for opening, closing in ("»«", "‚‘", "›‹", "””"):
        german = f"{opening}Das ist gut.{closing} Dann ging Jane Roe. {opening}Noch!{closing} Sie lachte."
        assert _around_text(german, "Jane Roe") == "Dann ging Jane Roe."
        assert _around_text(german, "gut") == f"{opening}Das ist gut.{closing}"
    for opening, closing in ("»«", "„”", "„“", "«»"):
        text = f"{opening}Wir gehen. Jane Roe bleibt hier. Du nicht{closing}, sagte sie."
        assert _around_text(text, "Jane Roe") == f"{opening}Jane Roe bleibt hier.{closing}"


def test_an_ellipsis_before_a_capital_ends_a_sentence():
    """``…`` ends a sentence as ``...`` does, before a capital; before a word in lower case or
    a number, or marking words left out (``[…]``), it ends none."""
    text = "We waited… Then Jane Roe left. We will… we must. He said […] The end. It took… 10 days."
    assert _around_text(text, "Jane Roe") == "Then Jane Roe left."
    assert _around_text(text, "must") == "We will… we must."
    assert _around_text(text, "said") == "He said […] The end."
    assert _around_text(text, "days") == "It took… 10 days."


def test_a_person_named_after_initials_written_as_a_noun_starts_a_sentence():
    """``… signed by the U.S. Jane Roe said …``: a person's name is no name going on after
    ``the U.S.`` or ``a.m.`` (it read as one sentence); a title between, initials of the
    person's own and other capitals still go on, and text alone (no one known to be a
    person) is cut as before."""
    from pressroom.sphinxext.render import sentence_ends

    def sentences(text: str, names: tuple[str, ...]) -> list[str]:
        persons = {i: i + len(name) for name in names for i in range(len(text))
                   if text.startswith(name, i)}
        cuts, s = [], 0
        for _stop, after, cut in sentence_ends(text, 0, len(text), persons):
            cuts.append(text[s:cut])
            s = after
        return [*cuts, text[s:]]

    text = ("The deal was signed by the U.S. Jane Roe said it was good. It began at 10 a.m. "
            "Jane Roe spoke. Acme Inc. John Doe left.")
    assert sentences(text, ("Jane Roe", "John Doe")) == [
        "The deal was signed by the U.S.", "Jane Roe said it was good.", "It began at 10 a.m.",
        "Jane Roe spoke.", "Acme Inc.", "John Doe left."]
    assert sentences(text, ()) == [
        "The deal was signed by the U.S. Jane Roe said it was good.",
        "It began at 10 a.m. Jane Roe spoke.", "Acme Inc. John Doe left."]
    text = ("The U.S. President Jane Roe came. The U.S. Jane Roe Foundation and the O.J. Simpson "
            "trial. J.R.R. Tolkien wrote. Critics of U.S. Jane Roe left. Dr. Jane Roe came.")
    assert sentences(text, ("President Jane Roe", "Simpson", "Tolkien", "Dr. Jane Roe")) == [
        "The U.S. President Jane Roe came.",
        "The U.S. Jane Roe Foundation and the O.J. Simpson trial.", "J.R.R. Tolkien wrote.",
        "Critics of U.S. Jane Roe left.", "Dr. Jane Roe came."]


def test_an_entry_s_sentence_starts_at_a_person_named_after_the_u_s():
    """The sentence an entry's page shows for a person named after ``the U.S.`` is the
    person's own, the registry saying the name is a person's."""
    from types import SimpleNamespace

    from pressroom.linker import Mention
    from pressroom.source import parse_text
    from pressroom.sphinxext.render import render_release

    text = "Deal Signed\n\nMay 8, 2025\n\nIt was signed by the U.S. Jane Roe said the deal holds.\n"
    release = parse_text(text)
    at = release.text.index("Jane Roe")
    person = SimpleNamespace(type="person", name="Jane Roe", description="", id="jane-roe")
    corpus = SimpleNamespace(registry={"jane-roe": person}, project=SimpleNamespace(
        entity_types=(), publisher_url=lambda key, name: None))
    result = SimpleNamespace(mentions=[Mention(at, at + 8, "jane-roe", "Jane Roe")])
    rendered = render_release(release, result, corpus)
    assert [row[4] for row in rendered.mentions] == ["Jane Roe said the deal holds."]


def test_an_arrow_that_nothing_closes_marks_no_sentence_as_quoted():
    """A ``»`` or ``›`` before a word that no ``«`` or ``‹`` closes in the paragraph (an
    arrow, a breadcrumb: ``Home »News``) opens no quotation: the sentences after it were
    shown between ``»…«`` made up."""
    for arrow in "»›":
        text = f"Home {arrow}Press releases. Jane Roe signed the deal. It holds."
        assert _around_text(text, "Jane Roe") == "Jane Roe signed the deal."
        assert _around_text(text, "holds") == "It holds."
    text = "»Wir gehen. Jane Roe bleibt hier. Du nicht«, sagte sie."
    assert _around_text(text, "Jane Roe") == "»Jane Roe bleibt hier.«"


def test_a_person_named_after_initials_over_a_line_break_starts_a_sentence():
    """A person's name wrapped over two lines is a name of two words as one on one line is:
    ``the U.S.`` / ``Jane`` / ``Roe said`` ended no sentence."""
    text = "The deal was signed by the U.S. Jane\nRoe said it holds."
    at = text.index("Jane")
    ends = sentence_ends(text, 0, len(text), {at: at + len("Jane\nRoe")})
    assert [text[:cut] for _stop, _after, cut in ends] == ["The deal was signed by the U.S."]
