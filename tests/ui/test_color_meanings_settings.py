"""The command line reads the colour meanings the window stores, from the same settings file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.services import color_meanings
from desktop.ui import palette, paths


def test_defaults_are_the_windows_defaults(tmp_path: Path) -> None:
    assert palette.DEFAULT_MEANINGS is color_meanings.DEFAULT_MEANINGS  # one home
    colors = palette.ColorPalette(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert colors.meanings() == {c: color_meanings.DEFAULT_MEANINGS[c] for c in palette.TOOLBAR_COLORS}


def test_meanings_renamed_in_the_window_are_read_without_qt(tmp_path: Path) -> None:
    ini = tmp_path / "settings.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    colors = palette.ColorPalette(settings)
    renamed = {"yellow": "Kernaussage, wichtig", "green": 'Beleg "zitiert" \\ ä ß ☺', "blue": "Frage; = #x"}
    for color, meaning in renamed.items():
        colors.set_meaning(color, meaning)
    settings.setValue("window/geometry", b"\x00\x01")
    settings.sync()
    meanings = color_meanings.color_meanings(ini)
    for color in palette.TOOLBAR_COLORS:
        assert meanings[color] == colors.meaning(color)
    assert meanings["yellow"] == "Kernaussage, wichtig"


def test_settings_file_is_where_the_window_keeps_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert color_meanings.settings_path() == paths.settings_path()
