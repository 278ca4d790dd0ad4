"""Pressroom's Sphinx layer: release pages, entries with backlinks, glossaries, search.

Add ``"pressroom.sphinxext"`` to ``extensions`` in ``conf.py``. The pure core
(:mod:`pressroom.source`, :mod:`pressroom.registry`, :mod:`pressroom.linker`)
knows nothing of Sphinx; this package only turns its results into nodes,
domain data and pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sphinx.util import logging

from pressroom import __version__ as _pkg_version
from pressroom import i18n
from pressroom.corpus import HIDDEN_PATTERNS, UNSAFE_NAME_PATTERNS
from pressroom.sphinxext import entrypages, feed, html, incremental, redirects
from pressroom.sphinxext.directives import (
    GlossaryDirective,
    ReleaseDirective,
    ReleaseListDirective,
    SummaryDirective,
    TimelineDirective,
    TypeListDirective,
    WarningsDirective,
    export_role,
)
from pressroom.sphinxext.domain import (
    EntityRole,
    PressroomDomain,
    get_domain,
    make_domain,
    warn_missing_reference,
)
from pressroom.sphinxext.nodes import (
    PASS,
    SKIP,
    depart_quotation_html,
    late,
    quotation,
    visit_quotation_html,
)
from pressroom.sphinxext.parser import FileLocation, ReleaseParser
from pressroom.sphinxext.transforms import EntryLinks, LateRenderer, skip_idle_design_transforms

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

#: Bump when the shape of the domain data or the stored nodes changes, or what reading a
#: release stores in them (its sentences, its quotations), or the markup a release page is
#: given around its document (breadcrumbs, JSON-LD: Sphinx rewrites a page only when its
#: document is outdated): an environment kept from before is then read again.
ENV_VERSION = 33
STATIC = Path(__file__).parent / "static"


class _SiteValue(NamedTuple):
    """One of the Sphinx layer's own values: registered, checked and documented from here."""

    name: str
    default: Any
    rebuild: str  # what Sphinx does again when it changes
    wanted: str  # what a value must be, as a warning says it
    ok: Any  # its test
    description: str


def _whole(least: int) -> Any:
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= least


def _folder(v: Any) -> bool:
    return isinstance(v, str) and _plain_folder(v)


_SITE_VALUES: tuple[_SiteValue, ...] = (
    _SiteValue("pressroom_entries_dir", "entries", "env", "a folder name", _folder,
               "Generated folder for entry pages (keep it gitignored)."),
    _SiteValue("pressroom_archive_dir", "archive", "env", "a folder name", _folder,
               "Generated folder for the release archive pages."),
    _SiteValue("pressroom_glossary_max", 200, "html", "a whole number of at least 1", _whole(1),
               "A type's glossary lists its entries on one page up to this many; beyond it, "
               "it lists its letters and each letter's page lists that letter's entries."),
    _SiteValue("pressroom_entry_releases", 100, "html", "a whole number of at least 1",
               _whole(1),
               "An entry page lists the newest this many releases that mention the entry; "
               "when more do, it links pages by year that list every one."),
    _SiteValue("pressroom_timeline_max", 500, "html", "a whole number of at least 1", _whole(1),
               "The timeline lists each release up to this many dated releases; beyond it, "
               "each month says how many each publisher issued, linking to the archive's "
               "list of the month."),
    _SiteValue("pressroom_feed_entries", 50, "html", "a whole number (0 for no feed)",
               _whole(0),
               "The Atom feed of the newest releases (releases.atom) lists this many; 0 "
               "writes no feed."),
    _SiteValue("pressroom_root_redirect", True, "html", "True or False",
               lambda v: isinstance(v, bool),
               "Write index.html redirecting to root_doc when it is not 'index'."),
    _SiteValue("pressroom_moved", {}, "", "a dict of a page's former path to its path now",
               lambda v: isinstance(v, dict) and all(isinstance(k, str) and isinstance(x, str)
                                                     for k, x in v.items()),
               "Pages that moved (a release file renamed, an entry's id changed): their "
               "former address redirects to their page."),
)


def _plain_folder(value: str) -> bool:
    """A relative folder path below the source folder (``entries``, ``site/entries``)."""
    parts = value.replace("\\", "/").split("/")
    return bool(value.strip()) and not value.startswith("/") and all(
        p.strip() and p not in (".", "..") for p in parts)


