"""Build events: set-up at ``builder-inited`` and exact incremental rebuilds.

* ``builder-inited``: load the registry (cached), report its problems once,
  generate the navigation stubs; ``env-before-read-docs`` builds the linker (when
  there is anything to read) before parallel workers fork.
* ``env-get-outdated``: compare per-entity registry digests with those stored
  in the environment; re-read the releases that mention a changed or removed
  entity, and the releases whose text holds a surface the new registry's linker
  links otherwise than the one kept from the build before (found with a small
  automaton of only those surfaces), and the pages that embed one of those
  releases with the ``release`` directive.
* ``env-updated``: warn about release files with the same text (from the merged
  fingerprints); make every registry entry a domain object, on its own page when
  a release mentions it, else on its letter page; derive the aggregates
  (backlinks, co-mentions…) once.
* ``env-get-updated``: rewrite the pages whose late-rendered content changed
  (a digest per page), the pages whose roles reference a changed entity, and
  the pages whose navigation changed (previous/next page, breadcrumbs: a
  release added to or removed from an archive month moves its neighbours').
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.environment import CONFIG_OK
from sphinx.util import logging

from pressroom.corpus import scan
from pressroom.problems import Problem
from pressroom.sphinxext import aggregates
from pressroom.sphinxext.corpus import (
    ACTIVE,
    BUILDERS,
    copied_source,
    digest,
    get_corpus,
    remove_output,
    source_suffix,
)
from pressroom.sphinxext.domain import get_domain
from pressroom.sphinxext.entrypages import assign_entries, note_index_entries
from pressroom.sphinxext.generate import generate_archive, generate_entries, generated_folders
from pressroom.sphinxext.parser import CODEC_NAME, FileLocation

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from pressroom.sphinxext.corpus import Corpus

logger = logging.getLogger(__name__)


#: The process that runs each build (by source folder): a reader forked from it sheds
#: what it does not need (:func:`shed_in_reader`).
_MAIN_PID: dict[str, int] = {}


def shed_in_reader(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: in a reader forked by a parallel build, once, before its first
    document: drop the domain data it neither uses nor sends back
    (:meth:`.PressroomDomain.shed_for_reader`)."""
    key = str(app.srcdir)
    if os.getpid() == _MAIN_PID.get(key, os.getpid()):
        return
    domain = get_domain(app.env)
    if not getattr(domain, "_pressroom_shed", False):
        domain._pressroom_shed = True  # type: ignore[attr-defined]
        domain.shed_for_reader(app.env)


def _missing_folders(app: Sphinx, corpus: Corpus) -> list[Problem]:
    """A releases or registry folder ``conf.py`` names that does not exist (a project that
    names neither may have no corpus: it links another archive's entries)."""
    from pressroom.config import assignment_lines

    conf = Path(app.confdir) / "conf.py"
    lines = assignment_lines(conf)
    return [Problem(str(conf), lines[name], "warning", "config",
                    f"{name}: the folder {folder} does not exist")
            for name, folder in (("pressroom_releases", corpus.project.releases_dir),
                                 ("pressroom_registry", corpus.project.registry_dir))
            if name in lines and not folder.exists()]


def builder_inited(app: Sphinx) -> None:
    _MAIN_PID[str(app.srcdir)] = os.getpid()
    corpus = get_corpus(app.confdir, app.config, cache_dir=app.doctreedir)
    ACTIVE[str(app.srcdir)] = corpus
    BUILDERS[str(app.srcdir)] = app.builder
    for p in (*corpus.project.problems, *corpus.problems, *_missing_folders(app, corpus)):
        logger.warning("%s", p.message, location=FileLocation.of(p.file, p.line),
                       type="pressroom", subtype=p.subtype)
    app.env.settings["input_encoding"] = CODEC_NAME
    srcdir = Path(app.srcdir)
    # a project without a corpus (one that only links to another archive's entries
    # through intersphinx) gets no generated pages
    if corpus.project.registry_dir.exists():
        generate_entries(srcdir, corpus, app.config.pressroom_entries_dir)
    if corpus.project.releases_dir.exists():
        found = scan(corpus.project.releases_dir)
        for p in found.problems:  # files there that are no release, each named
            logger.warning("%s", p.message, location=FileLocation.of(p.file, p.line),
                           type="pressroom", subtype=p.subtype)
        generate_archive(srcdir, corpus, app.config.pressroom_archive_dir, found)
    _freeze_long_lived()


