"""Names for what Qt builds inside a control and leaves unnamed, so a screen reader says more than "button"."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QToolButton

from brugapp.i18n import _

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
