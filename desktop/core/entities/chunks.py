"""Recognising one long text in overlapping chunks, on several cores, with the spans of the whole text.

:func:`plan_chunks` cuts a text at sentence starts into chunks that own consecutive stretches
(together the whole text) and reach ``overlap`` characters beyond them on both sides, so that
the model sees each owned sentence with its neighbours. :func:`merge_chunk_spans` keeps each
chunk's spans that start in its own stretch: a span at a border is found by the chunk owning its
start (the overlap lets it end beyond) and dropped by the neighbour, so it is neither lost nor
doubled. :class:`ChunkedRecognizer` runs a model over the chunks, in worker processes when it is
given a way to build the model there, and honours Cancel between chunks.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import pairwise

from desktop.core.cancel import OperationCancelled, raise_if_cancelled
from desktop.core.entities.recognizer import Recognizer, prepare_ahead, span_order
from desktop.core.sentences import sentence_spans
from desktop.core.types import EntitySpan

CHUNK_CHARS = 100_000  # texts up to this length are recognised in one piece
OVERLAP_CHARS = 2_000  # context on each side of a chunk's own stretch (a few sentences)
# From this length on the chunks go to worker processes: starting them (loading the model in
# each) costs about as much as recognising this much text.
PARALLEL_CHARS = 300_000
IDLE_SECONDS = 120.0  # the workers (about 200 MB each with the German model) stop after this long unused

log = logging.getLogger(__name__)

# The length of the whole document while one chunk of it is recognised: models that decide by
# the text's length (fewer ensemble members for a long text) decide alike for every chunk.
_document_length: ContextVar[int | None] = ContextVar("briefing_reader_document_length", default=None)


@dataclass(frozen=True)
class Chunk:
    """``text[start:end]`` is handed to the model; spans starting in ``[own_start, own_end)`` are kept."""

    start: int
    end: int
    own_start: int
    own_end: int


def document_length(text: str) -> int:
    """Length of the document ``text`` belongs to: the whole text's while a chunk of it is recognised."""
    whole = _document_length.get()
    return max(len(text), whole) if whole is not None else len(text)


@contextmanager
def recognising_chunk_of(length: int) -> Iterator[None]:
    """Within the block, :func:`document_length` answers ``length``."""
    token = _document_length.set(length)
    try:
        yield
    finally:
        _document_length.reset(token)


def plan_chunks(
    text: str,
    size: int = CHUNK_CHARS,
    overlap: int = OVERLAP_CHARS,
    starts: Sequence[int] | None = None,
) -> list[Chunk]:
    """Chunks of about ``size`` own characters, cut only at sentence starts (``starts``, sorted).

    ``starts`` defaults to the sentence starts of :func:`desktop.core.sentences.sentence_spans`.
    Without a sentence start near a cut (one enormous sentence) the chunk grows until the next
    one. A text of at most ``size`` characters is one chunk.
    """
    if len(text) <= size:
        return [Chunk(0, len(text), 0, len(text))]
    cuts = [s for s in (starts if starts is not None else [a for a, _b in sentence_spans(text)]) if s > 0]
    owned: list[int] = [0]  # starts of the own stretches
    i = 0
    while True:
        target = owned[-1] + size
        while i < len(cuts) and cuts[i] < target:
            i += 1
        if i >= len(cuts) or len(text) - cuts[i] < size // 4:
            break  # the rest is short: it stays with the last chunk
        owned.append(cuts[i])
    bounds = [*owned, len(text)]
    chunks = []
    for own_start, own_end in pairwise(bounds):
        start = _cut_at_or_before(cuts, own_start - overlap) if own_start > 0 else 0
        end = _cut_at_or_after(cuts, own_end + overlap, len(text))
        chunks.append(Chunk(start, end, own_start, own_end))
    return chunks


def _cut_at_or_before(cuts: Sequence[int], offset: int) -> int:
    i = bisect_right(cuts, offset)
    return cuts[i - 1] if i > 0 else 0


def _cut_at_or_after(cuts: Sequence[int], offset: int, length: int) -> int:
    i = bisect_left(cuts, offset)
    return cuts[i] if i < len(cuts) else length


def merge_chunk_spans(
    text: str, chunks: Sequence[Chunk], found: Sequence[Sequence[EntitySpan]]
) -> list[EntitySpan]:
    """The spans of the whole text from each chunk's spans (offsets into its own piece)."""
    merged: list[EntitySpan] = []
    for chunk, spans in zip(chunks, found, strict=True):
        for span in spans:
            start, end = span.start + chunk.start, span.end + chunk.start
            if chunk.own_start <= start < chunk.own_end:
                merged.append(EntitySpan(start, end, text[start:end], span.type, span.score))
    return sorted(merged, key=span_order)


# -- the runner --------------------------------------------------------------------------------

_worker_model: Recognizer | None = None


def _start_worker(factory: Callable[[], Recognizer]) -> None:
    global _worker_model
    _worker_model = factory()


