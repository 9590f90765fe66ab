"""The library notices changes made by others (another connection, another process), not its own."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.services.annotations import create_annotation
from desktop.services.library_watch import ChangeWatch
from desktop.storage.db import Library, open_library
from desktop.storage.models import Article
from tests.postgres import library_location

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def article(library: Library, make_article: object) -> int:
    with library.session() as session:
        row = make_article(1, text="Die Werft in Valdora baut wieder Schiffe.")  # type: ignore[operator]
        session.add(row)
        session.flush()
        return int(row.id)


@pytest.fixture
def watch(library: Library, article: int) -> Iterator[ChangeWatch]:
    w = ChangeWatch(library)
    yield w
    w.close()


@pytest.fixture
def other(db_url: str) -> Iterator[Library]:
    lib = open_library(db_url)
    yield lib
    lib.close()


def test_own_writes_are_not_news(library: Library, watch: ChangeWatch, article: int) -> None:
    assert watch.active and watch.poll() is False
    create_annotation(library, article, quote="Werft")
    with library.session() as session:
        session.add(
            Article(title="Zwei", text="Noch ein Text.", language="de", format="txt", content_hash="2" * 64)
        )
    assert watch.poll() is False
    if library.is_sqlite:
        raw = library.engine.raw_connection()  # our commits now checkpoint the log as they go
        try:
            raw.cursor().execute("PRAGMA wal_autocheckpoint=1")
        finally:
            raw.close()
    for n in range(3):
        create_annotation(library, article, quote="Schiffe" if n % 2 else "Valdora")
    assert watch.poll() is False


def test_another_connection_is_noticed_once(other: Library, watch: ChangeWatch, article: int) -> None:
    create_annotation(other, article, quote="Schiffe")
    assert watch.poll() is True
    assert watch.poll() is False


def test_an_outside_change_before_an_own_write_is_still_noticed(
    library: Library, other: Library, watch: ChangeWatch, article: int
) -> None:
    create_annotation(other, article, quote="Schiffe")
    create_annotation(library, article, quote="Werft")  # ours, right after theirs, before the next poll
    assert watch.poll() is True
    create_annotation(library, article, quote="Valdora")
    assert watch.poll() is False


def test_a_command_line_process_is_noticed(db_path: Path, watch: ChangeWatch, article: int) -> None:
    env = {**os.environ, "BRIEFING_READER_DB": library_location(db_path), "PYTHONUTF8": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "annotate", str(article), "--quote", "baut wieder"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    assert watch.poll() is True


def test_read_only_sessions_and_closing(library: Library, watch: ChangeWatch) -> None:
    with library.read_session() as session:
        session.execute(text("SELECT count(*) FROM articles"))
    assert watch.poll() is False
    watch.close()
    watch.close()
    assert not watch.active and watch.poll() is False
