"""English organisations joined across "and"/"or" in one span (joined_organizations); invented names."""

from __future__ import annotations

from desktop.core.entities.joined_organizations import split_joined_organizations
from tests.core.test_span_rules import pairs, span


def _place(name: str) -> bool:
    return name in {"Valdoria", "New Ostmark"}


def test_two_institutions_joined_by_and_are_split() -> None:
    text = "Scientists from the University of Valdoria and Korvin University said so."
    got = split_joined_organizations(
        text, [span(text, "University of Valdoria and Korvin University", "organization")], _place
    )
    assert pairs(got) == [("University of Valdoria", "organization"), ("Korvin University", "organization")]
    text = "The Ministry of Health and the Ministry of Trade met."
    got = split_joined_organizations(
        text, [span(text, "Ministry of Health and the Ministry of Trade", "organization")], _place
    )
    assert pairs(got) == [("Ministry of Health", "organization"), ("Ministry of Trade", "organization")]


def test_one_name_going_on_with_and_stays_whole() -> None:
    for name in (
        "Centers for Disease Control and Prevention",
        "High Court of Valdoria and Ostmark",
        "Department of Health and Human Services",
        "Korvin Gas and Electric Company",
        "National Search and Rescue Agency",
    ):
        text = f"The {name} said so."
        assert pairs(split_joined_organizations(text, [span(text, name, "organization")], _place)) == [
            (name, "organization")
        ]


def test_two_parties_words_sharing_a_head_are_the_parties() -> None:
    text = "The Democratic and Republican parties held primaries."
    got = split_joined_organizations(text, [span(text, "Democratic and Republican", "organization")], _place)
    assert pairs(got) == [("Democratic", "organization"), ("Republican", "organization")]
    text = "Either the Democratic or Republican Party wins."
    got = split_joined_organizations(
        text, [span(text, "Democratic or Republican Party", "organization")], _place
    )
    assert pairs(got) == [("Democratic", "organization"), ("Republican Party", "organization")]
    text = "They won the Democratic and Republican New Ostmark primaries. The Democratic Party said."
    got = split_joined_organizations(
        text, [span(text, "Democratic and Republican New Ostmark", "organization")], _place
    )
    assert pairs(got) == [
        ("Democratic", "organization"),
        ("Republican", "organization"),
        ("New Ostmark", "location"),
    ]


def test_word_pairs_without_a_party_stay() -> None:
    text = "Serbian and Croatian speakers met Marks and Spencer staff."
    spans = [
        span(text, "Serbian and Croatian", "organization"),
        span(text, "Marks and Spencer", "organization"),
    ]
    assert pairs(split_joined_organizations(text, spans, _place)) == pairs(spans)
