"""Subcommands over actors: actors."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from desktop.commands.common import Handler, check_id, emit, field, open_library


def register(sub: Any) -> dict[str, Handler]:
    """Add the actor subcommands to ``sub``."""
    p = sub.add_parser("actors", help="list actors (of one article or the whole library)")
    p.add_argument("--article", type=int, metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true")
    return {"actors": _cmd_actors}


def _cmd_actors(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.queries import list_actors

    check_id("article", args.article)
    with open_library(args).read_session() as session:
        rows = list_actors(session, args.article)
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
