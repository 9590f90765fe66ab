"""Cues that report speech, found in one unit of text (a sentence, or sentences a quotation joins).

- a reporting verb ("sagte", "fügte … hinzu", "hat mitgeteilt", "said", "pointed out");
- the phrase cues of ``phrase_cues`` ("so X", "laut X", "according to X", "wie X mitteilte", …).
Each cue knows its speaker phrase and where its message lies (after it, before it, or the
whole sentence around it); quotations are attached to cues later by the finder.
"""

from __future__ import annotations

from desktop.core.quotes.clauses import Subject, clause_start, english_subject, german_subject, is_boundary
from desktop.core.quotes.complements import complement
from desktop.core.quotes.documents import document_source
from desktop.core.quotes.lexicon import VerbForm
from desktop.core.quotes.phrase_cues import (
    Cue,
    angaben_cue,
    as_cue,
    colon_cue,
    impersonal_cue,
    message_before,
    per_cue,
    postposition_cue,
    so_cue,
)
from desktop.core.quotes.phrases import Clause, classify, head_end, phrase_after

__all__ = ["Cue", "find_cues"]
_PASSIVE = frozenset({"was", "were", "been", "be", "is", "are", "being", "the"})
_PARTICLE_REACH = 24
_QUOTE_MARKS = frozenset("\"'„“”‚‘’»«›‹")


def find_cues(clause: Clause) -> list[Cue]:
    """All cues of the unit, in text order."""
    tokens, lex = clause.tokens, clause.lex
    cues: list[Cue] = []
    used: set[int] = set()
    cue_words = lex.cue_words
    for k, token in enumerate(tokens):
        low = token.low
        if (low not in cue_words and low != ":") or token.quoted or k in used:
            continue  # most words start no cue: that test first
        cue: Cue | None = None
        if low in lex.as_words:
            cue = as_cue(clause, k, used)
        elif low in lex.so_words:
            cue = so_cue(clause, k)
        elif low in lex.postpositions:
            cue = postposition_cue(clause, k)
        elif low in lex.per_prepositions:
            cue = angaben_cue(clause, k)
        elif low in lex.impersonal:
            cue = impersonal_cue(clause, k)
        elif low == ":":
            cue = colon_cue(clause, k)
        if cue is None and low in lex.per_first:
            cue = per_cue(clause, k)
        if cue is None and low in lex.forms:
            cue = _verb_cue(clause, k)
        if cue is not None:
            used.update(range(cue.first, cue.last + 1))
            cues.append(cue)
    return cues


def _pick_form(clause: Clause, k: int) -> tuple[VerbForm, int] | None:
    """The verb form at ``k`` and its last token (the particle of a particle verb)."""
    tokens = clause.tokens
    forms = clause.lex.forms[tokens[k].low]
    for form in forms:
        particle = form.verb.particle
        if particle is None or form.final:
            continue
        if clause.german:
            j = k + 1
            while j < len(tokens) and j - k < _PARTICLE_REACH and not is_boundary(clause, j):
                if (
                    tokens[j].low == ","
                    and j + 1 < len(tokens)
                    and tokens[j + 1].low in clause.lex.complementizers
                ):
                    break  # the particle stands before the message clause
                if tokens[j].low == particle and (
                    j + 1 >= len(tokens)
                    or not tokens[j + 1].is_word
                    or tokens[j + 1].low in clause.lex.coordinators
                ):
                    return form, j  # "fügte er hinzu.", "fügte Graham hinzu und bezog sich …"
                j += 1
        elif k + 1 < len(tokens) and tokens[k + 1].low == particle:
            return form, k + 1
    for form in forms:
        if form.verb.particle is None or form.final:
            return form, k
    return None


