"""One way to ask before something is removed for good (deletes without an undo are confirmed)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from brugapp.i18n import _


def confirm_removal(parent: QWidget, *, title: str, question: str) -> bool:
    """Ask with "Verwijderen" / "Annuleren"; Cancel is the default so Enter never deletes by accident."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    remove = box.addButton(_("Remove"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is remove
