"""Maintained actor pairs: compare ``actor_pairs`` with the aggregate over mentions, and rebuild it.

The pairs are kept by triggers (migration 0010_actor_pairs); the aggregate is for ``check`` and for
tests, and it is the only one that joins every mention with the mentions of its sentence. The importer
adds the pairs of the articles it has just created itself (:func:`insert_new_article_mentions`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, insert, select
from sqlalchemy.orm import Session

from desktop.storage.actor_days import add_new_article_days
from desktop.storage.bulk import insert_tuples
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


_MENTIONED = select(Mention.__table__.c.article_id).where(
    Mention.__table__.c.article_id.in_(bindparam("articles", expanding=True))
)
"""Any mention of the listed articles (built once: the importer asks in every transaction)."""
MENTION_COLUMNS = ("article_id", "actor_id", "start", "end", "text", "type", "sentence")
"""The columns of the mention rows :func:`insert_new_article_mentions` takes, in this order."""


def pairs_of_mentions(mentions: Iterable[Sequence[Any]]) -> Pairs:
    """The pairs that mention rows (in :data:`MENTION_COLUMNS` order) make among themselves."""
    named: dict[tuple[Any, Any], set[int]] = {}
    for article, actor, _start, _end, _text, _type, sentence in mentions:
        if sentence is not None:
            actors = named.get((article, sentence))
            if actors is None:
                named[(article, sentence)] = {actor}
            else:
                actors.add(actor)
    sentences: dict[tuple[int, int], int] = {}
    articles: dict[tuple[int, int], set[Any]] = {}
    for (article, _sentence), actors in named.items():
        if len(actors) < 2:
            continue
        for pair in combinations(sorted(actors), 2):
            sentences[pair] = sentences.get(pair, 0) + 1
            articles.setdefault(pair, set()).add(article)
    return {pair: (n, len(articles[pair])) for pair, n in sentences.items()}


def add_pairs(session: Session, pairs: Pairs) -> None:
    """Add shared sentences and articles to the maintained pairs (one upsert statement)."""
    insert_tuples(
        session,
        ActorPair,
        ("actor_a", "actor_b", "sentences", "articles"),
        [(a, b, s, n) for (a, b), (s, n) in sorted(pairs.items())],
        conflict=("actor_a", "actor_b"),
        add=("sentences", "articles"),
    )


def insert_new_article_mentions(session: Session, mentions: Sequence[Sequence[Any]]) -> None:
    """Insert the mentions (rows in :data:`MENTION_COLUMNS` order) of articles that have none yet (created
    in this transaction) and add the pairs they make and the days they count (desktop.storage.actor_days)
    in one statement each, instead of the insert triggers' work per mention; mentions of an article that
    already has some go through the trigger."""
    if not mentions:
        return
    articles = sorted({m[0] for m in mentions})
    taken = session.execute(_MENTIONED, {"articles": articles}).first()
    if taken is not None:  # not expected from the importer; exact either way
        insert_tuples(session, Mention, MENTION_COLUMNS, mentions)
        return
    insert_tuples(session, ActorPairWriter, ("article_id",), [(a,) for a in articles])
    insert_tuples(session, Mention, MENTION_COLUMNS, mentions)
    add_pairs(session, pairs_of_mentions(mentions))
    add_new_article_days(session)
    session.execute(delete(ActorPairWriter))
