"""Read-only commands on a library at the newest schema run on sqlite3 alone (desktop.services.sqlite_reads):
the same bytes on stdout and stderr as the usual way, without importing SQLAlchemy, and the usual way
whenever reading like this is not plainly safe."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.storage.search_query import MAX_QUERY_CHARS
from desktop.storage.sqlite_read import open_read_only
from desktop.storage.urls import existing_library_file
from tests.cli.fast_reads import ROOT, build_library, run_both
from tests.postgres import sqlite_only

pytestmark = sqlite_only


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_library(tmp_path_factory.mktemp("fast") / "library.sqlite3")


CALLS = [
    ["search", "Hafen"],
    ["search", "Hafen", "--json"],
    ["search", "hamburg"],
    ["search", "harbour plan", "--json"],
    ["search", '"Koalition der Willigen"', "--json"],
    ["search", "Sicherheits*", "--json"],
    ["search", "Bericht -Regierung"],
    ["search", "Bericht OR Fête", "--json"],
    ["search", "regierungen"],  # found through the stem only
    ["search", "nirgendwo"],
    ["search", '" " *'],  # no words to search for
    ["search", "--json", '"'],
    ["search", "x" * (MAX_QUERY_CHARS + 1)],
    ["search", " ".join(f"w{n}" for n in range(40))],
    ["articles"],
    ["articles", "--json"],
    ["articles", "--all"],
    ["articles", "--limit", "3"],
    ["articles", "--limit", "3", "--json"],
    ["articles", "--unread", "--json"],
    ["articles", "--read"],
    ["articles", "--starred", "--json", "--all"],
    ["articles", "--archived"],
    ["articles", "--read", "--starred", "--archived", "--json"],
    ["actors"],
    ["actors", "--json"],
    ["actors", "--limit", "2"],
    ["actors", "--all", "--json"],
    ["actors", "--article", "2"],
    ["actors", "--article", "2", "--json", "--limit", "1"],
    ["actors", "--article", "6", "--json"],
    ["actors", "--article", "999"],
    ["show", "2"],
    ["show", "2", "--json"],
    ["show", "4"],
    ["show", "3", "--json"],
    ["show", "6"],
    ["show", "999", "--json"],
    ["versions", "2"],
    ["versions", "2", "--json"],
    ["versions", "4"],
    ["versions", "5", "--json"],
    ["versions", "999"],
    ["annotations"],
    ["annotations", "--json"],
    ["annotations", "--article", "2"],
    ["annotations", "--article", "4", "--json"],
    ["annotations", "--article", "5", "--json"],
    ["annotations", "--article", "999"],
    ["annotations", "--article", "99999999999999999999"],
    ["quotes"],
    ["quotes", "--json"],
    ["quotes", "--article", "2"],
    ["quotes", "--article", "2", "--json"],
    ["quotes", "--article", "5"],
    ["quotes", "--article", "999"],
    ["quotes", "--actor", "Anna Beispiel", "--json"],
    ["quotes", "--actor", "ministerin beispiel"],  # an alias, case aside
    ["quotes", "--actor", "Hambourg", "--article", "2"],
    ["quotes", "--actor", "#2", "--json"],
    ["quotes", "--actor", "Berlin"],  # two actors: which one?
    ["quotes", "--actor", "#99999999999999999999"],
    ["quotes", "--actor", "Niemand"],
]


@pytest.mark.parametrize("args", CALLS, ids=lambda a: " ".join(a)[:60])
def test_the_fast_way_writes_what_the_usual_way_writes(
    library: Path, args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    *usual, usual_was_fast = run_both(library, args, fast=False, monkeypatch=monkeypatch, capsys=capsys)
    *fast, was_fast = run_both(library, args, fast=True, monkeypatch=monkeypatch, capsys=capsys)
    assert was_fast and not usual_was_fast
    assert fast == usual
    assert usual[1] or usual[2]  # each call says something


def test_the_calls_cover_hits_ties_and_cuts(
    library: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The compared calls are not vacuous: hits with snippets, a tie of equal names and counts, a cut."""
    _, out, _, _ = run_both(
        library, ["search", "Hafen", "--json"], fast=True, monkeypatch=monkeypatch, capsys=capsys
    )
    assert len(json.loads(out)) >= 3 and all(h["hits"] for h in json.loads(out))
    _, out, _, _ = run_both(
        library, ["actors", "--article", "2", "--json"], fast=True, monkeypatch=monkeypatch, capsys=capsys
    )
    rows = json.loads(out)
    assert [r["name"] for r in rows[:2]] == ["Berlin", "Berlin"] and rows[0]["mentions"] == rows[1][
        "mentions"
    ]
    _, out, err, _ = run_both(
        library, ["articles", "--limit", "3"], fast=True, monkeypatch=monkeypatch, capsys=capsys
    )
    assert len(out.splitlines()) == 3 and "--all" in err
    _, out, _, _ = run_both(
        library, ["show", "2", "--json"], fast=True, monkeypatch=monkeypatch, capsys=capsys
    )
    shown = json.loads(out)
    assert shown["annotations"][1]["tags"] == ["follow/up", "urgent"] and len(shown["mentions"]) == 7


