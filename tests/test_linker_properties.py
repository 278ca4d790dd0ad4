"""Property tests for the linker: whatever the text, mentions are exact, ordered and apart.

A small registry (diacritics, acronyms, aliases, an alias two entities claim,
short forms) and hypothesis-generated text mixing arbitrary Unicode, markup
fragments, quotes and line breaks with the registry's names written in the
ways releases write them.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressroom.linker import Linker
from pressroom.registry import check_entities

TYPES = ("person", "organization", "event", "place", "award")
ENTRIES = [
    {"id": "brian-dooley", "type": "person", "name": "Brian Dooley"},
    {"id": "hernan-gomez", "type": "person", "name": "Hernán Darío Gómez"},
    {"id": "jane-roe", "type": "person", "name": "Jane Roe", "aliases": ["J. Roe"]},
    {"id": "john-roe", "type": "person", "name": "John Roe"},
    {"id": "hrf", "type": "organization", "name": "Human Rights First", "aliases": ["HRF"]},
    {"id": "un", "type": "organization", "name": "United Nations"},
    {"id": "acme", "type": "organization", "name": "Acme Rights Watch", "aliases": ["Acme"]},
    {"id": "acme-corp", "type": "organization", "name": "Acme Corporation", "aliases": ["Acme"]},
    {"id": "washington-dc", "type": "place", "name": "Washington, D.C.", "aliases": ["Washington"]},
    {"id": "china", "type": "place", "name": "China"},
    {"id": "dialogue-2011", "type": "event", "name": "U.S.-China Human Rights Dialogue"},
    {"id": "nobel", "type": "award", "name": "Nobel Peace Prize"},
]
REGISTRY, _PROBLEMS = check_entities([(e, "test.yaml", n) for n, e in enumerate(ENTRIES, 1)],
                                     TYPES)
LINKER = Linker(REGISTRY)
NAMES = sorted({n for e in REGISTRY for n in e.names} | {
    "Dooley", "Gómez", "Hernan Dario Gomez", "President Hu", "UN", "U.N.", "Roe",
    "HUMAN RIGHTS FIRST", "Human\nRights First", "Human  Rights\r\nFirst", "Brian Dooley’s",
    "Brian Dooley's", "U.S.–China Human Rights Dialogue", "China-based", "Acme’s",
})
FRAGMENTS = ["*bold*", "`code`", ".. note::", ":role:`x`", "|sub|", "_target", "```",
             "{{ jinja }}", "<script>alert(1)</script>", "&amp;", "“", "”", '"', "‘", "’", "'",
             " – ", " — ", "-", ".", ",", "(", ")", "\u200b", "\u202e", "\x00", "\ufeff",
             "\n", "\r\n", "\r", "\n\n", "  ", "\t", "said", "the", "of", "and", "Mr.", "Ms."]
chunk = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=10),
    st.sampled_from(NAMES),
    st.sampled_from(FRAGMENTS),
)
texts = st.lists(chunk, max_size=30).flatmap(
    lambda parts: st.lists(st.sampled_from([" ", "", "\n", ", ", ". "]), min_size=len(parts),
                           max_size=len(parts)).map(
        lambda seps: "".join(p + s for p, s in zip(parts, seps, strict=True))))


def check(text: str, spans: list[tuple[int, int]] | None = None) -> None:
    result = LINKER.link(text, spans)
    previous_end = 0
    allowed = [(max(0, a), min(len(text), b)) for a, b in spans] if spans is not None else None
    for m in result.mentions:
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start:m.end] == m.surface, (m, text[m.start:m.end])
        assert m.entity_id in REGISTRY, m
        assert m.start >= previous_end, ("overlap or out of order", m, result.mentions)
        previous_end = m.end
        if allowed is not None:
            assert any(a <= m.start and m.end <= b for a, b in allowed), (m, spans)
    linked = [(m.start, m.end) for m in result.mentions]
    for a in result.ambiguous:
        assert text[a.start:a.end] == a.surface, a
        assert len(a.candidates) >= 2 and all(c in REGISTRY for c in a.candidates), a
        assert not any(s < a.end and a.start < e for s, e in linked), (a, linked)


def test_registry_is_clean():
    assert [p for p in _PROBLEMS if p.severity == "error"] == []


# 1,500 + 800 + 400 cases (about 10 s).
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_mentions_slice_their_surface_sorted_and_apart(text):
    check(text)


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.lists(st.tuples(st.integers(-5, 400), st.integers(-5, 400)), max_size=4))
def test_mentions_stay_inside_the_spans(text, raw_spans):
    spans = sorted((min(a, b), max(a, b)) for a, b in raw_spans)
    disjoint: list[tuple[int, int]] = []
    for a, b in spans:  # the parser gives disjoint spans; so does this test
        if not disjoint or a >= disjoint[-1][1]:
            disjoint.append((a, b))
    check(text, disjoint)


FILLER = st.lists(st.sampled_from(["the", "talks", "were", "held", "today", "and", "many",
                                   "officials", "said", "that", "it", "would", "continue"]),
                  min_size=0, max_size=8).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(FILLER, st.sampled_from(["Brian Dooley", "Human Rights First", "United Nations",
                                "Nobel Peace Prize", "China", "Hernán Darío Gómez",
                                "U.S.-China Human Rights Dialogue"]), FILLER,
       st.sampled_from([" ", "\n", "  ", "\r\n"]))
def test_a_full_name_in_plain_context_is_always_linked(before, name, after, gap):
    text = f"{before} {name.replace(' ', gap, 1)} {after}."
    check(text)
    surfaces = [m.surface for m in LINKER.link(text).mentions]
    assert name.replace(" ", gap, 1) in surfaces, (text, surfaces)
