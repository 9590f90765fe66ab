"""Two analysts on one PostgreSQL library at the same time, each a command-line process of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import fresh_database, needs_postgres

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = next((ROOT / "seeds").glob("*.txt"))
PASSAGES = {
    "alice": ["Reassurance Force", "Kriegsspiele", "Wolodymyr Selenskyj"],
    "bob": ["Seeminenräumung, so Quellen", "Alexus G. Grynkewich", "Keir Starmer"],
}

pytestmark = needs_postgres


def start(url: str, user: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "BRIEFING_READER_DB": url, "PYTHONUTF8": "1"}
    env.pop("BRIEFING_READER_DEBUG", None)
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "--user", user, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=240)
    assert "Traceback" not in err, err
    return process.returncode, out, err


@pytest.fixture
def team_library() -> Iterator[str]:
    with fresh_database() as url:
        code, out, err = finish(start(url, "alice", "import", "--json", str(SAMPLE)))
        assert code == 0, err
        assert json.loads(out)[0]["status"] == "imported"
        yield url


def test_two_users_annotate_at_once_and_a_conflicting_edit_is_reported(team_library: str) -> None:
    for alice_quote, bob_quote in zip(PASSAGES["alice"], PASSAGES["bob"], strict=True):
        both = [
            start(
                team_library, "alice", "annotate", "1", "--quote", alice_quote, "--note", f"A: {alice_quote}"
            ),
            start(team_library, "bob", "annotate", "1", "--quote", bob_quote, "--note", f"B: {bob_quote}"),
        ]
        for process in both:
            code, _out, err = finish(process)
            assert code == 0, err

    code, out, _err = finish(start(team_library, "carol", "annotations", "--json"))
    notes = json.loads(out)
    by_author = {user: sorted(n["quote"] for n in notes if n["author"] == user) for user in PASSAGES}
    assert by_author == {user: sorted(quotes) for user, quotes in PASSAGES.items()}
    code, out, _err = finish(start(team_library, "carol", "annotations", "--author", "bob", "--json"))
    assert {n["author"] for n in json.loads(out)} == {"bob"} and len(json.loads(out)) == 3

    target = next(n for n in notes if n["author"] == "alice")
    assert target["version"] == 1
    edits = {
        user: start(
            team_library,
            user,
            "edit-annotation",
            str(target["id"]),
            "--note",
            f"{user} was here",
            "--expect-version",
            "1",
            "--json",
        )
        for user in ("alice", "bob")
    }
    results = {user: finish(process) for user, process in edits.items()}
    winners = [user for user, (code, _out, _err) in results.items() if code == 0]
    assert len(winners) == 1, results
    (loser,) = set(edits) - set(winners)
    code, _out, err = results[loser]
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert f"changed by {winners[0]}" in err and "nothing was saved" in err
    code, out, _err = finish(start(team_library, "carol", "annotations", "--json"))
    stored = next(n for n in json.loads(out) if n["id"] == target["id"])
    assert stored["note"] == f"{winners[0]} was here"
    assert (stored["version"], stored["edited_by"], stored["author"]) == (2, winners[0], "alice")
