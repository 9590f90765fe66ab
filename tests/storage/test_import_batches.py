"""A batch of articles stored in a few statements: each article keeps its own id, text, index entry,
quotes and mentions; version candidates; filling a transaction; the pause between transactions."""

from __future__ import annotations

import dataclasses
import string
from collections import defaultdict
from concurrent.futures import Future
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.core.entities.recognizer import NullRecognizer
from desktop.core.ingest import load_text
from desktop.core.quotes import find_quotes
from desktop.core.types import Document
from desktop.services.import_pipeline import AnalysisTools, analyse
from desktop.services.import_store import YIELD_SECONDS, BatchStore
from desktop.services.importer import FILL_SECONDS, Importer, _Slot
from desktop.services.versions import may_have_previous_versions
from desktop.storage.db import Library
from desktop.storage.models import Article, Mention, Quote
from desktop.storage.search import IndexEntry, index_articles, search_articles
from tools.bench_crash import NameRecognizer, synthetic_article


def keyword(index: int) -> str:
    """A made-up word that occurs in one article only and that no stemmer shortens ("stichwortbax", ...)."""
    letters = string.ascii_lowercase
    return "stichwort" + letters[index // 26 + 1] + letters[index % 26] + "x"


def documents(count: int) -> list[Document]:
    return [
        load_text(
            synthetic_article(7, i)
            + f"\n„Das {keyword(i)} steht nur hier“, sagte Karla Wendt am Abend in der Stadt.\n"
        )
        for i in range(count)
    ]


def test_a_batch_keeps_each_articles_id_text_index_quotes_and_mentions(library: Library) -> None:
    docs = documents(40)
    importer = Importer(library, NameRecognizer(), batch_size=64)
    results = importer.import_documents([(f"doc {i}", d) for i, d in enumerate(docs)])
    assert [r.status for r in results] == ["imported"] * len(docs)
    tools = AnalysisTools(NameRecognizer(), lambda: importer.gazetteer, find_quotes, frozenset())
    with library.read_session() as session:
        for index, (document, result) in enumerate(zip(docs, results, strict=True)):
            article = session.get(Article, result.id)
            assert article is not None and article.text == document.text
            assert article.content_hash == document.content_hash
            assert [hit.id for hit in search_articles(session, keyword(index))] == [result.id]
            expected = analyse(document, tools)
            quotes = session.execute(
                select(Quote.start, Quote.end, Quote.kind)
                .where(Quote.article_id == article.id)
                .order_by(Quote.start)
            ).all()
            assert quotes == sorted((q.start, q.end, q.kind) for q in expected.quotes)
            mentions = session.scalars(select(Mention.text).where(Mention.article_id == article.id)).all()
            assert sorted(mentions) == sorted(m.text for a in expected.actors for m in a.mentions)
    assert all(analyse(d, tools).quotes for d in docs[:5])  # the comparison above covered quotes


def test_indexing_a_batch_replaces_earlier_entries(library: Library) -> None:
    docs = documents(3)
    results = Importer(library, NameRecognizer()).import_documents([(str(i), d) for i, d in enumerate(docs)])
    first = results[0].id
    assert first is not None
    with library.session() as session:
        index_articles(session, [IndexEntry(first, "Neuer Titel", "Ganz anderer Inhalt: Leuchtturm.", "de")])
    with library.read_session() as session:
        assert [hit.id for hit in search_articles(session, "Leuchtturm")] == [first]
        assert search_articles(session, keyword(0)) == []
        assert [hit.id for hit in search_articles(session, keyword(1))] == [results[1].id]


def test_version_candidates_are_found_by_url_file_or_title_and_outlet(
    library: Library, tmp_path: Path
) -> None:
    source = tmp_path / "bericht.txt"
    source.write_text("x", encoding="utf-8")
    base = documents(6)
    stored = [
        dataclasses.replace(base[0], source_url="https://example.org/a"),
        dataclasses.replace(base[1], path=str(source)),
        dataclasses.replace(base[2], title="Haushalt beschlossen", outlet="Stadtblatt"),
    ]
    Importer(library, NameRecognizer()).import_documents([(str(i), d) for i, d in enumerate(stored)])
    new = documents(12)[6:]
    asked = [
        dataclasses.replace(new[0], source_url="https://example.org/a"),
        dataclasses.replace(new[1], path=str(source)),
        dataclasses.replace(new[2], title="Haushalt beschlossen", outlet="Stadtblatt"),
        dataclasses.replace(new[3], title="Haushalt beschlossen", outlet="Anderes Blatt"),
        dataclasses.replace(new[4], source_url="https://example.org/b"),
        new[5],
    ]
    with library.read_session() as session:
        assert may_have_previous_versions(session, asked) == [True, True, True, False, False, False]


def _slot(done: bool) -> _Slot:
    slot = _Slot("label", "name", document=documents(1)[0])
    slot.analysis = Future()
    if done:
        slot.analysis.set_result(None)
    return slot


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def perf_counter(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_finished_articles_wait_briefly_for_more_to_fill_a_transaction(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    monkeypatch.setattr("desktop.services.importer.time", clock)
    importer = Importer(library, NameRecognizer())
    ready_then_running = [_slot(True), _slot(True), _slot(False), _slot(True)]
    assert importer._filling(ready_then_running, batch_size=8)  # two finished, more on their way
    clock.now += FILL_SECONDS / 2
    assert importer._filling(ready_then_running, batch_size=8)
    clock.now += FILL_SECONDS
    assert not importer._filling(ready_then_running, batch_size=8)  # waited long enough: store them
    assert not importer._filling(ready_then_running, batch_size=2)  # a full batch is stored at once
    assert not importer._filling([_slot(True), _slot(True)], batch_size=8)  # nothing more is coming
    assert not importer._filling([_slot(False), _slot(True)], batch_size=8)  # nothing to store yet


def test_the_pause_between_write_transactions_counts_the_writers_other_work(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    monkeypatch.setattr("desktop.services.import_store.time", clock)
    store = BatchStore(library, lambda: pytest.fail("no names"), defaultdict(float), batch_size=8)
    tools = AnalysisTools(NullRecognizer(), lambda: pytest.fail("no names"), find_quotes, frozenset())
    batches = [[(str(i), analyse(d, tools))] for i, d in enumerate(documents(4))]
    store.store(batches[0])
    assert clock.slept == []  # the first transaction waits for nobody
    store.store(batches[1])  # at once: the whole pause
    assert clock.slept == [pytest.approx(YIELD_SECONDS)]
    clock.now += YIELD_SECONDS / 4  # collecting the next batch took a quarter of it
    store.store(batches[2])
    assert clock.slept[1:] == [pytest.approx(YIELD_SECONDS * 3 / 4)]
    clock.now += YIELD_SECONDS * 2  # waiting for workers took longer than the pause
    store.store(batches[3])
    assert len(clock.slept) == 2
    with library.read_session() as session:
        assert len(session.scalars(select(Article.id)).all()) == 4


def test_a_batch_stores_mentions_of_shared_actors_before_a_new_version_drops_actors(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "bericht.txt"
    old.write_text("Der Hafen\n\nHeute sprach Karla Wendt in Weissfeld über den Hafen.\n", encoding="utf-8")
    importer = Importer(library, NameRecognizer(), batch_size=8)
    [first] = importer.import_paths([old])
    # one batch: the stored article's new version no longer names Karla Wendt, a new article does
    old.write_text("Der Hafen\n\nHeute sprach niemand in Weissfeld über den Hafen.\n", encoding="utf-8")
    other = tmp_path / "zweiter.txt"
    other.write_text("Karla Wendt und Jonas Pfeiffer besuchten Weissfeld am Morgen.\n", encoding="utf-8")
    monkeypatch.setattr(BatchStore, "_one_by_one", lambda *_a: pytest.fail("the batch failed"))
    results = importer.import_paths([old, other])
    assert sorted(r.status for r in results) == ["imported", "updated"]
    second = next(r.id for r in results if r.status == "imported")
    with library.read_session() as session:
        named = session.execute(
            select(Mention.article_id, Mention.text).order_by(Mention.article_id, Mention.start)
        ).all()
    assert named == [
        (first.id, "Weissfeld"),
        (second, "Karla Wendt"),
        (second, "Jonas Pfeiffer"),
        (second, "Weissfeld"),
    ]
