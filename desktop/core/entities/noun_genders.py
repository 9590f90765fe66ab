"""The grammatical gender of German nouns, and German adjectives, read off German Wikipedia and
Klexikon text.

``noun_genders.tsv.gz`` (built by ``tools/build_noun_genders.py``) lists about 9,400 nouns with
the gender their articles show ("eine Krone", "das Kreuz", "einen Preis"). The linker's nominative
guess ("im Roten Kreuz" -> "Rotes Kreuz") asks it before the suffix rules of
:func:`desktop.core.entities.names.noun_gender`, and asks it for a compound's head after them
("Walsertal" is neuter like "Tal"). ``german_adjectives.tsv.gz`` (the same script) lists about
12,100 adjective forms as they stand between a determiner and a noun ("vereinigten", "roten"); only
such a word before a name's head is declined ("der Kronen Zeitung" stays "Kronen Zeitung").
"""

from __future__ import annotations

import functools
import gzip
from pathlib import Path

from desktop.core.entities.gazetteer import default_gazetteer_dir
from desktop.core.entities.noun_heads import first_column

NOUN_GENDERS = "noun_genders.tsv.gz"
ADJECTIVES = "german_adjectives.tsv.gz"


def load_noun_genders(folder: Path) -> dict[str, str]:
    """Noun -> "m", "f" or "n" (a missing file lists none)."""
    path = folder / NOUN_GENDERS
    if not path.exists():
        return {}
    genders = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            parts = line.split("\t", 2)
            if len(parts) >= 2 and parts[1] in ("m", "f", "n"):
                genders[parts[0]] = parts[1]
    return genders


@functools.cache
def default_noun_genders() -> dict[str, str]:
    """The shipped list, loaded once."""
    return load_noun_genders(default_gazetteer_dir())


@functools.cache
def default_adjectives() -> frozenset[str]:
    """The shipped adjective forms, loaded once (a missing file lists none)."""
    return first_column(default_gazetteer_dir() / ADJECTIVES)
