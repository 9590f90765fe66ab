"""The window's start-up check: the daily backup, and a restore offered for a damaged library."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.storage.backup import list_backups, make_backup
from desktop.storage.db import Library, open_library
from desktop.storage.models import Tag
from desktop.ui.context import AppContext
from desktop.ui.restore_dialog import RestoreDialog, check_library_at_start
from tests.damage import damage_index


@pytest.fixture
def damaged(tmp_path: Path) -> bool:
    return False


@pytest.fixture
def library(db_url: str, tmp_path: Path, damaged: bool) -> Iterator[Library]:
    with open_library(db_url) as lib:
        with lib.session() as session:
            session.add(Tag(name="vorher"))
        if damaged:
            make_backup(lib.engine)
    if damaged:
        damage_index(tmp_path / "library.sqlite3", "ix_actor_roles_article_id")  # unused at start
    lib = open_library(db_url, busy_timeout_ms=2000)
    yield lib
    lib.close()


def answer(monkeypatch: pytest.MonkeyPatch, yes: bool) -> list[tuple[str, Path | None]]:
    asked: list[tuple[str, Path | None]] = []

    def ask(cls: type[RestoreDialog], parent: Any, problem: str, backup: Path | None) -> bool:
        asked.append((problem, backup))
        return yes

    monkeypatch.setattr(RestoreDialog, "ask", classmethod(ask))
    return asked


def test_a_sound_library_gets_its_daily_backup_without_a_question(
    make_window: Any, ctx: AppContext, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer(monkeypatch, yes=True)
    window = make_window()
    check_library_at_start(window, ctx, window)
    qtbot.waitUntil(lambda: len(list_backups(tmp_path / "library.sqlite3")) == 1, timeout=10000)
    ctx.tasks.wait(10000)
    assert list_backups(tmp_path / "library.sqlite3")[0].reason == "daily"
    assert asked == []


@pytest.mark.parametrize("damaged", [True])
def test_a_damaged_library_offers_the_newest_backup(
    make_window: Any, ctx: AppContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer(monkeypatch, yes=True)
    window = make_window()
    check_library_at_start(window, ctx, window)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "", timeout=10000)
    assert window.statusBar().currentMessage().startswith("Restored"), window.statusBar().currentMessage()
    ((problem, backup),) = asked
    assert "error code" in problem or "malformed" in problem
    assert backup is not None and backup.name.endswith("-manual.sqlite3")
    assert ctx.library.quick_check() == ""
    with ctx.library.session() as session:  # writable again
        session.add(Tag(name="nachher"))


@pytest.mark.parametrize("damaged", [True])
def test_declining_the_restore_leaves_the_library_refusing_writes(
    make_window: Any, ctx: AppContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer(monkeypatch, yes=False)
    window = make_window()
    check_library_at_start(window, ctx, window)
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=10000)
    assert ctx.library.quick_check() != ""
