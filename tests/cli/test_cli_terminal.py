"""Terminal output of every listing command, and argument checks, run in-process on a crafted library.

The library is written directly (not through the import, which cleans titles), as an old
library or another program could have left it: the commands must still never print a control
character other than newline and tab, and their JSON must stay valid and lossless.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.cli import run_cli
from desktop.storage.db import Library, open_library, resolve_database_url
from desktop.storage.models import Actor, ActorAlias, ActorRole, Annotation, Article, Mention
from desktop.storage.search import index_article
from tests.hostile_inputs import ESCAPES
from tests.postgres import ON_POSTGRES, library_location

TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Text with everything a terminal could act on: C0/C1 controls, bidi overrides, lone surrogates.
hostile_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\x1b", "\x07", "\x9b", "\x85", "\r", "\n", "\t", "\u202e", "\u2028", "\udcfc"]),
    ),
    min_size=1,
    max_size=40,
)
if ON_POSTGRES:  # a PostgreSQL text holds neither NUL nor lone surrogates: no library there can have them
    hostile_text = hostile_text.map(
        lambda text: text.replace("\x00", "\x01").encode("utf-8", "replace").decode("utf-8")
    )
_numbers = itertools.count(1)


def run(db: Path, *args: str) -> tuple[int, str, str]:
    """Run the command line in-process; (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            status = run_cli(["--db", library_location(db), *args], out=out)
        except SystemExit as stop:  # usage errors
            status = int(stop.code or 0)
    return status, out.getvalue(), err.getvalue()


def add_article(library: Library, n: int, title: str, body: str, name: str, note: str) -> int:
    """An article whose every shown field holds ``title``, ``name`` or ``note``, written as is."""
    text = f"Bericht {n}: {body} Wien {name}"
    with library.session() as session:
        fields = {"language": "de", "format": "txt", "content_hash": f"h{n}", "author": name, "outlet": name}
        article = Article(title=title, text=text, **fields)
        actor = Actor(name=name, type="person")
        session.add_all([article, actor])
        session.flush()
        index_article(session, article.id, title, text)
        session.add_all(
            [
                ActorAlias(actor_id=actor.id, alias=name, key=f"k{n}"),
                ActorRole(actor_id=actor.id, article_id=article.id, role=note),
                Mention(article_id=article.id, actor_id=actor.id, start=0, end=7, text=name, type="person"),
                Annotation(article_id=article.id, start=0, end=7, exact=note, note=note),
            ]
        )
        return article.id


@pytest.fixture(scope="module")
def crafted() -> Iterator[tuple[Path, Library]]:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "library.sqlite3"
        library = open_library(resolve_database_url(library_location(db), {}))
        add_article(library, 0, f"Titel{ESCAPES}", f"Text mit {ESCAPES} drin", f"Name{ESCAPES}", ESCAPES)
        try:
            yield db, library
        finally:
            library.close()


def assert_terminal_safe(*outputs: str) -> None:
    for output in outputs:
        assert not TERMINAL_CONTROLS.search(output), repr(output)
        output.encode("utf-8")  # printable on any UTF-8 terminal: no lone surrogates


COMMANDS = [
    ("articles",),
    ("articles", "--json"),
    ("show", "{id}"),
    ("show", "{id}", "--json"),
    ("search", "Bericht"),
    ("search", "--json", "Bericht"),
    ("actors",),
    ("actors", "--article", "{id}", "--json"),
    ("annotations",),
    ("annotations", "--json"),
    ("export", "--article", "{id}"),
]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=hostile_text, body=hostile_text, name=hostile_text, note=hostile_text)
def test_terminal_output_never_holds_control_characters(
    crafted: tuple[Path, Library], title: str, body: str, name: str, note: str
) -> None:
    db, library = crafted
    article_id = add_article(library, next(_numbers), title, body, name, note)
    for command in COMMANDS:
        status, out, err = run(db, *(part.format(id=article_id) for part in command))
        assert status == 0, (command, err)
        assert_terminal_safe(out, err)
        if "--json" in command:
            json.loads(out)  # the escapes are JSON's own: still valid
    shown = json.loads(run(db, "show", str(article_id), "--json")[1])
    assert shown["title"] == title.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")


