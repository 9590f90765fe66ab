"""The command line records the name chosen in the window, unless --user or the environment names one."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli_reading import run
from tests.cli.test_cli_team import SAMPLE


def test_the_window_s_name_is_the_command_line_s_default(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    config = tmp_path / "config"
    (config / "BriefingReader").mkdir(parents=True)
    (config / "BriefingReader" / "settings.ini").write_text(
        '[team]\nuser_name="J\\xfcrgen \\"J\\" M\\xfcller"\n', encoding="utf-8"
    )
    env = {"XDG_CONFIG_HOME": str(config), "BRIEFING_READER_USER": ""}
    run(db, "import", str(SAMPLE), env=env)
    run(db, "annotate", "1", "--quote", "Kriegsspiele", env=env)
    run(db, "--user", "bob", "annotate", "1", "--quote", "Seeminenräumung", env=env)
    run(db, "annotate", "1", "--quote", "Luftverteidigung", env={**env, "BRIEFING_READER_USER": "ops"})
    notes = json.loads(run(db, "annotations", "--json", env=env).stdout)
    assert {n["quote"]: n["author"] for n in notes} == {
        "Kriegsspiele": 'Jürgen "J" Müller',
        "Seeminenräumung": "bob",
        "Luftverteidigung": "ops",
    }
