"""Instellingen → Wachtwoordzin wijzigen: current passphrase, new one twice; a verified backup comes first."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.passphrase import passphrase_strength
from brugapp.i18n import _
from brugapp.services.backups import change_passphrase
from brugapp.store import Store, StoreError
from brugapp.ui.widgets.form_dialog import ErrorLine


class PassphraseDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_("Change passphrase"))
        intro = QLabel(_("BrugApp first makes a checked backup, then encrypts your notebook with the new "
                         "passphrase. Older backups keep the old passphrase."))
        intro.setWordWrap(True)
        intro.setObjectName("Hint")
        self.current = self._secret(_("Current passphrase"))
        self.new = self._secret(_("New passphrase"))
        self.repeat = self._secret(_("Type the new passphrase again"))
        self.hint = QLabel()
        self.hint.setObjectName("Hint")
        self.new.textChanged.connect(lambda text: self.hint.setText(_(passphrase_strength(text).hint)))
        self.error = ErrorLine()
        form = QFormLayout()
        form.addRow(_("Current passphrase"), self.current)
        form.addRow(_("New passphrase"), self.new)
        form.addRow(_("Repeat"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Change passphrase"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    @staticmethod
    def _secret(name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(name)
        return edit

    def _fail(self, message: str, field: QLineEdit) -> None:
        self.error.show_error(message)
        field.selectAll()
        field.setFocus()

    def submit(self) -> None:
        if self.new.text() != self.repeat.text():
            self._fail(_("The two passphrases are not the same."), self.repeat)
            return
        try:
            change_passphrase(self.store, old=self.current.text(), new=self.new.text())
        except StoreError as exc:
            self._fail(exc.message, self.current if exc.field == "current" else self.new)
            return
        self.accept()


def open_passphrase_dialog(window: QMainWindow, store: Store) -> None:
    if not store.info.encrypted:
        QMessageBox.information(window, _("Change passphrase"),
                                _("This notebook is not encrypted (a demo or test store): it has no passphrase."))
        return
    if PassphraseDialog(store, window).exec():
        window.statusBar().showMessage(_("The passphrase was changed."), 8000)
