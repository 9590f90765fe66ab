"""Subcommands that need no library: entities, install-desktop-entry."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from desktop.commands.common import Handler, field


def register(sub: Any) -> dict[str, Handler]:
    """Add the library-less subcommands to ``sub``."""
    p = sub.add_parser("entities", help="recognise named entities in a text (no library needed)")
    p.add_argument("--language", choices=("de", "en", "auto"), default="auto")
    p.add_argument("--jsonl", action="store_true", help='one {"text", "language"} object per input line')
    p.add_argument("file", nargs="?", default="-", metavar="FILE")

    sub.add_parser("install-desktop-entry", help="add Briefing Reader to the desktop menu (Linux)")
    return {"entities": _cmd_entities, "install-desktop-entry": _cmd_install_desktop_entry}


def _cmd_entities(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.entities_cli import run_entities

    return run_entities(args.file, language=args.language, jsonl=args.jsonl, out=out)


def _cmd_install_desktop_entry(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.desktop_entry import install_desktop_entry

    for path in install_desktop_entry():
        out.write(f"installed {field(path)}\n")
    return 0
