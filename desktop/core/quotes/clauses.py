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

from desktop.core.quotes.phrases import Clause, Ref, classify, english_adverb, phrase_after, phrase_before
from desktop.core.quotes.tokens import Token

_ANTECEDENT_REACH = 10  # tokens before a relative pronoun searched for what it stands for
_HARD = frozenset({"!", "?", ";", ":", "–", "—"})
_RELATIVE = frozenset({"who", "which", "whose", "whom", "welche", "welcher", "welches"})


@dataclass
class Subject:
    """The phrase naming who speaks, if any, and where the cue stands in its clause."""

    phrase: tuple[int, int] | None
    ref: Ref | None
    inherit: bool = False  # a coordinated verb ("und fügte hinzu"): the previous cue's speaker
    trailing: bool = False  # the cue follows its message ("…, sagte Müller")
    after: bool = False  # the subject stands after the verb
    subordinate: bool = False  # the verb closes a subordinate clause ("als X zugab, …")


def is_boundary(clause: Clause, k: int) -> bool:
    """A token that ends a clause for cue purposes: final or strong punctuation, a quotation's edge."""
    token = clause.tokens[k]
    return token.final or token.low in _HARD or token.closes >= 0 or token.opens >= 0


def clause_start(clause: Clause, k: int) -> int:
    """Index of the first token of the clause holding token ``k``."""
    tokens = clause.tokens
    j = k - 1
    while j >= 0:
        token = tokens[j]  # ``is_boundary`` inlined: this walk is the hottest loop of cue finding
        if token.final or token.low in _HARD or token.closes >= 0 or token.opens >= 0:
            break
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


def skip_time(clause: Clause, i: int) -> int:
    """Past a time expression at ``i`` ("dieses Jahr", "am Montag", "last week"), else ``i``."""
    tokens, lex = clause.tokens, clause.lex
    j = i
    while j < len(tokens) and j - i < 3 and tokens[j].low in lex.time_prefixes:
        j += 1
    if j < len(tokens) and tokens[j].low in lex.time_nouns:
        return j + 1
    return i


def _after_phrase(clause: Clause, k: int) -> tuple[tuple[int, int] | None, Ref | None]:
    """The subject phrase right after a verb at ``k`` (adverbs, time and dative pronouns skipped)."""
    lex = clause.lex
    i = _skip_adverbs(clause, k + 1, 1, 3)
    i = _skip_adverbs(clause, skip_time(clause, i), 1, 2)
    if i >= len(clause.tokens) or clause.tokens[i].low in lex.no_subject_words:
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


def _subordinate_start(clause: Clause, k: int) -> int | None:
    """The subordinator opening the verb-final clause that ends at ``k`` ("wenngleich X mitteilte")."""
    tokens, lex = clause.tokens, clause.lex
    start = k
    while start > 0 and not (tokens[start - 1].final or tokens[start - 1].low in _HARD):
        start -= 1  # back to the sentence start, over quotations ("die sie als „…“ bezeichneten")
    for i in range(k - 1, start - 1, -1):
        if tokens[i].quoted:
            continue
        if tokens[i].low == ",":
            before, after = tokens[i - 1] if i > 0 else None, tokens[i + 1]
            if i + 1 < k and _capitalised(clause, after):
                continue  # an apposition: "als X in Marlow, Buckinghamshire, zugab"
            if i + 1 == k and before is not None and _capitalised(clause, before):
                continue
            return None
        opens = _subordinator(clause, i) or tokens[i].low in ("dass", "daß", "ob")
        if opens and (i == start or tokens[i - 1].low == ","):
            return i
        if tokens[i].low in lex.relatives and i > start and tokens[i - 1].low == ",":
            return i  # ", die sie … bezeichneten"
        relative = tokens[i].low in lex.relatives or tokens[i].low in lex.oblique_determiners
        if relative and i - 2 >= start and tokens[i - 1].low in lex.prepositions and tokens[i - 2].low == ",":
            return i  # ", in dem diese … vorwirft"
    return None


def _subordinator(clause: Clause, i: int) -> bool:
    """A word opening a subordinate clause; "Damit wird …" (a verb right after it) is an adverb."""
    tokens = clause.tokens
    if tokens[i].low not in clause.lex.subordinators:
        return False
    lex = clause.lex
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or not nxt.is_word or not clause.text[nxt.start].islower():
        return True
    return nxt.low in lex.function_words or nxt.low in lex.pronouns or nxt.low in lex.closed_words


def _capitalised(clause: Clause, token: Token) -> bool:
    return token.is_word and (clause.text[token.start].isupper() or token.low.isdigit())


def _elided(clause: Clause, k: int, last: int) -> bool:
    """ "…, gab aber dieses Jahr bekannt, dass": no subject between the verb and its message."""
    tokens = clause.tokens
    if k == 0 or tokens[k - 1].low != ",":
        return False
    i = _skip_adverbs(clause, skip_time(clause, _skip_adverbs(clause, k + 1, 1, 3)), 1, 3)
    if i == last and last > k:
        i += 1  # the separated particle
    return i < len(tokens) and (tokens[i].low in (",", ":") or tokens[i].low in ("dass", "daß"))


