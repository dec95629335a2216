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
from brugapp.i18n import _, format_date, format_number, ngettext
from brugapp.services.families.notebook import count_anonymous_contacts
from brugapp.services.today import anonymous_contacts
from brugapp.store import Store
from brugapp.ui.families.quick_log import QuickLogDialog
from brugapp.ui.widgets.roles import ID_ROLE

SHOWN_FIRST = 200  # the newest anonymous contacts listed at once; the older ones when asked for
SHOW_ALL = "show-all"  # the last item's id when there are more: it lists them all


class AnonymousContactsDialog(QDialog):
    """Choose one and pick its family in the editor: that links it (the family's timeline shows it)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.linked_family = ""
        self._show_all = False  # the older contacts too, once asked for
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
        """The newest contacts, or all of them once asked for; the list word-wraps each note, and a busy
        programme's thousands took Qt 0.1 s to measure before the dialog could be shown (``brugapp bench``)."""
        self.list.clear()
        contacts = anonymous_contacts(self.store, limit=None if self._show_all else SHOWN_FIRST + 1)
        more = len(contacts) > SHOWN_FIRST and not self._show_all
        for contact in contacts[:SHOWN_FIRST] if more else contacts:
            day = format_date(local_date(contact.occurred_at), "d MMM y")
            # Made with its list as parent: addItem(item) leaks a reference to None in PySide6 6.12 (Python 3.11).
            text = f"{day} · {CHANNELS.label(contact.channel)}\n{note_preview(contact.note, 140)}"
            item = QListWidgetItem(text, self.list)
            item.setData(ID_ROLE, contact.id)
        if more:
            total = count_anonymous_contacts(self.store)
            text = ngettext("Show all {count} anonymous contact (the older ones too) …",
                            "Show all {count} anonymous contacts (the older ones too) …", total)
            item = QListWidgetItem(text.format(count=format_number(total)), self.list)
            item.setData(ID_ROLE, SHOW_ALL)
        if not self.list.count():
            self.list.addItem(_("No anonymous contacts: everything is linked."))
        self.list.setCurrentRow(0)

    def open_item(self, item: QListWidgetItem | None) -> None:
        contact_id = item.data(ID_ROLE) if item else None
        if contact_id == SHOW_ALL:
            self._show_all = True
            self.load()
            self.list.setCurrentRow(SHOWN_FIRST)  # where the list ended: the first of the older ones
            return
        if not contact_id:
            return
        editor = QuickLogDialog(self.store, self, contact_id=contact_id)
        if editor.exec() and editor.result_contact and editor.result_contact.family_id:
            self.linked_family = editor.result_contact.family_id
        self.load()
