"""Score the actor list of real news articles against an actor-level gold set.

    python -m tools.evaluate_actors [--gold DIR] [--in-process] [--details] [--json]

Each article of the gold folder (``<id>.txt`` with its ``<id>.json``; default
``tests/data/actors/test``) is imported as a user would: into a fresh temporary library with
``briefing-reader import``, then read back with ``briefing-reader actors --article ID --json``.
``--in-process`` runs the same services without a subprocess per article (faster; for
development). The gold names each article's people, organisations and places with the names
they appear under; ``optional`` names (events, works, generic institutions) are neither
required nor counted as false actors.

Figures: person recall and precision, the share of found people listed under their full name,
people split into several actors, organisation and place recall, wrong types, and false actors
(listed actors that are no gold actor: common words, demonyms, fragments).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.textfold import fold

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO / "tests" / "data" / "actors" / "test"
ACTOR_TYPES = ("person", "organization", "location")
_POSSESSIVE = re.compile(r"(?:'s|')$")


def norm(name: str) -> str:
    """Comparison key of a name: case, accents, quotes, English possessive and spacing ignored."""
    text = name.replace("’", "'").replace("‘", "'").strip(" \"'„“”«»()")
    text = _POSSESSIVE.sub("", text)
    return " ".join(fold(text).split())


@dataclass(frozen=True)
class GoldActor:
    """One actor of the gold: its full name, type(s) and every name it appears under."""

    name: str
    type: str
    forms: frozenset[str]
    also: frozenset[str] = frozenset()

    def accepts(self, actor_type: str) -> bool:
        """True when a listed actor of ``actor_type`` is typed right."""
        return actor_type == self.type or actor_type in self.also


@dataclass
class Article:
    """A gold article: text file, language, actors and optional names."""

    id: str
    path: Path
    language: str
    actors: list[GoldActor]
    optional: frozenset[str]


def read_gold(folder: Path) -> list[Article]:
    """All gold articles of a folder (``<id>.json`` beside ``<id>.txt``)."""
    articles = []
    for meta in sorted(folder.glob("*.json")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        actors = [
            GoldActor(
                a["name"],
                a["type"],
                frozenset(norm(n) for n in [a["name"], *a.get("aliases", [])]),
                frozenset(a.get("also", [])),
            )
            for a in data["actors"]
        ]
        optional = frozenset(norm(n) for n in data.get("optional", []))
        articles.append(Article(data["id"], meta.with_suffix(".txt"), data["language"], actors, optional))
    return articles


def _tokens_inside(short: str, long: str) -> bool:
    """True when the words of ``short`` occur as a contiguous run of words of ``long``."""
    a, b = short.split(), long.split()
    return len(a) < len(b) and any(b[i : i + len(a)] == a for i in range(len(b) - len(a) + 1))


@dataclass
class Score:
    """Counts over articles; ``errors`` keeps what went wrong, per article."""

    counts: dict[str, int] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)

    def add(self, key: str, value: int = 1) -> None:
        """Add to a count."""
        self.counts[key] = self.counts.get(key, 0) + value

    def note(self, article: str, message: str) -> None:
        """Remember one error of an article."""
        self.errors.setdefault(article, []).append(message)


def score_article(article: Article, listed: Iterable[dict[str, Any]], score: Score) -> None:
    """Compare the listed actors of one article (``actors --json`` rows) with its gold."""
    listed = [a for a in listed if a["type"] in ACTOR_TYPES]
    forms = [{norm(a["name"]), *(norm(x) for x in a.get("aliases", []))} for a in listed]
    exact: dict[int, list[int]] = {i: [] for i in range(len(listed))}
    partial: dict[int, list[int]] = {i: [] for i in range(len(listed))}
    for i, (actor, names) in enumerate(zip(listed, forms, strict=True)):
        for g, gold in enumerate(article.actors):
            if names & gold.forms:
                exact[i].append(g)
            elif (
                gold.type == "person"
                and actor["type"] == "person"
                and any(_tokens_inside(f, n) for f in gold.forms for n in names)
            ):
                partial[i].append(g)  # "Vermont Bernie Sanders": found, but the name is wrong
    matched: dict[int, list[int]] = {g: [] for g in range(len(article.actors))}
    for i in range(len(listed)):
        for g in exact[i] or partial[i]:
            matched[g].append(i)
    for g, gold in enumerate(article.actors):
        typed = [i for i in matched[g] if gold.accepts(listed[i]["type"])]
        score.add(f"{gold.type}_gold")
        if typed:
            score.add(f"{gold.type}_found")
        else:
            got = ", ".join(f"{listed[i]['name']} ({listed[i]['type']})" for i in matched[g]) or "nothing"
            score.note(article.id, f"missed {gold.type} {gold.name!r}: {got}")
        if gold.type != "person" or not typed:
            continue
        if any(norm(listed[i]["name"]) == norm(gold.name) for i in typed):
            score.add("person_full_name")
        else:
            names = [listed[i]["name"] for i in typed]
            score.note(article.id, f"not the full name: {names} for {gold.name!r}")
        if len(typed) > 1:
            score.add("person_split")
            score.note(article.id, f"split: {[listed[i]['name'] for i in typed]} are all {gold.name!r}")
    for i, actor in enumerate(listed):
        gold_ids = exact[i] or partial[i]
        if actor["type"] == "person":
            score.add("person_listed")
            if any(article.actors[g].type == "person" for g in gold_ids):
                score.add("person_right")
        if gold_ids:
            if len(gold_ids) > 1:
                score.add("merged")
                names = [article.actors[g].name for g in gold_ids]
                score.note(article.id, f"merged: {actor['name']!r} is {names}")
            if not any(article.actors[g].accepts(actor["type"]) for g in gold_ids):
                score.add("wrong_type")
                right = article.actors[gold_ids[0]].type
                score.note(article.id, f"wrong type: {actor['name']!r} as {actor['type']}, is {right}")
        elif forms[i] & article.optional:
            if actor["type"] == "person":
                score.add("person_listed", -1)  # an optional name does not count either way
        else:
            score.add("false_actor")
            score.note(article.id, f"false actor: {actor['name']!r} ({actor['type']})")


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def figures(score: Score) -> dict[str, Any]:
    """The headline figures from the counts."""
    c = score.counts.get
    return {
        "person_recall": _ratio(c("person_found", 0), c("person_gold", 0)),
        "person_precision": _ratio(c("person_right", 0), c("person_listed", 0)),
        "full_name_rate": _ratio(c("person_full_name", 0), c("person_found", 0)),
        "person_splits": c("person_split", 0),
        "organization_recall": _ratio(c("organization_found", 0), c("organization_gold", 0)),
        "location_recall": _ratio(c("location_found", 0), c("location_gold", 0)),
        "wrong_types": c("wrong_type", 0),
        "false_actors": c("false_actor", 0),
        "merged_actors": c("merged", 0),
        "gold": {t: c(f"{t}_gold", 0) for t in ACTOR_TYPES},
    }


def _cli(db: Path, *args: str) -> Any:
    command = [sys.executable, "-m", "desktop", "--db", str(db), *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"evaluate_actors: {' '.join(args[:2])} failed: {done.stderr.strip()}")
    return json.loads(done.stdout)


def actors_via_cli(article: Article) -> list[dict[str, Any]]:
    """Import one article into a fresh library with the CLI and list its actors."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "library.sqlite3"
        result = _cli(db, "import", "--json", str(article.path))
        if not result or result[0]["status"] != "imported":
            raise SystemExit(f"evaluate_actors: {article.path} was not imported: {result}")
        return list(_cli(db, "actors", "--article", str(result[0]["id"]), "--json"))


