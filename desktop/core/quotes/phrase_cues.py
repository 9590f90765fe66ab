"""Cues that are phrases around a message rather than reporting verbs, and the cue record itself.

- "…, so X" after the message; "laut X", "X zufolge", "nach Angaben von X", "according to X";
- "wie X mitteilte" / "as X said" around the message;
- "Aus X heißt es, …" (a source without a speaker);
- "X: „…“" (a name and a colon before a quotation).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from desktop.core.quotes.clauses import Subject, clause_start, skip_time
from desktop.core.quotes.complements import Complement, complement
from desktop.core.quotes.documents import document_source
from desktop.core.quotes.phrases import Clause, Ref, classify, document_noun, phrase_after, phrase_before
from desktop.core.quotes.tokens import Token

CueKind = Literal["verb", "so", "per", "as", "impersonal", "colon"]
Direction = Literal["forward", "backward", "whole", "none"]
_POSSESSIVE_PRONOUN = {"sei": "er", "ihr": "sie"}  # "nach seinen Worten": his


@dataclass
class Cue:
    """A reporting cue: its tokens, its speaker phrase and where its message is."""

    kind: CueKind
    first: int  # first token of the cue
    last: int  # last token of the cue (a separated particle included)
    subject: Subject
    direction: Direction = "none"
    complement: Complement | None = None
    message: tuple[int, int] | None = None  # token range for "backward" and "whole"
    source: str | None = None  # an impersonal cue's source ("Aus Militärkreisen")
    plural: bool = False
    demonstrative: bool = False  # "Das sagte X": the message is the sentence before
    passes_on: bool = False  # an outlet passing on another cue's statement: no statement of its own

    @property
    def ref(self) -> Ref | None:
        """The speaker phrase's reference."""
        return self.subject.ref


def message_before(clause: Clause, first: int) -> tuple[int, int] | None:
    """The clause before a trailing cue at token ``first`` (comma excluded)."""
    tokens = clause.tokens
    end = first
    while end > 0 and tokens[end - 1].low in (",", "–", "—", "-"):
        end -= 1
    start = clause_start(clause, end) if end > 0 else 0
    return (start, end) if end > start else None


def so_cue(clause: Clause, k: int) -> Cue | None:
    """ "…, so X." after the message."""
    tokens = clause.tokens
    if k == 0 or not (tokens[k - 1].low in (",", "–", "—") or tokens[k - 1].closes >= 0):
        return None
    phrase = phrase_after(clause, k + 1)
    if phrase is None:
        return None
    first = tokens[phrase[0]]
    lex = clause.lex
    if not (
        clause.text[first.start].isupper() or first.low in lex.determiners or first.low in lex.indefinite
    ):
        return None  # "…, so weise Österreich …" is no attribution
    ref = classify(clause, *phrase)
    subject = Subject(phrase, ref, trailing=True, after=True)
    cue = Cue("so", k, k, subject, direction="backward", message=message_before(clause, k))
    rest = phrase[1]
    after = rest + 1  # "…, so X, die Regierung müsse …": the message goes on after the cue
    goes_on = rest < len(tokens) and tokens[rest].low == "," and after < len(tokens) and tokens[after].is_word
    if goes_on and not _relative_clause(clause, after):
        cue.direction, cue.message = "whole", (clause_start(clause, k), len(tokens))
    return cue


def _relative_clause(clause: Clause, k: int) -> bool:
    """ "…, so der frühere Chef, der im April in Pension ging": a clause about the speaker at token
    ``k`` (a relative pronoun before a preposition, an adverb or a pronoun), not more of the message."""
    tokens, lex = clause.tokens, clause.lex
    if tokens[k].low not in lex.relatives or k + 1 >= len(tokens):
        return False
    nxt = tokens[k + 1]
    return nxt.is_word and (nxt.low in lex.prepositions or nxt.low in lex.adverbs or nxt.low in lex.pronouns)


def per_cue(clause: Clause, k: int) -> Cue | None:
    """ "laut X" / "according to X": the rest of the sentence is X's."""
    tokens, lex = clause.tokens, clause.lex
    for words in lex.per_words:
        if [t.low for t in tokens[k : k + len(words)]] == list(words):
            last = k + len(words) - 1
            break
    else:
        return None
    phrase = phrase_after(clause, last + 1)
    if phrase is None:
        return None
    subject, after = _source(clause, phrase)
    return _around(clause, k, last, after, subject)


