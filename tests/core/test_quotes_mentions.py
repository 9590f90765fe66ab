"""Names the recogniser missed are found by their spelling: whole words only, in one sweep."""

from __future__ import annotations

from desktop.core.quotes.tokens import MentionIndex
from desktop.core.types import EntitySpan, EntityType, LinkedActor


def _actor(name: str, kind: EntityType, text: str, *aliases: str) -> LinkedActor:
    start = text.index(name)
    mention = EntitySpan(start, start + len(name), name, kind)
    return LinkedActor(name.lower(), name, kind, aliases, (), (mention,))


def test_missed_names_are_whole_words_of_one_actor_with_inner_punctuation_too() -> None:
    text = (
        "Donald Trump traf Sean O'Neill. Trump sagte, Trumps Plan und die Trump-Regierung "
        "seien gut. O'Neill widersprach; Trump_x nicht. Am Ende sprach Trump."
    )
    actors = [_actor("Donald Trump", "person", text), _actor("Sean O'Neill", "person", text)]
    found = [(m.start, m.end, m.actor) for m in MentionIndex(actors, text).mentions]
    trump = [i for i in range(len(text)) if text.startswith("Trump", i)]
    whole = [i for i in trump if text[i + 5] in " ."]
    assert [(s, a) for s, _e, a in found if a == 0] == [(0, 0), *[(i, 0) for i in whole[1:]]]
    oneill = [i for i in range(len(text)) if text.startswith("O'Neill", i)]
    assert [(s, e) for s, e, a in found if a == 1] == [
        (text.index("Sean"), oneill[0] + 7),
        (oneill[1], oneill[1] + 7),
    ]


def test_a_name_shared_by_two_actors_is_not_guessed() -> None:
    text = "Anna Berg und Tom Berg kamen. Berg sagte nichts."
    actors = [_actor("Anna Berg", "person", text), _actor("Tom Berg", "person", text)]
    assert len(MentionIndex(actors, text).mentions) == 2  # "Berg" alone could be either
