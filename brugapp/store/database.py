"""Kept so older imports keep working: the engine lives in ``engine.py``, opening in ``open.py``."""

from brugapp.store.engine import (
    DamagedStoreError,
    Store,
    StoreBusyError,
    StoreError,
    StoreInfo,
    WrongPassphraseError,
    is_plain_sqlite,
)
from brugapp.store.open import open_store

__all__ = ["DamagedStoreError", "Store", "StoreBusyError", "StoreError", "StoreInfo", "WrongPassphraseError",
           "is_plain_sqlite", "open_store"]
