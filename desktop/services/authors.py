"""Who works in a library: the session's user name and the names recorded with notes and imports.

The window asks the name once (pre-filled with :func:`default_user_name`) and keeps it in its
settings, where the command line finds it too (:func:`session_user_name`); :func:`set_user` makes
it the author of this session's notes, corrections and imports.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.core.identity import ENV_VAR, clean_user_name, current_user
from desktop.services.settings_file import read_setting, settings_path
from desktop.storage.db import Library
from desktop.storage.models import Annotation, Article, EntityRejection, QuoteCorrection

#: Where the window keeps the name (``QSettings`` key ``team/user_name``); the command line reads it too.
SETTINGS_SECTION, SETTINGS_KEY = "team", "user_name"


class UserNameError(UserError, ValueError):
    """A user name that is empty once cleaned (only spaces or control characters)."""


def default_user_name() -> str:
    """The name to offer: ``BRIEFING_READER_USER`` when set, else the login name (never empty)."""
    return current_user()


def explicit_user_name() -> str:
    """The name given for this run in ``BRIEFING_READER_USER`` ("" if unset); it wins over a stored one."""
    return clean_user_name(os.environ.get(ENV_VAR, ""))


def stored_user_name(path: Path | None = None) -> str:
    """The name chosen in the window, from its settings file (``path`` or the user's; "" when none)."""
    return clean_user_name(read_setting(path or settings_path(), SETTINGS_SECTION, SETTINGS_KEY) or "")


def session_user_name(given: str | None) -> str | None:
    """Who a command-line session records: ``--user``, else ``BRIEFING_READER_USER``, else the name
    chosen in the window, else None (the login name then)."""
    if given is not None or explicit_user_name():
        return given
    return stored_user_name() or None


def checked_user_name(raw: str) -> str:
    """``raw`` as a user name (one short printable line); raises UserNameError when nothing is left."""
    name = clean_user_name(raw)
    if not name:
        raise UserNameError("A user name needs at least one visible character.")
    return name


def set_user(library: Library, name: str) -> str:
    """Record ``name`` (checked) as the author of this session's changes; returns it."""
    library.user = checked_user_name(name)
    return library.user


def current_author(library: Library) -> str:
    """Who this session's changes are recorded for."""
    return library.user


def authors_in_use(session: Session, *, notes_only: bool = False) -> list[str]:
    """Every name recorded with a note, a quote correction, a rejection or an import (with
    ``notes_only`` with a note), sorted."""
    if notes_only:
        names = session.scalars(select(Annotation.author).distinct())
    else:
        names = session.scalars(
            union(
                select(Annotation.author),
                select(Article.imported_by),
                select(QuoteCorrection.author),
                select(EntityRejection.author),
            )
        )
    return sorted({n for n in names if n}, key=lambda n: (n.casefold(), n))


def list_authors(library: Library) -> list[str]:
    """:func:`authors_in_use` in a session of its own."""
    with library.read_session() as session:
        return authors_in_use(session)
