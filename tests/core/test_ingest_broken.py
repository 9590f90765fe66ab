"""Broken, awkward and hostile files: a clear message or a clean document, never a traceback."""

from __future__ import annotations

import os
import socket
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from desktop.core.ingest import IngestError, load_path
from tests.broken_inputs import HOSTILE_ARTICLE, LATIN1_TEXT, make_broken_inputs


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_broken_inputs(tmp_path_factory.mktemp("broken"))


def _message(path: Path) -> str:
    with pytest.raises(IngestError) as error:
        load_path(path)
    message = error.value.message
    assert str(error.value) == message
    assert path.name in message  # says which file
    assert message.endswith(".") and "\n" not in message and "Traceback" not in message
    return message


def test_helper_writes_every_case(broken: dict[str, Path]) -> None:
    assert set(broken) >= {
        "binary",
        "empty",
        "invalid_utf8",
        "latin1",
        "huge",
        "hostile_html",
        "fake_pdf",
        "fake_docx",
    }
    assert all(path.is_file() for path in broken.values())
    assert broken["huge"].stat().st_size >= 50 * 1024 * 1024


def test_binary_named_txt(broken: dict[str, Path]) -> None:
    assert "looks like binary data, not text" in _message(broken["binary"])


def test_empty_file(broken: dict[str, Path]) -> None:
    assert "is empty" in _message(broken["empty"])


def test_invalid_utf8(broken: dict[str, Path]) -> None:
    assert "does not contain readable text" in _message(broken["invalid_utf8"])


def test_latin1_text_imports_with_correct_umlauts(broken: dict[str, Path]) -> None:
    doc = load_path(broken["latin1"])
    assert doc.text == LATIN1_TEXT.strip()
    assert doc.title == "Grüße aus der Stadtverwaltung"
    assert "Bürgermeisterin begrüßte" in doc.text
    assert doc.language == "de"


def test_huge_file_is_refused_by_size(broken: dict[str, Path]) -> None:
    message = _message(broken["huge"])
    assert "50 MB" in message and "limit of 20 MB" in message


def test_hostile_html_gives_clean_text(broken: dict[str, Path]) -> None:
    doc = load_path(broken["hostile_html"])
    assert HOSTILE_ARTICLE in doc.text
    assert doc.title == "City budget approved"
    everything = " ".join([doc.text, doc.title, doc.author or "", doc.source_url or ""]).lower()
    for bad in ["script", "alert", "passwd", "javascript", "evil", "tracker", "iframe", "onerror", "cookie"]:
        assert bad not in everything, bad


def test_fake_pdf(broken: dict[str, Path]) -> None:
    assert "is not a valid PDF (it may be damaged or mislabelled)" in _message(broken["fake_pdf"])


def test_fake_docx(broken: dict[str, Path]) -> None:
    assert "is not a valid Word document" in _message(broken["fake_docx"])


def test_encrypted_pdf(broken: dict[str, Path]) -> None:
    assert "protected with a password" in _message(broken["encrypted_pdf"])


def test_zip_bomb_docx(broken: dict[str, Path]) -> None:
    assert "would unpack to more than 200 MB" in _message(broken["zip_bomb_docx"])


def test_nothing_is_fetched_while_importing(broken: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("an import tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    opened: list[str] = []
    real_open, real_os_open = Path.open, os.open

    def watch_open(self: Path, *args: object, **kwargs: object) -> object:
        opened.append(str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    def watch_os_open(target: object, *args: Any, **kwargs: Any) -> int:
        opened.append(str(target))
        return real_os_open(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", watch_open)
    monkeypatch.setattr(os, "open", watch_os_open)
    doc = load_path(broken["hostile_html"])
    assert HOSTILE_ARTICLE in doc.text
    installed = (sys.prefix, sys.base_prefix)  # the lazy import of a library may read its metadata
    # no file:// reference was followed
    assert [p for p in opened if not p.startswith(installed)] == [str(broken["hostile_html"])]
