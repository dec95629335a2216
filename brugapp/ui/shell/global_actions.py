"""Actions reachable from anywhere (quick log …), installed on the main window.

An installer takes the window (as a ``WindowHost``), creates its ``QAction`` with ``make_action``, usually calls
``host.add_toolbar_action`` and returns the action. The dialogs behind them are imported when first opened, so
the window's start-up does not import the notebook and its database layer (start-up time).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction

from brugapp.i18n import _
from brugapp.ui.shell.actions import make_action
from brugapp.ui.shell.section_page import WindowHost


def install_quick_log(host: WindowHost) -> QAction:
    """Global action: Ctrl+N and the toolbar button "Snel noteren"."""
    action = make_action(host.window(), _("Quick log"), lambda: host.open_quick_log(), shortcuts=("Ctrl+N",),
                         icon_name="note", tip=_("Log a contact moment in a few seconds"))
    action.setObjectName("QuickLogAction")
    host.add_toolbar_action(action)
    return action


def install_retention_action(host: WindowHost) -> QAction:
    """*Bestand → Bewaartermijn …*: families without activity, listed for review."""

    def open_retention() -> None:
        from brugapp.ui.families.retention_dialog import RetentionDialog  # start-up time: opened on demand

        RetentionDialog(host.store, host.window()).exec()

    action = make_action(host.window(), _("Retention: families without activity …"), open_retention, icon_name="")
    action.setObjectName("RetentionAction")
    host.add_menu_action("file", action)
    return action


GLOBAL_ACTIONS: tuple[Callable[[WindowHost], QAction], ...] = (install_quick_log, install_retention_action)
