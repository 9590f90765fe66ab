"""Evaluate the statistical recogniser on gold NER sets (exact character spans, PER/ORG/LOC).

Usage: ``python -m tools.evaluate_ner [--data DIR] [--sets a,b] [--json] [--via-cli]``

Each gold sentence is turned back into natural text (original text where the corpus has it,
otherwise a spacing heuristic); gold BIO spans become character spans, and predictions of the
recogniser on that text are compared by exact (start, end, type). Only PER/ORG/LOC count.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.core.entities.recognizer import Recognizer
from tools import ner_data as nd

TYPE_LABELS = {"person": "PER", "organization": "ORG", "location": "LOC"}
Span = tuple[int, int, str]


@dataclass(frozen=True)
class GoldSet:
    """A gold evaluation set: its language, file (relative to the data dir) and reader."""

    lang: str
    path: str
    reader: Callable[[Path], Iterator[nd.Sentence]]


SETS: dict[str, GoldSet] = {
    "germeval-test": GoldSet(
        "de", "germeval2014/NER-de-test.tsv", lambda p: nd.read_germeval_tsv(p, nd.GERMEVAL_EVAL_MAP)
    ),
    "germeval-dev": GoldSet(
        "de", "germeval2014/NER-de-dev.tsv", lambda p: nd.read_germeval_tsv(p, nd.GERMEVAL_EVAL_MAP)
    ),
    "uner-de-pud": GoldSet("de", "uner-de-pud/de_pud-ud-test.iob2", nd.read_uner),
    "uner-en-pud": GoldSet("en", "uner-en-pud/en_pud-ud-test.iob2", nd.read_uner),
    "uner-en-ewt-dev": GoldSet("en", "uner-en-ewt/en_ewt-ud-dev.iob2", nd.read_uner),
    "wikigold": GoldSet("en", "wikigold/wikigold.conll.txt", nd.read_wikigold),
    # further English development sets (Wikipedia, Wikinews): for choices, like the two dev sets above
    "crossner-politics-dev": GoldSet("en", "crossner/politics/dev.txt", lambda p: _crossner(p)),
    "gum-dev": GoldSet("en", "gum-permissive/gum-permissive-dev.conllu.gz", lambda p: _gum(p)),
}


def _crossner(path: Path) -> Iterator[nd.Sentence]:
    from tools.ner_data_en import read_crossner

    return read_crossner(path)


def _gum(path: Path) -> Iterator[nd.Sentence]:
    from tools.ner_data_en import harmonise_gpe, read_gum

    return iter(harmonise_gpe(list(read_gum(path))))


DEFAULT_SETS = ("germeval-test", "uner-de-pud", "uner-en-pud", "wikigold")


@dataclass
class Example:
    """One sentence as text with its gold character spans."""

    text: str
    gold: set[Span]
    n_tokens: int


def load_examples(gold: GoldSet, data: Path) -> list[Example]:
    """Read a gold set and convert it to text + character spans."""
    examples = []
    for sent in gold.reader(data / gold.path):
        text, offsets = nd.detokenize(sent.tokens, nd.sentence_spaces(sent))
        spans = {(offsets[s][0], offsets[e - 1][1], lab) for s, e, lab in nd.bio_to_spans(sent.tags)}
        examples.append(Example(text, {sp for sp in spans if sp[2] in nd.CORE_LABELS}, len(sent.tokens)))
    return examples


def make_recognizer(models: Path | None, raw: bool) -> Recognizer:
    """The app's recogniser (model + knowledge layer), or with ``raw`` the bare statistical model."""
    from desktop.core.entities.statistical import StatisticalRecognizer
    from desktop.services.recognition import model_recognizer

    if raw:
        return StatisticalRecognizer(models)
    return model_recognizer(models)


def predict_in_process(texts: list[str], lang: str, recognizer: Recognizer, raw: bool) -> list[set[Span]]:
    """Recognise each sentence as the CLI does (``entities --jsonl``: one text per line)."""
    from desktop.services.entities_cli import entities_of

    preds: list[set[Span]] = []
    for text in texts:
        spans = recognizer.recognize(text, lang) if raw else entities_of(text, lang, recognizer)
        preds.append({(s.start, s.end, TYPE_LABELS[s.type]) for s in spans if s.type in TYPE_LABELS})
    return preds


