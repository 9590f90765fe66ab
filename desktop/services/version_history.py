"""An article's versions as the user sees them, and the user's answers to re-anchoring.

:func:`article_versions` lists the versions (oldest first; the last is the article's current
text) with every annotation's anchor state; :func:`confirm_anchor` accepts a fuzzy anchor where
it is, :func:`reattach` gives an annotation (orphaned or fuzzy) a passage the user selected.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from desktop.core.anchoring import make_quote
from desktop.services.queries import NotFoundError
from desktop.services.versions import import_time
from desktop.storage.db import Library
from desktop.storage.models import Annotation, Article, ArticleVersion


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


def _iso(moment: datetime | None) -> str:
    return "" if moment is None else moment.isoformat(timespec="seconds")


def article_versions(library: Library, article_id: int, *, with_text: bool = False) -> ArticleVersions:
    """The article's versions, oldest first (the last is current), and its anchors."""
    with library.read_session() as session:
        article = session.get(Article, article_id)
        if article is None:
            raise NotFoundError(f"There is no article {article_id} in this library.")
        rows = list(
            session.scalars(
                select(ArticleVersion)
                .where(ArticleVersion.article_id == article_id)
                .order_by(ArticleVersion.number)
            )
        )
        versions = [
            VersionRow(
                v.number,
                v.title,
                _iso(v.imported_at),
                len(v.text),
                v.content_hash,
                False,
                v.text if with_text else "",
            )
            for v in rows
        ]
        versions.append(
            VersionRow(
                len(rows) + 1,
                article.title,
                _iso(import_time(session, article)),
                len(article.text),
                article.content_hash,
                True,
                article.text if with_text else "",
            )
        )
        notes = session.scalars(
            select(Annotation)
            .where(Annotation.article_id == article_id)
            .order_by(Annotation.start, Annotation.id)
        )
        anchors = [
            AnchorRow(
                a.id, a.uid, a.anchor_state, a.anchor_score, a.start, a.end, a.exact, a.previous_exact, a.note
            )
            for a in notes
        ]
        return ArticleVersions(article_id, article.title, tuple(versions), tuple(anchors))


def version_text(library: Library, article_id: int, number: int) -> str:
    """The text of one version of the article (the current one is the highest number)."""
    found = article_versions(library, article_id, with_text=True)
    for version in found.versions:
        if version.number == number:
            return version.text
    raise NotFoundError(f"Article {article_id} has no version {number}.")


def confirm_anchor(library: Library, annotation_id: int) -> None:
    """The user checked a fuzzy anchor: it is right where it is now."""
    with library.session() as session:
        note = session.get(Annotation, annotation_id)
        if note is None:
            raise NotFoundError(f"There is no annotation {annotation_id}.")
        if note.anchor_state == "orphaned":
            raise NotFoundError("An orphaned annotation has no place to confirm; re-attach it to a passage.")
        note.anchor_state, note.anchor_score, note.previous_exact = "exact", None, None


def reattach(library: Library, annotation_id: int, start: int, end: int) -> None:
    """Attach an annotation (orphaned or fuzzy) to the passage [start, end) of its article's text."""
    with library.session() as session:
        note = session.get(Annotation, annotation_id)
        if note is None:
            raise NotFoundError(f"There is no annotation {annotation_id}.")
        text = session.scalar(select(Article.text).where(Article.id == note.article_id)) or ""
        quote = make_quote(text, start, end)  # AnchorError (one sentence) for a bad range
        session.execute(
            update(Annotation)
            .where(Annotation.id == annotation_id)
            .values(
                start=start,
                end=end,
                exact=quote.exact,
                prefix=quote.prefix,
                suffix=quote.suffix,
                anchor_state="exact",
                anchor_score=None,
                previous_exact=None,
                orphaned=False,
            )
        )
