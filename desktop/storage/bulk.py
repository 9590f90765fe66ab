"""Fast Core-level bulk inserts through an ORM session (no per-object ORM overhead)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Dialect, Table, insert
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


_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}
"""Positional placeholders of the drivers' parameter styles (sqlite3: qmark; psycopg: pyformat)."""
_Key = tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]
_Processors = list[tuple[int, Callable[[Any], Any]]]
_statements: dict[_Key, tuple[str, _Processors]] = {}


def insert_tuples(
    session: Session,
    model: type[Base] | Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    conflict: Sequence[str] = (),
    add: Sequence[str] = (),
) -> None:
    """Insert ``rows`` (values in the order of ``columns``) with the driver's executemany.

    For many small rows: SQLAlchemy builds no parameter dictionary per row; the values of the columns
    whose type converts them (dates and times, booleans) pass through that conversion, as in any insert.
    Python column defaults are not applied: a column left out gets its server default. With
    ``conflict`` (the unique columns) and ``add``, a row whose key is taken adds its ``add`` columns to
    the stored row's instead (``ON CONFLICT ... DO UPDATE``, SQLite and PostgreSQL alike).
    """
    if not rows:
        return
    table = _table(model)
    connection = session.connection()
    dialect = connection.dialect
    key = (dialect.name, table.name, tuple(columns), tuple(conflict), tuple(add))
    prepared = _statements.get(key)
    if prepared is None:
        prepared = _statements[key] = _prepare(dialect, table, columns, conflict, add)
    statement, processors = prepared
    if processors:
        converted = []
        for row in rows:
            values = list(row)
            for position, process in processors:
                values[position] = process(values[position])
            converted.append(tuple(values))
        rows = converted
    connection.exec_driver_sql(statement, rows if isinstance(rows, list) else list(rows))


def _prepare(
    dialect: Dialect, table: Table, columns: Sequence[str], conflict: Sequence[str], add: Sequence[str]
) -> tuple[str, _Processors]:
    """The statement of :func:`insert_tuples` and the value conversions of its columns (by position)."""
    placeholder = _PLACEHOLDERS.get(dialect.paramstyle)
    if placeholder is None:
        raise NotImplementedError(f"parameter style {dialect.paramstyle!r}")
    for column in (*columns, *conflict, *add):
        if column not in table.c:
            raise KeyError(f"{table.name} has no column {column!r}")
    quote = dialect.identifier_preparer.quote
    name = quote(table.name)
    statement = (
        f"INSERT INTO {name} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join(placeholder for _c in columns)})"
    )
    if conflict:
        added = ", ".join(f"{quote(c)} = {name}.{quote(c)} + excluded.{quote(c)}" for c in add)
        statement += f" ON CONFLICT ({', '.join(quote(c) for c in conflict)}) " + (
            f"DO UPDATE SET {added}" if add else "DO NOTHING"
        )
    processors: _Processors = []
    for position, column in enumerate(columns):
        process = table.c[column].type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            processors.append((position, process))
    return statement, processors
