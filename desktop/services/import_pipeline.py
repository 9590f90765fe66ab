"""Reading and analysing documents for import: in this thread, or in a pool of worker processes.

Analysis (recognition, linking, quotes, sentences, the search index's folded text and stems) is
pure CPU work on one document, so it runs in worker processes when the import is large enough,
while the importer's single writer stores what they return. Workers are started with ``spawn``
(safe beside Qt's threads) and build their recogniser once, from a picklable factory.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from desktop.core import heap
from desktop.core.cancel import OperationCancelled, cancel_scope
from desktop.core.entities.gazetteer import Gazetteer, default_gazetteer
from desktop.core.entities.linking import link_mentions
from desktop.core.entities.own_outlet import own_outlet_keys
from desktop.core.entities.recognizer import NullRecognizer, Recognizer, prepare_ahead
from desktop.core.filenames import display_path
from desktop.core.ingest import IngestError, load_path, load_text
from desktop.core.sentences import SentenceLookup, sentence_spans
from desktop.core.types import Document, FoundQuote, LinkedActor
from desktop.services.analysis import QuoteFinder, run_quote_finder
from desktop.storage.search import IndexFields, index_fields

log = logging.getLogger(__name__)

MIN_POOL_DOCUMENTS = 8
"""Fewer documents are analysed in the importing thread (starting workers costs a model load)."""

CHUNK_DOCUMENTS = 32
"""Most documents a worker analyses in one task (see :meth:`PoolRunner.analyse_many`)."""

CHUNK_DOCUMENTS_WITHOUT_RECOGNITION = 32
"""The same without recognition, where a document takes a millisecond or two: shorter tasks leave the
workers waiting for the importing process to hand them the next one while it stores."""

GROUP_DOCUMENTS_WITHOUT_RECOGNITION = 16
"""Fewest documents per task without recognition where as many wait (see :data:`GROUP_DOCUMENTS`)."""


def pool_workers() -> int:
    """Worker processes for a large import: one per core, at most two (the writer needs little)."""
    return max(1, min(2, os.cpu_count() or 1))


@dataclass
class Analysed:
    """A document with everything its storing needs; computed off the writer."""

    document: Document
    actors: list[LinkedActor]
    quotes: list[FoundQuote]
    analysis_version: int
    sentences: SentenceLookup
    index: IndexFields
    seconds: dict[str, float] = field(default_factory=dict)  # recognition, quotes: for benchmarks


@dataclass
class ReadFailure:
    """A file that could not be read, with the sentence for the user."""

    message: str


@dataclass
class AnalysisTools:
    """What analysing a document needs."""

    recognizer: Recognizer
    gazetteer: Callable[[], Gazetteer]
    quote_finder: QuoteFinder
    rejected: frozenset[str]


def read_input(path: Path) -> Document | ReadFailure:
    """Read one file; a failure becomes a one-sentence message, never an exception."""
    try:
        return load_path(path)
    except IngestError as error:
        return ReadFailure(error.message)
    except Exception as error:  # a reader bug on one odd file must not stop the others
        log.debug("reading %s failed", display_path(path), exc_info=True)  # never a traceback on stderr
        return ReadFailure(f"The file could not be read (unexpected {type(error).__name__}); it was skipped.")


def analyse(document: Document, tools: AnalysisTools) -> Analysed:
    """Recognise, link, find quotes and prepare the search index entry of one document."""
    started = time.perf_counter()
    spans = tools.recognizer.recognize(document.text, document.language)
    recognised = time.perf_counter()
    actors = (
        link_mentions(
            document.text,
            document.language,
            spans,
            rejected=tools.rejected,
            gazetteer=tools.gazetteer(),
            own_outlet=own_outlet_keys(document.outlet, document.source_url),
        )
        if spans
        else []
    )
    linked = time.perf_counter()
    quotes, version = run_quote_finder(tools.quote_finder, document.text, document.language, actors)
    quoted = time.perf_counter()
    sentences = SentenceLookup(sentence_spans(document.text) if actors else ())  # for mentions only
    fields = index_fields(document.title, document.text, document.language)
    seconds = {
        "recognition": recognised - started,
        "linking": linked - recognised,
        "quotes": quoted - linked,
    }
    return Analysed(document, actors, quotes, version, sentences, fields, seconds)


# --------------------------------------------------------------------------- runners


class InlineRunner:
    """Runs each step at once in the calling thread (small imports, tests, injected recognisers)."""

    def __init__(self, tools: AnalysisTools, cancelled: Callable[[], bool]) -> None:
        self._tools = tools
        self._cancelled = cancelled
        self.lookahead = 1

    def read(self, path: Path) -> Future[Document | ReadFailure]:
        """Read now."""
        return _done(lambda: read_input(path))

    def analyse(self, document: Document) -> Future[Analysed]:
        """Analyse now; the user's cancel reaches into recognition and quote finding."""

        def run() -> Analysed:
            raise_if_cancelled_now(self._cancelled)
            with cancel_scope(self._cancelled):
                return analyse(document, self._tools)

        return _done(run)

    def analyse_many(self, documents: Sequence[Document]) -> list[Future[Analysed]]:
        """Analyse each now, in order."""
        return [self.analyse(document) for document in documents]

    def close(self) -> None:
        """Nothing to release."""


