"""The command line as a subprocess: the contract of issue #2, end to end on the sample."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.postgres import library_location, sqlite_only

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = next((ROOT / "seeds").glob("*.txt"))


def run(
    db: Path, *args: str, stdin: str | bytes | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFING_READER_DB": library_location(db), "PYTHONUTF8": "1"}
    env.pop("BRIEFING_READER_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        input=stdin.decode("utf-8") if isinstance(stdin, bytes) else stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=240,
    )
    assert "Traceback" not in result.stderr, result.stderr
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("lib") / "library.sqlite3"
    out = run(db, "import", "--json", str(SAMPLE))
    results = json.loads(out.stdout)
    assert [r["status"] for r in results] == ["imported"]
    assert results[0]["language"] == "de"
    assert results[0]["title"].startswith("Koalition der Willigen")
    return db


def test_import_twice_is_duplicate(library: Path) -> None:
    again = json.loads(run(library, "import", "--json", str(SAMPLE)).stdout)
    assert again[0]["status"] == "duplicate"
    assert again[0]["id"] == 1
    articles = json.loads(run(library, "articles", "--json").stdout)
    assert len(articles) == 1
    assert set(articles[0]) == {
        "id",
        "title",
        "language",
        "source",
        "published",
        "annotations",
        "outlet",
        "read",
        "starred",
        "archived",
    }


def test_stdin_import_and_same_text_is_duplicate(library: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    result = json.loads(run(library, "import", "--json", "-", stdin=text).stdout)
    assert result[0]["status"] == "duplicate"


def test_show_json_shape(library: Path) -> None:
    shown = json.loads(run(library, "show", "1", "--json").stdout)
    assert set(shown) == {"id", "title", "language", "text", "mentions", "annotations"}
    text = shown["text"]
    for m in shown["mentions"]:
        assert set(m) == {"start", "end", "actor_id", "type"}
        assert 0 <= m["start"] < m["end"] <= len(text)
        assert m["type"] in {"person", "organization", "location", "other"}


def test_annotate_export_and_search(library: Path, tmp_path: Path) -> None:
    quote = "drei wichtige Sicherheitsgarantien"
    made = json.loads(
        run(
            library,
            "annotate",
            "1",
            "--quote",
            quote,
            "--note",
            "Kern *der* Sache",
            "--tag",
            "nato/planung",
            "--tag",
            "garantien",
            "--color",
            "green",
            "--json",
        ).stdout
    )
    assert made["quote"] == quote
    assert made["article"] == 1
    assert made["tags"] == ["garantien", "nato/planung"]
    assert made["color"] == "green"
    shown = json.loads(run(library, "show", "1", "--json").stdout)
    assert shown["text"][made["start"] : made["end"]] == quote
    assert any(a["id"] == made["id"] for a in shown["annotations"])

    out_file = tmp_path / "notes.md"
    run(library, "export", "--article", "1", "-o", str(out_file))
    md = out_file.read_text(encoding="utf-8")
    assert md.startswith("---\n")
    assert f"> {quote}" in md
    assert f"briefing-reader://article/1#{made['start']}-{made['end']}" in md
    refused = run(library, "export", "--article", "1", "-o", str(out_file), check=False)
    assert refused.returncode == 1
    assert "exists" in refused.stderr
    by_tag = run(library, "export", "--tag", "nato").stdout
    assert quote in by_tag
    assert "Notes tagged" in by_tag

    for query in ("Seeminenräumung", "seeminenraumung", "SEEMINENRAUMUNG"):
        hits = json.loads(run(library, "search", "--json", query).stdout)
        assert [h["id"] for h in hits] == [1]
        assert "Seeminenräumung" in hits[0]["snippet"]


def test_user_errors_exit_1_with_one_line(library: Path, tmp_path: Path) -> None:
    cases = [
        ("show", "99"),
        ("annotate", "1", "--quote", "diesen Satz gibt es nicht"),
        ("annotate", "1", "--quote", "die", "--note", "x"),
        ("annotate", "1", "--quote", "Kyjiw sieht", "--color", "chartreuse"),
        ("export", "--actor", "Niemand Bekanntes"),
        ("import", str(tmp_path / "missing.txt")),
    ]
    for args in cases:
        result = run(library, *args, check=False)
        assert result.returncode == 1, args
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, (args, result.stderr)


def test_usage_errors_exit_2(library: Path) -> None:
    for args in (
        ("show",),
        ("show", "abc"),
        ("export",),
        ("annotate", "1"),
        ("entities", "--language", "fr"),
    ):
        result = run(library, *args, check=False)
        assert result.returncode == 2, args


def test_a_blank_user_name_is_a_usage_error_not_a_silent_fallback(library: Path) -> None:
    for blank in ("", "   ", "\x07"):
        result = run(library, "--user", blank, "annotations", check=False)
        assert result.returncode == 2, repr(blank)
        assert "--user needs a name" in result.stderr.splitlines()[-1]
    assert run(library, "--user", " Ana ", "annotations").returncode == 0


@sqlite_only
def test_bad_db_location_is_a_user_error(tmp_path: Path) -> None:
    not_db = tmp_path / "not-a-db.sqlite3"
    not_db.write_bytes(b"this is not a database at all" * 100)
    result = run(not_db, "articles", check=False)
    assert result.returncode == 1
    assert "not" in result.stderr.lower()


def test_entities_jsonl_answers_every_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Ein Satz ohne Namen.", "language": "de"}),
        json.dumps({"text": "Another sentence.", "language": "en"}),
        "",
    ]
    result = run(tmp_path / "unused.sqlite3", "entities", "--jsonl", stdin="\n".join(lines) + "\n")
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == 3
    assert answers[0]["language"] == "de"
    assert answers[1]["language"] == "en"
    assert all(isinstance(a["entities"], list) for a in answers)
    bad = run(tmp_path / "unused.sqlite3", "entities", "--jsonl", stdin="{not json\n", check=False)
    assert bad.returncode == 1


def test_list_edit_delete_annotations(library: Path) -> None:
    made = json.loads(
        run(library, "annotate", "1", "--quote", "Luftverteidigung", "--tag", "abwehr", "--json").stdout
    )
    listed = json.loads(run(library, "annotations", "--tag", "abwehr", "--json").stdout)
    assert [a["id"] for a in listed] == [made["id"]]
    edited = json.loads(
        run(
            library,
            "edit-annotation",
            str(made["id"]),
            "--note",
            "neu",
            "--color",
            "blue",
            "--no-tags",
            "--json",
        ).stdout
    )
    assert (edited["note"], edited["color"], edited["tags"]) == ("neu", "blue", [])
    run(library, "delete-annotation", str(made["id"]))
    assert all(a["id"] != made["id"] for a in json.loads(run(library, "annotations", "--json").stdout))
    assert run(library, "delete-annotation", str(made["id"]), check=False).returncode == 1


def test_show_names_the_outlet_and_date_never_the_local_file(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    article = tmp_path / "private-folder" / "000_7f78.txt"
    article.parent.mkdir()
    article.write_text("Berlin, 4. September 2025\n\nDer Text des Artikels ist hier.\n", encoding="utf-8")
    run(db, "import", str(article))
    shown = run(db, "show", "1").stdout
    assert "private-folder" not in shown and "000_7f78" not in shown
    assert "2025-09-04" in shown.splitlines()[1]
