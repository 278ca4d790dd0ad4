"""The source parser for release files: a dropped-in file becomes a page.

Sphinx hands a parser the text it decoded; this parser does not use it. It
re-reads the file's bytes and lets :func:`pressroom.source.parse_release`
decode them (byte-order marks, UTF-8, Windows-1252 fallback, each reported),
so what the page shows is what the core parser, the linker and ``pressroom
check`` see.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.parsers import Parser
from sphinx.util import logging

from pressroom.config import warning_types
from pressroom.corpus import release_in_project
from pressroom.problems import PressroomError, Problem
from pressroom.sphinxext.corpus import Corpus, corpus_for_env, site_language
from pressroom.sphinxext.domain import get_domain

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    # imported where a release is read (:func:`build_release`), and by a build that reads
    # documents before Sphinx forks its readers (``incremental.env_before_read_docs``): a
    # build that reads none leaves the parser and the renderer unimported
    from pressroom.source import Release
    from pressroom.sphinxext.render import Rendered

logger = logging.getLogger(__name__)


def read_release(path: Path, corpus: Corpus) -> tuple[Release, Any, str, str]:
    """Parse and link the release at *path*: ``(release, link result, publisher key, relpath)``."""
    publisher = corpus.project.publisher_for(path)
    release = release_in_project(path, corpus.project)
    result = corpus.linker.link(release.text, release.linkable_spans())
    try:
        relpath = Path(path).resolve().relative_to(corpus.project.root.resolve()).as_posix()
    except ValueError:
        relpath = Path(path).name
    return release, result, publisher.key if publisher else "", relpath


def outside_problem(path: Path) -> Problem:
    """Sphinx reads every ``.txt`` source as a release: one outside the publishers' folders
    (a ``requirements.txt``, a note) gets a page, but no publisher and no archive place."""
    return Problem(str(path), None, "warning", "release_place",
                   "read as a release because its name ends in .txt, but it is not in a "
                   "publisher's folder of the releases folder (conf.py: pressroom_releases); "
                   "move it there, or leave it out of Sphinx's sources (conf.py: add it to "
                   "exclude_patterns, or name the sources in include_patterns, as the guide "
                   "to starting an archive does)")


class FileLocation(str):
    """A file (not a document) as a warning's location, shown as written.

    Sphinx takes a location string without ``:`` for a docname and shows the
    document's source path instead (``corpus/entities`` became
    ``corpus/entities.rst``); this string answers that it holds one.
    """

    def __contains__(self, item: object) -> bool:
        return item == ":" or str.__contains__(self, item)  # type: ignore[operator]

    @classmethod
    def of(cls, file: str, line: int | None) -> FileLocation:
        return cls(f"{file}:{line}" if line else file)


def _at(location: str, line: int | None) -> Any:
    """*line* of *location*: a docname, or a file (:class:`FileLocation`)."""
    return FileLocation.of(location, line) if isinstance(location, FileLocation) \
        else (location, line)


def report(problems: list[Problem], location: str) -> None:
    """Problems of the core as Sphinx warnings (``type='pressroom'``, the problem's subtype);
    *location* a docname or a file (:class:`FileLocation`), the problem's line added."""
    for p in problems:
        where = _at(location, p.line)
        if p.severity == "info":
            logger.info("%s", p.message, location=where)
        else:
            logger.warning("%s", p.message, location=where, type="pressroom", subtype=p.subtype)


def report_ambiguities(result: Any, release: Release, location: str, corpus: Corpus) -> None:
    """*location* as for :func:`report`: the release's docname, or its file."""
    for amb in result.ambiguous:
        names = ", ".join(corpus.registry[c].name if c in corpus.registry else c
                          for c in amb.candidates)
        logger.warning("%r could be %s; left unlinked", amb.surface, names,
                       location=_at(location, release.line_of(amb.start)),
                       type="pressroom", subtype="ambiguous")


def build_release(env: BuildEnvironment, path: Path, docname: str, *,
                  embedded: bool = False) -> Rendered:
    """Read, link and render a release; problems are reported at the release file's lines
    (for a release shown inside another page, only when it is not a page of its own: that
    page reports them)."""
    from pressroom.sphinxext.render import render_release

    corpus = corpus_for_env(env)
    release, result, key, relpath = read_release(path, corpus)
    if embedded:  # the page is not the release file: name the file itself
        if env.path2doc(str(path)) not in env.found_docs:
            report(release.problems, FileLocation(str(path)))
            report_ambiguities(result, release, FileLocation(str(path)), corpus)
    else:
        if not key:
            report([outside_problem(path)], docname)
        report(release.problems, docname)
        report_ambiguities(result, release, docname, corpus)
    return render_release(release, result, corpus, publisher_key=key, relpath=relpath,
                          anchors=not embedded, site_language=site_language(env.config),
                          suppress_warnings=warning_types(env.config.suppress_warnings))


class ReleaseParser(Parser):
    """Parses a release file (``source_suffix`` ``.txt`` → ``pressroom-release``)."""

    supported = ("pressroom-release",)

    def parse(self, inputstring: str, document: nodes.document) -> None:
        document.settings.smart_quotes = False  # release text is shown as written
        env = document.settings.env
        docname = env.current_document.docname
        path = Path(document["source"])
        try:
            rendered = build_release(env, path, docname)
        except PressroomError as exc:
            report([exc.problem], docname)
            return
        if rendered.keywords:
            # the search index finds the page by its words written without accents too
            document += nodes.meta(name="keywords", content=rendered.keywords)
        document += rendered.section
        get_domain(env).note_release(docname, rendered.meta, rendered.mentions, rendered.quotes,
                                     rendered.text_key, rendered.lead, rendered.description,
                                     rendered.sha256)


# ---------------------------------------------------------------------------- decoding
# Sphinx decodes every source strictly with ``source_encoding`` before calling a
# parser; a release in Windows-1252 would stop the build there. The codec below
# is UTF-8 (BOM skipped) and falls back to Windows-1252/Latin-1 instead of
# raising. The release parser ignores Sphinx's string anyway and reports the
# fallback itself; for valid UTF-8 files (all hand-written pages) it is exactly
# ``utf-8-sig``.

CODEC_NAME = "pressroom_utf8_lenient"


def _lenient_decode(data: bytes | memoryview, errors: str = "strict") -> tuple[str, int]:
    data = bytes(data)
    try:
        return data.decode("utf-8-sig"), len(data)
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252"), len(data)
        except UnicodeDecodeError:
            return data.decode("latin-1"), len(data)


class _IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    def _buffer_decode(self, data: Any, errors: str, final: bool) -> tuple[str, int]:
        if not final:
            return "", 0  # decide on the whole file
        return _lenient_decode(data, errors)


def _search(name: str) -> codecs.CodecInfo | None:
    if name != CODEC_NAME:
        return None
    utf8 = codecs.lookup("utf-8-sig")
    return codecs.CodecInfo(
        name=CODEC_NAME, encode=utf8.encode, decode=_lenient_decode,
        incrementalencoder=utf8.incrementalencoder, incrementaldecoder=_IncrementalDecoder,
        streamreader=utf8.streamreader, streamwriter=utf8.streamwriter,
    )


codecs.register(_search)
