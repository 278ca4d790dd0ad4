"""Take a release as received and decide where it goes in the corpus (``pressroom add``).

Plain Python, no Sphinx. :func:`prepare` turns one received file into a
:class:`Placement`: the bytes to write, the publisher, the date and the path
``<releases>/<publisher>/<year>/<date>-<slug>.txt``, or the reasons it cannot
be placed (no date, no publisher) and how to supply them.

- A text file is kept byte for byte. Only when its date has to be supplied
  (``--date``) is a three-line front-matter header (``date: YYYY-MM-DD``)
  put before the received bytes, which follow unchanged.
- An HTML page is reduced to its text with BeautifulSoup: scripts, styles,
  navigation, headers, footers, asides and forms are dropped; the text of the
  ``<article>`` (or ``<main>``, or ``<body>``) is kept as one paragraph per
  block element. The release gets a front-matter header with the title, the
  date (from ``article:published_time``, ``<time datetime>`` and the like) and
  the source URL (``<link rel=canonical>`` or ``og:url``) when the page has
  them; the page itself is kept beside the release with the same name and
  ``.html``, so nothing received is lost.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from pressroom.config import ProjectConfig, Publisher
from pressroom.source import parse_date, parse_release, slugify

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text", "")


@dataclass
class Placement:
    source: Path
    data: bytes = b""
    html: bytes | None = None  # the received page, kept beside the release
    title: str = ""
    date: _dt.date | None = None
    publisher: Publisher | None = None
    target: Path | None = None
    notes: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # what could not be inferred, and how to give it

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


_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt")
_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
         "svg", "button", "template", "select")


def html_to_release(data: bytes) -> tuple[str, dict[str, str]]:
    """The release text of an HTML page (header + title + paragraphs) and what the page says."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    info: dict[str, str] = {}
    canonical = soup.find("link", rel="canonical")
    url = (canonical.get("href") if canonical else None) or _meta(soup, "og:url")
    if url:
        info["source"] = str(url).strip()
    date = _as_date(_meta(soup, "article:published_time", "date", "datePublished",
                          "DC.date.issued", "pubdate"))
    if date is None:
        time_tag = soup.find("time")
        if time_tag is not None:
            date = _as_date(time_tag.get("datetime") or time_tag.get_text(" ", strip=True))
    if date:
        info["date"] = date.isoformat()
    for tag in soup(_DROP):
        tag.decompose()
    container = soup.find("article") or soup.find("main") or \
        soup.find(attrs={"role": "main"}) or soup.body or soup
    h1 = container.find("h1") or soup.find("h1")
    title = " ".join(h1.get_text(" ").split()) if h1 else ""
    if not title:
        title = _meta(soup, "og:title") or (soup.title.get_text(" ", strip=True) if soup.title else "")
    info["title"] = " ".join(title.split())
    blocks = []
    for el in container.find_all(_BLOCKS):
        if el.find_parent(_BLOCKS):
            continue  # its text is in the enclosing block
        text = " ".join(el.get_text(" ").split())
        if text:
            blocks.append(text)
    if not blocks:
        lines = (" ".join(line.split()) for line in container.get_text("\n").splitlines())
        blocks = [line for line in lines if line and line != info["title"]]
    header = ["---"]
    for key in ("title", "date", "source"):
        if info.get(key):
            header.append(f"{key}: {json.dumps(info[key], ensure_ascii=False)}")
    header.append("---")
    text = "\n".join(header) + "\n" + (info["title"] + "\n\n" if info["title"] else "")
    text += "\n\n".join(blocks) + "\n"
    return text, info


# --------------------------------------------------------------------------- placing


def _publisher_named(name: str, project: ProjectConfig) -> Publisher | None:
    wanted = name.strip().casefold()
    for pub in project.publishers.values():
        if wanted in (pub.key.casefold(), pub.name.casefold()):
            return pub
    return None


def infer_publisher(text: str, footer: str, source_url: str | None, received: Path,
                    project: ProjectConfig) -> Publisher | None:
    """The configured publisher a release belongs to, from what it says about itself."""
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
            date: _dt.date | None = None) -> Placement:
    """Read *path* and work out where it goes; nothing is written."""
    placement = Placement(path)
    received = path.read_bytes()
    is_html = path.suffix.lower() in HTML_SUFFIXES or (
        path.suffix.lower() not in (".txt", ".text")
        and re.match(rb"\s*(?:<!doctype html|<html)", received[:512], re.I) is not None)
    source_url = None
    if is_html:
        text, info = html_to_release(received)
        data = text.encode("utf-8")
        placement.html = received
        source_url = info.get("source")
        placement.notes.append("text extracted from HTML; the page is kept beside it as .html")
    else:
        data = received
    release = parse_release(path, data)
    source_url = source_url or release.source_url
    placement.title = release.title

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
        pub = infer_publisher(release.text, release.footer, source_url, path, project)
    if pub is None:
        known = ", ".join(sorted(project.publishers)) or "none declared in conf.py yet"
        placement.missing.append(
            f"publisher not found (no header line, footer or source URL names one); give it "
            f"with --publisher KEY (known: {known}) or a header line `publisher: Name`")
    placement.publisher = pub

    # date: the release's own, else --date (written into a header so the corpus has it)
    if release.date:
        placement.date = release.date
        if date and date != release.date:
            placement.notes.append(f"--date {date} ignored: the release says {release.date}")
    elif date:
        placement.date = date
        data = _with_date_header(data, date)
        placement.notes.append(f"no date in the text: a header `date: {date}` is put before "
                               "the received text")
    else:
        placement.missing.append(
            "publication date not found; give it with --date YYYY-MM-DD, or add a header "
            "(a first line ---, then date: YYYY-MM-DD, then ---)")
    placement.data = data
    if placement.publisher and placement.date:
        folder = project.releases_dir / placement.publisher.key / f"{placement.date.year:04d}"
        slug = slugify(placement.title)
        placement.target = folder / f"{placement.date.isoformat()}-{slug}.txt"
    return placement


def _with_date_header(data: bytes, date: _dt.date) -> bytes:
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    body = data[len(bom):]
    newline = b"\r\n" if b"\r\n" in body[:2000] else b"\n"
    if body.lstrip().startswith(b"---"):
        # a header is there already (without a date): add the date as its first field
        first_nl = body.index(b"\n") + 1 if b"\n" in body else len(body)
        return bom + body[:first_nl] + f"date: {date}".encode() + newline + body[first_nl:]
    return bom + b"---" + newline + f"date: {date}".encode() + newline + b"---" + newline + body


def free_name(target: Path, taken: set[Path]) -> Path:
    """*target*, or ``-2``, ``-3``… before the suffix when that name is used."""
    candidate, n = target, 1
    while candidate.exists() or candidate in taken:
        n += 1
        candidate = target.with_name(f"{target.stem}-{n}{target.suffix}")
    return candidate
