"""An article's versions and its annotations' anchors as plain rows (``versions``, the versions dialog),
and how the read-only command line reads them without SQLAlchemy (desktop.services.sqlite_reads).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from desktop.core.record import record
from desktop.services.errors import NotFoundError


@record
class VersionRow:
    """One version of an article; the highest number is the current text."""

    number: int
    title: str
    imported_at: str  # ISO date-time (UTC)
    length: int
    content_hash: str
    current: bool
    text: str = ""

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of one entry of ``versions --json``'s "versions"."""
        return {
            "number": self.number,
            "title": self.title,
            "imported": self.imported_at,
            "characters": self.length,
            "content_hash": self.content_hash,
            "current": self.current,
        }


@record
class AnchorRow:
    """Where one annotation stands on the current version."""

    id: int
    uid: str
    state: str
    score: float | None
    start: int
    end: int
    quote: str
    previous_quote: str | None
    note: str

    @property
    def needs_check(self) -> bool:
        """Fuzzy anchors wait for the user to confirm them; orphaned ones to be re-attached."""
        return self.state in ("fuzzy", "orphaned")

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of one entry of ``versions --json``'s "annotations"."""
        return {
            "id": self.id,
            "uid": self.uid,
            "state": self.state,
            "score": self.score,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "previous_quote": self.previous_quote,
            "needs_check": self.needs_check,
            "note": self.note,
        }


@record
class ArticleVersions:
    """An article's versions (oldest first) and its annotations' anchor states."""

    article_id: int
    title: str
    versions: tuple[VersionRow, ...]
    annotations: tuple[AnchorRow, ...]

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of ``versions --json``."""
        counts: dict[str, int] = dict.fromkeys(("exact", "moved", "fuzzy", "orphaned"), 0)
        for a in self.annotations:
            counts[a.state] = counts.get(a.state, 0) + 1
        return {
            "id": self.article_id,
            "title": self.title,
            "versions": [v.as_json() for v in self.versions],
            "anchors": counts,
            "annotations": [a.as_json() for a in self.annotations],
        }


def iso_seconds(moment: datetime | str | None) -> str:
    """A stored timestamp as ISO text to the second ("" for none); text is read as SQLAlchemy reads it."""
    if moment is None:
        return ""
    return (datetime.fromisoformat(moment) if isinstance(moment, str) else moment).isoformat(
        timespec="seconds"
    )


_ARTICLE = "SELECT title, text, content_hash, imported_at FROM articles WHERE id = ?"
_VERSIONS = (
    "SELECT article_versions.number, article_versions.title, article_versions.imported_at, "
    "article_versions.text, article_versions.content_hash FROM article_versions "
    "WHERE article_versions.article_id = ? ORDER BY article_versions.number"
)
_REPLACED = (
    "SELECT max(article_versions.replaced_at) AS max_1 FROM article_versions "
    "WHERE article_versions.article_id = ?"
)
_ANCHORS = (
    "SELECT annotations.id, annotations.uid, annotations.anchor_state, annotations.anchor_score, "
    'annotations.start, annotations."end", annotations.exact, annotations.previous_exact, annotations.note '
    "FROM annotations WHERE annotations.article_id = ? ORDER BY annotations.start, annotations.id"
)


def read_article_versions(
    rows: Callable[[str, Sequence[Any]], list[Any]], article_id: int
) -> ArticleVersions:
    """As version_history.article_versions, through ``rows(sql, params)`` on a plain SQLite connection."""
    found = rows(_ARTICLE, (article_id,))
    if not found:
        raise NotFoundError(f"There is no article {article_id} in this library.")
    title, text, content_hash, imported_at = found[0]
    versions = [
        VersionRow(v[0], v[1], iso_seconds(v[2]), len(v[3]), v[4], False)
        for v in rows(_VERSIONS, (article_id,))
    ]
    replaced = rows(_REPLACED, (article_id,))[0][0]
    current = replaced if replaced is not None else imported_at
    versions.append(VersionRow(len(versions) + 1, title, iso_seconds(current), len(text), content_hash, True))
    anchors = [AnchorRow(*a) for a in rows(_ANCHORS, (article_id,))]
    return ArticleVersions(article_id, title, tuple(versions), tuple(anchors))
