"""Clause structure around a reporting verb: clause starts, subjects and message complements.

German main clauses put the finite verb second: the subject stands before it ("Macron
bekräftigte, dass …"; "Mark Rutte, der Generalsekretär der NATO, erklärte …") or right after
it when something else comes first ("Auf die Frage … sagte Trump …", "…, sagte Müller").
English puts the subject before the verb ("Smith, the CEO of Acme, said …") except in the
inverted attribution after a quotation ("…," said Smith). The message follows the verb ("dass",
"that", a colon, a comma and a clause, or straight on in English) or, when the cue trails
("…, sagte Müller."), is the clause before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from desktop.core.quotes.phrases import Clause, Ref, classify, english_adverb, phrase_after, phrase_before

_HARD = frozenset({"!", "?", ";", ":", "–", "—"})
_RELATIVE = frozenset({"who", "which", "whose", "whom", "welche", "welcher", "welches"})
_NOT_A_CLAUSE_EN = frozenset({"to", "so", "nothing", "goodbye", "yes", "no", "sorry", "hello", "thanks"})
_MAX_COMPLEMENT_SCAN = 16
_QUOTE_REACH = 9
_FINITE_REACH = 8

Complement = tuple[Literal["quote", "clause"], int]


@dataclass
class Subject:
    """The phrase naming who speaks, if any, and where the cue stands in its clause."""

    phrase: tuple[int, int] | None
    ref: Ref | None
    inherit: bool = False  # a coordinated verb ("und fügte hinzu"): the previous cue's speaker
    trailing: bool = False  # the cue follows its message ("…, sagte Müller")
    after: bool = False  # the subject stands after the verb


def is_boundary(clause: Clause, k: int) -> bool:
    """A token that ends a clause for cue purposes: final or strong punctuation, a quotation's edge."""
    token = clause.tokens[k]
    return token.final or token.low in _HARD or token.closes >= 0 or token.opens >= 0


def clause_start(clause: Clause, k: int) -> int:
    """Index of the first token of the clause holding token ``k``."""
    j = k - 1
    while j >= 0 and not is_boundary(clause, j):
        j -= 1
    return j + 1


def _skip_adverbs(clause: Clause, k: int, step: int, limit: int) -> int:
    tokens, lex = clause.tokens, clause.lex
    while (
        0 <= k < len(tokens)
        and limit > 0
        and (tokens[k].low in lex.adverbs or english_adverb(tokens[k].low, lex))
    ):
        k += step
        limit -= 1
    return k


def _resolvable(ref: Ref | None) -> bool:
    return ref is not None and ref.kind != "unknown"


def _after_phrase(clause: Clause, k: int) -> tuple[tuple[int, int] | None, Ref | None]:
    """The subject phrase right after a verb at ``k`` (adverbs and dative pronouns skipped)."""
    lex = clause.lex
    i = _skip_adverbs(clause, k + 1, 1, 3)
    if i >= len(clause.tokens) or clause.tokens[i].low in lex.oblique_determiners | lex.complementizers:
        return None, None
    phrase = phrase_after(clause, i)
    if phrase is None:
        return None, None
    ref = classify(clause, *phrase)
    if not _is_person(clause, ref) and phrase[1] < len(clause.tokens):
        end = phrase[1] + 1
        while end < len(clause.tokens) and clause.tokens[end].low not in (",", ")") and end - phrase[1] < 6:
            end += 1
        named = _apposed_name(clause, phrase[1], end) if end < len(clause.tokens) else None
        if named is not None:
            return named
    return phrase, ref


def _after_comma_or_quote(clause: Clause, k: int, start: int) -> bool:
    """Whether token ``k`` directly follows a comma or a quotation's closing mark."""
    if k - 1 < 0:
        return False
    prev = clause.tokens[k - 1]
    return prev.low == "," or prev.closes >= 0


