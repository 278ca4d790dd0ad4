"""Take a release as received and decide where it goes in the corpus (``pressroom add``).

Plain Python, no Sphinx. :func:`prepare` turns one received file into a
:class:`Placement`: the bytes to write, the publisher, the date and the path
``<releases>/<publisher>/<year>/<date>-<slug>.txt``, or the reasons it cannot
be placed (no date, no publisher) and how to supply them.

- A text file is kept byte for byte. Only when its date has to be supplied
  (``--date``) is a three-line front-matter header (``date: YYYY-MM-DD``)
  put before the received bytes, which follow unchanged.
- An HTML page is reduced to its text with BeautifulSoup: scripts, styles,
  navigation, headers, footers, asides and forms are dropped, and what sites put
  around a release (share buttons, related posts, comments, cookie banners,
  breadcrumbs, hidden text: by class, id or role); the text of the
  ``<article>`` (or ``<main>``, or the element around the headline holding most
  of the page's text) is kept whole, one paragraph a
  block element (a ``<div>`` too), a line a ``<br>``, a table of figures a row a
  line (its cells between ``|``), with no space put between inline elements
  (``<a>BUSINESS WIRE</a>)`` stays ``BUSINESS WIRE)``). The release gets a
  front-matter header with the title, the date (from ``article:published_time``,
  Dublin Core, JSON-LD's ``datePublished``, ``<time datetime>`` and the like),
  the source URL (``<link rel=canonical>`` or ``og:url``) and the language
  (``<html lang>``, ``Content-Language``, ``og:locale``) when the page has them;
  the page itself is kept beside the release with the same name and ``.html``,
  so nothing received is lost.
- An e-mail saved as received (``.eml``) becomes its header as a mail program
  prints it (``From:``, ``Date:``, ``To:``, ``Subject:``) and its message's text
  (the plain-text part, else the HTML part's paragraphs); the parser reads the
  header as no part of the release. The message is kept beside it as ``.eml``.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import parseaddr
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from pressroom.config import ProjectConfig, Publisher
from pressroom.i18n import language_tag
from pressroom.source import BOMS, decode, parse_date, parse_release, slugify

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
EMAIL_SUFFIXES = (".eml",)
TEXT_SUFFIXES = (".txt", ".text", "")


@dataclass
class Placement:
    source: Path
    data: bytes = b""
    #: what was received, when the release is taken from it (a page, an e-mail), kept
    #: beside the release with this ending
    original: bytes | None = None
    original_suffix: str = ""
    title: str = ""
    date: _dt.date | None = None
    publisher: Publisher | None = None
    target: Path | None = None
    notes: list[str] = field(default_factory=list)
    #: why it cannot be placed, and how to help it: ``(problem subtype, message)``
    missing: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missing and self.target is not None


# --------------------------------------------------------------------------- HTML


def _meta(soup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name}) \
            or soup.find("meta", attrs={"itemprop": name})
        if tag and tag.get("content"):
            return str(tag["content"]).strip()
    return None


def _as_date(value: str | None) -> _dt.date | None:
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return parse_date(value)


#: The metadata fields giving when a page was published, in the order they are believed.
_DATE_FIELDS = ("article:published_time", "og:article:published_time", "datePublished", "date",
                "DC.date.issued", "dcterms.issued", "DCTERMS.issued", "dcterms.date",
                "DC.date", "dc.date", "pubdate", "publishdate", "publish-date",
                "publication_date", "govuk:first-published-at", "parsely-pub-date",
                "sailthru.date", "citation_publication_date")


def _json_ld_date(soup) -> str | None:
    """The first ``datePublished`` of a page's JSON-LD (schema.org ``NewsArticle``...)."""
    return next((item["datePublished"] for item in _json_ld(soup)
                 if isinstance(item.get("datePublished"), str)), None)


#: The classes of an element giving when a post was published or changed (WordPress's
#: ``entry-date published`` and ``updated``, microformats' ``dt-published``).
_PUBLISHED_CLASSES = frozenset(("published", "dt-published"))
_UPDATED_CLASSES = frozenset(("updated", "dt-updated", "modified"))


def _an_update(tag) -> bool:
    """Whether *tag* gives when its page was changed, not published (``<time
    class="updated">``, ``itemprop="dateModified"``)."""
    classes = set(tag.get("class") or ())
    return tag.get("itemprop") == "dateModified" or bool(
        classes & _UPDATED_CLASSES and not classes & _PUBLISHED_CLASSES)


def _a_time(node) -> bool:
    """Whether *node* is an element giving a time: a ``<time>``, or one classed as a
    published or updated date."""
    from bs4 import Tag

    return isinstance(node, Tag) and (node.name == "time" or bool(
        set(node.get("class") or ()) & (_PUBLISHED_CLASSES | _UPDATED_CLASSES | {"entry-date"})))


