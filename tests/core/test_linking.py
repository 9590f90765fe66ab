"""Actor linking within an article: names, inflections, roles (no model needed)."""

from __future__ import annotations

import re

from desktop.core.entities.linking import link_mentions
from desktop.core.entities.names import clean_surface, german_nominative, match_key
from desktop.core.entities.roles import find_roles, german_role_base, is_role_compound
from desktop.core.types import EntitySpan, EntityType


def spans_for(text: str, names: dict[str, EntityType]) -> list[EntitySpan]:
    """Gold-like spans: every word-bounded occurrence of each name."""
    found = []
    for name, kind in names.items():
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            found.append(EntitySpan(m.start(), m.end(), m.group(0), kind))
    return found


def by_name(actors):
    return {a.name: a for a in actors}


def test_surname_and_inflected_forms_join_the_full_name() -> None:
    text = (
        "Kanzlerin Helga Brandtner traf am Montag den Minister Jonas Vehlow. "
        "Brandtner sagte, Vehlows Plan sei gut. Später sprach Brandtner erneut."
    )
    spans = spans_for(text, {"Helga Brandtner": "person", "Jonas Vehlow": "person", "Vehlows": "person"})
    spans += [
        EntitySpan(m.start(), m.end(), "Brandtner", "person")
        for m in re.finditer(r"Brandtner(?= sagte| erneut)", text)
    ]
    actors = by_name(link_mentions(text, "de", spans))
    assert set(actors) == {"Helga Brandtner", "Jonas Vehlow"}
    assert len(actors["Helga Brandtner"].mentions) == 3
    assert "Vehlows" in actors["Jonas Vehlow"].aliases
    assert actors["Helga Brandtner"].roles == ("Kanzlerin",)
    assert actors["Jonas Vehlow"].roles == ("Minister",)


def test_german_genitive_organisation_gets_nominative_name() -> None:
    text = "Die Chefs des Europäischen Rates kamen. Der Europäische Rat tagt."
    spans = [
        EntitySpan(text.index("des Europ"), text.index(" kamen"), "des Europäischen Rates", "organization"),
        EntitySpan(text.index("Europäische Rat"), text.index(" tagt"), "Europäische Rat", "organization"),
    ]
    actors = link_mentions(text, "de", spans)
    assert len(actors) == 1
    assert actors[0].name == "Europäischer Rat" or actors[0].name == "Europäische Rat"
    # the determiner is never part of the mention
    assert all(not m.text.startswith("des ") for m in actors[0].mentions)


def test_german_nominative_rules() -> None:
    assert german_nominative("Europäischen Rates", "des") == "Europäischer Rat"
    assert german_nominative("Europäischen Parlaments", "des") == "Europäisches Parlament"
    assert german_nominative("Europäischen Kommission", "der") == "Europäische Kommission"
    assert german_nominative("Vereinten Nationen", "den") != ""
    # a place's adjective in -er never declines
    assert german_nominative("Hafenauer Landgericht", "am") == "Hafenauer Landgericht"
    assert german_nominative("Hafenauer Gemeinderats", "des") == "Hafenauer Gemeinderat"


def test_german_nominative_finds_the_head_noun_before_what_follows_it() -> None:
    # a noun in the genitive is no adjective, and a place or phrase after it stays as it is
    assert german_nominative("Landeskriminalamtes Oberkärnten", "des") == "Landeskriminalamt Oberkärnten"
    assert german_nominative("Bundesamtes für Wasserwege", "des") == "Bundesamt für Wasserwege"
    assert german_nominative("Amtes für Statistik", "des") == "Amt für Statistik"
    assert german_nominative("Obersten Gerichtshofes", "des") == "Oberster Gerichtshof"
    assert german_nominative("Internationalen Währungsfonds", "des") == "Internationaler Währungsfonds"
    assert german_nominative("Gesetzes", "des") == "Gesetz"
    # a noun in -en before a name is no adjective ("Tiergarten", "Hafen")
    assert german_nominative("Hafenauer Tiergarten Sonnbrunn", "im") == "Hafenauer Tiergarten Sonnbrunn"
    assert german_nominative("Neuen Hafen Ostkai", "am") == "Neuer Hafen Ostkai"


def test_role_compound_is_not_an_actor_and_titles_become_roles() -> None:
    text = "Danach sprach US-Präsident Hal Orrin mit dem französischen Präsidenten Luc Farand."
    spans = spans_for(text, {"US-Präsident": "organization", "Hal Orrin": "person", "Luc Farand": "person"})
    actors = by_name(link_mentions(text, "de", spans))
    assert "US-Präsident" not in actors
    assert actors["Hal Orrin"].roles == ("US-Präsident",)
    assert actors["Luc Farand"].roles == ("französischer Präsident",)
    assert is_role_compound("EU-Kommissar", "de")
    assert not is_role_compound("EU-Kommission", "de")


