"""The command line against hostile input and clumsy use: one clear line, exit status, no escapes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile_inputs import ESCAPE_TITLE, GERMAN_BODY, LATIN1_NAME, NEWLINE_NAME
from tests.postgres import library_location
from tools.bench_hostile import run_measured

ROOT = Path(__file__).resolve().parents[2]
# What a terminal acts on: C0 and C1 controls (ESC, BEL, CSI…) other than newline and tab.
TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def run(db: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {
        **os.environ,
        "BRIEFING_READER_DB": library_location(db),
        "PYTHONUTF8": "1",
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("BRIEFING_READER_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        input=stdin,
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=240,
    )
    assert b"Traceback" not in result.stderr, result.stderr
    assert b"unexpected error" not in result.stderr, result.stderr
    return result


def text_of(output: bytes) -> str:
    text = output.decode("utf-8")  # never anything but UTF-8
    assert not TERMINAL_CONTROLS.search(text), repr(text)
    return text


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library holding one article with escape sequences in its title."""
    folder = tmp_path_factory.mktemp("escapes")
    db = folder / "library.sqlite3"
    (folder / "escape.txt").write_text(f"{ESCAPE_TITLE}\n\n{GERMAN_BODY}", encoding="utf-8")
    done = run(db, "import", str(folder / "escape.txt"))
    assert done.returncode == 0, done.stderr
    text_of(done.stdout)
    return db


def test_a_folder_with_a_latin1_file_name_is_imported_whole_with_a_report(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Erster Bericht\n\n{GERMAN_BODY}", encoding="utf-8")
    (folder / LATIN1_NAME).write_text(f"Zweiter Bericht\n\n{GERMAN_BODY} Mehr.", encoding="utf-8")
    (folder / "c.txt").write_text(f"Dritter Bericht\n\n{GERMAN_BODY} Noch mehr.", encoding="utf-8")
    db = tmp_path / "lib.sqlite3"
    done = run(db, "import", str(folder))
    assert done.returncode == 0, done.stderr
    report = text_of(done.stdout)
    assert report.count("imported") == 3 and "Bericht M\ufffdller.txt" in report
    listed = json.loads(text_of(run(db, "articles", "--json").stdout))
    assert sorted(a["title"] for a in listed) == ["Dritter Bericht", "Erster Bericht", "Zweiter Bericht"]


def test_titles_lose_their_escape_sequences_and_no_command_prints_any(library: Path) -> None:
    for args in (("articles",), ("show", "1"), ("search", "Gemeinderat"), ("actors",)):
        done = run(library, *args)
        assert done.returncode == 0, (args, done.stderr)
        shown = text_of(done.stdout) + text_of(done.stderr)
        assert "\u202e" not in shown, args
    title = json.loads(run(library, "articles", "--json").stdout)[0]["title"]
    assert "Gemeinderat" in title and not TERMINAL_CONTROLS.search(title)


def test_a_newline_in_a_file_name_never_splits_the_error_line(tmp_path: Path) -> None:
    bad = tmp_path / NEWLINE_NAME
    bad.write_bytes(b"\x00\x01binary")
    done = run(tmp_path / "lib.sqlite3", "import", str(bad))
    assert done.returncode == 1
    lines = text_of(done.stderr).splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "zeile\\neins" in lines[0]


def test_special_files_in_a_folder_each_get_one_line_and_nothing_hangs(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "ok.txt").write_text(f"Ein Bericht\n\n{GERMAN_BODY}", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.symlink(folder / "missing.txt", folder / "gone.txt")
    os.symlink(folder / "loop.txt", folder / "loop.txt")
    os.symlink(folder, folder / "again", target_is_directory=True)
    done = run(tmp_path / "lib.sqlite3", "import", str(folder))
    assert done.returncode == 1
    errors = text_of(done.stderr).splitlines()
    assert len(errors) == 4 and all(line.startswith("error: ") for line in errors)
    for name in ("pipe.txt", "gone.txt", "loop.txt", "again"):
        assert sum(name in line for line in errors) == 1, name
    assert text_of(done.stdout).count("imported") == 1


@pytest.mark.parametrize("word", ["frobnicate", "imprt"])
def test_an_unknown_command_is_a_usage_error_not_a_window(tmp_path: Path, word: str) -> None:
    done = run(tmp_path / "lib.sqlite3", word)
    assert done.returncode == 2
    message = text_of(done.stderr)
    assert f"unknown command “{word}”" in message
    if word == "imprt":
        assert "did you mean “import”?" in message


@pytest.mark.parametrize("command", [["import", "-"], ["entities", "-"], ["entities", "--jsonl", "-"]])
def test_stdin_beyond_the_limit_is_refused_without_reading_it_all(tmp_path: Path, command: list[str]) -> None:
    one_line = "--jsonl" in command
    measured = run_measured(tmp_path / "lib.sqlite3", command, stdin_bytes=300 << 20, one_line=one_line)
    assert measured["exit_status"] == 1
    expected = (
        "line 1: longer than the limit of 20 MB" if one_line else "larger than the import limit of 20 MB"
    )
    assert expected in measured["stderr"], measured
    peak = measured["peak_rss_mb"]
    assert peak < 250, f"peak memory {peak:.0f} MB for 300 MB on stdin"
