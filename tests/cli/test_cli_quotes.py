"""quotes, dossier, network, edit-article and reanalyze as subprocesses: exact JSON shapes, files, errors."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin
from sqlalchemy import update

from desktop.services.queries import find_actor
from desktop.services.quote_corrections import mark_quote
from desktop.storage.db import open_library, resolve_database_url
from desktop.storage.models import Article
from tests.postgres import library_location

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = next((ROOT / "seeds").glob("*.txt"))
RUTTE_SAYS = "Wir müssen prüfen, wie sich das auf die Pläne der NATO auswirkt"
QUOTE_KEYS = {"id", "article", "start", "end", "text", "kind", "speaker", "cue"}


def run(db: Path, *args: str, code: int = 0) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFING_READER_DB": library_location(db), "PYTHONUTF8": "1"}
    env.pop("BRIEFING_READER_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=240,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    if code == 1:  # a user error: one line
        assert len(lines) == 1 and "unexpected error" not in lines[0], result.stderr
    elif code == 2:  # a usage error: the usage, then one error line
        assert lines[-1].startswith("briefing-reader") and ": error: " in lines[-1], result.stderr
        assert sum(": error: " in line for line in lines) == 1
    return result


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("quotes") / "library.sqlite3"
    assert json.loads(run(db, "import", "--json", str(SAMPLE)).stdout)[0]["status"] == "imported"
    text = SAMPLE.read_text(encoding="utf-8")
    start = text.index(RUTTE_SAYS)
    lib = open_library(resolve_database_url(library_location(db), {}))
    try:
        with lib.read_session() as session:
            rutte = find_actor(session, "Rutte").id
        mark_quote(lib, 1, start - 1, start + len(RUTTE_SAYS) + 1, rutte)  # with its quotation marks
    finally:
        lib.close()
    run(db, "annotate", "1", "--quote", "fügte Rutte hinzu", "--note", "*Rutte* <b>", "--tag", "nato")
    run(db, "edit-article", "1", "--date", "2025-09-04", "--source", "Euronews")
    return db


def test_quotes_json_shape(library: Path) -> None:
    quotes = json.loads(run(library, "quotes", "--json").stdout)
    text = json.loads(run(library, "show", "1", "--json").stdout)["text"]
    assert quotes, "the marked quote at least"
    for quote in quotes:
        assert set(quote) == QUOTE_KEYS
        assert quote["kind"] in ("direct", "indirect") and quote["article"] == 1
        assert text[quote["start"] : quote["end"]] == quote["text"]
        assert quote["speaker"] is None or set(quote["speaker"]) == {"actor_id", "name"}
        if quote["cue"] is not None:
            assert set(quote["cue"]) == {"start", "end", "text"}
            assert text[quote["cue"]["start"] : quote["cue"]["end"]] == quote["cue"]["text"]
    by_rutte = json.loads(run(library, "quotes", "--actor", "Mark Rutte", "--json").stdout)
    assert RUTTE_SAYS in [q["text"] for q in by_rutte]
    assert all(q["speaker"]["name"] == "Mark Rutte" for q in by_rutte)
    assert (
        json.loads(run(library, "quotes", "--article", "1", "--actor", "Rutte", "--json").stdout) == by_rutte
    )
    plain = run(library, "quotes", "--actor", "Rutte").stdout
    assert "Mark Rutte: “" + RUTTE_SAYS + "”" in plain


def test_dossier_json_shape(library: Path) -> None:
    data = json.loads(run(library, "dossier", "Rutte", "--json").stdout)
    assert set(data) == {"actor", "articles", "quotes", "roles", "related", "annotations", "totals"}
    assert data["totals"]["articles"] == len(data["articles"]) == 1
    assert set(data["actor"]) == {"id", "name", "type", "aliases", "roles"}
    assert data["actor"]["name"] == "Mark Rutte" and data["actor"]["type"] == "person"
    assert [(a["id"], a["published"]) for a in data["articles"]] == [(1, "2025-09-04")]
    assert set(data["articles"][0]) == {"id", "title", "published", "mentions"}
    assert data["articles"][0]["mentions"] >= 2  # "Mark Rutte", "Rutte"
    assert [set(q) for q in data["quotes"]] == [QUOTE_KEYS] * len(data["quotes"])
    assert RUTTE_SAYS in [q["text"] for q in data["quotes"]]
    assert all(set(r) == {"role", "article", "published"} for r in data["roles"])
    assert {(r["role"], r["article"], r["published"]) for r in data["roles"]} == {
        (role, 1, "2025-09-04") for role in data["actor"]["roles"]
    }
    assert data["related"] and all(
        set(r) == {"actor_id", "name", "type", "sentences", "articles"} for r in data["related"]
    )
    assert "NATO" in [r["name"] for r in data["related"]]
    notes = data["annotations"]
    assert [n["quote"] for n in notes] == ["fügte Rutte hinzu"]
    assert set(notes[0]) == {
        "id",
        "start",
        "end",
        "quote",
        "note",
        "tags",
        "color",
        "article",
        "author",
        "edited_by",
        "version",
    }


def test_dossier_limit_and_all(library: Path) -> None:
    whole = json.loads(run(library, "dossier", "Rutte", "--json", "--all").stdout)
    assert json.loads(run(library, "dossier", "Rutte", "--json").stdout) == whole  # one article: all fits
    one = run(library, "dossier", "Rutte", "--json", "--limit", "1")
    data = json.loads(one.stdout)
    assert data["totals"] == whole["totals"] and len(data["related"]) == 1
    assert len(data["quotes"]) == min(1, len(whole["quotes"]))
    if whole["totals"]["quotes"] > 1:
        assert "only the newest 1 of" in one.stderr and "--all" in one.stderr


def test_dossier_markdown_to_stdout_and_file(library: Path, tmp_path: Path) -> None:
    md = run(library, "dossier", "Mark Rutte").stdout
    html = MarkdownIt("commonmark").use(front_matter_plugin).render(md)
    assert "<b>" not in html.split("Your notes")[0]
    text = SAMPLE.read_text(encoding="utf-8")
    start = text.index(RUTTE_SAYS)
    assert f'href="briefing-reader://article/1#{start}-{start + len(RUTTE_SAYS)}"' in html
    assert "<em>Rutte</em>" in html  # the note is the user's Markdown
    out = tmp_path / "rutte.md"
    run(library, "dossier", "Mark Rutte", "-o", str(out))
    assert out.read_text(encoding="utf-8").startswith("---\n")
    again = run(library, "dossier", "Mark Rutte", "-o", str(out), code=1)
    assert "already exists" in again.stderr
    run(library, "dossier", "Mark Rutte", "-o", str(out), "--force")


def test_network_json_graphml_gexf(library: Path, tmp_path: Path) -> None:
    data = json.loads(run(library, "network", "--format", "json").stdout)
    assert set(data) == {"nodes", "edges"} and data["nodes"] and data["edges"]
    assert all(set(n) == {"id", "name", "type", "mentions"} for n in data["nodes"])
    assert all(set(e) == {"source", "target", "sentences", "articles"} for e in data["edges"])
    names = {n["id"]: n["name"] for n in data["nodes"]}
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"net.{fmt}"
        run(library, "network", "--format", fmt, "-o", str(path))
        graph = read(io.BytesIO(path.read_bytes()))
        assert {graph.nodes[str(i)]["label"] for i in names} == set(names.values())
        for edge in data["edges"]:
            attributes = graph.edges[str(edge["source"]), str(edge["target"])]
            assert float(attributes["weight"]) == edge["sentences"]
        node = data["nodes"][0]
        assert graph.nodes[str(node["id"])]["type"] == node["type"]
    article = json.loads(run(library, "network", "--article", "1").stdout)
    assert len(article["nodes"]) >= len(data["nodes"])
    around = json.loads(run(library, "network", "--actor", "Rutte", "--min", "1").stdout)
    assert "Mark Rutte" in [n["name"] for n in around["nodes"]]
    graphml = run(library, "network", "--actor", "Rutte", "--format", "graphml").stdout
    assert graphml.startswith("<?xml")


def test_edit_article_and_published_apart_from_imported(library: Path) -> None:
    row = json.loads(run(library, "articles", "--json").stdout)[0]
    assert (row["published"], row["outlet"]) == ("2025-09-04", "Euronews")
    edited = json.loads(
        run(library, "edit-article", "1", "--title", "Koalition: neuer Titel", "--json").stdout
    )
    assert edited == {
        "id": 1,
        "title": "Koalition: neuer Titel",
        "published": "2025-09-04",
        "outlet": "Euronews",
    }
    assert [h["id"] for h in json.loads(run(library, "search", "--json", "neuer titel").stdout)] == [1]
    cleared = json.loads(run(library, "edit-article", "1", "--date", "", "--json").stdout)
    assert cleared["published"] is None
    original = "Koalition der Willigen: Welche Sicherheitsgarantien für Kyjiw?"
    run(library, "edit-article", "1", "--title", original, "--date", "2025-09-04")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("quotes", "--article", "99"), 1),
        (("quotes", "--article", "x"), 2),
        (("quotes", "--article", str(2**63)), 1),
        (("quotes", "--actor", "Niemand Sonst"), 1),
        (("dossier", "Niemand Sonst"), 1),
        (("dossier", ""), 1),
        (("dossier",), 2),
        (("dossier", "Rutte", "--limit", "0"), 2),
        (("dossier", "Rutte", "--all", "--limit", "3"), 2),
        (("network", "--min", "0"), 2),
        (("network", "--article", "1", "--actor", "Rutte"), 2),
        (("network", "--article", "99"), 1),
        (("network", "--format", "dot"), 2),
        (("network", "--article", "99999999999999999999999"), 1),
        (("network", "--min", str(2**64)), 2),
        (("edit-article", "1"), 1),
        (("edit-article", "1", "--date", "4.9.2025"), 1),
        (("edit-article", "1", "--date", "2025-02-30"), 1),
        (("edit-article", "1", "--title", " "), 1),
        (("edit-article", "99", "--title", "x"), 1),
        (("edit-article", "-3", "--title", "x"), 1),
        (("edit-article", "x", "--title", "x"), 2),
        (("reanalyze", "--article", "99"), 1),
        (("reanalyze", "--article", "0"), 1),
        (("reanalyze", "--all", "--article", "1"), 2),
    ],
)
def test_broken_arguments_give_one_line(library: Path, args: tuple[str, ...], code: int) -> None:
    result = run(library, *args, code=code)
    assert re.search(r"briefing-reader[^\n]*: ", result.stderr.strip().splitlines()[-1])


def test_reanalyze_brings_old_articles_up_to_date_and_keeps_corrections(library: Path) -> None:
    lib = open_library(resolve_database_url(library_location(library), {}))  # the library run() uses
    try:
        with lib.session() as session:
            session.execute(update(Article).values(analysis_version=0))
    finally:
        lib.close()
    hinted = run(library, "quotes", "--json")
    assert "1 article predates quote finding" in hinted.stderr and "reanalyze" in hinted.stderr
    result = run(library, "reanalyze", "--json")
    assert [(r["id"], r["entities"]) for r in json.loads(result.stdout)] == [(1, False)]
    after = run(library, "quotes", "--actor", "Rutte", "--json")
    assert after.stderr == ""
    assert RUTTE_SAYS in [q["text"] for q in json.loads(after.stdout)]
    assert "up to date" in run(library, "reanalyze").stderr
    full = json.loads(run(library, "reanalyze", "--article", "1", "--json").stdout)
    assert full[0]["entities"] is True and full[0]["mentions"] > 0
    assert RUTTE_SAYS in [
        q["text"] for q in json.loads(run(library, "quotes", "--actor", "Rutte", "--json").stdout)
    ]
