"""Speakers across sentences: pronoun chains, the person opening the sentence before, "X said:"
with the quotation in the next paragraph, outlets a speaker talks to or that pass it on, and a
new subject that ends a run of reported speech."""

from __future__ import annotations

from tests.quote_helpers import actor, only, statements


def test_pronoun_chain_over_several_sentences() -> None:
    text = (
        "Olaf Scholz sagte, die Lage sei ernst. Er betonte, man müsse handeln. Am Abend regnete es. "
        "Er fügte hinzu, dass er zuversichtlich sei."
    )
    assert [s.speaker for s in statements(text, "de", [actor(text, "Olaf Scholz")])] == ["Olaf Scholz"] * 3
    text = (
        "Olaf Scholz said the situation was serious. He stressed that action was needed. "
        "It rained in the evening. He added that he was confident."
    )
    assert [s.speaker for s in statements(text, "en", [actor(text, "Olaf Scholz")])] == ["Olaf Scholz"] * 3


def test_pronoun_means_the_person_opening_the_sentence_before() -> None:
    text = (
        "Olaf Scholz sagte, die Lage sei ernst. Emmanuel Macron kam später hinzu. "
        "Er sagte, man müsse handeln."
    )
    found = statements(text, "de", [actor(text, "Olaf Scholz"), actor(text, "Emmanuel Macron")])
    assert [s.speaker for s in found] == ["Olaf Scholz", "Emmanuel Macron"]
    text = (
        "Olaf Scholz said the situation was serious. Emmanuel Macron arrived later. "
        "He said action was needed."
    )
    found = statements(text, "en", [actor(text, "Olaf Scholz"), actor(text, "Emmanuel Macron")])
    assert [s.speaker for s in found] == ["Olaf Scholz", "Emmanuel Macron"]


def test_speaker_with_a_colon_and_the_quotation_in_the_next_paragraph() -> None:
    text = 'Election rally\n\nDonald Trump spoke in Ohio. Donald Trump said:\n\n"We will win this election."'
    found = statements(text, "en", [actor(text, "Donald Trump")])
    assert [(s.message, s.speaker, s.cue) for s in found] == [
        ("We will win this election.", "Donald Trump", "said")
    ]
    text = "Wahlkampf\n\nDonald Trump sprach in Ohio. Er sagte:\n\nWir werden diese Wahl deutlich gewinnen."
    found = statements(text, "de", [actor(text, "Donald Trump")])
    assert [(s.message, s.speaker, s.kind) for s in found] == [
        ("Wir werden diese Wahl deutlich gewinnen", "Donald Trump", "direct")
    ]


def test_outlet_spoken_to_is_not_the_speaker() -> None:
    text = "Donald Trump told the BBC that the election was rigged."
    found = statements(text, "en", [actor(text, "Donald Trump"), actor(text, "BBC", "organization")])
    assert [(s.message, s.speaker) for s in found] == [("the election was rigged", "Donald Trump")]
    text = "Die Wahl sei manipuliert, sagte Donald Trump der BBC."
    found = statements(text, "de", [actor(text, "Donald Trump"), actor(text, "BBC", "organization")])
    assert [(s.message, s.speaker) for s in found] == [("Die Wahl sei manipuliert", "Donald Trump")]


def test_outlet_reporting_a_statement_ends_its_message() -> None:
    text = "Donald Trump said the election was rigged, the BBC reported."
    found = statements(text, "en", [actor(text, "Donald Trump"), actor(text, "BBC", "organization")])
    assert [(s.message, s.speaker) for s in found] == [("the election was rigged", "Donald Trump")]
    text = "Laut BBC sagte ein Sprecher, die Wahl sei manipuliert."
    found = statements(text, "de", [actor(text, "BBC", "organization")])
    assert [(s.message, s.speaker, s.source) for s in found] == [
        ("die Wahl sei manipuliert", None, "ein Sprecher")
    ]


def test_new_subject_ends_reported_speech() -> None:
    text = (
        "Die Branche sei innovativ, sagte Uwe Grebe. "
        "Der neue Sprecher, Günther Kerle, macht mobil: Es könne nicht sein, dass alle Rad fahren müssen."
    )
    found = statements(text, "de", [actor(text, "Uwe Grebe"), actor(text, "Günther Kerle")])
    assert [s.speaker for s in found] == ["Uwe Grebe"]


