"""Build resources/gazetteer/common_nouns.tsv.gz (German) and common_words_en.tsv.gz (English).

    python -m tools.build_common_nouns [--data DIR] [--out FILE] [--english-out FILE] [--english-only]

German capitalises every noun, so a recogniser sometimes takes a rare noun ("Anpfiff",
"Halbbruder") for a person's name. Names of people almost never follow a determiner ("der",
"eine", "seinen", "mehrere"), nouns very often do. This script counts, in the German Wikipedia
and Klexikon articles (CC BY-SA), how often each capitalised word follows a determiner directly
or through one inflected adjective ("die neue Regierung"), and keeps the words seen 3+ times
with a determiner share of at least 0.2. Output rows: ``word, occurrences, share`` (gzip TSV).
The threshold was chosen on GermEval 2014 dev (single-word person spans, micro F1).

Two kinds of words that rarely follow a determiner are added (chosen on GermEval 2014 train and
dev single-word names, which they must almost never hit; known names, name parts of people and US
census surnames are left out):

- compounds seen 2+ times whose last part is a listed noun of 4+ letters and no usual end of a name
  ("-land", "-mann"), and whose first part is a listed noun of 3 letters ("Eis|warnung"), or a word
  running text writes in lower case (an adjective, or a verb's stem: "Rot|wein", "Heiz|kessel"), but
  no function word ("Unter|..."), and none used as a place's name ("in Unterfranken") or ending in
  a known place's; compounds of two longer nouns are recognised at run time;
- words capitalised only at a sentence's start (imperatives and adjectives: "Lasst", "Zweifelhaft"):
  written in lower case 5+ times and capitalised inside a sentence at most a fifth as often.

English (``--english-out``, resources/gazetteer/common_words_en.tsv.gz): English writes common
words in lower case, so a word that running text writes in lower case far more often than
capitalised inside a sentence ("vaccine", "rainfall", "casino") is no name when a recogniser
proposes it alone. Counted in the English training splits (CrossNER train of all five domains,
MIT; UNER English EWT train, CC BY-SA 4.0; Re-DocRED dev, MIT, Wikipedia text CC BY-SA),
NTREX-128's English news (CC BY-SA 4.0) and English Wikinews 2019-2020 (CC BY 2.5; the articles
of the actor gold in tests/data/actors are skipped): words seen in lower case 5+ times with a lower-case
share of at least 0.9 among lower-case and non-initial capitalised uses. Output rows:
``Word, lower-case uses, share``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.news_fixes import NAME_TAILS
from tools import ntrex_docs
from tools.build_gazetteer import REPO
from tools.list_builds import GAZETTEER, run_build

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
MIN_COMPOUND_COUNT = 2
MIN_MODIFIER = 3
MIN_HEAD = 4
MIN_LOWER_MODIFIER = 20  # lower-case uses of a first part that is no noun ("rot")
MIN_LOWER_STEM = 10  # lower-case uses of the infinitive of a verb stem of 4+ letters ("heizen")
MAX_LOWER_MODIFIER = 3000  # more frequent lower-case words are function words ("unter", "sie")
MIN_LOWER_ONLY = 5
MAX_INNER_CAPITAL_SHARE = 0.2
MAX_PLACE_SHARE = 0.2  # a compound this often right after "in" or "nach" names a place ("Unterfranken")
_PLACE_PREPOSITIONS = frozenset({"in", "nach", "aus", "am"})
_SENTENCE_START = frozenset('.!?:;"„“”»«(-–—')


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


def case_counts(paths: list[Path]) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str]]:
    """Lower-case words; capitalised words inside sentences, at their start, and right after a
    preposition that places take without an article ("in", "nach", "aus", "am")."""
    lower: Counter[str] = Counter()
    inner: Counter[str] = Counter()
    start: Counter[str] = Counter()
    placed: Counter[str] = Counter()
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                prev = "."
                for tok in _TOKEN.findall(json.loads(line).get("text") or ""):
                    if tok.isalpha():
                        if tok.islower():
                            lower[tok] += 1
                        elif tok[:1].isupper() and tok[1:].islower():
                            (start if prev in _SENTENCE_START else inner)[tok] += 1
                            placed[tok] += prev in _PLACE_PREPOSITIONS
                    prev = tok
    return lower, inner, start, placed


def _lower_word(part: str, lower: Counter[str]) -> bool:
    """An adjective or a verb's stem that running text writes in lower case, no function word."""
    word = part.lower()
    if MIN_LOWER_MODIFIER <= lower[word] <= MAX_LOWER_MODIFIER:
        return True
    return len(word) >= MIN_HEAD and any(lower[word + end] >= MIN_LOWER_STEM for end in ("en", "n"))


