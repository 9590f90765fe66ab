"""Where a library lives: the default file, ``--db`` values (paths, SQLite URIs, URLs), masking.

A value starting with ``file:`` is a SQLite URI, another value without ``://`` a file path,
anything else a SQLAlchemy URL. Passwords never reach a message: see :func:`mask_url`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from desktop.core import locations
from desktop.storage.errors import StorageError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

APP_DIR_NAME = locations.APP_DIR_NAME
DB_FILE_NAME = "library.sqlite3"
ENV_VAR = "BRIEFING_READER_DB"
_URL_PASSWORD = re.compile(r"(?P<head>://[^:/@\s]*:)[^\s]*@")
_QUERY_PASSWORD = re.compile(r"(?P<head>[?&]password=)[^&\s]*", re.IGNORECASE)


def mask_url(raw: str) -> str:
    """``raw`` with any password replaced by ``***`` (for messages and logs)."""
    masked = _URL_PASSWORD.sub(lambda m: m["head"] + "***@", raw)
    return _QUERY_PASSWORD.sub(lambda m: m["head"] + "***", masked)


def default_database_path() -> Path:
    """The library file in the local application-data folder (see :mod:`desktop.core.locations`)."""
    return locations.user_data_dir() / DB_FILE_NAME


def _path_to_url(raw: str) -> str:
    if "\x00" in raw:
        raise StorageError("The database path contains an invalid character.")
    path = Path(raw).expanduser().absolute()
    if path.is_dir():
        raise StorageError(f"The database path {path} is a folder, not a file.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"Cannot create the folder for the library at {path.parent}: {exc.strerror}."
        ) from exc
    if any(ch in str(path) for ch in "?#%"):
        from sqlalchemy.engine import URL

        return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)
    return f"sqlite:///{path}"


def _check_url(raw: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        url = make_url(raw)
        url.get_dialect()
    except (ArgumentError, NoSuchModuleError, ValueError):
        raise StorageError(f"{mask_url(raw)!r} is not a valid database location or URL.") from None
    return raw


def _sqlite_uri_to_url(raw: str) -> str:
    """A SQLite URI (``file:path?mode=ro``) as a SQLAlchemy URL that passes it on unchanged."""
    from sqlalchemy.engine import URL

    if "\x00" in raw:
        raise StorageError("The database path contains an invalid character.")
    location, _, query = raw.partition("?")
    if location.startswith("file://"):
        authority, _, rest = location[len("file://") :].partition("/")
        if authority not in ("", "localhost"):
            raise StorageError(f"The SQLite URI {raw!r} names a host; only local files can be opened.")
        location = "file:/" + rest
    if location in ("file:", "file:/"):
        raise StorageError(f"The SQLite URI {raw!r} names no file.")
    params = dict(part.partition("=")[::2] for part in query.split("&") if part)
    params["uri"] = "true"
    return URL.create("sqlite", database=location, query=params).render_as_string(hide_password=False)


def resolve_database_url(cli_value: str | None, env: Mapping[str, str]) -> str:
    """Pick the database: ``--db`` value, else ``BRIEFING_READER_DB``, else the default file.

    A value starting with ``file:`` is a SQLite URI (``file:lib.sqlite3?mode=ro``); another
    value without ``://`` is a SQLite file path (``~`` expanded, made absolute, parent folders
    created); anything else must be a SQLAlchemy URL.
    """
    value = _chosen(cli_value, env)
    if value is None:
        return _path_to_url(str(default_database_path()))
    value = value.strip()
    if not value:
        raise StorageError("The database location is empty; give a file path or a database URL.")
    if value.lower().startswith("file:"):
        return _sqlite_uri_to_url(value)
    return _check_url(value) if "://" in value else _path_to_url(value)


def _chosen(cli_value: str | None, env: Mapping[str, str]) -> str | None:
    """The ``--db`` value, else ``BRIEFING_READER_DB``'s; None for the default file."""
    return cli_value if cli_value is not None else env.get(ENV_VAR)


def existing_library_file(cli_value: str | None, env: Mapping[str, str]) -> Path | None:
    """The existing file that :func:`resolve_database_url` would open for these values, when they name
    a plain file path (or the default file); None for SQLite URIs, database URLs, a missing file or
    anything else (opening those may create or refuse: the usual way of opening says how)."""
    value = _chosen(cli_value, env)
    raw = str(default_database_path()) if value is None else value.strip()
    if not raw or "\x00" in raw or raw.lower().startswith("file:") or "://" in raw:
        return None
    path = Path(raw).expanduser().absolute()
    return path if path.is_file() else None


def missing_library_file(cli_value: str | None, env: Mapping[str, str]) -> Path | None:
    """The file a ``--db`` value (or ``BRIEFING_READER_DB``) names as a plain path when nothing is there
    yet; None for the default file, SQLite URIs, database URLs and paths where something exists."""
    value = _chosen(cli_value, env)
    raw = "" if value is None else value.strip()
    if not raw or "\x00" in raw or raw.lower().startswith("file:") or "://" in raw:
        return None
    path = Path(raw).expanduser().absolute()
    try:
        return None if path.exists() else path
    except OSError:  # a name the system refuses: opening says so
        return None


def sqlite_file_of(url: URL | str) -> Path | None:
    """The file a SQLite URL points at (also for ``file:`` URIs), or None for memory databases."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url) if isinstance(url, str) else url
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        return None
    if database.startswith("file:"):
        location = database[len("file:") :]
        if not location or location == ":memory:" or parsed.query.get("mode") == "memory":
            return None
        return Path(unquote(location)).absolute()
    return Path(database).absolute()
