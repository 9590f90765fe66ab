"""Subcommands over articles: import, articles, show, search."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from desktop.commands.common import (
    DEFAULT_LIMIT,
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
    row_limit,
    warn,
)

if TYPE_CHECKING:
    from desktop.services.dto import ArticleRow


def register(sub: Any) -> dict[str, Handler]:
    """Add the article subcommands to ``sub``."""
    p = sub.add_parser("import", help="import files, folders or - (stdin)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "articles",
        help=f"list the articles in the library (the newest {DEFAULT_LIMIT}; --limit N or --all for more)",
    )
    read = p.add_mutually_exclusive_group()
    read.add_argument("--unread", action="store_true", help="only articles not read yet")
    read.add_argument("--read", action="store_true", help="only articles already read")
    p.add_argument("--starred", action="store_true", help="only starred articles")
    p.add_argument("--archived", action="store_true", help="only archived articles")
    add_limit_options(p, "articles")
    p.add_argument("--json", action="store_true", help="a JSON array, one article per line")

    p = sub.add_parser("show", help="show one article with its entities and annotations")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("search", help="full-text search (case and accents ignored)")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true")
    return {"import": _cmd_import, "articles": _cmd_articles, "show": _cmd_show, "search": _cmd_search}


def _cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.core.filenames import display_path
    from desktop.core.ingest import IngestError, load_bytes, read_limited
    from desktop.services.dto import ImportResult
    from desktop.services.importer import Importer
    from desktop.services.recognition import library_recognizer, library_recognizer_factory

    library = open_library(args)
    importer = Importer(
        library, library_recognizer(library), recognizer_factory=library_recognizer_factory(library)
    )
    results = []
    files = [Path(p) for p in args.paths if p != "-"]
    if "-" in args.paths:
        try:
            data = read_limited(sys.stdin.buffer)
            results.append(importer.import_document(load_bytes(data, name="stdin", fmt=None), label="-"))
        except IngestError as error:
            results.append(ImportResult("-", "error", message=error.message))
    for path in files:
        if not os.path.lexists(path):
            results.append(ImportResult(display_path(path), "error", message="No such file or folder."))
            continue
        found = importer.import_paths([path])
        if not found and path.is_dir():
            message = "The folder holds no importable files."
            found = [ImportResult(display_path(path), "error", message=message)]
        results.extend(found)
    if args.json:
        emit([r.as_json() for r in results], out)
    else:
        for r in results:
            if r.status == "error":
                continue
            line = f"{r.status:<9} #{r.id}  {field(r.title)}  [{field(r.language)}]  {field(r.path)}"
            if r.anchors is not None:
                line += "  (" + ", ".join(f"{state} {n}" for state, n in r.anchors.items()) + ")"
            out.write(line + "\n")
    for r in results:
        if r.status == "error":
            warn(f"error: {r.path}: {r.message}")
        elif r.status == "imported" and r.message:
            warn(f"warning: {r.path}: {r.message}")
    return 1 if any(r.status == "error" for r in results) else 0


def _cmd_articles(args: argparse.Namespace, out: TextIO) -> int:
    read = True if args.read else False if args.unread else None
    archived = True if args.archived else None
    limit = row_limit(args)
    with fast_reader(args) as reader:
        found = fast_read(
            reader,
            lambda r: r.article_rows(
                read=read, starred=args.starred, archived=archived, limit=one_more(limit)
            ),
        )
        if found is not None:
            _write_articles(args, bounded(found, limit, "articles"), out)
            return 0
    from desktop.services.article_pages import ArticleQuery, iter_article_rows
    from desktop.services.library_filters import LibraryFilter

    flt = LibraryFilter(read=read, starred=args.starred, archived=archived)
    with open_library(args).read_session() as session:
        found = iter_article_rows(session, ArticleQuery(state="all", filter=flt), one_more(limit))
        _write_articles(args, bounded(found, limit, "articles"), out)
    return 0


def _write_articles(args: argparse.Namespace, rows: Iterable[ArticleRow], out: TextIO) -> None:
    if args.json:
        emit((r.as_json() for r in rows), out)
    else:
        _print_articles(rows, out)


def _print_articles(rows: Iterable[ArticleRow], out: TextIO) -> None:
    for r in rows:
        notes = f"{r.annotations} notes" if r.annotations else ""
        state = ", ".join(
            label
            for label, on in (("unread", not r.read_at), ("starred", r.starred), ("archived", r.archived))
            if on
        )
        state = f"({state})" if state else ""
        head = f"#{r.id:<5} [{field(r.language)}] {field(r.published):10}"
        out.write(f"{head}  {field(r.title)}  {notes}  {state}".rstrip() + "\n")


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.core.article_labels import header_line

    check_id("article", args.article_id)
    with fast_reader(args) as reader:
        detail = fast_read(reader, lambda r: r.article_detail(args.article_id))
    if detail is None:
        from desktop.services.queries import article_detail

        with open_library(args).read_session() as session:
            detail = article_detail(session, args.article_id)
    if args.json:
        data = detail.as_json()
        emit({k: data[k] for k in ("id", "title", "language", "text", "mentions", "annotations")}, out)
    else:
        header = header_line(detail, author=detail.author, language=detail.language)
        out.write(f"{field(detail.title)}\n{field(header)}\n\n{detail.text}\n")
        for a in detail.annotations:
            tags = " ".join("#" + field(t) for t in a.tags)
            out.write(f"\n[{a.id}] {a.start}-{a.end} ({field(a.color)}) {tags}\n> {a.quote}\n")
            if a.note:
                out.write(f"{a.note}\n")
    return 0


def write_snippet(out: TextIO, text: str, hits: Sequence[tuple[int, int]], *, bold: bool) -> None:
    """A snippet for the terminal: hits in bold when ``bold`` (a terminal stream), else the plain text."""
    from desktop.core.snippets import snippet_segments

    write_bold = getattr(out, "write_bold", None)
    if not bold or write_bold is None:
        out.write(field(text))
        return
    for part, hit in snippet_segments(text, hits):
        if hit:
            write_bold(field(part))
        else:
            out.write(field(part))


def _wants_bold(out: TextIO) -> bool:
    """Bold only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR")


def _cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    with fast_reader(args) as reader:
        hits = fast_read(reader, lambda r: r.search(args.query))
    if hits is None:
        from desktop.storage.search import search_articles

        with open_library(args).read_session() as session:
            hits = search_articles(session, args.query)
    if args.json:
        emit(
            [
                {"id": h.id, "title": h.title, "snippet": h.snippet, "hits": [list(s) for s in h.hits]}
                for h in hits
            ],
            out,
        )
    else:
        bold = _wants_bold(out)
        for h in hits:
            out.write(f"#{h.id:<5} {field(h.title)}\n       ")
            write_snippet(out, h.snippet, h.hits, bold=bold)
            out.write("\n")
        if not hits:  # said on stderr: the output stays empty for scripts
            from desktop.core.query import parse_query

            said = "has no words to search for" if parse_query(args.query).empty else "matches no article"
            print(f"{args.query!r} {said}.", file=sys.stderr)
    return 0
