"""Entity spans of the app's recogniser on 10kGNAD articles, saved or compared with a saved run.

    python -m tools.compare_recognition [--data DIR] [--limit N] --save FILE
    python -m tools.compare_recognition [--data DIR] [--limit N] [--group K] --compare FILE

Runs the shipped models with the knowledge layer (what an import uses) on the first N articles
of 10kGNAD's test split and writes every span (article, start, end, type) as JSON, or reports
how many spans differ from a file written before: a change meant only to make recognition
faster must give 0. With ``--group K`` the recogniser first prepares K articles at a time
together, as an import's worker does (see ``prepare_ahead``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tools.bench_import import default_data_dir, gnad_articles, gnad_document

Span = tuple[int, int, int, str]


def recognise(data: Path, limit: int, group: int = 1) -> list[Span]:
    """(article, start, end, type) of every span the app's recogniser finds (``group`` prepared together)."""
    from desktop.core.entities.recognizer import prepare_ahead
    from desktop.services.recognition import model_recognizer

    csv_path = data / "10kgnad" / "test.csv"
    if not csv_path.is_file():
        raise SystemExit(f"compare_recognition: {csv_path} not found (use --data DIR)")
    recognizer = model_recognizer(workers=1)
    spans: list[Span] = []
    documents = [gnad_document(text) for text in gnad_articles(csv_path, limit)]
    for index, document in enumerate(documents):
        if group > 1 and index % group == 0:
            prepare_ahead(recognizer, [(d.text, d.language) for d in documents[index : index + group]])
        for span in recognizer.recognize(document.text, document.language):
            spans.append((index, span.start, span.end, span.type))
    return spans


def differences(before: list[Span], after: list[Span]) -> dict[str, object]:
    """Spans only in one of the runs, counted and listed (a few)."""
    old, new = set(before), set(after)
    return {
        "spans_before": len(old),
        "spans_after": len(new),
        "only_before": len(old - new),
        "only_after": len(new - old),
        "examples_only_before": sorted(old - new)[:10],
        "examples_only_after": sorted(new - old)[:10],
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m tools.compare_recognition", description=__doc__)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--group", type=int, default=1, help="articles recognised together (default 1)")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the spans to this JSON file")
    group.add_argument("--compare", type=Path, help="compare with spans written before")
    args = parser.parse_args(argv)
    if args.group < 1:
        parser.error("--group must be at least 1")
    spans = recognise(args.data, args.limit, args.group)
    if args.save is not None:
        args.save.write_text(json.dumps([list(s) for s in spans]), encoding="utf-8")
        print(f"{len(spans)} spans of {args.limit} articles written to {args.save}")
        return 0
    before = [(int(a), int(b), int(c), str(d)) for a, b, c, d in json.loads(args.compare.read_text("utf-8"))]
    report = differences(before, spans)
    print(json.dumps(report, indent=2))
    return 0 if report["only_before"] == report["only_after"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
