"""Words an English span took in before a name that belong to no name.

The English model sometimes glues the word before a name to it: a compound adjective of a
participle ("Kurdish-led Syrian Democratic Forces", "Virginia-based Symplicity Corporation",
"U.S.-designated Foreign Terrorist Organization"), a weekday that ends a clause before a name
("... on Friday Ford Motor Company said") or a verb of saying that opens a sentence ("Remarked
Center for Biological Diversity ..."). None of these can begin a name, so the span loses the word
when a capitalised word follows it:

- a hyphenated word whose last part is a lower-case participle ("-led", "-based", "-backed",
  "-owned", "-run", "-born", ...); the first part says who leads or where it is based, not the name;
- a weekday's name ("Friday"), unless "the" stands before it: "the Sunday Times" is a paper's name;
- a past-tense verb of saying ("Remarked", "Stated", "Announced");
- the article "A", "Per" and "Former" ("A White House official", "Former United States Central
  Intelligence Agency officer": the office is the name, not the person's former tie to it).

Read on the actor lists of 219 unannotated English Wikinews articles of 2019-2020 (none of them in
the gold set): 5 names changed, 4 right ("Friday Ford Motor Company", "Remarked Center for
Biological Diversity", "Kurdish-led Syrian Democratic Forces", "Virginia-based Symplicity
Corporation"), one still no actor ("U.S.-designated Foreign Terrorist Organization" is now "Foreign
Terrorist Organization", a designation). On 100 chunks of 20 lines of NTREX-128 English news: one
change, right ("Al-Qaeda-linked Nusra Front"); "the Sunday Times" and "the Sunday Telegraph" stay.
The English dev articles of tests/data/actors/dev unchanged; span F1 on UNER English EWT dev and
CrossNER politics dev unchanged (0.738, 0.823).

"A", "Per" and "Former", added later: on the 219 articles one change, right ("Former United States
Central Intelligence Agency"); on NTREX one, right ("A White House"). Dev figures unchanged.
"""

from __future__ import annotations

import re

from desktop.core.types import EntitySpan

_PARTICIPLES = frozenset({"run", "born", "owned", "held", "made", "built", "grown", "known", "bred"})
_COMPOUND = re.compile(r"\S+-([a-z]+)")
_WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
_SAYING = frozenset(
    {
        "Remarked", "Stated", "Announced", "Added", "Explained", "Noted", "Commented", "Claimed",
        "Argued", "Replied", "Responded", "Warned", "Insisted", "Confirmed", "Acknowledged",
        "Tweeted", "Declared", "Asserted", "Observed", "Recalled", "Continued", "Concluded",
    }
)  # fmt: skip
_FUNCTION_WORDS = frozenset({"A", "Per", "Former"})
_THE_BEFORE = re.compile(r"(?:^|\W)[Tt]he\s$")
_FIRST_WORD = re.compile(r"(\S+)(\s+)(?=\S)")


def _stray(word: str, before: str) -> bool:
    match = _COMPOUND.fullmatch(word)
    if match is not None:
        last = match.group(1)
        return last.endswith("ed") or last in _PARTICIPLES
    if word in _WEEKDAYS:
        return _THE_BEFORE.search(before) is None
    return word in _SAYING or word in _FUNCTION_WORDS


def cut_front_words(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """``spans`` with a stray first word cut off (see the module's docstring)."""
    out = []
    for span in spans:
        lead = len(span.text) - len(span.text.lstrip())
        match = _FIRST_WORD.match(span.text, lead)
        if match is not None and _stray(match.group(1), text[max(0, span.start - 4) : span.start]):
            rest = span.text[match.end() :]
            if rest[:1].isupper():
                cut = match.end()
                span = EntitySpan(span.start + cut, span.end, rest, span.type, span.score)
        out.append(span)
    return out