def _check_site_values(app: Sphinx, config: Config) -> None:
    """A malformed value of the Sphinx layer's own settings is a warning at its line of
    ``conf.py``, and its default is used (before Sphinx's own type check, which would
    warn without saying so and keep the value)."""
    from pressroom.config import assignment_lines
    from pressroom.sphinxext.parser import FileLocation

    conf = Path(app.confdir) / "conf.py"
    lines: dict[str, int] | None = None
    for name, default, _rebuild, wanted, ok, _description in _SITE_VALUES:
        value = config[name]
        if ok(value):
            continue
        if lines is None:
            lines = assignment_lines(conf)
        logger.warning("%s: %s is expected, not %r; the default %r is used", name, wanted, value,
                       default, location=FileLocation.of(str(conf), lines.get(name)),
                       type="pressroom", subtype="config")
        setattr(config, name, default)


def _config_inited(app: Sphinx, config: Config) -> None:
    from pressroom.sphinxext.corpus import project_config

    _check_site_values(app, config)
    project = project_config(Path(app.confdir), config)
    domain = make_domain(project.entity_types)
    domain.directives.update(_LATE_DIRECTIVES)
    app.add_domain(domain, override=True)
    if str(STATIC) not in map(str, config.html_static_path):
        config.html_static_path = [*config.html_static_path, str(STATIC)]
    _exclude_unread(app, config, project.releases_dir)
    _exclude_former_generated(app, config)
    _keep_out_of_e_books(config)
    _publishers_without_aliases(config)


def _right_to_left_site(app: Sphinx) -> None:
    """A site in a language written right to left (``ar``, ``he``, ``fa``…) is laid out
    so: Sphinx's themes write ``<html lang="ar">`` and no ``dir``, and every page of an
    Arabic site ran left to right. A stylesheet of one rule says it, for every theme and
    without a script.

    Whether the site's language is written so is Babel's to say, from data it loads
    (4 MiB, a tenth of a second): the answer is kept in the environment with Babel's
    version, so that a build that reads nothing and writes no release does not load it."""
    import babel

    from pressroom.sphinxext.markup import known_direction, right_to_left, site_tag

    tag = site_tag(app.config.language)
    domain = get_domain(app.env)
    kept = domain.data.get("site_direction")
    if kept is not None and kept[:2] == (tag, babel.__version__):
        known_direction(tag, kept[2])
    right = right_to_left(tag)
    domain.data["site_direction"] = (tag, babel.__version__, right)
    if right:
        app.add_css_file("pressroom-rtl.css")


def _publishers_without_aliases(config: Config) -> None:
    """A publisher's ``aliases`` are ``pressroom add``'s alone (the names its pages and
    e-mails give it), checked above with the rest: left out of the value Sphinx keeps and
    compares, so that adding one does not re-read every release, as a changed value of
    ``pressroom_publishers`` does."""
    publishers = config.pressroom_publishers
    if isinstance(publishers, dict) and any(
            isinstance(spec, dict) and "aliases" in spec for spec in publishers.values()):
        config.pressroom_publishers = {
            key: {f: v for f, v in spec.items() if f != "aliases"} if isinstance(spec, dict)
            else spec
            for key, spec in publishers.items()}


def _keep_out_of_e_books(config: Config) -> None:
    """The files Pressroom keeps in the output folder to rebuild only what changed (the
    collected pages' digests, the pages written, the sources read) are not an e-book's:
    the ``epub`` builder warned of each as a file of unknown type on every build after
    the first. Set here, as every build sets it, so the environment's configuration does
    not change from one build to the next."""
    from pressroom.sphinxext.entrypages import DIGESTS
    from pressroom.sphinxext.incremental import OUTPUT_RECORDS

    if "epub_exclude_files" not in config:
        return
    missing = [name for name in (DIGESTS, *OUTPUT_RECORDS) if name not in config.epub_exclude_files]
    if missing:
        config.epub_exclude_files = [*config.epub_exclude_files, *missing]


def _exclude_unread(app: Sphinx, config: Config, releases_dir: Path) -> None:
    """Leave out of Sphinx's sources what no command reads as a release below the releases
    folder: hidden files and folders (drafts, ``.git``), names the pages cannot link
    safely (a line break, markup characters: reported by the scan), and files of the
    other source suffixes (a note, ``notes.md``, or a ``.rst`` file, both reported as no
    release). Sphinx would read them as pages: a name holding markup as markup where the
    archive lists it, and a Markdown or reST file as markup, raw HTML and all, published
    where the releases are."""
    try:
        rel = releases_dir.resolve().relative_to(Path(app.srcdir).resolve()).as_posix()
    except ValueError:
        return  # outside the sources: Sphinx reads nothing there
    prefix = "" if rel == "." else rel + "/"
    # ``source_suffix`` as conf.py wrote it (Sphinx makes it a mapping later): a string,
    # a list or a mapping; and the suffixes extensions added (MyST's ``.md``)
    given = config.source_suffix
    suffixes = {suffix for suffix in {*([given] if isinstance(given, str) else given or ()),
                                      *app.registry.source_suffix}
                # none a release's name ends with (``txt``, ``.txt``, an empty one)
                if isinstance(suffix, str) and suffix and not ".txt".endswith(suffix)}
    wanted = [prefix + p for p in (*HIDDEN_PATTERNS, *UNSAFE_NAME_PATTERNS,
                                   *(f"**{suffix}" for suffix in sorted(suffixes)))]
    missing = [p for p in wanted if p not in config.exclude_patterns]
    if missing:
        config.exclude_patterns = [*config.exclude_patterns, *missing]