def _verb_cue(clause: Clause, k: int) -> Cue | None:
    tokens = clause.tokens
    picked = _pick_form(clause, k)
    if picked is None:
        return None
    form, last = picked
    if clause.text[tokens[k].start].isupper() and (
        k != clause_start(clause, k) or tokens[k].low in clause.lex.noun_forms
    ):
        return None  # a noun ("Angaben", "Die Sage", "Schreiben des …") or a name ("United States")
    if form.verb.source_in:
        subject = _source_in(clause, k, last, form.verb.source_in)
    elif clause.german:
        if form.final and _passive(clause, k):
            return None  # "Schäden wurden gemeldet": nobody is said to speak
        subject = german_subject(clause, k, form.final, last)
    else:
        if k > 0 and tokens[k - 1].low in _PASSIVE:
            return None  # "was reported", "the said property"
        if k + 1 < len(tokens) and tokens[k + 1].low == "to" and form.verb.lemma == "say":
            return None  # "is said to have"
        nxt = tokens[k + 1].low if k + 1 < len(tokens) else ""
        if tokens[k].low.endswith("s") and (nxt in clause.lex.forms or nxt in clause.lex.finite_verbs):
            return None  # "Initial reports stated": a noun before the verb
        if nxt == "by":
            return None  # "numbers reported by the AP": a participle, not a statement of its own
        subject = english_subject(clause, k)
        if tokens[k].low.endswith("ing"):
            if not (k > 0 and tokens[k - 1].low in (",", "by")):
                return None  # ", saying …" and "by saying …" report; "the saying", "or warning" do not
            subject = Subject(None, None, inherit=True)
    cue = Cue("verb", k, last, subject, plural=form.plural)
    if "*" in form.verb.object_with:  # "called for a ceasefire": the object, whatever it is
        named = _object_message(clause, k, last, subject, form.verb.object_with, form.final)
        if named is not None:
            cue.direction, cue.message = "whole", named
            return cue
    german_trailing = (clause.german and subject.trailing) or subject.subordinate
    comp = complement(clause, last, form.verb.any_clause, german_trailing, form.verb.takes_object)
    if subject.after and subject.phrase and comp is None:
        comp = complement(
            clause, max(last, subject.phrase[1] - 1), form.verb.any_clause, german_trailing, False
        )
    if comp is not None and not (subject.trailing and comp[0] == "clause" and _quote_before(clause, k)):
        cue.direction, cue.complement = "forward", comp
    elif (
        subject.trailing
        and "quote" not in form.verb.object_with  # "the water, called a plume, …" reports nothing
        and (clause.german or _nothing_after(clause, _subject_end(subject, last)))
    ):
        cue.direction = "backward"
        cue.message = message_before(clause, _first_of_cue(cue))
        end = max(last, subject.phrase[1] - 1 if subject.phrase and subject.after else last) + 1
        if clause.german and end + 1 < len(tokens) and tokens[end].low == "," and tokens[end + 1].is_word:
            # "Kirchen, fügte er hinzu, könnten …": the cue stands inside its message
            cue.direction, cue.message = "whole", (clause_start(clause, cue.first), _clause_end(clause, end))
    elif _demonstrative_prefield(clause, k):
        cue.demonstrative = True
    if cue.direction == "none" and form.verb.object_with:
        verb_last = form.final or subject.subordinate
        named = _object_message(clause, k, last, subject, form.verb.object_with, verb_last)
        if named is not None:
            cue.direction, cue.message = "whole", named
    return cue


