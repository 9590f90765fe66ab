"""Nationality words from countrynames, and English words written in lower case (invented data)."""

from __future__ import annotations

from pathlib import Path

from tools.build_common_nouns import english_counts, english_rows
from tools.demonym_sources import country_forms, nationality_words

COUNTRYNAMES = """\
FAIL:
  - abroad
VD:
  - Valdoria
  - Valdorian
  - "North Valdoria"
  - North Valdorian
  - Valdorien
  - Hafenau
  - Tanvaldi
XY-ZZ:
  - Valdorian Islands
QK:
  - Qarthland
  - Qarthi
SU:
  - Sundar
  - Sundarese
OB:
  - Ombar
  - Ombari
"""


def test_nationality_words_grow_out_of_a_country_name(tmp_path: Path) -> None:
    (tmp_path / "countrynames").mkdir()
    (tmp_path / "countrynames" / "data.yaml").write_text(COUNTRYNAMES, encoding="utf-8")
    forms = country_forms(tmp_path / "countrynames" / "data.yaml")
    assert set(forms) == {"VD", "QK", "SU", "OB"}  # "FAIL" and "XY-ZZ" are no ISO countries
    assert forms["VD"][2] == "North Valdoria"
    places = {"Valdoria": "country", "North Valdoria": "country", "Hafenau": "city", "Qarthland": "country"}
    places.update({"Sundar": "country", "Ombar": "country"})
    words = set(nationality_words(tmp_path, places))
    assert words == {
        "Valdorian", "Valdorians", "North Valdorian", "North Valdorians", "Sundarese", "Ombari", "Ombaris",
    }  # fmt: skip
    # "Valdorien" has no English ending, "Hafenau" is a place, "Tanvaldi" and "Qarthi" do not grow
    # out of a name of their country


def test_no_countrynames_no_words(tmp_path: Path) -> None:
    assert list(nationality_words(tmp_path, {"Valdoria": "country"})) == []


def test_english_words_mostly_written_in_lower_case() -> None:
    sentences = [
        ["The", "vaccine", "and", "a", "vaccine", "came", "."],
        ["Vaccine", "makers", "met", "Ada", "Brook", "by", "the", "brook", "."],  # first word: not counted
        ["A", "vaccine", "for", "Brook", "and", "vaccine", "vaccine", "."],
        ["They", "saw", "Brook", "near", "a", "brook", "and", "another", "brook", "brook", "brook"],
    ]
    lower, capital = english_counts(sentences)
    assert lower["vaccine"] == 5 and capital["vaccine"] == 0
    assert lower["brook"] == 5 and capital["brook"] == 3
    words = {w for w, _, _ in english_rows(lower, capital)}
    assert "Vaccine" in words
    assert "Brook" not in words  # capitalised inside sentences too often: a name
