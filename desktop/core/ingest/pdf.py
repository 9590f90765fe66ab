"""PDF files via pypdfium2: text of the first pages, joined into readable paragraphs."""

from __future__ import annotations

import itertools
import re
import threading
from typing import Any

from desktop.core.ingest.base import (
    MAX_TEXT_CHARS,
    Extracted,
    IngestError,
    describe,
    meaningful_author,
    meaningful_title,
)
from desktop.core.ingest.dates import pdf_date

MAX_PDF_PAGES = 500
"""Only this many pages of a PDF are read."""

_PDFIUM_LOCK = threading.Lock()  # PDFium is not thread-safe
_ERR_PASSWORD = 4
_ERR_SECURITY = 5
_GAP_FACTOR = 1.3  # a gap this many times the usual line distance separates paragraphs
_MIN_GAP = 2.0  # smaller vertical steps are pieces of the same line
_LINE_SPLIT_RE = re.compile(r"\r\n|[\r\n]")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
# PDFium marks a hyphen it removed at a line end with U+FFFE (older builds: U+0002).
_PDFIUM_HYPHEN_RE = re.compile("[\ufffe\x02](?=(.?))")
# Words after which a line-end hyphen is a real one ("Sicherheits- und Verteidigungspolitik").
_KEEP_HYPHEN_BEFORE = frozenset({"und", "oder", "bzw", "sowie", "bis", "and", "or", "nor", "to"})
_SENTENCE_END = (".", "!", "?", ":", "…", '"', "“", "”", "»", "«", ")")


def _fix_pdfium_hyphen(match: re.Match[str]) -> str:
    following = match.group(1)
    return "" if following.islower() else "-"


def _join(current: str, line: str) -> str:
    """Append ``line`` to a paragraph, repairing hyphenation at the line break."""
    if not current:
        return line
    if current.endswith("-") and len(current) > 1 and current[-2].isalpha():
        next_word = line.split(" ", 1)[0].rstrip(".,;:")
        if next_word in _KEEP_HYPHEN_BEFORE:
            return f"{current} {line}"
        if line[:1].islower():
            return current[:-1] + line
        return current + line
    return f"{current} {line}"


def _ends_paragraph(line: str, short: float) -> bool:
    """A short line ends a paragraph if it ends a sentence, a very short one (heading) always."""
    return len(line) < short and (line.endswith(_SENTENCE_END) or len(line) < 0.6 * short)


def _typical_length(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines)
    return lengths[(len(lengths) * 3) // 4]


LineTops = tuple[float, float]
"""Top edge of the first and of the last character of one line of a page (PDF units, y up)."""


def _gap_breaks(tops: list[LineTops | None]) -> list[bool]:
    """For each line, whether the vertical gap above it is clearly larger than usual."""
    gaps: list[float | None] = [None]
    for above, below in itertools.pairwise(tops):
        gaps.append(above[1] - below[0] if above is not None and below is not None else None)
    positive = sorted(gap for gap in gaps if gap is not None and gap > _MIN_GAP)
    if not positive:
        return [False] * len(tops)
    usual = positive[(len(positive) - 1) // 4]  # lower quartile: paragraph gaps are the rarer ones
    return [gap is not None and gap > _GAP_FACTOR * usual for gap in gaps]


def page_paragraphs(page_text: str, tops: list[LineTops | None] | None = None) -> list[str]:
    """Split the raw text of one page into paragraphs.

    Lines are joined with spaces. A paragraph ends at an empty line, before a line that follows
    a clearly larger vertical gap than usual (when ``tops``, one entry per line, is given),
    and after a line that is clearly shorter than the page's typical line (a paragraph's last
    line, a heading).
    """
    page_text = _PDFIUM_HYPHEN_RE.sub(_fix_pdfium_hyphen, page_text.translate(_LIGATURES))
    lines = [" ".join(line.split()) for line in _LINE_SPLIT_RE.split(page_text)]
    content = [line for line in lines if line]
    if not content:
        return []
    gap_breaks = _gap_breaks(tops) if tops is not None and len(tops) == len(lines) else [False] * len(lines)
    few = len(content) < 4  # too few lines to know the typical line length
    short = 0.75 * _typical_length(content)
    paragraphs: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        if (not line or gap_breaks[index]) and current:
            paragraphs.append(current)
            current = ""
        if not line:
            continue
        current = _join(current, line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line.endswith("-") or following[:1].islower():
            continue  # the sentence or word runs on
        if few or _ends_paragraph(line, short):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _line_tops(textpage: Any, raw: str) -> list[LineTops | None] | None:
    """Vertical position of each line of ``raw`` (None for blank lines), or None if unknown."""
    if textpage.count_chars() != len(raw):
        return None  # characters outside the BMP: string and character indices differ
    starts = [0, *(match.end() for match in _LINE_SPLIT_RE.finditer(raw))]
    tops: list[LineTops | None] = []
    for start, line in zip(starts, _LINE_SPLIT_RE.split(raw), strict=True):
        stripped = line.strip()
        if not stripped:
            tops.append(None)
            continue
        first = start + len(line) - len(line.lstrip())
        last = start + len(line.rstrip()) - 1
        tops.append((textpage.get_charbox(first, loose=True)[3], textpage.get_charbox(last, loose=True)[3]))
    return tops


def _continues(previous: str, following: str) -> bool:
    """True when a paragraph seems to run on from one page to the next."""
    return not previous.endswith(_SENTENCE_END) and following[:1].islower()


def read_pdf(data: bytes, *, name: str = "") -> Extracted:
    """Extract the text and the meaningful metadata of a PDF given as bytes."""
    if b"%PDF-" not in data[:1024]:
        raise IngestError(f"The file {describe(name)} is not a valid PDF (it may be damaged or mislabelled).")
    import pypdfium2

    with _PDFIUM_LOCK:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:
            if exc.err_code in (_ERR_PASSWORD, _ERR_SECURITY):
                raise IngestError(
                    f"The PDF {describe(name)} is protected with a password and cannot be imported."
                ) from exc
            raise IngestError(
                f"The file {describe(name)} is not a valid PDF (it may be damaged or mislabelled)."
            ) from exc
        try:
            metadata = document.get_metadata_dict(skip_empty=True)
            paragraphs: list[str] = []
            size = 0
            for index in range(min(len(document), MAX_PDF_PAGES)):
                page = document[index]
                try:
                    textpage = page.get_textpage()
                    try:
                        raw = textpage.get_text_range()
                        tops = _line_tops(textpage, raw)
                    finally:
                        textpage.close()
                finally:
                    page.close()
                found = page_paragraphs(raw, tops)
                if found and paragraphs and _continues(paragraphs[-1], found[0]):
                    paragraphs[-1] = _join(paragraphs[-1], found.pop(0))
                paragraphs.extend(found)
                size += sum(len(paragraph) + 2 for paragraph in found)
                if size > MAX_TEXT_CHARS:
                    break  # the caller reports the text as too long
        except pypdfium2.PdfiumError as exc:
            raise IngestError(f"The PDF {describe(name)} is damaged and its text cannot be read.") from exc
        finally:
            document.close()
    text = "\n\n".join(paragraphs)
    if not text.strip():
        raise IngestError(
            f"The PDF {describe(name)} contains no text that can be read (it may be a scanned image)."
        )
    return Extracted(
        text=text,
        title=meaningful_title(metadata.get("Title")),
        author=meaningful_author(metadata.get("Author")),
        published=pdf_date(metadata.get("CreationDate")),
    )
