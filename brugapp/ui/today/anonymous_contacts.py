"""Anonymous contact moments waiting to be linked to a family ("a mother asked about a bailiff letter")."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.clock import local_date
from brugapp.domain.note_preview import note_preview
from brugapp.domain.notebook import CHANNELS
from brugapp.i18n import _, format_date
from brugapp.services.families.notebook import list_contacts
from brugapp.store import Store
from brugapp.ui.families.quick_log import QuickLogDialog
from brugapp.ui.widgets.roles import ID_ROLE


class AnonymousContactsDialog(QDialog):
    """Choose one and pick its family in the editor: that links it (the family's timeline shows it)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.linked_family = ""
        self.setWindowTitle(_("Anonymous contacts"))
        self.setAccessibleName(self.windowTitle())
        self.resize(720, 420)
        intro = QLabel(_("Contacts logged without a family. Open one and choose the family to link it."))
        intro.setWordWrap(True)
        intro.setObjectName("Hint")
        self.list = QListWidget()
        self.list.setAccessibleName(_("Anonymous contacts"))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self.open_item)
        open_button = QPushButton(_("Open and link"))
        open_button.setObjectName("Primary")
        open_button.setAccessibleName(_("Open the chosen contact to link it to a family"))
        open_button.clicked.connect(lambda: self.open_item(self.list.currentItem()))
        close = QPushButton(_("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.load()

    def load(self) -> None:
        self.list.clear()
        for contact in list_contacts(self.store, anonymous_only=True):
            day = format_date(local_date(contact.occurred_at), "d MMM y")
            # Made with its list as parent: addItem(item) leaks a reference to None in PySide6 6.12 (Python 3.11).
            text = f"{day} · {CHANNELS.label(contact.channel)}\n{note_preview(contact.note, 140)}"
            item = QListWidgetItem(text, self.list)
            item.setData(ID_ROLE, contact.id)
        if not self.list.count():
            self.list.addItem(_("No anonymous contacts: everything is linked."))
        self.list.setCurrentRow(0)

    def open_item(self, item: QListWidgetItem | None) -> None:
        contact_id = item.data(ID_ROLE) if item else None
        if not contact_id:
            return
        editor = QuickLogDialog(self.store, self, contact_id=contact_id)
        if editor.exec() and editor.result_contact and editor.result_contact.family_id:
            self.linked_family = editor.result_contact.family_id
        self.load()
