"""Unlocking on a worker thread while Qt and the window are imported and built (no Qt in this module).

The key derivation (``page_key.py``: Argon2id, ~25 ms on a fast laptop; ~0.15 s for a store made before, which
keeps PBKDF2) runs in C without the interpreter lock, so on a second core it overlaps the import of PySide6 and
of the window's modules. The worker does not read Vandaag ahead for the window: beside the window's building
those reads took turns with it at the interpreter lock, and the window then waited for them (``brugapp bench``:
the start 6-7 ms slower than the window reading Vandaag itself, ~3 ms from a cold cache).

``brugapp bench`` measures a start with the passphrase on stdin (hidden switch ``BRUGAPP_BENCH_STARTUP``): the
person "typed" it before the process started, so unlocking starts before Qt is even imported.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brugapp.store import Store

# Hidden switch for ``brugapp bench`` (brugapp/bench/processes.py): the passphrase comes on stdin, and the app
# prints the wall-clock time and quits as soon as the main window is shown with its first page filled.
BENCH_STARTUP_ENV = "BRUGAPP_BENCH_STARTUP"
BENCH_DIALOG = "dialog"  # the same switch's other value: quit as soon as the unlock window is shown
BENCH_TYPED = "typed"  # and another: the passphrase typed into that window, Enter, until Vandaag is filled
BENCH_TYPING_MS = 1500  # a person typing a passphrase: meanwhile the window's modules are imported


class Unlocking:
    """A store being opened on a worker thread; ``opened()`` waits for it (or raises what opening raised).

    The worker derives the key at once, then waits until the store is asked for before it opens it: opening is
    Python work (imports, the first connection), and beside Qt's import on the main thread the two would take
    turns at the interpreter lock, each waiting for the other (``brugapp bench``: the start 10-60 ms slower).
    """

    def __init__(self, location: Path, passphrase: str) -> None:
        self._store: Store | None = None
        self._error: BaseException | None = None
        self._asked = threading.Event()  # set once the store is asked for: the worker then opens it
        self._thread = threading.Thread(target=self._run, args=(location, passphrase), name="brugapp-unlock",
                                        daemon=True)
        self._thread.start()

    def _run(self, location: Path, passphrase: str) -> None:
        try:
            if location.is_file():  # the key first: it runs without the interpreter lock, beside Qt's import
                from brugapp.page_key import raw_key  # start-up time: before the store package is imported

                raw_key(location, passphrase)
            self._asked.wait()
            from brugapp.store import open_store  # start-up time: once the window's modules are imported

            self._store = open_store(location, passphrase=passphrase)
        except BaseException as exc:  # handed to the caller of opened(), on its own thread
            self._error = exc

    def opened(self) -> Store:
        """The store once the worker has opened it (its last step), or what opening raised."""
        self._asked.set()
        self._thread.join()
        return self._outcome()

    def join(self) -> None:
        """Wait for the worker to end, before the store is closed."""
        self._asked.set()  # never left waiting, asked or not
        self._thread.join()

    def _outcome(self) -> Store:
        if self._error is not None:
            raise self._error
        assert self._store is not None
        return self._store


_started: Unlocking | None = None  # the bench's unlocking, once started (``python -m brugapp`` starts it first thing)


def bench_unlock_from_stdin(db: str | None) -> Unlocking | None:
    """With the bench switch and ``--db``: read the passphrase from stdin and start unlocking now (once)."""
    global _started
    if _started is None and os.environ.get(BENCH_STARTUP_ENV) == "1" and db is not None:
        _started = Unlocking(Path(db), sys.stdin.readline().rstrip("\n"))
    return _started


def start_bench_unlock_early(argv: list[str]) -> None:
    """``python -m brugapp --db PATH`` with the bench switch: unlocking starts before the command line module (and
    the translations and settings it imports) is loaded; ``cli.main`` then finds it started."""
    if os.environ.get(BENCH_STARTUP_ENV) == "1" and argv[:1] == ["--db"] and len(argv) == 2:
        bench_unlock_from_stdin(argv[1])
