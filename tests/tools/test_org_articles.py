"""Organisation names from definitions and appositions of encyclopedia articles (invented names)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from tools.org_articles import ARTICLES, apposition_names, article_rows, defined_name


def test_a_first_sentence_defining_an_organisation_names_the_title() -> None:
    assert defined_name("Valdogas", "Valdogas ist ein valdorisches Energieunternehmen.") == "Valdogas"
    assert defined_name("Nordbank (Valdorien)", "Die Nordbank ist eine große Bank.") == "Nordbank"
    assert defined_name("Roter Bund", "Der Rote Bund, kurz RB, ist eine politische Partei.") is None
    assert defined_name("Freie Liste", "Die Freie Liste ist eine liberale Partei.") == "Freie Liste"
    # a dish, a city, a person: no organisation noun
    assert defined_name("Krautpfanne", "Die Krautpfanne ist ein Gericht aus Valdorien.") is None
    assert defined_name("Brückstadt", "Brückstadt ist eine Stadt im Bundesland Nordwald.") is None
    assert defined_name("Nordbank", "Die Südbank ist eine Bank.") is None  # another subject


def test_names_after_an_organisation_noun_are_read_split_and_trimmed() -> None:
    text = (
        "Der valdorische Energiekonzern Valdogas lieferte Gas. "
        "Die Tageszeitung Nordkurier Abendblatt berichtete. "
        "Die Sender Kanal Eins und Kanal Zwei schwiegen. "
        "Anfang des Jahres kaufte das Unternehmen Moosbach 2019 ein Werk. "
        "das Unternehmen Valdogas In"
    )
    assert list(apposition_names(text)) == [
        ("Valdogas", "Energiekonzern"),
        ("Nordkurier Abendblatt", "Tageszeitung"),
        ("Kanal Eins", "Sender"),
        ("Kanal Zwei", "Sender"),
        ("Moosbach", "Unternehmen"),
        ("Valdogas", "Unternehmen"),
    ]


def _articles(root: Path, articles: list[tuple[str, str]]) -> Path:
    folder = root / ARTICLES
    folder.mkdir()
    with gzip.open(folder / "wiki_part01.jsonl.gz", "wt", encoding="utf-8") as handle:
        for title, text in articles:
            handle.write(json.dumps({"title": title, "text": text}) + "\n")
    return root


def test_article_rows_decide_what_is_safe_to_find(tmp_path: Path) -> None:
    asked: list[str] = []
    data = _articles(
        tmp_path,
        [
            ("Valdoil", "Valdoil ist ein Energieunternehmen.\nDer Energiekonzern Valdoil wuchs."),
            ("Nordgas", "Nordgas ist eine Firma.\nDer Energiekonzern Nordgas wuchs."),
            (
                "Presse",
                "Die Zeitung Nordkurier Abendblatt und die Zeitung Nordkurier Abendblatt.\n"
                "Die Partei Anna Moos gewann. Die Partei Anna Moos verlor.\n"
                "Das Institut Brenner und das Institut Brenner.\n"
                "Die Wochenzeitung Die Zeit und die Wochenzeitung Die Zeit.\n"
                "Der Verein Geld und der Verein Valdoriens.\n"
                "Die Agentur Seelicht meldete.\n"
                "Die Organisation Geld ohne Grenzen und die Organisation Geld ohne Grenzen.\n"
                "Die Organisation Geld & Zeit half. Die Partei Moos Zeit siegte. Der Verlag Moos L druckt.\n"
                "Die Stiftung Schloss Zeit lud ein. Die Band Die Zeitmaschine spielte.",
            ),
        ],
    )
    rows = dict(
        article_rows(
            data,
            known={"Valdorien"}.__contains__,
            common={"Geld", "Zeit"}.__contains__,
            given_name={"Anna"}.__contains__,
            surname={"Brenner"}.__contains__,
            plain=lambda names: (
                asked.extend(names) or {"Geld ohne Grenzen", "Anna Moos", "Moos Zeit", "Schloss Zeit"}
            ),
        )
    )
    assert asked == ["Geld & Zeit", "Geld ohne Grenzen"]  # of several words, neither found nor a person
    assert rows == {
        "Valdoil": True,  # a title defined as a company, and after an organisation noun
        "Nordgas": False,  # ends in "s": may be a genitive
        "Nordkurier Abendblatt": True,
        "Anna Moos": False,  # a person's name
        "Brenner": False,  # a family name
        "Die Zeit": False,  # "Die Zeit" opens sentences
        "Seelicht": False,  # seen once
        "Geld ohne Grenzen": True,  # common nouns, yet running text only uses the phrase as the name
        "Geld & Zeit": False,
        "Moos Zeit": False,  # a genitive before a common noun: never asked
        "Moos L": False,  # ends in an initial: never asked
        "Schloss Zeit": False,  # only after "Stiftung", which may begin the name: never asked
        "Die Zeitmaschine": False,  # a German article first: never asked
    }
