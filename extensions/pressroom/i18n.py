"""Pressroom's own words on the pages it writes, in the site's language.

The labels of release and entry pages, the archive, the timeline, the glossaries, the
feed and the redirect pages are messages of the ``pressroom`` catalog
(``pressroom/locale/<language>/LC_MESSAGES/pressroom.mo``), which the Sphinx extension
registers with Sphinx (``app.add_message_catalog``) for its ``language``, as Sphinx
registers its own. The build's messages to the user (warnings, the command line's
reports) are not translated: they stay in English, whatever the site's language.

Every word is looked up when the page is written, not when a module is imported: a module
imported during one build in a process (the tests build sites in several languages, one
after another) would otherwise keep the words of that build's language. Words kept in a
module's constants are marked with :func:`N_` (a message to extract, not translated
there) and translated where they are shown.

Dates and numbers follow the language too (Babel's CLDR data): ``27. April 2011``,
``1.221 Pressemitteilungen``. A site in English writes them as it always has (``27 April
2011``, ``1,221 releases``), whatever English CLDR would say.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pressroom.registry import PartialDate

#: The name of the catalog: ``pressroom.pot``, ``pressroom.po``, ``pressroom.mo``.
CATALOG = "pressroom"
#: Where the catalogs are: ``<language>/LC_MESSAGES/pressroom.mo`` under it.
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: The functions whose arguments are messages, for extracting them (Babel's keywords):
#: :func:`quantity`'s second and third arguments are the singular and the plural.
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "quantity": (2, 3)}

#: The language the pages are written in (Sphinx's ``language``), set when the extension is
#: set up (:func:`use_language`); None for English. Read through :func:`_site_language`.
_language: str | None = None


def use_language(language: str | None) -> None:
    """Write dates and numbers for *language* (Sphinx's ``language``; None, ``en`` or any
    English one: as Pressroom always has)."""
    global _language
    _language = None if not language or _english(language) else language


def _site_language() -> str | None:
    """The language dates and numbers are written in: the one set up, while the catalog
    Sphinx registered for it is (a finished test build clears Sphinx's catalogs: what is
    written after it is English again, words, dates and numbers alike)."""
    if _language is None:  # English: most sites, and every call on their pages
        return None
    from sphinx.locale import is_translator_registered

    return _language if is_translator_registered(CATALOG) else None


def _english(language: str) -> bool:
    return _base(language) == "en"


def _base(language: str) -> str:
    """A language tag's language alone: ``de`` of ``de-AT`` and ``de_AT``."""
    return language.replace("-", "_").split("_")[0].lower()


def _translator():
    from sphinx.locale import get_translator

    return get_translator(CATALOG)


def _(message: str) -> str:
    """*message* in the site's language (itself where the catalog has no translation, or
    before a build registers one). An English site's words are the messages themselves: it
    asks Sphinx for none (150,000 lookups in a build of 1,000 releases and 5,000 entries)."""
    if _language is None:
        return message
    return _translator().gettext(message)


def N_(message: str) -> str:
    """*message* itself, marked to be extracted: translated where it is shown, with
    :func:`_`."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for *n* of a thing, as the language has it (German and English
    have two, French and Spanish three: ``1 million de communiqués``)."""
    if _language is None:
        return singular if n == 1 else plural
    return _translator().ngettext(singular, plural, n)


def number(n: int) -> str:
    """*n* written as the language writes it: ``1,221``, ``1.221``, ``1 221``."""
    language = _site_language()
    return f"{n:,}" if language is None else _number_in(language, n)


@functools.lru_cache(maxsize=4096)
def _number_in(language: str, n: int) -> str:
    """:func:`number` in *language*, kept: Babel takes 8 µs a number, and a site's pages
    write the same few counts over and over."""
    from babel.numbers import format_decimal

    return format_decimal(n, locale=_parsed(language))


def quantity(n: int, singular: str, plural: str, **fields: str) -> str:
    """*n* and the word for *n* of a thing, a message with ``{count}`` in it (and *fields*'
    names): ``1 release``, ``1,221 releases``."""
    return ngettext(singular, plural, n).format(count=number(n), **fields)


def comma() -> str:
    """The comma between the items of a list (``Also written: A, B``) and between a
    publisher and a period (``Human Rights First, May 2011``), as the language writes it:
    Arabic's ``، ``, Chinese's ``，``."""
    # Translators: the comma and space between two items of a list, or between a
    # publisher's name and a year or month ("Human Rights First, May 2011").
    return _("{first}, {second}").format(first="", second="")


def colon(text: str) -> str:
    """*text* and a colon after it, as the language writes one (French with a no-break
    space before it)."""
    return _("{text}:").format(text=text)