def _json_ld(soup):
    """The objects of a page's JSON-LD, breadth first."""
    for script in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.I)}):
        try:
            todo = deque([json.loads(script.string or "")])
        except (ValueError, RecursionError):
            continue  # not JSON (or nested past what it reads): what the page says elsewhere
        while todo:  # breadth first, a queue: a list's pop(0) made a long array quadratic
            item = todo.popleft()
            if isinstance(item, dict):
                yield item
                todo.extend(item.values())
            elif isinstance(item, list):
                todo.extend(item)


def page_names(soup) -> list[tuple[str, str]]:
    """The names a page gives its publisher or site, each with where it gives it, in the
    order they are believed: its JSON-LD's ``publisher`` (an organization written elsewhere
    in the graph, by its ``@id``, too), Dublin Core's publisher, ``og:site_name``,
    ``application-name``, then its author (``<meta name="author">``, the JSON-LD's
    ``author`` when an organization), who may be a person."""
    items = list(_json_ld(soup))
    by_id = {str(item["@id"]): item for item in items  # (not a reference to one: no name)
             if isinstance(item.get("@id"), str) and "name" in item}

    def name_of(value: Any) -> str | None:
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
            value = by_id.get(value["@id"], value)
        if isinstance(value, dict):
            value = value.get("name")
        return " ".join(value.split()) if isinstance(value, str) and value.strip() else None

    found: list[tuple[str, str]] = []
    for item in items:
        name = name_of(item.get("publisher"))
        if name:
            found.append((name, "the publisher in its JSON-LD"))
    for field_name, where in (("DC.publisher", "DC.publisher"),
                              ("dcterms.publisher", "dcterms.publisher"),
                              ("DCTERMS.publisher", "dcterms.publisher"),
                              ("og:site_name", "og:site_name"),
                              ("application-name", "application-name"),
                              ("author", "its author's <meta>")):
        name = _meta(soup, field_name)
        if name and " ".join(name.split()):
            found.append((" ".join(name.split()), where))
    for item in items:
        author = item.get("author")
        author = author[0] if isinstance(author, list) and author else author
        if isinstance(author, dict) and author.get("@type") == "Organization":
            name = name_of(author)
            if name:
                found.append((name, "the author in its JSON-LD"))
    seen: set[str] = set()
    return [(n, w) for n, w in found if not (n.casefold() in seen or seen.add(n.casefold()))]


_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
         "svg", "button", "template", "select", "object", "embed", "video", "audio", "canvas",
         "dialog")

#: Elements that stand apart from the text around them (a paragraph, a heading, a cell...):
#: the text before one and the text after it are not run together. Any other element
#: (``<b>``, ``<a>``, ``<span>``) is part of the line it is on, with no space added.
_BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
    "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul"))
#: What a cell of a table of figures may hold and still be read as one cell of its row.
_CELL_BLOCKS = ("p", "div", "span", "b", "strong", "i", "em", "a", "sup", "sub", "font", "small")


class _Text:
    """The paragraphs of a page's text as they are walked: lines of words, a paragraph a
    block element (or two line breaks), a line a ``<br>``."""

    def __init__(self) -> None:
        self.paragraphs: list[list[str]] = []
        self.lines: list[str] = []
        self.words: list[str] = []
        #: what goes before the next words (a footnote's marker)
        self.before = ""

    def add(self, text: str) -> None:
        if self.before and text.strip():  # a footnote's marker, before its first words
            text, self.before = self.before + text.lstrip(), ""
        self.words.append(text)

    def line(self) -> None:
        line = " ".join("".join(self.words).split())
        self.words = []
        if line:
            self.lines.append(line)
        elif self.lines and self.lines[-1] != "":
            self.lines.append("")  # a second break in a row: a paragraph ends

    def unmark(self) -> None:
        """Put no marker before the next words: the footnote it was for has ended."""
        self.before = ""

    def paragraph(self) -> None:
        self.line()
        lines: list[str] = []
        for line in self.lines + [""]:
            if line:
                lines.append(line)
            elif lines:
                self.paragraphs.append(lines)
                lines = []
        self.lines = []


def _data_table(table) -> bool:
    """Whether *table* holds figures, a row a line (not a page laid out in a table): no
    table in it, and no cell holding more than a line of text."""
    if table.find("table") is not None:
        return False
    for cell in table.find_all(("td", "th")):
        if cell.find(lambda t: t.name not in _CELL_BLOCKS) is not None:
            return False
        if len(cell.find_all(("p", "div"))) > 1:
            return False
    return True


#: The classes and roles of a link to a footnote (``<sup><a href="#fn1">1</a></sup>``), and
#: of a footnote's link back to it (``<a href="#ref1">↩</a>``).
_NOTE_REF_RE = re.compile(r"(?:^|[\s_-])(?:footnote-ref|fnref|noteref|footnote-link)(?=$|[\s_-])",
                          re.I)
