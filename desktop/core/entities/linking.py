"""Actor linking within one article: mentions of one actor become one ``LinkedActor``.

A surname joins the full name it abbreviates, an inflected form joins its base form
("Putins" -> "Putin", "des Europäischen Rates" -> "Europäischer Rat"), determiners are
never part of a name, and role compounds ("US-Präsident") are not actors at all. The
canonical name is the fullest proper nominative form seen.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from desktop.core.entities import names
from desktop.core.entities.acronym_joins import join_acronyms
from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.genitive_surnames import genitive_of_listed_surname, surname_in_s
from desktop.core.entities.kind_cues import after_kind_noun
from desktop.core.entities.legal_forms import short_company_pairs
from desktop.core.entities.name_forms import name_within, same_hyphenation, split_hyphens
from desktop.core.entities.name_particles import (
    ARTICLES,
    article_variants,
    inner_surnames,
    last_name_keys,
    nickname_variants,
    particle_variants,
    without_nickname,
)
from desktop.core.entities.noun_genders import default_adjectives, default_noun_genders
from desktop.core.entities.noun_places import default_indefinite_nouns
from desktop.core.entities.party_words import party_word_pairs
from desktop.core.entities.roles import find_roles, is_role_compound, without_own_name
from desktop.core.entities.span_rules import split_slashed_places
from desktop.core.entities.sports_teams import teams_named_by_towns
from desktop.core.entities.stage_names import join_stage_names
from desktop.core.types import EntitySpan, EntityType, LinkedActor

_MAX_NAME_CHARS = 120
_TYPE_PRIORITY: dict[EntityType, int] = {"person": 0, "organization": 1, "location": 2, "other": 3}
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_MIN_GIVEN_NAME = 200  # as knowledge.MIN_GIVEN_NAME_COUNT


@dataclass
class _Form:
    """One cleaned mention with its linking features."""

    span: EntitySpan
    name: str  # surface name without determiners / possessive
    nominative: str  # best nominative guess
    is_nominative: bool  # the surface form was already nominative
    key: str = ""


@dataclass
class _Group:
    forms: list[_Form] = field(default_factory=list)

    def type(self) -> EntityType:
        votes = Counter(f.span.type for f in self.forms)
        return min(votes, key=lambda t: (-votes[t], _TYPE_PRIORITY[t]))

    def canonical(self) -> str:
        organization = self.type() == "organization"

        def rank(form: _Form) -> tuple[int, int, int, int, int]:
            words = form.nominative.replace("-", " ").split()  # "Hans-Peter Doskozil": 3 words
            # an organisation's name opening a sentence with its article ("Der SZ sagte er") is
            # ranked as the name without it, after it
            bare = not (organization and len(words) > 1 and words[0].lower() in ARTICLES)
            tokens = len(words) - (not bare)
            return (tokens, int(bare), int(form.is_nominative), counts[form.nominative], len(form.nominative))

        counts = Counter(f.nominative for f in self.forms)
        return max(self.forms, key=rank).nominative


def _preceding_word(text: str, start: int) -> str:
    window = text[max(0, start - 30) : start].split()
    return window[-1].lower().strip("„\"'(") if window else ""


def _clean(span: EntitySpan, text: str, language: str, rejected: frozenset[str]) -> _Form | None:
    name, offset = names.clean_surface(span.text)
    if not name or len(name) > _MAX_NAME_CHARS or not any(c.isalpha() for c in name):
        return None
    if names.exact_key(name) in rejected or is_role_compound(name, language):
        return None
    start = span.start + offset
    determiner = span.text[:offset].split()[-1].lower() if span.text[:offset].split() else ""
    determiner = determiner or _preceding_word(text, start)
    if language == "en":
        name = names.strip_english_possessive(name)
    cleaned = EntitySpan(start, start + len(name), text[start : start + len(name)], span.type, span.score)
    if "[" in name or "]" in name or "  " in name:  # "[Bashar al] Assad", "Helmut  Kukacka": one space
        name = " ".join(name.replace("[", " ").replace("]", " ").split())
    nominative = name
    if language == "de" and span.type != "person":
        nominative = names.german_nominative(
            name, determiner, default_indefinite_nouns(), default_noun_genders(), default_adjectives()
        )
    return _Form(cleaned, name, nominative, nominative == name)


def _merge_genitives(forms: list[_Form], language: str, text: str = "") -> None:
    """German genitive -s on person names.

    "Putins" -> "Putin" when the base form is seen; "Tom Rostons Buch" -> "Tom Roston" (a full
    name in -s before a noun); "Auftritt Tom Rostons als" -> "Tom Roston" when "Roston" is a
    person's last name elsewhere in the text.
    """
    if language != "de":
        return
    seen_tokens = {names.exact_key(tok) for f in forms for tok in f.nominative.split()}
    surnames = {names.exact_key(f.nominative.split()[-1]) for f in forms if f.span.type == "person"}
    for form in forms:
        parts = form.nominative.split()
        if len(parts) >= 2 and form.span.type == "person" and _genitive_before_noun(text, form, surnames):
            form.nominative = " ".join([*parts[:-1], parts[-1][:-1]])
            form.is_nominative = False
        if len(parts) == 1:
            base = names.strip_german_genitive(parts[0])
            if base != parts[0] and names.exact_key(base) in seen_tokens:
                form.nominative = base
                form.is_nominative = False


def _genitive_before_noun(text: str, form: _Form, surnames: frozenset[str] | set[str] = frozenset()) -> bool:
    """ "Tom Rostons Buch": a full name ending in -s right before a capitalised noun, or anywhere
    when the name without the -s ends a person's name elsewhere (``surnames``, exact keys) or stands
    alone in the text; a surname in "s" ("Tom Hanks") not by the noun after it, a surname ending in a
    vowel only when listed (:mod:`~desktop.core.entities.genitive_surnames`)."""
    last = form.name.split()[-1]
    listed = genitive_of_listed_surname(last)  # "Kruses", "McCarthys", "Mays" ("Jones" is no genitive)
    if not last.endswith("s") or last.endswith("ss") or not (listed or len(last) >= 5):
        return False
    if last.endswith(("us", "is", "os", "as", "es", "ys")) and not listed:
        return False
    if names.exact_key(last[:-1]) in surnames:
        return True
    if re.search(rf"(?<![\w-]){re.escape(last[:-1])}(?![\w-])(?! [A-ZÄÖÜ])", text):
        return True  # "mit Roston gesprochen": alone, not a given name before a surname
    if surname_in_s(last):
        return False
    following = text[form.span.end : form.span.end + 40].split(maxsplit=1)
    if following and following[0][:1].isdigit():  # "nach Max Kruses 3:0"
        return listed
    word = following[0].rstrip(".,;:").replace("-", "") if following else ""
    return word[:1].isupper() and word.isalpha()


def _group_key(form: _Form, language: str, gazetteer: Gazetteer | None) -> str:
    if gazetteer is not None and form.span.type == "location":
        place = gazetteer.place_or_country(form.nominative, language=language)
        if place is not None:
            if form.nominative not in gazetteer.places and form.nominative[:-1] in gazetteer.places:
                form.nominative = form.nominative[:-1]  # "Puerto Ricos" (German genitive)
                form.is_nominative = False
            return "@" + place.id  # Kyjiw, Kiew and Kyiv are one place
    return names.match_key(form.nominative)


def _given_name_test(gazetteer: Gazetteer | None) -> Callable[[str], bool]:
    """Whether a match key's word is a frequent given name (never taken as a surname)."""
    if gazetteer is None:
        return lambda word: False
    given = gazetteer.given_names
    return lambda word: given.get(word.capitalize(), 0) >= _MIN_GIVEN_NAME


