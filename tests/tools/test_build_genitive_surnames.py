from __future__ import annotations

import gzip
from pathlib import Path

from desktop.core.entities.genitive_surnames import (
    genitive_of_listed_surname,
    load_surname_lists,
    surname_in_s,
)
from tools.build_genitive_surnames import CENSUS, build, genitive_rows, main


def test_rows_keep_vowel_bases_more_frequent_than_their_s_form_and_surnames_in_s() -> None:
    names = {"kruse": 0.007, "jone": 0.002, "jones": 0.621, "hanks": 0.006, "hank": 0.001}
    names |= {"may": 0.04, "mays": 0.016}
    rows = genitive_rows(names)
    assert ("kruse", "base", 0.007, 0.0) in rows
    assert ("may", "base", 0.04, 0.016) in rows  # 2.5 times as frequent as "Mays"
    assert ("jones", "s-name", 0.621, 0.002) in rows and ("hanks", "s-name", 0.006, 0.001) in rows
    assert not any(row[0] in ("jone", "mays") for row in rows)


def test_build_writes_both_kinds_and_the_linker_reads_them(tmp_path: Path) -> None:
    census = tmp_path / "data" / CENSUS
    census.parent.mkdir(parents=True)
    lines = ["JONES 0.621 0.621 1", "KRUSE 0.007 0.628 2", "HANKS 0.006 0.634 3", "JONE 0.002 0.636 4"]
    census.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("latin-1")))
    out = tmp_path / "genitive_surnames.tsv.gz"
    assert build(tmp_path / "data", out) == {"base": 1, "s-name": 2}
    lists = load_surname_lists(out)
    assert genitive_of_listed_surname("Kruses", lists) and not genitive_of_listed_surname("Jones", lists)
    assert surname_in_s("Hanks", lists) and not surname_in_s("Kruses", lists)


def test_missing_data_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--data", str(tmp_path), "--out", str(tmp_path / "x.tsv.gz")]) == 2
    assert capsys.readouterr().err.strip().startswith("No US census surname list")
