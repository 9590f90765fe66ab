"""Sentence boundaries in German and English news text, as code-point spans.

One splitter for everything that reasons per sentence (quote attribution, co-occurrence of
actors). A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotation marks or
brackets after it) when the next word starts like a sentence, and always at a line break.
A dot does not end a sentence after a known abbreviation ("Dr.", "z.B.", "U.S."), a single
capital initial ("Alexus G. Grynkewich") or a German ordinal ("am 4. September").
The work is one linear scan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Lower-cased abbreviations (without their final dot) after which a dot rarely ends a sentence.
ABBREVIATIONS = _words(
    """
    dr prof hr fr frl st nr no vs bzw ca vgl ggf evtl inkl exkl usw etc abs art bd bsp co
    corp inc ltd jr sr mr mrs ms mt gen gov sen rep rev col lt sgt capt cmdr adm maj brig
    min max mio mrd tsd jh jhd dt engl franz lat ital span griech russ amerik
    jan feb mar apr jun jul aug sep sept okt oct nov dez dec mo di mi do fr sa so
    z.b u.a d.h u.s u.k e.g i.e a.m p.m u.n e.u z.t s.o o.ä u.ä i.d.r m.e
    str tel fig vol pp ed eds approx dept est univ ave blvd
    """
)

_END_PUNCT = ".!?…"
_CLOSERS = "\"'“”‘’«»›‹)]"
_GERMAN_MONTHS = _words("januar februar märz april mai juni juli august september oktober november dezember")
_BREAK = re.compile(r"[.!?…]+|\n")


def _word_before(text: str, dot: int) -> str:
    r"""The non-space characters right before ``dot`` (at most 40; before a line break that ends the
    reach, the word before it): what ``(\S+)$`` finds searching ``text[dot - 40 : dot]``, without
    trying every position of the reach."""
    reach = max(0, dot - 40)
    end = dot
    if end > reach and text[end - 1] == "\n":  # "$" also matches before a final line break
        end -= 1
    if end == reach or text[end - 1].isspace():
        return ""
    return text[reach:end].rsplit(None, 1)[-1]  # after the last run of whitespace, if any


def _ends_sentence(text: str, dot: int, after: int) -> bool:
    """Whether the punctuation at ``dot`` (closers run to ``after``) ends a sentence."""
    rest = text[after : after + 3]
    if not rest[:1].isspace():
        return False  # "3.5", "U.S.", "Abs.3": no space after
    nxt_at = after
    while nxt_at < len(text) and text[nxt_at] in " \t\u00a0":
        nxt_at += 1
    if nxt_at >= len(text) or text[nxt_at] == "\n":
        return True
    nxt = text[nxt_at]
    if text[dot] != ".":
        return nxt.isupper() or nxt.isdigit() or nxt in "\"'„“”‘‚«»(–-"
    word = _word_before(text, dot).lstrip("(\"'„“‚‘«»")
    if after == dot + 1:  # a bare dot, not "…" or a closing quote
        if word.lower() in ABBREVIATIONS:
            return False
        if len(word) == 1 and word.isalpha() and word.isupper():
            return False  # an initial
        if word.isdigit() and len(word) <= 2:
            following = re.match(r"[^\W\d_]+", text[nxt_at : nxt_at + 20])
            if following and (following.group(0).lower() in _GERMAN_MONTHS or following.group(0).islower()):
                return False  # "am 4. September", "der 2. Weltkrieg" stays one sentence
    return nxt.isupper() or nxt.isdigit() or nxt in "\"'„“”‘‚«»(–-"


_last: tuple[str, tuple[tuple[int, int], ...]] | None = None
"""The text split last and its sentences: one article's analysis asks for them several times (the
recogniser's chunks, the quote finder, the mentions' sentence numbers)."""


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence, whitespace trimmed; every non-blank character is in one."""
    global _last
    last = _last  # read once: another thread may replace it
    if last is not None and last[0] == text:
        return list(last[1])
    spans = _split(text)
    _last = (text, tuple(spans))
    return spans


def _split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BREAK.finditer(text):
        if match.group(0) == "\n":
            cut = match.start()
        else:
            after = match.end()
            while after < len(text) and text[after] in _CLOSERS:
                after += 1
            if not _ends_sentence(text, match.end() - 1, after):
                continue
            cut = after
        _append(text, start, cut, spans)
        start = cut
    _append(text, start, len(text), spans)
    return spans


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentence_index(spans: Sequence[tuple[int, int]], offset: int) -> int:
    """Index of the sentence containing ``offset`` (the previous one for offsets between sentences)."""
    starts = [s for s, _e in spans]
    return max(0, bisect_right(starts, offset) - 1)


class SentenceLookup:
    """Sentence index of many offsets in one text (binary search over the sentence starts)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = list(spans)
        self._starts = [s for s, _e in self.spans]

    def index(self, offset: int) -> int:
        """Index of the sentence containing ``offset``."""
        return max(0, bisect_right(self._starts, offset) - 1)