def german_subject(clause: Clause, k: int, final: bool, last: int | None = None) -> Subject:
    """Subject of the German reporting verb at token ``k`` (``final``: a participle or joined form).

    ``last`` is the verb's last token (its separated particle).
    """
    tokens, lex = clause.tokens, clause.lex
    start = clause_start(clause, k)
    before = _skip_adverbs(clause, k - 1, -1, 2)
    if before >= start and tokens[before].low in lex.coordinators:
        return Subject(None, None, inherit=True)
    sub = _subordinate_start(clause, k)
    if sub is not None and (final or k + 1 >= len(tokens) or not tokens[k + 1].is_word):
        # "Während Atsumi betont, dass …", "wenngleich Furyk mitteilte": right after the subordinator
        i = _skip_adverbs(clause, sub + 1, 1, 2)
        phrase = phrase_after(clause, i) if i < k else None
        if phrase and phrase[1] <= k and _resolvable(ref := classify(clause, *phrase)):
            return Subject(phrase, ref, subordinate=True)
        if tokens[sub].low in lex.relatives and sub >= 2 and tokens[sub - 1].low == ",":
            # "… beim Präsidenten nicht gut an, der am Abend sagte: …": the relative pronoun is the
            # subject, the nearest name or role before it speaks
            for j in range(sub - 2, max(start, sub - _ANTECEDENT_REACH) - 1, -1):
                if tokens[j].low == "," or not _capitalised(clause, tokens[j]):
                    continue
                antecedent = phrase_before(clause, j)
                if antecedent is not None and (ref := classify(clause, *antecedent)).kind in (
                    "mention",
                    "role",
                ):
                    return Subject(antecedent, ref, subordinate=True)
        return Subject(None, None, subordinate=True)
    if final and k == start:
        # "Hervorgehoben hat er, dass …": a participle opening the sentence, its subject after the
        # auxiliary ("Betont wird von allen Seiten": a passive names nobody as its subject)
        aux = k + 1
        if aux < len(tokens) and tokens[aux].low in lex.auxiliaries - lex.passive_auxiliaries:
            i = _skip_adverbs(clause, aux + 1, 1, 2)
            phrase = (
                phrase_after(clause, i) if i < len(tokens) and tokens[i].low not in lex.prepositions else None
            )
            if phrase and _resolvable(ref := classify(clause, *phrase)):
                return Subject(phrase, ref)
        return Subject(None, None)
    if final:
        # "X hat … gesagt", "Am Montag hat X … gesagt": the first phrase or the one after the auxiliary
        for i in range(start, k):
            if i == start or tokens[i - 1].low in lex.auxiliaries:
                i = _skip_adverbs(clause, i, 1, 2)
                phrase = phrase_after(clause, i) if i < k and tokens[i].low not in lex.prepositions else None
                if phrase and _resolvable(ref := classify(clause, *phrase)):
                    return Subject(phrase, ref)
        return Subject(None, None)
    pre_ref: Ref | None = None
    pre = phrase_after(clause, start) if start < k and tokens[start].low not in lex.prepositions else None
    pre_end = _skip_adverbs(clause, _after_pp(clause, pre[1], k), 1, 2) if pre else k
    apposition = pre_end < k and tokens[pre_end].low in (",", "(") and tokens[k - 1].low in (",", ")")
    if pre and (pre_end == k or apposition) and not _subordinator(clause, start):
        pre_ref = classify(clause, *pre)
        named = _apposed_name(clause, pre_end, k - 1) if apposition else None
        if named is not None and not _is_person(clause, pre_ref):
            pre, pre_ref = named
    after, after_ref = _after_phrase(clause, k)
    if not (_resolvable(pre_ref) or _resolvable(after_ref)) and _elided(clause, k, last or k):
        return Subject(None, None, inherit=True)
    trailing = k > start and _after_comma_or_quote(clause, k, start) and not _resolvable(pre_ref)
    if trailing and _subordinator(clause, start):
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
        if i < k and tokens[i].low in lex.any_determiners:
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
        if _resolvable(after_ref) and _ends_there(clause, after):  # "…," said Smith
            return Subject(after, after_ref, trailing=True, after=True)
    if j < start and k - 1 >= 0 and tokens[k - 1].closes >= 0:
        return Subject(None, None, trailing=True)
    if j >= start and tokens[j].low in lex.time_nouns:  # "but this year announced"
        i = j - 1
        while i >= start and tokens[i].low in lex.time_prefixes and j - i < 3:
            i -= 1
        j = i if i < j - 1 else j
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
        # "Mitsotakis speaking to the Atlantic Council called …": the phrase before the participle
        head = phrase_before(clause, a - 3) if a - 2 > start and tokens[a - 2].low.endswith("ing") else None
        if head is not None and _is_person(clause, head_ref := classify(clause, *head)):
            return Subject(head, head_ref)
        return Subject(None, None)  # "… in relaying the news to parliament said": no subject found
    trailing = a - 1 >= 0 and (tokens[a - 1].closes >= 0 or (tokens[a - 1].low == "," and a - 1 >= start))
    # "When Kweisi Mfume announced his resignation, Cummings joined …": the clause after the comma
    # is the main clause, not a message
    subordinate = a - 1 >= 0 and tokens[a - 1].low in lex.subordinators and a - 1 == start
    if tokens[a].low in lex.subordinators and a == start and phrase[1] - a > 1:
        phrase, subordinate = (a + 1, phrase[1]), True  # "When Kweisi Mfume …": not part of the name
        ref = classify(clause, *phrase)
    return Subject(phrase, ref, trailing=trailing, subordinate=subordinate)


def _ends_there(clause: Clause, phrase: tuple[int, int] | None) -> bool:
    """An inverted subject ends its clause ("…," said Smith. / said Smith in a statement), unlike
    the subject of a clause of its own ("…, stated they did not")."""
    tokens, lex = clause.tokens, clause.lex
    if phrase is None or phrase[1] >= len(tokens) or not tokens[phrase[1]].is_word:
        return True
    nxt = tokens[phrase[1]].low
    if phrase[1] - phrase[0] == 1 and tokens[phrase[0]].low in lex.pronouns:
        return False
    return not (nxt in lex.finite_verbs or nxt in lex.forms or (nxt.endswith("ed") and len(nxt) > 4))


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