# ---------------------------------------------------------------------------- garbage collector
# A build's long-lived objects are there by builder-inited: the environment Sphinx loaded
# (a million objects at a thousand releases), the registry, the extensions' modules.
# Python's cyclic collector runs its full collections over every tracked object, and
# loading the environment alone triggered several of them (about 0.3 s of a 2.2 s
# rebuild at 1,000 releases). So from ``config-inited`` (just before Sphinx loads the
# environment) the collector runs rarely, and at ``builder-inited`` the objects alive
# then are frozen (``gc.freeze``: out of its reach, still freed by reference counting)
# and its thresholds restored; the build's own objects are collected as usual.
# ``build-finished`` gives the frozen objects back. Forked parallel workers gain too:
# the collector no longer writes to the memory pages they share with the main process.

_GC_STATE: list[tuple[int, int, int]] = []
#: collections while the environment loads: rare, not off (a failed start still collects)
_LOADING_THRESHOLDS = (200_000, 100, 100)


def gc_pause(app: Sphinx, config: Config) -> None:
    if not _GC_STATE:
        _GC_STATE.append(gc.get_threshold())
        gc.set_threshold(*_LOADING_THRESHOLDS)


def _freeze_long_lived() -> None:
    gc.freeze()
    if _GC_STATE:
        gc.set_threshold(*_GC_STATE.pop())


def mentioned(domain) -> set[str]:
    """The ids of the entities a release file mentions: those get a page of their own.

    Read from the merged mentions after every document is read (``env-updated``),
    so it is exact in every build, clean or incremental: when an edit makes an
    entity mentioned, its page appears in that build; when its last mention goes,
    the page goes and the entity returns to its letter page. (A release shown only
    through the ``release`` directive does not count: its mentions are not
    backlinks either.) Nothing read needs it earlier: links to entries are
    resolved when pages are written."""
    return {eid for rows in domain.mentions.values() for eid in rows.ids}


def _registry_changes(domain, corpus) -> tuple[set[str], set[str]]:
    """Entity ids gone from the registry, and new or edited, since the environment's digests."""
    old = domain.registry_digests
    new = corpus.digests
    gone = set(old) - set(new)
    edited = {eid for eid, d in new.items() if old.get(eid) != d}
    return gone, edited


def _relinked_by_registry(env: BuildEnvironment, corpus, domain, changed: set[str],
                          skip: set[str], previous) -> set[str]:
    """Releases whose links or pages a registry change can move: those mentioning a changed
    or removed entity, and those whose text holds a key the new linker links otherwise
    than the one they were linked with (*previous*, its fingerprints: see
    :meth:`~pressroom.linker.Linker.changed_keys`), found with a small automaton of only
    those keys. Without *previous* (none kept, or made by other code) how the releases
    were linked is unknown: every release is read again. Releases in *skip* are read
    anyway and not scanned."""
    from pressroom.linker import key_finder
    from pressroom.source import decode

    outdated = {docname for docname, rows in domain.mentions.items()
                if any(r[0] in changed for r in rows)}
    if previous is None:
        logger.info("pressroom: the registry changed and the linker the releases were "
                    "linked with is not kept; reading every release again")
        return outdated | set(domain.releases)
    keys = corpus.linker.changed_keys(previous, corpus.fingerprints())
    if not keys:  # no name is linked otherwise (a description, a date, a relation edited)
        return outdated
    found = key_finder(keys)
    skip = skip | outdated
    for docname in domain.releases:
        if docname in skip:
            continue
        try:
            data = Path(env.doc2path(docname)).read_bytes()
        except OSError:
            continue  # gone: Sphinx removes it
        if found(decode(data, docname)[0]):
            outdated.add(docname)
    return outdated


