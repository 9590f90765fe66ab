"""Maintained actor pairs: compare ``actor_pairs`` with the aggregate over mentions, and rebuild it.

The pairs are kept by triggers (migration 0010_actor_pairs); the aggregate is for ``check`` and for
tests, and it is the only one that joins every mention with the mentions of its sentence. The importer
adds the pairs of the articles it has just created itself (:func:`insert_new_article_mentions`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations
from typing import Any

from sqlalchemy import and_, delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop.storage.actor_days import add_new_article_days
from desktop.storage.models import Actor, ActorPair, ActorPairWriter, Mention

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


def pairs_of_mentions(mentions: Iterable[Mapping[str, Any]]) -> Pairs:
    """The pairs that mention rows (article_id, actor_id, sentence) make among themselves."""
    named: dict[tuple[Any, Any], set[int]] = {}
    for m in mentions:
        if m["sentence"] is not None:
            named.setdefault((m["article_id"], m["sentence"]), set()).add(int(m["actor_id"]))
    sentences: dict[tuple[int, int], int] = {}
    articles: dict[tuple[int, int], set[Any]] = {}
    for (article, _sentence), actors in named.items():
        for pair in combinations(sorted(actors), 2):
            sentences[pair] = sentences.get(pair, 0) + 1
            articles.setdefault(pair, set()).add(article)
    return {pair: (n, len(articles[pair])) for pair, n in sentences.items()}


def add_pairs(session: Session, pairs: Pairs) -> None:
    """Add shared sentences and articles to the maintained pairs (one upsert statement)."""
    if not pairs:
        return
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(ActorPair)
    statement = statement.on_conflict_do_update(
        index_elements=[ActorPair.actor_a, ActorPair.actor_b],
        set_={
            "sentences": ActorPair.sentences + statement.excluded.sentences,
            "articles": ActorPair.articles + statement.excluded.articles,
        },
    )
    rows = [
        {"actor_a": a, "actor_b": b, "sentences": s, "articles": n}
        for (a, b), (s, n) in sorted(pairs.items())
    ]
    session.execute(statement, rows)


def insert_new_article_mentions(session: Session, mentions: Sequence[Mapping[str, Any]]) -> None:
    """Insert the mentions of articles that have none yet (created in this transaction) and add the
    pairs they make and the days they count (desktop.storage.actor_days) in one statement each, instead
    of the insert triggers' work per mention; mentions of
    an article that already has some go through the trigger."""
    if not mentions:
        return
    articles = sorted({m["article_id"] for m in mentions})
    taken = set(
        session.scalars(select(Mention.article_id).where(Mention.article_id.in_(articles)).distinct())
    )
    if taken:  # not expected from the importer; exact either way
        session.execute(insert(Mention), list(mentions))
        return
    session.execute(insert(ActorPairWriter), [{"article_id": a} for a in articles])
    session.execute(insert(Mention), list(mentions))
    add_pairs(session, pairs_of_mentions(mentions))
    add_new_article_days(session)
    session.execute(delete(ActorPairWriter))
