"""Linux desktop integration: files written into a tmp home, valid for the freedesktop tools."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import desktop_entry
from desktop.desktop_entry import (
    APP_ID,
    exec_line,
    install_desktop_entry,
    quote_exec_arg,
    render_desktop_file,
)


def test_install_writes_entry_icon_and_metainfo(tmp_path: Path) -> None:
    paths = install_desktop_entry(tmp_path)
    share = tmp_path / ".local" / "share"
    assert paths == [
        share / "applications" / f"{APP_ID}.desktop",
        share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        share / "metainfo" / f"{APP_ID}.metainfo.xml",
    ]
    entry = paths[0].read_text(encoding="utf-8")
    exec_value = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert exec_value.endswith(" %F")
    program = exec_value.removeprefix("Exec=").split(" ")[0].strip('"')
    assert Path(program).is_absolute()
    assert f"Icon={APP_ID}" in entry
    assert paths[1].read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert f"<id>{APP_ID}</id>" in paths[2].read_text(encoding="utf-8")
    assert install_desktop_entry(tmp_path) == paths  # installing again just replaces the files


def test_falls_back_to_python_module_when_no_launcher(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(desktop_entry.sys, "executable", str(tmp_path / "my env" / "python3"))
    monkeypatch.setattr(desktop_entry.shutil, "which", lambda _name: None)
    assert desktop_entry.launcher_command() == [str(tmp_path / "my env" / "python3"), "-m", "desktop"]
    line = exec_line(desktop_entry.launcher_command())
    assert line == f'"{tmp_path}/my env/python3" -m desktop %F'


def test_launcher_next_to_the_interpreter_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    launcher = tmp_path / "bin" / "briefing-reader"
    launcher.parent.mkdir()
    launcher.write_text("#!/bin/sh\n", encoding="utf-8")
    launcher.chmod(0o755)
    monkeypatch.setattr(desktop_entry.sys, "executable", str(tmp_path / "bin" / "python3"))
    assert desktop_entry.launcher_command() == [str(launcher)]


def test_exec_quoting_follows_the_spec() -> None:
    assert quote_exec_arg("/usr/bin/app") == "/usr/bin/app"
    assert quote_exec_arg("/opt/my app/run") == '"/opt/my app/run"'
    assert quote_exec_arg("100%") == "100%%"
    assert quote_exec_arg('a"b') == '"a\\\\"b"'  # \" for the quoting rule, doubled for the string rule
    assert quote_exec_arg("a$b") == '"a\\\\$b"'
    assert quote_exec_arg("C:\\x") == '"C:\\\\\\\\x"'
    rendered = render_desktop_file("[Desktop Entry]\nExec=old %F\nName=X\n", ["/a b/c"])
    assert rendered == '[Desktop Entry]\nExec="/a b/c" %F\nName=X\n'


def test_missing_resources_give_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(desktop_entry, "resources_dir", lambda: tmp_path / "nowhere")
    with pytest.raises(desktop_entry.DesktopEntryError, match="missing from this installation"):
        install_desktop_entry(tmp_path)


def test_xdg_data_home_is_respected(tmp_path: Path) -> None:
    assert desktop_entry.data_home(None, {"XDG_DATA_HOME": str(tmp_path)}) == tmp_path
    assert desktop_entry.data_home(None, {"XDG_DATA_HOME": "relative"}) == Path.home() / ".local" / "share"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def validate(entry: Path) -> None:
        proc = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr

    validate(install_desktop_entry(tmp_path / "plain")[0])
    monkeypatch.setattr(desktop_entry.sys, "executable", str(tmp_path / "with space" / "py$thon"))
    monkeypatch.setattr(desktop_entry.shutil, "which", lambda _name: None)
    validate(install_desktop_entry(tmp_path / "odd")[0])


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates(tmp_path: Path) -> None:
    metainfo = install_desktop_entry(tmp_path)[2]
    proc = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_cli_dispatches_to_the_installer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import io

    from desktop.cli import run_cli

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    out = io.StringIO()
    if not sys.platform.startswith("linux"):
        pytest.skip("desktop entries are a Linux feature")
    assert run_cli(["install-desktop-entry"], out) == 0
    assert (tmp_path / ".local" / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    assert out.getvalue().count("installed ") == 3
