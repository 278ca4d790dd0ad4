"""Property tests: whatever the release, parsing loses nothing and never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressroom.source import decode, parse_text

MARKUP = ["*bold*", "`code`", ".. note::", ":role:`x`", "|sub|", "_target", "```", "{{ jinja }}",
          "<script>alert(1)</script>", "&amp;", "“", "”", '"', "‘", "’", " – ", "---", "###",
          "\u200b", "\u202e", "\x00", "\x07"]
DATES = ["April 27, 2011", "Tuesday, September 1, 2015", "27 April 2011", "2011-04-27",
         "February 31, 2011", "Sept. 3, 2012", "27 avril 2011", "1er mai 2011",
         "miércoles, 4 de mayo de 2011", "4. März 2011", "31 février 2011"]
DATELINES = ["Washington, DC – ", "GENEVA — ", "Paris - ", "NEW YORK, NY – May 5, 2012 – ",
             "GENEVA, 3 March 2014 — ", "(Geneva, 3 March 2014) – ", "PARIS, 27 avril 2011 – "]
ABOVE = ["FOR IMMEDIATE RELEASE", "Press Release: April 27, 2011", "EMBARGOED UNTIL 00:01 GMT",
         "Media contact: Jane Press", "+1 202 555 0100", "press@example.org", "27 April 2011",
         "News Release", "Press Statement by the Minister", "Public Statement", "Statement",
         "AI Index: ASA 17/021/2011", "THE WHITE HOUSE", "Office of the Press Secretary",
         "________________", "Media Note", "Washington, DC", "Brussels, 5 May 2012",
         "-----Original Message-----", "From: Jane Roe <jane@example.org>",
         "Sent: Wednesday, April 27, 2011 10:12 AM", "Subject: Fwd: Talks Begin",
         "TO: Assignment Editors", "RE: Press Conference", "  (folded)"]
words = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12),
    st.sampled_from(MARKUP),
    st.sampled_from(["Human", "Rights", "First", "Washington", "said", "Dooley", "the",
                     "a déclaré", "a-t-il ajouté", "dijo", "sagte", "Óscar", "«", "»", "„"]),
)
sentence = st.lists(words, min_size=1, max_size=15).map(" ".join)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)


@st.composite
def releases(draw):
    nl = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    parts = []
    if draw(st.booleans()):
        parts.append(f"---{nl}title: {draw(sentence)!r}{nl}date: {draw(st.sampled_from(DATES))}{nl}---")
    if draw(st.booleans()):  # lines above the title
        parts.append(nl.join(draw(st.lists(st.sampled_from(ABOVE), min_size=1, max_size=5))))
    if draw(st.booleans()):
        parts.append(draw(sentence) + (" " + draw(st.sampled_from(DATES)) if draw(st.booleans()) else ""))
        if draw(st.booleans()):  # a deck under the headline
            parts[-1] += nl + draw(st.sampled_from(["A subtitle that explains more", "Second line"]))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(DATES)))
    body = draw(st.lists(paragraph, min_size=0, max_size=4))
    if body and draw(st.booleans()):
        body[0] = draw(st.sampled_from(DATELINES)) + body[0]
    if body and draw(st.booleans()):
        body.append(f"“{draw(sentence)},” said {draw(st.sampled_from(['Brian Dooley', 'he']))}.")
    parts.extend(body)
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["Published on ", ""])) + draw(st.sampled_from(DATES)))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["Seeking asylum?", "###", "-30-", "About Us"]))
                     + nl + draw(paragraph))
        if draw(st.booleans()):  # the date under the boilerplate
            parts.append("Published on " + draw(st.sampled_from(DATES)))
    sep = draw(st.sampled_from([nl + nl, nl, nl + nl + nl, nl + "  " + nl]))
    return sep.join(parts) + draw(st.sampled_from(["", nl, " ", nl + nl]))


def check_release(text: str) -> None:
    r = parse_text(text, path="gen.txt", footer_markers=("Seeking asylum?",))
    assert "".join(r.text[s.start:s.end] for s in r.segments) == text
    pos = 0
    for s in r.segments:
        assert s.start == pos and s.end > s.start
        pos = s.end
        if s.kind == "gap":
            assert not text[s.start:s.end].replace("\ufeff", "").strip()
    body = r.spans("body")
    for p in r.paragraphs:
        assert (p.start, p.end) in body
    for q in r.quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker
    nlines = text.count("\n") + text.count("\r") - text.count("\r\n") + 1
    for p in r.problems:
        assert p.file == "gen.txt"
        assert p.line is None or 1 <= p.line <= nlines
    assert r.title


# 1,500 + 6,000 + 2,000 cases: the default run stays fast and still covers ~10k inputs.
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(releases())
def test_structured_releases_round_trip(text):
    check_release(text)


@settings(max_examples=6000, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_arbitrary_text_round_trips(text):
    check_release(text)


@settings(max_examples=2000, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode(data):
    text, encoding, problems = decode(data, "gen.txt")
    assert isinstance(text, str) and encoding
    for p in problems:
        assert p.file == "gen.txt"


@given(st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzABCZ0123456789-_ é"), max_size=16))
def test_a_language_tag_is_read_once_for_all(written):
    """Reading a tag again changes nothing, and it names the language it was read from."""
    from pressroom.i18n import language_tag, same_language

    tag = language_tag(written)
    if tag is not None:
        assert language_tag(tag) == tag and same_language(written, tag)
        assert tag == tag.strip() and "_" not in tag
