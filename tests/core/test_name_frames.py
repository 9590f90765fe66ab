"""Names read from the words framing them: ships, institutions, kind compounds, calendar words."""

from __future__ import annotations

from desktop.core.entities.name_frames import (
    add_german_institutions,
    cut_demonyms_before_abbreviations,
    cut_german_kind_compounds,
    drop_abbreviated_titles,
    drop_calendar_compounds,
    framed_names,
    german_institutions_before_places,
    institutions_after_people,
    names_continued_in_another_case,
    ships_are_no_people,
    unnamed_people_as_organizations,
)
from tests.core.test_span_rules import pairs, span


def test_a_ship_named_after_a_person_is_no_person() -> None:
    text = "The MV Jana Brook sailed; the crew of HMS Valdor waved. Jana Brook was a sailor."
    spans = [
        span(text, "MV Jana Brook", "person"),
        span(text, "Valdor", "location"),
        span(text, "Jana Brook", "person", nth=1),
    ]
    got = ships_are_no_people(text, spans)
    assert pairs(got) == [("MV Jana Brook", "other"), ("HMS Valdor", "other"), ("Jana Brook", "person")]
    assert all(text[s.start : s.end] == s.text for s in got)
    # a company whose abbreviation is no ship's prefix keeps its type
    company = "RMS Ostmark sells airtime."
    assert pairs(ships_are_no_people(company, [span(company, "RMS Ostmark", "organization")])) == [
        ("RMS Ostmark", "organization")
    ]


def test_a_persons_name_before_an_institutions_head_is_the_institution() -> None:
    text = "He sat at Jon P. Arvel Correctional Facility; Jon P. Arvel visited. Mara Lind University"
    spans = [
        span(text, "Jon P. Arvel", "person"),
        span(text, "Jon P. Arvel", "person", nth=1),
        span(text, "Mara Lind", "person"),
    ]
    got = institutions_after_people(text, "en", spans)
    assert pairs(got) == [
        ("Jon P. Arvel Correctional Facility", "organization"),
        ("Jon P. Arvel", "person"),
        ("Mara Lind University", "organization"),
    ]
    german = "an der Jan Brook Universität"
    assert pairs(institutions_after_people(german, "de", [span(german, "Jan Brook", "person")])) == [
        ("Jan Brook Universität", "organization")
    ]
    # a one-word "person" is left alone, and so is a head another span already starts in
    lone = "Arvel University"
    assert pairs(institutions_after_people(lone, "en", [span(lone, "Arvel", "person")])) == [
        ("Arvel", "person")
    ]
    taken = "Mara Lind University Press"
    spans = [span(taken, "Mara Lind", "person"), span(taken, "University Press", "organization")]
    assert pairs(institutions_after_people(taken, "en", spans)) == pairs(spans)


def test_a_german_institution_noun_before_a_place_is_one_organisation() -> None:
    text = "Die Zollfahndung Brückstadt und das Zollamt St. Hafenau sowie Chefin des Kulturbüros Ostmark."
    spans = [
        span(text, "Brückstadt", "location"),
        span(text, "St. Hafenau", "location"),
        span(text, "Ostmark", "location"),
    ]
    assert pairs(german_institutions_before_places(text, spans)) == [
        ("Zollfahndung Brückstadt", "organization"),
        ("Zollamt St. Hafenau", "organization"),
        ("Kulturbüros Ostmark", "organization"),
    ]
    # a place's genitive names whose the institution is, no part of its name
    owner = "Die Regierung Valdoriens sprach."
    got = german_institutions_before_places(
        owner, [span(owner, "Valdoriens", "location")], {"Valdorien"}.__contains__
    )
    assert pairs(got) == [("Valdoriens", "location")]
    # no institution's noun, or a noun inside another span: the place stays
    other = "Die Stadt Brückstadt und Jan Zollamt Hafenau"
    spans = [
        span(other, "Brückstadt", "location"),
        span(other, "Jan Zollamt", "person"),
        span(other, "Hafenau", "location"),
    ]
    assert pairs(german_institutions_before_places(other, spans)) == pairs(spans)