def _recognize_in_worker(piece: str, language: str, length: int) -> list[EntitySpan]:
    assert _worker_model is not None
    with recognising_chunk_of(length):
        return _worker_model.recognize(piece, language)


def default_workers() -> int:
    """Worker processes for one long text: the cores this process may use, at most 4."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


class ChunkedRecognizer:
    """Recognises texts longer than ``size`` chunk by chunk (see :func:`plan_chunks`).

    With a ``factory`` (a picklable callable building the same model) and more than one worker,
    the chunks of a text of ``parallel_from`` characters or more are recognised in a pool of
    worker processes, started on the first such text and kept for later ones until none came for
    ``idle_seconds``; otherwise (and in a process that is itself a worker) one after the other in
    this process. Either way the spans are
    those of the whole text, and Cancel takes effect between chunks.
    """

    def __init__(
        self,
        model: Recognizer,
        *,
        factory: Callable[[], Recognizer] | None = None,
        workers: int | None = None,
        size: int = CHUNK_CHARS,
        overlap: int = OVERLAP_CHARS,
        parallel_from: int = PARALLEL_CHARS,
        idle_seconds: float = IDLE_SECONDS,
    ) -> None:
        self._model = model
        self._parallel_from = parallel_from
        self._factory = factory
        self._workers = default_workers() if workers is None else workers
        self._size = size
        self._overlap = overlap
        self._pool: ProcessPoolExecutor | None = None
        self._idle_seconds = idle_seconds
        self._lock = threading.Lock()  # imports on several threads share one pool
        self._users = 0  # recognitions using the pool right now
        self._idle: threading.Timer | None = None  # stops the pool when no long text came for a while

    def prepare(self, texts: Sequence[tuple[str, str]]) -> None:
        """Pass :func:`~desktop.core.entities.recognizer.prepare_ahead` on for texts taken in one piece."""
        prepare_ahead(self._model, [(text, language) for text, language in texts if len(text) <= self._size])

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        """Spans of ``text``: in one piece when it is short, else chunk by chunk."""
        if len(text) <= self._size:
            return self._model.recognize(text, language)
        chunks = plan_chunks(text, self._size, self._overlap)
        pieces = [text[c.start : c.end] for c in chunks]
        pool = self._take_pool() if len(text) >= self._parallel_from and len(chunks) > 1 else None
        if pool is not None:
            try:
                futures = [pool.submit(_recognize_in_worker, piece, language, len(text)) for piece in pieces]
                return merge_chunk_spans(text, chunks, [_result(future, futures) for future in futures])
            except BrokenProcessPool:  # a worker died (out of memory, killed): carry on without workers
                log.warning("the recognition workers stopped; recognising in this process", exc_info=True)
                self._factory = None
            finally:
                self._give_back()
        found = []
        with recognising_chunk_of(len(text)):
            for piece in pieces:
                raise_if_cancelled()
                found.append(self._model.recognize(piece, language))
        return merge_chunk_spans(text, chunks, found)

    def _take_pool(self) -> ProcessPoolExecutor | None:
        """The pool (started on first use), counted as in use until :meth:`_give_back`."""
        with self._lock:
            if self._factory is None or self._workers < 2 or multiprocessing.parent_process() is not None:
                return None  # in a worker (of an import pool) the siblings keep the other cores busy
            if self._idle is not None:
                self._idle.cancel()
                self._idle = None
            if self._pool is None:
                # spawn, not fork: the window's threads (and their locks) must not be copied into a worker
                context = multiprocessing.get_context("spawn")
                self._pool = ProcessPoolExecutor(
                    self._workers, mp_context=context, initializer=_start_worker, initargs=(self._factory,)
                )
                atexit.register(self.close)
            self._users += 1
            return self._pool

    def _give_back(self) -> None:
        """One use of the pool ended; the last one leaves it to stop after a while without work."""
        with self._lock:
            self._users -= 1
            if self._users == 0 and self._pool is not None:
                if self._factory is None:  # broken: stop it now
                    self._idle = threading.Timer(0, self._close_if_idle)
                else:  # the workers hold a model each: free their memory when no long text comes
                    self._idle = threading.Timer(self._idle_seconds, self._close_if_idle)
                self._idle.daemon = True
                self._idle.start()

    def _close_if_idle(self) -> None:
        with self._lock:
            if self._users:
                return
            pool, self._pool, self._idle = self._pool, None, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        """Stop the worker processes (if any were started)."""
        with self._lock:
            pool, self._pool = self._pool, None
            if self._idle is not None:
                self._idle.cancel()
                self._idle = None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _result(
    future: Future[list[EntitySpan]], futures: Sequence[Future[list[EntitySpan]]]
) -> list[EntitySpan]:
    """The future's spans; on Cancel the chunks not yet started are dropped."""
    while True:
        try:
            raise_if_cancelled()
        except OperationCancelled:
            for other in futures:
                other.cancel()
            raise
        try:
            return future.result(timeout=0.2)
        except TimeoutError:
            continue
