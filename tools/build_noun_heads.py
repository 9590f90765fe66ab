"""Build resources/gazetteer/noun_heads.tsv.gz: heads of German compounds that are rarely names.

    python -m tools.build_noun_heads [--data DIR] [--out FILE]

For every capitalised word of the GermEval 2014 training split (CC BY 4.0) that is not itself in
``indefinite_nouns.tsv.gz``, :func:`~desktop.core.entities.noun_heads.compound_head` finds the
listed noun that ends it ("Armeeangaben" -> "Angaben"); the script counts how often words with
each head occur and how often the annotation tags them as (part of) a person, organisation or
place name. It keeps the heads seen at least :data:`MIN_USES` times and tagged in at most
:data:`MAX_NAME_SHARE` of them, and leaves out heads that end at least :data:`MAX_GAZETTEER_NAMES`
words of the gazetteer's places and organisations ("-dorf", "-berg", "-ball" of "Basketball") and
heads of institutions and kinds of organisation ("-kammer", "-behörde", "-partei"). Output rows:
``head, uses, name uses`` (gzip TSV). The thresholds were chosen on the German development articles
of tests/data/actors/dev and GermEval 2014 dev.
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.kind_cues import _GERMAN_KINDS
from desktop.core.entities.name_frames import _GERMAN_PLACED_HEADS, _INSTITUTION_HEADS
from desktop.core.entities.noun_heads import MIN_HEAD, MIN_MODIFIER, compound_head
from desktop.core.entities.noun_places import load_indefinite_nouns
from desktop.core.entities.role_words import GERMAN_INSTITUTION_HEADS
from tools.build_gazetteer import REPO, TRAIN_SPLITS, _bio_tokens
from tools.list_builds import run_build

MIN_USES = 8
MAX_NAME_SHARE = 0.1
MAX_GAZETTEER_NAMES = 3
_INFLECTIONS = ("es", "s", "en", "n", "e")  # "-hauses" is the head "-haus"


def count(tokens: Iterable[tuple[str, str]], nouns: frozenset[str]) -> tuple[Counter[str], Counter[str]]:
    """Uses of each head among the capitalised words not listed themselves, and their uses as names
    (tags other than O, "deriv" and "part")."""
    uses: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for word, tag in tokens:
        if not word[:1].isupper() or word in nouns:
            continue
        head = compound_head(word, nouns)
        if head is None:
            continue
        uses[head] += 1
        if tag != "O" and not tag.endswith(("deriv", "part")):
            names[head] += 1
    return uses, names


def naming_heads(heads: Iterable[str], gazetteer: Gazetteer) -> set[str]:
    """Heads that end at least :data:`MAX_GAZETTEER_NAMES` words of known places and
    organisations, or name a kind of institution or organisation."""
    words = {w.lower() for name in (*gazetteer.places, *gazetteer.organizations) for w in name.split()}
    by_end: Counter[str] = Counter()
    for word in words:
        for i in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1):
            by_end[word[i:]] += 1
    kinds = (*_GERMAN_KINDS, *_GERMAN_PLACED_HEADS, *GERMAN_INSTITUTION_HEADS, *_INSTITUTION_HEADS["de"])
    kind_ends = tuple(k.lower() for k in kinds)
    naming = set()
    for head in heads:
        low = head.lower()
        forms = {low, *(low[: -len(end)] for end in _INFLECTIONS if low.endswith(end))}
        if any(by_end[f] >= MAX_GAZETTEER_NAMES or f.endswith(kind_ends) for f in forms):
            naming.add(head)
    return naming


def build(data: Path, out: Path) -> dict[str, int]:
    """Write the list; returns counts."""
    path, token_col, tag_col = TRAIN_SPLITS["de"]
    if not (data / path).exists():
        raise FileNotFoundError(f"No GermEval 2014 training split ({path}) under {data}")
    folder = REPO / "resources" / "gazetteer"
    nouns = load_indefinite_nouns(folder)
    if not nouns:
        raise FileNotFoundError("No indefinite_nouns.tsv.gz (python -m tools.build_indefinite_nouns first)")
    uses, names = count(_bio_tokens(data / path, token_col, tag_col), nouns)
    rare = {h for h, n in uses.items() if n >= MIN_USES and names[h] / n <= MAX_NAME_SHARE}
    naming = naming_heads(rare, Gazetteer.load(folder))
    kept = sorted(rare - naming)
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as raw:
        raw.write("".join(f"{h}\t{uses[h]}\t{names[h]}\n" for h in kept).encode("utf-8"))
    return {"heads_seen": len(uses), "rarely_names": len(rare), "naming": len(naming), "kept": len(kept)}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    return run_build(
        argv,
        prog="tools.build_noun_heads",
        description=__doc__,
        out_name="noun_heads.tsv.gz",
        build=lambda args: build(args.data, args.out),
    )


if __name__ == "__main__":
    sys.exit(main())
