"""Who said what: direct and indirect speech in German and English news, attributed to actors.

``find_quotes(text, language, actors)`` returns the article's statements as
:class:`desktop.core.types.FoundQuote`, each with its message span, its cue and the index of
the speaking actor among ``actors`` (or none for anonymous sources). The word lists live in
``resources/quotes/<language>.yaml``; the modules of this package:

- ``marks``: pairing quotation marks; ``units``: sentences joined by quotations, and which
  quotations can be statements at all (no headline, scare quote or title);
- ``tokens`` / ``phrases``: words, mentions and the noun phrases that name speakers;
- ``clauses`` / ``complements``: subjects of reporting verbs and where their messages begin;
- ``cues`` / ``phrase_cues`` / ``documents``: reporting verbs, "so X"/"laut X"/"according to X"
  and the like, documents that speak for their issuer;
- ``attach``: which quotation belongs to which cue; ``mood``: Konjunktiv I and first person;
- ``speakers`` / ``genders``: from a phrase to an actor (name, pronoun, role, organisation);
- ``finder``: putting it together unit by unit, with the continuation rules.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop.core.quotes.finder import Finder
from desktop.core.quotes.lexicon import lexicon
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
    """The statements reported in ``text``, in text order.

    ``language`` is "de" or "en" (other languages find nothing); ``actors`` are the article's
    actors as linked from its mentions. ``cancelled`` is polled between sentences; when it
    returns True the statements found so far are returned.
    """
    lex = lexicon(language)
    if lex is None or not text.strip():
        return []
    return Finder(text, lex, actors).run(cancelled)
