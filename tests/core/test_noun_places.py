"""German common nouns typed as one-word places or organisations (invented words)."""

from __future__ import annotations

import gzip
from pathlib import Path

from desktop.core.entities.noun_forms import WiktionaryNouns
from desktop.core.entities.noun_places import RULE_SCORE, drop_noun_places, load_indefinite_nouns
from desktop.core.types import EntitySpan

NOUNS = frozenset({"Quarzel", "Flimmbad", "Zwirbel", "Kesselgrund"})
KNOWN = {"Kesselgrund"}


def spans_of(text: str, names: list[tuple[str, str]], score: float = 0.8) -> list[EntitySpan]:
    """One span per (name, type), at the name's first occurrence after the previous one."""
    found, at = [], 0
    for name, kind in names:
        at = text.index(name, at)
        found.append(EntitySpan(at, at + len(name), name, kind, score))
        at += len(name)
    return found


def kept(text: str, names: list[tuple[str, str]], score: float = 0.8) -> list[str]:
    result = drop_noun_places(text, spans_of(text, names, score), KNOWN.__contains__, NOUNS)
    return [s.text for s in result]


def test_a_listed_noun_typed_as_a_place_or_organisation_goes():
    text = "Er bat um Quarzel. Der Flimmbad sei teuer, sagte Hana Brodek in Welzau."
    names = [
        ("Quarzel", "location"),
        ("Flimmbad", "organization"),
        ("Hana Brodek", "person"),
        ("Welzau", "location"),
    ]
    assert kept(text, names) == ["Hana Brodek", "Welzau"]


def test_people_unlisted_and_known_names_stay():
    text = "Quarzel lobte den Kesselgrund, dann fuhr sie nach Welzau."
    names = [("Quarzel", "person"), ("Kesselgrund", "location"), ("Welzau", "location")]
    assert kept(text, names) == ["Quarzel", "Kesselgrund", "Welzau"]


def test_the_rules_own_spans_and_words_in_capitals_are_left_alone():
    text = "Der Quarzel tagte."
    assert kept(text, [("Quarzel", "organization")], score=RULE_SCORE) == ["Quarzel"]
    capitals = spans_of("Die QUARZEL tagte.", [("QUARZEL", "organization")])
    result = drop_noun_places("Die QUARZEL tagte.", capitals, KNOWN.__contains__, frozenset({"QUARZEL"}))
    assert [s.text for s in result] == ["QUARZEL"]


def test_in_without_an_article_backs_a_place_anywhere_in_the_text():
    text = "Die Grenze am Quarzel ist zu. In Quarzel warten viele."
    assert kept(text, [("Quarzel", "location")]) == ["Quarzel"]
    assert kept("Die Grenze am Quarzel ist zu.", [("Quarzel", "location")]) == []


def test_a_kind_noun_after_an_article_backs_the_name_after_it():
    text = "Sie warten am neuen steirischen Grenzposten Zwirbel auf den Bus."
    assert kept(text, [("Zwirbel", "location")]) == ["Zwirbel"]
    quoted = 'Der Streit um die Auflösung des Bataillons "Zwirbel" geht weiter.'
    assert kept(quoted, [("Zwirbel", "organization")]) == ["Zwirbel"]
    # a weekday is no kind of place: "am Montag Zwirbel" names nothing
    assert kept("Es gab am Montag Zwirbel in der Stadt.", [("Zwirbel", "location")]) == []


def test_a_word_of_a_longer_name_stays():
    text = "Die Zwirbel Werke bauen. Zwirbel wächst."
    names = [("Zwirbel Werke", "organization"), ("Zwirbel", "organization")]
    assert kept(text, names) == ["Zwirbel Werke", "Zwirbel"]


def test_a_noun_listed_with_another_name_stays_but_not_with_nouns_only():
    text = "Prognosen erstellen: Zwirbel, Wifag und IKS. Dazu Quarzel und Flimmbad."
    names = [("Zwirbel", "organization"), ("Wifag", "organization"), ("IKS", "organization"),
             ("Quarzel", "location"), ("Flimmbad", "location")]  # fmt: skip
    assert kept(text, names) == ["Zwirbel", "Wifag", "IKS"]


def test_every_mention_of_a_dropped_word_goes():
    text = "Der Flimmbad kam. Der Flimmbad ging."
    assert kept(text, [("Flimmbad", "location"), ("Flimmbad", "location")]) == []


def test_the_list_is_read_from_its_file(tmp_path: Path):
    with gzip.open(tmp_path / "indefinite_nouns.tsv.gz", "wt", encoding="utf-8") as handle:
        handle.write("Quarzel\t40\t6\t0.150\nZwirbel\t3\t2\t0.667\n")
    assert load_indefinite_nouns(tmp_path) == {"Quarzel", "Zwirbel"}
    assert load_indefinite_nouns(tmp_path / "missing") == frozenset()


def test_a_wiktionary_noun_with_a_plural_goes_one_without_stays():
    forms = WiktionaryNouns(frozenset({"Glinch", "Flomarrest", "Fernwelz"}), frozenset({"Fernwelz"}))
    text = "Er kam in Glinch. Flomarrest wuchs, Gäste aus Fernwelz kamen. Der Verein Flomarrest tagte."
    names = [("Glinch", "location"), ("Flomarrest", "organization"), ("Fernwelz", "location"),
             ("Flomarrest", "organization")]  # fmt: skip
    result = drop_noun_places(text, spans_of(text, names), KNOWN.__contains__, NOUNS, forms=forms)
    # "in" backs no Wiktionary noun (as no plural), a kind noun before it does ("Verein Flomarrest",
    # which keeps the name in the whole text); a noun without a plural may be a name ("Fernwelz")
    assert [s.text for s in result] == ["Flomarrest", "Fernwelz", "Flomarrest"]
    text = "Er kam in Glinch. Flomarrest wuchs."
    result = drop_noun_places(text, spans_of(text, names[:2]), KNOWN.__contains__, NOUNS, forms=forms)
    assert result == []
