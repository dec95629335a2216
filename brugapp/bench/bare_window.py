"""The floor of a start: a bare PySide6 main window of the same size, shown offscreen, then quit.

Run as a script (``python bare_window.py``), not as ``-m brugapp...``, so not one BrugApp module is imported:
it is what any Qt for Python window costs on this machine. Prints the marker line of ``processes.READY_MARKER``.
"""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setCentralWidget(QLabel("BrugApp"))
    window.resize(1366, 768)
    window.show()

    def ready() -> None:
        print(f"BRUGAPP_READY {time.time():.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)  # after the events of showing the window, as the app does
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