def german_subject(clause: Clause, k: int, final: bool) -> Subject:
    """Subject of the German reporting verb at token ``k`` (``final``: a participle or joined form)."""
    tokens, lex = clause.tokens, clause.lex
    start = clause_start(clause, k)
    before = _skip_adverbs(clause, k - 1, -1, 2)
    if before >= start and tokens[before].low in lex.coordinators:
        return Subject(None, None, inherit=True)
    if final:
        for i in range(start, k):
            if tokens[i].is_word and (i == start or tokens[i - 1].low not in lex.prepositions):
                phrase = phrase_after(clause, i)
                if phrase and _resolvable(ref := classify(clause, *phrase)):
                    return Subject(phrase, ref)
        return Subject(None, None)
    pre_ref: Ref | None = None
    pre = phrase_after(clause, start) if start < k else None
    pre_end = _skip_adverbs(clause, _after_pp(clause, pre[1], k), 1, 2) if pre else k
    apposition = pre_end < k and tokens[pre_end].low in (",", "(") and tokens[k - 1].low in (",", ")")
    if pre and (pre_end == k or apposition) and tokens[start].low not in lex.subordinators:
        pre_ref = classify(clause, *pre)
        named = _apposed_name(clause, pre_end, k - 1) if apposition else None
        if named is not None and not _is_person(clause, pre_ref):
            pre, pre_ref = named
    after, after_ref = _after_phrase(clause, k)
    trailing = k > start and _after_comma_or_quote(clause, k, start) and not _resolvable(pre_ref)
    if trailing and tokens[start].low in lex.subordinators:
        # "Als er ankam, sagte er, …" leads in; "Wenn …, dann … haben, befürchtete X" trails
        trailing = any(tokens[i].low == "," and not tokens[i].quoted for i in range(start, k - 1))
    if _resolvable(pre_ref) and not (trailing and _resolvable(after_ref)):
        return Subject(pre, pre_ref)
    if after_ref is not None and (_resolvable(after_ref) or pre_ref is None):
        return Subject(after, after_ref, trailing=trailing, after=True)
    if pre_ref is not None:
        return Subject(pre, pre_ref)
    return Subject(None, None, trailing=trailing)


def _after_pp(clause: Clause, end: int, k: int) -> int:
    """Past prepositional phrases after a German subject ("Ein Sprecher aus dem Ministerium")."""
    tokens, lex = clause.tokens, clause.lex
    while end < k and tokens[end].low in lex.prepositions:
        i = end + 1
        if i < k and tokens[i].low in lex.determiners | lex.oblique_determiners:
            i += 1
        nxt = phrase_after(clause, i) if i < k else None
        if nxt is None or nxt[1] > k:
            break
        end = nxt[1]
    return end


def english_subject(clause: Clause, k: int) -> Subject:
    """Subject of the English reporting verb at token ``k``."""
    tokens, lex = clause.tokens, clause.lex
    start = clause_start(clause, k)
    j = _skip_adverbs(clause, k - 1, -1, 3)
    if k - 1 >= 0 and (tokens[k - 1].closes >= 0 or (tokens[k - 1].low == "," and j == k - 1)):
        after, after_ref = _after_phrase(clause, k)
        if _resolvable(after_ref):  # "…," said Smith
            return Subject(after, after_ref, trailing=True, after=True)
    if j < start and k - 1 >= 0 and tokens[k - 1].closes >= 0:
        return Subject(None, None, trailing=True)
    if j >= start and tokens[j].low in lex.coordinators:
        return Subject(None, None, inherit=True)
    if j >= start and tokens[j].low in (",", ")"):
        comma = j
        j = _skip_parenthesis(clause, j, start)
        named = _apposed_name(clause, j + 1, comma) if j >= start else None
        if named is not None:
            before = phrase_before(clause, j)
            if before is None or not _is_person(clause, classify(clause, *before)):
                return Subject(named[0], named[1])
    if j < start:
        return Subject(None, None, inherit=j < k - 1)
    phrase = phrase_before(clause, j)
    if phrase is None or tokens[phrase[0]].low in _RELATIVE:
        return Subject(None, None)
    ref = classify(clause, *phrase)
    phrase, ref = _head_before_pp(clause, phrase, ref, start)
    a = phrase[0]
    if a - 1 >= start and tokens[a - 1].low in lex.prepositions and not _is_person(clause, ref):
        return Subject(None, None)  # "… in relaying the news to parliament said": no subject found
    trailing = a - 1 >= 0 and (tokens[a - 1].closes >= 0 or (tokens[a - 1].low == "," and a - 1 >= start))
    return Subject(phrase, ref, trailing=trailing)


def _head_before_pp(
    clause: Clause, phrase: tuple[int, int], ref: Ref, start: int
) -> tuple[tuple[int, int], Ref]:
    """ "A source within the Interior Ministry said": the speaker is the phrase before the PP."""
    tokens, lex = clause.tokens, clause.lex
    a = phrase[0]
    while a - 2 >= start and tokens[a - 1].low in lex.prepositions and not _is_person(clause, ref):
        head = phrase_before(clause, a - 2)
        if head is None:
            break
        head_ref = classify(clause, *head)
        if head_ref.kind == "unknown":
            break
        ref = Ref(head_ref.kind, head_ref.start, ref.end, head_ref.actor, head_ref.word)
        a = head[0]
        phrase = (a, phrase[1])
    return phrase, ref


def _apposed_name(clause: Clause, comma: int, end: int) -> tuple[tuple[int, int], Ref] | None:
    """A person's name alone between two commas ("Der Vorstand, Scott Coker, teilte mit")."""
    tokens = clause.tokens
    if comma >= end or tokens[comma].low not in (",", "(") or tokens[end].low not in (",", ")"):
        return None
    phrase = phrase_after(clause, comma + 1)
    if phrase is None or phrase[1] != end:
        return None
    ref = classify(clause, *phrase)
    return (phrase, ref) if _is_person(clause, ref) else None


