"""Read-only queries returning plain rows for the command line and the window."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from desktop.services.dto import ActorRow, AnnotationRow, ArticleDetail, ArticleRow, MentionRow
from desktop.services.errors import AmbiguousActorError as AmbiguousActorError
from desktop.services.errors import NotFoundError as NotFoundError
from desktop.services.errors import ambiguity_message
from desktop.services.row_shapes import actor_row, article_row
from desktop.storage.models import (
    Actor,
    ActorAlias,
    ActorCount,
    ActorRole,
    Annotation,
    Article,
    Mention,
    Tag,
    annotation_tags,
)
from desktop.storage.portable import code_point_order
from desktop.storage.roles import distinct_roles


def list_articles(session: Session) -> list[ArticleRow]:
    """All articles, newest import first, with their annotation counts."""
    return list(iter_articles(session))


def annotated_articles(session: Session) -> list[tuple[int, str]]:
    """The articles that have notes (id, title), by title; reads only those articles."""
    rows = session.execute(
        select(Article.id, Article.title).where(Article.id.in_(select(Annotation.article_id).distinct()))
    ).all()
    return sorted(((int(r[0]), str(r[1])) for r in rows), key=lambda item: (item[1].casefold(), -item[0]))


def iter_articles(session: Session, *, batch: int = 1000) -> Iterator[ArticleRow]:
    """All articles, newest import first, with their annotation counts, read ``batch`` rows at a time."""
    counts = (
        select(Annotation.article_id, func.count(Annotation.id).label("n"))
        .group_by(Annotation.article_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Article.id,
            Article.title,
            Article.language,
            func.coalesce(Article.source_url, Article.source_path),
            Article.published,
            func.coalesce(counts.c.n, 0),
            Article.imported_at,
            Article.outlet,
            Article.read_at,
            Article.starred,
            Article.archived,
        )
        .outerjoin(counts, counts.c.article_id == Article.id)
        .order_by(Article.id.desc())
        .execution_options(yield_per=batch)
    )
    for r in rows:
        yield article_row(r)


def annotation_rows(
    session: Session,
    article_id: int | None = None,
    tag: str | None = None,
    *,
    ids: Sequence[int] | None = None,
) -> list[AnnotationRow]:
    """Annotations (of one article, carrying a tag or its sub-tags, among ``ids``), in document order."""
    query = select(Annotation).order_by(Annotation.article_id, Annotation.start, Annotation.id)
    if ids is not None:
        query = query.where(Annotation.id.in_(list(ids)))
    if article_id is not None:
        query = query.where(Annotation.article_id == article_id)
    if tag is not None:
        tagged = (
            select(annotation_tags.c.annotation_id)
            .join(Tag, Tag.id == annotation_tags.c.tag_id)
            .where((Tag.name == tag) | Tag.name.startswith(tag + "/", autoescape=True))
        )
        query = query.where(Annotation.id.in_(tagged))
    annotations = list(session.scalars(query))
    tags = _tags_of(session, [a.id for a in annotations])
    return [
        AnnotationRow(
            a.id,
            a.article_id,
            a.start,
            a.end,
            a.exact,
            a.note,
            tuple(tags.get(a.id, ())),
            a.color,
            a.orphaned,
            a.anchor_state,
            a.anchor_score,
            a.previous_exact,
            a.author,
            a.edited_by,
            a.version,
        )
        for a in annotations
    ]


def _tags_of(session: Session, annotation_ids: list[int]) -> dict[int, list[str]]:
    result: dict[int, list[str]] = defaultdict(list)
    if not annotation_ids:
        return result
    for chunk_start in range(0, len(annotation_ids), 500):
        chunk = annotation_ids[chunk_start : chunk_start + 500]
        rows = session.execute(
            select(annotation_tags.c.annotation_id, Tag.name)
            .join(Tag, Tag.id == annotation_tags.c.tag_id)
            .where(annotation_tags.c.annotation_id.in_(chunk))
            .order_by(code_point_order(Tag.name))
        )
        for annotation_id, name in rows:
            result[annotation_id].append(name)
    return result


def article_detail(session: Session, article_id: int) -> ArticleDetail:
    """An article with its mentions, annotations and quotes; NotFoundError if missing."""
    from desktop.services.quotes import quote_rows  # quotes builds on this module

    article = session.get(Article, article_id)
    if article is None:
        raise NotFoundError(f"There is no article {article_id} in this library.")
    mentions = tuple(  # plain rows, not ORM objects: a long article has hundreds
        MentionRow(start, end, actor_id, kind)
        for start, end, actor_id, kind in session.execute(_mentions_query(), {"article_id": article_id})
    )
    return ArticleDetail(
        article.id,
        article.title,
        article.language,
        article.text,
        article.source_url or article.source_path,
        article.published,
        article.author,
        mentions,
        tuple(annotation_rows(session, article_id)),
        outlet=article.outlet,
        imported_at=article.imported_at.isoformat() if article.imported_at else "",
        quotes=tuple(quote_rows(session, article_id=article_id)),
    )


def list_actors(session: Session, article_id: int | None = None, limit: int | None = None) -> list[ActorRow]:
    """Actors with mention and article counts (in one article, or library-wide), most mentioned first;
    the first ``limit`` (None: all)."""
    if article_id is None:  # library-wide: the maintained counts, one row per actor
        counts_sq = (
            select(
                ActorCount.actor_id,
                ActorCount.mentions.label("mentions"),
                ActorCount.articles.label("articles"),
            )
            .where(ActorCount.mentions > 0)
            .subquery()
        )
    else:
        if session.scalar(_article_exists(), {"article_id": article_id}) is None:
            raise NotFoundError(f"There is no article {article_id} in this library.")
        if limit is None:  # the reading pane's sidebar, on every article it opens: built once
            rows = list(session.execute(_article_actors_query(), {"article_id": article_id}))
            return decorated_actor_rows(session, rows, article_id)
        counts_sq = _article_counts(article_id)
    rows = list(
        session.execute(
            select(
                Actor.id, Actor.name, Actor.type, Actor.confirmed, counts_sq.c.mentions, counts_sq.c.articles
            )
            .join(counts_sq, counts_sq.c.actor_id == Actor.id)
            .order_by(counts_sq.c.mentions.desc(), code_point_order(Actor.name))
            .limit(limit)
        )
    )
    return decorated_actor_rows(session, rows, article_id)


def _article_counts(article_id: Any) -> Any:
    """Per actor its mentions and articles in one article (a subquery)."""
    return (
        select(
            Mention.actor_id,
            func.count(Mention.id).label("mentions"),
            func.count(func.distinct(Mention.article_id)).label("articles"),
        )
        .where(Mention.article_id == article_id)
        .group_by(Mention.actor_id)
        .subquery()
    )


@functools.cache
def _article_actors_query() -> Any:
    """An article's actors with their counts, most mentioned first (``article_id`` bound at execution)."""
    counts_sq = _article_counts(bindparam("article_id"))
    return (
        select(Actor.id, Actor.name, Actor.type, Actor.confirmed, counts_sq.c.mentions, counts_sq.c.articles)
        .join(counts_sq, counts_sq.c.actor_id == Actor.id)
        .order_by(counts_sq.c.mentions.desc(), code_point_order(Actor.name))
    )


