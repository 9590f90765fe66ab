"""Markdown export of notes: one article, one tag, one actor, or the whole library.

Each export can be narrowed further by a :class:`~desktop.services.notes_query.NotesFilter`
(colour, days, text search). Colours are written as their meanings (``meanings``: the
window's renamed ones; the defaults otherwise). Articles are described by outlet, author,
date and web address; a local file path never appears.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.core.export_md import render_article, render_collection
from desktop.core.record import replace
from desktop.core.tags import normalize_tag
from desktop.services.notes_query import (
    NotesFilter,
    actor_names,
    describe,
    export_articles,
    export_record,
    select_notes,
)
from desktop.services.queries import NotFoundError, find_actor
from desktop.storage.db import Library
from desktop.storage.models import Article


def _narrowed(flt: NotesFilter | None, **fields: object) -> NotesFilter:
    return replace(flt or NotesFilter(), **fields)  # type: ignore[arg-type]


def export_article(
    library: Library,
    article_id: int,
    *,
    flt: NotesFilter | None = None,
    meanings: Mapping[str, str] | None = None,
) -> str:
    """The notes of one article as Markdown (front matter with the article's details)."""
    with library.read_session() as session:
        article = session.get(Article, article_id)
        if article is None:
            raise NotFoundError(f"There is no article {article_id} in this library.")
        notes = select_notes(session, _narrowed(flt, article_id=article_id), "document")
        actors = actor_names(session, [article_id])[article_id]
        record = export_record(article, [n.annotation for n in notes], actors, meanings)
    return render_article(record)


def export_tag(
    library: Library, tag: str, *, flt: NotesFilter | None = None, meanings: Mapping[str, str] | None = None
) -> str:
    """All notes carrying ``tag`` (or one of its sub-tags) as Markdown."""
    name = normalize_tag(tag)
    narrowed = _narrowed(flt, tag=name)
    with library.read_session() as session:
        notes = select_notes(session, narrowed, "document")
        if not notes and not (flt and flt.active):
            raise NotFoundError(f"No annotation is tagged {name!r}.")
        articles = export_articles(session, notes, meanings)
    heading = f"Notes tagged #{name}" if not (flt and flt.active) else describe(narrowed, meanings=meanings)
    return render_collection(heading, articles, kind="tag")


def export_actor(
    library: Library,
    actor_name: str,
    *,
    flt: NotesFilter | None = None,
    meanings: Mapping[str, str] | None = None,
) -> str:
    """The highlights that name the actor (they overlap one of its mentions), as Markdown."""
    with library.read_session() as session:
        actor = find_actor(session, actor_name)
        narrowed = _narrowed(flt, actor_id=actor.id)
        articles = export_articles(session, select_notes(session, narrowed, "document"), meanings)
        name = actor.name
    heading = (
        f"Notes on {name}"
        if not (flt and flt.active)
        else describe(narrowed, actor_name=name, meanings=meanings)
    )
    return render_collection(heading, articles, kind="actor")


def export_library(
    library: Library, *, flt: NotesFilter | None = None, meanings: Mapping[str, str] | None = None
) -> str:
    """Notes of the whole library as Markdown (articles with at least one note)."""
    with library.read_session() as session:
        articles = export_articles(session, select_notes(session, flt or NotesFilter(), "document"), meanings)
    heading = "Briefing notes" if not (flt and flt.active) else describe(flt, meanings=meanings)
    return render_collection(heading, articles, kind="library")
