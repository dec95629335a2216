"""Dialogs of the overleg page: plan a meeting, add a participant, start a leerkrachtendag or other event.

All three are ``FormDialog``s: a service's refusal shows on the dialog's one error line, with the cursor
in the field it names and what was typed kept.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from brugapp.domain import meetings as rules
from brugapp.domain.clock import from_local
from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.services.families.choices import family_choices
from brugapp.services.families.families import MemberInfo, get_family
from brugapp.services.meetings.events import create_event, speaker_choices
from brugapp.services.meetings.meetings import (
    MeetingInput,
    ParticipantInput,
    add_participant,
    create_meeting,
    list_series,
)
from brugapp.services.schools import list_school_records
from brugapp.store import Store
from brugapp.ui.widgets.family_picker import FamilyPicker
from brugapp.ui.widgets.fields import combo, date_format, datetime_format, vocabulary_combo
from brugapp.ui.widgets.form_dialog import FormDialog
from brugapp.ui.widgets.glossary import explain


class NewMeetingDialog(FormDialog):
    """Plan a meeting: what, when, where, about whom; the agenda of its type is added at once."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(_("New meeting"), parent)
        self.store = store
        self.meeting_id = ""
        self.title = QLineEdit()
        self.title.setAccessibleName(_("Title"))
        self.title.setPlaceholderText(_("e.g. Rondetafel return to school"))
        self.type = vocabulary_combo(rules.MEETING_TYPES, _("Kind of meeting"), "rondetafel")
        # a week from today at nine: a meeting hour, not the minute the dialog happened to open
        self.starts = QDateTimeEdit(QDateTime(QDate.currentDate().addDays(7), QTime(9, 0)))
        self.starts.setCalendarPopup(True)
        self.starts.setDisplayFormat(datetime_format())
        self.starts.setAccessibleName(_("Date and time"))
        self.duration = QSpinBox()
        self.duration.setRange(5, 720)
        self.duration.setSingleStep(15)
        self.duration.setValue(60)
        self.duration.setSuffix(" " + _("min"))
        self.duration.setAccessibleName(_("Duration"))
        self.place = vocabulary_combo(rules.PLACES, _("Place"), "school")
        self.place_detail = QLineEdit()
        self.place_detail.setAccessibleName(_("Address or room"))
        self.school = combo(_("School"), [(r.label, r.id) for r in list_school_records(store)],
                            none_text=_("(no school)"))
        self.family = FamilyPicker(family_choices(store))
        self.family.setAccessibleName(_("Family"))
        self.family.setPlaceholderText(_("Family name – empty for a network meeting"))
        self.series = combo(_("Series"), [(r.label, r.id) for r in list_series(store)],
                            none_text=_("(a single meeting)"))
        self.new_series = QCheckBox(_("Start a new series, every"))
        self.interval = QSpinBox()
        self.interval.setRange(1, 52)
        self.interval.setValue(6)
        self.interval.setSuffix(" " + _("weeks"))
        self.interval.setAccessibleName(_("Interval in weeks"))
        # keys are the service's field names, so its error puts the cursor in the right field
        self.add("title", _("Title"), self.title)
        self.add("meeting_type", _("Kind of meeting"), self.type)
        self.add("starts_at", _("Date and time"), self.starts)
        self.add("duration_minutes", _("Duration"), self.duration)
        self.add("place_kind", _("Place"), self.place)
        self.add("place_detail", _("Address or room"), self.place_detail)
        self.add("school_id", _("School"), self.school)
        self.add("family_ids", _("About family"), self.family)
        self.add("series_id", _("Series"), self.series)
        self.form.addRow(self.new_series, self.interval)
        self.fields["new_series_weeks"] = self.interval

    def data(self, series_id: str) -> MeetingInput:
        family = self.family.family_id()
        return MeetingInput(
            title=self.title.text(), meeting_type=self.type.currentData(),
            starts_at=from_local(self.starts.dateTime().toPython()), duration_minutes=self.duration.value(),
            place_kind=self.place.currentData(), place_detail=self.place_detail.text(),
            school_id=self.school.currentData(), family_ids=(family,) if family else (), series_id=series_id,
        )

    def save(self) -> None:
        if self.family.family_id() is None:
            self.error.show_error(self.family.refusal(_(
                "Family: “{text}” matches no single family. Choose one from the list, or empty the field for a "
                "meeting without a family.")))
            return
        try:
            new_series = self.new_series.isChecked()
            self.meeting_id = create_meeting(
                self.store, data=self.data("" if new_series else self.series.currentData()),
                new_series_weeks=self.interval.value() if new_series else None)
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.accept()


# A family member at the table: which participant kind and role that is.
MEMBER_KIND = {"child": ("youth", "youth"), "parent": ("family", "parent"), "guardian": ("family", "guardian"),
               "other": ("family", "other")}


