"""Turn the bytes of a text-like file into a str, or say clearly why that is impossible.

Order of attempts: byte-order mark, declared charset (HTML ``<meta>``, XML declaration),
strict UTF-8, UTF-8 with a few bad bytes replaced (with a warning), charset_normalizer
restricted to Western code pages, cp1252 with replacement. Binary data and undecodable
garbage are refused with an :class:`IngestError`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from desktop.core.ingest.base import IngestError, describe

HEAD_BYTES = 8192
"""How much of the start of a file the binary checks look at."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# charset_normalizer, left alone, likes to pick Baltic or Central European code pages
# for German/French text; Western code pages are what such files really use.
_FALLBACK_CODEPAGES = ["cp1252", "iso8859_15", "latin_1"]

# C0 controls other than tab, LF, VT, FF, CR, and ESC (seen in some terminal logs), plus DEL.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_BINARY_CONTROL_SHARE = 0.10
# In decoded text: C0/C1 controls, replacement characters, private-use characters.
_JUNK_CHARS_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
_JUNK_SHARE = 0.10
# In text decoded by guessing a code page: share of non-ASCII among non-space characters
# above which the result is mojibake rather than a Western-language text.
_GARBLED_SHARE = 0.25
_SPACE_RE = re.compile(r"\s+")
# UTF-8 with some bad bytes is still UTF-8 when the bad sequences are at most this share of all
# non-ASCII characters (a Latin-1 file read as UTF-8 has almost no valid multi-byte sequences).
_BAD_UTF8_SHARE = 0.10
_MIN_GOOD_UTF8 = 3
_REPLACEMENT_UTF8 = "\ufffd".encode()

_META_CHARSET_RE = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_XML_ENCODING_RE = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']", re.IGNORECASE)
# As browsers do: these labels really mean windows-1252.
_WINDOWS_1252_ALIASES = frozenset({"ascii", "latin_1", "iso8859_1", "cp1252"})


def binary_error(name: str) -> IngestError:
    """The error for data that is not text at all."""
    return IngestError(f"The file {describe(name)} looks like binary data, not text.")


def garbled_error(name: str) -> IngestError:
    """The error for bytes that decode only to garbage."""
    return IngestError(
        f"The file {describe(name)} does not contain readable text (its characters could not be decoded)."
    )


def looks_binary(head: bytes) -> bool:
    """True when the first bytes of a file hold NUL bytes or many control characters."""
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head) > _BINARY_CONTROL_SHARE


def _junk_share(text: str) -> float:
    sample = text[:HEAD_BYTES]
    if not sample:
        return 0.0
    return len(_JUNK_CHARS_RE.findall(sample)) / len(sample)


def _garbled(text: str) -> bool:
    sample = _SPACE_RE.sub("", text[: 4 * HEAD_BYTES])
    if not sample:
        return False
    non_ascii = len(sample) - len(sample.encode("ascii", errors="ignore"))
    return non_ascii / len(sample) > _GARBLED_SHARE


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label).name.replace("-", "_")
    except (LookupError, ValueError):
        return None


def declared_charset(data: bytes) -> str | None:
    """Return the Python codec named by an HTML meta tag or XML declaration, if it is real."""
    head = data[:4096]
    match = _XML_ENCODING_RE.search(head) or _META_CHARSET_RE.search(head)
    if not match:
        return None
    codec = _codec_name(match.group(1).decode("ascii", errors="ignore"))
    if codec is None:
        return None
    if codec.startswith(("utf_16", "utf_32")):
        # The declaration was readable as ASCII, so the bytes are not UTF-16/32.
        return "utf_8"
    if codec in _WINDOWS_1252_ALIASES:
        return "cp1252"
    return codec


def _utf16_without_bom(head: bytes) -> str | None:
    """Guess UTF-16 without a BOM from the NUL pattern of mostly-ASCII text."""
    even, odd = head[0::2], head[1::2]
    if len(odd) < 8:
        return None
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.7 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.7 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _check_decoded(text: str, name: str) -> str:
    if _junk_share(text) > _JUNK_SHARE:
        raise binary_error(name)
    return text


def _guess_western(data: bytes) -> str:
    """Decode non-UTF-8 bytes as one of the Western code pages."""
    from charset_normalizer import from_bytes  # imported lazily: only legacy files need it

    best = from_bytes(data, cp_isolation=_FALLBACK_CODEPAGES).best()
    if best is not None:
        return str(best)
    return data.decode("cp1252", errors="replace")


@dataclass(frozen=True)
class Decoded:
    """Decoded text, and a sentence for the user when something had to be repaired."""

    text: str
    warning: str = ""


def _mostly_utf8(data: bytes, name: str) -> Decoded | None:
    """UTF-8 with a few bad bytes (a damaged download, a bad copy): replaced, with a warning."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(_REPLACEMENT_UTF8)
    good = sum(1 for ch in text if ord(ch) > 0x7F) - text.count("\ufffd")
    if bad <= 0 or good < _MIN_GOOD_UTF8 or bad > _BAD_UTF8_SHARE * (good + bad):
        return None
    places = "1 place" if bad == 1 else f"{bad:,} places"
    warning = (
        f"The file {describe(name)} is UTF-8 with some invalid bytes; they were replaced by “\ufffd” "
        f"({places})."
    )
    return Decoded(_check_decoded(text, name), warning)


def decode_bytes(data: bytes, *, name: str = "") -> str:
    """Decode the bytes of a text, Markdown or HTML file to str.

    Raises :class:`IngestError` when the data is binary or cannot be decoded to readable text.
    """
    return decode_document(data, name=name).text


def decode_document(data: bytes, *, name: str = "") -> Decoded:
    """Like :func:`decode_bytes`, and say when bad bytes had to be replaced."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _try_decode(data[len(bom) :], codec)
            if text is not None:
                return Decoded(_check_decoded(text, name))
            break  # a BOM followed by undecodable bytes: judge the bytes themselves

    head = data[:HEAD_BYTES]
    if b"\x00" in head:
        codec16 = _utf16_without_bom(head[: len(head) - len(head) % 2])
        text = _try_decode(data, codec16) if codec16 else None
        if text is None:
            raise binary_error(name)
        return Decoded(_check_decoded(text, name))
    if looks_binary(head):
        raise binary_error(name)

    utf8 = _try_decode(data, "utf-8")
    declared = declared_charset(data)
    # A page labelled with a legacy code page whose bytes are valid UTF-8 beyond ASCII was
    # saved as UTF-8 (a common mislabel); such byte sequences are very unlikely otherwise.
    if declared is not None and not (utf8 is not None and not utf8.isascii()) and declared != "utf_8":
        text = _try_decode(data, declared)
        if text is not None:
            return Decoded(_check_decoded(text, name))
    if utf8 is not None:
        return Decoded(_check_decoded(utf8, name))
    repaired = _mostly_utf8(data, name)
    if repaired is not None:
        return repaired

    text = _guess_western(data)
    if _junk_share(text) > _JUNK_SHARE or _garbled(text):
        raise garbled_error(name)
    return Decoded(text)
