"""Case- and diacritic-insensitive text for search, with a map back to the original text.

Folding works character by character: each original character becomes zero or more folded
characters (``"ß"`` → ``"ss"``, ``"ä"`` → ``"a"``, a combining accent → nothing), so every
folded character can be traced back to the character it came from.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from typing import overload

# Letters that Unicode does not decompose but readers expect to match their base letters.
_EXTRA = {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h"}
_FTS_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_QUERY_WORD_RE = re.compile(r"\w+")
_ASCII_BYTES = bytes(range(128))


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
    return _fold_mixed(text, _non_ascii(text))


def _non_ascii(text: str) -> set[str]:
    """The different non-ASCII characters of ``text``."""
    # Dropping the ASCII bytes of the UTF-8 leaves those characters' bytes, all at C speed.
    encoded = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return set(encoded.decode("utf-8", "surrogatepass"))


def _fold_mixed(text: str, chars: set[str]) -> str:
    """``text`` (whose non-ASCII characters are ``chars``) folded character by character.

    Looking every character up (``str.translate``) costs about 100 ns a character; instead each
    different non-ASCII character is replaced in one go and ASCII lower-cased, when that gives the
    same: no character's fold holds another replaced character or changes under ``lower()``.
    """
    replacements = [(char, _TABLE[ord(char)]) for char in chars]
    for char, folded in replacements:
        if folded.lower() != folded or (folded != char and any(c in chars for c in folded)):
            return text.translate(_TABLE)
    for char, folded in replacements:
        if folded != char:
            text = text.replace(char, folded)
    return text.lower()


class _FoldMap(Sequence[int]):
    """Index in the original text of each index of its folded text, computed on demand (a list of
    every index costs more than folding): the map is the identity shifted at each character that
    folds to none or several characters, found by bisection."""

    def __init__(self, length: int, starts: list[int], ends: list[int], origins: list[int]) -> None:
        self._length = length
        self._starts = starts  # where the k-th such character's fold begins in the folded text
        self._ends = ends  # and ends
        self._origins = origins  # its index in the original

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        k = bisect.bisect_right(self._starts, index) - 1
        if k < 0:
            return index
        if index < self._ends[k]:
            return self._origins[k]
        return index - self._ends[k] + self._origins[k] + 1


def fold_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """Fold ``text`` and map each index of the folded string to its index in ``text``.

    Most characters fold to exactly one character: the map is the identity but at the few that
    fold to none or several ("ß" -> "ss", a combining accent -> ""), and is computed on demand.
    """
    if text.isascii():
        return text.lower(), range(len(text))
    chars = _non_ascii(text)
    folded = _fold_mixed(text, chars)
    uneven = [char for char in chars if len(_TABLE[ord(char)]) != 1]
    if not uneven:
        return folded, range(len(text))
    starts: list[int] = []
    ends: list[int] = []
    origins: list[int] = []
    shift = 0  # folded index minus original index so far
    for found in re.finditer("|".join(re.escape(char) for char in uneven), text):
        index = found.start()
        starts.append(index + shift)
        shift += len(_TABLE[ord(text[index])]) - 1
        ends.append(index + shift + 1)
        origins.append(index)
    return folded, _FoldMap(len(folded), starts, ends, origins)


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
