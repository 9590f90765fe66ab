"""Fast Core-level bulk inserts through an ORM session (no per-object ORM overhead)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from desktop.storage.base import Base


def _table(model: type[Base] | Table) -> Table:
    table = model if isinstance(model, Table) else model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model!r} is not mapped to a table")
    return table


def insert_rows(session: Session, model: type[Base] | Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (column name -> value) with one executemany; Python column defaults apply."""
    if rows:
        session.execute(insert(_table(model)), rows)


def insert_returning_ids(
    session: Session, model: type[Base] | Table, rows: list[dict[str, Any]]
) -> list[int]:
    """Insert ``rows`` and return their new primary keys in the order of ``rows``.

    Uses ``INSERT ... RETURNING`` when the database supports it (SQLite >= 3.35, PostgreSQL),
    otherwise one INSERT per row.
    """
    if not rows:
        return []
    table = _table(model)
    pk_columns = list(table.primary_key.columns)
    if len(pk_columns) != 1:
        raise TypeError(f"{table.name} has no single-column primary key")
    pk = pk_columns[0]
    dialect = session.get_bind().dialect
    if dialect.insert_executemany_returning_sort_by_parameter_order or dialect.insert_executemany_returning:
        stmt = insert(table).returning(pk, sort_by_parameter_order=True)
        return [int(row[0]) for row in session.execute(stmt, rows)]
    ids: list[int] = []
    for row in rows:
        result = session.connection().execute(insert(table).values(**row))
        key = result.inserted_primary_key
        if key is None or key[0] is None:
            raise RuntimeError(f"no primary key returned for an insert into {table.name}")
        ids.append(int(key[0]))
    return ids
