"""Build the shipped gazetteers in resources/gazetteer/ from openly licensed data.

    python -m tools.build_gazetteer [--data DIR] [--out DIR]

Outputs (gzip TSV, UTF-8):
- ``places.tsv.gz``: ``name, place id, kind (country|region|city), population, strong``:
  country and region names in German and English from CLDR (via babel), GeoNames country
  names, and cities of 15,000+ inhabitants with their Latin-script alternate names from
  GeoNames (CC BY 4.0). ``strong`` = 1 marks names safe to *find* in text (a country, a
  region, or the main/well-formed name of a city of 100,000+ inhabitants that is not a
  common word); the others only serve to *link* spelling variants (Kyjiw = Kiew = Kyiv).
  States and provinces come from rigour's territories (MIT; kind ``region``), and German names of
  states, cantons and regions ("Bayern", "Tirol") from the titles of German Wikipedia and Klexikon
  articles (CC BY-SA) whose first sentence defines a Bundesland, Kanton, Bundesstaat or Region.
- ``country_codes.tsv.gz``: ``abbreviation, place id``: country abbreviations written in
  capitals ("US", "USA", "UK", "UAE"; dots are dropped when looked up, so "U.S." is "US") from
  OpenSanctions countrynames (MIT): each two-letter country key and the two- or three-letter
  capital forms listed for it. They only link a span already typed as a place to its country.
- ``organizations.tsv.gz``, ``abbreviations.tsv.gz``, ``demonyms.tsv.gz``: see
  ``tools.build_org_names`` (run by this script too).
- ``word_counts.tsv.gz``: ``language, capitalised word, times tagged O, times tagged as an
  entity`` in the training splits (GermEval 2014 train, UNER EWT train): words like weekdays
  that are capitalised but almost never names.
- ``given_names.tsv.gz``: ``given name, frequency`` from Berlin's newborn names 2012-2023
  (CC BY 3.0 DE) and the US census 1990 first-name lists (public domain).
- ``person_variants.tsv.gz``: ``name part, group ids``: spellings of the same given or
  family name across languages and transliterations (rigour, MIT, from Wikidata CC0).

Common words are removed from the strong names using the training splits only: a
capitalised word that GermEval 2014 train or UNER English EWT train tags as O more often
than as a location is not a safe place name ("Essen", "Mark", "Bad").
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_LATIN_NAME = re.compile(r"^[^\W\d_]+(?:[ '\-’.][^\W\d_]+)*\.?$")  # the first letter: any capital
_BAD_WORDS = ("city", "federal", "territory", "district", "lungsod", "municipality", "gemeinde", "stadt ")
MIN_CITY_POPULATION_STRONG = 100_000


def default_data_dir() -> Path:
    """``BRIEFING_DATA`` or the shared data folder beside the repository."""
    return Path(os.environ.get("BRIEFING_DATA") or REPO.parent / "shared" / "data")


def is_latin(text: str) -> bool:
    """True when every letter is Latin script (with any diacritics)."""
    return all(unicodedata.name(c, "").startswith("LATIN") for c in text if c.isalpha())


def good_name(name: str) -> bool:
    """A well-formed Latin place name: capitalised, letters, 3+ characters, not a code."""
    return (
        len(name) >= 3
        and name[:1].isupper()  # also "Österreich", "Ägypten", "Île-de-France"
        and bool(_LATIN_NAME.match(name))
        and not name.isupper()
        and is_latin(name)
        and not any(w in name.lower() for w in _BAD_WORDS)
    )


def _bio_tokens(path: Path, token_col: int, tag_col: int) -> Iterator[tuple[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) > max(token_col, tag_col):
                yield parts[token_col], parts[tag_col]


TRAIN_SPLITS = {
    "de": ("germeval2014/NER-de-train-outer.conll", 0, 1),
    "en": ("uner-en-ewt/en_ewt-ud-train.DRAFT-2022-12-02.iob2.gz", 1, 2),
}


def capitalised_counts(data: Path) -> dict[tuple[str, str], Counter[str]]:
    """Per (language, capitalised token): how often the train splits tag it O, LOC or other."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for lang, (rel, token_col, tag_col) in TRAIN_SPLITS.items():
        path = data / rel
        if not path.exists():
            continue
        for token, tag in _bio_tokens(path, token_col, tag_col):
            if token[:1].isupper():
                kind = (
                    "o"
                    if tag == "O" or "deriv" in tag or "part" in tag
                    else "loc"
                    if tag.endswith("LOC")
                    else "ent"
                )
                counts[(lang, token)][kind] += 1
    return counts


def common_words(counts: dict[tuple[str, str], Counter[str]]) -> set[str]:
    """Capitalised tokens tagged O (or another type) more often than as a location."""
    return {t for (_, t), c in counts.items() if c["o"] + c["ent"] > c["loc"]}


