"""Word documents (.docx) via python-docx: paragraphs and tables in reading order."""

from __future__ import annotations

import io
import zipfile
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
"""Largest total unpacked size of a .docx (guards against zip bombs)."""

MAX_ZIP_MEMBERS = 10_000
_MAIN_PART = "word/document.xml"
# The creation time stamped into python-docx's built-in template.
_TEMPLATE_CREATED = "2013-12-23T23:15:00"


def _not_docx(name: str) -> IngestError:
    return IngestError(
        f"The file {describe(name)} is not a valid Word document (it may be damaged or mislabelled)."
    )


def check_zip(data: bytes, *, name: str = "") -> None:
    """Refuse data that is not a zip with a Word main part, or would unpack too large."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise _not_docx(name) from exc
    if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_UNCOMPRESSED_BYTES:
        limit = MAX_UNCOMPRESSED_BYTES // (1024 * 1024)
        raise IngestError(
            f"The Word document {describe(name)} would unpack to more than {limit} MB and is refused."
        )
    if not any(member.filename == _MAIN_PART for member in members):
        raise _not_docx(name)


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
    check_zip(data, name=name)
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
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
