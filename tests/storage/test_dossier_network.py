"""Dossiers, co-occurrence networks and article metadata edits over a real SQLite library."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

from desktop.services import network
from desktop.services.annotations import create_annotation
from desktop.services.article_meta import ArticleEditError, article_meta, edit_article
from desktop.services.dossier import actor_dossier, load_dossier
from desktop.services.importer import Importer
from desktop.services.network import load_network
from desktop.services.queries import NotFoundError, list_actors
from desktop.services.quotes import load_quotes, outdated_articles
from desktop.storage.db import Library, open_library, resolve_database_url
from desktop.storage.models import Article, Mention
from desktop.storage.search import search_articles
from tests.postgres import fresh_database, needs_postgres
from tests.storage.quote_support import ARTICLE_1, ARTICLE_2, FakeRecognizer, ScriptedFinder


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=needs_postgres)])
def library(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Library]:
    """Two articles imported, on SQLite, and on PostgreSQL when a test server is available."""
    if request.param == "postgresql":
        with fresh_database() as url:
            lib = open_library(url)
            yield from _imported(lib)
    else:
        yield from _imported(open_library(resolve_database_url(str(tmp_path / "lib.sqlite3"), {})))


def _imported(lib: Library) -> Iterator[Library]:
    importer = Importer(lib, FakeRecognizer(), quote_finder=ScriptedFinder())
    assert [importer.import_text(t).status for t in (ARTICLE_1, ARTICLE_2)] == ["imported", "imported"]
    with lib.session() as session:
        session.execute(update(Article).where(Article.id == 1).values(published="2025-09-04"))
    try:
        yield lib
    finally:
        lib.close()


def ids(library: Library) -> dict[str, int]:
    with library.read_session() as session:
        return {a.name: a.id for a in list_actors(session)}


def test_dossier_gathers_everything_about_an_actor(library: Library) -> None:
    note = create_annotation(library, 1, quote="Wir werden das prüfen", note="Kernsatz")
    by_mention = create_annotation(library, 2, quote="Brandtner sprach")
    create_annotation(library, 2, quote="Kerning blieb")  # touches another actor only
    with library.read_session() as session:
        dossier = actor_dossier(session, "brandtner")  # an alias, case ignored
    a = ids(library)
    assert dossier.actor.name == "Helga Brandtner" and dossier.actor.aliases == ("Brandtner",)
    assert [(x.id, x.published, x.mentions) for x in dossier.articles] == [(1, "2025-09-04", 2), (2, None, 1)]
    assert [q.text for q in dossier.quotes] == ["Wir werden das prüfen"]
    assert {r.name: (r.sentences, r.articles) for r in dossier.related} == {
        "Valdora": (2, 2),
        "Olaf Kerning": (1, 1),
        "Nordbund": (1, 1),
    }
    assert {x.id for x in dossier.annotations} == {note.id, by_mention.id}
    data = dossier.as_json()
    assert set(data) == {"actor", "articles", "quotes", "roles", "related", "annotations", "totals"}
    assert data["totals"] == {"articles": 2, "mentions": 3, "quotes": 1, "roles": len(dossier.roles)}
    assert set(data["actor"]) == {"id", "name", "type", "aliases", "roles"}
    assert data["actor"]["id"] == a["Helga Brandtner"]
    assert set(data["annotations"][0]) == {
        "id",
        "start",
        "end",
        "quote",
        "note",
        "tags",
        "color",
        "article",
        "author",
        "edited_by",
        "version",
    }
    timeline = dossier.timeline("month")
    assert timeline[0].period == "2025-09" and timeline[0].articles == 1
    assert sum(b.by_import_date for b in timeline) == 1  # article 2 has no publication date


def test_the_notes_on_an_actor_are_the_same_read_from_the_notes_or_from_the_mentions(
    library: Library,
) -> None:
    """An actor with more mentions than the library has notes has each note tested against its mentions
    (the other way round otherwise); both find the same notes, for every actor."""
    from desktop.services.dossier import _annotations

    create_annotation(library, 1, quote="Wir werden das prüfen", note="Kernsatz")
    create_annotation(library, 2, quote="Brandtner sprach")
    create_annotation(library, 2, quote="Kerning blieb")
    with library.read_session() as session:
        for actor_id in ids(library).values():
            by_mentions = [a.id for a in _annotations(session, actor_id, 0)]
            by_notes = [a.id for a in _annotations(session, actor_id, 10**6)]
            assert by_notes == by_mentions
        assert _annotations(session, ids(library)["Helga Brandtner"], 10**6)  # there is something to find


def test_a_bounded_dossier_lists_the_newest_with_the_totals_beside(library: Library) -> None:
    importer = Importer(library, FakeRecognizer(), quote_finder=ScriptedFinder())
    importer.import_text("Neu\n\nDie Ministerpräsidentin Helga Brandtner reiste ab.")
    note = create_annotation(library, 1, quote="Wir werden das prüfen", note="Kernsatz")
    with library.read_session() as session:
        whole = actor_dossier(session, "Helga Brandtner")
        wide = actor_dossier(session, "Helga Brandtner", limit=1000)
        one = actor_dossier(session, "Helga Brandtner", limit=1)
    assert whole.totals is None and wide.totals == one.totals == whole.counts()
    assert wide.articles == whole.articles and wide.quotes == whole.quotes and wide.roles == whole.roles
    assert wide.related == whole.related and wide.timeline("month") == whole.timeline("month")
    assert one.timeline("week") == whole.timeline("week")  # the timeline counts every article
    assert (one.actor.mentions, one.actor.articles) == (whole.actor.mentions, whole.actor.articles)
    assert set(one.actor.roles) == set(whole.actor.roles)
    newest = max(whole.articles, key=lambda x: (x.published or x.imported_at[:10], x.id))
    assert newest.id == 3 and [r.article_id for r in one.roles] == [3]
    assert [q.text for q in one.quotes] == ["Wir werden das prüfen"] and len(one.related) == 1
    # the newest article, and those the listed statement, role and note come from, in the usual order
    assert [x.id for x in one.articles] == [x.id for x in whole.articles if x.id in {1, 3}]
    assert [x.id for x in one.annotations] == [note.id]
    assert one.as_json()["totals"] == {"articles": 3, "mentions": 4, "quotes": 1, "roles": 1}


def test_roles_carry_their_article_dates(library: Library) -> None:
    importer = Importer(library, FakeRecognizer(), quote_finder=ScriptedFinder())
    result = importer.import_text("Neu\n\nDie Ministerpräsidentin Helga Brandtner reiste ab.")
    with library.read_session() as session:
        dossier = actor_dossier(session, "Helga Brandtner")
    assert [(r.role, r.article_id, r.published) for r in dossier.roles] == [
        ("Ministerpräsidentin", result.id, None)
    ]
    assert dossier.as_json()["roles"] == [
        {"role": "Ministerpräsidentin", "article": result.id, "published": None}
    ]


def test_dossier_of_an_unknown_actor(library: Library) -> None:
    with library.read_session() as session, pytest.raises(NotFoundError):
        actor_dossier(session, "Niemand")


def expected_edges(library: Library, article: int | None = None) -> dict[tuple[int, int], tuple[int, int]]:
    """Co-occurrence computed the slow way, in Python."""
    with library.read_session() as session:
        query = select(Mention.article_id, Mention.sentence, Mention.actor_id)
        if article is not None:
            query = query.where(Mention.article_id == article)
        by_sentence: dict[tuple[int, int], set[int]] = defaultdict(set)
        for article_id, sentence, actor_id in session.execute(query):
            by_sentence[(article_id, sentence)].add(actor_id)
    pairs: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
    for key, actors in by_sentence.items():
        for a, b in itertools.combinations(sorted(actors), 2):
            pairs[(a, b)].add(key)
    return {pair: (len(keys), len({k[0] for k in keys})) for pair, keys in pairs.items()}


def test_library_network_matches_a_python_count(library: Library) -> None:
    with library.read_session() as session:
        whole = network.library_network(session)
        strong = network.library_network(session, 2)
    assert {(e.source, e.target): (e.sentences, e.articles) for e in whole.edges} == expected_edges(library)
    a = ids(library)
    assert {(e.source, e.target) for e in strong.edges} == {
        tuple(sorted((a["Helga Brandtner"], a["Valdora"]))),
        tuple(sorted((a["Olaf Kerning"], a["Valdora"]))),
    }
    assert {n.name for n in strong.nodes} == {"Helga Brandtner", "Olaf Kerning", "Valdora"}
    valdora = next(n for n in whole.nodes if n.name == "Valdora")
    assert valdora.mentions == 5 and valdora.type == "location"
    assert set(whole.as_json()) == {"nodes", "edges"}
    assert set(whole.as_json()["edges"][0]) == {"source", "target", "sentences", "articles"}


def test_article_and_actor_networks(library: Library) -> None:
    a = ids(library)
    with library.read_session() as session:
        article = network.article_network(session, 2)
        around = network.actor_network(session, a["Nordbund"])
        strong = network.named_actor_network(session, "Nordbund", 2)
    assert {n.name: n.mentions for n in article.nodes} == {
        "Helga Brandtner": 1,
        "Olaf Kerning": 1,
        "Valdora": 2,
        "Nordbund": 1,
    }
    assert {(e.source, e.target): (e.sentences, e.articles) for e in article.edges} == expected_edges(
        library, 2
    )
    assert {n.name for n in around.nodes} == {"Nordbund", "Helga Brandtner", "Olaf Kerning", "Valdora"}
    # the neighbourhood includes the edges among the neighbours
    assert tuple(sorted((a["Olaf Kerning"], a["Valdora"]))) in {(e.source, e.target) for e in around.edges}
    assert [n.name for n in strong.nodes] == ["Nordbund"] and strong.edges == ()
    with library.read_session() as session:
        with pytest.raises(NotFoundError):
            network.article_network(session, 99)
        with pytest.raises(network.NetworkError):
            network.library_network(session, 0)


def test_every_actor_network_is_its_part_of_the_library_network(library: Library) -> None:
    """The neighbourhood read from the actor's own sentences equals the one cut out of the whole network."""
    edges = expected_edges(library)
    with library.read_session() as session:
        whole = {n.id: n for n in network.library_network(session).nodes}
        for actor_id in sorted(ids(library).values()):
            for least in (1, 2):
                around = network.actor_network(session, actor_id, least)
                strong = {p: c for p, c in edges.items() if c[0] >= least}
                members = {actor_id} | {x for p in strong if actor_id in p for x in p}
                assert {n.id for n in around.nodes} == members
                assert all(n == whole[n.id] for n in around.nodes if n.id in whole)
                assert {(e.source, e.target): (e.sentences, e.articles) for e in around.edges} == {
                    p: c for p, c in strong.items() if set(p) <= members
                }


