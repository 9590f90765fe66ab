"""The window's side of article versions and travelling notes: anchor states in the Annotations list,
re-attaching, the versions dialog with its diff, W3C export and Import Notes."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.core.ingest import load_text
from desktop.services.annotations import create_annotation
from desktop.services.importer import Importer
from desktop.services.w3c_notes import export_w3c
from desktop.ui.annotations_model import AnchorStateRole
from desktop.ui.context import AppContext
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.notes_import import NotesImporter
from desktop.ui.versions_dialog import VersionsDialog
from tests.ui.reader_support import (
    GERMAN_TEXT,
    TIMEOUT,
    open_article,
    span_of,
    stored_annotations,
    stored_text,
)

URL = "https://example.org/weissfeld"
QUOTES = (
    "Anna Berg traf am Montag",
    "Die Nordhafen Bank 🇩🇪 bestätigte das Treffen",
    "Später reiste Anna Berg über Straßen nach Weissfeld.",
)


def _edited() -> str:
    return (
        GERMAN_TEXT.replace("Treffen in Weissfeld\n", "Treffen in Weissfeld\nAktualisiert am Dienstag. ")
        .replace("bestätigte das", "bestritt das")
        .replace(" 🎉 Später reiste Anna Berg über Straßen nach Weissfeld.", "")
    )


def _versioned(ctx: AppContext) -> int:
    """An article with three notes, then a corrected copy of it: moved, fuzzy, orphaned."""
    assert ctx.model is not None
    importer = Importer(ctx.library, ctx.model)
    first = importer.import_document(dataclasses.replace(load_text(GERMAN_TEXT, fmt="paste"), source_url=URL))
    assert first.id is not None
    for n, quote in enumerate(QUOTES):
        create_annotation(ctx.library, first.id, quote=quote, note=f"note {n}")
    second = importer.import_document(dataclasses.replace(load_text(_edited(), fmt="paste"), source_url=URL))
    assert second.status == "updated" and second.id == first.id
    assert second.anchors == {"exact": 0, "moved": 1, "fuzzy": 1, "orphaned": 1}
    return first.id


def test_anchor_states_in_the_annotations_list_and_reattaching(
    qtbot: Any, qtmodeltester: Any, ctx: AppContext, sidebar: Any
) -> None:
    article = _versioned(ctx)
    reader, model = sidebar.reader, sidebar.annotations_model
    open_article(qtbot, reader, article)
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=TIMEOUT)
    qtmodeltester.check(model)
    states = {model.data(model.index(r, 0), AnchorStateRole): model.index(r, 0) for r in range(3)}
    assert set(states) == {"moved", "fuzzy", "orphaned"}
    fuzzy_text = model.data(states["fuzzy"], Qt.ItemDataRole.DisplayRole)
    assert fuzzy_text.startswith("⚠ Check (93% similar)")
    assert "bestätigte" in model.data(states["fuzzy"], Qt.ItemDataRole.ToolTipRole)  # the old wording
    orphan_text = model.data(states["orphaned"], Qt.ItemDataRole.DisplayRole)
    assert orphan_text.startswith("⚠ Orphaned") and QUOTES[2] in orphan_text  # listed with its old quote
    assert "⚠" not in model.data(states["moved"], Qt.ItemDataRole.DisplayRole)

    actions = sidebar.anchor_actions
    fuzzy, orphan = (model.annotation(states[s]) for s in ("fuzzy", "orphaned"))
    assert [t for t, _ in actions.actions_for(fuzzy)] == ["Confirm Place", "Re-attach to Selected Text"]
    assert [t for t, _ in actions.actions_for(orphan)] == ["Re-attach to Selected Text"]
    assert actions.actions_for(model.annotation(states["moved"])) == []

    with qtbot.waitSignal(actions.changed, timeout=TIMEOUT):
        actions.confirm(fuzzy.id)
    text = stored_text(ctx.library, article)
    reader.select_range(*span_of(text, "Lindqvist schwieg"))
    with qtbot.waitSignal(actions.changed, timeout=TIMEOUT):
        actions.reattach(orphan.id)
    stored = {a.id: a for a in stored_annotations(ctx.library, article)}
    assert stored[fuzzy.id].state == "exact" and stored[orphan.id].state == "exact"
    assert stored[orphan.id].quote == "Lindqvist schwieg" and not stored[orphan.id].orphaned
    qtbot.waitUntil(lambda: all(not r.needs_check for r in model.annotations()), timeout=TIMEOUT)


def test_reattach_without_a_selection_says_what_to_do(qtbot: Any, ctx: AppContext, sidebar: Any) -> None:
    article = _versioned(ctx)
    open_article(qtbot, sidebar.reader, article)
    orphan = next(a for a in stored_annotations(ctx.library, article) if a.state == "orphaned")
    with qtbot.waitSignal(sidebar.anchor_actions.failed, timeout=TIMEOUT) as blocker:
        sidebar.anchor_actions.reattach(orphan.id)
    assert "Select the passage" in blocker.args[0]


def test_versions_dialog_lists_versions_diff_and_anchors(
    qtbot: Any, qtmodeltester: Any, ctx: AppContext
) -> None:
    article = _versioned(ctx)
    dialog = VersionsDialog(ctx, article)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
        dialog.show()
    qtmodeltester.check(dialog.versions_model)
    qtmodeltester.check(dialog.anchors_model)
    assert dialog.versions_model.rowCount() == 2
    assert dialog.versions_model.index(1, 0).data() == "2 (current)"
    html = dialog.diff_view.toHtml()
    assert "Aktualisiert am Dienstag" in html and "bestritt" in html and "bestätigte" in html
    first_states = {dialog.anchors_model.index(r, 0).data() for r in range(2)}
    assert first_states == {"Check: changed (93%)", "Orphaned"}  # what needs a check comes first
    assert dialog.anchors_model.index(2, 0).data() == "Moved"
    assert "1 fuzzy, 1 orphaned. 2 to check." in dialog.summary.text()


def test_export_dialog_writes_w3c_json(qtbot: Any, ctx: AppContext, tmp_path: Path) -> None:
    article = _versioned(ctx)
    dialog = ExportDialog(ctx, article, "Treffen in Weissfeld")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.radios["actor"].setChecked(True)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("w3c"))
    assert not dialog.radios["actor"].isVisible() and dialog.radios["library"].isChecked()
    assert not dialog.to_vault.isEnabled() and dialog.path_edit.text().endswith(".jsonld")
    target = tmp_path / "notes.jsonld"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT):
        dialog.start_export()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["type"] == "AnnotationCollection" and data["total"] == 3
    assert {item["target"]["source"] for item in data["first"]["items"]} == {URL}


def test_import_notes_runs_in_the_background_and_reports(
    qtbot: Any, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_window: Any
) -> None:
    article = _versioned(ctx)
    exported = export_w3c(ctx.library)
    for item in exported["first"]["items"]:  # the same notes under new ids, as from another tool
        item["id"] = item["id"].replace("urn:uuid:", "http://example.org/notes/")
    path = tmp_path / "notes.jsonld"
    path.write_text(json.dumps(exported), encoding="utf-8")
    window = make_window()
    texts = {a.text().replace("&", "") for a in window.menuBar().actions()[0].menu().actions()}
    assert "Import Notes…" in texts and "Export Notes…" in texts
    reports: list[tuple[str, str]] = []
    monkeypatch.setattr(NotesImporter, "choose_file", classmethod(lambda cls, _p, _f: str(path)))
    monkeypatch.setattr(
        NotesImporter, "show_report", classmethod(lambda cls, _p, s, d: reports.append((s, d)))
    )
    with qtbot.waitSignal(window.notes_importer.finished, timeout=TIMEOUT) as blocker:
        window.notes_importer.choose_and_import()
    report = blocker.args[0]
    assert report.counts == {"anchored": 2, "orphaned": 1}
    assert reports and "orphaned" in reports[0][1]
    assert len(stored_annotations(ctx.library, article)) == 6
    assert "Notes imported" in window.statusBar().currentMessage()


def test_versions_without_an_article_says_so(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    article_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Article")
    versions = next(a for a in article_menu.actions() if a.text() == "&Versions…")
    versions.trigger()
    assert "Open an article" in window.statusBar().currentMessage()


def test_a_new_version_of_the_open_article_is_shown(
    qtbot: Any, ctx: AppContext, tmp_path: Path, make_real_window: Any
) -> None:
    path = tmp_path / "weissfeld.txt"
    path.write_text(GERMAN_TEXT, encoding="utf-8")
    window = make_real_window()
    with qtbot.waitSignal(window.import_finished, timeout=TIMEOUT) as blocker:
        window.import_paths([path], open_first=True)
    article = blocker.args[0][0].id
    qtbot.waitUntil(lambda: window.reader.detail() is not None, timeout=TIMEOUT)
    create_annotation(ctx.library, article, quote=QUOTES[0])
    path.write_text(_edited(), encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=TIMEOUT) as blocker:
        window.import_paths([path])
    assert [r.status for r in blocker.args[0]] == ["updated"]
    qtbot.waitUntil(lambda: "Aktualisiert am Dienstag" in window.reader.detail().text, timeout=TIMEOUT)
