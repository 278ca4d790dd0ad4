"""What every kind of Pressroom page shares: the links a page holds to an entry, to the
corpus export and to a release file as received (``reference`` nodes whose targets are
filled in when the page is written), and the marks of a text's language and direction.

Apart from :mod:`.render` (a release made into its page), which imports the release
parser, its patterns and the linker's: a build that reads nothing (a no-op) writes its
pages, its export and its redirects with this module alone, and leaves those unimported
(150 ms, 4 MiB).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from itertools import takewhile

from docutils import nodes

from pressroom.i18n import language_tag, same_language


def entry_link(entity_id: str, text: str, classes: list[str] | None = None,
               ids: list[str] | None = None) -> nodes.reference:
    """A link to an entry: a ``reference`` whose target is filled in when the page is
    written (:class:`pressroom.sphinxext.transforms.EntryLinks`), which also adds the
    entry's type as a class (``pressroom-person``…).

    Not a ``pending_xref``: the entry is always in this archive's registry (a release
    that mentions an entity is re-read when the entity changes), so there is nothing
    for other domains or intersphinx to resolve, and Sphinx's resolver would only
    add its per-reference cost to every mention. The text is the reference's own
    child (no wrapping ``inline``): a release has a few dozen of these, and every
    transform walks every node of every page."""
    ref = nodes.reference(text, text, internal=True, classes=["pressroom-ref", *(classes or ())],
                          ids=list(ids or ()))
    ref[ENTRY_ATTR] = entity_id
    return ref


#: The attribute of a ``reference`` made by :func:`entry_link`: the entity id.
ENTRY_ATTR = "pressroom_entity"
#: The attribute of a ``reference`` to the corpus export (:func:`export_link`).
EXPORT_ATTR = "pressroom_export"
#: The corpus export's file, at the top of the HTML output.
EXPORT_FILE = "pressroom.json"
#: The JSON Schema of :data:`EXPORT_FILE`, written beside it from the package's copy.
EXPORT_SCHEMA_FILE = "pressroom.schema.json"
#: The attribute of a ``reference`` to the release file as received (:func:`original_link`).
ORIGINAL_ATTR = "pressroom_original"


def original_link(relpath: str) -> nodes.reference:
    """The release file's path, a link to the file as received where the builder copies
    the page's source into its output (HTML with ``html_copy_source``, Sphinx's default),
    its target filled in when the page is written; else the path alone."""
    ref = nodes.reference("", "", nodes.literal(relpath, relpath), internal=True,
                          classes=["pressroom-original"])
    ref[ORIGINAL_ATTR] = True
    return ref


def export_link(text: str) -> nodes.reference:
    """A link to the corpus export, its target filled in when the page is written
    (relative to the page, as the builder lays pages out: ``html`` and ``dirhtml`` differ);
    only its text where no export is written (builders other than HTML)."""
    ref = nodes.reference("", "", nodes.literal(text, text), internal=True,
                          classes=["pressroom-export"])
    ref[EXPORT_ATTR] = True
    return ref


def other_language(language: str | None, site_language: str | None) -> str | None:
    """The release's language when it states one other than the site's, else None."""
    return language if language and not same_language(language, site_language) else None


def language_classes(language: str | None) -> list[str]:
    """The classes that mark a node as written in *language* (a tag; none for None or
    ``""``): docutils writes a class ``language-<tag>`` as the element's ``lang``, and
    :class:`~pressroom.sphinxext.html.DirectedText` its ``dir`` (see :func:`direction`)."""
    return [f"language-{language}"] if language else []


#: Scripts written right to left (ISO 15924), for a tag naming a script that Babel has no
#: data for in that language: ``ar-Latn`` (Arabic in Latin letters) is written left to right.
_RIGHT_TO_LEFT_SCRIPTS = frozenset({"Adlm", "Arab", "Aran", "Hebr", "Mand", "Mend", "Nkoo",
                                    "Rohg", "Samr", "Syrc", "Thaa", "Yezi"})


#: Answers of :func:`right_to_left` an earlier build found, per tag, given back to this
#: process (see :func:`known_direction`).
_KNOWN_DIRECTIONS: dict[str, bool] = {}


def known_direction(tag: str, right: bool) -> None:
    """Take *right* as :func:`right_to_left`'s answer for *tag*: what an earlier build
    found with the same Babel, kept in the environment. Babel's data of a language is
    4 MiB and a tenth of a second to load; a build that reads and writes no release needs
    no other language than the site's."""
    _KNOWN_DIRECTIONS[tag] = right


