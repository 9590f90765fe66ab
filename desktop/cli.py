"""The command line: the same core and storage the window uses, for scripts and analysts.

Exit status: 0 on success, 1 on a user error (one clear line on stderr), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO, cast

from desktop.commands import COMMANDS, command_modules
from desktop.commands.common import Handler, TerminalText, close_libraries, refuse_missing_library, warn
from desktop.core.errors import UserError, message_of
from desktop.core.identity import clean_user_name
from desktop.core.printable import printable_line


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # exit 2 with one line, no usage dump noise
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {printable_line(message)}\n")


@functools.cache
def _build(only: str | None = None) -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    """The parser and handlers, built once per process (parsing leaves the parser unchanged); with
    ``only``, a known command's name, just that command's (what one call needs)."""
    parser = _Parser(prog="briefing-reader", description="Read, annotate and export news and briefings.")
    parser.add_argument("--db", metavar="URL", help="library: a SQLite file path or a database URL")
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="who works: recorded with notes, corrections and imports "
        "(default: BRIEFING_READER_USER, else the name chosen in the window, else the login name)",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    handlers: dict[str, Handler] = {}
    for module in command_modules(only):
        handlers.update(module.register(sub))
    return parser, handlers


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of all subcommands."""
    return _build()[0]


def subcommands() -> tuple[str, ...]:
    """The names of all subcommands."""
    return tuple(COMMANDS)


def _message(error: BaseException) -> str:
    return printable_line(message_of(error))


def run_cli(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Run one subcommand; returns the exit status. All output goes through :class:`TerminalText`."""
    safe_out = cast(TextIO, TerminalText(out or sys.stdout))  # a text stream like any other
    word = _first_word(argv)
    parser, handlers = _build(word if word in COMMANDS and not _top_level_help(argv, word) else None)
    if word is not None and word not in handlers and not any(a in ("-h", "--help") for a in argv):
        parser.error(unknown_command_message(word))
    args = parser.parse_args(list(argv))
    if args.command is None:
        parser.error("give a command (see --help)")
    if args.user is not None and not clean_user_name(args.user):
        parser.error("--user needs a name with at least one visible character")
    try:
        refuse_missing_library(args)
        return handlers[args.command](args, safe_out)
    except KeyboardInterrupt:
        warn("briefing-reader: interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:
        if isinstance(error, (UserError, OSError)):
            warn(f"briefing-reader: {_message(error)}")
            return 1
        if os.environ.get("BRIEFING_READER_DEBUG"):
            raise
        log = _write_crash_log(error)
        warn(f"briefing-reader: unexpected error ({_message(error)}); details in {log}")
        return 1
    finally:
        close_libraries()


def _write_crash_log(error: BaseException) -> str:
    import tempfile
    import traceback

    from desktop.storage.db import default_database_path

    text = "".join(traceback.format_exception(error))
    for folder in (default_database_path().parent, Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / "crash.log"
            with path.open("a", encoding="utf-8") as handle:
                handle.write(text + "\n")
            return str(path)
        except OSError:
            continue
    return "(no writable folder for a log)"


def _first_word(argv: Sequence[str]) -> str | None:
    """The first argument that is not an option or an option's value; None when there is none."""
    rest = list(argv)
    while rest and rest[0].startswith("-") and rest[0] != "-":
        option = rest.pop(0)
        if option in ("--db", "--user") and rest:
            rest.pop(0)
    return rest[0] if rest else None


def _top_level_help(argv: Sequence[str], word: str) -> bool:
    """Whether ``-h``/``--help`` comes before the command's name (the help of all commands)."""
    before = list(argv)[: list(argv).index(word)]
    return any(a in ("-h", "--help") for a in before)


def is_cli_invocation(argv: Sequence[str]) -> bool:
    """True unless the window should open: with no arguments, or with files and folders to open.

    A first word that is neither a subcommand nor an existing file or folder is a mistyped
    command: the command line answers it with a usage error, so a script never waits on a window.
    """
    if any(a in ("-h", "--help") for a in argv):
        return True
    word = _first_word(argv)
    if word is None:
        return False
    return word in subcommands() or not os.path.lexists(word)


def unknown_command_message(word: str) -> str:
    """The usage error for a first word that is no subcommand, with a suggestion."""
    import difflib  # only for a mistyped command

    close = difflib.get_close_matches(word, subcommands(), n=1, cutoff=0.6)
    hint = f"did you mean “{close[0]}”?" if close else f"the commands are: {', '.join(subcommands())}"
    return f"unknown command “{printable_line(word)}” (and no such file); {hint}"
