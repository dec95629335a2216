"""Backups, restore and the passphrase as the screens ask for them; the store does the work.

The GUI holds a ``Store`` handle and asks here, never the store's own modules.
"""

from __future__ import annotations

import sqlalchemy

from brugapp.store.backups import backup_store, taken_at
from brugapp.store.engine import is_plain_sqlite
from brugapp.store.rekey import change_passphrase


def database_library_version() -> str:
    """For the About dialog's licence line."""
    return sqlalchemy.__version__


__all__ = ["backup_store", "change_passphrase", "database_library_version", "is_plain_sqlite", "taken_at"]