def predict_via_cli(texts: list[str], lang: str) -> list[set[Span]]:
    """Pipe the sentences through ``python -m desktop entities --jsonl``."""
    lines = "".join(json.dumps({"text": t, "language": lang}, ensure_ascii=False) + "\n" for t in texts)
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "entities", "--jsonl"],
        input=lines,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"The CLI failed (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")
    out = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    if len(out) != len(texts):
        raise SystemExit(f"The CLI returned {len(out)} lines for {len(texts)} inputs.")
    preds = []
    for row in out:
        ents = row.get("entities", [])
        preds.append(
            {(e["start"], e["end"], TYPE_LABELS[e["type"]]) for e in ents if e.get("type") in TYPE_LABELS}
        )
    return preds


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall, F1 and counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def score(examples: list[Example], preds: list[set[Span]]) -> dict[str, dict[str, float | int]]:
    """Per-type and micro scores over exact (start, end, type) spans."""
    counts = {lab: [0, 0, 0] for lab in nd.CORE_LABELS}
    for ex, pred in zip(examples, preds, strict=True):
        for lab in nd.CORE_LABELS:
            g = {s for s in ex.gold if s[2] == lab}
            p = {s for s in pred if s[2] == lab}
            counts[lab][0] += len(g & p)
            counts[lab][1] += len(p - g)
            counts[lab][2] += len(g - p)
    result = {lab: prf(*c) for lab, c in counts.items()}
    result["micro"] = prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return result


def evaluate(
    name: str, data: Path, via_cli: bool, models: Path | None, raw: bool = False
) -> dict[str, object]:
    """Evaluate one named set; return its scores and speed."""
    gold = SETS[name]
    examples = load_examples(gold, data)
    texts = [ex.text for ex in examples]
    recognizer = make_recognizer(models, raw)
    if not via_cli:  # load outside the timed part
        recognizer.recognize("Aufwärmen in Berlin.", gold.lang)
    t0 = time.perf_counter()
    preds = (
        predict_via_cli(texts, gold.lang)
        if via_cli
        else predict_in_process(texts, gold.lang, recognizer, raw)
    )
    seconds = time.perf_counter() - t0
    n_tokens = sum(ex.n_tokens for ex in examples)
    return {
        "set": name,
        "language": gold.lang,
        "sentences": len(examples),
        "tokens": n_tokens,
        "tokens_per_second": round(n_tokens / seconds) if seconds else 0,
        "pipeline": "cli" if via_cli else "model" if raw else "app",
        "scores": score(examples, preds),
    }


def format_table(results: list[dict[str, object]]) -> str:
    """Plain-text table of the results."""
    lines = [f"{'set':<16} {'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'tok/s':>8}"]
    for res in results:
        scores: dict = res["scores"]  # type: ignore[assignment]
        for lab in (*nd.CORE_LABELS, "micro"):
            s = scores[lab]
            speed = str(res["tokens_per_second"]) if lab == "micro" else ""
            lines.append(
                f"{res['set']:<16} {lab:<6} {s['p']:>6.3f} {s['r']:>6.3f} {s['f']:>6.3f} "
                f"{s['tp'] + s['fn']:>6} {speed:>8}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=nd.default_data_dir())
    parser.add_argument(
        "--sets", default=",".join(DEFAULT_SETS), help=f"comma-separated, from: {', '.join(SETS)}"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--via-cli", action="store_true", help="use `python -m desktop entities --jsonl`")
    parser.add_argument("--models", type=Path, default=None, help="models directory (default: shipped)")
    parser.add_argument(
        "--raw", action="store_true", help="the bare statistical model, without the knowledge layer"
    )
    args = parser.parse_args(argv)
    names = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = [n for n in names if n not in SETS]
    if unknown:
        print(f"Unknown set(s): {', '.join(unknown)}; choose from {', '.join(SETS)}.", file=sys.stderr)
        return 2
    try:
        results = [evaluate(n, args.data, args.via_cli, args.models, args.raw) for n in names]
    except nd.CorpusError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(json.dumps(results, indent=2) if args.json else format_table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
