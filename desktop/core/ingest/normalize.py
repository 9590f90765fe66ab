"""Canonical form of imported text, and the hash that identifies a text across imports."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Line breaks other than \n: CRLF, CR, vertical tab, form feed, NEL, line/paragraph separator.
_LINE_BREAK_RE = re.compile("\r\n|[\r\v\f\x85\u2028\u2029]")
# Control characters except \t and \n, plus invisible characters that only get in the way of
# search: soft hyphen, zero-width space, word joiner, stray byte-order marks.
_DROP_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b\u2060\ufeff]")
# Any character of the two above (one scan finds that most texts need neither).
_ODD_RE = re.compile("[\r\v\f\x85\u2028\u2029\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b\u2060\ufeff]")
_TRAILING_SPACE_RE = re.compile(r"[^\S\n]+$", re.MULTILINE)
_MANY_NEWLINES_RE = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """Return the stored form of ``text``.

    NFC; CRLF/CR and other line separators become ``\\n``; control characters other than
    ``\\n`` and ``\\t`` are removed; trailing whitespace is stripped from every line; runs of
    three or more newlines become two; leading and trailing whitespace is stripped.
    """
    if _ODD_RE.search(text) is not None:  # one scan; most texts have neither
        text = _LINE_BREAK_RE.sub("\n", text)
        text = _DROP_RE.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if any(line[-1:].isspace() for line in text.split("\n")):  # cheaper than the search itself
        text = _TRAILING_SPACE_RE.sub("", text)
    if "\n\n\n" in text:
        text = _MANY_NEWLINES_RE.sub("\n\n", text)
    return text.strip()


def hash_normalized(normalized: str) -> str:
    """SHA-256 hex digest of text that is already in normalised form."""
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def content_hash(text: str) -> str:
    """SHA-256 hex digest of the normalised ``text`` (the title is not part of it)."""
    return hash_normalized(normalize_text(text))
