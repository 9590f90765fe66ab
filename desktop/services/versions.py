"""Article versions: a changed copy of an article becomes its next version, not a second article.

A document is a new version of a stored article when it comes from the same source (the same
URL, or the same file with a similar text) or carries the same title and outlet. The old text
is kept in ``article_versions``; the article row takes the new text; every annotation is
re-anchored (:func:`desktop.core.anchoring.reanchor`) and records how: exact, moved, fuzzy
(kept for the user's check, with the passage it had) or orphaned (kept with its old quote).
The importer stores the new mentions and quotes in the same transaction. Reading versions and
the user's answers (confirm, re-attach) are in :mod:`desktop.services.version_history`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, exists, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.core.anchoring import TextQuote, make_quote, reanchor
from desktop.core.types import Document
from desktop.services.analysis import locate
from desktop.services.queries import NotFoundError
from desktop.storage.models import (
    Actor,
    ActorRole,
    Annotation,
    Article,
    ArticleVersion,
    Mention,
    Quote,
    QuoteCorrection,
    utcnow,
)
from desktop.storage.search import index_article

#: A file imported again from the same place, or a document with the same title and outlet,
#: counts as a new version only when at least this share of the old text's five-word runs
#: reappear (for a file, the same title also suffices): a reused file name or a generic title
#: ("Live updates") alone does not make an unrelated document a version.
MIN_SHARED_SHINGLES = 0.3
_SHINGLE_WORDS = 5


@dataclass(frozen=True)
class AnchorCounts:
    """How the annotations of an article were placed on its new version."""

    exact: int = 0
    moved: int = 0
    fuzzy: int = 0
    orphaned: int = 0

    def as_json(self) -> dict[str, int]:
        """The JSON shape of ``import --json``'s "anchors"."""
        return {"exact": self.exact, "moved": self.moved, "fuzzy": self.fuzzy, "orphaned": self.orphaned}

    def summary(self) -> str:
        """One line, e.g. "2 exact, 1 moved, 0 fuzzy, 1 orphaned"."""
        return ", ".join(f"{n} {state}" for state, n in self.as_json().items())


# --- finding the article a document is a version of -----------------------------------------------


def _absolute(path: str | None) -> str | None:
    if not path:
        return None
    try:
        return str(Path(path).resolve())
    except OSError:
        return path


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = text.casefold().split()
    if len(words) < _SHINGLE_WORDS:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + _SHINGLE_WORDS]) for i in range(len(words) - _SHINGLE_WORDS + 1)}


def shared_text(old: str, new: str) -> float:
    """The share of the old text's five-word runs that the new text still holds (0-1)."""
    before = _shingles(old)
    return len(before & _shingles(new)) / len(before) if before else 0.0


def article_with_earlier_text(session: Session, content_hash: str) -> int | None:
    """The article that had this text as an earlier version, if any."""
    return session.scalar(
        select(ArticleVersion.article_id).where(ArticleVersion.content_hash == content_hash).limit(1)
    )


def may_have_previous_versions(session: Session, documents: Sequence[Document]) -> list[bool]:
    """For each document, whether :func:`previous_version_of` could find a stored article (one query
    per kind of key for the whole batch; False means it certainly finds none)."""
    urls = {d.source_url for d in documents if d.source_url}
    paths = {p for p in (_absolute(d.path) for d in documents) if p}
    titled = {(d.title[:500], d.outlet) for d in documents if d.title.strip() and (d.outlet or "").strip()}
    known_urls: set[str] = set()
    known_paths: set[str] = set()
    known_titles: set[tuple[str, str | None]] = set()
    if urls:
        known_urls = set(session.scalars(select(Article.source_url).where(Article.source_url.in_(urls))))
    if paths:
        known_paths = set(session.scalars(select(Article.source_path).where(Article.source_path.in_(paths))))
    if titled:
        rows = session.execute(
            select(Article.title, Article.outlet).where(
                Article.title.in_({title for title, _o in titled}),
                Article.outlet.in_({outlet for _t, outlet in titled}),
            )
        )
        known_titles = {(title, outlet) for title, outlet in rows} & titled
    return [
        bool(d.source_url and d.source_url in known_urls)
        or bool(d.path and _absolute(d.path) in known_paths)
        or (d.title[:500], d.outlet) in known_titles
        for d in documents
    ]


def previous_version_of(session: Session, document: Document) -> int | None:
    """The stored article ``document`` is a new version of, or None (then it is a new article).

    Same URL first, then the same file (with a similar text or the same title), then the same
    title and outlet; among several candidates the most recently imported one.
    """
    if document.source_url:
        found = session.scalar(
            select(Article.id).where(Article.source_url == document.source_url).order_by(Article.id.desc())
        )
        if found is not None:
            return int(found)
    path = _absolute(document.path)
    if path:
        for article_id, title, text in session.execute(
            select(Article.id, Article.title, Article.text)
            .where(Article.source_path == path)
            .order_by(Article.id.desc())
        ):
            if title == document.title[:500] or shared_text(text, document.text) >= MIN_SHARED_SHINGLES:
                return int(article_id)
    title, outlet = document.title.strip(), (document.outlet or "").strip()
    if title and outlet:
        for article_id, text in session.execute(
            select(Article.id, Article.text)
            .where(Article.title == document.title[:500], Article.outlet == document.outlet)
            .order_by(Article.id.desc())
        ):
            if shared_text(text, document.text) >= MIN_SHARED_SHINGLES:
                return int(article_id)
    return None


