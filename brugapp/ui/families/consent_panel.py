"""The consent panel of a family: who may receive what, since when, until when; record and withdraw."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.clock import today_local
from brugapp.domain.consent import CONSENT_STATES, GIVERS, METHODS, PURPOSES, Purpose
from brugapp.errors import ValidationError
from brugapp.i18n import _, format_date
from brugapp.services.families.families import get_family
from brugapp.services.referrals.consent import (
    ConsentView,
    list_consents,
    record_consent,
    withdraw_consent,
)
from brugapp.store import Store
from brugapp.ui.style import DANGER, MUTED
from brugapp.ui.widgets.fields import date_from_qdate, use_date_format
from brugapp.ui.widgets.form_dialog import FormDialog
from brugapp.ui.widgets.glossary import explain
from brugapp.ui.widgets.recipient_picker import RecipientPicker
from brugapp.ui.widgets.table_model import Column, RecordTableModel
from brugapp.ui.widgets.table_view import record_table


class ConsentDialog(FormDialog):
    """"Mag ik dit doorgeven aan …?" — record the answer: recipient, purposes, who, how, until when."""

    def __init__(self, store: Store, family_id: str, parent: QWidget | None = None) -> None:
        super().__init__(_("Record consent"), parent, min_width=540)
        self.store = store
        self.family_id = family_id
        self.created_id = ""
        self.recipient_combo = RecipientPicker(store, accessible_name=_("Recipient"),
                                               none_text=_("Choose who may receive it …"))
        self.purpose_boxes: dict[str, QCheckBox] = {}
        purposes = QVBoxLayout()
        for term in PURPOSES:
            box = QCheckBox(term.text())
            self.purpose_boxes[term.code] = box
            if term.code == Purpose.SHARE_STATUS:
                explain(box, "stavaza")
            purposes.addWidget(box)
        self.subject_combo = QComboBox()
        self.subject_combo.setAccessibleName(_("About whom"))
        self.subject_combo.addItem(_("The whole family"), "")
        for member in get_family(store, family_id=family_id).members:
            self.subject_combo.addItem(member.full_name, member.id)
        self.giver_combo = QComboBox()
        self.giver_combo.setAccessibleName(_("Given by"))
        for term in GIVERS:
            self.giver_combo.addItem(term.text(), term.code)
        self.giver_name = QLineEdit()
        self.giver_name.setAccessibleName(_("Name of who gave it"))
        self.method_combo = QComboBox()
        self.method_combo.setAccessibleName(_("How"))
        for term in METHODS:
            self.method_combo.addItem(term.text(), term.code)
        self.given_edit = QDateEdit(QDate.currentDate())
        self.given_edit.setCalendarPopup(True)
        self.given_edit.setAccessibleName(_("Given on"))
        use_date_format(self.given_edit)
        self.until_box = QCheckBox(_("Valid until"))
        self.until_edit = QDateEdit(QDate.currentDate().addMonths(12))
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setAccessibleName(_("Valid until"))
        use_date_format(self.until_edit)
        self.until_edit.setEnabled(False)
        self.until_box.toggled.connect(self.until_edit.setEnabled)
        self.withheld_edit = QLineEdit()
        self.withheld_edit.setAccessibleName(_("Not to be passed on"))
        self.withheld_edit.setPlaceholderText(_("e.g. the stay in the living group; separate with ;"))
        self.add("recipient", _("Who may receive it"), self.recipient_combo)
        self.form.addRow(_("For what"), purposes)
        self.add("subject_member_id", _("About whom"), self.subject_combo)
        self.add("given_by", _("Given by"), self.giver_combo)
        self.add("given_by_name", _("Name"), self.giver_name)
        self.add("method", _("How"), self.method_combo)
        self.add("given_on", _("Given on"), self.given_edit)
        self.form.addRow(self.until_box, self.until_edit)
        self.fields["valid_until"] = self.until_edit
        self.add("withheld", _("Not to be passed on"), self.withheld_edit)

    def save(self) -> None:
        recipient = self.recipient_combo.recipient()
        try:
            if recipient is None:
                raise ValidationError(_("Choose who receives the information."), field="recipient")
            self.created_id = record_consent(
                self.store, family_id=self.family_id, recipient_kind=recipient[0], recipient_id=recipient[1],
                purposes=[code for code, box in self.purpose_boxes.items() if box.isChecked()],
                given_by=self.giver_combo.currentData(), given_by_name=self.giver_name.text(),
                method=self.method_combo.currentData(), given_on=date_from_qdate(self.given_edit.date()),
                valid_until=date_from_qdate(self.until_edit.date()) if self.until_box.isChecked() else None,
                withheld=self.withheld_edit.text(), subject_member_id=self.subject_combo.currentData() or "",
            )
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.accept()


def _consent_text(view: ConsentView) -> str:
    return ", ".join(PURPOSES.label(p) for p in view.purposes)


def _validity(view: ConsentView) -> str:
    text = _("since {date}").format(date=format_date(view.given_on, "d MMM y"))
    if view.withdrawn_on:
        return _("withdrawn {date}").format(date=format_date(view.withdrawn_on, "d MMM y"))
    if view.valid_until:
        text += " · " + _("until {date}").format(date=format_date(view.valid_until, "d MMM y"))
    return f"{text} · {CONSENT_STATES.label(view.state)}"


class ConsentPanel(QFrame):
    """Shown next to a referral: the family's consents, and the buttons to record or withdraw one."""

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.store = store
        self.family_id = ""
        title = QLabel(_("Consent of the family"))
        title.setObjectName("EmptyTitle")
        self.model: RecordTableModel[ConsentView] = RecordTableModel([
            Column(_("Who may receive it"), lambda v: v.recipient_label + (f"\n({v.subject_name})" if v.subject_name
                                                                             else "")),
            Column(_("For what"), _consent_text),
            Column(_("Given by"), lambda v: " ".join(filter(None, [GIVERS.label(v.given_by), v.given_by_name]))
                   + "\n" + _validity(v)),
        ], colour=lambda v: "" if v.state == "valid" else (DANGER if v.state == "withdrawn" else MUTED))
        self.table = record_table(self.model, _("Consents"), grid=False, stripes=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setMaximumHeight(180)
        self.withheld = QLabel()
        self.withheld.setWordWrap(True)
        self.withheld.setObjectName("Warning")
        self.empty = QLabel(_("No consent recorded yet. Ask: “May I pass on what we agreed to …?”"))
        self.empty.setObjectName("Hint")
        self.empty.setWordWrap(True)
        self.add_button = QPushButton(_("Record consent …"))
        self.add_button.clicked.connect(self.add)
        self.withdraw_button = QPushButton(_("Withdraw"))
        self.withdraw_button.setAccessibleName(_("Withdraw the chosen consent"))
        self.withdraw_button.clicked.connect(self.withdraw)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(title)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(self.withheld)
        layout.addLayout(buttons)

    def set_family(self, family_id: str) -> None:
        self.family_id = family_id
        self.refresh()

    def refresh(self) -> None:
        views = list_consents(self.store, family_id=self.family_id) if self.family_id else []
        self.model.set_rows(views)
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(views))
        self.empty.setVisible(not views)
        withheld = sorted({v.withheld for v in views if v.withheld and v.state == "valid"})
        self.withheld.setText(_("Not to be passed on: {items}").format(items="; ".join(withheld)) if withheld else "")
        self.withheld.setVisible(bool(withheld))
        self.add_button.setEnabled(bool(self.family_id))
        self.withdraw_button.setEnabled(bool(views))

    def add(self) -> None:
        if self.family_id and ConsentDialog(self.store, self.family_id, self).exec():
            self.refresh()
            self.changed.emit()

    def withdraw(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        view = self.model.row_at(rows[0].row()) if rows else None
        if view is None or view.withdrawn_on is not None:
            return
        withdraw_consent(self.store, consent_id=view.id, on=today_local())
        self.refresh()
        self.changed.emit()