def display_locale():
    """The locale things are named in on the pages (a language's name: ``French``,
    ``Französisch``)."""
    return "en" if _site_language() is None else _locale()


def in_text(label: str) -> str:
    """A label (an entity type's: ``Person``) as a word inside a sentence or brackets:
    lower case (``person``, ``personne``), but a noun of a language that writes every noun
    capitalized (German: ``Person``)."""
    language = _site_language()
    if language is not None and _base(language) in _CAPITALIZED_NOUNS:
        return label
    return label.lower()


#: The languages that capitalize every noun.
_CAPITALIZED_NOUNS = frozenset({"de", "gsw", "lb"})


def _locale():
    return _parsed(_site_language())


@functools.lru_cache(maxsize=16)
def _parsed(language: str):
    """Babel's locale for *language*, parsed once (2 µs a time, for every date and number
    of every page)."""
    from babel import Locale

    return Locale.parse(language, sep="_" if "_" in language else "-")


def human_date(date: PartialDate, year: bool = True) -> str:
    """*date* as a reader writes it: ``19 February 2011``, ``February 2011``, ``2011``;
    without the year if not *year* (a date known to the year only keeps it). In another
    language than English, as CLDR writes it: ``19. Februar 2011``, ``février 2011``."""
    language = _site_language()
    if language is None or date.month is None:
        return date.human(year)
    return _date_in(language, date.year, date.month, date.day, year)


@functools.lru_cache(maxsize=4096)
def _date_in(language: str, y: int, month: int, day: int | None, year: bool) -> str:
    """:func:`human_date` in *language*, kept (Babel takes 9 µs a date; an archive's pages
    write the same days many times)."""
    from babel.dates import format_date, format_skeleton

    when = _dt.date(y, month, day or 1)
    if not day and not year:  # the month alone, a heading: its name on its own
        return format_date(when, "LLLL", locale=_parsed(language))
    return format_skeleton(("y" if year else "") + "MMMM" + ("d" if day else ""), when,
                           locale=_parsed(language))


def human_range(start: PartialDate, end: PartialDate | None, year: bool = True) -> str:
    """*start* to *end* as a reader writes it: ``27–28 April 2011``, ``18 January –
    2 February 2011``, ``December 2010 – January 2011``; *start* alone when there is no
    *end* or it is the same (:func:`pressroom.registry.human_range`). In another language
    than English, the two ends as :func:`human_date` writes them, the year once when it is
    the same (``27. April – 2. Mai 2011``): CLDR's ranges abbreviate the months' names."""
    from pressroom.registry import human_range as english

    if _site_language() is None:
        return english(start, end, year)
    if end is None or end == start:
        return human_date(start, year)
    same_year = start.year == end.year and start.month is not None and end.month is not None
    return f"{human_date(start, not same_year)} – {human_date(end, year or not same_year)}"


def catalog_key(language: str | None) -> str:
    """A digest of the compiled catalog the pages in *language* take their words from
    (``""`` when there is none): pages are written again when its translations change."""
    import gettext
    import hashlib

    path = gettext.find(CATALOG, LOCALE_DIR, [language]) if language else None
    return hashlib.sha1(Path(path).read_bytes()).hexdigest()[:16] if path else ""


# ---------------------------------------------------------------------------- language tags
# (the parser reads a release's, the Sphinx layer the site's: here, where neither needs the
# parser's patterns)

#: The shape of a BCP 47 language tag: a language of two or three letters, then subtags
#: (a script, a region, a variant) of up to eight letters or digits; ``_`` is read as ``-``.
_LANGUAGE_TAG_RE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def language_tag(value: str) -> str | None:
    """*value* as a language tag, cased as BCP 47 recommends (``pt_br`` -> ``pt-BR``,
    ``ZH-hant`` -> ``zh-Hant``), or None when it is not shaped like one (``French``)."""
    value = value.strip()
    if not _LANGUAGE_TAG_RE.fullmatch(value):
        return None
    first, *rest = re.split(r"[-_]", value)
    out = [first.lower()]
    for sub in rest:
        if len(sub) == 2 and sub.isalpha():
            out.append(sub.upper())  # a region: ``BR``
        elif len(sub) == 4 and sub.isalpha():
            out.append(sub.title())  # a script: ``Hant``
        else:
            out.append(sub.lower())
    return "-".join(out)


def same_language(tag: str, other: str | None) -> bool:
    """Do two language tags name the same language (``pt-BR`` and ``pt_br``; a site whose
    language is not set is in English, as Sphinx's is)?"""
    return (language_tag(tag) or tag).lower() == (language_tag(other or "en") or other or "").lower()
