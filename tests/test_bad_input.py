"""Bad, broken and hostile releases at the parser level: never a traceback, nothing lost.

Each case is one of the inputs an archive really receives. The Sphinx-level
counterparts (what the built page shows) are in ``test_sphinx_hostile.py``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pressroom.source import parse_release

HOSTILE = (
    "*bold* `code` .. note:: :role:`x` |sub| _target ``` {{ jinja }} "
    "<script>alert(1)</script> <img src=x onerror=alert(1)> &amp;"
)

CASES = {
    "empty": (b"", ["release_empty"]),
    "whitespace": (b" \n \t \r\n", ["release_empty"]),
    "binary": (bytes(range(256)) * 8, ["release_binary"]),
    "cp1252": ("Title\n\nMay 1, 2011\n\n“Smart” quotes – and € signs.\n".encode("cp1252"),
               ["release_encoding"]),
    "latin1": ("Title\n\nMay 1, 2011\n\nCafé Zürich\x81.\n".encode("latin-1"),
               ["release_encoding", "release_control"]),
    "utf8-bom": (b"\xef\xbb\xbfTitle\n\nMay 1, 2011\n\nBody.\n", []),
    "utf16-bom": ("Title\n\nMay 1, 2011\n\nBody.\n".encode("utf-16"), []),
    "crlf": (b"Title\r\n\r\nMay 1, 2011\r\n\r\nBody.\r\n", []),
    "lone-cr": (b"Title\r\rMay 1, 2011\r\rBody.\r", []),
    "no-title": (b"May 1, 2011\n\nBody only.\n", ["release_title"]),
    "no-date": (b"Title\n\nBody without any date.\n", ["release_date"]),
    "two-dates": (b"Title\n\nMay 1, 2011\n\nBody.\n\nPublished on May 2, 2011\n", ["release_date"]),
    "31-february": (b"Title\n\nFebruary 31, 2011\n\nBody.\n", ["release_date", "release_date"]),
    "bad-header": (b"---\ntitle: [x\n---\nTitle\n\nMay 1, 2011\n\nBody.\n", ["release_header"]),
    # a tag whose text is no such value: the loader raised KeyError, ValueError
    "tagged-header": (b'---\ntitle: !!bool "maybe"\n---\nTitle\n\nMay 1, 2011\n\nBody.\n',
                      ["release_header"]),
    "tagged-int-header": (b'---\ndate: !!int "x"\n---\nTitle\n\nMay 1, 2011\n\nBody.\n',
                          ["release_header"]),
    "markup": (f"Title\n\nMay 1, 2011\n\n{HOSTILE}\n".encode(), []),
    "nul-and-control": (b"Title\n\nMay 1, 2011\n\nBody\x00 with \x07 bell.\n", ["release_control"]),
    "rtl-zero-width": ("Title\n\nMay 1, 2011\n\nמשפט \u202eevil\u202c zero\u200bwidth.\n".encode(), []),
    "long-line": (b"Title\n\nMay 1, 2011\n\n" + b"word " * 20000 + b"\n", []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_release(tmp_path, name):
    data, expected = CASES[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    release = parse_release(path)
    assert sorted(p.subtype for p in release.problems) == sorted(expected)
    for problem in release.problems:
        assert problem.file == str(path)
        assert str(path) in problem.format()
    # nothing lost: the segments give the decoded text back exactly
    assert "".join(release.text[s.start:s.end] for s in release.segments) == release.text
    assert release.title


def test_markup_is_kept_verbatim(tmp_path):
    path = tmp_path / "markup.txt"
    path.write_bytes(f"Title\n\nMay 1, 2011\n\n{HOSTILE}\n".encode())
    release = parse_release(path)
    assert release.body == HOSTILE
    assert release.date == dt.date(2011, 5, 1)


def test_five_megabyte_release(tmp_path):
    para = " ".join(["Officials said the talks would continue."] * 40)
    body = "\n\n".join([para] * (5_000_000 // len(para)))
    path = tmp_path / "big.txt"
    path.write_bytes(f"Big Release\n\nMay 1, 2011\n\n{body}\n".encode())
    release = parse_release(path)
    assert release.ok and len(release.paragraphs) > 2000
    assert release.body == body
