"""The start-up check reads a small library's whole file every time, a big one's only with the backup."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services import maintenance
from desktop.storage.backup import list_backups, make_backup
from desktop.storage.db import open_library


def _calls(monkeypatch: pytest.MonkeyPatch, library: object) -> list[int]:
    calls: list[int] = []
    original = library.quick_check  # type: ignore[attr-defined]

    def counted() -> str:
        calls.append(1)
        return original()

    monkeypatch.setattr(library, "quick_check", counted)
    return calls


def test_a_small_library_is_checked_at_every_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "library.sqlite3"
    with open_library(f"sqlite:///{path}") as library:
        make_backup(library.engine)  # a fresh backup: none is due
        calls = _calls(monkeypatch, library)
        care = maintenance.care_at_start(library)
    assert calls == [1] and care.problem == "" and care.backed_up is None


def test_a_big_library_is_checked_only_when_its_backup_is_due(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(maintenance, "CHECK_EVERY_START_BYTES", 0)  # every library counts as big
    path = tmp_path / "library.sqlite3"
    with open_library(f"sqlite:///{path}") as library:
        calls = _calls(monkeypatch, library)
        first = maintenance.care_at_start(library)  # no backup yet: check, then back up
        second = maintenance.care_at_start(library)  # the backup is fresh: no whole-file read
    assert calls == [1]
    assert first.backed_up is not None and second.backed_up is None
    assert [b.reason for b in list_backups(path)] == ["daily"]