def test_edit_article_title_date_and_outlet(library: Library) -> None:
    change = edit_article(
        library, 2, title="  Wendepunkt\nin Valdora ", published="2025-10-01", outlet="Nordkurier"
    )
    assert change.before.title == "Neue Gespräche" and change.before.published is None
    assert (change.after.title, change.after.published, change.after.outlet) == (
        "Wendepunkt in Valdora",
        "2025-10-01",
        "Nordkurier",
    )
    with library.read_session() as session:
        assert [h.id for h in search_articles(session, "wendepunkt")] == [2]
    edit_article(library, 2, published="", outlet="")
    assert article_meta(library, 2) == type(change.after)("Wendepunkt in Valdora", None, None)
    undo = change.before
    edit_article(library, 2, title=undo.title, published=undo.published, outlet=undo.outlet)
    assert article_meta(library, 2) == change.before
    with library.read_session() as session:
        assert search_articles(session, "wendepunkt") == []
    for bad in (
        {"title": " "},
        {"published": "2025-02-30"},
        {"published": "4.9.2025"},
        {"outlet": "x" * 201},
    ):
        with pytest.raises(ArticleEditError):
            edit_article(library, 2, **bad)  # type: ignore[arg-type]
    assert article_meta(library, 2) == change.before  # nothing half-written
    with pytest.raises(NotFoundError):
        edit_article(library, 99, title="x")


def test_library_level_services_for_the_window(library: Library) -> None:
    a = ids(library)
    assert [q.text for q in load_quotes(library, speaker_id=a["Olaf Kerning"])] == ["der Nordbund sei bereit"]
    assert load_quotes(library, article_id=2, speaker_id=a["Olaf Kerning"]) == []
    with pytest.raises(NotFoundError):
        load_quotes(library, speaker_id=9999)
    assert load_dossier(library, a["Valdora"]).actor.name == "Valdora"
    assert load_dossier(library, "#" + str(a["Valdora"])).actor.id == a["Valdora"]
    assert load_network(library, actor=a["Nordbund"]) == load_network(library, actor="Nordbund")
    assert load_network(library, article_id=2, min_sentences=2).edges == ()
    with pytest.raises(network.NetworkError):
        load_network(library, article_id=2, actor="Nordbund")
    assert outdated_articles(library) == 0
