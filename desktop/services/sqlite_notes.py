"""Highlights and notes, filtered, and their Markdown export, read with ``sqlite3`` alone (see
desktop.services.sqlite_reads): the statements of desktop.services.notes_query and exporting written out
as SQLite runs them, the filter and the export records from the same code (desktop.services.notes_filter).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from desktop.core.export_md import ExportArticle, render_article, render_collection
from desktop.services.dto import AnnotationRow, NoteRow
from desktop.services.errors import NotFoundError
from desktop.services.notes_filter import (
    ARTICLE_FIELDS_SQL,
    NOTE_LANGUAGES,
    ArticleFields,
    NotesFilter,
    NotesOrder,
    by_article,
    day_start_utc,
    describe,
    export_record,
)
from desktop.services.row_shapes import iso_time

Rows = Callable[[str, Sequence[Any]], list[Any]]

_NOTES = (
    'SELECT annotations.id, annotations.article_id, annotations.start, annotations."end", '
    "annotations.exact, annotations.note, annotations.color, annotations.orphaned, annotations.author, "
    "annotations.edited_by, annotations.version, annotations.created_at, annotations.updated_at, "
    "articles.title, articles.published, articles.outlet "
    "FROM ({chosen}) AS annotations JOIN articles ON articles.id = annotations.article_id"
)
"""The notes' rows with their articles' fields: the annotations are chosen (filtered, ordered and
cut to the limit) before any article row is read, which is most of the time otherwise (an article's
row holds its text)."""
_NOTES_ALONE = (
    _NOTES.split("annotations.created_at")[0] + "NULL, NULL, '', NULL, NULL FROM ({chosen}) AS annotations"
)
"""The same rows without their times and their articles' fields, for an export (which shows no times
and reads the articles itself)."""
_SEARCHED = "SELECT annotations.id, annotations.exact, annotations.note FROM annotations"
"""What a text search matches on: each note and its quoted passage."""
_CHUNK = 500
_TAGGED = (
    "annotations.id IN (SELECT annotation_tags.annotation_id FROM annotation_tags "
    "JOIN tags ON tags.id = annotation_tags.tag_id WHERE tags.name = ? OR (tags.name LIKE ? ESCAPE '/'))"
)
_NAMES_ACTOR = (
    "EXISTS (SELECT * FROM mentions WHERE mentions.article_id = annotations.article_id AND "
    'mentions.actor_id = ? AND mentions.start + 0 < annotations."end" AND mentions."end" > annotations.start)'
)
_ACTOR_NAMES = (
    "SELECT mentions.article_id, actors.name, min(mentions.start) AS first \n"
    "FROM mentions JOIN actors ON actors.id = mentions.actor_id \nWHERE mentions.article_id IN {ids} "
    "GROUP BY mentions.article_id, actors.id ORDER BY mentions.article_id, first, actors.id"
)
_ORDERS = {
    "document": " ORDER BY annotations.article_id, annotations.start, annotations.id",
    "created": " ORDER BY annotations.created_at DESC, annotations.id DESC",
}


def _marks(count: int) -> str:
    return "(" + ",".join("?" * count) + ")"


def _stored_time(value: Any) -> str:
    """A date-time as SQLAlchemy writes it into SQLite (and so compares it)."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _like_prefix(text: str) -> str:
    """A LIKE pattern for values that start with ``text`` (``/`` escapes)."""
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


