"""HTML output: bounded sidebar navigation, JSON-LD, the corpus export, the root redirect."""

from __future__ import annotations

import json
import posixpath
import re
import sys
from collections.abc import Iterable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.osutil import relative_uri

from pressroom.citation import DC_SCHEMA, citation_meta, citation_parts
from pressroom.i18n import _, comma, human_date
from pressroom.registry import PartialDate
from pressroom.sphinxext import aggregates
from pressroom.sphinxext.corpus import (
    ACTIVE,
    code_key,
    digest,
    file_stamp,
    load_pickled,
    plain,
    remove_if_written,
    site_language,
    store_pickled,
    web_site,
    write_if_changed,
)
from pressroom.sphinxext.domain import get_domain, writes_page
from pressroom.sphinxext.generate import generated_folders
from pressroom.sphinxext.markup import (
    EXPORT_FILE,
    EXPORT_SCHEMA_FILE,
    direction,
    other_language,
)
from pressroom.sphinxext.redirects import redirect_page
from pressroom.weburl import is_web_address

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SCHEMA = "https://schema.org"


#: Rendered sidebars of this process, by what determines them (see :func:`_sidebar_key`).
_SIDEBARS: dict[tuple, str] = {}
#: Per-build navigation facts: toctree parents and the documents in visible toctrees.
_NAV: dict[str, Any] = {}
#: The stylesheet and script tags of this build, by page folder and asset (see
#: :func:`memo_asset_tags`).
_ASSET_TAGS: dict[tuple, str] = {}


def reset_sidebar_cache(*_args: Any) -> None:
    """Forget cached sidebars (``builder-inited``, ``env-updated``): the toctrees may have changed."""
    _SIDEBARS.clear()
    _NAV.clear()


def url_folder(builder: Any, docname: str) -> str:
    """The folder of *docname*'s URL, fragment left out, as Sphinx's ``relative_uri``
    sees it: every relative link written on the page depends on it alone."""
    return builder.get_target_uri(docname).partition("#")[0].rpartition("/")[0]


def reset_asset_tags(*_args: Any) -> None:
    """Forget the asset tags of an earlier build (``builder-inited``)."""
    _ASSET_TAGS.clear()


def memo_asset_tags(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                    doctree: Any) -> None:
    """Make each stylesheet and script tag once per page folder, not once per page.

    Sphinx's ``css_tag`` and ``js_tag`` add a checksum to each asset's URL, and to
    find the file they resolve its path on disk (``Path.resolve``: a system call per
    path component) for every asset of every page: about 60 µs an asset, 0.6 ms a page
    with a theme's ten, which a site with a page per entry pays thousands of times. A
    tag depends only on the asset, on the folder of the page (its relative URL) and
    on the file's checksum, which Sphinx itself computes once per process; so a tag
    made for one page of a folder is the tag of every page there.
    """
    folder = url_folder(app.builder, pagename)
    for name in ("css_tag", "js_tag"):
        make = context.get(name)
        if make is None or getattr(make, "_pressroom", False):
            continue

        def tag(asset: Any, _make: Any = make, _name: str = name) -> str:
            try:
                key = (_name, folder, type(asset), asset)
                html = _ASSET_TAGS.get(key)
            except TypeError:  # an asset that is not hashable: made each time
                return _make(asset)
            if html is None:
                html = _ASSET_TAGS[key] = _make(asset)
            return html

        tag._pressroom = True  # type: ignore[attr-defined]
        context[name] = tag


def nav_facts(env: Any) -> tuple[dict[str, str], set[str]]:
    """Toctree parent of each document (as Sphinx computes it) and the documents that
    visible toctrees reach from the root document (what a bounded sidebar can show)."""
    if _NAV.get("env") is not env:
        from sphinx import addnodes

        parent: dict[str, str] = {}
        for p, children in env.toctree_includes.items():  # Sphinx's _get_toctree_ancestors
            parent |= dict.fromkeys(children, p)
        visible: set[str] = set()
        todo = [(env.config.root_doc, False)]
        seen: set[tuple[str, bool]] = set()
        while todo:
            doc, force = todo.pop()
            if (doc, force) in seen:
                continue
            seen.add((doc, force))
            visible.add(doc)
            toc = env.tocs.get(doc)
            if toc is None:
                continue
            for node in toc.findall(addnodes.toctree):
                if node.get("hidden", False) and not force:
                    continue
                sub = force or bool(node.get("includehidden", False))
                for _title, ref in node.get("entries", ()):
                    if ref in env.all_docs:
                        todo.append((ref, sub))
        _NAV.clear()
        _NAV.update(env=env, parent=parent, visible=visible)
    return _NAV["parent"], _NAV["visible"]