def test_errors_quoting_hostile_arguments_stay_one_safe_line(crafted: tuple[Path, Library]) -> None:
    db, _ = crafted
    for args in (("show", f"1{ESCAPES}"), (f"frob{ESCAPES}nicate",), ("annotate", "1", "--quote", ESCAPES)):
        status, out, err = run(db, *args)
        assert status in (1, 2), args
        assert_terminal_safe(out, err)
        said = [line for line in err.splitlines() if re.match(r"briefing-reader[\w -]*: ", line)]
        assert len(said) == 1 and said[0] == err.splitlines()[-1], err  # after the usage: one line


@pytest.mark.parametrize(
    "args",
    [
        ("show", str(2**63)),
        ("show", "-5"),
        ("actors", "--article", str(2**70)),
        ("annotations", "--article", "0"),
        ("export", "--article", str(2**63)),
        ("annotate", str(2**64), "--quote", "Bericht"),
        ("mark", "1", str(2**63), "--star"),
        ("delete-article", str(2**64)),
    ],
)
def test_impossible_article_ids_name_nothing(crafted: tuple[Path, Library], args: tuple[str, ...]) -> None:
    status, out, err = run(crafted[0], *args)
    ident = max((a for a in args[1:] if a.lstrip("-").isdigit()), key=len)
    assert (status, out) == (1, "")
    assert err == f"briefing-reader: There is no article {ident} in this library.\n"


@pytest.mark.parametrize("args", [("delete-annotation",), ("edit-annotation", "--note", "x")])
def test_impossible_annotation_ids_name_nothing(crafted: tuple[Path, Library], args: tuple[str, ...]) -> None:
    status, _, err = run(crafted[0], args[0], str(2**63), *args[1:])
    assert status == 1 and err == f"briefing-reader: There is no annotation {2**63}.\n"


def test_annotations_of_a_missing_article_fail_like_show(crafted: tuple[Path, Library]) -> None:
    shown, listed = run(crafted[0], "show", "99999"), run(crafted[0], "annotations", "--article", "99999")
    assert shown[0] == listed[0] == 1
    assert shown[2] == listed[2] == "briefing-reader: There is no article 99999 in this library.\n"


@pytest.mark.parametrize("command", ["annotations", "export"])
def test_an_empty_tag_is_an_error_not_everything(crafted: tuple[Path, Library], command: str) -> None:
    status, out, err = run(crafted[0], command, "--tag", "")
    assert (status, out) == (1, "")
    assert "tag must not be empty" in err


def test_a_query_of_a_thousand_terms_is_refused_with_a_message(crafted: tuple[Path, Library]) -> None:
    status, out, err = run(crafted[0], "search", " ".join(["e*"] * 1_000))
    assert (status, out) == (1, "")
    assert "at most 500 are searched for" in err
    status, _, err = run(crafted[0], "search", " ".join(f"wort{i}" for i in range(40)))
    assert status == 1 and "40 different words; at most 32" in err
    assert run(crafted[0], "search", " ".join(["bericht*"] * 20))[0] == 0  # repeats count once


def test_forced_export_never_replaces_a_pipe_or_a_link_to_a_device(
    crafted: tuple[Path, Library], tmp_path: Path
) -> None:
    import os

    fifo = tmp_path / "notes.md"
    os.mkfifo(fifo)
    device_link = tmp_path / "null.md"
    device_link.symlink_to(os.devnull)
    for target in (fifo, device_link):
        status, _, err = run(crafted[0], "export", "--all", "-o", str(target), "--force")
        assert status == 1 and "not a regular file" in err
    assert fifo.is_fifo() and device_link.is_symlink()
