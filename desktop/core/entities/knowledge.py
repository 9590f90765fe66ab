"""The knowledge layer over a statistical model: gazetteers and word statistics.

- Single capitalised words that the training data almost never tags as a name (weekdays,
  common nouns such as "Koalition") are dropped when the model proposes them alone.
- Country and region names from the gazetteer are typed as locations.
- Languages without a model get the gazetteer's well-known places only: weaker, but it
  never invents people or organisations.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.core.entities.gazetteer import Gazetteer, default_gazetteer, default_gazetteer_dir
from desktop.core.entities.recognizer import Recognizer
from desktop.core.types import EntitySpan

MIN_COMMON_COUNT = 8
MIN_COMMON_SHARE = 0.9


@dataclass(frozen=True)
class WordStats:
    """How often a capitalised word was tagged O vs. as an entity in the training splits."""

    counts: dict[tuple[str, str], tuple[int, int]]

    @classmethod
    def load(cls, folder: Path) -> WordStats:
        """Read word_counts.tsv.gz (missing file -> no statistics)."""
        counts: dict[tuple[str, str], tuple[int, int]] = {}
        path = folder / "word_counts.tsv.gz"
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                for line in handle:
                    lang, word, other, entity = line.rstrip("\n").split("\t")
                    counts[(lang, word)] = (int(other), int(entity))
        return cls(counts)

    def is_common(self, language: str, word: str) -> bool:
        """True when the word is, by the data, almost never a name on its own."""
        other, entity = self.counts.get((language, word), (0, 0))
        total = other + entity
        return total >= MIN_COMMON_COUNT and other / total >= MIN_COMMON_SHARE


class KnowledgeRecognizer:
    """Statistical model where one exists, corrected by gazetteer and word statistics."""

    def __init__(
        self,
        model: Recognizer,
        *,
        model_languages: Callable[[], set[str]],
        gazetteer: Gazetteer | None = None,
        stats: WordStats | None = None,
    ) -> None:
        self._model = model
        self._model_languages = model_languages
        self._gazetteer = gazetteer
        self._stats = stats

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer (loaded on first use)."""
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    @property
    def stats(self) -> WordStats:
        """The word statistics (loaded on first use)."""
        if self._stats is None:
            self._stats = WordStats.load(default_gazetteer_dir())
        return self._stats

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        """Model spans corrected by knowledge, or gazetteer places for other languages."""
        if language not in self._model_languages():
            return self.gazetteer.place_spans(text, language)
        result = []
        for span in self._model.recognize(text, language):
            name = span.text.strip()
            if " " not in name and self.stats.is_common(language, name):
                continue
            place = self.gazetteer.place(name, language=language)
            if place is not None and place.strong and place.kind != "city" and span.type != "location":
                span = EntitySpan(span.start, span.end, span.text, "location", span.score)
            result.append(span)
        return result