def sidebar_made_of(env: Any, tocs: dict[str, str]) -> list[tuple[str, str]]:
    """What every page's bounded sidebar is made of: the documents visible toctrees reach,
    each with the digest of its title and table of contents (*tocs*)."""
    _parent, visible = nav_facts(env)
    return sorted((d, tocs.get(d, "")) for d in visible)


def _sidebar_key(app: Sphinx, pagename: str, kwargs: dict[str, Any]) -> tuple:
    """What the bounded sidebar of *pagename* depends on.

    Sphinx's global toctree for a page differs from another page's only by (a) the
    relative links, which depend on the page's folder (and on the page itself when it
    is listed), (b) the ``current`` marks of the page and its toctree ancestors that
    are listed. Pages in the hidden generated trees (entries, archive, releases) share
    a handful of keys, so their sidebar is rendered once per process, not per page.
    """
    parent, visible = nav_facts(app.env)
    ancestors = []
    d = pagename
    while d in parent and d not in ancestors:
        ancestors.append(d)
        d = parent[d]
    return (url_folder(app.builder, pagename),
            pagename if pagename in visible else None,
            tuple(a for a in ancestors if a in visible),
            tuple(sorted((k, repr(v)) for k, v in kwargs.items())))


def bound_sidebar(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: Any) -> None:
    """Keep the theme's navigation to the visible toctrees of the hand-written pages.

    Themes such as furo render the whole global toctree, hidden toctrees
    included, into every page's sidebar; with a corpus behind hidden toctrees
    that makes every page carry every page's link and the build quadratic. The
    generated trees (entries, archive) hang off hidden toctrees, so refusing
    ``includehidden`` bounds the sidebar by the hand-written pages. The result is
    cached per process by :func:`_sidebar_key` (parallel writers each keep their own).
    """
    toctree = context.get("toctree")
    if toctree is None or getattr(toctree, "_pressroom", False):
        return

    def bounded(**kwargs: Any) -> str:
        kwargs["includehidden"] = False
        kwargs["titles_only"] = True
        key = _sidebar_key(app, pagename, kwargs)
        html = _SIDEBARS.get(key)
        if html is None:
            html = _SIDEBARS[key] = toctree(**kwargs)
        return html

    bounded._pressroom = True  # type: ignore[attr-defined]
    context["toctree"] = bounded


def bound_theme_navigation(app: Sphinx, pagename: str, templatename: str,
                           context: dict[str, Any], doctree: Any) -> None:
    """Keep a theme's own navigation functions to the visible toctrees too.

    pydata-sphinx-theme renders its sidebar with functions of its own
    (``generate_toctree_html``, ``suppress_sidebar_toctree``), which resolve the toctree
    themselves, hidden toctrees included unless ``sidebar_includehidden`` is off: every
    release page listed every year and month of the archive, a sidebar growing with the
    archive. They are given ``includehidden=False``, as :func:`bound_sidebar` gives
    Sphinx's ``toctree``. Runs after the theme's handlers have added them."""
    for name in ("generate_toctree_html", "suppress_sidebar_toctree"):
        function = context.get(name)
        if callable(function) and not getattr(function, "_pressroom", False):
            context[name] = _without_hidden(function)


def _without_hidden(function: Any) -> Any:
    def bounded(*args: Any, **kwargs: Any) -> Any:
        kwargs["includehidden"] = False
        return function(*args, **kwargs)

    bounded._pressroom = True  # type: ignore[attr-defined]
    return bounded


def lang_attributes(language: str, site_language: str | None = None) -> str:
    """A ``lang`` attribute (with its leading space) for text in *language*, a tag, and a
    ``dir`` when it is written in the other direction than the site's language (see
    :func:`~pressroom.sphinxext.markup.direction`); nothing for no language (``""``)."""
    if not language:
        return ""
    way = direction(language, site_language)
    return f' lang="{escape(plain(language))}"' + (f' dir="{way}"' if way else "")