def env_get_outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                     removed: set[str]) -> list[str]:
    corpus = ACTIVE[str(app.srcdir)]
    domain = get_domain(env)
    # a page whose ``release`` directive named a file that was not there (deleted, not yet
    # written): read again once it is, to show it as a build from scratch does
    srcdir = Path(app.srcdir)
    back = {docname for docname, paths in domain.awaited.items()
            if docname not in removed and any((srcdir / p).is_file() for p in paths)}
    gone, edited = _registry_changes(domain, corpus)
    domain._pressroom_changed = gone | edited  # type: ignore[attr-defined]
    if not gone and not edited:
        return sorted(back)
    previous = corpus.linked_with(domain.registry_digests) if domain.releases else None
    domain.data["registry"] = dict(corpus.digests)
    if not domain.releases:
        return sorted(back)
    # an entry removed: its mentions are plain text, unless another entry is named so (an
    # id changed, the entry moved to another file under another id: relinked, no warning),
    # also where the mention was more than a name (``President Hu Jintao``)
    named = {surface for entity in corpus.registry for surface in entity.names} if gone else set()
    for eid in sorted(gone):
        for docname in sorted(d for d, rows in domain.mentions.items()
                              if any(r[0] == eid for r in rows)):
            first = next(r for r in domain.mentions[docname] if r[0] == eid)
            if first[3] in named or corpus.linker.link(first[3]).mentions:
                continue
            logger.warning("%r (%s) is no longer in the registry; its mentions are plain text",
                           first[3], eid, location=(docname, first[7]),
                           type="pressroom", subtype="unknown_entity")
    outdated = _relinked_by_registry(env, corpus, domain, gone | edited,
                                     added | changed | removed, previous)
    # a page showing a release with the ``release`` directive links it as the release
    # page does: re-read it with the release; one showing a file that is no release page
    # (outside the sources) on every registry edit (nothing else says what it links)
    releases = domain.releases
    for docname, shown in domain.embeds.items():
        if docname not in removed and (outdated.intersection(shown)
                                       or any(s not in releases for s in shown)):
            outdated.add(docname)
    return sorted(outdated | back)


def env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    domain = get_domain(env)
    corpus = ACTIVE[str(app.srcdir)]
    corpus.forget_linker()  # every release is read: its memory is not needed to write
    domain.warn_duplicates(env.doc2path)
    assign_entries(app, corpus, mentioned(domain))
    aggregates.refresh(domain)
    note_index_entries(app)


def env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = get_domain(env)
    corpus = ACTIVE[str(app.srcdir)]
    read_now = set(_READ_NOW.get(str(env.srcdir), ()))
    agg = aggregates.get(domain)
    shown = domain.shown
    rewrite: set[str] = set()
    for docname in list(shown):
        if docname not in env.all_docs:
            del shown[docname]
    glossary_max = app.config.pressroom_glossary_max
    for docname, placeholders in domain.late.items():
        now = hashlib.sha1("".join(
            aggregates.shown_digest(domain, agg, corpus, kind, arg, glossary_max)
            for kind, arg in placeholders
        ).encode()).hexdigest()[:16]
        if shown.get(docname) != now:
            if docname in shown:
                rewrite.add(docname)
            shown[docname] = now
    changed = set(getattr(domain, "_pressroom_changed", set()))
    # entries that moved between their own page and their letter page (their last
    # mention came or went): pages linking to them by role or relation follow
    locations = domain.data.setdefault("locations", {})
    current = {eid: f"{value[0]}#{value[1]}" for eid, value in domain.entries.items()}
    if current != locations:
        changed |= {eid for eid in current.keys() | locations.keys()
                    if current.get(eid) != locations.get(eid)}
        domain.data["locations"] = current
    if changed:
        for docname, ids in domain.refs.items():
            if changed.intersection(ids):
                rewrite.add(docname)
    # the navigation only moves when a document came, went, or was read with another
    # title or table of contents (which holds its toctrees), or the configuration changed
    if (_note_toc_changes(env, domain) or not domain.data.get("navigation")
            or env.config_status != CONFIG_OK):
        rewrite |= _navigation_changed(env, domain)
        rewrite |= _sidebar_changed(env, domain)
    # every page's related links name the domain indices with entries: the last entry of
    # a type deleted or given another type, or the first one added, changes them on every
    # page (Sphinx rewrites none for it: no source changed)
    listed = domain.listed_indices()
    if domain.data.get("listed_indices", listed) != listed:
        rewrite |= set(env.all_docs)
    domain.data["listed_indices"] = listed
    parents = {p for d in _TOC_CHANGED.get(str(env.srcdir), ())
               for p in env.files_to_rebuild.get(d, ())}
    rewrite |= _not_yet_written(app, env, domain, rewrite | read_now | parents)
    return sorted(rewrite)


