"""Statements that run on: stripped first-person speech, "demnach", infinitive and object+to
messages, and what is no message (a relative clause about the object)."""

from __future__ import annotations

from tests.quote_helpers import actor, only, statements


def test_stripped_first_person_speech_continues_a_person_german() -> None:
    text = (
        "Schon sein Vater sei von Milizen ermordet worden, sagt John Kibanga. "
        "Ich wurde gefoltert und gezwungen, Morde mit anzusehen. "
        "Die Lage im Osten bleibt unübersichtlich."
    )
    found = statements(text, "de", [actor(text, "John Kibanga")])
    assert [(s.message, s.speaker, s.kind) for s in found] == [
        ("Schon sein Vater sei von Milizen ermordet worden", "John Kibanga", "indirect"),
        ("Ich wurde gefoltert und gezwungen, Morde mit anzusehen", "John Kibanga", "direct"),
    ]


def test_stripped_first_person_speech_continues_a_person_english() -> None:
    text = (
        "His father was killed by militias, John Kibanga said. "
        "I was tortured and forced to watch killings. "
        "The situation in the east remains unclear."
    )
    found = statements(text, "en", [actor(text, "John Kibanga")])
    assert [(s.speaker, s.kind) for s in found] == [("John Kibanga", "indirect"), ("John Kibanga", "direct")]


def test_first_person_needs_a_subject_and_no_acronym() -> None:
    text = (
        "The attack killed twelve, Abdul Mangal said. "
        "The Taliban met on Monday with a US envoy in Qatar. Nobody told me anything."
    )
    found = statements(text, "en", [actor(text, "Abdul Mangal")])
    assert [s.message for s in found] == ["The attack killed twelve"]


def test_first_person_after_an_organisation_is_no_continuation() -> None:
    text = "Siemens teilte mit, der Verkauf sei abgeschlossen. Wir haben davon nichts gewusst."
    found = statements(text, "de", [actor(text, "Siemens", "organization")])
    assert [s.message for s in found] == ["der Verkauf sei abgeschlossen"]


def test_demnach_continues_the_last_statement() -> None:
    text = (
        "Mehr als 1.400 Schäden wurden gemeldet, berichtete Kurt Weinberger. "
        "Am schwersten betroffen ist demnach die Steiermark."
    )
    found = statements(text, "de", [actor(text, "Kurt Weinberger"), actor(text, "Steiermark", "location")])
    assert [s.speaker for s in found] == ["Kurt Weinberger", "Kurt Weinberger"]


def test_infinitive_clause_is_a_message_german() -> None:
    text = "Arjen Hoekstra empfiehlt, hauptsächlich regionale Produkte zu essen."
    said = only(text, "de", [actor(text, "Arjen Hoekstra")])
    assert (said.message, said.speaker) == ("hauptsächlich regionale Produkte zu essen", "Arjen Hoekstra")
    text = "Boris Johnson drängte die Regierung, Quoten aufzugeben."
    said = only(text, "de", [actor(text, "Boris Johnson")])
    assert (said.message, said.speaker) == ("Quoten aufzugeben", "Boris Johnson")


def test_object_and_infinitive_is_a_message_english() -> None:
    text = "Michael Flynn urged the crowd to consider what the counters are hiding."
    said = only(text, "en", [actor(text, "Michael Flynn")])
    assert said.message == "the crowd to consider what the counters are hiding"
    assert said.speaker == "Michael Flynn"


def test_relative_clause_about_the_object_is_no_message() -> None:
    text = (
        "Jeremy Corbyn kündigte eine Reihe von Vorschlägen an, "
        "die von einer Mietpreisbindung bis zum Verbot von Räumungen reichen."
    )
    assert statements(text, "de", [actor(text, "Jeremy Corbyn")]) == []
    text = "Jeremy Corbyn announced a series of proposals, which range from rent controls to eviction bans."
    assert statements(text, "en", [actor(text, "Jeremy Corbyn")]) == []
