"""Schema upgrades through Alembic. Only migrating: ``open.py`` decides when, after a verified backup.

Alembic is imported only when a schema really changes: its import took a third of the app's start-up
(``brugapp bench``), and on an ordinary day the store is already at the heads. Whether it is, is read from the
revision files and one plain query (``declared_heads``, ``stored_revisions``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brugapp.store.handle import Store
from brugapp.store.schema_version import MIGRATIONS_DIR, declared_heads, stored_revisions

if TYPE_CHECKING:
    from alembic.config import Config



def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revisions() -> tuple[str, ...]:
    from alembic.script import ScriptDirectory

    return tuple(ScriptDirectory.from_config(_config()).get_heads())


def current_revisions(store: Store) -> tuple[str, ...]:
    from alembic.runtime.migration import MigrationContext

    with store.engine.connect() as connection:
        return tuple(MigrationContext.configure(connection).get_current_heads())


def needs_upgrade(store: Store) -> bool:
    if is_current(store):
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


def is_current(store: Store) -> bool:
    """The store is at the heads, read without Alembic (and, on the first screen's connection, without SQLAlchemy)."""
    return stored_revisions(store) == declared_heads()


__all__ = ["current_revisions", "declared_heads", "head_revisions", "is_current", "needs_upgrade",
           "stored_revisions", "upgrade"]
