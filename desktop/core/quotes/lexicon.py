"""The word lists of quote attribution, read once per language from ``resources/quotes/<lang>.yaml``.

The lists are data (reporting verbs with their forms, cue words, anonymous-source nouns,
pronouns); this module only turns them into sets and maps the finder can look up quickly.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from desktop.core.locations import resources_dir

SUPPORTED_LANGUAGES = ("de", "en")


@dataclass(frozen=True)
class Verb:
    """One reporting verb: how it asks for its message and whether it needs a particle."""

    lemma: str
    particle: str | None  # "hinzu" for "fügte ... hinzu", "out" for "pointed out"
    any_clause: bool  # "sagte, er sei ..." counts; else only "dass"/":"/a quotation
    takes_object: bool  # "told reporters that ..."


@dataclass(frozen=True)
class VerbForm:
    """A surface form of a reporting verb and where it stands in its clause."""

    verb: Verb
    final: bool  # participle or joined particle form: stands at the end of its clause
    plural: bool  # German finite plural ("sagten"): "sie" is then plural


@dataclass(frozen=True)
class Lexicon:
    """All word lists of one language, as sets for whole-word lookups."""

    language: str
    forms: dict[str, tuple[VerbForm, ...]]
    particles: frozenset[str]
    as_words: frozenset[str]
    so_words: frozenset[str]
    per_words: tuple[tuple[str, ...], ...]  # "laut", ("according", "to")
    postpositions: frozenset[str]
    per_nouns: frozenset[str]
    per_prepositions: frozenset[str]
    impersonal: frozenset[str]
    impersonal_subject: str
    statement_nouns: frozenset[str]
    source_preposition: str
    complementizers: frozenset[str]
    subordinators: frozenset[str]
    coordinators: frozenset[str]
    anonymous_nouns: frozenset[str]
    anonymous_suffixes: tuple[str, ...]
    spokesperson_suffixes: tuple[str, ...]
    company_nouns: tuple[str, ...]
    institution_nouns: tuple[str, ...]
    person_suffixes: tuple[str, ...]
    masculine: frozenset[str]
    feminine: frozenset[str]
    neuter: frozenset[str]
    plural: frozenset[str]
    first_person: frozenset[str]
    determiners: frozenset[str]
    oblique_determiners: frozenset[str]
    indefinite: frozenset[str]
    adverbs: frozenset[str]
    prepositions: frozenset[str]
    subjunctive: frozenset[str]
    subjunctive_ii: frozenset[str]
    reportative: frozenset[str]
    naming_words: frozenset[str]
    function_words: frozenset[str]
    finite_verbs: frozenset[str]
    not_subjunctive: frozenset[str]

    @property
    def pronouns(self) -> frozenset[str]:
        """Personal pronouns that can be a speaker."""
        return self.masculine | self.feminine | self.plural


def _words(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [w.lower() for w in value.split()]
    return [str(w).lower() for w in value]


def _verb_forms(language: str, entries: dict[str, dict[str, Any]]) -> dict[str, tuple[VerbForm, ...]]:
    forms: dict[str, list[VerbForm]] = {}
    for lemma, spec in entries.items():
        particle = spec.get("particle")
        verb = Verb(
            lemma=lemma,
            particle=str(particle).lower() if particle else None,
            any_clause=spec.get("clause", "any") == "any",
            takes_object=bool(spec.get("object", False)),
        )
        for form in _words(spec.get("forms")):
            final = language == "de" and form.startswith("ge") and particle is None
            plural = language == "de" and form.endswith("en") and not final
            forms.setdefault(form, []).append(VerbForm(verb, final, plural))
        for form in _words(spec.get("joined")):
            forms.setdefault(form, []).append(VerbForm(verb, True, False))
    return {form: tuple(found) for form, found in forms.items()}


def _build(language: str, data: dict[str, Any]) -> Lexicon:
    def words(key: str) -> frozenset[str]:
        return frozenset(_words(data.get(key)))

    def suffixes(key: str) -> tuple[str, ...]:
        return tuple(sorted(_words(data.get(key)), key=len, reverse=True))

    pronouns = data.get("pronouns") or {}
    org_nouns = data.get("org_nouns") or {}
    verbs = _verb_forms(language, data.get("verbs") or {})
    return Lexicon(
        language=language,
        forms=verbs,
        particles=frozenset(f.verb.particle for found in verbs.values() for f in found if f.verb.particle),
        as_words=words("as_words"),
        so_words=words("so_words"),
        per_words=tuple(tuple(p.lower().split()) for p in data.get("per_words") or []),
        postpositions=words("postpositions"),
        per_nouns=words("per_nouns"),
        per_prepositions=words("per_prepositions"),
        impersonal=words("impersonal"),
        impersonal_subject=str(data.get("impersonal_subject", "")).lower(),
        statement_nouns=words("statement_nouns"),
        source_preposition=str(data.get("source_preposition", "")).lower(),
        complementizers=words("complementizers"),
        subordinators=words("subordinators"),
        coordinators=words("coordinators"),
        anonymous_nouns=words("anonymous_nouns"),
        anonymous_suffixes=suffixes("anonymous_suffixes"),
        spokesperson_suffixes=suffixes("spokesperson_suffixes"),
        company_nouns=tuple(_words(org_nouns.get("company"))),
        institution_nouns=tuple(_words(org_nouns.get("institution"))),
        person_suffixes=suffixes("person_suffixes"),
        masculine=frozenset(_words(pronouns.get("masculine"))),
        feminine=frozenset(_words(pronouns.get("feminine"))),
        neuter=frozenset(_words(pronouns.get("neuter"))),
        plural=frozenset(_words(pronouns.get("plural"))),
        first_person=words("first_person"),
        determiners=words("determiners"),
        oblique_determiners=words("oblique_determiners"),
        indefinite=words("indefinite"),
        adverbs=words("adverbs"),
        prepositions=words("prepositions"),
        subjunctive=words("subjunctive"),
        subjunctive_ii=words("subjunctive_ii"),
        reportative=words("reportative"),
        naming_words=words("naming_words"),
        function_words=words("function_words"),
        finite_verbs=words("finite_verbs"),
        not_subjunctive=words("not_subjunctive"),
    )


class _WordLoader(yaml.SafeLoader):
    """YAML without the 1.1 booleans: "on", "no", "yes" and "off" are words here."""


_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def lexicon_path(language: str, folder: Path | None = None) -> Path:
    """Where the word lists of ``language`` are stored."""
    return (folder or resources_dir() / "quotes") / f"{language}.yaml"


@functools.cache
def lexicon(language: str) -> Lexicon | None:
    """The word lists of ``language`` ("de", "en"), loaded once; None for other languages."""
    if language not in SUPPORTED_LANGUAGES:
        return None
    path = lexicon_path(language)
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_WordLoader) or {}
    return _build(language, data)
