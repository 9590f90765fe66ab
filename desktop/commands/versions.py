"""Subcommands over article versions: versions."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from desktop.commands.common import Handler, check_id, emit, fast_read, fast_reader, field, open_library


def register(sub: Any) -> dict[str, Handler]:
    """Add the version subcommands to ``sub``."""
    p = sub.add_parser("versions", help="an article's versions and where its annotations stand")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true")
    return {"versions": _cmd_versions}


def _cmd_versions(args: argparse.Namespace, out: TextIO) -> int:
    check_id("article", args.article_id)
    with fast_reader(args) as reader:
        found = fast_read(reader, lambda r: r.article_versions(args.article_id))
    if found is None:
        from desktop.services.version_history import article_versions

        found = article_versions(open_library(args), args.article_id)
    if args.json:
        emit(found.as_json(), out)
        return 0
    out.write(f"#{found.article_id}  {field(found.title)}\n")
    for v in found.versions:
        current = "  (current)" if v.current else ""
        out.write(f"  version {v.number}  {field(v.imported_at)}  {v.length} characters{current}\n")
    for a in found.annotations:
        score = f" {a.score:.2f}" if a.score is not None else ""
        check = "  check!" if a.needs_check else ""
        out.write(f"  annotation {a.id}  {a.state}{score}{check}  {field(a.quote)}\n")
        if a.previous_quote:
            out.write(f"      was: {field(a.previous_quote)}\n")
    return 0
