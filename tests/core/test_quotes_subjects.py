"""Who the subject of a reporting cue is: subordinate and coordinated clauses, inverted subjects,
titles, affiliations, definite descriptions of a person the article spoke of."""

from __future__ import annotations

from tests.quote_helpers import actor, only, statements


def test_subject_right_after_a_subordinator_german() -> None:
    text = "Während Anna Müller betont, dass die Lage ernst sei, berichten Betroffene von Armut."
    found = statements(text, "de", [actor(text, "Anna Müller")])
    assert ("die Lage ernst sei", "Anna Müller") in [(s.message, s.speaker) for s in found]
    text = "Peter Berg kann zufrieden sein, wenngleich Anna Müller mitteilte, dass der Plan scheitere."
    said = only(text, "de", [actor(text, "Peter Berg"), actor(text, "Anna Müller")])
    assert (said.message, said.speaker) == ("der Plan scheitere", "Anna Müller")


def test_subordinate_clause_with_an_apposition_and_no_main_clause_message_german() -> None:
    text = (
        "Peter Berg soll wütend gewesen sein, als die Moderatorin in Marlow, Buckinghamshire, zugab, "
        "keine Zeit mehr zu haben. Während Anna Müller ihren Rückzug ankündigte, verließ Peter Berg das Land."
    )
    found = statements(text, "de", [actor(text, "Peter Berg"), actor(text, "Anna Müller")])
    assert all(s.speaker != "Peter Berg" for s in found)
    assert all("verließ" not in s.message for s in found)


def test_subject_by_the_subordinator_english() -> None:
    text = 'Recep Erdogan underlined the call by saying "we are ready to take more steps towards peace."'
    said = only(text, "en", [actor(text, "Recep Erdogan")])
    assert (said.speaker, said.message) == ("Recep Erdogan", "we are ready to take more steps towards peace.")
    text = "Recep Erdogan unterstrich den Aufruf, indem er sagte: „Wir sind bereit, mehr Schritte zu gehen.“"
    said = only(text, "de", [actor(text, "Recep Erdogan")])
    assert (said.speaker, said.kind) == ("Recep Erdogan", "direct")


def test_elided_subject_of_a_coordinated_verb() -> None:
    text = "Sean Combs war als Puff Daddy bekannt, gab aber dieses Jahr bekannt, dass er den Namen Love mag."
    said = only(text, "de", [actor(text, "Sean Combs"), actor(text, "Puff Daddy")])
    assert (said.message, said.speaker) == ("er den Namen Love mag", "Sean Combs")
    text = "Sean Combs was known as Puff Daddy, but this year announced that he prefers the name Love."
    said = only(text, "en", [actor(text, "Sean Combs"), actor(text, "Puff Daddy")])
    assert (said.message, said.speaker) == ("he prefers the name Love", "Sean Combs")


def test_time_expression_between_verb_and_subject() -> None:
    text = "Die Lage sei ernst, sagte am Montag Anna Müller."
    assert only(text, "de", [actor(text, "Anna Müller")]).speaker == "Anna Müller"
    text = "The situation is serious, said on Monday Anna Miller."
    assert only(text, "en", [actor(text, "Anna Miller")]).speaker == "Anna Miller"


def test_no_inverted_subject_before_a_clause_of_its_own_english() -> None:
    text = "In a report, Dave Lewis, chief executive of Tesco, stated they did not want to leave Poland."
    cast = [actor(text, "Dave Lewis"), actor(text, "Tesco", "organization")]
    said = only(text, "en", [*cast, actor(text, "Poland", "location")])
    assert (said.speaker, said.message) == ("Dave Lewis", "they did not want to leave Poland")
    text = '"We will not give up," said a protester using the pseudonym Katya.'
    said = only(text, "en", [actor(text, "Katya")])
    assert (said.speaker, said.source) == (None, "a protester")


def test_pronoun_subject_opens_the_message_clause_english() -> None:
    text = (
        "Matt Simister explained that the company held a 4% share of the market, "
        "and stated they want to stay in Hungary."
    )
    found = statements(text, "en", [actor(text, "Matt Simister"), actor(text, "Hungary", "location")])
    assert [(s.message, s.speaker) for s in found] == [
        ("the company held a 4% share of the market", "Matt Simister"),
        ("they want to stay in Hungary", "Matt Simister"),
    ]


def test_title_abbreviation_in_a_name() -> None:
    text = '"The strains were almost entirely different," said Dr. Livermore.'
    assert only(text, "en", [actor(text, "David Livermore")]).speaker == "David Livermore"
    text = "„Die Stämme waren fast völlig verschieden“, sagte Prof. Livermore."
    assert only(text, "de", [actor(text, "David Livermore")]).speaker == "David Livermore"


def test_person_named_with_the_organisation_they_work_at() -> None:
    # the recogniser took "of CU Boulder" into the person's name
    text = (
        '"Now we are seeing a new process," said study co-author Ted Scambos of CU Boulder\'s '
        "Cooperative Institute for Research."
    )
    person, institute = "Ted Scambos of CU Boulder", "Cooperative Institute for Research"
    cast = [actor(text, person), actor(text, institute, "organization")]
    assert only(text, "en", cast).speaker == person
    text = "„Die Lage ist ernst“, sagte Anna Berg von der Universität Wien am Institut für Weltwirtschaft."
    person, institute = "Anna Berg von der Universität Wien", "Institut für Weltwirtschaft"
    cast = [actor(text, person), actor(text, institute, "organization")]
    assert only(text, "de", cast).speaker == person