def test_a_german_kind_compound_leading_an_organisation_is_cut() -> None:
    text = "die Großbank Ostwerk Chartered, die Landesbank Brückstadt, die Arbeiterpartei Valdoriens"
    spans = [
        span(text, "Großbank Ostwerk Chartered", "organization"),
        span(text, "Landesbank Brückstadt", "organization"),
        span(text, "Arbeiterpartei Valdoriens", "organization"),
    ]
    places = {"Brückstadt", "Valdorien"}
    got = cut_german_kind_compounds(text, spans, lambda name: name in places)
    assert pairs(got) == [
        ("Ostwerk Chartered", "organization"),
        ("Landesbank Brückstadt", "organization"),
        ("Arbeiterpartei Valdoriens", "organization"),
    ]
    assert all(text[s.start : s.end] == s.text for s in got)
    bare = "die Bank Ostwerk"  # the bare kind word may begin a name
    assert pairs(
        cut_german_kind_compounds(bare, [span(bare, "Bank Ostwerk", "organization")], lambda n: False)
    ) == [("Bank Ostwerk", "organization")]


def test_a_german_weekday_with_a_part_of_the_day_is_no_actor() -> None:
    text = "Das teilte Ostwerk Mittwochabend mit, Sonntagnacht auch."
    spans = [
        span(text, "Ostwerk", "organization"),
        span(text, "Mittwochabend", "organization"),
        span(text, "Sonntagnacht", "location"),
    ]
    assert pairs(drop_calendar_compounds(spans)) == [("Ostwerk", "organization")]
    text = "Das konnte Brenk Mittwochfrüh nicht sagen."
    assert pairs(drop_calendar_compounds([span(text, "Brenk Mittwochfrüh", "person")], text)) == [
        ("Brenk", "person")
    ]


def test_a_nationality_before_an_abbreviation_is_no_part_of_the_name() -> None:
    text = "the Valdorian KGV arrested 33 people"
    got = cut_demonyms_before_abbreviations(
        text, [span(text, "Valdorian KGV", "person")], {"Valdorian"}.__contains__
    )
    assert pairs(got) == [("KGV", "organization")]
    word = "the Valdorian Guard"  # no abbreviation: left alone
    assert pairs(
        cut_demonyms_before_abbreviations(
            word, [span(word, "Valdorian Guard", "organization")], {"Valdorian"}.__contains__
        )
    ) == [("Valdorian Guard", "organization")]


def test_framed_names_run_in_order_and_german_abbreviated_institutions_are_added() -> None:
    text = "Die Großbank Ostwerk Chartered und das Landgericht Brückstadt, Montagabend."
    spans = [
        span(text, "Großbank Ostwerk Chartered", "organization"),
        span(text, "Brückstadt", "location"),
        span(text, "Montagabend", "location"),
    ]
    got = framed_names(text, "de", spans, lambda n: n == "Brückstadt", lambda w: False)
    assert pairs(got) == [("Ostwerk Chartered", "organization"), ("Landgericht Brückstadt", "organization")]
    eu = "Die EU-Kommission und der US-Präsident"
    assert pairs(add_german_institutions(eu, [])) == [("EU-Kommission", "organization")]
    party = "Der KVP-Bauernbund und die QRT-Stiftung, nicht der KVP-Chef"
    assert pairs(add_german_institutions(party, [])) == [
        ("KVP-Bauernbund", "organization"),
        ("QRT-Stiftung", "organization"),
    ]


def _title(word: str) -> bool:
    return word in {"President", "minister"}