_NOTE_BACK_RE = re.compile(r"(?:^|[\s_-])(?:footnote-back(?:ref|link)?|reversefootnote|"
                           r"fn-back(?:ref|link)?)(?=$|[\s_-])", re.I)
#: What a footnote's link back is written with: an arrow, a caret.
_BACK_ARROWS = re.compile("^[\u21a9\u21aa\u2191\u2934\u21b5\u2b11\u2b0f^\ufe0e\ufe0f\\s]+$")


def _names(tag) -> str:
    classes = tag.get("class") or []
    return " ".join(classes if isinstance(classes, list) else [str(classes)])


def _note_back(tag) -> bool:
    """Whether *tag* is a footnote's link back to where it is referred to (``↩``)."""
    if tag.name != "a" or not str(tag.get("href") or "").startswith("#"):
        return False
    return tag.get("role") == "doc-backlink" or bool(_NOTE_BACK_RE.search(_names(tag))) or \
        bool(_BACK_ARROWS.match(tag.get_text()))


def _note_ref(tag) -> str | None:
    """The marker of *tag* when it is a link to a footnote (``1`` of ``<sup><a
    href="#fn1">1</a></sup>``, of ``<a href="#fn1" role="doc-noteref"><sup>1</sup></a>``)."""
    if tag.name != "a" or not str(tag.get("href") or "").startswith("#") or _note_back(tag):
        return None
    marker = tag.get_text().strip().strip("[]()").strip()
    if not marker or len(marker) > 4:
        return None
    if tag.get("role") == "doc-noteref" or _NOTE_REF_RE.search(_names(tag)) or \
            tag.find("sup") is not None or tag.find_parent("sup") is not None:
        return marker
    return None


def _notes(element) -> dict[str, str]:
    """The footnotes *element* refers to: their ids and markers (``fn1``: ``1``)."""
    found: dict[str, str] = {}
    for link in element.find_all("a", href=True):
        marker = _note_ref(link)
        if marker:
            found.setdefault(str(link["href"])[1:], marker)
    return found


def _walk(element, out: _Text, skip=None) -> None:
    """Add the text of *element* (but *skip*) to *out*, a paragraph a block element. Walked
    with a stack of its own: a page nested thousands of elements deep is still read."""
    from bs4 import NavigableString, Tag
    from bs4.element import PreformattedString

    notes = _notes(element)
    #: what is left to do, last first: an element to read, or the end of a block
    todo: list[Any] = list(reversed(list(element.children)))
    while todo:
        child = todo.pop()
        if child is _Text.paragraph:
            out.paragraph()
        elif child is _Text.unmark:
            out.unmark()
        elif isinstance(child, NavigableString):
            if not isinstance(child, PreformattedString):  # no comment, CDATA, doctype
                out.add(str(child))
        elif not isinstance(child, Tag) or child is skip:
            continue
        elif child.name == "br":
            out.line()
        elif child.name == "a" and _note_back(child):
            continue  # a footnote's way back to the text (↩): its marker says where
        elif child.name == "a" and (marker := _note_ref(child)):
            out.add(f"[{marker}]")  # a footnote's marker: report.[1], not report.1
        elif child.name == "pre":
            out.paragraph()  # its lines as they are, spaces and all
            out.lines.extend(line.rstrip() for line in child.get_text().splitlines())
            out.paragraph()
        elif child.name == "table" and _data_table(child):
            out.paragraph()
            for row in child.find_all("tr"):
                cells = (_inline_text(cell) for cell in row.find_all(("td", "th")))
                out.add(" | ".join(cell for cell in cells if cell))
                out.line()
            out.paragraph()
        elif child.name in _BLOCK_TAGS:
            out.paragraph()
            marker = notes.get(str(child.get("id") or ""))
            if marker and next(child.stripped_strings, "").strip("[]().") != marker:
                out.before = f"[{marker}] "  # a footnote, with the marker referring to it
                todo.append(_Text.unmark)  # (not before the next text, when it has none)
            todo.append(_Text.paragraph)
            todo.extend(reversed(list(child.children)))
        else:
            if _a_time(child) and _a_time(child.previous_sibling):
                out.add(" ")  # a byline's two times (published, updated) are not run together
            todo.extend(reversed(list(child.children)))


def _inline_text(element) -> str:
    """The text of *element* on one line."""
    out = _Text()
    _walk(element, out)
    out.paragraph()
    return " ".join(line for lines in out.paragraphs for line in lines)


