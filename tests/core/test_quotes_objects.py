"""Messages that are objects ("bezifferte den Schaden auf …", "warned of …", "called for …"),
impersonal cues with their source after them, and phrases whose head is not a place."""

from __future__ import annotations

from tests.quote_helpers import actor, only, statements


def test_estimate_with_its_figure_is_a_message() -> None:
    text = "Agrarlandesrat Hans Seitinger bezifferte den möglichen Schaden auf bis zu 200 Millionen Euro."
    said = only(text, "de", [actor(text, "Hans Seitinger")])
    assert said.message == "den möglichen Schaden auf bis zu 200 Millionen Euro"
    assert said.speaker == "Hans Seitinger"
    text = "Minister Hans Seitinger estimated the damage at up to 200 million euros."
    said = only(text, "en", [actor(text, "Hans Seitinger")])
    assert (said.message, said.speaker) == ("the damage at up to 200 million euros", "Hans Seitinger")


def test_object_without_its_mark_is_no_message() -> None:
    text = "Anna Müller schätzt die Arbeit ihrer Kollegen."
    assert statements(text, "de", [actor(text, "Anna Müller")]) == []
    text = "Anna Miller warned the neighbours on Monday."
    assert statements(text, "en", [actor(text, "Anna Miller")]) == []


def test_warning_and_demand_with_a_noun_phrase() -> None:
    text = "Das Rote Kreuz warnte am Sonntag vor einer humanitären Krise."
    said = only(text, "de", [actor(text, "Rote Kreuz", "organization")])
    assert (said.message, said.speaker) == ("am Sonntag vor einer humanitären Krise", "Rote Kreuz")
    text = "The Red Cross warned of a humanitarian crisis."
    said = only(text, "en", [actor(text, "Red Cross", "organization")])
    assert (said.message, said.speaker) == ("of a humanitarian crisis", "Red Cross")
    text = "Recep Erdogan called for a regional cooperation in the Eastern Mediterranean."
    said = only(text, "en", [actor(text, "Recep Erdogan"), actor(text, "Eastern Mediterranean", "location")])
    assert said.message == "a regional cooperation in the Eastern Mediterranean"
    assert said.speaker == "Recep Erdogan"


def test_spoke_of_and_spoke_for_with_the_verb_last() -> None:
    text = "Für das Burgenland hat Anna Müller von einem Verlust in Höhe von 150 Millionen Euro gesprochen."
    said = only(text, "de", [actor(text, "Anna Müller"), actor(text, "Burgenland", "location")])
    assert (said.message, said.speaker) == ("von einem Verlust in Höhe von 150 Millionen Euro", "Anna Müller")
    text = "Das folgt, nachdem sich Boris Johnson für eine Senkung der Steuer ausgesprochen hat."
    said = only(text, "de", [actor(text, "Boris Johnson")])
    assert (said.message, said.speaker) == ("für eine Senkung der Steuer", "Boris Johnson")


def test_subject_after_the_auxiliary_not_a_place_later() -> None:
    text = "Die Kammer hatte die Schäden in der Steiermark gestern auf bis zu 125 Millionen Euro geschätzt."
    said = only(text, "de", [actor(text, "Steiermark", "location")])
    assert said.speaker is None
    text = "Am Montag hat Anna Müller die Schäden auf 125 Millionen Euro geschätzt."
    assert only(text, "de", [actor(text, "Anna Müller")]).speaker == "Anna Müller"


def test_impersonal_cue_with_its_source_after_it() -> None:
    text = (
        "Wie lange die Hilfe benötigt wird, sei noch unklar, "
        "hieß es am Freitag seitens des Militärkommandos Tirol."
    )
    said = only(text, "de", [actor(text, "Militärkommandos Tirol", "organization")])
    assert said.message == "Wie lange die Hilfe benötigt wird, sei noch unklar"
    assert said.speaker == "Militärkommandos Tirol"
    text = "BAT legte eine Studie vor. Viele Bürger sind verunsichert, heißt es in der BAT-Analyse."
    said = only(text, "de", [actor(text, "BAT", "organization")])
    assert (said.message, said.speaker) == ("Viele Bürger sind verunsichert", "BAT")


def test_noun_before_a_place_heads_the_phrase() -> None:
    text = "Die Lage sei unklar, sagte ein Sprecher der Polizei Wien."
    said = only(text, "de", [actor(text, "Wien", "location")])
    assert said.speaker is None
    text = "The situation was unclear, said a spokesman for the Police Vienna."
    assert only(text, "en", [actor(text, "Vienna", "location")]).speaker is None


def test_according_to_idiom_geht_es_nach() -> None:
    text = "Geht es nach Uwe Grebe, haben künftig Motor und Elektroantrieb den gleichen Stellenwert."
    said = only(text, "de", [actor(text, "Uwe Grebe")])
    assert said.speaker == "Uwe Grebe"
    assert said.message == "haben künftig Motor und Elektroantrieb den gleichen Stellenwert"


def test_claim_with_a_noun_phrase_english() -> None:
    text = "The Taliban claimed responsibility for the attack."
    said = only(text, "en", [actor(text, "Taliban", "organization")])
    assert (said.message, said.speaker) == ("responsibility for the attack", "Taliban")
    text = "The Taliban claimed that the attack had killed dozens."
    said = only(text, "en", [actor(text, "Taliban", "organization")])
    assert said.message == "the attack had killed dozens"


def test_announcing_a_resignation_is_an_act_not_a_statement() -> None:
    text = "Ricardo Rosselló announced his resignation shortly before midnight."
    assert statements(text, "en", [actor(text, "Ricardo Rosselló")]) == []
    text = "Ricardo Rosselló kündigte kurz vor Mitternacht seinen Rücktritt an."
    assert statements(text, "de", [actor(text, "Ricardo Rosselló")]) == []


def test_noun_taken_for_a_verb_has_no_object() -> None:
    text = "The deal led to overlapping zone (EEZ) claims and would make the pipeline cross Turkish waters."
    assert statements(text, "en", [actor(text, "EEZ", "organization")]) == []


def test_coordinated_organisations_are_a_group() -> None:
    text = "Retailer Tesco and retailer Salling Group announced that they had agreed on a sale."
    cast = [actor(text, "Tesco", "organization"), actor(text, "Salling Group", "organization")]
    said = only(text, "en", cast)
    assert (said.message, said.speaker) == ("they had agreed on a sale", None)
    text = "Tesco und die Salling Group teilten mit, dass sie sich geeinigt hätten."
    cast = [actor(text, "Tesco", "organization"), actor(text, "Salling Group", "organization")]
    assert only(text, "de", cast).speaker is None
