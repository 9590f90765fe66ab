"""Build resources/gazetteer/genitive_surnames.tsv.gz: surnames whose German genitive looks like a name.

    python -m tools.build_genitive_surnames [--data DIR] [--out FILE]

German adds "s" to a name in the genitive ("Max Kruses Tor", "Tom McCarthys Film"), and a surname
may end in "s" itself ("Tom Hanks", "Bernie Sanders"). The linker reads a name's final "s" by two
kinds of rows, both from the US Census 1990 surname list (public domain), surnames with a frequency
of at least 0.001 %:

- ``base``: a surname that ends in a vowel or "y" and is more than twice as frequent as the same name
  with an "s" ("Kruse", "McCarthy", "May"; not "Jone", "Torre"): its "s" form is a genitive, which
  the linker otherwise leaves alone after a vowel ("Jones", "Torres", "Carlos");
- ``s-name``: a surname in "s" at least half as frequent as the name without it ("Hanks", "Sanders",
  "Jones"): no genitive, unless the text names the bare form as a surname too.

Output rows: ``surname (lower case), kind, frequency %, frequency % of the other form`` (gzip TSV).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

from tools.list_builds import run_build

CENSUS = Path("us-census-1990-names") / "dist.all.last.gz"
ENDINGS = tuple("aeiouy")
MIN_FREQUENCY = 0.001  # % of people (the file's resolution)
MIN_RATIO = 2.0  # the bare name this many times as frequent as its s form


def surnames(path: Path) -> dict[str, float]:
    """Census surnames (lower case) -> frequency in %."""
    with gzip.open(path, "rt", encoding="latin-1") as handle:
        rows = (line.split() for line in handle)
        return {parts[0].lower(): float(parts[1]) for parts in rows if len(parts) >= 2}


def genitive_rows(names: dict[str, float]) -> list[tuple[str, str, float, float]]:
    """(surname, kind, frequency, frequency of the other form): ``base`` and ``s-name`` rows."""
    rows = []
    for name, frequency in names.items():
        if frequency < MIN_FREQUENCY:
            continue
        s_form = names.get(name + "s", 0.0)
        if name.endswith(ENDINGS) and frequency > MIN_RATIO * s_form:
            rows.append((name, "base", frequency, s_form))
        bare = names.get(name[:-1], 0.0)
        if name.endswith("s") and not name.endswith("ss") and MIN_RATIO * frequency >= bare:
            rows.append((name, "s-name", frequency, bare))
    return sorted(rows)


def build(data: Path, out: Path) -> dict[str, int]:
    """Write the list; returns counts."""
    path = data / CENSUS
    if not path.exists():
        raise FileNotFoundError(f"No US census surname list ({CENSUS}) under {data}")
    rows = genitive_rows(surnames(path))
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as raw:
        raw.write("".join(f"{n}\t{k}\t{f:.3f}\t{o:.3f}\n" for n, k, f, o in rows).encode("utf-8"))
    return {kind: sum(1 for row in rows if row[1] == kind) for kind in ("base", "s-name")}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    return run_build(
        argv,
        prog="tools.build_genitive_surnames",
        description=__doc__,
        out_name="genitive_surnames.tsv.gz",
        build=lambda args: build(args.data, args.out),
    )


if __name__ == "__main__":
    sys.exit(main())
