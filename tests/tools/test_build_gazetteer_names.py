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


def test_articles_whose_first_sentence_defines_a_state_or_region_give_region_names(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import gzip
    import json

    from tools.build_gazetteer import ARTICLES, article_region_rows

    articles = [
        ("Nordwald", "Nordwald ist ein Bundesland im Norden von Valdorien."),
        ("Seegau (Kanton)", "Der Seegau (Kürzel SG) ist ein kleiner Kanton in Valdorien."),
        ("Ostmark", "[\nDer Freistaat Ostmark ist ein Land im Osten Valdoriens."),
        ("Brückstadt", "Brückstadt ist eine Stadt im Bundesland Nordwald."),
        ("Polder", "Polder ist ein Land in Europa."),
        ("Zug", "Zug ist der kleinste Kanton."),
    ]
    folder = tmp_path / ARTICLES
    folder.mkdir()
    with gzip.open(folder / "wiki_part01.jsonl.gz", "wt", encoding="utf-8") as handle:
        for title, text in articles:
            handle.write(json.dumps({"title": title, "text": text}) + "\n")
    rows = list(article_region_rows(tmp_path, common={"Zug"}))
    assert [(name, kind, strong) for name, _, kind, _, strong in rows] == [
        ("Nordwald", "region", 1),
        ("Seegau", "region", 1),
        ("Ostmark", "region", 1),
        ("Zug", "region", 0),
    ]


def test_the_shipped_gazetteer_knows_german_and_austrian_states() -> None:
    from desktop.core.entities.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    for name in ("Bayern", "Tirol", "Sachsen", "Kärnten", "Niedersachsen"):
        found = gazetteer.place(name)
        assert found is not None and found.kind == "region", name
