"""Which notes to show (:class:`NotesFilter`, checked by :func:`make_filter`) and how an export describes
them: the pure part of desktop.services.notes_query, shared with the command line's sqlite3 reads
(desktop.services.sqlite_notes).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Literal, NamedTuple, Protocol

from desktop.core.colors import COLORS
from desktop.core.export_md import ExportAnnotation, ExportArticle
from desktop.core.record import record
from desktop.core.tags import normalize_tag
from desktop.services.color_meanings import meaning_of
from desktop.services.dto import AnnotationRow, NoteRow
from desktop.services.errors import AnnotationError

NotesOrder = Literal["created", "document"]
NOTE_LANGUAGES = ("de", "en")


class ExportedArticle(Protocol):
    """What an export says about an article (an Article row, or :class:`ArticleFields`)."""

    @property
    def id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def source_url(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def author(self) -> str | None: ...


class ArticleFields(NamedTuple):
    """The columns of an article an export reads (in this order)."""

    id: int
    title: str
    language: str
    source_url: str | None
    published: str | None
    outlet: str | None
    author: str | None


ARTICLE_FIELDS_SQL = (
    "SELECT articles.id, articles.title, articles.language, articles.source_url, articles.published, "
    "articles.outlet, articles.author FROM articles WHERE articles.id = ?"
)
"""The columns of :class:`ArticleFields` of one article, in SQLite's (and PostgreSQL's) SQL."""


def by_article(notes: Sequence[NoteRow]) -> dict[int, list[AnnotationRow]]:
    """The notes' annotations grouped by article, the articles in the order first seen."""
    grouped: dict[int, list[AnnotationRow]] = defaultdict(list)
    for note in notes:
        grouped[note.article_id].append(note.annotation)
    return grouped


@record
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


def day_start_utc(day: dt.date) -> dt.datetime:
    """Midnight at the start of the local ``day``, in UTC (the zone the times are stored in)."""
    return dt.datetime.combine(day, dt.time()).astimezone().astimezone(dt.UTC)


def export_record(
    article: ExportedArticle,
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
