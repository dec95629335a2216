"""Start the desktop app: Qt set-up, unlock (or demo), main window, language switching."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import brugapp.ui.qt_import_check  # noqa: F401  (first: every import after it is checked faster)
from brugapp import APP_ID, APP_NAME
from brugapp.i18n import _
from brugapp.paths import ICONS, default_store_path, user_cache_dir
from brugapp.settings import load_settings, save_settings
from brugapp.store import Store, StoreError, clean_close_recorded, is_plain_sqlite, open_store, restore_store
from brugapp.ui.accessibility import tab_leaves_controls
from brugapp.ui.gc_guard import collect_on_gui_thread, freeze_start_up_objects
from brugapp.ui.icons import ICON_CACHE
from brugapp.ui.locale import apply_language
from brugapp.ui.none_guard import reserve_soon
from brugapp.ui.style import FUSION_ARGUMENTS, ThemeLoading, apply_theme
from brugapp.ui.unlock_ahead import BENCH_DIALOG, BENCH_STARTUP_ENV, BENCH_TYPED, BENCH_TYPING_MS

if TYPE_CHECKING:
    from brugapp.ui.shell.main_window import MainWindow
    from brugapp.ui.shell.unlock import UnlockDialog
    from brugapp.ui.unlock_ahead import Unlocking



def setup_application(app: QApplication, language: str, *, fusion_given: bool = False,
                      loading: ThemeLoading | None = None) -> None:
    """Everything a QApplication needs before the first window (also used by tests); ``fusion_given``: the
    application was made with ``FUSION_ARGUMENTS``, ``loading``: the bundled fonts (and Qt's SVG drawing) already
    being loaded (``ui/style.apply_theme``)."""
    reserve_soon()  # PySide6 6.12 loses references to None, True and False (ui/none_guard.py)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(ICONS / "bridge.svg")))
    apply_theme(app, fusion_given=fusion_given, loading=loading)
    apply_language(app, language)
    collect_on_gui_thread(app)  # never a garbage collection on a worker thread (see gc_guard.py)
    tab_leaves_controls(app)  # Tab never stays inside a table or a text box (see accessibility.py)


def open_demo_store() -> Store:
    """A throwaway store in a temporary folder; the user's real store is never touched."""
    # start-up time: imported only when this runs, so the window opens without it
    from brugapp.demo.region import create_demo_store

    folder = Path(tempfile.mkdtemp(prefix="brugapp-demo-"))
    return create_demo_store(folder / "demo.db", passphrase=None)


def import_window_modules() -> None:
    """Import what the main window and Vandaag need while the store is being unlocked (start-up time: the key
    derivation runs in C without the interpreter lock, so the two overlap; the unlock dialog waits for typing)."""
    import brugapp.ui.shell.main_window
    import brugapp.ui.today.page  # noqa: F401  (start-up time, as above; its dates need no Babel: calendar_names.py)


def ask_for_store(location: Path) -> Store | None:
    """Choose a passphrase for a new store, or unlock the existing one."""
    # start-up time: imported only when this runs, so the window opens without it
    from brugapp.ui.shell.unlock import UnlockDialog

    create = not location.exists()

    def restore(backup: Path, passphrase: str) -> Store:
        restore_store(backup, location, passphrase=passphrase)  # sets the damaged file aside first
        return open_store(location, passphrase=passphrase, before_upgrade=dialog.show_upgrading)

    dialog = UnlockDialog(
        lambda passphrase: open_store(location, passphrase=passphrase, create=create,
                                      before_upgrade=dialog.show_upgrading), create=create,
        restore=restore, checks_every_page=lambda: not clean_close_recorded(location),
    )
    QTimer.singleShot(50, import_window_modules)  # once the dialog is painted, while the passphrase is typed
    _bench_the_unlock_window(dialog)
    return dialog.store if dialog.exec() else None


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
        window.when_first_page_filled(freeze_start_up_objects)
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


def run_gui(*, db: str | None, demo: bool, language: str | None, unlocking: Unlocking | None = None) -> int:
    """The window. ``unlocking`` is a store already being opened on a worker (``ui/unlock_ahead.py``)."""
    # start-up time: imported only when this runs, so the window opens without it
    from brugapp.logging_setup import configure_logging
    from brugapp.ui.shell.crash import install_excepthook

    configure_logging()
    if QApplication.instance() is None:
        # start-up time: imported only when this runs, so the window opens without it
        from brugapp.desktop_check import EXIT_NO_DISPLAY, display_problem

        problem = display_problem(_)  # before Qt, whose own abort (exit 250) blames an installed library
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_NO_DISPLAY
    existing = QApplication.instance()
    app = existing or QApplication([*sys.argv[:1], *FUSION_ARGUMENTS, *sys.argv[1:]])
    if existing is None:  # the app's own start (not a test's application): icons drawn before are not drawn again
        ICON_CACHE.use(user_cache_dir() / "icons.cache")
        app.aboutToQuit.connect(ICON_CACHE.save)
    loading = ThemeLoading()  # fonts and SVG drawing, on a second core while the lines below run (start-up time)
    install_excepthook()
    settings = load_settings()
    if unlocking is not None:
        import_window_modules()  # the bench's start: the window's modules, while the worker unlocks
    setup_application(app, language or settings.language, fusion_given=existing is None, loading=loading)
    if demo:
        # start-up time: imported only when this runs, so the window opens without it
        from brugapp.ui.shell.demo_start import build_with_progress  # only for --demo

        store = build_with_progress(open_demo_store)  # a window with progress at once
        try:  # the throwaway demo store goes when the window closes, also after an error
            return _run_window(app, store, demo=True)
        finally:
            _remove_demo_store(store)
    if unlocking is not None:
        return _run_bench_start(app, unlocking)
    location = db or str(default_store_path())
    lock = _single_instance_lock(location)
    if lock is None:
        _tell(_("BrugApp is already open with this notebook in another window. "
                                              "Switch to that window; one notebook opens in one window at a time."))
        return 3
    try:
        try:
            if "://" in location or not _needs_passphrase(Path(location)):
                store = open_store(location)
            else:
                found, chose_demo = _own_store(Path(location))
                if found is None:
                    return 1
                if chose_demo:  # "eerst de demo bekijken" on the first start: a throwaway store
                    try:
                        return _run_window(app, found, demo=True)
                    finally:
                        _remove_demo_store(found)
                store = found
        except StoreError as exc:
            _tell_critical(str(exc))
            return 2
        except OSError as exc:  # an unwritable or impossible --db folder
            # start-up time: imported only when this runs, so the window opens without it
            from brugapp.ui.shell.unlock import store_folder_message  # only on this rare path

            _tell_critical(store_folder_message(exc))
            return 2
        return _run_window(app, store, demo=False)
    finally:
        lock.unlock()


def _bench_the_unlock_window(dialog: UnlockDialog) -> None:
    """``brugapp bench`` (hidden switch): quit once the window is shown, or type the passphrase from stdin after a
    person's typing time and press Enter (the window then reports when Vandaag is filled, see _run_window)."""
    mode = os.environ.get(BENCH_STARTUP_ENV)
    if mode == BENCH_DIALOG:
        QTimer.singleShot(0, lambda: (print(f"BRUGAPP_READY {time.time():.6f}", flush=True), dialog.reject()))
    elif mode == BENCH_TYPED:

        def press_enter() -> None:
            dialog.passphrase.setText(sys.stdin.readline().rstrip("\n"))
            print(f"BRUGAPP_ENTER {time.time():.6f}", flush=True)
            dialog.ok_button.click()

        QTimer.singleShot(BENCH_TYPING_MS, press_enter)


def _run_window(app: QApplication, store: Store, *, demo: bool) -> int:
    controller = AppController(app, store, demo=demo)
    window = controller.show()
    bench = os.environ.get(BENCH_STARTUP_ENV) == BENCH_TYPED
    if bench:  # ``brugapp bench``: Enter to Vandaag filled
        window.when_first_page_filled(lambda: _report_ready_and_quit(app))
    try:
        code = app.exec()
        QThreadPool.globalInstance().waitForDone()  # a print or export still running finishes before the store closes
        # The bench quits as soon as Vandaag is filled, nothing changed: a backup copy of its 270 MB store at every
        # measured start would only leave the disk busy writing for the start measured next.
        if not demo and not bench:
            # start-up time: imported only when this runs, so the window opens without it
            from brugapp.services.backups import backup_store
            from brugapp.ui.closing_wait import closing

            try:
                with closing(store.path):  # a start meanwhile waits for this copy (ui/closing_wait.py)
                    backup_store(store, reason="on-close")  # verified; kept in daily/weekly/monthly generations
            except StoreError as exc:  # a damaged store is not copied over the good backups
                _tell(str(exc))
        return code
    finally:
        store.close()


def _run_bench_start(app: QApplication, unlocking: Unlocking) -> int:
    """``brugapp bench``: start as a person would (unlock, window, Vandaag), print when ready and quit. The
    window's modules are imported (``run_gui``) before the store is asked for."""
    store = unlocking.opened()
    try:
        window = AppController(app, store, demo=False).show()
        window.when_first_page_filled(lambda: _report_ready_and_quit(app))
        return app.exec()
    finally:
        unlocking.join()
        store.close()


def _tell(text: str) -> None:
    """A warning over no window; Qt's message box class is made only when one is shown (start-up time)."""
    from PySide6.QtWidgets import QMessageBox  # start-up time (see above)

    QMessageBox.warning(None, APP_NAME, text)


def _tell_critical(text: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # start-up time (see _tell)

    QMessageBox.critical(None, APP_NAME, text)


def _report_ready_and_quit(app: QApplication) -> None:
    print(f"BRUGAPP_READY {time.time():.6f}", flush=True)
    app.quit()


class _NoLock:
    """A database server shares one store between people by design: no lock file there."""

    def unlock(self) -> None:
        pass


def _single_instance_lock(location: str) -> QLockFile | _NoLock | None:
    """A lock file beside the store: a second BrugApp window on the same notebook is refused.

    Qt removes a stale lock left by a crashed BrugApp (it checks whether that process still runs).
    """
    if "://" in location:
        return _NoLock()
    path = Path(location).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(f"{path}.lock")
    lock.setStaleLockTime(0)
    if lock.tryLock(200):
        return lock
    # started again while the last window still makes its backup on close: wait for it, saying so
    from brugapp.ui.closing_wait import closing_in_progress, wait_for_closing  # start-up time: only on this path

    if closing_in_progress(location, lock) and wait_for_closing(location, lock):
        return lock
    return None


def _remove_demo_store(store: Store) -> None:
    store.close()
    if store.path is not None:
        shutil.rmtree(store.path.parent, ignore_errors=True)


def _own_store(location: Path) -> tuple[Store | None, bool]:
    """Unlock the store; on the first start the welcome wizard makes it (or the user looks at the demo first)."""
    if location.exists():
        return ask_for_store(location), False
    # start-up time: imported only when this runs, so the window opens without it
    from brugapp.ui.first_run import run_first_run

    first = run_first_run(location)
    if first is not None and first.demo:
        return open_demo_store(), True
    return (first.store if first else None), False


def _needs_passphrase(path: Path) -> bool:
    return not (path.exists() and is_plain_sqlite(path))


__all__ = ["AppController", "_", "run_gui", "setup_application"]
