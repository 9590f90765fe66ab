"""Subcommands for libraries that move between engines: copy-library."""

from __future__ import annotations

import argparse
import os
from typing import Any, TextIO

from desktop.commands.common import Handler, emit


def register(sub: Any) -> dict[str, Handler]:
    """Add ``copy-library`` to ``sub``."""
    p = sub.add_parser(
        "copy-library",
        help="copy a whole library into a new, empty one (SQLite file or PostgreSQL URL), in one transaction",
    )
    p.add_argument("--from", dest="source", required=True, metavar="URL", help="the library to copy")
    p.add_argument("--to", dest="target", required=True, metavar="URL", help="an empty or new library")
    p.add_argument("--json", action="store_true")
    return {"copy-library": _cmd_copy_library}


def _cmd_copy_library(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.storage.db import open_library, resolve_database_url
    from desktop.storage.library_copy import copy_library

    with (
        open_library(resolve_database_url(args.source, os.environ)) as source,
        open_library(resolve_database_url(args.target, os.environ)) as target,
    ):
        counts = copy_library(source, target)
    if args.json:
        emit(counts, out)
    else:
        for name, count in counts.items():
            out.write(f"{name}: {count}\n")
        out.write(f"copied {counts.get('articles', 0)} articles into {target.url}\n")
    return 0
