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
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Select, and_, exists, select
from sqlalchemy.orm import Session

from desktop.core.export_md import ExportAnnotation, ExportArticle, render_collection
from desktop.core.query import Matcher, parse_query
from desktop.core.tags import normalize_tag
from desktop.core.textfold import fold
from desktop.services.annotations import COLORS, AnnotationError
from desktop.services.color_meanings import meaning_of
from desktop.services.dto import AnnotationRow, NoteRow
from desktop.services.library_filters import tagged_annotations
from desktop.services.queries import NotFoundError, _tags_of
from desktop.storage.db import Library
from desktop.storage.models import Actor, Annotation, Article, Mention, Tag, annotation_tags
from desktop.storage.search import library_languages

NotesOrder = Literal["created", "document"]
NOTE_LANGUAGES = ("de", "en")


@dataclass(frozen=True)
class NotesFilter:
    """Which notes to show; every field that is set must hold."""

    article_id: int | None = None
    tag: str | None = None  # normal form; sub-tags match too
    actor_id: int | None = None
    colors: tuple[str, ...] = ()  # colour names; any of them
    since: dt.date | None = None  # created on or after this (local) day
    until: dt.date | None = None  # created on or before this (local) day
    search: str = ""
    author: str = ""  # made by this user

    @property
    def active(self) -> bool:
        """True when at least one restriction is set."""
        return any((self.article_id is not None, self.tag, self.actor_id is not None, self.colors)) or any(
            (self.since, self.until, self.search.strip(), self.author)
        )


def make_filter(
    *,
    article_id: int | None = None,
    tag: str | None = None,
    actor_id: int | None = None,
    colors: Sequence[str] = (),
    since: dt.date | None = None,
    until: dt.date | None = None,
    search: str = "",
    author: str = "",
) -> NotesFilter:
    """A checked :class:`NotesFilter`: tag normalised, colours known, dates in order."""
    checked = []
    for color in colors:
        value = color.strip().lower()
        if value not in COLORS:
            raise AnnotationError(f"Unknown colour {color!r}; choose one of: {', '.join(COLORS)}.")
        checked.append(value)
    if since and until and since > until:
        raise AnnotationError(f"The first day ({since.isoformat()}) is after the last ({until.isoformat()}).")
    return NotesFilter(
        article_id=article_id,
        tag=normalize_tag(tag) if tag else None,
        actor_id=actor_id,
        colors=tuple(dict.fromkeys(checked)),
        since=since,
        until=until,
        search=search,
        author=author.strip(),
    )


def _day_start_utc(day: dt.date) -> dt.datetime:
    """Midnight at the start of the local ``day``, in UTC (the zone the times are stored in)."""
    return dt.datetime.combine(day, dt.time()).astimezone().astimezone(dt.UTC)


def _overlaps_actor(actor_id: int) -> Any:
    """The annotation overlaps a mention of the actor (the highlight names the actor)."""
    return exists().where(
        Mention.article_id == Annotation.article_id,
        Mention.actor_id == actor_id,
        Mention.start < Annotation.end,
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
        conditions.append(_overlaps_actor(flt.actor_id))
    if flt.colors:
        conditions.append(Annotation.color.in_(flt.colors))
    if flt.author:
        conditions.append(Annotation.author == flt.author)
    if flt.since:
        conditions.append(Annotation.created_at >= _day_start_utc(flt.since))
    if flt.until:
        conditions.append(Annotation.created_at < _day_start_utc(flt.until + dt.timedelta(days=1)))
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


def select_notes(session: Session, flt: NotesFilter, order: NotesOrder = "created") -> list[NoteRow]:
    """The notes passing ``flt`` within an open session (see :func:`query_notes`)."""
    statement = _statement(flt)
    if order == "document":
        statement = statement.order_by(Annotation.article_id, Annotation.start, Annotation.id)
    else:
        statement = statement.order_by(Annotation.created_at.desc(), Annotation.id.desc())
    rows = session.execute(statement).all()
    if flt.search.strip():
        # notes are the user's words: German and English stems besides the articles' languages
        languages = sorted({*library_languages(session), *NOTE_LANGUAGES})
        matcher = Matcher(parse_query(flt.search), languages)
        rows = [r for r in rows if matcher.matches_folded(fold(f"{r.note}\n{r.exact}"))]
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
    library: Library, flt: NotesFilter | None = None, *, order: NotesOrder = "created"
) -> list[NoteRow]:
    """The notes passing ``flt``: newest first (``"created"``) or by article and position (``"document"``)."""
    with library.read_session() as session:
        return select_notes(session, flt or NotesFilter(), order)


# --------------------------------------------------------------------------- export


def export_articles(
    session: Session, notes: Sequence[NoteRow], meanings: Mapping[str, str] | None
) -> list[ExportArticle]:
    """Group notes by article (first-seen order) into export records with the article's details."""
    by_article: dict[int, list[AnnotationRow]] = defaultdict(list)
    for note in notes:
        by_article[note.article_id].append(note.annotation)
    actors = _actor_names(session, list(by_article))
    result = []
    for article_id, rows in by_article.items():
        article = session.get(Article, article_id)
        if article is not None:
            result.append(export_record(article, rows, actors[article_id], meanings))
    return result


def export_record(
    article: Article,
    annotations: Sequence[AnnotationRow],
    actors: Sequence[str],
    meanings: Mapping[str, str] | None,
) -> ExportArticle:
    """One article as the Markdown export describes it (web address only, never a local path)."""
    exported = tuple(
        ExportAnnotation(
            a.id, a.start, a.end, a.quote, a.note, a.tags, a.color, meaning_of(a.color, meanings)
        )
        for a in sorted(annotations, key=lambda a: (a.start, a.id))
    )
    return ExportArticle(
        id=article.id,
        title=article.title,
        language=article.language,
        source=article.source_url,
        published=article.published,
        tags=tuple(dict.fromkeys(t for a in exported for t in a.tags)),
        actors=tuple(actors),
        annotations=exported,
        outlet=article.outlet,
        author=article.author,
    )


def actor_names(session: Session, article_ids: list[int]) -> dict[int, list[str]]:
    """Names of the actors mentioned in each article, in order of first mention."""
    return _actor_names(session, article_ids)


def _actor_names(session: Session, article_ids: list[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start : start + 500]
        rows = session.execute(
            select(Mention.article_id, Actor.name)
            .join(Actor, Actor.id == Mention.actor_id)
            .where(Mention.article_id.in_(chunk))
            .order_by(Mention.article_id, Mention.start)
        )
        for article_id, name in rows:
            if name not in names[article_id]:
                names[article_id].append(name)
    return names


def describe(
    flt: NotesFilter, *, actor_name: str | None = None, meanings: Mapping[str, str] | None = None
) -> str:
    """A heading for an export of ``flt``'s notes ("Notes: #nato · Important · since 2026-01-01")."""
    parts = []
    if flt.tag:
        parts.append(f"#{flt.tag}")
    if flt.actor_id is not None:
        parts.append(f"on {actor_name or f'actor {flt.actor_id}'}")
    parts.extend(meaning_of(c, meanings) for c in flt.colors)
    if flt.author:
        parts.append(f"by {flt.author}")
    if flt.since:
        parts.append(f"since {flt.since.isoformat()}")
    if flt.until:
        parts.append(f"until {flt.until.isoformat()}")
    if flt.search.strip():
        parts.append(f"“{' '.join(flt.search.split())}”")
    return "Notes: " + " · ".join(parts) if parts else "Briefing notes"


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
