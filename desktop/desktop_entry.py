"""Linux desktop integration: menu entry, icon and AppStream metadata in the user's data folder.

Pure Python (no Qt), so ``briefing-reader install-desktop-entry`` works without a display.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

from desktop.core import locations
from desktop.core.errors import UserError

APP_ID = "org.briefingreader.BriefingReader"
LAUNCHER = "briefing-reader"
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


class DesktopEntryError(UserError, OSError):
    """The desktop entry could not be installed; the message is one sentence for the user."""


def resources_dir() -> Path:
    """The ``resources`` folder shipped next to the ``desktop`` package."""
    return locations.resources_dir()


def data_home(home: Path | None = None, env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME`` (when ``home`` is not given and it is absolute), else ``<home>/.local/share``."""
    env = os.environ if env is None else env
    if home is None:
        xdg = env.get("XDG_DATA_HOME", "")
        if xdg and Path(xdg).is_absolute():
            return Path(xdg)
        home = Path.home()
    return Path(home) / ".local" / "share"


def launcher_command() -> list[str]:
    """The command that starts this copy of the app: the launcher script, else ``python -m desktop``."""
    beside = Path(sys.executable).parent / LAUNCHER
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside.absolute())]
    found = shutil.which(LAUNCHER)
    if found:
        return [str(Path(found).absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "desktop"]


def quote_exec_arg(arg: str) -> str:
    """Quote one argument for an ``Exec=`` value (Desktop Entry spec, including string escaping)."""
    arg = arg.replace("%", "%%")
    if not any(ch in _RESERVED for ch in arg):
        return arg.replace("\\", "\\\\")
    inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
    # The whole value is also a desktop-entry string, where a backslash is written twice.
    return '"' + inner.replace("\\", "\\\\") + '"'


def exec_line(command: list[str]) -> str:
    """The ``Exec=`` value that runs ``command`` with the files to open."""
    return " ".join(quote_exec_arg(a) for a in command) + " %F"


def render_desktop_file(template: str, command: list[str]) -> str:
    """The packaged .desktop template with ``Exec=`` pointing at ``command``."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + exec_line(command)
        lines.append(line)
    return "\n".join(lines) + "\n"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DesktopEntryError(
            f"The file {path.name} is missing from this installation, so no desktop entry can be made."
        ) from None


def _write(path: Path, text: str) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise DesktopEntryError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
    return path


def install_desktop_entry(home: Path | None = None) -> list[Path]:
    """Install the .desktop file, the icon and the metainfo; returns the written paths."""
    if home is None and not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        raise DesktopEntryError("Desktop entries are only used on Linux and other freedesktop systems.")
    resources = resources_dir()
    base = data_home(home)
    desktop_text = render_desktop_file(_read(resources / "linux" / f"{APP_ID}.desktop"), launcher_command())
    icon_text = _read(resources / "icons" / f"{APP_ID}.svg")
    metainfo_text = _read(resources / "linux" / f"{APP_ID}.metainfo.xml")
    return [
        _write(base / "applications" / f"{APP_ID}.desktop", desktop_text),
        _write(base / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg", icon_text),
        _write(base / "metainfo" / f"{APP_ID}.metainfo.xml", metainfo_text),
    ]
