"""Subcommands that look after the library file: backup, restore, check."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from desktop.commands.common import Handler, emit
from desktop.core.errors import UserError


def register(sub: Any) -> dict[str, Handler]:
    """Add the maintenance subcommands to ``sub``."""
    p = sub.add_parser("backup", help="back the library up (into its backups folder, or to FILE)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the backup to FILE (a new file)")

    p = sub.add_parser("restore", help="replace the library with a backup (the current one is kept)")
    p.add_argument("file", metavar="FILE", help="a backup of a Briefing Reader library")

    p = sub.add_parser("check", help="check the library; rebuild the search index if it is inconsistent")
    p.add_argument("--no-repair", action="store_true", help="only report, change nothing")
    p.add_argument(
        "--compare",
        metavar="URL",
        help="compare with another library (row counts and content hashes) instead",
    )
    p.add_argument("--json", action="store_true")
    return {"backup": _cmd_backup, "restore": _cmd_restore, "check": _cmd_check}


def _url(args: argparse.Namespace) -> str:
    from desktop.storage.db import resolve_database_url

    return resolve_database_url(args.db, os.environ)


def _size(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:.1f} MB"


def _cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.storage.backup import copy_database, make_backup
    from desktop.storage.db import open_library

    with open_library(_url(args)) as library:
        if library.path is None:
            raise UserError("Only a library in a SQLite file can be backed up with this command.")
        if args.output:
            target = copy_database(library.engine, Path(args.output))
        else:
            target = make_backup(library.engine)
    out.write(f"backed up to {target} ({_size(target)})\n")
    return 0


def _cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.storage.backup import restore_database
    from desktop.storage.db import create_engine_for, open_library, sqlite_file_of

    url = _url(args)
    if sqlite_file_of(url) is None:
        raise UserError("Only a library in a SQLite file can be restored with this command.")
    engine = create_engine_for(url)
    try:
        safety = restore_database(engine, Path(args.file))
    finally:
        engine.dispose()
    open_library(url).close()  # bring an older backup up to the current schema
    out.write(f"restored {args.file} into {sqlite_file_of(url)}\n")
    if safety is not None:
        out.write(f"the previous library is kept as {safety}\n")
    return 0


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    if args.compare is not None:
        return _compare(args, out)
    from desktop.storage.backup import newest_backup
    from desktop.storage.db import Library, create_engine_for, sqlite_file_of
    from desktop.storage.integrity import check_library
    from desktop.storage.migrate import current_revisions

    url = _url(args)
    path = sqlite_file_of(url)
    if path is None:
        raise UserError("Only a library in a SQLite file can be checked with this command.")
    library = Library(create_engine_for(url))
    try:
        with library.engine.connect() as conn:
            if not current_revisions(conn):
                raise UserError(f"The file {path} is not a Briefing Reader library.")
        report = check_library(library, repair=not args.no_repair)
    finally:
        library.close()
    if args.json:
        emit(report.as_json(), out)
    else:
        for line in report.lines() or ["ok: integrity, references and search index are sound"]:
            out.write(line + "\n")
    if report.ok:
        return 0
    newest = newest_backup(path)
    advice = f"briefing-reader restore {newest.path}" if newest else "restore it from a copy"
    if args.no_repair and not (report.integrity or report.foreign_keys or report.bad_mentions):
        advice = "run 'briefing-reader check' without --no-repair"
    sys.stderr.write(f"briefing-reader: the library has problems check cannot repair here; {advice}\n")
    return 1


def _compare(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.storage.db import open_library, resolve_database_url
    from desktop.storage.library_copy import compare_libraries

    with (
        open_library(_url(args)) as first,
        open_library(resolve_database_url(args.compare, os.environ)) as second,
    ):
        problems = compare_libraries(first, second)
    if args.json:
        emit({"identical": not problems, "differences": problems}, out)
    elif problems:
        out.write("".join(f"{line}\n" for line in problems))
    else:
        out.write("the libraries are identical (row counts and contents)\n")
    return 1 if problems else 0
