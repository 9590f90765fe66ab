"""Subcommands that write notes out: export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from desktop.commands.common import Handler, open_library


def register(sub: Any) -> dict[str, Handler]:
    """Add the export subcommands to ``sub``."""
    p = sub.add_parser("export", help="export notes as Markdown")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--article", type=int, metavar="ID")
    target.add_argument("--tag", metavar="TAG")
    target.add_argument("--actor", metavar="NAME")
    target.add_argument("--all", action="store_true")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (never overwritten unless --force)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    return {"export": _cmd_export}


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.core.export_md import write_new_file
    from desktop.services import exporting

    library = open_library(args)
    if args.article is not None:
        text = exporting.export_article(library, args.article)
    elif args.tag is not None:
        text = exporting.export_tag(library, args.tag)
    elif args.actor is not None:
        text = exporting.export_actor(library, args.actor)
    else:
        text = exporting.export_library(library)
    if args.output:
        path = write_new_file(Path(args.output), text, overwrite=args.force)
        sys.stderr.write(f"wrote {path}\n")
    else:
        out.write(text)
    return 0
