"""Words and punctuation of one stretch of text, with the actor mentions that start at them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.types import EntityType, LinkedActor

_MIN_NAME = 3
# A word keeps inner hyphens, apostrophes and dots ("US-Präsident", "don't", "U.S"); any other
# non-space character is a token of its own.
_TOKEN = re.compile(r"[^\W_](?:[\w’'.\-]*[^\W_])?|\S")
# A run of characters that continue a word (see ``_joined``).
_WORD = re.compile(r"[\w-]+")


@dataclass(slots=True)
class Token:
    """One word or punctuation character: ``text[start:end]``, lower-cased in ``low``."""

    start: int
    end: int
    low: str
    quoted: bool = False  # inside a quotation (marks included)
    opens: int = -1  # index of the quotation this mark opens, else -1
    closes: int = -1  # index of the quotation this mark closes, else -1
    final: bool = False  # ends a sentence (a dot after "U.S" or "Dr" does not)

    @property
    def stops(self) -> bool:
        """Ends a sentence or a main clause: a final dot, "!", "?" or ";"."""
        return self.final or self.low in ("!", "?", ";")

    @property
    def is_word(self) -> bool:
        """A word or number (not punctuation)."""
        return self.low[:1].isalnum()


def tokenize(text: str, start: int, end: int, sentence_ends: frozenset[int] = frozenset()) -> list[Token]:
    """The tokens of ``text[start:end]``; punctuation ending at one of ``sentence_ends`` is final."""
    tokens: list[Token] = []
    at = start
    # only whitespace lies between tokens, so each is found where the one before ends or after
    # (strings and str.find cost less than a match object per token)
    for word in _TOKEN.findall(text, start, end):
        at = text.find(word, at)
        tokens.append(Token(at, at + len(word), word.lower()))
        at += len(word)
    for token in tokens:
        if token.end in sentence_ends and not token.is_word:
            token.final = True
    if tokens and not tokens[-1].is_word:
        tokens[-1].final = True
    return tokens


@dataclass(frozen=True)
class Mention:
    """Where an actor is named: ``[start, end)`` of the text, the actor's index and type."""

    start: int
    end: int
    actor: int
    type: EntityType


class MentionIndex:
    """All mentions of all actors, sorted, for lookups by position (binary search).

    With ``text``, names of people and organisations that the recogniser found somewhere are
    also found where it missed them ("Trump sagte" after "Donald Trump"): whole words, same
    spelling, only names that belong to one actor.
    """

    def __init__(self, actors: Sequence[LinkedActor], text: str | None = None) -> None:
        mentions = [
            Mention(m.start, m.end, index, actor.type)
            for index, actor in enumerate(actors)
            for m in actor.mentions
            if m.end > m.start
        ]
        if text is not None:
            mentions.extend(_missed(text, actors, mentions))
        mentions.sort(key=lambda m: (m.start, -m.end))
        self.mentions = mentions
        self._starts = [m.start for m in mentions]

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions starting in ``[start, end)``."""
        i = bisect_left(self._starts, start)
        j = bisect_left(self._starts, end, lo=i)
        return self.mentions[i:j]

    def before(self, offset: int) -> int:
        """Number of mentions starting before ``offset`` (an index for walking backwards)."""
        return bisect_left(self._starts, offset)


def _missed(text: str, actors: Sequence[LinkedActor], found: Sequence[Mention]) -> list[Mention]:
    """One-word names (surnames, short names) where the recogniser did not mark them.

    Linear in the text: names made of word characters and hyphens only (nearly all) are looked
    up word by word in one sweep; only the few with other characters inside ("O'Neill",
    "U.S.") are searched for one by one.
    """
    owners: dict[str, set[int]] = {}
    for index, actor in enumerate(actors):
        if actor.type not in ("person", "organization"):
            continue
        forms = {actor.name, *actor.aliases}
        if actor.type == "person":
            forms |= {f.split()[-1] for f in list(forms) if len(f.split()) > 1}
        for form in forms:
            if len(form) >= _MIN_NAME and form[:1].isupper() and " " not in form:
                owners.setdefault(form, set()).add(index)
    taken = sorted((m.start, m.end) for m in found)
    starts = [s for s, _e in taken]

    def free(at: int, end: int) -> bool:
        i = bisect_left(starts, end)
        return not (i > 0 and taken[i - 1][1] > at)

    single = {form: next(iter(owner)) for form, owner in owners.items() if len(owner) == 1}
    plain = {form: index for form, index in single.items() if _WORD.fullmatch(form)}
    missed = []
    if plain:
        # a whole occurrence of a plain name is a whole word of the text (nothing joined on either side)
        for match in _WORD.finditer(text):
            owner_index = plain.get(match.group())
            if owner_index is not None and free(match.start(), match.end()):
                kind = actors[owner_index].type
                missed.append(Mention(match.start(), match.end(), owner_index, kind))
    for form, owner_index in single.items():
        if form in plain:
            continue
        kind = actors[owner_index].type
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            whole = (at == 0 or not _joined(text[at - 1])) and (end == len(text) or not _joined(text[end]))
            if whole and free(at, end):
                missed.append(Mention(at, end, owner_index, kind))
            at = text.find(form, end)
    return missed


def _joined(char: str) -> bool:
    """A character that continues a word ("Trumps", "Trump-Regierung")."""
    return char.isalnum() or char in "-_"


def mentions_by_token(
    text: str, tokens: Sequence[Token], mentions: Sequence[Mention]
) -> dict[int, tuple[Mention, int]]:
    """Token index where each mention starts -> (mention, index of its last token).

    A mention that is only the first part of a compound ("Österreich" in "Österreich-Chef",
    "NATO" in "NATO-Generalsekretär") names no speaker and is left out.
    """
    found: dict[int, tuple[Mention, int]] = {}
    t = 0
    for mention in mentions:
        while t < len(tokens) and tokens[t].end <= mention.start:
            t += 1
        if t >= len(tokens) or tokens[t].start > mention.start or t in found:
            continue
        last = t
        while last + 1 < len(tokens) and tokens[last + 1].start < mention.end:
            last += 1
        if mention.end < tokens[last].end and text[mention.end] == "-":
            continue
        found[t] = (mention, last)
    return found
