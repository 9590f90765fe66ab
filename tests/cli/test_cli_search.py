"""``search``: hits are positions, never marker characters; German quotation marks stay text."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from desktop.commands.articles import _cmd_search as search_command
from desktop.commands.articles import write_snippet
from desktop.commands.common import BOLD, PLAIN, TerminalText, close_libraries
from desktop.storage.db import open_library, resolve_database_url
from desktop.storage.models import Article
from desktop.storage.search import index_article
from tests.cli.test_cli import run
from tests.postgres import library_location

QUOTED = "Der Sprecher nannte den «Gipfel» einen Erfolg; »Gipfeltreffen« seien überflüssig."


@pytest.fixture
def quoted_library(tmp_path: Path) -> Path:
    db = tmp_path / "library.sqlite3"
    library = open_library(resolve_database_url(library_location(db), {}))
    try:
        with library.session() as session:
            article = Article(title="Gipfel", text=QUOTED, language="de", format="txt", content_hash="1" * 64)
            session.add(article)
            session.flush()
            index_article(session, article.id, article.title, article.text)
    finally:
        library.close()
    return db


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_search_output_keeps_quotes_and_marks_hits_by_position(quoted_library: Path) -> None:
    plain = run(quoted_library, "search", "gipfel").stdout
    assert QUOTED in plain  # the text as written, « » included, no markers added
    assert "\x1b[" not in plain  # not a terminal: no escape codes
    hits = json.loads(run(quoted_library, "search", "--json", "gipfel").stdout)
    assert hits[0]["snippet"] == QUOTED
    assert [hits[0]["snippet"][a:b] for a, b in hits[0]["hits"]] == ["Gipfel"]


def test_search_on_a_terminal_shows_hits_in_bold(
    quoted_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    out = _Terminal()
    args = argparse.Namespace(
        db=library_location(quoted_library), command="search", query="gipfel", json=False
    )
    assert search_command(args, TerminalText(out)) == 0
    assert f"«{BOLD}Gipfel{PLAIN}»" in out.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    out = _Terminal()
    search_command(args, TerminalText(out))
    close_libraries()
    assert "\x1b[" not in out.getvalue() and QUOTED in out.getvalue()


def _snippet(text: str, hits: tuple[tuple[int, int], ...], *, bold: bool) -> str:
    out = _Terminal()
    write_snippet(TerminalText(out), text, hits, bold=bold)
    return out.getvalue()


def test_snippets_ignore_bad_positions_and_never_pass_escapes_from_the_text() -> None:
    assert _snippet("ab cd", ((3, 5), (4, 9), (-2, -1)), bold=True) == f"ab {BOLD}cd{PLAIN}"
    assert _snippet("ab cd", ((0, 2),), bold=False) == "ab cd"
    assert "\x1b[2J" not in _snippet("ab \x1b[2Jcd", ((0, 2),), bold=True)


def test_a_search_that_finds_nothing_says_so_on_stderr(quoted_library: Path) -> None:
    none = run(quoted_library, "search", "Quatschwort")
    assert none.returncode == 0 and none.stdout == ""
    assert none.stderr.strip() == "'Quatschwort' matches no article."
    quotes_only = run(quoted_library, "search", '"""')
    assert quotes_only.returncode == 0 and quotes_only.stdout == ""
    assert quotes_only.stderr.strip() == '\'"""\' has no words to search for.'
    assert json.loads(run(quoted_library, "search", "--json", "Quatschwort").stdout) == []
