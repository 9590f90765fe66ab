"""Where the app's shipped files live: one locator for resources/ and seeds/.

In a source checkout (and an editable install) they sit beside the ``desktop`` package; an
installed copy may carry them under ``<prefix>/share/briefing-reader``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import desktop

_SHARE = Path(sys.prefix) / "share" / "briefing-reader"


def project_root() -> Path:
    """The folder holding ``resources`` and ``seeds`` (checkout first, then the install prefix)."""
    checkout = Path(desktop.__file__).resolve().parent.parent
    if (checkout / "resources").is_dir() or not (_SHARE / "resources").is_dir():
        return checkout
    return _SHARE


def resources_dir() -> Path:
    """resources/: models, gazetteers, icons, desktop files."""
    return project_root() / "resources"


def seeds_dir() -> Path:
    """seeds/: the sample briefing imported into a new library."""
    return project_root() / "seeds"


def models_dir() -> Path:
    """resources/models: the trained recognisers, one folder per language."""
    return resources_dir() / "models"


def gazetteer_dir() -> Path:
    """resources/gazetteer: places, name variants, word statistics."""
    return resources_dir() / "gazetteer"
