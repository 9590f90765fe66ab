"""Which arguments open the window and which the command line answers."""

from __future__ import annotations

from pathlib import Path

from desktop.cli import is_cli_invocation, unknown_command_message


def test_the_window_opens_with_nothing_or_with_existing_files(tmp_path: Path) -> None:
    existing = tmp_path / "bericht.txt"
    existing.write_text("Text", encoding="utf-8")
    assert not is_cli_invocation([])
    assert not is_cli_invocation(["--db", str(tmp_path / "lib.sqlite3")])
    assert not is_cli_invocation([str(existing)])
    assert not is_cli_invocation(["--db", "x.sqlite3", str(existing), "missing.txt"])
    assert not is_cli_invocation([str(tmp_path)])  # a folder to import


def test_commands_help_and_unknown_words_go_to_the_command_line(tmp_path: Path) -> None:
    assert is_cli_invocation(["articles"])
    assert is_cli_invocation(["--db", "x.sqlite3", "show", "1"])
    assert is_cli_invocation(["-h"]) and is_cli_invocation(["--db", "x", "--help"])
    assert is_cli_invocation(["frobnicate"])
    assert is_cli_invocation([str(tmp_path / "missing.txt")])


def test_the_usage_error_suggests_the_closest_command() -> None:
    assert "did you mean “annotations”?" in unknown_command_message("anotations")
    assert "did you mean “export”?" in unknown_command_message("exprot")
    assert "the commands are: import, articles" in unknown_command_message("zzz")
    assert "\x1b" not in unknown_command_message("x\x1b[2J")
