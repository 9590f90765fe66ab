"""Fixtures: a fresh, migrated library per test: a SQLite file (never :memory:), or a fresh PostgreSQL
database when the suite runs with ``BRIEFING_TEST_ENGINE=postgresql`` (tests/postgres.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.storage.db import Library, open_library
from desktop.storage.models import Article
from tests.postgres import ON_POSTGRES, library_location

ArticleFactory = Callable[..., Article]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


@pytest.fixture
def db_url(db_path: Path) -> str:
    location = library_location(db_path)
    return location if ON_POSTGRES else f"sqlite:///{location}"


@pytest.fixture
def library(db_url: str) -> Iterator[Library]:
    lib = open_library(db_url, busy_timeout_ms=100)
    try:
        yield lib
    finally:
        lib.close()


@pytest.fixture
def make_article() -> ArticleFactory:
    """Build a minimal valid (unsaved) article with a unique content hash."""

    def build(n: int = 0, *, title: str | None = None, text: str | None = None) -> Article:
        return Article(
            title=title if title is not None else f"Article {n}",
            text=text if text is not None else f"Body of article {n}.",
            language="de",
            format="txt",
            content_hash=f"{n:064x}",
        )

    return build
