"""Sources that are not people: documents and their issuers, outlets passing on a statement,
"seiner Ansicht nach"/"nach eigenen Angaben", naming verbs, short names in brackets,
spokespeople and statements of the organisation that just spoke."""

from __future__ import annotations

from tests.quote_helpers import actor, only, statements


def test_document_speaks_for_its_issuer() -> None:
    text = "John Paul Stevens died yesterday, according to a statement released by the Supreme Court."
    cast = [actor(text, "John Paul Stevens"), actor(text, "Supreme Court", "organization")]
    said = only(text, "en", cast)
    assert (said.message, said.speaker) == ("John Paul Stevens died yesterday", "Supreme Court")
    text = (
        "According to a survey published in 2017 by the Royal Pharmaceutical Society, "
        "84% of Britons did not wash their hands well enough."
    )
    said = only(text, "en", [actor(text, "Royal Pharmaceutical Society", "organization")])
    assert said.message == "84% of Britons did not wash their hands well enough"
    assert said.speaker == "Royal Pharmaceutical Society"
    text = "Nach einem Bericht der Zeitung Dawn wurden zwei Kinder in Karachi als infiziert erkannt."
    cast = [actor(text, "Dawn", "organization"), actor(text, "Karachi", "location")]
    assert only(text, "de", cast).speaker == "Dawn"


def test_document_nobody_issued_is_anonymous() -> None:
    said = only("Laut einer aktuellen Studie sind vier Milliarden Menschen von Wassermangel bedroht.", "de")
    assert (said.speaker, said.source) == (None, "einer aktuellen Studie")
    said = only("According to a recent study, four billion people face water shortages.", "en")
    assert (said.speaker, said.source) == (None, "a recent study")


def test_german_document_issuer_stands_in_the_genitive() -> None:
    text = "Größter Kreditnehmer ist laut einem Bericht der Holding AG die Stadt selbst gewesen."
    assert only(text, "de", [actor(text, "Holding AG", "organization")]).speaker == "Holding AG"
    text = "Größter Kreditnehmer ist laut einer Studie des Wifo die Stadt selbst gewesen."
    assert only(text, "de", [actor(text, "Wifo", "organization")]).speaker == "Wifo"
    # "die Holding AG" after the document is the sentence's subject, not who wrote the report
    text = "Größter Kreditnehmer ist laut Rechnungshofbericht die Holding AG selbst gewesen."
    said = only(text, "de", [actor(text, "Holding AG", "organization")])
    assert (said.speaker, said.source) == (None, "Rechnungshofbericht")


def test_document_named_after_an_organisation() -> None:
    text = "BAT legte eine Studie vor. Die Deutschen seien pessimistischer geworden, so die BAT-Analyse."
    assert only(text, "de", [actor(text, "BAT", "organization")]).speaker == "BAT"
    text = "BAT published a study. The Germans had become more pessimistic, according to the BAT-analysis."
    assert only(text, "en", [actor(text, "BAT", "organization")]).speaker == "BAT"


def test_outlet_passing_on_a_statement_gives_way_to_its_speaker() -> None:
    text = (
        "According to the news agency ISNA, the prosecutor general of Tehran, Ali Mehr, "
        "said the 36 must face charges."
    )
    said = only(text, "en", [actor(text, "ISNA", "organization"), actor(text, "Ali Mehr")])
    assert (said.message, said.speaker) == ("the 36 must face charges", "Ali Mehr")
    text = "Laut Reuters sagte Anna Müller, der Plan sei gescheitert."
    said = only(text, "de", [actor(text, "Reuters", "organization"), actor(text, "Anna Müller")])
    assert (said.message, said.speaker) == ("der Plan sei gescheitert", "Anna Müller")


def test_cited_source_speaks_not_the_outlet_citing_it() -> None:
    text = (
        "Nach einem Bericht der Zeitung Dawn unter Berufung auf das Gesundheitsinstitut "
        "wurden zwei Kinder als infiziert erkannt."
    )
    cast = [actor(text, "Dawn", "organization"), actor(text, "Gesundheitsinstitut", "organization")]
    assert only(text, "de", cast).speaker == "Gesundheitsinstitut"
    text = (
        "Ronaldos Anwälte wollen gegen die Berichte klagen, die sie laut Reuters "
        "als „unzulässige Berichterstattung über ihn“ bezeichneten."
    )
    cast = [actor(text, "Reuters", "organization"), actor(text, "Ronaldos")]
    assert all(s.speaker != "Reuters" for s in statements(text, "de", cast))
    text = 'The lawyers described the reports as "an invasion of privacy", according to Reuters.'
    found = statements(text, "en", [actor(text, "Reuters", "organization")])
    assert found and all(s.speaker != "Reuters" for s in found)


def test_his_view_and_own_statements_german() -> None:
    text = (
        "Arjen Hoekstra sprach mit der Zeitung. "
        "Denn mit dieser Kombination ist seiner Ansicht nach die Grundlage für Armut gelegt."
    )
    said = only(text, "de", [actor(text, "Arjen Hoekstra")])
    assert said.speaker == "Arjen Hoekstra"
    text = "Siemens hat nach eigenen Angaben 100 neue Stellen geschaffen."
    assert only(text, "de", [actor(text, "Siemens", "organization")]).speaker == "Siemens"


