"""The list of German Wiktionary nouns and their forms (a tiny invented noun table; the
``german-nouns`` package is not needed)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tools.build_wiktionary_nouns import main, noun_forms, read_rows

HEADER = (
    "lemma,pos,genus,nominativ singular,nominativ plural,genitiv singular,genitiv singular 1,dativ plural"
)
TABLE = """\
Flomarrest,Substantiv,m,Flomarrest,Flomarreste,Flomarrests,Flomarrestes,Flomarresten
Kocher,Substantiv,m,Kocher,Kocher,Kochers,,Kochern
Kocher,"Nachname,Substantiv",,,,,,
Welzau,"Substantiv,Toponym",n,Welzau,,Welzaus,,
Glinch,Substantiv,m,Glinch,,Glinchs,,
Zwirbel,Substantiv,m,Zwirbel,Zwirbel,Zwirbels,,Zwirbeln
Ida,"Substantiv,Vorname",f,Ida,Idas,,,
AKW,"Substantiv,Abkürzung",n,AKW,AKWs,,,
Gruß,Substantiv,m,Gruß,Grüße,Grußes,,Grüßen
"""


def write_table(folder: Path) -> Path:
    path = folder / "nouns.csv"
    path.write_text(HEADER + "\n" + TABLE, encoding="utf-8")
    return path


def test_proper_lemmas_known_names_and_listed_forms_are_left_out(tmp_path: Path):
    rows = list(read_rows(write_table(tmp_path)))
    forms = ["Flomarrest", "Flomarreste", "Flomarrests", "Flomarrestes", "Flomarresten"]
    assert rows[0] == ("Flomarrest", frozenset({"Substantiv"}), forms, True)
    assert rows[4] == ("Glinch", frozenset({"Substantiv"}), ["Glinch", "Glinchs"], False)  # no plural
    kept, singular, counts = noun_forms(
        rows, {"Glinch", "Zwirbeln"}.__contains__, frozenset({"Gruß", "Grüße"})
    )
    assert sorted(kept) == ["Flomarrest", "Flomarreste", "Flomarresten", "Flomarrestes", "Flomarrests",
                            "Grußes", "Grüßen", "Zwirbel", "Zwirbels"]  # fmt: skip
    # "Kocher" is also a surname, "Welzau" a place, "Ida" a given name: every form goes; the lemma
    # "Glinch" is a known name (with all its forms), "Zwirbeln" only a form; "AKW" an abbreviation;
    # "Gruß" and "Grüße" are listed already
    assert kept["Grüßen"] == "Gruß"
    assert singular == set()  # "Glinch", the only noun without a plural, is a known name
    assert counts == {"lemmas": 5, "proper_lemmas": 1, "names": 3}  # "Kocher" also a noun


def test_the_command_writes_one_form_a_line_and_says_when_data_is_missing(tmp_path: Path, capsys):
    out = tmp_path / "out.tsv.gz"
    table = write_table(tmp_path)
    assert main(["--data", str(tmp_path), "--out", str(out), "--csv", str(table)]) == 2
    assert "census" in capsys.readouterr().err
    census = tmp_path / "us-census-1990-names" / "dist.all.last.gz"
    census.parent.mkdir()
    with gzip.open(census, "wt", encoding="latin-1") as handle:
        handle.write("GLINCH         0.001 80.000  25000\n")
    assert main(["--data", str(tmp_path), "--out", str(out), "--csv", str(table)]) == 0
    lines = gzip.decompress(out.read_bytes()).decode("utf-8").split("\n")
    assert "Flomarreste" in lines and "Kocher" not in lines and "Glinch\ts" not in lines  # a surname
    assert "Zwirbeln" in lines and "Welzau" not in lines
    assert lines[-1] == "" and lines[:-1] == sorted(lines[:-1])


def test_forms_of_nouns_without_a_plural_are_marked(tmp_path: Path):
    rows = list(read_rows(write_table(tmp_path)))
    kept, singular, _ = noun_forms(rows, lambda word: False, frozenset())
    assert singular == {"Glinch", "Glinchs"} and "Glinch" in kept and "Flomarreste" in kept


def test_a_missing_table_is_reported(tmp_path: Path):
    with pytest.raises(FileNotFoundError):
        list(read_rows(tmp_path / "nouns.csv"))
