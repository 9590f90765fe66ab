"""Deleting an article with everything that belongs to it, and undoing that exactly.

:func:`remove_article` captures the article row and every row that depends on it, found
through the foreign keys of the schema (mentions, roles, annotations and their tags, and any
table added later that points at an article or at one of those rows), then deletes them in
one transaction and takes the article out of the search index. :func:`restore_article` puts
the rows back with their ids; an id taken meanwhile (SQLite hands out the highest id again)
gets a new one and the rows pointing at it follow. Rows that point at something deleted since
(an actor merged away) are left out and counted.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.services.annotations import tag_ids
from desktop.services.dto import ChangeSummary
from desktop.services.queries import NotFoundError
from desktop.storage.base import Base
from desktop.storage.db import Library
from desktop.storage.models import Annotation, Article, Tag
from desktop.storage.search import index_article, unindex_article

Row = dict[str, Any]
_ARTICLES = Article.__table__.name
_TAGS = Tag.__table__.name


class RestoreError(UserError):
    """An article cannot be restored; the message is one sentence for the user."""


@dataclass(frozen=True)
class ArticleSnapshot:
    """A deleted article: its rows and all dependent rows, parents before children."""

    article_id: int
    title: str
    tables: tuple[tuple[str, tuple[Row, ...]], ...]
    tag_names: tuple[tuple[int, str], ...]  # tags the annotations carried (id, name)

    @property
    def annotations(self) -> int:
        """How many annotations (notes and highlights) were deleted with the article."""
        return len(self.rows(Annotation.__table__.name))

    def rows(self, table: str) -> tuple[Row, ...]:
        """The captured rows of ``table``."""
        return next((rows for name, rows in self.tables if name == table), ())


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _children(parent: str) -> list[tuple[Table, str]]:
    """Tables with a foreign key to ``parent``'s primary key, with the referring column."""
    found = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == parent and fk.column.primary_key and table.name != parent:
                found.append((table, fk.parent.name))
    return found


def _capture(session: Session, article_id: int) -> ArticleSnapshot:
    article_rows = [
        dict(r._mapping) for r in session.execute(select(_table(_ARTICLES)).where(Article.id == article_id))
    ]
    if not article_rows:
        raise NotFoundError(f"There is no article {article_id} in this library.")
    captured: dict[str, list[Row]] = {_ARTICLES: article_rows}
    keys: dict[str, set[Any]] = {_ARTICLES: {article_id}}
    pending = [_ARTICLES]
    while pending:
        parent = pending.pop(0)
        for child, column in _children(parent):
            ids = keys.get(parent, set())
            if not ids:
                continue
            rows = [dict(r._mapping) for r in session.execute(select(child).where(child.c[column].in_(ids)))]
            known = captured.setdefault(child.name, [])
            seen = {tuple(sorted(r.items())) for r in known}
            fresh = [r for r in rows if tuple(sorted(r.items())) not in seen]
            if not fresh:
                continue
            known.extend(fresh)
            pk = [c.name for c in child.primary_key.columns]
            if len(pk) == 1:
                keys.setdefault(child.name, set()).update(r[pk[0]] for r in fresh)
                pending.append(child.name)
    order = [t.name for t in Base.metadata.sorted_tables if t.name in captured]
    tag_column = _tag_column()
    tag_ids_used = {r[tag_column[1]] for r in captured.get(tag_column[0], [])} if tag_column else set()
    names = (
        session.execute(select(Tag.id, Tag.name).where(Tag.id.in_(tag_ids_used))).all()
        if tag_ids_used
        else []
    )
    return ArticleSnapshot(
        article_id,
        str(article_rows[0]["title"]),
        tuple((name, tuple(captured[name])) for name in order),
        tuple((int(i), str(n)) for i, n in names),
    )


def _tag_column() -> tuple[str, str] | None:
    """The association table and column that link annotations to tags."""
    for child, column in _children(_TAGS):
        return child.name, column
    return None


def snapshot_article(library: Library, article_id: int) -> ArticleSnapshot:
    """Capture an article with everything that depends on it (nothing is changed)."""
    with library.read_session() as session:
        return _capture(session, article_id)


