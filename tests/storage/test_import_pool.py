"""Imports analysed in worker processes store exactly what an import in one thread stores."""

from __future__ import annotations

import threading
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, ClassVar

import pytest
from sqlalchemy import func, select

from desktop.core.entities.recognizer import NullRecognizer
from desktop.core.ingest import load_text
from desktop.core.quotes import find_quotes
from desktop.services import import_pipeline
from desktop.services.import_pipeline import (
    CHUNK_DOCUMENTS,
    CHUNK_DOCUMENTS_WITHOUT_RECOGNITION,
    GROUP_DOCUMENTS,
    GROUP_DOCUMENTS_WITHOUT_RECOGNITION,
    AnalysisPool,
    AnalysisTools,
    PoolRunner,
)
from desktop.services.import_store import BatchStore
from desktop.services.importer import Importer
from desktop.storage.db import Library, open_library
from desktop.storage.errors import LibraryLockedError
from desktop.storage.models import Actor, ActorAlias, Article, Mention, Quote
from tools.bench_crash import NameRecognizer, synthetic_article


def write_folder(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        (folder / f"bericht-{i:02d}.txt").write_text(synthetic_article(5, i), encoding="utf-8")
    (folder / "kaputt.pdf").write_bytes(b"%PDF-1.4 not really")
    (folder / "bericht-dup.txt").write_text(synthetic_article(5, 0), encoding="utf-8")
    return folder


def contents(library: Library) -> dict[str, object]:
    with library.read_session() as session:
        return {
            "articles": session.execute(
                select(Article.title, Article.content_hash).order_by(Article.id)
            ).all(),
            "actors": sorted(session.execute(select(Actor.name, Actor.type)).all()),
            "aliases": sorted(session.execute(select(ActorAlias.alias, ActorAlias.key)).all()),
            "mentions": session.execute(
                select(Mention.article_id, Mention.start, Mention.end, Mention.sentence).order_by(Mention.id)
            ).all(),
            "quotes": session.scalar(select(func.count(Quote.id))),
        }


def test_a_pool_import_equals_an_import_in_one_thread(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "in", 12)
    with open_library(f"sqlite:///{tmp_path / 'inline.sqlite3'}") as inline:
        expected = Importer(inline, NameRecognizer()).import_paths([folder])
        inline_contents = contents(inline)
    seen: list[tuple[int, int]] = []
    with open_library(f"sqlite:///{tmp_path / 'pool.sqlite3'}") as pooled:
        importer = Importer(pooled, NameRecognizer(), recognizer_factory=NameRecognizer, batch_size=4)
        results = importer.import_paths([folder], progress=lambda done, total, _n: seen.append((done, total)))
        assert contents(pooled) == inline_contents
    assert results == expected
    statuses = [r.status for r in results]
    assert (
        statuses.count("imported") == 12 and statuses.count("duplicate") == 1 and statuses.count("error") == 1
    )
    assert seen[-1] == (14, 14) and [d for d, _t in seen] == sorted(d for d, _t in seen)
    assert importer.seconds["recognition"] > 0  # the analysis ran (in the workers) and was timed


def test_documents_analysed_in_groups_store_what_one_thread_stores(tmp_path: Path) -> None:
    texts = [synthetic_article(7, i) for i in range(11)] + [synthetic_article(7, 3)]  # a duplicate last
    documents = [(f"row {i}", load_text(text, fmt="paste")) for i, text in enumerate(texts)]
    with open_library(f"sqlite:///{tmp_path / 'inline.sqlite3'}") as inline:
        expected = Importer(inline, NameRecognizer()).import_documents(documents)
        inline_contents = contents(inline)
    with open_library(f"sqlite:///{tmp_path / 'pool.sqlite3'}") as pooled:
        importer = Importer(pooled, NameRecognizer(), recognizer_factory=NameRecognizer, batch_size=8)
        assert importer.import_documents(documents) == expected
        assert contents(pooled) == inline_contents
    assert [r.status for r in expected].count("imported") == 11


def _block(release: threading.Event) -> None:
    release.wait(10)


def test_grouped_futures_are_cancelled_or_fail_with_their_task() -> None:
    documents = [load_text(synthetic_article(9, i), fmt="paste") for i in range(5)]  # a group of 4, then 1
    release = threading.Event()
    with ThreadPoolExecutor(1) as executor:
        executor.submit(_block, release)  # the tasks below wait behind this one
        runner = PoolRunner(executor, frozenset(), lookahead=2)
        waiting = runner.analyse_many(documents)
        runner.close()
        release.set()
        assert len(waiting) == 5 and all(f.cancelled() for f in waiting)
        # run here, the tasks find no worker set up: every document's future carries that error
        failing = PoolRunner(executor, frozenset(), lookahead=2).analyse_many(documents)
        for future in failing:
            with pytest.raises(AssertionError, match="worker not initialised"):
                future.result(timeout=10)


def test_a_cancelled_pool_import_stores_whole_articles_only(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "in", 12)
    pool = AnalysisPool(NameRecognizer, find_quotes, workers=2)
    try:
        pool.warm()
        with open_library(f"sqlite:///{tmp_path / 'pool.sqlite3'}") as library:
            done: list[int] = []
            importer = Importer(library, NameRecognizer(), pool=pool, batch_size=2)
            results = importer.import_paths(
                [folder], progress=lambda d, _t, _n: done.append(d), cancelled=lambda: len(done) >= 3
            )
            assert 3 <= len(results) < 14
            with library.read_session() as session:
                stored = set(session.scalars(select(Article.id)))
                with_mentions = set(session.scalars(select(Mention.article_id)))
            assert stored == {r.id for r in results if r.status == "imported"}
            assert with_mentions <= stored and len(with_mentions) == len(stored)  # every article whole
            # the same pool serves the next import, which finishes the folder
            rest = Importer(library, NameRecognizer(), pool=pool).import_paths([folder])
            assert sorted(r.status for r in rest).count("error") == 1
            with library.read_session() as session:
                assert session.scalar(select(func.count(Article.id))) == 12
    finally:
        pool.close()


def test_a_busy_library_is_tried_again_in_smaller_transactions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another writer holding the library past the busy timeout costs time, not the import."""
    folder = write_folder(tmp_path / "in", 6)
    real = BatchStore._store
    busy = {"left": 2}

    def sometimes_busy(self: BatchStore, batch: Any) -> Any:
        if busy["left"]:
            busy["left"] -= 1
            raise LibraryLockedError("The library is busy in another window or program.")
        return real(self, batch)

    monkeypatch.setattr(BatchStore, "_store", sometimes_busy)
    with open_library(f"sqlite:///{tmp_path / 'busy.sqlite3'}") as library:
        results = Importer(library, NameRecognizer()).import_paths([folder])
        with library.read_session() as session:
            assert session.scalar(select(func.count(Article.id))) == 6
    assert [r.status for r in results].count("imported") == 6 and busy["left"] == 0


class _FailOnMarker:
    """Finds nothing; fails on a text with the marker (a recogniser bug on one odd article)."""

    def recognize(self, text: str, language: str) -> list[Any]:
        if "KAPUTT" in text:
            raise RuntimeError("recogniser bug")
        return []


class _HeldExecutor(Executor):
    """Takes tasks and runs none of them until told."""

    def __init__(self) -> None:
        self.tasks: list[Future[Any]] = []
        self.arguments: list[tuple[Any, ...]] = []

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        self.tasks.append(future)
        self.arguments.append(args)
        return future


def test_documents_analysed_in_chunks_get_their_own_result_or_error(monkeypatch: pytest.MonkeyPatch) -> None:
    tools = AnalysisTools(_FailOnMarker(), lambda: pytest.fail("no names"), find_quotes, frozenset())
    monkeypatch.setattr(import_pipeline, "_worker_tools", tools)
    texts = [f"Bericht {i}: Die Lage sei ernst, sagte ein Sprecher." for i in range(40)]
    texts[17] = "KAPUTT " + texts[17]  # 40 documents: chunks of GROUP_DOCUMENTS and the rest
    documents = [load_text(t) for t in texts]
    with ThreadPoolExecutor(2) as executor:
        runner = PoolRunner(executor, frozenset(), lookahead=8, workers=2)
        futures = runner.analyse_many(documents)
        assert len(futures) == 40
        for i, future in enumerate(futures):
            if i == 17:
                with pytest.raises(RuntimeError, match="recogniser bug"):
                    future.result(timeout=30)
            else:
                analysed = future.result(timeout=30)
                assert analysed.document is documents[i] and len(analysed.quotes) == 1


def test_closing_an_import_drops_the_documents_of_queued_chunks() -> None:
    executor = _HeldExecutor()
    runner = PoolRunner(executor, frozenset(), lookahead=8, workers=2, chunk=8, group=4)
    futures = runner.analyse_many([load_text(f"Text {i} mit Wörtern.") for i in range(64)])
    assert len(executor.tasks) == 8  # chunks of at most 8
    for task in executor.tasks[:2]:
        assert task.set_running_or_notify_cancel()  # these two are running: they cannot be cancelled
    runner.close()
    assert all(f.cancelled() for f in futures) and executor.tasks[2].cancelled()
    executor.tasks[0].set_result([RuntimeError("unseen")] * 8)  # a running chunk finishes unseen
    executor.tasks[1].set_exception(BrokenProcessPool("gone"))
    assert all(f.cancelled() for f in futures)


def test_without_recognition_workers_take_longer_chunks() -> None:
    plain = AnalysisPool(NullRecognizer, find_quotes, workers=2)
    recognising = AnalysisPool(NameRecognizer, find_quotes, workers=2)
    try:
        assert (plain.chunk, plain.group) == (
            CHUNK_DOCUMENTS_WITHOUT_RECOGNITION,
            GROUP_DOCUMENTS_WITHOUT_RECOGNITION,
        )
        assert (recognising.chunk, recognising.group) == (CHUNK_DOCUMENTS, GROUP_DOCUMENTS)
    finally:
        plain.close()
        recognising.close()
    documents = [load_text(f"Text {i} mit Wörtern.") for i in range(200)]
    sizes = []
    for chunk, group, count in ((32, 16, 200), (32, 16, 40), (32, 16, 10), (8, 4, 200), (8, 4, 12)):
        executor = _HeldExecutor()
        futures = PoolRunner(
            executor, frozenset(), lookahead=8, workers=2, chunk=chunk, group=group
        ).analyse_many(documents[:count])
        assert len(futures) == count
        sizes.append(len(executor.tasks))
    # 200 in chunks of 25 (four per worker), 40 in chunks of 16, 10 in two of 5 (one per worker, nothing
    # else waits); with at most 8 per chunk 200 in 25
    assert sizes == [8, 3, 2, 25, 3]


def test_documents_are_grouped_while_others_wait_and_shared_out_when_none_do() -> None:
    documents = [load_text(f"Text {i} mit Wörtern.") for i in range(60)]
    executor = _HeldExecutor()
    runner = PoolRunner(executor, frozenset(), lookahead=8, workers=2)  # CHUNK_DOCUMENTS, GROUP_DOCUMENTS
    runner.analyse_many(documents[:20])  # nothing else waits: one task per worker
    assert [len(a[0]) for a in executor.arguments] == [10, 10]
    runner.analyse_many(documents[20:40])  # twenty wait: the next documents go together
    assert [len(a[0]) for a in executor.arguments[2:]] == [GROUP_DOCUMENTS, 20 - GROUP_DOCUMENTS]
    assert CHUNK_DOCUMENTS >= GROUP_DOCUMENTS >= 8


class _WarmCounter:
    """A recogniser that notes the languages it was asked about, and fails when told to."""

    asked: ClassVar[list[str]] = []
    fail = False

    def recognize(self, text: str, language: str) -> list[Any]:
        _WarmCounter.asked.append(language)
        if _WarmCounter.fail:
            raise RuntimeError("model broken")
        return []


def test_a_worker_loads_its_models_while_it_starts_and_survives_a_failing_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.core.entities import bilstm_fused

    monkeypatch.setattr(bilstm_fused, "CACHE_TOKENS", bilstm_fused.CACHE_TOKENS)  # a worker raises it
    monkeypatch.setattr(bilstm_fused, "FEATURE_TOKENS", bilstm_fused.FEATURE_TOKENS)
    monkeypatch.setattr(import_pipeline, "_worker_tools", None)
    monkeypatch.setattr(_WarmCounter, "asked", [])
    frozen: list[bool] = []
    monkeypatch.setattr(import_pipeline.heap, "settle", lambda **_kw: frozen.append(True))  # not here
    import_pipeline._init_worker(_WarmCounter, find_quotes)
    assert sorted(_WarmCounter.asked) == ["de", "en"]  # both shipped languages recognised once
    assert frozen == [True]  # what the worker loaded is left out of full garbage collections
    monkeypatch.setattr(_WarmCounter, "fail", True)
    import_pipeline._init_worker(_WarmCounter, find_quotes)  # no exception: the pool would break
    assert import_pipeline._worker_tools is not None
    with pytest.raises(RuntimeError):
        import_pipeline._worker_analyse(load_text("Die Lage in Wien sei ernst."), frozenset())
