"""Where the app's files live: the one locator for shipped data and for the user's folders.

Shipped data (``resources``: models, gazetteers, quote lexicons, icons, desktop files, translations;
``seeds``: the sample briefing) is found through :mod:`importlib.resources` beside the ``desktop`` package:

- an installed wheel carries both under ``desktop/_data/`` (copied there when the wheel is built);
- a PyInstaller bundle carries the same ``desktop/_data/`` folder inside the bundle;
- a source checkout or an editable install reads the repository's top-level ``resources/`` and
  ``seeds/`` folders directly.

The user's folders (library, settings) come from :mod:`platformdirs`.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_DIR_NAME = "BriefingReader"
DATA_PACKAGE_DIR = "_data"  # inside the ``desktop`` package of a wheel or a bundle


def package_dir() -> Path:
    """The folder of the ``desktop`` package on disk (also inside a PyInstaller bundle)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen:
        return Path(frozen) / "desktop"
    # This module's own folder is desktop/core: its parent is the package (no importlib.resources,
    # whose import costs start-up time).
    return Path(__file__).resolve().parent.parent


def project_root() -> Path:
    """The folder holding ``resources`` and ``seeds``: ``desktop/_data`` when shipped, else the checkout."""
    package = package_dir()
    shipped = package / DATA_PACKAGE_DIR
    if (shipped / "resources").is_dir():
        return shipped
    return package.parent


def resources_dir() -> Path:
    """resources/: models, gazetteers, quote lexicons, icons, desktop files."""
    return project_root() / "resources"


def seeds_dir() -> Path:
    """seeds/: the sample briefing imported into a new library."""
    return project_root() / "seeds"


def models_dir() -> Path:
    """resources/models: the trained recognisers, one folder per language and engine."""
    return resources_dir() / "models"


def gazetteer_dir() -> Path:
    """resources/gazetteer: places, name variants, word statistics."""
    return resources_dir() / "gazetteer"


def icons_dir() -> Path:
    """resources/icons: the application icon and the action icons (SVG)."""
    return resources_dir() / "icons"


def translations_dir() -> Path:
    """resources/i18n: the interface translations (``.ts`` sources, compiled ``.qm`` catalogues)."""
    return resources_dir() / "i18n"


def user_data_dir() -> Path:
    """The folder of the default library (``~/.local/share/BriefingReader``, ``%LOCALAPPDATA%``, …)."""
    import platformdirs  # here: a command given its library (--db) does not load it (about 5 ms)

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


def user_config_dir() -> Path:
    """The folder of the settings file (``~/.config/BriefingReader`` on Linux, ``%LOCALAPPDATA%`` on Windows).

    On macOS the settings used to live in ``~/Library/Preferences/BriefingReader`` (Qt's generic
    configuration folder); that folder is kept while it holds settings and the new one does not.
    """
    import platformdirs

    current = Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False, roaming=False))
    if sys.platform == "darwin":
        legacy = Path.home() / "Library" / "Preferences" / APP_DIR_NAME
        if not current.exists() and legacy.is_dir():
            return legacy
    return current
