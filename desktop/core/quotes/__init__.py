"""Who said what: direct and indirect speech in German and English news, attributed to actors.

``find_quotes(text, language, actors)`` returns the article's statements as
:class:`desktop.core.types.FoundQuote`, each with its message span, its cue and the index of
the speaking actor among ``actors`` (or none for anonymous sources).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop.core.types import FoundQuote, LinkedActor


def _never() -> bool:
    return False


def find_quotes(
    text: str,
    language: str,
    actors: Sequence[LinkedActor],
    *,
    cancelled: Callable[[], bool] = _never,
) -> list[FoundQuote]:
    """The statements reported in ``text``, in text order (interface placeholder: finds none yet)."""
    return []
