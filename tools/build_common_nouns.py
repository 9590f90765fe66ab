"""Build resources/gazetteer/common_nouns.tsv.gz: German capitalised words that behave as nouns.

    python -m tools.build_common_nouns [--data DIR] [--out FILE]

German capitalises every noun, so a recogniser sometimes takes a rare noun ("Anpfiff",
"Halbbruder") for a person's name. Names of people almost never follow a determiner ("der",
"eine", "seinen", "mehrere"), nouns very often do. This script counts, in the German Wikipedia
and Klexikon articles (CC BY-SA), how often each capitalised word follows a determiner directly
or through one inflected adjective ("die neue Regierung"), and keeps the words seen 3+ times
with a determiner share of at least 0.2. Output rows: ``word, occurrences, share`` (gzip TSV).
The threshold was chosen on GermEval 2014 dev (single-word person spans, micro F1).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

from tools.build_gazetteer import REPO, default_data_dir

RAW_TEXT = "dewiki-klexikon-articles/*.jsonl.gz"
MIN_COUNT = 3
MIN_SHARE = 0.2
DETERMINERS = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "eines",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "keines",
        "mein",
        "meine",
        "sein",
        "seine",
        "seinen",
        "seinem",
        "seiner",
        "seines",
        "ihr",
        "ihre",
        "ihren",
        "ihrem",
        "ihrer",
        "ihres",
        "unser",
        "unsere",
        "dieser",
        "diese",
        "dieses",
        "diesen",
        "diesem",
        "jede",
        "jeder",
        "jedes",
        "jeden",
        "jedem",
        "mehrere",
        "mehreren",
        "einige",
        "einigen",
        "viele",
        "vielen",
        "zahlreiche",
        "zahlreichen",
    ]
)
_TOKEN = re.compile(r"[^\W\d_][\w\-]*|\S")
_ADJ_ENDINGS = ("e", "en", "er", "es", "em")


def count(paths: list[Path]) -> tuple[Counter[str], Counter[str]]:
    """Occurrences of capitalised words, and how many of them follow a determiner."""
    total: Counter[str] = Counter()
    after: Counter[str] = Counter()
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                prev1 = prev2 = ""
                for tok in _TOKEN.findall(json.loads(line).get("text") or ""):
                    if tok[:1].isupper():
                        total[tok] += 1
                        direct = prev1.lower() in DETERMINERS and prev1 != "Die"
                        adjective = prev1[:1].islower() and prev1.endswith(_ADJ_ENDINGS)
                        via_adj = adjective and prev2.lower() in DETERMINERS
                        if direct or via_adj:
                            after[tok] += 1
                    prev2, prev1 = prev1, tok
    return total, after


def build(data: Path, out: Path) -> dict[str, int]:
    """Write the noun list; returns counts."""
    paths = sorted(data.glob(RAW_TEXT))
    if not paths:
        raise FileNotFoundError(f"No German raw text ({RAW_TEXT}) under {data}")
    total, after = count(paths)
    rows = [
        (w, n, after[w] / n)
        for w, n in total.items()
        if n >= MIN_COUNT and after[w] / n >= MIN_SHARE and w.replace("-", "").isalpha()
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as raw:
        raw.write("".join(f"{w}\t{n}\t{s:.2f}\n" for w, n, s in sorted(rows)).encode("utf-8"))
    return {"capitalised_words": len(total), "nouns": len(rows)}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m tools.build_common_nouns", description=__doc__)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "gazetteer" / "common_nouns.tsv.gz")
    args = parser.parse_args(argv)
    try:
        print(json.dumps(build(args.data, args.out)))
    except FileNotFoundError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
