"""What every subcommand shares: opening the library, safe terminal output, the user-error type."""

from __future__ import annotations

import argparse
import io
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from desktop.core.printable import printable_line, terminal_safe

if TYPE_CHECKING:
    from desktop.services.sqlite_reads import LibraryReader

Handler = Callable[[argparse.Namespace, TextIO], int]
T = TypeVar("T")

#: How many rows a listing that can grow with the library shows unless ``--limit``/``--all`` ask otherwise.
DEFAULT_LIMIT = 100

MAX_ID = 2**63 - 1
"""Largest id the library can hold (SQLite's INTEGER); larger ids name nothing."""


BOLD, PLAIN = "\x1b[1m", "\x1b[0m"


class TerminalText(io.TextIOBase):
    """A text stream that writes through :func:`~desktop.core.printable.terminal_safe`.

    Every command writes its output through one of these, so no field (a title, a note, a file
    name) can send escape sequences to the terminal; JSON stays valid because the escapes are JSON's.
    """

    def __init__(self, out: TextIO) -> None:
        super().__init__()
        self._out = out

    def write(self, text: str) -> int:
        """Write ``text`` with control characters escaped (newline and tab kept)."""
        self._out.write(terminal_safe(text))
        return len(text)

    def write_bold(self, text: str) -> None:
        """Write ``text`` (made safe like any other) in bold: the one escape sequence commands send."""
        self._out.write(f"{BOLD}{terminal_safe(text)}{PLAIN}")

    def isatty(self) -> bool:
        """Whether the wrapped stream is a terminal."""
        isatty = getattr(self._out, "isatty", None)
        return bool(isatty and isatty())

    def flush(self) -> None:
        """Flush the wrapped stream."""
        self._out.flush()

    def writable(self) -> bool:
        """Always true."""
        return True


def field(value: object) -> str:
    """A value as one printable line (None as ""): how every field of a text listing is shown."""
    return "" if value is None else printable_line(str(value))


def warn(message: str) -> None:
    """Write ``message`` to stderr as one printable line."""
    sys.stderr.write(terminal_safe(printable_line(message)) + "\n")
    sys.stderr.flush()


def emit(data: Any, out: TextIO) -> None:
    """Write ``data`` as JSON (non-ASCII kept as is, control characters escaped), with the C encoder.

    A list (or any iterator of rows) is streamed, one element per line (:func:`emit_rows`); a
    mapping has one key per line and each of its lists one element per line (a dossier's thousands
    of articles are encoded by C, not by the pure-Python encoder that indenting needs); anything
    else is one line.
    """
    if isinstance(data, list | tuple | Iterator):
        emit_rows(data, out)
        return
    encode = _ROW_ENCODER.encode
    if not isinstance(data, Mapping) or not data:
        out.write(terminal_safe(encode(data)) + "\n")
        return
    separator = "{\n"
    for key, value in data.items():
        out.write(f"{separator}  {terminal_safe(encode(str(key)))}: ")
        if isinstance(value, list | tuple) and value:
            out.write("[\n")
            out.write(",\n".join(f"    {terminal_safe(encode(item))}" for item in value))
            out.write("\n  ]")
        else:
            out.write(terminal_safe(encode(value)))
        separator = ",\n"
    out.write("\n}\n")


_ROW_ENCODER = json.JSONEncoder(ensure_ascii=False)  # no indent: the C encoder does the work


def emit_rows(rows: Iterable[Any], out: TextIO) -> None:
    """Write ``rows`` as one JSON array, each element on its own line, as they come (no list built)."""
    encode = _ROW_ENCODER.encode
    separator = "[\n"
    for row in rows:
        out.write(separator)
        out.write(terminal_safe(encode(row)))
        separator = ",\n"
    out.write("[]\n" if separator == "[\n" else "\n]\n")


def not_found(kind: str, ident: int) -> Exception:
    """The error for an id that names nothing, worded as the services word it."""
    from desktop.services.errors import NotFoundError

    if kind == "article":
        return NotFoundError(f"There is no article {ident} in this library.")
    return NotFoundError(f"There is no {kind} {ident}.")


def check_id(kind: str, ident: int | None) -> None:
    """Refuse ids no row can have (negative, zero, beyond SQLite's integers) as "no such …"."""
    if ident is not None and not 1 <= ident <= MAX_ID:
        raise not_found(kind, ident)


def require_article(session: Any, article_id: int) -> None:
    """Raise "no such article" unless the library holds article ``article_id``."""
    from desktop.storage.models import Article

    check_id("article", article_id)
    if session.get(Article, article_id) is None:
        raise not_found("article", article_id)


STARTS_LIBRARY = frozenset({"import", "restore", "copy-library", "entities", "install-desktop-entry"})
"""Commands that may start a library at a new path (or need none); any other command naming a library
file that is not there says so instead of leaving an empty library behind."""


