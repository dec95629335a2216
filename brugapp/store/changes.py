"""Has anything been saved since a screen read its data? A cheap answer, so a page shown again need not read
10,000 rows and a kept year report need not be counted again.

``data_version(store)`` changes whenever something may have been written to the store:

- every commit in this process: ``store/engine.py`` counts the connection's ``commit`` (before it is sent) and
  the session's ``after_commit`` (after it is done) on every engine and session, so a list read on the GUI thread
  while a worker commits is read again next time;
- every write by another process (the ``brugapp`` command line beside the window): the store file and its
  write-ahead log change size or modification time on each commit and checkpoint.

A version that changes when nothing changed only costs a re-read; one that stays the same after a save would show
old data, so everything that may write counts. Reading never changes the version. Read the version *before*
reading the data: a commit that lands in between then makes the data stale. No SQLAlchemy here: Vandaag asks
before the database layer is imported (start-up time), and nothing can have been committed through it before.
A store without a file (a shared server store) has only this process's commits.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from brugapp.store.handle import Store

_lock = threading.Lock()
_commits = 0


def count_commit(*_args: object) -> None:
    """Listener for every commit (registered by ``store/engine.py``)."""
    global _commits
    with _lock:
        _commits += 1


def _file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:  # no write-ahead log at this moment (after a checkpoint on close)
        return None
    return stat.st_mtime_ns, stat.st_size


def data_version(store: Store) -> tuple[object, ...]:
    """Equal to an earlier answer only when nothing was committed to ``store`` in between (two file stats)."""
    path = store.path
    if path is None:  # in memory or a server: only this process's commits are seen
        return (_commits,)
    return (_commits, _file_stamp(path), _file_stamp(path.with_name(path.name + "-wal")))
