"""The user's corrections of quotes: another speaker, not a quote, a selection marked as a quote.

Each correction is stored as a ``quote_corrections`` row keyed by the article and the message
span (with the message text), so that it is re-applied whenever the article's quotes are found
again (see :mod:`desktop.services.analysis`). Each service returns a :class:`QuoteChange`: the
article's quotes and corrections before and after, so that undo is
``restore_quotes(library, change.before)`` and redo ``restore_quotes(library, change.after)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.services.analysis import apply_correction
from desktop.services.dto import ChangeSummary, QuoteRow
from desktop.services.queries import NotFoundError
from desktop.services.quotes import quote_rows
from desktop.storage.db import Library
from desktop.storage.models import Actor, Article, Quote, QuoteCorrection

Row = dict[str, Any]
KINDS = ("direct", "indirect")
# Quotation marks a selection may include around the message; they are not part of it.
_MARKS = "\"'„“”‚‘’«»‹›「」"


class QuoteCorrectionError(UserError, ValueError):
    """A quote correction that cannot be applied as asked."""


@dataclass(frozen=True)
class QuoteSnapshot:
    """Every quote and quote correction of one article, exactly (ids included)."""

    article_id: int
    quotes: tuple[Row, ...]
    corrections: tuple[Row, ...]

    def speakers(self) -> set[int]:
        """Actors that speak in the captured quotes."""
        return {int(q["speaker_id"]) for q in self.quotes if q["speaker_id"] is not None}


@dataclass(frozen=True)
class QuoteChange:
    """A quote correction as applied: the article's state before and after, and the quote it left."""

    before: QuoteSnapshot
    after: QuoteSnapshot
    summary: ChangeSummary
    quote: QuoteRow | None  # the corrected quote as it is now; None when it was removed


def _rows(session: Session, model: Any, article_id: int) -> tuple[Row, ...]:
    columns = list(model.__table__.columns)
    query = select(*columns).where(model.article_id == article_id).order_by(model.id)
    return tuple(dict(r._mapping) for r in session.execute(query))


def _snapshot(session: Session, article_id: int) -> QuoteSnapshot:
    return QuoteSnapshot(
        article_id, _rows(session, Quote, article_id), _rows(session, QuoteCorrection, article_id)
    )


def _article_text(session: Session, article_id: int) -> str:
    text = session.scalar(select(Article.text).where(Article.id == article_id))
    if text is None:
        raise NotFoundError(f"There is no article {article_id} in this library.")
    return str(text)


def _check_speaker(session: Session, actor_id: int | None) -> None:
    if actor_id is not None and session.get(Actor, actor_id) is None:
        raise NotFoundError(f"There is no actor {actor_id}.")


def _quote(session: Session, quote_id: int) -> Quote:
    quote = session.get(Quote, quote_id)
    if quote is None:
        raise NotFoundError(f"There is no quote {quote_id} in this library.")
    return quote


def _correct(
    session: Session, article_id: int, text: str, span: tuple[int, int], action: str, **values: Any
) -> QuoteCorrection:
    """Create or replace the correction of the message ``span`` and apply it."""
    session.execute(
        delete(QuoteCorrection).where(
            QuoteCorrection.article_id == article_id,
            QuoteCorrection.start == span[0],
            QuoteCorrection.end == span[1],
        )
    )
    correction = QuoteCorrection(
        article_id=article_id,
        start=span[0],
        end=span[1],
        exact=text[span[0] : span[1]],
        action=action,
        **values,
    )
    session.add(correction)
    session.flush()
    return correction


def _change(library: Library, article_id: int, before: QuoteSnapshot, quote_id: int | None) -> QuoteChange:
    with library.read_session() as session:
        after = _snapshot(session, article_id)
        quote = quote_rows(session, ids=[quote_id])[0] if quote_id is not None else None
    old = {q["id"]: q for q in before.quotes}
    new = {q["id"]: q for q in after.quotes}
    changed = sorted(i for i in old.keys() | new.keys() if old.get(i) != new.get(i))
    summary = ChangeSummary(
        articles=(article_id,),
        actors=tuple(sorted(before.speakers() | after.speakers())),
        quotes=tuple(changed),
    )
    return QuoteChange(before, after, summary, quote)


