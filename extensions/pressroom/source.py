"""Parse a release file, exactly as received, into a :class:`Release`.

A release arrives as plain text with no markup: a title line, a dateline
(``Washington, DC –``), a body, maybe a ``Published on April 27, 2011`` line and
the publisher's boilerplate footer. :func:`parse_release` infers that structure;
an optional front-matter header (YAML between ``---`` lines) overrides anything
inferred.

Nothing is lost: :attr:`Release.segments` tile the decoded text, so joining the
segments gives the text back exactly, and every field points into the text by
character offsets. Nothing raises on bad content either: what is wrong is
reported in :attr:`Release.problems` (file and line), and whatever could be read
is kept. Only an unreadable path (missing file, permission) raises
:class:`~pressroom.problems.PressroomError`.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import hashlib
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path
from typing import Any

import yaml

from pressroom.i18n import language_tag
from pressroom.problems import PressroomError, Problem
from pressroom.regexcache import PatternCache
from pressroom.registry import (
    CONTROL_RE,
    MONTH_NAMES,
    OPENING_WORDS,
    UNREADABLE_VALUE,
    YAML_LOADER,
    control_named,
    duplicate_keys,
    title_case,
    unreadable,
    words_of,
    yaml_error,
)
from pressroom.weburl import is_web_address

#: The module's patterns, compiled once and kept beside its bytecode: compiling them is
#: most of what importing the parser takes (see :mod:`pressroom.regexcache`).
_PATTERNS = PatternCache(__file__)

# --------------------------------------------------------------------------- model


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the text: ``header``, ``preamble`` (lines around the title that are no
    part of the release: ``FOR IMMEDIATE RELEASE``, a press contact), ``title``, ``date``,
    ``dateline``, ``body``, ``footer`` or ``gap`` (whitespace between the others)."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted passage (without its quotation marks) and who said it.

    ``speaker`` is the surface that names the speaker (``Brian Dooley``); when the
    attribution is a pronoun or a follow-on quote, it is the last named speaker
    and ``speaker_start``/``speaker_end`` point at where that name was written.
    ``pronoun`` is where the pronoun (``he``, ``she``) that attributes the quote (or the
    quote it follows on) is written: the person it refers to may be named after the last
    named speaker (see :func:`refer_pronouns`).
    """

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    pronoun: int | None = None


#: A header's ``date`` for a release whose date nobody knows.
UNKNOWN_DATE = "unknown"

#: Header fields a release may set, and what they mean.
HEADER_FIELDS = {
    "title": "the release's title",
    "date": "publication date, YYYY-MM-DD (or unknown, when nobody knows it)",
    "publisher": "publisher's name",
    "dateline": "place the release was issued from",
    "source": "URL the release was taken from",
    "url": "same as source",
    "language": "the release's language, a tag such as en, fr or pt-BR (default: the site's)",
}


@dataclass
class Release:
    """A parsed release. Offsets are Python ``str`` indices into :attr:`text`."""

    path: str
    text: str
    title: str
    date: _dt.date | None
    dateline: str | None
    publisher: str | None
    source_url: str | None = None
    #: the language the header states (a tag, :func:`language_tag`); None: not stated,
    #: the site's language
    language: str | None = None
    encoding: str = "utf-8"
    #: the SHA-256 of the file's bytes as received (hexadecimal), what names the file
    #: whatever its name or place; "" for a release given as text
    sha256: str = ""
    segments: list[Segment] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    title_span: tuple[int, int] | None = None
    dateline_span: tuple[int, int] | None = None
    date_span: tuple[int, int] | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no problem of severity ``error`` was found."""
        return not any(p.severity == "error" for p in self.problems)

    def spans(self, kind: str) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in self.segments if s.kind == kind]

    @property
    def footer(self) -> str:
        return "".join(self.text[a:b] for a, b in self.spans("footer"))

    @property
    def body(self) -> str:
        return "\n\n".join(self.text[p.start:p.end] for p in self.paragraphs)

    def linkable_spans(self) -> list[tuple[int, int]]:
        """Where mentions are looked for: title, dateline and body (not header, footer)."""
        spans = [s for s in self.segments if s.kind in ("title", "dateline", "body")]
        return [(s.start, s.end) for s in spans]

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset (``\\r\\n``, ``\\r`` and ``\\n`` end lines)."""
        return line_number(self.text, offset)


# --------------------------------------------------------------------------- dates

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
#: The months of releases in other languages, as written with their marks and without
#: (``27 avril 2011``, ``4 de mayo de 2011``, ``4. März 2011``, ``5 maggio 2011``,
#: ``5 mei 2011``, ``5 maja 2011``, ``5. května 2011``, ``5. toukokuuta 2011``): French,
#: Spanish, Portuguese, Italian, Dutch, Swedish and Polish write the day as a number, German,
#: Danish, Norwegian, Czech and Finnish as an ordinal with a full stop. Polish, Czech and
#: Finnish name the month of a date in another case than the month alone (``maja``,
#: ``maj``); both are here. The names are CLDR's (a test checks them against babel's).
_GERMAN_MONTHS = {"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4,
                  "mai": 5, "juni": 6, "juli": 7, "august": 8, "september": 9, "oktober": 10,
                  "november": 11, "dezember": 12}
#: The months of the languages that write a date's day as an ordinal with a full stop
#: (``4. März``, ``5. maj``, ``5. května``): only before one of these is ``3.`` a day, as
#: ``3. May 2011`` is an item numbered 3.
_DOTTED_DAY_MONTHS = dict(_GERMAN_MONTHS)
_DOTTED_DAY_MONTHS.update((name, number) for number, names in enumerate((
    "januar tammikuuta tammikuu ledna leden", "februar helmikuuta helmikuu února unora únor unor",
    "marts mars maaliskuuta maaliskuu března brezna březen brezen",
    "april huhtikuuta huhtikuu dubna duben", "maj mai toukokuuta toukokuu května kvetna květen kveten",
    "juni kesäkuuta kesakuuta kesäkuu kesakuu června cervna červen cerven",
    "juli heinäkuuta heinakuuta heinäkuu heinakuu července cervence červenec cervenec",
    "august elokuuta elokuu srpna srpen", "september syyskuuta syyskuu září zari",
    "oktober lokakuuta lokakuu října rijna říjen rijen",
    "november marraskuuta marraskuu listopadu listopad",
    "december desember joulukuuta joulukuu prosince prosinec"), start=1)
    for name in names.split())
_MONTHS.update(_DOTTED_DAY_MONTHS)
#: Hungarian writes the year first: ``2011. május 4.``, ``2011. május 4., szerda``.
_HUNGARIAN_MONTHS = {name: number for number, name in enumerate((
    "január", "február", "március", "április", "május", "június", "július", "augusztus",
    "szeptember", "október", "november", "december"), start=1)}
_MONTHS.update(_HUNGARIAN_MONTHS)
_MONTHS.update((name, number) for number, names in enumerate((
    "janvier enero janeiro gennaio januari stycznia styczeń styczen",
    "février fevrier febrero fevereiro febbraio februari lutego luty",
    "mars marzo março maart marca marzec", "avril abril aprile april kwietnia kwiecień kwiecien",
    "mai mayo maio maggio mei maj maja", "juin junio junho giugno juni czerwca czerwiec",
    "juillet julio julho luglio juli lipca lipiec",
    "août aout agosto augustus augusti sierpnia sierpień sierpien",
    "septembre septiembre setiembre setembro settembre september września wrzesnia "
    "wrzesień wrzesien",
    "octobre octubre outubro ottobre oktober października pazdziernika październik pazdziernik",
    "novembre noviembre novembro november listopada listopad",
    "décembre decembre diciembre dezembro dicembre december grudnia grudzień grudzien"), start=1)
    for name in names.split())

#: The months a date may open with (``April 27, 2011``): those above, as before the languages
#: below, which write the day first (``Wal-Mart 5, 2011`` is no Turkish March).
_MONTH_FIRST = dict(_MONTHS)
#: The months of releases in Cyrillic, Greek, Arabic, Hebrew and other scripts, and in more
#: languages of the Latin one, as CLDR writes them in a date and alone (a test checks them
#: against babel's): Russian, Ukrainian, Belarusian, Bulgarian, Macedonian and Serbian;
#: Greek; Romanian, Turkish, Azerbaijani, Indonesian, Malay, Swahili, Estonian, Latvian and
#: Lithuanian; Arabic's three sets of names (Egypt's and the Gulf's, the Levant's and Iraq's,
#: the Maghreb's), Persian and Urdu, Hebrew (a date writes ``במאי``, *in* May) and Hindi.
_MONTHS.update((name, number) for number, names in enumerate((
    "января январь січня січень студзеня студзень януари јануар јануари "
    "ιανουαρίου ιανουάριος ianuarie ocak yanvar jaanuar janvāris sausio sausis "
    "يناير جانفي كانون_الثاني ژانویه جنوری ינואר जनवरी",
    "февраля февраль лютого лютий лютага люты февруари фебруар "
    "φεβρουαρίου φεβρουάριος februarie şubat fevral veebruar februāris vasario vasaris "
    "فبراير فيفري شباط فوریه فروری פברואר फ़रवरी फरवरी",
    "марта март березня березень сакавіка сакавік μαρτίου μάρτιος martie mart "
    "maret mac machi märts marts kovo kovas مارس آذار مارچ מרץ מרס मार्च",
    "апреля апрель квітня квітень красавіка красавік април "
    "απριλίου απρίλιος aprilie nisan aprel aprili aprill aprīlis balandžio balandis "
    "أبريل ابريل أفريل نيسان آوریل اپریل אפריל अप्रैल",
    "мая май травня травень мај μαΐου μάιος mayıs may mei mai maijs gegužės gegužė "
    "مايو ماي أيار مه مئی מאי मई",
    "июня июнь червня червень чэрвеня чэрвень юни јун јуни ιουνίου ιούνιος iunie "
    "haziran iyun jun juni juuni jūnijs birželio birželis يونيو يونيه جوان حزيران ژوئن جون "
    "יוני जून",
    "июля июль липня липень ліпеня ліпень юли јул јули ιουλίου ιούλιος iulie temmuz "
    "iyul julai juuli jūlijs liepos liepa يوليو يوليه يوليوز جويلية تموز ژوئیه جولائی "
    "יולי जुलाई",
    "августа август серпня серпень жніўня жнівень avgust αυγούστου αύγουστος "
    "august ağustos avqust agustus ogos agosti augusts rugpjūčio rugpjūtis "
    "أغسطس اغسطس غشت أوت آب اوت اگست אוגוסט अगस्त",
    "сентября сентябрь вересня вересень верасня верасень септември септембар "
    "σεπτεμβρίου σεπτέμβριος septembrie eylül sentyabr september septemba septembris "
    "rugsėjo rugsėjis سبتمبر شتنبر أيلول سپتامبر ستمبر ספטמבר सितंबर सितम्बर",
    "октября октябрь жовтня жовтень кастрычніка кастрычнік октомври октобар "
    "οκτωβρίου οκτώβριος octombrie ekim oktyabr oktober oktoba oktoober oktobris spalio "
    "spalis أكتوبر اكتوبر تشرين_الأول اکتبر اکتوبر אוקטובר अक्टूबर अक्तूबर",
    "ноября ноябрь листопада листопад лістапада лістапад ноември новембар "
    "νοεμβρίου νοέμβριος noiembrie kasım noyabr november novemba novembris lapkričio "
    "lapkritis نوفمبر نونبر تشرين_الثاني نوامبر نومبر נובמבר नवंबर नवम्बर",
    "декабря декабрь грудня грудень снежня снежань декември децембар "
    "δεκεμβρίου δεκέμβριος decembrie aralık dekabr desember disember desemba detsember "
    "decembris gruodžio gruodis ديسمبر دجنبر كانون_الأول دسامبر دسمبر דצמבר दिसंबर "
    "दिसम्बर"), start=1)
    for name in (word.replace("_", " ") for word in names.split()))
_MONTHS.update(("ב" + name, number) for name, number in list(_MONTHS.items())
               if "\u05d0" <= name[0] <= "\u05ea")
#: The months that follow a day written as an ordinal in Croatian, Bosnian, Serbian,
#: Slovenian, Slovak and Estonian (``4. svibnja 2011.``, ``4. mája 2011``, ``4. мај 2011.``).
#: Croatian's ``listopad`` is October, where Polish and Czech's is November: after an
#: ordinal, ``listopada`` is Croatian (Polish writes no full stop after the day, Czech writes
#: ``listopadu``); ``listopad`` alone stays Czech.
_DOTTED_DAY_MONTHS.update((name, number) for number, names in enumerate((
    "siječnja siječanj јануар januára január jaanuar",
    "veljače veljača фебруар februára február veebruar",
    "ožujka ožujak март mart marca marec märts",
    "travnja travanj април apríla apríl aprill",
    "svibnja svibanj мај mája máj",
    "lipnja lipanj јун jun junij júna jún juuni",
    "srpnja srpanj јул jul julij júla júl juuli",
    "kolovoza kolovoz август avgust augusta",
    "rujna rujan септембар septembar septembra",
    "listopada октобар oktobar októbra október oktoober",
    "studenoga studenog studeni новембар novembar novembra",
    "prosinca prosinac децембар decembar decembra detsember"), start=1)
    for name in names.split())
for _name, _number in _DOTTED_DAY_MONTHS.items():
    _MONTHS.setdefault(_name, _number)


def _fold(word: str) -> str:
    """*word* lower-cased without its marks, as the month tables are looked up: ``ΜΑΪΟΥ``
    and ``Μαΐου``, Turkish ``MAYIS`` and ``mayıs``, ``fevrier`` and ``février`` are one."""
    word = unicodedata.normalize("NFD", word.lower().replace("ı", "i"))
    return "".join(c for c in word if not unicodedata.combining(c)).replace("ς", "σ")


def _spellings(table: dict[str, int]) -> dict[str, int]:
    """*table*'s names as written, and its Greek ones without their accents (Greek in
    capitals drops its tonos and keeps its diaeresis: ``ΜΑΪΟΥ``) and without any mark
    (``MAIOY``). (The other languages' spellings without marks are listed where they are
    written so, ``fevrier``: each variant is a branch more for every regex holding them.)"""
    out = dict(table)
    for name, number in table.items():
        if not any("\u0370" <= c <= "\u03ff" for c in name):
            continue
        bare = unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).replace("\u0301", ""))
        out.setdefault(bare, number)
        out.setdefault(_fold(name), number)
    return out


_MONTHS = _spellings(_MONTHS)
_DOTTED_DAY_MONTHS = _spellings(_DOTTED_DAY_MONTHS)
#: The months' numbers by their folded names (:func:`_fold`).
_MONTH_NUMBER = {_fold(name): number for name, number in _MONTHS.items()}
_DOTTED_MONTH_NUMBER = {_fold(name): number for name, number in _DOTTED_DAY_MONTHS.items()}
#: Arabic releases name a month by both its names, Egypt's and the Levant's: ``5 مايو/أيار
#: 2011``.
_ARABIC_MONTHS = [name for name in _MONTHS if "\u0600" <= name[0] <= "\u06ff"]

