"""An actor's dossier: names, roles over time, articles, what it said, who it appears with, notes."""

from __future__ import annotations

from sqlalchemy import and_, func, select, union
from sqlalchemy.orm import Session, aliased

from desktop.services.dto import ActorRow, AnnotationRow, Dossier, DossierArticle, DossierRole, RelatedActor
from desktop.services.queries import NotFoundError, annotation_rows, find_actor
from desktop.services.quotes import article_day, quote_rows
from desktop.storage.db import Library
from desktop.storage.models import Actor, ActorAlias, ActorRole, Annotation, Article, Mention, Quote
from desktop.storage.portable import code_point_order


def actor_dossier(session: Session, name: str) -> Dossier:
    """The dossier of the actor ``name`` means (name, alias or ``#ID``; see ``find_actor``)."""
    actor = find_actor(session, name)
    return dossier_of(session, actor.id)


def dossier_of(session: Session, actor_id: int) -> Dossier:
    """The dossier of actor ``actor_id`` (which must exist)."""
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFoundError(f"There is no actor {actor_id}.")
    articles = _articles(session, actor_id)
    roles = _roles(session, actor_id)
    aliases = tuple(
        dict.fromkeys(
            a
            for a in session.scalars(
                select(ActorAlias.alias).where(ActorAlias.actor_id == actor_id).order_by(ActorAlias.id)
            )
            if a != actor.name
        )
    )
    row = ActorRow(
        actor.id,
        actor.name,
        actor.type,
        sum(a.mentions for a in articles),
        len(articles),
        aliases,
        tuple(dict.fromkeys(r.role for r in roles)),
        actor.confirmed,
    )
    return Dossier(
        actor=row,
        articles=tuple(articles),
        quotes=tuple(quote_rows(session, speaker_id=actor_id, chronological=True)),
        roles=tuple(roles),
        related=tuple(related_actors(session, actor_id)),
        annotations=tuple(_annotations(session, actor_id)),
    )


def _articles(session: Session, actor_id: int) -> list[DossierArticle]:
    counts = (
        select(Mention.article_id, func.count(Mention.id).label("n"))
        .where(Mention.actor_id == actor_id)
        .group_by(Mention.article_id)
        .subquery()
    )
    quoted = select(Quote.article_id).where(Quote.speaker_id == actor_id).distinct().subquery()
    wanted = union(select(counts.c.article_id), select(quoted.c.article_id)).subquery()
    rows = session.execute(
        select(
            Article.id,
            Article.title,
            Article.published,
            func.coalesce(counts.c.n, 0),
            Article.imported_at,
            Article.outlet,
        )
        .join(wanted, wanted.c.article_id == Article.id)
        .outerjoin(counts, counts.c.article_id == Article.id)
        .order_by(article_day(), Article.id)
    )
    return [
        DossierArticle(i, title, published, int(n), imported.isoformat() if imported else "", outlet)
        for i, title, published, n, imported, outlet in rows
    ]


def _roles(session: Session, actor_id: int) -> list[DossierRole]:
    rows = session.execute(
        select(ActorRole.role, ActorRole.article_id, Article.published)
        .join(Article, Article.id == ActorRole.article_id)
        .where(ActorRole.actor_id == actor_id)
        .order_by(article_day(), ActorRole.article_id, ActorRole.id)
    )
    return [DossierRole(role, article_id, published) for role, article_id, published in rows]


def related_actors(session: Session, actor_id: int, limit: int | None = None) -> list[RelatedActor]:
    """Actors named in the same sentences as ``actor_id``, most shared sentences first."""
    mine = (
        select(Mention.article_id, Mention.sentence)
        .where(Mention.actor_id == actor_id, Mention.sentence.is_not(None))
        .distinct()
        .subquery()
    )
    # Only the mentions in the actor's own sentences are read (index on article and sentence),
    # not every mention of the library.
    others = (
        select(Mention.article_id, Mention.sentence, Mention.actor_id)
        .join(mine, and_(mine.c.article_id == Mention.article_id, mine.c.sentence == Mention.sentence))
        .where(Mention.actor_id != actor_id)
        .distinct()
        .subquery()
    )
    shared = (
        select(
            others.c.actor_id,
            func.count().label("sentences"),
            func.count(func.distinct(others.c.article_id)).label("articles"),
        )
        .group_by(others.c.actor_id)
        .subquery()
    )
    query = (
        select(Actor.id, Actor.name, Actor.type, shared.c.sentences, shared.c.articles)
        .join(shared, shared.c.actor_id == Actor.id)
        .order_by(shared.c.sentences.desc(), shared.c.articles.desc(), code_point_order(Actor.name))
    )
    if limit is not None:
        query = query.limit(limit)
    return [RelatedActor(i, n, t, int(s), int(a)) for i, n, t, s, a in session.execute(query)]


def _annotations(session: Session, actor_id: int) -> list[AnnotationRow]:
    """The user's annotations that overlap a mention of the actor or a quote it made."""
    mention = aliased(Mention)
    quote = aliased(Quote)
    by_mention = (
        select(Annotation.id)
        .join(mention, mention.article_id == Annotation.article_id)
        .where(mention.actor_id == actor_id, mention.start < Annotation.end, mention.end > Annotation.start)
    )
    by_quote = (
        select(Annotation.id)
        .join(quote, quote.article_id == Annotation.article_id)
        .where(quote.speaker_id == actor_id, quote.start < Annotation.end, quote.end > Annotation.start)
    )
    ids = list(session.scalars(union(by_mention, by_quote)))
    return annotation_rows(session, ids=ids) if ids else []


def load_dossier(library: Library, actor: int | str) -> Dossier:
    """The dossier of an actor given by id or by name/alias/``#ID`` (for the window and the CLI)."""
    with library.read_session() as session:
        if isinstance(actor, int):
            return dossier_of(session, actor)
        return actor_dossier(session, actor)