class DirectedText:
    """Mixed into the HTML translator: an element marked as written in a language (a class
    ``language-<tag>``, which docutils writes as ``lang``) gets HTML's ``dir`` too when
    that language is written in the other direction than the site's
    (:func:`~pressroom.sphinxext.markup.direction`). ``lang`` alone left a release in
    Arabic laid out left to right: its title and paragraphs left-aligned, a sentence's
    closing marks at the wrong end."""

    def starttag(self, node: Any, tagname: str, suffix: str = "\n", empty: bool = False,
                 **attributes: Any) -> str:
        if isinstance(node, nodes.Element) and "dir" not in attributes:
            for cls in node["classes"]:
                if cls.startswith("language-"):  # the first, as docutils takes for ``lang``
                    way = direction(cls[len("language-"):], self.config.language)
                    if way:
                        attributes["dir"] = way
                    break
        return super().starttag(node, tagname, suffix, empty, **attributes)  # type: ignore[misc]


class UnlinkedStylesheets:
    """Mixed into the HTML translator: docutils looks its own stylesheet up on disk
    (``stylesheet_path``: ``html4css1.css``, sought in up to three folders) for every
    translator made, one for each page written and one for each title Sphinx renders
    apart (about ten a release page: its title, its table of contents, its place in the
    archive, the pages before and after it), though Sphinx's pages link the theme's
    stylesheets and never docutils' list. The settings, the HTML builder's, are told
    there is none before the first translator looks: a full build at N = 1,000 made
    13,528 translators, each looking twice on disk."""

    def __init__(self, document: nodes.document, *args: Any, **kwargs: Any) -> None:
        settings = document.settings
        if getattr(settings, "stylesheet_path", None):
            settings.stylesheet_path = ""
        super().__init__(document, *args, **kwargs)  # type: ignore[call-arg]


def direct_text(app: Sphinx) -> None:
    """``builder-inited``: an HTML builder's translator (Sphinx's, or the one an extension
    or theme set) writes ``dir`` beside ``lang`` (:class:`DirectedText`) and looks up no
    stylesheet of docutils' (:class:`UnlinkedStylesheets`)."""
    builder = app.builder
    if builder.format != "html":
        return
    base = app.registry.get_translator_class(builder)
    if issubclass(base, DirectedText):
        return
    directed = type(base.__name__, (DirectedText, UnlinkedStylesheets, base),
                    {"__module__": base.__module__, "__doc__": base.__doc__})
    app.set_translator(builder.name, directed, override=True)


def site_url(app: Sphinx, target: str, page: str | None = None) -> str:
    """*target* (a path from the top of the output) as the site's address: absolute under
    ``html_baseurl`` when it is set, else relative to the output file of the document
    *page*, the page it is written in (a JSON-LD ``url`` is resolved against the page's own
    address), else as it is (for a file at the top of the output, such as the feed)."""
    base = (app.config.html_baseurl or "").rstrip("/")
    if base:
        return f"{base}/{target}"
    if page is None:
        return target
    path, hash_, fragment = target.partition("#")
    here = app.builder.get_target_uri(page).partition("#")[0]
    relative = relative_uri(here, path) or posixpath.basename(path) or "./"
    return relative + hash_ + fragment


def root_file(app: Sphinx) -> str:
    """The root document's output file, from the top of the output (with ``singlehtml``, the
    one page every document is a part of)."""
    return Path(app.builder.get_outfilename(app.config.root_doc)).relative_to(app.outdir).as_posix()


def _url(app: Sphinx, docname: str, page: str) -> str:
    return site_url(app, app.builder.get_target_uri(docname), page)