def _trie(words) -> str:
    """A regex matching any of *words*, as a trie (``jan(?:uary|vier|uar)?``…): the regex
    engine tries a branch per letter instead of every word at every position."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def walk(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(c) + walk(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        inner = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{inner})?" if len(branches) > 1 or len(inner) > 1 else inner + "?"
        return inner

    return "(?:" + walk(tree) + ")"


_MONTH = r"(?P<month>" + _trie(_MONTHS) + r")\.?"
#: The weekdays' names before a date (``mercredi 27 avril 2011``); ``_`` joins the words of
#: one name.
_WEEKDAYS = [name.replace("_", " ") for name in (
    "monday tuesday wednesday thursday friday saturday sunday "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miércoles miercoles jueves viernes sábado sabado domingo "
    "segunda-feira terça-feira terca-feira quarta-feira quinta-feira sexta-feira "
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag "
    "lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi sabato "
    "domenica maandag dinsdag woensdag donderdag vrijdag zaterdag zondag "
    "måndag mandag tisdag tirsdag onsdag torsdag fredag lördag lørdag lordag söndag "
    "sondag søndag poniedziałek poniedzialek wtorek środa sroda czwartek piątek piatek "
    "sobota niedziela pondělí pondeli úterý utery středa streda čtvrtek ctvrtek pátek patek "
    "neděle nedele maanantaina tiistaina keskiviikkona torstaina perjantaina lauantaina "
    "sunnuntaina maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai").split()]
#: The weekdays of the languages and scripts added since (Russian ``среда``, Arabic
#: ``الأربعاء``…): some are also words of names and places (``Cox's Bazar``, ``Abdul Ahad``,
#: ``Khamis``), so they open a date only where no word comes right before them on its line.
_MORE_WEEKDAYS = [name.replace("_", " ") for name in (
    # Russian, Ukrainian, Belarusian, Bulgarian, Serbian and Macedonian
    "понедельник вторник среда четверг пятница суббота воскресенье понеділок вівторок "
    "середа четвер пʼятниця п'ятниця п’ятниця субота неділя панядзелак аўторак серада "
    "чацвер пятніца нядзеля понеделник сряда четвъртък петък събота неделя понедељак "
    "уторак четвртак петак недеља четврток петок сабота недела "
    # Croatian, Bosnian, Serbian, Slovenian, Slovak; Romanian; Azerbaijani; Greek
    "ponedjeljak utorak srijeda četvrtak petak subota nedjelja ponedeljak sreda nedelja "
    "ponedeljek torek četrtek petek pondelok utorok štvrtok piatok nedeľa luni marți miercuri joi "
    "vineri sâmbătă duminică bazar_ertəsi çərşənbə_axşamı çərşənbə cümə_axşamı cümə şənbə "
    "bazar δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο κυριακή "
    # Indonesian, Malay, Swahili, Estonian, Latvian, Lithuanian
    "senin selasa rabu kamis jumat sabtu minggu isnin khamis jumaat ahad jumatatu jumanne "
    "jumatano alhamisi ijumaa jumamosi jumapili esmaspäev teisipäev kolmapäev neljapäev "
    "reede laupäev pühapäev pirmdiena otrdiena trešdiena ceturtdiena piektdiena sestdiena "
    "svētdiena "
    # Arabic, Persian, Urdu, Hebrew, Hindi
    "الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد دوشنبه سه‌شنبه سه_شنبه "
    "چهارشنبه پنجشنبه جمعه شنبه یکشنبه پیر منگل بدھ جمعرات جمعہ ہفتہ اتوار יום_שני "
    "יום_שלישי יום_רביעי יום_חמישי יום_שישי יום_שבת יום_ראשון सोमवार मंगलवार बुधवार "
    "गुरुवार शुक्रवार शनिवार रविवार").split()]
_WEEKDAY = ("(?:" + _trie(_WEEKDAYS)
            + r"|(?<![\w'’.-][ \t])" + _trie(_spellings(dict.fromkeys(_MORE_WEEKDAYS, 0)))
            + "|" + _trie("mon tue tues wed thu thur fri sat sun".split()) + r"\.?)[,،]?\s+"
            # Danish and Norwegian: ``onsdag den 4. maj 2011``
            r"(?:den\s+)?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?"
_YEAR = r"(?P<year>(?:1[89]|2\d)\d\d)"
#: What follows a year in Russian, Ukrainian, Bulgarian, Serbian (``4 мая 2011 г.``, ``2011
#: року``, ``2011. године``) and Arabic (``2011م``, *of the Christian era*), on its line; not
#: an initial in capitals (``5 травня 2011 Р. Шевченко``), which ``Г.`` is but at a line's
#: end (``4 АПРЕЛЯ 2011 Г.``).
_AFTER_YEAR = (r"(?:[^\S\n\r]*(?-i:г\.|р\.|[ГР]\.(?![^\S\n\r]*\w))"
               r"|[^\S\n\r]+(?:року|года|году)(?!\w)|\.?[^\S\n\r]+(?:године|godine)(?!\w)"
               r"|[^\S\n\r]?(?-i:م)(?![\w\u064b-\u065f]))?")
#: The weekday after a Turkish date (``4 Mayıs 2011 Çarşamba``), after a Turkish month only.
_TURKISH_MONTHS = ("ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık "
                   "subat mayis agustos eylul kasim aralik").split()
#: The weekday after a date in Chinese, Japanese and Korean (``星期三``, ``水曜日``,
#: ``수요일``, ``(水)``).
_EAST_ASIAN_WEEKDAY = (r"(?:[^\S\n\r]*(?:[(（](?:星期|週|周|礼拜|禮拜)?"
                       r"[一二三四五六日天月火水木金土월화수목금토일][)）]"
                       r"|(?:星期|週|周|礼拜|禮拜)[一二三四五六日天]|[月火水木金土日]曜日?"
                       r"|[월화수목금토일]요일))?")
_DATE_PATTERNS = [
    "§W§" + rf"(?P<month>{_trie(_MONTH_FIRST)})\.?\s+{_DAY},?\s+{_YEAR}",  # April 27, 2011
    # 27 April 2011, 27th of April, 1er mai 2011, 4 de mayo de 2011, 4 мая 2011 г.,
    # ٥ مايو/أيار ٢٠١١, 4 مئی، 2011
    "§W§" + rf"{_DAY}\s+(?:of\s+|de\s+)?{_MONTH}(?:\s*/\s*{_trie(_ARABIC_MONTHS)})?"
    rf"[,،]?\s+(?:de\s+)?{_YEAR}{_AFTER_YEAR}",
    rf"{_YEAR}-(?P<nmonth>[01]\d)-(?P<nday>[0-3]\d)",       # 2011-04-27
    # 4. März 2011, 5. maj 2011, 4. svibnja 2011.: a day with a full stop, before the month
    # of a language that writes its days so only
    "§W§" + rf"(?P<day>[0-3]?\d)\.\s*"
    rf"(?P<dmonth>{_trie(_DOTTED_DAY_MONTHS)})\s+{_YEAR}{_AFTER_YEAR}",
    rf"{_YEAR}\.\s*(?P<month>{_trie(_HUNGARIAN_MONTHS)})\s+(?P<day>[0-3]?\d)\."
    r"(?:,?\s+(?:hétfő|kedd|szerda|csütörtök|péntek|szombat|vasárnap)(?!\w))?",
    # Chinese and Japanese ``2011年5月4日``, Korean ``2011년 5월 4일``, Vietnamese ``ngày 4
    # tháng 5 năm 2011`` and ``4 tháng 5, 2011``, Turkish with its weekday after (``4 Mayıs
    # 2011 Çarşamba``), Lithuanian ``2011 m. gegužės 4 d.``, Latvian ``2011. gada 4. maijs``
    rf"{_YEAR}\s*年\s*(?P<nmonth>1[0-2]|0?[1-9])\s*月\s*(?P<nday>[0-3]?\d)\s*日"
    rf"{_EAST_ASIAN_WEEKDAY}",
    rf"{_YEAR}년\s*(?P<nmonth>1[0-2]|0?[1-9])월\s*(?P<nday>[0-3]?\d)일{_EAST_ASIAN_WEEKDAY}",
    r"(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật),?\s+)?(?:ngày\s+)?"
    rf"{_DAY}\s+tháng\s+(?P<nmonth>1[0-2]|0?[1-9]),?\s+(?:năm\s+)?{_YEAR}",
    rf"{_DAY}\s+(?P<month>{_trie(_TURKISH_MONTHS)})\s+{_YEAR}\s+(?:pazartesi|salı|sali|"
    r"çarşamba|carsamba|perşembe|persembe|cumartesi|cuma|pazar)(?!\w)",
    rf"{_YEAR}\s*m\.\s+(?P<month>"
    + _trie("sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio "
            "lapkričio gruodžio".split()) + r")\s+(?P<day>[0-3]?\d)\s*d\.?"
    r"(?:,\s+(?:pirmadienis|antradienis|trečiadienis|treciadienis|ketvirtadienis|"
    r"penktadienis|šeštadienis|sestadienis|sekmadienis)(?!\w))?",
    "§W§" + rf"{_YEAR}\.\s*gada\s+(?P<day>[0-3]?\d)\.\s*(?P<month>"
    + _trie("janvāris februāris marts aprīlis maijs jūnijs jūlijs augusts septembris oktobris "
            "novembris decembris".split()) + ")",
]
#: What a text holds if a date of each of :data:`_DATE_PATTERNS` may be in it (none: any
#: may): the forms of few languages are not searched for in a text without their words.
_DATE_HINTS = [(), (), (), (), (), ("年",), ("년",), ("háng", "HÁNG"), (), ("m.", "M."),
               ("gada", "GADA")]
#: Chinese, Japanese and Korean characters, which precede and follow a date without a space
#: (``于2011年5月4日在``): next to a date, no letters of a word it would be part of.
_UNSPACED_LETTERS = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff"
#: Where a date may start: not inside a word (``x27 April``), but after one of
#: :data:`_UNSPACED_LETTERS`. Searched for, each pattern tries only there: at every
#: character, the names of 25 languages' weekdays and months before a date made a release
#: take a third longer to parse.
_DATE_START = f"(?<![^\\W_{_UNSPACED_LETTERS}])"
#: Each pattern, compiled once (the date patterns are most of what importing the parser
#: takes), those of a few languages' forms when a text first holds their words: ``date_at``
#: and ``parse_date`` match them where a date may start too.
_DATE_SOURCES = [(hints, _DATE_START + p.replace("§W§", f"(?:{_WEEKDAY})?"))
                 for hints, p in zip(_DATE_HINTS, _DATE_PATTERNS, strict=True)]
_DATE_COMPILED: list[re.Pattern[str] | None] = [
    None if hints else _PATTERNS.compile(p, re.IGNORECASE) for hints, p in _DATE_SOURCES]


def _date_regexes(text: str, start: int, end: int) -> Iterator[re.Pattern[str]]:
    """The date patterns that may match in ``text[start:end]``, in order: those with hints
    (:data:`_DATE_HINTS`) only where the text holds one, compiled the first time."""
    for k, (hints, pattern) in enumerate(_DATE_SOURCES):
        if hints:
            if all(text.find(hint, start, end) < 0 for hint in hints):
                continue
            if _DATE_COMPILED[k] is None:
                _DATE_COMPILED[k] = _PATTERNS.compile(pattern, re.IGNORECASE)
        yield _DATE_COMPILED[k]  # type: ignore[misc]
_DATE_WORDS = (r"(?:(?:Published|Posted|Released|Issued|Dated|Date)(?:\s+on)?"
               r"|Publi[ée]e?(?:\s+le)?|Publicad[oa](?:\s+(?:el|em))?|Ver[öo]ffentlicht(?:\s+am)?"
               r"|Pubblicat[oa](?:\s+il)?|Gepubliceerd(?:\s+op)?|Publicerad(?:\s+den)?"
               r"|Offentliggjort(?:\s+den)?|Publisert|Opublikowano(?:\s+dnia)?"
               r"|Zve[řr]ejn[ěe]no|Publikov[áa]no|Julkaistu"
               # Russian, Ukrainian, Bulgarian, Serbian, Croatian and Slovenian, Slovak,
               # Greek, Romanian, Turkish, Indonesian and Malay, Estonian, Lithuanian,
               # Latvian; Arabic, Persian, Hebrew; Chinese, Japanese, Korean, Vietnamese
               r"|Опубликовано|Опубліковано|Публикувано|Објављено|Objavljeno|Publikované"
               r"|Δημοσιε[υύ](?:θηκε|τηκε)|Publicat(?:\s+(?:pe|la|în))?"
               r"|Yay[ıi]n(?:lanma)?\s+tarihi|Diterbitkan(?:\s+pada)?|Dipublikasikan(?:\s+pada)?"
               r"|Avaldatud|Paskelbta|Publicēts|(?:تاريخ\s+)?النشر|نُ?شر(?:ت)?(?:\s+في)?"
               r"|منتشر\s+شده(?:\s+در)?|תאריך\s+פרסום|פורסם(?:\s+ב-?)?"
               r"|发布(?:时间|日期)|發佈(?:時間|日期)|發布(?:時間|日期)|公開日|発表日|掲載日"
               r"|게시일|발표일|등록일|Ngày\s+đăng|Đăng\s+ngày)")
_PUBLISHED_RE = _PATTERNS.compile(rf"^\s*{_DATE_WORDS}\s*[:：]?\s*(?P<date>.+?)\s*\.?\s*$",
                           re.IGNORECASE)
#: ``Published on``, ``Date:``, ``Posted by Jane Roe on`` before the date on the line under
#: the title.
_DATE_LABEL_RE = _PATTERNS.compile(
    rf"(?:Posted|Published|Written|Submitted)\s+by\s+[^\n]{{1,60}}?\s+on\s+"
    rf"|{_DATE_WORDS}\s*(?:[:：]\s*|\s+)",
    re.IGNORECASE)
#: The words of a press release's own label: ``Press release``, ``MEDIA ADVISORY``.
_RELEASE_LABEL = r"(?:press|news|media)\s+(?:release|advisory|statement|alert|notice|note)"
#: A time after the date on a date line: ``10:32 GMT``, ``at 3 p.m. EST``, ``| 14.05``.
#: (Each run of spaces is matched by one ``\s*``: two side by side made a line of spaces
#: after a date take time as its length squared.)
_TIME_RE = _PATTERNS.compile(
    r"\s*(?:(?:[,|@–—-]|at)\s*)?\d{1,2}(?:[:.]\d\d(?:\s*[ap]\.?m\.?)?|\s*[ap]\.?m\.?)"
    r"(?:\s*\(?[A-Z]{2,5}(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?\)?)?\s*$", re.IGNORECASE)
#: A line (stripped) that marks the end of the release: ``###`` or ``# # #``, ``***``, ``-30-``,
#: ``-ENDS-``, ``Ends.``. Not ``* * *``, which breaks a text into parts; not ``ends.`` either,
#: a wrapped sentence's last word.
_END_MARK_RE = _PATTERNS.compile(
    r"(?:#(?:[ \t]*#){2,}|\*{3,}|-[ \t]*30[ \t]*-|[-–—]*[ \t]*(?:END|ENDS|Ends)\.?[ \t]*[-–—]*)$")
#: A paragraph that starts what follows the release (its first line, stripped): ``About the
#: Example Institute`` (a heading, or ``About X:``), ``Notes to editors``, a press contact
#: (``Media contact:``, ``Media enquiries:``, or a heading alone on its line: ``Contacts``,
#: ``Press office``), ``For more information`` (a heading in any case, or ``For more
#: information, contact …``, ``For media enquiries, call …``), ``Further information``, a
#: press wire's ``Forward-Looking Statements`` (the cautionary note every release of a listed
#: company carries) and its ``SOURCE Nordwind Energy, Inc.`` line. Not a sentence of the
#: release that starts with the same words: ``About the dialogue, Jane Roe said: …``, ``Notes
#: to editors were withheld``, ``Contacts: with diplomats …``, ``Contacts between the two
#: sides resumed``, ``For further information on the detentions, the group interviewed …``.
_BOILERPLATE_RE = _PATTERNS.compile(
    r"(?:About\s+(?:[Uu]s|the\s+[A-Z]|[A-Z])[^.!?:,\n]{0,80}(?:$|:)"
    r"|(?:Notes?|NOTES?)\s+(?:to|TO|for|FOR)\s+(?:[Ee]ditors?|EDITORS?)\s*(?:$|:|\d)"
    r"|(?:Editor|EDITOR)['’](?:s|S)\s+(?:[Nn]otes?|NOTES?)\s*(?:$|:)"
    # a heading, before a colon or alone on its line (the colon then before no word in
    # lower case, which goes on a sentence): a contact's, further information's, a
    # cautionary note's
    r"|(?i:(?:(?:media|press|news|investors?)\s+)?(?:contacts?|enquiries|inquiries)"
    r"|(?:press|media)\s+(?:office|relations)"
    r"|(?:for\s+)?(?:more|further|additional)\s+information"
    r"|(?:(?:cautionary\s+)?(?:note|statement|language)\s+(?:regarding|concerning|relating\s+to"
    r"|on|about)\s+)?forward[-\s]looking\s+(?:statements?|information)"
    r"|safe\s+harbou?r(?:\s+statement)?)(?:\s*:(?!\s*[a-z]+\s)|$)"
    # a press wire's last line, naming the sender (not a sentence in capitals)
    r"|SOURCE[ \t]+(?=[^\n]*[a-z])[A-Z][\w.&'’-]*(?:,?[ \t]+(?:[A-Z][\w.&'’-]*|of|and|the|for|&))*$"
    r"|(?:For|FOR)\s+(?i:(?:more|further)\s+information|(?:media|press)\s+(?:enquiries|inquiries))"
    r"\b[^.!?\n]{0,100}?(?:$|:|www\.|https?:|\b(?:please|contact|call|visit|see|go\s+to"
    r"|e-?mail|write\s+to|reach|click|phone|telephone)\b))"
)
#: A closing heading or mark that may as well head a part of the release (``***`` between
#: parts, ``Further information`` on the subject): the end only before a closing section.
_BARE_HEADING_RE = _PATTERNS.compile(r"(?i:(?:more|further|additional)\s+information)\s*:?$|\*{3,}$")
#: A line of a contact: an address, a link, a telephone number.
_CONTACT_LIKE_RE = _PATTERNS.compile(r"@|https?://|www\.|\+?\d[\d ()./-]{6,}\d")
#: What a release may carry above its title: a label (``FOR IMMEDIATE RELEASE``,
#: ``PRESS RELEASE``, ``MEDIA ADVISORY``, ``UNOFFICIAL TRANSLATION``; alone, in brackets or
#: with a date), an embargo (``EMBARGOED UNTIL …``, ``UNDER EMBARGO UNTIL …``, ``NOT FOR
#: PUBLICATION BEFORE …``), a press contact. ``embargo`` is one only before what an embargo
#: says (a time, a date, ``until``): ``Embargo on arms sales lifted`` is a headline.
_LABEL_RE = _PATTERNS.compile(
    r"[(\[]?[ \t]*"
    rf"(?:for\s+immediate\s+release|immediate\s+release|for\s+release|{_RELEASE_LABEL}|"
    r"(?:public|joint)\s+statement|(?:press\s+)?briefing\s+notes?|"
    # a translation's note: ``Unofficial translation``, ``Traduction non officielle``
    r"(?:unofficial|non-?official|informal|courtesy|working|provisional|machine)\s+"
    r"(?:[a-z]+\s+)?translation|traduction\s+(?:non[\s-]officielle|de\s+courtoisie|informelle)"
    r"|traducci[oó]n\s+(?:no\s+oficial|de\s+cortes[ií]a)|(?:inoffizielle|nichtamtliche)\s+[üu]bersetzung|"
    # ordinary words: a label only right above a headline
    r"(?P<weak>statement|fact\s+sheet|readout)|"
    r"(?P<embargo>(?:strict(?:ly)?\s+)?(?:under\s+(?:strict\s+)?|sous\s+)?embargo(?:ed)?"
    r"(?=[ \t]*(?:$|[:(–—\d-]|(?:until|till|til|before|prior\s+to|jusqu|mon|tue|wed|thu|fri|sat|sun)"
    r"|(?:to|for|at|on)[ \t]+\d))"
    r"|embargad[oa]|sperrfrist|hold\s+for\s+release"
    r"|not?\s+(?:for|to\s+be)\s+(?:[a-z]+\s+){1,5}?(?:before|until|till|prior\s+to)))"
    r"\b[\s:.,–—)\]-]*(?P<rest>.*)$",
    re.IGNORECASE,
)
#: Where a release's label follows the name of who issues it on one line (``European
#: Commission - Press release``, ``UEFA Media Release``): the label's words.
_ISSUED_LABEL_RE = _PATTERNS.compile(rf"(?<=[\s|:–—-]){_RELEASE_LABEL}\b", re.IGNORECASE)
#: The little words of an issuer's name (``House of Commons``, ``Ministry for Europe and
#: Foreign Affairs``): the others start with a capital or a digit.
_NAME_JOINERS = frozenset("of for and the on in de du des la le et & -".split())
#: A note to the reader above the title, not the release: a correction (``CORRECTION: This
#: release replaces …``, ``CORRECTED VERSION``), an editor's note. One with a text is one only
#: when its text is a sentence (ends with one, or goes on onto the next line): ``Correction:
#: figures misquoted`` is a headline, and so is ``Corrections officers win pay rise``.
_NOTE_RE = _PATTERNS.compile(
    r"[(\[]?[ \t]*(?:correct(?:ion|ed)(?:[ \t]+(?:notice|version|release))?"
    r"|editors?['’]?s?[ \t]+note|note[ \t]+(?:to|for)[ \t]+editors?)\b"
    r"[ \t]*(?P<mark>[:–—)\]-]?)[ \t]*(?P<rest>.*)$",
    re.IGNORECASE,
)
#: A line that ends a sentence, a colon aside.
_SENTENCE_END_RE = _PATTERNS.compile(r"[.!?…][\"”’')\]]*$")
#: An e-mail's header line, as a mail program prints or forwards it (``From: …``,
#: ``Sent: Wednesday, April 27, 2011 10:12 AM``, ``Subject: …``), and what a forward puts
#: above it (``-----Original Message-----``, ``---------- Forwarded message ---------``).
_MAIL_FIELD_RE = _PATTERNS.compile(
    r"(?P<field>From|Sent|Date|To|Cc|Bcc|Subject|Re|Reply-To|Importance)[ \t]*:[ \t]*(?P<value>.*)$",
    re.IGNORECASE)
_MAIL_MARK_RE = _PATTERNS.compile(
    r"-{2,}[ \t]*(?:Original Message|Forwarded message)[ \t]*-{2,}|Begin forwarded message:$",
    re.IGNORECASE)
#: What a mail program puts before a subject it forwards or replies to.
_SUBJECT_PREFIX_RE = _PATTERNS.compile(r"(?:(?:fwd?|fw|re|aw|tr|wg)[ \t]*:[ \t]*)+", re.IGNORECASE)
#: A publisher's reference number on a line of its own: ``AI Index: ASA 17/021/2011``,
#: ``Ref.: 2012/33``, ``Release No. 12-034``.
_REFERENCE_RE = _PATTERNS.compile(
    r"(?:[A-Z]{1,5}\s+)?(?:index|ref(?:erence)?|release|document|doc|statement|press\s+release)"
    r"\.?\s*(?:(?:no\.?|number|#)\s*:?|:)\s*(?=[^\n]{0,40}\d)(?P<code>[\w/.() -]{1,40})$"
    r"|No\.\s*\d[\w/.-]*$",
    re.IGNORECASE,
)


def _issuer_name(words: str) -> bool:
    """Do *words* read as a name (``European Commission``, ``UEFA``, ``House of Commons
    Treasury Committee``): a few words, each starting with a capital or a digit but the
    little words that join a name's?"""
    split = words.split()
    return 0 < len(split) <= 8 and split[0][0].isupper() and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in _NAME_JOINERS for w in split)


