"""Maintained actor pairs: compare ``actor_pairs`` with the aggregate over mentions, and rebuild it.

The pairs are kept by triggers (migration 0010_actor_pairs); these functions are for ``check`` and
for tests, and they are the only ones that join every mention with the mentions of its sentence.
"""

from __future__ import annotations

from sqlalchemy import and_, delete, func, insert, select
from sqlalchemy.orm import Session

from desktop.storage.models import Actor, ActorPair, Mention

Pairs = dict[tuple[int, int], tuple[int, int]]
"""(actor_a, actor_b) with actor_a < actor_b -> (shared sentences, articles they are in)."""


def aggregate_pairs(session: Session) -> Pairs:
    """The pairs as the mentions of existing actors give them (reads every mention row).

    A mention pointing at no actor is a broken reference, which ``check`` reports on its own.
    """
    occurrences = (
        select(Mention.article_id, Mention.sentence, Mention.actor_id)
        .join(Actor, Actor.id == Mention.actor_id)
        .where(Mention.sentence.is_not(None))
        .distinct()
        .cte("occurrences")
    )
    first, second = occurrences.alias("first"), occurrences.alias("second")
    rows = session.execute(
        select(
            first.c.actor_id,
            second.c.actor_id,
            func.count(),
            func.count(func.distinct(first.c.article_id)),
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
    )
    return {(int(a), int(b)): (int(s), int(n)) for a, b, s, n in rows}


def stored_pairs(session: Session) -> Pairs:
    """The maintained pairs, without rows at zero."""
    columns = (ActorPair.actor_a, ActorPair.actor_b, ActorPair.sentences, ActorPair.articles)
    rows = session.execute(select(*columns))
    return {(int(a), int(b)): (int(s), int(n)) for a, b, s, n in rows if (s, n) != (0, 0)}


def wrong_pairs(session: Session) -> list[tuple[int, int]]:
    """The pairs whose maintained counts differ from the aggregate, sorted."""
    truth, stored = aggregate_pairs(session), stored_pairs(session)
    return sorted(p for p in truth.keys() | stored.keys() if truth.get(p) != stored.get(p))


def rebuild_pairs(session: Session) -> int:
    """Replace the maintained pairs with the aggregate; returns the number of pairs."""
    truth = aggregate_pairs(session)
    session.execute(delete(ActorPair))
    if truth:
        session.execute(
            insert(ActorPair),
            [{"actor_a": a, "actor_b": b, "sentences": s, "articles": n} for (a, b), (s, n) in truth.items()],
        )
    return len(truth)
