"""Notes shaped as W3C Web Annotations: the pure part of desktop.services.w3c_notes' export, shared with
the command line's sqlite3 reads (desktop.services.sqlite_w3c) so both ways write the same collection.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from desktop.core.tags import normalize_tag
from desktop.core.w3c import NoteData
from desktop.services.color_meanings import meaning_of

URN_PREFIX = "urn:x-briefing-reader:text:"
GENERATOR = "Briefing Reader"
FIRST_VERSION_HASH_SQL = (
    "SELECT article_versions.content_hash FROM article_versions WHERE article_versions.article_id = ? "
    "ORDER BY article_versions.number LIMIT 1"
)
"""The text hash of an article's first version (SQLite's SQL)."""


def source_of(url: str | None, first_hash: str | None, content_hash: str) -> str:
    """The article's address in annotations: its URL, else a urn of its first version's text hash."""
    if url:
        return url
    return URN_PREFIX + (first_hash or content_hash)


def iso_utc(moment: datetime | str | None) -> str | None:
    """A stored time (naive ones are UTC) as ``YYYY-MM-DDTHH:MM:SSZ``."""
    if moment is None:
        return None
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def note_data(
    note: Sequence[Any],
    tags: Sequence[str],
    source: str,
    creator: str | None,
    meanings: Mapping[str, str] | None,
) -> NoteData:
    """One note of (uid, article_id, start, end, exact, prefix, suffix, note, color, orphaned, created_at,
    updated_at) with its tags (sorted) as the export writes it."""
    uid, _article, start, end, exact, prefix, suffix, text, color, orphaned, created, modified = note
    return NoteData(
        key=f"urn:uuid:{uid}",
        source=source,
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        start=-1 if orphaned else start,
        end=-1 if orphaned else end,
        note=text,
        tags=tuple(tags),
        color=color,
        meaning=meaning_of(color, meanings),
        created=iso_utc(created),
        modified=iso_utc(modified),
        creator=creator,
    )


def collection_label(article_id: int | None, tag: str | None) -> str:
    """The collection's label: "Notes: article 3", "Notes: #nato" or "Notes: library"."""
    what = (
        f"article {article_id}" if article_id is not None else f"#{normalize_tag(tag)}" if tag else "library"
    )
    return f"Notes: {what}"
