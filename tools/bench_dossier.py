"""Dossier and network benchmark: English Wikinews articles imported, then one actor and the library.

    python -m tools.bench_dossier [--data DIR] [--limit 100] [--actor NAME] [--db FILE] [--json]

Reads the Wikinews sample (``wikinews-en``, both years, oldest first), imports the first
``--limit`` articles as plain text (headline, then the text: the publication date must come
from the text's own dateline) with the shipped models, then times the dossier of ``--actor``
(default "Donald Trump"; query and Markdown) and the whole-library network (query, JSON,
GraphML, GEXF). Prints JSON.
``--db`` keeps the library in FILE (which must not exist yet) instead of a temporary folder.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from desktop.core.dossier_md import render_dossier
from desktop.core.ingest import load_text
from desktop.core.network_export import gexf, graphml
from desktop.core.types import Document
from desktop.services.dossier import actor_dossier
from desktop.services.importer import Importer
from desktop.services.network import library_network
from desktop.services.quotes import list_quotes
from desktop.services.recognition import model_recognizer
from desktop.storage.db import Library, open_library, resolve_database_url
from tools.bench_import import default_data_dir


def wikinews_rows(folder: Path) -> list[dict[str, str]]:
    """Every article of the Wikinews sample, oldest first (stable within a day)."""
    csv.field_size_limit(sys.maxsize)
    rows: list[dict[str, str]] = []
    for path in sorted(folder.glob("wikinews_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return sorted(rows, key=lambda r: r["date"])


def wikinews_document(row: dict[str, str]) -> Document:
    """The article as a pasted text (headline first) with its URL and outlet; no date given."""
    document = load_text(row["title"].strip() + "\n\n" + row["text"], fmt="paste")
    return dataclasses.replace(document, source_url=row["url"], outlet="Wikinews")


def _timed(fn: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = fn()
    return result, round(time.perf_counter() - started, 3)


def measure(library: Library, rows: list[dict[str, str]], actor: str) -> dict[str, object]:
    """Import the rows, then time the dossier of ``actor`` and the library network."""
    documents = [wikinews_document(r) for r in rows]
    stated = [d.published for d in documents]
    model = model_recognizer()
    model.recognize("Warm-up in Vienna.", "en")
    importer = Importer(library, model)
    results, import_seconds = _timed(
        lambda: importer.import_documents([(r["url"], d) for r, d in zip(rows, documents, strict=True)])
    )
    figures: dict[str, object] = {
        "articles": len(rows),
        "imported": sum(r.status == "imported" for r in results),
        "words": sum(len(r["text"].split()) for r in rows),
        "import_seconds": round(import_seconds, 1),
        "dated_by_text": sum(s is not None for s in stated),
        "dates_agree_with_source": sum(s == r["date"] for s, r in zip(stated, rows, strict=True)),
    }
    with library.read_session() as session:
        figures["quotes_in_library"] = len(list_quotes(session))
        dossier, figures["dossier_query_seconds"] = _timed(lambda: actor_dossier(session, actor))
        network, figures["network_query_seconds"] = _timed(lambda: library_network(session))
        strong, figures["network_min2_query_seconds"] = _timed(lambda: library_network(session, 2))
    markdown, figures["dossier_markdown_seconds"] = _timed(
        lambda: render_dossier(dossier.as_json(), timeline=dossier.timeline("month"))
    )
    data = network.as_json()
    _json, figures["network_json_seconds"] = _timed(lambda: json.dumps(data))
    _graphml, figures["network_graphml_seconds"] = _timed(lambda: graphml(data))
    _gexf, figures["network_gexf_seconds"] = _timed(lambda: gexf(data))
    figures.update(
        {
            "actor": dossier.actor.name,
            "actor_articles": len(dossier.articles),
            "actor_quotes": len(dossier.quotes),
            "actor_quotes_dated": sum(q.published is not None for q in dossier.quotes),
            "actor_related": len(dossier.related),
            "actor_timeline_months": sum(b.articles > 0 for b in dossier.timeline("month")),
            "dossier_markdown_chars": len(markdown),
            "network_nodes": len(network.nodes),
            "network_edges": len(network.edges),
            "network_min2_nodes": len(strong.nodes),
            "network_min2_edges": len(strong.edges),
        }
    )
    return figures


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench_dossier", description=__doc__)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--actor", default="Donald Trump")
    parser.add_argument("--db", type=Path, help="keep the library in this new file")
    parser.add_argument("--json", action="store_true", help="print only the JSON figures")
    args = parser.parse_args(argv)
    folder = args.data / "wikinews-en"
    rows = wikinews_rows(folder)[: args.limit]
    if not rows:
        raise SystemExit(f"bench_dossier: no Wikinews articles in {folder} (use --data DIR)")
    if args.db is not None:
        if args.db.exists():
            raise SystemExit(f"bench_dossier: {args.db} exists; give a new file")
        library = open_library(resolve_database_url(str(args.db), {}))
        figures = measure(library, rows, args.actor)
        library.close()
    else:
        with tempfile.TemporaryDirectory() as tmp:
            library = open_library(resolve_database_url(str(Path(tmp) / "bench.sqlite3"), {}))
            figures = measure(library, rows, args.actor)
            library.close()
    print(json.dumps(figures, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
