"""A changed copy of an article becomes its next version; its annotations move, turn fuzzy or orphan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import SAMPLE, run


def _paragraphs(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture()
def edited(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A library holding a copy of the sample with three annotations, and the file to edit."""
    db = tmp_path / "library.sqlite3"
    copy = tmp_path / "article.txt"
    text = SAMPLE.read_text(encoding="utf-8")
    copy.write_text(text, encoding="utf-8")
    first = json.loads(run(db, "import", "--json", str(copy)).stdout)
    assert [r["status"] for r in first] == ["imported"]
    body = _paragraphs(text)[1:]
    moved = body[0]
    changed = body[3].split(". ")[0] + "."
    deleted = body[2]
    for quote, note in ((moved, "one"), (changed, "two"), (deleted, "three")):
        run(db, "annotate", "1", "--quote", quote, "--note", note)
    word = max(changed.split(), key=len)
    new_text = text.replace(
        body[0], "Eine kurze Meldung vorweg, eingefügt nach der Erstveröffentlichung.\n" + body[0]
    )
    new_text = new_text.replace(changed, changed.replace(word, "Sondertreffen", 1))
    new_text = new_text.replace(deleted + "\n", "")
    assert new_text.count(deleted) == 0 and new_text != text
    copy.write_text(new_text, encoding="utf-8")
    return db, copy, {"one": moved, "two": changed, "three": deleted}


def test_reimporting_an_edited_copy_makes_a_second_version(edited: tuple[Path, Path, dict[str, str]]) -> None:
    db, copy, quotes = edited
    result = json.loads(run(db, "import", "--json", str(copy)).stdout)
    assert result[0]["status"] == "updated" and result[0]["id"] == 1
    assert result[0]["anchors"] == {"exact": 0, "moved": 1, "fuzzy": 1, "orphaned": 1}
    assert len(json.loads(run(db, "articles", "--json").stdout)) == 1

    versions = json.loads(run(db, "versions", "1", "--json").stdout)
    assert [v["number"] for v in versions["versions"]] == [1, 2]
    assert [v["current"] for v in versions["versions"]] == [False, True]
    assert versions["anchors"] == {"exact": 0, "moved": 1, "fuzzy": 1, "orphaned": 1}
    by_note = {a["note"]: a for a in versions["annotations"]}
    assert by_note["one"]["state"] == "moved" and not by_note["one"]["needs_check"]
    assert by_note["one"]["quote"] == quotes["one"]
    assert by_note["two"]["state"] == "fuzzy" and by_note["two"]["needs_check"]
    assert 0.85 <= by_note["two"]["score"] < 1
    assert by_note["two"]["previous_quote"] == quotes["two"]
    assert "Sondertreffen" in by_note["two"]["quote"]
    assert by_note["three"]["state"] == "orphaned" and by_note["three"]["needs_check"]
    assert by_note["three"]["quote"] == quotes["three"]  # the old quote is kept for the user

    shown = json.loads(run(db, "show", "1", "--json").stdout)
    text = shown["text"]
    one = by_note["one"]
    assert text[one["start"] : one["end"]] == quotes["one"]
    assert len(shown["annotations"]) == 3  # nothing dropped

    plain = run(db, "versions", "1").stdout
    assert "version 2" in plain and "orphaned" in plain and "check!" in plain


def test_import_prints_updated_with_counts(edited: tuple[Path, Path, dict[str, str]]) -> None:
    db, copy, _quotes = edited
    out = run(db, "import", str(copy)).stdout
    assert out.startswith("updated")
    assert "moved 1" in out and "fuzzy 1" in out and "orphaned 1" in out
    again = json.loads(run(db, "import", "--json", str(copy)).stdout)
    assert again[0]["status"] == "duplicate"


def test_the_old_text_again_is_a_duplicate(edited: tuple[Path, Path, dict[str, str]], tmp_path: Path) -> None:
    db, copy, _quotes = edited
    run(db, "import", str(copy))
    old = tmp_path / "old.txt"
    old.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    again = json.loads(run(db, "import", "--json", str(old)).stdout)
    assert again[0]["status"] == "duplicate" and again[0]["id"] == 1


def test_versions_of_a_missing_article_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "l.sqlite3"
    text = tmp_path / "one.txt"
    text.write_text("A short note about the harbour.\n\nIt opened on Monday.\n", encoding="utf-8")
    run(db, "import", str(text))
    result = run(db, "versions", "7", check=False)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "no article 7" in result.stderr