def release_ld(app: Sphinx, domain, docname: str) -> dict[str, Any]:
    title, date, pub_key, pub_name, dateline, source, relpath, language = \
        domain.releases[docname]
    corpus = ACTIVE[str(app.srcdir)]
    url = _url(app, docname, docname)
    data: dict[str, Any] = {"@context": SCHEMA, "@type": "NewsArticle", "@id": url,
                            "headline": title, "name": title, "url": url}
    if date:
        data["datePublished"] = date
    if pub_name:
        publisher: dict[str, Any] = {"@type": "Organization", "name": pub_name}
        pub_url = corpus.project.publisher_url(pub_key, pub_name)
        if pub_url:
            publisher["url"] = pub_url
        data["publisher"] = publisher
        data["author"] = publisher
    if dateline:
        data["locationCreated"] = {"@type": "Place", "name": dateline}
        # the dateline linked to a place of the registry: that place's node
        for row in domain.mentions.get(docname, ()):
            entry = domain.entries.get(row[0])
            if entry is not None and entry[2] == "place" and row[3] == dateline:
                data["locationCreated"] = entity_ld(app, domain, corpus, row[0], docname,
                                                    short=True)
                break
    if source:
        data["isBasedOn"] = source
    description = domain.data.get("descriptions", {}).get(docname)
    if description:
        data["description"] = description
    data["inLanguage"] = language or site_language(app.config)
    mentions = []
    seen = set()
    for row in domain.mentions.get(docname, ()):
        eid = row[0]
        if eid in seen or eid not in domain.entries:
            continue
        seen.add(eid)
        mentions.append(entity_ld(app, domain, corpus, eid, docname, short=True))
    if mentions:
        data["mentions"] = mentions
    return data


def entity_ld(app: Sphinx, domain, corpus, eid: str, page: str, short: bool = False,
              description: str | None = None) -> dict[str, Any]:
    """JSON-LD of the entry *eid*, written in the page of the document *page*; in full
    (not *short*), with *description* (its page's) or else the registry's."""
    docname, anchor, type_, name, aliases, registered, _filed = domain.entries[eid]
    schema = corpus.project.entity_types.get(type_, {}).get("schema", "Thing")
    page_url = _url(app, docname, page)
    # one node for the entry wherever it is written (its page's and every release's
    # mentions): named by the address of its anchor
    node = page_url + "#" + anchor
    # its page's address; listed on its letter page, its anchor's
    url = page_url if eid in domain.data.get("paged", {}) else node
    data: dict[str, Any] = {"@type": schema, "@id": node, "name": name, "url": url,
                            "identifier": eid}
    entity = corpus.registry.get(eid)
    if entity is not None and entity.wikidata:
        data["sameAs"] = f"https://www.wikidata.org/wiki/{entity.wikidata}"
    if not short:
        data["@context"] = SCHEMA
        if description or registered:
            data["description"] = description or registered
        if aliases:
            data["alternateName"] = list(aliases)
        if entity is not None and schema in _DATE_PROPERTIES:
            for date, prop in zip((entity.start, entity.end), _DATE_PROPERTIES[schema],
                                  strict=True):
                if date:
                    data[prop] = date.isoformat()  # ISO 8601, to the day, month or year
    return data


#: The schema.org properties of an entity's start and end, by its schema.org type.
_DATE_PROPERTIES = {
    "Event": ("startDate", "endDate"),
    "Person": ("birthDate", "deathDate"),
    "Organization": ("foundingDate", "dissolutionDate"),
}


def meta_description(text: str) -> str:
    """A page's ``<meta name="description">`` (what search engines and link previews show
    of it), *text* escaped: it is release or registry text, data; nothing for ``""``."""
    if not text:
        return ""
    return f'<meta name="description" content="{escape(text, quote=True)}" />\n'


