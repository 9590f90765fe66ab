"""Moving a library between engines: a whole copy in one transaction, and a comparison by content.

Every table of the models is copied in dependency order with its ids; the full-text index is
rebuilt on the target and PostgreSQL's id sequences are moved past the copied ids. Columns and
tables the database sets itself (``info={"set_by_database": True}``, e.g. the actor counts) are
left to the target's triggers and left out of the comparison, as are time zones (a SQLite file
stores UTC without one).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, Table, func, insert, select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from desktop.storage.base import Base
from desktop.storage.db import Library
from desktop.storage.errors import StorageError
from desktop.storage.search import rebuild_index

BATCH = 500


class CopyRefusedError(StorageError):
    """The target library is not empty (nothing was written)."""


@dataclass(frozen=True)
class TableDigest:
    """How many rows a table holds and a SHA-256 over their contents in id order."""

    rows: int
    sha256: str


def _columns(table: Table) -> list[Column[Any]]:
    return [c for c in table.columns if not c.info.get("set_by_database")]


def _order(table: Table) -> list[Column[Any]]:
    return list(table.primary_key.columns) or _columns(table)


def _utc(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value


def _tables() -> list[Table]:
    """The tables to copy and compare: all but those the database's triggers fill."""
    return [t for t in Base.metadata.sorted_tables if not t.info.get("set_by_database")]


def _rows(session: Session, table: Table) -> Any:
    columns = _columns(table)
    statement = select(*columns).order_by(*_order(table))
    for row in session.execute(statement).yield_per(BATCH):
        yield {c.name: _utc(v) for c, v in zip(columns, row, strict=True)}


def copy_library(
    source: Library, target: Library, *, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every row of ``source`` into the empty ``target`` in one transaction; rows per table."""
    counts: dict[str, int] = {}
    with source.read_session() as reading, target.session() as writing:
        for table in _tables():
            if writing.scalar(select(func.count()).select_from(table)):
                raise CopyRefusedError(
                    f"The target library is not empty (table {table.name}); copy into a new, empty library."
                )
        for table in _tables():
            batch: list[dict[str, Any]] = []
            counts[table.name] = 0
            for row in _rows(reading, table):
                batch.append(row)
                if len(batch) >= BATCH:
                    writing.execute(insert(table), batch)
                    counts[table.name] += len(batch)
                    batch = []
            if batch:
                writing.execute(insert(table), batch)
                counts[table.name] += len(batch)
            if progress is not None:
                progress(table.name, counts[table.name])
        if target.engine.dialect.name == "postgresql":
            for table in _tables():
                if "id" in table.columns and table.columns["id"].autoincrement in (True, "auto"):
                    writing.execute(
                        sql(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                        )
                    )
        rebuild_index(writing)
    return counts


def library_digest(library: Library) -> dict[str, TableDigest]:
    """Per table of the models: its row count and a hash of its rows (same content, same hash)."""
    digests: dict[str, TableDigest] = {}
    with library.read_session() as session:
        for table in _tables():
            digest, count = hashlib.sha256(), 0
            for row in _rows(session, table):
                digest.update(repr(sorted((k, _canonical(v)) for k, v in row.items())).encode("utf-8"))
                count += 1
            digests[table.name] = TableDigest(count, digest.hexdigest())
    return digests


def _canonical(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def compare_libraries(first: Library, second: Library) -> list[str]:
    """The differences between two libraries, one sentence per table (empty when identical)."""
    a, b = library_digest(first), library_digest(second)
    problems = []
    for name in a:
        if a[name].rows != b[name].rows:
            problems.append(f"{name}: {a[name].rows} rows here, {b[name].rows} there")
        elif a[name].sha256 != b[name].sha256:
            problems.append(f"{name}: the same {a[name].rows} rows in number, but different contents")
    return problems
