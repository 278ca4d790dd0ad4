"""The corpus as the Sphinx layer sees it: project settings, registry and linker.

Loading the registry and building the linker's automaton is the expensive part
of a build's set-up, so it happens once per build process and is cached, keyed
by the registry files' modification times and sizes and by the declared entity
types. Parallel read workers are forked after ``builder-inited`` and inherit the
cache. The registry is deliberately *not* an ``env.note_dependency`` of every
release: that would re-read the whole corpus on any registry edit. Instead
:mod:`pressroom.sphinxext.incremental` compares per-entity digests and marks
only the affected releases outdated.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pressroom.config import ProjectConfig
from pressroom.i18n import _, language_tag, quantity
from pressroom.problems import Problem
from pressroom.registry import (
    CONTROL_RE,
    Entity,
    Registry,
    load_registry,
    registry_files,
    strip_accents,
)

if TYPE_CHECKING:
    from sphinx.config import Config

    from pressroom.linker import Linker

CONFIG_NAMES = ("pressroom_releases", "pressroom_registry", "pressroom_entity_types",
                "pressroom_publishers")


@dataclass
class Corpus:
    """Everything read from outside the Sphinx sources, for one build process."""

    project: ProjectConfig
    registry: Registry
    problems: list[Problem]
    key: tuple
    digests: dict[str, str] = field(default_factory=dict)
    _linker: Linker | None = None
    _fingerprints: tuple | None = None
    #: Where the built linker is kept between builds, and the key it is valid for.
    linker_cache: tuple[Path, tuple] | None = None

    @property
    def linker(self) -> Linker:
        """The linker of this registry: built once per process, and kept between builds
        next to the doctrees (loading the automaton is a few times faster than building
        it, which an incremental build that reads one release would otherwise pay)."""
        if self._linker is None:
            from pressroom.linker import Linker

            linker = None
            if self.linker_cache is not None:
                path, key = self.linker_cache
                stored = load_pickled(path, key)
                if stored is not None and isinstance(stored.get("linker"), Linker):
                    linker = stored["linker"]
                    linker.registry = self.registry  # stored without it (the key covers it)
            if linker is None:
                linker = Linker(self.registry)
                if self.linker_cache is not None:
                    path, key = self.linker_cache
                    linker.registry = None  # type: ignore[assignment]
                    try:
                        store_pickled(path, key, linker=linker)
                    finally:
                        linker.registry = self.registry
                    self._fingerprints = linker.fingerprints()
                    store_pickled(path.with_name(FINGERPRINTS_PICKLE), key,
                                  made_of=registry_fingerprint(self.digests),
                                  fingerprints=self._fingerprints)
            self._linker = linker
        return self._linker

    def fingerprints(self) -> tuple:
        """The :meth:`~pressroom.linker.Linker.fingerprints` of :attr:`linker`: taken when it
        is built and kept beside it."""
        if self._fingerprints is None:
            linker = self.linker
            if self._fingerprints is None and self.linker_cache is not None:
                path, key = self.linker_cache
                stored = load_pickled(path.with_name(FINGERPRINTS_PICKLE), key)
                if stored is not None and isinstance(stored.get("fingerprints"), tuple):
                    self._fingerprints = stored["fingerprints"]
            if self._fingerprints is None:
                self._fingerprints = linker.fingerprints()
        return self._fingerprints

    def linked_with(self, digests: dict[str, str]) -> tuple | None:
        """The fingerprints of the linker the environment's releases were linked with: those
        kept from an earlier build, of a linker made by this linker code of the registry
        whose entity digests are *digests*; else None. Called before :attr:`linker`
        replaces the kept ones.

        Sphinx saves the environment only when a document was read or is to be written
        again, so a registry edit that relinks nothing leaves the environment's digests as
        they were: the fingerprints they were made with are set aside
        (:data:`PREVIOUS_FINGERPRINTS_PICKLE`) until a build's environment moves past them."""
        if self.linker_cache is None:
            return None
        path, key = self.linker_cache
        made_of = registry_fingerprint(digests)
        latest = path.with_name(FINGERPRINTS_PICKLE)
        aside = path.with_name(PREVIOUS_FINGERPRINTS_PICKLE)
        for kept in (latest, aside):
            stored = load_pickled(kept, None)
            if (stored is not None and isinstance(stored.get("fingerprints"), tuple)
                    and isinstance(stored["key"], tuple) and stored["key"][-1:] == key[-1:]
                    and stored.get("made_of") == made_of):
                if kept == latest:
                    try:
                        os.replace(latest, aside)
                    except OSError:
                        pass
                return stored["fingerprints"]
        return None

    def forget_linker(self) -> None:
        """Drop the linker (loaded again from the cache when a release is next read)."""
        self._linker = None
        self._fingerprints = None

    def type_label(self, type_: str, plural: bool = False) -> str:
        spec = self.project.entity_types.get(type_, {})
        return _(spec.get("plural" if plural else "label", type_.title()))


