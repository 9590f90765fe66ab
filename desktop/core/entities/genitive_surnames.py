"""Which surnames' final "s" is a German genitive: "Max Kruses Tor" (Kruse), "Tom Hanks" (Hanks).

Most names take the genitive "s" so that the linker can undo it by the rules of
:mod:`~desktop.core.entities.linking`, but after a vowel or "y" the "s" form looks like a surname
of its own ("Jones", "Torres", "Carlos"), and some surnames end in "s" ("Hanks", "Sanders").
``genitive_surnames.tsv.gz`` (built by ``tools/build_genitive_surnames.py`` from the US Census 1990
surnames) lists both kinds: ``base`` surnames whose "s" form is a genitive, and ``s-name`` surnames
whose "s" is their own.
"""

from __future__ import annotations

import functools
import gzip
from pathlib import Path
from typing import NamedTuple

from desktop.core.entities.gazetteer import default_gazetteer_dir

GENITIVE_SURNAMES = "genitive_surnames.tsv.gz"


class SurnameLists(NamedTuple):
    bases: frozenset[str]  # lower case: "kruse", "mccarthy"
    s_names: frozenset[str]  # lower case: "hanks", "sanders"


def load_surname_lists(path: Path) -> SurnameLists:
    """The two kinds of rows of ``path`` (a missing file lists none)."""
    kinds: dict[str, set[str]] = {"base": set(), "s-name": set()}
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                parts = line.split("\t")
                if len(parts) >= 2 and parts[1] in kinds:
                    kinds[parts[1]].add(parts[0])
    return SurnameLists(frozenset(kinds["base"]), frozenset(kinds["s-name"]))


@functools.cache
def default_surname_lists() -> SurnameLists:
    """The shipped lists, loaded once."""
    return load_surname_lists(default_gazetteer_dir() / GENITIVE_SURNAMES)


def genitive_of_listed_surname(word: str, lists: SurnameLists | None = None) -> bool:
    """True for "Kruses", "McCarthys": a listed surname with the genitive "s"."""
    bases = (lists or default_surname_lists()).bases
    return len(word) >= 4 and word.endswith("s") and word[:-1].lower() in bases


def surname_in_s(word: str, lists: SurnameLists | None = None) -> bool:
    """True for "Hanks", "Sanders": a surname whose "s" is its own."""
    return word.lower() in (lists or default_surname_lists()).s_names
