"""Which quotations belong to which cue: the quotation marks flagged on the tokens, a quotation
right before a trailing cue ("„…“, sagte X"), and whether a cue or a sentence end separates two
quotations (the second then is not the first one's continuation).
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.quotes.cues import Cue
from desktop.core.quotes.tokens import Token
from desktop.core.quotes.units import Quotation


def mark_quotes(tokens: list[Token], quotes: list[Quotation], indexes: Sequence[int]) -> None:
    """Flag the tokens inside each quotation and its opening and closing marks."""
    t = 0
    for quote, index in zip(quotes, indexes, strict=True):
        while t < len(tokens) and tokens[t].start < quote.open_at:
            t += 1
        while t < len(tokens) and tokens[t].start < quote.outer_end:
            token = tokens[t]
            token.quoted = True
            if token.start == quote.open_at:
                token.opens = index
            if quote.close_at is not None and token.start == quote.close_at:
                token.closes = index
            t += 1
        if quote.close_at is None and t > 0:
            tokens[t - 1].closes = index


def quote_right_before(tokens: list[Token], cue: Cue) -> int | None:
    """The quotation that closes right before a trailing cue ("…“, sagte X" / "…," X said)."""
    first = cue.first
    phrase = cue.subject.phrase
    if phrase and not cue.subject.after and phrase[0] < first:
        first = phrase[0]
    j = first - 1
    if j >= 0 and tokens[j].low in (",", "–", "—"):
        j -= 1
    return tokens[j].closes if j >= 0 and tokens[j].closes >= 0 else None


def separated(cues: list[Cue], tokens: list[Token], after: int, quote: Quotation, previous: Cue) -> bool:
    """Whether another cue or a sentence end stands between two quotations."""
    for token in tokens:
        if after <= token.start < quote.open_at and not token.quoted and token.stops:
            return True
    return any(c is not previous and after <= tokens[c.first].start < quote.open_at for c in cues)