def _exclude_former_generated(app: Sphinx, config: Config) -> None:
    """A folder Pressroom generated pages into (it holds the mark) under a former
    ``pressroom_entries_dir`` or ``pressroom_archive_dir`` is no longer a source: Sphinx
    read it on, and the site kept the old archive or entries beside the new ones (and
    their previous and next links), unlike a build from a clean checkout. It is reported,
    to be deleted; Pressroom deletes nothing in the sources it did not just write. Looked
    for two folders deep, where those settings put them."""
    from pressroom.sphinxext.generate import MARKER, generated_folders

    srcdir = Path(app.srcdir)
    current = {(srcdir / prefix.rstrip("/")).resolve() for prefix in generated_folders(config)}
    for mark in sorted([*srcdir.glob(f"*/{MARKER}"), *srcdir.glob(f"*/*/{MARKER}")]):
        folder = mark.parent
        rel = folder.relative_to(srcdir).as_posix()
        if folder.resolve() in current or rel.startswith((".", "_")) or "/." in rel \
                or "/_" in rel:
            continue  # the current folders (or a link to one); ``.venv``, ``_build``
        if any(c in rel for c in "*?[]"):  # no pattern names it alone: it is still read
            read = "it is still read, as Sphinx's patterns cannot name it"
        else:
            read = "they are no longer read"
            if f"{rel}/**" not in config.exclude_patterns:
                config.exclude_patterns = [*config.exclude_patterns, f"{rel}/**"]
        logger.warning("%s holds pages Pressroom generated under a former "
                       "pressroom_entries_dir or pressroom_archive_dir; %s: delete the folder",
                       rel, read, location=FileLocation(str(folder)),
                       type="pressroom", subtype="config")


_LATE_DIRECTIVES: dict[str, Any] = {
    "glossary": GlossaryDirective,
    "timeline": TimelineDirective,
    "release-list": ReleaseListDirective,
    "type-list": TypeListDirective,
    "summary": SummaryDirective,
    "warnings": WarningsDirective,
}


