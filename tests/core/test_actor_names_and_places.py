"""Titles with places before a name, country abbreviations, and the article's own outlet."""

from __future__ import annotations

from desktop.core.entities.boundaries import PersonBoundaries
from desktop.core.entities.gazetteer import Gazetteer, Place
from desktop.core.entities.linking import link_mentions
from desktop.core.entities.own_outlet import own_outlet_keys
from desktop.core.entities.title_spans import people_after_institutions_in_titles
from desktop.core.types import EntitySpan, EntityType

GAZ = Gazetteer(
    {
        "United Valdoria": Place("T:VX", "country", 0, True),
        "Valdorien": Place("T:VX", "country", 0, True),
        "Nordmark": Place("R:vx-nm", "region", 0, True),
        "Port Amsel": Place("G:2", "city", 90_000, False),
        "Amsel": Place("G:3", "city", 20_000, True),
    },
    {},
    {"Bernd": 500, "Anna": 900, "Tove": 40},
    country_codes={"UV": "T:VX", "UVA": "T:VX", "NM": "T:NM"},
)


def _trim(name: str) -> list[tuple[str, str]]:
    spans = PersonBoundaries(GAZ).trim(EntitySpan(5, 5 + len(name), name, "person"), "en")
    return [(s.text, s.type) for s in spans]


def test_the_irish_head_of_government_is_a_title() -> None:
    assert _trim("Taoiseach Bernd Kolb") == [("Bernd Kolb", "person")]


def test_a_title_with_a_country_of_several_words_is_cut_off_the_name() -> None:
    assert _trim("United Valdoria President Bernd Kolb") == [
        ("United Valdoria", "location"),
        ("Bernd Kolb", "person"),
    ]
    assert _trim("President of the United Valdoria Bernd Kolb") == [
        ("United Valdoria", "location"),
        ("Bernd Kolb", "person"),
    ]
    assert _trim("United Valdoria Senator from Nordmark Anna Nowak") == [
        ("United Valdoria", "location"),
        ("Nordmark", "location"),
        ("Anna Nowak", "person"),
    ]


def test_a_title_with_of_or_from_and_a_place_or_office_before_a_name() -> None:
    # after "of", a known place counts even when it is not safe to find alone; its parts are no places
    assert _trim("Mayor of Port Amsel Anna Nowak") == [("Port Amsel", "location"), ("Anna Nowak", "person")]
    assert _trim("Secretary of Defense Bernd Kolb") == [("Bernd Kolb", "person")]
    assert _trim("Secretary of State") == []  # a title alone is nobody
    assert _trim("Bernd Kolb") == [("Bernd Kolb", "person")]
    assert _trim("United Valdoria Bernd Kolb") == [("United Valdoria", "location"), ("Bernd Kolb", "person")]


def _spans(text: str, names: list[tuple[str, EntityType]]) -> list[EntitySpan]:
    out, position = [], 0
    for name, kind in names:
        start = text.index(name, position)
        out.append(EntitySpan(start, start + len(name), name, kind))
        position = start + len(name)
    return out


def test_country_abbreviations_typed_as_places_link_to_the_country() -> None:
    text = "UV troops left; the U.V. and United Valdoria agreed; Valdorien and UVA signed. NMX and Amsel."
    names: list[tuple[str, EntityType]] = [
        ("UV", "location"),
        ("U.V.", "location"),
        ("United Valdoria", "location"),
        ("Valdorien", "location"),
        ("UVA", "location"),
        ("NMX", "location"),
        ("Amsel", "location"),
    ]
    actors = link_mentions(text, "en", _spans(text, names), gazetteer=GAZ)
    assert [(a.name, sorted(a.aliases)) for a in actors] == [
        ("United Valdoria", ["U.V.", "UV", "UVA", "United Valdoria", "Valdorien"]),
        ("NMX", ["NMX"]),  # not a listed abbreviation
        ("Amsel", ["Amsel"]),
    ]
    assert GAZ.place_or_country("U.V.") == GAZ.place_or_country("UVA") == Place("T:VX", "country", 0, False)
    assert GAZ.place_or_country("Uv") is None and GAZ.place_or_country("uv") is None
    assert GAZ.place("UV") is None  # never found in running text by the abbreviation


def test_the_articles_own_outlet_is_no_actor() -> None:
    assert (
        own_outlet_keys("Wikinews", None) == own_outlet_keys(None, "https://en.wikinews.org/wiki/X") != set()
    )
    assert own_outlet_keys("BBC", None) == own_outlet_keys(None, "https://www.bbc.co.uk/news/1") != set()
    assert own_outlet_keys("", "notes/file.txt") == frozenset()
    text = "Anna Nowak told Wikinews that the Weltbund agreed. Wikinews asked the Weltbund."
    names: list[tuple[str, EntityType]] = [
        ("Anna Nowak", "person"),
        ("Wikinews", "organization"),
        ("Weltbund", "organization"),
        ("Wikinews", "organization"),
        ("Weltbund", "organization"),
    ]
    spans = _spans(text, names)
    listed = [a.name for a in link_mentions(text, "en", spans)]
    assert listed == ["Anna Nowak", "Wikinews", "Weltbund"]
    own = own_outlet_keys("Wikinews", "https://en.wikinews.org/wiki/X")
    assert [a.name for a in link_mentions(text, "en", spans, own_outlet=own)] == ["Anna Nowak", "Weltbund"]
    person = [EntitySpan(0, 8, "Wikinews", "person")]  # only organisations are dropped
    assert [a.name for a in link_mentions("Wikinews", "en", person, own_outlet=own)] == ["Wikinews"]


