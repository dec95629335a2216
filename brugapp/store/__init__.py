"""Persistence: SQLAlchemy models, the (encrypted) engine, migrations, search index, backups."""

from brugapp.store.database import Store, StoreError, WrongPassphraseError, open_store

__all__ = ["Store", "StoreError", "WrongPassphraseError", "open_store"]