def reassign_speaker(library: Library, quote_id: int, actor_id: int | None) -> QuoteChange:
    """Say who made the statement: another actor, or nobody named (``actor_id`` None)."""
    with library.session() as session:
        quote = _quote(session, quote_id)
        _check_speaker(session, actor_id)
        article_id = quote.article_id
        before = _snapshot(session, article_id)
        text = _article_text(session, article_id)
        span = (quote.start, quote.end)
        correction = _correct(
            session,
            article_id,
            text,
            span,
            "quote",
            kind=quote.kind,
            speaker_id=actor_id,
            author=library.user,
        )
        corrected = apply_correction(session, text, correction)
    return _change(library, article_id, before, corrected)


def reject_quote(library: Library, quote_id: int) -> QuoteChange:
    """ "Not a quote": remove the statement; it is not found again at the next analysis."""
    with library.session() as session:
        quote = _quote(session, quote_id)
        article_id = quote.article_id
        before = _snapshot(session, article_id)
        text = _article_text(session, article_id)
        correction = _correct(
            session,
            article_id,
            text,
            (quote.start, quote.end),
            "reject",
            kind=quote.kind,
            author=library.user,
        )
        apply_correction(session, text, correction)
    return _change(library, article_id, before, None)


def message_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The selection [start, end) without surrounding spaces and quotation marks."""
    if not (0 <= start < end <= len(text)):
        raise QuoteCorrectionError("Select the words of the statement first.")
    while start < end and (text[start].isspace() or text[start] in _MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _MARKS):
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]):
        raise QuoteCorrectionError("Select the words of the statement first.")
    return start, end


def mark_quote(
    library: Library, article_id: int, start: int, end: int, actor_id: int | None, *, kind: str = "direct"
) -> QuoteChange:
    """Mark the selection [start, end) of an article as a statement by ``actor_id`` (None: nobody named)."""
    if kind not in KINDS:
        raise QuoteCorrectionError(f"Unknown kind of quote {kind!r}; choose direct or indirect.")
    with library.session() as session:
        text = _article_text(session, article_id)
        _check_speaker(session, actor_id)
        span = message_span(text, start, end)
        before = _snapshot(session, article_id)
        correction = _correct(
            session, article_id, text, span, "quote", kind=kind, speaker_id=actor_id, author=library.user
        )
        corrected = apply_correction(session, text, correction)
    return _change(library, article_id, before, corrected)


def restore_quotes(library: Library, snapshot: QuoteSnapshot) -> ChangeSummary:
    """Make the article's quotes and quote corrections exactly as captured (undo and redo).

    Speakers deleted since the snapshot are left out (the quote keeps no speaker).
    """
    article_id = snapshot.article_id
    with library.session() as session:
        if session.get(Article, article_id) is None:
            raise NotFoundError(f"There is no article {article_id} in this library.")
        current = _snapshot(session, article_id)
        speakers = {r["speaker_id"] for r in (*snapshot.quotes, *snapshot.corrections)} - {None}
        alive = set(session.scalars(select(Actor.id).where(Actor.id.in_(speakers)))) if speakers else set()

        def living(row: Row) -> Row:
            return (
                row
                if row["speaker_id"] in alive or row["speaker_id"] is None
                else {**row, "speaker_id": None}
            )

        session.execute(delete(Quote).where(Quote.article_id == article_id))
        session.execute(delete(QuoteCorrection).where(QuoteCorrection.article_id == article_id))
        if snapshot.quotes:
            session.execute(insert(Quote), [living(r) for r in snapshot.quotes])
        if snapshot.corrections:
            session.execute(insert(QuoteCorrection), [living(r) for r in snapshot.corrections])
    old = {q["id"]: q for q in current.quotes}
    new = {q["id"]: q for q in snapshot.quotes}
    return ChangeSummary(
        articles=(article_id,),
        actors=tuple(sorted(current.speakers() | snapshot.speakers())),
        quotes=tuple(sorted(i for i in old.keys() | new.keys() if old.get(i) != new.get(i))),
    )
