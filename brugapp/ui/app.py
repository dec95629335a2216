"""Start the desktop app: Qt set-up, unlock (or demo), main window, language switching."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from brugapp import APP_ID, APP_NAME
from brugapp.i18n import _
from brugapp.paths import ICONS, default_store_path
from brugapp.settings import load_settings, save_settings
from brugapp.store import Store, StoreError, open_store
from brugapp.ui.locale import apply_language
from brugapp.ui.style import apply_theme

if TYPE_CHECKING:
    from brugapp.ui.shell.main_window import MainWindow


def setup_application(app: QApplication, language: str) -> None:
    """Everything a QApplication needs before the first window (also used by tests)."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(ICONS / "bridge.svg")))
    apply_theme(app)
    apply_language(app, language)


def open_demo_store() -> Store:
    """A throwaway store in a temporary folder; the user's real store is never touched."""
    from brugapp.demo.region import create_demo_store

    folder = Path(tempfile.mkdtemp(prefix="brugapp-demo-"))
    return create_demo_store(folder / "demo.db", passphrase=None)


def import_window_modules() -> None:
    """Import what the main window and Vandaag need while the store is being unlocked (start-up time: the key
    derivation runs in C without the interpreter lock, so the two overlap; the unlock dialog waits for typing)."""
    import brugapp.store.models
    import brugapp.ui.followups.page
    import brugapp.ui.shell.main_window
    import brugapp.ui.today.page  # noqa: F401


def ask_for_store(location: Path) -> Store | None:
    """Choose a passphrase for a new store, or unlock the existing one."""
    from brugapp.ui.shell.unlock import UnlockDialog

    create = not location.exists()
    dialog = UnlockDialog(
        lambda passphrase: open_store(location, passphrase=passphrase, create=create), create=create
    )
    QTimer.singleShot(50, import_window_modules)  # once the dialog is painted, while the passphrase is typed
    return dialog.store if dialog.exec() else None


def open_with_passphrase_from_stdin(location: Path) -> Store:
    """``brugapp bench``: unlock with the passphrase on stdin, importing the window's modules meanwhile."""
    passphrase = sys.stdin.readline().rstrip("\n")
    with ThreadPoolExecutor(max_workers=1) as pool:
        opening = pool.submit(open_store, location, passphrase=passphrase)
        import_window_modules()
        return opening.result()


class AppController:
    """Owns the main window so a language switch can rebuild it in place."""

    def __init__(self, app: QApplication, store: Store, *, demo: bool) -> None:
        self.app = app
        self.store = store
        self.demo = demo
        self.window: MainWindow | None = None

    def show(self) -> MainWindow:
        from brugapp.ui.shell.main_window import MainWindow  # start-up time: imported while the store unlocks

        settings = load_settings()
        window = MainWindow(self.store, demo=self.demo, auto_lock_minutes=settings.auto_lock_minutes)
        window.language_requested.connect(self.switch_language)
        window.show()
        window.import_pages_when_idle()
        self.window = window
        return window

    def switch_language(self, language: str) -> MainWindow:
        settings = load_settings()
        settings.language = language
        save_settings(settings)
        apply_language(self.app, language)
        old = self.window
        if old is not None:
            old.save_state()
            old.close()
            old.deleteLater()
        return self.show()


# Hidden switch for ``brugapp bench`` (brugapp/bench/processes.py): the passphrase comes on stdin, and the app
# prints the wall-clock time and quits as soon as the main window is shown with its first page filled.
BENCH_STARTUP_ENV = "BRUGAPP_BENCH_STARTUP"


def _report_ready_and_quit(app: QApplication) -> None:
    print(f"BRUGAPP_READY {time.time():.6f}", flush=True)
    app.quit()


def run_gui(*, db: str | None, demo: bool, language: str | None) -> int:
    from brugapp.logging_setup import configure_logging
    from brugapp.ui.shell.crash import install_excepthook

    configure_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    install_excepthook()
    settings = load_settings()
    setup_application(app, language or settings.language)
    bench = os.environ.get(BENCH_STARTUP_ENV) == "1" and db is not None
    try:
        if bench and db is not None:
            store = open_with_passphrase_from_stdin(Path(db))
        elif demo:
            store = open_demo_store()
        elif db and ("://" in db or not _needs_passphrase(Path(db))):
            store = open_store(db)
        else:
            found = ask_for_store(Path(db) if db else default_store_path())
            if found is None:
                return 1
            store = found
    except StoreError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 2
    controller = AppController(app, store, demo=demo)
    window = controller.show()
    if bench:
        window.when_first_page_filled(lambda: _report_ready_and_quit(app))
        code = app.exec()
        store.close()
        return code
    code = app.exec()
    QThreadPool.globalInstance().waitForDone()  # a print or export still running finishes before the store closes
    if not demo:
        from brugapp.store.backup import backup_store

        backup_store(store, reason="on-close")  # rotating: the newest KEEP_BACKUPS copies stay
    store.close()
    return code


def _needs_passphrase(path: Path) -> bool:
    from brugapp.store.database import is_plain_sqlite

    return not (path.exists() and is_plain_sqlite(path))


__all__ = ["AppController", "_", "run_gui", "setup_application"]
