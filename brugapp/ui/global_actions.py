"""Actions reachable from anywhere (quick log, new referral …), installed on the main window.

Each capability adds "module:function" here; the function takes the ``MainWindow``, creates its
``QAction`` with ``make_action`` and usually calls ``window.add_toolbar_action``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brugapp.ui.main_window import MainWindow

GLOBAL_ACTIONS: list[str] = [
    "brugapp.ui.quick_log:install_quick_log",
    "brugapp.ui.retention_dialog:install_retention_action",
]


def install_global_actions(window: MainWindow) -> None:
    for spec in GLOBAL_ACTIONS:
        module_name, function_name = spec.split(":")
        getattr(importlib.import_module(module_name), function_name)(window)