# ---------------------------------------------------------------------------- pages not written
# What a build must write is worked out when reading, and the environment (with what it
# read) is saved before a page is written. A build stopped while writing (Ctrl-C, an
# error), or another builder sharing the doctree folder (``-b text`` then ``-b html`` with
# one ``-d``), left pages that no later build rewrote: Sphinx rewrites a page whose source
# is newer than it, not one re-read for a registry edit or rewritten for another page's
# sake. So each build's pages are logged in the environment under a generation number,
# and an output folder records the generation it was last written to in full
# (``.pressroom-written``, at ``build-finished`` without an error); a build writes the
# pages of every generation its output folder has not had.

#: The generations of pages kept (a folder further behind is written in full).
_LOG_KEEP = 64
_WRITTEN_FILE = ".pressroom-written"
_GENERATION: dict[str, tuple[str, int]] = {}  # outdir -> (environment's token, generation)


def _not_yet_written(app: Sphinx, env: BuildEnvironment, domain, now: set[str]) -> set[str]:
    """Log *now* (this build's pages to write) and return the pages of earlier builds that
    this output folder has not had written."""
    data = domain.data
    token = data.get("token")
    if token is None:
        token = data["token"] = secrets.token_hex(8)
    generation = data.get("generation", 0) + 1
    data["generation"] = generation
    outdir = str(app.outdir)
    _GENERATION[outdir] = (token, generation)
    try:
        mark = json.loads((Path(outdir) / _WRITTEN_FILE).read_text(encoding="utf-8"))
        written = int(mark["generation"]) if mark.get("token") == token else None
    except (OSError, ValueError, KeyError, TypeError):
        written = None  # a new output folder (Sphinx writes every page), or not ours
    # the log keeps what some output folder written from this environment has not had
    folders = data.setdefault("written_folders", {})
    for folder in [f for f in folders if f != outdir and not Path(f).is_dir()]:
        del folders[folder]
    folders[outdir] = written if written is not None else generation - 1
    log = data.setdefault("written_log", [])
    log[:] = [(g, docs) for g, docs in log if g > min(folders.values())]
    if now:
        # most of the site (a full build): logged as all of it, not page by page
        log.append((generation, None if 2 * len(now) > len(env.all_docs) else tuple(sorted(now))))
        if len(log) > _LOG_KEEP:
            data["log_floor"] = log[-_LOG_KEEP - 1][0]
            del log[:-_LOG_KEEP]
    if written is None or written >= generation - 1:
        return set()
    missed = [docs for g, docs in log if written < g < generation]
    if written < data.get("log_floor", 0) or any(docs is None for docs in missed):
        return set(env.all_docs)
    return {d for docs in missed for d in docs if d in env.all_docs}


def _note_written(app: Sphinx, exc: Exception | None) -> None:
    """At ``build-finished``: the output folder has every page of this generation."""
    mark = _GENERATION.pop(str(app.outdir), None)
    if exc is not None or mark is None:
        return
    token, generation = mark
    try:
        (Path(app.outdir) / _WRITTEN_FILE).write_text(
            json.dumps({"token": token, "generation": generation}), encoding="utf-8")
    except OSError:
        pass  # an output folder that cannot be written to has said so already


