"""Import documents from files, bytes or pasted text into :class:`~desktop.core.types.Document`.

Every failure is an :class:`IngestError` whose ``message`` is one sentence for the user.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from desktop.core.filenames import display_path
from desktop.core.ingest.base import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    Extracted,
    IngestError,
    clean_meta,
    clean_title,
    describe,
    first_line,
)
from desktop.core.ingest.dates import stated_date
from desktop.core.ingest.normalize import content_hash, hash_normalized, normalize_text
from desktop.core.language import detect_language
from desktop.core.types import Document

__all__ = [
    "FORMATS",
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "SUPPORTED_SUFFIXES",
    "IngestError",
    "content_hash",
    "guess_format",
    "iter_input_files",
    "load_bytes",
    "load_path",
    "load_text",
    "normalize_text",
    "read_limited",
]

SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(SUFFIX_FORMATS)
FORMATS: frozenset[str] = frozenset(SUFFIX_FORMATS.values())
"""File formats accepted by :func:`load_bytes` (``fmt``)."""

TEXT_FORMATS: frozenset[str] = frozenset({"stdin", "paste"})
"""Formats accepted by :func:`load_text`."""

PROPERTY_DATE_FORMATS: frozenset[str] = frozenset({"pdf", "docx"})
"""Formats whose date comes from file properties, which a date stated in the text overrides."""

_FORMAT_ALIASES = {"text": "txt", "markdown": "md", "htm": "html", "xhtml": "html"}
_HTML_SNIFF_RE = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]", re.I | re.S)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".") + " MB"


def _too_large(name: str, size: int, limit: int) -> IngestError:
    return IngestError(
        f"The file {describe(name)} is {_megabytes(size)}, more than the import limit of {_megabytes(limit)}."
    )


def guess_format(data: bytes, name: str = "") -> str | None:
    """Format from the name's suffix, else from the content; None when it is not recognised."""
    suffix = Path(name).suffix.lower() if name else ""
    if suffix in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[suffix]
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if b"word/document.xml" in data else None
    if _HTML_SNIFF_RE.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    return "txt"


def _extract(data: bytes, fmt: str, name: str) -> Extracted:
    """Run the reader of one format on raw bytes."""
    if fmt == "pdf":
        from desktop.core.ingest.pdf import read_pdf

        return read_pdf(data, name=name)
    if fmt == "docx":
        from desktop.core.ingest.docx import read_docx

        return read_docx(data, name=name)
    from desktop.core.ingest.encoding import decode_document

    decoded = decode_document(data, name=name)
    text = decoded.text
    if fmt == "html":
        from desktop.core.ingest.html import read_html

        extracted = read_html(text, name=name)
    else:
        from desktop.core.ingest.plaintext import read_markdown, read_plain

        extracted = read_markdown(text) if fmt == "md" else read_plain(text)
    if decoded.warning and not extracted.warning:
        extracted = dataclasses.replace(extracted, warning=decoded.warning)
    return extracted


def _finish(extracted: Extracted, fmt: str, name: str, path: str | None = None) -> Document:
    """Normalise, check and label extracted text as a Document."""
    text = normalize_text(extracted.text)
    if name or fmt not in TEXT_FORMATS:
        what = describe(name)
    else:
        what = "the pasted text" if fmt == "paste" else "the input text"
    if not any(ch.isalnum() for ch in text):
        raise IngestError(f"No readable text was found in {what}.")
    if len(text) > MAX_TEXT_CHARS:
        raise IngestError(
            f"The text of {what} has {len(text):,} characters, more than the limit of {MAX_TEXT_CHARS:,}."
        )
    title = clean_title(extracted.title) or clean_title(first_line(text))
    published = extracted.published
    if published is None or fmt in PROPERTY_DATE_FORMATS:
        # A date the text states beats a file's creation date (a PDF saved months later).
        published = stated_date(text) or published
    if title is None:
        title = clean_title(Path(name).stem) if name else None
    return Document(
        text=text,
        title=title or "Untitled",
        language=detect_language(text),
        format=fmt,
        content_hash=hash_normalized(text),
        author=clean_meta(extracted.author),
        published=clean_meta(published),
        source_url=clean_meta(extracted.source_url),
        outlet=clean_meta(extracted.outlet),
        path=path,
        warning=extracted.warning,
    )


def load_bytes(
    data: bytes, *, name: str = "", fmt: str | None = None, max_bytes: int = MAX_FILE_BYTES
) -> Document:
    """Import a document from raw bytes; ``fmt`` is one of :data:`FORMATS` or guessed."""
    if fmt is not None:
        fmt = _FORMAT_ALIASES.get(fmt.lower(), fmt.lower())
        if fmt not in FORMATS:
            allowed = ", ".join(sorted(FORMATS))
            raise IngestError(f"The format “{fmt}” is not supported (use one of: {allowed}).")
    if not data:
        raise IngestError(f"The file {describe(name)} is empty.")
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes)
    if fmt is None:
        fmt = guess_format(data, name)
        if fmt is None:
            raise IngestError(f"The file {describe(name)} is an archive, not a document that can be read.")
    return _finish(_extract(data, fmt, name), fmt, name)


