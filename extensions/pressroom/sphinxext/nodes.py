"""Docutils nodes of the Sphinx layer.

Only two: a quotation inside release text (rendered as a ``<span>`` carrying its
speaker) and a placeholder that a post-transform replaces with content computed
from the merged domain data (backlinks, glossary, timeline, archive lists).
Neither is ever stored in the environment's domain data.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from pressroom.i18n import _


class quotation(nodes.inline):
    """A quoted passage in a release; ``speaker`` is who said it (may be empty)."""


class late(nodes.General, nodes.Element):
    """Placeholder for content rendered at write time (``kind``, ``arg``)."""


def visit_quotation_html(self: HTML5Translator, node: quotation) -> None:
    attrs: dict[str, Any] = {"CLASS": "pressroom-quote"}
    if node.get("speaker"):
        attrs["data-speaker"] = node["speaker"]
        attrs["title"] = _("Quotation: {speaker}").format(speaker=node["speaker"])
    self.body.append(self.starttag(node, "span", "", **attrs))


def depart_quotation_html(self: HTML5Translator, node: quotation) -> None:
    self.body.append("</span>")


def _pass(self: Any, node: nodes.Node) -> None:
    pass


def visit_late_skip(self: Any, node: nodes.Node) -> None:
    # the post-transform replaces every placeholder; one left over renders as nothing
    raise nodes.SkipNode


PASS = (_pass, _pass)
SKIP = (visit_late_skip, None)