def test_definite_person_noun_means_the_person_spoken_of() -> None:
    text = (
        "Cristiano Ronaldo sagte, die Berichte seien falsch. "
        "„Sie wollen sich durch meinen Namen profilieren“, fügte der Spieler lächelnd hinzu."
    )
    found = statements(text, "de", [actor(text, "Cristiano Ronaldo")])
    assert [s.speaker for s in found] == ["Cristiano Ronaldo", "Cristiano Ronaldo"]
    text = (
        '"Warm water is attacking the ice shelves," said Karen Alley. '
        'The Wooster professor added, "But exactly how much, we do not yet know."'
    )
    found = statements(text, "en", [actor(text, "Karen Alley")])
    assert [s.speaker for s in found] == ["Karen Alley", "Karen Alley"]


def test_definite_person_noun_of_the_other_gender_stays_unnamed() -> None:
    text = "Anna Müller sagte, sie sei zufrieden. Der Präsident sagte, die Lage sei ernst."
    found = statements(text, "de", [actor(text, "Anna Müller")])
    assert [s.speaker for s in found] == ["Anna Müller", None]


def test_capitalised_verb_form_in_a_name_is_no_cue_english() -> None:
    text = (
        "In two studies presented in Orlando, Florida in the United States, "
        "scientists have disclosed new steps toward using natural glues."
    )
    cast = [actor(text, "Orlando", "location"), actor(text, "Florida", "location")]
    assert all(s.speaker is None for s in statements(text, "en", cast))
    text = "Initial reports stated the fruit was a pineapple."
    said = only(text, "en")
    assert (said.message, said.speaker) == ("the fruit was a pineapple", None)


def test_a_name_and_a_group_with_it_are_a_group() -> None:
    text = "Donald Trump and his supporters claimed Joe Biden only won because of fraud."
    said = only(text, "en", [actor(text, "Donald Trump"), actor(text, "Joe Biden")])
    assert (said.message, said.speaker) == ("Joe Biden only won because of fraud", None)
    text = "Donald Trump und seine Anhänger behaupteten, Joe Biden habe nur durch Betrug gewonnen."
    said = only(text, "de", [actor(text, "Donald Trump"), actor(text, "Joe Biden")])
    assert said.speaker is None


def test_particle_before_a_coordinated_verb_german() -> None:
    text = "„Brett hat dies vehement bestritten“, fügte Lindsey Graham hinzu und bezog sich auf Ford."
    said = only(text, "de", [actor(text, "Lindsey Graham")])
    assert (said.speaker, said.cue) == ("Lindsey Graham", "fügte Lindsey Graham hinzu")


def test_passive_participle_reports_nobody() -> None:
    text = "Mehr als 1.400 Schäden wurden gemeldet, berichtete Kurt Weinberger."
    said = only(text, "de", [actor(text, "Kurt Weinberger")])
    assert (said.message, said.speaker) == ("Mehr als 1.400 Schäden wurden gemeldet", "Kurt Weinberger")
    text = "Per numbers reported by the Associated Press, 415,000 priests are subject to the rule."
    assert all(s.speaker is None for s in statements(text, "en", [actor(text, "Per", "organization")]))


def test_unnamed_sentence_subject_of_a_coordinated_verb() -> None:
    text = (
        "Einige Analysten halten es für unwahrscheinlich, dass das Gericht zugunsten Boliviens entscheidet, "
        "und glauben, dass sich dadurch wenig ändern würde."
    )
    found = statements(text, "de", [actor(text, "Boliviens", "location")])
    assert all(s.speaker is None for s in found)
    text = "Some analysts think the court will not rule for Bolivia, and argue that little would change."
    found = statements(text, "en", [actor(text, "Bolivia", "location")])
    assert [(s.message, s.speaker) for s in found] == [("little would change", None)]


def test_outlet_reporting_what_websites_reported_german() -> None:
    text = (
        "Konservative Websites wie RedState meldeten, dass die Adresse dem Büro zugeordnet sei, "
        "berichtete The Hill."
    )
    found = statements(
        text, "de", [actor(text, "RedState", "organization"), actor(text, "The Hill", "organization")]
    )
    assert [(s.message, s.speaker) for s in found] == [("die Adresse dem Büro zugeordnet sei", None)]


def test_main_clause_after_a_leading_subordinate_clause_is_no_message() -> None:
    text = "When Kweisi Mfume announced his resignation in 1995, Elijah Cummings joined the race."
    assert statements(text, "en", [actor(text, "Kweisi Mfume"), actor(text, "Elijah Cummings")]) == []
    text = "Als Kweisi Mfume 1995 seinen Rücktritt ankündigte, trat Elijah Cummings an, um ihn zu ersetzen."
    assert statements(text, "de", [actor(text, "Kweisi Mfume"), actor(text, "Elijah Cummings")]) == []


def test_place_after_of_is_no_speaker_even_if_taken_for_a_person() -> None:
    text = "The occupants were going to a dance competition, according to the mayor of Yartsevo."
    said = only(text, "en", [actor(text, "Yartsevo")])  # the recogniser took the town for a person
    assert said.speaker is None
    text = "Die Insassen waren auf dem Weg zu einem Tanzwettbewerb, so der Bürgermeister von Jarzewo."
    assert only(text, "de", [actor(text, "Jarzewo")]).speaker is None


def test_expressed_reports_its_clause() -> None:
    text = "Wanda Vázquez has expressed she is uninterested in the office, according to Reuters."
    cast = [actor(text, "Wanda Vázquez"), actor(text, "Reuters", "organization")]
    assert [(s.message, s.speaker) for s in statements(text, "en", cast)] == [
        ("she is uninterested in the office", "Wanda Vázquez")
    ]
    text = "Wanda Vázquez äußerte, dass sie kein Interesse an dem Amt habe, so Reuters."
    cast = [actor(text, "Wanda Vázquez"), actor(text, "Reuters", "organization")]
    assert [s.speaker for s in statements(text, "de", cast)] == ["Wanda Vázquez"]
