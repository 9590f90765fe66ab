"""Which arguments open the window and which the command line answers."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from desktop.cli import is_cli_invocation, run_cli, unknown_command_message


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


@pytest.mark.parametrize(
    "words",
    [
        ["articles"],
        ["search", "Hafen"],
        ["actors", "--json"],
        ["show", "1"],
        ["annotations"],
        ["dossier", "#1"],
        ["network", "--article", "1"],
        ["mark", "1", "--read"],
        ["check"],
        ["backup"],
    ],
)
def test_a_command_on_a_library_that_is_not_there_says_so_and_creates_nothing(
    tmp_path: Path, words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no" / "such" / "library.sqlite3"
    assert run_cli(["--db", str(missing), *words], out=io.StringIO()) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"There is no library at {missing}" in err
    assert not (tmp_path / "no").exists()


def test_copy_library_from_a_missing_library_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "copy.sqlite3"
    source = tmp_path / "gone.sqlite3"
    assert run_cli(["copy-library", "--from", str(source), "--to", str(target)], out=io.StringIO()) == 1
    assert "There is no library at" in capsys.readouterr().err and not target.exists()


def test_the_command_table_names_what_each_module_registers_in_help_order() -> None:
    import argparse

    from desktop.commands import COMMANDS, command_modules

    registered: dict[str, str] = {}
    for module in command_modules():
        sub = argparse.ArgumentParser().add_subparsers()
        for name in module.register(sub):
            registered[name] = module.__name__.rsplit(".", 1)[1]
    assert list(registered.items()) == list(COMMANDS.items())
    for name in COMMANDS:  # a call builds just its own command's parser
        assert [m.__name__ for m in command_modules(name)] == [f"desktop.commands.{COMMANDS[name]}"]


def test_help_before_the_command_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run_cli(["--help", "dossier"], out=io.StringIO())
    assert "install-desktop-entry" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        run_cli(["dossier", "--help"], out=io.StringIO())
    assert "usage: briefing-reader dossier" in capsys.readouterr().out
