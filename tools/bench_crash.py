"""Kill -9 during imports, many times over, and check the library after each kill.

Each run forks a child that imports a batch of generated articles into one library (the real
storage path: Importer, resolver, full-text index; a fast name-list recogniser instead of the
models), kills it with SIGKILL after a random delay, then opens the library and checks it:
SQLite integrity and foreign keys (corrupt), and that every article is whole: its full-text
row and exactly the mentions its text yields (half articles). POSIX only (fork, SIGKILL).

    python -m tools.bench_crash [--runs 200] [--articles 8] [--seed 1] [--workdir DIR]

Prints JSON figures; exit status 1 when any run left a corrupt library or a half article.
``--backup-mb 100`` instead times the recovery tools on a generated library of that size:
backup (online backup API), quick_check, check (integrity, references, search index), restore.
"""

from __future__ import annotations

import argparse
import json
import mmap
import os
import random
import re
import signal
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select

from desktop.core.entities.gazetteer import Gazetteer, default_gazetteer
from desktop.core.entities.linking import link_mentions
from desktop.core.ingest import load_text
from desktop.core.types import EntitySpan, EntityType
from desktop.services.importer import Importer
from desktop.storage.db import BEGIN_OPTION, open_library
from desktop.storage.integrity import check_library
from desktop.storage.models import Article, Mention

#: Invented names of the generated articles, with their types.
NAMES: dict[str, EntityType] = {
    "Karla Wendt": "person",
    "Jonas Pfeiffer": "person",
    "Mira Hollsten": "person",
    "Eduard Zanger": "person",
    "Petra Olsberg": "person",
    "Nordhafen Bank": "organization",
    "Verband der Küstenstädte": "organization",
    "Ostbrücker Werke": "organization",
    "Weissfeld": "location",
    "Ostbrück": "location",
    "Lindenau": "location",
    "Kaltenmoor": "location",
}
BATCH = 2
"""Articles per write transaction here: kills land inside batches, and runs have several transactions."""
_VERBS = ("sagte", "betonte", "erklärte", "widersprach", "forderte", "kündigte an")
_TOPICS = ("die Haushaltslage", "den Ausbau des Hafens", "neue Kredite", "die Wahl im Herbst", "den Streik")


class NameRecognizer:
    """Finds the exact names of a fixed list, and people's surnames alone (fast; no model files)."""

    def __init__(self, names: Mapping[str, EntityType] = NAMES) -> None:
        self._names = dict(names)
        for name, kind in names.items():
            if kind == "person" and " " in name:
                self._names.setdefault(name.split()[-1], kind)
        names = self._names
        self._pattern = re.compile(
            "|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in sorted(names, key=len)[::-1])
        )

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        """Every occurrence of a listed name."""
        return [
            EntitySpan(m.start(), m.end(), m.group(0), self._names[m.group(0)])
            for m in self._pattern.finditer(text)
        ]


def synthetic_article(seed: int, index: int, *, sentences: int = 8) -> str:
    """A German-looking article that names a few of :data:`NAMES` (full name first, then surnames)."""
    rng = random.Random(seed * 1_000_003 + index)
    cast = rng.sample(sorted(NAMES), k=rng.randint(2, 5))
    lines = [f"Bericht {seed}-{index}: {cast[0]} und {cast[1]} in der Debatte"]
    named: set[str] = set()
    for _ in range(sentences):
        who = rng.choice(cast)
        shown = who.split()[-1] if who in named and NAMES[who] == "person" else who
        named.add(who)
        where = rng.choice([n for n in cast if NAMES[n] == "location"] or ["der Stadt"])
        lines.append(
            f"{shown} {rng.choice(_VERBS)} am {rng.randint(1, 28)}. Tag in {where}, es gehe um "
            f"{rng.choice(_TOPICS)} und um {rng.randint(2, 990)} Millionen Euro."
        )
    return "\n\n".join(lines) + "\n"


def expected_mentions(text: str, language: str, recognizer: NameRecognizer, gazetteer: Gazetteer) -> int:
    """How many mentions a whole import of ``text`` stores."""
    actors = link_mentions(text, language, recognizer.recognize(text, language), gazetteer=gazetteer)
    return sum(len(a.mentions) for a in actors)


