"""Unlocking an existing encrypted store without SQLAlchemy: the start-up's fast path.

The page key is derived from the passphrase by ``page_key.raw_key`` (Argon2id for a store BrugApp makes now,
SQLCipher 4's PBKDF2 for one made before), not inside SQLCipher. That has two gains: the derivation lets go of the
interpreter lock while it works, so it overlaps the import of Qt and the window (``brugapp bench``: start-up),
and every later connection of the pool opens with the raw key (``PRAGMA key = "x'…'"``) in milliseconds instead
of deriving it again.

The derived key is only a faster way in: when it does not open the file (another SQLCipher version's settings, a
wrong passphrase, a damaged file), ``unlock_existing_file`` returns None and ``open_store`` takes the ordinary
path, which tells a wrong passphrase from a damaged file. Like the passphrase, the key is never logged.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from brugapp.page_key import raw_key
from brugapp.store.files import connection_pragmas, is_plain_sqlite, looks_cut_or_wiped
from brugapp.store.handle import Store, StoreInfo

if TYPE_CHECKING:
    from sqlalchemy import Engine

def connect_with_raw_key(path: Path, key: str) -> Any:
    """A keyed DB-API connection with the settings every store connection gets; raises when the key is wrong."""
    import sqlcipher3  # start-up time: the C module alone, not SQLAlchemy

    connection = sqlcipher3.connect(str(path), check_same_thread=False)
    try:
        connection.execute(f'PRAGMA key = "{key}"')
        connection.execute("PRAGMA cipher_log_level = NONE")  # our message, not SQLCipher's, on a bad page
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # proves the key
        for pragma in connection_pragmas():
            connection.execute(pragma)
    except Exception:
        connection.close()
        raise
    return connection


def unlock_existing_file(path: Path, passphrase: str) -> Store | None:
    """The store at ``path`` opened with one keyed connection and the engine made later; None when this fast
    path does not apply or does not open it (``open_store`` then takes the ordinary path)."""
    try:
        if path.stat().st_size == 0 or looks_cut_or_wiped(path):
            return None
        if is_plain_sqlite(path):
            return None  # a plain file: no key to derive
        key = raw_key(path, passphrase)  # derived once (page_key.py): the unlock worker may have done it
        connection = connect_with_raw_key(path, key)
    except Exception:  # whatever it is, the ordinary path finds it again and names it for the user
        return None

    def make_engine() -> Engine:
        from brugapp.store.engine import encrypted_engine  # start-up time: SQLAlchemy after the first screen

        return encrypted_engine(path, key)

    return Store(None, StoreInfo(str(path), True, True), passphrase, make_engine=make_engine,
                 first_connection=connection)