@functools.cache
def _article_exists() -> Any:
    return select(Article.id).where(Article.id == bindparam("article_id"))


@functools.cache
def _mentions_query() -> Any:
    """An article's mentions in text order, as plain columns (``article_id`` bound at execution)."""
    return (
        select(Mention.start, Mention.end, Mention.actor_id, Mention.type)
        .where(Mention.article_id == bindparam("article_id"))
        .order_by(Mention.start)
    )


@functools.cache
def _aliases_query() -> Any:
    return (
        select(ActorAlias.actor_id, ActorAlias.alias)
        .where(ActorAlias.actor_id.in_(bindparam("ids", expanding=True)))
        .order_by(ActorAlias.id)
    )


@functools.cache
def _article_roles_query() -> Any:
    return (
        select(ActorRole.actor_id, ActorRole.role)
        .where(
            ActorRole.actor_id.in_(bindparam("ids", expanding=True)),
            ActorRole.article_id == bindparam("article_id"),
        )
        .group_by(ActorRole.actor_id, ActorRole.role)
        .order_by(func.min(ActorRole.id))
    )


def decorated_actor_rows(
    session: Session, rows: Sequence[Sequence[Any]], article_id: int | None
) -> list[ActorRow]:
    """ActorRows of (id, name, type, confirmed, mentions, articles) rows with their aliases and
    roles (the roles in ``article_id``, or in any article for None), read for these actors only."""
    ids = [r[0] for r in rows]
    aliases: dict[int, list[str]] = defaultdict(list)
    roles: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for actor_id, alias in session.execute(_aliases_query(), {"ids": chunk}):
            aliases[actor_id].append(alias)
        if article_id is None:  # each role once, in the order it was first found, by index seeks
            found: Any = distinct_roles(session, chunk)
        else:
            found = session.execute(_article_roles_query(), {"ids": chunk, "article_id": article_id})
        for actor_id, role in found:
            roles[actor_id].append(role)
    return [actor_row(r, aliases, roles) for r in rows]


def find_actor(session: Session, name: str) -> Actor:
    """The one actor ``name`` means: ``#ID``, else its name (case ignored), else one of its aliases.

    NotFoundError when there is none; :class:`AmbiguousActorError` (listing them with their ids
    and mention counts) when several actors answer to the name.
    """
    from desktop.core.entities.names import match_key

    text = name.strip()
    digits = text.removeprefix("#")
    ids: list[int] = []
    if text.startswith("#") and digits.isdigit() and len(digits) < 19:
        ids = list(session.scalars(select(Actor.id).where(Actor.id == int(digits))))
    if not ids:
        ids = list(session.scalars(select(Actor.id).where(func.lower(Actor.name) == text.lower())))
    if not ids:
        key = match_key(text)
        ids = list(session.scalars(select(ActorAlias.actor_id).where(ActorAlias.key == key).distinct()))
    if not ids:
        raise NotFoundError(f"No actor called {name!r} in this library.")
    if len(ids) > 1:
        raise AmbiguousActorError(_ambiguity(session, name, ids))
    actor = session.get(Actor, ids[0])
    assert actor is not None
    return actor


def _ambiguity(session: Session, name: str, ids: list[int]) -> str:
    counts = dict(
        session.execute(
            select(Mention.actor_id, func.count(Mention.id))
            .where(Mention.actor_id.in_(ids))
            .group_by(Mention.actor_id)
        ).all()
    )
    actors = session.scalars(select(Actor).where(Actor.id.in_(ids)))
    return ambiguity_message(name, [(a.id, a.name, a.type, counts.get(a.id, 0)) for a in actors])
