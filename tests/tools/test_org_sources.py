"""Organisation names and non-actor words from MultiCoNER and DFKI SmartData train splits."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

from tools import org_sources
from tools.build_org_names import build

MULTICONER = """\
# id a\tdomain=train
the O
bank B-CORP
of I-CORP
valdoria I-CORP
said O
prime B-GRP
minister I-GRP
and O
midazolam B-Medication/Vaccine
, O
parkinson B-Disease

# id b\tdomain=train
the O
bank B-ORG
of I-ORG
valdoria I-ORG
met O
red B-GRP
star I-GRP
and O
red B-PER
star I-PER
"""


def _smartdata(path: Path, docs: list[dict[str, object]]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(json.dumps(d, indent=1) for d in docs))


def _doc(doc_id: str, text: str, mentions: list[tuple[str, str]]) -> dict[str, object]:
    array = [
        {"type": kind, "span": {"start": text.index(name), "end": text.index(name) + len(name)}}
        for name, kind in mentions
    ]
    return {"id": doc_id, "text": {"string": text}, "conceptMentions": {"array": array}}


def _data(root: Path) -> Path:
    (root / "multiconer-en").mkdir(parents=True)
    with gzip.open(root / "multiconer-en" / "en_train.conll.gz", "wt", encoding="utf-8") as handle:
        handle.write(MULTICONER.replace(" ", " _ _ "))
    (root / "dfki-smartdata").mkdir()
    train = [
        _doc(
            "1",
            "Die Nordwerke AG und Hofer melden.",
            [("Nordwerke AG", "organization-company"), ("Hofer", "organization")],
        ),
        _doc("2", "Die Südbahn GmbH fährt.", [("Südbahn GmbH", "organization-company")]),
    ]
    _smartdata(root / "dfki-smartdata" / "v1_20180119-train.json.gz", train)
    _smartdata(root / "dfki-smartdata" / "v3_20200302-dev.json.gz", [train[1]])
    return root


def test_names_are_read_from_train_splits_and_held_out_documents_are_skipped(tmp_path: Path) -> None:
    data = _data(tmp_path / "data")
    labels = org_sources.multiconer_labels(data)
    # "red star" is also a person's name there; offices are left out later, by the build
    assert org_sources.multiconer_organizations(labels) == {"bank of valdoria": 2, "prime minister": 1}
    assert org_sources.capitalised("bank of valdoria") == "Bank of Valdoria"
    assert org_sources.capitalised("agence france-presse") == "Agence France-Presse"
    assert org_sources.multiconer_non_actors(labels) == {"midazolam", "parkinson"}
    # document 2 is in the v3 dev split: held out
    assert org_sources.smartdata_organizations(data) == {"Nordwerke AG": 1, "Hofer": 1}


def test_build_writes_found_and_known_names_and_non_actor_words(tmp_path: Path) -> None:
    data = _data(tmp_path / "data")
    out = tmp_path / "out"
    out.mkdir()
    with gzip.open(out / "given_names.tsv.gz", "wt", encoding="utf-8") as handle:
        handle.write("Parkinson\t10\n")
    build(data, out)
    with gzip.open(out / "organizations.tsv.gz", "rt", encoding="utf-8") as handle:
        rows = dict(line.rstrip("\n").split("\t") for line in handle)
    # a single word is only known ("Hofer" is a surname too); an office is no organisation
    assert rows == {"Bank of Valdoria": "1", "Nordwerke AG": "1", "Hofer": "0"}
    with gzip.open(out / "non_actors.tsv.gz", "rt", encoding="utf-8") as handle:
        assert handle.read().splitlines() == ["midazolam"]  # "Parkinson" is a known name


def test_club_stems_drop_the_football_club_suffix_of_names_of_three_words_or_more() -> None:
    organizations = {"brückstadt city f.c.": 2, "valdoria fc": 1, "nordhafen rovers a.f.c.": 1}
    organizations["sparta united fc"] = 1
    labels = {
        "brückstadt city f.c.": Counter({"CORP": 2}),
        "nordhafen rovers a.f.c.": Counter({"GRP": 1}),
        "sparta united": Counter({"LOC": 1}),  # the corpus also tags the rest as a place
    }
    # "valdoria" alone would be one word: the town, not the club
    assert org_sources.club_stems(organizations, labels) == ["brückstadt city", "nordhafen rovers"]