def raise_if_cancelled_now(cancelled: Callable[[], bool]) -> None:
    """Raise :class:`OperationCancelled` when the user has cancelled (before starting more work)."""
    if cancelled():
        raise OperationCancelled


def _done(fn: Callable[[], object]) -> Future:  # type: ignore[type-arg]
    future: Future[object] = Future()
    try:
        future.set_result(fn())
    except BaseException as error:  # delivered to whoever asks for the result
        future.set_exception(error)
    return future


RecognizerFactory = Callable[[], Recognizer]
"""Builds the recogniser in a worker process: must be picklable (a module-level function or partial)."""

_worker_tools: AnalysisTools | None = None


GROUP_DOCUMENTS = 16
"""Fewest documents a worker analyses per task where as many wait: their sentences are tagged together (see
:func:`~desktop.core.entities.recognizer.prepare_ahead`), which costs less per article (sorted by length,
more sentences fill batches of more equal length: tagging 10kGNAD articles took about 10% less time per
article 16 or 32 at a time than 4 at a time, the tags the same)."""

WORKER_CACHE_TOKENS = 4096
"""Tokens whose first-layer projections a worker keeps across the articles it tags (about 52 MB)."""

WORKER_FEATURE_TOKENS = 32768
"""Tokens whose input features a worker keeps besides (about 55 MB): a third of the tokens whose
projections were not kept had been seen before (10kGNAD), and need no floret vector or character CNN."""


def _init_worker(factory: RecognizerFactory, quote_finder: QuoteFinder) -> None:
    global _worker_tools
    from desktop.core.entities import bilstm_fused  # here: numpy is not imported with this module

    bilstm_fused.CACHE_TOKENS = WORKER_CACHE_TOKENS
    bilstm_fused.FEATURE_TOKENS = WORKER_FEATURE_TOKENS
    gazetteer = default_gazetteer()
    _worker_tools = AnalysisTools(factory(), lambda: gazetteer, quote_finder, frozenset())
    for text in _WARM_TEXTS:  # load the models, word lists and stemmers now, not with the first articles
        try:
            analyse(load_text(text), _worker_tools)
        except Exception:  # a failing initialiser would break the whole pool: the articles report it instead
            log.debug("warming an import worker failed", exc_info=True)
    # the models, word lists and gazetteer stay for the worker's life: full collections skip them
    heap.settle(collect=True)


_WARM_TEXTS = (
    "Die Lage in Wien sei ernst, sagte Bundeskanzler Karl Nehammer.",
    "The situation in London is serious, Prime Minister Keir Starmer said.",
)


def _worker_analyse(document: Document, rejected: frozenset[str]) -> Analysed:
    assert _worker_tools is not None, "worker not initialised"
    _worker_tools.rejected = rejected
    return analyse(document, _worker_tools)


def _worker_analyse_many(documents: list[Document], rejected: frozenset[str]) -> list[Analysed | Exception]:
    """Each document's analysis, or the error analysing it raised (the others still count).

    Their sentences are first recognised together (:func:`prepare_ahead`), which costs less per
    article than one document at a time; each document's share of that time counts as its recognition.
    """
    assert _worker_tools is not None, "worker not initialised"
    _worker_tools.rejected = rejected
    started = time.perf_counter()
    prepare_ahead(_worker_tools.recognizer, [(d.text, d.language) for d in documents])
    share = (time.perf_counter() - started) / len(documents)
    results: list[Analysed | Exception] = []
    for document in documents:
        try:
            result = _worker_analyse(document, rejected)
        except Exception as error:  # delivered to that document's future
            results.append(error)
            continue
        result.seconds["recognition"] = result.seconds.get("recognition", 0.0) + share
        results.append(result)
    return results


def _worker_cpu() -> tuple[int, float]:
    time.sleep(0.2)  # long enough that each worker takes one of the requests
    return os.getpid(), time.process_time()


