"""The stretches of text attribution works on: sentences, joined where a quotation spans them.

Also decides which quotations can be statements at all: not the headline's, not one- or
two-word scare quotes ("Kriegsspiele"), not names and titles („Koalition der Willigen“, the
film "The Return of the King", the so-called "Reassurance Force").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from desktop.core.quotes.lexicon import Lexicon
from desktop.core.quotes.marks import Marked, find_marked, next_paragraph_opens
from desktop.core.sentences import sentence_spans

MIN_STATEMENT_WORDS = 3
_HEADLINE_WORDS = 25
_SHORT_LINE_WORDS = 15
_TRIM = " \t\n\u00a0,;"


@dataclass(frozen=True)
class Quotation:
    """A quotation that may be a statement: content ``[start, end)``, marks at ``open_at``/``close_at``."""

    open_at: int
    close_at: int | None
    start: int
    end: int

    @property
    def outer_end(self) -> int:
        """End of the quotation including its closing mark."""
        return self.close_at + 1 if self.close_at is not None else self.end


@dataclass(frozen=True)
class Unit:
    """Consecutive sentences ``[start, end)`` that attribution treats as one."""

    index: int
    start: int
    end: int
    quotes: tuple[int, ...]  # indexes into the article's quotations


def headline_end(text: str) -> int:
    """End of a headline line at the top of the text (0 when the text does not start with one)."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0:
        return 0
    words = text[start:end].split()
    if not words or len(words) > _HEADLINE_WORDS:
        return 0
    if text[start:end].rstrip().endswith(".") and len(words) > _SHORT_LINE_WORDS:
        return 0
    return end


def _name_like(content: str, lex: Lexicon) -> bool:
    """ "Koalition der Willigen", "Reproductive Health Care Reform Bill 2019": a name, not speech."""
    words = [w.strip(".,:;!?()[]") for w in content.split()]
    words = [w for w in words if w]
    if not words or content.rstrip()[-1:] in ".!?":
        return False
    content_words = [w for w in words if w.lower() not in lex.function_words]
    return bool(content_words) and all(w[:1].isupper() or w[:1].isdigit() for w in content_words)


def _after_naming_word(text: str, mark: Marked, lex: Lexicon) -> bool:
    before = text[max(0, mark.open_at - 40) : mark.open_at].split()
    return bool(before) and before[-1].lower().strip(",:(") in lex.naming_words


def statement_quotations(text: str, lex: Lexicon, sentences: list[tuple[int, int]]) -> list[Quotation]:
    """The quotations that can be statements, in text order."""
    starts = [s for s, _e in sentences]
    found: list[Quotation] = []
    for mark in find_marked(text):
        end = mark.end
        if mark.close_at is None and not next_paragraph_opens(text, mark.end):
            i = max(0, bisect_right(starts, mark.open_at) - 1)
            end = min(mark.end, sentences[i][1]) if sentences else mark.end
        start = mark.start
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        content = text[start:end]
        if len(content.split()) < MIN_STATEMENT_WORDS:
            continue
        if _name_like(content, lex) or _after_naming_word(text, mark, lex):
            continue
        found.append(Quotation(mark.open_at, mark.close_at, start, end))
    return _outermost(found)


def _outermost(quotes: list[Quotation]) -> list[Quotation]:
    """Drop quotations nested in another (a quote within a quote belongs to the outer one)."""
    kept: list[Quotation] = []
    for quote in quotes:
        if kept and quote.open_at < kept[-1].outer_end:
            continue
        kept.append(quote)
    return kept


def units(text: str, quotes: list[Quotation], sentences: list[tuple[int, int]] | None = None) -> list[Unit]:
    """Sentences joined wherever a quotation runs from one into the next."""
    spans = sentences if sentences is not None else sentence_spans(text)
    found: list[Unit] = []
    q = 0
    i = 0
    while i < len(spans):
        start, end = spans[i]
        members: list[int] = []
        while True:
            while q < len(quotes) and quotes[q].open_at < end:
                if quotes[q].open_at >= start:
                    members.append(q)
                    end = max(end, quotes[q].outer_end)
                q += 1
            if i + 1 < len(spans) and spans[i + 1][0] < end:
                i += 1
                end = max(end, spans[i][1])
                continue
            break
        found.append(Unit(len(found), start, end, tuple(members)))
        i += 1
    return found
