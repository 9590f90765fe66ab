"""The re-anchoring benchmark's edits know where the passage went; its report adds up."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from desktop.core.anchoring import Anchor
from tools.bench_reanchor import judge, run
from tools.reanchor_edits import WHERE, Case, apply_edit, make_case

SENTENCES = [
    "The council met on Tuesday to discuss the budget for the coming year.",
    "Its chair, a former teacher, said the plan would protect local schools.",
    "Opposition members argued that the figures did not add up at all.",
    "A vote is expected next week after a second reading of the proposal.",
    "Residents who attended the meeting asked for more time to comment.",
    "The mayor's office declined to say whether it would delay the vote.",
    "Similar budgets were rejected twice in the last five years in the region.",
    "The council will publish the full draft on its website on Friday morning.",
]
TEXT = "Council debates budget\n\n" + "\n\n".join(
    " ".join(SENTENCES[i : i + 2]) for i in range(0, len(SENTENCES), 2)
)


def test_apply_edit_maps_the_span() -> None:
    text = "aaa bbb ccc ddd"
    new, span = apply_edit(text, [(0, 0, "x "), (8, 11, "CC"), (15, 15, " y")], (4, 11))
    assert new == "x aaa bbb CC ddd y"
    assert new[span[0] : span[1]] == "bbb CC"


@pytest.mark.parametrize("kind", [k for k in WHERE if not k.startswith("quotes")])
def test_every_edit_kind_knows_the_true_place(kind: str) -> None:
    rng = random.Random(3)
    made = [c for c in (make_case(kind, TEXT, "en", rng) for _ in range(30)) if c is not None]
    assert made, f"no case of {kind}"
    for case in made:
        assert case.new != case.old
        passage = case.old[case.start : case.end]
        if WHERE[case.kind] == "outside":
            assert case.expected is not None and case.new[case.expected[0] : case.expected[1]] == passage
        elif WHERE[case.kind] == "inside":
            assert case.expected is not None and case.new[case.expected[0] : case.expected[1]] != passage
        else:
            assert case.expected is None


def test_judge() -> None:
    case = Case("word_inserted_before", "ab cd", "x ab cd", 3, 5, (5, 7))
    assert judge(case, Anchor(5, 7, "moved", 1.0)) == "right"
    assert judge(case, Anchor(2, 4, "moved", 1.0)) == "silently_wrong"
    assert judge(case, Anchor(5, 7, "fuzzy", 0.9)) == "fuzzy"
    assert judge(case, Anchor(3, 5, "orphaned", 0.0)) == "orphaned"
    gone = Case("passage_deleted", "ab cd", "ab", 3, 5, None)
    assert judge(gone, Anchor(0, 2, "orphaned", 0.0)) == "right"
    assert judge(gone, Anchor(0, 2, "moved", 1.0)) == "silently_wrong"


def test_run_on_a_small_corpus(tmp_path: Path) -> None:
    (tmp_path / "10kgnad").mkdir()
    (tmp_path / "wikinews-en").mkdir()
    german = " ".join(
        f"Der Rat hat am {day} über den Haushalt für das kommende Jahr beraten und nichts beschlossen."
        for day in ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
    )
    (tmp_path / "10kgnad" / "test.csv").write_text(f"Inland;'{german}'\n", encoding="utf-8")
    with (tmp_path / "wikinews-en" / "wikinews_2019.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["url", "date", "title", "text"])
        body = TEXT.split("\n\n", 1)[1]
        writer.writerow(["https://example.org/1", "2019-01-01", "Council debates budget", body])
    result = run(tmp_path, 60, 1)
    assert result["cases"] == 60 == result["overall"]["n"]
    assert sum(r["n"] for r in result["by_kind"].values()) == 60
    assert result["goals"]["silently_wrong_%"] <= 5.0
    assert result["by_group"]["outside"]["right_%"] >= 90.0


def test_a_missing_data_folder_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="lacks 10kgnad"):
        run(tmp_path, 10, 1)
