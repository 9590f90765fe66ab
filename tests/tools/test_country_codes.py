"""Country abbreviations read from countrynames' data.yaml."""

from __future__ import annotations

import gzip
from pathlib import Path

from desktop.core.entities.gazetteer import Gazetteer
from tools.build_gazetteer import build_country_codes, country_code_rows

DATA = """\
VX:
  - Valdoria
  - VXA
  - "UVD"
  - U.V.
  - Ohio Valley
  - LONGER
VY:
  - Vyland
  - UVD
GB-SCT:
  - SCO
"""


def test_country_abbreviations_from_the_country_names_data(tmp_path: Path) -> None:
    (tmp_path / "countrynames").mkdir()
    (tmp_path / "countrynames" / "data.yaml").write_text(DATA, encoding="utf-8")
    rows = dict(country_code_rows(tmp_path))
    # two-letter keys and capital forms of two or three letters; "UVD" is listed twice, "SCO" under no ISO key
    assert rows == {"VX": "T:VX", "VXA": "T:VX", "VY": "T:VY"}
    out = tmp_path / "out"
    out.mkdir()
    assert build_country_codes(tmp_path, out) == 3
    with gzip.open(out / "country_codes.tsv.gz", "rt", encoding="utf-8") as handle:
        assert handle.read().splitlines() == ["VX\tT:VX", "VXA\tT:VX", "VY\tT:VY"]
    assert Gazetteer.load(out).country_codes == rows
    assert list(country_code_rows(tmp_path / "missing")) == []