def country_rows(data: Path) -> Iterator[tuple[str, str, str, int, int]]:
    """Country and region names in German and English (CLDR), plus GeoNames country names."""
    from babel import Locale

    countries = data / "geonames-cities15000" / "countries.json.gz"
    iso: dict[str, dict[str, object]] = {}
    if countries.exists():
        with gzip.open(countries, "rt", encoding="utf-8") as handle:
            iso = json.load(handle)
    for lang in ("de", "en"):
        for code, name in Locale(lang).territories.items():
            kind = "country" if code in iso else "region"  # EU, UN, continents are no countries
            if code in {"ZZ", "EZ", "UN", "QO", "EU"}:
                continue
            if good_name(name) or (" " in name and is_latin(name)):
                yield name, f"T:{code}", kind, 0, 1
    for code, row in iso.items():
        yield str(row["name"]), f"T:{code}", "country", int(str(row.get("population") or 0)), 1


def city_rows(data: Path, common: set[str]) -> Iterator[tuple[str, str, str, int, int]]:
    """Cities of 15,000+ inhabitants with their Latin-script alternate names (GeoNames)."""
    path = data / "geonames-cities15000" / "cities15000.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        cities = json.load(handle)
    for row in cities.values():
        population = int(row.get("population") or 0)
        place = f"G:{row['geonameid']}"
        main = row["name"]
        names = {main, *row.get("alternatenames", ())}
        for name in names:
            if not good_name(name):
                continue
            strong = (
                population >= MIN_CITY_POPULATION_STRONG
                and name not in common
                and (name == main or " " not in name)
            )
            yield name, place, "city", population, int(strong)


def region_rows(data: Path, common: set[str]) -> Iterator[tuple[str, str, str, int, int]]:
    """States and provinces (US states, Indian states, ...) from rigour's territories (MIT)."""
    path = data / "rigour-names-territories" / "territories.jsonl.gz"
    if not path.exists():
        return
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if item.get("is_country") or not item.get("parent") or item.get("is_historical"):
                continue
            name = str(item["name"]).split(" (", 1)[0].strip()
            if good_name(name) or (" " in name and is_latin(name) and name[:1].isupper()):
                yield name, f"R:{item['code']}", "region", 0, int(name not in common)


ARTICLES = "dewiki-klexikon-articles"
_REGION_NOUNS = r"(Bundesland|Kanton|Bundesstaat|Region|Provinz|Landesteil|Land)"
# "Bayern ist das größte Bundesland", "Der Freistaat Sachsen ist ein Land": the title (after an
# article and a word), "ist", an article, lower-case words only (adjectives), and the noun ("eine
# Stadt im Bundesland": no; "Land" only after such a word: "Polen ist ein Land" is a country's)
_DEFINES_REGION = re.compile(
    r"^(?:(?:Der|Die|Das) ([A-ZÄÖÜ][a-zäöüß]+ )?)?(.+?) ist "
    rf"(?:ein|eine|einer|das|der|die)(?: [a-zäöüß]+)* {_REGION_NOUNS}\b"
)
_PARENTHESES = re.compile(r" ?\([^()]*\)")