def _source(clause: Clause, phrase: tuple[int, int]) -> tuple[Subject, int]:
    """The speaker a source phrase names (a document's issuer) and the token after the phrase."""
    found = document_source(clause, phrase)
    if found is not None:
        return found
    tokens, after = clause.tokens, phrase[1]
    if after < len(tokens) and tokens[after].low == "(":  # "according to Notes from Poland (NFP), …"
        close = next((i for i in range(after + 1, min(after + 5, len(tokens))) if tokens[i].low == ")"), None)
        after = close + 1 if close is not None else after
    return Subject(phrase, classify(clause, *phrase), after=True), after


def angaben_cue(clause: Clause, k: int) -> Cue | None:
    """ "nach Angaben von X", "nach Angaben der Polizei", "nach Polizeiangaben", "nach einem
    Bericht der Zeitung X", "nach eigenen Angaben", "seiner Ansicht nach"."""
    tokens, lex = clause.tokens, clause.lex
    if k >= 2 and tokens[k - 1].low in lex.per_nouns and tokens[k - 2].low[:3] in _POSSESSIVE_PRONOUN:
        his = tokens[k - 2]  # "seiner Ansicht nach"
        ref = Ref("pronoun", his.start, his.end, word=_POSSESSIVE_PRONOUN[his.low[:3]])
        return _around(clause, k - 2, k, k + 1, Subject((k - 2, k - 1), ref))
    j = k + 1
    possessive: Token | None = None
    if j < len(tokens) and tokens[j].low in lex.article_words:
        j += 1  # "nach einem Bericht der Zeitung X"
    if j < len(tokens) and tokens[j].low not in lex.per_nouns and tokens[j].low.endswith(("en", "er")):
        possessive = tokens[j]  # "nach eigenen Angaben", "nach seinen Worten", "nach neuesten Zahlen"
        j += 1
    if j >= len(tokens):
        return None
    noun = tokens[j].low
    if document_noun(noun, lex, clause.german) and (phrase := phrase_after(clause, j)) is not None:
        subject, after = _source(clause, phrase)
        return _around(clause, k, j, after, subject)
    if possessive is not None and noun in lex.per_nouns:
        if possessive.low.startswith("eigen"):  # the sentence's subject speaks
            return _around(clause, k, j, j + 1, Subject(None, None, inherit=True))
        pronoun = _POSSESSIVE_PRONOUN.get(possessive.low[:3])
        if pronoun is not None:
            ref = Ref("pronoun", possessive.start, possessive.end, word=pronoun)
            return _around(clause, k, j, j + 1, Subject((j - 1, j), ref))
    exact = noun in lex.per_nouns  # "Einschätzung" itself, not a compound ending in "Schätzung"
    if not exact and not any(noun.endswith(n) and len(noun) > len(n) + 2 for n in lex.per_nouns):
        return None
    if not exact:  # "Polizeiangaben": the compound's first part names the source
        return _around(
            clause, k, j, j + 1, Subject((j, j + 1), Ref("unknown", tokens[j].start, tokens[j].end))
        )
    i = j + 1
    if i < len(tokens) and tokens[i].low in ("von", "vom", "aus"):
        i += 1
    phrase = phrase_after(clause, i)
    if phrase is None:
        return None
    return _around(clause, k, j, phrase[1], Subject(phrase, classify(clause, *phrase), after=True))


def postposition_cue(clause: Clause, k: int) -> Cue | None:
    """ "X zufolge"."""
    phrase = phrase_before(clause, k - 1)
    if phrase is None:
        return None
    return _around(clause, phrase[0], k, k + 1, Subject(phrase, classify(clause, *phrase)))


def _around(clause: Clause, first: int, last: int, after: int, subject: Subject) -> Cue:
    """A cue phrase inside a sentence: its message is what comes after, before, or around it."""
    tokens = clause.tokens
    start = clause_start(clause, first)
    end = len(tokens)
    while end > after and tokens[end - 1].stops:
        end -= 1
    cue = Cue("per", first, last, subject)
    if first > 0 and tokens[first - 1].low == "(":  # "(laut Washington Post ein „…“)": the bracket's content
        close = next((i for i in range(after, len(tokens)) if tokens[i].low == ")"), len(tokens))
        cue.direction, cue.message = "whole", (after, close)
        return cue
    rest = after
    if rest < len(tokens) and tokens[rest].low == ",":
        rest += 1
    if first == start or (first > 0 and tokens[first - 1].low == "," and first - 1 == start):
        if rest < len(tokens) and tokens[rest].opens >= 0:
            cue.direction, cue.complement = "forward", ("quote", tokens[rest].opens)
        else:
            cue.direction, cue.message = "whole", (rest, end)
    elif after >= end:
        cue.direction, cue.message = "backward", message_before(clause, first)
    else:
        cue.direction, cue.message = "whole", (start, end)
    return cue