def right_to_left(tag: str) -> bool:
    """Is text in the language *tag* written right to left? As CLDR says, from Babel's
    ``Locale.character_order`` (ar, he, fa, ur, ps, yi, dv, ckb, sd, ug…; ``sd-Deva`` is
    not), for the tag or else its language alone; a script the tag names that Babel does
    not know the language in decides alone. A language Babel does not know is taken to be
    written left to right."""
    known = _KNOWN_DIRECTIONS.get(tag)
    return _right_to_left(tag) if known is None else known


@functools.lru_cache(maxsize=256)
def _right_to_left(tag: str) -> bool:
    from babel import Locale, UnknownLocaleError

    parts = tag.replace("_", "-").split("-")
    # language, script, region, variants: not what follows a singleton (``ar-u-nu-latn``)
    subtags = [parts[0], *takewhile(lambda s: len(s) != 1, parts[1:])]
    script = next((s.title() for s in subtags[1:] if len(s) == 4 and s.isalpha()), None)
    for attempt in dict.fromkeys(("-".join(subtags), subtags[0])):
        try:
            locale = Locale.parse(attempt, sep="-")
        except (ValueError, TypeError, UnknownLocaleError):
            continue
        if script and (locale.script or "").title() != script:
            break  # Babel read the tag without its script (``ar-Latn`` as ``ar``)
        return locale.character_order == "right-to-left"
    return script in _RIGHT_TO_LEFT_SCRIPTS


def direction(language: str | None, site_language: str | None) -> str:
    """HTML's ``dir`` for text in *language* (a tag) on a page in the site's language
    (Sphinx's ``language``, English when unset): ``rtl`` for a language written right to
    left (a title left-aligned, a sentence's full stop at its left end, otherwise);
    ``ltr`` for one written left to right on a site whose language is not; else ``""``,
    the page's own direction."""
    if not language:
        return ""
    if right_to_left(language):
        return "rtl"
    return "ltr" if site_right_to_left(site_language) else ""


def site_right_to_left(site_language: str | None) -> bool:
    """Is a site in *site_language* (Sphinx's ``language``, English when unset, a tag as
    Sphinx takes it: ``pt_BR``) written right to left?"""
    return right_to_left(site_tag(site_language))


def site_tag(site_language: str | None) -> str:
    """The language tag of a site in *site_language* (Sphinx's ``language``)."""
    return language_tag(site_language or "en") or site_language or "en"


_SEARCH_WORD = re.compile(r"\w+")  # a word as Sphinx's search splits text into words


def accent_free_keywords(texts: Iterable[str]) -> str:
    """The words of *texts* as written without accents (``Elodie`` of ``Élodie``, ``Lodz``,
    ``Grun`` and ``Gruen`` of ``Grün``: the forms the linker links names by), those the
    texts do not also write so, comma-separated: a page's search keywords (a ``meta`` node,
    which Sphinx's indexer reads), since a search without the accents found nothing. Word
    by word, as a query is looked up (Sphinx indexes each keyword whole); "" when there is
    none. A text whose accents are letters of their own (decomposed, as some systems write
    them: ``E`` and a combining acute) is read composed, its words whole (``Élodie``, not
    ``E`` and ``lodie``)."""
    texts = list(texts)
    if all(text.isascii() for text in texts):
        return ""  # no accent anywhere (most English releases): no word looked at
    from pressroom.linker import unaccented
    written: set[str] = set()
    forms: list[str] = []
    for text in texts:
        for word in _SEARCH_WORD.findall(unicodedata.normalize("NFC", text)):
            written.add(word.casefold())
            if not word.isascii():
                for form in unaccented(word):
                    forms.extend(_SEARCH_WORD.findall(form))
    new = {word.casefold(): word for word in forms if word.casefold() not in written}
    return ", ".join(new.values())
