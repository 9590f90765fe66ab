"""Who a speaker phrase means: an actor of the article, or nobody (an anonymous source).

Names resolve to their actor directly. A pronoun resolves to the last speaker if that person
fits its gender, else to the nearest earlier person who does (gender from given names, forms
of address and feminine titles). A role noun resolves to the person holding that role in the
article (stated in the actor's roles or just before a mention: "commissioner Albert
Muchanga"); a generic organisation noun to an organisation of the article. Anonymous and
indefinite phrases never resolve to anyone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.quotes.article_people import actor_gender, former_holder, held_roles, normal_role
from desktop.core.quotes.genders import Gender, name_genders
from desktop.core.quotes.lexicon import Lexicon
from desktop.core.quotes.phrases import Ref
from desktop.core.quotes.tokens import MentionIndex
from desktop.core.textfold import fold
from desktop.core.types import LinkedActor

_WORD = re.compile(r"[^\W\d_][\w\-’']*")
_OPENING_WORDS = 2  # words before a unit's first name for it to be the unit's subject
_PRONOUN_REACH = 3  # units back in which the last speaker is still "he"/"she"
_REACH_UNITS = 3  # earlier units searched for a pronoun's person or an organisation
_MAX_LOOKBACK = 240  # mentions walked back at most for a role holder


Recent = Sequence[tuple[int, int | None, "Gender | None"]]  # (unit, actor or None, gender) of speakers


@dataclass(frozen=True)
class Resolved:
    """The speaker of a statement: an actor index, or the wording of an anonymous source."""

    actor: int | None
    source: str | None = None


class Resolver:
    """Resolves speaker references within one article."""

    def __init__(
        self,
        text: str,
        actors: Sequence[LinkedActor],
        lex: Lexicon,
        mentions: MentionIndex,
        unit_spans: Sequence[tuple[int, int]],
    ) -> None:
        self.text = text
        self.unit_spans = unit_spans
        self.unit_starts = [start for start, _end in unit_spans]
        self.actors = actors
        self.lex = lex
        self.mentions = mentions
        genders = name_genders()
        self.genders: list[Gender | None] = [
            actor_gender(text, actor, lex.language, genders) if actor.type == "person" else None
            for actor in actors
        ]
        self._held_roles: list[list[str]] | None = None
        self.folded_names = [fold(a.name) for a in actors]
        self.by_name = self._names()

    def _names(self) -> dict[str, int]:
        """Folded names, aliases and surnames that belong to exactly one actor."""
        owners: dict[str, set[int]] = {}
        for index, actor in enumerate(self.actors):
            if actor.type not in ("person", "organization"):
                continue
            forms = {actor.name, *actor.aliases}
            if actor.type == "person":
                forms |= {f.split()[-1] for f in list(forms) if f.split()}
            for form in forms:
                owners.setdefault(fold(form), set()).add(index)
        return {name: next(iter(a)) for name, a in owners.items() if len(a) == 1 and len(name) > 2}

    def _by_name(self, ref: Ref) -> int | None:
        """A speaker phrase the recogniser missed but whose words are an actor's name ("Trump")."""
        words = _WORD.findall(self.text[ref.start : ref.end])
        capitalised = [w for w in words if w[:1].isupper()]
        if not capitalised:
            return None
        for form in (" ".join(capitalised), capitalised[-1]):
            actor = self.by_name.get(fold(form))
            if actor is not None:
                return actor
        return None

    # -- what the article says about its people (:mod:`desktop.core.quotes.article_people`) --------
    @property
    def roles(self) -> list[list[str]]:
        """Role nouns each actor holds in the article (worked out on first use)."""
        if self._held_roles is None:
            self._held_roles = [
                held_roles(self.text, a, self.lex.language) if a.type == "person" else [] for a in self.actors
            ]
        return self._held_roles

    # -- resolution ----------------------------------------------------------------------
    def resolve(
        self,
        ref: Ref | None,
        *,
        unit: int,
        recent: Recent,
        plural_verb: bool = False,
    ) -> Resolved:
        """The speaker ``ref`` (in unit number ``unit``) means.

        ``recent`` lists earlier speakers: a person actor, or None for a person the text does
        not name ("der Präsident", "ein Sprecher"), who a later "er" may mean as well.
        """
        window_start = self.unit_spans[max(0, unit - _REACH_UNITS)][0] if self.unit_spans else 0
        if ref is None:
            return Resolved(None)
        if ref.kind == "mention":
            return Resolved(ref.actor)
        definite = not plural_verb and self._definite(ref)
        if ref.kind in ("anonymous", "unnamed", "document"):
            # "the spokesperson", "the statement": of the organisation that just spoke; "die BAT-Analyse"
            spoken_for = self._compound_owner(ref) if ref.kind == "document" else None
            if spoken_for is None and definite:
                spoken_for = self._organisation_speaker(unit, recent)
            return Resolved(spoken_for, None if spoken_for is not None else self.text[ref.start : ref.end])
        if ref.kind == "pronoun":
            return Resolved(self._pronoun(ref, unit, recent, plural_verb))
        if ref.kind == "person":
            return Resolved(self._person(ref.start, None, unit, recent))
        if ref.kind == "role":
            holder = self._role(ref, self._article_gender(ref), recent)
            if holder is None and definite:  # "the Wooster professor": the person just spoken of
                holder = self._person(ref.start, self._article_gender(ref), unit, recent)
                if holder is not None and self._former(ref) and not self._former_holder(holder):
                    holder = None  # "der ehemalige Chef": only someone the article calls former
            return Resolved(holder)
        if ref.kind == "org":
            return Resolved(self._org(ref, window_start))
        if ref.kind == "unknown":
            found = self._by_name(ref)
            if found is None and definite and self._person_noun(ref.word):
                found = self._person(ref.start, self._article_gender(ref), unit, recent)
            return Resolved(found)
        return Resolved(None)

    def _definite(self, ref: Ref) -> bool:
        """ "der Spieler", "the statement" (not "ein Sprecher", not "die Experten" with a plural verb)."""
        first = self.text[ref.start : ref.end].split()[:1]
        return bool(first) and first[0].lower() in self.lex.definite_articles

    def _article_gender(self, ref: Ref) -> Gender | None:
        """ "der Spieler": m, "die Ministerin": f (German only)."""
        first = self.text[ref.start : ref.end].split()[:1]
        if self.lex.language != "de" or not first:
            return None
        return "m" if first[0].lower() == "der" else "f" if first[0].lower() == "die" else None

    def _person_noun(self, word: str) -> bool:
        """A noun for a person by its ending ("Spieler", "Wissenschafter", "player", "scientist")."""
        lex = self.lex
        return word.endswith(lex.person_noun_endings) and word not in lex.not_person_nouns

    def _organisation_speaker(self, unit: int, recent: Recent) -> int | None:
        """The organisation whose statement came last, if it is the last speaker and in reach."""
        for spoke_in, actor, _gender in reversed(recent):
            if unit - spoke_in > _PRONOUN_REACH:
                break
            if actor is not None and self.actors[actor].type == "organization":
                return actor
            return None  # a person spoke since
        return None

    def _compound_owner(self, ref: Ref) -> int | None:
        """ "die BAT-Analyse", "the NASA report": an organisation's name in the document's name."""
        for word in _WORD.findall(self.text[ref.start : ref.end]):
            for part in word.split("-")[:-1] if "-" in word else [word]:
                actor = self.by_name.get(fold(part)) if part[:1].isupper() else None
                if actor is not None and self.actors[actor].type == "organization":
                    return actor
        return None

    def _compatible(self, actor: int, gender: Gender | None) -> bool:
        if self.actors[actor].type != "person":
            return False
        known = self.genders[actor]
        return gender is None or known is None or known == gender

    def _pronoun(self, ref: Ref, unit: int, recent: Recent, plural_verb: bool) -> int | None:
        word, lex = ref.word, self.lex
        if word in lex.neuter or (word in lex.plural and (plural_verb or word not in lex.feminine)):
            return None
        gender: Gender | None = "m" if word in lex.masculine else "f" if word in lex.feminine else None
        return self._person(ref.start, gender, unit, recent)

    def _person(self, at: int, gender: Gender | None, unit: int, recent: Recent) -> int | None:
        """Who "er"/"sie"/"der 24-Jährige" at ``at`` means.

        The speaker of this or the sentence before comes first unless known to be of the other
        gender. Then a person whose gender is known to fit wins over one whose gender is
        unknown; within each, a person opening the sentence before comes first when the last speaker spoke
        earlier ("Trump sagte … . Kavanaugh wies … zurück. Er sagte …"), then the last speaker
        (None if that one is unnamed: "der Präsident"), then the nearest person before ``at``
        in this unit, then the first person (the subject, usually) of each earlier unit in reach.
        """
        if recent and unit - recent[-1][0] <= 1:  # the speaker of this or the sentence before, if not
            _u, actor, spoken = recent[-1]  # known to be of the other gender
            if actor is None and spoken in (None, gender):
                return None
            if actor is not None and self._fits(actor, gender, known=False):
                return actor
        tiers = (True, False) if gender is not None else (False,)
        for known in tiers:
            salient = self._opening_person(unit, recent, gender, known)
            if salient is not None:
                return salient
            found, hit = self._recent_person(gender, unit, recent, known)
            if hit:
                return found
            for u in range(min(unit, len(self.unit_spans) - 1), max(-1, unit - _REACH_UNITS - 1), -1):
                start, end = self.unit_spans[u]
                mentions = self.mentions.between(start, min(end, at))
                for mention in reversed(mentions) if u == unit else mentions:
                    if self._fits(mention.actor, gender, known):
                        return mention.actor
        return None

    def _opening_person(self, unit: int, recent: Recent, gender: Gender | None, known: bool) -> int | None:
        """The person who opens the unit before (its subject), unless the last speaker spoke there."""
        if unit == 0 or unit > len(self.unit_spans) or (recent and recent[-1][0] >= unit - 1):
            return None
        start, end = self.unit_spans[unit - 1]
        first = self.mentions.between(start, end)[:1]
        before = self.text[start : first[0].start].split() if first else []
        if not first or len(before) > _OPENING_WORDS:
            return None
        if any(not (w[:1].isupper() or w.lower() in self.lex.definite_articles) for w in before):
            return None  # "He met Peter Brown": the name is no subject
        actor = first[0].actor
        return actor if self._fits(actor, gender, known) else None

    def _recent_person(
        self, gender: Gender | None, unit: int, recent: Recent, known: bool
    ) -> tuple[int | None, bool]:
        """The last speaker who fits (actor or None for an unnamed one) and whether one did."""
        for spoke_in, actor, spoken_gender in reversed(recent):
            if unit - spoke_in > _PRONOUN_REACH:
                break
            if actor is None:
                fits = spoken_gender == gender if known else gender is None or spoken_gender in (None, gender)
                if fits:
                    return None, True
            elif self._fits(actor, gender, known):
                return actor, True
        return None, False

    def _fits(self, actor: int, gender: Gender | None, known: bool) -> bool:
        """A person of the gender wanted: known to be it (``known``) or at least not known otherwise."""
        if known:
            return self.actors[actor].type == "person" and self.genders[actor] == gender
        return self._compatible(actor, gender)

    def _last_mentioned(self, candidates: set[int], at: int) -> int | None:
        mentions = self.mentions.mentions
        i = self.mentions.before(at) - 1
        stop = max(-1, i - _MAX_LOOKBACK)
        while i > stop:
            if mentions[i].actor in candidates:
                return mentions[i].actor
            i -= 1
        return None

    def _role(self, ref: Ref, gender: Gender | None, recent: Recent) -> int | None:
        """The holder of the role ``ref`` names, of the article's gender ("der Präsident": not a woman);
        among several, the one who spoke last, else the one named last."""
        holders = self._holders(ref.word, gender)
        # "the former head": only someone the article gives a former role; "the head": the present one
        former = self._former(ref)
        matching = {actor for actor in holders if self._former_holder(actor) == former}
        holders = matching if matching or former else holders
        if len(holders) == 1:
            return holders.pop()
        spoke = next((actor for _u, actor, _g in reversed(recent) if actor in holders), None)
        if spoke is not None:
            return spoke
        return self._last_mentioned(holders, ref.start) if holders else None

    def _holders(self, word: str, gender: Gender | None) -> set[int]:
        """The people of the article's gender who hold the role ``word``."""
        want = normal_role(word)
        holders = set()
        for actor, roles in enumerate(self.roles):
            if not self._compatible(actor, gender):
                continue
            for role in roles:
                if role == want or role.endswith(want) or (self.lex.language == "de" and want.endswith(role)):
                    holders.add(actor)
                    break
        return holders

    def _former(self, ref: Ref) -> bool:
        """ "der ehemalige Bahn-Chef", "the former minister", "Ex-Präsident": a role once held."""
        return any(self.lex.former(w) for w in _WORD.findall(self.text[ref.start : ref.end]))

    def _former_holder(self, actor: int) -> bool:
        """Whether the article gives the actor a former role ("Ex-Minister X", "X, former head of …")."""
        return former_holder(self.text, self.actors[actor], self.lex)

    def _org(self, ref: Ref, window_start: int) -> int | None:
        word = fold(ref.word)
        named = {
            i for i, a in enumerate(self.actors) if a.type == "organization" and word in self.folded_names[i]
        }
        if named:
            return self._last_mentioned(named, ref.start)
        if ref.word not in self.lex.company_nouns:
            return None
        return self._leading_organisation(ref.start, window_start)

    def _leading_organisation(self, at: int, window_start: int) -> int | None:
        """The last organisation that opened a sentence ("Siemens sold …. The company said …")."""
        found = None
        first_unit = bisect_left(self.unit_starts, window_start)
        for start, end in self.unit_spans[first_unit:]:
            if start >= at:
                break
            first = self.mentions.between(start, min(end, at))[:1]
            if first and first[0].type == "organization":
                found = first[0].actor
        return found
