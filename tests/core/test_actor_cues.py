"""Late actor cues: outlets by the shape of their names, fought groups, name tails, surname joins."""

from __future__ import annotations

from desktop.core.entities.actor_cues import regions_as_places
from desktop.core.entities.force_names import police_forces
from desktop.core.entities.gazetteer import Gazetteer, Place
from desktop.core.entities.group_cues import fought_groups
from desktop.core.entities.kind_cues import organizations_after_kind_words
from desktop.core.entities.linking import link_mentions
from desktop.core.entities.name_particles import inner_surnames, last_name_keys, without_particles
from desktop.core.entities.names import german_nominative
from desktop.core.entities.press_cues import articles_not_of_the_name, foreign_article_names, german_outlets
from desktop.core.entities.span_tails import cut_name_tails, leaders_of_regimes
from tests.core.test_linking import by_name
from tests.core.test_span_rules import pairs, span


def test_a_paper_named_by_a_zeitung_compound_or_bare_after_a_press_noun_is_an_organisation() -> None:
    text = (
        "Das sagte Hanno Lenz der Morgen-Zeitung vom Montag. Ein Bericht des Talkurier bestätigte es; "
        "die Reporterin des Neuen Kreisblatt fragte nach. Die Onlinemedien des Talkurier wuchsen."
    )
    got = german_outlets(
        text, [span(text, "Hanno Lenz", "person"), span(text, "Talkurier", "person")], no_place
    )
    assert pairs(got) == [
        ("Hanno Lenz", "person"),
        ("Morgen-Zeitung", "organization"),
        ("Talkurier", "organization"),
        ("Neuen Kreisblatt", "organization"),
        ("Talkurier", "organization"),
    ]
    assert all(text[s.start : s.end] == s.text for s in got)


def test_a_genitive_with_its_ending_a_place_a_currency_or_a_name_going_on_is_no_outlet() -> None:
    text = (
        "Ein Bericht des Talkuriers, die Berichte des Ministeriums, der Bericht des Hafenland, "
        "ein Artikel des Euro, die Ausgabe des Mai, der Bericht des Kollegen, die Journalistin "
        "des Talkurier Verlag, der Kampf des Talkurier."
    )
    assert german_outlets(text, [], lambda name: name == "Hafenland") == []


def test_a_person_beginning_with_a_foreign_article_and_no_given_name_is_an_organisation() -> None:
    text = "La Voix Matinale and Het Vrije Woord reported; La Toya Brook and Le Pen spoke."
    spans = [
        span(text, "La Voix Matinale", "person"),
        span(text, "Het Vrije Woord", "person"),
        span(text, "La Toya Brook", "person"),
        span(text, "Le Pen", "person"),
    ]
    got = foreign_article_names(spans, lambda word: word == "Toya")
    assert pairs(got) == [
        ("La Voix Matinale", "organization"),
        ("Het Vrije Woord", "organization"),
        ("La Toya Brook", "person"),
        ("Le Pen", "person"),
    ]


def test_a_word_named_as_fought_or_claiming_responsibility_is_a_group_in_the_whole_article() -> None:
    text = (
        "Qarnak targeted families. The UK stands by Iraq to defeat Qarnak. Velhar has claimed "
        "responsibility. The campaign against Velhar goes on."
    )
    spans = [span(text, "Qarnak", "person"), span(text, "UK", "location"), span(text, "Iraq", "location")]
    got = fought_groups(text, "en", spans, lambda word: word in ("UK", "Iraq"))
    assert pairs(got) == [
        ("Qarnak", "organization"),
        ("UK", "location"),
        ("Iraq", "location"),
        ("Qarnak", "organization"),
        ("Velhar", "organization"),
        ("Velhar", "organization"),
    ]
    assert all(text[s.start : s.end] == s.text for s in got)
    german = "Der Kampf gegen den Qarnak dauert an."
    assert pairs(fought_groups(german, "de", [], lambda word: False)) == [("Qarnak", "organization")]


