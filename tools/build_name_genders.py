"""Build ``resources/gazetteer/name_genders.tsv.gz``: the usual sex of given names.

    python -m tools.build_name_genders [--data DIR] [--out FILE]

Quote attribution uses it to resolve "er"/"sie"/"he"/"she" to the right earlier person.
Each line is ``given name<TAB>m|f``; a name is listed when at least 95% of its bearers in
the sources below have that sex and it was counted often enough to trust (mixed names such
as "Kim" or "Andrea", whose sex differs between German and US use, are left out).

Sources (all openly licensed; attribution as the licences require):
- Berlin given names of newborns 2012-2023: "Berliner Landesamt für Bürger- und
  Ordnungsangelegenheiten (LABO) / BerlinOnline Stadtportal GmbH & Co. KG",
  github.com/berlinonline/haeufige-vornamen-berlin, CC BY 3.0 DE.
- Given names of newborns in Köln 2010-2018 (Stadt Köln, CC BY 3.0 DE), Leipzig 2014-2021
  (Stadt Leipzig, Datenlizenz Deutschland - Namensnennung 2.0) and München 2013-2015
  (Landeshauptstadt München - opendata.muenchen.de, Datenlizenz Deutschland - Namensnennung
  2.0), as collected in github.com/DerTee/prenames-germany.
- US Census Bureau, 1990 census "Frequently Occurring Names" (male and female first names;
  public domain).

The German sources are counts of children; the census gives percentages of each sex, so each
source votes with its own share of male bearers and the votes are averaged.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MIN_SHARE = 0.95
MIN_GERMAN_COUNT = 10


def _read_text(path: Path) -> str:
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _column_groups(header: list[str]) -> list[tuple[int, int, int]]:
    """(name, count, sex) column indexes; Leipzig files hold two such groups side by side."""
    low = [h.strip().lower() for h in header]
    groups = []
    for i, name in enumerate(low):
        if not name.startswith("vorname"):
            continue
        near = sorted(range(len(low)), key=lambda j: abs(j - i))
        count = next((j for j in near if low[j].startswith("anzahl") and abs(j - i) <= 2), None)
        sex = next((j for j in near if low[j].startswith("geschlecht") and abs(j - i) <= 2), None)
        if count is not None and sex is not None:
            groups.append((i, count, sex))
    return groups


def german_rows(paths: Iterable[Path]) -> Iterator[tuple[str, str, int]]:
    """(given name, "m"|"f", count) from the German city lists, whatever their column layout."""
    for path in paths:
        text = _read_text(path)
        first = text.split("\n", 1)[0]
        reader = csv.reader(io.StringIO(text), delimiter=";" if first.count(";") > first.count(",") else ",")
        header = next(reader, [])
        groups = _column_groups(header)
        for row in reader:
            for name_at, count_at, sex_at in groups:
                if max(name_at, count_at, sex_at) >= len(row):
                    continue
                name, sex = row[name_at].strip(), row[sex_at].strip().lower()
                try:
                    count = int(row[count_at])
                except ValueError:
                    continue
                if name and sex in ("m", "w") and name[:1].isupper():
                    yield name, "m" if sex == "m" else "f", count


def census_shares(folder: Path) -> dict[str, float]:
    """Share of male bearers per given name in the 1990 US census lists (percent of each sex)."""
    percent: dict[str, dict[str, float]] = {}
    for sex in ("male", "female"):
        path = folder / f"dist.{sex}.first.gz"
        if not path.exists():
            continue
        for line in _read_text(path).splitlines():
            parts = line.split()
            if len(parts) == 4:
                shares = percent.setdefault(parts[0].capitalize(), {"male": 0.0, "female": 0.0})
                shares[sex] += float(parts[1])
    return {name: c["male"] / (c["male"] + c["female"]) for name, c in percent.items() if sum(c.values()) > 0}


def build(data: Path, out: Path) -> dict[str, int]:
    """Write the list; returns counts of what was written."""
    german: dict[str, Counter[str]] = {}
    paths = [data / "vornamen-berlin" / "vornamen_berlin_2012_2023.csv.gz"]
    paths += sorted((data / "vornamen-koeln-leipzig-muenchen" / "raw").glob("Vornamen_*.csv"))
    for name, sex, count in german_rows(p for p in paths if p.exists()):
        german.setdefault(name, Counter())[sex] += count
    votes: dict[str, list[float]] = {}
    for name, counts in german.items():
        total = counts["m"] + counts["f"]
        if total >= MIN_GERMAN_COUNT:
            votes.setdefault(name, []).append(counts["m"] / total)
    for name, share in census_shares(data / "us-census-1990-names").items():
        votes.setdefault(name, []).append(share)
    written = Counter[str]()
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as handle:
        for name in sorted(votes):
            share = sum(votes[name]) / len(votes[name])
            sex = "m" if share >= MIN_SHARE else "f" if share <= 1 - MIN_SHARE else ""
            if sex and len(name) >= 2 and name.replace("-", "").isalpha():
                handle.write(f"{name}\t{sex}\n")
                written[sex] += 1
    return {"male": written["m"], "female": written["f"], "names_seen": len(votes)}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m tools.build_name_genders", description=__doc__)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "gazetteer" / "name_genders.tsv.gz")
    args = parser.parse_args(argv)
    print(json.dumps(build(args.data, args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