def test_an_english_one_word_person_never_introduced_is_an_organisation() -> None:
    text = (
        "The attack was claimed by Quarvesh. Quarvesh has used such weapons. President Ostrel spoke."
        " Ostrel left. The minister Velk came. Velk stayed. Her son Bram was there. Bram smiled."
        " Jan Hollis spoke. Hollis left. Then Tarn and Tarn again. Lerro said it. Lerro left."
    )
    names = ["Quarvesh", "Ostrel", "Velk", "Bram", "Hollis", "Tarn", "Lerro"]
    spans = [span(text, "Jan Hollis", "person")]
    for name in names:
        spans += [span(text, name, "person", nth=i) for i in range(text.count(name)) if name != "Hollis" or i]
    known = {"Jan", "Lerro"}.__contains__
    got = {s.text: s.type for s in unnamed_people_as_organizations(text, spans, known, _title)}
    assert got["Quarvesh"] == "organization"  # named in two sentences, never with a title or given name
    assert got["Ostrel"] == got["Velk"] == got["Bram"] == "person"  # a title, a role, a kin word before
    assert got["Hollis"] == "person"  # the surname of a full name
    assert got["Tarn"] == "person"  # named twice in one sentence only
    assert got["Lerro"] == "person"  # a name the lists know
    spelled = "Dar’esh claimed the attack. Later Das’esh attacked again."  # two names
    spans = [span(spelled, "Dar’esh", "person"), span(spelled, "Das’esh", "person")]
    got_spelled = unnamed_people_as_organizations(spelled, spans, lambda word: False, _title)
    assert [s.type for s in got_spelled] == ["person", "person"]  # apart by more than apostrophes
    same = "Dae’sh claimed the attack. Later Da’esh attacked again."
    spans = [span(same, "Dae’sh", "person"), span(same, "Da’esh", "person")]
    assert [s.type for s in unnamed_people_as_organizations(same, spans, lambda word: False, _title)] == [
        "organization",
        "organization",
    ]


def test_a_german_abbreviated_title_before_a_name_is_no_actor() -> None:
    text = "Das sagte LHStv. Jan Brandt, dann Bgm. Anna Lind. Es berichtete der ORF. Jan Moor kam."
    spans = [
        span(text, "LHStv", "organization"),
        span(text, "Jan Brandt", "person"),
        span(text, "Bgm", "person"),
        span(text, "Anna Lind", "person"),
        span(text, "ORF", "organization"),
        span(text, "Jan Moor", "person"),
    ]
    got = drop_abbreviated_titles(text, spans)
    assert pairs(got) == [
        ("Jan Brandt", "person"),
        ("Anna Lind", "person"),
        ("ORF", "organization"),  # an abbreviation in capitals ending a sentence stays
        ("Jan Moor", "person"),
    ]


def test_an_organisation_cut_before_the_rest_of_its_name_in_another_case_takes_it() -> None:
    text = "They emailed Ostwerk Web Services. Later Ostwerk Web services replied; Ostwerk Web servicesX."
    spans = [
        span(text, "Ostwerk Web Services", "organization"),
        span(text, "Ostwerk Web", "organization", nth=1),
        span(text, "Ostwerk Web", "organization", nth=2),
    ]
    got = names_continued_in_another_case(text, spans)
    assert pairs(got) == [
        ("Ostwerk Web Services", "organization"),
        ("Ostwerk Web services", "organization"),
        ("Ostwerk Web", "organization"),  # the word goes on: no such name
    ]


def test_a_person_named_only_by_places_is_an_organisation() -> None:
    from desktop.core.entities.name_frames import people_named_by_places

    text = "Ostwerk Hafenau cut jobs; Jan Hafenau and Brückstadt Lind spoke."
    spans = [
        span(text, "Ostwerk Hafenau", "person"),
        span(text, "Jan Hafenau", "person"),
        span(text, "Brückstadt Lind", "person"),
    ]
    places = {"Ostwerk", "Hafenau", "Brückstadt", "Jan"}
    got = people_named_by_places(spans, places.__contains__, {"Jan", "Lind"}.__contains__)
    assert pairs(got) == [
        ("Ostwerk Hafenau", "organization"),
        ("Jan Hafenau", "person"),  # a given name
        ("Brückstadt Lind", "person"),  # a word that is no place
    ]
