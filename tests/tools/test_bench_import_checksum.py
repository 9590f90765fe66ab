"""The import benchmark's library checksum: equal libraries hash equal, whatever the write order."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tools.bench_import import library_checksum


def _library(path: Path, pairs: list[tuple[int, int, int]], names: list[str]) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE actors (id INTEGER PRIMARY KEY, name TEXT, created_at TEXT)")
    connection.execute(
        "CREATE TABLE actor_pairs (actor_a INTEGER, actor_b INTEGER, sentences INTEGER, "
        "PRIMARY KEY (actor_a, actor_b))"
    )
    connection.executemany(
        "INSERT INTO actors (name, created_at) VALUES (?, datetime('now'))", [(n,) for n in names]
    )
    connection.executemany("INSERT INTO actor_pairs VALUES (?, ?, ?)", pairs)
    connection.commit()
    connection.close()
    return path


def test_rows_of_a_composite_key_hash_the_same_in_any_write_order(tmp_path: Path) -> None:
    pairs = [(1, 2, 3), (1, 3, 1), (2, 3, 5)]
    first = library_checksum(_library(tmp_path / "a.sqlite3", pairs, ["Ada", "Bo", "Cy"]))
    second = library_checksum(_library(tmp_path / "b.sqlite3", pairs[::-1], ["Ada", "Bo", "Cy"]))
    assert first == second
    assert first["rows"] == {"actor_pairs": 3, "actors": 3}


def test_a_changed_value_or_id_changes_the_hash(tmp_path: Path) -> None:
    pairs = [(1, 2, 3), (1, 3, 1)]
    base = library_checksum(_library(tmp_path / "a.sqlite3", pairs, ["Ada", "Bo", "Cy"]))
    counted = library_checksum(_library(tmp_path / "b.sqlite3", [(1, 2, 4), (1, 3, 1)], ["Ada", "Bo", "Cy"]))
    renumbered = library_checksum(_library(tmp_path / "c.sqlite3", pairs, ["Bo", "Ada", "Cy"]))
    assert base["sha256"] != counted["sha256"]
    assert base["sha256"] != renumbered["sha256"]
