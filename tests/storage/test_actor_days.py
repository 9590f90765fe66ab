"""The maintained actor days (migrations 0011, 0012) equal the aggregate over mentions and their
articles' dates after any change of the mentions or of the articles' dates, single rows and whole
statements, on SQLite and on PostgreSQL; ``check`` finds and rebuilds wrong days; an older library gets
its days on upgrade (and keeps them in a table without row ids); the importer counts a batch's days as the
triggers would. (The services' paths are driven in tests/storage/test_actor_counts.py, whose checks
include the days.)"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from desktop.storage.actor_days import aggregate_days, rebuild_days, stored_days, wrong_days
from desktop.storage.db import Library, open_library
from desktop.storage.integrity import check_library
from desktop.storage.models import ActorDay, ActorPairWriter, Article
from tests.storage.test_actor_counts import BACKENDS, Driver, assert_counts_exact, backend_library
from tests.storage.test_actor_pairs import ARTICLES, _seed, _step

DATES = [None, "2024-02-29", "2025-07-01"]
IMPORTED = [datetime(2025, 7, 1, 23, 30, tzinfo=UTC), datetime(2025, 7, 2, 0, 30, tzinfo=UTC)]


def assert_days_exact(library: Library) -> None:
    with library.read_session() as session:
        assert stored_days(session) == aggregate_days(session)
        assert session.scalar(select(func.count()).where(ActorDay.articles <= 0)) == 0


def _redate(library: Library, rng: random.Random) -> str:
    """One article's publication date or import time changed, or every article's at once."""
    with library.session() as session:
        chosen = (
            update(Article)
            if rng.random() < 0.2
            else update(Article).where(Article.id == rng.randint(1, ARTICLES))
        )
        if rng.random() < 0.7:
            session.execute(chosen.values(published=rng.choice(DATES)))
        else:
            session.execute(chosen.values(imported_at=rng.choice(IMPORTED)))
    return "redate"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("seed", range(4))
def test_days_follow_every_change_of_the_mentions_and_the_dates(
    backend: str, seed: int, tmp_path: Path
) -> None:
    rng = random.Random(seed)
    with backend_library(backend, tmp_path) as library:
        _seed(library)
        kinds, seen = set(), set()
        for _ in range(150):
            kinds.add(_redate(library, rng) if rng.random() < 0.2 else _step(library, rng))
            assert_days_exact(library)
            with library.read_session() as session:
                seen.update(undated for _a, _d, undated in stored_days(session))
        assert seen == {True, False}  # dated and undated days were both compared
        assert kinds >= {"insert", "many", "delete", "actor", "article", "merge", "drop", "redate"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_article_counts_once_per_actor_and_moves_with_its_date(backend: str, tmp_path: Path) -> None:
    from sqlalchemy import delete, insert

    from desktop.storage.models import Mention

    with backend_library(backend, tmp_path) as library:
        _seed(library)
        row = {"start": 0, "end": 1, "text": "x", "type": "person", "sentence": 0}
        with library.session() as session:
            session.execute(update(Article).values(imported_at=IMPORTED[0]))
            session.execute(update(Article).where(Article.id == 2).values(published="2024-02-29"))
            for actor, article in [(1, 1), (1, 1), (1, 2), (2, 2), (1, 3)]:
                session.execute(insert(Mention).values(actor_id=actor, article_id=article, **row))
        with library.read_session() as session:
            assert stored_days(session) == {
                (1, "2025-07-01", True): 2,
                (1, "2024-02-29", False): 1,
                (2, "2024-02-29", False): 1,
            }
        with library.session() as session:
            session.execute(update(Article).where(Article.id == 2).values(published=None))
            session.execute(delete(Article).where(Article.id == 3))
        with library.read_session() as session:
            assert stored_days(session) == {(1, "2025-07-01", True): 2, (2, "2025-07-01", True): 1}
        assert_days_exact(library)


def test_check_finds_and_rebuilds_wrong_days(library: Library) -> None:
    """A wrong count, a missing day and a day too many, each of another actor."""
    from sqlalchemy import delete, insert

    Driver(library).apply("import", 2)
    with library.session() as session:
        actors = sorted(set(session.scalars(select(ActorDay.actor_id))))
        assert len(actors) >= 3
        wrong, missing, extra = actors[:3]
        session.execute(update(ActorDay).where(ActorDay.actor_id == wrong).values(articles=999))
        first = session.execute(
            select(ActorDay.day, ActorDay.undated).where(ActorDay.actor_id == missing)
        ).first()
        assert first is not None
        session.execute(
            delete(ActorDay).where(
                ActorDay.actor_id == missing, ActorDay.day == first[0], ActorDay.undated == first[1]
            )
        )
        session.execute(insert(ActorDay).values(actor_id=extra, day="1999-12-31", undated=False, articles=1))
    report = check_library(library, repair=False)
    assert report.days_wrong == sorted([wrong, missing, extra]) and not report.ok
    assert "wrong article counts per day" in " ".join(report.lines())
    assert report.as_json()["days_wrong"] == sorted([wrong, missing, extra])
    report = check_library(library)
    assert report.ok and report.days_rebuilt is not None and report.days_rebuilt > 0
    assert "repaired: actor days rebuilt" in " ".join(report.lines())
    assert_days_exact(library)
    with library.session() as session:
        assert rebuild_days(session) == len(aggregate_days(session)) > 0
        assert wrong_days(session) == []


def test_library_made_at_0010_gets_its_days_on_upgrade(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import inspect

    from desktop.storage.migrate import alembic_config, upgrade_to_head

    with open_library(f"sqlite:///{tmp_path / 'library.sqlite3'}") as library:
        driver = Driver(library)
        for pick in range(3):
            driver.apply("import", pick)
        with library.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0010_actor_pairs")
        assert "actor_days" not in inspect(library.engine).get_table_names()
        driver.apply("move", 1)  # written without triggers, as the older app did
        driver.apply("redate", 1)
        upgrade_to_head(library.engine)
        with library.read_session() as session:
            assert aggregate_days(session)  # there is something to count
        assert_days_exact(library)
        driver.apply("import", 4)  # and the triggers follow from here on
        driver.apply("merge", 1)
        driver.apply("redate", 2)
        assert_counts_exact(library)


def test_library_made_at_0011_keeps_its_days_in_a_table_without_row_ids(tmp_path: Path) -> None:
    """Migration 0012: the same rows, stored in the key's order, and the triggers still keep them."""
    from alembic import command
    from sqlalchemy import text

    from desktop.storage.migrate import alembic_config, upgrade_to_head

    def table_sql(library: Library) -> str:
        with library.engine.connect() as conn:
            return str(conn.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'actor_days'")))

    with open_library(f"sqlite:///{tmp_path / 'library.sqlite3'}") as library:
        assert table_sql(library).endswith("WITHOUT ROWID")
        driver = Driver(library)
        for pick in range(3):
            driver.apply("import", pick)
        with library.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0011_actor_days")
        assert "WITHOUT ROWID" not in table_sql(library)
        with library.read_session() as session:
            before = stored_days(session)
        assert before
        driver.apply("move", 1)  # the triggers of 0011 keep the days of the older table
        upgrade_to_head(library.engine)
        assert table_sql(library).endswith("WITHOUT ROWID")
        assert_days_exact(library)
        driver.apply("import", 4)  # and of the new one
        driver.apply("merge", 1)
        driver.apply("redate", 2)
        assert_counts_exact(library)
        assert_days_exact(library)


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_importer_counts_a_batchs_days_as_the_triggers_would(backend: str, tmp_path: Path) -> None:
    """Two dated articles and an undated one in one batch, then one of them again as a new version."""
    first = "Treffen in Weissfeld\n\n3. März 2025\n\nKarla Wendt traf Jonas Pfeiffer in Weissfeld.\n"
    second = "Bericht aus Ostbrück\n\nKarla Wendt und Jonas Pfeiffer besuchten Ostbrück.\n"
    third = "Neues aus Lindenau\n\n3. März 2025\n\nKarla Wendt blieb in Lindenau.\n"
    with backend_library(backend, tmp_path) as library:
        driver = Driver(library)
        urls = ["https://example.org/a", "https://example.org/b", "https://example.org/c"]
        driver.store(list(zip([first, second, third], urls, strict=True)))
        with library.read_session() as session:
            days = stored_days(session)
            assert days == aggregate_days(session)
            assert session.scalar(select(func.count()).select_from(ActorPairWriter)) == 0
            names = {t: p for t, p in session.execute(select(Article.title, Article.published))}
        assert max(days.values()) >= 2 and {u for _a, _d, u in days} == {True, False}, (days, names)
        driver.store([(second.replace("besuchten", "mieden"), "https://example.org/a")])  # a new version
        assert_days_exact(library)