def test_places_surnames_and_excluded_words_are_no_fought_group() -> None:
    text = (
        "The war against Iraq, the case against Brook (Ada Brook), the fight against Ebola, defeat Lions FC."
    )
    spans = [span(text, "Iraq", "location"), span(text, "Ada Brook", "person"), span(text, "Brook", "person")]
    got = fought_groups(text, "en", spans, lambda word: word in ("Iraq", "Ebola"))
    assert pairs(got) == pairs(spans)
    assert fought_groups(text, "fr", spans, lambda word: False) == spans


def test_post_nominals_and_lower_case_place_kinds_are_cut_in_english() -> None:
    text = "Judge Ada Brook QC spoke in Hafen Vale province and at Torvik airport; Brook QC left."
    spans = [
        span(text, "Ada Brook QC", "person"),
        span(text, "Hafen Vale province", "location"),
        span(text, "Torvik airport", "location"),
        span(text, "Brook QC", "person"),
    ]
    got = cut_name_tails(spans, "en")
    assert pairs(got) == [
        ("Ada Brook", "person"),
        ("Hafen Vale", "location"),
        ("Torvik", "location"),
        ("Brook QC", "person"),  # two words: the letters may be the name's
    ]
    assert all(text[s.start : s.end] == s.text for s in got)
    assert cut_name_tails(spans, "de") == spans


def test_the_kind_word_cue_takes_no_listed_compound_the_model_did_not_see() -> None:
    text = "Wir werden auf das Unternehmen Rücksicht nehmen. Die Firma Talwerk baut."
    got = organizations_after_kind_words(text, "de", [], frozenset(), bare_nouns=frozenset({"Rücksicht"}))
    assert pairs(got) == [("Talwerk", "organization")]
    seen = organizations_after_kind_words(
        text, "de", [span(text, "Rücksicht", "person")], frozenset(), bare_nouns=frozenset({"Rücksicht"})
    )
    assert pairs(seen)[0] == ("Rücksicht", "organization")


def test_surnames_with_particles_and_double_surnames_join_the_full_name() -> None:
    assert without_particles("omar al-bashir") == "omar bashir"
    assert last_name_keys(["omar", "al-bashir"]) == ["al-bashir", "bashir"]
    assert last_name_keys(["ada", "brook"]) == ["brook"]
    inner = inner_surnames(
        ["ricardo rossello nevares", "hans peter lenz", "john f. brook"], lambda w: w == "peter"
    )
    assert dict(inner) == {"rossello": ["ricardo rossello nevares"]}
    text = (
        "Omar al-Bashir arrived. Bashir spoke. Ricardo Rosselló Nevares resigned; Rosselló said so. "
        "Wanda Vázquez Garced will follow, Vázquez said."
    )
    spans = [
        span(text, "Omar al-Bashir", "person"),
        span(text, "Bashir", "person", nth=1),  # the first is inside "al-Bashir"
        span(text, "Ricardo Rosselló Nevares", "person"),
        span(text, "Rosselló", "person", nth=1),
        span(text, "Wanda Vázquez Garced", "person"),
        span(text, "Vázquez", "person", nth=1),
    ]
    actors = by_name(link_mentions(text, "en", spans))
    assert set(actors) == {"Omar al-Bashir", "Ricardo Rosselló Nevares", "Wanda Vázquez Garced"}
    assert all(len(a.mentions) == 2 for a in actors.values())


def test_a_neuter_paper_gets_its_neuter_nominative() -> None:
    assert german_nominative("Neuen Volksblatt", "im") == "Neues Volksblatt"


def no_place(name: str) -> bool:
    return False


def test_a_place_kind_ending_an_organisation_makes_it_a_place() -> None:
    text = "They met between the Torvik Monument and the Hafen Kurdistan Region office; Torvik Bank paid."
    spans = [
        span(text, "Torvik Monument", "organization"),
        span(text, "Hafen Kurdistan Region", "organization"),
        span(text, "Torvik Bank", "organization"),
    ]
    assert pairs(cut_name_tails(spans, "en")) == [
        ("Torvik Monument", "location"),
        ("Hafen Kurdistan Region", "location"),
        ("Torvik Bank", "organization"),
    ]


