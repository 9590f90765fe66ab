"""SQL expressions that give the same result on SQLite and PostgreSQL, where the plain forms differ.

- :func:`position`: where a text first occurs in another (1-based, 0 when absent): ``instr`` on
  SQLite, ``strpos`` on PostgreSQL (which has no ``instr``).
- :func:`utc_day`: the UTC calendar day of a stored timestamp as ISO text. SQLite stores the UTC
  time as text (its first ten characters are the day); PostgreSQL stores an instant, shown in the
  session's time zone and date style unless told otherwise.
- :func:`code_point_order`: a text to sort by in code point order, as Python sorts strings and
  SQLite compares them (BINARY). A PostgreSQL database sorts by its collation (often a language's
  rules that skip spaces and punctuation), so the expression gets ``COLLATE "C"`` there.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement
from sqlalchemy.types import Integer


class _Position(FunctionElement[int]):
    type = Integer()
    inherit_cache = True
    name = "position"


class _UtcDay(FunctionElement[str]):
    type = String()
    inherit_cache = True
    name = "utc_day"


class _CodePointOrder(FunctionElement[str]):
    type = String()
    inherit_cache = True
    name = "code_point_order"


def position(text: Any, needle: Any) -> ColumnElement[int]:
    """The 1-based position of ``needle`` in ``text`` (0: not there)."""
    return _Position(text, needle)


def utc_day(timestamp: Any) -> ColumnElement[str]:
    """The UTC day (``YYYY-MM-DD``) of a stored timestamp."""
    return _UtcDay(timestamp)


def code_point_order(text: Any) -> ColumnElement[str]:
    """``text`` to be sorted by code point, whatever the database's collation."""
    return _CodePointOrder(text)


@compiles(_Position)
def _position_sqlite(element: _Position, compiler: Any, **kw: Any) -> str:
    return f"instr({compiler.process(element.clauses, **kw)})"


@compiles(_Position, "postgresql")
def _position_postgresql(element: _Position, compiler: Any, **kw: Any) -> str:
    return f"strpos({compiler.process(element.clauses, **kw)})"


@compiles(_UtcDay)
def _utc_day_sqlite(element: _UtcDay, compiler: Any, **kw: Any) -> str:
    return f"substr({compiler.process(element.clauses, **kw)}, 1, 10)"


@compiles(_UtcDay, "postgresql")
def _utc_day_postgresql(element: _UtcDay, compiler: Any, **kw: Any) -> str:
    return f"to_char(({compiler.process(element.clauses, **kw)}) AT TIME ZONE 'UTC', 'YYYY-MM-DD')"


@compiles(_CodePointOrder)
def _code_point_order_sqlite(element: _CodePointOrder, compiler: Any, **kw: Any) -> str:
    return f"({compiler.process(element.clauses, **kw)})"


@compiles(_CodePointOrder, "postgresql")
def _code_point_order_postgresql(element: _CodePointOrder, compiler: Any, **kw: Any) -> str:
    return f'({compiler.process(element.clauses, **kw)}) COLLATE "C"'
