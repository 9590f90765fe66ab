"""Noun phrases that name a speaker: where they run and what kind of reference they are.

A speaker is referred to by a name ("Wirtschaftsminister Greg Clark"), a pronoun ("er"), a
role noun ("der Kanzler", "the commissioner"), a generic organisation noun ("das
Unternehmen"), an anonymous source ("Quellen", "officials") or an indefinite phrase ("ein
Marktmanager"). The head of the phrase decides: "Yuans Familie" is a family, not Yuan;
"ein Sprecher von Siemens" speaks for Siemens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from desktop.core.entities.role_words import ENGLISH_ROLES_LONGEST_FIRST
from desktop.core.quotes.lexicon import Lexicon, role_base
from desktop.core.quotes.tokens import Mention, Token

RefKind = Literal[
    "mention", "pronoun", "role", "org", "document", "person", "anonymous", "unnamed", "group", "unknown"
]
_MAX_PHRASE = 9
_AND = frozenset({"and", "und", "&"})
_SPEAKER_TYPES = frozenset({"person", "organization"})
_AFFILIATIONS = frozenset({"of", "from", "at", "von", "vom", "bei", "aus", "des", "der"})
_GERMAN_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
_NOT_ADVERBS = frozenset({"family", "assembly", "supply", "reply", "monopoly", "anomaly", "rally", "italy"})
_ENGLISH_ROLE_WORDS = frozenset(w for role in ENGLISH_ROLES_LONGEST_FIRST for w in role.split())


@dataclass(frozen=True)
class Ref:
    """How a phrase refers to a speaker; ``start``/``end`` is the phrase in the text."""

    kind: RefKind
    start: int
    end: int
    actor: int | None = None  # for a name: the actor's index
    word: str = ""  # the head word: pronoun, role noun or organisation noun


@dataclass
class Clause:
    """The tokens of one unit of text with what phrase analysis needs to know about them."""

    text: str
    lex: Lexicon
    tokens: list[Token]
    mentions: dict[int, tuple[Mention, int]]  # start token -> (mention, last token)
    mention_at: dict[int, tuple[Mention, int]]  # every token of a mention -> (mention, first token)
    person_actors: frozenset[int] = frozenset()

    @property
    def german(self) -> bool:
        """Whether the text is German."""
        return self.lex.language == "de"

    def span_text(self, a: int, b: int) -> str:
        """The text of tokens ``[a, b)``."""
        return self.text[self.tokens[a].start : self.tokens[b - 1].end]


def _is_capitalised(token: Token, text: str) -> bool:
    return text[token.start].isupper() or text[token.start].isdigit()


def _german_adjective(token: Token, clause: Clause) -> bool:
    low, lex = token.low, clause.lex
    return (
        low.isalpha()
        and len(low) > 3
        and low.endswith(_GERMAN_ADJECTIVE_ENDINGS)
        and low not in lex.function_words
        and low not in lex.prepositions
        and low not in lex.adverbs
        and low not in lex.complementizers
        and low not in lex.determiners
        and low not in lex.oblique_determiners
        and low not in lex.forms
        and low not in lex.subjunctive
    )


def english_adverb(low: str, lex: Lexicon) -> bool:
    """An English adverb: listed, or a lower-case word in "-ly" ("voluntarily", "reportedly")."""
    return low in lex.adverbs or (
        lex.language == "en" and len(low) > 5 and low.endswith("ly") and low not in _NOT_ADVERBS
    )


def _noun_word(low: str, lex: Lexicon) -> bool:
    """A lower-case English word that can head a speaker phrase ("officials", "spokesman")."""
    return (
        low in lex.anonymous_nouns
        or low in _ENGLISH_ROLE_WORDS
        or low.endswith(lex.spokesperson_suffixes)
        or low in lex.company_nouns
        or low in lex.institution_nouns
    )


def _english_inner(token: Token, clause: Clause, run: int) -> bool:
    """An English lower-case word that may stand inside a name phrase."""
    low, lex = token.low, clause.lex
    if not low.isalpha() and "-" not in low:
        return False
    blocked = (
        low in lex.prepositions
        or low in lex.coordinators
        or low in lex.complementizers
        or english_adverb(low, lex)
        or low in lex.forms
        or low in lex.pronouns
        or low in ("who", "which", "whose", "whom", "not", "no")
    )
    return not blocked and (run < 3 or _noun_word(low, lex))


def phrase_after(clause: Clause, i: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i``: a token range ``[i, j)``, or None."""
    tokens, lex, text = clause.tokens, clause.lex, clause.text
    if i >= len(tokens) or tokens[i].quoted or not tokens[i].is_word:
        return None
    first = tokens[i].low
    if first in lex.pronouns or first in lex.neuter:
        return (i, i + 1)
    j = i
    lower_run = 0
    last_good = -1
    named = False  # a name or a capitalised word is in the phrase
    in_names = 0  # tokens inside names: long names do not count against the phrase's length
    while j < len(tokens) and j - i - in_names < _MAX_PHRASE:
        token = tokens[j]
        if token.quoted or not token.is_word:
            break
        if j in clause.mentions:
            in_names += clause.mentions[j][1] - j
            j = clause.mentions[j][1] + 1
            last_good = j
            lower_run = 0
            named = True
            continue
        low = token.low
        at_start = j == i
        if at_start and (low in lex.determiners or low in lex.indefinite or low in lex.oblique_determiners):
            j += 1
            continue
        if _is_capitalised(token, text):
            j += 1
            if low in lex.titles and j + 1 < len(tokens) and tokens[j].low == "." and not tokens[j].final:
                j += 1  # "Dr. Livermore"
            last_good = j
            lower_run = 0
            named = True
            continue
        if j > i and last_good == j and _continues(tokens, j, clause):
            j += 1
            if j < len(tokens) and tokens[j].low in lex.any_determiners:
                j += 1
            continue
        if low in _AND and last_good == j and _name_follows(clause, j + 1):
            j += 1  # "Tesco und die Salling Group", "Smith and Jones"
            if tokens[j].low in lex.determiners:
                j += 1
            continue
        if clause.german:
            if _german_adjective(token, clause):
                j += 1
                continue
            break
        if low in lex.determiners or (low.endswith("ing") and j > i + 1):
            break
        if named and not _noun_word(low, lex):
            break  # "President Trump congratulated …": a lower-case word after a name is a verb
        if _english_inner(token, clause, lower_run):
            lower_run += 1
            j += 1
            last_good = j
            continue
        break
    if last_good <= i:
        return None
    return (i, last_good)


