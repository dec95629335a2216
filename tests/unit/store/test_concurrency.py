"""A second writer waits a bounded time, then is told BrugApp is busy; one window per notebook."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

import brugapp.store.files as store_files
from brugapp.cli import main
from brugapp.store import StoreBusyError, open_store
from tests.factories import make_family


@pytest.fixture
def short_wait(monkeypatch) -> None:
    monkeypatch.setattr(store_files, "BUSY_TIMEOUT_MS", 300)


def test_a_writer_waits_then_is_told_brugapp_is_busy(store, short_wait) -> None:
    # GIVEN another window holding a write transaction on the same file
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    store.engine.dispose()  # new connections pick up the short wait
    try:
        started = time.monotonic()
        with pytest.raises(StoreBusyError, match="bezig met dit notitieboek in een ander venster"):
            make_family(store, display_name="Gezin Wachter")
        waited = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # THEN it waited (bounded), and once the other window is done the save works
    assert 0.25 <= waited < 5
    make_family(store, display_name="Gezin Wachter")


def test_the_cli_says_busy_without_a_traceback(store, short_wait, capsys) -> None:
    path = store.path
    store.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code = main(["family", "add", "Gezin Tweede Venster", "--db", str(path)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err
    assert code == 2
    assert "bezig met dit notitieboek in een ander venster" in err
    assert "Traceback" not in err and "database is locked" not in err


def test_a_second_window_on_the_same_notebook_is_refused(qapp, tmp_path: Path, monkeypatch) -> None:
    from brugapp.ui import app as app_module

    path = tmp_path / "brugapp.db"
    open_store(path, create=True).close()
    first = app_module._single_instance_lock(str(path))
    assert first is not None
    shown: list[str] = []
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    try:
        assert app_module.run_gui(db=str(path), demo=False, language="nl") == 3
    finally:
        first.unlock()
    assert shown and "al open met dit notitieboek in een ander venster" in shown[0]
    assert not Path(f"{path}.lock").exists(), "the lock goes with the window that held it"


def test_a_start_while_the_last_window_makes_its_backup_waits_for_it(qapp, tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from brugapp.ui import app as app_module
    from brugapp.ui.closing_wait import closing

    path = tmp_path / "brugapp.db"
    open_store(path, create=True).close()
    first = app_module._single_instance_lock(str(path))
    assert first is not None
    seen: list[str] = []

    def look() -> None:  # what the person sees while waiting
        seen.extend(w.labelText() for w in QApplication.topLevelWidgets()
                    if isinstance(w, QProgressDialog) and w.isVisible())

    # GIVEN the last window is closing: it holds the notebook while it makes its backup copy (here 0.6 s)
    with closing(path):
        QTimer.singleShot(200, look)
        QTimer.singleShot(600, first.unlock)
        # WHEN BrugApp is started again on the same notebook
        second = app_module._single_instance_lock(str(path))
    # THEN it waited, saying why, and has the notebook once the other let go
    try:
        assert second is not None and second.isLocked()
        assert seen and "reservekopie" in seen[0]
    finally:
        second.unlock() if second is not None else None
    assert not Path(f"{path}.closing").exists()


def test_a_marker_left_by_a_crash_does_not_make_a_start_wait(qapp, tmp_path: Path) -> None:
    import time

    from brugapp.ui import app as app_module

    path = tmp_path / "brugapp.db"
    open_store(path, create=True).close()
    first = app_module._single_instance_lock(str(path))  # a window that is open, not closing
    Path(f"{path}.closing").write_text("999999", encoding="ascii")  # left by a process that is gone
    try:
        started = time.monotonic()
        assert app_module._single_instance_lock(str(path)) is None  # refused at once, as before
        assert time.monotonic() - started < 2
    finally:
        first.unlock()
