"""The rights check (rechtenverkenning) of one family: eight benefits, a status and a date each."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from brugapp.domain.notebook import BENEFITS, RIGHT_STATUSES
from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.services.families.rights import RightStatus, get_rights, set_rights
from brugapp.store import Store
from brugapp.ui.widgets.fields import combo
from brugapp.ui.widgets.form_dialog import ErrorLine


class RightsPanel(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.family_id = ""
        self.rows: dict[str, tuple[QWidget, QLineEdit]] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for column, title in enumerate((_("Benefit"), _("Status"), _("Since / on"))):
            header = QLabel(title)
            header.setObjectName("Hint")
            grid.addWidget(header, 0, column)
        for row, term in enumerate(BENEFITS, start=1):
            name = QLabel(term.text())
            status = combo(_("Status of {benefit}").format(benefit=term.text()),
                           [(t.text(), t.code) for t in RIGHT_STATUSES])
            when = QLineEdit()
            when.setAccessibleName(_("Date for {benefit}").format(benefit=term.text()))
            when.setPlaceholderText(_("dd-mm-yyyy"))
            when.setMaximumWidth(140)
            name.setBuddy(status)
            grid.addWidget(name, row, 0)
            grid.addWidget(status, row, 1)
            grid.addWidget(when, row, 2)
            self.rows[term.code] = (status, when)
        grid.setColumnStretch(3, 1)
        self.message = ErrorLine(keep_room=True)  # beside the button: the button keeps its size
        self.save_button = QPushButton(_("Save rights check"))
        self.save_button.setObjectName("Primary")
        self.save_button.setAccessibleName(_("Save rights check"))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        intro = QLabel(_("Which benefits does the family use? Unknown is fine: fill in what you learn."))
        intro.setObjectName("Hint")
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def load(self, family_id: str) -> None:
        self.family_id = family_id
        self.message.clear()
        for right in get_rights(self.store, family_id=family_id):
            status, when = self.rows[right.benefit]
            status.setCurrentIndex(max(status.findData(right.status), 0))  # type: ignore[attr-defined]
            when.setText(right.status_on.strftime("%d-%m-%Y") if right.status_on else "")

    def save(self) -> None:
        rights = [RightStatus(code, status.currentData(), when.text().strip() or None)  # type: ignore[attr-defined,arg-type]
                  for code, (status, when) in self.rows.items()]
        try:
            set_rights(self.store, family_id=self.family_id, rights=rights)
        except ValidationError as exc:
            self.message.show_error(exc)
            return
        self.message.show_note(_("Rights check saved."))
