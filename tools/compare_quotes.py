"""Every statement the quote finder reports on real news, saved or compared with a saved run.

    python -m tools.compare_quotes [--data DIR] [--german N] [--english N] [--with-actors N] --save FILE
    python -m tools.compare_quotes [--data DIR] --compare FILE

Reads German articles from 10kGNAD's test split and English ones from Wikinews (as an import
reads them), links the actors of the first ``--with-actors`` articles of each language with the
app's recogniser (the rest get none, as an import without recognition), and runs
``find_quotes`` on each. ``--save`` writes the inputs' hashes, the actors and every statement
(all fields of each found quote) as JSON; ``--compare`` runs the finder again on the same texts
with the saved actors (so a change of recognition does not count) and reports every statement
found only before or only after: a change meant only to make quote finding faster must give 0.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from desktop.core.ingest import load_text
from desktop.core.quotes import find_quotes
from desktop.core.types import EntitySpan, FoundQuote, LinkedActor
from tools.bench_import import default_data_dir, gnad_articles, gnad_document
from tools.bench_quotes import wikinews_articles

Statement = tuple[Any, ...]  # (article, start, end, kind, cue_start, cue_end, speaker, ...)
_FIELDS = [f.name for f in dataclasses.fields(FoundQuote)]


def articles(data: Path, german: int, english: int) -> list[tuple[str, str]]:
    """(language, text as imported) of the articles compared."""
    gnad = data / "10kgnad" / "test.csv"
    wikinews = data / "wikinews-en"
    if not gnad.is_file() or not wikinews.is_dir():
        raise SystemExit(f"compare_quotes: 10kgnad/test.csv or wikinews-en not found under {data}")
    texts: list[tuple[str, str]] = []
    for text in gnad_articles(gnad, german):
        document = gnad_document(text)
        texts.append((document.language, document.text))
    for text in wikinews_articles(wikinews, english):
        document = load_text(text)
        texts.append((document.language, document.text))
    return texts


def actor_json(actor: LinkedActor) -> dict[str, object]:
    """A linked actor as JSON."""
    return dataclasses.asdict(actor)


def actor_from_json(raw: dict[str, Any]) -> LinkedActor:
    """The linked actor :func:`actor_json` wrote."""
    mentions = tuple(EntitySpan(**m) for m in raw["mentions"])
    return LinkedActor(
        raw["key"], raw["name"], raw["type"], tuple(raw["aliases"]), tuple(raw["roles"]), mentions
    )


def link_actors(texts: Sequence[tuple[str, str]], with_actors: int) -> list[list[LinkedActor]]:
    """The actors of the first ``with_actors`` texts of each language (none for the rest)."""
    from desktop.core.entities.gazetteer import default_gazetteer
    from desktop.core.entities.linking import link_mentions
    from desktop.services.recognition import model_recognizer

    recognizer = model_recognizer(workers=1) if with_actors > 0 else None
    gazetteer = default_gazetteer()
    seen: dict[str, int] = {}
    linked: list[list[LinkedActor]] = []
    for language, text in texts:
        seen[language] = seen.get(language, 0) + 1
        if recognizer is None or seen[language] > with_actors:
            linked.append([])
            continue
        spans = recognizer.recognize(text, language)
        linked.append(link_mentions(text, language, spans, gazetteer=gazetteer) if spans else [])
    return linked


def statements(texts: Sequence[tuple[str, str]], actors: Sequence[Sequence[LinkedActor]]) -> list[Statement]:
    """(article, every field of the found quote) of every statement found."""
    found: list[Statement] = []
    for index, ((language, text), linked) in enumerate(zip(texts, actors, strict=True)):
        for quote in find_quotes(text, language, linked):
            found.append((index, *(getattr(quote, name) for name in _FIELDS)))
    return found


def differences(before: Iterable[Statement], after: Iterable[Statement]) -> dict[str, object]:
    """Statements only in one of the runs, counted and listed (a few)."""
    old, new = set(before), set(after)
    return {
        "statements_before": len(old),
        "statements_after": len(new),
        "only_before": len(old - new),
        "only_after": len(new - old),
        "examples_only_before": sorted(old - new, key=repr)[:10],
        "examples_only_after": sorted(new - old, key=repr)[:10],
    }


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m tools.compare_quotes", description=__doc__)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--german", type=int, default=None, help="10kGNAD test articles (default: all)")
    parser.add_argument("--english", type=int, default=500, help="Wikinews articles")
    parser.add_argument("--with-actors", type=int, default=100, help="articles per language with actors")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the inputs and statements to this JSON file")
    group.add_argument("--compare", type=Path, help="compare with a file written before")
    args = parser.parse_args(argv)
    if args.save is not None:
        texts = articles(args.data, args.german, args.english)
        actors = link_actors(texts, args.with_actors)
        found = statements(texts, actors)
        saved = {
            "german": args.german,
            "english": args.english,
            "texts": [_digest(text) for _l, text in texts],
            "actors": [[actor_json(a) for a in linked] for linked in actors],
            "statements": [list(s) for s in found],
        }
        args.save.write_text(json.dumps(saved), encoding="utf-8")
        print(f"{len(found)} statements of {len(texts)} articles written to {args.save}")
        return 0
    saved = json.loads(args.compare.read_text(encoding="utf-8"))
    texts = articles(args.data, saved["german"], saved["english"])
    if [_digest(text) for _l, text in texts] != saved["texts"]:
        print("compare_quotes: the articles read differ from the saved run's", file=sys.stderr)
        return 2
    actors = [[actor_from_json(a) for a in linked] for linked in saved["actors"]]
    started = time.process_time()
    found = statements(texts, actors)
    report = differences([tuple(s) for s in saved["statements"]], found)
    report["articles"] = len(texts)
    report["articles_with_actors"] = sum(1 for linked in actors if linked)
    report["finder_cpu_seconds"] = round(time.process_time() - started, 2)
    print(json.dumps(report, indent=2))
    return 0 if report["only_before"] == report["only_after"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
