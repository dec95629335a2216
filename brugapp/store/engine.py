"""Unlocking a store: the engine for an encrypted SQLCipher file, a plain SQLite file or any SQLAlchemy URL.

This module only makes the engine, proves the key and checks the pages. Backing up (``backups.py``) and
migrating (``migrate.py``) are separate steps; ``open.py`` runs them in order. Imports point one way:
``open → migrate, backups → engine``.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from brugapp.page_key import cipher_key, new_file_key
from brugapp.store.changes import count_commit
from brugapp.store.errors import (
    DamagedStoreError,
    StoreBusyError,
    StoreError,
    WrongPassphraseError,
    busy_error,
    damaged_error,
)
from brugapp.store.files import connection_pragmas, is_plain_sqlite, looks_cut_or_wiped
from brugapp.store.handle import Store, StoreInfo, is_busy_error

# Every commit of every engine and session counts for ``changes.data_version`` (registered once, with the engine
# module: nothing is committed through SQLAlchemy before it is imported).
event.listen(Engine, "commit", count_commit)
event.listen(Session, "after_commit", count_commit)


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    for pragma in connection_pragmas():
        cursor.execute(pragma)
    cursor.close()


def encrypted_engine(path: Path, key: str) -> Engine:
    """``key``: what ``PRAGMA key`` gets, a passphrase or a raw key ``x'…'`` (``page_key.cipher_key``)."""
    url = URL.create("sqlite+pysqlcipher", password=key, database=str(path))
    # QueuePool, like a plain file store: pysqlcipher defaults to SingletonThreadPool, which closes an arbitrary
    # other thread's connection once more than five threads have connected, and the GUI runs prints and backups
    # on QThreadPool workers (brugapp/ui/operations.py). Connections are opened with check_same_thread=False and
    # a pool checkout belongs to one thread at a time.
    engine = create_engine(url, hide_parameters=True, poolclass=QueuePool, pool_use_lifo=True)

    @event.listens_for(engine, "connect")
    def _quiet_cipher_log(dbapi_connection: object, record: object) -> None:
        # SQLCipher prints page-decrypt errors to stderr on a wrong key; the user gets our message.
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.close()

    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def file_engine(path: Path, passphrase: str | None) -> Engine:
    if passphrase:  # a new file is keyed with Argon2id; an existing one as it was made (page_key.py)
        made = path.exists() and path.stat().st_size > 0
        return encrypted_engine(path, cipher_key(path, passphrase) if made else new_file_key(passphrase))
    engine = create_engine(URL.create("sqlite", database=str(path)), hide_parameters=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _classify_unreadable(exc: DatabaseError, path: Path | None, encrypted: bool) -> StoreError:
    from brugapp.i18n import _

    message = str(exc.orig) if exc.orig else str(exc)
    if is_busy_error(exc):
        return busy_error()
    if path is not None and path.exists() and looks_cut_or_wiped(path):
        return damaged_error(path)
    if "file is not a database" in message or "encrypted" in message:
        if encrypted:
            return WrongPassphraseError(_("The passphrase is not correct. Check capital letters and try again."))
        return damaged_error(path)
    if "malformed" in message or "corrupt" in message:
        return damaged_error(path)
    return StoreError(_("The data file cannot be opened: {reason}").format(reason=message))


def check_integrity(store: Store) -> list[str]:
    """``PRAGMA quick_check``: every page readable and well-formed. Empty list = clean."""
    if not store.info.is_sqlite:
        return []
    try:
        with store.engine.connect() as connection:
            rows = [str(row[0]) for row in connection.execute(text("PRAGMA quick_check"))]
    except DatabaseError as exc:
        if is_busy_error(exc):
            raise busy_error() from None
        return [str(exc.orig or exc)]
    return [] if rows == ["ok"] else rows


def unlock(location: str | Path, *, passphrase: str | None = None, create: bool = False) -> Store:
    """Make the engine and prove the key; raise ``WrongPassphraseError`` / ``DamagedStoreError`` / ``StoreError``.

    ``location`` is a file path or a SQLAlchemy URL. A file path with a passphrase is an encrypted
    SQLCipher store; an existing plain SQLite file opens without one. A new file is only made when
    ``create`` is true, so a typo in a path never silently starts an empty store.
    """
    from brugapp.i18n import _

    text_location = str(location)
    path: Path | None = None
    if "://" in text_location:
        url = make_url(text_location)
        engine = create_engine(url, hide_parameters=True)
        is_sqlite = url.get_backend_name() == "sqlite"
        info = StoreInfo(url.render_as_string(hide_password=True), False, is_sqlite)
        if is_sqlite:
            event.listen(engine, "connect", _sqlite_pragmas)
            info = StoreInfo(url.database or "", False, True)
    else:
        path = Path(location).expanduser()
        exists = path.exists() and path.stat().st_size > 0
        if not exists and not create:
            raise StoreError(_("No data file at {path}.").format(path=path))
        if exists and looks_cut_or_wiped(path):
            raise damaged_error(path)  # whatever the passphrase: no key explains a cut-off or wiped file
        if exists and is_plain_sqlite(path):
            passphrase = None
        elif exists and not passphrase:
            raise WrongPassphraseError(_("This data file is encrypted: a passphrase is needed."))
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = file_engine(path, passphrase)
        info = StoreInfo(str(path), bool(passphrase), True)

    try:
        with engine.connect() as connection:
            if info.is_sqlite:
                connection.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
    except DatabaseError as exc:
        engine.dispose()
        raise _classify_unreadable(exc, path, bool(passphrase)) from None
    return Store(engine, info, passphrase)


__all__ = ["DamagedStoreError", "Store", "StoreBusyError", "StoreError", "StoreInfo", "WrongPassphraseError",
           "busy_error", "check_integrity", "damaged_error", "encrypted_engine", "file_engine", "is_busy_error",
           "is_plain_sqlite", "looks_cut_or_wiped", "unlock"]