def _last_before(starts: list[int], position: int) -> int:
    """The greatest of the sorted ``starts`` before ``position`` (-1 when none is)."""
    index = bisect_left(starts, position)
    return starts[index - 1] if index else -1


def _group(forms: list[_Form], language: str, gazetteer: Gazetteer | None, text: str = "") -> list[_Group]:
    """Group by inflection-insensitive key; then attach short person names to full names."""
    groups: dict[str, _Group] = {}
    for form in forms:
        form.key = _group_key(form, language, gazetteer)
        groups.setdefault(form.key, _Group()).forms.append(form)
    by_last: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        parts = _without_suffix(key.split())
        if len(parts) >= 2 and group.type() == "person":
            for last in last_name_keys(parts):  # "Bashir" is "Omar al-Bashir"
                by_last[last].append(key)
            by_first[parts[0]].append(key)
    # "Rosselló" is "Ricardo Rosselló Nevares" (the first of two surnames)
    by_inner = inner_surnames([k for key in by_first.values() for k in key], _given_name_test(gazetteer))
    for key in list(groups):
        parts = key.split()
        group = groups[key]
        if len(parts) != 1:
            continue
        if group.type() != "person":  # "Lyons" typed a place beside "David C. Lyons"
            owners = by_last.get(parts[0], ())
            if len(owners) == 1 and _after_full_name(group, groups[owners[0]], gazetteer):
                # the surname is the person's: its mentions must not outvote the full name's type
                # ("Mike Pence" once, "Pence" typed an organisation twice); but a mention after a
                # kind noun is the company ("der Firma McAfee" beside "John McAfee")
                kind = [f for f in group.forms if after_kind_noun(text, f.span.start, language)]
                moved = [f for f in group.forms if f not in kind]
                for form in moved:
                    span = form.span
                    form.span = EntitySpan(span.start, span.end, span.text, "person", span.score)
                groups[owners[0]].forms.extend(moved)
                group.forms = kind
                if not kind:
                    del groups[key]
            continue
        targets = by_last.get(parts[0]) or by_first.get(parts[0]) or by_inner.get(parts[0]) or []
        if len(targets) == 1:
            groups[targets[0]].forms.extend(group.forms)
            del groups[key]
        elif len(targets) > 1:  # a surname several full names share ("Hana Kimura", "her mother Kyoko
            # Kimura"): the article's main bearer, named in full most often; on a tie the nearest before
            starts = {k: sorted(f.span.start for f in groups[k].forms) for k in targets}
            for form in group.forms:
                best = max(targets, key=lambda k: (len(starts[k]), _last_before(starts[k], form.span.start)))
                groups[best].forms.append(form)
            del groups[key]
    _join_partial_names(groups)
    _join_particle_variants(groups)
    return list(groups.values())


