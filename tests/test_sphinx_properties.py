"""Build-level property test: generated releases through a real Sphinx build.

Few, larger examples: each writes several generated releases (arbitrary
Unicode, markup fragments, quotes, datelines, footers, headers; UTF-8 or
UTF-16) into a copy of ``tests/roots/test-hostile`` and builds it. The build
never raises, warns only ``pressroom.*`` subtypes, and every release has a page
whose text (title, body, footer) is the release's text.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

import test_source_properties as generated
from pressroom.source import parse_release
from sphinx_support import copy_root, make, page, release_page_text, warnings_of

FOLDER = "corpus/releases/wire/2011"
#: What a page shows as U+FFFD (C0 and C1 controls, noncharacters) and U+FFFD itself
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffd"
                     + "".join(chr(p + 0xfffe) + chr(p + 0xffff) for p in range(0, 0x110000, 0x10000))
                     + "]")


def normalize(text: str) -> str:
    return " ".join(CONTROL.sub(" ", text).split())


def expected(path: Path) -> str:
    """The release's title, then every part of its text but the header and the title line."""
    release = parse_release(path, footer_markers=("About Wire",))
    rest = "".join(release.text[s.start:s.end] for s in release.segments
                   if s.kind not in ("header", "title"))
    return release.title + " " + rest


# no shrinking: each example is a Sphinx build; a failure is reported as generated
@settings(max_examples=15, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.tuples(generated.releases(), st.sampled_from(["utf-8", "utf-16"])),
                min_size=1, max_size=4))
# found by the generator: a paragraph of the body before a date line and a publisher's
# heading was shown after them (the page put everything before the heading's end first)
@example([("---\ntitle: Court Upholds Ban\n---\n\nBrussels, 5 May 2012\n27 April 2011\n"
           "News Release\n\nThe court upheld the ban today.\n", "utf-8")])
def test_generated_releases_build_and_show_their_text(items):
    with tempfile.TemporaryDirectory() as tmp:
        src = copy_root("hostile", Path(tmp))
        folder = src / FOLDER
        folder.mkdir(parents=True)
        names = []
        for i, (text, encoding) in enumerate(items):
            name = f"2011-05-{i + 1:02d}-generated-{i}"
            (folder / f"{name}.txt").write_bytes(text.encode(encoding))
            names.append(name)
        app = make(src, confoverrides={"exclude_patterns": ["_build", "docs/broken*"]})
        app.build()
        app.cleanup()
        for w in warnings_of(app):
            assert re.search(r": WARNING: .* \[pressroom\.[a-z_]+\]$", w), w
        for name in names:
            html = page(app, f"{FOLDER}/{name}")
            assert normalize(release_page_text(html)) == normalize(expected(folder / f"{name}.txt")), name
