"""Subcommands over reading state and deletion: mark, delete-article."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from desktop.commands.common import Handler, check_id, emit, field, open_library
from desktop.core.errors import UserError

_FLAGS = (
    ("read", "unread", "mark as read (now) / as not read"),
    ("star", "unstar", "star / unstar"),
    ("archive", "unarchive", "archive / take out of the archive"),
)


def register(sub: Any) -> dict[str, Handler]:
    """Add the reading-state subcommands to ``sub``."""
    p = sub.add_parser("mark", help="mark articles read or unread, starred, archived")
    p.add_argument("article_ids", nargs="+", type=int, metavar="ARTICLE_ID")
    for on, off, text in _FLAGS:
        group = p.add_mutually_exclusive_group()
        group.add_argument(f"--{on}", dest=on, action="store_const", const=True, help=text)
        group.add_argument(f"--{off}", dest=on, action="store_const", const=False)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("delete-article", help="delete an article (with its notes only with --yes)")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    p.add_argument("--yes", action="store_true", help="also when the article has notes: they are deleted too")
    return {"mark": _cmd_mark, "delete-article": _cmd_delete_article}


def _cmd_mark(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services import reading_state

    if args.read is None and args.star is None and args.archive is None:
        raise UserError("Say what to mark: --read/--unread, --star/--unstar or --archive/--unarchive.")
    for article_id in args.article_ids:
        check_id("article", article_id)
    library = open_library(args)
    states = reading_state.reading_states(library, args.article_ids)
    if args.read is not None:
        states = reading_state.mark_read(library, args.article_ids, args.read)
    if args.star is not None:
        states = reading_state.set_starred(library, args.article_ids, args.star)
    if args.archive is not None:
        states = reading_state.set_archived(library, args.article_ids, args.archive)
    if args.json:
        emit([s.as_json() for s in states], out)
    else:
        for s in states:
            flags = ["read" if s.read else "unread"] + ["starred"] * s.starred + ["archived"] * s.archived
            out.write(f"#{s.article_id}: {', '.join(flags)}\n")
    return 0


def _cmd_delete_article(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.article_removal import remove_article, snapshot_article

    check_id("article", args.article_id)
    library = open_library(args)
    snapshot = snapshot_article(library, args.article_id)
    if snapshot.annotations and not args.yes:
        notes = "note" if snapshot.annotations == 1 else "notes"
        raise UserError(
            f"Article {args.article_id} has {snapshot.annotations} {notes}; "
            "pass --yes to delete it with them (nothing was deleted)."
        )
    removed = remove_article(library, args.article_id)
    with_notes = f" with {removed.annotations} notes" if removed.annotations else ""
    out.write(f"deleted article {removed.article_id}{with_notes}: {field(removed.title)}\n")
    return 0
