"""Quote finding speed on real news: milliseconds per article and per 500 words (JSON).

    python -m tools.bench_quotes [--data DIR] [--limit N] [--repeat N]

Reads German articles from 10kGNAD's test split and English ones from Wikinews, runs the
app's recogniser and actor linking once per article (timed too, as the bulk of an import),
then times ``find_quotes`` alone, ``--repeat`` times per article, after one warm-up call that
loads the word lists. Prints milliseconds per article and per 500 words for quote finding
(wall clock, and CPU time of this process, which a busy machine distorts less), its cost
relative to recognition plus linking, and the one-time loading cost.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from desktop.core.entities.gazetteer import default_gazetteer
from desktop.core.entities.linking import link_mentions
from desktop.core.quotes import find_quotes
from tools.bench_import import default_data_dir, gnad_articles


def wikinews_articles(folder: Path, limit: int) -> Iterator[str]:
    """Title and text of Wikinews rows, shortest first skipped: only articles of 100+ words."""
    csv.field_size_limit(sys.maxsize)
    count = 0
    for path in sorted(folder.glob("wikinews_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                text = f"{row['title']}\n\n{row['text'].strip()}"
                if len(text.split()) < 100 or count >= limit:
                    continue
                count += 1
                yield text


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench_quotes", description=__doc__)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--limit", type=int, default=100, help="articles per language")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    from desktop.services.recognition import model_recognizer

    corpus = [("de", t) for t in gnad_articles(args.data / "10kgnad" / "test.csv", args.limit)]
    corpus += [("en", t) for t in wikinews_articles(args.data / "wikinews-en", args.limit)]
    if not corpus:
        print("no articles found under " + str(args.data), file=sys.stderr)
        return 1
    recognizer, gazetteer = model_recognizer(), default_gazetteer()
    started = time.perf_counter()
    find_quotes("Er sagte, es sei gut.", "de", [])
    find_quotes("He said it was good.", "en", [])
    loading = time.perf_counter() - started
    prepared = []
    pipeline = 0.0
    for language, text in corpus:
        started = time.perf_counter()
        actors = link_mentions(text, language, recognizer.recognize(text, language), gazetteer=gazetteer)
        pipeline += time.perf_counter() - started
        prepared.append((language, text, actors))
    statements = 0
    started, started_cpu = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        for language, text, actors in prepared:
            statements += len(find_quotes(text, language, actors))
    quoting = (time.perf_counter() - started) / args.repeat
    quoting_cpu = (time.process_time() - started_cpu) / args.repeat
    words = sum(len(text.split()) for _l, text, _a in prepared)
    figures = {
        "articles": len(prepared),
        "words": words,
        "statements_per_article": round(statements / args.repeat / len(prepared), 2),
        "quotes_ms_per_article": round(1000 * quoting / len(prepared), 3),
        "quotes_ms_per_500_words": round(1000 * quoting / words * 500, 3),
        "quotes_cpu_ms_per_500_words": round(1000 * quoting_cpu / words * 500, 3),
        "recognition_and_linking_ms_per_article": round(1000 * pipeline / len(prepared), 1),
        "quotes_share_of_recognition_and_linking": round(quoting / pipeline, 4) if pipeline else None,
        "word_lists_loading_ms": round(1000 * loading, 1),
    }
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
