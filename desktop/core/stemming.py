"""Snowball word stems by language, for search that finds "Flüchtlinge" when asked for "Flüchtling".

PyStemmer (the C build of the Snowball stemmers) is used when it is installed, else the
pure-Python ``snowballstemmer`` package; both generate the same stems from the same
algorithms. Languages are ISO 639-1 codes as the language detection returns them; a language
without a Snowball stemmer has no stems (its words are found by their exact form only).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from desktop.core.textfold import fold

#: ISO 639-1 code -> Snowball algorithm name.
SNOWBALL_NAMES: dict[str, str] = {
    "ar": "arabic",
    "hy": "armenian",
    "eu": "basque",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "nl": "dutch",
    "en": "english",
    "eo": "esperanto",
    "et": "estonian",
    "fi": "finnish",
    "fr": "french",
    "de": "german",
    "el": "greek",
    "hi": "hindi",
    "hu": "hungarian",
    "id": "indonesian",
    "ga": "irish",
    "it": "italian",
    "lt": "lithuanian",
    "ne": "nepali",
    "no": "norwegian",
    "nb": "norwegian",
    "nn": "norwegian",
    "fa": "persian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "es": "spanish",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}

#: A word as the full-text index sees it (letters and digits; "_" separates like punctuation).
WORD_RE = re.compile(r"[^\W_]+")

StemWords = Callable[[Sequence[str]], list[str]]


def index_words(text: str) -> list[str]:
    """``WORD_RE.findall(text)``, faster: most whitespace-separated pieces are one word each.

    A piece of letters and digits only (``isalnum``) is exactly one match; the others, with
    punctuation or "_" in them, are searched. Whitespace is never part of a word.
    """
    words: list[str] = []
    add, search = words.append, WORD_RE.findall
    for piece in text.split():
        if piece.isalnum():
            add(piece)
        else:
            words += search(piece)
    return words


def _load(algorithm: str) -> StemWords | None:
    try:
        import Stemmer  # type: ignore[import-not-found]  # PyStemmer

        if algorithm in Stemmer.algorithms():
            return Stemmer.Stemmer(algorithm).stemWords  # type: ignore[no-any-return]
    except ImportError:
        pass
    try:
        import snowballstemmer  # type: ignore[import-untyped]

        if algorithm in snowballstemmer.algorithms():
            return snowballstemmer.stemmer(algorithm).stemWords  # type: ignore[no-any-return]
    except ImportError:
        pass
    return None


@lru_cache(maxsize=64)
def stemmer(language: str | None) -> StemWords | None:
    """The stemmer of ``language`` (e.g. ``"de"``) as a list-to-list function, or None."""
    if not language:
        return None
    algorithm = SNOWBALL_NAMES.get(language.lower().split("-")[0].split("_")[0])
    return _load(algorithm) if algorithm else None


def has_stemmer(language: str | None) -> bool:
    """True when words of ``language`` can be stemmed."""
    return stemmer(language) is not None


STEM_CACHE_WORDS = 50_000
"""Stems remembered per language (about 8 MB; a stem never changes, the stemmer's own cache is slower)."""

_stems: dict[StemWords, dict[str, str]] = {}


def _cached_stems(stem_words: StemWords, words: list[str]) -> list[str]:
    """``stem_words(words)``, each different word stemmed once per process."""
    known = _stems.get(stem_words)
    if known is None or len(known) > STEM_CACHE_WORDS:
        known = _stems[stem_words] = {}
    new = list(set(words).difference(known))
    if new:
        known.update(zip(new, stem_words(new), strict=True))
    return list(map(known.__getitem__, words))


def stem_text(text: str, language: str | None) -> str:
    """The folded stems of every word of ``text``, space-separated (empty without a stemmer)."""
    stem_words = stemmer(language)
    if stem_words is None:
        return ""
    words = index_words(unicodedata.normalize("NFC", text).lower())
    return fold(" ".join(_cached_stems(stem_words, words))) if words else ""


def stems_of(word: str, languages: Iterable[str]) -> tuple[str, ...]:
    """The folded stems of one word in each of ``languages`` that has a stemmer (distinct)."""
    lowered = unicodedata.normalize("NFC", word).lower()
    found: dict[str, None] = {}
    for language in languages:
        stem_words = stemmer(language)
        if stem_words is None:
            continue
        for token in WORD_RE.findall(fold(" ".join(stem_words([lowered])))):
            found[token] = None
    return tuple(found)


__all__ = ["SNOWBALL_NAMES", "WORD_RE", "has_stemmer", "index_words", "stem_text", "stemmer", "stems_of"]
