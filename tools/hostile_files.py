"""Writers of crafted files for the hostile-input tests and benchmarks (zip bombs, pathological HTML).

Each writer makes one file of a given size; tests use small sizes, ``bench_hostile`` the sizes
an attacker would use.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

BODY = (
    "Der Gemeinderat hat am Montag nach langer Debatte den neuen Haushalt beschlossen. "
    "Die Bürgermeisterin sprach von einem guten Tag für die Schulen und die Straßen der Stadt.\n"
)


def write_deep_html(path: Path, depth: int) -> None:
    """A paragraph nested in ``depth`` ``<div>`` elements, and one more paragraph after them."""
    inner = "<p>Tief verschachtelt steht der erste Absatz über den Haushalt der Stadt.</p>"
    after = "<p>Nach der Verschachtelung folgt der zweite Absatz mit dem Beschluss.</p>"
    path.write_text(
        f"<html><head><title>Tief</title></head><body>{'<div>' * depth}{inner}{'</div>' * depth}"
        f"{after}</body></html>",
        encoding="utf-8",
    )


def write_attribute_html(path: Path, attributes: int) -> None:
    """One element with ``attributes`` attributes before a real paragraph."""
    crafted = " ".join(f'a{i}="x"' for i in range(attributes))
    path.write_text(
        f"<html><body><p {crafted}>Der Rat tagt.</p><p>{BODY}</p></body></html>", encoding="utf-8"
    )


def write_many_elements_html(path: Path, elements: int) -> None:
    """A page of ``elements`` tiny elements."""
    path.write_text(
        "<html><body>" + "<span>a</span> " * elements + f"<p>{BODY}</p></body></html>",
        encoding="utf-8",
    )


_DOCX_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>"
)
_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELATIONSHIPS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/'
    b'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)


def _deflated(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _zip_records(name: bytes, crc: int, compressed: int, declared: int, offset: int) -> tuple[bytes, bytes]:
    """A deflated member's local header and central-directory record (no zip64)."""
    common = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0, crc, compressed, declared)
    local = b"PK\x03\x04" + common + struct.pack("<HH", len(name), 0) + name
    central = b"PK\x01\x02" + struct.pack("<H", 20) + common
    central += struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, 0, offset) + name
    return local, central


def write_lying_docx_bomb(path: Path, expanded: int, declared: int = 4096) -> None:
    """A .docx whose word/document.xml declares ``declared`` bytes but inflates to ``expanded``.

    The CRC is forged to match the first ``declared`` bytes, so a reader that trusts the
    declared size and inflates the member in one call (as ``ZipFile.read`` does) holds all of
    ``expanded`` in memory before it cuts the data to size. 1 GB gives a file of about 1 MB.
    """
    block = b"A" * (8 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [compressor.compress(_DOCX_HEAD)]
    remaining = expanded - len(_DOCX_HEAD)
    while remaining > 0:
        piece = block[: min(len(block), remaining)]
        parts.append(compressor.compress(piece))
        remaining -= len(piece)
    parts.append(compressor.flush())
    body = b"".join(parts)
    prefix = (_DOCX_HEAD + b"A" * declared)[:declared]
    members = [
        (b"[Content_Types].xml", _deflated(_CONTENT_TYPES), zlib.crc32(_CONTENT_TYPES), len(_CONTENT_TYPES)),
        (b"_rels/.rels", _deflated(_RELATIONSHIPS), zlib.crc32(_RELATIONSHIPS), len(_RELATIONSHIPS)),
        (b"word/document.xml", body, zlib.crc32(prefix), declared),
    ]
    out = bytearray()
    directory = bytearray()
    for name, data, crc, size in members:
        local, central = _zip_records(name, crc, len(data), size, len(out))
        out += local + data
        directory += central
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), len(out), 0)
    path.write_bytes(bytes(out + directory + end))
