"""The resolver writes a batch's new actors in one flush: the library ends up as with a flush per article.

``change_seq`` numbers every insert and rename in the order they happen, so a fuller name found in a later
article of the batch must rename the earlier article's actor after it is inserted, as it did when each
article was flushed on its own; and after a committed flush the next refresh skips what it wrote.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.core.entities.names import match_key
from desktop.core.types import EntityType, LinkedActor
from desktop.services import resolver as resolver_module
from desktop.services.resolver import ActorResolver
from desktop.storage.db import Library
from desktop.storage.models import Actor, ActorAlias
from tests.storage.test_actor_counts import BACKENDS, backend_library


def linked(name: str, kind: EntityType = "person") -> LinkedActor:
    return LinkedActor(match_key(name), name, kind, (name,))


BEFORE = [[linked("Hollsten"), linked("Lindenau", "location")]]
"""Stored in an earlier transaction."""
BATCH = [
    [linked("Wendt"), linked("Pfeiffer")],
    [linked("Karla Wendt"), linked("Mira Hollsten")],  # renames an ended actor and a stored one
    [linked("Ostbrück", "location"), linked("Roth"), linked("Anna Roth")],  # renames an open one
    [linked("Jonas Pfeiffer"), linked("Lindenau", "location")],
]

Rows = tuple[list[tuple[object, ...]], list[tuple[object, ...]]]


def _store(
    library: Library, resolver: ActorResolver, articles: Sequence[Sequence[LinkedActor]], *, each: bool
) -> None:
    with library.session() as session:
        resolver.refresh(session)
        for actors in articles:
            for actor in actors:
                resolver.resolve(session, actor)
            if each:
                resolver.flush(session)
            else:
                resolver.end_article()
        resolver.flush(session)


def _rows(library: Library) -> Rows:
    with library.read_session() as session:
        actors = session.execute(
            select(Actor.id, Actor.name, Actor.type, Actor.change_seq).order_by(Actor.id)
        )
        aliases = session.execute(
            select(ActorAlias.id, ActorAlias.actor_id, ActorAlias.alias, ActorAlias.key).order_by(
                ActorAlias.id
            )
        )
        return [tuple(r) for r in actors], [tuple(r) for r in aliases]


@pytest.mark.parametrize("backend", BACKENDS)
def test_one_flush_per_batch_stores_what_a_flush_per_article_stores(backend: str, tmp_path: Path) -> None:
    stored: list[Rows] = []
    for each in (True, False):
        folder = tmp_path / str(each)
        folder.mkdir()
        with backend_library(backend, folder) as library:
            resolver = ActorResolver(None)
            _store(library, resolver, BEFORE, each=True)
            _store(library, resolver, BATCH, each=each)
            stored.append(_rows(library))
    per_article, per_batch = stored
    assert per_batch == per_article
    names = [name for _id, name, _type, _seq in per_batch[0]]
    assert names == ["Mira Hollsten", "Lindenau", "Karla Wendt", "Jonas Pfeiffer", "Ostbrück", "Anna Roth"]
    # each rename comes after the inserts of the articles before it and before those of its own article
    by_sequence = [name for _id, name, _type, _seq in sorted(per_batch[0], key=lambda row: row[3])]
    assert by_sequence == [
        "Lindenau",
        "Karla Wendt",
        "Mira Hollsten",
        "Ostbrück",
        "Anna Roth",
        "Jonas Pfeiffer",
    ]


def test_a_committed_flush_is_not_read_back_by_the_next_refresh(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    resolver = ActorResolver(None)
    _store(library, resolver, BEFORE, each=True)
    read: list[int] = []
    remember = ActorResolver._remember

    def counting(self: ActorResolver, actor: object) -> None:
        read.append(1)
        remember(self, actor)  # type: ignore[arg-type]

    monkeypatch.setattr(resolver_module.ActorResolver, "_remember", counting)
    _store(library, resolver, BATCH, each=False)
    created = len(read)  # the batch's new actors, each remembered once when resolved
    with library.session() as session:
        resolver.refresh(session)
        assert len(read) == created  # nothing read back
        actor_id, _kind = resolver.resolve(session, linked("Karla Wendt"))
        resolver.flush(session)
    assert actor_id == next(i for i, name, _t, _s in _rows(library)[0] if name == "Karla Wendt")


def test_a_rolled_back_flush_is_read_again(library: Library) -> None:
    resolver = ActorResolver(None)
    _store(library, resolver, BEFORE, each=True)
    with pytest.raises(RuntimeError), library.session() as session:
        resolver.refresh(session)
        resolver.resolve(session, linked("Karla Wendt"))
        resolver.flush(session)
        raise RuntimeError("the batch failed after its actors were written")
    with library.session() as session:  # someone else stores another actor, perhaps under the same id
        session.add(Actor(name="Ostbrück", type="location"))
    with library.session() as session:
        resolver.refresh(session)
        place_id, kind = resolver.resolve(session, linked("Ostbrück", "location"))
        resolver.flush(session)
    assert kind == "location"
    assert [name for _i, name, _t, _s in _rows(library)[0]] == ["Hollsten", "Lindenau", "Ostbrück"]
    assert place_id == _rows(library)[0][2][0]