def test_apposition_role() -> None:
    text = "Pia Solberg, die Generalsekretärin der Allianz, erklärte am Mittwoch etwas."
    start = text.index("Pia")
    assert find_roles(text, start, start + len("Pia Solberg"), "de") == ["Generalsekretärin der Allianz"]
    text_en = "Tom Hale, the secretary general of the alliance, said on Monday."
    assert find_roles(text_en, 0, 8, "en") == ["secretary general of the alliance"]
    text_en2 = "Yesterday French President Anne Vautrin met reporters."
    s = text_en2.index("Anne")
    assert find_roles(text_en2, s, s + len("Anne Vautrin"), "en") == ["French President"]


def test_english_determiners_and_possessives_are_dropped() -> None:
    text = (
        "Officials in the United States said the United States' plan and Orrin's speech mattered. "
        "Orrin agreed."
    )
    spans = [
        EntitySpan(text.index("the United"), text.index(" said"), "the United States", "location"),
        EntitySpan(text.index("the United States'"), text.index(" plan"), "the United States'", "location"),
        EntitySpan(text.index("Orrin's"), text.index(" speech"), "Orrin's", "person"),
        EntitySpan(text.rindex("Orrin"), text.rindex("Orrin") + 5, "Orrin", "person"),
    ]
    actors = by_name(link_mentions(text, "en", spans))
    assert set(actors) == {"United States", "Orrin"}
    assert len(actors["United States"].mentions) == 2
    assert all(m.text == "United States" for m in actors["United States"].mentions)


def test_rejected_and_letterless_spans_are_dropped_but_lowercase_brands_kept() -> None:
    text = "Am Donnerstag meldete dpa aus Valdora: 2024 sei ... gut."
    spans = spans_for(
        text, {"Donnerstag": "other", "dpa": "organization", "Valdora": "location", "2024": "other"}
    )
    actors = link_mentions(text, "de", spans, rejected=frozenset({"donnerstag"}))
    assert [a.name for a in actors] == ["dpa", "Valdora"]


def test_capitalised_article_is_part_of_the_name_and_abbreviations_keep_their_dot() -> None:
    text = "In Den Haag sprach Chr. Berger mit The Times."
    spans = spans_for(text, {"Den Haag": "location", "Chr. Berger": "person", "The Times": "organization"})
    assert [a.name for a in link_mentions(text, "en", spans)] == ["Den Haag", "Chr. Berger", "The Times"]


def test_helpers() -> None:
    assert clean_surface("der „Tagesspiegel“") == ("Tagesspiegel", 5)
    assert match_key("Europäischen Rates") == match_key("Europäischer Rat")
    assert german_role_base("Präsidenten") == "Präsident"
    assert german_role_base("Luftwaffengeneral") == "Luftwaffengeneral"
    assert german_role_base("Haus") is None


def test_function_words_are_not_title_adjectives() -> None:
    text = "Er sprach, nachdem Präsident Olaf Berger kam, mit ihrem polnischen Amtskollegen Jan Nowak."
    s = text.index("Olaf")
    assert find_roles(text, s, s + len("Olaf Berger"), "de") == ["Präsident"]
    s = text.index("Jan")
    assert find_roles(text, s, s + len("Jan Nowak"), "de") == ["polnischer Amtskollege"]


def test_a_surname_two_full_names_share_goes_to_the_one_named_most() -> None:
    text = (
        "Die Sängerin Mara Feldhege ist tot. Mara Feldhege war 22. Ihre Mutter ist die Sängerin "
        "Ilse Feldhege. Feldhege trat zuletzt in Linz auf. Mara Feldhege hatte viele Fans."
    )
    spans = spans_for(text, {"Mara Feldhege": "person", "Ilse Feldhege": "person", "Feldhege": "person"})
    spans = [s for s in spans if not any(o.start <= s.start and s.end <= o.end and o != s for o in spans)]
    actors = by_name(link_mentions(text, "de", spans))
    assert set(actors) == {"Mara Feldhege", "Ilse Feldhege"}
    assert len(actors["Mara Feldhege"].mentions) == 4  # the lone surname after the mother's full name
    assert len(actors["Ilse Feldhege"].mentions) == 1
    assert "Feldhege" not in actors["Ilse Feldhege"].aliases


def test_a_nickname_in_quotes_joins_the_name_written_with_it() -> None:
    text = 'Sergeant Tomas "Tom" Kellner was hurt. Tom Kellner joined in 1991. Kellner is 54.'
    spans = spans_for(text, {'Tomas "Tom" Kellner': "person", "Tom Kellner": "person"})
    spans += [span for span in spans_for(text, {"Kellner": "person"}) if span.start > text.index("54") - 12]
    actors = by_name(link_mentions(text, "en", spans))
    assert list(actors) == ["Tomas Kellner"]
    assert {'Tomas "Tom" Kellner', "Tom Kellner", "Kellner"} <= set(actors["Tomas Kellner"].aliases)
    assert len(actors["Tomas Kellner"].mentions) == 3


