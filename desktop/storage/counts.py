"""Maintained actor counts: compare ``actor_counts`` with the aggregate over mentions, and rebuild it.

The counts are kept by triggers (migration 0008_performance); these functions are for
``check`` and for tests, and they are the only ones that read every mention.
"""

from __future__ import annotations

from sqlalchemy import delete, distinct, func, insert, select
from sqlalchemy.orm import Session

from desktop.storage.models import Actor, ActorCount, Mention

Counts = dict[int, tuple[int, int]]
"""actor id -> (mentions, articles)."""


def aggregate_counts(session: Session) -> Counts:
    """The counts as the mentions of existing actors give them (reads every mention row).

    A mention pointing at no actor is a broken reference, which ``check`` reports on its own.
    """
    rows = session.execute(
        select(Mention.actor_id, func.count(Mention.id), func.count(distinct(Mention.article_id)))
        .join(Actor, Actor.id == Mention.actor_id)
        .group_by(Mention.actor_id)
    )
    return {int(actor): (int(mentions), int(articles)) for actor, mentions, articles in rows}


def stored_counts(session: Session) -> Counts:
    """The maintained counts, without rows at zero (an actor whose last mention went)."""
    rows = session.execute(select(ActorCount.actor_id, ActorCount.mentions, ActorCount.articles))
    return {int(a): (int(m), int(n)) for a, m, n in rows if (m, n) != (0, 0)}


def wrong_counts(session: Session) -> list[int]:
    """Ids of the actors whose maintained counts differ from the aggregate, sorted."""
    truth, stored = aggregate_counts(session), stored_counts(session)
    return sorted(a for a in truth.keys() | stored.keys() if truth.get(a) != stored.get(a))


def rebuild_counts(session: Session) -> int:
    """Replace the maintained counts with the aggregate; returns the number of actors counted."""
    truth = aggregate_counts(session)
    session.execute(delete(ActorCount))
    if truth:
        session.execute(
            insert(ActorCount),
            [{"actor_id": a, "mentions": m, "articles": n} for a, (m, n) in truth.items()],
        )
    return len(truth)
