"""Persistence: SQLAlchemy models, the (encrypted) engine, migrations, search index, backups.

Opening is three steps in three modules, imported one way: ``open`` → ``migrate``, ``backups`` → ``engine``.
"""

from brugapp.store.engine import DamagedStoreError, Store, StoreBusyError, StoreError, WrongPassphraseError
from brugapp.store.open import open_store, restore_store

__all__ = ["DamagedStoreError", "Store", "StoreBusyError", "StoreError", "WrongPassphraseError", "open_store",
           "restore_store"]