# ---------------------------------------------------------------------------- toctree parents
# Sphinx writes, with every page it writes, that page's toctree parents
# (``env.files_to_rebuild``), because a parent's toctree shows the child's title
# and sections. That is needed only when the child's title or table of contents
# changed; otherwise a registry edit that rewrites a release and an entry page
# also rewrote their archive month and letter pages (and those pulled in their
# own parents). Titles and tocs only change when a document is read, so the
# documents read in this build are compared with a digest of their title and toc
# kept in the environment; at ``write-started`` Sphinx is shown only the parent
# links of the documents whose digest moved (or that are new), and the full map
# is restored at ``build-finished``.

_READ_NOW: dict[str, set[str]] = {}
_TOC_CHANGED: dict[str, set[str]] = {}
_SAVED_FILES_TO_REBUILD: dict[str, dict] = {}


def env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    _READ_NOW[str(app.srcdir)] = set(docnames)
    corpus = ACTIVE.get(str(app.srcdir))
    if docnames and corpus is not None:
        # build the automaton before Sphinx forks its parallel readers, so they
        # share it; a build with nothing to read (a no-op) never needs it
        corpus.linker  # noqa: B018
        # and import the parser and the renderer here, once: a reader forked without them
        # imported them itself, for each chunk of documents Sphinx hands out (16 at
        # N = 1,000, 0.2 s each)
        import pressroom.sphinxext.render  # noqa: F401


def _toc_digest(env: BuildEnvironment, docname: str) -> str:
    title = env.titles.get(docname)
    toc = env.tocs.get(docname)
    text = (title.astext() if title is not None else "") + "\0" + (
        toc.pformat() if toc is not None else "")
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _note_toc_changes(env: BuildEnvironment, domain) -> bool:
    """Note which documents read in this build have a new title or table of contents.
    Whether any has, or any document went."""
    key = str(env.srcdir)
    stored = domain.data.setdefault("tocs", {})
    gone = [d for d in stored if d not in env.all_docs]
    for docname in gone:
        del stored[docname]
    changed: set[str] = set()
    for docname in _READ_NOW.pop(key, ()):
        if docname not in env.all_docs:
            continue
        digest = _toc_digest(env, docname)
        if stored.get(docname) != digest:
            changed.add(docname)
            stored[docname] = digest
    _TOC_CHANGED[key] = changed
    return bool(changed or gone)


def write_started(app: Sphinx, builder) -> None:
    env = app.env
    key = str(env.srcdir)
    changed = _TOC_CHANGED.pop(key, None)
    if changed is None or key in _SAVED_FILES_TO_REBUILD:
        return  # env-get-updated did not run (nothing to compare): Sphinx's default
    full = env.files_to_rebuild
    _SAVED_FILES_TO_REBUILD[key] = full
    env.files_to_rebuild = {d: parents for d, parents in full.items() if d in changed}


# ---------------------------------------------------------------------------- removed pages
# Sphinx leaves a page's HTML (and its copied source) in the output folder when its source
# goes, so a release taken out of the archive stayed on the site at its address, linking
# entries that no longer list it, until a clean build; so did an archive month or a type's
# index left empty. Each output folder records the Pressroom pages written to it (the
# releases and the generated pages, with their source suffix:
# ``.pressroom-sources.json``), and a build that finishes deletes the files Sphinx wrote
# for those whose source is gone. Hand-written pages are left as Sphinx leaves them.

_SOURCES_FILE = ".pressroom-sources.json"
#: The records this module keeps in the output folder.
OUTPUT_RECORDS = (_WRITTEN_FILE, _SOURCES_FILE)


def _page_files(builder, docname: str, suffix: str) -> list[str]:
    """The files an HTML builder writes for *docname* (source suffix *suffix*): the page and,
    with ``html_copy_source``, the copied source (named as Sphinx names it)."""
    files = [builder.get_outfilename(docname)]
    copied = copied_source(builder, docname, suffix)
    if copied is not None:
        files.append(Path(builder.outdir) / "_sources" / copied)
    return files