class ParticipantDialog(FormDialog):
    """Who is at the table, in which role, and how they are invited.

    People come from the meeting's family (youth, parents) or from the sociale kaart's contact persons;
    anyone else is typed in. Given a ``meeting_id``, Bewaren adds the participant to that meeting and a
    refusal (no name) shows in the dialog, with what was typed kept.
    """

    def __init__(self, store: Store, parent: QWidget | None = None, *, family_ids: tuple[str, ...] = (),
                 meeting_id: str = "") -> None:
        super().__init__(_("Add a participant"), parent, min_width=600)
        self.store = store
        self.meeting_id = meeting_id
        self.participant_id = ""
        self.members: list[MemberInfo] = []
        self.family = FamilyPicker(family_choices(store))
        self.family.setAccessibleName(_("Family"))
        self.family.setPlaceholderText(_("Family name – empty: not from a family"))
        if family_ids:  # the meeting's (first) family
            self.family.set_family(family_ids[0])
        self._members_of: str | None = None  # the family whose members the member list holds
        self.member = QComboBox()
        self.member.setAccessibleName(_("Family member"))
        self.family.textChanged.connect(self._fill_members)
        self.member.currentIndexChanged.connect(self._member_chosen)
        self.people = speaker_choices(store)
        self.from_kaart = combo(_("From the social map"), [(f"{p.name} – {p.organisation}", p.id)
                                                           for p in self.people], none_text=_("(type a name below)"))
        self.from_kaart.currentIndexChanged.connect(self._kaart_chosen)
        self.kind = vocabulary_combo(rules.PARTICIPANT_KINDS, _("Kind of participant"), "service")
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Name"))
        self.role = vocabulary_combo(rules.ROLES, _("Role"), "other")
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName(_("Organisation"))
        self.email = QLineEdit()
        self.email.setAccessibleName(_("E-mail"))
        self.school = combo(_("School"), [(r.label, r.id) for r in list_school_records(store)],
                            none_text=_("(no school)"))
        self.attendance = vocabulary_combo(rules.ATTENDANCE, _("Attendance"), "invited")
        self.invite = vocabulary_combo(rules.INVITE_CHANNELS, _("Invited by"), "")
        self.regie = QCheckBox(_("Coordinates this case (regiehouder)"))
        explain(self.regie, "regiehouder")
        for key, label, widget in (
                ("family_id", _("From the family"), self.family), ("member", _("Member"), self.member),
                ("kaart_contact_id", _("From the social map"), self.from_kaart),
                ("kind", _("Kind of participant"), self.kind), ("name", _("Name"), self.name),
                ("role", _("Role"), self.role), ("organisation", _("Organisation"), self.organisation),
                ("email", _("E-mail"), self.email), ("school_id", _("School"), self.school),
                ("attendance", _("Attendance"), self.attendance), ("invite_channel", _("Invited by"), self.invite)):
            self.add(key, label, widget)
        self.form.addRow("", self.regie)
        self._fill_members()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_members(self) -> None:
        """The members of the family the text stands for (none while it fits none or several)."""
        family_id = self.family.family_id() or ""
        if family_id == self._members_of:
            return
        self._members_of = family_id
        self.members = list(get_family(self.store, family_id=family_id).members) if family_id else []
        self.member.blockSignals(True)
        self.member.clear()
        self.member.addItem(_("(choose a member)") if self.members else _("(no family chosen)"), "")
        for member in self.members:
            self.member.addItem(member.full_name, member.id)
        self.member.blockSignals(False)
        self.member.setEnabled(bool(self.members))

    def _member_chosen(self) -> None:
        member = next((m for m in self.members if m.id == self.member.currentData()), None)
        if member is None:
            return
        kind, role = MEMBER_KIND.get(member.role, ("family", "other"))
        self.from_kaart.setCurrentIndex(0)
        self.name.setText(member.full_name)
        self.organisation.clear()
        self.email.setText(member.email)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.role.setCurrentIndex(self.role.findData(role))

    def _kaart_chosen(self) -> None:
        person = next((p for p in self.people if p.id == self.from_kaart.currentData()), None)
        if person is not None:
            self.member.setCurrentIndex(0)
            self.name.setText(person.name)
            self.organisation.setText(person.organisation)
            self.kind.setCurrentIndex(self.kind.findData("service"))

    def participant(self) -> ParticipantInput:
        return ParticipantInput(
            kind=self.kind.currentData(), name=self.name.text(), role=self.role.currentData(),
            organisation=self.organisation.text(), email=self.email.text(),
            attendance=self.attendance.currentData(), is_regiehouder=self.regie.isChecked(),
            invite_channel=self.invite.currentData(), school_id=self.school.currentData(),
            kaart_contact_id=self.from_kaart.currentData() or "",
            family_id=(self.family.family_id() or "") if self.member.currentData() else "",
        )

    def save(self) -> None:
        if not self.meeting_id:  # only choosing (the gallery): the caller stores it
            self.accept()
            return
        try:
            self.participant_id = add_participant(self.store, meeting_id=self.meeting_id,
                                                  participant=self.participant())
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.accept()



class NewEventDialog(FormDialog):
    """A leerkrachtendag (or another event for schools): its title, day and place; the programme follows."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(_("New teacher day or event"), parent, min_width=480)
        self.store = store
        self.event_id = ""
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("e.g. Leerkrachtendag 2027"))
        self.title.setAccessibleName(_("Title of the event"))
        self.day = QDateEdit(QDate.currentDate().addMonths(2))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(date_format())
        self.day.setAccessibleName(_("Day"))
        self.place = QLineEdit()
        self.place.setAccessibleName(_("Place"))
        self.add("title", _("Title"), self.title)
        self.add("day", _("Day"), self.day)
        self.add("place", _("Place"), self.place)
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        try:
            self.event_id = create_event(self.store, title=self.title.text(), day=self.day.date().toPython(),
                                         place=self.place.text())
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.accept()
