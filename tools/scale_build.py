"""Building big libraries fast for ``tools.bench_scale``: real recognised seeds, recombined in bulk.

A *seed library* holds ``seeds`` real articles (10kGNAD test, English Wikinews, German Wikipedia
openings) imported through the app's ``Importer`` with the shipped recognition, once. A library
of ``size`` articles is that seed library plus ``size - seeds`` derived articles: article ``j``
joins the text of seed A with the tail of another seed B of the same language, cut at one of B's
sentence starts that no mention or quote crosses. The derived article keeps every mention,
quote and role of both parts (offsets and sentence numbers shifted), gets its own title,
publication date and reading state, and every 40th carries highlights with notes and tags.
Rows go in through the storage layer's bulk inserts, a few thousand articles per transaction,
with the full-text rows assembled from the parts' folded text and stems. Article ``j`` depends
only on ``j``, so a bigger library is a smaller one extended.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy import text as sql

from desktop.core.ingest import content_hash
from desktop.core.sentences import sentence_spans
from desktop.core.stemming import stem_text
from desktop.core.textfold import fold
from desktop.storage.bulk import insert_rows
from desktop.storage.db import Library, open_library
from desktop.storage.models import (
    ActorRole,
    Annotation,
    Article,
    Mention,
    Quote,
    Tag,
    annotation_tags,
)
from tools.scale_seeds import Say, _quiet, build_seed_library

BATCH = 2000
NOTE_EVERY = 40
TAGS = ("nato", "nato/planung", "energie", "wahl", "quelle-pruefen", "wirtschaft/handel")
COLORS = ("yellow", "green", "blue", "red", "purple")
NOTES = ("prüfen", "wichtig", "Quelle?", "siehe oben", "widerspricht", "follow up", "")
_QUOTE_SPANS = (("start", "end"), ("cue_start", "cue_end"), ("speaker_start", "speaker_end"))


# --------------------------------------------------------------------------- derived articles


@dataclass
class Seed:
    """A seed article with everything a derived article copies from it."""

    id: int
    title: str
    text: str
    language: str
    analysis_version: int
    mentions: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    roles: list[tuple[int, str]] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    folded: str = ""
    stems: str = ""
    tails: dict[int, tuple[str, str, int]] = field(default_factory=dict)  # cut -> fold, stems, sentence

    def cuts(self) -> list[int]:
        """Sentence starts no mention or quote crosses (a few, spread over the text)."""
        spans = [(m["start"], m["end"]) for m in self.mentions]
        for quote in self.quotes:
            spans.extend((quote[a], quote[b]) for a, b in _QUOTE_SPANS if quote[a] is not None)
        free = [s for s in self.sentence_starts[1:] if not any(a < s < b for a, b in spans)]
        if not free:
            return [0]
        return sorted({free[len(free) // 4], free[len(free) // 2], free[3 * len(free) // 4]})


def load_seeds(library: Library) -> list[Seed]:
    """The seed library's articles with their mentions, quotes, roles, sentences and folded parts."""
    with library.read_session() as session:
        seeds = {
            r.id: Seed(r.id, r.title, r.text, r.language, r.analysis_version)
            for r in session.execute(
                select(Article.id, Article.title, Article.text, Article.language, Article.analysis_version)
            )
        }
        for row in session.execute(select(Mention.__table__).order_by(Mention.id)).mappings():
            seeds[row["article_id"]].mentions.append(dict(row))
        for row in session.execute(select(Quote.__table__).order_by(Quote.id)).mappings():
            seeds[row["article_id"]].quotes.append(dict(row))
        for actor_id, article_id, role in session.execute(
            select(ActorRole.actor_id, ActorRole.article_id, ActorRole.role).order_by(ActorRole.id)
        ):
            seeds[article_id].roles.append((actor_id, role))
    for seed in seeds.values():
        seed.sentence_starts = [s for s, _e in sentence_spans(seed.text)]
        seed.folded = fold(seed.text)
        seed.stems = stem_text(seed.text, seed.language)
        for cut in seed.cuts():
            sentence = seed.sentence_starts.index(cut) if cut in seed.sentence_starts else 0
            tail = seed.text[cut:]
            seed.tails[cut] = (fold(tail), stem_text(tail, seed.language), sentence)
    return [seeds[k] for k in sorted(seeds)]


