"""Who appears with whom: sentence-level co-occurrence networks of actors, computed in SQL.

Two actors are linked when they are named in the same sentence; an edge counts the distinct
sentences they share and the articles those are in. Three scopes: one article (every actor of
the article is a node), one actor's neighbourhood (the actor, the actors it shares at least
``min_sentences`` sentences with, and the edges among them), and the whole library (the actors
with at least one edge of ``min_sentences`` or more).
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import ColumnElement, Subquery, and_, func, select
from sqlalchemy.orm import Session

from desktop.services.dto import Network, NetworkNode
from desktop.services.network_shapes import (
    MAX_IN_LIST,
    NetworkError,
    Pair,
    check_min,
    members,
    network,
    nodes,
    pairs_around,
    pairs_of,
)
from desktop.services.queries import NotFoundError, find_actor
from desktop.storage.db import Library
from desktop.storage.models import Actor, Article, Mention

__all__ = ["NetworkError", "load_network", "shared_sentences"]


def _pairs(
    session: Session,
    min_sentences: int,
    *,
    article_id: int | None = None,
    actors: Collection[int] | None = None,
) -> list[Pair]:
    """Co-occurring actor pairs (source < target) with their shared sentence and article counts."""
    where: list[ColumnElement[bool]] = [Mention.sentence.is_not(None)]
    if article_id is not None:
        where.append(Mention.article_id == article_id)
    if actors is not None:
        where.append(Mention.actor_id.in_(list(actors)))
    occurrences = (
        select(Mention.article_id, Mention.sentence, Mention.actor_id)
        .where(*where)
        .distinct()
        .cte("occurrences")
    )  # a common table: read once, then joined to itself (an automatic index on SQLite)
    first, second = occurrences.alias("first"), occurrences.alias("second")
    query = (
        select(
            first.c.actor_id,
            second.c.actor_id,
            func.count().label("sentences"),
            func.count(func.distinct(first.c.article_id)).label("articles"),
        )
        .join(
            second,
            and_(
                second.c.article_id == first.c.article_id,
                second.c.sentence == first.c.sentence,
                second.c.actor_id > first.c.actor_id,
            ),
        )
        .group_by(first.c.actor_id, second.c.actor_id)
        .having(func.count() >= min_sentences)
    )
    return pairs_of(session.execute(query))


def shared_sentences(actor_id: int) -> Subquery:
    """The other actors named in the sentences of ``actor_id``: (actor_id, sentences, articles) they
    share with it. Only the mentions in the actor's own sentences are read (its mentions by
    ``ix_mentions_actor_id_article_id``, theirs by ``ix_mentions_article_id_sentence``), not every
    mention of the library."""
    mine = (
        select(Mention.article_id, Mention.sentence)
        .where(Mention.actor_id == actor_id, Mention.sentence.is_not(None))
        .distinct()
        .subquery()
    )
    others = (
        select(Mention.article_id, Mention.sentence, Mention.actor_id)
        .join(mine, and_(mine.c.article_id == Mention.article_id, mine.c.sentence == Mention.sentence))
        .where(Mention.actor_id != actor_id)
        .distinct()
        .subquery()
    )
    return (
        select(
            others.c.actor_id,
            func.count().label("sentences"),
            func.count(func.distinct(others.c.article_id)).label("articles"),
        )
        .group_by(others.c.actor_id)
        .subquery()
    )


def _pairs_touching(session: Session, actor_id: int, min_sentences: int) -> list[Pair]:
    """The pairs of ``actor_id`` with at least ``min_sentences`` shared sentences."""
    shared = shared_sentences(actor_id)
    query = select(shared.c.actor_id, shared.c.sentences, shared.c.articles).where(
        shared.c.sentences >= min_sentences
    )
    return pairs_around(actor_id, session.execute(query))


def _nodes(session: Session, actor_ids: Collection[int], article_id: int | None = None) -> list[NetworkNode]:
    """The actors with their mention counts (in the article, or library-wide), most mentioned first."""
    if not actor_ids:
        return []
    wanted = set(actor_ids)
    few = len(wanted) <= MAX_IN_LIST  # else read every actor: cheaper than a huge IN list
    counts = select(Mention.actor_id, func.count(Mention.id)).group_by(Mention.actor_id)
    actors = select(Actor.id, Actor.name, Actor.type)
    if article_id is not None:
        counts = counts.where(Mention.article_id == article_id)
    if few:
        counts = counts.where(Mention.actor_id.in_(wanted))
        actors = actors.where(Actor.id.in_(wanted))
    counted = {actor: n for actor, n in session.execute(counts)}
    return nodes(session.execute(actors), counted, wanted)


def article_network(session: Session, article_id: int, min_sentences: int = 1) -> Network:
    """Every actor of one article, linked by the sentences of that article they share."""
    check_min(min_sentences)
    if session.get(Article, article_id) is None:
        raise NotFoundError(f"There is no article {article_id} in this library.")
    actors = set(session.scalars(select(Mention.actor_id).where(Mention.article_id == article_id).distinct()))
    return network(_nodes(session, actors, article_id), _pairs(session, min_sentences, article_id=article_id))


def actor_network(session: Session, actor_id: int, min_sentences: int = 1) -> Network:
    """An actor, the actors it shares at least ``min_sentences`` sentences with, and the edges among them."""
    check_min(min_sentences)
    if session.get(Actor, actor_id) is None:
        raise NotFoundError(f"There is no actor {actor_id}.")
    around = members(actor_id, _pairs_touching(session, actor_id, min_sentences))
    pairs = _pairs(session, min_sentences, actors=around) if len(around) > 1 else []
    return network(_nodes(session, around), pairs)


def named_actor_network(session: Session, name: str, min_sentences: int = 1) -> Network:
    """The neighbourhood of the actor ``name`` means (name, alias or ``#ID``)."""
    return actor_network(session, find_actor(session, name).id, min_sentences)


def library_network(session: Session, min_sentences: int = 1) -> Network:
    """Every pair of actors sharing at least ``min_sentences`` sentences anywhere in the library."""
    check_min(min_sentences)
    pairs = _pairs(session, min_sentences)
    found = {a for a, _b, _s, _n in pairs} | {b for _a, b, _s, _n in pairs}
    return network(_nodes(session, found), pairs)


def load_network(
    library: Library,
    *,
    article_id: int | None = None,
    actor: int | str | None = None,
    min_sentences: int = 1,
) -> Network:
    """The network of an article, of an actor's neighbourhood (id or name) or of the whole library."""
    if article_id is not None and actor is not None:
        raise NetworkError("Choose an article or an actor, not both.")
    with library.read_session() as session:
        if article_id is not None:
            return article_network(session, article_id, min_sentences)
        if isinstance(actor, int):
            return actor_network(session, actor, min_sentences)
        if actor is not None:
            return named_actor_network(session, actor, min_sentences)
        return library_network(session, min_sentences)