class AnalysisPool:
    """Worker processes that read and analyse; models are loaded once per worker.

    An importer makes one per large import; a caller importing many times (a benchmark) may
    make one, :meth:`warm` it and hand it to each import.
    """

    def __init__(
        self, factory: RecognizerFactory, quote_finder: QuoteFinder, *, workers: int | None = None
    ) -> None:
        self.workers = workers or pool_workers()
        plain = factory is NullRecognizer
        self.chunk = CHUNK_DOCUMENTS_WITHOUT_RECOGNITION if plain else CHUNK_DOCUMENTS
        self.group = GROUP_DOCUMENTS_WITHOUT_RECOGNITION if plain else GROUP_DOCUMENTS
        self._executor: Executor = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(factory, quote_finder),
        )

    def warm(self) -> None:
        """Start every worker and load its models now."""
        self.cpu_seconds()

    def cpu_seconds(self) -> dict[int, float]:
        """CPU seconds each worker has used so far, by process id (for benchmarks)."""
        futures = [self._executor.submit(_worker_cpu) for _ in range(self.workers * 2)]
        seen: dict[int, float] = {}
        for future in futures:
            pid, seconds = future.result()
            seen[pid] = max(seen.get(pid, 0.0), seconds)
        return seen

    def runner(self, rejected: frozenset[str]) -> PoolRunner:
        """A runner for one import with the library's rejected names."""
        return PoolRunner(
            self._executor,
            rejected,
            lookahead=4 * self.workers,
            workers=self.workers,
            chunk=self.chunk,
            group=self.group,
        )

    def close(self, *, wait: bool = True) -> None:
        """Stop the workers (without waiting for queued work nobody will store when ``wait`` is False)."""
        self._executor.shutdown(wait=wait, cancel_futures=True)


class PoolRunner:
    """One import's use of an :class:`AnalysisPool`."""

    def __init__(
        self,
        executor: Executor,
        rejected: frozenset[str],
        *,
        lookahead: int,
        workers: int = 1,
        chunk: int = CHUNK_DOCUMENTS,
        group: int = GROUP_DOCUMENTS,
    ) -> None:
        self._executor = executor
        self._chunk = max(1, chunk)
        self._group = min(max(1, group), self._chunk)
        self._rejected = rejected
        self._workers = max(1, workers)
        self.lookahead = lookahead
        self._submitted: list[Future] = []  # type: ignore[type-arg]

    def read(self, path: Path) -> Future[Document | ReadFailure]:
        """Read in a worker."""
        return self._track(self._executor.submit(read_input, path))

    def analyse(self, document: Document) -> Future[Analysed]:
        """Analyse in a worker."""
        return self._track(self._executor.submit(_worker_analyse, document, self._rejected))

    def analyse_many(self, documents: Sequence[Document]) -> list[Future[Analysed]]:
        """Analyse in workers, up to ``chunk`` (:data:`CHUNK_DOCUMENTS`) per task; one future per document.

        Handing documents over in chunks saves most of the cost of a task (pickling, queues, waking
        threads), which without recognition is a good part of an article's analysis.
        """
        # at least four tasks per worker, so that no worker is left with a long last chunk, but
        # GROUP_DOCUMENTS together where there are as many (recognised together, see above); fewer
        # where that would leave a worker idle (a small import, nothing else of it waiting)
        waiting = sum(not f.done() for f in self._submitted)
        share = max(1, -(-(len(documents) + waiting) // self._workers))
        size = min(self._chunk, max(min(self._group, share), -(-len(documents) // (4 * self._workers))))
        futures: list[Future[Analysed]] = []
        for start in range(0, len(documents), size):
            chunk = list(documents[start : start + size])
            if len(chunk) == 1:
                futures.append(self.analyse(chunk[0]))
                continue
            parts: list[Future[Analysed]] = [Future() for _ in chunk]
            task = self._track(self._executor.submit(_worker_analyse_many, chunk, self._rejected))
            task.add_done_callback(partial(_deliver, parts))
            self._submitted.extend(parts)
            futures.extend(parts)
        return futures

    def _track(self, future: Future) -> Future:  # type: ignore[type-arg]
        self._submitted = [f for f in self._submitted if not f.done()]
        self._submitted.append(future)
        return future

    def close(self) -> None:
        """Drop queued work of this import (work already running finishes unseen)."""
        for future in self._submitted:
            future.cancel()
        self._submitted = []


def _deliver(parts: list[Future[Analysed]], task: Future[list[Analysed | Exception]]) -> None:
    """Hand a chunk's results (or its failure) to the futures of its documents."""
    if task.cancelled():
        for part in parts:
            part.cancel()
        return
    error = task.exception()
    results: list[Analysed | Exception] = [error] * len(parts) if error is not None else task.result()
    for part, result in zip(parts, results, strict=True):
        if not part.set_running_or_notify_cancel():
            continue  # the import was closed: nobody waits for this one
        if isinstance(result, BaseException):
            part.set_exception(result)
        else:
            part.set_result(result)