class NotesReader:
    """Reads notes through ``rows`` (statement, parameters → rows); ``tags`` gives the tags of annotations
    by id (as the reader of desktop.services.sqlite_reads reads them)."""

    def __init__(self, rows: Rows, tags: Callable[[Sequence[int]], dict[int, list[str]]]) -> None:
        self._rows = rows
        self._tags = tags

    def select_notes(
        self,
        flt: NotesFilter,
        order: NotesOrder = "created",
        limit: int | None = None,
        *,
        articles: bool = True,
    ) -> list[NoteRow]:
        """As notes_query.select_notes; ``articles=False`` leaves the times and the articles' fields
        empty (an export shows no times and reads its articles itself)."""
        import datetime as dt

        conditions: list[str] = []
        params: list[Any] = []
        if flt.article_id is not None:
            conditions.append("annotations.article_id = ?")
            params.append(flt.article_id)
        if flt.tag:
            conditions.append(_TAGGED)
            params.extend((flt.tag, _like_prefix(flt.tag + "/")))
        if flt.actor_id is not None:
            conditions.append(_NAMES_ACTOR)
            params.append(flt.actor_id)
        if flt.colors:
            conditions.append(f"annotations.color IN {_marks(len(flt.colors))}")
            params.extend(flt.colors)
        if flt.author:
            conditions.append("annotations.author = ?")
            params.append(flt.author)
        if flt.since:
            conditions.append("annotations.created_at >= ?")
            params.append(_stored_time(day_start_utc(flt.since)))
        if flt.until:
            conditions.append("annotations.created_at < ?")
            params.append(_stored_time(day_start_utc(flt.until + dt.timedelta(days=1))))
        where = " WHERE " + " AND ".join(conditions) if conditions else ""
        statement = _NOTES if articles else _NOTES_ALONE
        if flt.search.strip():
            found = self._matching(self._rows(_SEARCHED + where + _ORDERS[order], params), flt.search)
            rows = self._by_ids([r[0] for r in found[:limit]], statement)
        else:
            bound = f" LIMIT {int(limit)}" if limit is not None else ""
            chosen = "SELECT * FROM annotations" + where + _ORDERS[order] + bound
            rows = self._rows(statement.format(chosen=chosen) + _ORDERS[order], params)
        tags = self._tags([r[0] for r in rows])
        return [
            NoteRow(
                AnnotationRow(
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    r[5],
                    tuple(tags.get(r[0], ())),
                    r[6],
                    bool(r[7]),
                    author=r[8],
                    edited_by=r[9],
                    version=r[10],
                ),
                r[13],
                r[14],
                r[15],
                iso_time(r[11]) or "",
                iso_time(r[12]) or "",
            )
            for r in rows
        ]

    def _matching(self, rows: list[Any], search: str) -> list[Any]:
        """The rows whose note or quoted passage matches ``search`` (as notes_query searches)."""
        from desktop.core.query import Matcher, parse_query
        from desktop.core.textfold import fold
        from desktop.storage.search_query import LANGUAGES_SQL, stemmed_languages

        found = stemmed_languages(str(r[0]) for r in self._rows(LANGUAGES_SQL, {}))  # type: ignore[arg-type]
        matcher = Matcher(parse_query(search), sorted({*found, *NOTE_LANGUAGES}))
        return [r for r in rows if matcher.matches_folded(fold(f"{r[2]}\n{r[1]}"))]

    def _by_ids(self, ids: list[int], statement: str) -> list[Any]:
        """The rows of the notes ``ids``, in that order."""
        place = {annotation_id: n for n, annotation_id in enumerate(ids)}
        rows: list[Any] = []
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            chosen = f"SELECT * FROM annotations WHERE annotations.id IN {_marks(len(chunk))}"
            rows.extend(self._rows(statement.format(chosen=chosen), chunk))
        return sorted(rows, key=lambda r: place[r[0]])

    def _actor_names(self, article_ids: list[int]) -> dict[int, list[str]]:
        names: dict[int, list[str]] = {i: [] for i in article_ids}
        for start in range(0, len(article_ids), 500):
            chunk = article_ids[start : start + 500]
            for article_id, name, _first in self._rows(_ACTOR_NAMES.format(ids=_marks(len(chunk))), chunk):
                if name not in names[article_id]:
                    names[article_id].append(name)
        return names

    def _article(self, article_id: int) -> ArticleFields | None:
        found = self._rows(ARTICLE_FIELDS_SQL, (article_id,))
        return ArticleFields(*found[0]) if found else None

    def _articles(self, article_ids: list[int]) -> dict[int, ArticleFields]:
        """The fields of many articles, 500 per query (a whole-library export names thousands)."""
        found: dict[int, ArticleFields] = {}
        sql = ARTICLE_FIELDS_SQL.replace("articles.id = ?", "articles.id IN {ids}")
        for start in range(0, len(article_ids), 500):
            chunk = article_ids[start : start + 500]
            for row in self._rows(sql.format(ids=_marks(len(chunk))), chunk):
                found[row[0]] = ArticleFields(*row)
        return found

    def _export_articles(
        self, notes: Sequence[NoteRow], meanings: Mapping[str, str] | None
    ) -> list[ExportArticle]:
        """As notes_query.export_articles: records for a collection, which lists no article's actors."""
        grouped = by_article(notes)
        articles = self._articles(list(grouped))
        result = []
        for article_id, rows in grouped.items():
            article = articles.get(article_id)
            if article is not None:
                result.append(export_record(article, rows, (), meanings))
        return result

    def export_article(self, article_id: int, flt: NotesFilter, meanings: Mapping[str, str] | None) -> str:
        """As exporting.export_article (``flt`` already narrowed to the article)."""
        article = self._article(article_id)
        if article is None:
            raise NotFoundError(f"There is no article {article_id} in this library.")
        notes = self.select_notes(flt, "document", articles=False)
        actors = self._actor_names([article_id])[article_id]
        return render_article(export_record(article, [n.annotation for n in notes], actors, meanings))

    def export_tag(
        self, name: str, flt: NotesFilter, active: bool, meanings: Mapping[str, str] | None
    ) -> str:
        """As exporting.export_tag (``flt`` narrowed to the tag ``name``; ``active``: the user's filter)."""
        notes = self.select_notes(flt, "document", articles=False)
        if not notes and not active:
            raise NotFoundError(f"No annotation is tagged {name!r}.")
        articles = self._export_articles(notes, meanings)
        heading = f"Notes tagged #{name}" if not active else describe(flt, meanings=meanings)
        return render_collection(heading, articles, kind="tag")

    def export_actor(
        self, actor: tuple[int, str], flt: NotesFilter, active: bool, meanings: Mapping[str, str] | None
    ) -> str:
        """As exporting.export_actor of the actor (id, name) (``flt`` narrowed to it)."""
        articles = self._export_articles(self.select_notes(flt, "document", articles=False), meanings)
        name = actor[1]
        heading = f"Notes on {name}" if not active else describe(flt, actor_name=name, meanings=meanings)
        return render_collection(heading, articles, kind="actor")

    def export_library(self, flt: NotesFilter, active: bool, meanings: Mapping[str, str] | None) -> str:
        """As exporting.export_library."""
        articles = self._export_articles(self.select_notes(flt, "document", articles=False), meanings)
        heading = "Briefing notes" if not active else describe(flt, meanings=meanings)
        return render_collection(heading, articles, kind="library")
