"""JSON lists are streamed a row per line with the C encoder: valid, same content, nothing built first."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.commands.common import emit, emit_rows

ROWS: list[Any] = [
    {"id": 1, "title": "Räumung „Kiew“ \x1b[31m", "tags": ["a", "b/c"], "score": 1.5, "none": None},
    {"id": 2, "title": "line\nbreak\u202e", "nested": {"x": [1, 2]}},
]


@pytest.mark.parametrize("rows", [ROWS, [], [{}], [[1, 2]], ["text"]])
def test_streamed_lists_hold_the_same_content(rows: list[Any]) -> None:
    out = io.StringIO()
    emit(rows, out)
    assert json.loads(out.getvalue()) == rows
    assert out.getvalue().endswith("\n")


def test_one_row_per_line_and_control_characters_escaped() -> None:
    out = io.StringIO()
    emit(ROWS, out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 2 + len(ROWS)
    assert "\x1b" not in out.getvalue() and "\\u001b" in out.getvalue()
    assert "Räumung „Kiew“" in out.getvalue()  # non-ASCII kept as is


def test_rows_are_written_as_they_come() -> None:
    out = io.StringIO()
    written: list[int] = []

    def rows() -> Iterator[dict[str, int]]:
        for n in range(3):
            written.append(len(out.getvalue()))
            yield {"n": n}

    emit_rows(rows(), out)
    assert written[0] == 0 and written[1] > 0 and written[2] > written[1]
    assert json.loads(out.getvalue()) == [{"n": 0}, {"n": 1}, {"n": 2}]


def test_a_mapping_has_a_key_per_line_and_its_lists_an_element_per_line() -> None:
    data = {"actor": {"id": 1, "name": "A \x1b[31m"}, "articles": ROWS, "quotes": [], "n": 3, "none": None}
    out = io.StringIO()
    emit(data, out)
    assert json.loads(out.getvalue()) == data
    lines = out.getvalue().splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    assert len(lines) == 2 + len(data) + len(ROWS) + 1  # "articles": [ … one line per row … ]
    assert '  "articles": [' in lines and '  "quotes": [],' in lines
    assert "\x1b" not in out.getvalue()
    out = io.StringIO()
    emit({"a": [1]}, out)
    assert out.getvalue() == json.dumps({"a": [1]}, indent=2) + "\n"  # small data reads as before


@pytest.mark.parametrize("data", [{}, 3, "text", None])
def test_other_data_is_one_line(data: Any) -> None:
    out = io.StringIO()
    emit(data, out)
    assert json.loads(out.getvalue()) == data and out.getvalue().count("\n") == 1
