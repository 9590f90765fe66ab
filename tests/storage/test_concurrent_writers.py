"""Two importers on one library (as two windows or a window and a script would be).

Each importer holds its own in-memory index of the actors; these tests interleave them
step by step in one process, with two separate engines on the same file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from desktop.core.entities.names import match_key
from desktop.core.ingest import load_text
from desktop.core.types import Document, EntitySpan, EntityType, LinkedActor
from desktop.services import corrections, exporting
from desktop.services.importer import Importer
from desktop.services.queries import AmbiguousActorError, NotFoundError
from desktop.services.resolver import ActorResolver
from desktop.storage.db import Library, open_library
from desktop.storage.models import Actor, Mention
from tests.postgres import fresh_database, needs_postgres
from tools.bench_crash import NameRecognizer


def doc(body: str) -> Document:
    return load_text(body, fmt="paste")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=needs_postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def url(backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "postgresql":
        with fresh_database() as database:
            yield database
    else:
        yield f"sqlite:///{tmp_path / 'shared.sqlite3'}"


@pytest.fixture
def two(url: str) -> Iterator[tuple[Library, Library]]:
    """Two libraries on one database, as two programs would have them."""
    first, second = open_library(url), open_library(url)
    yield first, second
    first.close()
    second.close()


@pytest.fixture
def library(url: str) -> Iterator[Library]:
    with open_library(url) as opened:
        yield opened


def actors(library: Library) -> list[tuple[str, str, int]]:
    with library.read_session() as session:
        rows = session.execute(
            select(Actor.name, Actor.type, func.count(Mention.id))
            .outerjoin(Mention, Mention.actor_id == Actor.id)
            .group_by(Actor.id)
            .order_by(Actor.name)
        ).all()
    return [(n, t, int(c)) for n, t, c in rows]


class Interleaved:
    """A recogniser that runs ``between`` once, while its importer is between reading and writing."""

    def __init__(self, between: Callable[[], None]) -> None:
        self._inner = NameRecognizer()
        self._between: Callable[[], None] | None = between

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        if self._between is not None:
            step, self._between = self._between, None
            step()
        return self._inner.recognize(text, language)


A1 = "Karla Wendt besuchte Weissfeld. Wendt sprach mit der Nordhafen Bank über Weissfeld."
A2 = "In Weissfeld traf Karla Wendt die Nordhafen Bank. Wendt blieb zwei Tage in Weissfeld."
A3 = "Die Nordhafen Bank und Weissfeld: Karla Wendt antwortete. Später sprach Wendt erneut."


def test_an_importer_sees_actors_another_importer_created_after_it_started(
    two: tuple[Library, Library], tmp_path: Path
) -> None:
    first, second = two
    slow = Importer(first, Interleaved(lambda: Importer(second, NameRecognizer()).import_document(doc(A1))))
    result = slow.import_document(doc(A2))
    assert result.status == "imported"
    with open_library(f"sqlite:///{tmp_path / 'one.sqlite3'}") as alone:
        Importer(alone, NameRecognizer()).import_documents([("1", doc(A1)), ("2", doc(A2))])
        assert actors(first) == actors(alone)
    assert len(actors(first)) == 3


def batch(*steps: str | Callable[[], object]) -> Iterator[tuple[str, Document]]:
    """One import batch: texts are imported in order; callables run in between (other writers)."""
    for number, step in enumerate(steps):
        if callable(step):
            step()
        else:
            yield str(number), doc(step)


def test_an_importer_sees_a_rename_made_by_another_importer(
    two: tuple[Library, Library], tmp_path: Path
) -> None:
    first, second = two
    recognizer = NameRecognizer({"Karla Wendt": "person", "Anna Wendt": "person", "Weissfeld": "location"})
    texts = ("Wendt kam nach Weissfeld.", "Karla Wendt kam nach Weissfeld.", "Anna Wendt blieb in Weissfeld.")
    results = Importer(first, recognizer).import_documents(
        batch(texts[0], lambda: Importer(second, recognizer).import_document(doc(texts[1])), texts[2])
    )
    assert [r.status for r in results] == ["imported", "imported"]
    with open_library(f"sqlite:///{tmp_path / 'one.sqlite3'}") as alone:
        Importer(alone, recognizer).import_documents(batch(*texts))
        assert actors(first) == actors(alone)  # the stale name "Wendt" did not lead to a rename


def test_an_importer_survives_a_merge_made_in_another_window(two: tuple[Library, Library]) -> None:
    first, second = two

    def merge() -> None:
        with second.read_session() as session:
            ids = dict(session.execute(select(Actor.name, Actor.id)).all())
        corrections.merge_actors(second, ids["Weissfeld"], ids["Karla Wendt"])  # deletes Weissfeld

    results = Importer(first, NameRecognizer()).import_documents(batch(A1, merge, A2))
    assert [r.status for r in results] == ["imported", "imported"]  # not a false "duplicate"
    with first.read_session() as session:
        places = session.scalars(select(Mention.actor_id).where(Mention.text == "Weissfeld")).all()
        actor_ids = set(session.scalars(select(Actor.id)))
    assert len(places) == 4 and set(places) <= actor_ids


def test_a_duplicate_lost_to_a_concurrent_import_reports_the_existing_article(
    two: tuple[Library, Library],
) -> None:
    first, second = two
    winner: list[int] = []

    def other_import() -> None:
        result = Importer(second, NameRecognizer()).import_document(doc(A3))
        assert result.id is not None
        winner.append(result.id)

    result = Importer(first, Interleaved(other_import)).import_document(doc(A3))
    assert result.status == "duplicate"
    assert result.id == winner[0]


def linked(name: str, kind: EntityType) -> LinkedActor:
    return LinkedActor(match_key(name), name, kind, (name,))


def test_the_resolver_forgets_actors_of_a_rolled_back_transaction(
    two: tuple[Library, Library], backend: str
) -> None:
    """SQLite gives a rolled-back id to the next insert; the index must not mix the two actors up."""
    if backend != "sqlite":
        pytest.skip("PostgreSQL never hands out an id twice")
    first, second = two
    with first.read_session() as session:
        resolver = ActorResolver(session)
    with pytest.raises(RuntimeError), first.session() as session:
        resolver.refresh(session)
        lost_id, _kind = resolver.resolve(session, linked("Karla Wendt", "person"))
        resolver.flush(session)
        raise RuntimeError("the import failed after the actor was inserted")
    with second.session() as session:  # another writer gets the same id for another actor
        other = Actor(name="Lindenau", type="location")
        session.add(other)
        session.flush()
        assert other.id == lost_id
    with first.session() as session:
        resolver.refresh(session)
        actor_id, kind = resolver.resolve(session, linked("Karla Wendt", "person"))
        place_id, _kind = resolver.resolve(session, linked("Lindenau", "location"))
        resolver.flush(session)
    assert (actor_id, kind) != (lost_id, "location")
    assert kind == "person" and place_id == lost_id
    assert len(actors(first)) == 2


def test_export_by_a_name_several_actors_share_lists_them(library: Library) -> None:
    with library.session() as session:
        place = Actor(name="Wien", type="location")
        person = Actor(name="Wien", type="person")
        session.add_all([place, person])
        session.flush()
        ids = place.id, person.id
    with pytest.raises(NotFoundError) as info:
        exporting.export_actor(library, "wien")
    assert isinstance(info.value, AmbiguousActorError)
    assert f"#{ids[0]} Wien (location" in info.value.message
    assert f"#{ids[1]} Wien (person" in info.value.message
    assert "on Wien" in exporting.export_actor(library, f"#{ids[1]}")
    with pytest.raises(NotFoundError, match="No actor"):
        exporting.export_actor(library, "#999999")


def test_change_seq_is_stamped_on_every_insert_and_change(library: Library) -> None:
    with library.session() as session:
        session.add_all([Actor(name="A", type="person"), Actor(name="B", type="location")])
    with library.session() as session:
        session.execute(text("UPDATE actors SET name = 'AA' WHERE name = 'A'"))
    with library.session() as session:
        session.execute(text("UPDATE actors SET confirmed = true WHERE name = 'B'"))
    with library.read_session() as session:
        seqs = dict(session.execute(select(Actor.name, Actor.change_seq)).all())
    assert 0 < seqs["AA"] < seqs["B"]
    with library.session() as session:
        session.execute(text("UPDATE actors SET type = 'other' WHERE name = 'AA'"))
    with library.read_session() as session:
        again = dict(session.execute(select(Actor.name, Actor.change_seq)).all())
    assert again["AA"] > again["B"] == seqs["B"]