def test_a_surname_typed_otherwise_that_joins_a_full_name_makes_it_no_organisation() -> None:
    text = "Deputy Tomas Vrell spoke first. Vrell later said more. Then Vrell left the hall."
    spans = spans_for(text, {"Tomas Vrell": "person"})
    lone = re.finditer(r"Vrell(?= )", text)
    spans += [EntitySpan(m.start(), m.end(), "Vrell", "organization") for m in lone]
    actors = by_name(link_mentions(text, "en", spans))
    assert set(actors) == {"Tomas Vrell"}
    assert actors["Tomas Vrell"].type == "person"
    assert {m.type for m in actors["Tomas Vrell"].mentions} == {"person"}


def test_a_zero_width_character_at_a_name_edge_splits_no_person() -> None:
    text = "Manager \u200dAda Brook said so. Ada Brook\u00ad added more."
    spans = [
        EntitySpan(8, 18, "\u200dAda Brook", "person"),
        EntitySpan(
            text.index("Ada Brook\u00ad"), text.index("Ada Brook\u00ad") + 10, "Ada Brook\u00ad", "person"
        ),
    ]
    actors = link_mentions(text, "en", spans)
    assert [(a.name, len(a.mentions)) for a in actors] == [("Ada Brook", 2)]


def _role_before(text: str, name: str) -> list[str]:
    start = text.index(name)
    return find_roles(text, start, start + len(name), "de")


def test_a_verb_before_a_german_role_is_no_adjective_of_it() -> None:
    # finite verbs end like adjectives ("sagte", "hatte", "wurde", "waren"): no "sagter Parteichef"
    assert _role_before("„Nie wieder“, sagte Parteichef Olaf Berger.", "Olaf Berger") == ["Parteichef"]
    assert _role_before("Zuvor hatte Landeshauptmann Olaf Berger gewarnt.", "Olaf Berger") == [
        "Landeshauptmann"
    ]
    assert _role_before(
        "Am Montag forderten Gewerkschaftschef Olaf Berger und andere mehr.", "Olaf Berger"
    ) == ["Gewerkschaftschef"]
    assert _role_before("Der Verein und dessen Anwältin Pia Solberg klagten.", "Pia Solberg") == ["Anwältin"]


def test_german_adjectives_before_a_role_are_kept_after_a_determiner_or_by_their_shape() -> None:
    assert _role_before("Es kam der ehemalige Bürgermeister Olaf Berger.", "Olaf Berger") == [
        "ehemaliger Bürgermeister"
    ]
    assert _role_before("Sie traf als designierte Präsidentin Pia Solberg ein.", "Pia Solberg") == [
        "designierte Präsidentin"
    ]
    assert _role_before("Das sagte der für Verkehr zuständige Stadtrat Olaf Berger.", "Olaf Berger") == [
        "zuständiger Stadtrat"
    ]
    assert _role_before(
        "Nun spricht international gesuchte norwegische Anwältin Pia Solberg.", "Pia Solberg"
    ) == ["norwegische Anwältin"]


def test_an_organisation_named_with_and_without_its_article_is_one_actor() -> None:
    text = (
        "Die Grünen fordern mehr Geld. Der Sprecher der Grünen sagte, die Grünen wollten einen Antrag "
        "einbringen. Die Presse berichtete darüber."
    )
    spans = spans_for(text, {"Die Grünen": "organization", "Die Presse": "organization"})
    spans += [
        EntitySpan(m.start(), m.end(), m.group(0), "organization")
        for m in re.finditer(r"(?<=der |die )Grünen", text)
    ]
    actors = by_name(link_mentions(text, "de", spans))
    assert set(actors) == {"Grünen", "Die Presse"}  # named as the text names it after an article
    assert len(actors["Grünen"].mentions) == 3
    assert "Die Grünen" in actors["Grünen"].aliases


def test_article_variants_pair_organisations_only() -> None:
    from desktop.core.entities.name_particles import article_variants

    types = {"die grun": "organization", "grun": "organization", "the hague": "location", "hague": "location"}
    assert article_variants(types, lambda key: types[key] == "organization") == [("die grun", "grun")]
    people = {"der bauer": "person", "bauer": "person"}
    assert article_variants(people, lambda key: people[key] == "organization") == []


def test_a_role_restating_the_persons_name_is_the_role_alone() -> None:
    text = "Frau Vehlow, die Außenministerin Jonas Vehlow, war anwesend. Vehlow sprach."
    spans = spans_for(text, {"Jonas Vehlow": "person"})
    spans += [
        EntitySpan(m.start(), m.end(), "Vehlow", "person") for m in re.finditer(r"Vehlow(?=,| sprach)", text)
    ]
    actors = by_name(link_mentions(text, "de", spans))
    assert actors["Jonas Vehlow"].roles == ("Außenministerin",)
