"""Actor quality rules: person boundaries, organisations, non-actor words, one actor per person."""

from __future__ import annotations

from desktop.core.entities.acronyms import acronym_fits
from desktop.core.entities.boundaries import PersonBoundaries, tidy_organization
from desktop.core.entities.gazetteer import Gazetteer, Place
from desktop.core.entities.knowledge import KnowledgeRecognizer
from desktop.core.entities.linking import link_mentions
from desktop.core.entities.name_completion import complete_names, propagate_person_names
from desktop.core.entities.org_phrases import organization_phrases
from desktop.core.entities.roles import find_roles
from desktop.core.entities.title_spans import people_after_places
from desktop.core.entities.word_stats import WordStats
from desktop.core.types import EntitySpan, EntityType

GAZ = Gazetteer(
    {
        "Valdorien": Place("T:VX", "country", 0, True),
        "Nordmark": Place("R:vx-nm", "region", 0, True),
        "Brückstadt": Place("G:1", "city", 200_000, True),
    },
    {},
    {"Bernd": 500, "Earl": 5000, "Anna": 900},
    {"Weltbund": True, "XYZ": False},
    frozenset({("de", "Valdorier"), ("en", "Valdorians")}),
    frozenset({"UN"}),
)


class FixedModel:
    def __init__(self, spans: list[EntitySpan]) -> None:
        self.spans = spans

    def recognize(self, text: str, language: str) -> list[EntitySpan]:
        return list(self.spans)


def span(text: str, name: str, kind: EntityType, nth: int = 0) -> EntitySpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return EntitySpan(start, start + len(name), name, kind)


def recognise(text: str, language: str, spans: list[EntitySpan]) -> list[tuple[str, str]]:
    recognizer = KnowledgeRecognizer(
        FixedModel(spans),
        model_languages=lambda: {"de", "en"},
        gazetteer=GAZ,
        stats=WordStats({}),
        common_nouns=frozenset(),
    )
    return [(s.text, s.type) for s in recognizer.recognize(text, language)]


def test_titles_nationality_words_and_places_are_cut_off_person_names() -> None:
    trim = PersonBoundaries(GAZ).trim
    cases = {
        ("U.S. President Bernd Kolb", "en"): ["Bernd Kolb"],
        ("Navy Senior Chief Petty Officer Bernd Kolb", "en"): ["Bernd Kolb"],
        ("Lt. Gen. Bernd Kolb", "en"): ["Bernd Kolb"],
        ("Emeritus Bernd Kolb", "en"): ["Bernd Kolb"],  # "Bishop Emeritus ...", "Professor Emeritus ..."
        ("Nordmark Bernd Kolb", "en"): ["Nordmark", "Bernd Kolb"],
        ("Klubobmann Bernd Kolb", "de"): ["Bernd Kolb"],
        ("US-Präsident Bernd Kolb", "de"): ["Bernd Kolb"],
        ("Earl Warren", "en"): ["Earl Warren"],  # a given name, not a title
        ("Lady Gaga", "en"): ["Lady Gaga"],
        ("Senator", "en"): ["Senator"],
    }
    for (name, language), expected in cases.items():
        assert [s.text for s in trim(EntitySpan(10, 10 + len(name), name, "person"), language)] == expected


def test_cut_title_becomes_the_role_with_its_place() -> None:
    text = "Then United States Senator from Vermont Bernie Sanders won. U.S. President Bernd Kolb spoke."
    start = text.index("Bernie")
    roles = find_roles(text, start, start + len("Bernie Sanders"), "en")
    assert roles == ["United States Senator from Vermont"]
    start = text.index("Bernd")
    assert find_roles(text, start, start + len("Bernd Kolb"), "en") == ["U.S. President"]
    text = "Mayor of Brückstadt Anna Nowak declared a day of mourning."
    start = text.index("Anna")
    assert find_roles(text, start, start + len("Anna Nowak"), "en") == ["Mayor of Brückstadt"]


