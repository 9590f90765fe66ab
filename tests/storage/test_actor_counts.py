"""Maintained actor counts and pairs equal the aggregate over mentions after any sequence of changes."""

from __future__ import annotations

import contextlib
import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select, update

from desktop.core.entities.gazetteer import Gazetteer, default_gazetteer
from desktop.core.ingest import load_text
from desktop.services import corrections
from desktop.services.article_meta import edit_article
from desktop.services.article_removal import ArticleSnapshot, remove_article, restore_article
from desktop.services.importer import Importer
from desktop.services.library_filters import actor_choices
from desktop.services.queries import list_actors
from desktop.services.reanalysis import Reanalyzer
from desktop.storage.actor_days import aggregate_days, stored_days
from desktop.storage.counts import aggregate_counts, rebuild_counts, wrong_counts
from desktop.storage.db import Library, open_library
from desktop.storage.integrity import check_library
from desktop.storage.models import Actor, ActorCount, ActorDay, ActorPair, Article, Mention
from desktop.storage.pairs import aggregate_pairs, stored_pairs, wrong_pairs
from tests.postgres import fresh_database, needs_postgres
from tools.bench_crash import NameRecognizer, synthetic_article

_GAZETTEER: list[Gazetteer] = []

OPERATIONS = (
    "import", "reanalyse", "rename", "merge", "reject", "type", "delete", "restore", "mark", "undo",
    "version", "move", "drop", "redate",
)  # fmt: skip


def gazetteer() -> Gazetteer:
    if not _GAZETTEER:
        _GAZETTEER.append(default_gazetteer())
    return _GAZETTEER[0]


@contextlib.contextmanager
def backend_library(backend: str, folder: Path) -> Iterator[Library]:
    if backend == "sqlite":
        with open_library(f"sqlite:///{folder / 'library.sqlite3'}") as library:
            yield library
        return
    with fresh_database() as url, open_library(url) as library:
        yield library


def assert_counts_exact(library: Library) -> None:
    with library.read_session() as session:
        assert wrong_counts(session) == []
        assert wrong_pairs(session) == [] and stored_pairs(session) == aggregate_pairs(session)
        assert stored_days(session) == aggregate_days(session)
        assert session.scalar(select(func.count()).where(ActorDay.articles <= 0)) == 0
        truth = aggregate_counts(session)
        listed = {row.id: (row.mentions, row.articles) for row in list_actors(session)}
        choices = {c.id: c.articles for c in actor_choices(session)}
    assert listed == truth
    assert choices == {actor: articles for actor, (_m, articles) in truth.items()}


