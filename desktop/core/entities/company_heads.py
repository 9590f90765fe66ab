"""The first word of an English organisation's name, typed alone as a person, is that organisation.

Read on the actor lists of 219 unannotated English Wikinews articles of 2019-2020 (none of them in
the gold set), the English model types a company's short name as a person where the text names
the company in full elsewhere ("Ford Motor Company" ... "Ford's internal emission testing",
"Burisma Holdings" ... "Burisma", "Saha Airlines" ... "Saha"). In English text a one-word span
typed a person is an organisation when a span of the text typed an organisation begins with that
word and goes on with a capitalised word (not "Velor & Brann", a firm named after people), and no
person's name of two words or more in the text holds the word.

Measured on those 219 articles: 5 changes; 4 actors retyped, right ("Ford", "Burisma", "Saha",
"Mazars" are organisations, though still apart from the full name), and "Marvel" of "the 2018 Marvel
superhero film" (before dropped as a lone person) is now an organisation beside "Marvel Studios"
(the studio; counted right). On 100 chunks of 20 lines of NTREX-128 English news: no change. The
English dev articles of tests/data/actors/dev unchanged; span F1 on UNER English EWT dev and
CrossNER politics dev unchanged (0.738, 0.824).
"""

from __future__ import annotations

from desktop.core.types import EntitySpan


def company_short_names(spans: list[EntitySpan]) -> list[EntitySpan]:
    """``spans`` with a person's one-word span that begins an organisation's name retyped."""
    heads = set()
    for span in spans:
        words = span.text.split()
        if span.type == "organization" and len(words) >= 2 and words[1][:1].isupper():
            heads.add(words[0])
    if not heads:
        return spans
    people = {w for s in spans if s.type == "person" and len(s.text.split()) >= 2 for w in s.text.split()}
    return [
        EntitySpan(s.start, s.end, s.text, "organization", s.score)
        if s.type == "person" and (bare := _bare(s.text)) in heads and bare not in people
        else s
        for s in spans
    ]


def _bare(name: str) -> str:
    return name.strip().removesuffix("'s").removesuffix("’s")