def _object_message(
    clause: Clause, k: int, last: int, subject: Subject, wanted: frozenset[str], verb_last: bool
) -> tuple[int, int] | None:
    """ "called the deal "a disgrace"", "die sie als „Fake News“ bezeichneten", "bezifferte den
    Schaden auf 200 Millionen": the object, after the verb (and a subject after it) or, for a verb
    closing its clause, before it; only when it holds one of the ``wanted`` marks or words."""
    tokens, lex = clause.tokens, clause.lex
    if verb_last or last + 1 >= len(tokens) or not tokens[last + 1].is_word:
        phrase = subject.phrase
        start = head_end(clause, *phrase) if phrase and phrase[1] <= k else clause_start(clause, k)
        end = k
    else:
        start = max(last + 1, head_end(clause, *subject.phrase) if subject.after and subject.phrase else 0)
        end = start
        while end < len(tokens) and not tokens[end].stops:
            token = tokens[end]
            if not token.quoted and token.low in (",", ";", ":", "–", "—"):
                break
            if token.low in lex.coordinators and end + 1 < len(tokens) and tokens[end + 1].low in lex.forms:
                break  # "… als „Fake News“ und sagte, …"
            end += 1
    if start < end and (tokens[start].low in lex.coordinators or tokens[start].low in lex.complementizers):
        return None  # "(EEZ) claims and would make …": no object after a noun taken for a verb
    if "quote" in wanted:
        marked = any(t.low in _QUOTE_MARKS for t in tokens[start:end])
    else:
        marked = "*" in wanted or "any" in wanted or any(t.low in wanted for t in tokens[start:end])
    return (start, end) if end > start and marked else None


def _passive(clause: Clause, k: int) -> bool:
    """A German participle with "werden" next to it: "wurden gemeldet", "gemeldet worden"."""
    tokens, passive = clause.tokens, clause.lex.passive_auxiliaries
    return (k > 0 and tokens[k - 1].low in passive) or (k + 1 < len(tokens) and tokens[k + 1].low in passive)


def _source_in(clause: Clause, k: int, last: int, preposition: str) -> Subject:
    """ "Das geht aus einer Studie von X hervor", "Aus dem Bericht geht hervor": the source after
    the preposition speaks (a document for its issuer)."""
    tokens = clause.tokens
    start = clause_start(clause, k)
    for i in range(start, max(last, k)):
        if tokens[i].low == preposition and (phrase := phrase_after(clause, i + 1)) is not None:
            found = document_source(clause, phrase)
            return found[0] if found is not None else Subject(phrase, classify(clause, *phrase))
    return Subject(None, None)


def _subject_end(subject: Subject, last: int) -> int:
    """The last token of a cue with a subject after it ("…, said John Smith")."""
    return max(last, subject.phrase[1] - 1) if subject.after and subject.phrase else last


def _clause_end(clause: Clause, k: int) -> int:
    """Index after the last token of the clause holding token ``k``."""
    tokens = clause.tokens
    while k < len(tokens) and not is_boundary(clause, k):
        k += 1
    return k


def _nothing_after(clause: Clause, k: int) -> bool:
    """An English trailing cue ends its clause: "…, Smith said (in a statement)." has no object."""
    tokens, lex = clause.tokens, clause.lex
    i = k + 1
    if i < len(tokens) and tokens[i].low in lex.prepositions:
        phrase = phrase_after(clause, i + 1)
        i = phrase[1] if phrase else i + 1
    return i >= len(tokens) or not tokens[i].is_word or tokens[i].quoted


def _quote_before(clause: Clause, k: int) -> bool:
    """Whether a quotation closes right before the cue ("„…“, sagte er")."""
    tokens = clause.tokens
    j = k - 1
    if j >= 0 and tokens[j].low == ",":
        j -= 1
    return j >= 0 and tokens[j].closes >= 0


def _first_of_cue(cue: Cue) -> int:
    """The first token of the cue with its speaker phrase (for "…, Smith said")."""
    phrase = cue.subject.phrase
    return min(cue.first, phrase[0]) if phrase and not cue.subject.after else cue.first


def _demonstrative_prefield(clause: Clause, k: int) -> bool:
    """ "Das sagte X." / "Die kündigte X an.": the cue refers back to the sentence before."""
    start = clause_start(clause, k)
    return k - start == 1 and clause.tokens[start].low in ("das", "dies", "die", "this", "that")


