"""``briefing-reader entities``: recognition without a library, for scripts and evaluation."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from desktop.core.entities.linking import link_mentions
from desktop.core.entities.recognizer import Recognizer
from desktop.core.errors import UserError
from desktop.core.ingest import MAX_FILE_BYTES, IngestError, load_path, read_limited
from desktop.core.language import detect_language
from desktop.core.types import EntitySpan


class EntitiesInputError(UserError, ValueError):
    """A line of --jsonl input is not a JSON object with a text."""


def entities_of(text: str, language: str, recognizer: Recognizer) -> list[EntitySpan]:
    """Cleaned, linked mentions of ``text`` in document order (what the reader highlights)."""
    spans = recognizer.recognize(text, language)
    mentions = [m for actor in link_mentions(text, language, spans) for m in actor.mentions]
    return sorted(mentions, key=lambda s: (s.start, s.end))


def _answer(text: str, language: str, recognizer: Recognizer) -> dict[str, Any]:
    return {
        "language": language,
        "entities": [
            {"start": s.start, "end": s.end, "text": s.text, "type": s.type}
            for s in entities_of(text, language, recognizer)
        ],
    }


def _language(requested: str, text: str) -> str:
    return detect_language(text) if requested == "auto" else requested


def _decode(data: bytes, where: str) -> str:
    """UTF-8 text with universal newlines (as text-mode reading gave it)."""
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as error:
        raise EntitiesInputError(f"{where} is not UTF-8 text (byte {error.start + 1})") from error


def _read_input(source: str) -> str:
    if source == "-":
        try:
            data = read_limited(sys.stdin.buffer, max_bytes=MAX_FILE_BYTES)
        except IngestError as error:
            raise EntitiesInputError(error.message) from error
        return _decode(data, "the input")
    path = Path(source)
    if not path.exists():
        raise EntitiesInputError(f"No such file: {source}")
    try:
        return load_path(path).text
    except IngestError as error:
        raise EntitiesInputError(f"{source}: {error.message}") from error


def run_entities(
    source: str, *, language: str, jsonl: bool, out: TextIO, recognizer: Recognizer | None = None
) -> int:
    """Recognise entities in a file, stdin, or JSON lines; write JSON to ``out``."""
    if recognizer is None:
        from desktop.services.recognition import model_recognizer

        recognizer = model_recognizer()
    if not jsonl:
        text = _read_input(source)
        json.dump(_answer(text, _language(language, text), recognizer), out, ensure_ascii=False)
        out.write("\n")
        return 0
    if source != "-" and not Path(source).exists():
        raise EntitiesInputError(f"No such file: {source}")
    stream = sys.stdin.buffer if source == "-" else Path(source).open("rb")  # noqa: SIM115
    try:
        for number, raw in enumerate(_lines(stream, MAX_FILE_BYTES), start=1):
            line = _decode(raw, f"line {number}")
            if not line.strip():
                out.write(json.dumps({"language": "und", "entities": []}) + "\n")
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                raise EntitiesInputError(f"line {number}: not valid JSON ({error.msg})") from error
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise EntitiesInputError(f'line {number}: expected an object with a "text" string')
            lang = item.get("language") or language
            text = item["text"]
            out.write(
                json.dumps(_answer(text, _language(str(lang), text), recognizer), ensure_ascii=False) + "\n"
            )
            out.flush()
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    return 0


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes]:
    """The lines of a byte stream, each refused beyond ``max_bytes`` before it is read whole."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            limit = max_bytes // (1024 * 1024)
            raise EntitiesInputError(f"line {number}: longer than the limit of {limit} MB")
        yield line
