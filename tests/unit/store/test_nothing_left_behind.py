"""The main flows write only where asked: nothing of ours is left in the temp folder afterwards."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import TEST_PASSPHRASE

ROOT = Path(__file__).resolve().parents[3]


def _files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_main_flows_leave_nothing_in_temp(tmp_path: Path) -> None:
    # GIVEN a fresh, empty temp folder for a fresh process, and the store in a folder of its own
    temp, data, out, home = (tmp_path / name for name in ("temp", "data", "out", "home"))
    for folder in (temp, data, out, home):
        folder.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "BRUGAPP_HOME": str(home), "BRUGAPP_PASSPHRASE": TEST_PASSPHRASE,
           "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(home)}
    # WHEN demo create, list, add, backup, export, audit verify and both self-tests run
    result = subprocess.run([sys.executable, "-m", "tests.unit.store.flows_script", str(data), str(out)],
                            env=env, capture_output=True, text=True, timeout=240, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Zelftest geslaagd" in result.stdout
    # THEN the temp folder is as empty as it was, and only the asked-for file was written in OUT
    assert _files_under(temp) == []
    assert _files_under(out) == ["agenda.ics"]
    assert not list(data.rglob("*.png")) and not list(home.rglob("*.png"))


DEMO_WINDOW_CHILD = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from brugapp.ui import app as app_module
from brugapp.ui.shell.main_window import MainWindow

application = QApplication([])

def quit_once_the_window_shows():  # the demo is built behind a progress window first
    if any(isinstance(w, MainWindow) and w.isVisible() for w in application.topLevelWidgets()):
        application.quit()

timer = QTimer()
timer.timeout.connect(quit_once_the_window_shows)
timer.start(100)
raise SystemExit(app_module.run_gui(db=None, demo=True, language="nl"))
"""


def test_the_demo_window_removes_its_store_on_exit(tmp_path: Path) -> None:
    # In a process of its own, as the app runs: once an application's event loop has been quit, no later event
    # loop of that process runs (the suite's next GUI test waited in vain for its timers).
    temp, home = tmp_path / "temp", tmp_path / "home"
    temp.mkdir()
    home.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "BRUGAPP_HOME": str(home), "PYTHONPATH": str(ROOT),
           "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(home)}
    result = subprocess.run([sys.executable, "-c", DEMO_WINDOW_CHILD], env=env, capture_output=True, text=True,
                            timeout=240, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert _files_under(temp) == []


def test_the_demo_store_goes_also_after_an_error(qapp, tmp_path: Path, monkeypatch) -> None:
    from brugapp.ui import app as app_module

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr("brugapp.ui.shell.crash.install_excepthook", lambda: None)

    def broken_window(*_args: object, **_kwargs: object) -> int:
        raise RuntimeError("the window could not be built")

    monkeypatch.setattr(app_module, "_run_window", broken_window)
    with pytest.raises(RuntimeError):
        app_module.run_gui(db=None, demo=True, language="nl")
    assert _files_under(tmp_path) == []


def test_bench_removes_its_store_also_after_an_error(tmp_path: Path, monkeypatch) -> None:
    from brugapp.bench import runner as bench

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(bench, "BENCH_FILLERS", ())

    def failing(_store: object, _context: object) -> list:
        raise RuntimeError("a benchmark failed")

    monkeypatch.setattr(bench, "BENCHMARKS", (failing,))
    with pytest.raises(RuntimeError):
        bench.run_benchmarks(families=5)
    assert _files_under(tmp_path) == []
