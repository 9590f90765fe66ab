"""The window's INI settings file, read without Qt: where it is and one string value from it.

The command line reads what the window stored (the user name, the colours' meanings) through
these; kept apart from the annotation layer so that reading a setting costs no more than the file.
"""

from __future__ import annotations

import re
from pathlib import Path

from desktop.core import locations

SETTINGS_FILE = "settings.ini"
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def settings_path() -> Path:
    """The window's settings file: the user's configuration folder (see :mod:`desktop.core.locations`)."""
    return locations.user_config_dir() / SETTINGS_FILE


def unescape(raw: str) -> str | None:
    """A QSettings INI string value; None for lists and variants (not a meaning)."""
    value = raw.strip()
    if value.startswith("@"):
        return None
    out: list[str] = []
    quoted = False
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == '"':
            quoted = not quoted
        elif ch == "\\" and i + 1 < len(value):
            i += 1
            code = value[i]
            if code == "x":
                digits = re.match(r"[0-9a-fA-F]{1,4}", value[i + 1 :])
                if digits:
                    out.append(chr(int(digits.group(), 16)))
                    i += len(digits.group())
            else:
                out.append(_ESCAPES.get(code, code))
        elif ch == "," and not quoted:
            return None  # a list of strings
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def read_setting(path: Path, section: str, key: str) -> str | None:
    """One string value of the window's INI settings file (None when missing, unreadable or not a string)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    current = ""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            current = stripped[1:-1].strip()
        elif current == section and "=" in stripped:
            name, _, raw = stripped.partition("=")
            if name.strip() == key:
                return unescape(raw)
    return None
