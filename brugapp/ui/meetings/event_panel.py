"""One leerkrachtendag or other event: programme, invitations per school, attendance and the survey.

Shown on the Overleg page when an event is chosen; a new event is made in ``NewEventDialog``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain import meetings as rules
from brugapp.errors import ValidationError
from brugapp.i18n import _, format_date, ngettext
from brugapp.services.meetings import events as event_service
from brugapp.store import Store
from brugapp.ui.icons import icon
from brugapp.ui.meetings.widgets import (
    RowsModel,
    banner,
    choose_pdf_path,
    safe_file_name,
    show_banner,
    table_view,
)
from brugapp.ui.operations import Operation, describe_error, run_operation
from brugapp.ui.widgets.fields import vocabulary_combo

REGISTERED, ATTENDED = 2, 3


def _section(hint: str) -> tuple[QWidget, QVBoxLayout]:
    """One section of the event (a tab): a line that says what it holds, then its content."""
    page = QWidget()
    layout = QVBoxLayout(page)
    label = QLabel(hint)
    label.setObjectName("Hint")
    label.setWordWrap(True)
    layout.addWidget(label)
    return page, layout


class EventPanel(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.detail: event_service.EventDetail | None = None
        self.last_output: Path | None = None
        self.operation: Operation[Path] | None = None  # the print running now, if any
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.message = banner("InfoBanner")
        outer.addWidget(self._event_detail(), 1)

    # -- building ---------------------------------------------------------------------------
    def _event_detail(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(_("Choose or create an event"))
        self.heading.setObjectName("RecordTitle")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.subheading = QLabel()
        self.subheading.setObjectName("SectionSubtitle")
        self.subheading.setWordWrap(True)
        layout.addWidget(self.subheading)
        layout.addWidget(self.message)
        prints = QHBoxLayout()
        self.print_programme_button = QPushButton(icon("print"), _("Print programme"))
        self.print_programme_button.clicked.connect(lambda: self.print_sheet("programme"))
        self.print_attendance_button = QPushButton(icon("print"), _("Print attendance list"))
        self.print_attendance_button.clicked.connect(lambda: self.print_sheet("attendance"))
        prints.addWidget(self.print_programme_button)
        prints.addWidget(self.print_attendance_button)
        prints.addStretch(1)
        layout.addLayout(prints)

        programme, p_layout = _section(_("Sessions, workshops and visits, in the order of the day."))
        self.sessions_model = RowsModel([_("Time"), _("Kind"), _("Session"), _("Room"), _("Speaker")], self)
        self.sessions_view = table_view(self.sessions_model, _("Programme"), stretch=2)
        p_layout.addWidget(self.sessions_view, 1)
        add = QHBoxLayout()
        self.starts = QTimeEdit(QTime(9, 0))
        self.ends = QTimeEdit(QTime(10, 0))
        for edit, name in ((self.starts, _("From")), (self.ends, _("Until"))):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(name)
        self.kind = vocabulary_combo(rules.SESSION_KINDS, _("Kind"), "workshop")
        self.session_title = QLineEdit()
        self.session_title.setPlaceholderText(_("Title of the session"))
        self.session_title.setAccessibleName(_("Session"))
        self.room = QLineEdit()
        self.room.setPlaceholderText(_("Room"))
        self.room.setAccessibleName(_("Room"))
        self.room.setMaximumWidth(110)
        self.speaker = QComboBox()
        self.speaker.setEditable(True)
        self.speaker.setAccessibleName(_("Speaker (from the social map)"))
        self.speaker.setMinimumWidth(160)
        self.speaker.lineEdit().setPlaceholderText(_("Speaker"))
        add_button = QPushButton(_("Add"))
        add_button.clicked.connect(self.add_session)
        for widget in (self.starts, self.ends, self.kind, self.room):
            add.addWidget(widget)
        second = QHBoxLayout()
        second.addWidget(self.session_title, 2)
        second.addWidget(self.speaker, 1)
        second.addWidget(add_button)
        add.addStretch(1)
        p_layout.addLayout(add)
        p_layout.addLayout(second)
        self.sections = QTabWidget()
        layout.addWidget(self.sections, 1)
        self.sections.addTab(programme, _("Programme"))

        schools, s_layout = _section(_("The list holds schools only – never the names of youths. "
                                       "Type the numbers in the table."))
        self.schools_model = RowsModel([_("School"), _("Invited on"), _("Registered"), _("Present"),
                                        _("Survey")], self, editable=(REGISTERED, ATTENDED),
                                       on_edit=self._count_edited)
        self.schools_view = table_view(self.schools_model, _("Invited schools"))
        for column in range(1, self.schools_model.columnCount()):  # dates and counts: never cut, nor their titles
            self.schools_view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        s_layout.addWidget(self.schools_view, 1)
        invite = QPushButton(_("Invite the schools of the youths of the last 12 months"))
        invite.clicked.connect(self.invite_schools)
        s_layout.addWidget(invite)
        self.sections.addTab(schools, _("Schools and attendance"))

        survey, survey_rows = _section(_("Satisfaction survey (1 = poor, 5 = very good)"))
        # One answer sheet per row, as the paper form reads: the school, each question in full, a comment.
        form = QFormLayout()
        self.survey_school = QComboBox()
        self.survey_school.setAccessibleName(_("School"))
        self.survey_school.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.survey_school.setMinimumContentsLength(28)
        form.addRow(_("School"), self.survey_school)
        self.scores: dict[str, QSpinBox] = {}
        for term in rules.SURVEY_QUESTIONS:
            spin = QSpinBox()
            spin.setRange(0, 5)
            spin.setSpecialValueText("–")
            spin.setToolTip(term.text())
            spin.setAccessibleName(term.text())
            spin.setMinimumWidth(70)
            spin.setMaximumWidth(110)  # a score of 1 to 5 needs no full-width box
            self.scores[term.code] = spin
            form.addRow(term.text(), spin)
        self.survey_comment = QLineEdit()
        self.survey_comment.setPlaceholderText(_("Comment"))
        self.survey_comment.setAccessibleName(_("Comment"))
        form.addRow(_("Comment"), self.survey_comment)
        survey_rows.addLayout(form)
        save = QPushButton(_("Save answers"))
        save.clicked.connect(self.save_survey)
        survey_rows.addWidget(save, 0, Qt.AlignmentFlag.AlignLeft)
        self.survey_summary = QLabel()
        self.survey_summary.setObjectName("Hint")
        self.survey_summary.setWordWrap(True)
        survey_rows.addWidget(self.survey_summary)
        survey_rows.addStretch(1)
        self.sections.addTab(survey, _("Survey"))
        return box

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """New speakers from the social map; the chosen event read again."""
        speakers = event_service.speaker_choices(self.store)
        text = self.speaker.currentText()
        self.speaker.clear()
        self.speaker.addItems([f"{s.name} ({s.organisation})" if s.organisation else s.name for s in speakers])
        self.speaker.setEditText(text)
        if self.detail is not None:
            self.load(self.detail.id)

    def load(self, event_id: str) -> None:
        self.detail = event_service.get_event(self.store, event_id=event_id)
        d = self.detail
        self.heading.setText(d.title)
        self.subheading.setText(" · ".join(p for p in (format_date(d.day, "full_day"), d.place) if p))
        self.sessions_model.set_rows([
            (s.id, [f"{s.starts:%H:%M}–{s.ends:%H:%M}", s.kind_label, s.title, s.room, s.speaker])
            for s in d.sessions])
        self.schools_model.set_rows([
            (r.school_id, [r.school, format_date(r.invited_on, "medium") if r.invited_on else "–", str(r.registered),
                           str(r.attended) if r.attendance_recorded else "", self._survey_text(r)])
            for r in d.schools])
        current = self.survey_school.currentData()
        self.survey_school.clear()
        for r in d.schools:
            self.survey_school.addItem(r.school, r.school_id)
        if current:
            self.survey_school.setCurrentIndex(max(0, self.survey_school.findData(current)))
        self.survey_summary.setText("   ".join(ngettext(
            "{question}: {average} ({count} answer)", "{question}: {average} ({count} answers)", n).format(
            question=q, average=avg, count=n) for q, avg, n in d.survey))

    @staticmethod
    def _survey_text(row: event_service.SchoolRow) -> str:
        if not row.survey_answers:
            return ""
        return _("{average} / 5 ({count})").format(average=row.survey_average, count=row.survey_answers)

    def _done(self, message: str) -> None:
        if self.detail:
            self.load(self.detail.id)
        show_banner(self.message, [message], "InfoBanner")

    def _fail(self, exc: ValidationError) -> None:
        show_banner(self.message, [exc.message], "ErrorBanner")

    # -- actions ----------------------------------------------------------------------------
    def add_session(self) -> None:
        if self.detail is None:
            return
        speakers = event_service.speaker_choices(self.store)
        index = self.speaker.currentIndex()
        chosen = speakers[index] if 0 <= index < len(speakers) and self.speaker.currentText() == \
            self.speaker.itemText(index) else None
        try:
            event_service.add_session(
                self.store, event_id=self.detail.id, starts=self.starts.time().toPython(),
                ends=self.ends.time().toPython(), kind=self.kind.currentData(), title=self.session_title.text(),
                room=self.room.text(), speaker=chosen.name if chosen else self.speaker.currentText(),
                speaker_contact_id=chosen.id if chosen else "")
        except ValidationError as exc:
            self._fail(exc)
            return
        self.session_title.clear()
        self.starts.setTime(self.ends.time())
        self.ends.setTime(self.ends.time().addSecs(3600))
        self._done(_("Session added to the programme."))

    def invite_schools(self) -> None:
        if self.detail is None:
            return
        added = event_service.invite_schools(self.store, event_id=self.detail.id)
        self._done(ngettext("{count} school added to the invitation list.",
                            "{count} schools added to the invitation list.", added).format(count=added))

    def _count_edited(self, school_id: str, column: int, value: int) -> None:
        if self.detail is None:
            return
        try:
            if column == REGISTERED:
                event_service.record_registrations(self.store, event_id=self.detail.id, registered={school_id: value})
            else:
                event_service.record_attendance(self.store, event_id=self.detail.id, attended={school_id: value})
        except ValidationError as exc:
            self._fail(exc)
            return
        self._done(_("Saved."))

    def save_survey(self) -> None:
        if self.detail is None:
            return
        scores = {code: spin.value() for code, spin in self.scores.items() if spin.value()}
        try:
            event_service.record_survey(self.store, event_id=self.detail.id,
                                        school_id=self.survey_school.currentData() or "", scores=scores,
                                        comment=self.survey_comment.text())
        except ValidationError as exc:
            self._fail(exc)
            return
        for spin in self.scores.values():
            spin.setValue(0)
        self.survey_comment.clear()
        self._done(_("Survey answers saved."))

    def print_sheet(self, sheet: str, path: Path | None = None) -> Operation[Path] | None:
        """Print off the GUI thread; returns the running operation (``done`` once the banner shows the path)."""
        if self.detail is None:
            return None
        if path is None:
            title = _("Programme") if sheet == "programme" else _("Attendance list")
            path = choose_pdf_path(self, safe_file_name(title, self.detail.title) + ".pdf")
            if path is None:
                return None
        store, event_id, out = self.store, self.detail.id, path
        printer = event_service.print_programme if sheet == "programme" else event_service.print_attendance_list

        def work() -> Path:
            printer(store, event_id=event_id, path=out)
            return out

        def on_done(printed: Path) -> None:
            self.last_output = printed
            show_banner(self.message, [_("Saved: {path}").format(path=printed)], "InfoBanner")

        def on_error(exc: Exception) -> None:
            show_banner(self.message, [describe_error(exc)], "ErrorBanner")

        self.operation = run_operation(self, label=_("Printing …"), work=work, on_done=on_done, on_error=on_error)
        return self.operation