class InProcess:
    """The services the CLI runs, without a subprocess per article (one model load)."""

    def __init__(self) -> None:
        from desktop.services.recognition import model_recognizer

        self._model = model_recognizer()

    def actors(self, article: Article) -> list[dict[str, Any]]:
        """Import one article into a fresh library and list its actors."""
        from desktop.services.importer import Importer
        from desktop.services.queries import list_actors
        from desktop.services.recognition import library_recognizer
        from desktop.storage.db import open_library, resolve_database_url

        with tempfile.TemporaryDirectory() as tmp:
            library = open_library(resolve_database_url(str(Path(tmp) / "library.sqlite3"), {}))
            try:
                importer = Importer(library, library_recognizer(library, self._model))
                result = importer.import_paths([article.path])[0]
                with library.read_session() as session:
                    return [row.as_json() for row in list_actors(session, result.id)]
            finally:
                library.engine.dispose()


def evaluate(gold: Path, *, in_process: bool = False) -> tuple[dict[str, Any], Score, dict[str, Score]]:
    """Score every article of ``gold``; returns figures, the overall score and one per language."""
    articles = read_gold(gold)
    if not articles:
        raise SystemExit(f"evaluate_actors: no gold articles in {gold}")
    runner = InProcess().actors if in_process else actors_via_cli
    total, by_language = Score(), {}
    started = time.perf_counter()
    for article in articles:
        listed = runner(article)
        score_article(article, listed, total)
        score_article(article, listed, by_language.setdefault(article.language, Score()))
    result = {
        "gold_dir": str(gold.relative_to(REPO)) if gold.is_relative_to(REPO) else str(gold),
        "articles": len(articles),
        **figures(total),
        "by_language": {lang: figures(s) for lang, s in sorted(by_language.items())},
        "seconds": round(time.perf_counter() - started, 1),
    }
    return result, total, by_language


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m tools.evaluate_actors", description=__doc__)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="folder of <id>.txt + <id>.json")
    parser.add_argument("--in-process", action="store_true", help="no subprocess per article (faster)")
    parser.add_argument("--details", action="store_true", help="list every error per article")
    parser.add_argument("--json", action="store_true", help="print only the JSON figures")
    args = parser.parse_args(argv)
    result, total, _ = evaluate(args.gold.resolve(), in_process=args.in_process)
    print(json.dumps(result, indent=None if args.json else 2, ensure_ascii=False))
    if args.details:
        for article, errors in sorted(total.errors.items()):
            print(f"\n{article}")
            for error in errors:
                print(f"  {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
