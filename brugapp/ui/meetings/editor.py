"""One meeting: preparation (details, participants, warnings), the agenda builder, the minutes, printing."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain import meetings as rules
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _, format_date, format_datetime
from brugapp.services.meetings import agenda as agenda_service
from brugapp.services.meetings import meetings as meeting_service
from brugapp.services.meetings import minutes as minutes_service
from brugapp.settings import load_settings
from brugapp.store import Store
from brugapp.ui.icons import icon
from brugapp.ui.meetings.dialogs import ParticipantDialog
from brugapp.ui.meetings.widgets import (
    RowsModel,
    banner,
    choose_pdf_path,
    safe_file_name,
    selected_id,
    show_banner,
    table_view,
    vocabulary_combo,
)
from brugapp.ui.operations import Operation, describe_error, run_operation
from brugapp.ui.widgets.confirm import confirm_removal
from brugapp.ui.widgets.fields import date_format, datetime_format
from brugapp.ui.widgets.glossary import explain
from brugapp.ui.widgets.roles import ID_ROLE as ITEM_ID


def _due(day: dt.date | None) -> str:
    return format_date(day, "medium") if day else "–"


class MeetingEditor(QWidget):
    changed = Signal()  # something was saved; the list may show it differently now

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.detail: meeting_service.MeetingDetail | None = None
        self.last_output: Path | None = None
        self.operation: Operation[object] | None = None  # the print running now, if any
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("SectionTitle")
        self.heading.setObjectName("RecordTitle")
        self.subheading = QLabel()
        self.subheading.setObjectName("SectionSubtitle")
        self.subheading.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        self.warnings = banner("WarningBanner")
        self.warnings.setAccessibleName(_("Warnings"))
        layout.addWidget(self.warnings)
        self.message = banner("InfoBanner")
        layout.addWidget(self.message)
        layout.addLayout(self._print_row())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._preparation_tab(), _("Participants"))
        self.tabs.addTab(self._details_tab(), _("Details"))
        self.tabs.addTab(self._agenda_tab(), _("Agenda"))
        self.tabs.addTab(self._minutes_tab(), _("Minutes"))
        layout.addWidget(self.tabs, 1)

    # -- building ---------------------------------------------------------------------------
    def _print_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.print_menus: dict[str, QMenu] = {}
        for sheet, label in (("agenda", _("Print agenda")), ("minutes", _("Print minutes"))):
            button = QPushButton(icon("print"), label)
            button.setAccessibleName(label)
            menu = QMenu(button)
            for audience in rules.Audience:
                action = menu.addAction(_("For: {audience}").format(audience=rules.AUDIENCES.label(audience)))
                action.setData((sheet, audience.value))
                action.triggered.connect(lambda _c=False, s=sheet, a=audience.value: self.print_sheet(s, a))
            button.setMenu(menu)
            self.print_menus[sheet] = menu
            row.addWidget(button)
        self.invite_button = QPushButton(_("Invitation (.ics)"))
        self.invite_button.clicked.connect(lambda: self.export_invitation())
        row.addWidget(self.invite_button)
        row.addStretch(1)
        return row

    def _preparation_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        title = QLabel(_("Participants and roles"))
        title.setObjectName("CardTitle")
        layout.addWidget(title)
        self.participants_model = RowsModel([_("Name"), _("Role"), _("Organisation"), _("Attendance"),
                                             _("Invited by")], self)
        self.participants_view = table_view(self.participants_model, _("Participants"))
        layout.addWidget(self.participants_view, 1)
        buttons = QHBoxLayout()
        add = QPushButton(_("Add participant"))
        add.clicked.connect(lambda: self.add_participant())
        buttons.addWidget(add)
        for code in ("present", "excused"):
            button = QPushButton(rules.ATTENDANCE.label(code))
            button.clicked.connect(lambda _c=False, a=code: self.set_attendance(a))
            buttons.addWidget(button)
        remove = QPushButton(_("Remove"))
        remove.clicked.connect(self.remove_participant)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return tab

    def _details_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.starts = QDateTimeEdit()
        self.starts.setCalendarPopup(True)
        self.starts.setDisplayFormat(datetime_format())
        self.starts.setAccessibleName(_("Date and time"))
        self.place = vocabulary_combo(rules.PLACES, _("Place"))
        self.place_detail = QLineEdit()
        self.place_detail.setAccessibleName(_("Address or room"))
        self.place_detail.setPlaceholderText(_("Address or room"))
        self.regie = QLineEdit()
        self.regie.setAccessibleName(_("Coordinator (regiehouder)"))
        explain(self.regie, "regiehouder")
        self.interpreter_needed = QCheckBox(_("Interpreter needed"))
        self.interpreter_arranged = QCheckBox(_("Interpreter arranged"))
        self.interpreter_language = QLineEdit()
        self.interpreter_language.setAccessibleName(_("Language of the interpreter"))
        self.interpreter_language.setPlaceholderText(_("Language of the interpreter"))
        self.interpreter_language.setMinimumWidth(110)
        self.youth_present = vocabulary_combo(rules.PRESENCE, _("Youth present"))
        self.parents_present = vocabulary_combo(rules.PRESENCE, _("Parents present"))
        self.has_next = QCheckBox(_("Proposed next date"))
        self.next_date = QDateEdit()
        self.next_date.setCalendarPopup(True)
        self.next_date.setDisplayFormat(date_format())
        self.next_date.setAccessibleName(_("Proposed next date"))
        self.status = vocabulary_combo(rules.MEETING_STATUSES, _("Status"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)

        def pair(*widgets: QWidget) -> QWidget:
            box = QWidget()
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            for widget in widgets:
                row.addWidget(widget, 1 if isinstance(widget, QLineEdit | QComboBox) else 0)
            return box

        cells = [
            (_("Date and time"), self.starts), (_("Place"), self.place),
            (_("Coordinator (regiehouder)"), self.regie), (_("Status"), self.status),
            (_("Youth present"), self.youth_present), (_("Parents present"), self.parents_present),
        ]
        for index, (label, widget) in enumerate(cells):
            grid.addWidget(QLabel(label), index // 2, (index % 2) * 2)
            grid.addWidget(widget, index // 2, (index % 2) * 2 + 1)
        grid.addWidget(QLabel(_("Interpreter")), 3, 0)
        grid.addWidget(pair(self.interpreter_needed, self.interpreter_arranged, self.interpreter_language), 3, 1, 1, 3)
        grid.addWidget(QLabel(_("Address or room")), 4, 0)
        grid.addWidget(self.place_detail, 4, 1, 1, 3)
        grid.addWidget(QLabel(_("Next date")), 5, 0)  # a row of its own: the check box text is never cut
        grid.addWidget(pair(self.has_next, self.next_date), 5, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setVerticalSpacing(10)
        layout.addLayout(grid)
        actions = QHBoxLayout()
        save = QPushButton(_("Save details"))
        save.setObjectName("Primary")
        save.clicked.connect(self.save_details)
        self.plan_next = QPushButton(_("Plan the next meeting"))
        self.plan_next.clicked.connect(self.plan_next_meeting)
        actions.addWidget(save)
        actions.addWidget(self.plan_next)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addStretch(1)
        return tab

    def _agenda_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        left = QVBoxLayout()
        hint = QLabel(_("Drag items to reorder, or use Ctrl+Up and Ctrl+Down."))
        hint.setObjectName("Hint")
        left.addWidget(hint)
        self.agenda = QListWidget()
        self.agenda.setAccessibleName(_("Agenda items"))
        self.agenda.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.agenda.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.agenda.model().rowsMoved.connect(self._dropped)
        self.agenda.currentRowChanged.connect(self._agenda_selected)
        left.addWidget(self.agenda, 1)
        self.agenda.installEventFilter(self)
        row = QHBoxLayout()
        for text, offset in ((_("Move up"), -1), (_("Move down"), 1)):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, o=offset: self.move_current(o))
            row.addWidget(button)
        remove = QPushButton(_("Remove item"))
        remove.clicked.connect(self.remove_item)
        row.addWidget(remove)
        self.school_ok = QCheckBox(_("Also on the school version (need to know)"))
        self.school_ok.toggled.connect(self._school_ok_toggled)
        row.addStretch(1)
        left.addLayout(row)
        left.addWidget(self.school_ok)  # a line of its own: its long text is never cut by the buttons
        add_row = QHBoxLayout()
        self.new_item = QLineEdit()
        self.new_item.setPlaceholderText(_("New agenda item"))
        self.new_item.setAccessibleName(_("New agenda item"))
        self.new_item.returnPressed.connect(self.add_item)
        add = QPushButton(_("Add"))
        add.clicked.connect(self.add_item)
        self.add_collaboration = QPushButton(_("+ How is our collaboration going?"))
        self.add_collaboration.clicked.connect(lambda: self.add_item(code=rules.COLLABORATION))
        add_row.addWidget(self.new_item, 1)
        add_row.addWidget(add)
        add_row.addWidget(self.add_collaboration)
        left.addLayout(add_row)
        layout.addLayout(left, 2)
        right = QVBoxLayout()
        previous_title = QLabel(_("Follow-up of previous action points"))
        previous_title.setObjectName("CardTitle")
        right.addWidget(previous_title)
        self.previous_model = RowsModel([_("What"), _("Who"), _("By when"), _("From the meeting of")], self)
        self.previous_view = table_view(self.previous_model, _("Open action points of earlier meetings"))
        self.previous_view.setMinimumHeight(110)
        for date_column in (2, 3):  # dates and their headers are never cut
            self.previous_view.horizontalHeader().setSectionResizeMode(
                date_column, QHeaderView.ResizeMode.ResizeToContents)
        right.addWidget(self.previous_view, 1)
        done = QPushButton(_("Mark as done"))
        done.clicked.connect(lambda: self.close_action(self.previous_view))
        right.addWidget(done, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(right, 1)
        return tab

    def _minutes_tab(self) -> QWidget:
        tab = QWidget()
        layout = QGridLayout(tab)
        self.minute_items = QListWidget()
        self.minute_items.setAccessibleName(_("Agenda items"))
        self.minute_items.currentRowChanged.connect(self._minute_item_selected)
        layout.addWidget(self.minute_items, 0, 0, 3, 1)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(_("Notes: what was said"))
        self.notes.setAccessibleName(_("Notes"))
        self.decisions = QPlainTextEdit()
        self.decisions.setPlaceholderText(_("Decisions"))
        self.decisions.setAccessibleName(_("Decisions"))
        self.decisions.setMaximumHeight(70)
        save = QPushButton(_("Save notes"))
        save.setObjectName("Primary")
        save.clicked.connect(self.save_item_minutes)
        layout.addWidget(self.notes, 0, 1)
        layout.addWidget(self.decisions, 1, 1)
        layout.addWidget(save, 2, 1, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(QLabel(_("Action points: who, what, by when")), 3, 0, 1, 2)
        self.actions_model = RowsModel([_("What"), _("Who"), _("By when"), _("Status")], self)
        self.actions_view = table_view(self.actions_model, _("Action points of this meeting"))
        layout.addWidget(self.actions_view, 4, 0, 1, 2)
        add_row = QHBoxLayout()
        self.action_what = QLineEdit()
        self.action_what.setPlaceholderText(_("What has to be done?"))
        self.action_what.setAccessibleName(_("What"))
        self.action_owner = QComboBox()
        self.action_owner.setEditable(True)
        self.action_owner.setAccessibleName(_("Who"))
        self.action_owner.setMinimumWidth(170)
        self.action_owner.lineEdit().setPlaceholderText(_("Who?"))
        self.action_due = QDateEdit(QDate.currentDate().addDays(14))
        self.action_due.setCalendarPopup(True)
        self.action_due.setDisplayFormat(date_format())
        self.action_due.setAccessibleName(_("By when"))
        add = QPushButton(_("Add action point"))
        add.clicked.connect(self.add_action)
        done = QPushButton(_("Mark as done"))
        done.clicked.connect(lambda: self.close_action(self.actions_view))
        add_row.addWidget(self.action_what, 1)
        add_row.addWidget(self.action_owner)
        add_row.addWidget(self.action_due)
        add_row.addWidget(add)
        add_row.addWidget(done)
        layout.addLayout(add_row, 5, 0, 1, 2)
        layout.setColumnStretch(0, 2)
        layout.setColumnStretch(1, 3)
        return tab

    # -- loading ----------------------------------------------------------------------------
    def load(self, meeting_id: str) -> None:
        try:
            self.detail = meeting_service.get_meeting(self.store, meeting_id=meeting_id)
        except NotFoundError:
            self.detail = None
            return
        d = self.detail
        self.heading.setText(d.title)
        parts = [rules.MEETING_TYPES.label(d.meeting_type), format_datetime(d.starts_at.astimezone(), "short_day"),
                 d.place_detail or rules.PLACES.label(d.place_kind)]
        if d.families:
            parts.append(_("about {families}").format(families=", ".join(f.name for f in d.families)))
        if d.series_name and d.series_name != d.title:
            parts.append(d.series_name)
        if d.ordinal_in_school_year:
            parts.append(_("meeting {number} of this school year").format(number=d.ordinal_in_school_year))
        self.subheading.setText(" · ".join(parts))
        show_banner(self.warnings, [w.message for w in d.warnings])
        self.starts.setDateTime(d.starts_at.astimezone().replace(tzinfo=None))
        self.place.setCurrentIndex(self.place.findData(d.place_kind))
        self.place_detail.setText(d.place_detail)
        self.regie.setText(d.regiehouder)
        self.interpreter_needed.setChecked(d.interpreter_needed)
        self.interpreter_arranged.setChecked(d.interpreter_arranged)
        self.interpreter_language.setText(d.interpreter_language)
        self.youth_present.setCurrentIndex(self.youth_present.findData(d.youth_present))
        self.parents_present.setCurrentIndex(self.parents_present.findData(d.parents_present))
        self.has_next.setChecked(d.proposed_next_date is not None)
        self.next_date.setDate(d.proposed_next_date or d.starts_at.astimezone().date() + dt.timedelta(weeks=6))
        self.status.setCurrentIndex(self.status.findData(d.status))
        self.participants_model.set_rows([
            (p.id, [p.name + (" ★" if p.is_regiehouder else ""), p.role_label, p.organisation,
                    rules.ATTENDANCE.label(p.attendance), rules.INVITE_CHANNELS.label(p.invite_channel)])
            for p in d.participants])
        self._fill_agenda()
        self.previous_model.set_rows([(a.id, [a.what, a.owner, _due(a.due), format_date(a.meeting_date, "medium")])
                                      for a in d.previous_actions])
        self.actions_model.set_rows([(a.id, [a.what, a.owner, _due(a.due), rules.ACTION_STATUSES.label(a.status)])
                                     for a in d.actions])
        owner = self.action_owner.currentText()
        self.action_owner.clear()
        self.action_owner.addItems([p.name for p in d.participants])
        self.action_owner.setEditText(owner)
        self.add_collaboration.setEnabled(not any(i.code == rules.COLLABORATION for i in d.items))

    def _fill_agenda(self) -> None:
        assert self.detail is not None
        current = self.agenda.currentRow()
        minute_row = self.minute_items.currentRow()
        for widget in (self.agenda, self.minute_items):
            widget.blockSignals(True)
            widget.clear()
            for number, item in enumerate(self.detail.items, start=1):
                text = f"{number}. {item.title}"
                if widget is self.agenda and item.code == rules.PREVIOUS_ACTIONS:
                    text += "  " + _("({count} open)").format(count=len(self.detail.previous_actions))
                entry = QListWidgetItem(text)
                entry.setData(ITEM_ID, item.id)
                if item.hint:
                    entry.setToolTip(item.hint)
                widget.addItem(entry)
            widget.blockSignals(False)
        self.agenda.setCurrentRow(min(max(current, 0), self.agenda.count() - 1))
        self.minute_items.setCurrentRow(min(max(minute_row, 0), self.minute_items.count() - 1))

    def _reload(self, message: str = "") -> None:
        if self.detail is not None:
            self.load(self.detail.id)
        if message:
            show_banner(self.message, [message], "InfoBanner")
        self.changed.emit()

    def _fail(self, exc: Exception) -> None:
        show_banner(self.message, [getattr(exc, "message", str(exc))], "ErrorBanner")

    # -- preparation ------------------------------------------------------------------------
    def save_details(self) -> None:
        if self.detail is None:
            return
        data = replace(
            self.detail.as_input(), regiehouder=self.regie.text(),
            starts_at=self.starts.dateTime().toPython().astimezone(), place_kind=self.place.currentData(),
            place_detail=self.place_detail.text(),
            interpreter_needed=self.interpreter_needed.isChecked(),
            interpreter_arranged=self.interpreter_arranged.isChecked(),
            interpreter_language=self.interpreter_language.text(), youth_present=self.youth_present.currentData(),
            parents_present=self.parents_present.currentData(), status=self.status.currentData(),
            proposed_next_date=self.next_date.date().toPython() if self.has_next.isChecked() else None,
        )
        try:
            meeting_service.update_meeting(self.store, meeting_id=self.detail.id, data=data)
        except ValidationError as exc:
            self._fail(exc)
            return
        self._reload(_("Details saved."))

    def add_participant(self, participant: meeting_service.ParticipantInput | None = None) -> None:
        if self.detail is None:
            return
        if participant is None:
            dialog = ParticipantDialog(self.store, self, family_ids=tuple(f.id for f in self.detail.families))
            if not dialog.exec():
                return
            participant = dialog.participant()
        try:
            meeting_service.add_participant(self.store, meeting_id=self.detail.id, participant=participant)
        except ValidationError as exc:
            self._fail(exc)
            return
        self._reload(_("{name} added.").format(name=participant.name.strip()))

    def _selected_participant(self) -> meeting_service.ParticipantView | None:
        chosen = selected_id(self.participants_view)
        return next((p for p in self.detail.participants if p.id == chosen), None) if self.detail else None

    def set_attendance(self, attendance: str) -> None:
        person = self._selected_participant()
        if person is None:
            return
        meeting_service.update_participant(self.store, participant_id=person.id, participant=meeting_service
                                           .ParticipantInput(
            kind=person.kind, name=person.name, role=person.role, organisation=person.organisation,
            email=person.email, attendance=attendance, is_regiehouder=person.is_regiehouder,
            invite_channel=person.invite_channel, family_id=person.family_id, school_id=person.school_id))
        self._reload()

    def remove_participant(self) -> None:
        person = self._selected_participant()
        if person is not None and confirm_removal(
            self, title=_("Remove participant"),
            question=_("Remove {name} from this meeting?").format(name=person.name),
        ):
            meeting_service.remove_participant(self.store, participant_id=person.id)
            self._reload(_("{name} removed.").format(name=person.name))

    def plan_next_meeting(self) -> None:
        if self.detail is None:
            return
        try:
            new_id = meeting_service.plan_next_meeting(self.store, meeting_id=self.detail.id)
        except ValidationError as exc:
            self._fail(exc)
            return
        self.changed.emit()
        self.load(new_id)
        show_banner(self.message, [_("The next meeting is planned; open action points come along.")], "InfoBanner")

    # -- agenda -----------------------------------------------------------------------------
    def _current_item(self) -> meeting_service.ItemView | None:
        row = self.agenda.currentRow()
        return self.detail.items[row] if self.detail and 0 <= row < len(self.detail.items) else None

    def _agenda_selected(self, _row: int) -> None:
        item = self._current_item()
        self.school_ok.blockSignals(True)
        self.school_ok.setChecked(bool(item and item.school_ok))
        self.school_ok.blockSignals(False)

    def _school_ok_toggled(self, checked: bool) -> None:
        item = self._current_item()
        if item is not None and item.school_ok != checked:
            agenda_service.update_item(self.store, item_id=item.id, title=item.title, school_ok=checked)
            self._reload()

    def _dropped(self, *_args: object) -> None:
        if self.detail is None:
            return
        ids = [self.agenda.item(row).data(ITEM_ID) for row in range(self.agenda.count())]
        agenda_service.reorder_items(self.store, meeting_id=self.detail.id, item_ids=ids)
        self._reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Up / Ctrl+Down on the agenda: the keyboard way of dragging an item."""
        if watched is self.agenda and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.modifiers() & Qt.KeyboardModifier.ControlModifier and key_event.key() in (
                    Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_current(-1 if key_event.key() == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    def move_current(self, offset: int) -> None:
        item = self._current_item()
        if item is None:
            return
        target = max(0, min(self.agenda.count() - 1, self.agenda.currentRow() + offset))
        agenda_service.move_item(self.store, item_id=item.id, offset=offset)
        self._reload()
        self.agenda.setCurrentRow(target)
        self.agenda.setFocus()

    def add_item(self, code: str = "") -> None:
        if self.detail is None:
            return
        try:
            agenda_service.add_item(self.store, meeting_id=self.detail.id, title="" if code else self.new_item.text(),
                                    code=code)
        except ValidationError as exc:
            self._fail(exc)
            return
        self.new_item.clear()
        self._reload()
        self.agenda.setCurrentRow(self.agenda.count() - 1)

    def remove_item(self) -> None:
        item = self._current_item()
        if item is None or not confirm_removal(
            self, title=_("Remove agenda item"),
            question=_("Remove “{title}” from the agenda, with its notes and decisions?").format(title=item.title),
        ):
            return
        try:
            agenda_service.remove_item(self.store, item_id=item.id)
        except ValidationError as exc:
            self._fail(exc)
            return
        self._reload()

    # -- minutes ----------------------------------------------------------------------------
    def _minute_item_selected(self, row: int) -> None:
        if self.detail and 0 <= row < len(self.detail.items):
            item = self.detail.items[row]
            self.notes.setPlainText(item.notes)
            self.decisions.setPlainText(item.decisions)

    def save_item_minutes(self) -> None:
        row = self.minute_items.currentRow()
        if self.detail is None or not 0 <= row < len(self.detail.items):
            return
        minutes_service.record_item_minutes(self.store, item_id=self.detail.items[row].id,
                                            notes=self.notes.toPlainText(), decisions=self.decisions.toPlainText())
        self._reload(_("Notes saved."))

    def add_action(self) -> None:
        if self.detail is None:
            return
        row = self.minute_items.currentRow()
        item_id = self.detail.items[row].id if 0 <= row < len(self.detail.items) else ""
        action = minutes_service.ActionInput(what=self.action_what.text(), owner=self.action_owner.currentText(),
                                             due=self.action_due.date().toPython(), item_id=item_id)
        try:
            minutes_service.add_action(self.store, meeting_id=self.detail.id, action=action)
        except ValidationError as exc:
            self._fail(exc)
            return
        self.action_what.clear()
        self._reload(_("Action point added; {owner} gets it as a follow-up.").format(owner=action.owner.strip()))

    def close_action(self, view: object) -> None:
        chosen = selected_id(view)  # type: ignore[arg-type]
        if chosen:
            minutes_service.set_action_status(self.store, action_id=chosen, status="done")
            self._reload(_("Action point marked as done."))

    # -- printing ---------------------------------------------------------------------------
    def print_sheet(self, sheet: str, audience: str, path: Path | None = None) -> Operation[Path] | None:
        """Print off the GUI thread; returns the running operation (``done`` when the banner shows the result)."""
        if self.detail is None:
            return None
        if path is None:
            name = safe_file_name(_("Agenda") if sheet == "agenda" else _("Minutes"), self.detail.title, audience)
            path = choose_pdf_path(self, name + ".pdf")
            if path is None:
                return None
        store, meeting_id, out = self.store, self.detail.id, path
        prepared_by = load_settings().sender_line()

        def work() -> tuple[Path, list[str]]:
            if sheet == "agenda":
                agenda_service.print_agenda(store, meeting_id=meeting_id, audience=audience, path=out,
                                            prepared_by=prepared_by)
            else:
                minutes_service.print_minutes(store, meeting_id=meeting_id, audience=audience, path=out)
            return out, list(agenda_service.meeting_sheet(store, meeting_id=meeting_id, audience=audience).notices)

        def on_done(result: tuple[Path, list[str]]) -> None:
            printed, notices = result
            self.last_output = printed
            show_banner(self.message, [_("Saved: {path}").format(path=printed), *notices], "InfoBanner")

        def on_error(exc: Exception) -> None:
            show_banner(self.message, [describe_error(exc)], "ErrorBanner")

        self.operation = run_operation(self, label=_("Printing …"), work=work, on_done=on_done, on_error=on_error)
        return self.operation

    def export_invitation(self, path: Path | None = None) -> Path | None:
        if self.detail is None:
            return None
        if path is None:
            path = choose_pdf_path(self, safe_file_name(self.detail.title) + ".ics", suffix=".ics")
            if path is None:
                return None
        agenda_service.export_invitation(self.store, meeting_id=self.detail.id, path=path)
        self.last_output = path
        show_banner(self.message, [_("Saved: {path}").format(path=path)], "InfoBanner")
        return path
