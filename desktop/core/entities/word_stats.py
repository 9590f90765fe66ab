"""Word statistics of the training data: how often a capitalised word is a name, and German nouns.

:class:`WordStats` reads ``word_counts.tsv.gz`` (per language and word: tagged O vs. as an entity);
:func:`load_noun_lists` reads ``common_nouns.tsv.gz`` (German words that mostly follow a
determiner; apart from them compounds of common words and words capitalised only at a sentence's
start). Both files are optional: without them nothing is known to be common.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

MIN_COMMON_COUNT = 8
MIN_COMMON_SHARE = 0.9
MIN_DETERMINER_SHARE = 0.2  # as tools/build_common_nouns.py keeps nouns


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

    def known_words(self, language: str) -> frozenset[str]:
        """Capitalised words seen in the training split, mostly not as names (German nouns)."""
        cache = self.__dict__.setdefault("_known", {})
        if language not in cache:
            cache[language] = frozenset(
                w for (lang, w), (other, entity) in self.counts.items() if lang == language and other > entity
            )
        return cache[language]  # type: ignore[no-any-return]

    def is_common(self, language: str, word: str) -> bool:
        """True when the word is, by the data, almost never a name on its own."""
        other, entity = self.counts.get((language, word), (0, 0))
        total = other + entity
        return total >= MIN_COMMON_COUNT and other / total >= MIN_COMMON_SHARE


def load_common_nouns(folder: Path) -> frozenset[str]:
    """German capitalised words that mostly follow a determiner (common_nouns.tsv.gz; may be missing)."""
    return load_noun_lists(folder)[0]


def load_noun_lists(folder: Path) -> tuple[frozenset[str], frozenset[str]]:
    """German words that mostly follow a determiner, and the listed common words that seldom do.

    The second set holds the compounds and sentence-start words the list adds beside the nouns
    seen with determiners ("Rotwein", "Lasst"; share below :data:`MIN_DETERMINER_SHARE`): unlike a
    region's name ("der Gazastreifen"), no place's name is among them, and unlike the nouns they may
    be verbs or adjectives.
    """
    path = folder / "common_nouns.tsv.gz"
    if not path.exists():
        return frozenset(), frozenset()
    nouns: list[str] = []
    bare: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            word, _, share = line.rstrip("\n").split("\t")
            (nouns if float(share) >= MIN_DETERMINER_SHARE else bare).append(word)
    return frozenset(nouns), frozenset(bare)
