"""One school site: address, net, the people there (directie, zorgcoördinator, CLB-anker) and pupils."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from brugapp.domain.notebook import SCHOOL_CONTACT_ROLES, SCHOOL_NETS
from brugapp.i18n import _, ngettext
from brugapp.services.schools import SchoolInfo, list_schools
from brugapp.store import Store
from brugapp.ui.widgets.roles import ID_ROLE


class SchoolView(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.school: SchoolInfo | None = None
        self.name = QLabel()
        self.name.setObjectName("SectionTitle")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.contacts = QListWidget()
        self.contacts.setAccessibleName(_("People at this school"))
        heading = QLabel(_("People at this school"))
        heading.setObjectName("EmptyTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name)
        layout.addWidget(self.facts)
        layout.addWidget(heading)
        layout.addWidget(self.contacts, 1)

    def show_school(self, school_id: str, *, contact_id: str = "") -> None:
        schools = list_schools(self.store)
        school = next((s for s in schools if s.id == school_id or any(c.id == contact_id for c in s.contacts)), None)
        if school is None:
            return
        self.school = school
        self.name.setText(school.label)
        address = " ".join(p for p in (school.street, school.postal_code, school.municipality) if p)
        net = SCHOOL_NETS.label(school.net) if school.net else ""
        pupils = ngettext("{count} pupil from your families", "{count} pupils from your families",
                          school.pupils).format(count=school.pupils)
        self.facts.setText(" · ".join(p for p in (address, net, school.phone, school.email, pupils) if p))
        self.contacts.clear()
        for contact in school.contacts:
            parts = [contact.name, SCHOOL_CONTACT_ROLES.label(contact.role), contact.phone, contact.email]
            item = QListWidgetItem(" · ".join(p for p in parts if p), self.contacts)  # parent, not addItem (leak)
            item.setData(ID_ROLE, contact.id)
            if contact.id == contact_id:
                self.contacts.setCurrentItem(item)
        if not school.contacts:
            self.contacts.addItem(_("No contacts recorded for this school yet."))
