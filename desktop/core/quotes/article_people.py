"""What an article says about its people: the role nouns it gives each person, whether it calls
one a former holder of a role, and a person's gender (from given names, forms of address and
feminine titles).

Roles are read from the actor's stated roles, from a title just before a mention ("commissioner
Albert Muchanga") and from an apposition after one ("Norbert Griesmayr, Generaldirektor der VAV").
"""

from __future__ import annotations

import re

from desktop.core.entities.role_words import ENGLISH_ROLES_LONGEST_FIRST
from desktop.core.quotes.genders import Gender, given_name_gender, title_gender
from desktop.core.quotes.lexicon import Lexicon, role_base
from desktop.core.types import LinkedActor

_WORD = re.compile(r"[^\W\d_][\w\-’']*")
_SENTENCE_END = re.compile(r"[.!?]\s")
_ROLE_CONTEXT = 60  # characters before a mention searched for a title
_ARTICLES = frozenset({"der", "die", "das", "the", "a", "an", "ein", "eine"})
_FEMININE_ENGLISH = ("woman", "chairwoman", "spokeswoman", "congresswoman", "queen", "princess", "lady")


def normal_role(word: str) -> str:
    """Lower-case, feminine "-in" dropped: "Kanzlerin" and "Kanzler" compare equal."""
    low = word.lower().rsplit("-", 1)[-1]
    if low.endswith("innen") and len(low) > 8:
        return low[:-5]
    if low.endswith("in") and len(low) > 6 and role_base(low[:-2]) is not None:
        return low[:-2]
    return low


def held_roles(text: str, actor: LinkedActor, language: str) -> list[str]:
    """The role nouns (normalised) the article ``text`` gives the person ``actor``."""
    found: list[str] = []
    german = language == "de"
    for role_text in actor.roles:
        words = _WORD.findall(role_text)
        if german:
            found.extend(normal_role(w) for w in words if role_base(w) is not None)
        else:
            low = " " + " ".join(w.lower() for w in words) + " "
            found.extend(r for r in ENGLISH_ROLES_LONGEST_FIRST if f" {r} " in low)
    for mention in actor.mentions:  # a title right before the name: "commissioner Albert Muchanga"
        before = _WORD.findall(text[max(0, mention.start - _ROLE_CONTEXT) : mention.start])[-3:]
        if not before or text[mention.start - 1 : mention.start] not in (" ", "\u00a0"):
            continue
        if german and role_base(before[-1]) is not None:
            found.append(normal_role(before[-1]))
        elif not german:
            tail = " " + " ".join(w.lower() for w in before)
            found.extend(r for r in ENGLISH_ROLES_LONGEST_FIRST if tail.endswith(" " + r))
    for (
        mention
    ) in actor.mentions:  # an apposition after the name: "Norbert Griesmayr, Generaldirektor der VAV"
        after = text[mention.end : mention.end + _ROLE_CONTEXT]
        if not after.startswith(", "):
            continue
        words = [w for w in _WORD.findall(after.split(",")[1]) if w.lower() not in _ARTICLES]
        if german and words and role_base(words[0]) is not None:
            found.append(normal_role(words[0]))
        elif not german and words:
            head = " " + " ".join(w.lower() for w in words[:4]) + " "
            found.extend(r for r in ENGLISH_ROLES_LONGEST_FIRST if f" {r} " in head)
    return list(dict.fromkeys(found))


def actor_gender(text: str, actor: LinkedActor, language: str, genders: dict[str, Gender]) -> Gender | None:
    """The person's gender: from a given name, else a form of address before a mention, else a
    feminine role; None when the article does not tell."""
    for name in (actor.name, *actor.aliases):
        gender = given_name_gender(name, genders)
        if gender:
            return gender
    for mention in actor.mentions:
        before = text[max(0, mention.start - 8) : mention.start].split()
        if before and (gender := title_gender(before[-1])):
            return gender
    for role in actor.roles:
        last = role.split()[-1] if role.split() else ""
        if language == "de" and last.endswith("in") and normal_role(last) != last.lower():
            return "f"
        if last.lower().endswith(_FEMININE_ENGLISH):
            return "f"
    return None


def former_holder(text: str, person: LinkedActor, lex: Lexicon) -> bool:
    """Whether the article gives the person a former role ("Ex-Minister X", "X, former head of …")."""
    if any(lex.former(w) for role in person.roles for w in _WORD.findall(role)):
        return True
    for mention in person.mentions:
        before = _SENTENCE_END.split(text[max(0, mention.start - _ROLE_CONTEXT) : mention.start])[-1]
        after = text[mention.end : mention.end + _ROLE_CONTEXT]
        words = _WORD.findall(before)[-4:]
        if after.startswith(", "):
            words += _WORD.findall(after.split(",")[1])[:3]
        if any(lex.former(w) for w in words):
            return True
    return False