def _subprocess(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONUTF8": "1"}
    for name in ("BRIEFING_READER_DEBUG", "BRIEFING_READER_DB", "NO_COLOR"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "desktop", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=240,
    )


def _imported(stderr: str) -> set[str]:
    """The top-level packages ``-X importtime`` reports."""
    return {
        line.split("|")[-1].strip().split(".")[0]
        for line in stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


@pytest.mark.parametrize(
    "args",
    [
        ["search", "Hafen"],
        ["articles", "--json"],
        ["actors", "--article", "2"],
        ["show", "2", "--json"],
        ["dossier", "#4"],
        ["network", "--actor", "#4", "--format", "gexf"],
        ["annotations", "--tag", "follow", "--search", "who"],
        ["export", "--actor", "#4", "--color", "yellow"],
        ["export", "--format", "w3c", "--all"],
    ],
    ids=lambda a: " ".join(a),
)
def test_a_read_command_imports_no_sqlalchemy(
    library: Path, args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    done = _subprocess(library, *args)
    assert done.returncode == 0, done.stderr
    imported = _imported(done.stderr)
    assert "desktop" in imported  # the report is there
    assert not imported & {"sqlalchemy", "alembic"}
    _status, usual, _err, _fast = run_both(library, args, fast=False, monkeypatch=monkeypatch, capsys=capsys)
    assert done.stdout == usual


def test_a_write_command_still_opens_the_usual_way(library: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.sqlite3"
    shutil.copy(library, db)
    done = _subprocess(db, "mark", "2", "--star")
    assert done.returncode == 0, done.stderr
    assert "sqlalchemy" in _imported(done.stderr)


def test_committed_writes_of_a_crashed_writer_are_read(library: Path, tmp_path: Path) -> None:
    """A writer killed after its commit leaves the change in the write-ahead log only: read from there."""
    db = tmp_path / "crashed.sqlite3"
    shutil.copy(library, db)
    code = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA wal_autocheckpoint=0')\n"
        "c.execute(\"UPDATE articles SET title = 'Nach dem Absturz' WHERE id = 3\")\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(db)], check=False, timeout=60)
    assert Path(f"{db}-wal").stat().st_size > 0  # the change is in the log, not in the file
    done = _subprocess(db, "articles", "--json", "--all")
    assert done.returncode == 0, done.stderr
    assert "sqlalchemy" not in _imported(done.stderr)
    assert {r["id"]: r["title"] for r in json.loads(done.stdout)}[3] == "Nach dem Absturz"


def _changed_copy(library: Path, tmp_path: Path, *statements: str) -> Path:
    db = tmp_path / "changed.sqlite3"
    shutil.copy(library, db)
    connection = sqlite3.connect(db, isolation_level=None)
    for statement in statements:
        connection.execute(statement)
    connection.close()
    return db


def test_only_a_library_at_the_shipped_schema_in_wal_mode_is_read_this_way(
    library: Path, tmp_path: Path
) -> None:
    connection = open_read_only(library)
    assert connection is not None
    connection.close()
    assert open_read_only(tmp_path / "missing.sqlite3") is None
    assert not (tmp_path / "missing.sqlite3").exists()  # never created
    assert open_read_only(tmp_path) is None
    (tmp_path / "text.sqlite3").write_text("not a database\n" * 100, encoding="utf-8")
    assert open_read_only(tmp_path / "text.sqlite3") is None
    older = _changed_copy(library, tmp_path, "UPDATE alembic_version SET version_num = '0008_performance'")
    assert open_read_only(older) is None  # migrations are due: the usual way runs them
    older.unlink()
    rollback = _changed_copy(library, tmp_path, "PRAGMA journal_mode=DELETE")
    assert open_read_only(rollback) is None  # the usual way switches it to WAL first
    rollback.unlink()
    missing = _changed_copy(library, tmp_path, "DROP TABLE actor_roles")
    assert open_read_only(missing) is None


def test_a_library_that_cannot_be_read_this_way_gives_the_usual_answer(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _changed_copy(library, tmp_path, "PRAGMA journal_mode=DELETE")
    status, out, _err, was_fast = run_both(
        db, ["search", "Hafen", "--json"], fast=True, monkeypatch=monkeypatch, capsys=capsys
    )
    assert status == 0 and json.loads(out) and not was_fast
    with sqlite3.connect(db) as connection:  # the usual way opened it: WAL now, as before
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    missing = tmp_path / "nothing" / "here.sqlite3"
    status, _out, _err, was_fast = run_both(
        missing, ["actors"], fast=True, monkeypatch=monkeypatch, capsys=capsys
    )
    assert status == 1 and not missing.exists() and not was_fast  # no empty library left behind
    assert "There is no library at" in _err and _err.count("\n") == 1


def test_a_file_name_with_uri_characters_is_read_this_way_too(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "Bibliothek ?#%ü&mode=rwc.sqlite3"
    shutil.copy(library, db)
    *usual, _ = run_both(db, ["actors", "--json"], fast=False, monkeypatch=monkeypatch, capsys=capsys)
    *fast, was_fast = run_both(db, ["actors", "--json"], fast=True, monkeypatch=monkeypatch, capsys=capsys)
    assert was_fast and fast == usual and json.loads(fast[1])
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(db.name)) == []


def test_only_plain_paths_of_existing_files_are_read_this_way(library: Path, tmp_path: Path) -> None:
    env = {"BRIEFING_READER_DB": str(library)}
    assert existing_library_file(None, env) == library
    assert existing_library_file(str(library), {}) == library
    assert existing_library_file(f"  {library}  ", {}) == library  # stripped, as the usual way does
    for other in ("", "   ", f"file:{library}", f"sqlite:///{library}", "postgresql://h/db", "a\x00b"):
        assert existing_library_file(other, env) is None, other
    assert existing_library_file(str(tmp_path / "missing.sqlite3"), env) is None
    assert existing_library_file(str(tmp_path), env) is None  # a folder


def test_a_search_builds_no_dossier_or_network_classes(library: Path) -> None:
    done = _subprocess(library, "search", "Hafen")
    assert done.returncode == 0, done.stderr
    modules = {
        line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")
    }
    assert "desktop.services.dto" in modules
    assert "desktop.services.dto_dossier" not in modules
    from desktop.services import dto, dto_dossier

    assert dto.Dossier is dto_dossier.Dossier and dto.NetworkNode is dto_dossier.NetworkNode
