"""Who said what: the stored quotes as plain rows, by article and/or by speaker."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, func, select
from sqlalchemy.orm import Session, aliased

from desktop.core.types import ANALYSIS_VERSION
from desktop.services.dto import QuoteRow
from desktop.services.queries import NotFoundError, find_actor
from desktop.services.row_shapes import quote_row
from desktop.storage.db import Library
from desktop.storage.models import Actor, Article, Quote
from desktop.storage.portable import utc_day


def _substring(start: Any, end: Any) -> ColumnElement[str]:
    """``articles.text[start:end]`` in SQL (code points on SQLite and PostgreSQL alike)."""
    return func.substr(Article.text, start + 1, end - start)


def article_day() -> ColumnElement[str]:
    """An article's date in SQL: its publication date, else the (UTC) day it was imported (ISO text)."""
    return func.coalesce(Article.published, utc_day(Article.imported_at))


def _query() -> Select[*tuple[Any, ...]]:
    speaker = aliased(Actor)
    return (
        select(
            Quote.id,
            Quote.article_id,
            Quote.start,
            Quote.end,
            _substring(Quote.start, Quote.end),
            Quote.kind,
            Quote.speaker_id,
            speaker.name,
            Quote.cue_start,
            Quote.cue_end,
            _substring(Quote.cue_start, Quote.cue_end),
            Quote.source,
            Quote.origin,
            Article.title,
            Article.published,
            Quote.speaker_start,
            Quote.speaker_end,
        )
        .join(Article, Article.id == Quote.article_id)
        .outerjoin(speaker, speaker.id == Quote.speaker_id)
    )


@functools.cache
def _article_query() -> Select[*tuple[Any, ...]]:
    """One article's quotes in text order (``article_id`` bound at execution)."""
    return (
        _query()
        .where(Quote.article_id == bindparam("article_id"))
        .order_by(Quote.article_id, Quote.start, Quote.id)
    )


def quote_rows(
    session: Session,
    *,
    article_id: int | None = None,
    speaker_id: int | None = None,
    ids: Sequence[int] | None = None,
    chronological: bool = False,
) -> list[QuoteRow]:
    """Quotes (of one article, of one speaker, or with the given ids), in text order per article.

    ``chronological`` orders articles by publication date (import date where unknown) instead
    of by id.
    """
    if article_id is not None and speaker_id is None and ids is None and not chronological:
        # the reading pane's query on every article it opens: built once
        return [quote_row(r) for r in session.execute(_article_query(), {"article_id": article_id})]
    query = _query()
    if article_id is not None:
        query = query.where(Quote.article_id == article_id)
    if speaker_id is not None:
        query = query.where(Quote.speaker_id == speaker_id)
    if ids is not None:
        query = query.where(Quote.id.in_(list(ids)))
    if chronological:
        query = query.order_by(article_day(), Quote.article_id, Quote.start, Quote.id)
    else:
        query = query.order_by(Quote.article_id, Quote.start, Quote.id)
    return [quote_row(r) for r in session.execute(query)]


def list_quotes(session: Session, article_id: int | None = None, actor: str | None = None) -> list[QuoteRow]:
    """Quotes of an article and/or of the actor named ``actor``; NotFoundError for unknown ones."""
    if article_id is not None and session.get(Article, article_id) is None:
        raise NotFoundError(f"There is no article {article_id} in this library.")
    speaker_id = find_actor(session, actor).id if actor is not None else None
    return quote_rows(session, article_id=article_id, speaker_id=speaker_id)


def outdated_article_count(session: Session) -> int:
    """How many articles were analysed before quotes and sentence indices (``reanalyze`` updates them)."""
    return int(
        session.scalar(select(func.count(Article.id)).where(Article.analysis_version < ANALYSIS_VERSION)) or 0
    )


def load_quotes(
    library: Library,
    *,
    article_id: int | None = None,
    actor: str | None = None,
    speaker_id: int | None = None,
) -> list[QuoteRow]:
    """Quotes of an article and/or a speaker (by name, alias or ``#ID``, or by id), for the window and CLI."""
    with library.read_session() as session:
        if speaker_id is not None:
            if session.get(Actor, speaker_id) is None:
                raise NotFoundError(f"There is no actor {speaker_id}.")
            if article_id is not None and session.get(Article, article_id) is None:
                raise NotFoundError(f"There is no article {article_id} in this library.")
            return quote_rows(session, article_id=article_id, speaker_id=speaker_id)
        return list_quotes(session, article_id, actor)


def outdated_articles(library: Library) -> int:
    """How many articles predate quote finding (see :func:`outdated_article_count`)."""
    with library.read_session() as session:
        return outdated_article_count(session)
