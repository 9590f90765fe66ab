"""Language of a text: py3langid, checked by German/English function-word counts.

The statistical model is good across ~100 languages but can confuse German and English on
short or name-heavy news text; counts of very frequent function words settle that case.
"""

from __future__ import annotations

import re
import threading
from typing import Any

UNDETERMINED = "und"
SAMPLE_CHARS = 3000
"""Only the start of a text is examined."""

MIN_LETTERS = 20
"""Texts with fewer letters are "und" unless function words decide."""


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


MIN_CONFIDENCE = 0.5
"""Below this model probability (and without a function-word vote) the answer is "und"."""

_WORD_RE = re.compile(r"[^\W\d_]+")
_CODE_RE = re.compile(r"^[a-z]{2}$")
# Frequent words of one language that are rare as words of the other.
_GERMAN = _words(
    "der die das den dem des und ist nicht ein eine einen einem einer eines mit von zu auf für sich "
    "auch im sind wird werden wurde wurden dass daß oder aber nach bei aus noch wie über zum zur vom "
    "kein keine haben ich wir sie er es nur schon sei seine ihre diese dieser dieses hatte mehr durch "
    "gegen zwischen soll sollen kann können muss müssen wenn weil als ob sowie bereits sagte"
)
_ENGLISH = _words(
    "the and of to is are were that this with for on not be by from have has had it its which would "
    "their they he she we you or but at been said there what who as after about than could should "
    "these those his our into over such when where while"
)
_MIN_VOTES = 2
_DOMINANCE = 3  # the winning language needs this many times the other's count
_FUNCTION_SHARE = 0.12  # share of function words that overrides a third language

_lock = threading.Lock()
_identifier: Any = None


def _model() -> Any:
    """The py3langid identifier, loaded once on first use (thread-safe)."""
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                # Only languages with an ISO 639-1 code are reported.
                identifier.set_languages([code for code in identifier.labels if len(code) == 2])
                _identifier = identifier
    return _identifier


def warm() -> None:
    """Load the statistical model now (a benchmark or a worker, before its timed or busy part)."""
    _model()


def letter_words(text: str) -> list[str]:
    """``_WORD_RE.findall(text)`` (runs of letters), faster: a whitespace-separated piece of letters
    only (``isalpha``) is exactly one match; the others are searched."""
    words: list[str] = []
    add, search = words.append, _WORD_RE.findall
    for piece in text.split():
        if piece.isalpha():
            add(piece)
        else:
            words += search(piece)
    return words


def function_word_vote(words: list[str]) -> tuple[str | None, float]:
    """Return ("de" | "en" | None, share of German+English function words) for casefolded words."""
    if not words:
        return None, 0.0
    german = sum(map(_GERMAN.__contains__, words))
    english = sum(map(_ENGLISH.__contains__, words))
    share = (german + english) / len(words)
    if german >= _MIN_VOTES and german >= _DOMINANCE * english:
        return "de", share
    if english >= _MIN_VOTES and english >= _DOMINANCE * german:
        return "en", share
    return None, share


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language of ``text`` ("de", "en", ...), or "und" when unknown."""
    sample = text[:SAMPLE_CHARS]
    words = letter_words(sample.casefold())
    letters = sum(map(len, words))
    vote, share = function_word_vote(words)
    if letters < MIN_LETTERS:
        return vote or UNDETERMINED
    if vote is not None and share >= _FUNCTION_SHARE:
        return vote  # the model's answer would be overridden anyway: skip its byte-level scan
    language, confidence = _model().classify(sample)
    if not isinstance(language, str) or not _CODE_RE.match(language) or confidence < MIN_CONFIDENCE:
        language = UNDETERMINED
    if vote is not None and (language in ("de", "en", UNDETERMINED) or share >= _FUNCTION_SHARE):
        return vote
    return language
