"""The command line the word-list builders share: ``--data`` and ``--out``, the counts as one line of
JSON, and one clear line (exit 2) when the data is missing."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from tools.build_gazetteer import REPO, default_data_dir

GAZETTEER = REPO / "resources" / "gazetteer"


def run_build(
    argv: list[str] | None,
    *,
    prog: str,
    description: str | None,
    out_name: str,
    build: Callable[[argparse.Namespace], dict[str, int]],
    configure: Callable[[argparse.ArgumentParser], None] | None = None,
) -> int:
    """Parse ``argv`` (``--data``, ``--out`` defaulting to ``out_name`` in resources/gazetteer, and
    what ``configure`` adds), run ``build`` and print its counts."""
    parser = argparse.ArgumentParser(prog=f"python -m {prog}", description=description)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--out", type=Path, default=GAZETTEER / out_name)
    if configure is not None:
        configure(parser)
    args = parser.parse_args(argv)
    try:
        print(json.dumps(build(args)))
    except FileNotFoundError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    return 0
