"""Subcommands over who said what and who appears with whom: quotes, dossier, network."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from desktop.commands.common import (
    Handler,
    add_limit_options,
    check_id,
    emit,
    fast_read,
    fast_reader,
    field,
    hint_outdated,
    open_library,
    positive_int,
    row_limit,
    say_outdated,
    warn,
)

if TYPE_CHECKING:
    from desktop.services.dto import Dossier


def register(sub: Any) -> dict[str, Handler]:
    """Add the quote, dossier and network subcommands to ``sub``."""
    p = sub.add_parser("quotes", help="statements and their speakers (of an article and/or an actor)")
    p.add_argument("--article", type=int, metavar="ID")
    p.add_argument("--actor", metavar="NAME", help="an actor's name, alias or #ID")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("dossier", help="everything about one actor, as Markdown or JSON")
    p.add_argument("name", metavar="NAME", help="an actor's name, alias or #ID")
    p.add_argument("--json", action="store_true")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (never overwritten unless --force)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    add_limit_options(p, "articles, statements, roles and related actors (the newest; the most related)")

    p = sub.add_parser("network", help="actors named in the same sentences (JSON, GraphML or GEXF)")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--article", type=int, metavar="ID")
    scope.add_argument("--actor", metavar="NAME", help="an actor's name, alias or #ID: its neighbourhood")
    p.add_argument("--min", type=positive_int, default=1, metavar="N", help="least shared sentences per edge")
    p.add_argument("--format", choices=("json", "graphml", "gexf"), default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (never overwritten unless --force)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    return {"quotes": _cmd_quotes, "dossier": _cmd_dossier, "network": _cmd_network}


def _write(args: argparse.Namespace, text: str, out: TextIO) -> None:
    if args.output:
        from desktop.core.export_md import write_new_file

        path = write_new_file(Path(args.output), text, overwrite=args.force)
        warn(f"wrote {path}")
    else:
        out.write(text)


def _cmd_quotes(args: argparse.Namespace, out: TextIO) -> int:
    check_id("article", args.article)
    with fast_reader(args) as reader:
        found = fast_read(reader, lambda r: (r.quotes(args.article, args.actor), r.outdated_articles()))
    if found is None:
        from desktop.services.quotes import load_quotes

        library = open_library(args)
        rows = load_quotes(library, article_id=args.article, actor=args.actor)
        hint_outdated(library)
    else:
        rows, outdated = found
        say_outdated(outdated)
    if args.json:
        emit([r.as_json() for r in rows], out)
        return 0
    for r in rows:
        speaker = r.speaker_name or (f"({r.source})" if r.source else "(no speaker)")
        out.write(f"#{r.id:<5} art. {r.article_id:<4} {r.kind:<8} {field(speaker)}: “{field(r.text)}”\n")
    return 0


def _cmd_dossier(args: argparse.Namespace, out: TextIO) -> int:
    limit = row_limit(args)
    with fast_reader(args) as reader:
        found = fast_read(reader, lambda r: (r.dossier(args.name, limit), r.outdated_articles()))
    if found is None:
        from desktop.services.dossier import load_dossier

        library = open_library(args)
        dossier = load_dossier(library, args.name, limit)
        hint_outdated(library)
    else:
        dossier, outdated = found
        say_outdated(outdated)
    _note_cut(dossier, limit)
    if args.json:
        if args.output:
            import json

            _write(args, json.dumps(dossier.as_json(), ensure_ascii=False, indent=2) + "\n", out)
        else:
            emit(dossier.as_json(), out)
        return 0
    from desktop.core.dossier_md import render_dossier
    from desktop.services.color_meanings import color_meanings

    text = render_dossier(dossier.as_json(), timeline=dossier.timeline("month"), meanings=color_meanings())
    _write(args, text, out)
    return 0


def _note_cut(dossier: Dossier, limit: int | None) -> None:
    """One line on stderr when the dossier lists only the newest part of what the library holds."""
    totals = dossier.counts()
    cut = [
        f"{limit} of {total:,} {noun}"
        for noun, total in (
            ("articles", totals.articles),
            ("statements", totals.quotes),
            ("roles", totals.roles),
        )
        if limit is not None and total > limit
    ]
    if cut:
        listed = ", ".join(cut[:-1]) + " and " + cut[-1] if len(cut) > 1 else cut[0]
        warn(f"note: only the newest {listed} are listed; --limit N or --all for more")


def _cmd_network(args: argparse.Namespace, out: TextIO) -> int:
    check_id("article", args.article)
    with fast_reader(args) as reader:
        found = fast_read(
            reader, lambda r: (r.network(args.article, args.actor, args.min), r.outdated_articles())
        )
    if found is None:
        from desktop.services.network import load_network

        library = open_library(args)
        graph = load_network(library, article_id=args.article, actor=args.actor, min_sentences=args.min)
        hint_outdated(library)
    else:
        graph, outdated = found
        say_outdated(outdated)
    data = graph.as_json()
    if args.format == "json" and not args.output:
        emit(data, out)
        return 0
    if args.format == "json":
        import json

        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        from desktop.core import network_export

        text = network_export.graphml(data) if args.format == "graphml" else network_export.gexf(data)
    _write(args, text, out)
    return 0
