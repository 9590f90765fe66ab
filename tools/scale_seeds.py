"""The seed library of ``tools.scale_build``: real articles imported once with the shipped recognition.

Its texts are taken in turn from 10kGNAD test, English Wikinews (2019, 2020) and the openings of
German Wikipedia articles, without duplicates; they go through the app's ``Importer``.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop.core.ingest import IngestError, load_text
from desktop.core.types import Document
from desktop.storage.db import open_library

WIKI_CHARS = 9000  # German Wikipedia articles are cut to their opening (a long news article's length)

Say = Callable[[str], None]


def _quiet(_message: str) -> None:
    pass


def _gnad(data: Path) -> Iterator[Document]:
    from tools.bench_import import gnad_articles, gnad_document

    path = data / "10kgnad" / "test.csv"
    if path.is_file():
        for text in gnad_articles(path):
            yield gnad_document(text)


def _wikinews(data: Path) -> Iterator[Document]:
    csv.field_size_limit(sys.maxsize)
    for year in (2019, 2020):
        path = data / "wikinews-en" / f"wikinews_{year}.csv"
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for record in csv.DictReader(handle):
                text = record["text"].replace("\xa0", " ").strip()
                if text:
                    doc = load_text(text, fmt="paste", title=record["title"])
                    yield replace(doc, published=record["date"][:10] or None, source_url=record["url"])


def _dewiki(data: Path) -> Iterator[Document]:
    for path in sorted((data / "dewiki-klexikon-articles").glob("wiki_part*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                text = record["text"][:WIKI_CHARS].rsplit("\n", 1)[0].replace("\n", "\n\n")
                if len(text) > 500:
                    yield replace(
                        load_text(text, fmt="paste", title=record["title"]), source_url=record.get("url")
                    )


def seed_documents(data: Path, count: int) -> list[Document]:
    """``count`` real documents, taken in turn from 10kGNAD test, Wikinews and German Wikipedia."""
    sources = [_gnad(data), _wikinews(data), _dewiki(data)]
    documents: list[Document] = []
    seen: set[str] = set()
    while sources and len(documents) < count:
        for source in list(sources):
            try:
                doc = next(source)
            except StopIteration:
                sources.remove(source)
                continue
            except IngestError:
                continue
            if doc.content_hash not in seen:
                seen.add(doc.content_hash)
                documents.append(doc)
            if len(documents) >= count:
                break
    if len(documents) < count:
        raise SystemExit(f"bench_scale: only {len(documents)} seed texts found under {data} (use --data DIR)")
    return documents


def build_seed_library(path: Path, data: Path, count: int, say: Say = _quiet) -> dict[str, Any]:
    """Import ``count`` real documents with the shipped recognition into a new library at ``path``."""
    from desktop.services.importer import Importer
    from desktop.services.recognition import model_recognizer

    documents = seed_documents(data, count)
    partial = path.with_suffix(".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    library = open_library(f"sqlite:///{partial}", backups=False)
    started = time.perf_counter()
    try:
        importer = Importer(library, model_recognizer())

        def progress(done: int, _total: int, _label: str) -> None:
            if done % 100 == 0:
                say(f"seed library: {done}/{count} recognised")

        results = importer.import_documents(
            [(f"seed {i}", d) for i, d in enumerate(documents)], progress=progress
        )
    finally:
        library.close()  # the last connection closed folds the WAL into the file
    partial.rename(path)
    return {
        "seed_articles": sum(r.status == "imported" for r in results),
        "seed_seconds": round(time.perf_counter() - started, 1),
    }
