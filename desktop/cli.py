"""The command line: the same core and storage the window uses, for scripts and analysts.

Exit status: 0 on success, 1 on a user error (one clear line on stderr), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from desktop.commands import command_modules
from desktop.commands.common import Handler, UserError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # exit 2 with one line, no usage dump noise
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _build() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    parser = _Parser(prog="briefing-reader", description="Read, annotate and export news and briefings.")
    parser.add_argument("--db", metavar="URL", help="library: a SQLite file path or a database URL")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    handlers: dict[str, Handler] = {}
    for module in command_modules():
        handlers.update(module.register(sub))
    return parser, handlers


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of all subcommands."""
    return _build()[0]


def subcommands() -> tuple[str, ...]:
    """The names of all subcommands."""
    return tuple(_build()[1])


def _user_error_types() -> tuple[type[BaseException], ...]:
    from desktop.core.anchoring import AnchorError
    from desktop.core.export_md import ExportError
    from desktop.core.ingest import IngestError
    from desktop.core.tags import TagError
    from desktop.services.annotations import AnnotationError
    from desktop.services.entities_cli import EntitiesInputError
    from desktop.services.queries import NotFoundError
    from desktop.storage.errors import StorageError

    return (
        UserError,
        EntitiesInputError,
        AnchorError,
        ExportError,
        IngestError,
        TagError,
        AnnotationError,
        NotFoundError,
        StorageError,
        OSError,
    )


def _message(error: BaseException) -> str:
    message = getattr(error, "message", None) or str(error) or error.__class__.__name__
    if isinstance(error, OSError) and error.strerror:
        message = f"{error.strerror}: {error.filename}" if error.filename else error.strerror
    return " ".join(str(message).split())


def run_cli(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Run one subcommand; returns the exit status."""
    out = out or sys.stdout
    parser, handlers = _build()
    args = parser.parse_args(list(argv))
    try:
        return handlers[args.command](args, out)
    except KeyboardInterrupt:
        sys.stderr.write("briefing-reader: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:
        if isinstance(error, _user_error_types()):
            sys.stderr.write(f"briefing-reader: {_message(error)}\n")
            return 1
        if os.environ.get("BRIEFING_READER_DEBUG"):
            raise
        log = _write_crash_log(error)
        sys.stderr.write(f"briefing-reader: unexpected error ({_message(error)}); details in {log}\n")
        return 1


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


def is_cli_invocation(argv: Sequence[str]) -> bool:
    """True when the arguments name a subcommand (else the window opens)."""
    rest = list(argv)
    while rest and rest[0].startswith("-"):
        option = rest.pop(0)
        if option == "--db" and rest:
            rest.pop(0)
        elif option in ("-h", "--help"):
            return True
    return bool(rest) and rest[0] in subcommands()