def test_naming_verb_with_a_quoted_label() -> None:
    text = 'Kyriakos Mitsotakis called the border agreement "null and void" and "geographically ridiculous".'
    said = only(text, "en", [actor(text, "Kyriakos Mitsotakis")])
    assert said.speaker == "Kyriakos Mitsotakis"
    text = (
        "Cristiano Ronaldo bezeichnete die Vorwürfe als „Fake News“ und sagte, "
        "dass Leute durch ihn berühmt werden wollten."
    )
    found = statements(text, "de", [actor(text, "Cristiano Ronaldo")])
    assert [(s.message, s.speaker) for s in found] == [
        ("die Vorwürfe als „Fake News“", "Cristiano Ronaldo"),
        ("Leute durch ihn berühmt werden wollten", "Cristiano Ronaldo"),
    ]


def test_naming_verb_without_quotation_marks_is_no_statement() -> None:
    text = "Anna Miller called the meeting for Monday."
    assert statements(text, "en", [actor(text, "Anna Miller")]) == []
    text = "Anna Müller nannte die Zahl der Teilnehmer."
    assert statements(text, "de", [actor(text, "Anna Müller")]) == []


def test_short_name_in_brackets_after_a_source() -> None:
    text = "According to Notes from Poland (NFP), some discount stores offer postal services."
    cast = [actor(text, "Poland", "location"), actor(text, "NFP", "organization")]
    said = only(text, "en", cast)
    assert (said.message, said.speaker) == ("some discount stores offer postal services", "NFP")
    text = "Laut Deutscher Welle (DW) haben 62 Filialen geschlossen."
    said = only(text, "de", [actor(text, "DW", "organization")])
    assert (said.message, said.speaker) == ("haben 62 Filialen geschlossen", "DW")


def test_the_spokesperson_speaks_for_the_organisation_that_just_spoke() -> None:
    text = (
        "Interpol's rules prohibit any intervention of a political character, an Interpol spokesperson "
        "stated. The spokesperson added that they would not consider such requests."
    )
    found = statements(text, "en", [actor(text, "Interpol", "organization")])
    assert [s.speaker for s in found] == ["Interpol", "Interpol"]
    text = (
        "Ein Sprecher von Siemens sagte, der Verkauf sei abgeschlossen. "
        "Der Sprecher fügte hinzu, dass weitere Verkäufe folgen könnten."
    )
    found = statements(text, "de", [actor(text, "Siemens", "organization")])
    assert [s.speaker for s in found] == ["Siemens", "Siemens"]


def test_the_spokesperson_after_a_person_spoke_stays_unnamed() -> None:
    text = (
        "Siemens sold the unit. Anna Miller said the sale was a mistake. "
        "The spokesperson added that more sales could follow."
    )
    found = statements(text, "en", [actor(text, "Siemens", "organization"), actor(text, "Anna Miller")])
    assert [s.speaker for s in found] == ["Anna Miller", None]


def test_outlet_reporting_what_unnamed_officials_stated() -> None:
    text = "NDTV later reported officials, following an investigation, stated it was a coconut."
    said = only(text, "en", [actor(text, "NDTV", "organization")])
    assert said.speaker == "NDTV"
    assert said.message == "officials, following an investigation, stated it was a coconut"


def test_source_in_brackets_reports_the_brackets_content() -> None:
    text = (
        "Die Runde diskutierte Manaforts Jacke aus Straußenleder "
        "(laut Washington Post ein „Kleidungsstück reich an Selbstüberschätzung“) stundenlang."
    )
    said = only(text, "de", [actor(text, "Washington Post", "organization"), actor(text, "Manaforts")])
    assert said.message == "ein „Kleidungsstück reich an Selbstüberschätzung“"
    assert said.speaker == "Washington Post"
    text = (
        "The panel discussed Manafort's ostrich jacket "
        '(according to the Washington Post a "garment rich in hubris") for hours.'
    )
    said = only(text, "en", [actor(text, "Washington Post", "organization"), actor(text, "Manafort")])
    assert (said.message, said.speaker) == ('a "garment rich in hubris"', "Washington Post")


def test_noun_in_ing_after_or_is_no_cue() -> None:
    text = "Humberto is a category 1 hurricane and had no associated hurricane watches or warning."
    assert statements(text, "en", [actor(text, "Humberto")]) == []


def test_the_statement_speaks_for_the_organisation_that_issued_it() -> None:
    text = (
        "Stevens died yesterday, according to a statement released by the Supreme Court. "
        "The statement said that he had suffered a stroke on Monday."
    )
    found = statements(text, "en", [actor(text, "Stevens"), actor(text, "Supreme Court", "organization")])
    assert [s.speaker for s in found] == ["Supreme Court", "Supreme Court"]
    text = (
        "Siemens teilte in einer Mitteilung mit, der Verkauf sei abgeschlossen. "
        "Die Mitteilung erklärte weiter, dass keine Stellen wegfielen."
    )
    found = statements(text, "de", [actor(text, "Siemens", "organization")])
    assert [s.speaker for s in found] == ["Siemens", "Siemens"]


def test_written_and_posted_statements() -> None:
    text = "Sean Combs tweeted that he would change his name. Anna Miller posted on Twitter that she left."
    found = statements(text, "en", [actor(text, "Sean Combs"), actor(text, "Anna Miller")])
    assert [s.speaker for s in found] == ["Sean Combs", "Anna Miller"]
    text = "Sean Combs twitterte, er werde seinen Namen ändern. Anna Müller schrieb auf Twitter, sie gehe."
    found = statements(text, "de", [actor(text, "Sean Combs"), actor(text, "Anna Müller")])
    assert [s.speaker for s in found] == ["Sean Combs", "Anna Müller"]
