"""sphinx-design's component post-transforms run only on pages that hold a component.

Each of them walks the whole doctree; a release page holds no component, so
``pressroom.sphinxext.transforms.skip_idle_design_transforms`` has them return at
once there. A page with a dropdown, a tab set and an aside must render exactly
as sphinx-design renders it.
"""

from __future__ import annotations

import gc
import weakref

from docutils import nodes
from sphinx_design.aside import AsideHtmlTransform
from sphinx_design.dropdown import DropdownHtmlTransform
from sphinx_design.tabs import TabSetHtmlTransform

from pressroom.sphinxext.transforms import DESIGN_COMPONENT_TRANSFORMS, has_design_component
from sphinx_support import copy_root, make, page, warnings_of

SEED = "corpus/releases/hrf/2011/2011-04-27-upcoming-dialogue"
COMPONENTS = """\
:orphan:

Components
==========

.. dropdown:: More about the dialogue

   Hidden text.

.. tab-set::

   .. tab-item:: First

      One.

   .. tab-item:: Second

      Two.

.. aside:: Note

   Aside text.
"""


def test_has_design_component_finds_a_nested_component():
    doc = nodes.document(None, None)
    section = nodes.section()
    doc += section
    section += nodes.paragraph("", "text")
    assert not has_design_component(doc)
    doc2 = nodes.document(None, None)
    inner = nodes.container(design_component="dropdown")
    outer = nodes.section()
    outer += nodes.paragraph("", "before")
    outer += nodes.bullet_list("", nodes.list_item("", inner))
    doc2 += outer
    assert has_design_component(doc2)
    assert not has_design_component(doc)  # asked again, after another document
    # the document last looked at is not kept alive by the check
    seen = weakref.ref(doc)
    del doc, section  # (the section points to its parent)
    gc.collect()
    assert seen() is None


def test_the_three_transforms_are_named_as_sphinx_design_names_them():
    # if sphinx-design renames one, nothing is replaced: this test says so
    names = {f"{c.__module__}.{c.__qualname__}"
             for c in (DropdownHtmlTransform, TabSetHtmlTransform, AsideHtmlTransform)}
    assert names == DESIGN_COMPONENT_TRANSFORMS


def test_component_transforms_run_only_where_a_component_is(tmp_path, monkeypatch):
    src = copy_root("pressroom", tmp_path)
    (src / "docs" / "components.rst").write_text(COMPONENTS, encoding="utf-8")
    ran: dict[str, set[str]] = {}
    for cls in (DropdownHtmlTransform, TabSetHtmlTransform, AsideHtmlTransform):
        original = cls.run

        def counting(self, _original=original, _name=cls.__name__, **kwargs):
            ran.setdefault(_name, set()).add(self.env.current_document.docname)
            return _original(self, **kwargs)

        monkeypatch.setattr(cls, "run", counting)
    app = make(src, confoverrides={"extensions": ["myst_parser", "sphinx_design",
                                                  "pressroom.sphinxext"]})
    app.build()
    assert all("[pressroom.release_control]" in w for w in warnings_of(app)), warnings_of(app)
    replaced = [c for c in app.registry.post_transforms
                if c.__module__ == "pressroom.sphinxext.transforms"
                and c.__name__ in {"DropdownHtmlTransform", "TabSetHtmlTransform",
                                   "AsideHtmlTransform"}]
    assert len(replaced) == 3
    assert ran == {"DropdownHtmlTransform": {"docs/components"},
                   "TabSetHtmlTransform": {"docs/components"},
                   "AsideHtmlTransform": {"docs/components"}}
    html = page(app, "docs/components")
    assert '<details class="sd-sphinx-override sd-dropdown' in html
    assert '<input checked="checked" id="sd-tab-item-0" name="sd-tab-set-0" type="radio"' in html
    assert "<aside" in html and "Aside text." in html
    assert "pressroom-ref" in page(app, SEED)
