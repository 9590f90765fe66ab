"""tools.compare_recognition: differing spans are counted both ways."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools import compare_recognition as cr


def test_differences_counts_spans_found_only_before_or_only_after() -> None:
    before = [(0, 0, 5, "person"), (0, 10, 14, "location"), (1, 3, 7, "organization")]
    after = [(0, 0, 5, "person"), (0, 10, 14, "organization"), (2, 0, 4, "location")]
    report = cr.differences(before, after)
    assert report["only_before"] == 2 and report["only_after"] == 2
    assert report["examples_only_before"] == [(0, 10, 14, "location"), (1, 3, 7, "organization")]
    assert cr.differences(before, list(reversed(before)))["only_after"] == 0


def test_compare_exits_nonzero_on_a_difference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    spans = [(0, 0, 5, "person")]
    groups: list[int] = []

    def recognise(data: Path, limit: int, group: int) -> list[tuple[int, int, int, str]]:
        groups.append(group)
        return list(spans)

    monkeypatch.setattr(cr, "recognise", recognise)
    saved = tmp_path / "spans.json"
    assert cr.main(["--data", str(tmp_path), "--save", str(saved)]) == 0
    assert json.loads(saved.read_text(encoding="utf-8")) == [[0, 0, 5, "person"]]
    assert cr.main(["--data", str(tmp_path), "--compare", str(saved)]) == 0
    spans.append((1, 2, 3, "location"))
    assert cr.main(["--data", str(tmp_path), "--compare", str(saved)]) == 1
    assert '"only_after": 1' in capsys.readouterr().out
    assert cr.main(["--data", str(tmp_path), "--group", "4", "--compare", str(saved)]) == 1
    assert groups == [1, 1, 1, 4]
    with pytest.raises(SystemExit):
        cr.main(["--data", str(tmp_path), "--group", "0", "--compare", str(saved)])