def script(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>\n'


def add_breadcrumbs(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                    doctree: Any) -> None:
    """A release page's place in the archive, above its title (``Releases › Releases by
    publisher › Human Rights First › 2011 › April 2011``), as entry pages show theirs, and
    the same for the generated pages of the archive and of the entries: the
    toctree's ancestors Sphinx gives the page (``parents``, the root left out), each title
    without the start it repeats of one before it (``Human Rights First, 2011`` under
    ``Human Rights First``). A page is rewritten when these change (see
    :func:`.incremental._navigation_changed`)."""
    if doctree is None or not (pagename in get_domain(app.env).releases
                               or pagename.startswith(generated_folders(app.config))):
        return
    parents = context.get("parents") or []
    if not parents or "body" not in context:
        return
    shown: list[str] = []
    separator = comma()  # an archive page's title: its publisher, a comma, its period
    crumbs = []
    for parent in parents:
        title = parent["title"]  # HTML, as Sphinx renders a title
        for before in shown:
            if title.startswith(before + separator):
                title = title[len(before) + len(separator):]
                break
        shown.append(parent["title"])
        crumbs.append((parent["link"], title))
    context["body"] = breadcrumbs_html(crumbs) + context["body"]


def breadcrumbs_html(crumbs: Iterable[tuple[str, str]]) -> str:
    """The breadcrumbs of a page (release and entry pages alike): ``(link, title as
    HTML)`` pairs, outermost first."""
    links = " › ".join(f'<a class="reference internal" href="{escape(link)}">{title}</a>'
                       for link, title in crumbs)
    # a navigation landmark of its own, named (the ARIA breadcrumb pattern)
    label = escape(_("Breadcrumbs"), quote=True)
    return (f'<nav class="pressroom-breadcrumbs" aria-label="{label}"><p>{links}</p>'
            f'</nav>\n')


def add_jsonld(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
               doctree: Any) -> None:
    """The description and JSON-LD of a release page (entry pages carry theirs from
    :mod:`.entrypages`)."""
    if doctree is None:
        return
    domain = get_domain(app.env)
    if pagename in domain.releases:
        description = meta_description(domain.data.get("descriptions", {}).get(pagename, ""))
        facts = _citation_facts(app, domain, pagename)
        context["metatags"] = (context.get("metatags", "") + description
                               + script(release_ld(app, domain, pagename))
                               + citation_tags(*facts))
        if "body" in context:
            context["body"] += citation_html(app, *facts)


def _citation_facts(app: Sphinx, domain, docname: str) -> tuple[str, str, str, str, str]:
    """Title, date (ISO 8601), publisher, language and address of the release *docname*,
    as its page is cited (the address absolute under ``html_baseurl``, else ``""``)."""
    title, date, _key, publisher, _dateline, _source, _relpath, language = \
        domain.releases[docname]
    url = _url(app, docname, docname)
    return (title, date, publisher, language or site_language(app.config),
            url if is_web_address(url) else "")


def citation_tags(title: str, date: str, publisher: str, language: str, url: str) -> str:
    """The Highwire Press (``citation_*``) and Dublin Core (``DC.*``) tags of a release's
    page (:func:`_citation_facts`), which reference managers and Google Scholar read
    (:mod:`pressroom.citation`), each value escaped: it is release text, data."""
    tags = [f'<link rel="schema.DC" href="{DC_SCHEMA}" />\n']
    for name, content in citation_meta(title=title, date=date, publisher=publisher,
                                       language=language, url=url):
        tags.append(f'<meta name="{name}" content="{escape(content, quote=True)}" />\n')
    return "".join(tags)


def citation_html(app: Sphinx, title: str, date: str, publisher: str, language: str,
                  url: str) -> str:
    """The release cited (:func:`_citation_facts`), under its text, to copy: publisher,
    title, date and, under ``html_baseurl``, its address (without it the page knows no
    address of its own to give); the date it was accessed is the reader's to add. A title
    in another language than the site's is marked as written in it, as on the rest of the
    page."""
    before, title, after = citation_parts(
        title=title, publisher=publisher,
        date_shown=human_date(PartialDate.parse(date)) if date else "")
    title = escape(title)
    lang = lang_attributes(other_language(language, app.config.language), app.config.language)
    if lang:
        title = f"<span{lang}>{title}</span>"
    text = escape(before) + title + escape(after)
    if url:
        text += f' <a class="reference external" href="{escape(url)}">{escape(url)}</a>'
        note = _("Add the date you accessed it.")
    else:
        note = _("Add this page's address and the date you accessed it.")
    heading = escape(_("Cite this release"), quote=False)
    return (f'<section class="pressroom-cite" id="cite">'
            f'<h2>{heading}</h2>\n<p class="pressroom-citation">{text}</p>\n'
            f'<p class="pressroom-cite-note">{escape(note, quote=False)}</p></section>\n')


#: What a ``searchtools.js`` that escapes object names itself shows a name with.
_ESCAPING_SEARCHTOOLS = "_escapeHTML(title)"


#: The escapes Python's ``html.escape`` writes, and what each stands for inside a JSON string.
_ESCAPED = re.compile(r"&(?:amp|lt|gt|quot|#x27);")
_UNESCAPED = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '\\"', "&#x27;": "'"}


