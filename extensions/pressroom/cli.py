"""The ``pressroom`` command: one sub-command per module in :mod:`pressroom.commands`.

Each command module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``. Exit codes are the same for every command:

- 0: done, nothing wrong;
- 1: done, but errors were found in the input (``check``), or some inputs failed;
- 2: the command line itself is wrong (unknown option, missing file).

No input makes the command print a traceback: problems with input are printed
as ``file:line: severity: message [pressroom.subtype]``, on standard output for
``check`` (its findings are its output, ready to pipe) and on standard error for
the other commands.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from pressroom import __version__
from pressroom.problems import PressroomError

#: Command modules, in the order ``--help`` lists them.
COMMANDS = ("annotate", "check", "evaluate", "add", "suggest", "stats")

EPILOG = """\
examples:
  pressroom check                       validate corpus/ and the registry
  pressroom annotate --registry corpus/entities corpus/releases/some.txt
  pressroom add ~/Downloads/statement.txt
  pressroom suggest --min-count 2

exit codes: 0 done (warnings and notes may be printed), 1 errors found in the
input (check --strict: warnings too) or an input that could not be used (each
command's --help says which), 2 bad command line.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pressroom",
        description="Turn an archive of press releases into a cross-referenced Sphinx site.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"pressroom {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"pressroom.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"pressroom.commands.{name}":
                continue  # a command not written yet is simply not offered
            raise
        cmd = sub.add_parser(
            module.NAME,
            help=module.HELP,
            description=getattr(module, "DESCRIPTION", module.HELP),
            epilog=getattr(module, "EPILOG", None),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


def _interrupted(command: str | None) -> int:
    """Ctrl-C: said, not a silent stop or a traceback (on a terminal, after the ^C it echoed)."""
    name = f"pressroom {command}" if command else "pressroom"
    print(("\n" if sys.stderr.isatty() else "") + f"{name}: interrupted", file=sys.stderr)
    return 130


def main(argv: Sequence[str] | None = None) -> int:
    try:
        # importing the commands' modules takes most of the first ~0.3 s
        parser = build_parser()
    except KeyboardInterrupt:
        return _interrupted(None)
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except PressroomError as exc:
        print(exc.problem.format(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        # the add of a folder says which files it placed as it places them; nothing
        # is left half-written
        return _interrupted(args.command)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