def refuse_missing_library(args: argparse.Namespace) -> None:
    """Raise a user error when the command only works on a library and ``--db`` names a missing file."""
    from desktop.core.errors import UserError
    from desktop.storage.urls import missing_library_file

    sources = [args.source] if args.command == "copy-library" else []
    if args.command not in STARTS_LIBRARY:
        sources.append(args.db)
    for value in sources:
        path = missing_library_file(value, os.environ)
        if path is not None:
            raise UserError(f"There is no library at {path} (import articles to start one there).")


_OPENED: list[Any] = []


def close_libraries() -> None:
    """Close the libraries commands opened (their connections; a server's sessions end at once)."""
    while _OPENED:
        _OPENED.pop().close()


UPGRADE_NOTICE = (
    "Updating the library to this version's format (once; a large library takes a few minutes) ..."
)


def _say_upgrading() -> None:
    print(UPGRADE_NOTICE, file=sys.stderr, flush=True)


def open_library(args: argparse.Namespace) -> Any:
    """Open the selected library; a brand-new default library starts with the sample briefing."""
    from desktop.storage.db import ENV_VAR, default_database_path, open_library, resolve_database_url

    is_default = args.db is None and not os.environ.get(ENV_VAR)
    is_new = is_default and not default_database_path().exists()
    from desktop.services.authors import session_user_name

    user = session_user_name(getattr(args, "user", None))
    library = open_library(resolve_database_url(args.db, os.environ), user=user, on_upgrade=_say_upgrading)
    _OPENED.append(library)
    if is_new and args.command != "import":
        from desktop.services.recognition import library_recognizer
        from desktop.services.seeding import seed_if_empty

        for result in seed_if_empty(library, library_recognizer(library)):
            warn(f"first start: sample {result.status} as article {result.id}: {result.title}")
    return library


@contextmanager
def fast_reader(args: argparse.Namespace) -> Iterator[LibraryReader | None]:
    """A reader of the selected library without SQLAlchemy (desktop.services.sqlite_reads) for a command
    that only reads, or None: then the command opens the library the usual way (see :func:`fast_read`).

    Only a SQLite file already at the newest schema is read this way; opening it the usual way would
    change nothing in it (no migration, no backup, no sample) and reading needs no user name.
    """
    from desktop.storage.urls import existing_library_file

    try:
        path = existing_library_file(args.db, os.environ)
    except OSError:  # a name the system refuses: the usual way says so
        path = None
    if path is None:
        yield None
        return
    from desktop.services.sqlite_reads import open_reader

    reader = open_reader(path)
    try:
        yield reader
    except sqlite3.OperationalError as exc:  # while rows were written: as the usual way words it
        from desktop.storage.errors import explain_operational_error

        typed = explain_operational_error(exc)
        if typed is None:
            raise
        raise typed from exc
    finally:
        if reader is not None:
            reader.close()


def fast_read(reader: LibraryReader | None, work: Callable[[LibraryReader], T]) -> T | None:
    """``work(reader)``, or None when there is no reader or SQLite failed (before anything was written):
    the command then does its work the usual way, which recovers or says what is wrong.
    With ``BRIEFING_READER_DEBUG`` set the failure is raised instead (tests see it)."""
    if reader is None:
        return None
    try:
        return work(reader)
    except sqlite3.DatabaseError:
        if os.environ.get("BRIEFING_READER_DEBUG"):
            raise
        return None


def positive_int(text: str) -> int:
    """An argparse type for counts: a whole number from 1 to 2^63-1; else a usage error."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text} is out of range (1 to {MAX_ID})")
    return value


def add_limit_options(parser: argparse.ArgumentParser, what: str, default: int = DEFAULT_LIMIT) -> None:
    """``--limit N`` and ``--all`` for a listing of ``what`` (plural) of ``default`` rows unless asked."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--limit", type=positive_int, metavar="N", help=f"at most N {what} (default {default})"
    )
    group.add_argument("--all", action="store_true", help=f"all {what}, however many")
    parser.set_defaults(default_limit=default)


def row_limit(args: argparse.Namespace) -> int | None:
    """The most rows ``args`` asks for (None: all)."""
    if getattr(args, "all", False):
        return None
    return getattr(args, "limit", None) or getattr(args, "default_limit", None)


def one_more(limit: int | None) -> int | None:
    """The rows to read for a listing of ``limit`` rows: one more tells whether it was cut."""
    return None if limit is None else limit + 1


def bounded(rows: Iterable[T], limit: int | None, what: str) -> Iterator[T]:
    """``rows`` up to ``limit``; when a further row follows, a note on stderr says how to see the rest."""
    for count, row in enumerate(rows):
        if limit is not None and count >= limit:
            warn(f"note: only the first {limit} {what} are listed; --limit N or --all for more")
            return
        yield row


def hint_outdated(library: Any) -> None:
    """One line on stderr when some articles predate quote finding (``reanalyze`` updates them)."""
    from desktop.services.quotes import outdated_articles

    say_outdated(outdated_articles(library))


def say_outdated(count: int) -> None:
    """The note of :func:`hint_outdated` for ``count`` articles that predate quote finding (none: no note)."""
    if count:
        articles = "article predates" if count == 1 else "articles predate"
        warn(f"note: {count} {articles} quote finding; run `briefing-reader reanalyze` to update them")