def unescape_search_names(app: Sphinx, exc: Exception | None) -> None:
    """``build-finished``, before the search index's stamp is taken: the objects' names in
    the search index as written (``People's Republic``, ``S&ED``).

    Sphinx (9.0) escapes every object name for HTML when it dumps the index, and its
    ``searchtools.js`` escapes the name again when it shows a result: a reader saw
    ``People&#x27;s Republic`` and could not find ``People's`` at all. Only where the
    site's ``searchtools.js`` escapes names itself (so a name stays text, whatever it
    holds). The index's ``objects`` part is mended as text, in one pass (loading and
    writing the whole index again cost a tenth of a second at a thousand releases)."""
    builder = app.builder
    if exc is not None or getattr(builder, "indexer", None) is None:
        return
    if not builder.searchindex_filename.endswith(".js"):
        # the json and pickle builders' index, a web application's to read and show (the
        # pickle builder's is no text: reading it was a traceback)
        return
    outdir = Path(builder.outdir)
    try:
        if _ESCAPING_SEARCHTOOLS not in (outdir / "_static" / "searchtools.js").read_text(
                encoding="utf-8"):
            return
        path = outdir / builder.searchindex_filename
        text = path.read_text(encoding="utf-8")
    except OSError:
        return
    # the keys are sorted: ``objects`` comes right before ``objnames``
    start, end = text.find(',"objects":{'), text.find('},"objnames":{')
    if start < 0 or end < start:
        return
    part = text[start:end]
    if "&" not in part:
        return
    mended = _ESCAPED.sub(lambda m: _UNESCAPED[m.group()], part)
    path.write_text(text[:start] + mended + text[end:], encoding="utf-8")


def export(app: Sphinx, exc: Exception | None) -> None:
    """Write ``pressroom.json`` (releases, entities, mentions) and the root redirect (a web
    site's: not into an e-book's folder, whose next build warned of both as files of
    unknown type, and whose pages link no export)."""
    if exc is not None or not web_site(app.builder):
        return
    domain = get_domain(app.env)
    corpus = ACTIVE.get(str(app.srcdir))
    if corpus is None:
        return
    agg = aggregates.get(domain)
    uris: dict[str, str] = {}

    def uri(docname: str) -> str:
        if docname not in uris:
            target = app.builder.get_target_uri(docname)
            if target.startswith("#"):  # singlehtml: a part of the root document's page
                target = root_file(app) + target
            uris[docname] = site_url(app, target)  # absolute under html_baseurl
        return uris[docname]

    def entities() -> list[dict[str, Any]]:
        out = []
        for e in sorted(corpus.registry, key=lambda e: e.id):
            entry = domain.entries.get(e.id)
            out.append({
                "id": e.id, "type": e.type, "name": e.name, "aliases": list(e.aliases),
                "description": e.description or None, "wikidata": e.wikidata, "sort": e.sort,
                # ISO 8601 to the day, month or year it is known to (``2011-02``)
                "start": e.start.isoformat() if e.start else None,
                "end": e.end.isoformat() if e.end else None,
                # none where its page is not written (singlehtml writes no entry page)
                "url": uri(entry[0]) + "#" + entry[1]
                if entry and writes_page(app.builder, app.env, entry[0]) else None,
                "releases": agg.release_count.get(e.id, 0),
            })
        return out

    def dumps(value: Any) -> str:
        # no indent: json's C encoder only runs without one (5x faster on a large archive)
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    language_of_site = site_language(app.config)

    def release(docname: str) -> dict[str, Any]:
        title, date, pub_key, pub_name, dateline, source, relpath, language = \
            domain.releases[docname]
        return {
            "id": docname, "url": uri(docname), "title": title,
            "date": date or None, "publisher": pub_name or None, "dateline": dateline or None,
            "source": source or None, "file": relpath,
            "sha256": domain.data.get("checksums", {}).get(docname) or None,
            "language": language or language_of_site,
            "mentions": [{"entity": r[0], "start": r[1], "end": r[2], "surface": r[3],
                          "line": r[7]} for r in domain.mentions.get(docname, ())],
            "quotes": [{"start": q[0], "end": q[1], "text": q[2], "speaker": q[3] or None,
                        "speaker_surface": q[4] or None}
                       for q in domain.quotes.get(docname, ())],
        }

    # A release's part only changes when Sphinx reads the release again (its domain
    # rows are replaced then): the parts are kept between builds, next to the doctrees,
    # with the time Sphinx read each release, and only the releases read since are
    # serialized again. The entities' part is kept with what it is made of (each
    # entry's registry digest, its page and anchor, its number of releases): a rebuild
    # that changed none of them does not make it again (0.2 s at 5,000 entries, most
    # of it asking the builder for 5,000 pages' addresses).
    cache_path = Path(app.doctreedir) / "pressroom-export.pickle"
    cache_key = (app.builder.name, app.builder.get_target_uri("a/b"), app.config.html_baseurl,
                 code_key(sys.modules[__name__]))
    all_docs = app.env.all_docs
    entities_key = digest((corpus.digests, [(eid, e[0], e[1]) for eid, e in domain.entries.items()],
                           sorted(agg.release_count.items())))
    path = Path(app.outdir) / EXPORT_FILE
    # What the export written last was made of, in a file of its own: a build that read
    # nothing and changed no entry (a no-op) finds it the same, and the export left as
    # written, without loading its parts (megabytes of text at a few thousand releases)
    state_path = Path(app.doctreedir) / "pressroom-export-state.pickle"
    made_of = (*cache_key, entities_key,
               digest([(d, all_docs.get(d, -1)) for d in sorted(domain.releases)]))
    state = load_pickled(state_path, made_of)
    if state is not None and state.get("file") == file_stamp(path):
        _write_schema_and_redirect(app)
        return
    stored = load_pickled(cache_path, cache_key)
    old_parts: dict[str, tuple[int, str]] = stored["parts"] if stored else {}
    parts: dict[str, tuple[int, str]] = {}
    entities_part = stored.get("entities") if stored else None
    if entities_part is None or entities_part[0] != entities_key:
        entities_part = (entities_key, dumps(entities()))

    # {"entities": [...], "releases": [...], "version": 1}, keys sorted, written a
    # release at a time: the whole document is never held in memory as Python objects
    # (tens of MB of them at ten thousand releases)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        out.write('{"entities":' + entities_part[1] + ',"releases":[')
        for i, docname in enumerate(sorted(domain.releases)):
            stamp = all_docs.get(docname, -1)
            part = old_parts.get(docname)
            if part is None or part[0] != stamp:
                part = (stamp, dumps(release(docname)))
            parts[docname] = part
            out.write(("," if i else "") + part[1])
        out.write('],"version":1}\n')
    tmp.replace(path)
    if parts != old_parts or not stored or stored.get("entities") != entities_part:
        store_pickled(cache_path, cache_key, parts=parts, entities=entities_part)
    store_pickled(state_path, made_of, file=file_stamp(path))
    _write_schema_and_redirect(app)


