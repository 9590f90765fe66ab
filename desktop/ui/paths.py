"""Where the window finds its resources and keeps its settings, lock and crash log."""

from __future__ import annotations

import getpass
import hashlib
from functools import cache
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QIcon

from desktop.core import locations
from desktop.services.library import library_file

APP_ID = "org.briefingreader.BriefingReader"
ORGANIZATION = "BriefingReader"
APPLICATION = "BriefingReader"
SETTINGS_FILE = "settings.ini"


def project_root() -> Path:
    """The folder holding ``resources`` and ``seeds`` (see :mod:`desktop.core.locations`)."""
    return locations.project_root()


def resources_dir() -> Path:
    """The ``resources`` folder (icons, desktop files)."""
    return locations.resources_dir()


def seeds_dir() -> Path:
    """The ``seeds`` folder with the sample articles imported into an empty library."""
    return locations.seeds_dir()


@cache
def _icons_dir() -> Path:
    """resources/icons, found once: the window asks for a few dozen icons while it is built."""
    return locations.icons_dir()


def app_icon() -> QIcon:
    """The application icon (empty icon when the resources are missing)."""
    path = _icons_dir() / f"{APP_ID}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def action_icon(name: str) -> QIcon:
    """One of the small action icons in ``resources/icons/actions`` (empty when missing)."""
    path = _icons_dir() / "actions" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def settings_path() -> Path:
    """The settings file in the user's configuration folder (the command line reads the same one)."""
    return locations.user_config_dir() / SETTINGS_FILE


def open_settings(path: Path | None = None) -> QSettings:
    """The window's settings as an INI file (``path`` for tests, else the standard location)."""
    return QSettings(str(path or settings_path()), QSettings.Format.IniFormat)


def library_folder(url: str) -> Path:
    """The folder next to the library: the SQLite file's folder, else the default data folder."""
    file = library_file(url)
    return file.parent if file is not None else locations.user_data_dir()


def crash_log_path(url: str) -> Path:
    """``crash.log`` next to the library."""
    return library_folder(url) / "crash.log"


def instance_key(url: str) -> str:
    """A local-socket name unique to this user and library (safe on every platform)."""
    try:
        user = getpass.getuser()
    except Exception:
        user = ""
    digest = hashlib.sha256(f"{user}\n{url}".encode()).hexdigest()[:24]
    return f"briefingreader-{digest}"


def lock_file_path(url: str) -> Path:
    """The lock file that marks a library as open: beside a SQLite file, else in the temp folder."""
    file = library_file(url)
    if file is not None:
        return file.with_name(file.name + ".lock")
    temp = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation)
    return Path(temp) / f"{instance_key(url)}.lock"
