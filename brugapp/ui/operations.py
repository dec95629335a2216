"""Long work off the GUI thread: one small operation helper (Anki's QueryOp/CollectionOp idea).

``run_operation`` runs ``work`` on ``QThreadPool.globalInstance()``, shows a busy progress dialog only when the
work takes longer than ~300 ms, and hands the result (or the error) back on the GUI thread. The services it
runs stay plain Python.

Database connections: a service opens its own session per call from the store's pool, so a worker never
shares a connection with the GUI thread at the same time. Verified for both kinds of store (SQLAlchemy 2):
a plain SQLite file uses ``QueuePool`` with ``check_same_thread=False``, one connection per checkout; an
encrypted (pysqlcipher) store uses ``SingletonThreadPool``, one connection per thread.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _
from brugapp.store import StoreError

log = logging.getLogger("brugapp.ui")

T = TypeVar("T")

SHOW_PROGRESS_AFTER_MS = 300
_RUNNING: set[Operation[Any]] = set()


def error_message(error: Exception) -> str | None:
    """The translated message of an error a service raises for the user; None for an unexpected error."""
    # start-up time: the exchange and referral modules are imported when an error is shown, not with the window
    from brugapp.domain.referrals import TransitionRefused
    from brugapp.exchange.records import FileProblem

    if isinstance(error, ValidationError | FileProblem):
        return error.message
    if isinstance(error, TransitionRefused):
        return _(error.reason)
    if isinstance(error, StoreError):
        return str(error)
    if isinstance(error, NotFoundError):
        return _("This record no longer exists. Refresh the page and try again.")
    if isinstance(error, OSError):
        # A file that cannot be written (read-only folder, full disk, file open in another program).
        return _("The file could not be written: {reason}. Choose another folder or close the file and "
                 "try again.").format(reason=error.strerror or type(error).__name__)
    return None


def describe_error(error: Exception) -> str:
    """What the user reads: the service's own message, or a calm general one for an unexpected error."""
    message = error_message(error)
    if message is None:
        message = _("This did not work because of an unexpected problem. What you saved is safe. "
                    "Try again; if it happens again, the details are in the log file.")
    return message


