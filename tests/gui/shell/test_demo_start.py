"""``--demo``: a window with progress shows at once, before the demo region is built."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication

from brugapp.ui.shell.demo_start import DemoStartWindow, build_with_progress


def _start_windows() -> list[DemoStartWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, DemoStartWindow) and w.isVisible()]


def test_the_progress_window_is_on_screen_while_the_region_is_built(qtbot, store) -> None:
    seen: list[int] = []
    release = threading.Event()

    def slow_build():
        release.wait(5)
        return store

    from PySide6.QtCore import QTimer

    def look_then_release() -> None:
        seen.append(len(_start_windows()))
        release.set()

    QTimer.singleShot(100, look_then_release)
    # WHEN the demo starts and the build takes its time
    result = build_with_progress(slow_build)
    # THEN the window with a busy bar was on screen meanwhile, and is gone once the store is there
    assert seen == [1]
    assert result is store
    assert _start_windows() == []


def test_a_failed_build_closes_the_window_and_says_why(qtbot) -> None:
    def broken():
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        build_with_progress(broken)
    assert _start_windows() == []
