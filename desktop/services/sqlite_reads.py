"""The command line's read-only queries on Python's ``sqlite3`` alone: no SQLAlchemy, no ORM models.

A command that only reads opens a :class:`LibraryReader` when the library allows it
(desktop.storage.sqlite_read: a SQLite file at the shipped schema) and else the library as usual.
Both ways give the same rows: the search is the same code (desktop.storage.search_sqlite); the other
statements are written once as SQL text (here, and for the dossier, the network, filtered notes and their
exports in sqlite_dossier, sqlite_network, sqlite_notes and sqlite_w3c), in the same form the services'
SQLAlchemy queries take on SQLite (so SQLite orders ties the same way), and the rows are shaped into the
same DTOs by the same functions (row_shapes, dossier_shapes, network_shapes, notes_filter, w3c_shapes).
tests/cli/test_cli_fast_reads.py and test_cli_fast_reads_analysis.py compare both.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from desktop.services.dto import (
    ActorRow,
    AnnotationRow,
    ArticleDetail,
    ArticleRow,
    MentionRow,
    QuoteRow,
)
from desktop.services.errors import AmbiguousActorError, NotFoundError, ambiguity_message
from desktop.services.row_shapes import actor_row, article_row, iso_time, quote_row
from desktop.storage.sqlite_read import DAY, DISTINCT_ROLES_SQL, open_read_only

if TYPE_CHECKING:
    from desktop.services.dto import Dossier, Network
    from desktop.services.sqlite_notes import NotesReader
    from desktop.services.version_rows import ArticleVersions
    from desktop.storage.db import Library
    from desktop.storage.search_sqlite import SearchHit

T = TypeVar("T")

_ARTICLE_ROWS = (
    "SELECT articles.id, articles.title, articles.language, "
    "coalesce(articles.source_url, articles.source_path) AS coalesce_1, articles.published, "
    "(SELECT count(annotations.id) AS count_1 FROM annotations "
    "WHERE annotations.article_id = articles.id) AS anon_1, "
    "articles.imported_at, articles.outlet, articles.read_at, articles.starred, articles.archived "
    "FROM articles"
)
_ACTOR_COLUMNS = (
    "SELECT actors.id, actors.name, actors.type, actors.confirmed, anon_1.mentions, anon_1.articles "
    "FROM actors "
)
_LIBRARY_ACTORS = _ACTOR_COLUMNS + (
    "JOIN (SELECT actor_counts.actor_id AS actor_id, actor_counts.mentions AS mentions, "
    "actor_counts.articles AS articles FROM actor_counts WHERE actor_counts.mentions > ?) AS anon_1 "
    "ON anon_1.actor_id = actors.id ORDER BY anon_1.mentions DESC, (actors.name)"
)
_ARTICLE_ACTORS = _ACTOR_COLUMNS + (
    "JOIN (SELECT mentions.actor_id AS actor_id, count(mentions.id) AS mentions, "
    "count(distinct(mentions.article_id)) AS articles FROM mentions WHERE mentions.article_id = ? "
    "GROUP BY mentions.actor_id) AS anon_1 "
    "ON anon_1.actor_id = actors.id ORDER BY anon_1.mentions DESC, (actors.name)"
)
_ALIASES = (
    "SELECT actor_aliases.actor_id, actor_aliases.alias FROM actor_aliases "
    "WHERE actor_aliases.actor_id IN {ids} ORDER BY actor_aliases.id"
)
_ARTICLE_ROLES = (
    "SELECT actor_roles.actor_id, actor_roles.role FROM actor_roles "
    "WHERE actor_roles.actor_id IN {ids} AND actor_roles.article_id = ? "
    "GROUP BY actor_roles.actor_id, actor_roles.role ORDER BY min(actor_roles.id)"
)
_ARTICLE = (
    "SELECT id, title, language, text, source_url, source_path, published, author, outlet, imported_at "
    "FROM articles WHERE id = ?"
)
_MENTIONS = (
    'SELECT mentions.id, mentions.article_id, mentions.actor_id, mentions.start, mentions."end", '
    "mentions.text, mentions.type, mentions.sentence FROM mentions "
    "WHERE mentions.article_id = ? ORDER BY mentions.start"
)
_ANNOTATIONS = (
    'SELECT annotations.id, annotations.article_id, annotations.start, annotations."end", '
    "annotations.exact, annotations.note, annotations.color, annotations.orphaned, annotations.anchor_state, "
    "annotations.anchor_score, annotations.previous_exact, annotations.author, annotations.edited_by, "
    "annotations.version FROM annotations WHERE annotations.article_id = ? "
    "ORDER BY annotations.article_id, annotations.start, annotations.id"
)
_TAGS = (
    "SELECT annotation_tags.annotation_id, tags.name FROM annotation_tags "
    "JOIN tags ON tags.id = annotation_tags.tag_id "
    "WHERE annotation_tags.annotation_id IN {ids} ORDER BY (tags.name)"
)
_BATCH = 1000
"""Article rows read at a time (as article_pages.iter_article_rows reads them)."""
_QUOTES = (
    'SELECT quotes.id, quotes.article_id, quotes.start, quotes."end", '
    'substr(articles.text, quotes.start + ?, quotes."end" - quotes.start) AS substr_1, quotes.kind, '
    "quotes.speaker_id, actors_1.name, quotes.cue_start, quotes.cue_end, "
    "substr(articles.text, quotes.cue_start + ?, quotes.cue_end - quotes.cue_start) AS substr_2, "
    "quotes.source, quotes.origin, articles.title, articles.published, quotes.speaker_start, "
    "quotes.speaker_end FROM quotes JOIN articles ON articles.id = quotes.article_id "
    "LEFT OUTER JOIN actors AS actors_1 ON actors_1.id = quotes.speaker_id"
)
_ANNOTATIONS_BY_ID = (
    'SELECT annotations.id, annotations.article_id, annotations.start, annotations."end", '
    "annotations.exact, annotations.note, annotations.color, annotations.orphaned, annotations.anchor_state, "
    "annotations.anchor_score, annotations.previous_exact, annotations.author, annotations.edited_by, "
    "annotations.version FROM annotations WHERE annotations.id IN {ids} "
    "ORDER BY annotations.article_id, annotations.start, annotations.id"
)
CHUNK = 500
"""Ids in one ``IN (...)`` list (as the services read aliases, roles and tags)."""
_MAX_ID = 2**63 - 1  # SQLite's largest integer: no row has a larger id


def _marks(count: int) -> str:
    return "(" + ",".join("?" * count) + ")"


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


class LibraryReader:
    """A SQLite library read in one read transaction, without SQLAlchemy; :meth:`close` ends it."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def _rows(self, statement: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[Any]:
        return self._connection.execute(statement, params).fetchall()

    def close(self) -> None:
        """End the read transaction and close the connection (nothing was written)."""
        try:
            self._connection.rollback()
        finally:
            self._connection.close()

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """As desktop.storage.search.search_articles (the same code)."""
        from desktop.storage.search_sqlite import search_library

        return search_library(self._rows, query, limit)

    def article_rows(
        self,
        *,
        read: bool | None = None,
        starred: bool = False,
        archived: bool | None = None,
        limit: int | None,
    ) -> Iterator[ArticleRow]:
        """The library list's rows with these reading states, newest import first, at most ``limit``,
        read a batch at a time (as article_pages.iter_article_rows); the first batch is read at once."""
        conditions = []
        if read is not None:
            conditions.append("articles.read_at IS NOT NULL" if read else "articles.read_at IS NULL")
        if starred:
            conditions.append("articles.starred IS 1")
        if archived is not None:
            conditions.append(f"articles.archived IS {int(archived)}")
        batches = self._article_batches(conditions, limit)
        first = next(batches, [])  # read now: an error shows before anything is written
        return chain(first, chain.from_iterable(batches))

    def _article_batches(self, conditions: list[str], limit: int | None) -> Iterator[list[ArticleRow]]:
        last: int | None = None
        left = limit
        while left is None or left > 0:
            size = _BATCH if left is None else min(_BATCH, left)
            where = conditions if last is None else [*conditions, "articles.id < ?"]
            statement = _ARTICLE_ROWS + (" WHERE " + " AND ".join(where) if where else "")
            params = ([] if last is None else [last]) + [size, 0]
            rows = [
                article_row(r)
                for r in self._rows(statement + " ORDER BY articles.id DESC LIMIT ? OFFSET ?", params)
            ]
            yield rows
            if len(rows) < size:
                return
            last = rows[-1].id
            left = None if left is None else left - len(rows)

    def _require_article(self, article_id: int) -> None:
        in_range = 1 <= article_id <= _MAX_ID  # larger ids cannot be asked for (nor held)
        if not in_range or not self._rows("SELECT 1 FROM articles WHERE id = ?", (article_id,)):
            raise NotFoundError(f"There is no article {article_id} in this library.")

    def actors(self, article_id: int | None = None, limit: int | None = None) -> list[ActorRow]:
        """As queries.list_actors: the actors (of one article, or library-wide), most mentioned first."""
        paging = " LIMIT ? OFFSET ?" if limit is not None else ""
        tail = [limit, 0] if limit is not None else []
        if article_id is None:
            rows = self._rows(_LIBRARY_ACTORS + paging, [0, *tail])
        else:
            self._require_article(article_id)
            rows = self._rows(_ARTICLE_ACTORS + paging, [article_id, *tail])
        aliases: dict[int, list[str]] = {}
        roles: dict[int, list[str]] = {}
        for chunk in _chunks([r[0] for r in rows]):
            for actor_id, alias in self._rows(_ALIASES.format(ids=_marks(len(chunk))), chunk):
                aliases.setdefault(actor_id, []).append(alias)
            if article_id is None:
                found = self._rows(DISTINCT_ROLES_SQL.format(ids=_marks(len(chunk))), chunk)
            else:
                found = self._rows(_ARTICLE_ROLES.format(ids=_marks(len(chunk))), [*chunk, article_id])
            for actor_id, role, *_first in found:
                roles.setdefault(actor_id, []).append(role)
        return [actor_row(r, aliases, roles) for r in rows]

    def find_actor(self, name: str) -> int:
        """As queries.find_actor: the id of the one actor ``name`` means (``#ID``, name, alias)."""
        text = name.strip()
        digits = text.removeprefix("#")
        ids: list[int] = []
        if text.startswith("#") and digits.isdigit() and len(digits) < 19:
            ids = self._ids("SELECT actors.id FROM actors WHERE actors.id = ?", int(digits))
        if not ids:
            ids = self._ids("SELECT actors.id FROM actors WHERE lower(actors.name) = ?", text.lower())
        if not ids:
            from desktop.core.entities.names import match_key  # only here: it takes a while to import

            key = match_key(text)
            ids = self._ids(
                'SELECT DISTINCT actor_aliases.actor_id FROM actor_aliases WHERE actor_aliases."key" = ?', key
            )
        if not ids:
            raise NotFoundError(f"No actor called {name!r} in this library.")
        if len(ids) > 1:
            marks = _marks(len(ids))
            counts = dict(
                self._rows(
                    "SELECT mentions.actor_id, count(mentions.id) AS count_1 FROM mentions "
                    f"WHERE mentions.actor_id IN {marks} GROUP BY mentions.actor_id",
                    ids,
                )
            )
            actors = self._rows(f"SELECT id, name, type FROM actors WHERE id IN {marks}", ids)
            raise AmbiguousActorError(ambiguity_message(name, [(*a, counts.get(a[0], 0)) for a in actors]))
        return ids[0]

    def actor_name(self, actor_id: int) -> str:
        """The name of actor ``actor_id`` (which exists)."""
        return str(self._rows("SELECT name FROM actors WHERE id = ?", (actor_id,))[0][0])

    def _ids(self, statement: str, value: object) -> list[int]:
        return [int(r[0]) for r in self._rows(statement, (value,))]

    def quotes(self, article_id: int | None = None, actor: str | None = None) -> list[QuoteRow]:
        """As services.quotes.load_quotes: the quotes of an article and/or of the actor named ``actor``."""
        if article_id is not None:
            self._require_article(article_id)
        where, params = [], [1, 1]
        if article_id is not None:
            where.append("quotes.article_id = ?")
            params.append(article_id)
        if actor is not None:
            where.append("quotes.speaker_id = ?")
            params.append(self.find_actor(actor))
        statement = _QUOTES + (" WHERE " + " AND ".join(where) if where else "")
        order = " ORDER BY quotes.article_id, quotes.start, quotes.id"
        return [quote_row(r) for r in self._rows(statement + order, params)]

    def notes_reader(self) -> NotesReader:
        """Filtered notes and their export (desktop.services.sqlite_notes) on this reader."""
        from desktop.services.sqlite_notes import NotesReader

        return NotesReader(self._rows, self._tags)

    def require_article(self, article_id: int) -> None:
        """Raise "no such article" unless the library holds article ``article_id``."""
        self._require_article(article_id)

    def _annotation_rows(self, found: list[Any]) -> list[AnnotationRow]:
        tags = self._tags([n[0] for n in found])
        return [
            AnnotationRow(
                n[0], n[1], n[2], n[3], n[4], n[5], tuple(tags.get(n[0], ())), n[6], bool(n[7]), *n[8:]
            )
            for n in found
        ]

    def annotations_by_id(self, ids: Sequence[int]) -> list[AnnotationRow]:
        """As queries.annotation_rows(ids=...): these annotations in document order, with their tags."""
        return self._annotation_rows(self._rows(_ANNOTATIONS_BY_ID.format(ids=_marks(len(ids))), ids))

    def quotes_where(self, condition: str, params: Sequence[Any]) -> list[QuoteRow]:
        """As quotes.quote_rows(..., chronological=True): the quotes ``condition`` selects."""
        order = f" ORDER BY {DAY}, quotes.article_id, quotes.start, quotes.id"
        return [quote_row(r) for r in self._rows(f"{_QUOTES} WHERE {condition}{order}", [1, 1, *params])]

    def dossier(self, name: str, limit: int | None) -> Dossier:
        """As dossier.load_dossier of the actor ``name`` means (name, alias or ``#ID``)."""
        return self.dossier_of(self.find_actor(name), limit)

    def dossier_of(self, actor_id: int, limit: int | None) -> Dossier:
        """As dossier.dossier_of: the dossier of the actor ``actor_id``."""
        from desktop.services.sqlite_dossier import DossierReader

        return DossierReader(self._rows, self.quotes_where, self.annotations_by_id).dossier(actor_id, limit)

    def network(self, article_id: int | None, actor: str | None, min_sentences: int) -> Network:
        """As network.load_network: of an article, of the neighbourhood of the actor ``actor`` names,
        or of the whole library."""
        from desktop.services.network_shapes import NetworkError
        from desktop.services.sqlite_network import NetworkReader

        networks = NetworkReader(self._rows)
        if article_id is not None and actor is not None:
            raise NetworkError("Choose an article or an actor, not both.")
        if article_id is not None:
            self._require_article(article_id)
            return networks.article_network(article_id, min_sentences)
        if actor is not None:
            return networks.actor_network(self.find_actor(actor), min_sentences)
        return networks.library_network(min_sentences)

    def w3c(
        self, article_id: int | None, tag: str | None, creator: str | None, meanings: Mapping[str, str]
    ) -> dict[str, Any]:
        """As w3c_notes.export_w3c."""
        from desktop.services.sqlite_w3c import export_w3c

        return export_w3c(
            self._rows, self._tags, article_id=article_id, tag=tag, creator=creator, meanings=meanings
        )

    def _tags(self, annotation_ids: Sequence[int]) -> dict[int, list[str]]:
        """The tags of these annotations, each annotation's by name."""
        tags: dict[int, list[str]] = {}
        for chunk in _chunks(annotation_ids):
            for annotation_id, name in self._rows(_TAGS.format(ids=_marks(len(chunk))), chunk):
                tags.setdefault(annotation_id, []).append(name)
        return tags

    def article_versions(self, article_id: int) -> ArticleVersions:
        """As version_history.article_versions (without the texts)."""
        from desktop.services.version_rows import read_article_versions

        return read_article_versions(self._rows, article_id)

    def outdated_articles(self) -> int:
        """As services.quotes.outdated_articles: how many articles predate quote finding."""
        from desktop.core.analysis_version import ANALYSIS_VERSION

        found = self._rows(
            "SELECT count(articles.id) AS count_1 FROM articles WHERE articles.analysis_version < ?",
            (ANALYSIS_VERSION,),
        )
        return int(found[0][0] or 0)

    def article_detail(self, article_id: int) -> ArticleDetail:
        """As queries.article_detail, without the quotes (``show`` prints none)."""
        found = self._rows(_ARTICLE, (article_id,))
        if not found:
            raise NotFoundError(f"There is no article {article_id} in this library.")
        a = found[0]
        mentions = tuple(MentionRow(m[3], m[4], m[2], m[6]) for m in self._rows(_MENTIONS, (article_id,)))
        annotations = tuple(self._annotation_rows(self._rows(_ANNOTATIONS, (article_id,))))
        return ArticleDetail(
            a[0],
            a[1],
            a[2],
            a[3],
            a[4] or a[5],
            a[6],
            a[7],
            mentions,
            annotations,
            outlet=a[8],
            imported_at=iso_time(a[9]) or "",
        )


def read_file_of(library: Library, read: Callable[[LibraryReader], T]) -> T | None:
    """``read`` on a reader of the library's SQLite file, as the command line reads it (the same rows
    as the services' sessions give); None when the library is no file at the newest schema or the file
    could not be read that way: then the caller reads it through a session."""
    path = library.path
    reader = open_reader(path) if path is not None else None
    if reader is None:
        return None
    try:
        return read(reader)
    except sqlite3.Error:
        return None
    finally:
        reader.close()


def open_reader(path: Path) -> LibraryReader | None:
    """A reader of the library file ``path``, or None when it must be opened the usual way."""
    connection = open_read_only(path)
    return None if connection is None else LibraryReader(connection)
