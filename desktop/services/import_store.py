"""The importer's single writer: analysed articles stored in batches, one transaction each.

Duplicates and new versions of stored articles are decided inside the write transaction (writers
take turns), actors are resolved against the in-memory index and inserted in bulk, and a failed
batch is retried article by article so that one bad article or a full disk costs only what it must.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.sentences import SentenceLookup
from desktop.core.types import Document, LinkedActor
from desktop.services import versions
from desktop.services.analysis import QUOTE_COLUMNS, quote_tuples, replace_quotes
from desktop.services.dto import ImportResult
from desktop.services.import_pipeline import Analysed
from desktop.services.resolver import ActorResolver
from desktop.storage.bulk import insert_tuples
from desktop.storage.db import Library
from desktop.storage.errors import DiskFullError, LibraryLockedError
from desktop.storage.models import ActorRole, Article, ArticleVersion, Mention, Quote, utcnow
from desktop.storage.pairs import MENTION_COLUMNS, insert_new_article_mentions
from desktop.storage.search import IndexEntry, index_articles

DISK_FULL = "disk full: the article was not stored (free some space and import it again)"
NOT_TRIED = "not imported: the disk is full"
LOCKED_RETRIES = 10
"""Times an article is tried again when other writers keep the library busy past the busy timeout."""
YIELD_SECONDS = 0.02
"""Least time between the end of one write transaction and the start of the next: SQLite's busy
handler polls, so a writer that begins again at once would keep other importers waiting past their
busy timeout. Whatever the writer does in between (collecting finished articles, waiting for more)
counts; it sleeps only for the rest."""
SLOW_TRANSACTION = 0.5
"""Seconds a write transaction may take before the next one stores fewer articles."""


class BatchStore:
    """The single writer: stores analysed articles, a batch per transaction."""

    def __init__(
        self,
        library: Library,
        gazetteer: Callable[[], Gazetteer],
        seconds: dict[str, float],
        *,
        batch_size: int,
    ) -> None:
        self.max_batch = max(1, batch_size)
        self.batch_size = min(self.max_batch, 4)  # articles in the next transaction: grows while quick
        self._locked = 0  # times the library was found busy
        self._library = library
        self._gazetteer = gazetteer
        self._seconds = seconds
        self._resolver: ActorResolver | None = None
        self._ended = -YIELD_SECONDS  # when the last write transaction ended (perf_counter)

    def resolver(self) -> ActorResolver:
        """The library's actor index, built on first need (an import without names never loads it)."""
        if self._resolver is None:
            self._resolver = ActorResolver(None, self._gazetteer())
        return self._resolver

    def store(self, batch: Sequence[tuple[str, Analysed]]) -> list[ImportResult]:
        """Store a batch in one transaction; after a failure, each article alone (disk full stops).

        Other writers wait while a transaction is open, so its size follows its duration: a slow
        transaction (a busy machine) halves :attr:`batch_size`, a quick one doubles it again.
        """
        if len(batch) > 1 and _may_be_versions_of_each_other(batch):
            return self._one_by_one(batch)  # the later copy becomes the earlier one's next version
        self._pause()
        started = time.perf_counter()
        try:
            results = self._store(batch)
            self._locked = 0
            self._adapt(len(batch), time.perf_counter() - started)
            return results
        except LibraryLockedError:
            self._invalidate()
            self.batch_size = 1  # another writer held the library too long: the smallest transactions
            if len(batch) > 1:
                return self._one_by_one(batch)
            self._locked += 1
            if self._locked > LOCKED_RETRIES:
                raise
            return self.store(batch)  # waits for the other writer again (busy timeout)
        except (IntegrityError, DiskFullError):
            self._invalidate()
            if len(batch) > 1:
                return self._one_by_one(batch)
            return [self._single_failure(*batch[0])]
        except BaseException:
            self._invalidate()  # actors created in the rolled-back transaction do not exist
            raise
        finally:
            self._ended = time.perf_counter()
            self._seconds["store"] += self._ended - started

    def _pause(self) -> None:
        """Give a waiting writer its turn: at least :data:`YIELD_SECONDS` between our transactions."""
        rest = self._ended + YIELD_SECONDS - time.perf_counter()
        if rest > 0:
            time.sleep(rest)

    def _adapt(self, size: int, seconds: float) -> None:
        if seconds > SLOW_TRANSACTION:
            self.batch_size = max(1, size // 2)
        elif seconds < SLOW_TRANSACTION / 4 and size >= self.batch_size:
            self.batch_size = min(self.max_batch, self.batch_size * 2)

    def _one_by_one(self, batch: Sequence[tuple[str, Analysed]]) -> list[ImportResult]:
        results: list[ImportResult] = []
        for position, item in enumerate(batch):
            results.extend(self.store([item]))
            if results[-1].message == DISK_FULL:
                results.extend(not_tried(label for label, _a in batch[position + 1 :]))
                break
        return results

    def _single_failure(self, label: str, analysed: Analysed) -> ImportResult:
        try:
            with self._library.read_session() as session:
                existing = articles_with_hashes(session, [analysed.document.content_hash])
        except DiskFullError:
            existing = {}
        found = existing.get(analysed.document.content_hash)
        if found is not None:  # another import of the same text won a race the lock did not cover
            return duplicate_result(label, found, analysed.document)
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
            known = articles_with_hashes(session, [a.document.content_hash for _l, a in batch])
            first: dict[str, int] = {}  # content hash -> position in the batch of its first copy
            new: list[int] = []
            for position, (label, analysed) in enumerate(batch):
                digest = analysed.document.content_hash
                if digest in known:
                    results[position] = duplicate_result(label, known[digest], analysed.document)
                elif digest not in first:
                    first[digest] = position
                    new.append(position)
            if not new:
                return [r for r in results if r is not None]
            previous: dict[int, int] = {}  # position -> the stored article it is a new version of
            candidates = versions.may_have_previous_versions(session, [batch[p][1].document for p in new])
            for position, candidate in zip(new, candidates, strict=True):
                document = batch[position][1].document
                found = versions.previous_version_of(session, document) if candidate else None
                if found is not None:
                    previous[position] = found
            fresh = [p for p in new if p not in previous]
            rows = [self._article_row(batch[p][1]) for p in fresh]
            ids = _insert_articles(session, rows)
            resolver: ActorResolver | None = None
            if any(batch[p][1].actors for p in new):
                resolver = self.resolver()
                resolver.refresh(session)
            stored: dict[int, int] = {}
            entries: list[IndexEntry] = []
            quotes: Rows = []
            mentions: Rows = []
            roles: Rows = []
            for position, article_id in zip(fresh, ids, strict=True):
                label, analysed = batch[position]
                document = analysed.document
                stored[position] = article_id
                entries.append(
                    IndexEntry(article_id, document.title, document.text, document.language, analysed.index)
                )
                actor_ids: list[int] = []
                if resolver is not None and analysed.actors:
                    actor_ids, article_mentions, article_roles = actor_rows(
                        session, resolver, article_id, analysed.actors, analysed.sentences, write=False
                    )
                    mentions.extend(article_mentions)
                    roles.extend(article_roles)
                quotes.extend(quote_tuples(article_id, analysed.quotes, actor_ids))
                message = document.warning
                results[position] = ImportResult(
                    label, "imported", article_id, document.title, document.language, message
                )
            if resolver is not None:
                resolver.flush(session)  # the batch's new actors and aliases, before rows pointing at them
            # the new articles' mentions, their pairs counted here; before a version may drop actors
            insert_actor_rows(session, mentions, roles, new_articles=True)
            index_articles(session, entries)  # the batch's rows, one statement each step
            insert_tuples(session, Quote, QUOTE_COLUMNS, quotes)
            for position, article_id in previous.items():
                stored[position] = article_id
                results[position] = self._store_version(session, batch[position], article_id, resolver)
        for position, (label, analysed) in enumerate(batch):
            if results[position] is None:  # a second copy of a text stored earlier in this batch
                article_id = stored[first[analysed.document.content_hash]]
                results[position] = duplicate_result(label, article_id, analysed.document)
        return [r for r in results if r is not None]

    def _article_row(self, analysed: Analysed) -> dict[str, object]:
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
            "imported_by": self._library.user,
            "content_hash": document.content_hash,
            "analysis_version": analysed.analysis_version,
            "imported_at": utcnow(),
        }

    def _store_version(
        self, session: Session, item: tuple[str, Analysed], article_id: int, resolver: ActorResolver | None
    ) -> ImportResult:
        """Make the document the article's new version: re-anchor notes, store mentions and quotes."""
        label, analysed = item
        document = analysed.document
        before = versions.actors_of(session, article_id)
        anchors = versions.start_new_version(session, article_id, document)
        actor_ids: list[int] = []
        if resolver is not None and analysed.actors:
            resolver.refresh(session)  # an earlier version in this batch may have dropped actors
            actor_ids = store_actors(session, resolver, article_id, analysed.actors, analysed.sentences)
        replace_quotes(session, article_id, document.text, analysed.quotes, actor_ids)
        if versions.drop_unmentioned_actors(session, before - set(actor_ids)):
            self._invalidate()  # the index may remember an actor just deleted
        message = f"new version of article {article_id}: {anchors.summary()}"
        return ImportResult(
            label, "updated", article_id, document.title, document.language, message, anchors.as_json()
        )


