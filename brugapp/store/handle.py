"""An open store: the engine, one unit-of-work helper for the services, and plain reads for the first screen.

The engine is made when it is first needed. A store unlocked by ``unlock_file.unlock_existing_file`` arrives
with one plain DB-API connection (already keyed) and a recipe for the engine: Vandaag's reads
(``store/today_reads.py``) run on that connection, so the window is filled before SQLAlchemy is even imported
(``brugapp bench``: start-up). Everything else asks for ``engine``, ``session()`` or ``read()`` as always.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from brugapp.store.clean_close import record_clean_close
from brugapp.store.errors import busy_error, is_busy_message

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

class StoreInfo(NamedTuple):  # not a frozen dataclass: made in a fifth of the time (start-up)
    location: str  # a path or a URL without password
    encrypted: bool
    is_sqlite: bool


def is_busy_error(error: BaseException) -> bool:
    from sqlalchemy.exc import OperationalError  # start-up time: only ever asked once SQLAlchemy is in use

    message = str(getattr(error, "orig", None) or error)
    return isinstance(error, OperationalError) and is_busy_message(message)


class Store:
    """An open store: the engine plus one unit-of-work helper for the services."""

    def __init__(self, engine: Engine | None, info: StoreInfo, passphrase: str | None = None, *,
                 make_engine: Callable[[], Engine] | None = None, first_connection: Any = None) -> None:
        if engine is None and make_engine is None:
            raise ValueError("a store needs an engine or a way to make one")
        self._engine = engine
        self._make_engine = make_engine
        self._first_connection = first_connection  # a keyed DB-API connection, until the engine exists
        self._lock = threading.Lock()
        self.info = info
        self._passphrase = passphrase
        self._session_factory: sessionmaker[Session] | None = None
        # Set by open_store once the integrity check passed (or was skipped for an unchanged file): only then
        # does closing record a clean close (store/clean_close.py).
        self.known_sound = False

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    assert self._make_engine is not None
                    self._engine = self._make_engine()
                    self._close_first_connection()
        return self._engine

    def _close_first_connection(self) -> None:
        if self._first_connection is not None:
            self._first_connection.close()
            self._first_connection = None

    @property
    def _sessions(self) -> sessionmaker[Session]:
        if self._session_factory is None:
            from sqlalchemy.orm import sessionmaker  # start-up time: the first screen reads without the ORM

            self._session_factory = sessionmaker(self.engine, expire_on_commit=False)
        return self._session_factory

    def rows(self, sql: str, parameters: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """A plain read (``?`` parameters) on the first connection while there is no engine, else on the engine.

        Values come back as SQLite stores them (dates as ISO text, booleans as 0/1); ``today_reads`` converts.
        """
        with self._lock:
            connection = self._first_connection
            if connection is not None and self._engine is None:
                try:
                    return [tuple(row) for row in connection.execute(sql, tuple(parameters)).fetchall()]
                except Exception as exc:
                    if is_busy_message(str(exc)):
                        raise busy_error() from None
                    raise
        with self.engine.connect() as engine_connection:
            try:
                result = engine_connection.exec_driver_sql(sql, tuple(parameters))
                return [tuple(row) for row in result.fetchall()]
            except Exception as exc:
                if is_busy_error(exc):
                    raise busy_error() from None
                raise

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
        except Exception as exc:
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
        with self._lock:
            self._close_first_connection()
            if self._engine is not None:
                self._engine.dispose()
            self._engine = engine
            self._make_engine = None
        self._passphrase = passphrase
        self._session_factory = None

    def close(self) -> None:
        with self._lock:
            self._close_first_connection()
            if self._engine is not None:
                self._engine.dispose()
        path = self.path
        if self.known_sound and path is not None:
            record_clean_close(path)
            self.known_sound = False  # a second close() records nothing more