def _name_follows(clause: Clause, j: int) -> bool:
    """A name at token ``j``, perhaps after an article ("und die Salling Group")."""
    if j < len(clause.tokens) and clause.tokens[j].low in clause.lex.determiners:
        j += 1
    return j in clause.mentions


def _continues(tokens: list[Token], j: int, clause: Clause) -> bool:
    """A genitive or "of" that continues a phrase ("Sprecher des Ministeriums", "head of X")."""
    low = tokens[j].low
    if clause.german:
        return low in ("des", "der", "von", "vom") and j + 1 < len(tokens) and tokens[j + 1].is_word
    if low == "from" and 0 < j < len(tokens) - 1:  # "Notes from Poland", "Smith from Acme"
        return _is_capitalised(tokens[j - 1], clause.text) and _is_capitalised(tokens[j + 1], clause.text)
    return low in ("of", "for") and j + 1 < len(tokens) and tokens[j + 1].is_word


def phrase_before(clause: Clause, j: int) -> tuple[int, int] | None:
    """The noun phrase ending at token ``j`` (inclusive), scanning backwards; or None."""
    tokens, lex, text = clause.tokens, clause.lex, clause.text
    if j < 0 or tokens[j].quoted or not tokens[j].is_word:
        return None
    if tokens[j].low in lex.pronouns:
        return (j, j + 1)
    i = j + 1
    k = j
    lower_run = 0
    in_names = 0
    while k >= 0 and j - k - in_names < _MAX_PHRASE:
        token = tokens[k]
        if token.quoted or not token.is_word:
            break
        if k in clause.mention_at:
            in_names += k - clause.mention_at[k][1]
            k = clause.mention_at[k][1]
            i = k
            k -= 1
            continue
        low = token.low
        if low in lex.determiners or low in lex.indefinite or low in lex.oblique_determiners:
            i = k
            if k > 0 and _continues(tokens, k - 1, clause):
                k -= 2
                continue
            if k >= 2 and tokens[k - 1].low in _AND and k - 2 in clause.mention_at:
                k -= 2  # "The United States and the European Union"
                continue
            break
        if _is_capitalised(token, text):
            i = k
            k -= 1
            lower_run = 0
            continue
        if k < j and _continues(tokens, k, clause):
            k -= 1
            continue
        if low in _AND and k > 0 and k - 1 in clause.mention_at and i > k:
            k -= 1  # "Retailer Tesco and retailer Salling Group"
            continue
        if clause.german:
            if _german_adjective(token, clause) and k < j:
                i = k
                k -= 1
                continue
            break
        if _english_inner(token, clause, lower_run):
            lower_run += 1
            i = k
            k -= 1
            continue
        break
    if i > j:
        return None
    while i <= j and tokens[i].low in ("of", "for", "des", "der", "von", "vom"):
        i += 1
    return (i, j + 1) if i <= j else None


def head_end(clause: Clause, a: int, b: int) -> int:
    """Where the head part of a phrase ends: before "of"/"for"/"des"/"von" + complement."""
    tokens = clause.tokens
    k = a + 1
    while k < b:
        if k in clause.mentions:
            k = clause.mentions[k][1] + 1
            continue
        if _continues(tokens, k, clause):
            return k
        k += 1
    return b


def _is_role(clause: Clause, a: int, h: int) -> str | None:
    token = clause.tokens[h]
    if clause.german:
        surface = clause.text[token.start : token.end]
        base = role_base(surface) if surface[:1].isupper() else None
        return base.lower() if base else None
    words = [t.low for t in clause.tokens[a : h + 1]]
    for role in ENGLISH_ROLES_LONGEST_FIRST:
        parts = role.split()
        if len(parts) <= len(words) and words[-len(parts) :] == parts:
            return role
    return None


