"""Articles over time: counts per ISO week or calendar month, for an actor's timeline.

Each article counts at its publication date; an article without one counts at its import
date and is flagged, so that a view can say "3 of these dated by import".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from desktop.core.record import record

Unit = Literal["week", "month"]
UNITS: tuple[Unit, ...] = ("week", "month")
#: Gaps between the first and the last period are filled with empty periods up to this many periods.
MAX_FILLED_PERIODS = 520


@record
class TimelineBucket:
    """One week or month: how many articles fall in it, how many of them by import date."""

    period: str  # "2025-09" (month) or "2025-W36" (ISO week)
    start: str  # ISO date of the period's first day
    articles: int
    by_import_date: int = 0


def _parse(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def period_start(day: dt.date, unit: Unit) -> dt.date:
    """The first day (Monday, or the 1st) of the week or month holding ``day``."""
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def _next(start: dt.date, unit: Unit) -> dt.date:
    if unit == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def period_label(start: dt.date, unit: Unit) -> str:
    """``2025-W36`` for a week (ISO numbering), ``2025-09`` for a month."""
    if unit == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{start.year}-{start.month:02d}"


def timeline(dates: Iterable[tuple[str | None, bool]], unit: Unit = "month") -> list[TimelineBucket]:
    """Count ``(ISO date, dated_by_import)`` pairs per period, oldest first, gaps filled.

    Pairs without a readable date are left out.
    """
    return counted_timeline(((value, by_import, 1) for value, by_import in dates), unit)


def counted_timeline(
    days: Iterable[tuple[str | None, bool, int]], unit: Unit = "month"
) -> list[TimelineBucket]:
    """:func:`timeline` of ``(ISO date, dated_by_import, articles)`` triples (counts per day, say)."""
    if unit not in UNITS:
        raise ValueError(f"unknown timeline unit {unit!r}")
    counts: dict[dt.date, list[int]] = {}
    for value, by_import, n in days:
        day = _parse(value) if value else None
        if day is None:
            continue
        bucket = counts.setdefault(period_start(day, unit), [0, 0])
        bucket[0] += n
        bucket[1] += n if by_import else 0
    if not counts:
        return []
    starts = sorted(counts)
    filled: list[dt.date] = []
    current = starts[0]
    while current <= starts[-1] and len(filled) <= MAX_FILLED_PERIODS:
        filled.append(current)
        current = _next(current, unit)
    if len(filled) > MAX_FILLED_PERIODS:
        filled = starts
    return [TimelineBucket(period_label(s, unit), s.isoformat(), *counts.get(s, [0, 0])) for s in filled]
