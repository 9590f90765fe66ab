"""Export Notes…: the Obsidian vault from the window (folder chosen, written in the background, reported),
and the user's colour meanings in every export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.services.annotations import create_annotation
from desktop.ui.context import AppContext
from desktop.ui.export_dialog import ExportDialog
from tests.ui.reader_support import GERMAN_TEXT, OTHER_TEXT, TIMEOUT, import_article


def test_vault_export_from_the_dialog_reports_and_updates(
    qtbot: Any, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = import_article(ctx, GERMAN_TEXT)
    second = import_article(ctx, OTHER_TEXT)
    create_annotation(ctx.library, first, quote="Anna Berg traf", note="Wer lud ein?")
    create_annotation(ctx.library, second, quote="die Zukunft der Stadt", color="green")
    ctx.color_palette().set_meaning("yellow", "Kernaussage")
    vault = tmp_path / "Vault"
    asked: list[str] = []
    monkeypatch.setattr(
        ExportDialog, "choose_folder", classmethod(lambda cls, _p, s: asked.append(s) or str(vault))
    )
    dialog = ExportDialog(ctx, first, "Treffen in Weissfeld")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.vault_browse, Qt.MouseButton.LeftButton)
    assert asked and dialog.vault_edit.text() == str(vault) and dialog.to_vault.isChecked()
    assert not dialog.scope_box.isEnabled()  # a vault holds the whole library
    with qtbot.waitSignal(dialog.vault_exported, timeout=TIMEOUT) as blocker:
        dialog.start_export()
    report = blocker.args[0]
    assert len(report.created) >= 4 and not report.updated  # two articles and their actors
    notes = {p.relative_to(vault).as_posix(): p.read_text(encoding="utf-8") for p in vault.rglob("*.md")}
    article = next(text for name, text in notes.items() if name.startswith("Articles/Treffen"))
    assert "Kernaussage" in article and "Wer lud ein?" in article  # the meaning as the user named it
    assert any(name.startswith("Actors/Anna Berg") for name in notes)
    assert dialog.isVisible() and "new" in dialog.result_label.text()  # said what was written
    assert ctx.settings.value("export/vault") == str(vault)

    create_annotation(ctx.library, first, quote="Tomas Lindqvist in Weissfeld", note="Zweiter Blick")
    again = ExportDialog(ctx, first, "Treffen in Weissfeld")
    qtbot.addWidget(again)
    assert again.vault_edit.text() == str(vault)  # remembered
    again.to_vault.setChecked(True)
    with qtbot.waitSignal(again.vault_exported, timeout=TIMEOUT) as blocker:
        again.start_export()
    report = blocker.args[0]
    assert any(p.name.startswith("Treffen") for p in report.updated)
    assert f"{len(report.updated)} updated" in again.result_label.text()


def test_a_file_export_names_colours_by_the_users_meaning(
    qtbot: Any, ctx: AppContext, tmp_path: Path
) -> None:
    article = import_article(ctx, GERMAN_TEXT)
    create_annotation(ctx.library, article, quote="Anna Berg traf", color="blue")
    ctx.color_palette().set_meaning("blue", "Rückfrage an Redaktion")
    dialog = ExportDialog(ctx, article, "Treffen in Weissfeld")
    qtbot.addWidget(dialog)
    target = tmp_path / "notes.md"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT):
        dialog.start_export()
    assert "Rückfrage an Redaktion" in target.read_text(encoding="utf-8")


def test_a_vault_folder_that_is_a_file_is_refused(
    qtbot: Any, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.crash import Messages

    errors: list[str] = []
    monkeypatch.setattr(
        Messages, "show_error", classmethod(lambda cls, _p, _t, text, details="": errors.append(text))
    )
    blocker = tmp_path / "Vault"
    blocker.write_text("not a folder", encoding="utf-8")
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.to_vault.setChecked(True)
    dialog.vault_edit.setText(str(blocker))
    dialog.start_export()
    assert errors and "not a folder" in errors[0]
    assert blocker.read_text(encoding="utf-8") == "not a folder"