def as_cue(clause: Clause, k: int, used: set[int]) -> Cue | None:
    """ "…, wie X mitteilte." / "As X said, …": the main clause is X's."""
    tokens, lex = clause.tokens, clause.lex
    if k > 0 and tokens[k - 1].low not in (",", "(") and k != clause_start(clause, k):
        return None
    phrase = phrase_after(clause, k + 1)
    if phrase is None:
        return None
    ref = classify(clause, *phrase)
    if ref.kind == "unknown":
        return None
    v = phrase[1]
    reach = v + (4 if clause.german else 2)
    while v < min(reach, len(tokens)) and tokens[v].low not in lex.forms:
        if not tokens[v].is_word:
            return None
        v += 1
    if v >= len(tokens) or tokens[v].low not in lex.forms:
        return None
    last = v
    if clause.german and last + 1 < len(tokens) and tokens[last + 1].is_word:
        return None  # the verb closes a German "wie" clause
    used.add(v)
    cue = _around(clause, k, last, last + 1, Subject(phrase, ref, after=True))
    cue.plural = any(form.plural for form in lex.forms[tokens[v].low])  # "wie sie ankündigten": several
    return cue


def impersonal_cue(clause: Clause, k: int) -> Cue | None:
    """ "Aus Militärkreisen heißt es, …", "In einer Erklärung des Ministeriums hieß es: …"."""
    tokens, lex = clause.tokens, clause.lex
    subject_word = lex.impersonal_subject
    start = clause_start(clause, k)
    if k + 1 < len(tokens) and tokens[k + 1].low == subject_word:
        last = k + 1
    elif k - 1 >= start and tokens[k - 1].low == subject_word:
        last = k
    else:
        return None
    source: str | None = None
    subject = Subject(None, None)
    prefield = (start, k) if tokens[start].low != subject_word else None
    if prefield and prefield[1] > prefield[0]:
        if tokens[start].low == lex.source_preposition:
            source = clause.span_text(*prefield)
        else:
            for i in range(start, k):
                if tokens[i].low in lex.statement_nouns and i + 1 < k:
                    j = i + 1
                    if tokens[j].low in ("von", "vom", "of", "by", "from"):
                        j += 1
                    phrase = phrase_after(clause, j)
                    if phrase:
                        subject = Subject(phrase, classify(clause, *phrase))
                    break
    if subject.ref is None and source is None:
        subject, source = _impersonal_source(clause, skip_time(clause, last + 1))
    comp = complement(clause, last, True, False, False)
    cue = Cue("impersonal", k, last, subject, source=source)
    if comp is not None:
        cue.direction, cue.complement = "forward", comp
    elif k > start and tokens[k - 1].low in (",", "–", "—"):  # "…, hieß es in der BAT-Analyse."
        cue.direction, cue.message = "backward", message_before(clause, k)
    return cue


def _impersonal_source(clause: Clause, i: int) -> tuple[Subject, str | None]:
    """ "…, hieß es in einer Erklärung des Ministeriums", "hieß es seitens der Polizei": the source
    after the impersonal cue (a document, or an organisation or person after "seitens"/"von")."""
    tokens, lex = clause.tokens, clause.lex
    if i + 1 >= len(tokens) or tokens[i].low not in lex.source_prepositions:
        return Subject(None, None), None
    phrase = phrase_after(clause, i + 1)
    if phrase is None:
        return Subject(None, None), None
    found = document_source(clause, phrase)
    if found is not None:
        return found[0], None
    if tokens[i].low == lex.source_preposition:
        return Subject(None, None), clause.span_text(i, phrase[1])
    if tokens[i].low in lex.impersonal_by:
        return Subject(phrase, classify(clause, *phrase), after=True), None
    return Subject(None, None), None


def colon_cue(clause: Clause, k: int) -> Cue | None:
    """ "Scholz: „…“": a name alone before a colon and a quotation."""
    tokens = clause.tokens
    if k + 1 >= len(tokens) or tokens[k + 1].opens < 0 or k == 0:
        return None
    start = clause_start(clause, k)
    phrase = phrase_after(clause, start)
    if phrase is None or phrase[1] != k:
        return None
    ref = classify(clause, *phrase)
    if ref.kind != "mention":
        return None
    return Cue("colon", k, k, Subject(phrase, ref), "forward", ("quote", tokens[k + 1].opens))
