"""Importing documents: read, recognise, link, store — one transaction per document.

Reading and recognition happen before the write transaction opens, so the database
is locked only for the few milliseconds of the bulk inserts. A crash at any point
leaves either the whole article or nothing.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.core.cancel import OperationCancelled, cancel_scope
from desktop.core.entities.gazetteer import Gazetteer, default_gazetteer
from desktop.core.entities.linking import link_mentions, own_outlet_keys
from desktop.core.entities.recognizer import Recognizer
from desktop.core.filenames import display_path
from desktop.core.ingest import IngestError, iter_input_files, load_path, load_text
from desktop.core.quotes import find_quotes
from desktop.core.sentences import SentenceLookup, sentence_spans
from desktop.core.textfold import fold
from desktop.core.types import Document, FoundQuote, LinkedActor
from desktop.services import versions
from desktop.services.analysis import QuoteFinder, insert_quotes, replace_quotes, run_quote_finder
from desktop.services.dto import ImportResult
from desktop.services.resolver import ActorResolver
from desktop.storage.db import Library
from desktop.storage.errors import DiskFullError
from desktop.storage.models import ActorRole, Article, EntityRejection, Mention
from desktop.storage.search import index_article

DISK_FULL = "disk full: the article was not stored (free some space and import it again)"
NOT_TRIED = "not imported: the disk is full"

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

log = logging.getLogger(__name__)


def _no_progress(done: int, total: int, label: str) -> None:
    return None


def _never() -> bool:
    return False


class Importer:
    """Imports documents into a library using an injected recogniser (and quote finder)."""

    def __init__(
        self,
        library: Library,
        recognizer: Recognizer,
        *,
        gazetteer: Gazetteer | None = None,
        quote_finder: QuoteFinder = find_quotes,
    ) -> None:
        self._library = library
        self._recognizer = recognizer
        self._gazetteer = gazetteer
        self._quote_finder = quote_finder

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
        results: list[ImportResult] = []
        with self._library.read_session() as session:
            resolver = ActorResolver(session, self.gazetteer)
            rejected = self._rejected(session)
        for index, path in enumerate(files):
            if cancelled():
                break
            shown = display_path(path)
            progress(index, len(files), display_path(path.name))
            try:
                document = load_path(path)
            except IngestError as error:
                results.append(ImportResult(shown, "error", message=error.message))
                continue
            except Exception as error:  # a reader bug on one odd file must not stop the others
                log.debug("reading %s failed", shown, exc_info=True)  # never a traceback on stderr
                message = f"The file could not be read (unexpected {type(error).__name__}); it was skipped."
                results.append(ImportResult(shown, "error", message=message))
                continue
            result = self._store_cancellable(document, shown, resolver, rejected, cancelled)
            if result is None:
                break
            results.append(result)
            if result.message == DISK_FULL:
                results.extend(_not_tried(display_path(p) for p in files[index + 1 :]))
                break
        progress(len(results), len(files), "")
        return results

    def _store_cancellable(
        self,
        document: Document,
        label: str,
        resolver: ActorResolver,
        rejected: frozenset[str],
        cancelled: Cancelled,
    ) -> ImportResult | None:
        """Store one document; None when the user cancelled during its recognition (nothing stored)."""
        try:
            with cancel_scope(cancelled):
                result = self._store(document, label, resolver, rejected)
        except OperationCancelled:
            return None
        except DiskFullError:
            return ImportResult(label, "error", message=DISK_FULL)
        if document.warning and result.status == "imported" and not result.message:
            result = dataclasses.replace(result, message=document.warning)
        return result

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
        """Import already-read documents as one batch (one transaction each)."""
        with self._library.read_session() as session:
            resolver = ActorResolver(session, self.gazetteer)
            rejected = self._rejected(session)
        results = []
        items = iter(documents)
        for index, (label, document) in enumerate(items):
            if cancelled():
                break
            progress(index, 0, label)
            result = self._store_cancellable(document, label, resolver, rejected, cancelled)
            if result is None:
                break
            results.append(result)
            if result.message == DISK_FULL:
                results.extend(_not_tried(label for label, _document in items))
                break
        return results

    def import_text(self, text: str, *, fmt: str = "paste", label: str = "-") -> ImportResult:
        """Import pasted or piped text."""
        try:
            document = load_text(text, fmt=fmt)
        except IngestError as error:
            return ImportResult(label, "error", message=error.message)
        return self.import_document(document, label=label)

    @staticmethod
    def _rejected(session: Session) -> frozenset[str]:
        return frozenset(session.scalars(select(EntityRejection.key)))

    def _store(
        self, document: Document, label: str, resolver: ActorResolver, rejected: frozenset[str]
    ) -> ImportResult:
        with self._library.read_session() as session:
            existing = _article_with_text(session, document)
        if existing is not None:
            return self._duplicate(label, existing, document)
        spans = self._recognizer.recognize(document.text, document.language)
        actors = link_mentions(
            document.text,
            document.language,
            spans,
            rejected=rejected,
            gazetteer=self.gazetteer,
            own_outlet=own_outlet_keys(document.outlet, document.source_url),
        )
        quotes, analysis_version = run_quote_finder(
            self._quote_finder, document.text, document.language, actors
        )
        sentences = SentenceLookup(sentence_spans(document.text))
        try:
            with self._library.session() as session:
                # Writers take turns (BEGIN IMMEDIATE, or an advisory lock on PostgreSQL): from here on
                # the library cannot change under us, so decide duplicates and actors now.
                existing = _article_with_text(session, document)
                if existing is not None:
                    return self._duplicate(label, existing, document)
                resolver.refresh(session)
                previous = versions.previous_version_of(session, document)
                if previous is not None:  # a changed copy of a stored article: its next version
                    return self._store_version(session, label, previous, document, resolver, actors, quotes)
                article_id = int(
                    session.execute(
                        insert(Article)
                        .values(
                            title=document.title[:500],
                            text=document.text,
                            language=document.language,
                            format=document.format,
                            author=document.author,
                            published=document.published,
                            source_url=document.source_url,
                            outlet=document.outlet,
                            source_path=_absolute(document.path),
                            imported_by=self._library.user,
                            content_hash=document.content_hash,
                            analysis_version=analysis_version,
                        )
                        .returning(Article.id)
                    ).scalar_one()
                )
                index_article(session, article_id, document.title, document.text)
                actor_ids = store_actors(session, resolver, article_id, actors, sentences)
                insert_quotes(session, article_id, quotes, actor_ids)
        except IntegrityError:
            # Another import of the same text won a race the lock did not cover (should not happen).
            resolver.invalidate()
            with self._library.read_session() as session:
                existing = _article_with_text(session, document)
            if existing is None:
                raise
            return self._duplicate(label, existing, document)
        except BaseException:
            resolver.invalidate()  # actors created in the rolled-back transaction do not exist
            raise
        return ImportResult(label, "imported", article_id, document.title, document.language)

    def _store_version(
        self,
        session: Session,
        label: str,
        article_id: int,
        document: Document,
        resolver: ActorResolver,
        actors: Sequence[LinkedActor],
        quotes: Sequence[FoundQuote],
    ) -> ImportResult:
        """Make ``document`` the article's new version: re-anchor notes, store mentions and quotes."""
        before = versions.actors_of(session, article_id)
        anchors = versions.start_new_version(session, article_id, document)
        actor_ids = store_actors(
            session, resolver, article_id, actors, SentenceLookup(sentence_spans(document.text))
        )
        replace_quotes(session, article_id, document.text, quotes, actor_ids)
        if versions.drop_unmentioned_actors(session, before - set(actor_ids)):
            resolver.invalidate()  # it may remember an actor just deleted
        message = f"new version of article {article_id}: {anchors.summary()}"
        return ImportResult(
            label, "updated", article_id, document.title, document.language, message, anchors.as_json()
        )

    def _duplicate(self, label: str, article_id: int, document: Document) -> ImportResult:
        return ImportResult(
            label,
            "duplicate",
            article_id,
            document.title,
            document.language,
            f"the same text is already in the library as article {article_id}",
        )


def _not_tried(labels: Iterable[str]) -> list[ImportResult]:
    """Results for the inputs left over when the disk filled up."""
    return [ImportResult(label, "error", message=NOT_TRIED) for label in labels]


def _article_with_text(session: Session, document: Document) -> int | None:
    """The id of the article holding the same text as ``document`` (now or as an earlier version)."""
    found = session.scalar(select(Article.id).where(Article.content_hash == document.content_hash))
    return found if found is not None else versions.article_with_earlier_text(session, document.content_hash)


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