def prune_removed_pages(app: Sphinx, exc: Exception | None) -> None:
    """At ``build-finished``: delete the output of the Pressroom pages whose source went
    since the last build that finished in this output folder (see above)."""
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.builders.singlehtml import SingleFileHTMLBuilder

    builder = app.builder
    if (exc is not None or not isinstance(builder, StandaloneHTMLBuilder)
            or isinstance(builder, SingleFileHTMLBuilder)  # one file for every page
            or str(app.srcdir) not in ACTIVE):
        return
    env = app.env
    releases = get_domain(env).releases
    generated = generated_folders(app.config)
    ours = [d for d in env.all_docs if d in releases or d.startswith(generated)]
    record = Path(app.outdir) / _SOURCES_FILE
    try:
        before = json.loads(record.read_text(encoding="utf-8"))
        if not isinstance(before, dict):
            before = {}
    except (OSError, ValueError):
        before = {}  # a new output folder, or not ours: nothing is deleted
    if before.keys() == set(ours):
        return
    for docname, suffix in before.items():
        if docname in env.all_docs or not isinstance(suffix, str):
            continue
        for path in _page_files(builder, docname, suffix):
            remove_output(Path(path), Path(app.outdir))
    now = {d: source_suffix(env, d) for d in ours}
    try:
        record.write_text(json.dumps(now, sort_keys=True), encoding="utf-8")
    except OSError:
        pass  # an output folder that cannot be written to has said so already


def build_finished(app: Sphinx, exc: Exception | None) -> None:
    gc.unfreeze()  # what builder-inited froze (see the garbage collector's section)
    _note_written(app, exc)
    full = _SAVED_FILES_TO_REBUILD.pop(str(app.env.srcdir), None)
    if full is not None:
        app.env.files_to_rebuild = full


def _sidebar_changed(env: BuildEnvironment, domain) -> set[str]:
    """Every page, when the sidebar every page shows changed: a page that a visible
    toctree reaches came, went, or has another title or table of contents (a hand-written
    page added to the home page's toctree, or retitled). Sphinx rewrites that page and
    its toctree parents only, so every other page kept the sidebar of before."""
    from pressroom.sphinxext import html

    html.reset_sidebar_cache()  # the toctrees as read now
    value = digest(html.sidebar_made_of(env, domain.data.get("tocs", {})))
    before = domain.data.get("sidebar")
    domain.data["sidebar"] = value
    return set(env.all_docs) if before is not None and before != value else set()


def _navigation_changed(env: BuildEnvironment, domain) -> set[str]:
    """Pages whose previous/next links or breadcrumbs (targets and titles) changed.

    Sphinx writes a page when its source changed, not when a neighbour in the
    toctree appeared, vanished or was retitled, so after a release is added or
    removed the pages around it kept stale "previous"/"next" links and an
    incremental build differed from a clean one. A digest of each page's
    navigation is kept (like ``shown``); pages whose digest moved are rewritten.
    """
    relations = env.collect_relations()
    titles = env.titles
    texts: dict[str | None, str] = {None: ""}

    def title(docname: str | None) -> str:
        text = texts.get(docname)
        if text is None:
            node = titles.get(docname) if docname else None
            text = texts[docname] = node.astext() if node is not None else ""
        return text

    stored = domain.data.setdefault("navigation", {})
    rewrite: set[str] = set()
    for docname in list(stored):
        if docname not in env.all_docs:
            del stored[docname]
    for docname, (parent, prev, nxt) in relations.items():
        chain = []
        seen = set()
        while parent and parent not in seen:  # breadcrumbs: every ancestor and its title
            seen.add(parent)
            chain.append((parent, title(parent)))
            parent = (relations.get(parent) or (None,))[0]
        value = digest((prev, title(prev), nxt, title(nxt), chain))
        if stored.get(docname) != value:
            if docname in stored:
                rewrite.add(docname)
            stored[docname] = value
    return rewrite
