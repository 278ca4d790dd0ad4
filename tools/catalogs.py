"""Update the message catalogs of Pressroom's words on the pages (``pressroom.i18n``).

    python3 dev.py catalogs          extract, update every language's .po, compile its .mo
    python3 dev.py catalogs --add pl start a catalog for a language (Polish), then update

Extracts every message of the ``pressroom`` package (``_()``, ``N_()``, ``ngettext()``,
``quantity()``) into ``extensions/pressroom/locale/pressroom.pot``; brings each
``<language>/LC_MESSAGES/pressroom.po`` up to date with it (a new message untranslated, a
changed one marked fuzzy, a message gone kept commented out); compiles each ``.po`` into
its ``.mo``, leaving fuzzy translations out. Translate the new and fuzzy messages in the
``.po`` (``{count}``, ``{name}``… as they are in the English), then run it again: the tests
(``tests/test_i18n.py``) fail while a message is untranslated or a ``.mo`` is stale.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "extensions" / "pressroom"
sys.path.insert(0, str(ROOT / "extensions"))

from pressroom.i18n import CATALOG, KEYWORDS, LOCALE_DIR  # noqa: E402

#: The header of a new language's catalog, as Sphinx's own catalogs have it.
_PROJECT = "Pressroom"


def template() -> Catalog:
    """Every message of the package, where it is written (paths relative to the package)."""
    catalog = Catalog(project=_PROJECT, domain=CATALOG, charset="utf-8",
                      fuzzy=False, header_comment="# Pressroom's words on the pages it writes.")
    for path, lineno, message, comments, context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("Translators:",)):
        catalog.add(message, None, [(f"pressroom/{path}", lineno)], auto_comments=comments,
                    context=context)
    return catalog


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{CATALOG}.po"


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=language, domain=CATALOG)


def compiled(catalog: Catalog) -> bytes:
    """*catalog* as its ``.mo`` (fuzzy translations left out, as ``msgfmt`` does)."""
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _write_po(path: Path, catalog: Catalog, **options) -> None:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, **options)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_bytes() != out.getvalue():
        path.write_bytes(out.getvalue())
        print(f"wrote {path.relative_to(ROOT)}")


def _messages(catalog: Catalog) -> list[tuple]:
    return [(m.id, m.locations, sorted(m.flags), m.auto_comments) for m in catalog]


def languages() -> list[str]:
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{CATALOG}.po"))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--add", metavar="LANGUAGE", action="append", default=[],
                        help="start the catalog of LANGUAGE (a tag: pl, pt_BR)")
    args = parser.parse_args(argv)
    pot = template()
    path = LOCALE_DIR / f"{CATALOG}.pot"
    # written when its messages changed, not for its creation date alone
    if not path.is_file() or _messages(read(path)) != _messages(pot):
        _write_po(path, pot, ignore_obsolete=True, include_previous=False)
    for language in args.add:
        if not po_path(language).is_file():
            _write_po(po_path(language), Catalog(locale=language, domain=CATALOG,
                                                 project=_PROJECT, fuzzy=False))
    for language in languages():
        catalog = read(po_path(language), language)
        catalog.update(pot, update_header_comment=False, update_creation_date=False)
        _write_po(po_path(language), catalog, ignore_obsolete=False, include_previous=True)
        mo = po_path(language).with_suffix(".mo")
        data = compiled(catalog)
        if not mo.is_file() or mo.read_bytes() != data:
            mo.write_bytes(data)
            print(f"wrote {mo.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
