"""Where the message of a reporting cue begins: a quotation, or a clause after the verb.

German and English messages follow the verb after "dass"/"that", a colon, a comma and a
clause, or (English) straight on ("said the bid won"); a listener may stand between verb and
message ("told reporters that"). A quotation right after the verb is the message itself.
"""

from __future__ import annotations

from typing import Literal

from desktop.core.quotes.phrases import Clause, phrase_after

_RELATIVE = frozenset({"who", "which", "whose", "whom", "welche", "welcher", "welches"})
_NOT_A_CLAUSE_EN = frozenset({"to", "so", "nothing", "goodbye", "yes", "no", "sorry", "hello", "thanks"})
_SYMBOLS = frozenset("%$€£-")  # inside a clause's first words: "0.5% of turnover comes"
_MAX_COMPLEMENT_SCAN = 16
_QUOTE_REACH = 9
_FINITE_REACH = 8

Complement = tuple[Literal["quote", "clause"], int]


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
            if i + 1 < n and tokens[i].low == "to" and tokens[i + 1].is_word:
                return ("clause", phrase[0])  # "urged the crowd to consider …"
    quote = _quote_ahead(clause, k, i)
    if quote is not None:
        return ("quote", quote)
    steps = 0
    while i < n and steps < _MAX_COMPLEMENT_SCAN:
        token = tokens[i]
        if token.quoted or token.stops:
            return None
        if token.low == ":":
            if i + 1 < n and tokens[i + 1].opens >= 0:
                return ("quote", tokens[i + 1].opens)
            return ("clause", i + 1) if i + 1 < n else None
        if token.low in lex.coordinators and i + 1 < n and tokens[i + 1].low in lex.forms:
            return None  # "sagte X und ergänzte: …": the next verb has its own message
        if token.low in ("dass", "daß", "that") and (clause.german or i == k + 1 or tokens[i - 1].low != ","):
            return ("clause", i + 1) if i + 1 < n else None
        if token.low == ",":
            bare = (
                any_clause and not trailing
            )  # after a comma, a trailing or subordinate cue only takes "dass"
            return _after_comma(clause, i + 1, bare, not trailing)
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


def _after_comma(clause: Clause, i: int, any_clause: bool, infinitive: bool) -> Complement | None:
    tokens, lex = clause.tokens, clause.lex
    if i >= len(tokens):
        return None
    token = tokens[i]
    if token.opens >= 0:
        return ("quote", token.opens)
    if token.low in lex.complementizers:
        skip = token.low in ("dass", "daß", "that")
        return ("clause", i + 1 if skip else i) if i + 1 < len(tokens) else None
    if not token.is_word or token.low in _RELATIVE:
        return None
    if clause.german and _relative_clause(clause, i):
        return None  # "kündigte Vorschläge an, die von … reichen": about the object, not a message
    if not any_clause:
        # "empfiehlt, regionale Produkte zu essen": an infinitive clause is a message too
        return ("clause", i) if infinitive and clause.german and _infinitive_clause(clause, i) else None
    if clause.german or _english_clause_start(clause, i):
        return ("clause", i)
    return None


def _relative_clause(clause: Clause, i: int) -> bool:
    """ ", die von … reichen", ", der sich …": a relative pronoun, not an article before a noun."""
    tokens, lex = clause.tokens, clause.lex
    if tokens[i].low not in lex.relatives or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1].low
    return nxt in lex.prepositions or nxt in lex.adverbs or nxt == "sich"


def _infinitive_clause(clause: Clause, i: int) -> bool:
    """A German clause from ``i`` that ends in an infinitive with "zu" ("…, Quoten aufzugeben")."""
    tokens, lex = clause.tokens, clause.lex
    if tokens[i].low in lex.purpose_words:
        return False  # "…, um jungen Menschen ein Eigenheim zu ermöglichen" says why, not what
    j = i
    while j < len(tokens) and tokens[j].is_word and not tokens[j].quoted and j - i < _MAX_COMPLEMENT_SCAN:
        j += 1
    if j - i < 2 or clause.text[tokens[j - 1].start].isupper():
        return False
    last, before = tokens[j - 1].low, tokens[j - 2].low
    if before == "zu" and last.endswith(("en", "ern", "eln")):
        return True
    at = last.find("zu", 2)
    return at > 0 and last[:at] in lex.verb_prefixes and last.endswith("en")  # "aufzugeben"


def _english_clause_start(clause: Clause, i: int) -> bool:
    """A bare English clause starts at ``i`` ("said [the bid won]", not "announced [his resignation]")."""
    tokens, lex = clause.tokens, clause.lex
    token = tokens[i]
    low = token.low
    if not token.is_word or token.quoted or low in lex.prepositions or low in _NOT_A_CLAUSE_EN:
        return False
    if low in lex.coordinators or low in lex.complementizers:
        return False
    if low in lex.pronouns and i + 1 < len(tokens) and (tokens[i + 1].is_word or tokens[i + 1].opens >= 0):
        return True  # "he", "she", "they" open a clause: "stated they want to stay", 'they "would not"'
    if low in lex.auxiliaries and i > 0 and tokens[i - 1].low in lex.forms:
        return True  # "which X has said may be ready": the clause's subject is the relative pronoun
    if low in lex.neuter and i + 1 < len(tokens) and tokens[i + 1].is_word:
        verb = tokens[i + 1].low  # "said it seeks to", "said it would"
        return verb in lex.finite_verbs or (verb.endswith(("s", "ed")) and len(verb) > 3)
    j, end = i + 1, min(len(tokens), i + _FINITE_REACH)
    while j < end:
        word = tokens[j]
        if word.quoted or word.low in _RELATIVE:
            return False
        if not word.is_word:
            if word.low == ",":  # past an inserted phrase: "reported officials, after an inquiry, stated"
                close = next((c for c in range(j + 1, min(len(tokens), j + 7)) if tokens[c].low == ","), None)
                if close is None:
                    return False
                j, end = close, min(len(tokens), close + _FINITE_REACH)
            elif word.low not in _SYMBOLS:
                return False
        elif word.low in lex.finite_verbs or (word.low.endswith("ed") and len(word.low) > 4):
            return True
        j += 1
    return False
