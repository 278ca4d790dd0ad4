"""The hostile releases of issue 5, as exact bytes, shared by the Sphinx-level tests.

They are written into a copy of ``tests/roots/test-hostile`` by :func:`write_cases`
(generated rather than committed: byte-exact line ends, BOMs, binary and a 5 MB file).
"""

from __future__ import annotations

from pathlib import Path

PUBLISHER = "wire"
FOLDER = f"corpus/releases/{PUBLISHER}/2011"

MARKUP = ("*bold* `code` .. note:: :role:`x` |sub| _target ``` {{ jinja }} "
          "{% if x %}y{% endif %}")
HTML = ("<script>alert(1)</script> <img src=x onerror=\"window.__pwned=1;alert(2)\"> "
        "&amp; &lt;b&gt; <b>not bold</b> <a href=\"javascript:alert(3)\">link</a>")
#: The release the browser test opens: markup and HTML in the title and body, a directive line.
HOSTILE_TEXT = (
    f"Hostile *bold* <script>alert(1)</script> Title\n\nMay 20, 2011\n\n"
    f"Geneva – Jane Roe wrote {MARKUP}.\n\n{HTML}\n\n"
    ".. raw:: html\n\n   <script>window.__pwned=2</script>\n\n"
    ":entity:`jane-roe` and [a MyST link](https://evil.example) and <!-- comment -->.\n\n"
    "| a | table |\n|---|---|\n\n_target: https://evil.example\n"
)
PARA = " ".join(["Officials said the talks would continue after the summer break."] * 40)
DUP = "Duplicate Release\n\nMay 25, 2011\n\nThis text was saved twice by the scraper, Jane Roe said.\n"


def _big() -> bytes:
    paras = [PARA] * (5_000_000 // len(PARA))
    for i in range(0, len(paras), 100):  # a mention now and then
        paras[i] = "Acme Rights Watch said so. " + PARA
    body = "\n\n".join(paras)
    return f"Big Release\n\nMay 21, 2011\n\n{body}\n".encode()


#: name -> (bytes, the subtypes reported, the line of each (None: the file as a whole)).
CASES: dict[str, tuple[bytes, list[tuple[str, int | None]]]] = {
    "empty": (b"", [("release_empty", None)]),
    "whitespace": (b" \n \t \r\n", [("release_empty", None)]),
    "binary": (bytes(range(256)) * 8, [("release_binary", None)]),
    "cp1252": ("Smart Quotes Release\n\nMay 1, 2011\n\n“Smart” quotes – and € signs, "
               "said Jane Roe.\n".encode("cp1252"), [("release_encoding", 5)]),
    "latin1": ("Latin One Release\n\nMay 2, 2011\n\nCafé in Zürich\x81, Geneva.\n"
               .encode("latin-1"), [("release_encoding", 5), ("release_control", 5)]),
    "utf8-bom": (b"\xef\xbb\xbfBOM Release\n\nMay 3, 2011\n\nBody with a UTF-8 byte-order mark.\n",
                 []),
    "utf16-bom": ("UTF-16 Release\n\nMay 4, 2011\n\nBody in UTF-16 by Acme Rights Watch.\n"
                  .encode("utf-16"), []),
    "crlf": (b"CRLF Release\r\n\r\nMay 5, 2011\r\n\r\nBody with Windows line ends.\r\n", []),
    "lone-cr": (b"Lone CR Release\r\rMay 6, 2011\r\rBody with old Mac line ends.\r", []),
    "no-title": (b"May 7, 2011\n\nBody only, no title line.\n", [("release_title", 1)]),
    "no-date": (b"No Date Release\n\nBody without any date.\n", [("release_date", None)]),
    "two-dates": (b"Two Dates Release\n\nMay 8, 2011\n\nBody.\n\nPublished on May 9, 2011\n",
                  [("release_date", 3)]),
    "31-february": (b"Impossible Date Release\n\nFebruary 31, 2011\n\nBody of a bad date.\n",
                    [("release_date", 3), ("release_date", None)]),
    "bad-header": (b"---\ntitle: [x\n---\nBad Header Release\n\nMay 10, 2011\n\nBody.\n",
                   [("release_header", 3)]),
    "five-megabytes": (_big(), []),
    "markup-and-html": (HOSTILE_TEXT.encode(), []),
    "nul-and-control": (b"Control Release\n\nMay 11, 2011\n\nBody\x00 with \x07 bell.\n",
                        [("release_control", 5)]),
    # characters HTML forbids besides C0 controls: a C1 control, noncharacters of two planes
    "noncharacters": ("Noncharacter Release\n\nMay 14, 2011\n\nBody\ufdd0 with \U0001ffff "
                      "and \x9b marks.\n".encode(), [("release_control", 5)]),
    "rtl-zero-width": ("RTL Release\n\nMay 12, 2011\n\nמשפט \u202eevil\u202c zero\u200bwidth "
                       "\u200f\u2066isolate\u2069.\n".encode(), []),
    "long-line": (b"Long Line Release\n\nMay 13, 2011\n\n" + (b"wordy " * 16667)[:100_000] + b"\n",
                  []),
    "duplicate-a": (DUP.encode(), []),
    "duplicate-b": (DUP.encode(), [("release_duplicate", None)]),
}


def docname(name: str) -> str:
    return f"{FOLDER}/2011-05-01-{name}"


def write_cases(src: Path, names: list[str] | None = None) -> None:
    folder = src / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name in names or CASES:
        (src / f"{docname(name)}.txt").write_bytes(CASES[name][0])