def test_organisation_shaped_phrases() -> None:
    text = "Die Koalition der Willigen tagte; das Bundesamt für Migration und Flüchtlinge auch."
    found = organization_phrases(text, "de", [], GAZ)
    assert [s.text for s in found] == ["Koalition der Willigen", "Bundesamt für Migration und Flüchtlinge"]
    text = "Der Zentralrat Deutscher Sinti und Roma und die Bewegung der Kulisse."
    found = organization_phrases(text, "de", [], GAZ)
    assert [s.text for s in found] == ["Zentralrat Deutscher Sinti und Roma"]
    text = "Ask the Office of Foreign Assets Control, not the Great Service in the West Bank."
    west_bank = span(text, "West Bank", "location")
    found = organization_phrases(text, "en", [west_bank], GAZ)
    assert [(s.text, s.type) for s in found] == [
        ("Office of Foreign Assets Control", "organization"),
        ("West Bank", "location"),  # the model's own span of the same words keeps its type
    ]
    text = "Das Landeskriminalamt Brückstadt und das Landgericht Nordmark; die Zeitung Brückstadt."
    places = [span(text, "Brückstadt", "location"), span(text, "Brückstadt", "location", 1)]
    found = organization_phrases(text, "de", places, GAZ)
    assert [(s.text, s.type) for s in found] == [
        ("Landeskriminalamt Brückstadt", "organization"),  # an authority and its seat
        ("Landgericht Nordmark", "organization"),
        ("Brückstadt", "location"),
    ]


def test_known_organisations_media_names_and_defined_acronyms() -> None:
    text = "Quellen gegenüber Euronews: Der Weltbund und die Hohe Stelle (HS) sagen, die HS prüfe."
    spans = [span(text, "Hohe Stelle", "organization")]
    assert recognise(text, "de", spans) == [
        ("Euronews", "organization"),
        ("Weltbund", "organization"),
        ("Hohe Stelle", "organization"),
        ("HS", "organization"),
        ("HS", "organization"),
    ]
    assert acronym_fits("BAMF", "Bundesamt für Migration und Flüchtlinge")
    assert not acronym_fits("SACEUR", "Europa")


def test_demonyms_diseases_plural_abbreviations_and_fragments_are_no_actors() -> None:
    text = "Valdorier, Coronavirus, IEDs, Van, Mr und UN und XY trafen Anna."
    spans = [span(text, w, "person") for w in ("Valdorier", "Coronavirus", "Van", "Mr", "Anna")]
    spans += [span(text, "IEDs", "organization"), span(text, "UN", "organization")]
    spans += [span(text, "XY", "organization")]
    expected = [("UN", "organization"), ("XY", "organization"), ("Anna", "person")]
    assert recognise(text, "de", spans) == expected


def test_people_of_a_known_place_and_doctrines_are_no_actors() -> None:
    text = "Nordmarkans and Brückstadtians met. Valdoriens spoke of Kollektivism. The Kollektivism-Forum met."
    spans = [span(text, w, "organization") for w in ("Nordmarkans", "Brückstadtians", "Valdoriens")]
    spans += [span(text, "Kollektivism", "organization"), span(text, "Kollektivism-Forum", "organization")]
    expected = [("Valdoriens", "organization"), ("Kollektivism-Forum", "organization")]
    assert recognise(text, "en", spans) == expected  # "Valdoriens": no "-ns" of a known place


def test_german_inhabitants_of_a_known_country_or_region_are_no_actors() -> None:
    text = "Valdorer, Valdorern, Valdorerinnen, Nordmarker und Valdorien trafen Brückstädter."
    words = ("Valdorer", "Valdorern", "Valdorerinnen", "Nordmarker", "Valdorien", "Brückstädter")
    spans = [span(text, w, "location") for w in words]
    expected = [("Valdorien", "location"), ("Brückstädter", "location")]  # a place; a city's people
    assert recognise(text, "de", spans) == expected


def test_a_person_in_capitals_only_is_an_organisation() -> None:
    text = "Die CJTF-OIR meldete."
    assert recognise(text, "en", [span(text, "CJTF-OIR", "person")]) == [("CJTF-OIR", "organization")]


def test_a_name_tagged_once_is_a_person_wherever_it_recurs() -> None:
    text = "Alexander Van der Bellen sprach. Van der Bellen lachte."
    spans = [span(text, "Alexander Van der Bellen", "person"), span(text, "Van", "person", 1)]
    found = propagate_person_names(text, spans)
    assert [s.text for s in found] == ["Alexander Van der Bellen", "Van der Bellen"]


def _actors(text: str, language: str, spans: list[EntitySpan]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(a.name, a.type, a.aliases) for a in link_mentions(text, language, spans, gazetteer=GAZ)]


