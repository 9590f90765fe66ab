"""Candidates for "Merge into…": similar names first, the same type before others, never the actor itself."""

from __future__ import annotations

import pytest
from sqlalchemy import insert

from desktop.services.merge_candidates import merge_candidates, merge_summary
from desktop.services.queries import NotFoundError
from desktop.storage.db import Library
from desktop.storage.models import Actor, ActorAlias, Article, Mention

#: Invented actors: (name, type, mentions). The most mentioned one is unrelated to the source.
ACTORS = [
    ("Jonas Feldberg", "person", 20),
    ("Kowalczyk", "person", 7),
    ("Marta Kowalczyk", "person", 4),
    ("Kowalczyk-Stiftung", "organization", 2),
    ("Marta Kowalska", "person", 1),
    ("Feldhausen", "location", 3),
    ("Ostwerk", "organization", 5),
    ("UNO", "organization", 9),
]


@pytest.fixture
def actors(library: Library) -> dict[str, int]:
    with library.session() as session:
        session.execute(
            insert(Article),
            [
                {
                    "title": f"A{n}",
                    "text": "x" * 200,
                    "language": "de",
                    "format": "txt",
                    "content_hash": f"{n:064x}",
                }
                for n in (1, 2)
            ],
        )
        ids = {}
        for name, kind, count in ACTORS:
            actor = Actor(name=name, type=kind)
            session.add(actor)
            session.flush()
            ids[name] = actor.id
            session.execute(
                insert(Mention),
                [
                    {
                        "article_id": 1 + n % 2,
                        "actor_id": actor.id,
                        "start": n,
                        "end": n + 1,
                        "text": name,
                        "type": kind,
                    }
                    for n in range(count)
                ],
            )
        session.add(ActorAlias(actor_id=ids["Ostwerk"], alias="Kowalczyk-Werke", key="kowalczyk-werke"))
    return ids


def test_similar_names_first_same_type_first_never_itself(library: Library, actors: dict[str, int]) -> None:
    with library.read_session() as session:
        source, candidates = merge_candidates(session, actors["Kowalczyk"])
    names = [c.actor.name for c in candidates]
    assert source.name == "Kowalczyk" and source.mentions == 7 and source.articles == 2
    assert "Kowalczyk" not in names and len(names) == len(ACTORS) - 1
    assert names[0] == "Marta Kowalczyk"
    similar_people = names.index("Marta Kowalska")
    assert similar_people < names.index("Kowalczyk-Stiftung") < names.index("Jonas Feldberg")
    assert names.index("Ostwerk") < names.index("Jonas Feldberg")  # an alias is a name too
    assert names.index("Jonas Feldberg") < names.index("Feldhausen")  # unrelated: same type first
    scores = {c.actor.name: c.similarity for c in candidates}
    assert scores["Marta Kowalczyk"] > scores["Jonas Feldberg"]
    assert scores["UNO"] < 60 and names.index("UNO") > names.index(
        "Jonas Feldberg"
    )  # short names: words only
    assert all(0 <= s <= 100 for s in scores.values())


def test_diacritics_and_case_do_not_matter(library: Library, actors: dict[str, int]) -> None:
    with library.session() as session:
        umlaut = Actor(name="MARTA KÓWALCZYK", type="person")
        session.add(umlaut)
        session.flush()
        session.add(Mention(article_id=2, actor_id=umlaut.id, start=50, end=51, text="x", type="person"))
    with library.read_session() as session:
        _source, candidates = merge_candidates(session, actors["Marta Kowalczyk"])
    assert candidates[0].actor.name == "MARTA KÓWALCZYK"
    assert candidates[0].similarity == 100


def test_summary_says_what_will_happen(library: Library, actors: dict[str, int]) -> None:
    with library.read_session() as session:
        source, candidates = merge_candidates(session, actors["Kowalczyk"])
    target = candidates[0].actor
    assert merge_summary(source, target) == (
        "7 mentions of “Kowalczyk” in 2 articles become mentions of “Marta Kowalczyk”; "
        "“Kowalczyk” stays one of its names."
    )
    foundation = next(c.actor for c in candidates if c.actor.name == "Kowalczyk-Stiftung")
    assert "become mentions of “Kowalczyk-Stiftung”, an organisation;" in merge_summary(source, foundation)
    one = next(c.actor for c in candidates if c.actor.name == "Marta Kowalska")
    assert merge_summary(one, target).startswith(
        "1 mention of “Marta Kowalska” in 1 article becomes a mention of"
    )


def test_unknown_actor_is_a_clear_error(library: Library, actors: dict[str, int]) -> None:
    with library.read_session() as session, pytest.raises(NotFoundError):
        merge_candidates(session, 4242)
