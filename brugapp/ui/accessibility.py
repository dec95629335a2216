"""Keyboard and screen reader: names for what Qt builds inside a control and leaves unnamed (so a screen reader
says more than "button"), and Tab that always leaves a control."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QToolButton,
    QWidget,
)

from brugapp.i18n import _
from brugapp.ui.once_per_app import once_per_application

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

QT_CLEAR_ACTION = "_q_qlineeditclearaction"  # the object name Qt gives a line edit's clear-button action


def name_line_edit_buttons(edit: QLineEdit) -> None:
    """Call after ``setClearButtonEnabled`` / ``addAction``: the little buttons in the field get a name."""
    for button in edit.findChildren(QToolButton):
        if button.accessibleName():
            continue
        action = button.defaultAction()
        if action is not None and action.objectName() == QT_CLEAR_ACTION:
            name = _("Clear the field")
        elif action is not None and action.text():
            name = action.text().replace("&", "")
        else:
            name = edit.accessibleName() or edit.placeholderText()
        button.setAccessibleName(name)


class TabLeavesControls(QObject):
    """Tab always moves on to the next control, so a keyboard user is never caught inside one.

    Qt lets a table move from cell to cell with Tab (40 families × 3 columns = 120 presses to get out) and a
    multi-line text field type a tab character. In BrugApp every table is a list of records (arrows move in it)
    and no text needs a tab character, so the first time such a control gets the focus it is set to pass Tab
    on. Installed once per application by ``setup_application``; it acts on focus changes only, never per event.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("TabLeavesControls")
        app.focusChanged.connect(self._focus_changed)

    @staticmethod
    def _focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QAbstractItemView) and new.tabKeyNavigation():
            new.setTabKeyNavigation(False)
        elif new is not None and (new.inherits("QPlainTextEdit") or new.inherits("QTextEdit")):
            # asked by class name: importing the two classes would make PySide6 build their types and enums before
            # the first screen, which has no text box (start-up time)
            text_box = cast("QPlainTextEdit | QTextEdit", new)
            if not text_box.tabChangesFocus():
                text_box.setTabChangesFocus(True)


def tab_leaves_controls(app: QApplication) -> TabLeavesControls:
    """Install once per application (a second call returns the one already there)."""
    return once_per_application(app, TabLeavesControls, TabLeavesControls)[0]
