"""Portable file names and careful writing of exported files."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import unicodedata
from pathlib import Path

from desktop.core.errors import UserError
from desktop.core.printable import printable_line


class ExportError(UserError):
    """An export cannot be written; the message is one sentence for the user."""


# Forbidden on Windows (and "/" everywhere), plus all control characters.
_FORBIDDEN_RE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f]+')
# Invisible characters that only confuse file listings: bidi controls, zero-width, BOM.
_INVISIBLE_RE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_SPACE_RE = re.compile(r"\s+")
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{dev}{n}" for dev in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
# Most file systems allow 255 bytes (ext4, APFS) or 255 UTF-16 units (NTFS) per name.
_MAX_BYTES = 255


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as it is shown and stored: always valid UTF-8 text on one line.

    Bytes of the name that are not UTF-8 (an old Latin-1 archive on Linux: Python gives them as
    lone surrogates) become U+FFFD; control characters become visible escapes (``\\n``, ``\\x1b``).
    """
    return printable_line(os.fspath(path))


def _is_reserved(name: str) -> bool:
    """Whether Windows treats ``name`` as a device (the part before the first dot counts)."""
    return name.split(".", 1)[0].rstrip(" ").upper() in _RESERVED


def _truncate(stem: str, max_chars: int, max_bytes: int) -> str:
    """Cut ``stem`` to the limits without leaving a dangling combining mark."""
    stem = stem[: max(max_chars, 0)]
    while len(stem.encode("utf-8")) > max_bytes or len(stem.encode("utf-16-le")) // 2 > max_bytes:
        stem = stem[:-1]
    while stem and (unicodedata.combining(stem[-1]) or stem[-1] in "\u200d\ufe0e\ufe0f"):
        stem = stem[:-1]
    return stem


def safe_filename(name: str, *, suffix: str = ".md", max_len: int = 120) -> str:
    """Turn a title into a file name that is valid on Windows, macOS and Linux.

    Forbidden characters become ``_``, whitespace is collapsed, leading dots and trailing
    dots/spaces are removed, Windows device names get a ``_`` appended, letters such as
    umlauts are kept (NFC). ``suffix`` is appended unless the name already ends with it; the
    whole name has at most ``max_len`` characters. Never returns an empty stem ("untitled").
    """
    if max_len < len(suffix) + 1:
        raise ValueError(f"max_len must leave room for the suffix {suffix!r}.")
    text = unicodedata.normalize("NFC", name)
    if suffix and text.lower().endswith(suffix.lower()):
        text = text[: -len(suffix)]
    text = _INVISIBLE_RE.sub("", text)
    text = _SPACE_RE.sub(" ", text)  # before the control-character rule: tabs become spaces
    text = _FORBIDDEN_RE.sub("_", text)
    text = _SPACE_RE.sub(" ", text).strip()

    def tidy(stem: str) -> str:
        return stem.lstrip(". ").rstrip(". ")

    budget_bytes = _MAX_BYTES - len(suffix.encode("utf-8"))
    stem = tidy(_truncate(tidy(text), max_len - len(suffix), budget_bytes))
    if not stem:
        stem = "untitled"[: max_len - len(suffix)]
    if _is_reserved(stem):  # "CON" -> "CON_", "nul.txt" -> "nul_.txt"
        base, dot, rest = stem.partition(".")
        stem = _truncate(base.rstrip(" ") + "_" + dot + rest, max_len - len(suffix), budget_bytes)
    return stem + suffix


def unique_path(path: Path) -> Path:
    """Return ``path`` if it is free, else the first free ``"name (2).ext"``, ``"name (3).ext"``…"""
    if not path.exists():
        return path
    stem, suffix = path.stem, path.suffix
    match = re.fullmatch(r"(.*) \((\d+)\)", stem)
    if match:
        stem = match.group(1)
    n = 2
    while True:
        candidate = path.with_name(f"{stem} ({n}){suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def _normalize_newlines(content: str) -> str:
    return content.replace("\r\n", "\n").replace("\r", "\n")


def write_new_file(path: Path, content: str, *, overwrite: bool = False) -> Path:
    """Write ``content`` (UTF-8, ``"\\n"`` newlines) to ``path`` atomically and return ``path``.

    The text goes to a temporary file in the same folder first and is then moved into place,
    so readers never see a half-written file. An existing file is only replaced when
    ``overwrite`` is true, and only when it is a regular file (never a device, a pipe, a folder
    or a link to one of those); otherwise :class:`ExportError` is raised.
    """
    path = Path(path)
    folder = path.parent
    shown = display_path(path)
    if path.is_dir():
        raise ExportError(f'"{shown}" is a folder; give a file name to export to.')
    if not folder.is_dir():
        raise ExportError(
            f'The folder "{display_path(folder)}" does not exist; create it first or choose another one.'
        )
    if os.path.lexists(path):
        if not overwrite:
            raise ExportError(f'"{shown}" already exists; choose another name or pass --force.')
        _check_replaceable(path, shown)
    data = _normalize_newlines(content).encode("utf-8")
    tmp_name: str | None = None
    try:
        import tempfile  # only when a file is written (an export to the terminal needs none)

        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        os.chmod(tmp_name, _default_mode(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp_name, path)
        else:
            _move_no_clobber(tmp_name, path)
        tmp_name = None
    except FileExistsError:
        raise ExportError(f'"{shown}" already exists; choose another name or pass --force.') from None
    except OSError as exc:
        raise ExportError(f'Could not write "{shown}": {exc.strerror or exc}.') from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return path


def _check_replaceable(path: Path, shown: str) -> None:
    """Refuse to replace anything but a regular file (or a link to one)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        raise ExportError(f'"{shown}" is a broken link; remove it or choose another name.') from None
    if not stat.S_ISREG(mode):
        raise ExportError(
            f'"{shown}" is not a regular file (a device, pipe or folder) and is never replaced; '
            "choose another name."
        )


def _default_mode(path: Path) -> int:
    """Permissions for the new file: those of the file it replaces, else 0o666 minus umask."""
    with contextlib.suppress(OSError):
        return path.stat().st_mode & 0o777
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _move_no_clobber(tmp_name: str, path: Path) -> None:
    """Move the finished temporary file to ``path``, failing if ``path`` appeared meanwhile."""
    try:
        os.link(tmp_name, path)  # atomic and refuses to replace an existing file
    except FileExistsError:
        raise
    except OSError:
        # File systems without hard links: best effort, the existence check was done above.
        if path.exists():
            raise FileExistsError(str(path)) from None
        os.replace(tmp_name, path)
        return
    os.unlink(tmp_name)