def compound_nouns(
    total: Counter[str],
    nouns: set[str],
    lower: Counter[str],
    placed: Counter[str],
    is_name: Callable[[str], bool],
    is_place: Callable[[str], bool],
) -> list[str]:
    """Words seen 2+ times made of a first part (noun or lower-case word) and a listed noun; none
    that ends in a known place's name or is used as a place's name ("in Unterfranken").
    """
    found = []
    for word, n in total.items():
        if n < MIN_COMPOUND_COUNT or word in nouns or not word.isalpha() or not word[1:].islower():
            continue
        if placed[word] >= MAX_PLACE_SHARE * n:
            continue
        ends = (word[cut].upper() + word[cut + 1 :] for cut in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1))
        if any(is_place(end) for end in ends):
            continue
        for cut in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1):
            first, head = word[:cut], word[cut].upper() + word[cut + 1 :]
            bare = head[:-2] if head.endswith("es") else head[:-1] if head.endswith("s") else head
            if head in NAME_TAILS or bare in NAME_TAILS or head not in nouns:
                continue
            # two nouns of 4+ letters each are found at run time (news_fixes.drop_noun_compounds)
            short_noun = len(first) < MIN_HEAD and first in nouns and not is_name(first)
            if short_noun or _lower_word(first, lower):
                if not is_name(word):
                    found.append(word)
                break
    return found


def sentence_start_words(
    lower: Counter[str], inner: Counter[str], start: Counter[str], is_name: Callable[[str], bool]
) -> list[str]:
    """Words capitalised only at a sentence's start ("Lasst"): no noun, no name."""
    return [
        word
        for word in start
        if len(word) >= MIN_MODIFIER
        and lower[word.lower()] >= MIN_LOWER_ONLY
        and inner[word] <= MAX_INNER_CAPITAL_SHARE * lower[word.lower()]
        and not is_name(word)
    ]


ENGLISH_MIN_LOWER = 5
ENGLISH_MIN_SHARE = 0.9
_SENTENCE_OPENERS = frozenset(".!?:;\"“”‘’'([-–—")


