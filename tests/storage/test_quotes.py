"""Quotes over a real SQLite library: import, queries, corrections with undo, re-analysis."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from desktop.core.ingest import load_text
from desktop.services import corrections, reanalysis
from desktop.services.analysis import ANALYSIS_VERSION, outdated_article_ids
from desktop.services.annotations import create_annotation
from desktop.services.importer import Importer
from desktop.services.queries import AmbiguousActorError, NotFoundError, annotation_rows, list_actors
from desktop.services.quote_corrections import (
    QuoteCorrectionError,
    mark_quote,
    reassign_speaker,
    reject_quote,
    restore_quotes,
)
from desktop.services.quotes import list_quotes, outdated_article_count, quote_rows
from desktop.services.reanalysis import Reanalyzer
from desktop.services.snapshots import record_actor_change, restore_actors
from desktop.storage.db import Library, open_library, resolve_database_url
from desktop.storage.models import Actor, Article, Mention, Quote, QuoteCorrection
from tests.postgres import fresh_database, needs_postgres
from tests.storage.quote_support import ARTICLE_1, ARTICLE_2, FakeRecognizer, ScriptedFinder


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=needs_postgres)])
def library(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Library]:
    """A fresh library on SQLite, and on PostgreSQL when a test server is available."""
    if request.param == "postgresql":
        with fresh_database() as url:
            lib = open_library(url)
            yield lib
            lib.close()
    else:
        lib = open_library(resolve_database_url(str(tmp_path / "lib.sqlite3"), {}))
        yield lib
        lib.close()


@pytest.fixture
def finder() -> ScriptedFinder:
    return ScriptedFinder()


@pytest.fixture
def imported(library: Library, finder: ScriptedFinder) -> Library:
    importer = Importer(library, FakeRecognizer(), quote_finder=finder)
    results = [importer.import_text(ARTICLE_1), importer.import_text(ARTICLE_2)]
    assert [r.status for r in results] == ["imported", "imported"]
    return library


def actor_id(library: Library, name: str) -> int:
    with library.read_session() as session:
        return next(a.id for a in list_actors(session) if a.name == name)


def quotes_of(library: Library, article_id: int = 1) -> list[tuple[str, str | None, str, str]]:
    with library.read_session() as session:
        return [
            (q.text, q.speaker_name, q.kind, q.origin) for q in quote_rows(session, article_id=article_id)
        ]


def reanalyze(
    library: Library, finder: ScriptedFinder, *, entities: bool, ids: list[int] | None = None
) -> None:
    analyzer = Reanalyzer(library, recognizer=FakeRecognizer(), quote_finder=finder)
    analyzer.run(ids or [1, 2], entities=entities)


def test_import_stores_quotes_speakers_and_sentences(imported: Library) -> None:
    assert quotes_of(imported) == [
        ("Wir werden das prüfen", "Helga Brandtner", "direct", "auto"),
        ("der Nordbund sei bereit", "Olaf Kerning", "indirect", "auto"),
        ("Das ist nicht genug", None, "direct", "auto"),
    ]
    with imported.read_session() as session:
        rows = quote_rows(session, article_id=1)
        anonymous = rows[2]
        assert anonymous.source == "Quellen" and anonymous.as_json()["speaker"] is None
        assert rows[0].cue_text == "sagte"
        assert ARTICLE_1[rows[0].speaker_start : rows[0].speaker_end] == "Brandtner"  # type: ignore[misc]
        versions = set(session.scalars(select(Article.analysis_version)))
        assert versions == {ANALYSIS_VERSION}
        sentences = {
            text: sentence
            for text, sentence in session.execute(
                select(Mention.text, Mention.sentence).where(Mention.article_id == 1)
            )
        }
    # title = sentence 0, "Helga Brandtner traf …" = 1, "„Wir werden …“, sagte Brandtner." = 2 …
    assert sentences["Helga Brandtner"] == 1 and sentences["Brandtner"] == 2 and sentences["Nordbund"] == 3
    assert outdated_article_count_of(imported) == 0


def outdated_article_count_of(library: Library) -> int:
    with library.read_session() as session:
        return outdated_article_count(session)


def test_a_failing_finder_costs_no_article(library: Library) -> None:
    def broken(*_args: object, **_kwargs: object) -> list[object]:
        raise RuntimeError("finder bug")

    result = Importer(library, FakeRecognizer(), quote_finder=broken).import_text(ARTICLE_1)  # type: ignore[arg-type]
    assert result.status == "imported"
    with library.read_session() as session:
        assert session.scalar(select(Article.analysis_version)) == 0
        assert session.scalar(select(func.count(Quote.id))) == 0
    assert outdated_article_count_of(library) == 1


def test_implausible_quotes_are_dropped(library: Library) -> None:
    class Wild(ScriptedFinder):
        def __call__(self, text, language, actors, *, cancelled=lambda: False):  # type: ignore[no-untyped-def]
            from desktop.core.types import FoundQuote

            return [
                FoundQuote(5, 2, "direct"),
                FoundQuote(0, len(text) + 5, "direct"),
                FoundQuote(0, 4, "direct", speaker=99),
                FoundQuote(0, 6, "direct", cue_start=3),
                FoundQuote(0, 6, "direct"),
            ]

    Importer(library, FakeRecognizer(), quote_finder=Wild()).import_text(ARTICLE_1)
    assert [q[0] for q in quotes_of(library)] == ["Gipfel"]


def test_list_quotes_filters_and_errors(imported: Library) -> None:
    with imported.read_session() as session:
        assert len(list_quotes(session)) == 3
        assert [q.text for q in list_quotes(session, actor="Brandtner")] == ["Wir werden das prüfen"]
        assert list_quotes(session, article_id=2) == []
        assert [q.text for q in list_quotes(session, 1, "Olaf Kerning")] == ["der Nordbund sei bereit"]
        with pytest.raises(NotFoundError):
            list_quotes(session, article_id=99)
        with pytest.raises(NotFoundError):
            list_quotes(session, actor="Niemand")


def test_ambiguous_names_list_their_candidates(imported: Library) -> None:
    with imported.session() as session:
        session.add(Actor(name="Valdora", type="person", confirmed=False))
    with imported.read_session() as session, pytest.raises(AmbiguousActorError) as info:
        list_quotes(session, actor="valdora")
    place = actor_id(imported, "Valdora")
    assert f"#{place}" in info.value.message and "2 actors" in info.value.message
    assert "\n" not in info.value.message
    with imported.read_session() as session:
        assert list_quotes(session, actor=f"#{place}") == []


def test_reassign_speaker_survives_reanalysis_and_undoes(imported: Library, finder: ScriptedFinder) -> None:
    kerning = actor_id(imported, "Olaf Kerning")
    with imported.read_session() as session:
        first = quote_rows(session, article_id=1)[0]
    change = reassign_speaker(imported, first.id, kerning)
    assert change.quote is not None and change.quote.speaker_name == "Olaf Kerning"
    assert change.quote.origin == "user" and change.summary.articles == (1,)
    assert kerning in change.summary.actors and first.id in change.summary.quotes
    for entities in (False, True):
        reanalyze(imported, finder, entities=entities)
        assert quotes_of(imported)[0][:2] == ("Wir werden das prüfen", "Olaf Kerning")
    restore_quotes(imported, change.before)
    assert quotes_of(imported)[0][1:] == ("Helga Brandtner", "direct", "auto")
    reanalyze(imported, finder, entities=False)
    assert quotes_of(imported)[0][1] == "Helga Brandtner"  # the correction is undone too
    restore_quotes(imported, change.after)
    assert quotes_of(imported)[0][1] == "Olaf Kerning"
    change = reassign_speaker(imported, first.id, None)
    assert change.quote is not None and change.quote.speaker_id is None


def test_not_a_quote_survives_reanalysis_and_undoes(imported: Library, finder: ScriptedFinder) -> None:
    with imported.read_session() as session:
        anonymous = quote_rows(session, article_id=1)[2]
    change = reject_quote(imported, anonymous.id)
    assert change.quote is None and anonymous.id in change.summary.quotes
    reanalyze(imported, finder, entities=True)
    assert [q[0] for q in quotes_of(imported)] == ["Wir werden das prüfen", "der Nordbund sei bereit"]
    restore_quotes(imported, change.before)
    assert len(quotes_of(imported)) == 3


def test_quote_from_selection_keeps_its_speaker(imported: Library, finder: ScriptedFinder) -> None:
    start = ARTICLE_1.index("Kerning erklärte")
    end = start + len("Kerning erklärte, der Nordbund sei bereit.")
    selection = ARTICLE_1.index("„Das ist")
    brandtner = actor_id(imported, "Helga Brandtner")
    marked = mark_quote(imported, 1, selection, selection + len("„Das ist nicht genug“"), brandtner)
    assert marked.quote is not None
    assert marked.quote.text == "Das ist nicht genug"  # quotation marks are not part of the message
    assert marked.quote.speaker_name == "Helga Brandtner" and marked.quote.cue_text == "so"
    assert len(quotes_of(imported)) == 3  # the found quote was corrected, not doubled
    fresh = mark_quote(imported, 1, start, end, None, kind="indirect")
    assert fresh.quote is not None and fresh.quote.origin == "user" and fresh.quote.cue_start is None
    finder.script.clear()  # the finder finds nothing any more: user quotes stay
    reanalyze(imported, finder, entities=False)
    assert sorted(q[:2] for q in quotes_of(imported)) == [
        ("Das ist nicht genug", "Helga Brandtner"),
        ("Kerning erklärte, der Nordbund sei bereit.", None),
    ]
    restore_quotes(imported, fresh.before)
    assert ("Kerning erklärte, der Nordbund sei bereit.", None) not in [q[:2] for q in quotes_of(imported)]
    with pytest.raises(QuoteCorrectionError):
        mark_quote(imported, 1, 3, 3, None)
    with pytest.raises(QuoteCorrectionError):
        mark_quote(imported, 1, selection, selection + 1, None)  # only a quotation mark
    with pytest.raises(QuoteCorrectionError):
        mark_quote(imported, 1, start, end, None, kind="rumour")
    with pytest.raises(NotFoundError):
        mark_quote(imported, 1, start, end, 9999)
    with pytest.raises(NotFoundError):
        reassign_speaker(imported, 9999, None)


def test_merge_moves_quotes_and_undo_restores_them(imported: Library) -> None:
    brandtner, kerning = actor_id(imported, "Helga Brandtner"), actor_id(imported, "Olaf Kerning")
    with imported.read_session() as session:
        first = quote_rows(session, article_id=1)[0]
    reassign_speaker(imported, first.id, brandtner)  # a correction naming the merged actor
    change = record_actor_change(
        imported, [kerning, brandtner], lambda: corrections.merge_actors(imported, kerning, brandtner)
    )
    assert [q[1] for q in quotes_of(imported)][:2] == ["Helga Brandtner", "Helga Brandtner"]
    assert change.summary.quotes
    restore_actors(imported, change.before)
    assert [q[1] for q in quotes_of(imported)][:2] == ["Helga Brandtner", "Olaf Kerning"]
    restore_actors(imported, change.after)
    assert [q[1] for q in quotes_of(imported)][:2] == ["Helga Brandtner", "Helga Brandtner"]
    with imported.read_session() as session:
        assert session.scalar(select(QuoteCorrection.speaker_id)) == brandtner


def test_not_an_entity_clears_the_speaker_and_undo_restores_it(imported: Library) -> None:
    kerning = actor_id(imported, "Olaf Kerning")
    change = record_actor_change(imported, [kerning], lambda: corrections.reject_actor(imported, kerning))
    assert quotes_of(imported)[1][:2] == ("der Nordbund sei bereit", None)
    restore_actors(imported, change.before)
    assert quotes_of(imported)[1][:2] == ("der Nordbund sei bereit", "Olaf Kerning")


def test_marked_actor_mentions_get_sentences(imported: Library) -> None:
    start = ARTICLE_1.index("Quellen")
    corrections.mark_as_actor(imported, 1, start, start + len("Quellen"), "other")
    with imported.read_session() as session:
        assert session.scalar(select(Mention.sentence).where(Mention.text == "Quellen")) == 4


def test_outdated_articles_get_quotes_and_sentences(imported: Library, finder: ScriptedFinder) -> None:
    note = create_annotation(imported, 1, quote="Wir werden das prüfen", note="Kernsatz")
    with imported.session() as session:  # as a library from before quote finding looks
        session.execute(update(Article).values(analysis_version=0))
        session.execute(update(Mention).values(sentence=None))
        session.query(Quote).delete()
    assert outdated_article_ids(imported) == [1, 2]
    calls = finder.calls
    results = Reanalyzer(imported, quote_finder=finder).run([1, 2], entities=False)  # no recogniser needed
    assert [(r.article_id, r.quotes, r.entities) for r in results] == [(1, 3, False), (2, 0, False)]
    assert finder.calls == calls + 2
    assert outdated_article_ids(imported) == []
    assert quotes_of(imported)[0][1] == "Helga Brandtner"
    with imported.read_session() as session:
        assert session.scalar(select(func.count(Mention.id)).where(Mention.sentence.is_(None))) == 0
        assert [(a.id, a.quote, a.note) for a in annotation_rows(session, 1)] == [
            (note.id, "Wir werden das prüfen", "Kernsatz")
        ]


def test_entity_reanalysis_is_one_transaction_per_article(
    imported: Library, finder: ScriptedFinder, monkeypatch: pytest.MonkeyPatch
) -> None:
    with imported.read_session() as session:
        before = session.scalar(select(func.count(Mention.id)))
    recognizer = FakeRecognizer({**FakeRecognizer().names, "Gespräche": "other"})
    analyzer = Reanalyzer(imported, recognizer=recognizer, quote_finder=finder)
    stop = iter([False, True])
    results = analyzer.run([1, 2], entities=True, cancelled=lambda: next(stop))
    assert [r.article_id for r in results] == [1]  # stopped between the two articles
    failing = Reanalyzer(imported, recognizer=recognizer, quote_finder=finder)

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(reanalysis, "replace_quotes", boom)
    with pytest.raises(RuntimeError):
        failing.run([2], entities=True)
    with imported.read_session() as session:
        mentions_2 = session.scalar(select(func.count(Mention.id)).where(Mention.article_id == 2))
        gespraeche = session.scalar(select(func.count(Actor.id)).where(Actor.name == "Gespräche"))
        total = session.scalar(select(func.count(Mention.id)))
    assert mentions_2 == 5 and gespraeche == 0  # article 2 as it was: the failed one rolled back
    assert total == before


def test_entity_reanalysis_removes_orphaned_actors(imported: Library, finder: ScriptedFinder) -> None:
    recognizer = FakeRecognizer({k: v for k, v in FakeRecognizer().names.items() if k != "Nordbund"})
    Reanalyzer(imported, recognizer=recognizer, quote_finder=finder).run([1, 2], entities=True)
    with imported.read_session() as session:
        names = {a.name for a in list_actors(session)}
        assert session.scalar(select(func.count(Actor.id)).where(Actor.name == "Nordbund")) == 0
    assert names == {"Helga Brandtner", "Olaf Kerning", "Valdora"}
    with pytest.raises(NotFoundError):
        Reanalyzer(imported, recognizer=recognizer, quote_finder=finder).run([99], entities=True)


def test_deleting_an_article_takes_its_quotes_and_undo_brings_them_back(imported: Library) -> None:
    from desktop.services.article_removal import remove_article, restore_article

    with imported.read_session() as session:
        first = quote_rows(session, article_id=1)[0]
    reassign_speaker(imported, first.id, actor_id(imported, "Olaf Kerning"))
    before = quotes_of(imported)
    snapshot = remove_article(imported, 1)
    with imported.read_session() as session:
        assert session.scalar(select(func.count(Quote.id))) == 0
        assert session.scalar(select(func.count(QuoteCorrection.id))) == 0
    restore_article(imported, snapshot)
    assert quotes_of(imported) == before
    with imported.read_session() as session:
        assert session.scalar(select(func.count(QuoteCorrection.id))) == 1
        assert session.scalar(select(func.count(Mention.id)).where(Mention.sentence.is_(None))) == 0


def test_cancel_during_quote_finding_stores_nothing_of_that_article(library: Library) -> None:
    stop = {"now": False}

    class Slow(ScriptedFinder):
        def __call__(self, text, language, actors, *, cancelled=lambda: False):  # type: ignore[no-untyped-def]
            stop["now"] = True  # the user presses Cancel while quotes are being found
            assert cancelled()
            return super().__call__(text, language, actors, cancelled=cancelled)[:1]  # a partial result

    documents = [("a", load_text(ARTICLE_1)), ("b", load_text(ARTICLE_2))]
    importer = Importer(library, FakeRecognizer(), quote_finder=Slow())
    assert importer.import_documents(documents, cancelled=lambda: stop["now"]) == []
    with library.read_session() as session:
        assert session.scalar(select(func.count(Article.id))) == 0
        assert session.scalar(select(func.count(Quote.id))) == 0