def test_a_person_at_the_end_of_the_institution_in_a_title_is_split_off() -> None:
    def title_word(word: str) -> bool:
        return word in ("Speaker", "Ambassador")

    def split(text: str, name: str) -> list[tuple[str, str]]:
        spans = _spans(text, [(name, "organization")])
        return [(s.text, s.type) for s in people_after_institutions_in_titles(text, spans, title_word, GAZ)]

    text = "the Speaker of the Weltbund Anna Nowak said"
    assert split(text, "Weltbund Anna Nowak") == [("Weltbund", "organization"), ("Anna Nowak", "person")]
    text = "Ambassador to the United Valdoria Bernd van Kolb spoke"
    assert split(text, "United Valdoria Bernd van Kolb") == [
        ("United Valdoria", "organization"),
        ("Bernd van Kolb", "person"),
    ]
    # no title before it, a rare given name, a head noun at the end, or no name left: unchanged
    assert split("the Weltbund Anna Nowak said", "Weltbund Anna Nowak") == [
        ("Weltbund Anna Nowak", "organization")
    ]
    assert split("Speaker of the Weltbund Kim Nowak", "Weltbund Kim Nowak") == [
        ("Weltbund Kim Nowak", "organization")
    ]
    assert split("Speaker of the Anna Nowak Foundation", "Anna Nowak Foundation") == [
        ("Anna Nowak Foundation", "organization")
    ]
    assert split("Speaker of the Anna Nowak", "Anna Nowak") == [("Anna Nowak", "organization")]
    # a rare given name will do when the surname stands alone as a person elsewhere
    text = "the Speaker of the Weltbund Tove Lindqvar spoke, and Lindqvar left"
    spans = _spans(text, [("Weltbund Tove Lindqvar", "organization"), ("Lindqvar", "person")])
    got = [(s.text, s.type) for s in people_after_institutions_in_titles(text, spans, title_word, GAZ)]
    assert got == [("Weltbund", "organization"), ("Tove Lindqvar", "person"), ("Lindqvar", "person")]
    assert split("Speaker of the Weltbund Tove Lindqvar", "Weltbund Tove Lindqvar") == [
        ("Weltbund Tove Lindqvar", "organization")
    ]


def test_editorial_brackets_are_no_part_of_a_name() -> None:
    text = 'They align with [Bashar al] Assad. "[T]he Weltbund" said. The Weltbund met.'
    spans = _spans(
        text,
        [("Bashar al] Assad", "person"), ("T]he Weltbund", "organization"), ("Weltbund", "organization")],
    )
    actors = link_mentions(text, "en", spans)
    assert [(a.name, [(m.start, m.text) for m in a.mentions]) for a in actors] == [
        ("Bashar al Assad", [(17, "Bashar al] Assad")]),
        ("Weltbund", [(text.index("Weltbund"), "Weltbund"), (text.rindex("Weltbund"), "Weltbund")]),
    ]


def test_an_office_a_person_holds_is_no_organisation() -> None:
    from desktop.core.entities.boundaries import tidy_organization

    def tidy(name: str) -> tuple[str, str] | None:
        span = tidy_organization(EntitySpan(0, len(name), name, "organization"), "en")
        return None if span is None else (span.text, span.type)

    assert tidy("National Security Advisor") is None
    assert tidy("Prime Minister") is None
    for name in (
        "Office of the Prime Minister",
        "Council of Ministers",
        "Kansas City Chiefs",
        "General Electric",
    ):
        assert tidy(name) == (name, "organization")


def test_a_german_institution_of_a_place_is_one_organisation_even_beside_the_models_place() -> None:
    from desktop.core.entities.org_phrases import organization_phrases

    text = "Laut der Handelskammer von Nordmark und der Verwaltung des Kantons Amsel."
    spans = _spans(text, [("Handelskammer", "organization"), ("Nordmark", "location"), ("Amsel", "location")])
    got = [(s.text, s.type) for s in organization_phrases(text, "de", spans, GAZ)]
    assert got == [("Handelskammer von Nordmark", "organization"), ("Amsel", "location")]


def test_a_double_space_inside_a_name_is_one_space() -> None:
    text = "Tove  Lindqvar sprach. Tove Lindqvar lachte."
    spans = _spans(text, [("Tove  Lindqvar", "person"), ("Tove Lindqvar", "person")])
    actors = link_mentions(text, "de", spans)
    assert [(a.name, a.aliases, [m.text for m in a.mentions]) for a in actors] == [
        ("Tove Lindqvar", ("Tove Lindqvar",), ["Tove  Lindqvar", "Tove Lindqvar"])
    ]


def test_a_company_after_its_kind_noun_is_not_its_founder() -> None:
    text = "Die Firma Holler ging pleite. Gründer Tamo Holler wurde angeklagt. Holler schwieg."
    spans = _spans(text, [("Holler", "organization"), ("Tamo Holler", "person")])
    spans.append(EntitySpan(67, 73, "Holler", "organization"))
    actors = link_mentions(text, "de", spans)
    assert sorted((a.name, a.type, [m.start for m in a.mentions]) for a in actors) == [
        ("Holler", "organization", [10]),
        ("Tamo Holler", "person", [38, 67]),
    ]
