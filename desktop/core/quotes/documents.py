"""Documents as sources: "according to a statement released by the Supreme Court", "nach einem
Bericht der Zeitung Dawn", "laut einer aktuellen Studie".

A statement, report, study or survey speaks for whoever issued it: the person or organisation
named with it ("by X", "of X", "der X", "von X") is the speaker. A document nobody is named
for is an anonymous source.
"""

from __future__ import annotations

from desktop.core.quotes.clauses import Subject
from desktop.core.quotes.phrases import Clause, Ref, classify, document_noun, phrase_after

_OWNER_REACH = 7  # tokens after the phrase searched for "by X" ("released in 2017 by X")
_OWNER_LINKS = frozenset({"by", "from", "of", "von", "vom", "des", "der", "in", "on", "im"})


def document_source(clause: Clause, phrase: tuple[int, int]) -> tuple[Subject, int] | None:
    """The speaker behind a document phrase, and the token after what names it; None if no document.

    The issuer is the first person or organisation named in the phrase after the document noun,
    or right after the phrase behind a participle and "by"/"from" ("a survey published in 2017
    by the Royal Pharmaceutical Society"). Without one, the document is an anonymous source.
    """
    tokens = clause.tokens
    a, b = phrase
    noun = next(
        (
            i
            for i in range(a, b)
            if i not in clause.mention_at and document_noun(tokens[i].low, clause.lex, clause.german)
        ),
        None,
    )  # not the "Post" of "Washington Post"
    if noun is None:
        return None
    i = noun + 1
    limit = min(len(tokens), b + _OWNER_REACH)
    while i < limit:
        token = tokens[i]
        if i >= b and (token.quoted or not _may_link(clause, i)):
            break
        if i in clause.mentions and clause.mentions[i][0].type in ("person", "organization"):
            owner = phrase_after(clause, i) or (i, clause.mentions[i][1] + 1)
            return Subject(owner, classify(clause, *owner), after=True), max(b, owner[1])
        i += 1
    start, end = tokens[a].start, tokens[b - 1].end
    return Subject(phrase, Ref("document", start, end, word=tokens[noun].low), after=True), b


def _may_link(clause: Clause, i: int) -> bool:
    """A word between a document phrase and its issuer: "released", "in", "2017", "by", "the"."""
    token, lex = clause.tokens[i], clause.lex
    low = token.low
    if not token.is_word:
        return False
    # a German issuer stands in the genitive: "der Studie des Instituts", not "laut Bericht die Stadt"
    genitive = not clause.german or low.endswith(("es", "er"))
    return (
        low in _OWNER_LINKS
        or (low in lex.determiners and genitive)
        or low in lex.time_nouns
        or low.isdigit()
        or (low.endswith(("ed", "en")) and clause.text[token.start].islower())
        or i in clause.mentions
    )
