"""Pages that moved (``pressroom_moved``): the former address of each redirects to its page.

A release's address is its file's path (publisher, year, the date and words of its name),
an entry's its id: a release file renamed, as when its date is corrected, or an entry's id
changed, moves the page, and every link and citation of the former address led nowhere.
Each former address listed gets a page that sends the reader to the page's address now,
written when a build finishes, kept while it is listed and removed when it no longer is.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import quoteattr

from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from pressroom.i18n import _
from pressroom.sphinxext.corpus import remove_if_written, site_language, web_site, write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: What a redirect's title says: the mark of a page written here (see below).
_TITLE = "<title>Moved</title>"
#: The redirects written to an output folder, kept beside the doctrees.
_RECORD = "pressroom-moved.json"


def plain_page(value: str) -> bool:
    """Whether *value* names a page as its address does, below the top of the output
    (``corpus/releases/hrf/2011/2011-04-27-dialogue``, ``entries/person/brian-dooley``):
    no absolute path, no ``..``, no suffix of a file."""
    parts = value.split("/")
    return (bool(value) and not value.startswith("/") and "\\" not in value
            and not value.endswith((".html", ".txt"))
            and all(p.strip() == p and p and p not in (".", "..") for p in parts)
            and not any(c in value for c in "\0\r\n\t<>\"'"))


def moved_pages(moved: dict[str, str], pages: set[str]) -> tuple[list[tuple[str, str]],
                                                                  list[str]]:
    """The ``(former, now)`` pairs of *moved* that can be written, sorted, and what is wrong
    with each of the others: a former address that is a page of the site (*pages*) now, a
    page that is none, a name that names no page's address."""
    pairs, problems = [], []
    for former, now in sorted(moved.items()):
        if not (isinstance(former, str) and isinstance(now, str)
                and plain_page(former) and plain_page(now)):
            problems.append(f"{former!r} -> {now!r}: a page's path is expected on each side, "
                            "as its address gives it, without .html or .txt")
        elif former in pages:
            problems.append(f"{former!r} is a page of the site; it is not redirected")
        elif now not in pages:
            problems.append(f"{former!r} -> {now!r}: there is no page {now!r}")
        else:
            pairs.append((former, now))
    return pairs, problems


def redirect_page(target: str, canonical: str, language: str, head: str, heading: str,
                  link: str) -> str:
    """A page that sends its reader to *target* (relative to it), naming *canonical* as the
    address to keep, with *head* in its ``<head>`` (its title, the mark of a page written
    here), *heading* and a *link* to follow: a moved page's and the root redirect's. In a
    language written right to left, the page runs so (``dir``: it links no stylesheet)."""
    from pressroom.sphinxext.markup import site_right_to_left

    way = ' dir="rtl"' if site_right_to_left(language) else ""
    return (f"<!DOCTYPE html>\n<html lang={quoteattr(language)}{way}><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"refresh\" content={quoteattr('0; url=' + target)}>"
            f"<link rel=\"canonical\" href={quoteattr(canonical)}>{head}</head>"
            f"<body><main><h1>{heading}</h1>"
            f"<p><a href={quoteattr(target)}>{link}</a></p></main></body></html>\n")


def redirect_html(target: str, canonical: str, language: str) -> str:
    """A moved page's former address: it sends its reader to *target*, naming *canonical*
    (the page's address, absolute under ``html_baseurl``) as the address to keep."""
    return redirect_page(target, canonical, language,
                         f"<meta name=\"robots\" content=\"noindex\">{_TITLE}",
                         escape(_("This page has moved"), quote=False),
                         escape(_("Continue to its address now"), quote=False))


def site_pages(env: Any) -> set[str]:
    """The pages of the site: the documents, and the entries' pages (collected: no
    documents of Sphinx's)."""
    from pressroom.sphinxext.domain import get_domain

    return set(env.all_docs) | {entry[0] for entry in get_domain(env).entries.values()}


def _setting(app: Sphinx) -> Any:
    """Where ``pressroom_moved`` is set: its line of ``conf.py``, as the other settings'
    warnings say it."""
    from pressroom.config import assignment_lines
    from pressroom.sphinxext.parser import FileLocation

    conf = Path(app.confdir) / "conf.py"
    return FileLocation.of(str(conf), assignment_lines(conf).get("pressroom_moved"))


def check_moved(app: Sphinx, env: Any) -> None:
    """``env-check-consistency``: a listed move that cannot be written is a warning."""
    _pairs, problems = moved_pages(app.config.pressroom_moved, site_pages(env))
    for problem in problems:
        logger.warning("pressroom_moved: %s", problem, location=_setting(app),
                       type="pressroom", subtype="config")


def _ours_or_none(path: Path) -> bool:
    """Whether no file is at *path*, or a redirect written here is."""
    try:
        return _TITLE in path.read_text(encoding="utf-8", errors="replace")[:2000]
    except FileNotFoundError:
        return True
    except OSError:
        return False


def write_redirects(app: Sphinx, exc: Exception | None) -> None:
    """``build-finished``, after the pages of removed releases are deleted: a redirect at
    each former address listed (a web site's, one file a page: not ``singlehtml``); those
    an earlier build wrote and no longer listed removed."""
    builder = app.builder
    if exc is not None or not web_site(builder) or builder.get_target_uri("a").startswith("#"):
        return
    from pressroom.sphinxext.html import site_url

    pairs, _problems = moved_pages(app.config.pressroom_moved, site_pages(app.env))
    outdir = Path(app.outdir)
    record = Path(app.doctreedir) / _RECORD
    try:
        before = json.loads(record.read_text(encoding="utf-8"))
        written = before["files"] if before.get("outdir") == str(outdir) else []
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        written = []
    files = []
    language = site_language(app.config)
    for former, now in pairs:
        here, there = builder.get_target_uri(former), builder.get_target_uri(now)
        path = Path(builder.get_outfilename(former))
        if not _ours_or_none(path):
            # a page written there (Sphinx's search or genindex, no document; with dirhtml
            # a folder's index page; the root redirect): kept
            logger.warning("pressroom_moved: %r is a page of the site; it is not redirected",
                           former, location=_setting(app), type="pressroom", subtype="config")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        target = relative_uri(here, there) or "./"
        # the address to keep: absolute under html_baseurl, else the page's from here
        canonical = site_url(app, there) if app.config.html_baseurl else target
        write_if_changed(path, redirect_html(target, canonical, language))
        files.append(path.relative_to(outdir).as_posix())
    for name in set(written) - set(files):
        if isinstance(name, str):
            remove_if_written(outdir / name, _TITLE)
    if files != written:
        record.write_text(json.dumps({"outdir": str(outdir), "files": files}), encoding="utf-8")
