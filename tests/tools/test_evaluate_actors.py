"""The actor-level scorer: matches, splits, wrong types, false actors, optional names."""

from __future__ import annotations

import json
from pathlib import Path

from tools.evaluate_actors import Score, figures, read_gold, score_article


def test_scores_an_article_against_its_gold(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    gold = {
        "id": "a",
        "language": "en",
        "actors": [
            {"name": "Bernie Sanders", "type": "person", "aliases": ["Sanders"]},
            {"name": "Anna Kolb", "type": "person"},
            {"name": "Euronews", "type": "organization"},
            {"name": "Vermont", "type": "location"},
            {"name": "Belgrad", "type": "location", "also": ["organization"]},
        ],
        "optional": ["Coalition"],
    }
    (tmp_path / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    (article,) = read_gold(tmp_path)
    listed = [
        {"name": "Vermont Bernie Sanders", "type": "person", "aliases": []},  # found, name glued
        {"name": "Sanders’s", "type": "person", "aliases": []},  # a split (possessive ignored)
        {"name": "Euronews", "type": "person", "aliases": []},  # wrong type
        {"name": "Belgrad", "type": "organization", "aliases": []},  # an accepted second type
        {"name": "Coalition", "type": "organization", "aliases": []},  # optional: not counted
        {"name": "Hindus", "type": "person", "aliases": []},  # a false actor
        {"name": "Euro", "type": "other", "aliases": []},  # "other" is not scored
    ]
    score = Score()
    score_article(article, listed, score)
    result = figures(score)
    assert result["person_recall"] == 0.5
    assert result["full_name_rate"] == 0.0
    assert result["person_splits"] == 1
    assert result["person_precision"] == 0.5  # 2 of 4 listed people are gold people
    assert result["organization_recall"] == 0.0
    assert result["location_recall"] == 0.5
    assert result["wrong_types"] == 1
    assert result["false_actors"] == 1
    assert any("Hindus" in e for e in score.errors["a"])
