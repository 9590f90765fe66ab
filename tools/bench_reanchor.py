"""How well annotations survive corrected news: right, fuzzy, orphaned, silently wrong (JSON).

    python -m tools.bench_reanchor [--data DIR] [--cases 1000] [--seed 14] [--json]

Takes real article texts (German 10kGNAD test split, English Wikinews 2019/2020; 10kGNAD rows
are one block: the teaser becomes the title, every three sentences a paragraph), highlights a
passage in each as a reader would (a sentence, a phrase, two or three sentences, a repeated
name), edits the text the way news
corrections do (see :mod:`tools.reanchor_edits`) and re-anchors the highlight with
:func:`desktop.core.anchoring.reanchor`. Each case is judged against the passage's true place:

- right: an unchanged passage found exactly where it now is ("exact"/"moved"); a changed one
  found there and flagged "fuzzy"; a deleted one "orphaned".
- fuzzy: flagged for a check but not right (an unchanged passage called fuzzy, or a fuzzy
  match at a wrong place): the user is asked, nothing is silently wrong.
- orphaned: the passage still exists but was not found (the user re-attaches it).
- silently wrong: "exact"/"moved" at a wrong place, or a fuzzy-free answer for a deleted passage.

Goals: at least 99.5 % right for edits outside the passage, at most 1 % silently wrong overall.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from desktop.core.anchoring import Anchor, make_quote, reanchor
from desktop.core.sentences import sentence_spans
from tools.bench_import import default_data_dir, gnad_articles
from tools.bench_quotes import wikinews_articles
from tools.reanchor_edits import WHERE, Case, make_case

OUTCOMES = ("right", "fuzzy", "orphaned", "silently_wrong")
#: A fuzzy match may start or end this many characters off the true place (a space, a comma).
FUZZY_SLACK = 3


def corpus(data: Path, limit: int) -> list[tuple[str, str]]:
    """(language, text) of real articles; 10kGNAD texts get a paragraph break every 3 sentences."""
    texts: list[tuple[str, str]] = []
    if not (data / "10kgnad" / "test.csv").is_file() or not (data / "wikinews-en").is_dir():
        raise SystemExit(f"bench_reanchor: {data} lacks 10kgnad/test.csv or wikinews-en/ (give --data DIR)")
    for text in gnad_articles(data / "10kgnad" / "test.csv", limit):
        spans = sentence_spans(text)
        if len(spans) < 2:
            continue
        groups = [spans[i : i + 3] for i in range(1, len(spans), 3)]
        body = "\n\n".join(text[g[0][0] : g[-1][1]] for g in groups)
        texts.append(("de", text[spans[0][0] : spans[0][1]] + "\n\n" + body))  # the teaser as title
    texts += [("en", t) for t in wikinews_articles(data / "wikinews-en", limit)]
    return texts


def judge(case: Case, anchor: Anchor) -> str:
    """The outcome of one re-anchoring (see the module docstring)."""
    if case.expected is None:
        if anchor.status == "orphaned":
            return "right"
        return "fuzzy" if anchor.status == "fuzzy" else "silently_wrong"
    x, y = case.expected
    unchanged = case.new[x:y] == case.old[case.start : case.end]
    if anchor.status == "orphaned":
        return "orphaned"
    at_place = (anchor.start, anchor.end) == (x, y)
    near_place = abs(anchor.start - x) <= FUZZY_SLACK and abs(anchor.end - y) <= FUZZY_SLACK
    if anchor.status in ("exact", "moved"):
        return "right" if at_place and unchanged else "silently_wrong"
    return "right" if near_place and not unchanged else "fuzzy"


def run(data: Path, cases: int, seed: int) -> dict[str, Any]:
    """Draw ``cases`` cases, spread evenly over the edit kinds, and tally the outcomes."""
    rng = random.Random(seed)
    texts = corpus(data, 2000)
    if not texts:
        raise SystemExit(f"no articles found under {data}")
    kinds = [k for k in WHERE if k != "quotes_normalised_inside"]
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[dict[str, Any]]] = defaultdict(list)
    seconds = 0.0
    made = attempts = 0
    while made < cases and attempts < cases * 50:
        attempts += 1
        kind = kinds[made % len(kinds)]
        language, text = rng.choice(texts)
        case = make_case(kind, text, language, rng)
        if case is None or case.new == case.old:
            continue
        made += 1
        quote = make_quote(case.old, case.start, case.end)
        began = time.perf_counter()
        anchor = reanchor(case.new, quote, case.start, case.end)
        seconds += time.perf_counter() - began
        outcome = judge(case, anchor)
        tally[case.kind][outcome] += 1
        if outcome != "right" and len(examples[case.kind]) < 3:
            examples[case.kind].append(
                {
                    "outcome": outcome,
                    "status": anchor.status,
                    "quote": quote.exact[:120],
                    "found": case.new[anchor.start : anchor.end][:120],
                }
            )
    return report(tally, made, seconds, examples)


def _share(part: int, whole: int) -> float:
    return round(100 * part / whole, 2) if whole else 0.0


def report(
    tally: dict[str, Counter[str]], cases: int, seconds: float, examples: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """Figures per edit kind, per group (outside, inside, deleted) and overall."""
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for kind, counts in tally.items():
        groups[WHERE[kind]].update(counts)
    total: Counter[str] = Counter()
    for counts in tally.values():
        total.update(counts)

    def row(counts: Counter[str]) -> dict[str, Any]:
        n = sum(counts.values())
        return {"n": n, **{o: counts[o] for o in OUTCOMES}, "right_%": _share(counts["right"], n)}

    outside = groups["outside"]
    return {
        "cases": cases,
        "ms_per_case": round(1000 * seconds / cases, 2) if cases else 0.0,
        "by_kind": {k: row(tally[k]) for k in WHERE if k in tally},
        "by_group": {g: row(c) for g, c in sorted(groups.items())},
        "overall": row(total),
        "goals": {
            "outside_right_%": _share(outside["right"], sum(outside.values())),
            "outside_right_goal_%": 99.5,
            "silently_wrong_%": _share(total["silently_wrong"], cases),
            "silently_wrong_goal_%": 1.0,
        },
        "examples": dict(examples),
    }


def _table(result: dict[str, Any]) -> str:
    lines = [f"{'edit':<26}{'n':>5}{'right':>7}{'fuzzy':>7}{'orph.':>7}{'wrong':>7}{'right %':>9}"]
    for name, r in [*result["by_kind"].items(), *(("= " + g, r) for g, r in result["by_group"].items())]:
        lines.append(
            f"{name:<26}{r['n']:>5}{r['right']:>7}{r['fuzzy']:>7}{r['orphaned']:>7}"
            f"{r['silently_wrong']:>7}{r['right_%']:>9}"
        )
    g = result["goals"]
    lines.append(
        f"outside right {g['outside_right_%']} % (goal ≥ 99.5), silently wrong {g['silently_wrong_%']} % "
        f"(goal ≤ 1), {result['ms_per_case']} ms per re-anchoring"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench_reanchor", description=__doc__)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = run(args.data, args.cases, args.seed)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(_table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