def article_region_rows(data: Path, common: set[str]) -> Iterator[tuple[str, str, str, int, int]]:
    """German names of states, cantons and regions ("Bayern", "Tirol", "Waadt") from the German
    Wikipedia and Klexikon articles (CC BY-SA): the titles whose first sentence defines them as a
    Bundesland, Kanton, Bundesstaat, Region, Provinz or Landesteil, or a Land after a word such as
    "Freistaat". Kind ``region``; strong unless a common word ("Zug")."""
    seen: set[str] = set()
    for path in sorted((data / ARTICLES).glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                title = str(item["title"]).split(" (", 1)[0].strip()
                lines = (row for row in str(item["text"]).splitlines() if row[:1].isupper())
                first = _PARENTHESES.sub("", next(lines, ""))
                match = _DEFINES_REGION.match(first)
                if match is None or match.group(2) != title or title in seen or not good_name(title):
                    continue
                if match.group(3) == "Land" and not match.group(1):  # "Der Freistaat Sachsen", no country
                    continue
                seen.add(title)
                yield title, f"R:de-wiki:{title}", "region", 0, int(title not in common)


def person_variant_rows(data: Path) -> Iterator[tuple[str, str]]:
    """Latin-script spellings of one name part and the groups they belong to."""
    path = data / "rigour-names-territories" / "persons.txt.gz"
    groups: dict[str, list[str]] = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if "=>" not in line:
                continue
            forms, qid = line.rsplit("=>", 1)
            latin = [f.strip() for f in forms.split(",") if f.strip() and is_latin(f.strip())]
            latin = [f for f in latin if len(f) >= 3 and "'" not in f and "ʼ" not in f]
            if len(latin) >= 2:
                for form in latin:
                    groups[form].append(qid.strip())
    for form in sorted(groups):
        yield form, ",".join(sorted(set(groups[form]))[:8])


def given_name_rows(data: Path) -> Iterator[tuple[str, int]]:
    """Given names with a frequency: Berlin newborns 2012-2023 (CC BY 3.0 DE), US census 1990."""
    import csv

    counts: Counter[str] = Counter()
    berlin = data / "vornamen-berlin" / "vornamen_berlin_2012_2023.csv.gz"
    if berlin.exists():
        with gzip.open(berlin, "rt", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                name = (row.get("vorname") or "").strip()
                if name and name[:1].isupper() and name.isalpha():
                    counts[name] += int(row.get("anzahl") or 0)
    for sex in ("male", "female"):
        census = data / "us-census-1990-names" / f"dist.{sex}.first.gz"
        if census.exists():
            with gzip.open(census, "rt", encoding="latin-1") as handle:
                for line in handle:
                    parts = line.split()
                    if len(parts) == 4 and int(parts[3]) <= 1500:
                        counts[parts[0].capitalize()] += int(1_000_000 * float(parts[1]) / 100)
    for name, count in sorted(counts.items()):
        if count >= 30 and len(name) >= 2:
            yield name, count


_COUNTRY_KEY = re.compile(r"^([A-Z]{2}):\s*$")
_COUNTRY_FORM = re.compile(r"^\s+-\s+[\"']?([A-Z]{2,3})[\"']?\s*$")


def country_code_rows(data: Path) -> Iterator[tuple[str, str]]:
    """(abbreviation, place id) from countrynames' ``data.yaml`` (a mapping of code to name lists).

    Only two-letter keys (ISO 3166-1) and forms of two or three capitals count; a form listed
    under two countries is left out.
    """
    path = data / "countrynames" / "data.yaml"
    if not path.exists():
        return
    owners: dict[str, set[str]] = defaultdict(set)
    code = ""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if key := _COUNTRY_KEY.match(line):
                code = key.group(1)
                owners[code].add(code)
            elif not line.startswith((" ", "-")):
                code = ""  # a key that is no ISO country ("GB-SCT", "SUHH")
            elif code and (form := _COUNTRY_FORM.match(line)):
                owners[form.group(1)].add(code)
    for form, codes in sorted(owners.items()):
        if len(codes) == 1:
            yield form, f"T:{next(iter(codes))}"


def build_country_codes(data: Path, out: Path) -> int:
    """Write ``country_codes.tsv.gz``; returns its row count."""
    rows = list(country_code_rows(data))
    with gzip.open(out / "country_codes.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as handle:
        for form, place in rows:
            handle.write(f"{form}\t{place}\n")
    return len(rows)


def _rank(place: str, kind: str, strong: int, population: int) -> tuple[int, int, int]:
    """Which entry a name keeps: a country or CLDR region, else a city, else a state or province."""
    tier = 0 if place.startswith("R:") else 1 if kind == "city" else 2
    return (tier, strong, population)


def build(data: Path, out: Path) -> dict[str, int]:
    """Write both gazetteers; returns row counts."""
    out.mkdir(parents=True, exist_ok=True)
    counts = capitalised_counts(data)
    common = common_words(counts)
    with gzip.open(out / "word_counts.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as handle:
        for (lang, token), c in sorted(counts.items()):
            if c["o"] >= 3:
                handle.write(f"{lang}\t{token}\t{c['o']}\t{c['loc'] + c['ent']}\n")
    best: dict[str, tuple[str, str, int, int]] = {}
    rows = [
        *country_rows(data),
        *region_rows(data, common),
        *article_region_rows(data, common),
        *city_rows(data, common),
    ]
    for name, place, kind, population, strong in rows:
        current = best.get(name)
        if current is None or _rank(place, kind, strong, population) > _rank(
            *current[:2], current[3], current[2]
        ):
            best[name] = (place, kind, population, strong)
    with gzip.open(out / "places.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as handle:
        for name in sorted(best):
            place, kind, population, strong = best[name]
            handle.write(f"{name}\t{place}\t{kind}\t{population}\t{strong}\n")
    given = list(given_name_rows(data))
    with gzip.open(out / "given_names.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as handle:
        for name, count in given:
            handle.write(f"{name}\t{count}\n")
    variants = list(person_variant_rows(data))
    with gzip.open(out / "person_variants.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as handle:
        for form, groups in variants:
            handle.write(f"{form}\t{groups}\n")
    return {
        "country_codes": build_country_codes(data, out),
        "places": len(best),
        "strong_places": sum(v[3] for v in best.values()),
        "person_name_forms": len(variants),
        "given_names": len(given),
        "common_words_excluded": len(common),
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m tools.build_gazetteer", description=__doc__)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "gazetteer")
    args = parser.parse_args(argv)
    from tools.build_org_names import build as build_org_names

    print(json.dumps({**build(args.data, args.out), **build_org_names(args.data, args.out)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