def _join_particle_variants(groups: dict[str, _Group]) -> None:
    """ "Muammar al-Gaddafi" and "Muammar Gaddafi" are one person: Arabic article particles aside;
    "Die Grünen" and "Grünen" one organisation: a leading article aside; "Verbund AG" and "Verbund"
    one company: its legal form aside."""
    for keep, drop in particle_variants(list(groups), lambda key: groups[key].type() == "person"):
        groups[keep].forms.extend(groups.pop(drop).forms)
    types = {key: group.type() for key, group in groups.items()}
    pairs = article_variants(list(groups), lambda key: types[key] == "organization")
    pairs += short_company_pairs(list(groups), lambda key: types[key] == "organization")
    pairs += party_word_pairs(list(groups), lambda key: types[key] == "organization")
    for keep, drop in pairs:  # "Verbund AG" and "Verbund"
        if "person" not in (types[keep], types[drop]) and keep in groups and drop in groups:
            groups[keep].forms.extend(groups.pop(drop).forms)


def _strong_place(group: _Group, gazetteer: Gazetteer | None) -> bool:
    """True when the group's name is a well-known place (then it stays a place)."""
    if gazetteer is None:
        return False
    return any((p := gazetteer.place(f.name)) is not None and p.strong for f in group.forms)


def _after_full_name(group: _Group, person: _Group, gazetteer: Gazetteer | None) -> bool:
    """A surname typed otherwise is the person's when it is no well-known place, or when it comes
    only after the full name and is no country ("David C. Lyons" ... "Lyons said").
    """
    if not _strong_place(group, gazetteer):
        return True
    first = min(f.span.start for f in person.forms)
    countries = gazetteer is not None and any(
        (p := gazetteer.place(f.name)) is not None and p.kind != "city" for f in group.forms
    )
    return not countries and all(f.span.start > first for f in group.forms)


def _without_suffix(parts: list[str]) -> list[str]:
    """Name parts without a generational suffix ("Charles H. Keating IV" ends with "Keating")."""
    while len(parts) > 2 and parts[-1].strip(".") in _SUFFIXES:
        parts = parts[:-1]
    return parts


def _join_partial_names(groups: dict[str, _Group]) -> None:
    """A person's shorter name of two or more words joins the one longer name it is a writing of.

    ("Abu Jandal" -> "Abu Jandal al-Kuwaiti", "Bernie Sanders" -> "Senator Bernie Sanders",
    "Donald Trump" -> "Donald J. Trump", "HC Strache" -> "Heinz-Christian Strache"; see
    :mod:`desktop.core.entities.name_forms`). Names hyphenated otherwise are joined first.
    """
    people = [k for k, g in groups.items() if g.type() == "person" and len(k.split()) >= 2]
    variants = {key: nickname_variants(key.split(), names.match_key) for key in people}
    by_word: dict[str, list[str]] = defaultdict(list)
    for key in people:
        for word in {w for v in variants[key] for w in v} | set(split_hyphens(key.split())):
            by_word[word].append(key)
    for fits in (same_hyphenation, name_within):
        for key in sorted(people, key=lambda k: len(k.split())):
            if key not in groups:
                continue
            parts = key.split()
            candidates = set(by_word[parts[0]]) | set(by_word[split_hyphens(parts)[-1]])
            containers = {
                other
                for other in candidates
                if other != key
                and other in groups
                and any(v == parts or fits(v, parts) for v in variants.get(other, ()))
            }
            if len(containers) == 1:
                groups[containers.pop()].forms.extend(groups.pop(key).forms)
    _join_qualified_organizations(groups)


