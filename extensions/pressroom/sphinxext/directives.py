"""Directives: ``pressroom:entry``, ``release`` and the placeholders rendered late.

``pressroom:glossary``, ``pressroom:timeline``, ``pressroom:release-list`` and the
``Mentioned in``/``Quoted``/``Appears with`` parts of an entry only leave a
:class:`~pressroom.sphinxext.nodes.late` placeholder at read time; the
post-transform in :mod:`pressroom.sphinxext.transforms` fills it from the merged
domain data when the page is written.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from pressroom.problems import SUBTYPES
from pressroom.registry import Entity
from pressroom.sphinxext.corpus import corpus_for_env, entity_anchor, plain
from pressroom.sphinxext.domain import get_domain
from pressroom.sphinxext.nodes import late

logger = logging.getLogger(__name__)


def entity_ref(entity_id: str, text: str | None = None) -> addnodes.pending_xref:
    ref = addnodes.pending_xref("", refdomain="pressroom", reftype="entity",
                                reftarget=entity_id, refexplicit=text is not None, refwarn=True)
    shown = plain(text if text is not None else entity_id)
    ref += nodes.inline(shown, shown)
    return ref


def badge(text: str, type_: str) -> nodes.inline:
    # sphinx-design's badge classes: styled by its CSS, no extra component needed
    return nodes.inline(text, text, classes=["sd-badge", "sd-bg-secondary", "sd-bg-text-secondary",
                                             "pressroom-badge", f"pressroom-badge-{type_}"])


class EntryDirective(SphinxDirective):
    """``.. pressroom:entry:: id`` — an entry's page content, declared as a domain object."""

    required_arguments = 1
    option_spec = {"digest": directives.unchanged, "no-title": directives.flag,
                   "listed": directives.flag}

    def run(self) -> list[nodes.Node]:
        entity_id = self.arguments[0].strip()
        corpus = corpus_for_env(self.env)
        entity = corpus.registry.get(entity_id)
        if entity is None:
            logger.warning("unknown entry %r: it is not in the registry", entity_id,
                           location=self.get_location(), type="pressroom",
                           subtype="unknown_entity")
            return []
        anchor = entity_anchor(entity_id)
        docname = self.env.current_document.docname
        domain = get_domain(self.env)
        domain.note_entry(entity_id, docname, anchor, entity.type,
                          plain(entity.name), tuple(map(plain, entity.aliases)),
                          plain(entity.description), location=self.get_location())
        if "listed" in self.options:  # an entry without a page, on its letter page
            domain.note_listed(docname, entity_id)
            box = nodes.container(classes=["pressroom-entry", "pressroom-entry-listed"])
            box["ids"].append(anchor)
            self.set_source_info(box)
            box += nodes.rubric(plain(entity.name), plain(entity.name),
                                classes=["pressroom-entry-name"])
            box += self.index_node(entity, anchor)
            box += self.facts(entity, corpus)
            text = "No release in the archive mentions this entry yet."
            box += nodes.paragraph(text, text, classes=["pressroom-empty"])
            return [box]
        for key in ("entry", "quoted", "with"):
            get_domain(self.env).note_late(docname, key, entity_id)
        if "no-title" in self.options:
            section: nodes.Element = nodes.container(classes=["pressroom-entry"])
        else:
            section = nodes.section(classes=["pressroom-entry"])
            section += nodes.title(plain(entity.name), plain(entity.name))
        section["ids"].append(anchor)
        self.set_source_info(section)
        section += self.index_node(entity, anchor)
        section += self.facts(entity, corpus)
        for key, title in (("entry", "Mentioned in"), ("quoted", "Quoted"),
                           ("with", "Appears with")):
            if key == "quoted" and entity.type != "person":
                continue
            sub = nodes.section(ids=[f"{anchor}-{key}"], classes=[f"pressroom-{key}"])
            sub += nodes.title(title, title)
            sub += late(kind=key, arg=entity_id)
            section += sub
        return [section]

    def index_node(self, entity: Entity, anchor: str) -> addnodes.index:
        label = corpus_for_env(self.env).type_label(entity.type)
        entries = [("single", f"{plain(entity.name)} ({label.lower()})", anchor, "", None)]
        for alias in entity.aliases:
            if alias != entity.name:
                entries.append(("single", f"{plain(alias)} (see {plain(entity.name)})",
                                anchor, "", None))
        return addnodes.index(entries=entries)

    def facts(self, entity: Entity, corpus) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        head = nodes.paragraph(classes=["pressroom-entry-head"])
        head += badge(corpus.type_label(entity.type), entity.type)
        out.append(head)
        if entity.description:
            out.append(nodes.paragraph(plain(entity.description), plain(entity.description),
                                       classes=["pressroom-description"]))
        fields = nodes.field_list(classes=["pressroom-fields"])

        def field(name: str, *value: nodes.Node) -> None:
            para = nodes.paragraph()
            para.extend(value)
            fields.append(nodes.field("", nodes.field_name(name, name),
                                      nodes.field_body("", para)))

        domain = get_domain(self.env)
        docname = self.env.current_document.docname

        def refs(ids) -> list[nodes.Node]:
            out_: list[nodes.Node] = []
            for i, target in enumerate(ids):
                # recorded: the page is rewritten when the target changes or moves
                domain.note_ref(docname, target)
                if i:
                    out_.append(nodes.Text(", "))
                other = corpus.registry.get(target)
                out_.append(entity_ref(target, other.name if other else target))
            return out_

        aliases = [a for a in entity.aliases if a != entity.name]
        if aliases:
            field("Also written", nodes.Text(plain(", ".join(aliases))))
        if entity.kind:
            field("Kind", nodes.Text(plain(entity.kind)))
        if entity.start or entity.end:
            if entity.type == "person":
                label, value = "Lived", f"{entity.start or '?'} – {entity.end or ''}"
            elif entity.start and entity.end and entity.start != entity.end:
                label, value = "Dates", f"{entity.start} – {entity.end}"
            else:
                label, value = "Date", str(entity.start or entity.end)
            field(label, nodes.Text(value))
        if entity.roles:
            field("Roles", nodes.Text(plain(", ".join(entity.roles))))
        if entity.affiliation:
            field("Affiliation", *refs([entity.affiliation]))
        if entity.place:
            field("Place", *refs([entity.place]))
        if entity.country:
            field("Country", *refs([entity.country]))
        if entity.participants:
            field("Participants", *refs(entity.participants))
        for relation, target in entity.relations:
            field(relation.replace("-", " ").capitalize(), *refs([target]))
        if entity.wikidata:
            url = f"https://www.wikidata.org/wiki/{entity.wikidata}"
            field("Wikidata", nodes.reference(entity.wikidata, entity.wikidata, refuri=url))
        if entity.url:
            field("Website", nodes.reference(plain(entity.url), plain(entity.url),
                                             refuri=plain(entity.url)))
        if len(fields):
            out.append(fields)
        return out


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
        if not path.is_file():
            logger.warning("release file %r not found", rel, location=self.get_location(),
                           type="pressroom", subtype="release_missing")
            return []
        self.env.note_dependency(abspath)
        docname = self.env.current_document.docname
        rendered = build_release(self.env, path, docname, embedded=True)
        release_doc = self.env.path2doc(abspath)
        if release_doc:  # re-read this page when a registry edit re-links the release
            get_domain(self.env).note_embed(docname, release_doc)
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


class TimelineDirective(LateDirective):
    """``.. pressroom:timeline::`` — events and releases by year and month."""

    kind = "timeline"


class ReleaseListDirective(LateDirective):
    """``.. pressroom:release-list::`` with one docname a line — releases, newest first."""

    kind = "release-list"

    def argument(self) -> str:
        return "\n".join(line.strip() for line in self.content if line.strip())


class TypeListDirective(LateDirective):
    """``.. pressroom:type-list::`` — each entity type with its number of entries."""

    kind = "type-list"


class WarningsDirective(SphinxDirective):
    """``.. pressroom:warnings::`` — the catalogue of warning subtypes, from the code."""

    def run(self) -> list[nodes.Node]:
        dl = nodes.definition_list(classes=["pressroom-warnings"])
        for subtype, text in SUBTYPES.items():
            term = nodes.term()
            term += nodes.literal(f"pressroom.{subtype}", f"pressroom.{subtype}")
            item = nodes.definition_list_item("", term)
            definition = nodes.definition()
            definition += nodes.paragraph(text.replace("``", ""), text.replace("``", ""))
            item += definition
            dl += item
        return [dl]
