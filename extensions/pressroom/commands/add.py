"""``pressroom add``: take releases as received, name them and place them in the corpus."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pressroom.commands import missing_path, project_for
from pressroom.corpus import release_files, text_key
from pressroom.i18n import language_tag
from pressroom.intake import EMAIL_SUFFIXES, HTML_SUFFIXES, free_name, prepare
from pressroom.lint import display_path
from pressroom.problems import PressroomError, Problem
from pressroom.source import decode, parse_date

NAME = "add"
HELP = "place received releases (text, HTML or e-mail) in the corpus, named by date and title"
DESCRIPTION = """\
Take each FILE (or every .txt/.html/.eml file in a FOLDER) as received and place it
at <releases>/<publisher>/<year>/<date>-<slug>.txt, the slug made from the
title.

Text files are kept byte for byte. HTML pages are reduced to their text with
BeautifulSoup (the article's text whole: a paragraph a block, a line a <br>, a
table of figures a row a line; no menus, share buttons, related posts, cookie
banners, scripts or footers; a footnote's marker as [1], the footnote after the
text starting with it), with a front-matter header giving the title (the
headline; with no <h1>, the <title> without the site's name or what the page is,
such as "Press Release"), the date (the page's metadata, JSON-LD or <time>, the
time it was published, not updated) and the source URL when the page has them;
the page itself is kept beside the release, same name, .html. An empty file,
a binary one or a page whose text its scripts write is refused, saying so.
An e-mail saved as received (.eml) becomes its header as a mail program prints
it (From:, Date:, To:, Subject:) and its message's text; the message is kept
beside the release, same name, .eml.

The date and publisher come from the release itself: a front-matter header,
a date line (Tuesday, May 3, 2011 / Published on April 27, 2011), the
dateline (GENEVA, March 3, 2014 -; Brussels, 5 May 2012 above the title), a
date alone on the last line, the publisher's heading (FOR IMMEDIATE RELEASE:
May 3, 2011; Media Note / Office of the Spokesperson / May 5, 2012), the
header of the e-mail it came in (Sent: …), the publisher's footer (conf.py:
pressroom_publishers footer_markers), the source URL's site, the name a page
gives its publisher or site (og:site_name, its JSON-LD's publisher, Dublin
Core's, its author's <meta>) when it is a declared publisher's name or alias,
the e-mail's sender, or a folder named after a publisher. A page naming a
publisher that is not declared is not added: the message names it.
When they cannot be found, the file is not added and the message says how to
give them: --publisher, --date (written as a header before the received text),
or a header (---, then date: YYYY-MM-DD and publisher: Name, then ---).

A file holding the same text as a release already in the corpus (whatever its
name, line endings or header) is refused, naming that release."""
EPILOG = """\
examples:
  pressroom add ~/Downloads/statement.txt
  pressroom add --dry-run ~/inbox/                 show where each file would go
  pressroom add --publisher human-rights-first page.html
  pressroom add --date 2011-04-27 undated.txt

exit codes: 0 every file added (or would be, with --dry-run), 1 some file was
refused (duplicate, no date, no publisher, unreadable) or, in a folder given,
skipped (not a .txt, .html or .eml file; a hidden one), 2 bad command line or a
FILE that does not exist."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="FILE_OR_FOLDER",
                        help="received release files (.txt, .html, .eml) or folders holding them")
    parser.add_argument("--publisher", metavar="KEY",
                        help="publisher of every file, by its folder key, name or an alias "
                        "(pressroom_publishers): for files that do not say it themselves, "
                        "and over what those that do say")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="publication date for files in which none can be found")
    parser.add_argument("--language", metavar="TAG",
                        help="the language of files whose header states none (a tag such as "
                        "fr or pt-BR), written into a header before the received text")
    parser.add_argument("-n", "--dry-run", action="store_true",
                        help="show what would be done; write nothing")
    parser.add_argument("--root", metavar="DIR", help="project root holding conf.py")


_SUFFIXES = (".txt", ".text", *HTML_SUFFIXES, *EMAIL_SUFFIXES)