def html_to_release(data: bytes, site_names: tuple[str, ...] = ()) -> tuple[str, dict[str, Any]]:
    """The release text of an HTML page (header + title + paragraphs) and what the page says:
    its ``title``, ``date``, ``source``, ``language``, and the ``names`` it gives its publisher
    (:func:`page_names`). *site_names* (the declared publishers') are cut off a title taken
    from ``<title>`` as the names the page gives are."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    info: dict[str, Any] = {"names": page_names(soup)}
    canonical = soup.find("link", rel="canonical")
    url = (canonical.get("href") if canonical else None) or _meta(soup, "og:url")
    if url:
        info["source"] = str(url).strip()
    date = _as_date(_meta(soup, *_DATE_FIELDS)) or _as_date(_json_ld_date(soup))
    if date is None:
        # the time the page marks as its publication's, else its first
        # (an update's time, beside it or alone, dates no publication)
        time_tag = soup.find("time", attrs={"itemprop": "datePublished"}) or soup.find(
            "time", attrs={"pubdate": True}) or soup.find("time", class_="published") or \
            soup.find(lambda tag: tag.name == "time" and not _an_update(tag))
        if time_tag is not None:
            date = _as_date(time_tag.get("datetime") or time_tag.get_text(" ", strip=True))
    if date:
        info["date"] = date.isoformat()
    # the language the page says it is in: ``<html lang="fr">``, else its metadata
    # (``og:locale`` is written ``fr_FR``); kept only when it is a language tag
    root = soup.find("html")
    declared = (root.get("lang") or root.get("xml:lang")) if root is not None else None
    equiv = soup.find("meta", attrs={"http-equiv": re.compile("^content-language$", re.I)})
    for written in (declared, equiv.get("content") if equiv else None,
                    _meta(soup, "og:locale", "DC.language", "inLanguage")):
        tag = language_tag(str(written)) if written else None
        if tag:
            info["language"] = tag
            break
    names = [name for name, where in info["names"] if "author" not in where]
    title, blocks = _html_blocks(soup, (*names, *site_names))
    # control characters in a page's text (U+0081, NUL) are no text: YAML refuses them in
    # the header, and a NUL made the release read as a binary file
    title, blocks = " ".join(_printable(title).split()), [_printable(b) for b in blocks]
    info["title"] = title
    header = ["---"]
    for key in ("title", "date", "source", "language"):
        if info.get(key):
            header.append(f"{key}: {json.dumps(info[key], ensure_ascii=False)}")
    header.append("---")
    text = "\n".join(header) + "\n" + (info["title"] + "\n\n" if info["title"] else "")
    text += "\n\n".join(blocks) + "\n"
    return text, info


_CONTROLS = dict.fromkeys([*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20),
                            *range(0x7f, 0xa0)], " ")


def _printable(text: str) -> str:
    """*text* with its control characters (not line breaks nor tabs) as spaces."""
    return text.translate(_CONTROLS)


#: The ids of the element holding a page's text on sites that mark it with no
#: ``<article>``, ``<main>`` or ``role=main`` (the skip link's target).
_MAIN_IDS = re.compile(r"^(?:main-content|maincontent|main|content)$", re.I)
#: A class or id of what sites put around a release: share buttons, related posts,
#: comments, cookie banners, newsletters, breadcrumbs, sidebars, tags, text for screen
#: readers; a word of the name (``gem-c-share-links``, ``jp-relatedposts``).
_CHROME_RE = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|sharedaddy|partage|social|addtoany|a2a|related|"
    r"relatedposts|comments?|respond|disqus|cookies?|consent|gdpr|onetrust|didomi|cookiebot|"
    r"newsletter|subscribe|signup|breadcrumbs?|sidebar|skip-link|sr-only|screen-reader-text|"
    r"visually-hidden|more-news|read-more|post-navigation|pagination|tags|tag-links|"
    r"cat-links|menu|navbar|advert|advertisement|ads)(?=$|[\s_-])", re.I)
#: The roles of what is no part of a page's text (its banner, menus, sidebar, dialogs).
_CHROME_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "dialog",
                 "alertdialog")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _chrome(tag) -> bool:
    """Whether *tag* is the site around a release rather than the release (its share
    buttons, a cookie banner, what is hidden from the reader)."""
    attrs = tag.attrs
    if not attrs:
        return False
    if _hidden(tag) or tag.name == "dialog" or attrs.get("role") in _CHROME_ROLES:
        return True
    return bool(_CHROME_RE.search(_names(tag) + " " + str(attrs.get("id") or "")))


def _hidden(tag) -> bool:
    """Whether *tag* is hidden from the reader (``hidden``, ``aria-hidden``, a style)."""
    attrs = tag.attrs
    return "hidden" in attrs or attrs.get("aria-hidden") == "true" or \
        bool(_HIDDEN_STYLE.search(str(attrs.get("style") or "")))


def _drop_chrome(soup, keep: list) -> None:
    """Take out of *soup* what :func:`_chrome` finds, but an element holding one of *keep*
    (the article, its headline): the class of a page's ``<body>`` names its categories."""
    kept = {id(t) for t in keep}
    for tag in keep:
        kept.update(id(parent) for parent in tag.parents)
    if keep:
        body = _chrome_holding_the_text(keep[0], kept)
        while body is not None:  # and so on inside it
            kept.add(id(body))
            body = _chrome_holding_the_text(body, kept)
    for tag in soup.find_all(_chrome):
        if id(tag) not in kept and not tag.decomposed:
            tag.decompose()


