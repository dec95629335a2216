"""Schema upgrades through Alembic. Only migrating: ``open.py`` decides when, after a verified backup."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from brugapp.store.engine import Store

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


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
    """Bring the store to ``target`` in one transaction (no backup here: see ``open.open_store``)."""
    current = current_revisions(store)
    if current and set(current) == set(head_revisions()) and target == "heads":
        return
    config = _config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