def _inputs(names: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files to take in, and those of the folders given that are not taken: (name, why).
    Hidden files (``.DS_Store``, ``.git/``) are passed over without a word unless their
    names end like a release's (``.draft.txt``)."""
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if not f.is_file():
                    continue
                release_like = f.suffix.lower() in _SUFFIXES
                if any(p.startswith(".") for p in f.relative_to(path).parts):
                    if release_like:
                        skipped.append((str(f), "a hidden file (its name or folder starts "
                                        "with '.'); rename it, or name it on the command line"))
                    continue
                if release_like:
                    files.append(f)
                else:
                    skipped.append((str(f), "not a .txt, .html or .eml file"))
        else:
            files.append(path)
    return files, skipped


def _progress(total: int):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True)
    return Progress(TextColumn("adding"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.description}", markup=False),  # a file's name
                    console=console,
                    disable=total < 5 or not console.is_terminal, transient=True)


def run(args: argparse.Namespace) -> int:
    if missing_path("add", *(("", name) for name in args.inputs), ("", args.root)):
        return 2
    date = None
    if args.date:
        date = parse_date(args.date)
        if date is None:
            print(f"pressroom add: error: --date {args.date!r} is not a date (use YYYY-MM-DD)",
                  file=sys.stderr)
            return 2
    language = None
    if args.language:
        language = language_tag(args.language)
        if language is None:
            print(f"pressroom add: error: --language {args.language!r} is not a language tag "
                  "(such as en, fr or pt-BR)", file=sys.stderr)
            return 2
    project = project_for(Path(args.root) if args.root else None)
    files, skipped = _inputs(args.inputs)
    for name, why in skipped:
        print(f"{name}: skipped: {why}", file=sys.stderr)

    # what the corpus holds already, by text
    existing: dict[str, Path] = {}
    for path in release_files(project.releases_dir):
        try:
            text, _, _ = decode(path.read_bytes(), str(path))
        except OSError:
            continue
        existing.setdefault(text_key(text), path)

    refused = added = 0
    taken: set[Path] = set()
    verb = "would add" if args.dry_run else "added"
    with _progress(len(files)) as progress:
        task = progress.add_task("", total=len(files))
        for path in files:
            progress.update(task, description=path.name)
            try:
                placement = prepare(path, project, publisher=args.publisher, date=date,
                                    language=language)
            except (OSError, PressroomError) as exc:
                reason = exc.problem.message if isinstance(exc, PressroomError) else (
                    exc.strerror or str(exc))
                print(f"{path}: error: cannot read: {reason}", file=sys.stderr)
                refused += 1
                progress.advance(task)
                continue
            text, _, _ = decode(placement.data, str(path))
            key = text_key(text)
            if placement.data and key in existing:  # (an e-mail refused unread has no data)
                print(Problem(str(path), None, "error", "release_duplicate",
                              f"not added: same text as {display_path(str(existing[key]))}")
                      .format(), file=sys.stderr)
                refused += 1
                progress.advance(task)
                continue
            if not placement.ok:
                for subtype, what in placement.missing:
                    print(Problem(str(path), None, "error", subtype, f"not added: {what}").format(),
                          file=sys.stderr)
                refused += 1
                progress.advance(task)
                continue
            assert placement.target is not None
            kept = (placement.original_suffix,) if placement.original is not None else ()
            target = free_name(placement.target, taken, kept)
            if not args.dry_run:
                written: list[Path] = []
                try:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    for name, data in ((target, placement.data), *(
                            (target.with_suffix(suffix), placement.original) for suffix in kept)):
                        with open(name, "xb") as out:  # never over a file that is there
                            written.append(name)
                            out.write(data)
                except KeyboardInterrupt:  # Ctrl-C while writing: no half-written release
                    for name in written:
                        name.unlink(missing_ok=True)
                    raise
                except OSError as exc:
                    for name in written:  # nothing half-written is left behind
                        name.unlink(missing_ok=True)
                    where = display_path(str(exc.filename or target))
                    print(f"{path}: error: not added: cannot write {where}: "
                          f"{exc.strerror or exc}", file=sys.stderr)
                    refused += 1
                    progress.advance(task)
                    continue
            taken.add(target)
            existing[key] = target
            progress.console.print(f"{verb} {path} -> {display_path(str(target))}",
                                   highlight=False, markup=False, soft_wrap=True) \
                if progress.console.is_terminal \
                else print(f"{verb} {path} -> {display_path(str(target))}")
            for note in placement.notes:
                print(f"  note: {note}")
            added += 1
            progress.advance(task)
    print(f"{added} {verb}, {refused} refused"
          + (f", {len(skipped)} skipped" if skipped else ""), file=sys.stderr)
    return 1 if refused or skipped else 0
