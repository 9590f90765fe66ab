"""Rows read from the library shaped into the DTOs, one function per shape: the services' SQLAlchemy
queries and the command line's sqlite3 reads (desktop.services.sqlite_reads) both use them, so both ways
give the same rows from the same columns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from desktop.services.dto import ActorRow, ArticleRow, QuoteRow


def iso_time(value: datetime | str | None) -> str | None:
    """A stored timestamp as ISO text, read as SQLAlchemy reads SQLite's (``fromisoformat``)."""
    if value is None:
        return None
    return (datetime.fromisoformat(value) if isinstance(value, str) else value).isoformat()


def article_row(r: Sequence[Any]) -> ArticleRow:
    """An ArticleRow of (id, title, language, source, published, notes, imported_at, outlet, read_at,
    starred, archived): the library list's columns, on either way of reading."""
    return ArticleRow(
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        int(r[5] or 0),
        iso_time(r[6]) or "",
        r[7],
        iso_time(r[8]),
        bool(r[9]),
        bool(r[10]),
    )


def actor_row(r: Sequence[Any], aliases: Mapping[int, list[str]], roles: Mapping[int, list[str]]) -> ActorRow:
    """An ActorRow of (id, name, type, confirmed, mentions, articles) with its aliases (its name left
    out) and roles."""
    return ActorRow(
        r[0],
        r[1],
        r[2],
        int(r[4]),
        int(r[5]),
        tuple(a for a in aliases.get(r[0], ()) if a != r[1]),
        tuple(roles.get(r[0], ())),
        bool(r[3]),
    )


def quote_row(r: Sequence[Any]) -> QuoteRow:
    """A QuoteRow of the quote query's columns (services.quotes), on either way of reading."""
    return QuoteRow(
        id=r[0],
        article_id=r[1],
        start=r[2],
        end=r[3],
        text=str(r[4] or ""),
        kind=str(r[5]),
        speaker_id=r[6],
        speaker_name=r[7],
        cue_start=r[8],
        cue_end=r[9],
        cue_text=None if r[8] is None else str(r[10] or ""),
        source=r[11],
        origin=str(r[12]),
        article_title=str(r[13]),
        published=r[14],
        speaker_start=r[15],
        speaker_end=r[16],
    )
