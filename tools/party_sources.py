"""Party names from Party Facts (MIT) and EveryPolitician's Wikidata group labels (CC0), for
``python -m tools.build_org_names``.

Every name is given with whether it is only known (an abbreviation of a party outside the
countries of German and English news: a lone "MBA" is no party) or also safe to find in text.
Files that are missing yield nothing.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterator
from pathlib import Path

# Countries whose parties' abbreviations are safe to find in German and English news text;
# the abbreviations of other countries' parties are only known (a lone "MBA" is no party).
_NEWS_COUNTRIES = frozenset(
    {
        "DEU", "AUT", "CHE", "LIE", "LUX", "GBR", "IRL", "USA", "CAN", "AUS", "NZL", "FRA", "ITA", "ESP",
        "PRT", "NLD", "BEL", "POL", "CZE", "SVK", "HUN", "SVN", "HRV", "SRB", "BIH", "MNE", "MKD", "ALB",
        "GRC", "CYP", "TUR", "ROU", "BGR", "MDA", "UKR", "RUS", "BLR", "LTU", "LVA", "EST", "FIN", "SWE",
        "NOR", "DNK", "ISL", "ISR",
    }
)  # fmt: skip


def party_names(data: Path) -> Iterator[tuple[str, bool]]:
    """(name, known only) of parties: Party Facts core list and its Wikidata extract."""
    folder = data / "partyfacts-parties"
    core = folder / "partyfacts-core-parties.csv.gz"
    if core.exists():
        with gzip.open(core, "rt", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                yield from ((n, False) for n in (row["name"], row["name_english"]) if n and "/" not in n)
                if row["name_short"]:
                    yield row["name_short"], row["country"] not in _NEWS_COUNTRIES
    wikidata = folder / "wikidata.csv"
    if wikidata.exists():
        with wikidata.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                yield from ((n, False) for n in (row["name"], row["name_native"]) if n)
                if row["name_short"]:
                    yield row["name_short"], row["country"] not in _NEWS_COUNTRIES
    groups = data / "everypolitician-wikidata-2015" / "wikidata_groups_areas.jsonl.gz"
    if groups.exists():
        with gzip.open(groups, "rt", encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                if not str(item.get("key", "")).startswith(("political_party", "party")):
                    continue
                value = item.get("value") or {}
                for other in value.get("other_names", []):
                    if other.get("lang") in ("de", "en"):
                        yield other["name"], False