def remove_article(library: Library, article_id: int) -> ArticleSnapshot:
    """Delete an article with its mentions, roles and annotations; returns what undo needs."""
    with library.session() as session:
        snapshot = _capture(session, article_id)
        for name, rows in reversed(snapshot.tables):
            table = _table(name)
            pk = [c.name for c in table.primary_key.columns]
            for row in rows:
                session.execute(delete(table).where(*[table.c[c] == row[c] for c in pk]))
        unindex_article(session, article_id)
    return snapshot


def _exists(session: Session, table: Table, value: Any) -> bool:
    pk = next(iter(table.primary_key.columns))
    return session.scalar(select(pk).where(pk == value)) is not None


def restore_article(library: Library, snapshot: ArticleSnapshot) -> ChangeSummary:
    """Put a removed article back with all its rows; ids are kept where still free.

    Returns the article's (possibly new) id in ``articles``, the restored annotations, and in
    ``extra["skipped"]`` how many rows pointed at something that no longer exists.
    """
    article = snapshot.rows(_ARTICLES)[0]
    with library.session() as session:
        clash = session.scalar(select(Article.id).where(Article.content_hash == article["content_hash"]))
        if clash is not None:
            raise RestoreError(
                f"The article {snapshot.title!r} was imported again meanwhile (as article {clash}); "
                "nothing was restored."
            )
        new_ids: dict[str, dict[Any, Any]] = defaultdict(dict)
        tag_map: dict[int, int] = {}
        if snapshot.tag_names:
            names = dict(snapshot.tag_names)
            resolved = tag_ids(session, list(names.values()))
            tag_map = dict(zip(names.keys(), resolved, strict=True))
        skipped = 0
        for name, rows in snapshot.tables:
            table = _table(name)
            pk = [c.name for c in table.primary_key.columns]
            for row in rows:
                values = _remap(session, table, dict(row), new_ids, tag_map)
                if values is None:
                    skipped += 1
                    continue
                if len(pk) == 1 and _exists(session, table, values[pk[0]]):
                    old = values.pop(pk[0])
                    values = _drop_taken_uniques(session, table, values)
                    new = session.execute(
                        insert(table).values(**values).returning(table.c[pk[0]])
                    ).scalar_one()
                    new_ids[name][old] = new
                else:
                    session.execute(insert(table).values(**_drop_taken_uniques(session, table, values)))
        article_id = new_ids[_ARTICLES].get(snapshot.article_id, snapshot.article_id)
        index_article(session, article_id, article["title"], article["text"], language=article["language"])
    annotations = tuple(
        new_ids[Annotation.__table__.name].get(r["id"], r["id"])
        for r in snapshot.rows(Annotation.__table__.name)
    )
    return ChangeSummary(articles=(article_id,), annotations=annotations, extra={"skipped": skipped})


def _remap(
    session: Session, table: Table, values: Row, new_ids: dict[str, dict[Any, Any]], tag_map: dict[int, int]
) -> Row | None:
    """Point the row's foreign keys at the restored rows; None when a required target is gone."""
    for fk in table.foreign_keys:
        column, target = fk.parent.name, fk.column.table
        value = values.get(column)
        if value is None:
            continue
        if target.name == _TAGS and value in tag_map:
            values[column] = tag_map[value]
        elif target.name in new_ids and value in new_ids[target.name]:
            values[column] = new_ids[target.name][value]
        elif not _exists(session, target, value):
            if not fk.parent.nullable:
                return None
            values[column] = None
    return values


def _drop_taken_uniques(session: Session, table: Table, values: Row) -> Row:
    """Leave out single-column unique values (an annotation's uid) another row took meanwhile."""
    for constraint in table.constraints:
        columns = list(getattr(constraint, "columns", []))
        if type(constraint).__name__ != "UniqueConstraint" or len(columns) != 1:
            continue
        column = columns[0]
        if column.name in values and column.name != "content_hash" and column.default is not None:
            taken = session.scalar(select(column).where(column == values[column.name]))
            if taken is not None:
                del values[column.name]
    return values


__all__ = ["ArticleSnapshot", "RestoreError", "remove_article", "restore_article", "snapshot_article"]
