"""The usual sex of given names, for resolving "er"/"sie"/"he"/"she" to a person.

Read once from ``resources/gazetteer/name_genders.tsv.gz`` (built by
``tools/build_name_genders.py`` from German city and US census name statistics).
"""

from __future__ import annotations

import functools
import gzip
from pathlib import Path
from typing import Literal

from desktop.core.locations import gazetteer_dir
from desktop.core.textfold import fold

Gender = Literal["m", "f"]
_TITLES: dict[str, Gender] = {
    "herr": "m",
    "frau": "f",
    "mr": "m",
    "mr.": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "sir": "m",
    "dame": "f",
    "lord": "m",
    "lady": "f",
}


def genders_path() -> Path:
    """Where the name list is shipped."""
    return gazetteer_dir() / "name_genders.tsv.gz"


@functools.cache
def name_genders(path: Path | None = None) -> dict[str, Gender]:
    """Folded given name -> "m" or "f" (empty when the list is missing)."""
    path = path or genders_path()
    genders: dict[str, Gender] = {}
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                name, _, sex = line.rstrip("\n").partition("\t")
                if sex in ("m", "f"):
                    genders[fold(name)] = sex  # type: ignore[assignment]
    except OSError:
        return {}
    return genders


def given_name_gender(name: str, genders: dict[str, Gender]) -> Gender | None:
    """The sex of a person called ``name`` by its first given name (or a title such as "Mrs")."""
    parts = name.replace("-", " ").split()
    if not parts:
        return None
    title = _TITLES.get(parts[0].lower())
    if title is not None:
        return title
    if len(parts) < 2:
        return None  # a lone surname says nothing
    return genders.get(fold(parts[0]))


def title_gender(word: str) -> Gender | None:
    """The sex a form of address states ("Frau", "Mr.")."""
    return _TITLES.get(word.lower())