def test_the_leader_a_regime_is_named_after_is_a_person() -> None:
    text = (
        "A transition away from the Varkov regime; the Brenlo administration and the Kabul government "
        "and the Taliban regime and the Tory government spoke."
    )
    spans = [span(text, "Varkov", "location"), span(text, "Kabul", "location")]
    got = leaders_of_regimes(text, spans, lambda word: word in ("Kabul", "Taliban", "Tory"))
    assert pairs(got) == [("Varkov", "person"), ("Brenlo", "person"), ("Kabul", "location")]
    assert all(text[s.start : s.end] == s.text for s in got)


def test_a_police_force_named_before_its_people_is_an_organisation() -> None:
    text = (
        "A Torvik Police spokesman said it. Hafen Vale Constabulary officers came; the Torvik City "
        "Police Department wrote. Police said so, Ada Brook told Torvik Daily. Police came; "
        "U.S. Park Police officers too."
    )
    spans = [span(text, "Torvik City", "location"), span(text, "Ada Brook", "person")]
    got = police_forces(text, spans)
    assert pairs(got) == [
        ("Torvik Police", "organization"),
        ("Hafen Vale Constabulary", "organization"),
        ("Torvik City Police Department", "organization"),
        ("Ada Brook", "person"),
        ("U.S. Park Police", "organization"),
    ]
    assert all(text[s.start : s.end] == s.text for s in got)


def test_a_capitalised_article_is_no_part_of_a_name_the_text_writes_without_one() -> None:
    text = (
        "Die krisengeplagte Talwerk Bank spart. Die Talwerk Bank ist alt. Die Linke Liste sagt nein, "
        "wie die Linke Liste. Die Rote Hilfe hilft."
    )
    spans = [
        span(text, "Talwerk Bank", "organization"),
        span(text, "Die Talwerk Bank", "organization"),
        span(text, "Die Linke Liste", "organization"),
        span(text, "Die Rote Hilfe", "organization"),
    ]
    got = articles_not_of_the_name(text, spans)
    assert pairs(got) == [
        ("Talwerk Bank", "organization"),
        ("Talwerk Bank", "organization"),
        ("Die Linke Liste", "organization"),  # elsewhere after "die" only
        ("Die Rote Hilfe", "organization"),  # nowhere else
    ]
    assert all(text[s.start : s.end] == s.text for s in got)


def test_a_region_named_alone_as_a_person_or_an_organisation_is_a_place() -> None:
    gazetteer = Gazetteer(
        {
            "Hafenland": Place("R:hl", "region", 0, True),
            "Valdoria": Place("T:VD", "country", 5_000_000, True),
            "Nordmark": Place("R:nm", "region", 0, False),
        },
        {},
        {"Hafenland": 0},
    )
    text = "Hafenlands Parteichef, Senator Ada Brook from Hafenland, Valdoria, Nordmark and Jo Hafenland."
    spans = [
        span(text, "Hafenlands", "person"),
        span(text, "Ada Brook", "person"),
        span(text, "Hafenland", "organization", nth=1),
        span(text, "Valdoria", "organization"),
        span(text, "Nordmark", "organization"),
    ]
    assert pairs(regions_as_places(spans, "de", gazetteer)) == [
        ("Hafenlands", "location"),
        ("Ada Brook", "person"),
        ("Hafenland", "location"),
        ("Valdoria", "organization"),  # a country may stand for its government
        ("Nordmark", "organization"),  # not well known
    ]
    surname = [span(text, "Jo Hafenland", "person"), span(text, "Hafenland", "person", nth=1)]
    assert pairs(regions_as_places(surname, "en", gazetteer))[1] == ("Hafenland", "person")


def test_a_common_noun_fought_against_is_no_group() -> None:
    from desktop.core.entities.actor_cues import late_cues
    from desktop.core.entities.word_stats import WordStats

    text = "Der Kampf gegen den Bürokratismus geht weiter. Im Kampf gegen Qarnak siegten sie."
    text += " Der Kampf gegen Qarnak dauert."
    gazetteer = Gazetteer({}, {}, {})
    got = late_cues(text, "de", [], gazetteer, WordStats({}), frozenset({"Bürokratismus"}))
    assert pairs(got) == [("Qarnak", "organization"), ("Qarnak", "organization")]
    without_nouns = late_cues(text, "de", [], gazetteer, WordStats({}))
    assert ("Bürokratismus", "organization") in pairs(without_nouns)
