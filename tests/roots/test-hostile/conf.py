project = "Pressroom hostile inputs"
extensions = ["myst_parser", "pressroom.sphinxext"]
root_doc = "docs/index"
include_patterns = ["docs/**", "corpus/releases/**", "entries/**", "archive/**"]
exclude_patterns = ["_build"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
pressroom_publishers = {
    "wire": {"name": "Wire Service", "url": "https://wire.example", "footer_markers": ["About Wire"]},
}
html_theme = "basic"
