"""``releases.atom``: the newest releases as an Atom feed (RFC 4287), for readers who
follow the archive in a feed reader.

Written at ``build-finished`` by HTML builders from the releases' rows in the domain
(nothing is read for it), newest first, ``pressroom_feed_entries`` of them (0 writes
none); rewritten only when its text changes. A release without a full date (none, or a
year or month only) cannot be placed in time and is left out. With ``html_baseurl``
set, links and ids are absolute URLs; without it, links are relative to the feed (feed
readers resolve them against its address) and ids are ``urn:uuid:`` names made from
the project's name and the page, stable from build to build. Each entry names the
release's publisher as its author and the entries it mentions as its categories.
Every HTML page's head links the feed (``html-page-context``).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

from pressroom.i18n import _
from pressroom.sphinxext.corpus import (
    remove_if_written,
    site_language,
    web_site,
    write_if_changed,
)
from pressroom.sphinxext.domain import get_domain
from pressroom.sphinxext.html import root_file, site_url

if TYPE_CHECKING:
    from sphinx.application import Sphinx

FEED_FILE = "releases.atom"
FEED_TYPE = "application/atom+xml"
#: Atom's ``generator``: what wrote the feed (and the mark of a feed Pressroom wrote).
_FEED_MARK = "<generator>Pressroom</generator>"


def _enabled(app: Sphinx) -> bool:
    # HTML sites (html, dirhtml, singlehtml); an e-book (epub, format html too) has no
    # address a feed reader could follow
    return web_site(app.builder) and app.config.pressroom_feed_entries > 0


def feed_title(app: Sphinx) -> str:
    return _("{project}: newest releases").format(project=app.config.project)


def add_feed_link(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: Any) -> None:
    """``<link rel="alternate">`` to the feed in every page's head."""
    if "pathto" not in context:
        return
    from sphinxcontrib.serializinghtml import SerializingHTMLBuilder

    if isinstance(app.builder, SerializingHTMLBuilder):
        # json, pickle: a web application's pages, whose ``pathto`` takes a name alone
        # (it was a traceback) and gives it as it is
        href = context["pathto"](FEED_FILE)
    else:
        href = context["pathto"](FEED_FILE, 1)
    context["metatags"] = context.get("metatags", "") + feed_link(app, href)


def feed_link(app: Sphinx, href: str) -> str:
    """The ``<link rel="alternate">`` to the feed at *href*, or ``""`` when there is none."""
    if not _enabled(app):
        return ""
    return (f'<link rel="alternate" type="{FEED_TYPE}" title={quoteattr(feed_title(app))} '
            f'href={quoteattr(href)}>\n')


def newest(releases: dict[str, tuple], limit: int) -> list[str]:
    """The docnames of the *limit* newest releases with a full date: newest first, those
    of one day by docname."""
    dated = sorted(d for d, row in releases.items() if len(row[1]) == 10)
    dated.sort(key=lambda d: releases[d][1], reverse=True)  # stable: docnames stay in order
    return dated[:limit]


def feed_xml(app: Sphinx) -> str:
    domain = get_domain(app.env)
    releases = domain.releases
    entries = domain.entries
    leads = domain.data.get("leads", {})
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"pressroom:{app.config.project}")

    def link(docname: str | None) -> str:
        target = app.builder.get_target_uri(docname) if docname else FEED_FILE
        if target.startswith("#"):  # singlehtml: a part of the root document's page
            target = root_file(app) + target
        return site_url(app, target)

    def ident(docname: str | None) -> str:
        # a name, not an address: an entry's id must not change when the site moves, is
        # given a base address or is built as ``dirhtml`` (RFC 4287, 4.2.6), or a feed
        # reader shows every release as new
        return f"urn:uuid:{uuid.uuid5(namespace, docname or FEED_FILE)}"

    docs = newest(releases, app.config.pressroom_feed_entries)
    title = feed_title(app)
    updated = f"{releases[docs[0]][1]}T00:00:00Z" if docs else "1970-01-01T00:00:00Z"
    out = ['<?xml version="1.0" encoding="utf-8"?>\n',
           f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(site_language(app.config))}>\n',
           f"<title>{escape(title)}</title>\n",
           f"<id>{escape(ident(None))}</id>\n",
           f"<updated>{updated}</updated>\n",
           f'<link rel="self" type="{FEED_TYPE}" href={quoteattr(link(None))}/>\n',
           f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(link(app.config.root_doc))}/>\n",
           f"<author><name>{escape(app.config.project)}</name></author>\n",
           f"{_FEED_MARK}\n"]
    for docname in docs:
        rel_title, date, _key, publisher = releases[docname][:4]
        language = releases[docname][7]  # another language than the site's, or ""
        stamp = f"{date}T00:00:00Z"
        out.append(f"<entry xml:lang={quoteattr(language)}>\n" if language else "<entry>\n")
        out.append(f"<title>{escape(rel_title or docname)}</title>\n")
        out.append(f'<link rel="alternate" type="text/html" href={quoteattr(link(docname))}/>\n')
        out.append(f"<id>{escape(ident(docname))}</id>\n")
        out.append(f"<published>{stamp}</published>\n<updated>{stamp}</updated>\n")
        if publisher:
            out.append(f"<author><name>{escape(publisher)}</name></author>\n")
        lead = leads.get(docname)
        if lead:
            out.append(f"<summary>{escape(lead)}</summary>\n")
        seen = set()
        for row in domain.mentions.get(docname, ()):
            eid = row[0]
            entry = entries.get(eid)
            if entry is None or eid in seen:
                continue
            seen.add(eid)
            out.append(f"<category term={quoteattr(eid)} label={quoteattr(entry[3])}/>\n")
        out.append("</entry>\n")
    out.append("</feed>\n")
    return "".join(out)


def write_feed(app: Sphinx, exc: Exception | None) -> None:
    """``build-finished``: write the feed when it changed (nothing after a failed build);
    remove the one an earlier build wrote when there is to be none
    (``pressroom_feed_entries = 0``: it was left, and a fresh build has none)."""
    if exc is not None:
        return
    path = Path(app.outdir) / FEED_FILE
    if _enabled(app):
        write_if_changed(path, feed_xml(app))
    elif app.builder.format == "html":
        remove_if_written(path, _FEED_MARK)
