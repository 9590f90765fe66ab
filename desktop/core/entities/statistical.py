"""Statistical named-entity recognition with the spaCy models shipped in ``resources/models``.

Each language has its own pipeline directory (``resources/models/<lang>/``) holding only a
``tok2vec`` and an ``ner`` component. Models are loaded lazily and thread-safely on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core import locations
from desktop.core.cancel import raise_if_cancelled
from desktop.core.entities.recognizer import ModelCache, ModelUnavailableError
from desktop.core.types import EntitySpan, EntityType

if TYPE_CHECKING:
    from spacy.language import Language

LABEL_TYPES: dict[str, EntityType] = {
    "PER": "person",
    "ORG": "organization",
    "LOC": "location",
    "MISC": "other",
}
MAX_CHUNK = 20_000  # characters per piece handed to spaCy
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


class ModelLoadError(ModelUnavailableError):
    """A model directory exists but could not be loaded."""


def default_models_dir() -> Path:
    """``resources/models`` next to the ``desktop`` package (repository or installed tree)."""
    return locations.models_dir()


def _split(text: str, start: int, end: int, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Split text[start:end] at matches of ``pattern``; yield (start, end) of the pieces."""
    pos = start
    for m in pattern.finditer(text, start, end):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < end:
        yield pos, end


def chunk_text(text: str, max_chars: int = MAX_CHUNK) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of paragraph-sized pieces of ``text`` (never longer than max_chars).

    Paragraphs are split at line breaks; over-long paragraphs at sentence ends, and as a last
    resort at whitespace or hard at ``max_chars``. Pure-whitespace pieces are skipped.
    """
    for p_start, p_end in _split(text, 0, len(text), _PARAGRAPH_BREAK):
        if p_end - p_start <= max_chars:
            if text[p_start:p_end].strip():
                yield p_start, p_end
            continue
        piece_start = p_start
        last_cut = p_start
        for _s, s_end in _split(text, p_start, p_end, _SENTENCE_BREAK):
            if s_end - piece_start > max_chars and last_cut > piece_start:
                yield piece_start, last_cut
                piece_start = last_cut
            while s_end - piece_start > max_chars:  # one enormous "sentence"
                cut = text.rfind(" ", piece_start + 1, piece_start + max_chars)
                cut = cut if cut > piece_start else piece_start + max_chars
                yield piece_start, cut
                piece_start = cut
            last_cut = s_end
        if piece_start < p_end and text[piece_start:p_end].strip():
            yield piece_start, p_end


class StatisticalRecognizer:
    """Recognise PER/ORG/LOC/MISC names with one spaCy pipeline per language."""

    def __init__(self, models_dir: Path | None = None, batch_size: int = 64) -> None:
        self.models_dir = Path(models_dir) if models_dir is not None else default_models_dir()
        self.batch_size = batch_size
        self._models: ModelCache[Language] = ModelCache()

    def model_path(self, language: str) -> Path:
        """Directory of the model for ``language`` (it may not exist)."""
        return self.models_dir / language

    def available_languages(self) -> set[str]:
        """Languages with a model directory (containing ``config.cfg``)."""
        if not self.models_dir.is_dir():
            return set()
        return {p.name for p in self.models_dir.iterdir() if (p / "config.cfg").is_file()}

    def load(self, language: str) -> Language | None:
        """Load (once) and return the pipeline for ``language``; None when there is no model."""
        path = self.model_path(language)

        def load() -> Language | None:
            if not (path / "config.cfg").is_file():
                return None
            import spacy

            try:
                return spacy.load(path, exclude=["parser", "tagger", "lemmatizer", "senter"])
            except (OSError, ValueError, KeyError) as exc:
                raise ModelLoadError(f"Could not load the {language!r} NER model from {path}: {exc}") from exc

        return self._models.get(language, load)

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        """Entity spans in ``text`` (offsets into ``text``); [] when there is no model for ``language``."""
        if not text or not text.strip():
            return []
        nlp = self.load(language)
        if nlp is None:
            return []
        pieces = list(chunk_text(text))
        spans: list[EntitySpan] = []
        docs = nlp.pipe((text[s:e] for s, e in pieces), batch_size=self.batch_size)
        for (start, _end), doc in zip(pieces, docs, strict=True):
            raise_if_cancelled()  # a long document: Cancel is honoured between pieces
            for ent in doc.ents:
                etype = LABEL_TYPES.get(ent.label_)
                if etype is None:
                    continue
                a, b = start + ent.start_char, start + ent.end_char
                spans.append(EntitySpan(start=a, end=b, text=text[a:b], type=etype))
        return spans