def _chrome_holding_the_text(container, kept: set[int]):
    """The element :func:`_chrome` finds that holds the release's text, when all of the
    text of *container* (but the elements in *kept*, its headline) is in such elements: the
    one holding the most of it, not hidden (``<div class="entry-content share-enabled">``,
    whose class names the share buttons it has, is the release, not the buttons). None when
    some text is outside them."""
    from bs4 import NavigableString, Tag
    from bs4.element import PreformattedString

    found = []
    todo = list(container.children)
    while todo:
        child = todo.pop()
        if isinstance(child, NavigableString):
            if not isinstance(child, PreformattedString) and child.strip():
                return None  # text of the release's own
        elif not isinstance(child, Tag) or child.name in _DROP:
            continue
        elif id(child) not in kept and _chrome(child):
            if not _hidden(child):
                found.append(child)
        elif child.name != "h1":
            todo.extend(child.children)
    if len(found) < 2:
        return found[0] if found else None
    return max(found, key=lambda tag: len("".join(tag.stripped_strings)))


_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " :: ", " » ")


#: What a page's title may say the page is, beside its headline and its site's name
#: (``Acme Rights - Press Release - Freedonia: Court Upholds Ban``).
_PAGE_KINDS = frozenset((
    "press release", "press releases", "news release", "news releases", "media release",
    "media releases", "press statement", "statement", "statements", "news", "press",
    "newsroom", "press room", "press centre", "press center", "press corner",
    "communiqué", "communiqué de presse", "communiqués de presse", "communiqués",
    "actualités", "pressemitteilung", "pressemitteilungen", "comunicado de prensa",
    "comunicados", "nota de prensa", "comunicato stampa"))


def _without_site_name(title: str, names: Iterable[str]) -> str:
    """A page's title (``<title>``, ``og:title``) without the site's name written before or
    after it (``Freedonia Must Act | Acme Rights``, ``GOV.UK - ...``), nor what it says the
    page is (``Acme Rights - Press Release - …``: the longer side of it); when the page
    names no site, the longest part of a title cut by `` | ``."""
    names = [" ".join(name.split()) for name in names if name.strip()]
    cut = True
    while cut:  # the site's name, then what the page is (Acme Rights - Press Release - …)
        cut = False
        for name in names:
            for sep in _TITLE_SEPARATORS:
                if title.casefold().endswith((sep + name).casefold()):
                    title, cut = title[:-len(sep + name)].strip(), True
                elif title.casefold().startswith((name + sep).casefold()):
                    title, cut = title[len(name + sep):].strip(), True
    for sep in _TITLE_SEPARATORS:
        parts = title.split(sep)
        kinds = [i for i, part in enumerate(parts) if part.strip().casefold() in _PAGE_KINDS]
        if len(parts) > 1 and kinds and len(kinds) < len(parts):
            at = kinds[0]
            before, after = sep.join(parts[:at]).strip(), sep.join(parts[at + 1:]).strip()
            if after.strip().casefold() in _PAGE_KINDS:
                after = ""
            return max((before, after), key=len)
    if " | " in title:
        return max(title.split(" | "), key=len).strip()
    return title


def _html_blocks(soup, site_names: Iterable[str] = ()) -> tuple[str, list[str]]:
    """The title of a parsed page and the text of its article, one paragraph a block
    element (what is no part of the article dropped). A page with no ``<h1>`` is titled by
    its ``<title>`` without its site's name (one of *site_names*, or what the page calls
    itself); by its first line when that is the title written whole (a ``<title>`` cut
    short: ``Freedonia: Court Upholds Ban`` of ``Freedonia: Court Upholds Ban on Rights
    Groups``)."""
    notes = _notes(soup)
    for tag in soup(_DROP):
        if tag.name == "header" and tag.find_parent(("article", "main")) is not None:
            continue  # the article's own: its headline, date and byline
        if tag.name in ("aside", "footer") and (
                tag.get("role") in ("doc-endnotes", "doc-footnote")
                or any(tag.find(id=note) is not None for note in notes)):
            continue  # the footnotes the text refers to
        if not tag.decomposed:
            tag.decompose()
    container = soup.find("article") or soup.find("main") or \
        soup.find(attrs={"role": "main"}) or soup.find(id=_MAIN_IDS) or soup.body or soup
    h1 = container.find("h1") or soup.find("h1")
    _drop_chrome(soup, keep=[t for t in (container, h1) if t is not None])
    if h1 is not None and container in (soup.body, soup):
        # no element says where the text is: the smallest around the headline that holds
        # most of the page's text (not the site's name and menus above it, nor its footer)
        whole = len("".join(container.stripped_strings))
        for parent in h1.parents:
            if parent is container or len("".join(parent.stripped_strings)) * 2 >= whole:
                container = parent
                break
    title = _inline_text(h1) if h1 else ""
    if not title:
        title = _without_site_name(
            " ".join((_meta(soup, "og:title", "twitter:title")
                      or (soup.title.get_text(" ") if soup.title else "")).split()),
            [*site_names, *(name for name in (_meta(soup, "og:site_name", "application-name"),)
                            if name)])
    out = _Text()
    _walk(container, out, h1)
    out.paragraph()
    blocks = ["\n".join(lines) for lines in out.paragraphs]
    if not h1 and blocks and blocks[0] == title:
        blocks = blocks[1:]
    elif not h1 and blocks and _headline_of(blocks[0], title):
        title, blocks = blocks[0], blocks[1:]
    return title, blocks