def message_span(clause: Clause, cue: Cue, cues: list[Cue]) -> tuple[int, int, int | None] | None:
    """Token range of a cue's message, and a quotation that a colon at its end introduces."""
    tokens, lex = clause.tokens, clause.lex
    if cue.direction in ("backward", "whole"):
        if cue.message is None or not 0 <= cue.message[0] < cue.message[1] <= len(tokens):
            return None
        return (*cue.message, None)
    if cue.direction != "forward" or cue.complement is None:
        return None
    start = cue.complement[1]
    end = len(tokens)
    for other in cues:
        if other.first <= start:
            continue
        if other.subject.inherit or other.kind == "colon" or other.direction == "backward":
            # "…, and added", "…, the BBC reported", "…, according to Reuters": the next cue ends it
            end = _first_of_cue(other) if other.direction == "backward" else other.first
            while end > start and tokens[end - 1].low in lex.coordinators | {",", "-", "–"}:
                end -= 1
            break
    if cue.subject.subordinate:
        end = _main_clause_start(clause, start, end)
    colon_quote = None
    for k in range(start, end):
        if tokens[k].low == ":" and k + 1 < len(tokens) and tokens[k + 1].opens >= 0:
            end, colon_quote = k, tokens[k + 1].opens
            break
    return (start, end, colon_quote) if end > start else None


def _main_clause_start(clause: Clause, start: int, end: int) -> int:
    """ "Während X betont, dass die Lage ernst sei, berichten …": the message of a cue in a leading
    subordinate clause ends where the main clause's verb follows a comma."""
    tokens, lex = clause.tokens, clause.lex
    for k in range(start + 1, end - 1):
        token, nxt = tokens[k], tokens[k + 1]
        if token.low != "," or token.quoted or not nxt.is_word or not clause.text[nxt.start].islower():
            continue
        if nxt.low in lex.closed_words or nxt.low in lex.relatives or nxt.low in lex.complementizers:
            continue
        if lex.language == "de" or nxt.low in lex.forms or nxt.low in lex.finite_verbs:
            return k
    return end


def innermost(cues: list[Cue]) -> list[Cue]:
    """Mark the outlets that pass on a statement: in "According to ISNA, the prosecutor said …" or
    "Nach einem Bericht der Zeitung X unter Berufung auf Y …" the inner source speaks."""
    for cue in cues:
        if cue.kind in ("per", "so") and cue.message is not None:
            a, b = cue.message
            cue.passes_on = any(
                other is not cue
                and other.ref is not None
                and not other.subject.inherit
                and a <= other.first < b
                and (cue.direction == "backward" or other.first > cue.last)
                for other in cues
            )
    return cues


def sentence_subject(clause: Clause, before: int) -> Subject:
    """The phrase opening the unit, or the first one after a comma before token ``before``, when it
    names someone (for a cue with no subject of its own: "In a statement, the ministry …, calling")."""
    tokens, lex = clause.tokens, clause.lex
    starts = [0, *(i + 1 for i in range(before) if tokens[i].low == "," and not tokens[i].quoted)]
    # "In einer Mitteilung verurteilte das Ministerium …", "In the filing Ford made this point, writing"
    starts += [
        i
        for i in range(1, before)
        if (i in clause.mentions and clause.mentions[i][0].type in ("person", "organization"))
        or (clause.german and tokens[i].low in lex.determiners)
    ]
    for start in starts:
        if start > 0 and tokens[start - 1].low in lex.prepositions:
            continue
        phrase = phrase_after(clause, start)
        if phrase is not None and phrase[1] <= before:
            ref = classify(clause, *phrase)
            if ref.kind in ("mention", "pronoun", "role"):
                return Subject(phrase, ref)
            if start == 0 and ref.kind in ("anonymous", "unnamed", "group"):
                return Subject(phrase, ref)  # "Einige Analysten halten …, und glauben": nobody named
    return Subject(None, None)