def test_shorter_names_suffixes_and_acronyms_join_one_actor() -> None:
    text = "Abu Jandal al-Kuwaiti died. Abu Jandal led. Charles H. Keating IV fell; Keating served."
    spans = [
        span(text, "Abu Jandal al-Kuwaiti", "person"),
        span(text, "Abu Jandal", "person", 1),
        span(text, "Charles H. Keating IV", "person"),
        span(text, "Keating", "person", 1),
    ]
    assert [(n, t) for n, t, _ in _actors(text, "en", spans)] == [
        ("Abu Jandal al-Kuwaiti", "person"),
        ("Charles H. Keating IV", "person"),
    ]
    text = "Das Bundesamt für Migration und Flüchtlinge (BAMF) entschied. Das BAMF prüft."
    spans = [
        span(text, "Bundesamt für Migration und Flüchtlinge", "organization"),
        span(text, "BAMF", "organization"),
        span(text, "BAMF", "organization", 1),
    ]
    ((name, kind, aliases),) = _actors(text, "de", spans)
    assert (name, kind) == ("Bundesamt für Migration und Flüchtlinge", "organization")
    assert "BAMF" in aliases


def test_one_type_per_name_and_german_genitive_of_full_names() -> None:
    text = "Brückstadt siegt. In Brückstadt und Brückstadt feiert man. Tom Rostons Buch erschien."
    spans = [
        span(text, "Brückstadt", "person"),
        span(text, "Brückstadt", "location", 1),
        span(text, "Brückstadt", "location", 2),
        span(text, "Tom Rostons", "person"),
    ]
    assert [(n, t) for n, t, _ in _actors(text, "de", spans)] == [
        ("Brückstadt", "location"),
        ("Tom Roston", "person"),
    ]


def test_a_german_genitive_after_a_vowel_is_undone_for_listed_surnames_only() -> None:
    text = "Nach Max Kruses 3:0 lobte man Tom McCarthys Film, Tom Hanks Regie-Debüt und Ana Torres Tor."
    spans = [span(text, n, "person") for n in ("Max Kruses", "Tom McCarthys", "Tom Hanks", "Ana Torres")]
    names = [n for n, _, _ in _actors(text, "de", spans)]
    assert names == ["Max Kruse", "Tom McCarthy", "Tom Hanks", "Ana Torres"]


def test_a_surname_in_s_loses_it_when_the_text_names_the_bare_form_alone() -> None:
    text = "Christian Kerns Regierung tagte. Kern sagte nichts."
    spans = [span(text, "Christian Kerns", "person")]
    assert [n for n, _, _ in _actors(text, "de", spans)] == ["Christian Kern"]


def test_a_german_full_name_in_the_genitive_loses_its_s_when_the_surname_recurs() -> None:
    text = "Nach dem Auftritt Lena Vorbergs als Ministerin sprach Vorberg. Jan Alders als Gast."
    spans = [
        span(text, "Lena Vorbergs", "person"),
        span(text, "Vorberg", "person", 1),
        span(text, "Jan Alders", "person"),
    ]
    assert [(n, t) for n, t, _ in _actors(text, "de", spans)] == [
        ("Lena Vorberg", "person"),
        ("Jan Alders", "person"),  # no "Alder" elsewhere: the name may end in -s
    ]
    # the surname alone in the text, even where no span holds it ("mit Kolb", a common word too)
    text = "Der Auftritt Ina Kolbs als Chefin. Mit Kolb gab es Streit; Jan Alder Kogler sprach."
    spans = [span(text, "Ina Kolbs", "person"), span(text, "Jan Alder Kogler", "person")]
    assert [n for n, _, _ in _actors(text, "de", spans)] == ["Ina Kolb", "Jan Alder Kogler"]


def test_organisation_spans_lose_titles_and_treaties_or_events_are_no_organisations() -> None:
    cases = {
        "Joint Task Force Commander, Lt": ("Joint Task Force", "organization"),
        "Iraqi Security Forces, Coalition": ("Iraqi Security Forces", "organization"),
        "Security Council Resolution": ("Security Council Resolution", "other"),
        "Dublin Regulation": ("Dublin Regulation", "other"),
        "Kyoto Protocol": ("Kyoto Protocol", "other"),
        "Warsaw Pact": ("Warsaw Pact", "organization"),
        "Liberation of Sinjar": ("Liberation of Sinjar", "other"),
        "Organization of American States": ("Organization of American States", "organization"),
        "U.S. Army": ("U.S. Army", "organization"),
    }
    for name, expected in cases.items():
        tidied = tidy_organization(EntitySpan(0, len(name), name, "organization"), "en")
        assert tidied is not None and (tidied.text, tidied.type) == expected
    for name in ("Iraqi Foreign Minister", "US Secretary of State", "U.S.-led"):
        assert tidy_organization(EntitySpan(0, len(name), name, "organization"), "en") is None