def _special_file_error(path: Path, info: os.stat_result | None, error: OSError | None) -> IngestError:
    """What to say about a path that is not a regular file (it is never opened)."""
    shown = describe(path.name)
    if error is not None:
        if error.errno == errno.ELOOP:
            return IngestError(f"The link {shown} points to itself (a loop of links); it was skipped.")
        if isinstance(error, FileNotFoundError):
            if os.path.islink(path):
                return IngestError(f"The link {shown} points to a file that does not exist.")
            return IngestError(f"The file {shown} was not found.")
        if isinstance(error, PermissionError):
            return IngestError(f"The file {shown} could not be opened (permission denied).")
        return IngestError(f"The file {shown} could not be opened ({error.strerror or 'error'}).")
    assert info is not None
    if stat.S_ISDIR(info.st_mode):
        if os.path.islink(path):
            return IngestError(
                f"The link {shown} leads to a folder; links to folders inside a folder are not followed "
                "(import that folder itself)."
            )
        if not os.access(path, os.R_OK | os.X_OK):
            return IngestError(f"The folder {shown} could not be read (permission denied).")
        return IngestError(f"The path {shown} is a folder, not a file.")
    kind = "a named pipe (FIFO)" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
    return IngestError(f"The path {shown} is {kind}, not a regular file; it was not read.")


def _read_regular_file(path: Path, max_bytes: int) -> bytes:
    """Read at most ``max_bytes + 1`` bytes, refusing anything that turns out not to be a regular file.

    The file is opened non-blocking and checked again after opening, so a file swapped for a named
    pipe between the check and the opening never blocks the import.
    """
    shown = describe(path.name)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise IngestError(f"The file {shown} could not be read (permission denied).") from None
    except OSError as exc:
        raise _special_file_error(path, None, exc) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _special_file_error(path, info, None)
        if info.st_size > max_bytes:
            raise _too_large(path.name, info.st_size, max_bytes)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise IngestError(f"The file {shown} could not be read ({exc.strerror or 'error'}).") from exc
    finally:
        os.close(fd)


def load_path(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Import a document from a file, checking existence, type and size before reading it.

    Links that lead nowhere or to themselves, named pipes, sockets and devices are refused
    without being opened; the file name may hold any bytes (shown with U+FFFD where not UTF-8).
    """
    path = Path(path)
    name = path.name
    try:
        info = path.stat()
    except OSError as exc:
        raise _special_file_error(path, None, exc) from None
    if not stat.S_ISREG(info.st_mode):
        raise _special_file_error(path, info, None)
    suffix = path.suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        kind = f"“{display_path(suffix)}”" if suffix else "without an extension"
        allowed = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise IngestError(f"Files of type {kind} cannot be imported (supported: {allowed}).")
    if info.st_size == 0:
        raise IngestError(f"The file {describe(name)} is empty.")
    if info.st_size > max_bytes:
        raise _too_large(name, info.st_size, max_bytes)
    data = _read_regular_file(path, max_bytes)
    if not data:
        raise IngestError(f"The file {describe(name)} is empty.")
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes)
    fmt = SUFFIX_FORMATS[suffix]
    return _finish(_extract(data, fmt, name), fmt, name, path=_stored_path(path))


def _stored_path(path: Path) -> str:
    """The absolute path as stored with the article (valid UTF-8, one line)."""
    try:
        return display_path(path.resolve())
    except (OSError, RuntimeError):
        return display_path(path.absolute())


def read_limited(stream: BinaryIO, *, max_bytes: int = MAX_FILE_BYTES, name: str = "") -> bytes:
    """Read a stream (stdin) up to ``max_bytes``; refuse more without reading it all into memory."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = stream.read(min(1 << 20, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        what = f"The input {describe(name)}" if name else "The input"
        raise IngestError(f"{what} is larger than the import limit of {_megabytes(max_bytes)}.")
    return b"".join(chunks)


def load_text(text: str, *, fmt: str = "paste", title: str | None = None) -> Document:
    """Import text typed, pasted or piped in (``fmt`` "paste" or "stdin")."""
    if fmt not in TEXT_FORMATS:
        raise IngestError(f"The format “{fmt}” is not supported for text (use “paste” or “stdin”).")
    if not text.strip():
        raise IngestError("The pasted text is empty." if fmt == "paste" else "The input text is empty.")
    return _finish(Extracted(text=text, title=title), fmt, "")


def iter_input_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to import: files as given, folders walked recursively in sorted order.

    In folders, hidden files and folders and regular files of unsupported types are skipped.
    Everything else that is not a regular file (a broken link, a loop of links, a link to a
    folder, a named pipe, a device, a folder that cannot be read) is yielded too, never opened,
    so that :func:`load_path` can report it; links to folders are not followed. A file named
    explicitly is always yielded. Each path is yielded once.
    """
    seen: set[Path] = set()

    def once(candidate: Path) -> bool:
        key = candidate.absolute()
        if key in seen:
            return False
        seen.add(key)
        return True

    for given in paths:
        given = Path(given)
        if not given.is_dir():
            if once(given):
                yield given
            continue
        unreadable: list[OSError] = []
        for root, dirs, files in os.walk(given, onerror=unreadable.append):
            for error in unreadable:
                if error.filename and once(Path(error.filename)):
                    yield Path(error.filename)
            unreadable.clear()
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            linked = [d for d in dirs if os.path.islink(os.path.join(root, d))]
            dirs[:] = [d for d in dirs if d not in linked]
            for file_name in sorted([*files, *linked]):
                if file_name.startswith("."):
                    continue
                candidate = Path(root) / file_name
                regular = candidate.is_file()
                if regular and candidate.suffix.lower() not in SUFFIX_FORMATS:
                    continue
                if once(candidate):
                    yield candidate
        for error in unreadable:
            if error.filename and once(Path(error.filename)):
                yield Path(error.filename)