def _is_person(clause: Clause, ref: Ref | None) -> bool:
    return (
        ref is not None
        and ref.kind == "mention"
        and ref.actor is not None
        and ref.actor in clause.person_actors
    )


def _skip_parenthesis(clause: Clause, j: int, start: int) -> int:
    """From a comma or ")" before a verb back over an apposition or relative clause."""
    tokens = clause.tokens
    closer = tokens[j].low
    opener = "," if closer == "," else "("
    i = j - 1
    while i >= start and tokens[i].low != opener:
        if tokens[i].low in _HARD or tokens[i].final:
            return start - 1
        i -= 1
    if i < start or j - i < 2:
        return start - 1
    return i - 1


def complement(
    clause: Clause, k: int, any_clause: bool, trailing: bool, takes_object: bool
) -> Complement | None:
    """Where the message of a cue ending at token ``k`` begins: a quotation or a clause.

    ``trailing``: the cue follows a message; a German one then only takes "dass"/"ob" clauses.
    """
    tokens, lex = clause.tokens, clause.lex
    n = len(tokens)
    english = not clause.german
    i = k + 1
    if english and takes_object and i < n and not tokens[i].quoted:
        phrase = phrase_after(clause, i)
        if phrase and tokens[phrase[0]].low not in lex.pronouns:
            i = phrase[1]
    quote = _quote_ahead(clause, k, i)
    if quote is not None:
        return ("quote", quote)
    steps = 0
    while i < n and steps < _MAX_COMPLEMENT_SCAN:
        token = tokens[i]
        if token.quoted or token.stops:
            return None
        if token.low == ":":
            return ("clause", i + 1) if i + 1 < n else None
        if token.low in lex.coordinators and i + 1 < n and tokens[i + 1].low in lex.forms:
            return None  # "sagte X und ergänzte: …": the next verb has its own message
        if token.low in ("dass", "daß", "that") and (clause.german or i == k + 1 or tokens[i - 1].low != ","):
            return ("clause", i + 1) if i + 1 < n else None
        if token.low == ",":
            return _after_comma(clause, i + 1, any_clause and (english or not trailing))
        if english and any_clause and steps == 0:
            if token.low in lex.prepositions and token.low != "to":
                phrase = phrase_after(clause, i + 1)
                if phrase:
                    i = phrase[1]
                    steps += 1
                    if i < n and _english_clause_start(clause, i):
                        return ("clause", i)
                    continue
            elif _english_clause_start(clause, i):
                return ("clause", i)
        i += 1
        steps += 1
    return None


def _quote_ahead(clause: Clause, k: int, i: int) -> int | None:
    """A quotation opening soon after the verb, not inside a clause of its own ("told X "…"")."""
    tokens, lex = clause.tokens, clause.lex
    stop = min(len(tokens), i + _QUOTE_REACH)
    while i < stop:
        token = tokens[i]
        if token.opens >= 0:
            prev = tokens[i - 1].low
            inside = prev in lex.determiners or prev in lex.indefinite or prev in lex.prepositions
            return None if inside and i - 1 > k else token.opens
        if token.quoted or token.stops or token.low in ("dass", "daß", "that"):
            return None
        if token.low == "," and not (i + 1 < stop and tokens[i + 1].opens >= 0):
            return None  # a clause follows: the quotation is inside it
        i += 1
    return None


def _after_comma(clause: Clause, i: int, any_clause: bool) -> Complement | None:
    tokens, lex = clause.tokens, clause.lex
    if i >= len(tokens):
        return None
    token = tokens[i]
    if token.opens >= 0:
        return ("quote", token.opens)
    if token.low in lex.complementizers:
        skip = token.low in ("dass", "daß", "that")
        return ("clause", i + 1 if skip else i) if i + 1 < len(tokens) else None
    if not any_clause or not token.is_word or token.low in _RELATIVE:
        return None
    if clause.german or _english_clause_start(clause, i):
        return ("clause", i)
    return None


def _english_clause_start(clause: Clause, i: int) -> bool:
    """A bare English clause starts at ``i`` ("said [the bid won]", not "announced [his resignation]")."""
    tokens, lex = clause.tokens, clause.lex
    token = tokens[i]
    low = token.low
    if not token.is_word or token.quoted or low in lex.prepositions or low in _NOT_A_CLAUSE_EN:
        return False
    if low in lex.coordinators or low in lex.complementizers:
        return False
    for j in range(i + (0 if low in lex.pronouns else 1), min(len(tokens), i + _FINITE_REACH)):
        word = tokens[j]
        if not word.is_word or word.quoted:
            return False
        if word.low in lex.finite_verbs or (word.low.endswith("ed") and len(word.low) > 4):
            return True
    return False
