"""Who is working: the user name recorded with annotations, corrections and imports.

The name comes from ``--user`` (command line), else ``BRIEFING_READER_USER``, else the login name;
the window's chosen name sits between the last two (see :mod:`desktop.services.authors`).
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping

ENV_VAR = "BRIEFING_READER_USER"
MAX_CHARS = 200
FALLBACK = "analyst"


def clean_user_name(raw: str) -> str:
    """``raw`` as one short printable line ("" when nothing printable is left)."""
    printable = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(printable.split())[:MAX_CHARS]


def current_user(given: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """The user name: ``given``, else the environment's, else the login name (never empty)."""
    env = os.environ if env is None else env
    for value in (given, env.get(ENV_VAR)):
        if value is not None and clean_user_name(value):
            return clean_user_name(value)
    try:
        return clean_user_name(getpass.getuser()) or FALLBACK
    except (OSError, KeyError, ImportError):  # no login name (some containers, services)
        return FALLBACK
