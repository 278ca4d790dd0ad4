"""How a release is cited (pressroom.citation): its page's metadata and its citation."""

from __future__ import annotations

from pressroom.citation import citation_meta, citation_parts, citation_text, scholar_date


def test_scholar_date_is_the_day_with_slashes_else_the_year():
    assert scholar_date("2011-04-27") == "2011/04/27"
    assert scholar_date("2011-04") == "2011"  # Google Scholar takes a full date or a year
    assert scholar_date("2011") == "2011"
    assert scholar_date("") == ""


def test_the_address_is_cited_only_when_it_is_a_web_address():
    """A relative address cites nothing; ``html_baseurl`` may write its scheme in capitals."""
    def url_of(url):
        return dict(citation_meta(title="T", date="", publisher="P", language="en",
                                  url=url)).get("citation_public_url")

    assert url_of("https://press.example.org/a.html") == "https://press.example.org/a.html"
    assert url_of("HTTPS://press.example.org/a/") == "HTTPS://press.example.org/a/"
    assert url_of("a.html") is None
    assert url_of("../../a.html") is None
    assert url_of("") is None


def test_citation_meta_gives_highwire_and_dublin_core():
    pairs = citation_meta(title="Dialogue Not Enough", date="2011-04-27",
                          publisher="Human Rights First", language="en",
                          url="https://press.example.org/r.html")
    assert pairs == [
        ("citation_title", "Dialogue Not Enough"),
        ("citation_publication_date", "2011/04/27"),
        ("citation_author", "Human Rights First"),
        ("citation_publisher", "Human Rights First"),
        ("citation_language", "en"),
        ("citation_public_url", "https://press.example.org/r.html"),
        ("DC.title", "Dialogue Not Enough"),
        ("DC.type", "Text"),
        ("DC.date", "2011-04-27"),
        ("DC.creator", "Human Rights First"),
        ("DC.publisher", "Human Rights First"),
        ("DC.language", "en"),
        ("DC.identifier", "https://press.example.org/r.html"),
    ]


def test_citation_meta_leaves_out_what_is_not_known():
    pairs = dict(citation_meta(title="T", date="", publisher="", language="fr", url="r.html"))
    assert pairs == {"citation_title": "T", "citation_language": "fr", "DC.title": "T",
                     "DC.type": "Text", "DC.language": "fr"}  # a relative address is none


def test_citation_text():
    assert citation_text(title="Dialogue Not Enough", date_shown="27 April 2011",
                         publisher="Human Rights First") == \
        "Human Rights First. “Dialogue Not Enough.” Press release, 27 April 2011."
    # the title's own closing mark is not doubled; no date is n.d.; no publisher, no name
    assert citation_text(title="Is It Over?", date_shown="", publisher="") == \
        "“Is It Over?” Press release, n.d."
    assert citation_text(title="  Two\n lines ", date_shown="2011",
                         publisher="Acme Inc.") == "Acme Inc. “Two lines.” Press release, 2011."


def test_citation_parts_hold_the_title_apart():
    assert citation_parts(title="Dialogue", date_shown="2011", publisher="HRF") == (
        "HRF. “", "Dialogue", ".” Press release, 2011.")
    assert citation_parts(title="Why?", date_shown="", publisher="") == (
        "“", "Why?", "” Press release, n.d.")


def test_a_publisher_s_own_mark_and_a_quotation_in_a_title():
    """``Yahoo!`` took a full stop after its ``!``; a title quoting someone kept its double
    marks inside the citation's, and its closing ``.”`` got another full stop."""
    from pressroom.citation import citation_text

    assert citation_text(title="Deal", date_shown="1 May 2020", publisher="Yahoo!") == \
        "Yahoo! “Deal.” Press release, 1 May 2020."
    assert citation_text(title="Roe: “No deal.”", date_shown="", publisher="Acme") == \
        "Acme. “Roe: ‘No deal.’” Press release, n.d."