def _headline_of(line: str, title: str) -> bool:
    """Whether *line*, a page's first, is its headline of which *title* is the start (a
    ``<title>`` cut short): one line, not a sentence, going on from the title's last word."""
    return len(title.split()) >= 3 and "\n" not in line and len(line) <= 2 * len(title) + 40 \
        and line.casefold().startswith(title.casefold()) and len(line) > len(title) \
        and not line[len(title)].isalnum() and not line.rstrip().endswith(".")


# --------------------------------------------------------------------------- e-mail

#: The header fields of an e-mail written before its text, as a mail program prints them.
_MAIL_FIELDS = ("From", "Date", "To", "Cc", "Subject")


def _mail_header(message: Any, name: str) -> str:
    """The header *name* of an e-mail, decoded; as written when it cannot be (an address
    whose encoded words hold a line break, which Python's parser refuses)."""
    try:
        value = message.get(name)
        return str(value) if value else ""
    except (ValueError, TypeError, IndexError, LookupError, UnicodeError):
        raw = next((v for k, v in message.raw_items() if k.lower() == name.lower()), "")
        return "".join(c if c.isprintable() else " " for c in str(raw))


def email_to_release(data: bytes) -> tuple[str, list[tuple[str, str]]]:
    """The release text of an e-mail saved as received (``.eml``): its header as a mail
    program prints it (``From:``, ``Date:``, ``To:``, ``Subject:``), a blank line, then the
    message's text: its plain-text part, else its HTML part's paragraphs (the title as
    the first). The parser reads the header as no part of the release (its subject names
    a release with no headline, its date dates one with no date). Also returns why it
    cannot be a release, ``(problem subtype, message)``: no header (not an e-mail), or no
    text (the release in an attachment)."""
    import email
    from email import policy

    message = email.message_from_bytes(data, policy=policy.default)
    problems: list[tuple[str, str]] = []
    if not any(_mail_header(message, name) for name in ("From", "Date", "Subject")):
        problems.append(("release_email", "not an e-mail message: it has no From:, Date: or "
                         "Subject: header; save the message from the mail program as .eml, "
                         "or its text as .txt"))
    lines = []
    for name in _MAIL_FIELDS:
        value = _mail_header(message, name)
        if value:
            lines.append(f"{name}: {' '.join(value.split())}")
    body = message.get_body(preferencelist=("plain", "html"))
    text = ""
    if body is not None:
        try:
            content = body.get_content()
        except (LookupError, UnicodeError):
            # a charset Python does not know (``x-nonsense``): the bytes decoded as a
            # release file is (UTF-8, else a fallback encoding)
            content = decode(body.get_payload(decode=True) or b"", "<e-mail>")[0]
        if body.get_content_type() == "text/html":
            from bs4 import BeautifulSoup

            title, blocks = _html_blocks(BeautifulSoup(content, "html.parser"))
            text = "\n\n".join([title, *blocks] if title else blocks)
        else:
            text = str(content)
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if not problems and not text.strip():
        attached = [part.get_filename() for part in message.iter_attachments()]
        named = ", ".join(name for name in attached if name)
        problems.append(("release_email", "the e-mail holds no text" + (
            f" (attached: {named}): save the release's text from it as .txt and add that"
            if named else "")))
    return "\n".join(lines) + "\n\n" + text + "\n", problems


# --------------------------------------------------------------------------- placing


def _publisher_named(name: str, project: ProjectConfig) -> Publisher | None:
    """The declared publisher whose key or name *name* is, else the one whose alias it is
    (an alias two publishers declare names neither)."""
    pubs = project.publishers.values()
    wanted = " ".join(name.split()).casefold()
    own = [p for p in pubs if wanted in (p.key.casefold(), " ".join(p.name.split()).casefold())]
    hits = own or [p for p in pubs if p.known_as(name)]
    return hits[0] if len(hits) == 1 else None


#: The sender in the header of the e-mail a release came in (``From: Name <address>``).
_SENDER_RE = re.compile(r"(?im)^From[ \t]*:[ \t]*(.+?)[ \t]*$")


