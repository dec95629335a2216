"""Actions reachable from anywhere (quick log …), installed on the main window.

Each capability imports its installer here; an installer takes the window (as a ``WindowHost``), creates its
``QAction`` with ``make_action``, usually calls ``host.add_toolbar_action`` and returns the action.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction

from brugapp.ui.families.quick_log import install_quick_log
from brugapp.ui.families.retention_dialog import install_retention_action
from brugapp.ui.shell.section_page import WindowHost

GLOBAL_ACTIONS: tuple[Callable[[WindowHost], QAction], ...] = (install_quick_log, install_retention_action)
