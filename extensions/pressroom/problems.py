"""Problems found in releases, the registry and hand-written pages.

Every problem the tool reports is a :class:`Problem` with a file, a line (when
there is one), a severity and a *subtype* from :data:`SUBTYPES`. The command
line prints them as ``file:line: severity: message [pressroom.subtype]``; the
Sphinx layer turns them into warnings with ``type="pressroom"`` and the same
subtype, so ``suppress_warnings = ["pressroom.<subtype>"]`` silences one kind.

:data:`SUBTYPES` is the single catalogue of subtypes: the docs' warnings page
is generated from it, and a test checks that every subtype used in the code is
listed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]

#: Every warning subtype, with what it means. Keep in sync with its uses:
#: ``tests/test_problems.py`` checks that the code uses only these.
SUBTYPES: dict[str, str] = {
    # releases
    "release_encoding": "A release is not valid UTF-8 and was decoded with a fallback encoding "
    "(the encoding used is named), or it contains bytes that could not be decoded.",
    "release_empty": "A release file is empty or holds only whitespace, or holds no text "
    "besides its header, title and date.",
    "release_binary": "A release file looks binary (NUL bytes or mostly control characters).",
    "release_title": "No title line could be found; the file name is used instead.",
    "release_date": "No publication date could be found, a date does not exist "
    "(31 February), or two dates in the release disagree.",
    "release_header": "The optional front-matter header is not valid YAML, is not a mapping, "
    "or has an unknown, malformed or repeated field.",
    "release_control": "A release contains control characters or noncharacters, which HTML "
    "forbids (a Latin-1 file's bytes 0x80 to 0x9F among them; shown as replacement marks; a "
    "form feed, a page break in text taken from a PDF, is none: it is shown as a line break).",
    "release_duplicate": "Two release files hold the same text.",
    "release_email": "A file taken in as an e-mail (``pressroom add`` of a ``.eml``) has no "
    "e-mail header, or no text (its release is in an attachment).",
    "release_publisher": "The publisher of a release could not be inferred (``pressroom add``), "
    "or the web page it comes from names a publisher not declared (the message names it, "
    "and where the page gives it); declare it in ``pressroom_publishers`` (by its name or "
    "an alias), or give it with ``--publisher`` or a ``publisher:`` header line.",
    "release_ignored": "A file in the releases folder is not read as a release: its name does "
    "not end in ``.txt`` (a ``.TXT`` ending, a PDF, a Markdown note), or its name or its "
    "folder's holds a line break, a control character, ``<``, ``>``, a backquote or a "
    "backslash, or starts or ends with a space (the site's pages could not link it safely).",
    "release_place": "The archive would file a release elsewhere than its date says (its file "
    "name does not start with its date), a release lies in another year's folder, or outside "
    "every publisher's folder.",
    "release_missing": "A ``release`` directive names a file that does not exist or lies "
    "outside the project, a ``pressroom:release-list`` a line that is no release's document "
    "name, or a release file cannot be read (no permission, removed while being read).",
    "release_link": "A release file is a symbolic link to a file outside the releases folder "
    "(that file is published) or to nothing, or a link to a folder makes a folder's "
    "releases read twice (a loop).",
    # registry
    "registry_syntax": "A registry file is not valid YAML or JSON, or is not a list of entries.",
    "registry_ignored": "A file in the registry folder is not read: its name does not end in "
    "``.yaml``, ``.yml`` or ``.json`` (a backup, a note); or the folder holds no registry file.",
    "registry_entry": "A registry entry is not a mapping, or has a field of the wrong shape, "
    "or a field holding control characters (shown as replacement marks).",
    "registry_id": "A registry entry has a missing, malformed or duplicate id.",
    "registry_type": "A registry entry has an unknown type.",
    "registry_name": "A registry entry has no name, a name YAML read as no text (``1984`` "
    "unquoted, a number: the entry is left out until the name is quoted), or a name that "
    "cannot be linked (of fewer than two letters or digits, a common word in lower case: it "
    "is shown, not linked).",
    "registry_field": "A registry entry has a field the schema does not know (often a misspelt "
    "one, such as ``alias`` for ``aliases``; it is neither shown nor used), or a field given "
    "twice (the last one is used).",
    "registry_alias": "An alias is empty, of fewer than two letters or digits, a common word, "
    "read by YAML as a number (``007``, unquoted, is 7), or claimed by two entities (the "
    "linker then links it only where the release makes clear which one is meant).",
    "registry_date": "A date in a registry entry is malformed, given twice (``start`` and "
    "``date``, ``end`` and ``died``: one is kept, the other reported), or an event ends "
    "before it starts.",
    "registry_relation": "A relation is not written as ``relation: id`` (or a list of ids), "
    "names an id that does not exist, or relations form a cycle.",
    "alias_unused": "An alias of an entry that the corpus mentions is never how a release "
    "writes it (a misspelling, or a form no release uses).",
    "entity_unmentioned": "A registry entry is mentioned in no release.",
    "entity_duplicate": "Two registry entries are probably the same entity: the same name once "
    "case, accents and punctuation are ignored, the same words in another order, a close "
    "spelling, an initial for the first name, or one named by the other's acronym.",
    "registry_wikidata": "A ``wikidata`` value is not a Wikidata item id (``Q`` and digits).",
    "registry_sort": "An entry's ``sort`` (the form it is filed under) lacks a word of its "
    "name and of each of its aliases: probably misspelt (the entry is filed under it as "
    "written).",
    # linking and references
    "ambiguous": "A short form in a release could refer to more than one entity, so it is "
    "left unlinked.",
    "unknown_entity": "A role or directive names an entity that is not in the registry, or "
    "one of another type than the role's (``:pressroom:person:`` naming a place); a "
    "``pressroom:glossary`` names a type that is neither built in nor declared; a page a "
    "directive links to is not among the sources (a type's index of entries, when "
    "``include_patterns`` leaves out the folder of generated pages); or a "
    "release page kept from the last build links an entry removed from the registry.",
    "config": "A ``pressroom_*`` configuration value is malformed (the default is used), a "
    "folder it names does not exist, the folder the generated pages go to holds files "
    "Pressroom did not write (nothing is written into it), a folder Pressroom generated "
    "under a former setting is still there (it is no longer read), or a page "
    "``pressroom_moved`` lists cannot be redirected (its former path is a page of the site, "
    "its path now is none).",
}

#: The subtypes that only some of the tools report; every other one, the build and
#: ``pressroom check`` both. ``tests/test_problems.py`` checks this against the code.
REPORTED_BY: dict[str, str] = {
    # comparing the whole registry with the whole corpus: a check, not a build's business
    "alias_unused": "pressroom check",
    "entity_unmentioned": "pressroom check",
    "entity_duplicate": "pressroom check",
    # taking a file in
    "release_email": "pressroom add",
    "release_publisher": "pressroom add",
    # in hand-written pages and in what the last build left
    "unknown_entity": "the build",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input, located by file and line (1-based)."""

    file: str
    line: int | None
    severity: Severity
    subtype: str
    message: str

    def __post_init__(self) -> None:
        if self.subtype not in SUBTYPES:  # a programming error, not an input error
            raise ValueError(f"unknown problem subtype {self.subtype!r}")

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity}: {self.message} [pressroom.{self.subtype}]"

    def __str__(self) -> str:
        return self.format()


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``1 release``, ``2 releases``, ``1,024 entries`` (with *plural*)."""
    return f"{n:,} {singular if n == 1 else plural or singular + 's'}"


class PressroomError(Exception):
    """An input that cannot be used at all; carries the :class:`Problem`."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format())
        self.problem = problem
