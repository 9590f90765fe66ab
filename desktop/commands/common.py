"""What every subcommand shares: opening the library, JSON output, the user-error type."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import Any, TextIO

Handler = Callable[[argparse.Namespace, TextIO], int]


class UserError(Exception):
    """An error the user can fix; printed as one line, exit status 1."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def emit(data: Any, out: TextIO) -> None:
    """Write ``data`` as indented JSON (non-ASCII kept as is)."""
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def open_library(args: argparse.Namespace) -> Any:
    """Open the selected library; a brand-new default library starts with the sample briefing."""
    from desktop.storage.db import ENV_VAR, default_database_path, open_library, resolve_database_url

    is_default = args.db is None and not os.environ.get(ENV_VAR)
    is_new = is_default and not default_database_path().exists()
    library = open_library(resolve_database_url(args.db, os.environ))
    if is_new and args.command != "import":
        from desktop.services.recognition import library_recognizer
        from desktop.services.seeding import seed_if_empty

        for result in seed_if_empty(library, library_recognizer(library)):
            sys.stderr.write(f"first start: sample {result.status} as article {result.id}: {result.title}\n")
    return library
