"""The lock screen that covers everything after a while without use (or on Ctrl+L)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from brugapp.i18n import _
from brugapp.store import Store
from brugapp.ui.icons import icon
from brugapp.ui.style import ACCENT
from brugapp.ui.widgets.centred import centred
from brugapp.ui.widgets.form_dialog import ErrorLine


class LockScreen(QWidget):
    """Built with the window, so centred by stretches, not Qt's alignment flags (ui/widgets/centred.py)."""

    unlocked = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addStretch(1)
        picture = QLabel()
        picture.setPixmap(icon("lock", ACCENT, 64).pixmap(64, 64))
        layout.addLayout(centred(picture))
        title = QLabel(_("BrugApp is locked"))
        title.setObjectName("EmptyTitle")
        layout.addLayout(centred(title))
        text = QLabel(_("Nothing is lost: what you were typing is kept. Type your passphrase to go on."))
        text.setObjectName("EmptyText")
        layout.addLayout(centred(text))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(_("Passphrase"))
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.passphrase.setFixedWidth(320)
        self.passphrase.returnPressed.connect(self._try_unlock)
        layout.addLayout(centred(self.passphrase))
        self.error = ErrorLine(keep_room=True)
        self.error.setWordWrap(False)  # one short line, centred under the field
        layout.addLayout(centred(self.error))
        button = QPushButton(_("Unlock"))
        button.setObjectName("Primary")
        button.clicked.connect(self._try_unlock)
        layout.addLayout(centred(button))
        layout.addStretch(1)

    def prepare(self) -> None:
        self.passphrase.clear()
        self.error.clear()
        self.passphrase.setFocus()

    def _try_unlock(self) -> None:
        if self.store.verify_passphrase(self.passphrase.text()):
            self.passphrase.clear()
            self.unlocked.emit()
        else:
            self.error.show_error(_("The passphrase is not correct."))
            self.passphrase.selectAll()
