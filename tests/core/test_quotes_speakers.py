"""Speakers: names, pronouns by gender, role nouns, organisation nouns; anonymous sources get nobody."""

from __future__ import annotations

import pytest

from tests.quote_helpers import actor, only, statements


def test_pronoun_takes_the_earlier_person_of_its_gender_german() -> None:
    text = (
        "Angela Merkel traf am Montag Emmanuel Macron in Paris. "
        "Sie sagte, die Gespräche seien gut gewesen. Am Abend regnete es. "
        "Er sagte, man sei sich einig."
    )
    cast = [actor(text, "Angela Merkel"), actor(text, "Emmanuel Macron"), actor(text, "Paris", "location")]
    found = statements(text, "de", cast)
    assert [(s.message, s.speaker) for s in found] == [
        ("die Gespräche seien gut gewesen", "Angela Merkel"),
        ("man sei sich einig", "Emmanuel Macron"),
    ]


def test_pronoun_takes_the_earlier_person_of_its_gender_english() -> None:
    text = "John Smith met Mary Jones in London. She said the talks had gone well."
    cast = [actor(text, "John Smith"), actor(text, "Mary Jones"), actor(text, "London", "location")]
    assert only(text, "en", cast).speaker == "Mary Jones"
    text = "Mary Jones met John Smith in London. He said the talks had gone well."
    cast = [actor(text, "Mary Jones"), actor(text, "John Smith"), actor(text, "London", "location")]
    assert only(text, "en", cast).speaker == "John Smith"


def test_pronoun_prefers_the_last_speaker_of_its_gender() -> None:
    text = (
        '"We are ready for the vote," John Smith said. He met Peter Brown later. '
        '"It will be a long night," he said.'
    )
    found = statements(text, "en", [actor(text, "John Smith"), actor(text, "Peter Brown")])
    assert [s.speaker for s in found] == ["John Smith", "John Smith"]


def test_pronoun_after_an_unnamed_speaker_stays_unnamed() -> None:
    text = (
        "Der Präsident sagte, die Lage sei ernst. Anna Müller nickte. „Wir müssen jetzt handeln“, sagte er."
    )
    found = statements(text, "de", [actor(text, "Anna Müller")])
    assert [s.speaker for s in found] == [None, None]


def test_role_noun_german() -> None:
    text = "Olaf Scholz war in Berlin. Am Abend sagte der Kanzler, die Koalition stehe."
    cast = [actor(text, "Olaf Scholz", roles=("Bundeskanzler",)), actor(text, "Berlin", "location")]
    said = only(text, "de", cast)
    assert (said.speaker, said.message) == ("Olaf Scholz", "die Koalition stehe")


def test_role_noun_from_a_title_before_the_name() -> None:
    text = (
        "Die Kommission tagte. EU-Kommissar Peter Berg sprach mit Anna Müller. "
        "Der Kommissar erklärte, dass die Regeln gälten."
    )
    cast = [actor(text, "Peter Berg"), actor(text, "Anna Müller")]
    assert only(text, "de", cast).speaker == "Peter Berg"


def test_role_noun_english() -> None:
    text = "US President Joe Biden met Jane Doe. The president said the deal was done."
    cast = [actor(text, "Joe Biden", roles=("US President",)), actor(text, "Jane Doe")]
    assert only(text, "en", cast).speaker == "Joe Biden"


def test_former_role_is_not_its_present_holder() -> None:
    text = "Max Berger, Chef der Firma, sprach in Wien. Die Lage ist ernst, so der ehemalige Bahn-Chef."
    said = only(text, "de", [actor(text, "Max Berger"), actor(text, "Wien", "location")])
    assert (said.message, said.speaker) == ("Die Lage ist ernst", None)
    text = "Max Berger, head of the firm, spoke in Vienna. The situation is serious, said the former head."
    said = only(text, "en", [actor(text, "Max Berger"), actor(text, "Vienna", "location")])
    assert (said.message, said.speaker) == ("The situation is serious", None)


def test_former_role_of_someone_the_article_gives_it() -> None:
    text = (
        "Firmenchef Max Berger und der frühere Bahn-Chef Karl Ott sprachen in Wien. "
        "Die Lage ist ernst, so der ehemalige Bahn-Chef. Man müsse handeln, so der Chef."
    )
    found = statements(text, "de", [actor(text, "Max Berger"), actor(text, "Karl Ott")])
    assert [(s.message, s.speaker) for s in found] == [
        ("Die Lage ist ernst", "Karl Ott"),
        ("Man müsse handeln", "Max Berger"),
    ]
    text = (
        "Max Berger, head of the firm, met Karl Ott, former head of the railway. "
        "The situation is serious, said the former head."
    )
    said = only(text, "en", [actor(text, "Max Berger"), actor(text, "Karl Ott")])
    assert (said.message, said.speaker) == ("The situation is serious", "Karl Ott")


