"""A library moves SQLite → PostgreSQL → SQLite and stays the same (``check --compare`` says so)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.postgres import fresh_database, needs_postgres

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = next((ROOT / "seeds").glob("*.txt"))


def run(*args: str, db: str | None = None, code: int = 0) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONUTF8": "1", "BRIEFING_READER_USER": "alice"}
    env.pop("BRIEFING_READER_DB", None)
    env.pop("BRIEFING_READER_DEBUG", None)
    prefix = ["--db", db] if db else []
    done = subprocess.run(
        [sys.executable, "-m", "desktop", *prefix, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=240,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == code, done.stderr
    return done


@needs_postgres
def test_sample_library_round_trip_is_identical(tmp_path: Path) -> None:
    first, last = tmp_path / "first.sqlite3", tmp_path / "last.sqlite3"
    run("import", str(SAMPLE), db=str(first))
    run(
        "annotate",
        "1",
        "--quote",
        "Kriegsspiele",
        "--note",
        "Planspiele?",
        "--tag",
        "nato/planung",
        db=str(first),
    )
    run("annotate", "1", "--quote", "Keir Starmer", "--color", "green", db=str(first))
    with fresh_database() as url:
        copied = json.loads(run("copy-library", "--from", str(first), "--to", url, "--json").stdout)
        assert copied["articles"] == 1 and copied["annotations"] == 2 and copied["mentions"] > 0
        run("copy-library", "--from", url, "--to", str(last))
        assert "identical" in run("check", "--compare", url, db=str(first)).stdout
        # the copy on the server works on: new notes get new ids, search finds the text
        run("annotate", "1", "--quote", "Wolodymyr Selenskyj", db=url)
        assert json.loads(run("search", "--json", "seeminenraumung", db=url).stdout)[0]["id"] == 1
        refused = run("copy-library", "--from", str(first), "--to", url, code=1)
        assert "not empty" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    report = json.loads(run("check", "--compare", str(last), "--json", db=str(first)).stdout)
    assert report == {"identical": True, "differences": []}
    run("annotate", "1", "--quote", "Emmanuel Macron", db=str(last))
    differs = run("check", "--compare", str(last), db=str(first), code=1)
    assert "annotations: 2 rows here, 3 there" in differs.stdout
