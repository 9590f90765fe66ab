"""Nationality words from countrynames, English words written in lower case, German compounds and
sentence-start words (invented data)."""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

from desktop.core.entities.word_stats import load_noun_lists
from tools.build_common_nouns import compound_nouns, english_counts, english_rows, sentence_start_words
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


def test_compounds_of_a_common_word_and_a_listed_noun_are_listed() -> None:
    nouns = {"Wumpel", "Glass", "Mann", "Zorbland", "Tig"}
    total = Counter(
        {
            "Glimmwumpel": 4,  # lower-case "glimm" + listed "Wumpel"
            "Tigwumpel": 2,  # a listed noun of 3 letters + "Wumpel"
            "Quarzwumpel": 3,  # "quarz" is never written in lower case
            "Glimmmann": 5,  # "-mann" ends surnames
            "Glimmglass": 1,  # seen once only
            "Unterwumpel": 9,  # "unter" is a function word (far too frequent)
            "Glimmzorbland": 4,  # ends in a known place
            "Oberwumpel": 5,  # used as a place's name: "in Oberwumpel"
            "Bräsigwumpel": 3,  # a known surname
        }
    )
    lower = Counter({"glimm": 40, "unter": 50_000, "ober": 30})
    placed = Counter({"Oberwumpel": 3})
    got = compound_nouns(
        total, nouns, lower, placed, lambda w: w == "Bräsigwumpel", lambda w: w == "Zorbland"
    )
    assert sorted(got) == ["Glimmwumpel", "Tigwumpel"]


def test_words_capitalised_only_at_a_sentences_start_are_listed() -> None:
    lower = Counter({"quangt": 9, "flosig": 20, "mirbel": 10, "ha": 30, "trumm": 8})
    inner = Counter({"Flosig": 2, "Mirbel": 7, "Trumm": 0})
    start = Counter({"Quangt": 3, "Flosig": 1, "Mirbel": 2, "Ha": 4, "Trumm": 1})
    got = sentence_start_words(lower, inner, start, lambda w: w == "Trumm")
    # "Mirbel" is capitalised inside sentences too often, "Ha" is too short, "Trumm" a known name
    assert sorted(got) == ["Flosig", "Quangt"]


def test_the_noun_list_tells_the_words_seldom_seen_after_a_determiner(tmp_path: Path) -> None:
    rows = "Glimmwumpel\t4\t0.00\nWumpel\t30\t0.50\nQuangt\t3\t0.19\n"
    with gzip.open(tmp_path / "common_nouns.tsv.gz", "wt", encoding="utf-8") as handle:
        handle.write(rows)
    nouns, bare = load_noun_lists(tmp_path)
    assert nouns == {"Wumpel"}
    assert bare == {"Glimmwumpel", "Quangt"}
    assert load_noun_lists(tmp_path / "missing") == (frozenset(), frozenset())
