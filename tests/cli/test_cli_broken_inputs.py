"""Every broken input gets a clear message through the command line and changes nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.broken_inputs import make_broken_inputs
from tests.postgres import library_location

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = next((ROOT / "seeds").glob("*.txt"))
ERRORS = {
    "binary",
    "empty",
    "invalid_utf8",
    "huge",
    "fake_pdf",
    "fake_docx",
    "encrypted_pdf",
    "zip_bomb_docx",
}
FINE = {"latin1", "hostile_html"}


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFING_READER_DB": library_location(db)}
    env.pop("BRIEFING_READER_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )


def test_broken_folder_import_reports_each_file_and_keeps_the_library(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    assert run(db, "import", str(SAMPLE)).returncode == 0
    before = json.loads(run(db, "articles", "--json").stdout)
    folder = tmp_path / "inputs"
    folder.mkdir()
    files = make_broken_inputs(folder)
    broken = tmp_path / "broken"
    broken.mkdir()
    for key in ERRORS:
        shutil.move(str(files[key]), broken / files[key].name)

    result = run(db, "import", "--json", str(broken))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    reported = json.loads(result.stdout)
    assert {Path(r["path"]).name for r in reported} == {files[k].name for k in ERRORS}
    for entry in reported:
        assert entry["status"] == "error"
        assert entry["message"].endswith(".") and len(entry["message"]) > 15, entry
    assert len([line for line in result.stderr.splitlines() if line.startswith("error:")]) == len(ERRORS)
    assert json.loads(run(db, "articles", "--json").stdout) == before

    ok = run(db, "import", "--json", *(str(files[k]) for k in sorted(FINE)))
    assert ok.returncode == 0, ok.stderr
    assert [r["status"] for r in json.loads(ok.stdout)] == ["imported", "imported"]
    for row in json.loads(run(db, "articles", "--json").stdout):
        shown = json.loads(run(db, "show", str(row["id"]), "--json").stdout)
        assert "alert(" not in shown["text"] and "passwd" not in shown["text"]
