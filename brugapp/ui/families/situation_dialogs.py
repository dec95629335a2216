"""Dialogs of the *Situations and school* tab: add a situation (with who may know it), change school."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from brugapp.domain.situations import AUDIENCES, DECIDERS, SITUATION_KINDS, Audience
from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.services.families.families import MemberInfo
from brugapp.services.families.situations import record_situation
from brugapp.services.families.transfer import change_school
from brugapp.services.reporting.report import school_choices
from brugapp.store import Store
from brugapp.ui.widgets.form_dialog import FormDialog


def _date_edit(day: dt.date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setAccessibleName(name)
    return edit


def _day(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


class SituationDialog(FormDialog):
    """A situation of one member; by default nobody outside may know it (need to know, chosen per audience)."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, members: list[MemberInfo],
                 today: dt.date | None = None) -> None:
        super().__init__(_("Add a situation"), parent)
        self.store = store
        self.saved_id = ""
        day = today or dt.date.today()
        self.member = QComboBox()
        for member in members:
            self.member.addItem(member.full_name, member.id)
        self.add("member", _("Who"), self.member)
        self.kind = QComboBox()
        for term in SITUATION_KINDS:
            self.kind.addItem(term.text(), term.code)
        self.add("kind", _("Situation"), self.kind)
        self.description = QLineEdit()
        self.description.setPlaceholderText(_("Short, e.g. living group in Menen, until the summer"))
        self.add("description", _("Details"), self.description)
        self.from_on = _date_edit(day, _("From"))
        self.add("from_on", _("From"), self.from_on)
        until_row = QWidget()
        until_layout = QHBoxLayout(until_row)
        until_layout.setContentsMargins(0, 0, 0, 0)
        self.has_end = QCheckBox(_("Ended or ends on"))
        self.until_on = _date_edit(day, _("Until"))
        self.until_on.setEnabled(False)
        self.has_end.toggled.connect(self.until_on.setEnabled)
        until_layout.addWidget(self.has_end)
        until_layout.addWidget(self.until_on, 1)
        self.add("until_on", _("Until"), until_row)
        audiences = QWidget()
        audience_layout = QHBoxLayout(audiences)
        audience_layout.setContentsMargins(0, 0, 0, 0)
        self.audiences: dict[str, QCheckBox] = {}
        for term in AUDIENCES:
            box = QCheckBox(term.text())
            box.setChecked(term.code != Audience.SCHOOL)
            box.setAccessibleName(_("May know: {audience}").format(audience=term.text()))
            self.audiences[term.code] = box
            audience_layout.addWidget(box)
        audience_layout.addStretch(1)
        self.add("disclosed_to", _("May know it"), audiences)
        self.decided_by = QComboBox()
        for term in DECIDERS:
            self.decided_by.addItem(term.text(), term.code)
        self.add("decided_by", _("Decided by"), self.decided_by)

    def save(self) -> None:
        try:
            self.saved_id = record_situation(
                self.store, member_id=str(self.member.currentData()), kind=str(self.kind.currentData()),
                description=self.description.text(), from_on=_day(self.from_on),
                until_on=_day(self.until_on) if self.has_end.isChecked() else None,
                disclosed_to=[code for code, box in self.audiences.items() if box.isChecked()],
                decided_by=str(self.decided_by.currentData()))
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.accept()


class SchoolChangeDialog(FormDialog):
    """Overdracht: the child goes to another school from a day on; the old school stays in the history."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, member: MemberInfo,
                 today: dt.date | None = None) -> None:
        super().__init__(_("School change for {name}").format(name=member.first_name), parent)
        self.store = store
        self.member_id = member.id
        self.school = QComboBox()
        for uuid, label in school_choices(store):
            if uuid != member.school_id:
                self.school.addItem(label, uuid)
        self.add("school", _("New school"), self.school)
        self.on = _date_edit(today or dt.date.today(), _("From"))
        self.add("on", _("From"), self.on)
        self.class_name = QLineEdit()
        self.add("class_name", _("Class"), self.class_name)

    def save(self) -> None:
        try:
            change_school(self.store, member_id=self.member_id, school_id=str(self.school.currentData() or ""),
                          on=_day(self.on), class_name=self.class_name.text())
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.accept()
