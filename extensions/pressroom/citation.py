"""How a release is cited: the metadata reference managers read from its page, and the
citation a reader copies from it.

Zotero's Embedded Metadata translator and Google Scholar read the Highwire Press tags
(``citation_title``, ``citation_publication_date``…); Zotero and library tools read
Dublin Core (``DC.title``, ``DC.date``…) too. Both are given here as ``(name, content)``
pairs, text as it is: the page escapes it (it is release text, data).
"""

from __future__ import annotations

from pressroom.i18n import _
from pressroom.weburl import is_web_address

#: Dublin Core's elements, named by the ``schema.DC`` link of a page that uses ``DC.*``.
DC_SCHEMA = "http://purl.org/dc/elements/1.1/"


def scholar_date(date: str) -> str:
    """*date* (ISO 8601 to the day, month or year: ``2011-04-27``, ``2011-04``, ``2011``) as
    Google Scholar asks for it: ``2011/04/27`` when the day is known, else the year alone."""
    if not date:
        return ""
    parts = date.split("-")
    return "/".join(parts) if len(parts) == 3 else parts[0]


#: The tags of a release's page, in the order it writes them, and the fact each gives:
#: Highwire Press's, then Dublin Core's. A tag whose fact is unknown (``""``) is left out,
#: but the title's.
_TAGS = (
    ("citation_title", "title"), ("citation_publication_date", "scholar_date"),
    ("citation_author", "publisher"), ("citation_publisher", "publisher"),
    ("citation_language", "language"), ("citation_public_url", "url"),
    ("DC.title", "title"), ("DC.type", "type"), ("DC.date", "date"),
    ("DC.creator", "publisher"), ("DC.publisher", "publisher"),
    ("DC.language", "language"), ("DC.identifier", "url"),
)


def citation_meta(*, title: str, date: str, publisher: str, language: str,
                  url: str = "") -> list[tuple[str, str]]:
    """The ``<meta name content>`` pairs of a release's page: its title, date (ISO 8601, to
    the day, month or year; ``""`` when unknown), publisher (also its author: a press
    release is its issuer's), language and address (left out unless absolute)."""
    facts = {"title": title, "date": date, "scholar_date": scholar_date(date),
             "publisher": publisher, "language": language, "type": "Text",
             "url": url if is_web_address(url) else ""}
    return [(name, facts[fact]) for name, fact in _TAGS if facts[fact] or fact == "title"]


_INNER = str.maketrans("“”", "‘’")


def citation_parts(*, title: str, date_shown: str, publisher: str) -> tuple[str, str, str]:
    """A release cited (its address to follow) in three parts, what comes before its title,
    the title, and what comes after: ``Human Rights First. “``, ``Upcoming Dialogue Not
    Enough``, ``.” Press release, 27 April 2011.``; the date as the page shows it
    (*date_shown*, ``""`` when unknown: ``n.d.``), a title's own closing ``?``, ``!`` or
    ``.`` not doubled. The title apart, the page can mark the language it is written in."""
    # a quotation in the title marked inside the citation's marks: “…” as ‘…’
    title = " ".join(title.split()).translate(_INNER)
    before = ""
    if publisher:
        publisher = " ".join(publisher.split())
        before = (publisher if publisher.endswith((".", "?", "!")) else publisher + ".") + " "
    after = "”" if title.rstrip("’").endswith((".", "?", "!", "…")) else ".”"
    after += " " + (_("Press release, {date}.").format(date=date_shown) if date_shown
                    else _("Press release, n.d."))
    return before + "“", title, after


def citation_text(*, title: str, date_shown: str, publisher: str) -> str:
    """A release cited, as one text (see :func:`citation_parts`): ``Human Rights First.
    “Upcoming Dialogue Not Enough.” Press release, 27 April 2011.``"""
    return "".join(citation_parts(title=title, date_shown=date_shown, publisher=publisher))
