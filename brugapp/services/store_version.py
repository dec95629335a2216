"""Whether anything was written to a store since a moment: a version that changes with every write.

A screen that shows what it read earlier (the year report, Vandaag on a return visit) compares the version it
read at with the current one instead of reading everything again:

- every commit through the store's engine (this process: every service) raises a counter;
- the file's size and modification time, and its write-ahead log's, are part of it, so a write by another
  process (the ``brugapp`` command on the same file) counts too.

Read the version *before* reading the data: a commit that lands in between then makes the data stale.
A store without a file (a shared server store, a later step) has only this process's commits: a team's other
writers would need a change counter kept in the store itself.
"""

from __future__ import annotations

import threading
import weakref
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

from brugapp.store import Store

_lock = threading.Lock()
_commits: weakref.WeakKeyDictionary[Engine, list[int]] = weakref.WeakKeyDictionary()


def _commit_counter(engine: Engine) -> list[int]:
    """A counter raised by every commit on ``engine`` (listened to from the first question on)."""
    with _lock:
        counter = _commits.get(engine)
        if counter is None:
            counter = _commits[engine] = [0]

            def _committed(_connection: object) -> None:
                counter[0] += 1

            event.listen(engine, "commit", _committed)
        return counter


def _file_stamp(path: Path | None) -> tuple[int, ...]:
    if path is None:
        return ()
    stamp: list[int] = []
    for part in (path, path.with_name(path.name + "-wal")):
        try:
            info = part.stat()
        except OSError:
            stamp += [-1, -1]
            continue
        stamp += [info.st_size, info.st_mtime_ns]
    return tuple(stamp)


def store_version(store: Store) -> object:
    """Changes whenever something was written to the store, by this process or another one."""
    engine = store.engine
    return (id(engine), _commit_counter(engine)[0], _file_stamp(store.path))
