"""Subcommands that change what the library knows about an article: edit-article, reanalyze."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from desktop.commands.common import Handler, check_id, emit, field, open_library, warn
from desktop.core.errors import UserError


def register(sub: Any) -> dict[str, Handler]:
    """Add the article-metadata subcommands to ``sub``."""
    p = sub.add_parser("edit-article", help="change an article's title, publication date or source")
    p.add_argument("article_id", type=int, metavar="ID")
    p.add_argument("--title", metavar="T")
    p.add_argument("--date", metavar="YYYY-MM-DD", help='publication date; "" removes it')
    p.add_argument("--source", metavar="OUTLET", help='the outlet\'s name ("Euronews"); "" removes it')
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "reanalyze",
        help="find quotes again (articles from before quote finding, or ID / all with their entities)",
    )
    which = p.add_mutually_exclusive_group()
    which.add_argument("--article", type=int, metavar="ID", help="entities and quotes of one article")
    which.add_argument("--all", action="store_true", help="entities and quotes of every article")
    p.add_argument("--json", action="store_true")
    return {"edit-article": _cmd_edit_article, "reanalyze": _cmd_reanalyze}


def _cmd_edit_article(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.article_meta import UNCHANGED, edit_article

    check_id("article", args.article_id)
    if args.title is None and args.date is None and args.source is None:
        raise UserError("Nothing to change: give --title, --date or --source.")
    change = edit_article(
        open_library(args),
        args.article_id,
        title=UNCHANGED if args.title is None else args.title,
        published=UNCHANGED if args.date is None else args.date,
        outlet=UNCHANGED if args.source is None else args.source,
    )
    after = change.after
    if args.json:
        emit(
            {
                "id": change.article_id,
                "title": after.title,
                "published": after.published,
                "outlet": after.outlet,
            },
            out,
        )
    else:
        date = after.published or "no date"
        out.write(f"#{change.article_id}  {field(after.title)}  [{date}]  {field(after.outlet)}\n")
    return 0


def _cmd_reanalyze(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services import reanalysis
    from desktop.services.analysis import outdated_article_ids

    check_id("article", args.article)
    library = open_library(args)
    entities = args.all or args.article is not None
    if args.article is not None:
        ids = [args.article]
    elif args.all:
        ids = reanalysis.all_article_ids(library)
    else:
        ids = outdated_article_ids(library)
    if not ids:
        warn("every article is up to date")
        if args.json:
            emit([], out)
        return 0
    recognizer = None
    if entities:
        from desktop.services.recognition import library_recognizer

        recognizer = library_recognizer(library)

    def progress(done: int, total: int, label: str) -> None:
        if label:
            sys.stderr.write(f"\r{done + 1}/{total} {label} ")
            sys.stderr.flush()

    analyzer = reanalysis.Reanalyzer(library, recognizer=recognizer)
    try:
        results = analyzer.run(ids, entities=entities, progress=progress)
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        warn("interrupted: finished articles are kept; run reanalyze again to continue")
        raise
    sys.stderr.write("\n")
    if args.json:
        emit([r.as_json() for r in results], out)
    else:
        quotes = sum(r.quotes for r in results)
        out.write(f"reanalysed {len(results)} articles: {quotes} quotes\n")
    return 0