def test_subject_after_an_introductory_phrase() -> None:
    text = (
        "In a press release, the Turkish Ministry of Foreign Affairs denounced the summit, "
        'calling the agreements "legitimate and fully compatible with international law".'
    )
    found = statements(text, "en", [actor(text, "Turkish Ministry of Foreign Affairs", "organization")])
    assert [s.speaker for s in found] == ["Turkish Ministry of Foreign Affairs"]
    text = (
        "In einer Mitteilung verurteilte das Außenministerium den Gipfel und bezeichnete "
        "die Abkommen als „rechtmäßig und völlig mit dem Völkerrecht vereinbar“."
    )
    found = statements(text, "de", [actor(text, "Außenministerium", "organization")])
    assert [s.speaker for s in found] == ["Außenministerium"]


def test_statement_nested_in_another_speakers_message() -> None:
    text = "Kathryn Mayorga behauptet, dass Cristiano Ronaldo bestätige, dass die beiden sich kannten."
    found = statements(text, "de", [actor(text, "Kathryn Mayorga"), actor(text, "Cristiano Ronaldo")])
    assert [(s.message, s.speaker) for s in found] == [
        ("Cristiano Ronaldo bestätige, dass die beiden sich kannten", "Kathryn Mayorga"),
        ("die beiden sich kannten", "Cristiano Ronaldo"),
    ]
    text = "Kathryn Mayorga claims that Cristiano Ronaldo confirmed that the two had met."
    found = statements(text, "en", [actor(text, "Kathryn Mayorga"), actor(text, "Cristiano Ronaldo")])
    assert [s.speaker for s in found] == ["Kathryn Mayorga", "Cristiano Ronaldo"]


def test_no_nested_statement_of_the_same_speaker_or_an_unnamed_one() -> None:
    text = (
        "Anna Müller sagte, sie habe erklärt, dass alles gut sei. "
        "Sie sagte, Experten hätten gewarnt, dass es regne."
    )
    found = statements(text, "de", [actor(text, "Anna Müller")])
    assert [s.speaker for s in found] == ["Anna Müller", "Anna Müller"]


def test_source_after_a_preposition_german() -> None:
    text = (
        "Mehr als die Hälfte der Menschheit leidet unter Wassermangel. "
        "Das geht aus einer Studie des Wissenschafters Arjen Hoekstra hervor."
    )
    said = only(text, "de", [actor(text, "Arjen Hoekstra")])
    assert (said.message, said.speaker) == (
        "Mehr als die Hälfte der Menschheit leidet unter Wassermangel",
        "Arjen Hoekstra",
    )
    text = "Aus einem Bericht von Amnesty International geht hervor, dass Gefangene gefoltert wurden."
    said = only(text, "de", [actor(text, "Amnesty International", "organization")])
    assert (said.message, said.speaker) == ("Gefangene gefoltert wurden", "Amnesty International")


def test_sentence_adverb_is_no_subordinate_clause_german() -> None:
    text = "Damit wird Wasser nicht nachhaltig eingesetzt, kritisiert der Forscher Arjen Hoekstra."
    said = only(text, "de", [actor(text, "Arjen Hoekstra")])
    assert (said.message, said.speaker) == ("Damit wird Wasser nicht nachhaltig eingesetzt", "Arjen Hoekstra")


def test_clause_opening_with_it_or_an_auxiliary_english() -> None:
    text = "With the acquisition, Salling said it seeks to improve its coverage in Poland."
    said = only(text, "en", [actor(text, "Salling", "organization"), actor(text, "Poland", "location")])
    assert (said.message, said.speaker) == ("it seeks to improve its coverage in Poland", "Salling")
    text = "It depends on the next mission, which Jim Bridenstine has said may be ready by late August."
    said = only(text, "en", [actor(text, "Jim Bridenstine")])
    assert (said.message, said.speaker) == ("may be ready by late August", "Jim Bridenstine")


def test_role_holder_of_the_right_gender() -> None:
    text = (
        "Präsident Donald Trump sprach über Christine Ford. "
        "„Das war eine sehr schlechte Körpersprache“, so der Präsident."
    )
    cast = [
        actor(text, "Donald Trump", roles=("Präsident",)),
        actor(text, "Christine Ford", roles=("Präsident",)),  # a role the linker got wrong
    ]
    assert only(text, "de", cast).speaker == "Donald Trump"


