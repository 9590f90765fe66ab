"""NTREX-128 news lines without the documents of the actor gold (tests/data/actors).

The gold's NTREX articles name their document in their ``source`` ("... document bbc.381790,
lines ..."); the list builders that read NTREX text skip those documents' lines in every language
(the German reference and the English source are the same documents).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_DOCUMENT = re.compile(r"\bdocument (\S+?),")


def gold_documents(gold: Path = REPO / "tests" / "data" / "actors") -> frozenset[str]:
    """Ids of the NTREX documents the actor gold holds."""
    found: set[str] = set()
    for meta in gold.glob("*/*.json"):
        source = str(json.loads(meta.read_text(encoding="utf-8")).get("source", ""))
        if "NTREX" in source:
            found.update(_DOCUMENT.findall(source))
    return frozenset(found)


def ntrex_lines(path: Path, held_out: frozenset[str]) -> Iterator[str]:
    """The lines of one NTREX file (``path``), without those of the ``held_out`` documents (by the
    folder's DOCUMENT_IDS.tsv; all lines when it is missing)."""
    ids_path = path.parent / "DOCUMENT_IDS.tsv"
    ids = ids_path.read_text(encoding="utf-8").splitlines() if ids_path.exists() else []
    with path.open(encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            document = ids[index].split("\t")[-1] if index < len(ids) else ""
            if document not in held_out:
                yield line