def test_recognisable_edge_errors_are_fixed() -> None:
    text = "Alexander Van der Bellen kam. Colombo/Valdorien: Die Terrororganisation Islamischer Staat."
    spans = [
        span(text, "Alexander Van", "person"),
        span(text, "Colombo/Valdorien", "person"),
        span(text, "Terrororganisation Islamischer Staat", "organization"),
    ]
    assert [(s.text, s.type) for s in complete_names(text, spans, "de", GAZ)] == [
        ("Alexander Van der Bellen", "person"),
        ("Colombo/Valdorien", "location"),
        ("Islamischer Staat", "organization"),
    ]
    text = "Minister for the Middle East Anna Kolb said. Anna Kolb left."
    spans = [span(text, "Middle East Anna Kolb", "location"), span(text, "Anna Kolb", "person", 1)]
    found = propagate_person_names(text, spans)
    assert [(s.text, s.type) for s in found] == [
        ("Middle East", "location"),
        ("Anna Kolb", "person"),
        ("Anna Kolb", "person"),
    ]


def test_data_lists_drugs_as_no_actors_and_known_organisations_typed_as_places() -> None:
    gazetteer = Gazetteer(
        {"Brückstadt": Place("G:1", "city", 200_000, True)},
        {},
        {},
        {"Kamorra": False, "Hofer": False},
        non_actors=frozenset({"midazolam"}),
    )
    recognizer = KnowledgeRecognizer(
        FixedModel([]),
        model_languages=lambda: {"de", "en"},
        gazetteer=gazetteer,
        stats=WordStats({}),
        common_nouns=frozenset(),
    )
    text = "Midazolam half nicht: die Kamorra in Brückstadt, sagte Hofer."
    recognizer._model = FixedModel(
        [
            span(text, "Midazolam", "person"),
            span(text, "Kamorra", "location"),
            span(text, "Brückstadt", "location"),
            span(text, "Hofer", "person"),
        ]
    )
    # a name only known (never found in text) corrects a place reading, not a person's name
    assert [(s.text, s.type) for s in recognizer.recognize(text, "de")] == [
        ("Kamorra", "organization"),
        ("Brückstadt", "location"),
        ("Hofer", "person"),
    ]


def test_a_one_word_name_typed_both_ways_as_often_is_an_organisation() -> None:
    text = "Das berichtete die Zeitung Morgenblatt. Der von Morgenblatt zitierte Bernd Ost sagte, Ost sei da."
    spans = [
        span(text, "Morgenblatt", "organization"),
        span(text, "Morgenblatt", "person", 1),
        span(text, "Bernd Ost", "person"),
        span(text, "Ost", "person", 1),
    ]
    assert [(n, t) for n, t, _ in _actors(text, "de", spans)] == [
        ("Morgenblatt", "organization"),
        ("Bernd Ost", "person"),
    ]


def test_a_place_glued_to_a_person_is_a_place_and_a_person() -> None:
    gazetteer = Gazetteer({"Nordmark": Place("R:vx-nm", "region", 0, True)}, {}, {"Bernd": 500})
    text = "Minister for Nordmark Bernd Ost and Envoy to the Far East Bernd Weiss met. Weiss said."
    spans = [
        span(text, "Nordmark Bernd Ost", "location"),
        span(text, "Far East Bernd Weiss", "location"),
        span(text, "Weiss", "person", 1),
    ]
    found = people_after_places(spans, gazetteer)
    assert [(s.text, s.type) for s in found] == [
        ("Nordmark", "location"),
        ("Bernd Ost", "person"),
        ("Far East", "location"),  # no known place, but "Weiss" is a person in the text
        ("Bernd Weiss", "person"),
        ("Weiss", "person"),
    ]
    assert all(text[s.start : s.end] == s.text for s in found)
    unknown = [span(text, "Far East Bernd Weiss", "location")]
    assert people_after_places(unknown, gazetteer) == unknown  # neither a place nor a person seen