def _child(url: str, texts: Sequence[str], state: mmap.mmap, gazetteer: Gazetteer) -> None:
    library = open_library(url, backups=False)

    @event.listens_for(library.engine, "begin")
    def _began(conn: Any) -> None:
        if conn.get_execution_options().get(BEGIN_OPTION, "IMMEDIATE") != "DEFERRED":
            state[0] = 1
            state[1] = min(state[1] + 1, 255)

    @event.listens_for(library.engine, "commit")
    @event.listens_for(library.engine, "rollback")
    def _ended(conn: Any) -> None:
        state[0] = 0

    @event.listens_for(library.engine, "reset")
    def _returned(*_args: Any) -> None:
        state[0] = 0

    importer = Importer(library, NameRecognizer(), gazetteer=gazetteer, batch_size=BATCH)
    importer.import_documents([(f"run-{i}", load_text(text, fmt="paste")) for i, text in enumerate(texts)])
    library.close()


def verify(url: str, recognizer: NameRecognizer, gazetteer: Gazetteer) -> tuple[list[str], list[str]]:
    """Open the library after a kill: (corruption found, half articles found)."""
    corrupt: list[str] = []
    half: list[str] = []
    library = open_library(url, backups=False)
    try:
        report = check_library(library, repair=False)
        corrupt += report.integrity + report.foreign_keys
        half += [f"article {i} has no search-index row" for i in report.fts_missing]
        half += [f"search-index row {i} has no article" for i in report.fts_orphans]
        half += [f"article {i} is indexed with other text" for i in report.fts_stale]
        half += [f"mention {i} does not match its article" for i in report.bad_mentions]
        with library.read_session() as session:
            counts = dict(
                session.execute(
                    select(Mention.article_id, func.count(Mention.id)).group_by(Mention.article_id)
                ).all()
            )
            for article_id, text, language in session.execute(
                select(Article.id, Article.text, Article.language)
            ):
                want = expected_mentions(text, language, recognizer, gazetteer)
                if counts.get(article_id, 0) != want:
                    half.append(f"article {article_id} has {counts.get(article_id, 0)} of {want} mentions")
    finally:
        library.close()
    return corrupt, half


