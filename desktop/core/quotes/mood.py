"""Mood of a sentence: reported speech (Konjunktiv I, "soll") and first-person speech.

A German sentence in Konjunktiv I ("Die Regierung habe versagt") or with reportative
"soll"/"sollen" ("Der Täter soll geflohen sein") reports what someone said; right after a
statement it continues that statement. A message with "ich"/"wir" and no Konjunktiv is
someone's own words, i.e. direct speech even when its quotation marks were stripped; such a
sentence right after a person's statement continues it.
"""

from __future__ import annotations

from desktop.core.quotes.lexicon import Lexicon
from desktop.core.quotes.tokens import Token


def first_person(tokens: list[Token], a: int, b: int, lex: Lexicon) -> bool:
    """Tokens ``[a, b)`` speak in the first person outside quotations, not in Konjunktiv I."""
    words = [t.low for t in tokens[a:b] if not t.quoted]
    return any(w in lex.first_person for w in words) and not any(w in lex.subjunctive for w in words)


def stripped_speech(tokens: list[Token], text: str, lex: Lexicon) -> bool:
    """A sentence in someone's own words whose quotation marks were stripped: a first-person
    subject outside quotations, not an acronym ("US")."""
    for token in tokens:
        if token.quoted or token.low not in lex.first_person_subjects:
            continue
        surface = text[token.start : token.end]
        if len(surface) > 1 and surface.isupper():
            continue
        return not any(t.low in lex.subjunctive for t in tokens if not t.quoted)
    return False


def reported(tokens: list[Token], text: str, lex: Lexicon) -> bool:
    """Konjunktiv I or reportative "soll"/"sollen" outside quotations."""
    marks = lex.reported_marks
    for i, token in enumerate(tokens):
        if not token.quoted and (token.low in marks or _regular_subjunctive(tokens, i, text, lex)):
            return True
    return False


def _regular_subjunctive(tokens: list[Token], i: int, text: str, lex: Lexicon) -> bool:
    """A verb in -e in second place ("Die Branche sichere …", "Der Umsatz liege …")."""
    low = tokens[i].low
    if len(low) < 4 or not low.isalpha() or not low.endswith("e") or low.endswith(("ie", "te")):
        return False
    if not text[tokens[i].start].islower() or i == 0 or i + 1 >= len(tokens):
        return False
    if low in lex.closed_words:
        return False
    prev, nxt = tokens[i - 1], tokens[i + 1]
    if not nxt.is_word:
        return False  # a verb in -e at the end of a clause is no second-place verb
    prev_ok = (
        text[prev.start].isupper() or prev.low in lex.pronouns or prev.low in lex.neuter or prev.low == "man"
    )
    return prev_ok and not text[nxt.start].isupper()
