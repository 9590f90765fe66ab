"""tools.compare_quotes: statements are compared field by field, with the saved actors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.types import EntitySpan, LinkedActor
from tools import compare_quotes as cq

TEXTS = [
    ("de", "Max Berger sagte, die Lage sei ernst. Das Wetter ist schön."),
    ("en", "John Smith said the government had acted too late."),
]


def _actor(text: str, name: str) -> LinkedActor:
    start = text.index(name)
    return LinkedActor(
        name.lower(),
        name,
        "person",
        (name,),
        ("Sprecher",),
        (EntitySpan(start, start + len(name), name, "person"),),
    )


def test_actors_survive_json() -> None:
    actor = _actor(TEXTS[0][1], "Max Berger")
    assert cq.actor_from_json(json.loads(json.dumps(cq.actor_json(actor)))) == actor


def test_differences_count_statements_differing_in_any_field() -> None:
    before = [(0, 11, 29, "indirect", 0, 5, 0, 0, 10, None)]
    after = [(0, 11, 29, "indirect", 0, 5, None, 0, 10, None)]
    report = cq.differences(before, after)
    assert (report["only_before"], report["only_after"]) == (1, 1)
    assert cq.differences(before, list(before))["only_before"] == 0


def test_compare_runs_the_finder_with_the_saved_actors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cq, "articles", lambda data, german, english: list(TEXTS))
    linked = [[_actor(TEXTS[0][1], "Max Berger")], []]
    monkeypatch.setattr(cq, "link_actors", lambda texts, with_actors: linked)
    saved = tmp_path / "quotes.json"
    assert cq.main(["--data", str(tmp_path), "--save", str(saved)]) == 0
    content = json.loads(saved.read_text(encoding="utf-8"))
    assert len(content["statements"]) == 2 and content["statements"][0][0] == 0
    assert content["statements"][0][6:9] == [0, 0, 10]  # the saved actor speaks, named at 0-10
    monkeypatch.setattr(cq, "link_actors", lambda texts, with_actors: pytest.fail("recognised again"))
    assert cq.main(["--data", str(tmp_path), "--compare", str(saved)]) == 0
    assert '"only_before": 0' in capsys.readouterr().out
    content["statements"][1][1] += 1  # a statement found elsewhere before
    saved.write_text(json.dumps(content), encoding="utf-8")
    assert cq.main(["--data", str(tmp_path), "--compare", str(saved)]) == 1
    monkeypatch.setattr(cq, "articles", lambda data, german, english: [TEXTS[1], TEXTS[0]])
    assert cq.main(["--data", str(tmp_path), "--compare", str(saved)]) == 2