def _same_site(domain: str, host: str) -> bool:
    """Whether mail *domain* is the site *host*'s (``humanrightsfirst.org`` for
    ``www.humanrightsfirst.org``) or below it (``press.humanrightsfirst.org``)."""
    host = host.lower().removeprefix("www.")
    return bool(host) and (domain == host or domain.endswith("." + host))


def infer_publisher(text: str, footer: str, source_url: str | None, received: Path,
                    project: ProjectConfig, named: Iterable[str] = ()) -> Publisher | None:
    """The configured publisher a release belongs to, from what it says about itself (and
    the names its page gives its publisher, *named*)."""
    pubs = list(project.publishers.values())
    # its boilerplate footer
    hits = [p for p in pubs if any(re.search(r"(?m)^\s*" + re.escape(m), text)
                                   for m in p.footer_markers)]
    if len(hits) == 1:
        return hits[0]
    # the site it came from
    if source_url:
        host = urlparse(source_url).netloc.lower().removeprefix("www.")
        hits = [p for p in pubs if p.url and
                urlparse(p.url).netloc.lower().removeprefix("www.") == host]
        if len(hits) == 1:
            return hits[0]
    # the name its page gives its publisher or site (og:site_name, JSON-LD), by name or alias
    hits = list(dict.fromkeys(pub for pub in map(lambda n: _publisher_named(n, project), named)
                              if pub is not None))
    if len(hits) == 1:
        return hits[0]
    # the sender of the e-mail it came in: by name, or by the address's domain (that of
    # the publisher's site, or below it)
    sender = _SENDER_RE.search(text, 0, 4000)
    if sender:
        name, address = parseaddr(sender.group(1))
        domain = address.rpartition("@")[2].lower()
        named_pub = _publisher_named(name, project) if name else None
        hits = [named_pub] if named_pub else []
        if not hits and domain:
            hits = [p for p in pubs if p.url and _same_site(domain, urlparse(p.url).netloc)]
        if len(hits) == 1:
            return hits[0]
    # the folder it was received in
    for part in reversed(received.resolve().parent.parts):
        if part in project.publishers:
            return project.publishers[part]
    # its name in the footer
    hits = [p for p in pubs if footer and p.name in footer]
    if len(hits) == 1:
        return hits[0]
    return None


def prepare(path: Path, project: ProjectConfig, *, publisher: str | None = None,
            date: _dt.date | None = None, language: str | None = None) -> Placement:
    """Read *path* and work out where it goes; nothing is written. *language* (a tag) is
    written into a header when the release states none."""
    placement = Placement(path)
    received = path.read_bytes()
    is_html = path.suffix.lower() in HTML_SUFFIXES or (
        path.suffix.lower() not in (".txt", ".text", *EMAIL_SUFFIXES)
        and re.match(rb"\s*(?:<!doctype html|<html)", received[:512], re.I) is not None)
    source_url = None
    #: the names a page gives its publisher, and where
    named: list[tuple[str, str]] = []
    if is_html:
        # what is no page is not read as one: an empty file, a PDF or a picture saved with
        # the name of a page (read as a page, its bytes became a release of garbage)
        if not received.strip():
            placement.missing.append(("release_empty", "the file is empty" if not received
                                      else "the file holds only whitespace"))
            return placement
        binary = [p for p in decode(received, str(path))[2] if p.subtype == "release_binary"]
        if binary:
            placement.missing.append(("release_binary", binary[0].message.replace(
                "not text", "not a web page")))
            return placement
        text, info = html_to_release(received, tuple(
            name for pub in project.publishers.values() for name in (pub.name, *pub.aliases)))
        if not text.partition("\n---\n")[2].strip():
            placement.missing.append((
                "release_empty", "the page holds no text (no headline, no paragraph): if its "
                "browser shows a release, the page writes it with scripts; save it from the "
                "browser as it is shown (File > Save Page As, or copy its text into a .txt)"))
            return placement
        data = text.encode("utf-8")
        placement.original, placement.original_suffix = received, ".html"
        source_url = info.get("source")
        named = info["names"]
        placement.notes.append("text extracted from HTML; the page is kept beside it as .html")
    elif path.suffix.lower() in EMAIL_SUFFIXES:
        text, unusable = email_to_release(received)
        if unusable:
            placement.missing.extend(unusable)
            return placement
        data = text.encode("utf-8")
        placement.original, placement.original_suffix = received, ".eml"
        placement.notes.append("text and header taken from the e-mail; the message is kept "
                               "beside it as .eml")
    else:
        data = received
    release = parse_release(path, data)
    source_url = source_url or release.source_url
    placement.title = release.title
    for problem in release.problems:
        # no text to take in: a binary file (a PDF or a picture named .txt), an empty one
        if problem.subtype == "release_binary" or (
                problem.subtype == "release_empty" and problem.severity == "error"):
            placement.missing.append((problem.subtype, problem.message))
        elif problem.subtype == "release_empty":  # a title and a date, and no text
            placement.notes.append(problem.message)
    if placement.missing:
        return placement  # no text: no word about the date or publisher it does not give

    # publisher: --publisher, a header line, what the release says about itself
    pub = None
    if publisher:
        pub = _publisher_named(publisher, project)
        if pub is None:
            key = slugify(publisher, max_words=6)
            pub = Publisher(key=key, name=publisher)
            placement.notes.append(f"publisher {key!r} is not declared in conf.py "
                                   "(pressroom_publishers); its folder is created")
    elif release.publisher:
        pub = _publisher_named(release.publisher, project) or Publisher(
            key=slugify(release.publisher, max_words=6), name=release.publisher)
    else:
        pub = infer_publisher(release.text, release.footer, source_url, path, project,
                              [name for name, _where in named])
    if pub is None:
        known = ", ".join(sorted(project.publishers)) or "none declared in conf.py yet"
        if named:  # a publisher the project does not know: said, not made up nor passed over
            names = "; ".join(f"{name!r} ({where})" for name, where in named)
            placement.missing.append((
                "release_publisher",
                f"publisher not found: the page names {names}, not a publisher declared in "
                f"conf.py; declare it in pressroom_publishers (its name, or one of its "
                f"aliases) or give --publisher KEY (known: {known})"))
        else:
            placement.missing.append((
                "release_publisher",
                f"publisher not found (no header line, footer or source URL names one); give "
                f"it with --publisher KEY (known: {known}) or a header line `publisher: Name`"))
    placement.publisher = pub

    # date: the release's own, else --date (written into a header so the corpus has it)
    if release.date:
        placement.date = release.date
        if date and date != release.date:
            placement.notes.append(f"--date {date} ignored: the release says {release.date}")
    elif date:
        placement.date = date
        data = _with_header_field(data, "date", date)
        placement.notes.append(f"no date in the text: `date: {date}` is written into its "
                               "header (one is put before the received text if it has none)")
    else:
        placement.missing.append((
            "release_date", "publication date not found (or its header says unknown: a "
            "release is filed by its date); give it with --date YYYY-MM-DD, or add a header "
            "(a first line ---, then date: YYYY-MM-DD, then ---)"))
    if language and release.language and release.language != language:
        placement.notes.append(f"--language {language} ignored: the release's header says "
                               f"{release.language}")
    elif language and not release.language:
        data = _with_header_field(data, "language", language)
        placement.notes.append(f"`language: {language}` is written into its header (one is "
                               "put before the received text if it has none)")
    placement.data = data
    if placement.publisher and placement.date:
        folder = project.releases_dir / placement.publisher.key / f"{placement.date.year:04d}"
        slug = slugify(placement.title)
        placement.target = folder / f"{placement.date.isoformat()}-{slug}.txt"
    return placement


