"""Schema upgrades through Alembic. Only migrating: ``open.py`` decides when, after a verified backup.

Alembic is imported only when a schema really changes: its import took a third of the app's start-up
(``brugapp bench``), and on an ordinary day the store is already at the heads. Whether it is, is read from the
revision files and one plain query (``declared_heads``, ``stored_revisions``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import OperationalError, ProgrammingError

from brugapp.store.engine import Store

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*=\s*(.+?)\s*(?:#.*)?$", re.MULTILINE)


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revisions() -> tuple[str, ...]:
    from alembic.script import ScriptDirectory

    return tuple(ScriptDirectory.from_config(_config()).get_heads())


def declared_heads() -> frozenset[str]:
    """The heads read straight from the revision files (``revision = ...``, ``down_revision = ...``), without
    Alembic: the revisions no other revision names as its parent."""
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
    try:
        with store.engine.connect() as connection:
            return frozenset(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())
    except (OperationalError, ProgrammingError):
        return frozenset()


def current_revisions(store: Store) -> tuple[str, ...]:
    from alembic.runtime.migration import MigrationContext

    with store.engine.connect() as connection:
        return tuple(MigrationContext.configure(connection).get_current_heads())


def needs_upgrade(store: Store) -> bool:
    if stored_revisions(store) == declared_heads():
        return False  # the ordinary day: no Alembic import at all
    return set(current_revisions(store)) != set(head_revisions())


def upgrade(store: Store, target: str = "heads") -> None:
    """Bring the store to ``target`` in one transaction (no backup here: see ``open.open_store``)."""
    if target == "heads" and stored_revisions(store) == declared_heads():
        return
    from alembic import command

    current = current_revisions(store)
    if current and set(current) == set(head_revisions()) and target == "heads":
        return
    config = _config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
