"""The nominative of German names whose head is a neuter compound (names.german_nominative)."""

from __future__ import annotations

from desktop.core.entities.names import german_nominative, noun_gender


def test_neuter_heads_of_names_take_the_neuter_adjective() -> None:
    assert german_nominative("Vereinigten Königreich", "im") == "Vereinigtes Königreich"
    assert german_nominative("Vereinigten Königreichs", "des") == "Vereinigtes Königreich"
    assert german_nominative("Weißen Haus", "im") == "Weißes Haus"
    assert german_nominative("Heiligen Land", "im") == "Heiliges Land"
    assert german_nominative("Neuen Theater", "im") == "Neues Theater"


def test_other_heads_keep_their_gender() -> None:
    assert noun_gender("Kaiserreich") == "n" and noun_gender("Bundesland") == "n"
    assert noun_gender("Kommission") == "f" and noun_gender("Rat") == "m"
    assert german_nominative("Europäischen Rates", "des") == "Europäischer Rat"
    assert german_nominative("Wiener Burgtheater", "im") == "Wiener Burgtheater"  # a place's adjective


def test_a_sea_is_neuter() -> None:
    assert noun_gender("Nordmeer") == "n"
    assert german_nominative("Westländischen Meer", "im") == "Westländisches Meer"
    assert german_nominative("Kalten Meeres", "des") == "Kaltes Meer"


def test_the_head_comes_before_the_first_lower_case_word() -> None:
    assert german_nominative("Zentralkomitee der KP", "im") == "Zentralkomitee der KP"
    assert (
        german_nominative("Institute of Science and Technology", "des")
        == "Institute of Science and Technology"
    )
    assert german_nominative("Vereins für Konsumentenschutz", "des") == "Verein für Konsumentenschutz"
    assert german_nominative("Deutschen Zentrum für Infektionsforschung", "dem") == (
        "Deutsches Zentrum für Infektionsforschung"
    )


def test_a_word_in_a_bare_e_is_no_declined_adjective_after_these_determiners() -> None:
    assert (
        german_nominative("Space Telescope Science Institute", "vom") == "Space Telescope Science Institute"
    )
    assert german_nominative("Toronto Maple Leafs", "den") == "Toronto Maple Leafs"
    assert german_nominative("Europäischen Zentralbank", "der") == "Europäische Zentralbank"


def test_a_plural_head_after_der_or_den_takes_the_plural_adjective() -> None:
    nouns = frozenset({"Staat", "Nation", "Insel"})
    assert german_nominative("Vereinigten Staaten", "den", nouns) == "Vereinigte Staaten"
    assert german_nominative("Vereinten Nationen", "der", nouns) == "Vereinte Nationen"
    assert german_nominative("Kanarischen Inseln", "den", nouns) == "Kanarische Inseln"
    assert german_nominative("Nahen Osten", "den", nouns) == "Naher Osten"  # "Ost" is not listed
    assert german_nominative("Vereinten Nationen", "der") == "Vereinten Nationen"  # no list: unchanged


def test_a_word_after_a_capitalised_word_that_is_no_adjective_does_not_decline() -> None:
    name = "Los Angeles Philharmonic Orchestra"
    assert german_nominative(name, "des") == name
    assert german_nominative("Frankfurter Allgemeinen Zeitung", "der") == "Frankfurter Allgemeine Zeitung"


def test_a_gender_list_is_asked_before_the_suffix_rules_and_for_a_compounds_head() -> None:
    genders = {"Kreuz": "n", "Tal": "n", "Welle": "f", "Preis": "m", "Eis": "n"}
    assert german_nominative("Roten Kreuzes", "des", genders=genders) == "Rotes Kreuz"
    assert german_nominative("Roten Kreuzes", "des") == "Roter Kreuz"  # the suffix guess alone
    assert german_nominative("Großen Walsertal", "im", genders=genders) == "Großes Walsertal"
    assert german_nominative("Deutschen Welle", "der", genders=genders) == "Deutsche Welle"
    assert noun_gender("Hauptpreis", genders) == "m"  # the longest listed head, not "Eis"
    assert noun_gender("Kommission", genders) == "f"  # the suffix rules before a head


def test_given_adjectives_only_those_and_words_in_isch_are_declined() -> None:
    adjectives = frozenset({"roten", "kleinen"})
    assert german_nominative("Kronen Zeitung", "der", adjectives=adjectives) == "Kronen Zeitung"
    assert german_nominative("Kleinen Zeitung", "der", adjectives=adjectives) == "Kleine Zeitung"
    assert german_nominative("Welzauischen Zeitung", "der", adjectives=adjectives) == "Welzauische Zeitung"
    assert german_nominative("Kronen Zeitung", "der") == "Krone Zeitung"  # without the list: the old guess


def test_after_der_or_das_a_listed_weak_adjective_turns_strong_when_the_head_s_gender_is_known() -> None:
    adjectives = frozenset({"europäische", "weiße", "vereinigten"})
    genders = {"Rat": "m", "Haus": "n"}
    nouns = frozenset({"Staat"})
    assert german_nominative("Europäische Rat", "der", nouns, genders, adjectives) == "Europäischer Rat"
    assert german_nominative("Weiße Haus", "das", nouns, genders, adjectives) == "Weißes Haus"
    assert german_nominative("Vereinigten Staaten", "die", nouns, genders, adjectives) == "Vereinigte Staaten"
    assert (
        german_nominative("Erste Group", "der", nouns, genders, adjectives) == "Erste Group"
    )  # gender unknown
    assert german_nominative("Europäische Rat", "der") == "Europäische Rat"  # without the lists: unchanged
