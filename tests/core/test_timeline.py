"""Articles per week or month for an actor's timeline."""

from __future__ import annotations

import pytest

from desktop.core.timeline import period_label, period_start, timeline


def test_months_are_counted_and_gaps_filled() -> None:
    buckets = timeline([("2025-09-04", False), ("2025-09-30", True), ("2025-11-01", False), (None, True)])
    assert [(b.period, b.articles, b.by_import_date) for b in buckets] == [
        ("2025-09", 2, 1),
        ("2025-10", 0, 0),
        ("2025-11", 1, 0),
    ]
    assert buckets[0].start == "2025-09-01"


def test_weeks_use_iso_numbering_across_the_year_end() -> None:
    buckets = timeline([("2024-12-30", False), ("2025-01-05", False), ("2025-01-06", False)], "week")
    assert [(b.period, b.start, b.articles) for b in buckets] == [
        ("2025-W01", "2024-12-30", 2),
        ("2025-W02", "2025-01-06", 1),
    ]


def test_unreadable_dates_are_left_out_and_unknown_units_refused() -> None:
    assert timeline([("not a date", False), ("", True)]) == []
    with pytest.raises(ValueError):
        timeline([], "year")  # type: ignore[arg-type]


def test_very_long_spans_are_not_filled() -> None:
    buckets = timeline([("1950-01-01", False), ("2020-01-01", False)], "week")
    assert [b.articles for b in buckets] == [1, 1]


def test_period_helpers() -> None:
    import datetime as dt

    day = dt.date(2025, 9, 4)
    assert period_start(day, "month") == dt.date(2025, 9, 1)
    assert period_start(day, "week") == dt.date(2025, 9, 1)
    assert period_label(dt.date(2025, 9, 1), "week") == "2025-W36"
