"""Nationality words from OpenSanctions' countrynames (MIT), for ``python -m tools.build_org_names``.

countrynames lists, under each ISO country code, the ways source data writes the country: names in
many languages, and also nationality words ("Belgian", "North Korean", "Kuwaiti"). A form is taken
as a nationality word when it is written in Latin letters, is no place of the gazetteer, has the
ending of an English nationality word, and grows out of one of that country's names listed in the
gazetteer as a country ("Chile" -> "Chilean", "Kuwait" -> "Kuwaiti", "Korea" -> "North Korean").
Plurals are added for the endings that take an "s" ("Chileans", "Kuwaitis").
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

_KEY = re.compile(r"^([A-Z]{2}):\s*$")
_FORM = re.compile(r"^\s+-\s+[\"']?([^\"'#]+?)[\"']?\s*$")
_WORDS = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?$")
_ENDINGS = ("ian", "ean", "an", "ese", "ish", "i", "ic", "er")
_PLURAL_ENDINGS = ("an", "i", "er")
MIN_STEM = 4  # letters a nationality word shares with its country's name


def country_forms(path: Path) -> dict[str, list[str]]:
    """ISO code -> the forms countrynames lists for it (two-letter keys only)."""
    forms: dict[str, list[str]] = defaultdict(list)
    code = ""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if key := _KEY.match(line):
                code = key.group(1)
            elif not line.startswith((" ", "-")):
                code = ""  # "GB-SCT", "SUHH": no ISO country
            elif code and (form := _FORM.match(line)):
                forms[code].append(form.group(1).strip())
    return forms


def _grows_out_of(word: str, name: str) -> bool:
    """ "Chilean" of "Chile", "Kuwaiti" of "Kuwait": the word begins with most of the name."""
    stem = name[:-1] if name[-1:] in "aeiouy" and len(name) > MIN_STEM else name
    return len(stem) >= MIN_STEM and word.startswith(stem) and len(word) - len(stem) <= 4


def nationality_words(data: Path, places: dict[str, str]) -> Iterator[str]:
    """English nationality words (and plurals); ``places`` maps place names to their kind."""
    path = data / "countrynames" / "data.yaml"
    if not path.exists():
        return
    for forms in country_forms(path).values():
        names = [f for f in forms if places.get(f) == "country" and _WORDS.match(f)]
        for form in forms:
            if not _WORDS.match(form) or form in places or not form.endswith(_ENDINGS):
                continue
            words = form.split()
            fits = any(
                len(n.split()) == len(words)
                and n.split()[:-1] == words[:-1]
                and _grows_out_of(words[-1], n.split()[-1])
                for n in names
            )
            if fits:
                yield form
                if form.endswith(_PLURAL_ENDINGS):
                    yield form + "s"


def place_kinds(folder: Path) -> dict[str, str]:
    """Place name -> kind, from the gazetteer's places.tsv.gz (empty if not built)."""
    path = folder / "places.tsv.gz"
    if not path.exists():
        return {}
    kinds: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            parts = line.split("\t")
            if parts[2] == "country" or parts[0] not in kinds:
                kinds[parts[0]] = parts[2]
    return kinds
