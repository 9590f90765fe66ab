"""Plural and inflected forms of listed German nouns (invented words, and the real forms' shapes)."""

from __future__ import annotations

import gzip

from desktop.core.entities.noun_forms import (
    base_forms,
    drop_noun_people,
    is_noun_form,
    load_wiktionary_nouns,
    plural_of_noun,
    truncated_compound_nouns,
)
from desktop.core.entities.noun_places import drop_noun_places
from tests.core.test_noun_places import spans_of

NOUNS = frozenset({"Quarzel", "Flimmbad", "Zwirbel", "Gruß", "Lkw", "Welzin", "Rose", "Tolz", "Bremm"})
COUNT = frozenset({"Lkw", "Flimmbad"})  # nouns written after an indefinite determiner


def test_base_forms_undo_plural_and_genitive_endings():
    assert base_forms("Allianzen") == ["Allianze", "Allianz"]
    assert base_forms("Rosen") == ["Rose", "Ros"]
    assert base_forms("Politikerinnen") == ["Politikerin", "Politikerinne", "Politikerinn"]
    assert base_forms("Kartoffeln") == ["Kartoffel"]
    assert base_forms("Lkws") == ["Lkw"]
    assert base_forms("Lkws", genitive=False) == []
    assert base_forms("Grüße") == ["Gruß"]
    assert base_forms("Hibernian") == []  # no German plural ends so
    assert base_forms("Boss") == []
    assert base_forms("Ehe") == []  # an "-e" without an umlaut is no plural sign


def test_a_form_counts_only_where_its_base_is_no_known_name():
    assert is_noun_form("Quarzel", NOUNS)
    assert is_noun_form("Quarzeln", NOUNS)
    assert is_noun_form("Grüße", NOUNS)
    assert not is_noun_form("Quarzeln", NOUNS, lambda w: w == "Quarzel")
    assert not is_noun_form("Welzau", NOUNS)


def test_a_plural_in_s_needs_a_count_noun_and_place_endings_are_no_plurals():
    always = frozenset[str]()
    assert plural_of_noun("Lkws", COUNT, NOUNS, lambda w: False)
    assert not plural_of_noun("Bremms", COUNT, NOUNS, lambda w: False)  # "Sisis": a name's genitive
    assert not plural_of_noun("Lkws", always, NOUNS, lambda w: False)
    assert not plural_of_noun("Lkws", COUNT, NOUNS, lambda w: w == "Lkw")
    assert plural_of_noun("Tolzen", COUNT, NOUNS, lambda w: False)
    assert not plural_of_noun("Quarzel", COUNT, NOUNS, lambda w: False)  # listed itself
    assert not plural_of_noun("Bischofshofen", COUNT, NOUNS | {"Bischofshof"}, lambda w: False)


def test_a_lone_noun_or_its_plural_is_no_person():
    text = "Quarzeln lagen da, Juwelen auch. Hana Zwirbel kam. Zwirbel ging. Rosen blühten, Lkws Hut."
    names = [("Quarzeln", "person"), ("Hana Zwirbel", "person"), ("Zwirbel", "person"),
             ("Rosen", "person"), ("Lkws", "person")]  # fmt: skip
    kept = drop_noun_people(spans_of(text, names), NOUNS, lambda w: w == "Rose")
    # "Zwirbel" ends a full name, "Rose" is a given name, "-s" a person's genitive ("Woks")
    assert [s.text for s in kept] == ["Hana Zwirbel", "Zwirbel", "Rosen", "Lkws"]