def setup(app: Sphinx) -> dict[str, Any]:
    """Register Pressroom with Sphinx.

    Registers:

    * config values ``pressroom_releases``, ``pressroom_registry``,
      ``pressroom_entity_types``, ``pressroom_publishers``,
      ``pressroom_entries_dir``, ``pressroom_archive_dir``,
      ``pressroom_glossary_max``, ``pressroom_entry_releases``, ``pressroom_timeline_max``,
      ``pressroom_feed_entries``, ``pressroom_root_redirect``, ``pressroom_moved``;
    * the source suffix ``.txt`` and its parser :class:`ReleaseParser`
      (a release file is a page);
    * the ``pressroom`` domain (object types and roles per entity type, ``org``
      for organization, ``entity`` for any type; directives ``glossary``,
      ``timeline``, ``release-list``, ``type-list``, ``summary``, ``warnings``; one index per
      type) and the short role ``:entity:``; the role ``:pressroom-export:`` (a link
      to the corpus export, relative to the page);
    * the ``release`` directive (a release inside a hand-written page);
    * nodes ``quotation`` and ``late``; the post-transforms :class:`LateRenderer` and
      :class:`EntryLinks`;
    * event handlers: ``config-inited`` (domain for the declared types, static
      path; sphinx-design's component post-transforms skip pages without components),
      ``builder-inited`` (registry, stubs, entries; the HTML translator writes ``dir``
      beside ``lang``), ``env-get-outdated``,
      ``env-updated``, ``env-get-updated`` (incremental rebuilds),
      ``warn-missing-reference`` (unknown entries, after intersphinx had its
      chance), ``doctree-resolved`` (at ``-j N``, entry and letter pages written while
      the main process waits for Sphinx's workers), ``html-page-context`` (bounded
      sidebar, a theme's own navigation functions bounded too, JSON-LD, asset tags made
      once per folder),
      ``html-collect-pages`` (entry and letter pages, rendered from collected data),
      ``env-check-consistency`` (moves that cannot be redirected),
      ``build-finished`` (``pressroom.json`` export, root redirect, the redirects of
      moved pages, the digests of the collected pages);
    * the stylesheet ``pressroom.css``;
    * the message catalog ``pressroom`` (:mod:`pressroom.i18n`): the pages' words in the
      site's ``language``.
    """
    # The corpus values are checked by pressroom.config, as the commands read them (each
    # malformed one a warning at its line of conf.py): Sphinx's type check would warn again.
    app.add_config_value("pressroom_releases", "corpus/releases", "env", types=Any,
                         description="Folder of release files, relative to conf.py.")
    app.add_config_value("pressroom_registry", "corpus/entities", "env", types=Any,
                         description="Folder of registry files (YAML/JSON), relative to conf.py.")
    app.add_config_value("pressroom_entity_types", {}, "env", types=Any,
                         description="Entity types beyond person, organization, event, place: "
                         "name -> {label, plural, schema}.")
    app.add_config_value("pressroom_publishers", {}, "env", types=Any,
                         description="Publishers by folder name under the releases folder: "
                         "key -> {name, url, footer_markers, aliases}.")
    for v in _SITE_VALUES:
        app.add_config_value(v.name, v.default, v.rebuild, types=frozenset({type(v.default)}),
                             description=v.description)

    # Pressroom's words on the pages, in the site's language (pressroom.i18n); the catalog
    # of an earlier build in the process dropped first, which Sphinx would otherwise keep
    # and only add this language's to, as a fallback (German words on an English site,
    # beside English dates)
    from sphinx import locale

    locale.translators.pop(("general", i18n.CATALOG), None)
    app.add_message_catalog(i18n.CATALOG, i18n.LOCALE_DIR)
    i18n.use_language(app.config.language)

    app.add_source_suffix(".txt", "pressroom-release")
    app.add_source_parser(ReleaseParser)
    app.add_domain(PressroomDomain)
    app.add_role("entity", EntityRole())
    app.add_role("pressroom-export", export_role)
    app.add_directive("release", ReleaseDirective)
    app.add_node(quotation, html=(visit_quotation_html, depart_quotation_html),
                 latex=PASS, text=PASS, man=PASS, texinfo=PASS)
    app.add_node(late, html=SKIP, latex=SKIP, text=SKIP, man=SKIP, texinfo=SKIP)
    app.add_post_transform(LateRenderer)
    app.add_post_transform(EntryLinks)
    app.add_css_file("pressroom.css")
    app.add_js_file("pressroom.js", defer="defer")

    app.connect("config-inited", incremental.gc_pause, priority=100)
    app.connect("config-inited", _config_inited)
    app.connect("config-inited", skip_idle_design_transforms)
    app.connect("builder-inited", incremental.builder_inited)
    app.connect("builder-inited", _right_to_left_site)
    app.connect("builder-inited", html.reset_sidebar_cache)
    app.connect("builder-inited", html.reset_asset_tags)
    app.connect("builder-inited", html.direct_text)
    app.connect("builder-inited", entrypages.keep_search_entries)
    app.connect("builder-inited", entrypages.reset_early_writer)
    app.connect("builder-inited", entrypages.keep_domain_indices)
    app.connect("env-get-outdated", incremental.env_get_outdated)
    app.connect("env-updated", incremental.env_updated)
    app.connect("env-updated", html.reset_sidebar_cache)
    app.connect("env-get-updated", incremental.env_get_updated)
    app.connect("env-before-read-docs", incremental.env_before_read_docs)
    app.connect("source-read", incremental.shed_in_reader)
    if "write-started" in app.events.events:  # Sphinx >= 7.4; before: Sphinx's default
        app.connect("write-started", incremental.write_started)
    app.connect("build-finished", incremental.prune_removed_pages)
    # last: the handlers before it run with the long-lived objects still frozen (a
    # collection over all of them, which the first allocations after thawing set off,
    # costs 0.1 s at 1,000 releases)
    app.connect("build-finished", incremental.build_finished, priority=900)
    app.connect("warn-missing-reference", warn_missing_reference)
    app.connect("html-page-context", html.bound_sidebar, priority=400)
    app.connect("html-page-context", html.bound_theme_navigation, priority=600)
    app.connect("html-page-context", html.add_jsonld)
    app.connect("html-page-context", html.add_breadcrumbs)
    app.connect("html-page-context", feed.add_feed_link)
    app.connect("html-page-context", html.memo_asset_tags)
    app.connect("doctree-resolved", entrypages.start_early_writer)
    app.connect("html-collect-pages", entrypages.collect_pages)
    app.connect("build-finished", html.unescape_search_names, priority=400)  # before the stamp
    app.connect("build-finished", entrypages.save_digests)
    app.connect("build-finished", html.export)
    app.connect("build-finished", feed.write_feed)
    app.connect("build-finished", redirects.write_redirects)
    app.connect("env-check-consistency", redirects.check_moved)
    return {
        "version": _pkg_version,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