class Driver:
    """Applies one kind of change through the services, with ids picked from what exists."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.snapshots: list[ArticleSnapshot] = []
        self.texts = 0

    def store(self, texts: list[tuple[str, str]]) -> None:
        documents = [
            (str(i), dataclasses.replace(load_text(text, fmt="paste"), source_url=url))
            for i, (text, url) in enumerate(texts)
        ]
        Importer(self.library, NameRecognizer(), gazetteer=gazetteer()).import_documents(documents)

    def ids(self, column: object) -> list[int]:
        with self.library.read_session() as session:
            return sorted(session.scalars(select(column)))  # type: ignore[call-overload]

    def apply(self, operation: str, pick: int) -> None:
        actors, articles = self.ids(Actor.id), self.ids(Article.id)
        if operation == "import":
            texts = [synthetic_article(7, self.texts + i, sentences=4) for i in range(1 + pick % 3)]
            if pick % 2:  # the same text twice: a duplicate in the same batch
                texts.append(texts[0])
            urls = [f"https://example.org/{self.texts + i}" for i in range(len(texts))]
            self.texts += len(texts)
            self.store(list(zip(texts, urls, strict=True)))
        elif operation == "version" and articles:  # another text at a known address: a new version
            with self.library.read_session() as session:
                url = session.scalar(
                    select(Article.source_url).where(Article.id == articles[pick % len(articles)])
                )
            self.texts += 1
            self.store([(synthetic_article(7, self.texts, sentences=5), url or "https://example.org/x")])
        elif operation == "reanalyse" and articles:
            reanalyzer = Reanalyzer(self.library, recognizer=NameRecognizer(), gazetteer=gazetteer())
            reanalyzer.run([articles[pick % len(articles)]], entities=True)
        elif operation == "rename" and actors:
            corrections.rename_actor(self.library, actors[pick % len(actors)], f"Umbenannt {pick}")
        elif operation == "merge" and len(actors) > 1:
            source = actors[pick % len(actors)]
            target = actors[(pick + 1) % len(actors)]
            corrections.merge_actors(self.library, source, target)
        elif operation == "reject" and actors:
            corrections.reject_actor(self.library, actors[pick % len(actors)])
        elif operation == "type" and actors:
            corrections.change_type(self.library, actors[pick % len(actors)], "organization")
        elif operation == "delete" and articles:
            self.snapshots.append(remove_article(self.library, articles[pick % len(articles)]))
        elif operation == "restore" and self.snapshots:
            restore_article(self.library, self.snapshots.pop(pick % len(self.snapshots)))
        elif operation == "mark" and articles:
            article_id = articles[pick % len(articles)]
            with self.library.read_session() as session:
                text = session.scalar(select(Article.text).where(Article.id == article_id)) or ""
            words = list(re.finditer(r"\b[a-zäöü]{5,}\b", text))
            if words:
                word = words[pick % len(words)]
                target = actors[pick % len(actors)] if actors and pick % 2 else None
                corrections.mark_as_actor(
                    self.library, article_id, word.start(), word.end(), "other", actor_id=target
                )
        elif operation == "undo" and len(actors) > 1:  # raw SQL moving one mention, as a repair script might
            with self.library.session() as session:
                mention = session.scalar(select(Mention.id).order_by(Mention.id).limit(1))
                if mention is not None:
                    moved = update(Mention).where(Mention.id == mention)
                    session.execute(moved.values(actor_id=actors[pick % len(actors)]))
        elif (
            operation == "move" and len(articles) > 1
        ):  # raw SQL: every mention of a sentence to another place
            with self.library.session() as session:
                first = session.scalar(
                    select(Mention.sentence).where(Mention.article_id == articles[0]).limit(1)
                )
                target = articles[pick % len(articles)]
                moved = update(Mention).where(Mention.article_id == articles[0], Mention.sentence == first)
                session.execute(moved.values(article_id=target, sentence=pick % 3))
        elif operation == "redate" and articles:  # a publication date set, changed or removed
            edit_article(
                self.library,
                articles[pick % len(articles)],
                published=[None, "2024-02-29", "2025-07-01"][pick % 3],
            )
        elif operation == "drop" and actors:  # raw SQL deleting an actor: its mentions go by cascade
            with self.library.session() as session:
                session.execute(delete(Actor).where(Actor.id == actors[pick % len(actors)]))


BACKENDS = ["sqlite", pytest.param("postgresql", marks=needs_postgres)]


@pytest.mark.parametrize("backend", BACKENDS)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 50)), min_size=1, max_size=8))
def test_counts_equal_the_aggregate_after_every_change(
    backend: str, tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, int]]
) -> None:
    with backend_library(backend, tmp_path_factory.mktemp("counts")) as library:
        driver = Driver(library)
        driver.apply("import", 2)  # something to change
        assert_counts_exact(library)
        for operation, pick in steps:
            with contextlib.suppress(corrections.CorrectionError):
                driver.apply(operation, pick)
            assert_counts_exact(library)


@pytest.mark.parametrize("backend", BACKENDS)
def test_every_kind_of_change_keeps_the_counts(backend: str, tmp_path: Path) -> None:
    """Each operation once, in an order where each has something to work on."""
    with backend_library(backend, tmp_path) as library:
        driver = Driver(library)
        for operation in ("import", "import", *OPERATIONS):
            driver.apply(operation, 3)
            assert_counts_exact(library)
        with library.read_session() as session:
            assert session.scalar(select(func.count()).select_from(ActorCount)) > 0
            assert session.scalar(select(func.count()).select_from(ActorPair)) > 0


def test_check_finds_and_rebuilds_wrong_counts(library: Library) -> None:
    Driver(library).apply("import", 2)
    with library.session() as session:
        actor = session.scalar(select(ActorCount.actor_id).limit(1))
        session.execute(update(ActorCount).where(ActorCount.actor_id == actor).values(mentions=999))
    report = check_library(library, repair=False)
    assert report.counts_wrong == [actor] and not report.ok
    assert "wrong mention or article counts" in " ".join(report.lines())
    report = check_library(library)
    assert report.ok and report.counts_rebuilt is not None and report.counts_rebuilt > 0
    assert_counts_exact(library)
    with library.session() as session:
        assert rebuild_counts(session) == len(aggregate_counts(session))


def test_library_made_at_0007_gets_counts_of_its_mentions_on_upgrade(tmp_path: Path) -> None:
    """A library made while 0005 was an empty reserved revision is already past it: 0008 fills the counts."""
    from alembic import command
    from sqlalchemy import inspect

    from desktop.storage.migrate import alembic_config, upgrade_to_head

    with open_library(f"sqlite:///{tmp_path / 'library.sqlite3'}") as library:
        driver = Driver(library)
        for pick in range(3):
            driver.apply("import", pick)
        with library.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0007_team")
        assert "actor_counts" not in inspect(library.engine).get_table_names()
        driver.apply("move", 1)  # written without triggers, as the older app did (the importer of
        driver.apply("undo", 3)  # this version writes to a table of 0010)
        upgrade_to_head(library.engine)
        with library.read_session() as session:
            assert aggregate_counts(session)  # there is something to count
        assert_counts_exact(library)
        driver.apply("import", 4)  # and the triggers follow from here on
        assert_counts_exact(library)
