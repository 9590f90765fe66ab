"""What each highlight colour means to the user ("Important"), for exports without the window.

The window keeps renamed meanings in its INI settings file (``[palette]`` group, keys
``meaning\\<colour>``). The command line reads the same file when it exists, so both export the
same words; otherwise the defaults below apply. The window passes its own mapping as data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from desktop.core.colors import COLORS
from desktop.services.settings_file import SETTINGS_FILE, read_setting, settings_path, unescape

__all__ = [
    "DEFAULT_MEANINGS",
    "SETTINGS_FILE",
    "color_meanings",
    "meaning_of",
    "read_meanings",
    "read_setting",
    "settings_path",
]

_SECTION = "palette"
_KEY_RE = re.compile(r"meaning\\(\w+)")
MAX_MEANING = 60

#: The meaning of each colour until the user renames it (the window shows the same).
DEFAULT_MEANINGS: dict[str, str] = {
    "yellow": "Important",
    "green": "Evidence",
    "blue": "Question",
    "red": "Disagree",
    "purple": "Quote",
    "pink": "Follow up",
    "orange": "To check",
    "gray": "Background",
}


def read_meanings(path: Path) -> dict[str, str]:
    """The renamed meanings stored in the settings file at ``path`` (empty when unreadable)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    found: dict[str, str] = {}
    section = ""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1].strip()
            continue
        if section != _SECTION or "=" not in stripped:
            continue
        key, _, raw = stripped.partition("=")
        match = _KEY_RE.fullmatch(key.strip())
        value = unescape(raw)
        if match and match.group(1) in COLORS and value is not None:
            meaning = " ".join(value.split())[:MAX_MEANING]
            if meaning:
                found[match.group(1)] = meaning
    return found


def color_meanings(path: Path | None = None) -> dict[str, str]:
    """Every colour's meaning: the defaults, overridden by the settings file (``path`` or the window's)."""
    meanings = {color: DEFAULT_MEANINGS.get(color, color.capitalize()) for color in COLORS}
    meanings.update(read_meanings(path or settings_path()))
    return meanings


def meaning_of(color: str, meanings: Mapping[str, str] | None) -> str:
    """The meaning of ``color`` in ``meanings`` (default meaning, then the colour's name)."""
    if meanings and meanings.get(color):
        return meanings[color]
    return DEFAULT_MEANINGS.get(color, color.capitalize())


__all__ = [
    "DEFAULT_MEANINGS",
    "MAX_MEANING",
    "color_meanings",
    "meaning_of",
    "read_meanings",
    "read_setting",
    "settings_path",
]
