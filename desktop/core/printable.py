"""Text that is safe to show on a terminal or in a one-line message.

Titles, names, notes and file names come from documents and users; printed raw, an ESC or BEL
sequence in them sets the window title or clears the screen, a bidi override reorders what the
reader sees, a newline splits a one-line message and a lone surrogate (an undecodable file name)
crashes the output. Two forms: :func:`printable_line` for one-line fields (readable escapes) and
:func:`terminal_safe` for whole outputs (``\\n`` and ``\\t`` kept, the rest as ``\\uXXXX``, which
also keeps JSON output valid and lossless).
"""

from __future__ import annotations

import re

_BIDI = "\u202a-\u202e\u2066-\u2069"
_SURROGATES = "\ud800-\udfff"
# One-line fields: every control character, line/paragraph separators, bidi controls, surrogates.
_LINE_UNSAFE_RE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}{_SURROGATES}]")
# Whole outputs: the same, but newline and tab are kept.
_OUTPUT_UNSAFE_RE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}{_SURROGATES}]")
_SURROGATE_RE = re.compile(f"[{_SURROGATES}]")
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _readable_escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return _SHORT_ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def _undecodable_bytes_as_replacement(text: str) -> str:
    """Lone surrogates standing for bytes that were not UTF-8 (file names) become U+FFFD, one per byte."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # surrogates that do not stand for bytes
        return _SURROGATE_RE.sub("\ufffd", text)


def printable_line(text: str) -> str:
    """``text`` on one line: undecodable bytes as U+FFFD, control characters as ``\\n``, ``\\x1b``…"""
    if _SURROGATE_RE.search(text):
        text = _undecodable_bytes_as_replacement(text)
    if _LINE_UNSAFE_RE.search(text):
        text = _LINE_UNSAFE_RE.sub(_readable_escape, text)
    return text


def terminal_safe(text: str) -> str:
    """``text`` with every control character except newline and tab written as a ``\\uXXXX`` escape."""
    if _OUTPUT_UNSAFE_RE.search(text):
        text = _OUTPUT_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text
