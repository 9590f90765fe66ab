"""Which names the gazetteer builder keeps as well-formed place names."""

from __future__ import annotations

from tools.build_gazetteer import good_name


def test_a_name_may_begin_with_any_latin_capital() -> None:
    for name in ("Österreich", "Ägypten", "Île-de-France", "Örebro", "Çanakkale", "Deutschland"):
        assert good_name(name), name


def test_codes_lower_case_and_other_scripts_are_no_names() -> None:
    for name in ("USA", "österreich", "Wien1", "Мосва", "Ab", "Federal City"):
        assert not good_name(name), name


def test_the_shipped_gazetteer_knows_countries_whose_german_name_begins_with_an_umlaut() -> None:
    from desktop.core.entities.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    for name in ("Österreich", "Ägypten", "Äthiopien"):
        found = gazetteer.place_or_country(name, language="de")
        assert found is not None and found.kind == "country", name
