"""German compounds of a common noun typed as one-word places or organisations ("Transitlager").

German writes a new noun by joining words ("Armeeangaben", "Sinkflug", "Nullnummer"); most such
compounds are too rare for the list of words seen after an indefinite determiner
(:mod:`~desktop.core.entities.noun_places`) to hold them. Their last part, the head, says what they
are: a compound whose head is "Angaben", "Flug" or "Nummer" is practically never a name, while one
whose head is "Dorf", "Berg" or "Kammer" often is ("Gattendorf", "Arbeiterkammer").

``noun_heads.tsv.gz`` (built by ``tools/build_noun_heads.py``) lists heads whose compounds the
GermEval 2014 training split almost never tags as a name, leaving out heads that end names of the
gazetteer or name a kind of institution. :func:`compound_head` finds a word's head the same way at
build and at run time.
"""

from __future__ import annotations

import functools
import gzip
from pathlib import Path

from desktop.core.entities.gazetteer import default_gazetteer_dir

NOUN_HEADS = "noun_heads.tsv.gz"
MIN_MODIFIER = 3  # letters before a head in one word ("Sink|flug")
MIN_HEAD = 4  # letters of a head


def compound_head(word: str, nouns: frozenset[str]) -> str | None:
    """The head of a German compound, if it is a listed noun: the longest listed noun that ends
    the word's last part after at least :data:`MIN_MODIFIER` letters ("Transitlager" -> "Lager",
    "Container-Bauweise" -> "Weise"), else the last part of a hyphenated word if it is listed
    ("Uno-Angaben" -> "Angaben"); ``None`` when there is none."""
    last = word.rsplit("-", 1)[-1]
    for i in range(MIN_MODIFIER, len(last) - MIN_HEAD + 1):
        head = last[i].upper() + last[i + 1 :]
        if head in nouns:
            return head
    return last if last != word and last in nouns else None


def first_column(path: Path) -> frozenset[str]:
    """The first column of a gzip TSV word list (a missing file lists none)."""
    if not path.exists():
        return frozenset()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return frozenset(line.split("\t", 1)[0] for line in handle if line.strip())


def load_noun_heads(folder: Path) -> frozenset[str]:
    """The heads of ``noun_heads.tsv.gz`` (a missing file lists none)."""
    return first_column(folder / NOUN_HEADS)


@functools.cache
def default_noun_heads() -> frozenset[str]:
    """The shipped list, loaded once."""
    return load_noun_heads(default_gazetteer_dir())
