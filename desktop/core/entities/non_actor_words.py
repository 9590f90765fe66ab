"""Capitalised words that never name an actor on their own: groups of people by origin or faith,
diseases, currencies, and English words for a kind of institution.

General German and English vocabulary, not names (re-exported by
:mod:`desktop.core.entities.role_words`).
"""

from __future__ import annotations

# Groups of people named by origin or faith: never an actor on their own.
GROUP_NOUNS = frozenset(
    {
        "turks", "kurds", "arabs", "jews", "brits", "swedes", "danes", "poles", "finns", "scots",
        "serbs", "croats", "czechs", "slovaks", "greeks", "shiites", "shias", "sunnis", "hindus",
        "muslims", "christians", "sikhs", "druze", "catholics", "protestants", "jihadists",
        "kurden", "araber", "juden", "muslime", "christen", "sunniten", "schiiten", "jesiden",
        "katholiken", "protestanten", "jihadisten", "dschihadisten", "islamisten", "salafisten",
        "yazidis", "yezidis", "yazidi", "yezidi", "alawites", "alawiten", "jesidinnen", "rohingya",
        "hutus", "tutsis", "hutu", "tutsi", "tamils", "tamilen", "uighurs", "uyghurs", "uiguren",
        "pashtuns", "paschtunen", "tatars", "tataren", "krimtataren", "copts", "kopten", "maronites",
        "maroniten", "bedouins", "beduinen", "ismailis", "ismailiten", "wahhabis", "wahhabiten",
    }
)  # fmt: skip

# Diseases and pathogens, capitalised in news ("Coronavirus", "Ebola"): never an actor.
DISEASE_WORDS = frozenset(
    {
        "corona", "coronavirus", "covid", "covid-19", "sars", "sars-cov-2", "mers", "ebola", "zika",
        "aids", "hiv", "influenza", "malaria", "cholera", "tuberculosis", "polio", "mpox", "measles",
        "masern", "dengue", "typhus", "pest", "omicron", "omikron", "delta-variante",
    }
)  # fmt: skip

# Currencies, capitalised in German ("Euro", "Dollar"): never an actor.
CURRENCY_WORDS = frozenset(
    {
        "euro", "dollar", "pfund", "franken", "rubel", "yen", "yuan", "renminbi", "lira", "krone",
        "kronen", "peso", "rupie", "rupien", "pound", "franc", "ruble", "rouble", "rupee", "zloty",
        "forint", "hrywnja", "hryvnia", "bitcoin", "cent", "cents",
    }
)  # fmt: skip

# English words for a kind of institution; alone ("the Coalition", "Battalion") they name none.
LONE_HEADS_EN = frozenset(
    {
        "coalition", "battalion", "brigade", "regiment", "division", "command", "army", "navy",
        "government", "ministry", "department", "agency", "council", "committee", "commission",
        "court", "parliament", "police", "company", "group", "alliance", "opposition", "regime",
    }
)  # fmt: skip
