"""The import writer's rows as tuples: quotes, the pairs of new mentions, and the actor index's reads and
writes (desktop.storage.actor_index)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from desktop.core.types import FoundQuote
from desktop.services.analysis import QUOTE_COLUMNS, quote_tuples
from desktop.storage import actor_index
from desktop.storage.db import Library
from desktop.storage.models import Actor, ActorAlias
from desktop.storage.pairs import MENTION_COLUMNS, pairs_of_mentions


def test_quote_tuples_follow_the_columns_and_map_speakers_to_library_ids() -> None:
    quotes = [
        FoundQuote(10, 20, "direct", 0, 5, speaker=1, speaker_start=0, speaker_end=4),
        FoundQuote(30, 40, "indirect", source="x" * 250),
    ]
    rows = quote_tuples(7, quotes, [101, 202])
    named = [dict(zip(QUOTE_COLUMNS, row, strict=True)) for row in rows]
    assert named[0] == {
        "article_id": 7,
        "start": 10,
        "end": 20,
        "kind": "direct",
        "cue_start": 0,
        "cue_end": 5,
        "speaker_id": 202,
        "speaker_start": 0,
        "speaker_end": 4,
        "source": None,
        "origin": "auto",
    }
    assert named[1]["speaker_id"] is None and named[1]["source"] == "x" * 200


def test_pairs_of_mentions_count_shared_sentences_and_articles() -> None:
    def mention(article: int, actor: int, sentence: int | None) -> tuple[object, ...]:
        values = {"article_id": article, "actor_id": actor, "start": 0, "end": 1, "text": "x"}
        values |= {"type": "person", "sentence": sentence}
        return tuple(values[c] for c in MENTION_COLUMNS)

    mentions = [
        mention(1, 3, 0),
        mention(1, 2, 0),
        mention(1, 2, 0),  # a second mention in the sentence counts once
        mention(1, 2, 1),
        mention(1, 3, 1),
        mention(1, 4, None),  # no sentence: no pair
        mention(2, 2, 5),
        mention(2, 3, 5),
        mention(2, 4, 5),
    ]
    assert pairs_of_mentions(mentions) == {(2, 3): (3, 2), (2, 4): (1, 1), (3, 4): (1, 1)}


def test_actor_index_reads_what_it_writes(library: Library) -> None:
    created = datetime(2026, 1, 2, 3, 4, 5, 600000, tzinfo=UTC)
    with library.session() as session:
        assert actor_index.last_written(session) == (0, 0)
        actor_index.insert_actors(session, [(5, "Karla Wendt", "person", False, created)])
        actor_index.insert_actors(session, [(6, "Lindenau", "location", False, created)])
        actor_index.insert_aliases(
            session, [(5, "Wendt", "wendt", "auto"), (6, "Lindenau", "lindenau", "auto")]
        )
        actors = list(actor_index.actors_since(session, None))
        assert [(r.id, r.name, r.type, r.confirmed) for r in actors] == [
            (5, "Karla Wendt", "person", False),
            (6, "Lindenau", "location", False),
        ]
        first_seq = actors[0].change_seq
        assert [r.id for r in actor_index.actors_since(session, first_seq)] == [6]
        aliases = list(actor_index.aliases_since(session, None))
        assert [(r.actor_id, r.key) for r in aliases] == [(5, "wendt"), (6, "lindenau")]
        assert [r.key for r in actor_index.aliases_since(session, aliases[0].id)] == ["lindenau"]
        assert actor_index.actor_count(session) == 2
        assert actor_index.last_written(session) == (actors[1].change_seq, aliases[1].id)
        times = actor_index.created_at(session, {6})
        assert list(times) == [6]
        stored = session.scalar(select(Actor.created_at).where(Actor.id == 6))
        assert times[6] == stored and (stored if stored.tzinfo else stored.replace(tzinfo=UTC)) == created
        assert actor_index.created_at(session, set()) == {}
        assert session.scalar(select(ActorAlias.source).where(ActorAlias.actor_id == 5)) == "auto"
