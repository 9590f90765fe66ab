"""backup, restore and check from the command line; damaged, foreign, read-only and remote libraries."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli
from desktop.core.ingest import load_text
from desktop.services.importer import Importer
from desktop.storage import db as storage_db
from desktop.storage.db import open_library
from desktop.storage.models import Actor
from tests.damage import damage_index
from tests.postgres import sqlite_only
from tools.bench_crash import NameRecognizer, synthetic_article

pytestmark = sqlite_only  # backup, check and restore of the SQLite file; its own URL tests

ROOT = Path(__file__).resolve().parents[2]


def run(db: str | Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONUTF8": "1"}
    env.pop("BRIEFING_READER_DEBUG", None)
    env.pop("BRIEFING_READER_DB", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def make_library(path: Path, count: int = 3) -> Path:
    with open_library(f"sqlite:///{path}") as library:
        docs = [(str(i), load_text(synthetic_article(5, i), fmt="paste")) for i in range(count)]
        Importer(library, NameRecognizer()).import_documents(docs)
    return path


def test_backup_check_and_restore(tmp_path: Path) -> None:
    db = make_library(tmp_path / "lib.sqlite3")
    made = run(db, "backup")
    assert made.returncode == 0 and made.stdout.startswith("backed up to ")
    (backup,) = (tmp_path / "backups").glob("lib-*-manual.sqlite3")
    assert run(db, "backup", "-o", str(tmp_path / "copy.sqlite3")).returncode == 0
    again = run(db, "backup", "-o", str(tmp_path / "copy.sqlite3"))
    assert again.returncode == 1 and again.stderr.count("\n") == 1 and "already exists" in again.stderr

    with sqlite3.connect(db) as raw:
        raw.execute("DELETE FROM articles_fts WHERE rowid = 2")
    raw.close()
    found = run(db, "check", "--no-repair")
    assert found.returncode == 1
    assert found.stdout == "1 article(s) missing from the search index\n"
    assert "without --no-repair" in found.stderr
    repaired = run(db, "check", "--json")
    assert repaired.returncode == 0
    report = json.loads(repaired.stdout)
    assert report["ok"] and report["fts_missing"] == [2] and report["fts_rebuilt"] == 3
    assert run(db, "check").stdout.startswith("ok:")

    with sqlite3.connect(db) as raw:
        raw.execute("DELETE FROM articles WHERE id = 3")
        raw.execute("DELETE FROM articles_fts WHERE rowid = 3")
    raw.close()
    restored = run(db, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert f"restored {backup}" in restored.stdout and "previous library is kept as" in restored.stdout
    assert len(json.loads(run(db, "articles", "--json").stdout)) == 3
    refused = run(db, "restore", str(tmp_path / "copy.sqlite3-missing"))
    assert refused.returncode == 1 and "no file" in refused.stderr


def test_a_damaged_library_refuses_writes_with_one_line(tmp_path: Path) -> None:
    db = make_library(tmp_path / "lib.sqlite3")
    assert run(db, "backup").returncode == 0
    damage_index(db, "ix_annotations_author")  # a page the annotation is written into (no whole-file
    before = db.read_bytes()  # check runs per call: it grows with the library)
    result = run(db, "annotate", "1", "--quote", "Bericht")
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert "damaged" in line and "briefing-reader restore " in line and "backups" in line
    assert db.read_bytes() == before
    assert len(json.loads(run(db, "articles", "--json").stdout)) == 3  # reading still works
    check = run(db, "check")
    assert check.returncode == 1 and check.stdout.startswith("integrity check failed")


def test_another_programs_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    other = tmp_path / "photos.db"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        raw.execute("INSERT INTO photos (name) VALUES ('a.jpg')")
    raw.close()
    before = other.read_bytes()
    for command in (["articles"], ["check"], ["backup"]):
        result = run(other, *command)
        assert result.returncode == 1 and result.stderr.count("\n") == 1
        assert "not a Briefing Reader library" in result.stderr or "another program" in result.stderr
    assert other.read_bytes() == before


@pytest.mark.parametrize(
    "url",
    ["postgresql://analyst:s3cret-pw@127.0.0.1:1/briefing", "nosuchdb://analyst:s3cret-pw@host/briefing"],
)
def test_a_password_in_the_url_is_never_printed(url: str) -> None:
    result = run(url, "articles")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "s3cret-pw" not in result.stderr
    assert "analyst:***@host" in result.stderr or "nosuchdb" not in url


def test_a_sqlite_uri_opens_the_library_read_only(tmp_path: Path) -> None:
    db = make_library(tmp_path / "lib.sqlite3")
    work = tmp_path / "work"
    work.mkdir()
    uri = f"file:{db}?mode=ro"
    assert len(json.loads(run(uri, "articles", "--json", cwd=work).stdout)) == 3
    result = run(uri, "annotate", "1", "--quote", "Bericht", cwd=work)
    assert result.returncode == 1 and "read-only" in result.stderr
    assert list(work.iterdir()) == []  # no folder tree named "file:"


def test_export_by_an_ambiguous_actor_name_lists_the_candidates(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    with open_library(f"sqlite:///{db}") as library, library.session() as session:
        session.add_all([Actor(name="Wien", type="location"), Actor(name="Wien", type="person")])
    result = run(db, "export", "--actor", "Wien")
    assert result.returncode == 1
    assert "2 actors are called 'Wien': #1 Wien (location, 0 mentions); #2 Wien (person" in result.stderr
    chosen = run(db, "export", "--actor", "#2")
    assert chosen.returncode == 0 and "on Wien" in chosen.stdout


def test_import_on_a_full_disk_says_so_and_lists_what_was_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite3"
    with open_library(f"sqlite:///{db}") as library, library.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()
    prepare = storage_db._prepare_sqlite_connection

    def small_disk(connection: sqlite3.Connection, busy_timeout_ms: int) -> None:
        prepare(connection, busy_timeout_ms)
        connection.execute(f"PRAGMA max_page_count = {pages + 12}")

    monkeypatch.setattr(storage_db, "_prepare_sqlite_connection", small_disk)
    monkeypatch.setattr("desktop.services.recognition.library_recognizer", lambda *_a, **_k: NameRecognizer())
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:02d}.txt").write_text(synthetic_article(9, i, sentences=30), encoding="utf-8")
    assert cli.run_cli(["--db", str(db), "import", str(folder)]) == 1
    out, err = capsys.readouterr()
    imported = out.splitlines()
    assert imported and all(line.startswith("imported") for line in imported)
    errors = err.splitlines()
    assert "disk full: the article was not stored" in errors[0]
    assert len(imported) + len(errors) == 30
    assert all(line.endswith("not imported: the disk is full") for line in errors[1:])


def test_a_command_on_an_older_library_says_it_updates_it_once(tmp_path: Path) -> None:
    from alembic import command as alembic_command
    from sqlalchemy import create_engine

    from desktop.commands.common import UPGRADE_NOTICE
    from desktop.storage.migrate import alembic_config

    db = make_library(tmp_path / "lib.sqlite3")
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        alembic_command.downgrade(alembic_config(conn), "0009_actor_roles")
    engine.dispose()
    first = run(db, "actors", "--json")
    assert first.returncode == 0, first.stderr
    assert first.stderr.count(UPGRADE_NOTICE) == 1
    again = run(db, "actors", "--json")
    assert again.returncode == 0 and UPGRADE_NOTICE not in again.stderr
    assert json.loads(again.stdout) == json.loads(first.stdout) and json.loads(first.stdout)
