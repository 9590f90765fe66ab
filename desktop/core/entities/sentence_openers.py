"""German: a "person" that opens a sentence, where the article itself shows the word is a common word.

- A word with a German letter written once, as a sentence's first word ("Heizöl verbilligte
  sich"), is a noun (:func:`lone_sentence_openers`).
- A first word the text also writes in lower case, and never capitalised inside a sentence
  ("– Will zu ...", "Heuer nun ..."), is that word (:func:`lowercase_openers`).
- A lone first word before a pronoun or an article ("Ging es ...", "Klingt die ...") is a verb or
  an adverb (:func:`openers_before_pronouns`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.types import EntitySpan

_GERMAN_LETTERS = frozenset("äöüß")
MIN_ARTICLE_SENTENCES = 4
_OPENER_WINDOW = 8  # characters before a span searched for a sentence's end
_SENTENCE_START = re.compile(r"(?:^|[.!?:–]\s+|\n\s*)$")


def lone_sentence_openers(
    text: str, language: str, spans: list[EntitySpan], name_part: Callable[[str], bool]
) -> list[EntitySpan]:
    """German: a one-word "person" with a German letter (ä, ö, ü, ß) that the text writes only once,
    as a sentence's first word ("Rüffel vom Parteichef gab es ...", "Heizöl verbilligte sich ..."), is
    a capitalised noun: a person named by the surname alone is mostly named so again, or by the full
    name first, and German surnames are mostly known to the name lists. Foreign surnames
    ("Chouchane soll ...") have no such letter.

    Kept: the last word of a full name in the text and ``name_part`` words (given names, name
    parts of people the name lists know, places, organisations). Only in an article of some
    sentences (:data:`MIN_ARTICLE_SENTENCES`): a lone sentence says nothing of what follows.
    """
    if language != "de" or len(re.findall(r"[.!?]\s", text)) + 1 < MIN_ARTICLE_SENTENCES:
        return spans
    surnames = {w for s in spans if s.type == "person" for w in s.text.split()[1:]}
    out = []
    for span in spans:
        word = span.text.strip()
        if (
            span.type == "person"
            and " " not in word
            and word.isalpha()
            and word[1:].islower()
            and any(c in _GERMAN_LETTERS for c in word)
            and word not in surnames
            and _SENTENCE_START.search(text, max(0, span.start - _OPENER_WINDOW), span.start)
            and len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text)) == 1
            and not name_part(word)
        ):
            continue
        out.append(span)
    return out


_LOWER_WORD = re.compile(r"(?<![\w-])[a-zäöüß]+(?![\w-])")
# particles of people's names, capitalised opening a sentence ("De Maizière", "Van der Bellen")
_PARTICLES = frozenset(
    {
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "du",
        "la",
        "le",
        "van",
        "von",
        "zu",
        "ten",
        "ter",
        "al",
        "el",
        "bin",
        "ibn",
    }
)
_FEW_WORDS = 4
_INNER_CAPITAL = re.compile(r"(?<=[\w,;] )[A-ZÄÖÜ][a-zäöüß]+(?![\w-])")  # after a word: inside a sentence


def lowercase_openers(
    text: str, language: str, spans: list[EntitySpan], name_part: Callable[[str], bool]
) -> list[EntitySpan]:
    """German: a "person" that opens a sentence or a headline's clause with a word the text also
    writes in lower case, and never capitalised inside a sentence, begins with that common word
    ("Kurzum: ...", "– Will zu ...", "Während Anna Berg ..."): the word is cut off, and a span left
    with no capitalised word goes. Kept as they are: the last words of full names in the text and
    ``name_part`` words (given names, known name parts, places, organisations); a surname that is
    also a word ("Kurz", "Klein") is written capitalised inside sentences of the same text, and a
    name's particle ("De Maizière") stays."""
    if language != "de" or not any(s.type == "person" for s in spans):
        return spans
    surnames = {w for s in spans if s.type == "person" for w in s.text.split()[1:]}
    openers = {
        index: first
        for index, span in enumerate(spans)
        if span.type == "person"
        and (first := span.text.split(" ", 1)[0]).isalpha()
        and first[1:].islower()
        and first.lower() not in _PARTICLES
        and first not in surnames
        and _opens_sentence(text, span.start)
    }
    if not openers:  # most articles: no person opens a sentence with a word (the text is read once)
        return spans
    common = _common_words(text, set(openers.values()))
    out = []
    for index, span in enumerate(spans):
        first = openers.get(index)
        if first is not None and first in common and not name_part(first):
            rest = span.text[len(first) :].lstrip()
            if not rest[:1].isupper():
                continue
            span = EntitySpan(span.end - len(rest), span.end, rest, span.type, span.score)
        out.append(span)
    return out


def _common_words(text: str, words: set[str]) -> set[str]:
    """The capitalised ``words`` the text also writes in lower case and never capitalised inside a
    sentence: a search for each of a few words, one reading of the text for more."""
    if len(words) > _FEW_WORDS:
        lower = set(_LOWER_WORD.findall(text))
        inner = set(_INNER_CAPITAL.findall(text))
        return {w for w in words if w.lower() in lower and w not in inner}
    return {
        w
        for w in words
        if re.search(rf"(?<![\w-]){re.escape(w.lower())}(?![\w-])", text)
        and not re.search(rf"(?<=[\w,;] ){re.escape(w)}(?![\w-])", text)
    }


# a pronoun or an article right after a sentence's first word: that word is a verb or an adverb
# ("Ging es ...", "Klingt die ...", "Woran dies ..."); a name opening a sentence is its subject,
# and a verb follows it
_PRONOUN_AFTER = re.compile(
    r" (?:es|die|der|das|dies|diese|dieser|dieses|sich|man|er|sie|wir|ich"
    r"|ein|eine|einen|einem|dem|den|des)(?![\w-])"
)
_ABBREVIATION_BEFORE = re.compile(  # a title's abbreviation, no sentence's end: "Dr. ", "Prof. "
    r"(?<![\w.])(?:Dr|Prof|Mag|Ing|Dipl|Univ|St|Hr|Fr|Abg|Bgm|Gen|Lt|Sen|Rep|Mr|Mrs|Ms|Nr)\.\s+$"
)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether ``start`` begins a sentence or a headline's clause (not after "Dr.")."""
    window = max(0, start - _OPENER_WINDOW)
    return bool(_SENTENCE_START.search(text, window, start)) and not _ABBREVIATION_BEFORE.search(
        text, window, start
    )


def openers_before_pronouns(
    text: str, language: str, spans: list[EntitySpan], name_part: Callable[[str], bool]
) -> list[EntitySpan]:
    """German: a one-word "person" that opens a sentence, is followed by a pronoun or an article and
    is written only once in the text is a verb or an adverb ("Ging es ...", "Klingt die ..."):
    dropped, unless ``name_part`` knows the word (given names, name parts, places, organisations)."""
    if language != "de" or not any(s.type == "person" for s in spans):
        return spans
    out = []
    for span in spans:
        word = span.text
        if (
            span.type == "person"
            and word.isalpha()
            and _PRONOUN_AFTER.match(text, span.end)
            and _opens_sentence(text, span.start)
            and text.count(word) == 1
            and not name_part(word)
        ):
            continue
        out.append(span)
    return out
