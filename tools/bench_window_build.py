"""The big library ``tools.bench_window`` measures the window over, written by bulk inserts.

Articles made from given texts (the 10kGNAD ones), each varied by a short distinct paragraph so
that de-duplication keeps it, with their full-text index rows, 8 actor mentions each (actors of a
few syllables, mentioned with a long tail), a few notes and reading states; no recognition.
"""

from __future__ import annotations

import hashlib
import random
import time
from typing import Any

from sqlalchemy import insert
from sqlalchemy import text as sql

from desktop.core.ingest import IngestError, load_text
from desktop.core.stemming import stem_text
from desktop.core.textfold import fold
from desktop.storage.db import Library
from desktop.storage.models import Actor, Annotation, Article, Mention

BATCH = 2000
MENTIONS_PER_ARTICLE = 8
_FTS = sql(
    "INSERT INTO articles_fts (rowid, title, body, title_stem, body_stem) "
    "VALUES (:id, :title, :body, :title_stem, :body_stem)"
)
_SYLLABLES = ("ka", "lo", "mer", "tin", "ber", "sa", "vik", "dor", "el", "ran", "mo", "lis", "ta", "gun")


class _Base:
    """One source text, folded and stemmed once; its variants add a short distinct paragraph."""

    def __init__(self, title: str, text: str, language: str) -> None:
        self.title, self.text, self.language = title[:480], text, language
        self.body_fold = fold(text)
        self.body_stem = stem_text(text, language)


def _bases(texts: list[str]) -> list[_Base]:
    bases = []
    for text in texts:
        try:
            doc = load_text(text, fmt="paste")
        except IngestError:
            continue
        bases.append(_Base(doc.title, doc.text, doc.language))
    return bases


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def build_library(library: Library, texts: list[str], count: int, seed: int = 13) -> dict[str, Any]:
    """Bulk-insert ``count`` varied articles with mentions, a few notes and reading states."""
    started = time.perf_counter()
    rng = random.Random(seed)
    bases = _bases(texts)
    if not bases:
        raise SystemExit("no usable texts to build the library from")
    words = sorted({w for b in bases[:200] for w in b.text.split() if w.isalpha() and len(w) > 4})
    actors = max(count // 5, 50)
    with library.session() as session:
        session.execute(
            insert(Actor),
            [
                {"name": f"{_name(rng)} {n}", "type": rng.choice(("person", "organization"))}
                for n in range(actors)
            ],
        )
    for first in range(0, count, BATCH):
        articles, fts, variants = [], [], []
        for n in range(first, min(first + BATCH, count)):
            base = bases[n % len(bases)]
            extra = f"Fassung {n}: " + " ".join(rng.choice(words) for _ in range(8)) + "."
            text = f"{base.text}\n\n{extra}"
            variants.append((base, f"{base.title} ({n})", extra))
            articles.append(
                {
                    "title": variants[-1][1],
                    "text": text,
                    "language": base.language,
                    "format": "txt",
                    "content_hash": hashlib.sha256(text.encode()).hexdigest(),
                    "published": f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                    if rng.random() < 0.8
                    else None,
                    "starred": rng.random() < 0.02,
                    "archived": rng.random() < 0.05,
                }
            )
        with library.session() as session:
            ids = list(
                session.scalars(insert(Article).returning(Article.id, sort_by_parameter_order=True), articles)
            )
            for article_id, (base, title, extra) in zip(ids, variants, strict=True):
                fts.append(
                    {
                        "id": article_id,
                        "title": fold(title),
                        "body": f"{base.body_fold}\n\n{fold(extra)}",
                        "title_stem": stem_text(title, base.language),
                        "body_stem": f"{base.body_stem} {stem_text(extra, base.language)}",
                    }
                )
            session.execute(_FTS, fts)
            session.execute(
                insert(Mention),
                [
                    {
                        "article_id": article_id,
                        "actor_id": 1 + min(int(rng.paretovariate(1.2)) * 7 + rng.randrange(7), actors - 1),
                        "start": k * 10,
                        "end": k * 10 + 5,
                        "text": "Name",
                        "type": "person",
                    }
                    for article_id in ids
                    for k in range(MENTIONS_PER_ARTICLE)
                ],
            )
            notes = [i for i in ids if rng.random() < 0.01]
            if notes:
                session.execute(
                    insert(Annotation),
                    [
                        {
                            "article_id": i,
                            "start": 0,
                            "end": 5,
                            "exact": "",
                            "prefix": "",
                            "suffix": "",
                            "color": "yellow",
                        }
                        for i in notes
                    ],
                )
    return {"articles": count, "actors": actors, "build_s": round(time.perf_counter() - started, 1)}
