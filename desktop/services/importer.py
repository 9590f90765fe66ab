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

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.core.cancel import OperationCancelled
from desktop.core.entities.gazetteer import Gazetteer, default_gazetteer
from desktop.core.entities.recognizer import Recognizer
from desktop.core.filenames import display_path
from desktop.core.ingest import IngestError, iter_input_files, load_text
from desktop.core.quotes import find_quotes
from desktop.core.sentences import SentenceLookup
from desktop.core.textfold import fold
from desktop.core.types import Document, LinkedActor
from desktop.services.analysis import QuoteFinder, insert_quotes
from desktop.services.dto import ImportResult
from desktop.services.import_pipeline import (
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
from desktop.services.resolver import ActorResolver
from desktop.storage.db import Library
from desktop.storage.errors import DiskFullError
from desktop.storage.models import ActorRole, Article, EntityRejection, Mention, utcnow
from desktop.storage.search import index_article

Runner = InlineRunner | PoolRunner

DISK_FULL = "disk full: the article was not stored (free some space and import it again)"
NOT_TRIED = "not imported: the disk is full"

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

log = logging.getLogger(__name__)


def _no_progress(done: int, total: int, label: str) -> None:
    return None


def _never() -> bool:
    return False


STORE_BATCH = 16
"""Articles stored per write transaction: a crash loses at most the unconfirmed articles of one batch."""


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
        with self._library.read_session() as session:
            rejected = frozenset(session.scalars(select(EntityRejection.key)))
        streaming = not isinstance(items, Sequence)
        runner, owned = self._runner(0 if streaming else len(items), rejected, cancelled)
        batch_size = 1 if streaming else self._batch_size
        ahead = 1 if streaming else runner.lookahead + batch_size
        store = _Store(self, self._library)
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
                done = self._take_finished(pending, store, results, progress, total, batch_size)
                if done is _CANCELLED:
                    break
                if done is _DISK_FULL:
                    labels = [s.label for s in pending] + [label for label, _n, _w in source]
                    results.extend(_not_tried(labels))
                    break
                if not done:
                    waiting = [f for f in (s.waiting_on() for s in pending) if f is not None]
                    if waiting:
                        wait(waiting, timeout=0.2, return_when=FIRST_COMPLETED)
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
        if not fresh:
            return
        with self._library.read_session() as session:
            known = _articles_with_hashes(session, [s.document.content_hash for s in fresh if s.document])
        for slot in fresh:
            assert slot.document is not None
            existing = known.get(slot.document.content_hash)
            if existing is not None:
                slot.result = _duplicate(slot.label, existing, slot.document)
            else:
                slot.analysis = runner.analyse(slot.document)

    def _take_finished(
        self,
        pending: deque[_Slot],
        store: _Store,
        results: list[ImportResult],
        progress: Progress,
        total: int,
        batch_size: int,
    ) -> object:
        """Store the finished inputs at the head of the queue, in order; False when none was finished."""
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
            if len(batch) >= batch_size and flush() is _DISK_FULL:
                return _DISK_FULL
        if flush() is _DISK_FULL:
            return _DISK_FULL
        return progressed


_CANCELLED = object()
_DISK_FULL = object()


class _Store:
    """The single writer: stores analysed articles, a batch per transaction."""

    def __init__(self, importer: Importer, library: Library) -> None:
        self._importer = importer
        self._library = library
        self._resolver: ActorResolver | None = None

    def resolver(self) -> ActorResolver:
        """The library's actor index, built on first need (an import without names never loads it)."""
        if self._resolver is None:
            self._resolver = ActorResolver(None, self._importer.gazetteer)
        return self._resolver

    def store(self, batch: Sequence[tuple[str, Analysed]]) -> list[ImportResult]:
        """Store a batch in one transaction; after a failure, each article alone (disk full stops)."""
        started = time.perf_counter()
        try:
            return self._store(batch)
        except (IntegrityError, DiskFullError):
            self._invalidate()
            if len(batch) > 1:
                return self._one_by_one(batch)
            return [self._single_failure(*batch[0])]
        except BaseException:
            self._invalidate()  # actors created in the rolled-back transaction do not exist
            raise
        finally:
            self._importer.seconds["store"] += time.perf_counter() - started

    def _one_by_one(self, batch: Sequence[tuple[str, Analysed]]) -> list[ImportResult]:
        results: list[ImportResult] = []
        for position, item in enumerate(batch):
            results.extend(self.store([item]))
            if results[-1].message == DISK_FULL:
                results.extend(_not_tried(label for label, _a in batch[position + 1 :]))
                break
        return results

    def _single_failure(self, label: str, analysed: Analysed) -> ImportResult:
        try:
            with self._library.read_session() as session:
                existing = _articles_with_hashes(session, [analysed.document.content_hash])
        except DiskFullError:
            existing = {}
        found = existing.get(analysed.document.content_hash)
        if found is not None:  # another import of the same text won a race the lock did not cover
            return _duplicate(label, found, analysed.document)
        try:
            return self._store([(label, analysed)])[0]
        except DiskFullError:
            self._invalidate()
            return ImportResult(label, "error", message=DISK_FULL)

    def _invalidate(self) -> None:
        if self._resolver is not None:
            self._resolver.invalidate()

    def _store(self, batch: Sequence[tuple[str, Analysed]]) -> list[ImportResult]:
        results: list[ImportResult | None] = [None] * len(batch)
        with self._library.session() as session:
            # Writers take turns (BEGIN IMMEDIATE, or an advisory lock on PostgreSQL): from here on
            # the library cannot change under us, so decide duplicates and actors now.
            known = _articles_with_hashes(session, [a.document.content_hash for _l, a in batch])
            first: dict[str, int] = {}  # content hash -> position in the batch of its first copy
            new: list[int] = []
            for position, (label, analysed) in enumerate(batch):
                digest = analysed.document.content_hash
                if digest in known:
                    results[position] = _duplicate(label, known[digest], analysed.document)
                elif digest not in first:
                    first[digest] = position
                    new.append(position)
            if not new:
                return [r for r in results if r is not None]
            rows = [_article_row(batch[p][1]) for p in new]
            ids = list(
                session.scalars(insert(Article).returning(Article.id, sort_by_parameter_order=True), rows)
            )
            resolver: ActorResolver | None = None
            if any(batch[p][1].actors for p in new):
                resolver = self.resolver()
                resolver.refresh(session)
            stored: dict[int, int] = {}
            for position, article_id in zip(new, ids, strict=True):
                label, analysed = batch[position]
                document = analysed.document
                stored[position] = article_id
                index_article(session, article_id, document.title, document.text, fields=analysed.index)
                actor_ids = (
                    store_actors(session, resolver, article_id, analysed.actors, analysed.sentences)
                    if resolver is not None and analysed.actors
                    else []
                )
                insert_quotes(session, article_id, analysed.quotes, actor_ids)
                message = document.warning
                results[position] = ImportResult(
                    label, "imported", article_id, document.title, document.language, message
                )
        for position, (label, analysed) in enumerate(batch):
            if results[position] is None:  # a second copy of a text stored earlier in this batch
                article_id = stored[first[analysed.document.content_hash]]
                results[position] = _duplicate(label, article_id, analysed.document)
        return [r for r in results if r is not None]


def _article_row(analysed: Analysed) -> dict[str, object]:
    document = analysed.document
    return {
        "title": document.title[:500],
        "text": document.text,
        "language": document.language,
        "format": document.format,
        "author": document.author,
        "published": document.published,
        "source_url": document.source_url,
        "outlet": document.outlet,
        "source_path": _absolute(document.path),
        "content_hash": document.content_hash,
        "analysis_version": analysed.analysis_version,
        "imported_at": utcnow(),
    }


def _duplicate(label: str, article_id: int, document: Document) -> ImportResult:
    return ImportResult(
        label,
        "duplicate",
        article_id,
        document.title,
        document.language,
        f"the same text is already in the library as article {article_id}",
    )


def _articles_with_hashes(session: Session, hashes: Sequence[str]) -> dict[str, int]:
    """Ids of the stored articles holding these texts, by content hash."""
    if not hashes:
        return {}
    rows = session.execute(
        select(Article.content_hash, Article.id).where(Article.content_hash.in_(set(hashes)))
    )
    return {digest: int(article_id) for digest, article_id in rows}


def _not_tried(labels: Iterable[str]) -> list[ImportResult]:
    """Results for the inputs left over when the disk filled up."""
    return [ImportResult(label, "error", message=NOT_TRIED) for label in labels]


def store_actors(
    session: Session,
    resolver: ActorResolver,
    article_id: int,
    actors: Sequence[LinkedActor],
    sentences: SentenceLookup,
) -> list[int]:
    """Resolve an article's actors and store their mentions and roles; returns each actor's library id."""
    mentions: list[dict[str, object]] = []
    roles: list[dict[str, object]] = []
    actor_ids: list[int] = []
    for actor in actors:
        actor_id, actor_type = resolver.resolve(session, actor)
        actor_ids.append(actor_id)
        mentions.extend(
            {
                "article_id": article_id,
                "actor_id": actor_id,
                "start": m.start,
                "end": m.end,
                "text": m.text[:300],
                "type": actor_type,
                "sentence": sentences.index(m.start),
            }
            for m in actor.mentions
        )
        roles.extend(
            {"actor_id": actor_id, "article_id": article_id, "role": r[:300]}
            for r in dict.fromkeys(actor.roles)
        )
    resolver.flush(session)  # the new actors and aliases, in bulk, before the rows pointing at them
    if mentions:
        session.execute(insert(Mention), mentions)
    if roles:
        unique = {(r["actor_id"], r["role"]): r for r in roles}
        session.execute(insert(ActorRole), list(unique.values()))
    return actor_ids


def _absolute(path: str | None) -> str | None:
    if not path:
        return None
    try:
        return str(Path(path).resolve())
    except OSError:
        return path


def fold_keys(names: Iterable[str]) -> frozenset[str]:
    """Folded keys of names, as stored for rejections."""
    return frozenset(fold(n.strip()) for n in names)