def english_sentences(data: Path) -> Iterator[list[str]]:
    """Token lists of the English text the statistic is counted on (missing corpora: skipped)."""
    from tools import ner_data as nd
    from tools import ner_data_en as en

    readers: list[tuple[str, Callable[[Path], Iterator[nd.Sentence]]]] = [
        ("uner-en-ewt/en_ewt-ud-train.DRAFT-2022-12-02.iob2.gz", nd.read_uner),
        ("re-docred/dev_revised.json.gz", en.read_redocred),
        *((f"crossner/{domain}/train.txt", en.read_crossner) for domain in _CROSSNER_DOMAINS),
    ]
    for rel, reader in readers:
        if (data / rel).exists():
            yield from (sent.tokens for sent in reader(data / rel))
    news = data / "ntrex128-news" / "newstest2019-src.eng.txt"
    if news.exists():
        lines = ntrex_docs.ntrex_lines(news, ntrex_docs.gold_documents())
        yield from (_TOKEN.findall(line) for line in lines)
    held_out = gold_article_sources()
    for path in sorted((data / "wikinews-en").glob("wikinews_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("url", "").rstrip("/").rsplit("/", 1)[-1] not in held_out:
                    yield _TOKEN.findall(row.get("text") or "")


def gold_article_sources() -> frozenset[str]:
    """Last path parts of the URLs the actor gold's articles come from (never counted)."""
    found: set[str] = set()
    for meta in (REPO / "tests" / "data" / "actors").glob("*/*.json"):
        source = str(json.loads(meta.read_text(encoding="utf-8")).get("source", ""))
        found.update(m.rstrip("/").rsplit("/", 1)[-1] for m in re.findall(r"https?://\S+", source))
    return frozenset(found)


_CROSSNER_DOMAINS = ("politics", "science", "music", "literature", "ai")


def english_counts(sentences: Iterable[list[str]]) -> tuple[Counter[str], Counter[str]]:
    """Lower-case uses of each word, and capitalised uses not at a sentence's start."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for tokens in sentences:
        for i, tok in enumerate(tokens):
            if not tok.isalpha():
                continue
            if tok.islower():
                lower[tok] += 1
            elif i > 0 and tok[:1].isupper() and tok[1:].islower() and tokens[i - 1] not in _SENTENCE_OPENERS:
                capital[tok.lower()] += 1
    return lower, capital


def english_rows(lower: Counter[str], capital: Counter[str]) -> list[tuple[str, int, float]]:
    """(Word, lower-case uses, share) of the words English writes in lower case."""
    rows = []
    for word, n in lower.items():
        share = n / (n + capital[word])
        if n >= ENGLISH_MIN_LOWER and share >= ENGLISH_MIN_SHARE and len(word) >= 2:
            rows.append((word.capitalize(), n, share))
    return sorted(rows)


def build_english(data: Path, out: Path) -> int:
    """Write the English list; returns its row count."""
    rows = english_rows(*english_counts(english_sentences(data)))
    if not rows:
        raise FileNotFoundError(f"No English text under {data}")
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as raw:
        raw.write("".join(f"{w}\t{n}\t{s:.2f}\n" for w, n, s in rows).encode("utf-8"))
    return len(rows)


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
    nouns = {w for w, _, _ in rows}
    lower, inner, start, placed = case_counts(paths)
    is_name, is_place = known_name(data)
    compounds = compound_nouns(total, nouns, lower, placed, is_name, is_place)
    starts = [w for w in sentence_start_words(lower, inner, start, is_name) if w not in nouns]
    for word in {*compounds, *starts} - nouns:
        n = total[word] or start[word]
        rows.append((word, n, after[word] / n))
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as raw:
        raw.write("".join(f"{w}\t{n}\t{s:.2f}\n" for w, n, s in sorted(rows)).encode("utf-8"))
    return {
        "capitalised_words": len(total),
        "nouns": len(rows),
        "compounds": len(compounds),
        "sentence_start_words": len(starts),
    }


def known_name(data: Path) -> tuple[Callable[[str], bool], Callable[[str], bool]]:
    """Known names (a place, organisation, given name, name part of people or US census surname:
    never listed as a noun), and known places."""
    gazetteer = Gazetteer.load(REPO / "resources" / "gazetteer")
    surnames: set[str] = set()
    census = data / "us-census-1990-names" / "dist.all.last.gz"
    if census.exists():
        with gzip.open(census, "rt", encoding="latin-1") as handle:
            surnames = {line.split(maxsplit=1)[0].lower() for line in handle if line.strip()}

    def is_place(word: str) -> bool:
        return gazetteer.place_or_country(word, language="de") is not None

    def is_name(word: str) -> bool:
        return (
            is_place(word)
            or gazetteer.organization(word) is not None
            or gazetteer.given_names.get(word, 0) > 0
            or word.lower() in gazetteer.person_variants
            or word.lower() in surnames
        )

    return is_name, is_place


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""

    def configure(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--english-out", type=Path, default=GAZETTEER / "common_words_en.tsv.gz")
        parser.add_argument("--english-only", action="store_true", help="build only the English list")

    def run(args: argparse.Namespace) -> dict[str, int]:
        counts = {} if args.english_only else build(args.data, args.out)
        return {**counts, "english_common_words": build_english(args.data, args.english_out)}

    return run_build(
        argv,
        prog="tools.build_common_nouns",
        description=__doc__,
        out_name="common_nouns.tsv.gz",
        build=run,
        configure=configure,
    )


if __name__ == "__main__":
    sys.exit(main())