def _join_qualified_organizations(groups: dict[str, _Group]) -> None:
    """ "Board of Inquiry" joins the one "UN Board of Inquiry" (an abbreviation before the name)."""
    orgs = [k for k, g in groups.items() if g.type() == "organization" and len(k.split()) >= 2]
    by_tail: dict[str, list[str]] = defaultdict(list)
    for key in orgs:
        parts = key.split()
        if len(parts) >= 3 and all(len(p) <= 5 and p.isalpha() for p in parts[:1]):
            by_tail[" ".join(parts[1:])].append(key)
    for key in orgs:
        longer = by_tail.get(key, [])
        if len(longer) == 1 and key in groups and longer[0] in groups:
            prefix = longer[0].split()[0]
            if any(
                f.name.split()[0].isupper()
                for f in groups[longer[0]].forms
                if f.name.split()[0].lower() == prefix
            ):
                groups[longer[0]].forms.extend(groups.pop(key).forms)


def _consistent_types(forms: list[_Form]) -> None:
    """The same name has one type in one article: the type most of its mentions got."""
    votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
    for form in forms:
        votes[names.exact_key(form.name)][form.span.type] += 1
    for form in forms:
        counted = votes[names.exact_key(form.name)]
        if len(counted) > 1:
            # a tie of one word: an organisation ("berichtete die Zeitung Dawn" ... "von Dawn")
            # rather than a person, whose lone surname joins the full name anyway
            single = " " not in form.name.strip()
            best = min(counted, key=lambda t: (-counted[t], _tie_rank(t, single)))
            span = form.span
            form.span = EntitySpan(span.start, span.end, span.text, best, span.score)


def _tie_rank(kind: EntityType, single_word: bool) -> int:
    if single_word and kind == "organization":
        return -1
    return _TYPE_PRIORITY[kind]


def link_mentions(
    text: str,
    language: str,
    spans: Iterable[EntitySpan],
    *,
    rejected: frozenset[str] = frozenset(),
    gazetteer: Gazetteer | None = None,
    own_outlet: frozenset[str] = frozenset(),
) -> list[LinkedActor]:
    """Turn recognised spans into the article's actors, each with its mentions, aliases and roles.

    Organisations whose match key is in ``own_outlet`` (see :func:`own_outlet_keys`) are left out.
    """
    if gazetteer is not None:  # "Berlin/Ankara": one mention of each place; "gegen Sunderland": a club
        spans = split_slashed_places(text, list(spans), gazetteer, language)
        spans = teams_named_by_towns(text, language, spans, gazetteer)
    forms = [
        f
        for s in sorted(spans, key=lambda s: (s.start, -s.end))
        if (f := _clean(s, text, language, rejected))
    ]
    _merge_genitives(forms, language, text)
    _consistent_types(forms)
    actors: list[LinkedActor] = []
    codes = gazetteer.country_codes if gazetteer is not None else {}
    for group in join_acronyms(text, _group(forms, language, gazetteer, text), codes):
        actor_type = group.type()
        canonical = group.canonical()
        if actor_type == "organization" and names.match_key(canonical) in own_outlet:
            continue
        aliases = tuple(dict.fromkeys(f.name for f in sorted(group.forms, key=lambda f: f.span.start)))
        if actor_type == "person":  # 'Matiu "Matt" Ratana' is listed as "Matiu Ratana"
            canonical = without_nickname(canonical)
        roles: list[str] = []
        if actor_type == "person":
            own_words = {word for form in group.forms for word in form.name.split()}
            for form in group.forms:
                for role in find_roles(text, form.span.start, form.span.end, language):
                    role = without_own_name(role, own_words)
                    if role and role not in roles:
                        roles.append(role)
        mentions = tuple(
            EntitySpan(f.span.start, f.span.end, f.span.text, actor_type, f.span.score)
            for f in sorted(group.forms, key=lambda f: f.span.start)
        )
        actors.append(
            LinkedActor(
                key=names.match_key(canonical),
                name=canonical,
                type=actor_type,
                aliases=aliases,
                roles=tuple(roles),
                mentions=mentions,
            )
        )
    actors.sort(key=lambda a: a.mentions[0].start)
    return join_stage_names(text, actors)
