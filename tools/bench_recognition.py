"""Recognition speed: model load time and milliseconds per article, as JSON.

    python -m tools.bench_recognition [--data DIR] [--runs N] [--models DIR]

German: the sample briefing in seeds/. English: the first ~600 words of a Wikinews article
(from ``../shared/data/wikinews-en``), when the data folder is there.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from pathlib import Path

from desktop.core import locations
from tools.bench_import import default_data_dir


def english_text(data: Path, words: int = 600) -> str | None:
    """About ``words`` words of English news text, or None without the data."""
    path = data / "wikinews-en" / "wikinews_2019.csv"
    if not path.is_file():
        return None
    csv.field_size_limit(sys.maxsize)
    collected: list[str] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            collected.extend((row.get("text") or row.get("content") or "").split())
            if len(collected) >= words:
                break
    return " ".join(collected[:words]) or None


def measure(language: str, text: str, runs: int, models: Path | None = None) -> dict[str, object]:
    """Load the app's recogniser for ``language`` and time ``runs`` recognitions.

    The first call's cost is split into: importing the libraries (spaCy, numpy; paid once per
    process), loading the knowledge data (gazetteers, word lists; once per process) and loading
    the language's model (weights, vectors, tokenizer; once per language).
    """
    started = time.perf_counter()
    import spacy  # noqa: F401  (the model's tokenizer and subword vectors come from spaCy)

    from desktop.core.entities.knowledge import KnowledgeRecognizer
    from desktop.services.recognition import model_recognizer

    recognizer = model_recognizer(models)
    imported = time.perf_counter()
    if isinstance(recognizer, KnowledgeRecognizer):
        _ = (recognizer.gazetteer, recognizer.stats, recognizer.common_nouns)
    knowledge = time.perf_counter()
    recognizer.recognize("Warm.", language)
    loaded = time.perf_counter()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        spans = recognizer.recognize(text, language)
        times.append(time.perf_counter() - t0)
    return {
        "language": language,
        "words": len(text.split()),
        "entities": len(spans),
        "import_seconds": round(imported - started, 3),
        "knowledge_load_seconds": round(knowledge - imported, 3),
        "model_load_seconds": round(loaded - knowledge, 3),
        "median_ms": round(statistics.median(times) * 1000, 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench_recognition", description=__doc__)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--models", type=Path, default=None, help="models directory (default: shipped)")
    args = parser.parse_args(argv)
    if args.models is not None and not args.models.is_dir():
        parser.error(f"no models directory at {args.models}")
    results = []
    sample = next(iter(sorted(locations.seeds_dir().glob("*.txt"))), None)
    if sample is not None:
        results.append(measure("de", sample.read_text(encoding="utf-8"), args.runs, args.models))
    english = english_text(args.data)
    if english:
        results.append(measure("en", english, args.runs, args.models))
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
