"""Word documents (.docx) via python-docx: paragraphs and tables in reading order."""

from __future__ import annotations

import io
import zipfile
import zlib
from datetime import datetime
from typing import Any

from desktop.core.ingest.base import (
    Extracted,
    IngestError,
    clean_title,
    describe,
    meaningful_author,
    meaningful_title,
)

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
"""Largest total unpacked size of a .docx, counted on the bytes really unpacked (zip bombs)."""

MAX_PART_BYTES = 24 * 1024 * 1024
"""Largest unpacked size of one part; the Word reader holds a part's whole XML tree in memory
(about 12 times the XML's size), so this bounds the memory one document can take."""

MAX_ZIP_MEMBERS = 10_000
_MAIN_PART = "word/document.xml"
_CHUNK = 1 << 20
# The creation time stamped into python-docx's built-in template.
_TEMPLATE_CREATED = "2013-12-23T23:15:00"


def _not_docx(name: str) -> IngestError:
    return IngestError(
        f"The file {describe(name)} is not a valid Word document (it may be damaged or mislabelled)."
    )


def _too_big(name: str, limit: int, what: str = "") -> IngestError:
    return IngestError(
        f"The Word document {describe(name)} would unpack{what} to more than {limit // (1024 * 1024)} MB "
        "and is refused."
    )


def _unpack(archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: int, name: str) -> bytes:
    """The member's bytes, read in small pieces and refused as soon as they exceed the limits.

    The sizes a zip declares are not trusted: what counts is what really comes out of the
    decompressor, one bounded piece at a time.
    """
    limit = min(MAX_PART_BYTES, budget)
    pieces: list[bytes] = []
    size = 0
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                if limit == budget:
                    raise _too_big(name, MAX_UNCOMPRESSED_BYTES)
                raise _too_big(name, MAX_PART_BYTES, f" a part ({member.filename})")
            pieces.append(chunk)
    return b"".join(pieces)


def safe_package(data: bytes, *, name: str = "") -> bytes:
    """The .docx repacked from members unpacked under hard limits (uncompressed, so reading it again
    cannot inflate anything); refuses data that is not a zip with a Word main part.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_UNCOMPRESSED_BYTES:
                raise _too_big(name, MAX_UNCOMPRESSED_BYTES)
            if not any(member.filename == _MAIN_PART for member in members):
                raise _not_docx(name)
            out = io.BytesIO()
            budget = MAX_UNCOMPRESSED_BYTES
            with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as repacked:
                for member in members:
                    if member.is_dir():
                        continue
                    content = _unpack(archive, member, budget, name)
                    budget -= len(content)
                    repacked.writestr(member.filename, content)
    except IngestError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, EOFError) as exc:
        raise _not_docx(name) from exc
    except (OSError, RuntimeError, zlib.error) as exc:  # encrypted member, corrupt deflate stream
        raise _not_docx(name) from exc
    return out.getvalue()


def _style_names(document: Any) -> dict[str, str]:
    """Style id → (English) style name, read once per document; style lookups are slow."""
    names: dict[str, str] = {}
    try:
        for style in document.styles:
            if style.style_id:
                names[style.style_id] = str(style.name or "")
    except (AttributeError, KeyError, ValueError):
        pass
    return names


def _style_name(paragraph: Any, names: dict[str, str]) -> str:
    style_id = getattr(paragraph._p, "style", None)
    return names.get(style_id, "") if style_id else ""


def _table_text(table: Any) -> str:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # merged cells repeat the same cell element
                continue
            seen.add(id(cell._tc))
            value = " ".join(cell.text.split())
            if value:
                cells.append(value)
        if cells:
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _created(core: Any) -> str | None:
    created = getattr(core, "created", None)
    if not isinstance(created, datetime):
        return None
    if created.strftime("%Y-%m-%dT%H:%M:%S") == _TEMPLATE_CREATED:
        return None
    return created.date().isoformat()


def read_docx(data: bytes, *, name: str = "") -> Extracted:
    """Extract text, title, author and creation date of a .docx given as bytes."""
    package = safe_package(data, name=name)
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(package))
        style_names = _style_names(document)
        blocks: list[str] = []
        title_style: str | None = None
        heading: str | None = None
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                text = _table_text(item)
            else:
                text = item.text.strip()
                if text and (title_style is None or heading is None):
                    style = _style_name(item, style_names)
                    if title_style is None and style == "Title":
                        title_style = text
                    if heading is None and style.startswith("Heading"):
                        heading = text
            if text:
                blocks.append(text)
        core = document.core_properties
        core_title, author, created = core.title, core.author, _created(core)
    except IngestError:
        raise
    except Exception as exc:  # python-docx raises many kinds of errors on damaged parts
        raise _not_docx(name) from exc
    return Extracted(
        text="\n\n".join(blocks),
        title=meaningful_title(core_title) or clean_title(title_style) or clean_title(heading),
        author=meaningful_author(author),
        published=created,
    )
