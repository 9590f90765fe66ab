"""The schema revisions this version of the app ships, read from the migration files' text.

No Alembic and no SQLAlchemy: a command that only reads a library at the newest schema checks it
against these without importing either (tests/storage/test_open_cost.py compares them with Alembic's).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

_REVISION_RE = re.compile(r"^revision\b[^=\n]*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN_REVISION_RE = re.compile(r"^down_revision\b[^=\n]*=(.*)$", re.MULTILINE)


@functools.cache
def revision_graph() -> dict[str, tuple[str, ...]]:
    """Each shipped revision with the revisions it follows, read from the migration files' text."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        revision = _REVISION_RE.search(source)
        if revision is None:
            continue
        down = _DOWN_REVISION_RE.search(source)
        graph[revision.group(1)] = tuple(re.findall(r"[\"']([^\"']+)[\"']", down.group(1))) if down else ()
    return graph


def head_revisions() -> tuple[str, ...]:
    """The head revision id(s) shipped with this version of the app."""
    graph = revision_graph()
    followed = {down for downs in graph.values() for down in downs}
    return tuple(sorted(rev for rev in graph if rev not in followed))
