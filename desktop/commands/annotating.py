"""Subcommands over annotations: annotate, annotations, edit-annotation, delete-annotation."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from desktop.commands.common import (
    Handler,
    add_limit_options,
    bounded,
    check_id,
    emit,
    fast_read,
    fast_reader,
    field,
    one_more,
    open_library,
    require_article,
    row_limit,
)
from desktop.commands.note_filters import add_note_filters, library_actor_id, note_filter

if TYPE_CHECKING:
    from desktop.services.dto import NoteRow
    from desktop.services.sqlite_reads import LibraryReader


def register(sub: Any) -> dict[str, Handler]:
    """Add the annotation subcommands to ``sub``."""
    p = sub.add_parser("annotate", help="annotate a passage of an article, found by quoting it")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    p.add_argument("--quote", required=True, metavar="TEXT")
    p.add_argument("--note", default="", metavar="TEXT")
    p.add_argument("--tag", action="append", default=[], metavar="TAG")
    p.add_argument("--color", default="yellow", metavar="NAME")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "annotations",
        help="list highlights and notes, filtered (the newest 100; --limit N or --all for more)",
    )
    p.add_argument("--article", type=int, metavar="ARTICLE_ID")
    p.add_argument("--tag", metavar="TAG", help="this tag or one of its sub-tags (nato: also nato/planung)")
    add_note_filters(p)
    add_limit_options(p, "annotations")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("edit-annotation", help="change an annotation's note, tags or colour")
    p.add_argument("annotation_id", type=int, metavar="ANNOTATION_ID")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument("--tag", action="append", metavar="TAG", help="replaces all tags (repeat for several)")
    p.add_argument("--no-tags", action="store_true", help="remove all tags")
    p.add_argument("--color", metavar="NAME")
    p.add_argument(
        "--expect-version",
        type=int,
        metavar="N",
        help="save only if nobody changed it since version N (else report the conflict)",
    )
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("delete-annotation", help="delete an annotation")
    p.add_argument("annotation_id", type=int, metavar="ANNOTATION_ID")
    return {
        "annotate": _cmd_annotate,
        "annotations": _cmd_annotations,
        "edit-annotation": _cmd_edit_annotation,
        "delete-annotation": _cmd_delete_annotation,
    }


def _cmd_annotate(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.annotations import create_annotation

    check_id("article", args.article_id)
    row = create_annotation(
        open_library(args),
        args.article_id,
        quote=args.quote,
        note=args.note,
        tags=args.tag,
        color=args.color,
    )
    if args.json:
        emit(row.as_json(with_article=True), out)
    else:
        out.write(f"annotation {row.id} on article {row.article_id} at {row.start}-{row.end}\n")
    return 0


def _cmd_annotations(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.core.tags import normalize_tag
    from desktop.services.color_meanings import color_meanings

    if args.tag is not None:
        normalize_tag(args.tag)  # "" is an error, not "any tag"
    with fast_reader(args) as reader:
        rows = fast_read(reader, lambda r: _fast_notes(r, args))
    if rows is None:
        from desktop.services.notes_query import query_notes

        library = open_library(args)
        if args.article is not None:
            with library.read_session() as session:
                require_article(session, args.article)  # a missing article fails as in show
        flt = note_filter(args, library_actor_id(library), article_id=args.article, tag=args.tag)
        rows = query_notes(library, flt, limit=one_more(row_limit(args)))
    rows = list(bounded(rows, row_limit(args), "annotations"))
    if args.json:
        emit([r.as_json() for r in rows], out)
        return 0
    meanings = color_meanings()
    for r in rows:
        a = r.annotation
        tags = " ".join("#" + field(t) for t in a.tags)
        meaning = field(meanings.get(a.color, a.color))
        day = r.created_at[:10]
        by = f" by {field(a.author)}" if a.author else ""
        out.write(
            f"[{a.id}] {day}{by} article {a.article_id} {a.start}-{a.end} ({meaning}) {tags}".rstrip() + "\n"
        )
        out.write(f"  {field(r.article_title)}\n  > {a.quote}\n")
        if a.note:
            out.write(f"  {a.note}\n")
    return 0


def _fast_notes(reader: LibraryReader, args: argparse.Namespace) -> list[NoteRow]:
    """``annotations`` on the reader: the same checks in the same order as the usual way."""
    if args.article is not None:
        reader.require_article(args.article)
    flt = note_filter(args, reader.find_actor, article_id=args.article, tag=args.tag)
    return reader.notes_reader().select_notes(flt, limit=one_more(row_limit(args)))


def _cmd_edit_annotation(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.annotations import update_annotation

    check_id("annotation", args.annotation_id)
    tags = [] if args.no_tags else args.tag
    row = update_annotation(
        open_library(args),
        args.annotation_id,
        note=args.note,
        tags=tags,
        color=args.color,
        expected_version=args.expect_version,
    )
    if args.json:
        emit(row.as_json(with_article=True), out)
    else:
        out.write(f"annotation {row.id} updated\n")
    return 0


def _cmd_delete_annotation(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.annotations import delete_annotation

    check_id("annotation", args.annotation_id)
    row = delete_annotation(open_library(args), args.annotation_id)
    out.write(f"annotation {row.id} deleted\n")
    return 0