def _reference(line: str) -> bool:
    """Is *line* a reference number (``AI Index: ASA 17/021/2011``), not a headline that
    starts like one (``Statement Number 0 Is Here``): every word of its code has a digit,
    is in capitals or in brackets."""
    m = _REFERENCE_RE.match(line)
    return m is not None and all(
        any(c.isdigit() for c in word) or word.isupper() or word.startswith("(")
        or not any(c.isalpha() for c in word)
        for word in (m.group("code") or "").split())
#: A rule drawn across the page: ``_____``, ``=====``, ``* * *``.
_RULE_RE = _PATTERNS.compile(r"(?:[_=~-]{3,}|(?:\*\s*){3,})$")
_CONTACT_RE = _PATTERNS.compile(
    r"(?:(?:media|press|news)\s+)?(?:contacts?|enquiries|inquiries)\s*:", re.IGNORECASE)
#: A line that goes on a press contact: an address, a telephone number, a labelled field.
_CONTACT_MORE_RE = _PATTERNS.compile(
    r"@|\+?\d[\d\s().-]{6,}\d|^(?:tel|phone|mobile|cell|e-?mail|fax|web)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _DateMatch:
    start: int
    end: int
    value: _dt.date | None  # None: looks like a date but does not exist (31 February)
    written: str


def _date_from(match: re.Match[str]) -> _dt.date | None:
    """The day a match of :data:`_DATE_PATTERNS` names."""
    year = month = day = None
    for kind, value in match.groupdict().items():
        if value is None:
            continue
        if kind == "year":
            year = int(value)
        elif kind in ("day", "nday"):
            day = int(value)
        elif kind == "nmonth":
            month = int(value)
        elif kind == "month":
            month = _MONTH_NUMBER[_fold(value)]
        elif kind == "dmonth":
            month = _DOTTED_MONTH_NUMBER[_fold(value)]
    try:
        return _dt.date(year, month, day)  # type: ignore[arg-type]
    except ValueError:
        return None


#: A year as every date of :data:`_DATE_PATTERNS` writes it: a text without one holds no
#: date, and is not searched with the patterns (a third of the time a release takes to
#: parse went into searching lines without a date for one).
_HAS_YEAR = _PATTERNS.compile(r"(?:1[89]|2\d)\d\d")
#: Arabic's and Persian's digits (``٥ مايو ٢٠١١``, ``۵ مه ۲۰۱۱``), read as ASCII's: one
#: character for one, so the offsets of a date found in the text read so are the text's.
_EASTERN_DIGITS = _PATTERNS.compile("[\u0660-\u0669\u06f0-\u06f9]")
_ASCII_DIGITS = str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
                              "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
                              "01234567890123456789")


def _western(text: str, start: int, end: int) -> str:
    """*text* with Arabic's and Persian's digits in ``text[start:end]`` as ASCII's."""
    if not _EASTERN_DIGITS.search(text, start, end):
        return text
    return text[:start] + text[start:end].translate(_ASCII_DIGITS) + text[end:]


#: A character after a date that would make it part of a longer word (what
#: :data:`_DATE_START` is before one).
_JOINED = _PATTERNS.compile(f"[^\\W_{_UNSPACED_LETTERS}]")


def _joined(char: str) -> bool:
    """Would *char*, after a date, make it part of a longer word?"""
    return _JOINED.match(char) is not None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[_DateMatch]:
    """Every date written out in ``text[start:end]`` (month names or ISO), in order."""
    end = len(text) if end is None else end
    found: list[_DateMatch] = []
    read = _western(text, start, end)
    if not _HAS_YEAR.search(read, start, end):
        return found
    for regex in _date_regexes(text, start, end):
        for m in regex.finditer(read, start, end):  # each starting as _DATE_START says
            if m.end() < len(text) and _joined(text[m.end()]):
                continue
            found.append(_DateMatch(m.start(), m.end(), _date_from(m), text[m.start():m.end()]))
    found.sort(key=lambda d: (d.start, -d.end))
    kept: list[_DateMatch] = []
    for d in found:
        if kept and d.start < kept[-1].end:
            continue
        kept.append(d)
    return kept


def date_at(text: str, pos: int, end: int | None = None) -> _DateMatch | None:
    """The date written at exactly *pos* (not only somewhere after it), if any."""
    end = min(len(text) if end is None else end, pos + 60)
    read = _western(text, pos, end)
    if not _HAS_YEAR.search(read, pos, end):
        return None
    for regex in _date_regexes(text, pos, end):
        m = regex.match(read, pos, end)
        if m and not (m.end() < len(text) and _joined(text[m.end()])):
            return _DateMatch(m.start(), m.end(), _date_from(m), text[m.start():m.end()])
    return None


def parse_date(value: str) -> _dt.date | None:
    """A single date written as ``2011-04-27``, ``April 27, 2011`` or ``27 April 2011``, or
    as a release in another language writes it (``27 avril 2011``, ``27 de abril de 2011``,
    ``27. April 2011``, ``27 aprile 2011``, ``27 апреля 2011 г.``, ``2011年4月27日``: see
    :data:`_DATE_PATTERNS`). A full stop after it ends a sentence (``4. svibnja 2011.``)."""
    value = value.strip().translate(_ASCII_DIGITS)
    for written in (value, value[:-1].rstrip()) if value.endswith(".") else (value,):
        for regex in _date_regexes(written, 0, len(written)):
            m = regex.fullmatch(written)
            if m:
                return _date_from(m)
    return None


# --------------------------------------------------------------------------- decoding

#: Byte-order marks, UTF-32 before UTF-16 (whose little-endian mark begins UTF-32's):
#: ``(mark, codec of the bytes after it, encoding as reported)``.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


#: Bytes that text holds only by accident: C0 controls but tab, line ends and form feed; DEL.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f") + b"\x7f"