def test_speaker_of_the_sentence_before_wins_over_a_known_gender() -> None:
    # "Bernie" says nothing about gender; "Joe" does: the last speaker still comes first
    text = (
        "Bernie Sanders met Joe Biden. "
        'Sanders said, "I do not make this decision lightly." He wrote in a tweet, "The struggle continues."'
    )
    found = statements(text, "en", [actor(text, "Bernie Sanders"), actor(text, "Joe Biden")])
    assert [s.speaker for s in found] == ["Bernie Sanders", "Bernie Sanders"]
    text = (
        "Bernie Sanders traf Joe Biden. "
        "„Ich treffe diese Entscheidung nicht leichtfertig“, sagte Sanders. "
        "Er schrieb: „Der Kampf geht weiter.“"
    )
    found = statements(text, "de", [actor(text, "Bernie Sanders"), actor(text, "Joe Biden")])
    assert [s.speaker for s in found] == ["Bernie Sanders", "Bernie Sanders"]


def test_relative_pronoun_subject_means_its_antecedent_german() -> None:
    text = (
        "Das Dementi kam beim Präsidenten Donald Trump nicht gut an, "
        "der am Abend dazu sagte: „Das war eine sehr schlechte Körpersprache.“"
    )
    said = only(text, "de", [actor(text, "Donald Trump")])
    assert (said.speaker, said.kind) == ("Donald Trump", "direct")
    text = (
        "Donald Trump spottete über den Brief von Christine Ford, in dem diese Brett Kavanaugh "
        "Missbrauch vorwirft, nicht an die Presse weitergegeben zu haben."
    )
    cast = [actor(text, "Donald Trump"), actor(text, "Christine Ford"), actor(text, "Brett Kavanaugh")]
    assert all(s.speaker != "Donald Trump" for s in statements(text, "de", cast))


def test_names_of_any_kind_joined_are_a_group() -> None:
    text = "Die Vereinigten Staaten und die Europäische Union warnten, dass es keine Aufbauhilfe gebe."
    cast = [actor(text, "Vereinigten Staaten", "location"), actor(text, "Europäische Union", "organization")]
    assert only(text, "de", cast).speaker is None
    text = "The United States and the European Union warned that there would be no reconstruction aid."
    cast = [actor(text, "United States", "location"), actor(text, "European Union", "organization")]
    assert only(text, "en", cast).speaker is None


def test_plural_pronoun_of_a_wie_clause_is_a_group() -> None:
    text = (
        "Minister Max Berger und Präsident Karl Ott wollen am Montag in Wien informieren, "
        "wie sie am Freitag ankündigten."
    )
    cast = [actor(text, "Max Berger"), actor(text, "Karl Ott"), actor(text, "Wien", "location")]
    said = only(text, "de", cast)
    assert (said.message, said.speaker, said.cue) == (
        "Minister Max Berger und Präsident Karl Ott wollen am Montag in Wien informieren",
        None,
        "wie sie am Freitag ankündigten",
    )
    text = "Anna Roth war in Wien. Die Lage sei ernst, wie sie am Freitag ankündigte."
    cast = [actor(text, "Anna Roth"), actor(text, "Wien", "location")]
    assert only(text, "de", cast).speaker == "Anna Roth"


def test_cue_right_after_a_quotation_beats_the_colon_before_it() -> None:
    text = (
        'The WHO noted the need for action: "All countries can still change the course of this '
        'pandemic," said Tedros Adhanom, the Director-General of the WHO.'
    )
    cast = [actor(text, "WHO", "organization"), actor(text, "Tedros Adhanom")]
    assert only(text, "en", cast).speaker == "Tedros Adhanom"
    text = (
        "Die WHO betonte die Notwendigkeit zu handeln: „Alle Länder können den Verlauf der Pandemie "
        "noch ändern“, sagte Tedros Adhanom, der Generaldirektor der WHO."
    )
    cast = [actor(text, "WHO", "organization"), actor(text, "Tedros Adhanom")]
    assert only(text, "de", cast).speaker == "Tedros Adhanom"
