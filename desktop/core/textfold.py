"""Case- and diacritic-insensitive text for search, with a map back to the original text.

Folding works character by character: each original character becomes zero or more folded
characters (``"ß"`` → ``"ss"``, ``"ä"`` → ``"a"``, a combining accent → nothing), so every
folded character can be traced back to the character it came from.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose but readers expect to match their base letters.
_EXTRA = {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h"}
_FTS_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_QUERY_WORD_RE = re.compile(r"\w+")


def _fold_char(char: str) -> str:
    folded = unicodedata.normalize("NFKD", char.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return "".join(_EXTRA.get(ch, ch) for ch in folded)


class _FoldTable(dict[int, str]):
    """``str.translate`` table that folds and caches each character on first sight."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Casefold ``text`` and strip diacritics: "Straße" → "strasse", "Räumung" → "raumung"."""
    if text.isascii():
        return text.lower()
    return text.translate(_TABLE)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` and map each index of the folded string to its index in ``text``.

    Most characters fold to exactly one character: the text is folded in one go and only the
    characters that fold to none or several ("ß" -> "ss", a combining accent -> "") are walked.
    """
    if text.isascii():
        return text.lower(), list(range(len(text)))
    uneven = [char for char in set(text) if len(_TABLE[ord(char)]) != 1]
    if not uneven:
        return text.translate(_TABLE), list(range(len(text)))
    pieces: list[str] = []
    offsets: list[int] = []
    position = 0
    for found in re.finditer("[" + "".join(re.escape(char) for char in uneven) + "]", text):
        index = found.start()
        if index > position:  # a run of characters that fold one to one
            pieces.append(text[position:index].translate(_TABLE))
            offsets.extend(range(position, index))
        folded = _TABLE[ord(text[index])]
        pieces.append(folded)
        offsets.extend([index] * len(folded))
        position = index + 1
    if position < len(text):
        pieces.append(text[position:].translate(_TABLE))
        offsets.extend(range(position, len(text)))
    return "".join(pieces), offsets


def query_words(query: str) -> list[str]:
    """The words of a search query, without FTS syntax (quotes, ``*``, AND/OR/NOT/NEAR).

    The query is composed first (NFC): a letter typed as base letter plus accent stays one word.
    """
    query = unicodedata.normalize("NFC", query)
    words = [word for word in _QUERY_WORD_RE.findall(query) if word not in _FTS_OPERATORS]
    return list(dict.fromkeys(fold(word) for word in words if fold(word)))


def find_folded(text: str, query: str, *, word_start: bool = False) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` in ``text`` of case/diacritic-insensitive occurrences of query words.

    Every word of ``query`` is searched for on its own; overlapping or touching spans are merged
    and the result is sorted. With ``word_start`` only occurrences that begin a word count.
    """
    words = query_words(query)
    if not words or not text:
        return []
    folded, offsets = fold_with_offsets(text)
    spans: list[tuple[int, int]] = []
    for word in words:
        start = folded.find(word)
        while start != -1:
            end = start + len(word)
            if not (word_start and start > 0 and folded[start - 1].isalnum()):
                spans.append((offsets[start], offsets[end - 1] + 1))
            start = folded.find(word, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
