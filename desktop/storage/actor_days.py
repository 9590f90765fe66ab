"""Maintained actor days: compare ``actor_days`` with the aggregate over mentions and articles, rebuild it.

The rows are kept by triggers (migration 0011_actor_days); the aggregate is for ``check`` and for tests,
and it is the only one that reads every mention with its article's date. The importer counts the days of
the articles it has just created itself (:func:`add_new_article_days`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, func, insert, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop.storage.models import Actor, ActorDay, ActorPairWriter, Article, Mention
from desktop.storage.portable import utc_day

Days = dict[tuple[int, str, bool], int]
"""(actor id, day, undated) -> articles of that day that mention the actor."""


def _article_day() -> ColumnElement[str]:
    return func.coalesce(Article.published, utc_day(Article.imported_at))


def _aggregate(only_writer: bool = False) -> Select[int, str, bool, int]:
    pairs = select(Mention.actor_id, Mention.article_id).join(Actor, Actor.id == Mention.actor_id)
    if only_writer:
        pairs = pairs.where(Mention.article_id.in_(select(ActorPairWriter.article_id)))
    pairs_q = pairs.distinct().subquery("pairs")
    day, undated = _article_day(), Article.published.is_(None)
    return (
        select(
            pairs_q.c.actor_id.label("actor_id"),
            day.label("day"),
            undated.label("undated"),
            func.count().label("articles"),
        )
        .join(Article, Article.id == pairs_q.c.article_id)
        .group_by(pairs_q.c.actor_id, day, undated)
    )


def aggregate_days(session: Session) -> Days:
    """The days as the mentions of existing actors and their articles' dates give them (reads every
    mention). A mention pointing at no actor is a broken reference, which ``check`` reports on its own."""
    rows = session.execute(_aggregate())
    return {(int(a), str(d), bool(u)): int(n) for a, d, u, n in rows}


def stored_days(session: Session) -> Days:
    """The maintained days, without rows at zero."""
    rows = session.execute(select(ActorDay.actor_id, ActorDay.day, ActorDay.undated, ActorDay.articles))
    return {(int(a), str(d), bool(u)): int(n) for a, d, u, n in rows if n}


def _per_actor(rows: Iterable[Sequence[Any]]) -> Iterator[tuple[int, list[Sequence[Any]]]]:
    """Rows ordered by their first column (an actor id), grouped by it."""
    for actor, group in groupby(rows, key=lambda r: int(r[0])):
        yield actor, list(group)


def wrong_days(session: Session) -> list[int]:
    """Ids of the actors with a day whose maintained count differs from the aggregate, sorted.

    Read actor by actor (a large library has millions of days): the articles' dates once, the distinct
    (actor, article) pairs of the mentions and the maintained days in the actor's order."""
    dates = {
        int(i): (str(d), bool(u))
        for i, d, u in session.execute(select(Article.id, _article_day(), Article.published.is_(None)))
    }
    streamed = {"yield_per": 20_000}
    pairs = (
        select(Mention.actor_id, Mention.article_id)
        .join(Actor, Actor.id == Mention.actor_id)
        .distinct()
        .order_by(Mention.actor_id)
    )
    stored = (
        select(ActorDay.actor_id, ActorDay.day, ActorDay.undated, ActorDay.articles)
        .where(ActorDay.articles != 0)
        .order_by(ActorDay.actor_id)
    )
    truth = _per_actor(session.execute(pairs, execution_options=streamed))
    kept = _per_actor(session.execute(stored, execution_options=streamed))
    wrong: set[int] = set()
    next_truth, next_kept = next(truth, None), next(kept, None)
    while next_truth is not None or next_kept is not None:
        actor = min(x[0] for x in (next_truth, next_kept) if x is not None)
        counted: dict[tuple[str, bool], int] = {}
        if next_truth is not None and next_truth[0] == actor:
            for _a, article in next_truth[1]:
                if int(article) in dates:
                    key = dates[int(article)]
                    counted[key] = counted.get(key, 0) + 1
            next_truth = next(truth, None)
        kept_days: dict[tuple[str, bool], int] = {}
        if next_kept is not None and next_kept[0] == actor:
            kept_days = {(str(d), bool(u)): int(n) for _a, d, u, n in next_kept[1]}
            next_kept = next(kept, None)
        if counted != kept_days:
            wrong.add(actor)
    return sorted(wrong)


_SQLITE_AGGREGATE = (
    "INSERT INTO actor_days (actor_id, day, undated, articles) "
    "SELECT pairs.actor_id, coalesce(a.published, substr(a.imported_at, 1, 10)), a.published IS NULL, "
    "count(*) "
    "FROM (SELECT DISTINCT mentions.actor_id AS actor_id, mentions.article_id AS article_id FROM mentions "
    "JOIN actors ON actors.id = mentions.actor_id) AS pairs "
    "JOIN articles a INDEXED BY ix_articles_id_day ON a.id = pairs.article_id "
    "GROUP BY pairs.actor_id, coalesce(a.published, substr(a.imported_at, 1, 10)), a.published IS NULL"
)
"""The aggregate written into ``actor_days`` with the articles' dates read from the index that holds them
(as migration 0011 fills it): SQLite would otherwise read each date past the article's text."""


def rebuild_days(session: Session) -> int:
    """Replace the maintained days with the aggregate; returns the number of rows."""
    session.execute(delete(ActorDay))
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text(_SQLITE_AGGREGATE))
    else:
        session.execute(
            insert(ActorDay).from_select(["actor_id", "day", "undated", "articles"], _aggregate())
        )
    return int(session.scalar(select(func.count()).select_from(ActorDay)) or 0)


def add_new_article_days(session: Session) -> None:
    """Count the days of the articles listed in ``actor_pairs_writer`` (created in this transaction, their
    mentions just inserted past the insert trigger) in one statement (compiled once per dialect)."""
    connection = session.connection()
    name = connection.dialect.name
    statement = _new_days.get(name)
    if statement is None:
        dialect = postgresql if name == "postgresql" else sqlite
        upsert = dialect.insert(ActorDay).from_select(
            ["actor_id", "day", "undated", "articles"], _aggregate(only_writer=True)
        )
        upsert = upsert.on_conflict_do_update(
            index_elements=[ActorDay.actor_id, ActorDay.day, ActorDay.undated],
            set_={"articles": ActorDay.articles + upsert.excluded.articles},
        )
        compiled = upsert.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True})
        statement = _new_days[name] = str(compiled)
    connection.exec_driver_sql(statement)


_new_days: dict[str, str] = {}
"""The statement of :func:`add_new_article_days` as SQL text, by dialect name."""
