"""Who appears with whom: sentence-level co-occurrence networks of actors, computed in SQL.

Two actors are linked when they are named in the same sentence; an edge counts the distinct
sentences they share and the articles those are in. Three scopes: one article (every actor of
the article is a node), one actor's neighbourhood (the actor, the actors it shares at least
``min_sentences`` sentences with, and the edges among them), and the whole library (the actors
with at least one edge of ``min_sentences`` or more).
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.services.dto import Network, NetworkEdge, NetworkNode
from desktop.services.queries import NotFoundError, find_actor
from desktop.storage.db import Library
from desktop.storage.models import Actor, Article, Mention

Pair = tuple[int, int, int, int]  # source, target, sentences, articles
_MAX_IN_LIST = 500


class NetworkError(UserError, ValueError):
    """A network that cannot be computed as asked."""


def _pairs(
    session: Session,
    min_sentences: int,
    *,
    article_id: int | None = None,
    actors: Collection[int] | None = None,
    touching: int | None = None,
) -> list[Pair]:
    """Co-occurring actor pairs (source < target) with their shared sentence and article counts."""
    where: list[ColumnElement[bool]] = [Mention.sentence.is_not(None)]
    if article_id is not None:
        where.append(Mention.article_id == article_id)
    if actors is not None:
        where.append(Mention.actor_id.in_(list(actors)))
    occurrences = (
        select(Mention.article_id, Mention.sentence, Mention.actor_id).where(*where).distinct().subquery()
    )
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
    if touching is not None:
        query = query.where(or_(first.c.actor_id == touching, second.c.actor_id == touching))
    return [(int(a), int(b), int(s), int(n)) for a, b, s, n in session.execute(query)]


def _nodes(session: Session, actor_ids: Collection[int], article_id: int | None = None) -> list[NetworkNode]:
    """The actors with their mention counts (in the article, or library-wide), most mentioned first."""
    if not actor_ids:
        return []
    wanted = set(actor_ids)
    few = len(wanted) <= _MAX_IN_LIST  # else read every actor: cheaper than a huge IN list
    counts = select(Mention.actor_id, func.count(Mention.id)).group_by(Mention.actor_id)
    actors = select(Actor.id, Actor.name, Actor.type)
    if article_id is not None:
        counts = counts.where(Mention.article_id == article_id)
    if few:
        counts = counts.where(Mention.actor_id.in_(wanted))
        actors = actors.where(Actor.id.in_(wanted))
    counted = {actor: n for actor, n in session.execute(counts)}
    nodes = [
        NetworkNode(i, name, kind, int(counted.get(i, 0)))
        for i, name, kind in session.execute(actors)
        if i in wanted
    ]
    nodes.sort(key=lambda n: (-n.mentions, n.name, n.id))
    return nodes


def _network(nodes: list[NetworkNode], pairs: list[Pair]) -> Network:
    edges = sorted(
        (NetworkEdge(*p) for p in pairs), key=lambda e: (-e.sentences, -e.articles, e.source, e.target)
    )
    return Network(tuple(nodes), tuple(edges))


def _check_min(min_sentences: int) -> int:
    if min_sentences < 1:
        raise NetworkError("The minimum number of shared sentences must be at least 1.")
    return min_sentences


def article_network(session: Session, article_id: int, min_sentences: int = 1) -> Network:
    """Every actor of one article, linked by the sentences of that article they share."""
    _check_min(min_sentences)
    if session.get(Article, article_id) is None:
        raise NotFoundError(f"There is no article {article_id} in this library.")
    actors = set(session.scalars(select(Mention.actor_id).where(Mention.article_id == article_id).distinct()))
    return _network(
        _nodes(session, actors, article_id), _pairs(session, min_sentences, article_id=article_id)
    )


def actor_network(session: Session, actor_id: int, min_sentences: int = 1) -> Network:
    """An actor, the actors it shares at least ``min_sentences`` sentences with, and the edges among them."""
    _check_min(min_sentences)
    if session.get(Actor, actor_id) is None:
        raise NotFoundError(f"There is no actor {actor_id}.")
    around = _pairs(session, min_sentences, touching=actor_id)
    members = {actor_id} | {a for a, _b, _s, _n in around} | {b for _a, b, _s, _n in around}
    pairs = _pairs(session, min_sentences, actors=members) if len(members) > 1 else []
    return _network(_nodes(session, members), pairs)


def named_actor_network(session: Session, name: str, min_sentences: int = 1) -> Network:
    """The neighbourhood of the actor ``name`` means (name, alias or ``#ID``)."""
    return actor_network(session, find_actor(session, name).id, min_sentences)


def library_network(session: Session, min_sentences: int = 1) -> Network:
    """Every pair of actors sharing at least ``min_sentences`` sentences anywhere in the library."""
    _check_min(min_sentences)
    pairs = _pairs(session, min_sentences)
    members = {a for a, _b, _s, _n in pairs} | {b for _a, b, _s, _n in pairs}
    return _network(_nodes(session, members), pairs)


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