def _org_noun(low: str, lex: Lexicon, german: bool) -> str | None:
    # ``low[3:].endswith(noun)`` is ``low.endswith(noun) and len(low) > len(noun) + 2``: one call
    # tells whether any noun fits before the loop finds the first that does
    if not (low in lex.org_nouns or (german and low[3:].endswith(lex.org_nouns))):
        return None
    for noun in lex.org_nouns:
        if low == noun or (german and low.endswith(noun) and len(low) > len(noun) + 2):
            return noun
    return None


def _person_of(clause: Clause, a: int, org: int) -> int | None:
    """ "Ted Scambos of CU Boulder's Cooperative Institute": a person named with the organisation
    it works at ("of", "from", "at", "von", "bei") speaks, not the organisation."""
    tokens = clause.tokens
    for t, (mention, last) in clause.mentions.items():
        if not a <= t < org or mention.type != "person":
            continue
        inner = clause.text[mention.start : mention.end].split()
        if any(w in _AFFILIATIONS for w in inner):
            return mention.actor  # the recogniser took "of X" into the name
        if last + 1 < org and tokens[last + 1].low in _AFFILIATIONS:
            return mention.actor
    return None


def classify(clause: Clause, a: int, b: int) -> Ref:
    """What kind of reference the phrase ``[a, b)`` is."""
    tokens, lex = clause.tokens, clause.lex
    start, end = tokens[a].start, tokens[b - 1].end
    end_of_head = head_end(clause, a, b)
    h = end_of_head - 1
    names = {m.actor for t, (m, _last) in clause.mentions.items() if a <= t < b}  # any names, joined
    joints = [
        k
        for k in range(a, b - 1)
        if (tokens[k].low in lex.coordinators or tokens[k].low == "&") and k not in clause.mention_at
    ]
    if joints and (len(names) > 1 or (names and any(tokens[k + 1].low in lex.determiners for k in joints))):
        return Ref("group", start, end)  # "Tesco and Salling Group", "Trump and his supporters"
    if h in clause.mention_at and clause.mention_at[h][0].type == "location":
        before = clause.mention_at[h][1] - 1  # "Militärkommando Steiermark": the noun before the place
        if before >= a and before not in clause.mention_at and _is_capitalised(tokens[before], clause.text):
            h = before
    if h in clause.mention_at:
        mention, _first = clause.mention_at[h]
        person = _person_of(clause, a, _first) if mention.type == "organization" else None
        return Ref("mention", start, end, actor=mention.actor if person is None else person)
    closing = clause.mention_at.get(b - 1)
    of_place = closing is not None and closing[1] == b - 1 and tokens[closing[1] - 1].low in _AFFILIATIONS
    if closing is not None and closing[0].type == "person" and not of_place:
        # "Hong Kong director of Amnesty International Man-kei Tam": the name closes the phrase (not
        # "the mayor of Yartsevo", one word after "of": a place the recogniser took for a person)
        return Ref("mention", start, end, actor=closing[0].actor)
    low = tokens[h].low
    if b - a == 1 and (low in lex.pronouns or low in lex.neuter):
        return Ref("pronoun", start, end, word=low)
    if low.endswith(lex.spokesperson_suffixes):
        for t, (mention, _last) in clause.mentions.items():
            if a <= t < b and mention.type == "organization":
                return Ref("mention", start, end, actor=mention.actor)
        return Ref("anonymous", start, end, word=low)
    if tokens[a].low in lex.indefinite:
        return Ref("unnamed", start, end, word=low)
    if low in lex.anonymous_nouns or low.endswith(lex.anonymous_suffixes):
        return Ref("anonymous", start, end, word=low)
    if low.endswith(lex.person_suffixes):
        return Ref("person", start, end, word=low)
    role = _is_role(clause, a, h)
    if role:
        return Ref("role", start, end, word=role)
    noun = _org_noun(low, lex, clause.german)
    if noun:
        return Ref("org", start, end, word=noun)
    if document_noun(low, lex, clause.german):
        return Ref("document", start, end, word=low)
    if b + 2 < len(tokens) and tokens[b].low == "(" and (named := clause.mentions.get(b + 1)) is not None:
        mention, last = named  # "Notes from Poland (NFP)": the short name in brackets is known
        if last + 1 < len(tokens) and tokens[last + 1].low == ")" and mention.type in _SPEAKER_TYPES:
            return Ref("mention", start, end, actor=mention.actor)
    return Ref("unknown", start, end, word=low)


def document_noun(low: str, lex: Lexicon, german: bool) -> bool:
    """A word for a statement or a document ("statement", "Bericht", "Rechnungshofbericht")."""
    nouns = lex.statement_nouns
    if low in nouns or low.rsplit("-", 1)[-1] in nouns:  # "BAT-Analyse", "BAT-analysis"
        return True
    return german and low[3:].endswith(lex.statement_noun_endings)  # longer than the noun by 3+
