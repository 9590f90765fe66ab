"""First start: the embedded default library begins with the sample briefing(s) from seeds/."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from desktop.core import locations
from desktop.core.entities.recognizer import Recognizer
from desktop.services.dto import ImportResult
from desktop.storage.db import Library
from desktop.storage.models import Article


def seeds_dir() -> Path:
    """The seeds/ folder beside the package (repository or installed tree)."""
    return locations.seeds_dir()


def sample_files(folder: Path | None = None) -> list[Path]:
    """The sample articles to import on first start (text files, in name order)."""
    folder = folder or seeds_dir()
    return sorted(p for p in folder.glob("*.txt") if p.is_file()) if folder.is_dir() else []


def library_is_empty(library: Library) -> bool:
    """True when the library holds no article yet."""
    with library.read_session() as session:
        return not session.scalar(select(func.count(Article.id)))


def startup_article(library: Library, last_id: int | None) -> tuple[int, int | None]:
    """Article count, and the article to reopen: the last one read if it still exists, else the newest."""
    with library.read_session() as session:
        count = int(session.scalar(select(func.count(Article.id))) or 0)
        if last_id is not None and session.get(Article, last_id) is not None:
            return count, last_id
        return count, session.scalar(select(func.max(Article.id)))


def seed_if_empty(library: Library, recognizer: Recognizer, folder: Path | None = None) -> list[ImportResult]:
    """Import the samples when the library is empty; returns what was imported (or nothing)."""
    if not library_is_empty(library):
        return []
    files = sample_files(folder)
    from desktop.services.importer import Importer  # the reading code only when seeding

    return Importer(library, recognizer).import_paths(files) if files else []
