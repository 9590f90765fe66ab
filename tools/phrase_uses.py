"""How raw text uses a name of several words: as the name, or otherwise.

A name such as "Ärzte ohne Grenzen" or "Reporter ohne Grenzen" is made of common words, yet the
phrase as a whole is practically only ever the name. :func:`count_uses` counts, in running text,
each occurrence of the phrase (the same words, any case):

- a name use: written as the name is, and not part of a longer capitalised run (the word before
  and the word after are no capitalised word other than a common noun or a compound ending in one
  ("die Schallplattenfabrik Deutsche Grammophon"), an article or a word at a sentence's start);
- another use: written in another case ("reporter ohne grenzen", "die freie Presse" for "Freie
  Presse"), or inside a longer capitalised run ("Europäische Grüne Partei" for "Grüne Partei").

:func:`plain_names` keeps the names whose uses are practically all name uses. The text is that of
the German Wikipedia and Klexikon articles (CC BY-SA), NTREX-128 news (German and English, CC
BY-SA 4.0) and English Wikinews 2019-2020 (CC BY 2.5) without the articles of the actor gold
(:func:`corpus_texts`).
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from tools import ntrex_docs

TOKEN = re.compile(r"\w[\w.&'’\-]*\w|\w|&|[^\w\s]")
# a name's uses must be at least this many, and other uses at most this share of all uses
MIN_NAME_USES = 2
MAX_OTHER_SHARE = 0.05
_DETERMINERS = frozenset(
    {
        "Der", "Die", "Das", "Des", "Dem", "Den", "Ein", "Eine", "Einer", "Eines", "Einem", "Einen",
        "The", "A", "An",
    }
)  # fmt: skip


def tokens(text: str) -> list[str]:
    """Words and punctuation marks of ``text``."""
    return TOKEN.findall(text)


def count_uses(
    names: Iterable[str], texts: Iterable[str], common: Callable[[str], bool]
) -> dict[str, tuple[int, int]]:
    """name -> (name uses, other uses) in ``texts``; ``common(word)``: a common noun or word,
    which may stand next to a name ("die Organisation Ärzte ohne Grenzen")."""
    by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for name in names:
        words = tuple(tokens(name))
        if len(words) >= 2:
            by_first.setdefault(words[0].lower(), []).append((name, words))
    uses = {name: [0, 0] for group in by_first.values() for name, _ in group}
    for text in texts:
        toks = tokens(text)
        folded = [t.lower() for t in toks]
        for i, tok in enumerate(folded):
            for name, words in by_first.get(tok, ()):
                end = i + len(words)
                if folded[i:end] != [w.lower() for w in words]:
                    continue
                same = tuple(toks[i:end]) == words
                before = _capitalised(toks, i - 1, common, before=True)
                run = before or _capitalised(toks, end, common, before=False)
                uses[name][0 if same and not run else 1] += 1
    return {name: (n, other) for name, (n, other) in uses.items()}


def _sentence_start(toks: list[str], i: int) -> bool:
    return i == 0 or toks[i - 1] in {".", "!", "?", ":", '"', "„", "“", "«", "»", "(", "–", "-"}


def _capitalised(toks: list[str], i: int, common: Callable[[str], bool], *, before: bool) -> bool:
    """A capitalised word at ``i`` that lengthens the name next to it."""
    if not 0 <= i < len(toks):
        return False
    word = toks[i]
    if not word[:1].isupper() or word in _DETERMINERS or common(word) or _compound(word, common):
        return False
    return not (before and _sentence_start(toks, i))


def _compound(word: str, common: Callable[[str], bool]) -> bool:
    """A German compound ending in a common noun ("Schallplatten|fabrik", "Hilfs|organisation")."""
    return word.isalpha() and any(common(word[i:].capitalize()) for i in range(2, len(word) - 3))


def plain_names(uses: dict[str, tuple[int, int]]) -> set[str]:
    """Names the text practically only uses as the name: seen :data:`MIN_NAME_USES` times, other
    uses at most :data:`MAX_OTHER_SHARE` of all."""
    return {
        name
        for name, (n, other) in uses.items()
        if n >= MIN_NAME_USES and other <= MAX_OTHER_SHARE * (n + other)
    }


def corpus_texts(data: Path, held_out: frozenset[str] = frozenset()) -> Iterator[str]:
    """Texts of the articles, NTREX-128 (German and English) and English Wikinews; ``held_out``:
    last path parts of Wikinews URLs left out (the actor gold's articles; its NTREX documents are
    always left out). Missing corpora are skipped."""
    for path in sorted((data / "dewiki-klexikon-articles").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            yield from (str(json.loads(line)["text"]) for line in handle)
    ntrex_held_out = ntrex_docs.gold_documents()
    for name in ("newstest2019-ref.deu.txt", "newstest2019-src.eng.txt"):
        path = data / "ntrex128-news" / name
        if path.exists():
            yield from ntrex_docs.ntrex_lines(path, ntrex_held_out)
    for path in sorted((data / "wikinews-en").glob("wikinews_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("url", "").rstrip("/").rsplit("/", 1)[-1] not in held_out:
                    yield row.get("text") or ""
