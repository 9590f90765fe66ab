"""Importing documents: read, recognise, link, store — a small batch of articles per transaction.

Reading and analysis happen before the write transaction opens (in worker processes for a
large import), so the database is locked only for the bulk inserts of a batch. A crash at
any point leaves each article whole or absent, and every article reported as imported stored.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from desktop.core import heap
from desktop.core.cancel import OperationCancelled
from desktop.core.entities.gazetteer import Gazetteer, default_gazetteer
from desktop.core.entities.recognizer import Recognizer
from desktop.core.filenames import display_path
from desktop.core.ingest import IngestError, iter_input_files, load_text
from desktop.core.quotes import find_quotes
from desktop.core.textfold import fold
from desktop.core.types import Document
from desktop.services.analysis import QuoteFinder
from desktop.services.dto import ImportResult
from desktop.services.import_pipeline import (
    GROUP_DOCUMENTS,
    MIN_POOL_DOCUMENTS,
    Analysed,
    AnalysisPool,
    AnalysisTools,
    InlineRunner,
    PoolRunner,
    ReadFailure,
    RecognizerFactory,
    analyse,
    pool_workers,
)
from desktop.services.import_store import (
    DISK_FULL,
    NOT_TRIED,
    BatchStore,
    articles_with_hashes,
    duplicate_result,
    not_tried,
    store_actors,
)
from desktop.storage.db import Library
from desktop.storage.models import EntityRejection

Runner = InlineRunner | PoolRunner

__all__ = ["DISK_FULL", "NOT_TRIED", "STORE_BATCH", "Importer", "fold_keys", "store_actors"]


Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

log = logging.getLogger(__name__)


def _no_progress(done: int, total: int, label: str) -> None:
    return None


def _never() -> bool:
    return False


FILL_SECONDS = 0.2
"""Longest time finished articles wait for more to fill their transaction (progress shows them after it)."""

STORE_BATCH = 128
"""Most articles stored per write transaction (fewer while transactions are slow, see
:class:`~desktop.services.import_store.BatchStore`): a crash loses at most the unconfirmed articles of
one batch."""


@dataclass
class _Slot:
    """One input on its way through reading, the duplicate check, analysis and storing."""

    label: str
    name: str  # shown in progress
    document: Document | None = None
    read: Future[Document | ReadFailure] | None = None
    analysis: Future[Analysed] | None = None
    result: ImportResult | None = None

    def waiting_on(self) -> Future | None:  # type: ignore[type-arg]
        """The unfinished step of this input, if any."""
        for future in (self.read, self.analysis):
            if future is not None and not future.done():
                return future
        return None


class Importer:
    """Imports documents into a library using an injected recogniser (and quote finder).

    With ``recognizer_factory`` (a picklable callable building the same recogniser), a large
    import reads and analyses in worker processes (:mod:`desktop.services.import_pipeline`)
    while this thread alone writes, in transactions of :data:`STORE_BATCH` articles. ``pool``
    hands in workers that are already running. ``seconds`` adds up where the time went.
    """

    def __init__(
        self,
        library: Library,
        recognizer: Recognizer,
        *,
        gazetteer: Gazetteer | None = None,
        quote_finder: QuoteFinder = find_quotes,
        recognizer_factory: RecognizerFactory | None = None,
        pool: AnalysisPool | None = None,
        batch_size: int = STORE_BATCH,
    ) -> None:
        self._library = library
        self._recognizer = recognizer
        self._gazetteer = gazetteer
        self._quote_finder = quote_finder
        self._factory = recognizer_factory
        self._pool = pool
        self._batch_size = max(1, batch_size)
        self.seconds: dict[str, float] = defaultdict(float)
        self._filling_since: float | None = None  # since when finished articles wait for more

    @property
    def gazetteer(self) -> Gazetteer:
        """Place names and name variants used for linking (loaded on first use)."""
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def import_paths(
        self,
        paths: Sequence[Path],
        *,
        progress: Progress = _no_progress,
        cancelled: Cancelled = _never,
    ) -> list[ImportResult]:
        """Import files and folders (recursively); one result per file found."""
        files = list(iter_input_files(paths))
        items = [(display_path(p), display_path(p.name), p) for p in files]
        results = self._run(items, len(files), progress, cancelled)
        progress(len(results), len(files), "")
        return results

    def import_document(self, document: Document, *, label: str = "-") -> ImportResult:
        """Import one already-read document (stdin, paste, tests)."""
        return self.import_documents([(label, document)])[0]

    def import_documents(
        self,
        documents: Iterable[tuple[str, Document]],
        *,
        progress: Progress = _no_progress,
        cancelled: Cancelled = _never,
    ) -> list[ImportResult]:
        """Import already-read documents.

        A sequence (a list) is stored in batches; any other iterable is consumed one document at
        a time, each stored in its own transaction before the next is taken.
        """
        if isinstance(documents, Sequence):
            return self._run([(label, label, d) for label, d in documents], 0, progress, cancelled)
        return self._run(((label, label, d) for label, d in documents), 0, progress, cancelled)

    def import_text(self, text: str, *, fmt: str = "paste", label: str = "-") -> ImportResult:
        """Import pasted or piped text."""
        try:
            document = load_text(text, fmt=fmt)
        except IngestError as error:
            return ImportResult(label, "error", message=error.message)
        return self.import_document(document, label=label)

    # ----------------------------------------------------------------------- the pipeline

    def _runner(self, count: int, rejected: frozenset[str], cancelled: Cancelled) -> tuple[Runner, bool]:
        """Where reading and analysis run, and whether this import owns a pool it must close."""
        if self._pool is not None:
            return self._pool.runner(rejected), False
        if self._factory is not None and count >= MIN_POOL_DOCUMENTS and pool_workers() > 1:
            self._pool = AnalysisPool(self._factory, self._quote_finder)
            return self._pool.runner(rejected), True
        return InlineRunner(self._inline_tools(rejected), cancelled), False

    def _inline_tools(self, rejected: frozenset[str]) -> AnalysisTools:
        return AnalysisTools(self._recognizer, lambda: self.gazetteer, self._quote_finder, rejected)

    def _run(
        self,
        items: Iterable[tuple[str, str, Path | Document]],
        total: int,
        progress: Progress,
        cancelled: Cancelled,
    ) -> list[ImportResult]:
        # What the process made before (modules, mappings, loaded tables) outlives the import: out of
        # the collector's way while thousands of rows pass (a full collection walked it for 40-85 ms)
        heap.settle()
        with self._library.read_session() as session:
            rejected = frozenset(session.scalars(select(EntityRejection.key)))
        streaming = not isinstance(items, Sequence)
        self._filling_since = None
        runner, owned = self._runner(0 if streaming else len(items), rejected, cancelled)
        batch_size = 1 if streaming else self._batch_size
        # with workers, a second batch is analysed while the writer stores one (else they would wait)
        ahead = (
            1 if streaming else runner.lookahead + batch_size * (2 if isinstance(runner, PoolRunner) else 1)
        )
        store = BatchStore(self._library, lambda: self.gazetteer, self.seconds, batch_size=batch_size)
        pending: deque[_Slot] = deque()
        results: list[ImportResult] = []
        source = iter(items)
        exhausted = False
        try:
            while not cancelled():
                while not exhausted and len(pending) < ahead:
                    try:
                        label, name, what = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    slot = _Slot(label, name)
                    if isinstance(what, Document):
                        slot.document = what
                    else:
                        slot.read = runner.read(what)
                    pending.append(slot)
                if not pending:
                    break
                self._advance(pending, runner)
                done = self._take_finished(pending, store, results, progress, total)
                if done is _CANCELLED:
                    break
                if done is _DISK_FULL:
                    labels = [s.label for s in pending] + [label for label, _n, _w in source]
                    results.extend(not_tried(labels))
                    break
                if not done:
                    waiting = [f for f in (s.waiting_on() for s in pending) if f is not None]
                    if waiting:
                        wait(waiting, timeout=FILL_SECONDS, return_when=FIRST_COMPLETED)
        finally:
            runner.close()
            if owned and self._pool is not None:
                self._pool.close(wait=not cancelled())
                self._pool = None
        return results

    def _advance(self, pending: deque[_Slot], runner: Runner) -> None:
        """Move finished reads on; check new documents for duplicates (one query) and start their analysis."""
        for slot in pending:
            if slot.read is not None and slot.document is None and slot.result is None and slot.read.done():
                read = slot.read.result()
                if isinstance(read, ReadFailure):
                    slot.result = ImportResult(slot.label, "error", message=read.message)
                else:
                    slot.document = read
        fresh = [s for s in pending if s.document is not None and s.analysis is None and s.result is None]
        reading = any(s.read is not None and s.document is None and s.result is None for s in pending)
        if not fresh or (reading and len(fresh) < GROUP_DOCUMENTS):
            return  # more documents are being read: they are analysed together (see GROUP_DOCUMENTS)
        with self._library.read_session() as session:
            known = articles_with_hashes(session, [s.document.content_hash for s in fresh if s.document])
        new: list[tuple[_Slot, Document]] = []
        for slot in fresh:
            assert slot.document is not None
            existing = known.get(slot.document.content_hash)
            if existing is not None:
                slot.result = duplicate_result(slot.label, existing, slot.document)
            else:
                new.append((slot, slot.document))
        for (slot, _document), future in zip(new, runner.analyse_many([d for _s, d in new]), strict=True):
            slot.analysis = future

    def _take_finished(
        self,
        pending: deque[_Slot],
        store: BatchStore,
        results: list[ImportResult],
        progress: Progress,
        total: int,
    ) -> object:
        """Store the finished inputs at the head of the queue, in order; False when none was stored."""
        if self._filling(pending, store.batch_size):
            return False
        batch: list[tuple[_Slot, Analysed]] = []
        progressed = False

        def flush() -> object:
            if not batch:
                return True
            stored = store.store([(slot.label, analysed) for slot, analysed in batch])
            results.extend(stored)
            progress(len(results), total, batch[-1][0].name)
            batch.clear()
            return _DISK_FULL if any(r.message == DISK_FULL for r in stored) else True

        while pending:
            slot = pending[0]
            if slot.result is not None:
                if flush() is _DISK_FULL:
                    return _DISK_FULL
                pending.popleft()
                results.append(slot.result)
                progress(len(results), total, slot.name)
                progressed = True
                continue
            if slot.analysis is None or not slot.analysis.done():
                break
            try:
                analysed = slot.analysis.result()
            except OperationCancelled:
                return _CANCELLED  # nothing of this article is stored
            except BrokenProcessPool:
                tools = AnalysisTools(
                    self._recognizer, lambda: self.gazetteer, self._quote_finder, frozenset()
                )
                assert slot.document is not None
                analysed = analyse(slot.document, tools)
            pending.popleft()
            for key, value in analysed.seconds.items():
                self.seconds[key] += value
            batch.append((slot, analysed))
            progressed = True
            if len(batch) >= store.batch_size and flush() is _DISK_FULL:
                return _DISK_FULL
        if flush() is _DISK_FULL:
            return _DISK_FULL
        return progressed

    def _filling(self, pending: deque[_Slot], batch_size: int) -> bool:
        """True while fewer finished inputs than a batch wait at the head and more are on their way.

        Holding them for up to :data:`FILL_SECONDS` lets workers fill the next transaction: many
        small transactions cost a commit (and a full-text index segment) each.
        """
        ready = 0
        for slot in pending:
            if slot.result is None and (slot.analysis is None or not slot.analysis.done()):
                break
            ready += 1
        else:
            ready = 0  # everything in the queue is finished: store it now
        if not 0 < ready < batch_size:
            self._filling_since = None
            return False
        now = time.perf_counter()
        if self._filling_since is None:
            self._filling_since = now
        if now - self._filling_since < FILL_SECONDS:
            return True
        self._filling_since = None
        return False


_CANCELLED = object()
_DISK_FULL = object()


def fold_keys(names: Iterable[str]) -> frozenset[str]:
    """Folded keys of names, as stored for rejections."""
    return frozenset(fold(n.strip()) for n in names)
