"""Clubs named by their towns in sports reports (invented towns and clubs)."""

from __future__ import annotations

import re

from desktop.core.entities.gazetteer import Gazetteer, Place
from desktop.core.entities.linking import link_mentions
from desktop.core.entities.sports_teams import is_sports_report, teams_named_by_towns
from desktop.core.types import EntitySpan, EntityType

GAZ = Gazetteer(
    {
        "Valdorien": Place("T:VX", "country", 0, True),
        "Nordmark": Place("R:vx-nm", "region", 0, True),
        "Kelby": Place("G:1", "city", 240_000, True),
        "Ardwick": Place("G:2", "city", 180_000, True),
        "Amselbach": Place("G:3", "city", 30_000, True),
        "Tove": Place("G:4", "city", 400_000, True),
    },
    {},
    {"Tove": 400},
)

REPORT_DE = (
    "Kelby – Im Heimspiel gegen Ardwick hat der Trainer zwei Tore gesehen. Beim 2:1 in Kelby traf "
    "Bernd Kolb in der Halbzeit doppelt, Ardwick verlor den Anschluss an die Tabelle. Valdorien gewann "
    "2:0 gegen Nordmark."
)


def spans_in(text: str, named: dict[str, EntityType]) -> list[EntitySpan]:
    """Every occurrence of each name, with its type."""
    found = [
        EntitySpan(m.start(), m.end(), n, t) for n, t in named.items() for m in re.finditer(rf"\b{n}\b", text)
    ]
    return sorted(found, key=lambda s: s.start)


def typed(text: str, spans: list[EntitySpan], language: str) -> list[tuple[str, int, str]]:
    return [(s.text, s.start, s.type) for s in teams_named_by_towns(text, language, spans, GAZ)]


def test_a_match_report_needs_a_score_and_words_of_sport() -> None:
    assert is_sports_report(REPORT_DE, "de")
    assert not is_sports_report("Der Trainer sah in der Saison kein Tor. Um 12:30 Uhr ging er.", "de")
    assert not is_sports_report("Beim 2:1 im Parlament siegte die Koalition.", "de")
    assert is_sports_report("Kelby beat Ardwick 2-1 in the league; the coach praised the goal.", "en")
    assert not is_sports_report("Kelby beat Ardwick in the league; the coach praised the goal.", "en")
    assert not is_sports_report("A 3-4 year season of the league and its coach.", "en")


def test_a_town_standing_as_a_team_becomes_an_organisation_other_mentions_stay_places() -> None:
    spans = spans_in(REPORT_DE, {"Kelby": "location", "Ardwick": "location", "Bernd Kolb": "person"})
    got = typed(REPORT_DE, spans, "de")
    assert [(name, kind) for name, _, kind in got] == [
        ("Kelby", "location"),  # the dateline
        ("Ardwick", "organization"),  # "gegen Ardwick"
        ("Kelby", "location"),  # "in Kelby"
        ("Bernd Kolb", "person"),
        ("Ardwick", "organization"),  # "Ardwick verlor"
    ]


def test_more_team_positions() -> None:
    text = REPORT_DE + " Matchwinner für Ardwick war Bernd Kolb, bei Tabellenführer Kelby fehlte er."
    spans = [
        s for s in spans_in(text, {"Ardwick": "location", "Kelby": "location"}) if s.start > len(REPORT_DE)
    ]
    assert [kind for _, _, kind in typed(text, spans, "de")] == ["organization", "organization"]


def test_once_a_team_every_mention_of_the_name_and_its_genitive_is_the_club() -> None:
    text = "Ardwick verlor 1:2 in Kelby. Trainer und Tabelle: Ardwick peilt Punkte an, Ardwicks Tore fehlen."
    spans = spans_in(text, {"Ardwick": "location", "Kelby": "location"})
    spans.append(EntitySpan(text.index("Ardwicks"), text.index("Ardwicks") + 8, "Ardwicks", "person"))
    assert {(name, kind) for name, _, kind in typed(text, spans, "de")} == {
        ("Ardwick", "organization"),
        ("Ardwicks", "organization"),
        ("Kelby", "location"),  # no mention of it stands as a team
    }