def run_series(
    workdir: Path, *, runs: int, articles: int, seed: int, gazetteer: Gazetteer | None = None
) -> dict[str, Any]:
    """``runs`` kill -9 runs against one library in ``workdir``; returns the figures."""
    if not hasattr(os, "fork"):
        raise SystemExit("bench_crash needs fork() and SIGKILL (POSIX).")
    gazetteer = gazetteer or default_gazetteer()
    recognizer = NameRecognizer()
    url = f"sqlite:///{workdir / 'crash.sqlite3'}"
    _warm_up(workdir, gazetteer)  # children fork from a warm parent: each run costs only its import
    open_library(url, backups=False).close()
    rng = random.Random(seed)
    state = mmap.mmap(-1, 2)  # [in a write transaction, write transactions begun]
    figures: dict[str, Any] = {
        "runs": runs,
        "articles_per_run": articles,
        "killed": 0,
        "killed_in_write_transaction": 0,
        "finished_before_kill": 0,
        "corrupt": 0,
        "half_articles": 0,
        "problems": [],
    }
    budget = 0.0
    started = time.perf_counter()
    for run in range(runs):
        # a few articles of the previous run again: duplicates, or the ones the last kill lost
        texts = [synthetic_article(seed, run * 1000 + i) for i in range(articles)]
        if run:
            texts[:0] = [synthetic_article(seed, (run - 1) * 1000 + i) for i in range(2)]
        state[0] = state[1] = 0
        began = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # child: import, then leave without running the parent's clean-up
            code = 0
            try:
                _child(url, texts, state, gazetteer)
            except BaseException as error:
                sys.stderr.write(f"bench_crash: the import failed: {error!r}\n")
                code = 1
            os._exit(code)
        if budget and run % 2:  # every other run: kill inside the n-th write transaction, at some point
            nth = rng.randint(1, max(1, articles // BATCH))
            finished = _wait_for_transaction(pid, state, nth, timeout=2 * budget)
            time.sleep(rng.random() * 0.003)
        else:  # a random moment (opening the library, reading, recognising, writing, committing)
            finished = _wait(pid, budget * rng.random() if budget else 10.0)
        if finished:
            figures["finished_before_kill"] += 1
            budget = max(budget, time.perf_counter() - began)
        else:
            in_transaction = state[0] == 1
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            figures["killed"] += 1
            figures["killed_in_write_transaction"] += int(in_transaction)
        corrupt, half = verify(url, recognizer, gazetteer)
        figures["corrupt"] += int(bool(corrupt))
        figures["half_articles"] += len(half)
        figures["problems"] += [f"run {run}: {p}" for p in (corrupt + half)[:3]]
    with open_library(url, backups=False).read_session() as session:
        figures["articles_in_library"] = int(session.scalar(select(func.count(Article.id))) or 0)
    figures["seconds"] = round(time.perf_counter() - started, 1)
    figures["problems"] = figures["problems"][:20]
    return figures


def _warm_up(workdir: Path, gazetteer: Gazetteer) -> None:
    """Load what an import loads once (modules, gazetteer tables, compiled SQL) in this process."""
    url = f"sqlite:///{workdir / 'warm-up.sqlite3'}"
    _child(url, [synthetic_article(-1, i) for i in range(3)], mmap.mmap(-1, 2), gazetteer)
    verify(url, NameRecognizer(), gazetteer)


def _wait(pid: int, timeout: float) -> bool:
    """Wait up to ``timeout`` seconds for the child; True when it finished."""
    deadline = time.perf_counter() + timeout
    while True:
        done, _status = os.waitpid(pid, os.WNOHANG)
        if done:
            return True
        if time.perf_counter() >= deadline:
            return False
        time.sleep(0.002)


def _wait_for_transaction(pid: int, state: mmap.mmap, nth: int, *, timeout: float) -> bool:
    """Wait until the child is inside its ``nth`` write transaction (or finished: True)."""
    deadline = time.perf_counter() + timeout
    while True:
        if state[0] == 1 and state[1] >= nth:
            return False
        done, _status = os.waitpid(pid, os.WNOHANG)
        if done:
            return True
        if time.perf_counter() >= deadline:
            return False
        time.sleep(0.0001)


def fill_library(url: str, megabytes: int, *, seed: int = 1) -> int:
    """Bulk-insert generated articles (with search index and mentions) until the file has ``megabytes``."""
    from desktop.storage.bulk import insert_returning_ids, insert_rows
    from desktop.storage.models import Actor
    from desktop.storage.search import index_article

    library = open_library(url, backups=False)
    path = library.path
    assert path is not None
    with library.session() as session:
        actor_ids = insert_returning_ids(
            session, Actor, [{"name": name, "type": kind} for name, kind in NAMES.items()]
        )
    recognizer = NameRecognizer()
    by_name = dict(zip(NAMES, actor_ids, strict=True))
    count = 0
    while path.stat().st_size < megabytes * 1_000_000:
        with library.session() as session:
            rows = []
            for _ in range(200):
                text = synthetic_article(seed, count, sentences=60)
                title = text.split("\n", 1)[0]
                rows.append({"title": title, "text": text, "language": "de", "format": "txt"})
                rows[-1]["content_hash"] = f"{seed:08x}{count:056x}"
                count += 1
            ids = insert_returning_ids(session, Article, rows)
            mentions = []
            for article_id, row in zip(ids, rows, strict=True):
                index_article(session, article_id, row["title"], row["text"])
                for span in recognizer.recognize(row["text"], "de"):
                    actor = by_name.get(span.text) or by_name[next(n for n in NAMES if n.endswith(span.text))]
                    mentions.append(
                        {"article_id": article_id, "actor_id": actor, "start": span.start, "end": span.end}
                        | {"text": span.text, "type": span.type}
                    )
            insert_rows(session, Mention, mentions)
    library.close()  # the last connection checkpoints the WAL into the file
    return count


def time_recovery(workdir: Path, megabytes: int) -> dict[str, Any]:
    """Seconds to back up, check and restore a generated library of about ``megabytes`` MB."""
    from desktop.storage.backup import make_backup, restore_database

    url = f"sqlite:///{workdir / 'big.sqlite3'}"
    articles = fill_library(url, megabytes)
    library = open_library(url, backups=False)
    assert library.path is not None
    figures: dict[str, Any] = {"articles": articles, "megabytes": round(library.path.stat().st_size / 1e6, 1)}
    started = time.perf_counter()
    backup = make_backup(library.engine)
    figures["backup_seconds"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    figures["quick_check_ok"] = library.quick_check() == ""
    figures["quick_check_seconds"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    figures["check_ok"] = check_library(library, repair=False).ok
    figures["check_seconds"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    restore_database(library.engine, backup)
    figures["restore_seconds"] = round(time.perf_counter() - started, 2)  # includes its safety backup
    library.close()
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--articles", type=int, default=8, help="articles each child imports")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, help="where the library goes (default: a temporary folder)")
    parser.add_argument("--backup-mb", type=int, metavar="MB", help="time backup/check/restore instead")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-crash-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        if args.backup_mb:
            json.dump(time_recovery(workdir, args.backup_mb), sys.stdout, indent=2)
            sys.stdout.write("\n")
            return 0
        figures = run_series(workdir, runs=args.runs, articles=args.articles, seed=args.seed)
    json.dump(figures, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 1 if figures["corrupt"] or figures["half_articles"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
