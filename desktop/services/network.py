"""Who appears with whom: sentence-level co-occurrence networks of actors, computed in SQL.

Two actors are linked when they are named in the same sentence; an edge counts the distinct
sentences they share and the articles those are in. Three scopes: one article (every actor of
the article is a node), one actor's neighbourhood (the actor, the actors it shares at least
``min_sentences`` sentences with, and the edges among them), and the whole library (the actors
with at least one edge of ``min_sentences`` or more).

An actor's neighbourhood and the library's network read the maintained pairs (``actor_pairs``, kept by
triggers on mentions, migration 0010) and counts (``actor_counts``); one article's network reads its
mentions. The old aggregate over all mentions lives on as the reference (desktop.storage.pairs).
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Select, Subquery, and_, func, select, union_all
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
    pairs_within,
)
from desktop.services.queries import NotFoundError, find_actor
from desktop.storage.db import Library
from desktop.storage.models import Actor, ActorCount, ActorPair, Article, Mention

__all__ = ["NetworkError", "load_network", "shared_sentences"]


def _article_pairs(session: Session, article_id: int, min_sentences: int) -> list[Pair]:
    """The actor pairs (source < target) of one article with the sentences they share there."""
    occurrences = (
        select(Mention.article_id, Mention.sentence, Mention.actor_id)
        .where(Mention.sentence.is_not(None), Mention.article_id == article_id)
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


def pairs_query(min_sentences: int, actors: Collection[int] | None = None) -> Select[int, int, int, int]:
    """The maintained pairs (actor_pairs, kept by triggers on mentions) sharing at least ``min_sentences``
    sentences; with ``actors`` (at most MAX_IN_LIST) only the pairs among them."""
    query = select(ActorPair.actor_a, ActorPair.actor_b, ActorPair.sentences, ActorPair.articles).where(
        ActorPair.sentences >= min_sentences
    )
    if actors is not None:
        wanted = sorted(actors)
        query = query.where(ActorPair.actor_a.in_(wanted), ActorPair.actor_b.in_(wanted))
    return query


def _pairs(session: Session, min_sentences: int, actors: Collection[int] | None = None) -> list[Pair]:
    """The pairs of the library, or among ``actors`` (read by key when they are few, else filtered)."""
    if actors is not None and len(actors) > MAX_IN_LIST:
        return pairs_within(pairs_of(session.execute(pairs_query(min_sentences))), actors)
    return pairs_of(session.execute(pairs_query(min_sentences, actors)))


def shared_sentences(actor_id: int) -> Subquery:
    """The other actors named in the sentences of ``actor_id``: (actor_id, sentences, articles) they
    share with it, from the maintained pairs (two seeks: the actor as the smaller and as the larger id)."""
    below = select(
        ActorPair.actor_b.label("actor_id"), ActorPair.sentences.label("sentences"), ActorPair.articles
    ).where(ActorPair.actor_a == actor_id)
    above = select(ActorPair.actor_a, ActorPair.sentences, ActorPair.articles).where(
        ActorPair.actor_b == actor_id
    )
    return union_all(below, above).subquery()


def neighbours_query(actor_id: int, min_sentences: int) -> Select[int, int, int]:
    """The actors sharing at least ``min_sentences`` sentences with ``actor_id``, with the counts."""
    shared = shared_sentences(actor_id)
    return select(shared.c.actor_id, shared.c.sentences, shared.c.articles).where(
        shared.c.sentences >= min_sentences
    )


def node_counts_query(actor_ids: Collection[int] | None) -> Select[int, int]:
    """Library-wide mention counts (the maintained actor_counts) of ``actor_ids``, or of every actor."""
    query = select(ActorCount.actor_id, ActorCount.mentions)
    if actor_ids is not None:
        query = query.where(ActorCount.actor_id.in_(sorted(actor_ids)))
    return query


def _nodes(session: Session, actor_ids: Collection[int], article_id: int | None = None) -> list[NetworkNode]:
    """The actors with their mention counts (in the article, or library-wide), most mentioned first."""
    if not actor_ids:
        return []
    wanted = set(actor_ids)
    few = len(wanted) <= MAX_IN_LIST  # else read every actor: cheaper than a huge IN list
    actors = select(Actor.id, Actor.name, Actor.type)
    if few:
        actors = actors.where(Actor.id.in_(wanted))
    if article_id is None:
        counts = node_counts_query(wanted if few else None)
    else:
        counts = (
            select(Mention.actor_id, func.count(Mention.id))
            .where(Mention.article_id == article_id)
            .group_by(Mention.actor_id)
        )
        if few:
            counts = counts.where(Mention.actor_id.in_(wanted))
    counted = {actor: n for actor, n in session.execute(counts)}
    return nodes(session.execute(actors), counted, wanted)


def article_network(session: Session, article_id: int, min_sentences: int = 1) -> Network:
    """Every actor of one article, linked by the sentences of that article they share."""
    check_min(min_sentences)
    if session.get(Article, article_id) is None:
        raise NotFoundError(f"There is no article {article_id} in this library.")
    actors = set(session.scalars(select(Mention.actor_id).where(Mention.article_id == article_id).distinct()))
    return network(_nodes(session, actors, article_id), _article_pairs(session, article_id, min_sentences))


def actor_network(session: Session, actor_id: int, min_sentences: int = 1) -> Network:
    """An actor, the actors it shares at least ``min_sentences`` sentences with, and the edges among them."""
    check_min(min_sentences)
    if session.get(Actor, actor_id) is None:
        raise NotFoundError(f"There is no actor {actor_id}.")
    shared = session.execute(neighbours_query(actor_id, min_sentences))
    around = members(actor_id, pairs_around(actor_id, shared))
    pairs = _pairs(session, min_sentences, around) if len(around) > 1 else []
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
