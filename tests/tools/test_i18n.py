"""The translation tool: every string of the interface is in the German ``.ts`` file and translated with
the same ``{fields}``, and the shipped ``.qm`` file is the one built from it."""

from __future__ import annotations

from pathlib import Path

from tools import i18n


def test_the_german_translation_is_complete_and_the_qm_is_built_from_it() -> None:
    assert i18n.check("de") == []


def test_messages_are_read_with_their_state(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="de">'
        "<context><name>Ctx</name>"
        "<message><source>{n} notes</source><translation>{n} Notizen</translation></message>"
        '<message><source>Open</source><translation type="unfinished"></translation></message>'
        "</context></TS>",
        encoding="utf-8",
    )
    done, open_ = i18n.read_ts(ts)
    assert done == i18n.Message("Ctx", "{n} notes", "{n} Notizen", True)
    assert open_.finished is False
    assert i18n.placeholders("{a} und {b}") == i18n.placeholders("{b} and {a}") == ["{a}", "{b}"]


def test_the_tool_reports_an_untranslated_string(tmp_path: Path, monkeypatch: object) -> None:
    source = i18n.ts_path("de").read_text(encoding="utf-8")
    broken = source.replace(
        "<translation>Akteur</translation>", '<translation type="unfinished"></translation>', 1
    )
    folder = tmp_path / "i18n"
    folder.mkdir()
    (folder / "briefing_de.ts").write_text(broken, encoding="utf-8")
    (folder / "briefing_de.qm").write_bytes(i18n.qm_path("de").read_bytes())
    monkeypatch.setattr(i18n, "I18N", folder)  # type: ignore[attr-defined]
    problems = i18n.check("de")
    assert any("untranslated" in p and "'Actor'" in p for p in problems)
    assert any("not built from the .ts" in p for p in problems)
