"""The maintained actor pairs (migration 0010) equal the aggregate over mentions after any change of the
mentions, single rows and whole statements, on SQLite and on PostgreSQL; ``check`` finds and rebuilds
wrong pairs; an older library gets its pairs on upgrade. (The services' paths are driven in
tests/storage/test_actor_counts.py, whose checks include the pairs.)"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from desktop.services.dossier import related_actors
from desktop.services.dto import Network, NetworkEdge, NetworkNode
from desktop.services.network import load_network
from desktop.storage.db import Library, open_library
from desktop.storage.integrity import check_library
from desktop.storage.models import Actor, ActorPair, ActorPairWriter, Article, Mention
from desktop.storage.pairs import Pairs, aggregate_pairs, rebuild_pairs, stored_pairs, wrong_pairs
from tests.postgres import sqlite_only
from tests.storage.test_actor_counts import BACKENDS, Driver, assert_counts_exact, backend_library

ACTORS = 5
ARTICLES = 3
SENTENCES = 3


def assert_pairs_exact(library: Library) -> None:
    with library.read_session() as session:
        assert stored_pairs(session) == aggregate_pairs(session)
        assert session.scalar(select(func.count()).where(ActorPair.actor_a >= ActorPair.actor_b)) == 0
        assert session.scalar(select(func.count()).where(ActorPair.sentences <= 0)) == 0


def _seed(library: Library) -> None:
    with library.session() as session:
        session.execute(
            insert(Actor), [{"id": i, "name": f"Akteur {i}", "type": "person"} for i in range(1, ACTORS + 1)]
        )
        session.execute(
            insert(Article),
            [
                {"id": i, "title": f"T{i}", "text": "x" * 50, "language": "de", "format": "paste"}
                | {"content_hash": f"h{i}"}
                for i in range(1, ARTICLES + 1)
            ],
        )


def _mention(rng: random.Random) -> dict[str, object]:
    start = rng.randrange(40)
    return {
        "article_id": rng.randint(1, ARTICLES),
        "actor_id": rng.randint(1, ACTORS),
        "sentence": rng.choice([*range(SENTENCES), None]),
        "start": start,
        "end": start + 1,
        "text": "x",
        "type": "person",
    }


def _existing(library: Library, column: object) -> list[int]:
    with library.read_session() as session:
        return sorted(set(session.scalars(select(column))))  # type: ignore[call-overload]


def _step(library: Library, rng: random.Random) -> str:
    """One random change of the mentions (or of what they hang on), as raw statements."""
    kind = rng.choice(
        ["insert", "insert", "many", "delete", "actor", "article", "sentence", "merge"] * 3 + ["drop"]
    )
    mentions = _existing(library, Mention.id)
    with library.session() as session:
        if kind == "insert" or not mentions:
            session.execute(insert(Mention).values(**_mention(rng)))
        elif kind == "many":  # one statement inserting several rows (PostgreSQL: a multi-row statement)
            session.execute(insert(Mention).values([_mention(rng) for _ in range(rng.randint(2, 6))]))
        elif kind == "delete":
            session.execute(delete(Mention).where(Mention.id == rng.choice(mentions)))
        elif kind in ("actor", "article", "sentence"):
            column = {"actor": "actor_id", "article": "article_id", "sentence": "sentence"}[kind]
            value = _mention(rng)[column]
            session.execute(update(Mention).where(Mention.id == rng.choice(mentions)).values({column: value}))
        elif kind == "merge":  # one statement moving every mention of an actor, as merging does
            source, target = rng.sample(range(1, ACTORS + 1), 2)
            session.execute(update(Mention).where(Mention.actor_id == source).values(actor_id=target))
    if kind == "drop":  # an article or an actor deleted: its mentions go by cascade
        with library.session() as session:
            if rng.random() < 0.5:
                session.execute(delete(Article).where(Article.id == rng.randint(1, ARTICLES)))
            else:
                session.execute(delete(Actor).where(Actor.id == rng.randint(1, ACTORS)))
        _reseed_missing(library)
    return kind


def _reseed_missing(library: Library) -> None:
    """Put deleted actors and articles back (without mentions), so later steps can use every id."""
    actors, articles = set(_existing(library, Actor.id)), set(_existing(library, Article.id))
    with library.session() as session:
        for i in set(range(1, ACTORS + 1)) - actors:
            session.execute(insert(Actor).values(id=i, name=f"Akteur {i}", type="person"))
        for i in set(range(1, ARTICLES + 1)) - articles:
            values = {"id": i, "title": f"T{i}", "text": "x" * 50, "language": "de", "format": "paste"}
            session.execute(insert(Article).values(**values, content_hash=f"h{i}"))


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("seed", range(4))
def test_pairs_follow_every_change_of_the_mentions(backend: str, seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    with backend_library(backend, tmp_path) as library:
        _seed(library)
        kinds = set()
        for _ in range(120):
            kinds.add(_step(library, rng))
            assert_pairs_exact(library)
        with library.read_session() as session:
            assert stored_pairs(session)  # the steps left pairs to compare
        assert kinds >= {"insert", "many", "delete", "actor", "article", "sentence", "merge"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_second_mention_in_a_sentence_and_a_second_sentence_in_an_article(
    backend: str, tmp_path: Path
) -> None:
    with backend_library(backend, tmp_path) as library:
        _seed(library)
        row = {"start": 0, "end": 1, "text": "x", "type": "person"}
        with library.session() as session:
            for actor, article, sentence in [
                (1, 1, 0),
                (2, 1, 0),
                (1, 1, 0),
                (2, 1, 1),
                (1, 1, 1),
                (1, 2, 0),
            ]:
                session.execute(
                    insert(Mention).values(actor_id=actor, article_id=article, sentence=sentence, **row)
                )
        with library.read_session() as session:
            assert stored_pairs(session) == {(1, 2): (2, 1)}
        with library.session() as session:
            session.execute(insert(Mention).values(actor_id=2, article_id=2, sentence=0, **row))
            session.execute(insert(Mention).values(actor_id=3, article_id=2, sentence=0, **row))
        with library.read_session() as session:
            assert stored_pairs(session) == {(1, 2): (3, 2), (1, 3): (1, 1), (2, 3): (1, 1)}
        with library.session() as session:  # the sentence moves within its article: same pairs
            session.execute(update(Mention).where(Mention.article_id == 2).values(sentence=5))
            session.execute(delete(Mention).where(Mention.article_id == 1, Mention.actor_id == 1))
        with library.read_session() as session:
            assert stored_pairs(session) == {(1, 2): (1, 1), (1, 3): (1, 1), (2, 3): (1, 1)}
        assert_pairs_exact(library)


def test_check_finds_and_rebuilds_wrong_pairs(library: Library) -> None:
    Driver(library).apply("import", 2)
    with library.session() as session:
        first = session.execute(select(ActorPair.actor_a, ActorPair.actor_b).limit(1)).one()
        session.execute(
            update(ActorPair)
            .where(ActorPair.actor_a == first[0], ActorPair.actor_b == first[1])
            .values(sentences=999)
        )
    report = check_library(library, repair=False)
    assert report.pairs_wrong == [tuple(first)] and not report.ok
    assert "wrong shared sentence or article counts" in " ".join(report.lines())
    assert report.as_json()["pairs_wrong"] == [list(first)]
    report = check_library(library)
    assert report.ok and report.pairs_rebuilt is not None and report.pairs_rebuilt > 0
    assert "repaired: actor pairs rebuilt" in " ".join(report.lines())
    assert_pairs_exact(library)
    with library.session() as session:
        assert rebuild_pairs(session) == len(aggregate_pairs(session)) > 0
        assert wrong_pairs(session) == []


def test_library_made_at_0009_gets_its_pairs_on_upgrade(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import inspect

    from desktop.storage.migrate import alembic_config, upgrade_to_head

    with open_library(f"sqlite:///{tmp_path / 'library.sqlite3'}") as library:
        driver = Driver(library)
        for pick in range(3):
            driver.apply("import", pick)
        with library.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0009_actor_roles")
        assert "actor_pairs" not in inspect(library.engine).get_table_names()
        driver.apply("move", 1)  # written without triggers, as the older app did
        driver.apply("undo", 3)
        upgrade_to_head(library.engine)
        with library.read_session() as session:
            assert aggregate_pairs(session)  # there is something to pair
        assert_pairs_exact(library)
        driver.apply("import", 4)  # and the triggers follow from here on
        driver.apply("merge", 1)
        assert_counts_exact(library)


def _reference_network(session: Session, pairs: Pairs, wanted: set[int], min_sentences: int) -> Network:
    """The network of ``wanted`` from the aggregate over mentions (as the networks were computed before)."""
    counts = select(Mention.actor_id, func.count(Mention.id)).group_by(Mention.actor_id)
    counted = {int(a): int(n) for a, n in session.execute(counts)}
    actors = session.execute(select(Actor.id, Actor.name, Actor.type).where(Actor.id.in_(wanted)))
    found = sorted(
        (NetworkNode(i, name, kind, counted.get(i, 0)) for i, name, kind in actors),
        key=lambda n: (-n.mentions, n.name, n.id),
    )
    edges = sorted(
        (
            NetworkEdge(a, b, s, n)
            for (a, b), (s, n) in pairs.items()
            if a in wanted and b in wanted and s >= min_sentences
        ),
        key=lambda e: (-e.sentences, -e.articles, e.source, e.target),
    )
    return Network(tuple(found), tuple(edges))


@pytest.mark.parametrize("backend", BACKENDS)
def test_networks_and_related_actors_equal_the_aggregate_over_mentions(backend: str, tmp_path: Path) -> None:
    with backend_library(backend, tmp_path) as library:
        driver = Driver(library)
        for operation, pick in [("import", 2), ("import", 1), ("import", 5), ("merge", 1), ("delete", 2)]:
            driver.apply(operation, pick)
        with library.read_session() as session:
            pairs = aggregate_pairs(session)
            actors = sorted(session.scalars(select(Actor.id)))
            assert len(pairs) >= 3
            for min_sentences in (1, 2):
                linked = {a for pair, (s, _n) in pairs.items() if s >= min_sentences for a in pair}
                expected = _reference_network(session, pairs, linked, min_sentences)
                assert load_network(library, min_sentences=min_sentences) == expected
                for actor in actors:
                    around = {actor} | {
                        a
                        for pair, (s, _n) in pairs.items()
                        if actor in pair and s >= min_sentences
                        for a in pair
                    }
                    expected = _reference_network(session, pairs, around, min_sentences)
                    assert load_network(library, actor=actor, min_sentences=min_sentences) == expected
            names = {i: name for i, name in session.execute(select(Actor.id, Actor.name))}
            for actor in actors:
                shared = [
                    (b if a == actor else a, s, n) for (a, b), (s, n) in pairs.items() if actor in (a, b)
                ]
                shared.sort(key=lambda r: (-r[1], -r[2], names[r[0]], r[0]))
                related = [(r.actor_id, r.sentences, r.articles) for r in related_actors(session, actor)]
                assert related == shared
                assert related_actors(session, actor, 2) == related_actors(session, actor)[:2]


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_importer_counts_a_batchs_pairs_as_the_triggers_would(backend: str, tmp_path: Path) -> None:
    """Two people named together in two sentences of one article and in one of another, in one batch,
    and then one of the articles again as a new version (its mentions replaced through the triggers)."""
    first = (
        "Treffen in Weissfeld\n\nKarla Wendt traf Jonas Pfeiffer in Weissfeld. Danach sprach Wendt mit "
        "Pfeiffer über Geld.\n\nMira Hollsten blieb in Lindenau.\n"
    )
    second = "Bericht aus Ostbrück\n\nKarla Wendt und Jonas Pfeiffer besuchten Ostbrück.\n"
    with backend_library(backend, tmp_path) as library:
        driver = Driver(library)
        driver.store([(first, "https://example.org/a"), (second, "https://example.org/b")])
        with library.read_session() as session:
            pairs = stored_pairs(session)
            names = {name: i for i, name in session.execute(select(Actor.id, Actor.name))}
            assert pairs == aggregate_pairs(session)
            wendt, pfeiffer = sorted((names["Karla Wendt"], names["Jonas Pfeiffer"]))
            assert pairs[(wendt, pfeiffer)] == (3, 2)
            assert session.scalar(select(func.count()).select_from(ActorPairWriter)) == 0
        driver.store([(second.replace("besuchten", "mieden"), "https://example.org/a")])  # a new version
        with library.read_session() as session:
            assert stored_pairs(session) == aggregate_pairs(session)
            assert stored_pairs(session)[(wendt, pfeiffer)] == (2, 2)


@sqlite_only
def test_neighbourhoods_larger_than_an_in_list_give_the_same_networks_both_ways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past MAX_IN_LIST actors every pair (and every count) is read and filtered: the same network, by the
    service and by the command line's sqlite3 reader."""
    import sqlite3

    from desktop.services import network, sqlite_network

    with backend_library("sqlite", tmp_path) as library:
        driver = Driver(library)
        for pick in (2, 1, 5):
            driver.apply("import", pick)
        actors = driver.ids(Actor.id)
        few = {a: load_network(library, actor=a) for a in actors}
        assert any(len(n.edges) > 1 for n in few.values())
        monkeypatch.setattr(network, "MAX_IN_LIST", 1)
        monkeypatch.setattr(sqlite_network, "MAX_IN_LIST", 1)
        with sqlite3.connect(tmp_path / "library.sqlite3") as connection:
            reader = sqlite_network.NetworkReader(
                lambda sql, params: connection.execute(sql, params).fetchall()
            )
            for actor in actors:
                assert load_network(library, actor=actor) == few[actor] == reader.actor_network(actor, 1)
            assert reader.library_network(1) == load_network(library)


@sqlite_only
def test_a_mention_of_a_missing_actor_makes_no_pair(library: Library) -> None:
    """A broken reference (written with SQLite's foreign keys off) is reported as one; the pairs stay those of
    the mentions of existing actors."""
    Driver(library).apply("import", 2)
    with library.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute("UPDATE mentions SET actor_id = 9999 WHERE id = 1")
        raw.execute(
            'INSERT INTO mentions (article_id, actor_id, start, "end", text, type, sentence) '
            'SELECT article_id, 9998, start, "end", text, type, sentence FROM mentions WHERE id = 2'
        )
        raw.commit()
        raw.execute("PRAGMA foreign_keys=ON")
    report = check_library(library, repair=False)
    assert len(report.foreign_keys) == 2 and all(f.startswith("mentions row") for f in report.foreign_keys)
    assert report.pairs_wrong == []
    assert_pairs_exact(library)
