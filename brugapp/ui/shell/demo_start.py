"""``brugapp --demo``: a window with progress at once, while the fictional region is built off the GUI thread.

Building the demo region takes many seconds on a slow laptop; a start without any window looks broken.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from brugapp.i18n import _
from brugapp.store import Store
from brugapp.ui.icons import icon
from brugapp.ui.style import ACCENT


class DemoStartWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(_("BrugApp – demo (fictional data)"))
        self.setObjectName("DemoStart")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        picture = QLabel()
        picture.setPixmap(icon("bridge", ACCENT, 48).pixmap(48, 48))
        layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignHCenter)
        title = QLabel(_("Building the demo region …"))
        title.setObjectName("EmptyTitle")
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        text = QLabel(_("Fictional families, schools and services, so you can try everything. Your own notebook "
                        "is not touched. This takes a few seconds."))
        text.setObjectName("EmptyText")
        text.setWordWrap(True)
        layout.addWidget(text)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: the builder does not count its steps
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(6)
        self.bar.setAccessibleName(_("Building the demo region …"))
        layout.addWidget(self.bar)


def build_with_progress(build: Callable[[], Store]) -> Store:
    """Show the start window, build the store on a worker thread, return it (or raise what the build raised).

    A plain thread polled by a timer: nothing of Qt crosses threads, and the window keeps painting.
    """
    window = DemoStartWindow()
    window.show()
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["store"] = build()
        except Exception as exc:  # handed back to the GUI thread below
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="demo-builder", daemon=True)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
    worker.start()
    timer.start()
    loop.exec()
    worker.join()  # the loop may end early (the application is quitting): the build still finishes
    timer.stop()
    window.close()
    window.deleteLater()
    error = outcome.get("error")
    if isinstance(error, Exception):
        raise error
    store = outcome["store"]
    assert isinstance(store, Store)
    return store