_CACHE: dict[Path, Corpus] = {}


def project_config(confdir: Path, config: Config) -> ProjectConfig:
    conf = Path(confdir) / "conf.py"
    return ProjectConfig.from_values(Path(confdir), {n: config[n] for n in CONFIG_NAMES},
                                     source=conf if conf.is_file() else None)


#: The parsed registry kept between builds, next to the doctrees.
REGISTRY_PICKLE = "pressroom-registry.pickle"
#: The linker built from it, likewise.
LINKER_PICKLE = "pressroom-linker.pickle"
#: The linker's fingerprints (what a registry edit compares), with the registry they are of.
FINGERPRINTS_PICKLE = "pressroom-linker-fingerprints.pickle"
#: The fingerprints of the linker the environment's releases were linked with, once newer
#: ones replaced them.
PREVIOUS_FINGERPRINTS_PICKLE = "pressroom-linker-fingerprints-previous.pickle"


def code_key(*modules: Any) -> tuple:
    """What a pickle's shape depends on: the code that made it (*modules*: modules, or the
    names of modules, found without importing them)."""
    import pressroom.registry as registry_module

    files = [Path(registry_module.__file__), Path(__file__),
             *(Path(find_spec(m).origin if isinstance(m, str) else m.__file__) for m in modules)]
    return tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files)


def write_if_changed(path: Path, text: str) -> bool:
    """Write *text* to *path* unless it already holds it (a file left as it is keeps its
    time); through a temporary file, so a reader never sees half of it. Whether it wrote."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return True


def remove_output(path: Path, outdir: Path) -> bool:
    """Delete the output file *path* and the folders it leaves empty (``dirhtml``'s
    ``<page>/``), up to *outdir*. Whether it was there to delete."""
    try:
        path.unlink()
    except OSError:
        return False  # gone already
    outdir = outdir.resolve()
    folder = path.parent.resolve()
    while folder != outdir and outdir in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            break  # not empty
        folder = folder.parent
    return True


def remove_if_written(path: Path, mark: str) -> None:
    """Delete *path* if it is a file Pressroom wrote, one holding *mark* near its start (a
    file of that name someone else put there is kept)."""
    try:
        ours = mark in path.read_text(encoding="utf-8", errors="replace")[:2000]
    except OSError:
        return  # not there
    if ours:
        path.unlink()


def load_pickled(path: Path, key: tuple | None) -> dict[str, Any] | None:
    """What :func:`store_pickled` kept at *path* under *key* (None: under any key)."""
    try:
        with path.open("rb") as fh:
            stored = pickle.load(fh)
    except Exception:  # noqa: BLE001 - missing, truncated or from another version: rebuild
        return None
    if not isinstance(stored, dict) or "key" not in stored or (
            key is not None and stored["key"] != key):
        return None
    return stored


def file_stamp(path: Path) -> list[int] | None:
    """A file's size and modification time (a list, as JSON gives it back), or None when
    it is not there: whether a file is the one a build wrote and recorded."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def store_pickled(path: Path, key: tuple, **values: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump({"key": key, **values}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        pass


