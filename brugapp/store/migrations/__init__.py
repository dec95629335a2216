"""Schema upgrades through Alembic, always after a backup copy of an existing store."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

if TYPE_CHECKING:
    from brugapp.store.database import Store

MIGRATIONS_DIR = Path(__file__).resolve().parent


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revisions() -> tuple[str, ...]:
    return tuple(ScriptDirectory.from_config(_config()).get_heads())


def current_revisions(store: Store) -> tuple[str, ...]:
    with store.engine.connect() as connection:
        return tuple(MigrationContext.configure(connection).get_current_heads())


def needs_upgrade(store: Store) -> bool:
    return set(current_revisions(store)) != set(head_revisions())


def upgrade(store: Store, target: str = "heads") -> None:
    """Bring the store to ``target``; a store that already has data is backed up first."""
    from brugapp.store.backup import backup_store

    current = current_revisions(store)
    if current and set(current) == set(head_revisions()) and target == "heads":
        return
    if current and store.path is not None:
        backup_store(store, reason="before-upgrade")
    config = _config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
