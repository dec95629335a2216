"""Has anything been saved since a list was read? A cheap answer, so a page shown again need not read 10,000 rows.

``data_version(store)`` changes whenever something may have been written to the store:

- every commit in this process, counted by two SQLAlchemy events on every engine and session (the connection's
  ``commit`` before the commit is sent, the session's ``after_commit`` after it is done, so a list read on the GUI
  thread while a worker commits is read again next time);
- every write by another process (the ``brugapp`` command line beside the window): the store file and its
  write-ahead log change size or modification time on each commit and checkpoint.

A version that changes when nothing changed only costs a re-read; one that stays the same after a save would show
old data, so everything that may write counts. Reading never changes the version.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from brugapp.store import Store

_lock = threading.Lock()
_commits = 0


def _count_commit(*_args: object) -> None:
    global _commits
    with _lock:
        _commits += 1


def _count_connection_commit(_connection: Connection) -> None:
    _count_commit()


event.listen(Engine, "commit", _count_connection_commit)
event.listen(Session, "after_commit", _count_commit)


def _file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:  # no write-ahead log at this moment (after a checkpoint on close)
        return None
    return stat.st_mtime_ns, stat.st_size


def data_version(store: Store) -> tuple[object, ...]:
    """Equal to an earlier answer only when nothing was committed to ``store`` in between (two file stats)."""
    path = store.path
    if path is None:  # in memory: only this process can write
        return (_commits,)
    return (_commits, _file_stamp(path), _file_stamp(path.with_name(path.name + "-wal")))
