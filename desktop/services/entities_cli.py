"""``briefing-reader entities``: recognition without a library, for scripts and evaluation."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from desktop.core.entities.linking import link_mentions
from desktop.core.entities.recognizer import Recognizer
from desktop.core.ingest import IngestError, load_path
from desktop.core.language import detect_language
from desktop.core.types import EntitySpan


class EntitiesInputError(ValueError):
    """A line of --jsonl input is not a JSON object with a text."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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


def _read_input(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
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
    stream = sys.stdin if source == "-" else Path(source).open(encoding="utf-8")  # noqa: SIM115
    try:
        for number, line in enumerate(stream, start=1):
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
        if stream is not sys.stdin:
            stream.close()
    return 0