def _insert_articles(session: Session, rows: Sequence[dict[str, object]]) -> list[int]:
    """Insert article rows in one statement (batched VALUES); their ids in the order of ``rows``.

    RETURNING in parameter order makes SQLite's driver insert row by row, so the ids come back in
    any order and are matched by content hash (unique among the articles).
    """
    if not rows:
        return []
    returned = session.execute(Article.__table__.insert().returning(Article.id, Article.content_hash), rows)
    by_hash = {digest: int(article_id) for article_id, digest in returned}
    return [by_hash[str(row["content_hash"])] for row in rows]


def _may_be_versions_of_each_other(batch: Sequence[tuple[str, Analysed]]) -> bool:
    """True when two different texts of the batch share a URL, a file or a title and outlet."""
    seen: set[tuple[str, str]] = set()
    hashes: set[str] = set()
    for _label, analysed in batch:
        document = analysed.document
        if document.content_hash in hashes:
            continue  # the same text again: a duplicate, not a version
        hashes.add(document.content_hash)
        keys = set()
        if document.source_url:
            keys.add(("url", document.source_url))
        if document.path:
            keys.add(("path", _absolute(document.path) or ""))
        if document.title.strip() and (document.outlet or "").strip():
            keys.add(("title", f"{document.title[:500]}\n{document.outlet}"))
        if keys & seen:
            return True
        seen |= keys
    return False


