"""Test-only entry point: import files with the fast name-list recogniser (real storage path).

    python tests/reliability/import_worker.py DB_URL GO_FILE PATH...

Prints "ready" once loaded, waits until GO_FILE exists (so that several workers start
together), imports the paths and prints the results as one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from desktop.core.entities.gazetteer import default_gazetteer
from desktop.services.importer import Importer
from desktop.storage.db import open_library
from tools.bench_crash import NameRecognizer, synthetic_article


def main(argv: list[str]) -> int:
    url, go_file, *paths = argv
    gazetteer = default_gazetteer()
    gazetteer.place(synthetic_article(0, 0))  # load the place tables before the start signal
    library = open_library(url)
    importer = Importer(library, NameRecognizer(), gazetteer=gazetteer)
    print("ready", flush=True)
    deadline = time.monotonic() + 60
    while not Path(go_file).exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    results = importer.import_paths([Path(p) for p in paths])
    print(json.dumps([r.as_json() for r in results]), flush=True)
    library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
