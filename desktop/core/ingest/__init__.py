"""Import documents from files, bytes or pasted text into :class:`~desktop.core.types.Document`.

Every failure is an :class:`IngestError` whose ``message`` is one sentence for the user.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from desktop.core.ingest.base import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    Extracted,
    IngestError,
    clean_title,
    describe,
    first_line,
)
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
    from desktop.core.ingest.encoding import decode_bytes

    text = decode_bytes(data, name=name)
    if fmt == "html":
        from desktop.core.ingest.html import read_html

        return read_html(text)
    from desktop.core.ingest.plaintext import read_markdown, read_plain

    return read_markdown(text) if fmt == "md" else read_plain(text)


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
    if title is None:
        title = clean_title(Path(name).stem) if name else None
    return Document(
        text=text,
        title=title or "Untitled",
        language=detect_language(text),
        format=fmt,
        content_hash=hash_normalized(text),
        author=extracted.author,
        published=extracted.published,
        source_url=extracted.source_url,
        outlet=extracted.outlet,
        path=path,
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


def load_path(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Import a document from a file, checking existence, type and size before reading it."""
    path = Path(path)
    name = path.name
    shown = describe(name)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise IngestError(f"The file {describe(name)} was not found.") from None
    except OSError as exc:
        raise IngestError(f"The file {shown} could not be opened ({exc.strerror or 'error'}).") from exc
    if path.is_dir():
        raise IngestError(f"The path {describe(name)} is a folder, not a file.")
    if not path.is_file():
        raise IngestError(f"The path {describe(name)} is not a regular file.")
    suffix = path.suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        kind = f"“{suffix}”" if suffix else "without an extension"
        allowed = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise IngestError(f"Files of type {kind} cannot be imported (supported: {allowed}).")
    if info.st_size == 0:
        raise IngestError(f"The file {describe(name)} is empty.")
    if info.st_size > max_bytes:
        raise _too_large(name, info.st_size, max_bytes)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise IngestError(f"The file {describe(name)} could not be read (permission denied).") from None
    except OSError as exc:
        raise IngestError(f"The file {shown} could not be read ({exc.strerror or 'error'}).") from exc
    if not data:
        raise IngestError(f"The file {describe(name)} is empty.")
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes)
    fmt = SUFFIX_FORMATS[suffix]
    return _finish(_extract(data, fmt, name), fmt, name, path=str(path))


def load_text(text: str, *, fmt: str = "paste", title: str | None = None) -> Document:
    """Import text typed, pasted or piped in (``fmt`` "paste" or "stdin")."""
    if fmt not in TEXT_FORMATS:
        raise IngestError(f"The format “{fmt}” is not supported for text (use “paste” or “stdin”).")
    if not text.strip():
        raise IngestError("The pasted text is empty." if fmt == "paste" else "The input text is empty.")
    return _finish(Extracted(text=text, title=title), fmt, "")


def iter_input_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to import: files as given, folders walked recursively in sorted order.

    In folders, hidden files and folders and files of unsupported types are skipped; a file
    named explicitly is always yielded, so that the caller can report a problem with it.
    Each file is yielded once.
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
        for root, dirs, files in os.walk(given):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for file_name in sorted(files):
                candidate = Path(root) / file_name
                if file_name.startswith(".") or candidate.suffix.lower() not in SUFFIX_FORMATS:
                    continue
                if candidate.is_file() and once(candidate):
                    yield candidate