def test_a_town_ending_a_longer_name_or_a_country_s_name_is_no_team_by_itself() -> None:
    text = (
        REPORT_DE
        + " Die Gäste siegten bei Nordwacht Amselbach 2:1. Es verlor die Republik Ostmark 0:3 gegen Ostmark."
        + " Nach Handtor Ardwick 0:1. Bei Valdorien Kelby 2:2."
    )
    gaz = Gazetteer({**GAZ.places, "Republik Ostmark": Place("T:OM", "country", 0, True)}, {}, {})
    spans = spans_in(text, {"Nordwacht": "location", "Amselbach": "location", "Republik Ostmark": "location"})
    spans.append(EntitySpan(text.rindex("Ostmark"), text.rindex("Ostmark") + 7, "Ostmark", "location"))
    spans.append(EntitySpan(text.index("Handtor") + 8, text.index("Handtor") + 15, "Ardwick", "location"))
    spans.append(EntitySpan(text.rindex("Kelby"), text.rindex("Kelby") + 5, "Kelby", "location"))
    got = teams_named_by_towns(text, "de", spans, gaz)
    assert [(s.text, s.type) for s in got] == [
        ("Nordwacht", "location"),
        ("Amselbach", "location"),
        ("Republik Ostmark", "location"),
        ("Ostmark", "location"),
        ("Ardwick", "organization"),  # after a noun, not after another name
        ("Kelby", "location"),  # after a country's name: part of a club's name
    ]


def test_countries_and_regions_stay_places_as_national_teams() -> None:
    spans = spans_in(REPORT_DE, {"Valdorien": "location", "Nordmark": "location"})
    assert {kind for _, _, kind in typed(REPORT_DE, spans, "de")} == {"location"}
    text = REPORT_DE + " Luxemburg gewann gegen Ostmarkien, Hoffstedt verlor 0:1 gegen Westland."
    unknown = spans_in(text, {"Ostmarkien": "location", "Westland": "location", "Hoffstedt": "location"})
    assert typed(text, unknown, "de") == [
        ("Ostmarkien", text.index("Ostmarkien"), "location"),  # shaped like a country: left alone
        ("Hoffstedt", text.index("Hoffstedt"), "organization"),  # a village's club the gazetteer lacks
        ("Westland", text.index("Westland"), "location"),
    ]


def test_a_town_typed_as_a_person_is_the_team_unless_it_is_a_given_name() -> None:
    text = REPORT_DE + " Kelby machte viel Druck, Tove auch."
    spans = [EntitySpan(text.index("Kelby machte"), text.index("Kelby machte") + 5, "Kelby", "person")]
    spans.append(EntitySpan(text.index("Tove"), text.index("Tove") + 4, "Tove", "person"))
    assert [kind for _, _, kind in typed(text, spans, "de")] == ["organization", "person"]


def test_rugby_scores_and_a_small_town_typed_as_a_person_standing_as_a_team() -> None:
    text = (
        "Kelby defeated Ardwick 45 points to 24. The coach praised two tries, the rugby ladder moved. "
        "Amselbach beat Tove."
    )
    assert is_sports_report(text, "en")
    spans = spans_in(text, {"Amselbach": "person", "Tove": "person"})
    assert [kind for _, _, kind in typed(text, spans, "en")] == [
        "organization",
        "person",
    ]  # Tove: a given name


def test_an_article_that_is_no_sports_report_is_left_alone() -> None:
    text = "Gegen Ardwick protestierten Bürger. Ardwick verlor 2:1 Stimmen an Kelby."
    spans = spans_in(text, {"Ardwick": "location", "Kelby": "location"})
    assert teams_named_by_towns(text, "de", spans, GAZ) == spans


def test_english_teams_by_position() -> None:
    text = (
        "Kelby beat Ardwick 2-1 on Saturday. The league leaders' coach praised the goal, and the "
        "match in Amselbach drew a crowd. Ardwick manager Anna Holt blamed the penalty."
    )
    spans = spans_in(text, {"Kelby": "location", "Ardwick": "location", "Amselbach": "location"})
    assert [(name, kind) for name, _, kind in typed(text, spans, "en")] == [
        ("Kelby", "organization"),
        ("Ardwick", "organization"),
        ("Amselbach", "location"),
        ("Ardwick", "organization"),
    ]


def test_the_actor_list_types_the_club_an_organisation() -> None:
    text = "Ardwick gewann 3:0 gegen Kelby. Der Trainer lobte die Tore, Kelby bleibt in der Tabelle hinten."
    spans = spans_in(text, {"Ardwick": "location", "Kelby": "location"})
    actors = {a.name: a.type for a in link_mentions(text, "de", spans, gazetteer=GAZ)}
    assert actors == {"Ardwick": "organization", "Kelby": "organization"}  # a tie of one word: the club
    assert {a.name: a.type for a in link_mentions(text, "de", spans)} == {
        "Ardwick": "location",
        "Kelby": "location",
    }  # without a gazetteer (the spans of the recogniser alone) nothing is retyped
