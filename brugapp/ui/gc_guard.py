"""Python's garbage collector runs on the GUI thread only.

Prints, exports and the year report run on worker threads (``ui/operations.py``). Left alone, Python collects
cycles in whichever thread happens to allocate, and a cycle holding a Qt wrapper made on the GUI thread is
then destroyed on a worker thread: Qt aborts (seen in the suite as a crash inside a report query, while pages
were built). So automatic collection is switched off and a timer on the GUI thread collects instead, with the
same generation thresholds Python would use (the well-known PyQt "GarbageCollector" recipe).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from brugapp.ui.once_per_app import once_per_application

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        first, second, third = gc.get_count()
        if first > self.threshold[0]:
            gc.collect(0)
            if second > self.threshold[1]:
                gc.collect(1)
                if third > self.threshold[2]:
                    gc.collect(2)


def freeze_start_up_objects() -> None:
    """Once the first screen is shown: what start-up made (modules, classes, the window) lives as long as the app,
    so later collections need not walk it again (a full collection took ~20 ms of the first seconds)."""
    gc.freeze()


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install once per application (a second call returns the one already there)."""
    collector, existed = once_per_application(app, GuiThreadCollector, GuiThreadCollector)
    if existed:
        gc.disable()  # a test may have switched automatic collection back on between two windows
    return collector