def decode(data: bytes, name: str) -> tuple[str, str, list[Problem]]:
    """Decode a release's bytes: BOM first, then UTF-8, then Windows-1252, then Latin-1.

    Returns ``(text, encoding, problems)``. A fallback is always reported.
    """
    problems: list[Problem] = []
    for bom, codec, encoding in BOMS:
        if data.startswith(bom):
            data = data[len(bom):]
            try:
                return data.decode(codec), encoding, problems
            except UnicodeDecodeError as exc:
                problems.append(Problem(name, None, "error", "release_encoding",
                                        f"starts with a {encoding} byte-order mark but is not "
                                        f"valid {encoding}: {exc.reason}; undecodable bytes "
                                        "are shown as \ufffd"))
                return data.decode(codec, errors="replace"), encoding, problems
    sample = data[:8192]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # in C, not per byte
    if data.count(0) > max(1, len(data) // 100) or (controls >= 2 and controls > len(sample) // 10):
        problems.append(Problem(name, None, "error", "release_binary",
                                "looks like a binary file, not text (NUL or other control bytes); "
                                "undecodable bytes are shown as \ufffd"))
        return data.decode("utf-8", errors="replace"), "binary", problems
    try:
        return data.decode("utf-8"), "utf-8", problems
    except UnicodeDecodeError as exc:
        # lines as the parser counts them (``\r`` alone too: old Mac files); Latin-1 is one
        # character a byte
        line = line_number(data[:exc.start].decode("latin-1"), exc.start)
        bad = data[exc.start:exc.start + 1].hex()
        where = f"byte 0x{bad} at offset {exc.start}"
    for encoding, label in (("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        problems.append(Problem(name, line, "warning", "release_encoding",
                                f"not valid UTF-8 ({where}); decoded as {label}"))
        return text, encoding, problems
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


# --------------------------------------------------------------------------- lines

_NEWLINE_RE = _PATTERNS.compile(r"\r\n|\r|\n")


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line, without its line break."""
    lines = []
    pos = 0
    for m in _NEWLINE_RE.finditer(text):
        lines.append((pos, m.start()))
        pos = m.end()
    if pos < len(text) or not lines:
        lines.append((pos, len(text)))
    return lines


def line_number(text: str, offset: int) -> int:
    """1-based line of *offset* in *text* (``\\r\\n``, ``\\r`` and ``\\n`` end lines)."""
    head = text[:offset]
    return head.count("\n") + head.count("\r") - head.count("\r\n") + 1


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] == "\ufeff"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --------------------------------------------------------------------------- parsing

def _ranges(chars: Iterable[str]) -> str:
    """*chars* for a character class, each run of consecutive code points as a range."""
    points = sorted(map(ord, chars))
    out: list[str] = []
    i = 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        out.append(chr(points[i]) if i == j else
                   chr(points[i]) + ("" if j == i + 1 else "-") + chr(points[j]))
        i = j + 1
    return "".join(out)


#: The capital letters a name may start with: ``A``–``Z``, the Latin ones with marks
#: (``Óscar Arias``, ``Élise``, ``Łukasz``, ``Ştefan``), Greek, Cyrillic and Armenian
#: (``Μαρία``, ``Андрей``, ``Олена``), for a character class; written as ranges (the class
#: is in every word of a speaker's name, and a regex takes the longer to compile).
_CAPITALS = "A-Z" + _ranges(c for c in map(chr, chain(range(0xC0, 0x250), range(0x370, 0x590)))
                            if c.isupper())
#: The letters of the scripts that have no capitals and write names as other words:
#: Arabic (Persian's and Urdu's too) and Hebrew, and what a word of them holds besides
#: (vowel marks, Persian's zero-width non-joiner, Hebrew's geresh).
_UNCASED = "\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u05d0-\u05ea"
_UNCASED_WORD = rf"[{_UNCASED}][{_UNCASED}\u064b-\u065f\u0670\u200c\u05f3\u05f4'’]*"
#: A word of a place: a hyphen only inside it (``Winston-Salem``), so that the place of
#: ``CHICAGO--(BUSINESS WIRE)--`` is ``CHICAGO``.
_PLACE_WORD = rf"[{_CAPITALS}](?:[\w.'’&]|-(?=\w))*"
_DATELINE_WORD = rf"(?:{_PLACE_WORD}|of|de|del|la|le|am|upon|on)"
#: Any date of :data:`_DATE_PATTERNS`, without their named groups.
#: The weekday's names once before them all (not once in each pattern: the regexes holding
#: them took three times as long to compile), so a weekday may come before any form.
_ANY_DATE = (f"(?:(?:{_WEEKDAY})?(?:" + "|".join(re.sub(r"\(\?P<\w+>", "(?:", p.replace("§W§", ""))
                                                 for p in _DATE_PATTERNS) + "))")
#: A dash between the parts of a dateline, spaced or not.
_DASH = r"(?:--?|[–—]{1,2})"
_DATELINE_RE = _PATTERNS.compile(
    rf"(?P<place>{_PLACE_WORD}(?:,?\s{{1,2}}{_DATELINE_WORD}){{0,6}})"
    r"(?P<extra>(?:,\s*[^–—\n]{3,30}?)?\s*(?:\([^()\n]{1,40}\))?)"
    # a newswire's credit in brackets between dashes (``CHICAGO--(BUSINESS WIRE)--``,
    # ``Vancouver, British Columbia--(Newsfile Corp. - May 12, 2025) -``), then the dash,
    # spaced or (``GENEVA—The``) not
    rf"(?:[ \t]*{_DASH}[ \t]*\((?P<wire>[^()\n]{{1,40}})\)[ \t]*{_DASH}(?:[ \t]+|(?=\w))"
    r"|\s*(?:[–—]{1,2}|--?)\s+|[–—](?=[A-Z“\"]))"
)
#: After a dateline's dash, a date and another dash (``NEW YORK – May 5, 2012 – ``,
#: ``CHICAGO--(BUSINESS WIRE)--May 12, 2025--``): read with :func:`date_at`, not written
#: into the regex above (the dates' names made it the slowest of the parser's to compile).
_DASH_AFTER_DATE_RE = _PATTERNS.compile(rf"\s*{_DASH}(?:\s+|(?=[A-Z“\"]))")
_UNCASED_LETTER = _PATTERNS.compile(f"[{_UNCASED}]")
#: A word of a place in a script without capitals: not *today* nor a weekday, which end a
#: sentence's opening words before a date (``أعلنت الشركة اليوم الخميس، 5 مايو 2011 –``,
#: *the company announced today, Thursday*), nor *on* (``في``).
_UNCASED_PLACE_WORD = (
    "(?!(?:اليوم|היום|امروز|في|" + "|".join(w for w in _MORE_WEEKDAYS if _UNCASED_LETTER.match(w))
    + rf")(?![\w\u064b-\u065f]))(?:{_UNCASED_WORD})")
#: A dateline in a script without capitals, which says it is a place only by the date after
#: it: ``القاهرة، 5 مايو/أيار 2011 –``, ``ירושלים, 5 במאי 2011 –`` (``wire`` never matches).
_UNCASED_DATELINE = (
    rf"(?P<place>{_UNCASED_PLACE_WORD}(?:[ \t]+{_UNCASED_PLACE_WORD}){{0,2}}"
    # a country after the city (``دبي، الإمارات العربية المتحدة، 5 مايو 2011``)
    rf"(?:[ \t]*[,،][ \t]*{_UNCASED_PLACE_WORD}(?:[ \t]+{_UNCASED_PLACE_WORD}){{0,2}}(?=[ \t]*[,،]))?)"
    # ``القاهرة، 5 مايو``, ``القاهرة في 5 مايو`` (*Cairo, on 5 May*)
    rf"(?P<extra>(?:[ \t]*[,،][ \t]*|[ \t]+في[ \t]+)(?i:{_ANY_DATE}))(?P<wire>(?!))?"
    r"\s*(?:[–—]{1,2}|--?)\s+")
_UNCASED_DATELINE_RE: re.Pattern[str] | None = None  # compiled when first asked for
#: A dateline that is a place and a date, in brackets or alone on its line (no dash):
#: ``(Geneva, 3 March 2014) –``, ``GENEVA, 3 March 2014``.
_PLACE_DATE_RE = _PATTERNS.compile(
    r"(?P<open>\()?(?!(?:On|In|By|At|Since|Until|From|Before|After|As)\b)"  # no sentence
    rf"(?P<place>[{_CAPITALS}][\w.'’&-]*(?:,?\s{{1,2}}{_DATELINE_WORD}){{0,4}}?),?\s+"
    rf"(?i:{_ANY_DATE})(?(open)\)|)\s*(?:(?:[–—]{{1,2}}|--?)\s+|(?P<eol>\n|$))"
)
#: A note of when the text was changed, above the title (``Updated: May 5, 2025``, ``Last
#: updated on 5 May 2025 10:00 GMT``, ``[Updated]``): its date is no publication's.
_UPDATED_RE = _PATTERNS.compile(
    r"[(\[]?[ \t]*(?:last[ \t]+)?(?:updated|modified|revised|mis[ \t]+[àa][ \t]+jour)"
    r"(?:[ \t]+on)?[ \t]*[:–—-]?[ \t]*",
    re.IGNORECASE,
)
_BRACKET_CLOSED_RE = _PATTERNS.compile(r"[ \t]*[)\]]?")


def _updated_end(text: str, a: int, b: int) -> int | None:
    """Where a note of when the text was changed that opens ``text[a:b]`` ends (its date,
    if any, read with :func:`date_at`), if one does."""
    m = _UPDATED_RE.match(text, a, b)
    if m is None:
        return None
    end = m.end()
    if (d := date_at(text, end, b)) is not None:
        end = d.end
    return _BRACKET_CLOSED_RE.match(text, end, b).end()  # type: ignore[union-attr]
#: Each quotation mark that may open a quotation, and the marks that close it: English
#: ``“…”``, straight ``"…"``, French and Swiss ``«…»``, German and Danish ``»…«``, German
#: ``„…“``, Polish, Czech, Hungarian or Dutch ``„…”``, Swedish and Finnish ``”…”``, single
#: ``‘…’``, ``‚…‘`` (German), ``‹…›`` and ``›…‹``. Some marks open in one language and close in
#: another (``“``, ``»``, ``”``): the first mark of a quotation opens it, the marks it closes
#: with are taken as closing. Those in :data:`_SHAPED_OPENERS` open one only when shaped as
#: an opening mark.
_OPENERS = {"“": "”", '"': '"', "«": "»", "»": "«", "„": "“”", "”": "”", "‘": "’", "‚": "‘",
            "‹": "›", "›": "‹"}
#: Marks that mostly close a quotation (``»``, ``”``, ``›``) or are also commas and
#: apostrophes (``‚``): they open one only before a word, after none (``»Das``, ``”Det``, not
#: ``Tag« »``).
_SHAPED_OPENERS = "»”›‚"
#: Single marks: a quotation they open and nothing closes is no quotation.
_SINGLE_OPENERS = "‘‚‹›"
#: The double quotation marks that open a quotation (a quotation over paragraphs reopens).
_DOUBLE_OPENERS = "".join(o for o in _OPENERS if o not in _SINGLE_OPENERS)
#: Abbreviations of a title, as written: always before a name (``Dr. Jane Roe``, ``Brig. Gen.
#: Amina Haddad``, ``Rt. Hon. Jane Roe``, ``Messrs. Roe and Doe``), so their full stop ends
#: no sentence (not ``Jr.``, ``Sr.``: written after a name, they may).
TITLE_ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Sen", "Rep", "Gov",
    "Pres", "Sec", "Amb", "Ald", "Cllr", "Atty", "Hon", "Rt", "Gen", "Brig", "Col", "Capt",
    "Lt", "Sgt", "Cpl", "Pvt", "Maj", "Adm", "Cmdr", "Supt", "Insp", "Det", "Rev", "Fr",
    "Msgr",
)
#: Abbreviations of what a number follows (``Fig. 3``, ``p. 12``, ``No. 5``, ``approx. 5``),
#: in lower case (matched so or capitalized): their full stop ends no sentence before a digit;
#: before a word it may (``the vote was No. The``).
NUMBER_ABBREVIATIONS = (
    "no", "nos", "nr", "p", "pp", "fig", "figs", "vol", "vols", "ch", "chap", "art", "arts",
    "para", "paras", "sec", "secs", "pt", "ext", "approx", "ca",
)
#: Abbreviations written after a time or a name (``at 10 a.m.``, ``Acme Inc.``), which may
#: end a sentence: their full stop, as that of initials (``U.N.``, ``U.S.``), ends one before
#: a word that opens sentences (``… said the U.S. The talks``, :data:`SENTENCE_OPENING_WORDS`)
#: and none before another capital, where a name goes on (``Acme Widgets Inc. Chairman John
#: Smith``, ``at 10 a.m. Thursday``, ``the U.N. Human Rights Council``).
TRAILING_ABBREVIATIONS = ("a.m", "p.m", "Inc", "Corp", "Ltd", "Co")
#: Abbreviations whose full stop ends no sentence, as written: a title before a name
#: (:data:`TITLE_ABBREVIATIONS`), a month before its day (``Jan. 5``), a street or a saint
#: (``St. Louis``).
ABBREVIATIONS = (
    *TITLE_ABBREVIATIONS, "St", "Mt", "Ft", "Ave", "Rd", "Blvd", "vs", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
)
#: Capitalized words that open sentences (articles, pronouns, prepositions, conjunctions and
#: :data:`~pressroom.registry.OPENING_WORDS`), not a name's: after initials or a
#: :data:`TRAILING_ABBREVIATIONS` one, a sentence ends before them and before no other
#: capital.
SENTENCE_OPENING_WORDS = OPENING_WORDS | frozenset(
    """The A An It Its He She We They I You His Her Our Their My Your This That These Those
    There Here In On At By For From With Without To Of As If When While Where After Before
    Since Until During Although Though Because Despite Under Over Among Between Against
    According Some Many Most All Each Every Both No None Nor Or So Yet Still Who What Why
    How Which""".split())


def _not_after(words: tuple[str, ...]) -> str:
    """Lookbehinds: no full stop of one of *words* (one lookbehind per length: Python's are
    of fixed width)."""
    by_length: dict[int, list[str]] = {}
    for word in words:
        by_length.setdefault(len(word), []).append(re.escape(word))
    return "".join(rf"(?<!\b(?:{'|'.join(sorted(group))})\.)"
                   for _n, group in sorted(by_length.items()))


#: After a ``.``: not one that ends no sentence, that of an abbreviation
#: (:data:`ABBREVIATIONS`, ``e.g.``, ``i.e.``), of an initial after a space (``George
#: W. Bush``; ``the U.S.`` may still end a sentence) or of a
#: :data:`NUMBER_ABBREVIATIONS` one before a digit (``Fig. 3``).
NOT_ABBREVIATED = (
    _not_after((*ABBREVIATIONS, "e.g", "i.e")) + r"(?<!\s[A-Z]\.)"
    + "(?:" + _not_after((*NUMBER_ABBREVIATIONS, *(w.capitalize() for w in NUMBER_ABBREVIATIONS)))
    + r"|(?!\s+\d))")
#: The end of a sentence: a full stop, question or exclamation mark before a space.
_STOP_RE = _PATTERNS.compile(rf"[.!?]{NOT_ABBREVIATED}(?=\s|$)")
#: A line that ends a sentence: ``.``, ``!``, ``?`` or ``:``, maybe a closing quote or bracket.
_SENTENCE_STOP_RE = _PATTERNS.compile(r"[.!?:…][\"”’')\]]*$")
#: The double quotation marks, opening and closing.
DOUBLE_MARKS = "“”\"«»„"
#: Every quotation mark: those that open one and those that close one.
_QUOTE_MARK_RE = _PATTERNS.compile("[" + re.escape("".join(sorted({*_OPENERS, *"".join(_OPENERS.values())})))
                            + "]")
#: A line that is an item of a list: ``- Release the lawyers``, ``• …``, ``1. …``, ``(a) …``.
LIST_ITEM_RE = _PATTERNS.compile(r"[ \t]*(?:[-–—•*▪●◦]|\(?(?:\d{1,2}|[a-z])[.)])[ \t]+\S")
#: A headline line that goes on on the next: it ends with a comma or with a word no headline
#: ends with (``to``, ``of``, ``and``…).
_TITLE_GOES_ON_RE = _PATTERNS.compile(
    r"(?:,|\s(?:to|of|the|a|an|and|or|but|for|in|on|with|at|by|from|as|into|over|amid|"
    r"after|against|about|its|their|his|her|across|between|through|throughout|within|"
    r"without|towards?|than|via|among|amongst|despite|during|upon|onto|beyond)|\s[-–—:])$",
    re.IGNORECASE)
#: A byline alone on its line: ``By Jane Roe``, ``By Jane Roe and John Doe``.
BYLINE_RE = _PATTERNS.compile(
    r"(?:By|BY)\s+[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|van|von|and|&|,))*[ \t]*$")
#: French verbs of saying, as in ``a déclaré`` and ``déclare``.
_FR_SAID = ("déclaré|dit|affirmé|ajouté|souligné|expliqué|indiqué|estimé|précisé|averti|"
            "rappelé|conclu|insisté|assuré|dénoncé")
_FR_SAYS = ("déclare|affirme|ajoute|souligne|explique|indique|estime|précise|rappelle|"
            "assure|dénonce|insiste")
#: The verbs that say who spoke (``said X``, ``X told``), in English and
#: (:data:`_SAY_ABROAD`) in the other languages releases come in: :data:`_SAY`.
_SAY_ENGLISH = (
    r"(?:said|says|say|added|adds|concluded|concludes|noted|notes|stated|states|"
    r"explained|explains|told|tells|argued|argues|continued|continues|warned|warns|"
    r"urged|urges|asked|asks|wrote|writes|commented|comments|remarked|remarks|"
    r"declared|declares|insisted|insists|observed|observes|stressed|stresses|"
    r"emphasized|emphasised|emphasizes|emphasises|pointed out|points out|"
    r"announced|announces|acknowledged|acknowledges|recalled|recalls|predicted|"
    r"replied|replies|answered|answers|cautioned|cautions|contended|contends)")
#: A release in French, Spanish, Portuguese, German and the other languages below says who
#: spoke in its own words (``« … », a déclaré X``, ``“…”, dijo X``, ``„…“, sagte X``).
_SAY_ABROAD = (
    rf"(?:a\s+(?:{_FR_SAID})|{_FR_SAYS}|"
    r"dijo|afirmó|declaró|añadió|agregó|señaló|explicó|indicó|aseguró|advirtió|"
    r"subrayó|denunció|manifestó|sostuvo|destacó|expresó|comentó|recalcó|apuntó|precisó|"
    r"afirma|declara|añade|agrega|señala|explica|indica|asegura|"
    r"advierte|subraya|denuncia|disse|afirmou|declarou|acrescentou|explicou|destacou|"
    r"diz|acrescenta|destaca|sagte|sagt|erklärte|erklärt|betonte|betont|warnte|warnt|"
    r"forderte|fordert|kritisierte|kritisiert|ergänzte|ergänzt|meinte|meint|erläuterte|"
    r"erläutert|unterstrich|unterstreicht|mahnte|mahnt|"
    # Italian, Dutch, Polish and Swedish (``“…”, ha detto X``, ``„…”, aldus X``,
    # ``„…” – powiedziała X``, ``”…”, säger X``); not ``dice`` nor ``sa``, words of
    # English and Tagalog
    r"ha\s+(?:detto|dichiarato|affermato|aggiunto|sottolineato|spiegato|osservato|"
    r"concluso|ricordato|precisato|avvertito)|afferma|dichiara|aggiunge|sottolinea|"
    r"zei|zegt|verklaarde|verklaart|benadrukte|benadrukt|aldus|"
    r"powiedział|powiedziała|dodał|dodała|podkreślił|podkreśliła|stwierdził|"
    r"stwierdziła|zaznaczył|zaznaczyła|"
    r"sade|säger|berättar|betonade|tillade|"
    # Danish and Norwegian, Czech, Finnish and Hungarian (``»…«, siger X``, ``„…“,
    # řekla X``, ``”…”, sanoi X``, ``„…” – mondta X``); not Norwegian's ``sa``
    r"sagde|siger|udtalte|udtaler|tilføjede|understregede|sier|uttalte|uttaler|"
    r"řekl|řekla|uvedl|uvedla|dodal|dodala|prohlásil|prohlásila|zdůraznil|zdůraznila|"
    r"sanoi|sanoo|totesi|toteaa|kertoi|kertoo|sanoivat|"
    r"mondta|mondja|közölte|hangsúlyozta|nyilatkozta|"
    # Russian, Ukrainian, Bulgarian, Serbian and Croatian, Greek, Romanian, Turkish,
    # Indonesian and Malay (``«…», — сказал X``, ``«…», δήλωσε η X``, ``„…”, a declarat X``,
    # ``“…” dedi X``, ``“…,” kata X``)
    r"сказал|сказала|заявил|заявила|отметил|отметила|добавил|добавила|подчеркнул|"
    r"подчеркнула|говорит|заявляет|сказав|заявив|зазначив|зазначила|додав|додала|"
    r"підкреслив|підкреслила|каза|казва|заяви|добави|подчерта|"
    r"(?:рекао|рекла|изјавио|изјавила|додао|додала|istaknuo|istaknula|izjavio|izjavila|"
    r"rekao|rekla|dodao|dodala)(?:\s+(?:je|је))?|"
    r"δήλωσε|είπε|ανέφερε|τόνισε|πρόσθεσε|σημείωσε|"
    r"a\s+(?:declarat|spus|afirmat|adăugat|subliniat|explicat|precizat|menționat|avertizat)|"
    r"dedi|söyledi|açıkladı|belirtti|vurguladı|ekledi|diye\s+konuştu|"
    r"kata|ujar|ucap|tutur|ungkap)")
#: The same verbs in Arabic, Persian and Hebrew, which write no capitals: ``«…»، قالت X``,
#: ``"…", אמר X``; Arabic writes ``and`` onto the verb (``وقال``).
_SAY_UNCASED = (
    "(?:[وف]?(?:قال|قالت|أضاف|أضافت|صرح|صرّح|صرحت|أكد|أكّد|أكدت|أوضح|أوضحت|يقول|تقول)"
    "|گفت|افزود|אמר|אמרה|אומר|אומרת|הוסיף|הוסיפה|מסר|מסרה|ציין|ציינה|הדגיש|הדגישה)"
    r"(?![\w\u064b-\u065f])")
_SAY = rf"(?:{_SAY_ENGLISH}|{_SAY_ABROAD})"
#: ``according to`` in the languages of :data:`_SAY`: within a sentence (after a quotation
#: it attributes) in :data:`_ACCORDING`; ``According to`` opens the next sentence, which a
#: quotation before it belongs to no more than to the sentence after, and is read only
#: before a quotation (:data:`_ACCORDING_OPENS`).
_ACCORDING_WORDS = (r"according\s+to", "selon", "según", "laut")
#: The articles of a speaker's role before the name, in German, French, Spanish and Greek
#: (``sagte die Ministerin Jane Roe``, ``a déclaré la ministre Jane Roe``, ``dijo el ministro
#: Juan Pérez``); English names one so after ``said the minister,`` only.
_ARTICLE = "(?:der|die|le|la|el|ο|η)"  # and Greek's (``δήλωσε η Μαρία …``)
_ACCORDING = "(?:" + "|".join(_ACCORDING_WORDS) + ")"
_ACCORDING_OPENS = "(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in _ACCORDING_WORDS) + ")"
# A word of a name may end in a full stop only as an initial or a short title
# (``J.``, ``Jr.``, ``St.``): "said Jane Roe. Lawyers …" must stop at "Roe".
# Two words of it are apart (``Jane Roe``) or joined by a full stop (``J.R.``), never
# side by side: ``KELLOGG`` is one word, not any of the 2^6 ways of cutting it, which made
# a quotation next to a run of words in capitals take minutes. Nor does a word end in a
# possessive ``’s``, which :data:`_SPEAKER` reads apart (``Amnesty’s Jane Roe``): a word
# read either way made a run of possessives as slow.
_NAME_WORD = (rf"(?:[{_CAPITALS}][a-z]?\.(?!\w)|[{_CAPITALS}][\w'’-]*(?<!['’]s)"
              rf"(?:\.(?=[{_CAPITALS}])|(?!\w)))")
#: Between two words of a name: spaces, or one line break where the text is wrapped
#: (``said Professor`` / ``Jonathan Okafor`` was said by ``Professor``); the spaces before
#: the break and after it are each one run, so a gap is read one way only.
_NAME_GAP = r"(?:[ \t]+(?:(?:\r\n|\r|\n)[ \t]*)?|(?:\r\n|\r|\n)[ \t]*)"


def _name(gap: str) -> str:
    """A name whose words are apart by *gap*."""
    return (rf"(?:{_NAME_WORD}+(?:\s+(?:de|van|von|bin|al|da|del|la|le)\b)?"
            rf"(?:{gap}{_NAME_WORD}+)*)")


_NAME = _name(_NAME_GAP)
_PRONOUNS = ("he", "she", "they", "He", "She", "They",  # ``a-t-il déclaré``, ``sagte er``,
             "il", "elle", "ils", "elles", "er", "sie",      # ``Il a déclaré : « … »``
             "Il", "Elle", "Ils", "Elles", "Er", "Sie",
             "он", "она", "они", "він", "вона", "вони")     # ``сказал он``, ``сказала вона``
_PRONOUN = "(?:" + "|".join(_PRONOUNS) + ")"
#: The pronouns that refer to one person (``they`` may be a group's).
_PERSONAL = frozenset(("he", "she", "He", "She", "il", "elle", "Il", "Elle", "er", "Er", "sie",
                       "Sie",  # ``sie``: she, or they (``sagte sie`` mostly she)
                       "он", "она", "він", "вона"))
#: Never from inside a word: ``poster wrote that`` is no ``er`` (German ``he``) writing.
_SPEAKER = rf"(?<![\w'’-])(?P<speaker>(?:{_NAME}(?:’s|'s)\s+)*{_NAME}|{_PRONOUN})"
#: A speaker whose name is on one line: a signature's (``– Jane Roe`` / ``Director``).
_SPEAKER_ON_LINE = _SPEAKER.replace(_NAME, _name("[ \t]+"))
#: A speaker named in a script without capitals, after the verb (:data:`_SAY_UNCASED`):
#: two or three words, then the clause's end. The first is no word with an article
#: (``قال المتحدث``, *said the spokesman*; ``אמר הדובר``): a role; nor is any a preposition
#: (``المتحدث باسم الوزارة``, ``הדובר של המשטרה``).
_UNCASED_PARTICLE = (r"(?:في|من|على|عن|إلى|باسم|أن|أنّ|إن|إنّ|إنه|إنها|إنهم|أنه|أنها|أنهم|بأن|لأن"
                     r"|كما|של|את|על|עם|כי|از|در|به|با|که)(?!\w)")
#: Words that say who the speaker is, not who: a role (*minister*, *director*, *source*)
#: or a body (*ministry*, *organization*, *agency*), in Arabic, Persian and Hebrew; also
#: after a proclitic (``لوكالة``, *to the agency*). ``Said the minister of …`` names no one.
_UNCASED_ROLE = (
    "(?:[وفبل]?(?:وزير|وزيرة|وزارة|رئيس|رئيسة|رئاسة|مدير|مديرة|مصدر|مصادر|منظمة|مسؤول|مسؤولة"
    "|ممثل|ممثلة|سفير|سفيرة|عضو|نائب|نائبة|قائد|شركة|هيئة|لجنة|مجلس|حكومة|ناطق|ناطقة|مستشار"
    "|مستشارة|محامي|محامية|مراسل|مراسلة|متحدث|متحدثة|تقرير|وكالة|صحيفة|قناة"
    "|موقع|جماعة|حركة|حزب|جمعية|مؤسسة|مركز|شاهد|أحد|بعض|مسؤولو|مسؤولون)"
    "|وزیر|رئیس|سخنگوی|سخنگو|مدیر|وزارت|سازمان|نماینده|منبع|یک"
    "|ראש|משרד|שר|שרת|דובר|דוברת|מנכ\"ל|מנכ״ל|יו\"ר|יו״ר|מנהל|מנהלת|נשיא|נשיאת|סגן|סגנית"
    "|חבר|חברת|ח\"כ|ח״כ|מקור|גורם|ארגון|עורך|עורכת)(?![\\w\"״])")
_UNCASED_SPEAKER = (rf"(?P<speaker>(?!ال|لل|ה|{_UNCASED_PARTICLE}|{_UNCASED_ROLE}){_UNCASED_WORD}"
                    rf"(?:[ \t]+(?!{_UNCASED_PARTICLE}){_UNCASED_WORD}){{1,2}})"
                    r"(?=\s*(?:[,،.:;؛!?؟]|$))")
#: Not right after a word that puts a name inside a longer phrase (``University of X``).
_NOT_AFTER_PREPOSITION = "".join(
    rf"(?<!\b{w}\s)" for w in ("of", "at", "in", "the", "and", "for", "from", "with", "by", "to",
                                "on"))
#: Where the speaker works, right after the name: ``Jane Roe of Human Rights First said``,
#: ``Jane Roe from the Example Institute for Policy said`` (the speaker is Jane Roe); not
#: after a body's or an office's head noun, where ``of`` goes on with its name (``The U.S.
#: Department of Agriculture notes``, ``the Minister of Justice said``).
_NAME_GOES_ON_AFTER = ("Department", "Ministry", "Minister", "Office", "Agency", "Council",
                       "Institute", "University", "Committee", "Commission", "Court", "Bank",
                       "Bureau", "Secretary", "Director", "President", "Board", "Federation",
                       "Union", "Association", "Society", "Church", "Party", "League",
                       "Foundation", "Centre", "Center", "School", "College", "Academy",
                       "Government", "Republic", "Kingdom", "State", "States", "City",
                       "Museum", "Chamber", "Service", "Fund", "Friends", "Mayor", "Governor",
                       "Chief", "Head", "Chair", "Chairman", "Chairwoman", "Spokesperson")
_AFFILIATION = ("(?:" + "".join(rf"(?<!\b{w})" for w in _NAME_GOES_ON_AFTER)
                + rf"\s+(?:of|at|from|with)\s+(?:the\s+)?{_NAME}"
                rf"(?:\s+(?:of|for|on|and|&)\s+(?:the\s+)?{_NAME})?)?")
#: Who the speaker is, between the name and the verb: ``Jane Roe, director of X, said`` (in a
#: wrapped paragraph, over a line break).
_APPOSITION = r"(?:,\s+[^,“”\"«»]{2,80}?,)?"
#: What the speaker did, after who the speaker is: ``Jane Roe, from the Example Institute,
#: who led the research, said``.
_RELATIVE = r",\s+(?:who|whose|which)\s[^,“”\"«»]{1,80}?,"
#: Who the speaker is, before :data:`_RELATIVE` (whose comma closes it): words with one in
#: lower case among them, no name of their own (``Yesterday, Jane Roe, who …, said`` was not
#: said by ``Yesterday``).
_DESCRIBED = r"(?:,\s+(?=[^,“”\"«»]{0,80}?(?<!\S)[a-z])[^,“”\"«»]{2,80}?)?"
#: A signature: ``“…” – Jane Roe, Director``, the name ending the line or followed by a
#: comma, after a quote that ends a sentence (not a title: ``“The Old Man and the Sea” –``).
_SIGNATURE_RE = _PATTERNS.compile(rf"[ \t]*[–—][ \t]*{_SPEAKER_ON_LINE}(?=[ \t]*(?:,|$))", re.MULTILINE)
#: ``«…»، قالت منى سعيد.``, ``"…", אמר דוד כהן``: the verb, then the name.
_UNCASED_AFTER = _PATTERNS.compile(
    rf"\s*(?:[,،]?\s*[–—](?=\s)|[,،])?\s*{_SAY_UNCASED}\s+{_UNCASED_SPEAKER}")
#: Cyrillic's small letters, for a role written before a name.
_CYRILLIC_LOWER = "а-яёіїєґўђјљњћџѓќѕ"
_AFTER_RES = (
    # (a dash before the verb too, as Polish writes it: ``„…” – powiedziała X``, and after
    # the comma, as Russian does: ``«…», — сказал X``)
    _PATTERNS.compile(rf"\s*(?:[,.]?\s*[–—](?=\s)|[,.])?\s*{_SAY}\s+{_SPEAKER}\b"),
    _PATTERNS.compile(rf"\s*[,.]?\s*{_SPEAKER}{_AFFILIATION}(?:{_DESCRIBED}{_RELATIVE}|{_APPOSITION})"
               rf"\s+(?:has\s+|had\s+|also\s+)?{_SAY}\b"),
    _PATTERNS.compile(rf"\s*[,.]?\s*{_ACCORDING}\s+{_SPEAKER}\b"),
    # ``« … », a-t-il déclaré``, ``ajoute-t-elle``, ``poursuit-il``: the speaker named before
    _PATTERNS.compile(rf"\s*[,.]?\s*a-t-(?P<speaker>il|elle|ils|elles)\s+(?:{_FR_SAID})\b"),
    _PATTERNS.compile(rf"\s*[,.]?\s*(?:(?:{_FR_SAYS})-t|dit|poursuit|conclut|répond)-"
               rf"(?P<speaker>il|elle|ils|elles)\b"),
    # ``said the group’s director, Jane Roe``, ``a déclaré la ministre de la Justice, Jane
    # Roe``, ``dijo el ministro de Economía, Juan Pérez``
    _PATTERNS.compile(rf"\s*[,.]?\s*{_SAY}\s+(?:the|its|their|our|his|her|{_ARTICLE})\s+"
               rf"[^,“”\"«»]{{2,60}}?,\s+{_SPEAKER}\b"),
    # ``sagte die Ministerin Jane Roe``, ``a déclaré la ministre Jane Roe``, ``dijo el
    # ministro Juan Pérez``: who the speaker is, then the name, without a comma; two words
    # capitalized at least (German writes every noun so: ``sagte der Sprecher des Amtes``),
    # maybe with a particle between (``Luis de Guindos``); not after ``de`` (``dijo el
    # ministro de Economía Luis de Guindos``: the role's last word would start the name)
    _PATTERNS.compile(rf"\s*[,.]?\s*{_SAY}\s+{_ARTICLE}\s+(?:[a-zà-ÿα-ωά-ώ][\w-]*\s+){{0,2}}"
               r"(?<!\bde\s)(?<!\bdel\s)(?<!\bdes\s)(?<!\bdu\s)"
               # nor after Greek's ``of the`` (``ο εκπρόσωπος του Υπουργείου Οικονομικών``)
               r"(?<!\bτου\s)(?<!\bτης\s)(?<!\bτων\s)"
               rf"(?=[{_CAPITALS}][\w'’.-]*[ \t]+(?:(?:de|del|da|la|le)[ \t]+)?[{_CAPITALS}])"
               rf"{_SPEAKER}\b"),
    # ``«…», — заявил директор программы Андрей Смирнов``: Cyrillic writes the role in
    # lower case, with no article, before a name of two words at least, written as names
    # are (not ``МИД РФ``); see :func:`_speaker_name` for a body's name before it
    _PATTERNS.compile(rf"\s*(?:[,.]?\s*[–—](?=\s)|[,.])?\s*{_SAY}\s+(?:[{_CYRILLIC_LOWER}][\w-]*\s+)"
               rf"{{1,3}}(?=[{_CAPITALS}][{_CYRILLIC_LOWER}][\w'’.-]*[ \t]+[{_CAPITALS}]"
               rf"[{_CYRILLIC_LOWER}]){_SPEAKER}\b"),
    _UNCASED_AFTER,
    _SIGNATURE_RE,
)
#: ``„…“, so Jane Roe``: German's ``so`` after the comma that follows the quotation, read
#: after a quotation German marks open (:data:`_GERMAN_OPENERS`) only: ``‘…’, so Amnesty
#: International appealed`` is English's ``so``, and names no speaker.
_SO_AFTER = _PATTERNS.compile(rf",[ \t]*so\s+{_SPEAKER}\b")
_GERMAN_OPENERS = "„»‚›"
#: Those of :data:`_AFTER_RES` that say who spoke in so many words (``said X``, ``X said``,
#: ``قالت X``).
_SAID_AFTER = (*_AFTER_RES[:2], _UNCASED_AFTER)
#: A verb of saying in another language than English, and its speaker, after the comma (or
#: dash) that follows a closing mark: ``„Wir gewinnen“, sagte X``, ``« Non », a déclaré X``.
_SAID_ABROAD_AFTER = (
    _PATTERNS.compile(rf"\s*(?:,?\s*[–—](?=\s)|,)\s*{_SAY_ABROAD}\s+{_SPEAKER}\b"), _UNCASED_AFTER)
_BEFORE_RES = (
    # ``وقال أحمد حسن، مدير البرنامج: "…"``: the verb, the name, who the speaker is
    _PATTERNS.compile(rf"(?<![\w\u064b-\u065f]){_SAY_UNCASED}\s+{_UNCASED_SPEAKER}"
               r"(?:\s*[،,][^:«»\"“”\n]{1,80}?)?\s*:\s*$"),
    # ``Jane Roe, from Amnesty International, who led the research, said:``; first, as the
    # next reads ``International, who led the research, said`` as a speaker's
    _PATTERNS.compile(rf"{_NOT_AFTER_PREPOSITION}{_SPEAKER}{_AFFILIATION}{_DESCRIBED}{_RELATIVE}"
               rf"\s+(?:has\s+|also\s+)?{_SAY}(?:\s*[:,]|\s+that)\s*$"),
    # not a name inside a phrase (``the University of Arkansas, Fayetteville, said``)
    _PATTERNS.compile(rf"{_NOT_AFTER_PREPOSITION}{_SPEAKER}{_AFFILIATION}{_APPOSITION}\s+(?:has\s+|also\s+)?"
               rf"{_SAY}"
               r"(?:\s*[:,]|\s+that)\s*$"),
    _PATTERNS.compile(rf"\b{_ACCORDING_OPENS}\s+{_SPEAKER}{_APPOSITION}\s*[:,]\s*$"),
    # ``Mayor Karen Bass today issued the following statement on the passing of Pope
    # Francis:``: the statement is the one who issued it saying it
    _PATTERNS.compile(rf"{_NOT_AFTER_PREPOSITION}{_SPEAKER}{_AFFILIATION}{_APPOSITION}\s+"
               r"(?:today\s+|also\s+|has\s+)?(?:issued|issues|released|releases|made|makes)\s+"
               r"the\s+following\s+statement\b[^:.!?“”\"«»]{0,80}:\s*$"),
)


def parse_release(
    path: str | Path,
    data: bytes | None = None,
    *,
    publisher: str | None = None,
    footer_markers: tuple[str, ...] = (),
) -> Release:
    """Parse the release at *path* (or *data*, its bytes, with *path* naming it).

    *publisher* is the publisher configured for the file's folder; a header's
    ``publisher`` overrides it. *footer_markers* are the publisher's
    boilerplate openings (``Seeking asylum?``): the footer starts at the first
    line that begins with one of them.
    """
    name = str(path)
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise PressroomError(Problem(name, None, "error", "release_missing",
                                         f"cannot read release: {exc.strerror or exc}")) from None
    text, encoding, problems = decode(data, name)
    release = _Parser(name, text, encoding, problems, publisher, footer_markers).parse()
    release.sha256 = hashlib.sha256(data).hexdigest()
    return release


def parse_text(text: str, path: str = "<text>", **kwargs: Any) -> Release:
    """Parse a release given as already-decoded text."""
    return _Parser(path, text, "utf-8", [], kwargs.get("publisher"),
                   tuple(kwargs.get("footer_markers", ()))).parse()


class _Parser:
    def __init__(self, name: str, text: str, encoding: str, problems: list[Problem],
                 publisher: str | None, footer_markers: tuple[str, ...]) -> None:
        self.name = name
        self.text = text
        self.encoding = encoding
        self.problems = problems
        self.publisher = publisher
        self.footer_markers = tuple(m.strip() for m in footer_markers if m.strip())
        self.lines = _lines(text)
        self._blanks: list[bool] | None = None
        self.segments: list[Segment] = []  # non-gap segments, in order
        #: the subject of the e-mail the release came in, if it came with its header, and
        #: the dates of its ``Sent:`` or ``Date:`` line
        self._subject: str | None = None
        self._sent: list[_DateMatch] = []

    # helpers -------------------------------------------------------------
    def problem(self, offset: int | None, severity: str, subtype: str, message: str) -> None:
        line = line_number(self.text, offset) if offset is not None else None
        self.problems.append(Problem(self.name, line, severity, subtype, message))  # type: ignore[arg-type]

    def line_text(self, i: int) -> str:
        a, b = self.lines[i]
        return self.text[a:b]

    def blank(self, i: int) -> bool:
        blanks = self._blanks
        if blanks is None:  # every line at once: the parse asks about most lines, some often
            text = self.text
            blanks = self._blanks = [not text[a:b].replace("\ufeff", "").strip()
                                     for a, b in self.lines]
        return blanks[i]

    def next_nonblank(self, i: int, stop: int) -> int:
        while i < stop and self.blank(i):
            i += 1
        return i

    def add(self, kind: str, start: int, end: int) -> None:
        start, end = _strip_span(self.text, start, end)
        if end > start:
            self.segments.append(Segment(kind, start, end))

    # the parse -----------------------------------------------------------
    def parse(self) -> Release:
        text = self.text
        if not text.replace("\ufeff", "").strip():
            self.problem(None, "error", "release_empty",
                         "the file is empty" if not text else "the file holds only whitespace")
        elif self.encoding != "binary" and (m := CONTROL_RE.search(text)):
            self.problem(m.start(), "warning", "release_control",
                         f"contains {control_named(m.group())}; control characters and "
                         "noncharacters are shown as \ufffd")

        header, first = self.header()
        n = len(self.lines)
        first, above = self.preamble(first, n)
        stop = self.footer_line(first, n)
        title, title_span, i = self.title(first, stop, header.get("title"))
        i, under = self.labels_under_title(i, stop)
        above += under
        dates: list[tuple[str, _DateMatch]] = []
        if title_span and title_span[2]:
            dates.append(("title line", title_span[2]))
        i, date_line = self.date_line(i, stop)
        if date_line:
            dates.append(("date line", date_line))
        # body: lines i..stop (exclusive), minus a trailing "Published on" line
        body_end_line = stop
        published = closing = None
        j = stop - 1
        while j >= i and self.blank(j):
            j -= 1
        if j >= i:
            a, b = _strip_span(text, *self.lines[j])
            if published := self.published_date(j):
                self.add("date", *self.lines[j])
                body_end_line = j
                dates.insert(0, ("published line", published))
            elif (d := _date_alone(text, a, b)) and self.next_nonblank(i, j) < j:
                # a date alone on the body's last line (under a statement's signatures)
                closing = d
                self.add("date", a, b)
                body_end_line = j
                dates.append(("closing date", d))
        if self._late_published is not None:
            late = self._late_published[1]
            self.add("date", *self.lines[self._late_published[0]])
            if published is None:
                published = late
                dates.insert(0, ("published line", late))
            else:
                dates.append(("published line under the boilerplate", late))
        dateline, dateline_span = self.body(i, body_end_line, dates)
        dates.extend(("publisher's heading", d) for d in above)
        if self._sent and not header.get("date") and not any(d.value for _w, d in dates):
            # when the e-mail was sent: the release's own dates come first (a release is
            # often sent on after it is published), this only when it gives none
            sent = self._sent[0]
            dates.append(("header's date", sent))
            self.problem(sent.start, "info", "release_date",
                         f"no date in the release itself; dated from the header it came with "
                         f"({sent.written!r})")

        date = self.choose_date(header, dates)
        # where the date is written, in the order the dates are chosen
        where = published or date_line or (title_span[2] if title_span else None) or closing
        release = Release(
            path=self.name,
            text=text,
            title=title,
            date=date,
            dateline=header.get("dateline") or dateline,
            publisher=header.get("publisher") or self.publisher,
            source_url=header.get("source") or header.get("url"),
            language=header.get("language") or None,
            encoding=self.encoding,
            title_span=title_span[:2] if title_span else None,
            dateline_span=dateline_span,
            date_span=(where.start, where.end) if where else None,
            problems=self.problems,
        )
        if header.get("title"):
            release.title = str(header["title"])
            # the header names it: no word about the title line the text lacks
            release.problems[:] = [p for p in release.problems if p.subtype != "release_title"]
        release.segments = self.tile()
        release.paragraphs = [Paragraph(s.start, s.end) for s in release.segments if s.kind == "body"]
        if (not release.paragraphs and self.encoding != "binary"
                and text.replace("\ufeff", "").strip()):
            # a title and a date, a header alone: the text itself is missing
            kinds = {seg.kind for seg in release.segments}
            has = [what for kind, what in (("header", "header"), ("title", "title"),
                                           ("date", "date"), ("dateline", "dateline"),
                                           ("preamble", "heading"), ("footer", "boilerplate"))
                   if kind in kinds]
            self.problem(len(text.rstrip()), "warning", "release_empty",
                         "the release has no text"
                         + (" besides its " + ", ".join(has[:-1]) + " and " * (len(has) > 1)
                            + has[-1] if has else "")
                         + "; was it cut off when it was saved?")
        release.quotes = find_quotes(text, release.paragraphs)
        return release

    def header(self) -> tuple[dict[str, Any], int]:
        """Front matter between ``---`` lines at the top; returns (fields, first line after it)."""
        if not self.lines or self.line_text(0).lstrip("\ufeff").strip() != "---":
            return {}, 0
        for i in range(1, len(self.lines)):
            if self.line_text(i).strip() in ("---", "..."):
                break
        else:
            self.problem(0, "error", "release_header",
                         "the header opened with '---' is never closed; it is read as text")
            return {}, 0
        start = self.lines[0][0]
        end = self.lines[i][1]
        self.add("header", start, end)
        raw = self.text[self.lines[1][0]:self.lines[i][0]]
        try:
            # the registry's loader: a date that does not exist (``2011-02-30``) is kept as
            # text, reported below; keys given twice are known
            data = yaml.load(raw, Loader=YAML_LOADER)  # noqa: S506 - a SafeLoader subclass
        except yaml.YAMLError as exc:
            line, what = yaml_error(exc, raw)
            offset = self.lines[min(line or 1, i)][0]
            self.problem(offset, "error", "release_header",
                         f"the header is not valid YAML ({what}); it is ignored")
            return {}, i + 1
        except UNREADABLE_VALUE as exc:
            # nesting too deep for the parser, a value YAML cannot make (``2011-02-30 10:00``,
            # ``!!bool "maybe"``)
            self.problem(self.lines[1][0], "error", "release_header",
                         f"the header cannot be read ({unreadable(exc)}); it is ignored")
            return {}, i + 1
        if data is None:
            return {}, i + 1
        if not isinstance(data, dict):
            self.problem(self.lines[1][0], "error", "release_header",
                         "the header must be a mapping of field: value; it is ignored")
            return {}, i + 1
        fields: dict[str, Any] = {}
        # where each key is, as the YAML loader found it (a quoted key too: ``"bogus": 1``)
        key_line = {str(key): self.lines[min(n, i - 1)][0]
                    for key, n in getattr(data, "key_lines", {}).items()}
        for key, dropped, kept in duplicate_keys(data):
            self.problem(self.lines[min(kept, i - 1)][0], "warning", "release_header",
                         f"header field {key!r} is given twice (lines {dropped + 1} and "
                         f"{kept + 1}); the last one is used")
        for key, value in data.items():
            where = key_line.get(str(key), self.lines[1][0])
            if key not in HEADER_FIELDS:
                self.problem(where, "warning", "release_header",
                             f"unknown header field {key!r} (known: {', '.join(HEADER_FIELDS)})")
                continue
            if key == "date":
                if isinstance(value, _dt.datetime):
                    value = value.date()
                elif isinstance(value, str) and value.strip().lower() == UNKNOWN_DATE:
                    value = UNKNOWN_DATE  # said to be unknown: no date is looked for
                elif not isinstance(value, _dt.date):
                    parsed = parse_date(str(value))
                    if parsed is None:
                        self.problem(where, "error", "release_header",
                                     f"header date {value!r} is not a date (use YYYY-MM-DD)")
                        continue
                    value = parsed
            elif isinstance(value, bool):  # ``title: yes``: YAML's true
                self.problem(where, "error", "release_header",
                             f"header field {key!r} was read as {str(value).lower()} (YAML "
                             "reads yes, no, on, off, true and false so); put it in quotes")
                continue
            elif value is not None and not isinstance(value, (str, int, float)):
                self.problem(where, "error", "release_header", f"header field {key!r} must be text")
                continue
            elif key in ("source", "url") and value is not None and not is_web_address(value):
                self.problem(where, "error", "release_header",
                             f"header field {key!r}: {value!r} is not a web address (http:// or "
                             "https://); it is ignored")
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                # ``publisher: 5``, ``title: 1984``: text, as written (``3.10``, not 3.1)
                end = self.text.find("\n", where)
                value = _as_written(self.text[where:end if end >= 0 else None], str(key)) \
                    or str(value)
            if key != "date" and (value is None or not str(value).strip()):
                self.problem(where, "warning", "release_header",
                             f"header field {key!r} is empty; it is ignored")
                continue
            if key == "language" and value:
                tag = language_tag(value)
                if tag is None:
                    self.problem(where, "error", "release_header",
                                 f"header field 'language': {value!r} is not a language tag "
                                 "(such as en, fr or pt-BR); it is ignored")
                    continue
                value = tag
            fields[key] = value
        return fields, i + 1

    def preamble(self, first: int, n: int) -> tuple[int, list[_DateMatch]]:
        """Lines above the title that are no part of the release: a label (``FOR IMMEDIATE
        RELEASE``, ``PRESS RELEASE: May 3, 2011``), an embargo, a reference number, a press
        contact (its address and telephone lines), a date alone on a line among them, the
        lines naming the issuer in one block over a label (``THE WHITE HOUSE`` / ``Office of
        the Press Secretary``), and the lines under a label down to a date (``Media Note`` /
        ``Office of the Spokesperson`` / ``May 5, 2012``). Returns the first line after them
        (*first* when there are none) and the dates they give."""
        text = self.text
        i = self.next_nonblank(first, n)
        start = end = None
        dates: list[_DateMatch] = []
        sent: list[_DateMatch] = []  # when the e-mail was sent: after the release's own dates
        forwarded = self.forward_mark(i, n)
        if forwarded is not None:
            # ``FYI, see below.`` / ``---------- Forwarded message ---------`` / ``From: …``:
            # the note of whoever forwarded the release is no part of it either
            start, i = self.lines[i][0], forwarded
        contact = issuer = False
        # the last line taken as a press contact's name or role, and the last line taken
        lenient = last = None
        while i < n:
            if self.blank(i):
                contact = False
                i += 1
                continue
            if (mail := self.mail_header(i, n)) is not None:
                # an e-mail's or a memo's header (``From:`` / ``Sent:`` / ``Subject:``,
                # ``TO:`` / ``FROM:`` / ``DATE:`` / ``RE:``)
                i, a, end, found = mail
                start = a if start is None else start
                sent.extend(found)
                contact = False
                continue
            a, b = _strip_span(text, *self.lines[i])
            line = text[a:b]
            if (u := _updated_end(text, a, b)) is not None and (
                    u == b or _TIME_RE.match(text, u, b)):
                # ``Updated: May 5, 2025 10:00 GMT``: when the page was changed, not when the
                # release was published; no date of the release's
                start = a if start is None else start
                end = b
                contact = False
                i += 1
                continue
            if (k := self.note_end(i, n)) is not None:
                # ``CORRECTION: This release replaces …``: no dates of the release's (the
                # version it replaces may be dated)
                start = a if start is None else start
                end = _strip_span(text, *self.lines[k - 1])[1]
                contact, i = False, k
                continue
            found = self.label_dates(i)
            if found is None and start is None and (k := self.issuer_lines(i, n)) is not None:
                start, issuer, i = a, True, k  # the label's line is read next
                continue
            if found is not None:
                dates.extend(found)
                contact = False
                if not found and (block := self.label_block(i, n)):
                    i, d = block
                    dates.append(d)
                    b = d.end
            elif _reference(line) or _RULE_RE.match(line):
                pass
            elif _LABEL_RE.match(line):
                break  # ``Press Statement by the Minister``: a title
            elif _CONTACT_RE.match(line):
                contact = True
            elif contact and _CONTACT_MORE_RE.search(line):
                pass
            elif start is not None and (d := _date_alone(text, a, b)):
                dates.append(d)  # ``FOR IMMEDIATE RELEASE`` then ``March 3, 2014``
            elif contact and _contact_line(text, a, b):
                lenient = i  # ``Contact:`` / ``Jane Doe`` / ``Press Secretary``
            else:
                break
            start = a if start is None else start
            end = b
            last = i
            i += 1
        if start is None or end is None or i >= n:
            return first, []  # nothing above a title, or nothing but such lines
        if lenient is not None and lenient == last and lenient > 0 and not self.blank(lenient - 1) \
                and not _headline(text, *_strip_span(text, *self.lines[i])):
            # no headline under the contact: its last line, with no blank line between, is
            # the headline
            i, end = lenient, _strip_span(text, *self.lines[lenient - 1])[1]
        if issuer and not _headline(text, *_strip_span(text, *self.lines[i])):
            return first, []  # ``Headline`` / ``FOR IMMEDIATE RELEASE``: a title over a label
        self.add("preamble", start, end)
        self._sent = sent
        return i, dates

    def note_end(self, i: int, n: int) -> int | None:
        """When line *i* opens a note to the reader (``CORRECTION: This release replaces …``,
        ``Editor’s note: …``, ``CORRECTED VERSION``), the line after it; else None. Its text
        goes on over the lines of its paragraph down to one that ends a sentence; a note
        with no text is one only over a headline (a notice may be titled ``Correction``)."""
        text = self.text
        a, b = _strip_span(text, *self.lines[i])
        m = _NOTE_RE.match(text, a, b)
        if m is None:
            return None
        rest = m.start("rest")
        if rest >= b and m.group("mark") not in (":", "–", "—", "-"):
            return i + 1 if self.headline_follows(i) else None
        for k in range(i, min(n, i + 8)):
            ka, kb = _strip_span(text, *self.lines[k])
            if (k > i or rest < b) and _SENTENCE_END_RE.search(text, ka, kb):
                return k + 1
            if k + 1 >= n or self.blank(k + 1):
                # its paragraph ends with no sentence's end: a headline (``Correction:
                # figures misquoted``), unless it went on over lines
                if k > i:
                    return k + 1
                return i + 1 if rest >= b and self.headline_follows(i) else None
        return None

    def forward_mark(self, i: int, n: int) -> int | None:
        """The line of a forward's mark (``-----Original Message-----``) over an e-mail's
        header among the first few lines from *i*, after a note of at most five lines;
        ``None`` when there is none (or it is line *i* itself)."""
        text = self.text
        written = 0
        for k in range(i, min(n, i + 12)):
            if self.blank(k):
                continue
            a, b = _strip_span(text, *self.lines[k])
            if _MAIL_MARK_RE.match(text, a, b):
                return k if k > i and self.mail_header(k, n) is not None else None
            written += 1
            if written > 5:
                return None
        return None

    def mail_header(self, i: int, n: int) -> tuple[int, int, int, list[_DateMatch]] | None:
        """The header of the e-mail the release came in, from line *i*: its fields, one a
        line (a long one may go on, indented, on the next), ``From:`` among them and one
        more, maybe under a forward's mark (``-----Original Message-----``). Returns the
        line after it, where it starts and ends, and the dates of its ``Sent:`` or
        ``Date:`` line; keeps its subject (:attr:`_subject`)."""
        text = self.text
        if i >= n:
            return None
        a, b = _strip_span(text, *self.lines[i])
        start = a
        k = i + 1 if _MAIL_MARK_RE.match(text, a, b) else i
        fields: dict[str, str] = {}
        dates: list[_DateMatch] = []
        end = b
        while k < n and not self.blank(k):
            la, lb = self.lines[k]
            if fields and text[la:lb][:1] in " \t":
                end = _strip_span(text, la, lb)[1]  # a long field, folded
                k += 1
                continue
            fa, fb = _strip_span(text, la, lb)
            m = _MAIL_FIELD_RE.match(text, fa, fb)
            if m is None:
                break
            name = m.group("field").lower()
            fields.setdefault(name, m.group("value").strip())
            if name in ("sent", "date"):
                dates.extend(d for d in find_dates(text, m.start("value"), fb) if d.value)
            end = fb
            k += 1
        if "from" not in fields or len(fields) < 2:
            return None
        subject = _SUBJECT_PREFIX_RE.sub("", fields.get("subject") or fields.get("re", "")).strip()
        if subject and self._subject is None:
            self._subject = " ".join(subject.split())
        return k, start, end, dates

    def label_dates(self, i: int) -> list[_DateMatch] | None:
        """The dates of the label on line *i* (``FOR IMMEDIATE RELEASE``, ``News Release:
        May 3, 2011``, ``EMBARGOED UNTIL …``); None when it is no label. A label that is an
        ordinary word (``Statement``) is one only right above a headline."""
        text = self.text
        a, b = _strip_span(text, *self.lines[i])
        label = _LABEL_RE.match(text, a, b)
        issued = False
        if not label:
            # ``European Commission - Press release``, ``UEFA Media Release``: the issuer's
            # name, then the label (a headline in Title Case may end so too: one only over
            # a headline or the rest of a heading)
            at = _ISSUED_LABEL_RE.search(text, a, b)
            if at is None or not _issuer_name(text[a:at.start()].rstrip(" \t|:–—-")):
                return None
            label = _LABEL_RE.match(text, at.start(), b)
            if label is None:
                return None
            issued = True
        embargo, weak = bool(label.group("embargo")), bool(label.group("weak"))
        rest = label.start("rest")
        # a label after a label: ``Press release – embargoed until …``
        while rest < b and (more := _LABEL_RE.match(text, rest, b)) and not more.group("weak"):
            rest = more.start("rest")
            embargo = embargo or bool(more.group("embargo"))
        d = date_at(text, rest, b) if rest < b else None
        if not (embargo or rest >= b or d and (_strip_span(text, d.end, b)[1] <= d.end
                                              or _TIME_RE.match(text, d.end, b))):
            return None
        if weak and not self.headline_follows(i) or issued and not self.heading_follows(i):
            return None
        return [found for found in find_dates(text, a, b) if found.value]

    def headline_follows(self, i: int) -> bool:
        """Is the next non-blank line after line *i* a headline?"""
        j = self.next_nonblank(i + 1, len(self.lines))
        return j < len(self.lines) and _headline(self.text, *_strip_span(self.text, *self.lines[j]))

    def heading_follows(self, i: int) -> bool:
        """Is the next non-blank line after line *i* a headline, or a line of a publisher's
        heading (a label, a reference number, a date alone)?"""
        j = self.next_nonblank(i + 1, len(self.lines))
        if j >= len(self.lines):
            return False
        a, b = _strip_span(self.text, *self.lines[j])
        return (_headline(self.text, a, b) or _reference(self.text[a:b])
                or _date_alone(self.text, a, b) is not None or _LABEL_RE.match(self.text, a, b) is not None)

    def label_block(self, i: int, stop: int) -> tuple[int, _DateMatch] | None:
        """Under a label with no date on line *i*: the short lines of its block (no blank line
        between) down to a date alone on its line (``Media Note`` / ``Office of the
        Spokesperson`` / ``Washington, DC`` / ``May 5, 2012``): that line and its date."""
        text = self.text
        for k in range(i + 1, min(i + 6, stop)):
            if self.blank(k):
                return None
            a, b = _strip_span(text, *self.lines[k])
            if d := _date_alone(text, a, b):
                return k, d
            if not _heading_line(text, a, b):
                return None
        return None

    def issuer_lines(self, i: int, n: int) -> int | None:
        """When line *i* opens a block of short lines naming who issues the release over its
        label (``THE WHITE HOUSE`` / ``Office of the Press Secretary`` / ``____`` / ``For
        Immediate Release``), the label's line."""
        text = self.text
        for k in range(i, min(i + 5, n)):
            if self.blank(k):
                return None
            if k > i and self.label_dates(k) is not None:
                return k
            a, b = _strip_span(text, *self.lines[k])
            if _RULE_RE.match(text, a, b):
                continue
            if not _heading_line(text, a, b) or date_at(text, a, b):
                return None
        return None

    def labels_under_title(self, i: int, stop: int) -> tuple[int, list[_DateMatch]]:
        """Label lines right under the title (``FOR IMMEDIATE RELEASE`` written after the
        headline, as pages saved from a website often have it; ``Media Note`` / ``Office of
        the Spokesperson`` / ``May 5, 2012``; a reference number, ``AI Index: EUR
        56/9123/2025``), like those above it."""
        dates: list[_DateMatch] = []
        j = self.next_nonblank(i, stop)
        while j < stop:
            a, b = _strip_span(self.text, *self.lines[j])
            found = self.label_dates(j)
            if found is None and _reference(self.text[a:b]):
                found = []
            k = j
            if found is None and self.text[a:b].isupper():
                # the issuer in capitals over a label (``THE WHITE HOUSE`` / ``Office of the
                # Press Secretary`` / ``For Immediate Release``), under the headline
                k = self.issuer_lines(j, stop)
                if k is None:
                    break
                found = self.label_dates(k)
            if found is None:
                break
            if not found and (block := self.label_block(k, stop)):
                k, d = block
                found, b = [d], d.end
            elif k > j:
                b = _strip_span(self.text, *self.lines[k])[1]
            if self.next_nonblank(k + 1, stop) >= stop:
                break
            self.add("preamble", a, b)
            dates.extend(found)
            i = k + 1
            j = self.next_nonblank(i, stop)
        return i, dates

    def published_date(self, i: int) -> _DateMatch | None:
        """The date of line *i* when it is a ``Published on …`` line (``Posted:``, ``Date:``…)."""
        if not _PUBLISHED_RE.match(self.line_text(i)):
            return None
        found = find_dates(self.text, *self.lines[i])
        return found[0] if found else None

    def whole_paragraph(self, i: int) -> bool:
        """Is line *i* a paragraph by itself, longer than any wrapping width and ending a
        sentence?"""
        a, b = _strip_span(self.text, *self.lines[i])
        return b - a > UNWRAPPED and _SENTENCE_STOP_RE.search(self.text, a, b) is not None

    def closing_follows(self, i: int, n: int) -> bool:
        """Does a closing section follow line *i* (a bare heading or mark): nothing, the usual
        closing sections, an end mark, or a contact (an address, a telephone number, a link)?"""
        j = self.next_nonblank(i + 1, n)
        if j >= n:
            return True
        line = self.line_text(j).strip()
        return bool(_BOILERPLATE_RE.match(line) or _END_MARK_RE.match(line)
                    or _CONTACT_LIKE_RE.search(line))

    def footer_line(self, first: int, n: int) -> int:
        """The line where the footer starts (``n`` when there is none)."""
        candidates = [n]
        # one pass to the first of: a publisher's footer marker, an end mark (``###``), or
        # one of the usual closing sections at the start of a paragraph after the first two
        # (the title and the body's first paragraph come before any of them)
        markers = self.footer_markers
        paragraph = 0
        for i in range(first, n):
            if self.blank(i):
                continue
            # a paragraph starts after a blank line, or after a line that is a paragraph
            # by itself (text with one paragraph a line: see _one_paragraph_a_line)
            starts = i == first or self.blank(i - 1) or self.whole_paragraph(i - 1)
            paragraph += starts
            line = self.line_text(i).strip()
            if (i > first and (markers and line.startswith(markers) or _END_MARK_RE.match(line))
                    or starts and paragraph > 2 and _BOILERPLATE_RE.match(line)):
                if _BARE_HEADING_RE.match(line) and not self.closing_follows(i, n):
                    continue  # ``***`` between parts, ``Further information`` on the subject
                candidates.append(i)
                break
        # a "Published on <date>" line near the end: what follows is boilerplate (not one
        # right under the title: that is the release's date line)
        above = list(islice((k for k in range(first, n) if not self.blank(k)), 2))
        for i in range(n - 1, first, -1):
            line = self.line_text(i)
            if len(above) < 2 or i <= above[1]:
                break
            if self.published_date(i):
                if (i + 1 < n and any(not self.blank(k) for k in range(i + 1, n))
                        and not self.heading_only(first, i)):
                    candidates.append(i + 1)
                break
            if n - i > 40:
                break
        stop = min(candidates)
        if stop < n:
            end = len(self.text)
            last = n - 1
            while last > stop and self.blank(last):
                last -= 1
            if last > stop and (late := self.published_date(last)):
                # ``Published on …`` last, under a closing section (``About the group``):
                # the release's date, not boilerplate
                self._late_published = (last, late)
                end = self.lines[last][0]
            self.add("footer", self.lines[stop][0], end)
        return stop

    def heading_only(self, first: int, i: int) -> bool:
        """Are the lines from *first* to *i* (exclusive) a heading alone: the title and a
        deck under it, no sentence of a body among them? A ``Published 12 June 2025`` line
        right there is the release's date line, not the start of its boilerplate (a short
        release had everything under its deck taken for boilerplate)."""
        blocks = 0
        for k in range(first, i):
            if self.blank(k):
                continue
            blocks += k == first or self.blank(k - 1)
            line = self.line_text(k).strip()
            if blocks > 2 or len(line) > 150 or line[-1] in ".!?”\"":
                return False
        return True

    def title(self, first: int, stop: int, given: Any = None,
              ) -> tuple[str, tuple[int, int, _DateMatch | None] | None, int]:
        """The title from the first non-blank line; returns (title, span, next line).

        With a title *given* by the header, a line is the title line only when it says the
        same (its words, case aside): any other first line is the release's own text, kept
        in its page (``Maria Okonkwo welcomed…`` under ``title: The ruling``), not a title
        the header replaces."""
        kept = len(self.segments), len(self.problems), self._top_dateline
        found = self._title_line(first, stop)
        if given and found[1] is not None and words_of(found[0]) != words_of(str(given)):
            del self.segments[kept[0]:], self.problems[kept[1]:]
            self._top_dateline = kept[2]
            return str(given), None, self.next_nonblank(first, stop)
        return found

    def _title_line(self, first: int, stop: int,
                    ) -> tuple[str, tuple[int, int, _DateMatch | None] | None, int]:
        i = self.next_nonblank(first, stop)
        if self._subject:  # the release came by e-mail: its subject names it
            fallback, source, severity = self._subject, "the subject in its header", "info"
        else:
            fallback, source, severity = _title_from_name(self.name), "the file name", "warning"
        if self.encoding == "binary":  # its first "line" is noise, not a title
            return fallback, None, i
        if i >= stop:
            if self.text.replace("\ufeff", "").strip():
                self.problem(None, severity, "release_title",
                             f"no title line; using {fallback!r} from {source}")
            return fallback, None, i
        a, b = _strip_span(self.text, *self.lines[i])
        line = self.text[a:b]
        if d := date_at(self.text, a, b):
            j = self.next_nonblank(i + 1, stop)
            if d.end == b and j < stop and self.next_nonblank(j + 1, stop) < stop:
                # a date alone on the first line, then a headline: ``May 5, 2012`` / ``Title``
                ta, tb = _strip_span(self.text, *self.lines[j])
                if _headline(self.text, ta, tb):
                    self.add("date", d.start, d.end)
                    self.add("title", ta, tb)
                    return " ".join(self.text[ta:tb].split()), (ta, tb, d), j + 1
            # the first line is (or starts with) a date: there is no title line
            self.problem(a, severity, "release_title",
                         f"no title line (the release starts with a date); using {fallback!r} "
                         f"from {source}")
            return fallback, None, i
        place = _PLACE_DATE_RE.match(self.text, a, b)
        if place and place.group("eol") is not None and (
                place.group("open") or self.text.startswith(",", place.end("place"))):
            j = self.next_nonblank(i + 1, stop)
            if j < stop and self.next_nonblank(j + 1, stop) < stop:
                # a place, a comma and a date alone on the first line, then a headline:
                # ``Brussels, 5 May 2012`` / ``Title``: the dateline, written above the
                # headline (``Rights Talks 2011-04-27``: a title and its date)
                ta, tb = _strip_span(self.text, *self.lines[j])
                if _headline(self.text, ta, tb):
                    self.add("dateline", a, b)
                    self.add("title", ta, tb)
                    self._top_dateline = (place.start("place"), place.end("place"))
                    found = find_dates(self.text, a, b)
                    return (" ".join(self.text[ta:tb].split()),
                            (ta, tb, found[0] if found else None), j + 1)
        opening = _dateline_at(self.text, a, b)
        if (opening and opening.end() < b and line[-1] in ".!?”\"’'"
                and (opening.group("place").isupper() or find_dates(self.text, a, opening.end())
                     or self._subject)):
            # ``GENEVA (3 March 2014) – The High Commissioner today…``: the body's first
            # sentence, after its dateline; there is no title line
            self.problem(a, severity, "release_title",
                         f"no title line (the release starts with its dateline); using "
                         f"{fallback!r} from {source}")
            return fallback, None, i
        if len(line) > 300 or (len(line) > (0 if self._subject else 150)
                               and re.search(r"[.!?][”\"]?$", line)):
            self.problem(a, severity, "release_title",
                         "the first line reads as body text, not a title; "
                         f"using {fallback!r} from {source}")
            return fallback, None, i
        if i + 1 < stop and not self.blank(i + 1):
            na, nb = _strip_span(self.text, *self.lines[i + 1])
            following = self.text[na:nb]
            if (_TITLE_GOES_ON_RE.search(line) or self.text[na].islower()
                    or title_case(line) and title_case(following)
                    and line.isupper() == following.isupper()
                    or self.wrapped(line, following)) and not (
                    self.line_date(na, nb) or _dateline_at(self.text, na, nb)
                    or BYLINE_RE.match(self.text, na, nb) or self.label_dates(i + 1) is not None
                    or _reference(following)):
                # a headline wrapped onto a second line (``… Not Enough to Address`` /
                # ``China's Mounting …``, or ``… threatened with eviction, new`` / ``Shelter
                # research reveals`` in a text wrapped at 72 columns): one title
                b, i = nb, i + 1
        trailing = None
        dates = find_dates(self.text, a, b)
        if dates and _strip_span(self.text, dates[-1].start, b)[1] == dates[-1].end == b:
            trailing = dates[-1]
            b = _strip_span(self.text, a, trailing.start)[1]
        self.add("title", a, b)
        if trailing:
            self.add("date", trailing.start, trailing.end)
        return " ".join(self.text[a:b].split()), (a, b, trailing), i + 1

    _width: int | None = -1  # the width the text is wrapped at: see :meth:`wrapped`

    def wrapped(self, line: str, following: str) -> bool:
        """Was *line* broken before *following* by wrapping the text at a width: does it end
        with no sentence's end, and would the next word not have fit on it? The width is
        that of the text's longest line, when the text is wrapped (no line longer than any
        width text is wrapped at, and one as long as a usual width: 60 columns or more).
        A deck under a headline is no wrap: it starts a line the headline had room for, or
        (``ACME ROBOTICS UNVEILS …`` / ``Company says …``) is not in the headline's capitals."""
        if self._width == -1:
            longest = max((b - a for a, b in (_strip_span(self.text, *span) for span in self.lines)),
                          default=0)
            self._width = longest if 60 <= longest <= UNWRAPPED else None
        word = following.split(maxsplit=1)[0] if following.strip() else ""
        return (self._width is not None and line[-1:] not in ".!?:;" and bool(word)
                and len(line) + 1 + len(word) > self._width
                and (following.isupper() or not line.isupper()))

    def date_line(self, i: int, stop: int) -> tuple[int, _DateMatch | None]:
        """A line after the title that is, or starts with, a date (``Tuesday, May 3, 2011``),
        also under a byline (``By Jane Roe``, kept as the body's first paragraph), and the
        publisher's heading under it (:meth:`heading_under_date_line`)."""
        j = self.next_nonblank(i, stop)
        if j >= stop:
            return j, None
        a, b = _strip_span(self.text, *self.lines[j])
        if _deck(self.text, a, b) and not self.line_date(a, b):
            # a deck under the headline (a subtitle): the date line may follow it
            k = self.next_nonblank(j + 1, stop)
            if k < stop:
                ka, kb = _strip_span(self.text, *self.lines[k])
                if self.line_date(ka, kb):
                    self.add("body", a, b)
                    j, a, b = k, ka, kb
        if BYLINE_RE.match(self.text, a, b):
            k = self.next_nonblank(j + 1, stop)
            if k < stop:
                ka, kb = _strip_span(self.text, *self.lines[k])
                if self.line_date(ka, kb):
                    self.add("body", a, b)
                    j, a, b = k, ka, kb
        d = self.line_date(a, b)
        if d:
            if _TIME_RE.match(self.text, d.end, b):  # ``05 May 2012 10:32 GMT``
                self.add("date", a, b)
                return self.heading_under_date_line(j + 1, stop), d
            heading, place = _date_line_rest(self.text, d.end, b)
            if heading:  # ``10 April 2025 | News release | Geneva``, ``10 April 2025 Geneva``
                self.add("date", a, b)
                self._date_line_place = place
                return self.heading_under_date_line(j + 1, stop), d
            self.add("date", a, d.end)
            if _strip_span(self.text, d.end, b)[1] <= d.end:
                return self.heading_under_date_line(j + 1, stop), d
            self._body_start = d.end  # the body goes on on the same line
            return j, d
        return j, None

    def heading_under_date_line(self, i: int, stop: int) -> int:
        """Lines under the date line that are the publisher's heading: a reference number
        (``Release No. 25-034``), and the name of the unit that issues the release on the
        last line of the date line's block (``Tuesday, May 6, 2025 - 2:32 PM`` / ``Homicide
        Squad``: a few words, each capitalized). Returns the line after them. (A place
        alone there, ``Toronto``, reads the same: it is shown in the heading too, not
        taken for the dateline.)"""
        text = self.text
        while i < stop:
            j = self.next_nonblank(i, stop)
            if j >= stop or self.next_nonblank(j + 1, stop) >= stop:
                break  # what is left is the body
            a, b = _strip_span(text, *self.lines[j])
            line = text[a:b]
            if not (_reference(line) or j == i and (j + 1 >= stop or self.blank(j + 1))
                    and len(line.split()) <= 5 and _issuer_name(line)
                    and line[-1] not in ".!?:;" and not BYLINE_RE.match(line)
                    and not find_dates(text, a, b)):
                break
            self.add("preamble", a, b)
            i = j + 1
        return i

    def line_date(self, a: int, b: int) -> _DateMatch | None:
        """The date that starts the line ``text[a:b]``, after ``Published on:`` or the like."""
        label = _DATE_LABEL_RE.match(self.text, a, b)
        return date_at(self.text, label.end() if label else a, b)

    _body_start: int | None = None
    #: the place a date line names after its date (``10 April 2025 | News release | Geneva``)
    _date_line_place: tuple[int, int] | None = None
    _top_dateline: tuple[int, int] | None = None  # place of a dateline above the title
    #: a ``Published on`` line under the footer, and its date
    _late_published: tuple[int, _DateMatch] | None = None

    def body(self, i: int, stop: int, dates: list) -> tuple[str | None, tuple[int, int] | None]:
        """Paragraphs of lines ``i..stop``; the dateline at the start of the first one."""
        if i >= stop:
            return None, None
        start = self.lines[i][0]
        if self._body_start is not None and self._body_start > start:
            start = self._body_start
        # paragraphs: runs of non-blank lines (or each line of a run that is one
        # paragraph a line)
        paragraphs: list[tuple[int, int]] = []
        run: list[tuple[int, int]] = []
        for k in range(i, stop + 1):
            if k < stop:
                a, b = self.lines[k]
                a = max(a, start)
                if self.text[a:b].strip():
                    run.append((a, b))
                    continue
            if run:
                paragraphs.extend(run if _one_paragraph_a_line(self.text, run)
                                  else [(run[0][0], run[-1][1])])
                run = []
        dateline = dateline_span = self._top_dateline
        if dateline_span:
            dateline = self.text[dateline_span[0]:dateline_span[1]]
        # the dateline opens the first paragraph, or the second under a short deck (a
        # subtitle: a few words, no sentence's end)
        for k in range(0 if dateline_span else min(2, len(paragraphs))):
            a, b = _strip_span(self.text, *paragraphs[k])
            m = _dateline_at(self.text, a, min(b, a + 160))
            if not (m and m.end() < b and _opens_sentence(self.text, m, b)):
                m = _PLACE_DATE_RE.match(self.text, a, b)
            # ``GENEVA, 3 March 2014`` alone in its paragraph opens the next one, if any
            alone = m is not None and m.end() >= b
            if m and (not alone or k + 1 < len(paragraphs)):
                dateline_span = (m.start("place"), m.end("place"))
                dateline = self.text[dateline_span[0]:dateline_span[1]]
                self.add("dateline", m.start(), m.end())
                found = find_dates(self.text, m.start(), m.end())
                if found:
                    dates.append(("dateline", found[0]))
                if alone:
                    del paragraphs[k]
                else:
                    paragraphs[k] = (m.end(), paragraphs[k][1])
                break
            if not _deck(self.text, a, b) or "\n" in self.text[a:b].strip():
                break
        if dateline_span is None and self._date_line_place is not None:
            # none opens the body: the place the date line names
            dateline_span = self._date_line_place
            dateline = self.text[dateline_span[0]:dateline_span[1]]
        for a, b in paragraphs:
            self.add("body", a, b)
        return dateline, dateline_span

    def choose_date(self, header: dict[str, Any], dates: list[tuple[str, _DateMatch]]) -> _dt.date | None:
        for where, d in dates:
            if d.value is None:
                self.problem(d.start, "error", "release_date",
                             f"{d.written!r} ({where}) is not a real date")
        valid = [(w, d) for w, d in dates if d.value is not None]
        if header.get("date") == UNKNOWN_DATE:
            return None  # the archive files it under its folder's year, month not given
        if header.get("date"):
            return header["date"]
        if not valid and self.encoding != "binary":
            opening = self.opening_date()
            if opening:
                self.problem(opening.start, "warning", "release_date",
                             f"no date line; dated {opening.value} from {opening.written!r} at "
                             "the start of the text; if that is not when it was published, add "
                             "a header line `date: YYYY-MM-DD` between --- lines at the top")
                return opening.value
        if not valid:
            if self.text.replace("\ufeff", "").strip() and self.encoding != "binary":
                self.problem(None, "error", "release_date",
                             "no publication date found; add a header line `date: YYYY-MM-DD` "
                             "between --- lines at the top of the file (`date: unknown` if "
                             "nobody knows it)")
            return None
        chosen_where, chosen = valid[0]
        for where, d in valid[1:]:
            if d.value != chosen.value:
                self.problem(d.start, "warning", "release_date",
                             f"dates disagree: {chosen.written!r} ({chosen_where}) and "
                             f"{d.written!r} ({where}); using {chosen.value}")
        return chosen.value

    def opening_date(self) -> _DateMatch | None:
        """A date written near the start of one of the first two paragraphs (``Updated:
        June 2, 2012``, ``On May 3, 2011, the group…``), for a release that has no date where
        dates go."""
        body = sorted((s for s in self.segments if s.kind == "body"), key=lambda s: s.start)
        for seg in body[:2]:
            for d in find_dates(self.text, seg.start, min(seg.end, seg.start + 80)):
                if d.value is not None:
                    return d
        return None

    def tile(self) -> list[Segment]:
        """The segments in order, with ``gap`` segments filling every space between them."""
        out: list[Segment] = []
        pos = 0
        for seg in sorted(self.segments, key=lambda s: s.start):
            if seg.start < pos:  # overlapping inference: keep the earlier segment whole
                if seg.end <= pos:
                    continue
                seg = Segment(seg.kind, pos, seg.end)
            if seg.start > pos:
                out.append(Segment("gap", pos, seg.start))
            out.append(seg)
            pos = seg.end
        if pos < len(self.text):
            out.append(Segment("gap", pos, len(self.text)))
        return out


#: Longer than any width text is wrapped at: a line this long is a whole paragraph.
UNWRAPPED = 100
#: A line this short may end without a full stop among paragraphs of a line each: a
#: subheading, a list item.
SHORT_LINE = 60


def _date_alone(text: str, a: int, b: int) -> _DateMatch | None:
    """The date that is all of the line ``text[a:b]`` (stripped), if it is one."""
    d = date_at(text, a, b)
    return d if d and d.end == b else None


def _heading_line(text: str, a: int, b: int) -> bool:
    """Does the line ``text[a:b]`` (stripped) read as a line of a heading (an office, a
    place: short, no sentence's end) rather than a sentence?"""
    return b - a <= 80 and text[b - 1] not in ".!?:;"


#: What parts a date line after its date: ``10 April 2025 | News release | Geneva``.
_DATE_LINE_PARTS_RE = _PATTERNS.compile(r"[^|·•]+")


def _date_line_rest(text: str, start: int, end: int) -> tuple[bool, tuple[int, int] | None]:
    """Is what follows a date on its line, ``text[start:end]``, more of the date line (``|
    News release | Geneva``, `` Geneva``: a label, a place, short parts between bars) rather
    than the body's first words (``The body begins here.``)? And where is the place it
    names, if it names one (the last part that reads as a place: a name of one to three
    words, no label)?"""
    parts = []
    for m in _DATE_LINE_PARTS_RE.finditer(text, start, end):
        a, b = m.start(), m.end()
        while a < b and (text[a].isspace() or text[a] in ",–—-"):
            a += 1
        a, b = _strip_span(text, a, b)
        if b > a:
            parts.append((a, b))
    if not parts:
        return False, None
    barred = len(parts) > 1 or any(c in text[start:parts[0][0]] for c in "|·•")
    place = None
    for a, b in parts:
        part = text[a:b]
        label = _LABEL_RE.match(part) or _ISSUED_LABEL_RE.search(part)
        if not label and _place_name(part):
            place = (a, b)
        elif not (label or barred and len(part.split()) <= 6 and part[-1] not in ".!?:;"):
            return False, None
    return True, place


def _place_name(words: str) -> bool:
    """Do *words* read as a place's name (``Geneva``, ``New York``, ``Rio de Janeiro``): one to
    four words, no digit, each starting with a capital but the little words of a name?"""
    split = words.split()
    return (0 < len(split) <= 4 and split[0][0].isupper() and not any(c.isdigit() for c in words)
            and words[-1] not in ".!?:;" and _issuer_name(words))


def _contact_line(text: str, a: int, b: int) -> bool:
    """Can the line ``text[a:b]`` (stripped) go on a press contact, as a name, a role or an
    office (``Jane Doe``, ``Press Secretary``, ``EPA Press Office``): a few words, no
    sentence, no date?"""
    return (b - a <= 60 and len(text[a:b].split()) <= 6 and text[b - 1] not in ".!?:;"
            and not find_dates(text, a, b) and not _dateline_at(text, a, b))


def _one_paragraph_a_line(text: str, lines: list[tuple[int, int]]) -> bool:
    """Are these lines, with no blank line between, one paragraph each (as text copied
    from a web page or a word processor has them) rather than one paragraph wrapped at
    some width? So when a line is longer than any wrapping width and every line ends a
    sentence or is short (a subheading, a list item)."""
    if len(lines) < 2 or max(b - a for a, b in lines) <= UNWRAPPED:
        return False
    for a, b in lines:
        a, b = _strip_span(text, a, b)
        if b - a > SHORT_LINE and not _SENTENCE_STOP_RE.search(text, a, b):
            return False
    return True


def _dateline_at(text: str, start: int, end: int) -> re.Match[str] | _Dateline | None:
    """The dateline that opens ``text[start:end]``, if one does. A dash written without
    spaces (``GENEVA—The``) ends a place in capitals only (``U.S.—China talks`` is a
    sentence)."""
    global _UNCASED_DATELINE_RE
    if start < end and _UNCASED_LETTER.match(text, start):
        # (the date read in ASCII's digits: ``القاهرة، ٥ مايو ٢٠١١ –``); compiled when a
        # paragraph opens in Arabic or Hebrew, not by every process that imports the parser
        if _UNCASED_DATELINE_RE is None:
            _UNCASED_DATELINE_RE = _PATTERNS.compile(_UNCASED_DATELINE)
        return _UNCASED_DATELINE_RE.match(_western(text, start, end), start, end)
    m: re.Match[str] | _Dateline | None = _DATELINE_RE.match(text, start, end)
    if m is not None and (d := date_at(text, m.end(), end)) is not None and (
            dash := _DASH_AFTER_DATE_RE.match(text, d.end, end)) is not None:
        m = _Dateline(m, dash.end())
    if m and not m.group("wire") and not text[m.end() - 1].isspace():
        place = m.group("place")
        if not (place.isupper() and len(re.sub(r"\W", "", place)) >= 4):
            return None
    return m


class _Dateline:
    """A match of :data:`_DATELINE_RE` that goes on over a date and a dash after it."""

    __slots__ = ("_m", "_end")

    def __init__(self, m: re.Match[str], end: int) -> None:
        self._m, self._end = m, end

    def group(self, name: str | int = 0) -> str | None:
        return self._m.string[self._m.start():self._end] if name == 0 else self._m.group(name)

    def start(self, name: str | int = 0) -> int:
        return self._m.start(name)

    def end(self, name: str | int = 0) -> int:
        return self._end if name == 0 else self._m.end(name)


def _headline(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` (a line) read as a headline: a few words, no sentence's end,
    no date or dateline at its start?"""
    line = text[start:end]
    return (len(line) <= 150 and len(line.split()) >= 2 and line[-1] not in ".:;,"
            and not date_at(text, start, end) and not _dateline_at(text, start, end))


def _opens_sentence(text: str, m: re.Match[str], end: int) -> bool:
    """Is the dateline *m*, at the start of a paragraph ending at *end*, one: a place in
    capitals (``GENEVA –``), a place with a date (``Brussels, 5 May 2012 –``), or a place
    before a sentence, which the paragraph ends (``Brussels – The Commission proposed …
    today.``)? A deck that names a topic, then a subtitle, is no sentence: ``Sudan –
    Statement by the spokesperson`` names no place the release was issued from."""
    first = m.group("place").split(maxsplit=1)[0]
    return (first.isupper() and sum(c.isalpha() for c in first) >= 2
            or bool(m.group("wire")) or bool(find_dates(text, m.start(), m.end()))
            or _SENTENCE_STOP_RE.search(text, max(m.end(), end - 8), end) is not None)


def _deck(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` (a line) read as a deck under the headline: a headline, or a
    topic and a subtitle (``Sudan – Statement by the spokesperson``), which opens like a
    dateline but before no sentence?"""
    if _headline(text, start, end):
        return True
    m = _dateline_at(text, start, end)
    return (m is not None and m.end() < end and not _opens_sentence(text, m, end)
            and end - start <= 150 and text[end - 1] not in ".:;," and not date_at(text, start, end))


def _as_written(line: str, key: str) -> str | None:
    """The number *key* has as its header *line* writes it (``title: 3.10``, ``12:30``), or
    None (written with YAML's marks, ``&a 3.10``, ``!!float 3.10``, or on other lines)."""
    m = re.match(r"\s*['\"]?" + re.escape(key)
                 + r"['\"]?\s*:\s*([-+]?[0-9][\w.:+-]*)\s*(?:#.*)?$", line)
    return m.group(1) if m else None


def _title_from_name(name: str) -> str:
    stem = Path(name).stem
    stem = re.sub(r"^\d{4}-\d{2}-\d{2}-?", "", stem)
    words = re.split(r"[-_\s]+", stem)
    return " ".join(w for w in words if w).capitalize() or Path(name).name


# --------------------------------------------------------------------------- quotes


def _quote_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``(open, close)`` offsets of top-level quotation marks in ``text[start:end]``; the last
    pair may be ``(open, None)``: a double quotation mark that nothing closes.

    Single curly quotes (``‘…’``, as British releases write them) count when the opening
    one starts a word and the closing one ends a word (``won’t`` and ``the group’s`` close
    nothing), with no double quotation mark between; a ``‘`` with no such closer (``the
    ‘90s``) is an apostrophe. The other single marks (``‚…‘``, ``‹…›``, ``›…‹``) close at
    their closing mark with no double mark between, or open nothing. A mark of
    :data:`_SHAPED_OPENERS` opens only as :func:`opens_quotation` says, and one that nothing
    closes is left open only with no double mark after it: else it is an arrow or a
    breadcrumb's (``Home »News``), and the quotations after it are read. Every mark is found
    once and closers are looked up by bisection: a paragraph of thousands of quotation
    marks costs time in proportion.
    """
    order: list[int] = []  # every quotation mark, in order
    at: dict[str, list[int]] = {}  # and those of each character
    for m in _QUOTE_MARK_RE.finditer(text, start, end):
        order.append(m.start())
        at.setdefault(m.group(), []).append(m.start())
    if not order:
        return
    # a ``’`` that ends a word (not ``won’t``), and the double marks, for single quotes
    closers = [c for c in at.get("’", ())
               if not (c + 1 < len(text) and text[c + 1].isalnum()) and not text[c - 1].isspace()]
    doubles = sorted(p for ch in DOUBLE_MARKS for p in at.get(ch, ()))
    k = 0
    while k < len(order):
        o = order[k]
        closer = _OPENERS.get(text[o])
        if closer is None or not opens_quotation(text, o, start, end):
            k += 1
            continue
        if closer == "’":
            c = _single_close(text, o, closers, doubles)
        else:
            c = None  # the first of its closing marks after it
            for ch in closer:
                same = at.get(ch, [])
                i = bisect_right(same, o)
                if i < len(same) and (c is None or same[i] < c):
                    c = same[i]
            if text[o] in _SINGLE_OPENERS and c is not None:
                j = bisect_right(doubles, o)
                if j < len(doubles) and doubles[j] < c:
                    c = None
        if c is None:
            if text[o] not in _SINGLE_OPENERS and not (
                    text[o] in _SHAPED_OPENERS and bisect_right(doubles, o) < len(doubles)):
                yield o, None  # left open: see find_quotes
                return
            k += 1  # a single mark, or an arrow (``Home »News``) with quotations after it
            continue
        yield o, c
        k = bisect_right(order, c, k)


def opens_quotation(text: str, at: int, start: int, end: int) -> bool:
    """Is the mark at *at* (in ``text[start:end]``) one that may open a quotation there? A
    mark of :data:`_SHAPED_OPENERS` only before a word and after none (``»Das``, ``”Det``,
    ``‚Gut‘``; not the ``»`` closing a French ``« … »`` nor a ``‚`` written for a comma)."""
    mark = text[at]
    if mark not in _OPENERS:
        return False
    if mark not in _SHAPED_OPENERS:
        return True
    return (at + 1 < end and text[at + 1].isalnum()
            and (at == start or not (text[at - 1].isalnum() or text[at - 1] in ".,;!?")))


def quotation_closers(text: str, at: int, start: int, end: int) -> str:
    """The marks that close the quotation the mark at *at* opens (in ``text[start:end]``),
    "" if it opens none."""
    return _OPENERS[text[at]] if opens_quotation(text, at, start, end) else ""


def _single_close(text: str, o: int, closers: list[int], doubles: list[int]) -> int | None:
    """The ``’`` closing the single quotation opened at *o*, if that is one: the first
    word-ending *closers* after it, with none of the *doubles* between."""
    if o > 0 and (text[o - 1].isalnum() or text[o - 1] in "’'"):
        return None
    i = bisect_right(closers, o)
    if i == len(closers):
        return None
    j = bisect_right(doubles, o)
    if j < len(doubles) and doubles[j] < closers[i]:
        return None
    return closers[i]


#: Words that open a sentence before the speaker's name, capitalized as its first word
#: (``Then Jane Roe said:``, ``Meanwhile Jane Roe said:``): no part of the name.
_OPENING_WORDS_RE = _PATTERNS.compile(
    r"(?:(?:" + "|".join(sorted(OPENING_WORDS, key=lambda w: (-len(w), w))) + r")\s+)+(?=\w)")


#: A time read where a speaker's name goes (``On Monday, the minister, who chaired the
#: meeting, said:`` gave ``On Monday``): a day or ``Yesterday``, or a month after a word that
#: puts it in a sentence (``In March``; ``May`` alone may be Theresa May).
_DAY = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tonight|"
        r"Yesterday|Tomorrow)")
_WHEN_RE = _PATTERNS.compile(
    r"(?:(?:On|In|At|By|Since|Until|Last|This|Next|Early|Late|Mid)\s+)+"
    rf"(?:{_DAY}|{'|'.join(MONTH_NAMES)})|{_DAY}")
_POSSESSIVE_RE = _PATTERNS.compile(r"['’]s\s+")
_LINE_BREAK_RE = _PATTERNS.compile(r"\r\n?|\n")


_GREEK_OR_CYRILLIC = _PATTERNS.compile("[\u0370-\u03ff\u0400-\u052f]")
_PATRONYMIC = _PATTERNS.compile("(?:вич|вна|ична|инична|ьич)$")


def _speaker_name(m: re.Match[str]) -> tuple[str, int, int]:
    """The speaker's own name: ``Brian Dooley`` in ``Human Rights First’s Brian Dooley``
    and in ``Then Brian Dooley``; ``Jane Roe`` under a line that holds nothing else but
    the words before it (``Key Facts`` / ``Jane Roe said: …``: a heading over the name,
    where a name wrapped has words before it on its first line)."""
    text = m.string
    s, e = m.start("speaker"), m.end("speaker")
    for cut in _POSSESSIVE_RE.finditer(text, s, e):
        s = cut.end()
    breaks = list(_LINE_BREAK_RE.finditer(text, s, e))
    if breaks and not text[max(text.rfind("\n", 0, s), text.rfind("\r", 0, s)) + 1:s].strip():
        s = breaks[-1].end()
        while text[s] in " \t":
            s += 1
    opening = _OPENING_WORDS_RE.match(text, s, e)
    if opening and opening.end() < e:
        s = opening.end()
    if _GREEK_OR_CYRILLIC.match(text, s):
        # after a role, a body's name in the genitive before the person's (``министр
        # иностранных дел России Сергей Лавров``, ``η υπουργός Εξωτερικών Ντόρα
        # Μπακογιάννη``): the person's is the last two words, or three with a patronymic
        # (``Сергей Викторович Лавров``)
        words = list(re.finditer(r"\S+", text[s:e]))
        keep = 3 if len(words) >= 3 and _PATRONYMIC.search(words[-2].group()) else 2
        if len(words) > keep:
            s += words[-keep].start()
    return text[s:e], s, e


def straight_closes(text: str, at: int, start: int, end: int) -> bool:
    """Is the straight ``"`` at *at* (in ``text[start:end]``) shaped as a closing mark: after
    a word, before no word?"""
    return at > start and not text[at - 1].isspace() and (
        at + 1 >= end or not text[at + 1].isalnum())


def _closing_mark(text: str, closer: str, para: Paragraph) -> int | None:
    """Where *para*'s first double quotation mark is, if it is *closer* closing a quotation
    (a straight ``"`` after a word, not before one): else None."""
    for m in _QUOTE_MARK_RE.finditer(text, para.start, para.end):
        mark = m.group()
        if mark not in DOUBLE_MARKS:
            continue
        at = m.start()
        if mark not in closer or mark == '"' and not straight_closes(text, at, para.start,
                                                                   para.end):
            return None
        return at
    return None


def find_quotes(text: str, paragraphs: list[Paragraph]) -> list[Quote]:
    """Quoted passages in the body and their speakers.

    A quote is attributed by ``“…,” said X`` / ``“…,” X said`` / ``“…,” X, who X is,
    said`` / ``“…,” said the group’s director, X`` / ``“…,” according to X`` / ``“…” – X``
    after it or ``X said: “…”`` / ``X, who X is, said: “…”`` / ``X said that “…”`` /
    ``According to X, “…”`` before it, or ``X said:`` ending the paragraph before one that
    the quote opens. A quote that follows an attributed sentence with
    nothing else between continues the same speaker; a pronoun (``he said``)
    refers to the last named speaker.

    A quotation that goes on over paragraphs is written as newspapers write it: no closing
    mark at the end of a paragraph, an opening one at the start of the next. Each
    paragraph's part is a quote of its own, all with the speaker named at any of them.
    Some texts break a paragraph inside a quotation without reopening it (``He said, "In
    the first half it felt good.`` / ``We could have scored early." After the match …``):
    a quotation left open that the next paragraph's first double mark closes runs on to
    that mark, each paragraph's part again a quote of its own.
    """
    quotes: list[Quote] = []
    last: tuple[str, int, int] | None = None
    # a quotation left open at the end of the previous paragraph: its speaker, and the
    # indexes in *quotes* of its parts that have none yet
    carried: tuple[str, int, int] | None = None
    unnamed: list[int] = []
    going_on = False
    run_on: int | None = None  # the mark in this paragraph closing a quotation run on to it
    for n, para in enumerate(paragraphs):
        ends: list[int] | None = None
        prev_end: int | None = None  # where the last attributed sentence ended
        prev_speaker: tuple[str, int, int] | None = None
        opening = para.start
        while opening < para.end and text[opening].isspace():
            opening += 1
        goes_on, going_on = going_on, False
        spans: Iterable[tuple[int, int | None]] = _quote_spans(text, para.start, para.end)
        carried_at = opening  # where a part of a quotation carried on from before opens
        if run_on is not None:  # its part here: from the paragraph's start to the mark
            carried_at = opening - 1
            spans = chain(((carried_at, run_on),), _quote_spans(text, run_on + 1, para.end))
            run_on = None
        for o, c in spans:
            left_open = c is None
            if left_open:
                # left open: a quotation the next paragraph carries on, if it opens with a
                # quotation mark or its first double mark closes this one (else a stray
                # mark, no quotation)
                following = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
                if following is None:
                    break
                if text[o] in _SHAPED_OPENERS:
                    # ``»…``, ``”…``: only a paragraph that reopens it with that mark
                    # carries it on (else an arrow, a breadcrumb's: ``Home »News``)
                    if text[following.start] != text[o]:
                        break
                elif text[following.start] not in _DOUBLE_OPENERS:
                    run_on = _closing_mark(text, _OPENERS[text[o]], following)
                    if run_on is None:
                        break
                c = para.end
            inner_a, inner_b = _strip_span(text, o + 1, c)
            # ‘scare quotes’ and titles are not quotations: fewer than three words are one
            # only when their own punctuation ends them and a speaker says them right
            # after (“No,” said Jane Roe. / “Shameful!” Jane Roe said.), or, in the
            # languages that put the comma after the closing mark, when a verb of their
            # own says who spoke them (``„Wir gewinnen“, sagte X``; English's ``the
            # “compromise”, said Jane Roe`` holds scare quotes still)
            short = len(text[inner_a:inner_b].split()) < 3
            if (short and text[inner_b - 1] not in ",.!?"
                    and not any(regex.match(text, c + 1, min(para.end, c + 200))
                                for regex in _SAID_ABROAD_AFTER)):
                continue
            speaker = None
            after = None
            for regex in _SAID_AFTER if short else _AFTER_RES:
                if regex is _SIGNATURE_RE and text[inner_b - 1] not in ".!?…":
                    continue
                after = after or regex.match(text, c + 1, min(para.end, c + 200))
            if not after and not short and text[o] in _GERMAN_OPENERS:
                after = _SO_AFTER.match(text, c + 1, min(para.end, c + 200))
            if short and not after:
                continue
            before = None
            lead = text[max(para.start, o - 6):o].rstrip()
            if lead[-1:] in (":", ",") or lead[-5:] == " that":
                for regex in _BEFORE_RES:
                    before = before or regex.search(text, max(para.start, o - 200), o)
            elif o == opening and n and text[paragraphs[n - 1].end - 1] == ":":
                # ``Jane Roe, the group’s director, said:`` a paragraph of its own, the
                # quotation the next (as British releases lay it out)
                said = paragraphs[n - 1]
                for regex in _BEFORE_RES:
                    before = before or regex.search(text, max(said.start, said.end - 200), said.end)
            if after and before and after.group("speaker") in _PRONOUNS \
                    and before.group("speaker") not in _PRONOUNS:
                after = None  # ``X said, “…”. She explained …``: X, named, said it
            if after:
                speaker = _speaker_name(after)
                if ends is None:  # where the paragraph's sentences end, found once
                    ends = [m.end() for m in _STOP_RE.finditer(text, para.start, para.end)]
                k = bisect_right(ends, after.end())
                prev_end = ends[k] if k < len(ends) else para.end
            elif before:
                speaker = _speaker_name(before)
                prev_end = c + 1
            elif prev_speaker and prev_end is not None and not text[prev_end:o].strip():
                speaker = prev_speaker
                prev_end = c + 1
            elif goes_on and o == carried_at:
                speaker = carried  # the paragraph carries on the quotation left open
                prev_end = c + 1
            else:
                prev_end = None
            if speaker and speaker[0] and _WHEN_RE.fullmatch(speaker[0]):
                speaker = None  # ``On Monday, the minister, who …, said:``: a time, no one
            if speaker and speaker[0] in _PRONOUNS:
                # the last named speaker, and where the pronoun is (a person named since
                # may be the one it refers to: :func:`refer_pronouns`)
                if speaker[0] in _PERSONAL:
                    speaker = (*(last[:3] if last else (None, None, None)), speaker[1])
                else:
                    speaker = last[:3] if last and last[0] else None
            if speaker:
                last = prev_speaker = speaker
            if not (goes_on and o == carried_at):
                unnamed = []  # no part of a quotation carried on from the paragraph before
            elif speaker:
                for i in unnamed:  # the speaker named at a later part names the earlier ones
                    quotes[i] = replace(quotes[i], speaker=speaker[0],
                                        speaker_start=speaker[1], speaker_end=speaker[2],
                                        pronoun=speaker[3] if len(speaker) > 3 else None)
                unnamed = []
            going_on = left_open  # (only a quotation kept carries a speaker on)
            if going_on:
                carried = speaker
                if not speaker:
                    unnamed.append(len(quotes))
            # the speaker: (name, start, end), and where the pronoun is when one names it
            quotes.append(Quote(inner_a, inner_b, text[inner_a:inner_b],
                                *(speaker or (None, None, None))))
    return quotes


#: After a person's name, who the person is, then the verb: ``X, the union's president,``.
_THEN_VERB = r"(?:,[^.!?\n“”\"]{1,100},)?\s+"
#: After a person's name, a verb that makes the person the one who speaks (``X said the
#: union would…``, ``X, the union's president, told reporters…``).
_SAYS_AFTER = _PATTERNS.compile(
    _THEN_VERB + r"(?:said|says|told|added|adds|stated|explained|noted|"
    r"warned|argued|asked|replied|insisted|stressed|urged|recalled|spoke|speaks|"
    r"a (?:déclaré|dit|ajouté|expliqué)|sagte|erklärte)\b")
#: After a person's name, a verb in the passive: the sentence is about the person, who
#: is not the one speaking in it (``Ai Weiwei was arrested in April.``).
_PASSIVE_AFTER = _PATTERNS.compile(
    _THEN_VERB + r"(?:was|were|is|are|has been|have been|had been|will be)"
    r"\s+(?:\w+ly\s+)?\w+(?:ed|en)\b")
#: Where a sentence starts: after a stop and a blank, a line break, or a colon.
_SENTENCE_START = _PATTERNS.compile(r"(?:[.!?…][\"”’')\]]*\s+|\n|:\s+)(?=[^.!?…\n]*$)")


def refer_pronouns(text: str, quotes: Sequence[Quote],
                   persons: Sequence[tuple[int, int]]) -> list[Quote]:
    """*quotes* with each quote attributed by a pronoun (``“…,” she said``) given to the
    person it refers to: the last person named since the last named speaker, before the
    pronoun (in its paragraph or the one before) and outside every quotation, as the
    subject of a sentence (``Priya Castellanos spoke next.``, ``Then Harry Kane …``:
    nothing but capitalized words before the name in its sentence) or as one who speaks
    (``Tomás Rell, the union's president, said the port…``); else the last named speaker,
    as :func:`find_quotes` gave it.

    *persons* are the spans of the text's mentions of people, in text order (which names
    are people's the registry knows, not the parser). A person named in passing
    (``He criticized President Obama.``), or the subject of a verb in the passive (``Ai
    Weiwei was arrested``), is not the one a pronoun refers to."""
    if not any(q.pronoun is not None for q in quotes):
        return list(quotes)
    quoted = [(q.start, q.end) for q in quotes]

    def inside_quote(at: int) -> bool:
        i = bisect_right(quoted, (at, len(text))) - 1
        return i >= 0 and quoted[i][0] <= at < quoted[i][1]

    def subject(start: int, end: int) -> bool:
        if _SAYS_AFTER.match(text, end):
            return True
        if _PASSIVE_AFTER.match(text, end):
            return False
        window = text[max(0, start - 120):start]
        m = _SENTENCE_START.search(window)
        lead = window[m.end():] if m else (window if start <= 120 else None)
        if lead is None:
            return False  # a sentence of more than 120 characters before the name
        return all(word[:1].isupper() for word in lead.replace("’s", "").split())

    # where paragraphs break (a run of blank lines), found once: the persons looked at for
    # a pronoun are those between it and the start of the paragraph before, by bisection
    # (a scan per quotation was quadratic in a long release)
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    persons = sorted(persons)
    out = []
    for q in quotes:
        if q.pronoun is not None:
            # since the last named speaker, in the pronoun's paragraph or the one before
            k = bisect_right(breaks, q.pronoun)
            floor = max(q.speaker_end if q.speaker_end is not None else 0,
                        breaks[k - 2] + 1 if k >= 2 else 0)
            named = None
            i = bisect_right(persons, (q.pronoun, len(text)))
            while i > 0:
                i -= 1
                start, end = persons[i]
                if start < floor:
                    break
                if end <= q.pronoun and not inside_quote(start) and subject(start, end):
                    named = (start, end)
                    break
            if named is not None:
                q = replace(q, speaker=text[named[0]:named[1]], speaker_start=named[0],
                            speaker_end=named[1])
        out.append(q)
    return out


_PARAGRAPH_BREAK = _PATTERNS.compile(r"\n(?:[ \t\r]*\n)+")


def slugify(title: str, max_words: int = 8) -> str:
    """A file-name slug from a title: ``upcoming-dialogue-not-enough-to-address-chinas``.

    Accents are dropped (``Café`` -> ``cafe``), and other marks beyond ASCII (``China’s`` ->
    ``chinas``); letters of other scripts are kept (``中文出版社``; they were dropped, and
    every such title or publisher was ``release``)."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", title)
                      if (c.isascii() or c.isalnum()) and not unicodedata.combining(c))
    words = re.findall(r"[^\W_]+", folded.lower())
    if len(words) > max_words:
        # a title cut mid-phrase does not end on a little word (``…-at-port-of``); one not
        # cut is kept whole (``Plan A``, ``What We Stand For``)
        words = words[:max_words]
        while len(words) > 1 and words[-1] in _SLUG_TAIL:
            words.pop()
    return "-".join(words) or "release"


#: Words a slug does not end on (English and the other languages the parser reads).
_SLUG_TAIL = frozenset("""a an the of at to in on for and or by with from as into
    de la le les des du d l et au aux el los las y del en un una o da do dos e em no na
    der die das und von zu im am mit""".split())


_PATTERNS.save()  # after the last pattern the import compiles
