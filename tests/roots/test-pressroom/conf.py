project = "Pressroom test"
extensions = ["myst_parser", "pressroom.sphinxext"]
root_doc = "docs/index"
include_patterns = ["docs/**", "corpus/releases/**", "entries/**", "archive/**"]
exclude_patterns = ["_build"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
pressroom_entity_types = {"award": {"label": "Award", "plural": "Awards", "schema": "Thing"}}
pressroom_publishers = {
    "hrf": {"name": "Human Rights First", "url": "https://humanrightsfirst.org",
            "footer_markers": ["Seeking asylum?"]},
}
html_theme = "basic"
