"""The shipped gazetteers: places (finding and linking) and person-name spelling variants.

Built by ``tools.build_gazetteer`` from CLDR, GeoNames and rigour data; loaded
lazily once per process (about 0.3 s) and shared between threads (read-only after load).
"""

from __future__ import annotations

import gzip
import re
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from desktop.core import heap, locations
from desktop.core.textfold import fold
from desktop.core.types import EntitySpan

_WORD = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*", re.UNICODE)
_MAX_NGRAM = 4
_ABBREVIATION = re.compile(r"^(?:[A-Z]{2,3}|(?:[A-Z]\.){2,3})$")  # "US", "USA", "U.S.", "U.K."


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: which place a name denotes."""

    id: str
    kind: str  # country | region | city
    population: int
    strong: bool  # safe to find in running text


def default_gazetteer_dir() -> Path:
    """resources/gazetteer beside the package."""
    return locations.gazetteer_dir()


class Gazetteer:
    """Place names and person-name variants, with lookups used by recognition and linking."""

    def __init__(
        self,
        places: dict[str, Place],
        person_variants: Mapping[str, frozenset[str] | str],
        given_names: dict[str, int] | None = None,
        organizations: dict[str, bool] | None = None,
        demonyms: frozenset[tuple[str, str]] = frozenset(),
        abbreviations: frozenset[str] = frozenset(),
        country_codes: dict[str, str] | None = None,
        non_actors: frozenset[str] = frozenset(),
        english_common_words: frozenset[str] = frozenset(),
    ) -> None:
        self.non_actors = non_actors  # folded words never an actor alone (diseases, medications)
        self.english_common_words = english_common_words  # "Vaccine": English writes it in lower case
        self.abbreviations = abbreviations  # capitals the training data tags as names
        self.country_codes = country_codes or {}  # "USA" -> "T:US"
        self.places = places
        self.person_variants = person_variants  # a part's groups; one group as a plain string
        self.given_names = given_names or {}
        self.organizations = organizations or {}  # name -> safe to find in running text
        self.demonyms = demonyms  # (language, word)

    @classmethod
    def load(cls, folder: Path) -> Gazetteer:
        """Read the gzip TSV files written by the build script (missing files -> empty)."""
        places = _load_places(folder / "places.tsv.gz")
        variants = _load_person_variants(folder / "person_variants.tsv.gz")
        given: dict[str, int] = {}
        given_file = folder / "given_names.tsv.gz"
        if given_file.exists():
            with gzip.open(given_file, "rt", encoding="utf-8") as handle:
                for line in handle:
                    name, count = line.rstrip("\n").split("\t")
                    given[name] = int(count)
        organizations: dict[str, bool] = {}
        orgs_file = folder / "organizations.tsv.gz"
        if orgs_file.exists():
            with gzip.open(orgs_file, "rt", encoding="utf-8") as handle:
                for line in handle:
                    name, find = line.rstrip("\n").split("\t")
                    organizations[name] = find == "1"
        demonyms: set[tuple[str, str]] = set()
        demonyms_file = folder / "demonyms.tsv.gz"
        if demonyms_file.exists():
            with gzip.open(demonyms_file, "rt", encoding="utf-8") as handle:
                for line in handle:
                    lang, word = line.rstrip("\n").split("\t")
                    demonyms.add((lang, word))
        abbreviations = _lines(folder / "abbreviations.tsv.gz")
        country_codes: dict[str, str] = {}
        codes_file = folder / "country_codes.tsv.gz"
        if codes_file.exists():
            with gzip.open(codes_file, "rt", encoding="utf-8") as handle:
                for line in handle:
                    form, place_id = line.rstrip("\n").split("\t")
                    country_codes[form] = place_id
        non_actors = _lines(folder / "non_actors.tsv.gz")
        common = _lines(folder / "common_words_en.tsv.gz", first_column=True)
        return cls(
            places, variants, given, organizations, frozenset(demonyms), abbreviations, country_codes,
            non_actors=non_actors, english_common_words=common,
        )  # fmt: skip

    def organization_first_words(self, word: re.Pattern[str]) -> dict[str, int]:
        """First word of the organisation names safe to find -> the most words such a name has.

        Words as ``word`` finds them; computed once per pattern.
        """
        key = f"_org_first_words:{word.pattern}"
        cached: dict[str, int] | None = self.__dict__.get(key)
        if cached is None:
            cached = {}
            for name, find in self.organizations.items():
                words = word.findall(name) if find else []
                if words:
                    cached[words[0]] = max(cached.get(words[0], 0), len(words))
            self.__dict__[key] = cached
        return cached

    def organization(self, name: str) -> bool | None:
        """None when the name is no known organisation; else whether it is safe to find in text."""
        return self.organizations.get(name)

    def is_demonym(self, word: str, language: str) -> bool:
        """True for an inhabitant or nationality word ("Tunesier", "Syrians") of ``language``."""
        return (language, word) in self.demonyms

    def place(self, name: str, *, language: str = "") -> Place | None:
        """The place a name denotes; German genitive -s is undone ("Russlands"), and a name written
        with a space for its hyphen is the hyphenated one ("Papua Neuguinea")."""
        found = self.places.get(name)
        if found is None and " " in name:
            found = self.places.get(name.replace(" ", "-"))
        if found is None and language == "de" and name.endswith("s") and len(name) > 4:
            found = self.places.get(name[:-1])
        return found

    def place_or_country(self, name: str, *, language: str = "") -> Place | None:
        """:meth:`place`, or the country a capital abbreviation names ("U.S.", "USA", "UK").

        Only for linking a span already typed as a place: abbreviations are never found in text.
        """
        found = self.place(name, language=language)
        if found is None and _ABBREVIATION.match(name):
            place_id = self.country_codes.get(name.replace(".", ""))
            if place_id is not None:
                found = Place(place_id, "country", 0, False)
        return found

    def place_spans(self, text: str, language: str = "") -> list[EntitySpan]:
        """Occurrences of strong place names (longest match first, no overlaps)."""
        words = list(_WORD.finditer(text))
        spans: list[EntitySpan] = []
        index = 0
        while index < len(words):
            match_end = 0
            for size in range(min(_MAX_NGRAM, len(words) - index), 0, -1):
                first, last = words[index], words[index + size - 1]
                if not first.group(0)[:1].isupper():
                    break
                candidate = text[first.start() : last.end()]
                if "  " in candidate or "\n" in candidate:
                    continue
                place = self.place(candidate, language=language)
                if place is not None and place.strong:
                    spans.append(EntitySpan(first.start(), last.end(), candidate, "location"))
                    match_end = size
                    break
            index += match_end or 1
        return spans

    def person_groups(self, part: str) -> frozenset[str]:
        """Variant groups of one name part (case- and diacritic-insensitive)."""
        groups = self._groups(part)
        return frozenset((groups,)) if isinstance(groups, str) else groups

    def _groups(self, part: str) -> frozenset[str] | str:
        return self.person_variants.get(part.lower()) or self.person_variants.get(fold(part), frozenset())

    def same_person_name(self, a: str, b: str) -> bool:
        """True when two person names are spelling variants of each other (Selenskyj ~ Zelensky)."""
        pa, pb = a.split(), b.split()
        if not pa or not pb:
            return False
        if not self._parts_match(pa[-1], pb[-1]):
            return False
        if len(pa) >= 2 and len(pb) >= 2:
            return self._parts_match(pa[0], pb[0])
        return True

    def _parts_match(self, x: str, y: str) -> bool:
        if fold(x) == fold(y):
            return True
        gx, gy = self._groups(x), self._groups(y)
        if isinstance(gx, str):
            return gx == gy or gx in gy if isinstance(gy, frozenset) else gx == gy
        return gy in gx if isinstance(gy, str) else not gx.isdisjoint(gy)


_default: Gazetteer | None = None
_lock = threading.Lock()


def _load_places(path: Path) -> dict[str, Place]:
    """Name -> place; the names of one place share one :class:`Place` (a quarter as many objects)."""
    places: dict[str, Place] = {}
    if not path.exists():
        return places
    shared: dict[str, Place] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            name, rest = line.rstrip("\n").split("\t", 1)
            place = shared.get(rest)
            if place is None:
                place_id, kind, population, strong = rest.split("\t")
                place = shared[rest] = Place(place_id, sys.intern(kind), int(population), strong == "1")
            places[name] = place
    return places


def _load_person_variants(path: Path) -> dict[str, frozenset[str] | str]:
    """Name part -> its variant groups, shared: one group (nine parts in ten) as the group's string,
    several as one frozenset for all the parts with the same groups."""
    variants: dict[str, frozenset[str] | str] = {}
    if not path.exists():
        return variants
    strings: dict[str, str] = {}
    shared: dict[str, frozenset[str] | str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            form, listed = line.rstrip("\n").split("\t")
            found = shared.get(listed)
            if found is None:
                groups = [strings.setdefault(g, g) for g in listed.split(",")]
                found = shared[listed] = groups[0] if len(groups) == 1 else frozenset(groups)
            variants[form] = found
    return variants


def _lines(path: Path, first_column: bool = False) -> frozenset[str]:
    """The lines of a gzip list of one column, or the first column of each (a missing file: none)."""
    if not path.exists():
        return frozenset()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        if first_column:
            return frozenset(line.split("\t", 1)[0] for line in handle)
        return frozenset(line.rstrip("\n") for line in handle)


def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once."""
    global _default
    with _lock:
        if _default is None:
            with heap.loading():  # kept for the process's life: out of the collector's way
                _default = Gazetteer.load(default_gazetteer_dir())
        return _default
