"""Opening a store: an encrypted SQLCipher file, a plain SQLite file or any SQLAlchemy URL."""

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

SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(UserError):
    """A store could not be opened or used; the message is for the user (already translated)."""


class WrongPassphraseError(StoreError):
    pass


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
    cursor.execute("PRAGMA busy_timeout=5000")
    # 32 MB page cache (default 2 MB): SQLCipher decrypts every page that misses it, and on a busy programme
    # (10,000 families, ~100 MB) the Families page alone reads more than 2 MB of indexes (``brugapp bench``).
    cursor.execute("PRAGMA cache_size=-32768")
    cursor.close()


class Store:
    """An open store: the engine plus one unit-of-work helper for the services."""

    def __init__(self, engine: Engine, info: StoreInfo, passphrase: str | None = None) -> None:
        self.engine = engine
        self.info = info
        self._passphrase = passphrase
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One user action: commit all of it, or roll all of it back."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    @property
    def path(self) -> Path | None:
        return Path(self.info.location) if self.info.is_sqlite and self.info.location else None

    def verify_passphrase(self, passphrase: str) -> bool:
        """Used by the lock screen: the passphrase that opened the store unlocks it again."""
        if not self.info.encrypted:
            return True
        return passphrase == self._passphrase

    def close(self) -> None:
        self.engine.dispose()


def _check_readable(engine: Engine) -> None:
    from brugapp.i18n import _

    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
    except DatabaseError as exc:
        engine.dispose()
        message = str(exc.orig) if exc.orig else str(exc)
        if "file is not a database" in message or "encrypted" in message:
            raise WrongPassphraseError(
                _("The passphrase is not correct. Check capital letters and try again.")
            ) from None
        raise StoreError(_("The data file cannot be opened: {reason}").format(reason=message)) from None


def _encrypted_engine(path: Path, passphrase: str) -> Engine:
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

    return engine


def open_store(
    location: str | Path,
    *,
    passphrase: str | None = None,
    create: bool = False,
    migrate: bool = True,
) -> Store:
    """Open (and by default migrate) a store.

    ``location`` is a file path or a SQLAlchemy URL. A file path with a passphrase is an encrypted
    SQLCipher store; an existing plain SQLite file opens without one. A new file is only made when
    ``create`` is true, so a typo in a path never silently starts an empty store.
    """
    from brugapp.i18n import _
    from brugapp.store import migrations

    text_location = str(location)
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
        if exists and is_plain_sqlite(path):
            passphrase = None
        elif exists and not passphrase:
            raise WrongPassphraseError(_("This data file is encrypted: a passphrase is needed."))
        path.parent.mkdir(parents=True, exist_ok=True)
        if passphrase:
            engine = _encrypted_engine(path, passphrase)
        else:
            engine = create_engine(URL.create("sqlite", database=str(path)), hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        info = StoreInfo(str(path), bool(passphrase), True)

    try:
        _check_readable(engine) if info.is_sqlite else engine.connect().close()
    except OperationalError as exc:
        raise StoreError(_("The data file cannot be opened: {reason}").format(reason=exc.orig)) from None
    store = Store(engine, info, passphrase)
    if migrate:
        migrations.upgrade(store)
    return store
