"""All highlights and notes of the library, filtered like a reader's notes view, and their export.

Filters combine (AND): colour, tag (a parent tag includes its children: ``nato`` matches
``nato/planung``), actor (the highlight overlaps a mention of the actor), article, the day the
note was made (from/until, local days) and a search in the note and the quoted passage with
the article search's syntax (case and accents ignored, word stems, phrases, OR, -exclusion).
The text search runs in Python over the rows the other filters leave (about 10,000 notes are
searched in well under a second; ``python -m tools.bench_notes`` measures it).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Select, and_, exists, func, literal_column, select
from sqlalchemy.orm import Session

from desktop.core.export_md import ExportArticle, render_collection
from desktop.core.query import Matcher, parse_query
from desktop.core.textfold import fold
from desktop.services.dto import AnnotationRow, NoteRow
from desktop.services.library_filters import tagged_annotations
from desktop.services.notes_filter import (
    NOTE_LANGUAGES,
    NotesFilter,
    NotesOrder,
    by_article,
    day_start_utc,
    describe,
    export_record,
    make_filter,
)
from desktop.services.queries import NotFoundError, _tags_of
from desktop.services.sqlite_reads import read_file_of
from desktop.storage.db import Library
from desktop.storage.models import Actor, Annotation, Article, Mention, Tag, annotation_tags
from desktop.storage.search import library_languages


def overlaps_actor(actor_id: int) -> Any:
    """The annotation overlaps a mention of the actor (the highlight names the actor).

    ``start + 0`` keeps SQLite from reaching the mentions by article and start (every mention of the
    article before the highlight's end, each read from the table to test its actor): the actor's own
    mentions in the article (``ix_mentions_actor_id_article_id``) are found by equality on both columns.
    The most mentioned actor's notes at 100,000 articles: 44 → 9 ms."""
    return exists().where(
        Mention.article_id == Annotation.article_id,
        Mention.actor_id == actor_id,
        Mention.start + literal_column("0") < Annotation.end,
        Mention.end > Annotation.start,
    )


_COLUMNS = (
    Annotation.id,
    Annotation.article_id,
    Annotation.start,
    Annotation.end,
    Annotation.exact,
    Annotation.note,
    Annotation.color,
    Annotation.orphaned,
    Annotation.author,
    Annotation.edited_by,
    Annotation.version,
    Annotation.created_at,
    Annotation.updated_at,
    Article.title,
    Article.published,
    Article.outlet,
)


def _statement(flt: NotesFilter) -> Select[Any]:
    query = select(*_COLUMNS).join(Article, Article.id == Annotation.article_id)
    conditions: list[Any] = []
    if flt.article_id is not None:
        conditions.append(Annotation.article_id == flt.article_id)
    if flt.tag:
        conditions.append(Annotation.id.in_(tagged_annotations(flt.tag)))
    if flt.actor_id is not None:
        conditions.append(overlaps_actor(flt.actor_id))
    if flt.colors:
        conditions.append(Annotation.color.in_(flt.colors))
    if flt.author:
        conditions.append(Annotation.author == flt.author)
    if flt.since:
        conditions.append(Annotation.created_at >= day_start_utc(flt.since))
    if flt.until:
        conditions.append(Annotation.created_at < day_start_utc(flt.until + dt.timedelta(days=1)))
    return query.where(and_(*conditions)) if conditions else query


def _tags(session: Session, ids: list[int]) -> dict[int, list[str]]:
    """Tags of the annotations ``ids``; one query over all tag links when they are many."""
    if len(ids) <= 2000:
        return _tags_of(session, ids)
    wanted = set(ids)
    result: dict[int, list[str]] = defaultdict(list)
    rows = session.execute(
        select(annotation_tags.c.annotation_id, Tag.name)
        .join(Tag, Tag.id == annotation_tags.c.tag_id)
        .order_by(Tag.name)
    )
    for annotation_id, name in rows:
        if annotation_id in wanted:
            result[annotation_id].append(name)
    return result


def _iso(value: dt.datetime | None) -> str:
    return value.isoformat() if value else ""


def select_notes(
    session: Session, flt: NotesFilter, order: NotesOrder = "created", limit: int | None = None
) -> list[NoteRow]:
    """The notes passing ``flt`` within an open session (see :func:`query_notes`); the first ``limit``."""
    statement = _statement(flt)
    if order == "document":
        statement = statement.order_by(Annotation.article_id, Annotation.start, Annotation.id)
    else:
        statement = statement.order_by(Annotation.created_at.desc(), Annotation.id.desc())
    searching = bool(flt.search.strip())
    if limit is not None and not searching:
        statement = statement.limit(limit)
    rows = session.execute(statement).all()
    if searching:
        # notes are the user's words: German and English stems besides the articles' languages
        languages = sorted({*library_languages(session), *NOTE_LANGUAGES})
        matcher = Matcher(parse_query(flt.search), languages)
        rows = [r for r in rows if matcher.matches_folded(fold(f"{r.note}\n{r.exact}"))][:limit]
    tags = _tags(session, [r.id for r in rows])
    return [
        NoteRow(
            AnnotationRow(
                r.id,
                r.article_id,
                r.start,
                r.end,
                r.exact,
                r.note,
                tuple(tags.get(r.id, ())),
                r.color,
                r.orphaned,
                author=r.author,
                edited_by=r.edited_by,
                version=r.version,
            ),
            r.title,
            r.published,
            r.outlet,
            _iso(r.created_at),
            _iso(r.updated_at),
        )
        for r in rows
    ]


def query_notes(
    library: Library,
    flt: NotesFilter | None = None,
    *,
    order: NotesOrder = "created",
    limit: int | None = None,
) -> list[NoteRow]:
    """The notes passing ``flt``: newest first (``"created"``) or by article and position (``"document"``);
    the first ``limit`` of them (None: all)."""
    wanted = flt or NotesFilter()
    found = read_file_of(library, lambda reader: reader.notes_reader().select_notes(wanted, order, limit))
    if found is not None:  # a SQLite file: read as the command line reads it, without ORM objects
        return found
    with library.read_session() as session:
        return select_notes(session, wanted, order, limit)


# --------------------------------------------------------------------------- export


def export_articles(
    session: Session, notes: Sequence[NoteRow], meanings: Mapping[str, str] | None
) -> list[ExportArticle]:
    """Group notes by article (first-seen order) into export records with the article's details, for a
    collection (``render_collection``, which lists no article's actors: none are read)."""
    grouped = by_article(notes)
    result = []
    for article_id, rows in grouped.items():
        article = session.get(Article, article_id)
        if article is not None:
            result.append(export_record(article, rows, (), meanings))
    return result


def actor_names(session: Session, article_ids: list[int]) -> dict[int, list[str]]:
    """Names of the actors mentioned in each article, in order of first mention."""
    return _actor_names(session, article_ids)


def _actor_names(session: Session, article_ids: list[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start : start + 500]
        first = func.min(Mention.start).label("first")
        rows = session.execute(  # one row per actor and article, not per mention
            select(Mention.article_id, Actor.name, first)
            .join(Actor, Actor.id == Mention.actor_id)
            .where(Mention.article_id.in_(chunk))
            .group_by(Mention.article_id, Actor.id)
            .order_by(Mention.article_id, first, Actor.id)
        )
        for article_id, name, _first in rows:
            if name not in names[article_id]:
                names[article_id].append(name)
    return names


def export_notes(
    library: Library,
    flt: NotesFilter | None = None,
    *,
    meanings: Mapping[str, str] | None = None,
    heading: str | None = None,
    generated: dt.date | None = None,
) -> str:
    """The notes passing ``flt`` as one Markdown document, grouped by article in document order."""
    flt = flt or NotesFilter()
    with library.read_session() as session:
        actor_name = None
        if flt.actor_id is not None:
            actor = session.get(Actor, flt.actor_id)
            if actor is None:
                raise NotFoundError(f"There is no actor {flt.actor_id} in this library.")
            actor_name = actor.name
        notes = select_notes(session, flt, "document")
        articles = export_articles(session, notes, meanings)
    title = heading or describe(flt, actor_name=actor_name, meanings=meanings)
    return render_collection(title, articles, kind="notes", generated=generated)


__all__ = [
    "NotesFilter",
    "NotesOrder",
    "actor_names",
    "describe",
    "export_articles",
    "export_notes",
    "export_record",
    "make_filter",
    "query_notes",
    "select_notes",
]
