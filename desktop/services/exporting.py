"""Markdown export of notes: one article, one tag, one actor, or the whole library."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.export_md import ExportAnnotation, ExportArticle, render_article, render_collection
from desktop.core.tags import normalize_tag
from desktop.services.dto import AnnotationRow
from desktop.services.queries import NotFoundError, annotation_rows, find_actor
from desktop.storage.db import Library
from desktop.storage.models import Actor, Article, Mention


def _actor_names(session: Session, article_ids: list[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    if not article_ids:
        return names
    rows = session.execute(
        select(Mention.article_id, Actor.name)
        .join(Actor, Actor.id == Mention.actor_id)
        .where(Mention.article_id.in_(article_ids))
        .order_by(Mention.article_id, Mention.start)
    )
    for article_id, name in rows:
        if name not in names[article_id]:
            names[article_id].append(name)
    return names


def _export_articles(
    session: Session, rows: list[AnnotationRow], article_ids: list[int]
) -> list[ExportArticle]:
    by_article: dict[int, list[AnnotationRow]] = defaultdict(list)
    for row in rows:
        by_article[row.article_id].append(row)
    actors = _actor_names(session, article_ids)
    result = []
    for article_id in article_ids:
        article = session.get(Article, article_id)
        if article is None:
            continue
        annotations = tuple(
            ExportAnnotation(a.id, a.start, a.end, a.quote, a.note, a.tags, a.color)
            for a in sorted(by_article[article_id], key=lambda a: (a.start, a.id))
        )
        tags = tuple(dict.fromkeys(t for a in annotations for t in a.tags))
        result.append(
            ExportArticle(
                id=article.id,
                title=article.title,
                language=article.language,
                source=article.source_url or article.source_path,
                published=article.published,
                tags=tags,
                actors=tuple(actors[article_id]),
                annotations=annotations,
            )
        )
    return result


def export_article(library: Library, article_id: int) -> str:
    """The notes of one article as Markdown."""
    with library.read_session() as session:
        if session.get(Article, article_id) is None:
            raise NotFoundError(f"There is no article {article_id} in this library.")
        articles = _export_articles(session, annotation_rows(session, article_id), [article_id])
        return render_article(articles[0])


def export_tag(library: Library, tag: str) -> str:
    """All notes carrying ``tag`` (or one of its sub-tags) as Markdown."""
    name = normalize_tag(tag)
    with library.read_session() as session:
        rows = annotation_rows(session, tag=name)
        if not rows:
            raise NotFoundError(f"No annotation is tagged {name!r}.")
        ids = list(dict.fromkeys(r.article_id for r in rows))
        return render_collection(f"Notes tagged #{name}", _export_articles(session, rows, ids), kind="tag")


def export_actor(library: Library, actor_name: str) -> str:
    """Notes of every article in which the actor appears, as Markdown."""
    with library.read_session() as session:
        actor = find_actor(session, actor_name)
        ids = list(
            session.scalars(
                select(Mention.article_id)
                .where(Mention.actor_id == actor.id)
                .distinct()
                .order_by(Mention.article_id)
            )
        )
        rows = [r for i in ids for r in annotation_rows(session, i)]
        return render_collection(f"Notes on {actor.name}", _export_articles(session, rows, ids), kind="actor")


def export_library(library: Library) -> str:
    """Notes of the whole library as Markdown (articles with at least one note)."""
    with library.read_session() as session:
        rows = annotation_rows(session)
        ids = list(dict.fromkeys(r.article_id for r in rows))
        return render_collection("Briefing notes", _export_articles(session, rows, ids), kind="library")