def get_corpus(confdir: str | Path, config: Config, cache_dir: str | Path | None = None
               ) -> Corpus:
    """The cached :class:`Corpus` for this project, reloaded when the registry changed.

    With *cache_dir* (the doctree folder) the parsed registry, its problems and
    digests are also kept in a pickle between builds, keyed like the in-process
    cache by every registry file's path, modification time and size (and by the
    parsing code), so an unchanged registry is not parsed again on the next build."""
    confdir = Path(confdir)
    project = project_config(confdir, config)
    files = registry_files(project.registry_dir) if project.registry_dir.exists() else []
    stats = []
    for f in files:
        st = f.stat()
        stats.append((str(f), st.st_mtime_ns, st.st_size))
    key = (str(project.registry_dir), tuple(stats), repr(sorted(project.entity_types.items())))
    cached = _CACHE.get(confdir)
    if cached is not None and cached.key == key:
        cached.project = project  # publishers may change without the registry changing
        return cached
    pickled = Path(cache_dir) / REGISTRY_PICKLE if cache_dir is not None and files else None
    if pickled is not None:
        # the files' bytes too: a rewrite within the file system's timestamp granularity
        # keeps mtime and size (hashing is milliseconds; parsing is seconds)
        content = hashlib.sha1()
        for f in files:
            content.update(f.read_bytes())
        pickle_key = (key, content.hexdigest(), code_key())
    stored = load_pickled(pickled, pickle_key) if pickled is not None else None
    if stored is not None:
        registry, problems, digests = stored["registry"], stored["problems"], stored["digests"]
    else:
        if files or project.registry_dir.is_dir():  # an empty folder: said, as by check
            registry, problems = load_registry(project.registry_dir, project.type_names)
        else:
            registry, problems = Registry(), []
        digests = {e.id: entity_digest(e) for e in registry}
        if pickled is not None:
            store_pickled(pickled, pickle_key, registry=registry, problems=problems,
                           digests=digests)
    corpus = Corpus(project, registry, problems, key)
    corpus.digests = digests
    if pickled is not None:
        # the linker is imported when it is first used: a build that reads nothing does not
        corpus.linker_cache = (pickled.with_name(LINKER_PICKLE),
                               (*pickle_key, code_key("pressroom.linker")))
    _CACHE[confdir] = corpus
    return corpus


def digest(value: object) -> str:
    """A short digest of *value*'s ``repr`` (tuples, strings, numbers: stable between runs)."""
    return hashlib.sha1(repr(value).encode("utf-8")).hexdigest()[:16]


def source_suffix(env: Any, docname: str) -> str:
    """The suffix of *docname*'s source file (``.txt``, ``.rst``)."""
    return str(env.doc2path(docname, False))[len(docname):]


#: Builders of HTML that is packed into a file to read offline, not served: an e-book and the
#: help formats (Windows HTML Help, Qt Help, GNOME Devhelp, Apple Help).
_PACKED = ("epub", "htmlhelp", "qthelp", "devhelp", "applehelp")


def web_site(builder: Any) -> bool:
    """Whether *builder* writes a web site (``html``, ``dirhtml``, ``singlehtml``), which
    the feed, the export and the root redirect are written beside; an e-book or a help
    file (``epub``, ``qthelp``…, whose format is ``html`` too) packs the files of its
    folder (epub warned of those it does not know), and has no address to give a feed
    reader or a program."""
    return builder.format == "html" and not builder.name.startswith(_PACKED)


def copied_source(builder: Any, docname: str, suffix: str) -> str | None:
    """The name under ``_sources/`` of the copy *builder* makes of a page's source, as
    Sphinx's HTML builders name it (the source's name, and ``html_sourcelink_suffix``
    unless that is its suffix already); None when it copies none (not an HTML builder, or
    ``html_copy_source`` off)."""
    config = builder.config
    if not (getattr(builder, "copysource", False) and config.html_copy_source):
        return None
    name = docname + suffix
    if suffix != config.html_sourcelink_suffix:
        name += config.html_sourcelink_suffix
    return name


