"""The notes filters that ``annotations`` and ``export`` share: colour, actor, days, text."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import Any

from desktop.core.errors import UserError


def add_note_filters(parser: argparse.ArgumentParser, *, actor: bool = True) -> None:
    """Add ``--color``, ``--actor``, ``--since``, ``--until`` and ``--search`` to ``parser``."""
    parser.add_argument(
        "--color", action="append", default=[], metavar="NAME", help="colour (repeat for any of several)"
    )
    if actor:
        parser.add_argument("--actor", metavar="NAME", help="highlights that name this actor")
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="made on or after this day")
    parser.add_argument("--until", metavar="YYYY-MM-DD", help="made on or before this day")
    parser.add_argument("--search", default="", metavar="TEXT", help="in the note or the quoted passage")
    parser.add_argument("--author", default="", metavar="USER", help="made by this user")


def parse_day(value: str | None, option: str) -> dt.date | None:
    """An ISO day (YYYY-MM-DD) given to ``option``; a one-line error otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UserError(f"{option} needs a day as YYYY-MM-DD, not {value!r}.") from None


def has_note_filters(args: argparse.Namespace) -> bool:
    """True when any of the shared filters was given."""
    return bool(
        args.color
        or getattr(args, "actor", None)
        or args.since
        or args.until
        or args.search.strip()
        or args.author
    )


def note_filter(args: argparse.Namespace, actor_id: Callable[[str], int], **fields: Any) -> Any:
    """The :class:`NotesFilter` the options describe (``fields``: article_id, tag, actor_id…);
    ``actor_id`` finds the actor a name means (see :func:`library_actor_id`)."""
    from desktop.services.notes_filter import make_filter

    actor_name = getattr(args, "actor", None)
    if actor_name and "actor_id" not in fields:
        fields["actor_id"] = actor_id(actor_name)
    return make_filter(
        colors=args.color,
        since=parse_day(args.since, "--since"),
        until=parse_day(args.until, "--until"),
        search=args.search,
        author=args.author,
        **fields,
    )


def library_actor_id(library: Any) -> Callable[[str], int]:
    """The id of the actor a name means, found in ``library`` opened the usual way."""

    def find(name: str) -> int:
        from desktop.services.queries import find_actor

        with library.read_session() as session:
            return int(find_actor(session, name).id)

    return find
