"""Sphinx configuration of the Pressroom site.

The source folder is the project root; only ``docs/`` (hand-written pages),
``corpus/releases/`` (the releases, one page each, read by the release parser)
and the generated ``entries/`` and ``archive/`` folders are sources.
"""

project = "Pressroom"
author = "Pressroom archivists"
copyright = "the publishers of the releases; site by the Pressroom project"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx_argparse_cli",  # the command line page, docs/commands.rst
    "pressroom.sphinxext",
]

root_doc = "docs/index"
include_patterns = ["docs/**", "corpus/releases/**.txt", "entries/**", "archive/**"]
exclude_patterns = ["_build", ".venv", ".tox", "**/README.md"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}  # .txt: releases, by pressroom

# --- Pressroom -------------------------------------------------------------------
pressroom_releases = "corpus/releases"
pressroom_registry = "corpus/entities"
pressroom_entity_types = {
    "award": {"label": "Award", "plural": "Awards", "schema": "Thing"},
}
pressroom_publishers = {
    "human-rights-first": {
        "name": "Human Rights First",
        "url": "https://humanrightsfirst.org",
        "footer_markers": ["Seeking asylum?"],
    },
}

# --- HTML --------------------------------------------------------------------------
html_theme = "furo"
html_title = "Pressroom"
html_show_sourcelink = False  # a release page links its file as received (the File field)
html_copy_source = True  # Sphinx's default: each page's source copied to _sources/
html_theme_options = {
    "navigation_with_keys": True,
}
myst_enable_extensions = ["colon_fence"]
# This site links to no other Sphinx project, so it loads no intersphinx (other
# projects link to its entries through its objects.inv: see docs/registry.md).


def setup(app):
    from sphinx import addnodes
    from sphinx.transforms import SphinxTransform

    class NoIndexEntry(SphinxTransform):
        """Honour ``:no-index-entry:`` on ``confval``: Sphinx takes the option there but
        still adds the entries. The configuration values stay out of the index, the
        reader's index of names, and stay linkable (docs/configuration.md)."""

        default_priority = 800  # before the domains read the entries (SphinxDomains, 850)

        def apply(self, **kwargs):
            for desc in self.document.findall(addnodes.desc):
                if desc.get("no-index-entry") and desc.parent is not None:
                    i = desc.parent.index(desc)
                    if i and isinstance(desc.parent[i - 1], addnodes.index):
                        desc.parent[i - 1]["entries"] = []

    app.add_transform(NoIndexEntry)

    import sys

    from sphinx_argparse_cli._logic import SphinxArgparseCli

    class CommandLine(SphinxArgparseCli):
        """sphinx-argparse-cli's directive (docs/commands.rst), read again when the command's
        code changes: the library has its page read again on every build, one more
        document for each release edited."""

        def run(self):
            nodes = super().run()
            self.env.reread_always.discard(self.env.docname)
            for name, module in sorted(sys.modules.items()):  # the parser and its commands
                if name == "pressroom.cli" or name.startswith("pressroom.commands."):
                    self.env.note_dependency(module.__file__)
            return nodes

    app.add_directive("pressroom-command-line", CommandLine)

    def argparse_stylesheet(app):
        """The library writes its stylesheet when a build ends; pages written before it is
        there link it without its checksum, so a build from scratch linked it one way and
        the next build the other. It is written when the build starts."""
        try:
            from sphinx_argparse_cli import _write_css
        except ImportError:  # before sphinx-argparse-cli 1.21.3: no stylesheet to write
            return
        _write_css(app, None)

    app.connect("builder-inited", argparse_stylesheet)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
