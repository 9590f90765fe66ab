"""Notes as W3C Web Annotations: ``export --format w3c`` (called by export) and ``import-annotations``."""

from __future__ import annotations

import argparse
import getpass
import json
from pathlib import Path
from typing import Any, TextIO

from desktop.commands.common import Handler, check_id, emit, fast_read, fast_reader, field, open_library, warn
from desktop.commands.note_filters import has_note_filters
from desktop.core.errors import UserError


def register(sub: Any) -> dict[str, Handler]:
    """Add ``import-annotations`` to ``sub``."""
    p = sub.add_parser(
        "import-annotations", help="import W3C Web Annotations (JSON-LD) or a Hypothesis export"
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true")
    return {"import-annotations": _cmd_import_annotations}


def _creator() -> str | None:
    try:
        return getpass.getuser() or None
    except (KeyError, OSError):  # no user name in this environment
        return None


def export_w3c_command(args: argparse.Namespace, out: TextIO) -> int:
    """``export --format w3c``: an AnnotationCollection of one article, one tag or the library."""
    from desktop.core.export_md import write_new_file
    from desktop.services.color_meanings import color_meanings

    if args.vault is not None or args.actor is not None or has_note_filters(args):
        raise UserError("--format w3c exports --article ID, --tag TAG or --all, without filters.")
    check_id("article", args.article)
    creator, meanings = _creator(), color_meanings()
    with fast_reader(args) as reader:
        data = fast_read(reader, lambda r: r.w3c(args.article, args.tag, creator, meanings))
    if data is None:
        from desktop.services.w3c_notes import export_w3c

        data = export_w3c(
            open_library(args), article_id=args.article, tag=args.tag, creator=creator, meanings=meanings
        )
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        path = write_new_file(Path(args.output), text, overwrite=args.force)
        warn(f"wrote {path} ({data['total']} annotations)")
    else:
        out.write(text)
    return 0


def _cmd_import_annotations(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.core.ingest import read_limited
    from desktop.core.w3c import W3CFormatError
    from desktop.services.color_meanings import color_meanings
    from desktop.services.w3c_notes import import_notes

    path = Path(args.file)
    try:
        with path.open("rb") as handle:
            data = read_limited(handle)
    except IsADirectoryError:
        raise UserError(f"{args.file} is a folder; give a notes file (JSON).") from None
    except FileNotFoundError:
        raise UserError(f"{args.file}: no such file.") from None
    try:
        report = import_notes(open_library(args), data, meanings=color_meanings())
    except W3CFormatError as error:
        raise UserError(f"{args.file}: {error.message} Nothing was imported.") from None
    if args.json:
        emit({"annotations": [r.as_json() for r in report.results], "remark": report.remark}, out)
    else:
        for r in report.results:
            where = f"article {r.article_id}" if r.article_id is not None else "-"
            score = f" {r.score:.2f}" if r.score is not None else ""
            out.write(f"{r.status:<9}{score}  {where}  {field(r.key)}  {field(r.reason)}\n")
        out.write(report.summary() + "\n")
    if report.remark:
        warn(f"note: {report.remark}")
    return 0
