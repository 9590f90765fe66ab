"""German compounds of common nouns typed as one-word places or organisations (invented words)."""

from __future__ import annotations

import gzip
from pathlib import Path

from desktop.core.entities.noun_heads import compound_head, load_noun_heads
from desktop.core.entities.noun_places import drop_noun_places
from desktop.core.types import EntitySpan

NOUNS = frozenset({"Quarzel", "Flimmbad", "Zwirbel", "Zwirbelflimmbad", "Dorf"})
HEADS = frozenset({"Quarzel", "Flimmbad"})


def test_the_head_is_the_longest_listed_noun_ending_the_last_part():
    assert compound_head("Armquarzel", NOUNS) == "Quarzel"
    assert compound_head("Kalt-Zwirbelflimmbad", NOUNS) == "Flimmbad"  # within the last part
    assert compound_head("Grubzwirbelflimmbad", NOUNS) == "Zwirbelflimmbad"
    assert compound_head("Uno-Zwirbel", NOUNS) == "Zwirbel"  # the listed last part itself
    assert compound_head("Quarzel", NOUNS) is None  # no modifier before it
    assert compound_head("Abquarzel", NOUNS) is None  # a modifier needs three letters
    assert compound_head("Welzau", NOUNS) is None


def spans(text: str, names: list[tuple[str, str]]) -> list[EntitySpan]:
    out = []
    for name, kind in names:
        at = text.index(name)
        out.append(EntitySpan(at, at + len(name), name, kind, 0.9))
    return out


def kept(text: str, names: list[tuple[str, str]]) -> list[str]:
    found = drop_noun_places(text, spans(text, names), lambda w: w == "Brumquarzel", NOUNS, HEADS)
    return [s.text for s in found]


def test_a_compound_with_a_rare_head_typed_as_a_place_or_organisation_goes():
    text = "Nach Armeequarzel sank die Zahl. Der Sinkflimmbad traf Welzau und Ostdorf."
    names = [("Armeequarzel", "location"), ("Sinkflimmbad", "organization"), ("Welzau", "location"),
             ("Ostdorf", "location")]  # fmt: skip
    assert kept(text, names) == ["Welzau", "Ostdorf"]


def test_known_names_people_and_names_the_text_backs_stay():
    text = "Der Brumquarzel tagte am Grenzübergang Tolquarzel. Hana Sinkflimmbad kam."
    names = [("Brumquarzel", "organization"), ("Tolquarzel", "location"), ("Sinkflimmbad", "person")]
    assert kept(text, names) == ["Brumquarzel", "Tolquarzel", "Sinkflimmbad"]


def test_in_does_not_back_a_compound_of_a_rare_head():
    # "weiter in Transitlager gebracht": a compound of a head that rarely ends a name is a noun there too
    text = "Sie wurden in Tolquarzel gebracht."
    assert kept(text, [("Tolquarzel", "location")]) == []


def test_the_list_loads_and_a_missing_file_lists_none(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "noun_heads.tsv.gz", "wt", encoding="utf-8") as handle:
        handle.write("Quarzel\t12\t0\nFlimmbad\t9\t1\n")
    assert load_noun_heads(tmp_path) == {"Quarzel", "Flimmbad"}
    assert load_noun_heads(tmp_path / "missing") == frozenset()
