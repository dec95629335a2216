"""The Help menu's entries, without the dialogs behind them (``help.py``, imported when one is opened): their
tables and text browser are Qt classes the first screen does not need (start-up time, ``brugapp bench``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from brugapp.i18n import _
from brugapp.ui.shell.actions import make_action

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget


def help_actions(window: QWidget) -> list[QAction]:
    """The Help menu's own entries: the guide (F1) and the shortcut overview."""
    guide = make_action(window, _("&User guide"), lambda: _open_user_guide(window),
                        shortcuts=(QKeySequence.StandardKey.HelpContents,))
    guide.setObjectName("UserGuideAction")
    keys = make_action(window, _("&Keyboard shortcuts"), lambda: _open_shortcuts(window))
    keys.setObjectName("ShortcutsAction")
    return [guide, keys]


def _open_user_guide(window: QWidget) -> None:
    from brugapp.ui.shell.help import UserGuideDialog  # start-up time: when the guide is first opened

    UserGuideDialog(window).exec()


def _open_shortcuts(window: QWidget) -> None:
    from brugapp.ui.shell.help import ShortcutsDialog  # start-up time: when the overview is first opened

    ShortcutsDialog(window).exec()
