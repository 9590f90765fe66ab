"""Evaluate quote attribution on hand-annotated real news (the app's full pipeline).

    python -m tools.evaluate_quotes [FOLDER ...] [--details]

Each FOLDER holds one JSON file per article (default: tests/data/quotes/gold), as described
in tests/data/quotes/README.md: the text, its language and the statements a person marked,
each with its message span and its speaker's name (null for anonymous sources). Every
article goes through what an import does: the app's recogniser, actor linking with the
shipped gazetteer, then ``find_quotes``. Gold and found statements match when their message
spans overlap. Printed (JSON):

- ``named_right_share``: of the gold statements with a named speaker, the share that some
  overlapping found statement gives to that speaker (target >= 0.75);
- ``named_wrong_share``: of the found statements given to an actor, the share that no
  overlapping gold statement gives to that actor, including those that match no gold
  statement at all (target <= 0.20);
- the counts behind both, and per article with ``--details``.

A found speaker is the gold speaker when the names are equal after folding (case and
diacritics), when one is an alias of the actor, when both end in the same surname, or when
one name contains the other as whole words ("Ford" / "Ford Motor Company").
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.linking import link_mentions
from desktop.core.entities.recognizer import Recognizer
from desktop.core.quotes import find_quotes
from desktop.core.textfold import fold
from desktop.core.types import FoundQuote, LinkedActor

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO / "tests" / "data" / "quotes" / "gold"


@dataclass(frozen=True)
class GoldStatement:
    """One statement a person marked: message span, kind and speaker name (None: anonymous)."""

    start: int
    end: int
    kind: str
    speaker: str | None


@dataclass(frozen=True)
class GoldArticle:
    """One annotated article."""

    id: str
    language: str
    text: str
    statements: tuple[GoldStatement, ...]


@dataclass
class Tally:
    """Counts for the two figures."""

    gold_statements: int = 0
    gold_named: int = 0
    named_right: int = 0
    found: int = 0
    found_named: int = 0
    found_named_wrong: int = 0
    found_anonymous: int = 0
    found_named_unmatched: int = 0  # given to an actor but no gold statement overlaps
    gold_found: int = 0  # gold statements overlapped by any found statement
    articles: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        for name in ("gold_statements", "gold_named", "named_right", "found", "found_named"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.found_named_wrong += other.found_named_wrong
        self.found_anonymous += other.found_anonymous
        self.found_named_unmatched += other.found_named_unmatched
        self.gold_found += other.gold_found


def load_gold(folders: Iterable[Path]) -> list[GoldArticle]:
    """The annotated articles in ``folders`` (every ``*.json`` file, sorted by name)."""
    articles = []
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            statements = tuple(
                GoldStatement(int(s["start"]), int(s["end"]), str(s["kind"]), s.get("speaker"))
                for s in data["statements"]
            )
            articles.append(
                GoldArticle(str(data.get("id", path.stem)), data["language"], data["text"], statements)
            )
    return articles


def _words(name: str) -> list[str]:
    return fold(name).replace("-", " ").replace(".", " ").split()


def same_speaker(gold: str, actor: LinkedActor) -> bool:
    """Whether the actor is the person or organisation the gold name means."""
    want = _words(gold)
    if not want:
        return False
    for name in (actor.name, *actor.aliases):
        have = _words(name)
        if not have:
            continue
        if have == want or (have[-1] == want[-1] and len(have[-1]) >= 3):
            return True
        shorter, longer = sorted((have, want), key=len)
        n = len(shorter)
        if any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1)):
            return True
    return False


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_article(article: GoldArticle, actors: Sequence[LinkedActor], found: Sequence[FoundQuote]) -> Tally:
    """Compare one article's found statements with its gold ones."""
    tally = Tally(gold_statements=len(article.statements), found=len(found))
    for gold in article.statements:
        overlapping = [q for q in found if _overlaps((gold.start, gold.end), (q.start, q.end))]
        tally.gold_found += bool(overlapping)
        if gold.speaker is None:
            continue
        tally.gold_named += 1
        if any(q.speaker is not None and same_speaker(gold.speaker, actors[q.speaker]) for q in overlapping):
            tally.named_right += 1
    wrong: list[dict[str, Any]] = []
    for quote in found:
        if quote.speaker is None:
            tally.found_anonymous += 1
            continue
        tally.found_named += 1
        actor = actors[quote.speaker]
        golds = [g for g in article.statements if _overlaps((g.start, g.end), (quote.start, quote.end))]
        if not any(g.speaker is not None and same_speaker(g.speaker, actor) for g in golds):
            tally.found_named_wrong += 1
            tally.found_named_unmatched += not golds
            wrong.append({"message": article.text[quote.start : quote.end][:80], "speaker": actor.name})
    tally.articles.append(
        {
            "id": article.id,
            "gold_named": tally.gold_named,
            "named_right": tally.named_right,
            "found_named": tally.found_named,
            "found_named_wrong": tally.found_named_wrong,
            "wrong": wrong,
        }
    )
    return tally


def evaluate(
    articles: Sequence[GoldArticle], recognizer: Recognizer, gazetteer: Gazetteer | None = None
) -> dict[str, Any]:
    """Run the pipeline on every article and return the figures."""
    total = Tally()
    for article in articles:
        spans = recognizer.recognize(article.text, article.language)
        actors = link_mentions(article.text, article.language, spans, gazetteer=gazetteer)
        found = find_quotes(article.text, article.language, actors)
        tally = score_article(article, actors, found)
        total.add(tally)
        total.articles.extend(tally.articles)
    return {
        "articles": len(articles),
        "languages": sorted({a.language for a in articles}),
        "gold_statements": total.gold_statements,
        "gold_named": total.gold_named,
        "named_right": total.named_right,
        "named_right_share": round(total.named_right / total.gold_named, 3) if total.gold_named else None,
        "found": total.found,
        "found_named": total.found_named,
        "found_named_wrong": total.found_named_wrong,
        "named_wrong_share": round(total.found_named_wrong / total.found_named, 3)
        if total.found_named
        else None,
        "found_named_unmatched": total.found_named_unmatched,
        "found_anonymous": total.found_anonymous,
        "gold_found_share": round(total.gold_found / total.gold_statements, 3)
        if total.gold_statements
        else None,
        "per_article": total.articles,
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: print the figures as JSON."""
    parser = argparse.ArgumentParser(prog="python -m tools.evaluate_quotes", description=__doc__)
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT_GOLD])
    parser.add_argument("--details", action="store_true", help="also list the figures per article")
    args = parser.parse_args(argv)
    articles = load_gold(args.folders)
    if not articles:
        print("no annotated articles found", file=sys.stderr)
        return 1
    from desktop.core.entities.gazetteer import default_gazetteer
    from desktop.services.recognition import model_recognizer

    figures = evaluate(articles, model_recognizer(), default_gazetteer())
    if not args.details:
        figures.pop("per_article")
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
