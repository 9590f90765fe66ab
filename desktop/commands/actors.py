"""Subcommands over actors: actors."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

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
)


def register(sub: Any) -> dict[str, Handler]:
    """Add the actor subcommands to ``sub``."""
    p = sub.add_parser(
        "actors",
        help="list actors (of one article or the whole library), most mentioned first "
        f"(the first {DEFAULT_LIMIT}; --limit N or --all for more)",
    )
    p.add_argument("--article", type=int, metavar="ARTICLE_ID")
    add_limit_options(p, "actors")
    p.add_argument("--json", action="store_true", help="a JSON array, one actor per line")
    return {"actors": _cmd_actors}


def _cmd_actors(args: argparse.Namespace, out: TextIO) -> int:
    check_id("article", args.article)
    limit = row_limit(args)
    with fast_reader(args) as reader:
        found = fast_read(reader, lambda r: r.actors(args.article, one_more(limit)))
    if found is None:
        from desktop.services.queries import list_actors

        with open_library(args).read_session() as session:
            found = list_actors(session, args.article, one_more(limit))
    rows = list(bounded(found, limit, "actors"))
    if args.json:
        emit([r.as_json() for r in rows], out)
    else:
        for r in rows:
            extra = f"  ({'; '.join(field(role) for role in r.roles)})" if r.roles else ""
            aliases = f"  aka {', '.join(field(alias) for alias in r.aliases)}" if r.aliases else ""
            line = (
                f"{field(r.type):<12} {r.mentions:>4}x {r.articles:>3} art.  {field(r.name)}{extra}{aliases}"
            )
            out.write(line + "\n")
    return 0
