"""Maintained actor days: compare ``actor_days`` with the aggregate over mentions and articles, rebuild it.

The rows are kept by triggers (migration 0011_actor_days); the aggregate is for ``check`` and for tests,
and it is the only one that reads every mention with its article's date. The importer counts the days of
the articles it has just created itself (:func:`add_new_article_days`).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, and_, delete, func, insert, or_, select, union
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


def wrong_days(session: Session) -> list[int]:
    """Ids of the actors with a day whose maintained count differs from the aggregate, sorted (compared
    by the database: a large library has millions of days)."""
    truth = _aggregate().cte("truth")
    same_day = and_(
        ActorDay.actor_id == truth.c.actor_id,
        ActorDay.day == truth.c.day,
        ActorDay.undated == truth.c.undated,
    )
    missing_or_wrong = (
        select(truth.c.actor_id)
        .select_from(truth)
        .outerjoin(ActorDay, same_day)
        .where(or_(ActorDay.articles.is_(None), ActorDay.articles != truth.c.articles))
    )
    extra = (
        select(ActorDay.actor_id)
        .select_from(ActorDay)
        .outerjoin(truth, same_day)
        .where(ActorDay.articles != 0, truth.c.articles.is_(None))
    )
    return sorted({int(a) for a in session.scalars(union(missing_or_wrong, extra))})


def rebuild_days(session: Session) -> int:
    """Replace the maintained days with the aggregate; returns the number of rows."""
    session.execute(delete(ActorDay))
    session.execute(insert(ActorDay).from_select(["actor_id", "day", "undated", "articles"], _aggregate()))
    return int(session.scalar(select(func.count()).select_from(ActorDay)) or 0)


def add_new_article_days(session: Session) -> None:
    """Count the days of the articles listed in ``actor_pairs_writer`` (created in this transaction, their
    mentions just inserted past the insert trigger) in one statement."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(ActorDay).from_select(
        ["actor_id", "day", "undated", "articles"], _aggregate(only_writer=True)
    )
    statement = statement.on_conflict_do_update(
        index_elements=[ActorDay.actor_id, ActorDay.day, ActorDay.undated],
        set_={"articles": ActorDay.articles + statement.excluded.articles},
    )
    session.execute(statement)
