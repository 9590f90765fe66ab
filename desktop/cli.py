"""The command line: the same core and storage the window uses, for scripts and analysts.

Exit status: 0 on success, 1 on a user error (one clear line on stderr), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

SUBCOMMANDS = (
    "import",
    "articles",
    "show",
    "actors",
    "search",
    "annotate",
    "annotations",
    "edit-annotation",
    "delete-annotation",
    "export",
    "entities",
    "install-desktop-entry",
)


class UserError(Exception):
    """An error the user can fix; printed as one line, exit status 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # exit 2 with one line, no usage dump noise
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of all subcommands."""
    parser = _Parser(prog="briefing-reader", description="Read, annotate and export news and briefings.")
    parser.add_argument("--db", metavar="URL", help="library: a SQLite file path or a database URL")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("import", help="import files, folders or - (stdin)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("articles", help="list the articles in the library")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("show", help="show one article with its entities and annotations")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("actors", help="list actors (of one article or the whole library)")
    p.add_argument("--article", type=int, metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("search", help="full-text search (case and accents ignored)")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("annotate", help="annotate a passage of an article, found by quoting it")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    p.add_argument("--quote", required=True, metavar="TEXT")
    p.add_argument("--note", default="", metavar="TEXT")
    p.add_argument("--tag", action="append", default=[], metavar="TAG")
    p.add_argument("--color", default="yellow", metavar="NAME")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("annotations", help="list annotations (of one article, or with a tag)")
    p.add_argument("--article", type=int, metavar="ARTICLE_ID")
    p.add_argument("--tag", metavar="TAG")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("edit-annotation", help="change an annotation's note, tags or colour")
    p.add_argument("annotation_id", type=int, metavar="ANNOTATION_ID")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument("--tag", action="append", metavar="TAG", help="replaces all tags (repeat for several)")
    p.add_argument("--no-tags", action="store_true", help="remove all tags")
    p.add_argument("--color", metavar="NAME")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("delete-annotation", help="delete an annotation")
    p.add_argument("annotation_id", type=int, metavar="ANNOTATION_ID")

    p = sub.add_parser("export", help="export notes as Markdown")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--article", type=int, metavar="ID")
    target.add_argument("--tag", metavar="TAG")
    target.add_argument("--actor", metavar="NAME")
    target.add_argument("--all", action="store_true")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (never overwritten unless --force)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    p = sub.add_parser("entities", help="recognise named entities in a text (no library needed)")
    p.add_argument("--language", choices=("de", "en", "auto"), default="auto")
    p.add_argument("--jsonl", action="store_true", help='one {"text", "language"} object per input line')
    p.add_argument("file", nargs="?", default="-", metavar="FILE")

    sub.add_parser("install-desktop-entry", help="add Briefing Reader to the desktop menu (Linux)")
    return parser


def _emit(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _open_library(args: argparse.Namespace) -> Any:
    """Open the selected library; a brand-new default library starts with the sample briefing."""
    from desktop.storage.db import ENV_VAR, default_database_path, open_library, resolve_database_url

    is_default = args.db is None and not os.environ.get(ENV_VAR)
    is_new = is_default and not default_database_path().exists()
    library = open_library(resolve_database_url(args.db, os.environ))
    if is_new and args.command != "import":
        from desktop.services.recognition import library_recognizer
        from desktop.services.seeding import seed_if_empty

        for result in seed_if_empty(library, library_recognizer(library)):
            sys.stderr.write(f"first start: sample {result.status} as article {result.id}: {result.title}\n")
    return library


def _cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.importer import Importer
    from desktop.services.recognition import library_recognizer

    library = _open_library(args)
    importer = Importer(library, library_recognizer(library))
    results = []
    files = [Path(p) for p in args.paths if p != "-"]
    if "-" in args.paths:
        data = sys.stdin.buffer.read()
        from desktop.core.ingest import IngestError, load_bytes

        try:
            results.append(importer.import_document(load_bytes(data, name="stdin", fmt=None), label="-"))
        except IngestError as error:
            from desktop.services.dto import ImportResult

            results.append(ImportResult("-", "error", message=error.message))
    for path in files:
        if not path.exists():
            from desktop.services.dto import ImportResult

            results.append(ImportResult(str(path), "error", message="No such file or folder."))
            continue
        found = importer.import_paths([path])
        if not found and path.is_dir():
            from desktop.services.dto import ImportResult

            found = [ImportResult(str(path), "error", message="The folder holds no importable files.")]
        results.extend(found)
    if args.json:
        _emit([r.as_json() for r in results], out)
    else:
        for r in results:
            if r.status == "error":
                continue
            out.write(f"{r.status:<9} #{r.id}  {r.title}  [{r.language}]  {r.path}\n")
    for r in results:
        if r.status == "error":
            sys.stderr.write(f"error: {r.path}: {r.message}\n")
    return 1 if any(r.status == "error" for r in results) else 0


def _cmd_articles(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.queries import list_articles

    with _open_library(args).read_session() as session:
        rows = list_articles(session)
    if args.json:
        _emit([r.as_json() for r in rows], out)
    else:
        for r in rows:
            notes = f"{r.annotations} notes" if r.annotations else ""
            out.write(f"#{r.id:<5} [{r.language}] {r.published or '':10}  {r.title}  {notes}\n")
    return 0


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.queries import article_detail

    with _open_library(args).read_session() as session:
        detail = article_detail(session, args.article_id)
    if args.json:
        data = detail.as_json()
        _emit({k: data[k] for k in ("id", "title", "language", "text", "mentions", "annotations")}, out)
    else:
        out.write(f"{detail.title}\n[{detail.language}] {detail.source or ''} {detail.published or ''}\n\n")
        out.write(detail.text + "\n")
        for a in detail.annotations:
            out.write(
                f"\n[{a.id}] {a.start}-{a.end} ({a.color}) {' '.join('#' + t for t in a.tags)}\n> {a.quote}\n"
            )
            if a.note:
                out.write(f"{a.note}\n")
    return 0


def _cmd_actors(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.queries import list_actors

    with _open_library(args).read_session() as session:
        rows = list_actors(session, args.article)
    if args.json:
        _emit([r.as_json() for r in rows], out)
    else:
        for r in rows:
            extra = f"  ({'; '.join(r.roles)})" if r.roles else ""
            aliases = f"  aka {', '.join(r.aliases)}" if r.aliases else ""
            out.write(f"{r.type:<12} {r.mentions:>4}x {r.articles:>3} art.  {r.name}{extra}{aliases}\n")
    return 0


def _cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.storage.search import search_articles

    with _open_library(args).read_session() as session:
        hits = search_articles(session, args.query)
    if args.json:
        _emit([{"id": h.id, "title": h.title, "snippet": h.snippet} for h in hits], out)
    else:
        for h in hits:
            out.write(f"#{h.id:<5} {h.title}\n       {h.snippet}\n")
    return 0


def _cmd_annotate(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.annotations import create_annotation

    row = create_annotation(
        _open_library(args),
        args.article_id,
        quote=args.quote,
        note=args.note,
        tags=args.tag,
        color=args.color,
    )
    if args.json:
        _emit(row.as_json(with_article=True), out)
    else:
        out.write(f"annotation {row.id} on article {row.article_id} at {row.start}-{row.end}\n")
    return 0


def _cmd_annotations(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.core.tags import normalize_tag
    from desktop.services.queries import annotation_rows

    tag = normalize_tag(args.tag) if args.tag else None
    with _open_library(args).read_session() as session:
        rows = annotation_rows(session, args.article, tag)
    if args.json:
        _emit([r.as_json(with_article=True) for r in rows], out)
    else:
        for r in rows:
            tags = " ".join("#" + t for t in r.tags)
            out.write(
                f"[{r.id}] article {r.article_id} {r.start}-{r.end} ({r.color}) {tags}\n  > {r.quote}\n"
            )
            if r.note:
                out.write(f"  {r.note}\n")
    return 0


def _cmd_edit_annotation(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.annotations import update_annotation

    tags = [] if args.no_tags else args.tag
    row = update_annotation(
        _open_library(args), args.annotation_id, note=args.note, tags=tags, color=args.color
    )
    if args.json:
        _emit(row.as_json(with_article=True), out)
    else:
        out.write(f"annotation {row.id} updated\n")
    return 0


def _cmd_delete_annotation(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.annotations import delete_annotation

    row = delete_annotation(_open_library(args), args.annotation_id)
    out.write(f"annotation {row.id} deleted\n")
    return 0


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.core.export_md import write_new_file
    from desktop.services import exporting

    library = _open_library(args)
    if args.article is not None:
        text = exporting.export_article(library, args.article)
    elif args.tag is not None:
        text = exporting.export_tag(library, args.tag)
    elif args.actor is not None:
        text = exporting.export_actor(library, args.actor)
    else:
        text = exporting.export_library(library)
    if args.output:
        path = write_new_file(Path(args.output), text, overwrite=args.force)
        sys.stderr.write(f"wrote {path}\n")
    else:
        out.write(text)
    return 0


def _cmd_entities(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.entities_cli import run_entities

    return run_entities(args.file, language=args.language, jsonl=args.jsonl, out=out)


def _cmd_install_desktop_entry(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.desktop_entry import install_desktop_entry

    for path in install_desktop_entry():
        out.write(f"installed {path}\n")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "import": _cmd_import,
    "articles": _cmd_articles,
    "show": _cmd_show,
    "actors": _cmd_actors,
    "search": _cmd_search,
    "annotate": _cmd_annotate,
    "annotations": _cmd_annotations,
    "edit-annotation": _cmd_edit_annotation,
    "delete-annotation": _cmd_delete_annotation,
    "export": _cmd_export,
    "entities": _cmd_entities,
    "install-desktop-entry": _cmd_install_desktop_entry,
}


def _user_error_types() -> tuple[type[BaseException], ...]:
    from desktop.core.anchoring import AnchorError
    from desktop.core.export_md import ExportError
    from desktop.core.ingest import IngestError
    from desktop.core.tags import TagError
    from desktop.services.annotations import AnnotationError
    from desktop.services.entities_cli import EntitiesInputError
    from desktop.services.queries import NotFoundError
    from desktop.storage.errors import StorageError

    return (
        UserError,
        EntitiesInputError,
        AnchorError,
        ExportError,
        IngestError,
        TagError,
        AnnotationError,
        NotFoundError,
        StorageError,
        OSError,
    )


def _message(error: BaseException) -> str:
    message = getattr(error, "message", None) or str(error) or error.__class__.__name__
    if isinstance(error, OSError) and error.strerror:
        message = f"{error.strerror}: {error.filename}" if error.filename else error.strerror
    return " ".join(str(message).split())


def run_cli(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Run one subcommand; returns the exit status."""
    out = out or sys.stdout
    args = build_parser().parse_args(list(argv))
    try:
        return COMMANDS[args.command](args, out)
    except KeyboardInterrupt:
        sys.stderr.write("briefing-reader: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:
        if isinstance(error, _user_error_types()):
            sys.stderr.write(f"briefing-reader: {_message(error)}\n")
            return 1
        if os.environ.get("BRIEFING_READER_DEBUG"):
            raise
        log = _write_crash_log(error)
        sys.stderr.write(f"briefing-reader: unexpected error ({_message(error)}); details in {log}\n")
        return 1


def _write_crash_log(error: BaseException) -> str:
    import tempfile
    import traceback

    from desktop.storage.db import default_database_path

    text = "".join(traceback.format_exception(error))
    for folder in (default_database_path().parent, Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / "crash.log"
            with path.open("a", encoding="utf-8") as handle:
                handle.write(text + "\n")
            return str(path)
        except OSError:
            continue
    return "(no writable folder for a log)"


def is_cli_invocation(argv: Sequence[str]) -> bool:
    """True when the arguments name a subcommand (else the window opens)."""
    rest = list(argv)
    while rest and rest[0].startswith("-"):
        option = rest.pop(0)
        if option == "--db" and rest:
            rest.pop(0)
        elif option in ("-h", "--help"):
            return True
    return bool(rest) and rest[0] in SUBCOMMANDS
