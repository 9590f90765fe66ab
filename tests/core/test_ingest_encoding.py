"""Decoding of text-like files and the normalised form of imported text."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.ingest import IngestError, load_bytes, normalize
from desktop.core.ingest.encoding import declared_charset, decode_bytes, looks_binary
from desktop.core.ingest.normalize import content_hash, normalize_text

GERMAN = "Grüße aus Köln: Die Straßenbahn fährt über die Brücke, sagt die Bürgermeisterin."


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks(bom: bytes, codec: str) -> None:
    assert decode_bytes(bom + GERMAN.encode(codec)) == GERMAN
    doc = load_bytes(bom + GERMAN.encode(codec), name="gruss.txt")
    assert doc.text == GERMAN
    assert not doc.text.startswith("\ufeff")


def test_utf16_without_bom() -> None:
    assert decode_bytes(GERMAN.encode("utf-16-le")) == GERMAN
    assert decode_bytes(GERMAN.encode("utf-16-be")) == GERMAN


def test_windows_1252_meta_charset_is_honoured() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<title>Preise “aktuell”</title></head><body><p>Das Ticket kostet 20 € – "
        f"{GERMAN}</p></body></html>"
    ).encode("cp1252")
    doc = load_bytes(page, name="preise.html")
    assert "20 € – Grüße aus Köln" in doc.text
    assert doc.title == "Preise “aktuell”"


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        (b'<meta charset="iso-8859-15">', "iso8859_15"),
        (b"<META HTTP-EQUIV='content-type' CONTENT='text/html; charset=ISO-8859-1'>", "cp1252"),
        (b'<?xml version="1.0" encoding="koi8-r"?>', "koi8_r"),
        (b'<meta charset="utf-16">', "utf_8"),
        (b'<meta charset="no-such-codec">', None),
        (b"charset=latin1 in plain text", None),
    ],
)
def test_declared_charset(head: bytes, codec: str | None) -> None:
    assert declared_charset(head + b"<p>x</p>") == codec


def test_declared_legacy_charset_but_utf8_bytes_reads_utf8() -> None:
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{GERMAN}</p></body></html>'
    assert GERMAN in decode_bytes(page.encode("utf-8"))


def test_latin1_and_cp1252_without_declaration() -> None:
    assert decode_bytes(GERMAN.encode("latin-1")) == GERMAN
    text = "„Zitat“ – Preis 20 €, sagte sie."
    assert decode_bytes(text.encode("cp1252")) == text


def test_binary_detection() -> None:
    assert looks_binary(b"abc\x00def")
    assert looks_binary(bytes(range(1, 9)) * 10)
    assert not looks_binary(b"plain text\nwith lines\tand tabs\r\n")
    assert not looks_binary(b"")
    with pytest.raises(IngestError, match="binary data"):
        decode_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50, name="a.txt")


def test_utf16_bom_followed_by_binary_is_refused() -> None:
    with pytest.raises(IngestError, match="binary"):
        decode_bytes(codecs.BOM_UTF16_LE + "\ue000\ue001\x01\x02".encode("utf-16-le") * 100)


def test_normalize_text() -> None:
    raw = "  Titel \r\nZeile\x00 mit\x07 Steuer\u00adzeichen\t\r\r\r\n\n\nEnde\u2028Schluss \n\n"
    assert normalize_text(raw) == "Titel\nZeile mit Steuerzeichen\n\nEnde\nSchluss"
    assert normalize_text("Cafe\u0301") == "Café"  # NFC
    assert normalize_text("a\tb") == "a\tb"


def _normalize_every_step(text: str) -> str:
    """What normalize_text did before it skipped steps with nothing to do (the stored form stays)."""
    text = normalize._LINE_BREAK_RE.sub("\n", text)
    text = normalize._DROP_RE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = normalize._TRAILING_SPACE_RE.sub("", text)
    return normalize._MANY_NEWLINES_RE.sub("\n\n", text).strip()


@given(
    st.text(alphabet=st.sampled_from(list("ab Ä\n\r\t\u00a0\u3000\x85\u2028\x00\x1f\u00ad\ufeff\v\u0301")))
)
def test_normalize_skips_only_steps_with_nothing_to_do(text: str) -> None:
    assert normalize_text(text) == _normalize_every_step(text)


def test_content_hash_ignores_line_endings_and_trailing_space() -> None:
    assert content_hash("Zeile eins  \r\nZeile zwei\r\n") == content_hash("Zeile eins\nZeile zwei")
    assert content_hash("Zeile eins") != content_hash("Zeile zwei")


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\r" not in once
    assert "\n\n\n" not in once
    assert once == once.strip()