class Deriver:
    """Makes derived article ``j`` (a pure function of ``j`` and the seeds)."""

    def __init__(self, seeds: list[Seed]) -> None:
        self.seeds = seeds
        self.by_language: dict[str, list[Seed]] = defaultdict(list)
        for seed in seeds:
            self.by_language[seed.language].append(seed)
        self.used: set[tuple[int, int, int]] = set()
        self.hashes = {content_hash(seed.text) for seed in seeds}
        self.now = dt.datetime.now(dt.UTC)

    def pick(self, j: int) -> tuple[Seed, Seed, int, str, str]:
        """Seeds A and B, the cut in B, the text and its content hash of derived article ``j``."""
        rng = random.Random(j)
        first = self.seeds[j % len(self.seeds)]
        partners = self.by_language[first.language]
        for attempt in range(1000):
            second = rng.choice(partners if attempt < 50 else self.seeds)  # then mix languages
            cut = rng.choice(sorted(second.tails))
            key = (first.id, second.id, cut)
            if second is first or key in self.used:
                continue
            self.used.add(key)
            text = first.text + "\n\n" + second.text[cut:]
            digest = content_hash(text)
            if digest not in self.hashes:  # the same text by another way: the app would keep one
                self.hashes.add(digest)
                return first, second, cut, text, digest
        raise SystemExit("bench_scale: too few seed articles for this library size (raise --seeds)")

    def derive(self, j: int, article_id: int) -> dict[str, list[dict[str, Any]]]:
        """The rows of derived article ``j`` stored as ``article_id``."""
        first, second, cut, text, digest = self.pick(j)
        rng = random.Random(-j - 1)
        shift = len(first.text) + 2 - cut
        tail_fold, tail_stems, cut_sentence = second.tails[cut]
        sentence_shift = len(first.sentence_starts) - cut_sentence
        title = f"{first.title[:150]} · {second.title[:60]}"
        published = None if rng.random() < 0.1 else (dt.date(2015, 1, 1) + dt.timedelta(rng.randrange(2500)))
        imported = self.now - dt.timedelta(seconds=rng.randrange(3 * 365 * 86400))
        read = rng.random() < 0.6
        article = {
            "id": article_id,
            "title": title,
            "text": text,
            "language": first.language,
            "format": "txt",
            "published": published.isoformat() if published else None,
            "content_hash": digest,
            "imported_at": imported,
            "analysis_version": min(first.analysis_version, second.analysis_version),
            "read_at": imported + dt.timedelta(hours=rng.randrange(1, 200)) if read else None,
            "starred": rng.random() < 0.05,
            "archived": read and rng.random() < 0.15,
        }
        mentions = [{**m, "id": None, "article_id": article_id} for m in first.mentions]
        tail_actors = set()
        for m in second.mentions:
            if m["start"] >= cut:
                tail_actors.add(m["actor_id"])
                sentence = None if m["sentence"] is None else m["sentence"] + sentence_shift
                mentions.append(
                    {
                        **m,
                        "id": None,
                        "article_id": article_id,
                        "start": m["start"] + shift,
                        "end": m["end"] + shift,
                        "sentence": sentence,
                    }
                )
        quotes = [{**q, "id": None, "article_id": article_id} for q in first.quotes]
        for q in second.quotes:
            positions = [q[c] for pair in _QUOTE_SPANS for c in pair if q[c] is not None]
            if min(positions) >= cut:
                moved = {c: q[c] + shift for pair in _QUOTE_SPANS for c in pair if q[c] is not None}
                quotes.append({**q, **moved, "id": None, "article_id": article_id})
        roles = {(a, r) for a, r in first.roles} | {(a, r) for a, r in second.roles if a in tail_actors}
        fts = {
            "id": article_id,
            "title": fold(title),
            "body": first.folded + "\n\n" + tail_fold,
            "title_stem": stem_text(title, first.language),
            "body_stem": " ".join(s for s in (first.stems, tail_stems) if s),
        }
        return {
            "article": [article],
            "mentions": [{k: v for k, v in m.items() if k != "id"} for m in mentions],
            "quotes": [{k: v for k, v in q.items() if k != "id"} for q in quotes],
            "roles": [{"actor_id": a, "article_id": article_id, "role": r} for a, r in sorted(roles)],
            "fts": [fts],
            "notes": self.notes(j, article_id, first) if j % NOTE_EVERY == 0 else [],
        }

    def notes(self, j: int, article_id: int, first: Seed) -> list[dict[str, Any]]:
        rng = random.Random(j * 7 + 3)
        starts = first.sentence_starts or [0]
        notes = []
        for k in range(rng.randint(1, 3)):
            start = starts[rng.randrange(len(starts))]
            end = min(len(first.text), start + rng.randint(30, 160))
            if end <= start:
                continue
            notes.append(
                {
                    "article_id": article_id,
                    "start": start,
                    "end": end,
                    "exact": first.text[start:end],
                    "prefix": first.text[max(0, start - 32) : start],
                    "suffix": first.text[end : end + 32],
                    "note": NOTES[(j + k) % len(NOTES)],
                    "color": COLORS[(j + k) % len(COLORS)],
                    "tag": TAGS[(j // NOTE_EVERY + k) % len(TAGS)],
                }
            )
        return notes


def _store_batch(
    library: Library, batch: list[dict[str, list[dict[str, Any]]]], tag_ids: dict[str, int]
) -> None:
    def rows(kind: str) -> list[dict[str, Any]]:
        return [row for item in batch for row in item[kind]]

    with library.session() as session:
        insert_rows(session, Article, rows("article"))
        insert_rows(session, Mention, rows("mentions"))
        insert_rows(session, Quote, rows("quotes"))
        insert_rows(session, ActorRole, rows("roles"))
        session.execute(
            sql(
                "INSERT INTO articles_fts (rowid, title, body, title_stem, body_stem) "
                "VALUES (:id, :title, :body, :title_stem, :body_stem)"
            ),
            rows("fts"),
        )
        for note in rows("notes"):
            tag = note.pop("tag")
            if tag not in tag_ids:
                insert_rows(session, Tag, [{"name": tag}])
                tag_ids[tag] = int(session.scalar(select(Tag.id).where(Tag.name == tag)) or 0)
            note_id = session.execute(
                Annotation.__table__.insert().values(**note).returning(Annotation.id)
            ).scalar_one()
            insert_rows(session, annotation_tags, [{"annotation_id": note_id, "tag_id": tag_ids[tag]}])


def extend_library(library: Library, seeds: list[Seed], size: int, say: Say = _quiet) -> int:
    """Add derived articles until the library holds ``size`` articles; returns how many were added."""
    with library.read_session() as session:
        count = int(session.scalar(select(func.count(Article.id))) or 0)
        next_id = int(session.scalar(select(func.max(Article.id))) or 0) + 1
        tag_ids = {name: int(i) for i, name in session.execute(select(Tag.id, Tag.name))}
    deriver = Deriver(seeds)
    first_j = count - len(seeds)
    for j in range(first_j):  # the pairs already used by the smaller library
        deriver.pick(j)
    added, batch = 0, []
    for j in range(first_j, size - len(seeds)):
        batch.append(deriver.derive(j, next_id + added))
        added += 1
        if len(batch) >= BATCH:
            _store_batch(library, batch, tag_ids)
            batch = []
            say(f"library: {count + added}/{size} articles")
    if batch:
        _store_batch(library, batch, tag_ids)
    return added


def library_path(workdir: Path, size: int, seeds: int) -> Path:
    """Where the built library of ``size`` articles over ``seeds`` seeds is cached."""
    return workdir / f"library-{size}-s{seeds}.sqlite3"


def build_library(workdir: Path, data: Path, size: int, seeds: int, say: Say = _quiet) -> dict[str, Any]:
    """The cached library of ``size`` articles (built when missing); returns how it was made."""
    workdir.mkdir(parents=True, exist_ok=True)
    target = library_path(workdir, size, seeds)
    info_path = target.with_suffix(".json")
    if target.is_file() and info_path.is_file():
        return {**json.loads(info_path.read_text(encoding="utf-8")), "cached": True}
    seed_path = workdir / f"seed-{seeds}.sqlite3"
    info: dict[str, Any] = {}
    if not seed_path.is_file():
        info.update(build_seed_library(seed_path, data, seeds, say))
    if size < seeds:
        raise SystemExit(f"bench_scale: a library of {size} articles needs --seeds {size} or fewer")
    started = time.perf_counter()
    smaller = sorted(
        (p for p in workdir.glob(f"library-*-s{seeds}.sqlite3") if p.with_suffix(".json").is_file()),
        key=lambda p: int(p.name.split("-")[1]),
    )
    base = next((p for p in reversed(smaller) if int(p.name.split("-")[1]) < size), seed_path)
    partial = target.with_suffix(".partial")
    if not partial.is_file():  # else resume an interrupted build (each batch is one transaction)
        copying = target.with_suffix(".copying")
        shutil.copyfile(base, copying)
        copying.rename(partial)
    seed_library = open_library(f"sqlite:///{seed_path}", backups=False)
    try:
        seed_rows = load_seeds(seed_library)
    finally:
        seed_library.close()
    library = open_library(f"sqlite:///{partial}", backups=False)
    try:
        added = extend_library(library, seed_rows, size, say)
    finally:
        library.close()
    partial.rename(target)
    info.update(
        {"articles": size, "seeds": len(seed_rows), "derived_added": added, "extended_from": base.name}
    )
    info["build_seconds"] = round(time.perf_counter() - started, 1)
    info_path.write_text(json.dumps(info), encoding="utf-8")
    return {**info, "cached": False}
