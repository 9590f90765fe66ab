"""Build resources/gazetteer/indefinite_nouns.tsv.gz: German words seen after "ein", "kein", "viele".

    python -m tools.build_indefinite_nouns [--data DIR] [--out FILE]

A recogniser sometimes types a German common noun as a place or an organisation ("Asyl",
"Kreuzbandriss", "Badewanne"). The definite article does not tell them apart ("die Adria", "die
Schweiz", "der Hurrikan"), but names of places and organisations almost never follow an
indefinite determiner, a quantifier or a number word directly or through one inflected
adjective, while common nouns do ("einen Kreuzbandriss", "kein Asyl", "einer alten Badewanne",
"zwei Razzien"). This script counts, in the German Wikipedia and Klexikon articles (CC BY-SA),
how often each capitalised word follows such a word, and keeps the words seen so at least
:data:`MIN_USES` times and in at least :data:`MIN_SHARE` of their uses; known places and
organisations of the gazetteer and words in capitals are left out. Output rows: ``word,
occurrences, indefinite uses, share`` (gzip TSV). The share was chosen on the German development
articles of tests/data/actors/dev and GermEval 2014 dev (see
:mod:`desktop.core.entities.noun_places`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.noun_places import NOUN_SHAPE
from tools.build_gazetteer import REPO
from tools.list_builds import run_build

RAW_TEXT = "dewiki-klexikon-articles/*.jsonl.gz"
MIN_USES = 2
MIN_SHARE = 0.05
_ENDINGS = ("", "e", "en", "em", "er", "es")
INDEFINITE = frozenset(
    [
        *(f"{stem}{end}" for stem in ("ein", "kein", "irgendein") for end in _ENDINGS),
        *(f"{stem}{end}" for stem in ("jed", "jeglich", "manch", "solch") for end in _ENDINGS[1:]),
        *(
            f"{stem}{end}"
            for stem in ("viel", "mehrer", "einig", "zahlreich", "etlich", "wenig")
            for end in ("e", "en", "er")
        ),
        "viel",
        *["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"],
    ]
)
_TOKEN = re.compile(r"[^\W\d_][\w\-]*|\S")
_ADJ_ENDINGS = ("e", "en", "er", "es", "em")


def count(texts: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """Occurrences of capitalised words, and how many of them follow an indefinite word directly
    or through one inflected adjective ("einen schweren Kreuzbandriss")."""
    total: Counter[str] = Counter()
    after: Counter[str] = Counter()
    for text in texts:
        prev1 = prev2 = ""
        for tok in _TOKEN.findall(text):
            if tok[:1].isupper():
                total[tok] += 1
                adjective = prev1[:1].islower() and prev1.endswith(_ADJ_ENDINGS)
                if prev1.lower() in INDEFINITE or (adjective and prev2.lower() in INDEFINITE):
                    after[tok] += 1
            prev2, prev1 = prev1, tok
    return total, after


def article_texts(paths: list[Path]) -> Iterable[str]:
    """The text of every article of the JSON-lines files."""
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line).get("text") or ""


def rows(
    total: Counter[str], after: Counter[str], known: Callable[[str], bool], min_share: float = MIN_SHARE
) -> list[tuple[str, int, int, float]]:
    """(word, occurrences, indefinite uses, share) of the listed words."""
    found = []
    for word, uses in after.items():
        n = total[word]
        if uses >= MIN_USES and uses / n >= min_share and NOUN_SHAPE.fullmatch(word) and not known(word):
            found.append((word, n, uses, uses / n))
    return sorted(found)


def build(data: Path, out: Path, min_share: float = MIN_SHARE) -> dict[str, int]:
    """Write the list; returns counts."""
    paths = sorted(data.glob(RAW_TEXT))
    if not paths:
        raise FileNotFoundError(f"No German raw text ({RAW_TEXT}) under {data}")
    total, after = count(article_texts(paths))
    gazetteer = Gazetteer.load(REPO / "resources" / "gazetteer")

    def known(word: str) -> bool:
        return (
            gazetteer.place_or_country(word, language="de") is not None
            or gazetteer.organization(word) is not None
        )

    found = rows(total, after, known, min_share)
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as raw:
        raw.write("".join(f"{w}\t{n}\t{u}\t{s:.3f}\n" for w, n, u, s in found).encode("utf-8"))
    return {"capitalised_words": len(total), "indefinite_nouns": len(found)}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""

    def configure(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--min-share", type=float, default=MIN_SHARE, help="least share of indefinite uses"
        )

    return run_build(
        argv,
        prog="tools.build_indefinite_nouns",
        description=__doc__,
        out_name="indefinite_nouns.tsv.gz",
        build=lambda args: build(args.data, args.out, args.min_share),
        configure=configure,
    )


if __name__ == "__main__":
    sys.exit(main())
