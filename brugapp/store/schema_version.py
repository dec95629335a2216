"""Which schema a store is at, without Alembic or SQLAlchemy: read from the revision files and one plain query.

On an ordinary day the store is at the heads and nothing more is needed (``migrate.py`` imports Alembic only when
a schema really changes: its import took a third of the app's start-up, ``brugapp bench``).
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

from brugapp.store.handle import Store

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*=\s*(.+?)\s*(?:#.*)?$", re.MULTILINE)


@functools.cache
def declared_heads() -> frozenset[str]:
    """The heads read straight from the revision files (``revision = ...``, ``down_revision = ...``), without
    Alembic: the revisions no other revision names as its parent. The files do not change while the app runs."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        values = dict(_ASSIGNMENT.findall(path.read_text(encoding="utf-8")))
        if "revision" not in values:
            continue
        revisions.add(ast.literal_eval(values["revision"]))
        down = ast.literal_eval(values.get("down_revision", "None"))
        parents.update(down if isinstance(down, tuple) else () if down is None else (down,))
    return frozenset(revisions - parents)


def stored_revisions(store: Store) -> frozenset[str]:
    """What ``alembic_version`` holds, with one plain query (an empty set for a new store)."""
    if store.info.is_sqlite:
        if not store.rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"):
            return frozenset()
        return frozenset(str(row[0]) for row in store.rows("SELECT version_num FROM alembic_version"))
    from sqlalchemy import text  # start-up time: a database server is never the first-screen fast path
    from sqlalchemy.exc import OperationalError, ProgrammingError

    try:
        with store.engine.connect() as connection:
            return frozenset(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())
    except (OperationalError, ProgrammingError):
        return frozenset()
