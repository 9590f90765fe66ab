"""Opening a library whose format is updated (minutes for a large one) shows a window saying so."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QProgressDialog

from desktop import app as app_module
from desktop.storage.errors import LibraryLockedError


def _shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    show = QProgressDialog.show

    def record(dialog: QProgressDialog) -> None:
        texts.append(dialog.labelText())
        show(dialog)

    monkeypatch.setattr(QProgressDialog, "show", record)
    return texts


def test_an_upgrade_is_shown_while_it_runs(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _shown(monkeypatch)
    opened = object()

    def upgrading(url: str, *, on_upgrade: Callable[[], None]) -> object:
        on_upgrade()
        time.sleep(0.3)
        return opened

    monkeypatch.setattr(app_module, "open_library", upgrading)
    assert app_module._open_library_showing_upgrade("sqlite:///x") is opened
    assert len(texts) == 1 and "once" in texts[0]


def test_an_open_without_upgrade_shows_nothing_and_errors_reach_the_caller(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _shown(monkeypatch)
    opened = object()
    monkeypatch.setattr(app_module, "open_library", lambda url, *, on_upgrade: opened)
    assert app_module._open_library_showing_upgrade("sqlite:///x") is opened

    def locked(url: str, *, on_upgrade: Callable[[], None]) -> object:
        raise LibraryLockedError("locked")

    monkeypatch.setattr(app_module, "open_library", locked)
    with pytest.raises(LibraryLockedError):
        app_module._open_library_showing_upgrade("sqlite:///x")
    assert texts == []
