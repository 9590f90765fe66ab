"""Vocabulary of titles and functions that name a person's role in news text.

General German and English vocabulary (offices, ranks, professions as used in
political and economic reporting), not names. Compounds are recognised by
suffix: "Außenminister", "Luftwaffengeneral" and "US-Präsident" all end in a
word listed here.
"""

from __future__ import annotations

GERMAN_ROLE_NOUNS: tuple[str, ...] = (
    "präsident", "präsidentin", "vizepräsident", "vizepräsidentin",
    "kanzler", "kanzlerin", "vizekanzler", "vizekanzlerin",
    "premierminister", "premierministerin", "ministerpräsident", "ministerpräsidentin",
    "regierungschef", "regierungschefin", "staatschef", "staatschefin", "staatsoberhaupt",
    "minister", "ministerin", "staatssekretär", "staatssekretärin", "senator", "senatorin",
    "generalsekretär", "generalsekretärin", "sekretär", "sekretärin",
    "vorsitzende", "vorsitzender", "parteichef", "parteichefin", "fraktionschef", "fraktionschefin",
    "chef", "chefin", "leiter", "leiterin", "direktor", "direktorin", "gouverneur", "gouverneurin",
    "bürgermeister", "bürgermeisterin", "abgeordnete", "abgeordneter", "botschafter", "botschafterin",
    "gesandte", "gesandter", "sprecher", "sprecherin", "berater", "beraterin", "beauftragte",
    "beauftragter", "kommissar", "kommissarin", "diplomat", "diplomatin",
    "general", "generalin", "admiral", "admiralin", "oberbefehlshaber", "oberbefehlshaberin",
    "befehlshaber", "befehlshaberin", "kommandeur", "kommandeurin", "offizier", "offizierin",
    "oberst", "major", "marschall",
    "amtskollege", "amtskollegin", "kollege", "kollegin", "amtsvorgänger", "amtsvorgängerin",
    "nachfolger", "nachfolgerin", "vorgänger", "vorgängerin",
    "könig", "königin", "prinz", "prinzessin", "kaiser", "kaiserin", "papst", "bischof", "bischöfin",
    "richter", "richterin", "staatsanwalt", "staatsanwältin", "anwalt", "anwältin",
    "unternehmer", "unternehmerin", "manager", "managerin", "gründer", "gründerin", "vorstand",
    "aufsichtsratschef", "konzernchef", "konzernchefin", "geschäftsführer", "geschäftsführerin",
    "ökonom", "ökonomin", "experte", "expertin", "analyst", "analystin", "forscher", "forscherin",
    "professor", "professorin", "journalist", "journalistin", "korrespondent", "korrespondentin",
    "reporter", "reporterin", "autor", "autorin", "trainer", "trainerin", "kapitän", "kapitänin",
    "oppositionsführer", "oppositionsführerin", "außenbeauftragte", "außenbeauftragter",
    "herausforderer", "herausforderin", "kandidat", "kandidatin", "spitzenkandidat", "spitzenkandidatin",
    "aktivist", "aktivistin", "oligarch", "anführer", "anführerin", "machthaber", "diktator",
)

ENGLISH_ROLE_NOUNS: tuple[str, ...] = (
    "president", "vice president", "prime minister", "chancellor", "minister", "secretary",
    "secretary general", "secretary-general", "foreign minister", "defence minister", "defense minister",
    "foreign secretary", "senator", "representative", "congressman", "congresswoman", "governor",
    "mayor", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor",
    "commissioner", "chairman", "chairwoman", "chair", "chief", "chief executive", "ceo", "director",
    "head", "leader", "general", "admiral", "commander", "colonel", "major", "lieutenant", "marshal",
    "king", "queen", "prince", "princess", "emperor", "pope", "bishop", "judge", "justice",
    "attorney general", "prosecutor", "lawyer", "founder", "economist", "analyst", "professor",
    "journalist", "correspondent", "reporter", "counterpart", "predecessor", "successor",
    "candidate", "opposition leader", "speaker", "premier", "dictator",
)

# Honorifics that precede names without being a role worth recording.
HONORIFICS = frozenset(
    "herr frau dr dr. prof prof. mr mr. mrs mrs. ms ms. sir dame lord lady".split()
)


def _by_length(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


GERMAN_ROLES_LONGEST_FIRST = _by_length(GERMAN_ROLE_NOUNS)
ENGLISH_ROLES_LONGEST_FIRST = _by_length(ENGLISH_ROLE_NOUNS)