def _write_schema_and_redirect(app: Sphinx) -> None:
    # the export's schema beside it, for the programs that read it (rewritten only when
    # changed), and the root redirect
    write_if_changed(Path(app.outdir) / EXPORT_SCHEMA_FILE,
                     (Path(__file__).parents[1] / "export.schema.json").read_text("utf-8"))
    _root_redirect(app)


#: What the root redirect's title says: the mark of a page Pressroom wrote (see below).
_REDIRECT_TITLE = "<title>Redirecting…</title>"


def _root_redirect(app: Sphinx) -> None:
    """``index.html`` redirecting to the root document, when that is not ``index`` and
    ``pressroom_root_redirect`` asks for one; the one an earlier build wrote removed when
    no longer asked for (it was left, and a fresh build has none)."""
    root = app.config.root_doc
    redirect = Path(app.outdir) / "index.html"
    if not (root != "index" and "index" not in app.env.all_docs
            and app.config.pressroom_root_redirect):
        if "index" not in app.env.all_docs:
            remove_if_written(redirect, _REDIRECT_TITLE)
        return
    target = app.builder.get_target_uri(root)
    if target.startswith("#"):
        # singlehtml: every document is a part of one page, the root document's file,
        # which starts with the root document (it has no anchor of its own)
        target = root_file(app)
    from pressroom.sphinxext.feed import FEED_FILE, feed_link

    # the site's address: a feed reader given it finds the feed here too
    html = redirect_page(target, target, site_language(app.config),
                         feed_link(app, FEED_FILE) + _REDIRECT_TITLE,
                         escape(_("Redirecting to the home page"), quote=False),
                         escape(_("Continue to the home page"), quote=False))
    write_if_changed(redirect, html)  # written once, not at every build
