"""Start the desktop app: Qt set-up, unlock (or demo), main window, language switching."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from brugapp import APP_ID, APP_NAME
from brugapp.i18n import _
from brugapp.paths import ICONS, default_store_path
from brugapp.settings import load_settings, save_settings
from brugapp.store import Store, StoreError, open_store
from brugapp.ui.locale import apply_language
from brugapp.ui.shell.main_window import MainWindow
from brugapp.ui.style import apply_theme


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


def ask_for_store(location: Path) -> Store | None:
    """Choose a passphrase for a new store, or unlock the existing one."""
    from brugapp.ui.shell.unlock import UnlockDialog

    create = not location.exists()
    dialog = UnlockDialog(
        lambda passphrase: open_store(location, passphrase=passphrase, create=create), create=create
    )
    return dialog.store if dialog.exec() else None


class AppController:
    """Owns the main window so a language switch can rebuild it in place."""

    def __init__(self, app: QApplication, store: Store, *, demo: bool) -> None:
        self.app = app
        self.store = store
        self.demo = demo
        self.window: MainWindow | None = None

    def show(self) -> MainWindow:
        settings = load_settings()
        window = MainWindow(self.store, demo=self.demo, auto_lock_minutes=settings.auto_lock_minutes)
        window.language_requested.connect(self.switch_language)
        window.show()
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


def run_gui(*, db: str | None, demo: bool, language: str | None) -> int:
    from brugapp.logging_setup import configure_logging
    from brugapp.ui.shell.crash import install_excepthook

    configure_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    install_excepthook()
    settings = load_settings()
    setup_application(app, language or settings.language)
    try:
        if demo:
            from brugapp.ui.shell.demo_start import build_with_progress

            store = build_with_progress(open_demo_store)  # a window with progress at once
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
    except OSError as exc:  # an unwritable or impossible --db folder
        from brugapp.ui.shell.unlock import store_folder_message

        QMessageBox.critical(None, APP_NAME, store_folder_message(exc))
        return 2
    controller = AppController(app, store, demo=demo)
    controller.show()
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
