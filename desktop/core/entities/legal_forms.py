"""A company named once with its legal form is the same company where the text leaves it off.

News names a company in full once ("die Energie Steiermark AG", "Acme Holdings Inc.") and then
without the legal form ("die Energie Steiermark"). Where a model tags the short form alone, it may
give it another type (the place in "Energie Steiermark") or list it as a second organisation. (A
company's first word alone is not taken for it: "ORF Mediaservice GmbH" is not the "ORF".)

- :func:`short_company_spans`: a name of two or more words left after taking the legal form off is
  the company wherever the text writes it (the spans inside it give way), unless it is a known
  place's name.
- :func:`short_company_pairs`: which organisation of an article (match keys) is the short form of
  which one with a legal form, for linking: the name without its legal form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from desktop.core.entities.occurrences import occurrences
from desktop.core.entities.organizations import replace_spans
from desktop.core.types import EntitySpan

LEGAL_FORMS = frozenset(
    {
        "AG", "GmbH", "SE", "KG", "KGaA", "OG", "eG", "Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.",
        "plc", "PLC", "LLC", "S.A.", "SA", "N.V.", "NV", "B.V.", "S.p.A.", "SpA", "ASA", "Oyj",
    }
)  # fmt: skip
_KEYS = frozenset(form.lower().strip(".,'’") for form in LEGAL_FORMS)
# words after a company's own name: "Ford Motor Company", "Burisma Holdings", "Acme Group Inc"
_COMPANY_TAIL = _KEYS | frozenset(
    {
        "motor", "motors", "company", "co", "corporation", "holdings", "holding", "group", "industries",
        "enterprises", "technologies", "airlines", "airways", "pharmaceuticals", "studios", "records",
        "telecom", "software", "entertainment", "media", "networks", "systems", "international",
    }
)  # fmt: skip


def _without_form(words: list[str], forms: frozenset[str]) -> list[str] | None:
    """The words before a legal form ending the name ("Elektrizitäts-AG" ends in one too)."""
    last = words[-1]
    if len(words) >= 2 and last in forms:
        return words[:-1]
    head, _, tail = last.rpartition("-")
    if head and tail in forms:
        return [*words[:-1], head]
    return None


def short_company_spans(
    text: str, spans: list[EntitySpan], is_place: Callable[[str], bool]
) -> list[EntitySpan]:
    """``spans`` with the companies' names without their legal form as organisations (see the module)."""
    shorts = set()
    for span in spans:
        words = span.text.split()
        if span.type == "organization" and (short := _without_form(words, LEGAL_FORMS)) and len(short) >= 2:
            name = " ".join(short)
            if not is_place(name):
                shorts.add(name)
    if not shorts:
        return spans
    found = [EntitySpan(a, b, name, "organization", 0.5) for a, b, name in occurrences(text, shorts)]

    def accept(candidate: EntitySpan, overlapped: list[EntitySpan]) -> bool:
        inside = all(candidate.start <= s.start and s.end <= candidate.end for s in overlapped)
        return inside and not any(s.type == "organization" and s.text == candidate.text for s in overlapped)

    return replace_spans(spans, found, accept)


def short_company_pairs(keys: Iterable[str], is_organization: Callable[[str], bool]) -> list[tuple[str, str]]:
    """Pairs (keep, drop) of organisations' match keys: a name with its legal form (or its company
    words: "Ford Motor Company") and the same name without it, if the article lists it; a short form
    that two companies share joins neither."""
    orgs = [key for key in keys if is_organization(key)]
    known = set(orgs)
    owners: dict[str, list[str]] = {}
    for key in orgs:
        words = key.split()
        short = _without_form(words, _KEYS)
        if short is None and 2 <= len(words) <= 4 and all(w in _COMPANY_TAIL for w in words[1:]):
            short = words[:1]  # "Ford Motor Company" and "Ford", "Burisma Holdings" and "Burisma"
        if short is None:
            continue
        form = " ".join(short)
        if form in known:
            owners.setdefault(form, []).append(key)
    return [(longs[0], short) for short, longs in sorted(owners.items()) if len(longs) == 1]