def test_generic_organisation_noun() -> None:
    text = (
        "Amnesty International legte einen Bericht vor. "
        "Die Organisation teilte mit, dass Gefangene gefoltert würden."
    )
    said = only(text, "de", [actor(text, "Amnesty International", "organization")])
    assert said.speaker == "Amnesty International"
    text = "Siemens sold the unit to Bosch last year. The company said the sale would close in May."
    cast = [actor(text, "Siemens", "organization"), actor(text, "Bosch", "organization")]
    assert only(text, "en", cast).speaker == "Siemens"  # the organisation the sentence before was about


def test_institution_noun_only_resolves_to_a_matching_name() -> None:
    text = "Siemens baut Stellen ab. Das Ministerium erklärte, dass man die Lage prüfe."
    said = only(text, "de", [actor(text, "Siemens", "organization")])
    assert said.speaker is None
    text = "Das Bundesministerium der Finanzen tagte. Das Ministerium erklärte, dass man die Lage prüfe."
    said = only(text, "de", [actor(text, "Bundesministerium der Finanzen", "organization")])
    assert said.speaker == "Bundesministerium der Finanzen"


def test_spokesperson_of_a_named_organisation_speaks_for_it() -> None:
    text = "Ein Sprecher von Siemens sagte, die Zahlen seien gut."
    assert only(text, "de", [actor(text, "Siemens", "organization")]).speaker == "Siemens"
    text = "A spokesperson for Siemens said the figures were good."
    assert only(text, "en", [actor(text, "Siemens", "organization")]).speaker == "Siemens"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Die Verbündeten haben drei Garantien geplant, so Quellen gegenüber Euronews.", "Quellen"),
        ('Die Frage ist, "was zu tun ist, wenn man angegriffen wird", so eine Quelle.', "eine Quelle"),
        ("Aus Militärkreisen heißt es, dass Kriegsspiele geplant sind.", "Aus Militärkreisen"),
        ("Aus Paris hieß es Anfang der Woche, dass man Bestätigung suche.", "Aus Paris"),
        ("Ein Sprecher sagte, die Lage sei unter Kontrolle.", "Ein Sprecher"),
        ("Lokalen Medienberichten zufolge wurde ein Bauer getötet.", "Lokalen Medienberichten"),
        (
            "Ein Marktmanager sagte der Zeitung Euronews, das Schwein sei eingesperrt worden.",
            "Ein Marktmanager",
        ),
    ],
    ids=["quellen", "eine-quelle", "militaerkreise", "aus-paris", "sprecher", "medienberichte", "indefinite"],
)
def test_german_anonymous_sources_get_no_speaker(text: str, source: str) -> None:
    cast = [actor(text, "Euronews", "organization"), actor(text, "Paris", "location")]
    said = only(text, "de", cast)
    assert (said.speaker, said.source) == (None, source)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Officials said the fire had been contained by Reuters staff.", "Officials"),
        ("A spokesperson said the talks with Reuters would resume.", "A spokesperson"),
        ("At least seventeen people died, according to officials.", "officials"),
        ("Sources told Reuters that the deal was off.", "Sources"),
        ('"We are used to it," one resident told Reuters.', "one resident"),
    ],
    ids=["officials", "spokesperson", "according-to-officials", "sources-told", "one-resident"],
)
def test_english_anonymous_sources_get_no_speaker(text: str, source: str) -> None:
    said = only(text, "en", [actor(text, "Reuters", "organization")])
    assert (said.speaker, said.source) == (None, source)


def test_a_name_the_recogniser_missed_still_resolves_by_its_spelling() -> None:
    text = "Donald Trump kam nach Berlin. Trump sagte, er sei zufrieden."
    cast = [actor(text, "Donald Trump")]
    cast = [
        cast[0].__class__(
            cast[0].key, cast[0].name, "person", ("Donald Trump", "Trump"), (), cast[0].mentions[:1]
        )
    ]
    assert only(text, "de", cast).speaker == "Donald Trump"


def test_two_people_together_are_not_one_speaker() -> None:
    text = "Anna Müller und Peter Berg sagten, die Lage sei ernst."
    said = only(text, "de", [actor(text, "Anna Müller"), actor(text, "Peter Berg")])
    assert said.speaker is None
