"""An unexpected error in the GUI: keep the traceback in the log, tell the user calmly, keep going."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from brugapp.i18n import _

log = logging.getLogger("brugapp.ui")


def _report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    # Only the stack and the exception type: an exception message may quote user input.
    stack = "".join(traceback.format_tb(tb))
    log.error("unexpected %s\n%s", kind.__name__, stack)
    if QApplication.instance() is not None:
        QMessageBox.warning(
            None, _("Something went wrong"),
            _("BrugApp ran into an unexpected problem. What you saved is safe. "
              "If it happens again, restart BrugApp; the details are in the log file."),
        )


def install_excepthook() -> None:
    sys.excepthook = _report
