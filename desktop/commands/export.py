"""Subcommands that write notes out: export (one Markdown file, or an Obsidian vault folder)."""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from desktop.commands.common import Handler, check_id, fast_read, fast_reader, field, open_library, warn
from desktop.commands.note_filters import add_note_filters, has_note_filters, library_actor_id, note_filter
from desktop.core.errors import UserError

if TYPE_CHECKING:
    from desktop.services.sqlite_reads import LibraryReader


def register(sub: Any) -> dict[str, Handler]:
    """Add the export subcommands to ``sub``."""
    p = sub.add_parser("export", help="export notes as Markdown (a file, or notes in an Obsidian vault)")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--article", type=int, metavar="ID")
    target.add_argument("--tag", metavar="TAG")
    target.add_argument("--actor", metavar="NAME", help="the highlights that name this actor")
    target.add_argument("--all", action="store_true")
    target.add_argument(
        "--vault", metavar="DIR", help="one note per article and per actor in DIR, updated in place"
    )
    add_note_filters(p, actor=False)
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (never overwritten unless --force)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.add_argument(
        "--format",
        choices=("markdown", "w3c"),
        default="markdown",
        help="markdown (default) or w3c: Web Annotation JSON-LD (with --article, --tag or --all)",
    )
    return {"export": _cmd_export}


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.core.export_md import write_new_file
    from desktop.core.tags import normalize_tag
    from desktop.services.color_meanings import color_meanings

    if args.format == "w3c":
        from desktop.commands.w3c import export_w3c_command

        return export_w3c_command(args, out)
    if args.vault is not None:
        return _export_vault(args, out)
    check_id("article", args.article)
    if args.tag is not None:
        normalize_tag(args.tag)  # "" or a malformed tag is an error, never "all notes"
    meanings = color_meanings()
    with fast_reader(args) as reader:
        text = fast_read(reader, lambda r: _fast_export(r, args, meanings))
    if text is None:
        from desktop.services import exporting

        library = open_library(args)
        flt = note_filter(args, library_actor_id(library)) if has_note_filters(args) else None
        if args.article is not None:
            text = exporting.export_article(library, args.article, flt=flt, meanings=meanings)
        elif args.tag is not None:
            text = exporting.export_tag(library, args.tag, flt=flt, meanings=meanings)
        elif args.actor is not None:
            actor = unicodedata.normalize("NFC", args.actor)
            text = exporting.export_actor(library, actor, flt=flt, meanings=meanings)
        else:
            text = exporting.export_library(library, flt=flt, meanings=meanings)
    if args.output:
        path = write_new_file(Path(args.output), text, overwrite=args.force)
        warn(f"wrote {path}")
    else:
        out.write(text)
    return 0


def _fast_export(reader: LibraryReader, args: argparse.Namespace, meanings: Mapping[str, str]) -> str:
    """The Markdown export on the reader: the same checks in the same order as the usual way
    (desktop.services.exporting)."""
    from desktop.core.record import replace
    from desktop.core.tags import normalize_tag
    from desktop.services.notes_filter import NotesFilter

    flt = note_filter(args, reader.find_actor) if has_note_filters(args) else None
    base = flt or NotesFilter()
    active = bool(flt and flt.active)
    notes = reader.notes_reader()
    if args.article is not None:
        narrowed = replace(base, article_id=args.article)
        return notes.export_article(args.article, narrowed, meanings)
    if args.tag is not None:
        name = normalize_tag(args.tag)
        return notes.export_tag(name, replace(base, tag=name), active, meanings)
    if args.actor is not None:
        actor_id = reader.find_actor(unicodedata.normalize("NFC", args.actor))
        actor = (actor_id, reader.actor_name(actor_id))
        return notes.export_actor(actor, replace(base, actor_id=actor_id), active, meanings)
    return notes.export_library(base, active, meanings)


def _export_vault(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.color_meanings import color_meanings
    from desktop.services.vault_export import export_vault

    if has_note_filters(args) or args.output or args.force:
        raise UserError(
            "--vault writes every note of the library into DIR; leave out the filters, -o and --force."
        )
    report = export_vault(open_library(args), Path(args.vault), meanings=color_meanings())
    out.write(field(report.summary()) + "\n")
    return 0
