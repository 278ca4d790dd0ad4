"""Directives: ``release`` and the placeholders rendered late; the ``pressroom-export`` role.

``pressroom:glossary``, ``pressroom:timeline``, ``pressroom:release-list``,
``pressroom:type-list`` and ``pressroom:summary`` only leave a
:class:`~pressroom.sphinxext.nodes.late` placeholder at read time; the
post-transform in :mod:`pressroom.sphinxext.transforms` fills it from the merged
domain data when the page is written.
"""

from __future__ import annotations

import os
from pathlib import Path

from docutils import nodes, utils
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from pressroom import problems
from pressroom.problems import REPORTED_BY, SUBTYPES
from pressroom.sphinxext.domain import get_domain
from pressroom.sphinxext.markup import export_link
from pressroom.sphinxext.nodes import late

logger = logging.getLogger(__name__)


def badge(text: str, type_: str) -> nodes.inline:
    # sphinx-design's badge classes: styled by its CSS, no extra component needed
    return nodes.inline(text, text, classes=["sd-badge", "sd-bg-secondary", "sd-bg-text-secondary",
                                             "pressroom-badge", f"pressroom-badge-{type_}"])


def export_role(name: str, rawtext: str, text: str, lineno: int, inliner: object,
                options: dict | None = None, content: list[str] | None = None,
                ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``:pressroom-export:`pressroom.json``` — a link, with that text, to the corpus export.

    A page cannot link the export with a fixed relative path: where the page sits
    depends on the builder (``docs/indices.html`` with ``html``,
    ``docs/indices/index.html`` with ``dirhtml``), so the target is filled in when
    the page is written."""
    return [export_link(utils.unescape(text))], []


class ReleaseDirective(SphinxDirective):
    """``.. release:: path`` — show a release inside a hand-written page.

    The path is relative to the page, or to the project when it starts with
    ``/``. Its mentions are linked but not counted as backlinks (the release's
    own page counts them), so showing a release twice does not double-count.
    """

    required_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        from pressroom.sphinxext.parser import build_release

        rel, abspath = self.env.relfn2path(self.arguments[0])
        path = Path(abspath)
        # the path as written, links not followed (Sphinx resolves them: a release that is a
        # link into the project's releases folder is the project's): ``/../../etc/hostname``
        # is no release of the project
        written = self.arguments[0]
        here = "" if written.startswith(("/", "\\")) else os.fspath(
            self.env.doc2path(self.env.current_document.docname, base=False).parent)
        inside = os.path.normpath(os.path.join(here, written.lstrip("/\\")))
        if inside == os.pardir or inside.startswith(os.pardir + os.sep):
            logger.warning("release file %r is outside the project; it is not shown", rel,
                           location=self.get_location(), type="pressroom",
                           subtype="release_missing")
            return []
        if not path.is_file():
            logger.warning("release file %r not found", rel, location=self.get_location(),
                           type="pressroom", subtype="release_missing")
            # read again when the file is there (Sphinx knows no dependency on it)
            get_domain(self.env).note_awaited(self.env.current_document.docname, rel)
            return []
        self.env.note_dependency(abspath)
        docname = self.env.current_document.docname
        rendered = build_release(self.env, path, docname, embedded=True)
        domain = get_domain(self.env)
        # re-read this page when a registry edit re-links the release: with the release's
        # page, or on every registry edit for a file that is no page of its own
        domain.note_embed(docname, self.env.path2doc(abspath) or f"file:{abspath}")
        for row in rendered.mentions:  # rewritten when a linked entry changes or moves
            domain.note_ref(docname, row[0])
        section = rendered.section
        box = nodes.container(classes=["pressroom-release", "pressroom-embedded"],
                              support_smartquotes=False)
        title = section[0]
        box += nodes.rubric(title.astext(), title.astext(), classes=["pressroom-release-title"])
        box.extend(section.children[1:])
        self.set_source_info(box)
        return [box]


class LateDirective(SphinxDirective):
    """Base for directives that only leave a placeholder, filled at write time."""

    kind = ""
    optional_arguments = 1
    has_content = True

    def argument(self) -> str:
        return self.arguments[0] if self.arguments else ""

    def run(self) -> list[nodes.Node]:
        arg = self.argument()
        get_domain(self.env).note_late(self.env.current_document.docname, self.kind, arg)
        node = late(kind=self.kind, arg=arg)
        self.set_source_info(node)
        return [node]


class GlossaryDirective(LateDirective):
    """``.. pressroom:glossary:: person`` — A–Z list of one type's entries."""

    kind = "glossary"
    required_arguments = 1
    optional_arguments = 0
    has_content = False  # as the timeline

    def run(self) -> list[nodes.Node]:
        type_ = self.argument()
        types = get_domain(self.env).object_types
        if type_ not in types:  # a misspelt type (``persons``) lists nothing, said so
            logger.warning("pressroom:glossary: %r is not an entity type (types: %s); it "
                           "lists nothing", type_, ", ".join(types),
                           location=self.get_location(), type="pressroom",
                           subtype="unknown_entity")
        return super().run()


class TimelineDirective(LateDirective):
    """``.. pressroom:timeline::`` — events and releases by year and month."""

    kind = "timeline"
    # lists the whole archive: text or an argument given it would be dropped unsaid, so
    # docutils reports either as an error at its line
    optional_arguments = 0
    has_content = False


class ReleaseListDirective(LateDirective):
    """``.. pressroom:release-list::`` with one docname a line — releases, newest first (a
    line naming no release is reported when the page is written)."""

    kind = "release-list"
    optional_arguments = 0  # the releases are its content

    def argument(self) -> str:
        return "\n".join(line.strip() for line in self.content if line.strip())


class TypeListDirective(LateDirective):
    """``.. pressroom:type-list::`` — each entity type with its number of entries."""

    kind = "type-list"
    optional_arguments = 0  # as the timeline
    has_content = False


class SummaryDirective(LateDirective):
    """``.. pressroom:summary::`` — what the archive holds: releases by publisher, with the
    dates they span, and entries."""

    kind = "summary"
    optional_arguments = 0  # as the timeline
    has_content = False


class WarningsDirective(SphinxDirective):
    """``.. pressroom:warnings::`` — the catalogue of warning subtypes, from the code."""

    def run(self) -> list[nodes.Node]:
        # the page is read again when the catalogue changes (an upgrade of Pressroom)
        self.env.note_dependency(problems.__file__)
        dl = nodes.definition_list(classes=["pressroom-warnings"])
        for subtype, text in SUBTYPES.items():
            term = nodes.term()
            term += nodes.literal(f"pressroom.{subtype}", f"pressroom.{subtype}")
            item = nodes.definition_list_item("", term)
            definition = nodes.definition()
            text = text.replace("``", "")
            if subtype in REPORTED_BY:
                text += f" Reported by {REPORTED_BY[subtype]} only."
            definition += nodes.paragraph(text, text)
            item += definition
            dl += item
        return [dl]
