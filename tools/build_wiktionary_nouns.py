"""Build resources/gazetteer/wiktionary_nouns.tsv.gz: German common nouns and their inflected forms
from German Wiktionary that the other noun lists lack ("Hausarrest", "Steaks", "Abrede").

    python -m tools.build_wiktionary_nouns [--data DIR] [--out FILE] [--csv FILE]

Reads ``nouns.csv`` of the ``german-nouns`` package (German Wiktionary nouns with their case and
number forms, CC BY-SA 4.0; ``pip install .[lists]``; only this build needs it, nothing reads it at
run time) or the file ``--csv`` names. A lemma is left out, with every form, when Wiktionary also
marks it as a surname, given name, place, street, other proper noun or abbreviation ("Koch",
"Fischer", "Wagner"), and so is every form that is a known name: a place, organisation, given name
or name part of people of the gazetteer, a US census surname ("Schick", "Heuer") or a word GermEval
2014 train tags as a name more often than not (:func:`tools.build_common_nouns.known_name`). Forms
already in ``common_nouns.tsv.gz`` or ``indefinite_nouns.tsv.gz`` are not repeated. Output: one
form a line (gzip), a capitalised word of at least :data:`MIN_LETTERS` letters, followed by a tab
and "s" where no lemma it belongs to has a plural (mass nouns and names Wiktionary does not mark:
"Seenot", "Fernost", "Daesh").
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from desktop.core.entities.noun_places import load_indefinite_nouns
from desktop.core.entities.word_stats import WordStats, load_noun_lists
from tools.build_common_nouns import known_name
from tools.list_builds import GAZETTEER, run_build

MIN_LETTERS = 3
# Wiktionary's parts of speech that make a lemma a name (or no plain word)
PROPER_KINDS = frozenset(
    {"Nachname", "Vorname", "Toponym", "Eigenname", "Straßenname", "Abkürzung", "Buchstabe", "Symbol"}
)
_CASES = ("nominativ", "genitiv", "dativ", "akkusativ")


def default_csv() -> Path:
    """``nouns.csv`` of the installed ``german-nouns`` package."""
    try:
        from importlib.resources import files

        return Path(str(files("german_nouns") / "nouns.csv"))
    except ModuleNotFoundError as exc:
        raise FileNotFoundError("No german-nouns package (pip install .[lists]) and no --csv") from exc


Row = tuple[str, frozenset[str], list[str], bool]


def read_rows(path: Path) -> Iterator[Row]:
    """``(lemma, parts of speech, forms, has a plural)`` of each row of a ``nouns.csv``."""
    if not path.exists():
        raise FileNotFoundError(f"No Wiktionary noun table at {path}")
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            cells = [(k, v) for k, v in row.items() if k and k.startswith(_CASES) and v]
            plural = any("plural" in k for k, _ in cells)
            yield row["lemma"], frozenset(row["pos"].split(",")), [v for _, v in cells], plural


def _word(form: str) -> bool:
    """A capitalised word in lower case after its first letter ("Steak", not "AKW", "Causa Prima")."""
    return (
        len(form) >= MIN_LETTERS
        and form[:1].isupper()
        and form[1:].replace("-", "").isalpha()
        and form[1:].islower()
        and not form.endswith("-")
    )


def noun_forms(
    rows: Iterable[Row], is_name: Callable[[str], bool], listed: frozenset[str]
) -> tuple[dict[str, str], set[str], dict[str, int]]:
    """The forms of common-noun lemmas (see the module) that are no ``is_name`` name and not
    ``listed`` already, each with its lemma; those only of lemmas without a plural ("Fernost",
    "Seenot"); and counts."""
    proper: set[str] = set()
    by_lemma: dict[str, set[str]] = {}
    counted: set[str] = set()  # lemmas with a plural
    for lemma, kinds, forms, plural in rows:
        if kinds & PROPER_KINDS:
            proper.add(lemma)
        elif "Substantiv" in kinds:
            by_lemma.setdefault(lemma, set()).update((lemma, *forms))
            if plural:
                counted.add(lemma)
    kept: dict[str, str] = {}
    names = 0
    for lemma in sorted(by_lemma.keys() - proper):
        for form in sorted(by_lemma[lemma]):
            if not _word(form) or form in listed or form in kept or form in proper:
                continue
            if is_name(form) or is_name(lemma):
                names += 1
                continue
            kept[form] = lemma
    with_plural = {f for lemma in counted - proper for f in by_lemma[lemma]}
    singular = {f for f in kept if f not in with_plural}
    counts = {"lemmas": len(by_lemma), "proper_lemmas": len(proper & by_lemma.keys()), "names": names}
    return kept, singular, counts


def build(data: Path, out: Path, table: Path | None = None) -> dict[str, int]:
    """Write the list; returns counts."""
    census = data / "us-census-1990-names" / "dist.all.last.gz"
    if not census.exists():
        raise FileNotFoundError(f"No US census surname list under {data} (us-census-1990-names)")
    rows = list(read_rows(table if table is not None else default_csv()))
    nouns, bare = load_noun_lists(GAZETTEER)
    listed = nouns | bare | load_indefinite_nouns(GAZETTEER)
    is_name, _ = known_name(data)
    stats = WordStats.load(GAZETTEER)

    def name(word: str) -> bool:
        other, entity = stats.counts.get(("de", word), (0, 0))
        return entity > other or is_name(word)

    kept, singular, counts = noun_forms(rows, name, listed)
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as raw:
        raw.write("".join(f"{f}\ts\n" if f in singular else f"{f}\n" for f in sorted(kept)).encode("utf-8"))
    return {**counts, "forms": len(kept), "singular_only": len(singular)}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""

    def configure(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--csv", type=Path, default=None, help="nouns.csv (default: the german-nouns package's)"
        )

    return run_build(
        argv,
        prog="tools.build_wiktionary_nouns",
        description=__doc__,
        out_name="wiktionary_nouns.tsv.gz",
        build=lambda args: build(args.data, args.out, args.csv),
        configure=configure,
    )


if __name__ == "__main__":
    sys.exit(main())