class _Task(QRunnable):
    """Runs on a pool thread and only emits signals; the ``Operation`` lives on the GUI thread."""

    def __init__(self, operation: Operation, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.operation, self.work = operation, work

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # handed to the GUI thread, never silently lost
            self._emit("_failed", exc)
        else:
            self._emit("_succeeded", result)

    def _emit(self, name: str, value: object) -> None:
        try:
            getattr(self.operation, name).emit(value)
        except RuntimeError:  # the window that asked was closed meanwhile: nobody is left to tell
            log.info("operation finished after its window closed")


class Operation(QObject, Generic[T]):
    """One piece of work on a pool thread; ``finished``/``failed`` arrive on the GUI thread, ``done`` after both.

    Emits ``progress(done, total)`` when the work reports it through ``report_progress`` (thread-safe).
    """

    finished = Signal(object)  # the result of ``work``
    failed = Signal(object)  # the exception
    done = Signal()  # after finished or failed, once the callbacks ran
    progress = Signal(int, int)

    # Emitted from the pool thread; the connections are queued because this object lives on the GUI thread.
    _succeeded = Signal(object)
    _failed = Signal(object)

    def __init__(self, parent: QWidget | None, *, label: str, on_done: Callable[[T], None] | None = None,
                 on_error: Callable[[Exception], None] | None = None) -> None:
        # No Qt parent: the worker thread emits on this object, so it must not be deleted with the window
        # while the work runs. ``_RUNNING`` keeps it alive until ``done``; a closed window is detected below.
        super().__init__(None)
        from PySide6.QtCore import Qt  # start-up time: not while the first page is built (ui/widgets/centred.py)

        self.parent_widget = parent
        self.label = label
        self.on_done, self.on_error = on_done, on_error
        self.running = False
        self.result: T | None = None
        self.error: Exception | None = None
        self.error_text = ""
        self.message_box: QMessageBox | None = None
        self.dialog: QProgressDialog | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_progress)
        self._succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        self._failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    # -- starting ---------------------------------------------------------------------------------
    def start(self, work: Callable[[], T]) -> Operation[T]:
        self.running = True
        _RUNNING.add(self)  # an operation without a parent must outlive the caller's reference
        self.done.connect(lambda: _RUNNING.discard(self))
        self._timer.start(SHOW_PROGRESS_AFTER_MS)
        QThreadPool.globalInstance().start(_Task(self, work))
        return self

    def report_progress(self, done: int, total: int) -> None:
        """Callable from the worker thread: moves the progress dialog from busy to a bar."""
        self.progress.emit(done, total)

    def is_running(self) -> bool:
        return self.running

    # -- progress dialog --------------------------------------------------------------------------
    def _show_progress(self) -> None:
        if not self.running or self.dialog is not None or self._window_gone():
            return
        dialog = QProgressDialog(self.label, "", 0, 0, self.parent_widget)
        dialog.setWindowTitle(_("Please wait"))
        dialog.setAccessibleName(self.label)
        # No cancel: the services write all or nothing and cannot be stopped half-way.
        dialog.setCancelButton(None)  # type: ignore[arg-type]
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self.parent_widget is not None:
            from PySide6.QtCore import Qt  # start-up time (see __init__)

            dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog = dialog
        dialog.show()

    def _on_progress(self, done: int, total: int) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.setMaximum(max(1, total))
            self.dialog.setValue(done)

    def _close_progress(self) -> None:
        self.running = False
        self._timer.stop()
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
        self.dialog = None

    # -- results, on the GUI thread ---------------------------------------------------------------
    def _window_gone(self) -> bool:
        gone = self.parent_widget is not None and not shiboken6.isValid(self.parent_widget)
        if gone:
            log.info("operation finished after its window closed")
        return gone

    def _on_succeeded(self, result: T) -> None:
        self._close_progress()
        self.result = result
        if self._window_gone():
            self.done.emit()
            return
        try:
            if self.on_done is not None:
                self.on_done(result)
            self.finished.emit(result)
        finally:
            self.done.emit()

    def _on_failed(self, error: Exception) -> None:
        self._close_progress()
        self.error = error
        if self._window_gone():
            self.done.emit()
            return
        if error_message(error) is None:
            # Only the type and the stack: an exception message may quote personal data.
            stack = "".join(traceback.format_tb(error.__traceback__))
            log.error("operation failed (%s): unexpected %s\n%s", self.label, type(error).__name__, stack)
        message = self.error_text = describe_error(error)
        try:
            if self.on_error is not None:
                self.on_error(error)
            else:
                self._show_error(message)
            self.failed.emit(error)
        finally:
            self.done.emit()

    def _show_error(self, message: str) -> None:
        # open(), not exec(): a nested event loop here would block whoever waits for ``done``.
        box = QMessageBox(QMessageBox.Icon.Warning, _("This did not work"), message,
                          QMessageBox.StandardButton.Ok, self.parent_widget)
        from PySide6.QtCore import Qt  # start-up time (see __init__)

        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()


def run_operation(parent: QWidget | None, *, label: str, work: Callable[[], T], on_done: Callable[[T], None],
                  on_error: Callable[[Exception], None] | None = None) -> Operation[T]:
    """Run ``work`` off the GUI thread; call ``on_done(result)`` or ``on_error(exc)`` back on the GUI thread.

    Without ``on_error`` the translated message of a service error (or a calm general message for an
    unexpected one, whose traceback goes to the log) is shown in a message box. Keep a reference to the
    returned operation if you want to wait for it; it stays alive until ``done``, even if ``parent`` closes.
    """
    return Operation(parent, label=label, on_done=on_done, on_error=on_error).start(work)
