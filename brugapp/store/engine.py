"""Unlocking a store: the engine for an encrypted SQLCipher file, a plain SQLite file or any SQLAlchemy URL.

This module only makes the engine, proves the key and checks the pages. Backing up (``backups.py``) and
migrating (``migrate.py``) are separate steps; ``open.py`` runs them in order. Imports point one way:
``open → migrate, backups → engine``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from brugapp.errors import UserError
from brugapp.store.clean_close import record_clean_close

SQLITE_HEADER = b"SQLite format 3\x00"
# How long a write waits for another window's transaction before the user is told BrugApp is busy.
BUSY_TIMEOUT_MS = 5000
# SQLite pages are at least 512 bytes, so a whole store file is a multiple of 512: anything else was cut off.
MIN_PAGE_SIZE = 512


class StoreError(UserError):
    """A store could not be opened or used; the message is for the user (already translated)."""


class WrongPassphraseError(StoreError):
    pass


class DamagedStoreError(StoreError):
    """The file itself is broken (truncated, overwritten, failing its integrity check).

    ``path`` is the damaged file; ``good_backup`` the newest backup that opens and checks clean, when one
    was looked for and found (``open.py`` fills it in), so the user can be offered it.
    """

    def __init__(self, message: str, *, path: Path | None = None, good_backup: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.good_backup = good_backup


class StoreBusyError(StoreError):
    """Another BrugApp window (or process) holds the store for longer than ``BUSY_TIMEOUT_MS``."""


@dataclass(frozen=True)
class StoreInfo:
    location: str  # a path or a URL without password
    encrypted: bool
    is_sqlite: bool


def is_plain_sqlite(path: Path) -> bool:
    """A plain SQLite file starts with a readable header; an encrypted one is random bytes."""
    with path.open("rb") as fh:
        return fh.read(16) == SQLITE_HEADER


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
    # 32 MB page cache (default 2 MB): SQLCipher decrypts every page that misses it, and on a busy programme
    # (10,000 families, ~100 MB) the Families page alone reads more than 2 MB of indexes (``brugapp bench``).
    cursor.execute("PRAGMA cache_size=-32768")
    cursor.close()


def is_busy_error(error: BaseException) -> bool:
    message = str(getattr(error, "orig", None) or error).lower()
    return isinstance(error, OperationalError) and ("locked" in message or "busy" in message)


def busy_error() -> StoreBusyError:
    from brugapp.i18n import _

    return StoreBusyError(_("BrugApp is busy with this notebook in another window. Finish or close what is "
                            "open there and try again; nothing was saved here."))


class Store:
    """An open store: the engine plus one unit-of-work helper for the services."""

    def __init__(self, engine: Engine, info: StoreInfo, passphrase: str | None = None) -> None:
        self.engine = engine
        self.info = info
        self._passphrase = passphrase
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Set by open_store once the integrity check passed (or was skipped for an unchanged file): only then
        # does closing record a clean close (store/clean_close.py).
        self.known_sound = False

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One user action: commit all of it, or roll all of it back."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException as exc:
            session.rollback()
            if is_busy_error(exc):
                raise busy_error() from None
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
        except OperationalError as exc:
            if is_busy_error(exc):
                raise busy_error() from None
            raise
        finally:
            session.rollback()
            session.close()

    @property
    def path(self) -> Path | None:
        return Path(self.info.location) if self.info.is_sqlite and self.info.location else None

    @property
    def passphrase(self) -> str | None:
        """The key, for checking copies made of this store (backups); never logged or shown."""
        return self._passphrase

    def verify_passphrase(self, passphrase: str) -> bool:
        """Used by the lock screen: the passphrase that opened the store unlocks it again."""
        if not self.info.encrypted:
            return True
        return passphrase == self._passphrase

    def rebind(self, engine: Engine, passphrase: str | None) -> None:
        """Point this store at a new engine (after the key changed); widgets holding it keep working."""
        self.engine.dispose()
        self.engine = engine
        self._passphrase = passphrase
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()
        path = self.path
        if self.known_sound and path is not None:
            record_clean_close(path)
            self.known_sound = False  # a second close() records nothing more


def encrypted_engine(path: Path, passphrase: str) -> Engine:
    url = URL.create("sqlite+pysqlcipher", password=passphrase, database=str(path))
    # QueuePool, like a plain file store: pysqlcipher defaults to SingletonThreadPool, which closes an arbitrary
    # other thread's connection once more than five threads have connected, and the GUI runs prints and backups
    # on QThreadPool workers (brugapp/ui/operations.py). Connections are opened with check_same_thread=False and
    # a pool checkout belongs to one thread at a time.
    engine = create_engine(url, hide_parameters=True, poolclass=QueuePool)

    @event.listens_for(engine, "connect")
    def _quiet_cipher_log(dbapi_connection: object, record: object) -> None:
        # SQLCipher prints page-decrypt errors to stderr on a wrong key; the user gets our message.
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.close()

    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def file_engine(path: Path, passphrase: str | None) -> Engine:
    if passphrase:
        return encrypted_engine(path, passphrase)
    engine = create_engine(URL.create("sqlite", database=str(path)), hide_parameters=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def looks_cut_or_wiped(path: Path) -> bool:
    """Damage a passphrase cannot explain: a file cut off mid-page, or a header overwritten with zeros.

    An encrypted file starts with 16 random bytes (the key salt); all zeros there means it was wiped.
    """
    size = path.stat().st_size
    if size < MIN_PAGE_SIZE or size % MIN_PAGE_SIZE:
        return True
    with path.open("rb") as fh:
        head = fh.read(16)
    return head == b"\x00" * 16


def damaged_error(path: Path | None, good_backup: Path | None = None) -> DamagedStoreError:
    from brugapp.i18n import _

    message = _("The data file is damaged (not a wrong passphrase). BrugApp will not use it nor repair it "
                "in place.")
    return DamagedStoreError(message, path=path, good_backup=good_backup)


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