def site_language(config: Config) -> str:
    """The site's language (Sphinx's ``language``, English when unset, as Sphinx's) as a
    tag (``pt_BR`` -> ``pt-BR``), as the feed, the export and the pages' metadata give it."""
    return language_tag(config.language or "en") or config.language


def in_releases(n: int) -> str:
    """How many releases mention an entry, on a glossary's line: ``1 release``,
    ``12 releases``, ``no release yet``."""
    return quantity(n, "{count} release", "{count} releases") if n else _("no release yet")


def registry_fingerprint(digests: dict[str, str]) -> str:
    """One digest of a whole registry, from its entities' digests (:func:`entity_digest`)."""
    return digest(sorted(digests.items()))


def entity_digest(entity: Entity) -> str:
    """A digest of what an entity *says* (not where it is written: file and line excluded;
    nor the fields the schema does not know, which nothing shows: their values may be any
    YAML, anchors repeated into gigabytes when written out)."""
    return digest([(f, getattr(entity, f)) for f in entity.__slots__
                   if f not in ("file", "line", "extra")])


_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def entity_slug(entity_id: str) -> str:
    """A file name for an entity's page: the id when it is file-safe, else a slug and a hash."""
    if _SAFE_ID.match(entity_id) and len(entity_id) <= 120:
        return entity_id
    slug = re.sub(r"[^A-Za-z0-9]+", "-", entity_id).strip("-").lower()[:60] or "entry"
    return f"{slug}-{hashlib.sha1(entity_id.encode('utf-8')).hexdigest()[:8]}"


def entity_anchor(entity_id: str) -> str:
    """The HTML id of an entity's target on its page."""
    return "entity-" + entity_slug(entity_id).lower()


def _folded(name: str) -> str:
    """The name without accents, case-folded: ``Émile`` sorts and files with ``Emile``."""
    return strip_accents(name).casefold()


def name_key(name: str, entity_id: str = "") -> tuple[str, str, str]:
    """The A–Z order of entries in glossaries, letter pages and indices."""
    return (_folded(name), name, entity_id)


def filed_as(entity) -> str:
    """The form an entry is filed and listed under in glossaries and indices: its
    ``sort`` (``Obama, Barack``) when the registry gives one, else its name."""
    return plain(entity.sort or entity.name)


def letter_of(name: str) -> str:
    """The letter an entry is filed under: ``a``…``z`` (accents folded), else ``other``."""
    return _letter_of_char(name[:1])


@functools.lru_cache(maxsize=4096)
def _letter_of_char(char: str) -> str:
    # asked for every entry several times a build (entries, pages, indices, digests):
    # folding the one character once is what costs
    first = _folded(char)[:1]
    return first if first.isascii() and first.isalpha() else "other"


def letter_label(letter: str) -> str:
    return letter.upper() if letter != "other" else _("Other")


def letter_title(types: str, letter: str) -> str:
    """The title of a type's letter page: ``People: A``."""
    return _("{types}: {letter}").format(types=types, letter=letter_label(letter))


def plain(value: Any) -> str:
    """Text safe for a docutils Text node, HTML and XML: control characters and
    noncharacters (:data:`pressroom.registry.CONTROL_RE`) become U+FFFD, but a form feed (a
    page break, in text taken from a PDF), which becomes a line break."""
    return CONTROL_RE.sub("\ufffd", str(value).replace("\x0c", "\n"))


#: The corpus of each source folder being built in this process (set at builder-inited).
ACTIVE: dict[str, Corpus] = {}
#: The builder of each source folder being built in this process (set at builder-inited),
#: for the post-transforms that make links.
BUILDERS: dict[str, Any] = {}


def corpus_for_env(env: Any) -> Corpus:
    corpus = ACTIVE.get(str(env.srcdir))
    if corpus is None:
        corpus = get_corpus(env.srcdir, env.config)
        ACTIVE[str(env.srcdir)] = corpus
    return corpus