def test_a_lone_wiktionary_noun_form_is_no_person_unless_a_name_backs_it():
    text = (
        "Flomarrest drohte, Glinche auch, Welze. Ida Glinch kam, Glinch ging, Glinchs Hut blieb. "
        "Bei Welz Mora: Mora und Moras Plan. Flomarreste? Ch. Flomarrest spielte im Verein Flomarreste. "
        "Flomarrests Ende."
    )
    names = [("Flomarrest", "person"), ("Glinche", "person"), ("Welze", "person"), ("Ida Glinch", "person"),
             ("Glinch", "person"), ("Glinchs", "person"), ("Welz Mora", "location"), ("Mora", "person"),
             ("Moras", "person"), ("Flomarreste", "person"), ("Flomarrest", "person"),
             ("Flomarreste", "person"), ("Flomarrests", "organization")]  # fmt: skip
    forms = frozenset({"Flomarrest", "Flomarreste", "Flomarrests", "Glinch", "Glinche", "Glinchs",
                       "Mora", "Moras", "Welze"})  # fmt: skip
    kept = drop_noun_people(spans_of(text, names), NOUNS, lambda w: False, forms, text)
    # the forms are taken as they are; "Glinch" ends a full name, "Glinchs" and "Moras" end in "-s"
    # (a person's genitive); an initial backs a surname; only people are dropped
    assert [(s.text, s.start) for s in kept] == [
        ("Ida Glinch", text.index("Ida")), ("Glinch", text.index("Glinch ging")),
        ("Glinchs", text.index("Glinchs")), ("Welz Mora", text.index("Welz ")),
        ("Mora", text.index("Mora und")), ("Moras", text.index("Moras")),
        ("Flomarrest", text.index("Flomarrest spielte")), ("Flomarrests", text.index("Flomarrests")),
    ]  # fmt: skip
    assert len(drop_noun_people(spans_of(text, names), NOUNS, lambda w: False)) == len(names)  # no forms


def test_a_plural_in_n_of_a_noun_in_e_needs_a_feminine_noun():
    nouns = frozenset({"Preuße", "Rose"})
    feminine = {"Rose"}.__contains__
    assert plural_of_noun("Rosen", COUNT, nouns, lambda w: False, feminine)
    assert not plural_of_noun("Preußen", COUNT, nouns, lambda w: False, feminine)  # a people's land
    assert plural_of_noun("Preußen", COUNT, nouns, lambda w: False)  # without genders: any noun


def test_a_listed_noun_before_a_left_out_head_is_no_name():
    text = "Von Quarzels- und Landtagsabgeordneten bis zu EU- und Nicht-EU-Staaten; Quarzel tagte."
    names = [("Quarzels", "organization"), ("EU", "organization"), ("Quarzel", "organization")]
    kept = truncated_compound_nouns(text, spans_of(text, names), NOUNS)
    assert [s.text for s in kept] == ["EU", "Quarzel"]


def places(text: str, names: list[tuple[str, str]], feminine: frozenset[str] = frozenset()) -> list[str]:
    found = drop_noun_places(
        text, spans_of(text, names), lambda w: w == "Welzau", COUNT, frozenset(), NOUNS | {"Bramme"}, feminine
    )
    return [s.text for s in found]


def test_the_plural_of_a_noun_in_e_goes_only_when_the_noun_is_feminine():
    text = "Sie zogen durch Brammen."
    assert places(text, [("Brammen", "location")]) == ["Brammen"]
    assert places(text, [("Brammen", "location")], frozenset({"Bramme"})) == []


def test_plural_places_and_organisations_go_even_after_in_or_in_a_list():
    text = "Sie luden Tolzen in Lkws. Aus Welzau, Quarzeln mit Grüße."
    names = [("Tolzen", "organization"), ("Lkws", "location"), ("Welzau", "location"),
             ("Quarzeln", "location"), ("Grüße", "organization")]  # fmt: skip
    assert places(text, names) == ["Welzau"]


def test_a_plural_in_s_of_an_organisation_and_a_singular_contraction_stay():
    # "Boots, Superdrug": companies end in "-s"; "am Pfauen": one thing, no plural
    text = "Bei Flimmbads kauft man. Zum Saisonstart am Tolzen spielt man."
    names = [("Flimmbads", "organization"), ("Tolzen", "location")]
    assert places(text, names) == ["Flimmbads", "Tolzen"]


def test_the_wiktionary_list_loads_its_forms_and_marks_those_without_a_plural(tmp_path):
    (tmp_path / "wiktionary_nouns.tsv.gz").write_bytes(gzip.compress(b"Fernwelz\ts\nGlinch\nGlinche\n"))
    loaded = load_wiktionary_nouns(tmp_path)
    assert loaded.forms == {"Fernwelz", "Glinch", "Glinche"} and loaded.singular_only == {"Fernwelz"}
    assert loaded.countable("Glinche") and not loaded.countable("Fernwelz") and not loaded.countable("Welz")
    assert load_wiktionary_nouns(tmp_path / "none").forms == frozenset()
