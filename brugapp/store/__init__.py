"""Persistence: SQLAlchemy models, the (encrypted) engine, migrations, search index, backups.

Opening is three steps in three modules, imported one way: ``open`` → ``migrate``, ``backups`` → ``engine``.
What this package exports imports no SQLAlchemy (``errors``, ``handle``, ``open``): the window's start-up unlocks
the store and fills Vandaag before the database layer is loaded (``brugapp bench``).
"""

from brugapp.store.clean_close import clean_close_recorded
from brugapp.store.errors import DamagedStoreError, StoreBusyError, StoreError, WrongPassphraseError
from brugapp.store.files import is_plain_sqlite
from brugapp.store.handle import Store
from brugapp.store.open import open_store, restore_store

__all__ = ["DamagedStoreError", "Store", "StoreBusyError", "StoreError", "WrongPassphraseError",
           "clean_close_recorded", "is_plain_sqlite", "open_store", "restore_store"]