def duplicate_result(label: str, article_id: int, document: Document) -> ImportResult:
    return ImportResult(
        label,
        "duplicate",
        article_id,
        document.title,
        document.language,
        f"the same text is already in the library as article {article_id}",
    )


_articles, _versions = Article.__table__.c, ArticleVersion.__table__.c
_ARTICLES_BY_HASH = select(_articles.content_hash, _articles.id).where(
    _articles.content_hash.in_(bindparam("hashes", expanding=True))
)
_VERSIONS_BY_HASH = select(_versions.content_hash, _versions.article_id).where(
    _versions.content_hash.in_(bindparam("hashes", expanding=True))
)


def articles_with_hashes(session: Session, hashes: Sequence[str]) -> dict[str, int]:
    """Ids of the stored articles holding these texts (now or as an earlier version), by content hash."""
    if not hashes:
        return {}
    wanted = sorted(set(hashes))
    found = {
        digest: int(article_id)
        for digest, article_id in session.execute(_ARTICLES_BY_HASH, {"hashes": wanted})
    }
    earlier = [digest for digest in wanted if digest not in found]
    if earlier:
        for digest, article_id in session.execute(_VERSIONS_BY_HASH, {"hashes": earlier}):
            found.setdefault(digest, int(article_id))
    return found


def not_tried(labels: Iterable[str]) -> list[ImportResult]:
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
    actor_ids, mentions, roles = actor_rows(session, resolver, article_id, actors, sentences)
    insert_actor_rows(session, mentions, roles)
    return actor_ids


Rows = list[tuple[object, ...]]
ROLE_COLUMNS = ("actor_id", "article_id", "role")
"""The columns of the role rows of :func:`actor_rows`, in this order (mentions: ``MENTION_COLUMNS``)."""


def actor_rows(
    session: Session,
    resolver: ActorResolver,
    article_id: int,
    actors: Sequence[LinkedActor],
    sentences: SentenceLookup,
    *,
    write: bool = True,
) -> tuple[list[int], Rows, Rows]:
    """Resolve an article's actors; their library ids and the rows of their mentions and roles (tuples in
    ``MENTION_COLUMNS`` and :data:`ROLE_COLUMNS` order), for :func:`insert_actor_rows` (a batch's rows in
    one statement each). New actors are written now, or with ``write=False`` by the next
    ``resolver.flush``, which must come before the rows are stored."""
    mentions: Rows = []
    roles: Rows = []
    actor_ids: list[int] = []
    sentence_of = sentences.index
    for actor in actors:
        actor_id, actor_type = resolver.resolve(session, actor, actor_ids)
        actor_ids.append(actor_id)
        mentions.extend(
            (article_id, actor_id, m.start, m.end, m.text[:300], actor_type, sentence_of(m.start))
            for m in actor.mentions
        )
        roles.extend((actor_id, article_id, r[:300]) for r in dict.fromkeys(actor.roles))
    if write:
        resolver.flush(session)  # the new actors and aliases, in bulk, before the rows pointing at them
    else:
        resolver.end_article()
    return actor_ids, mentions, list(dict.fromkeys(roles))


def insert_actor_rows(session: Session, mentions: Rows, roles: Rows, *, new_articles: bool = False) -> None:
    """Insert mention and role rows (the driver's executemany: no SQLAlchemy work per row); ``new_articles``:
    the mentions are of articles created in this transaction, whose actor pairs are added in bulk."""
    if mentions and new_articles:
        insert_new_article_mentions(session, mentions)
    else:
        insert_tuples(session, Mention, MENTION_COLUMNS, mentions)
    insert_tuples(session, ActorRole, ROLE_COLUMNS, roles)


def _absolute(path: str | None) -> str | None:
    if not path:
        return None
    try:
        return str(Path(path).resolve())
    except OSError:
        return path
