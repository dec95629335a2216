"""A window closing on a notebook makes its backup copy while it still holds the notebook (seconds on a busy
programme's store). BrugApp started again meanwhile waits for it, saying so, instead of answering that the
notebook is "already open in another window" when no window is to be seen.

The closing process leaves a marker beside the store (``<store>.closing``, its process id) for as long as the copy
takes. The marker counts only while that same process holds the notebook's lock: a marker left by a crash is
ignored, and Qt removes the crashed process's lock itself.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QLabel, QProgressDialog

from brugapp.i18n import _

POLL_MS = 250
GIVE_UP_MS = 120_000  # a backup that takes longer than this is not a closing window any more


def _marker(location: str) -> Path:
    return Path(f"{Path(location).expanduser()}.closing")


@contextlib.contextmanager
def closing(store_path: Path | None) -> Iterator[None]:
    """Around the backup on close: a second start knows this window is on its way out (a store file only)."""
    marker = _marker(str(store_path)) if store_path is not None else None
    if marker is not None:
        try:
            marker.write_text(str(os.getpid()), encoding="ascii")
        except OSError:  # a read-only folder: a second start then says "already open", as before
            marker = None
    try:
        yield
    finally:
        if marker is not None:
            marker.unlink(missing_ok=True)


def closing_in_progress(location: str, lock: QLockFile) -> bool:
    """Is the process that holds ``lock`` the one that is closing (and making its backup)?"""
    try:
        pid = int(_marker(location).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return False
    info = lock.getLockInfo()  # PySide6: (pid, host name, application name); pid 0 when there is no lock
    return bool(info) and info[0] == pid


def wait_for_closing(location: str, lock: QLockFile) -> bool:
    """Show a calm wait until the closing window lets go of the notebook; True once ``lock`` is ours."""
    dialog = QProgressDialog("", _("Do not wait"), 0, 0)
    label = QLabel(_("BrugApp is still closing the previous window and making its backup copy of this notebook. "
                     "A moment, please …"), dialog)
    label.setWordWrap(True)
    label.setMinimumWidth(420)
    dialog.setLabel(label)
    dialog.setWindowTitle("BrugApp")
    dialog.setMinimumDuration(0)
    waited = {"ms": 0}

    def poll() -> None:
        if lock.tryLock(0):
            dialog.accept()
            return
        waited["ms"] += POLL_MS
        if waited["ms"] >= GIVE_UP_MS or not closing_in_progress(location, lock):
            dialog.reject()

    timer = QTimer(dialog)
    timer.timeout.connect(poll)
    timer.start(POLL_MS)
    dialog.exec()
    timer.stop()
    return lock.isLocked()
