"""An unexpected error in the GUI: keep the traceback in the log, tell the user calmly, keep going."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication

from brugapp.i18n import _
from brugapp.logging_setup import log_file

log = logging.getLogger("brugapp.ui")


def _report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    # Only the stack and the exception type: an exception message may quote user input.
    stack = "".join(traceback.format_tb(tb))
    log.error("unexpected %s\n%s", kind.__name__, stack)
    if QApplication.instance() is not None:
        from PySide6.QtWidgets import QMessageBox  # start-up time: Qt's message box class only when it is needed

        QMessageBox.warning(None, _("Something went wrong"), crash_message())


def crash_message() -> str:
    return _("BrugApp ran into an unexpected problem. What you saved is safe. If it happens again, restart "
             "BrugApp and send this file to whoever supports you (it holds no names or notes): {path}").format(
        path=log_file())


def install_excepthook() -> None:
    sys.excepthook = _report