def _with_header_field(data: bytes, key: str, value: object) -> bytes:
    """*data* with ``key: value`` (``date: YYYY-MM-DD``, ``language: fr``) in a front-matter
    header: in place of that field's line when the header the file has (its first line
    exactly ``---``, as the parser reads one) gives it (``date: unknown``, ``language:
    French``: YAML would keep the file's, the last of the two), else as its first field,
    else in a header of its own before the text. Written in the file's own encoding (a
    UTF-16 file stays UTF-16) and line ending; the received bytes follow unchanged."""
    encoding = "utf-8"
    bom = b""
    for mark, codec, _reported in BOMS:
        if data.startswith(mark):
            encoding, bom = codec, mark
            break
    body = data[len(bom):]
    head = body[:4000].decode(encoding, errors="ignore")
    newline = "\r\n" if "\r\n" in head[:2000] else "\n"
    first_line, nl, _ = head.partition("\n")
    field = f"{key}: {value}{newline}"
    if nl and first_line.strip() == "---":
        cut = len((first_line + nl).encode(encoding))
        at = len(first_line) + 1
        for line in re.finditer(r"[^\n]*\n", head[at:]):
            if line.group().strip() == "---":
                break
            if re.match(rf"{re.escape(key)}\s*:", line.group()):  # the field's own line
                start = len(head[:at + line.start()].encode(encoding))
                end = start + len(line.group().encode(encoding))
                return bom + body[:start] + field.encode(encoding) + body[end:]
        # a header without the field: the field as its first
        return bom + body[:cut] + field.encode(encoding) + body[cut:]
    return bom + f"---{newline}{field}---{newline}".encode(encoding) + body


def free_name(target: Path, taken: set[Path], also: tuple[str, ...] = ()) -> Path:
    """*target*, or ``-2``, ``-3``… before the suffix when that name is used (or that name
    with one of the suffixes *also*: the page or message kept beside the release)."""
    candidate, n = target, 1
    while candidate.exists() or candidate in taken or any(
            candidate.with_suffix(suffix).exists() for suffix in also):
        n += 1
        candidate = target.with_name(f"{target.stem}-{n}{target.suffix}")
    return candidate