# --- storing a new version ---------------------------------------------------------------------------


def _version_count(session: Session, article_id: int) -> int:
    return int(
        session.scalar(select(func.count(ArticleVersion.id)).where(ArticleVersion.article_id == article_id))
        or 0
    )


def import_time(session: Session, article: Article) -> datetime:
    """When the article's current text arrived: its import, or the last replacement."""
    last = session.scalar(
        select(func.max(ArticleVersion.replaced_at)).where(ArticleVersion.article_id == article.id)
    )
    return last if last is not None else article.imported_at


def reanchor_annotations(session: Session, article_id: int, text: str) -> AnchorCounts:
    """Place every annotation of the article on ``text`` and record each one's anchor state."""
    counts = {"exact": 0, "moved": 0, "fuzzy": 0, "orphaned": 0}
    for note in session.scalars(select(Annotation).where(Annotation.article_id == article_id)):
        quote = TextQuote(note.exact, note.prefix, note.suffix)
        anchor = reanchor(text, quote, note.start, note.end)
        unchecked = note.anchor_state == "fuzzy" and anchor.status in ("exact", "moved")
        if unchecked:  # still waiting for the user's check from an earlier version: keep the flag
            placed = make_quote(text, anchor.start, anchor.end)
            note.start, note.end = anchor.start, anchor.end
            note.exact, note.prefix, note.suffix = placed.exact, placed.prefix, placed.suffix
            counts["fuzzy"] += 1
            continue
        counts[anchor.status] += 1
        note.anchor_state = anchor.status
        note.orphaned = anchor.status == "orphaned"
        if anchor.status == "orphaned":
            note.anchor_score = None  # the old quote and context stay, for a later version or the user
            note.start, note.end = anchor.start, anchor.end
            continue
        placed = make_quote(text, anchor.start, anchor.end)
        note.previous_exact = note.exact if anchor.status == "fuzzy" else None
        note.anchor_score = anchor.score if anchor.status == "fuzzy" else None
        note.start, note.end = anchor.start, anchor.end
        note.exact, note.prefix, note.suffix = placed.exact, placed.prefix, placed.suffix
    return AnchorCounts(**counts)


def _move_quote_corrections(session: Session, article_id: int, text: str) -> None:
    """Give each quote correction its span in the new text, where the message still reads the same."""
    for correction in session.scalars(
        select(QuoteCorrection).where(QuoteCorrection.article_id == article_id)
    ):
        span = locate(text, correction.start, correction.end, correction.exact)
        if span is None or span == (correction.start, correction.end):
            continue
        try:
            with session.begin_nested():
                correction.start, correction.end = span
                session.flush()
        except IntegrityError:  # another correction already sits there: this one keeps its old span
            session.refresh(correction)


def start_new_version(session: Session, article_id: int, document: Document) -> AnchorCounts:
    """Keep the article's current text as a version, take ``document``'s, re-anchor the annotations.

    Clears the article's mentions, roles and automatic quotes: the caller stores the new ones
    (and re-applies the user's quote corrections) in the same transaction.
    """
    article = session.get(Article, article_id)
    if article is None:
        raise NotFoundError(f"There is no article {article_id} in this library.")
    number = _version_count(session, article_id) + 1
    session.add(
        ArticleVersion(
            article_id=article_id,
            number=number,
            title=article.title,
            text=article.text,
            content_hash=article.content_hash,
            source_url=article.source_url,
            source_path=article.source_path,
            imported_at=import_time(session, article),
            replaced_at=utcnow(),
        )
    )
    article.title = document.title[:500]
    article.text = document.text
    article.content_hash = document.content_hash
    article.language = document.language
    article.format = document.format
    article.author = document.author or article.author
    article.published = document.published or article.published
    article.source_url = document.source_url or article.source_url
    article.outlet = document.outlet or article.outlet
    article.source_path = _absolute(document.path) or article.source_path
    counts = reanchor_annotations(session, article_id, document.text)
    _move_quote_corrections(session, article_id, document.text)
    session.execute(delete(Mention).where(Mention.article_id == article_id))
    session.execute(delete(ActorRole).where(ActorRole.article_id == article_id))
    session.execute(delete(Quote).where(Quote.article_id == article_id))
    session.flush()
    index_article(session, article_id, article.title, article.text, language=article.language)
    return counts


def drop_unmentioned_actors(session: Session, actor_ids: set[int]) -> int:
    """Delete those of ``actor_ids`` the new version no longer names (automatic ones only)."""
    if not actor_ids:
        return 0
    gone = list(
        session.scalars(
            select(Actor.id).where(
                Actor.id.in_(actor_ids),
                Actor.confirmed.is_(False),
                ~exists().where(Mention.actor_id == Actor.id),
                ~exists().where(QuoteCorrection.speaker_id == Actor.id),
                ~exists().where(Quote.speaker_id == Actor.id),
            )
        )
    )
    if gone:
        session.execute(delete(Actor).where(Actor.id.in_(gone)))
    return len(gone)


def actors_of(session: Session, article_id: int) -> set[int]:
    """The actors the article's current text names."""
    return set(session.scalars(select(Mention.actor_id).where(Mention.article_id == article_id).distinct()))
