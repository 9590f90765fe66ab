"""The library-wide actor list a page at a time: totals, ranking, paging and the name filter in SQL
agree with the full list (on SQLite, and on PostgreSQL when the suite runs there); the notes view's
choices read the articles with notes only."""

from __future__ import annotations

import pytest

from desktop.core.entities.names import match_key
from desktop.services.actor_pages import ActorGroup, actor_groups, actor_page, first_pages
from desktop.services.annotations import create_annotation
from desktop.services.dto import ActorRow
from desktop.services.queries import list_actors
from desktop.services.window_reads import note_choices
from desktop.storage.db import Library
from desktop.storage.models import Actor, ActorAlias, ActorRole, Article, Mention
from tests.storage.conftest import ArticleFactory

# name, type, mentions, other names, roles
ACTORS: list[tuple[str, str, int, tuple[str, ...], tuple[str, ...]]] = [
    ("Jörg Räumer", "person", 9, ("Räumers",), ("Minister",)),
    ("Anna Berg", "person", 5, ("A. Berg",), ()),
    ("Bert Ammer", "person", 5, (), ("Sprecher", "Minister")),
    ("Nordhafen Bank", "organization", 7, ("NHB",), ()),
    ("Weissfeld", "location", 3, (), ()),
    ("Gipfel 100%", "other", 2, (), ()),
    ("Ohne_Nennung", "person", 0, (), ()),  # no mention: never listed
]
for n in range(25):  # enough people for several pages
    ACTORS.append((f"Person {n:02d}", "person", 1 + n % 4, (), ()))


@pytest.fixture
def filled(library: Library, make_article: ArticleFactory) -> Library:
    with library.session() as session:
        articles = [make_article(n) for n in range(3)]
        session.add_all(articles)
        session.flush()
        for name, kind, mentions, aliases, roles in ACTORS:
            actor = Actor(name=name, type=kind)
            session.add(actor)
            session.flush()
            for alias in (name, *aliases):
                session.add(ActorAlias(actor_id=actor.id, alias=alias, key=match_key(alias)))
            for role in roles:
                session.add(ActorRole(actor_id=actor.id, article_id=articles[0].id, role=role))
            for m in range(mentions):
                article = articles[m % 2]
                session.add(
                    Mention(
                        article_id=article.id, actor_id=actor.id, start=m, end=m + 1, text=name, type=kind
                    )
                )
    return library


def _ids(rows: list[ActorRow]) -> list[int]:
    return [r.id for r in rows]


def test_pages_follow_the_full_list(filled: Library) -> None:
    with filled.read_session() as session:
        everyone = list_actors(session)
        groups = actor_groups(session)
        people = [a for a in everyone if a.type == "person"]
        pages = [actor_page(session, "person", offset, 10) for offset in (0, 10, 20, 30)]
        firsts, first = first_pages(session, limit=4)
    assert sorted(groups, key=lambda g: g.type) == [
        ActorGroup("location", 1, 3),
        ActorGroup("organization", 1, 7),
        ActorGroup("other", 1, 2),
        ActorGroup("person", len(people), sum(a.mentions for a in people)),
    ]
    assert [a for page in pages for a in page] == people  # same order, names, aliases and roles
    assert len(pages[0]) == 10 and pages[-1] == []
    assert sorted(firsts, key=lambda g: g.type) == sorted(groups, key=lambda g: g.type)
    assert first["person"] == people[:4] and first["organization"][0].aliases == ("NHB",)
    assert first["person"][0].roles == ("Minister",) and "Ohne_Nennung" not in {a.name for a in everyone}
    # equal mentions: by name (code point order)
    assert [a.name for a in people[1:3]] == ["Anna Berg", "Bert Ammer"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("berg", {"Anna Berg"}),
        ("RÄUM", {"Jörg Räumer"}),
        ("raum", {"Jörg Räumer"}),  # accents ignored through the folded keys
        ("nhb", {"Nordhafen Bank"}),  # another name
        ("100%", {"Gipfel 100%"}),  # wildcards are plain text
        ("_", set()),
        ("ammer", {"Bert Ammer"}),
        ("zzz", set()),
    ],
)
def test_name_filter_in_the_library(filled: Library, text: str, expected: set[str]) -> None:
    with filled.read_session() as session:
        groups, pages = first_pages(session, text)
        listed = {a.name for rows in pages.values() for a in rows}
        by_page = {a.name for g in groups for a in actor_page(session, g.type, 0, 100, text)}
        totals = {g.type: g.actors for g in actor_groups(session, text)}
    assert listed == by_page == expected
    assert {g.type: g.actors for g in groups} == totals
    assert sum(totals.values()) == len(expected)


def test_filter_over_many_pages_and_after_a_removal(filled: Library) -> None:
    with filled.read_session() as session:
        groups, pages = first_pages(session, "person", limit=5)
        later = actor_page(session, "person", 5, 100, "person")
    assert groups == [ActorGroup("person", 25, sum(1 + n % 4 for n in range(25)))]
    assert len(pages["person"]) == 5 and len(later) == 20
    assert len({a.id for a in pages["person"] + later}) == 25
    with filled.session() as session:  # an article gone takes its mentions from the counts
        session.delete(session.get(Article, 1))
    with filled.read_session() as session:
        everyone = list_actors(session)
        firsts, first = first_pages(session, limit=100)
    assert {g.type: g.actors for g in firsts} == {
        kind: sum(a.type == kind for a in everyone) for kind in {a.type for a in everyone}
    }
    for kind, rows in first.items():
        assert rows == [a for a in everyone if a.type == kind]


def test_empty_library(library: Library) -> None:
    with library.read_session() as session:
        assert first_pages(session) == ([], {})
        assert first_pages(session, "x") == ([], {})
        assert actor_groups(session) == [] and actor_page(session, "person", 0) == []


def test_note_choices_list_the_articles_with_notes_only(
    library: Library, make_article: ArticleFactory
) -> None:
    with library.session() as session:
        titles = ["zebra", "Apfel", "ohne Notiz", "apfel"]
        articles = [make_article(n, title=t, text=f"Text {n} mit Wörtern.") for n, t in enumerate(titles)]
        session.add_all(articles)
        session.flush()
        ids = [a.id for a in articles]
    for article_id in (ids[0], ids[1], ids[3], ids[3]):
        create_annotation(library, article_id, start=0, end=4, tags=["t"])
    tags, _actors, noted, _authors = note_choices(library)
    assert tags == ("t",)
    # by title ignoring case; equal titles newest first, as the whole list had them
    assert noted == ((ids[3], "apfel"), (ids[1], "Apfel"), (ids[0], "zebra"))
