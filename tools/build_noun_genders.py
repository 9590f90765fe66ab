"""Build resources/gazetteer/noun_genders.tsv.gz (the grammatical gender of German nouns) and
german_adjectives.tsv.gz (German adjectives as they stand before a noun).

    python -m tools.build_noun_genders [--data DIR] [--out FILE]

The linker turns a German name seen after an inflecting determiner into its nominative ("im
Roten Kreuz" -> "Rotes Kreuz", "der Kleinen Zeitung" -> "Kleine Zeitung"), and the adjective's
ending depends on the head noun's gender, which its suffix tells only for some nouns ("-ung",
"-ium"). This script reads the gender off German Wikipedia and Klexikon text (CC BY-SA): the
indefinite article before a noun, directly or through one inflected adjective, says it ("eine" and
"einer": feminine; "einen": masculine), and so does "das" (neuter). A noun is listed with the gender
that has at least :data:`MIN_EVIDENCE` uses and :data:`MIN_RATIO` times the uses of the other two
(a compound's head then gives the compound's gender: "Walsertal" is neuter like "Tal"). Output
rows: ``noun, gender, masculine uses, feminine uses, neuter uses`` (gzip TSV).

The same text gives the adjectives: lower-case words in -e, -en, -er, -es or -em between a
determiner and a capitalised noun ("der vereinigten Streitkräfte"), seen at least
:data:`MIN_ADJECTIVE_USES` times. The linker declines only such words before a name's head, so a
noun before it stays ("der Kronen Zeitung": "kronen" is never an adjective). Output rows:
``form, uses`` (gzip TSV, next to the genders' file).
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from tools.build_indefinite_nouns import RAW_TEXT, article_texts
from tools.list_builds import run_build

MIN_EVIDENCE = 3
MIN_ADJECTIVE_USES = 2
ADJECTIVES = "german_adjectives.tsv.gz"
_DETERMINERS = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "im", "am",
     "vom", "zum", "zur", "beim"}
)  # fmt: skip
MIN_RATIO = 4
_CUES = {"einen": "m", "eine": "f", "einer": "f", "das": "n"}
_TOKEN = re.compile(r"[^\W\d_][\w\-]*|\S")
_ADJ_ENDINGS = ("e", "en", "er", "es", "em")


def count(texts: Iterable[str]) -> dict[str, Counter[str]]:
    """Per capitalised word, its uses after each cue, directly or through one adjective."""
    found: dict[str, Counter[str]] = {}
    for text in texts:
        prev1 = prev2 = ""
        for tok in _TOKEN.findall(text):
            if tok[:1].isupper() and tok[1:].islower():
                cue = _CUES.get(prev1.lower())
                if cue is None and prev1[:1].islower() and prev1.endswith(_ADJ_ENDINGS):
                    cue = _CUES.get(prev2.lower())
                if cue is not None:
                    found.setdefault(tok, Counter())[cue] += 1
            prev2, prev1 = prev1, tok
    return found


def adjectives(texts: Iterable[str]) -> Counter[str]:
    """Lower-case words with an adjective's ending between a determiner and a capitalised word."""
    found: Counter[str] = Counter()
    for text in texts:
        prev2 = prev1 = ""
        for tok in _TOKEN.findall(text):
            if (
                tok[:1].isupper()
                and prev1[:1].islower()
                and prev1.isalpha()
                and prev1.endswith(_ADJ_ENDINGS)
                and prev2.lower() in _DETERMINERS
            ):
                found[prev1] += 1
            prev2, prev1 = prev1, tok
    return found


def gender(uses: Counter[str]) -> str | None:
    """The gender the uses show clearly, if any."""
    for kind in ("m", "f", "n"):
        others = sum(n for k, n in uses.items() if k != kind)
        if uses[kind] >= MIN_EVIDENCE and uses[kind] >= MIN_RATIO * others:
            return kind
    return None


def rows(found: dict[str, Counter[str]]) -> list[tuple[str, str, int, int, int]]:
    """(noun, gender, m, f, n) of the nouns whose gender the uses show clearly."""
    out = []
    for word, uses in found.items():
        kind = gender(uses)
        if kind is not None:
            out.append((word, kind, uses["m"], uses["f"], uses["n"]))
    return sorted(out)


def build(data: Path, out: Path) -> dict[str, int]:
    """Write the list; returns counts."""
    paths = sorted(data.glob(RAW_TEXT))
    if not paths:
        raise FileNotFoundError(f"No German raw text ({RAW_TEXT}) under {data}")
    found = count(article_texts(paths))
    listed = rows(found)
    forms = sorted((w, n) for w, n in adjectives(article_texts(paths)).items() if n >= MIN_ADJECTIVE_USES)
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as raw:
        raw.write("".join(f"{w}\t{g}\t{m}\t{f}\t{n}\n" for w, g, m, f, n in listed).encode("utf-8"))
    with gzip.GzipFile(out.parent / ADJECTIVES, "wb", compresslevel=9, mtime=0) as raw:
        raw.write("".join(f"{w}\t{n}\n" for w, n in forms).encode("utf-8"))
    return {"nouns_seen": len(found), "listed": len(listed), "adjective_forms": len(forms)}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    return run_build(
        argv,
        prog="tools.build_noun_genders",
        description=__doc__,
        out_name="noun_genders.tsv.gz",
        build=lambda args: build(args.data, args.out),
    )


if __name__ == "__main__":
    sys.exit(main())
