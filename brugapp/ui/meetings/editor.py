"""One meeting: preparation (details, participants, warnings), the agenda builder, the minutes, printing."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain import meetings as rules
from brugapp.domain.clock import from_local, to_local
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _, format_date, format_datetime
from brugapp.services.meetings import agenda as agenda_service
from brugapp.services.meetings import meetings as meeting_service
from brugapp.services.meetings import minutes as minutes_service
from brugapp.settings import load_settings
from brugapp.store import Store
from brugapp.ui.icons import icon
from brugapp.ui.meetings.dialogs import ParticipantDialog
from brugapp.ui.meetings.editor_tabs import EditorTabs
from brugapp.ui.meetings.widgets import (
    banner,
    choose_pdf_path,
    safe_file_name,
    selected_id,
    show_banner,
)
from brugapp.ui.operations import Operation, describe_error, run_operation
from brugapp.ui.widgets.confirm import confirm_removal
from brugapp.ui.widgets.roles import ID_ROLE as ITEM_ID


def _due(day: dt.date | None) -> str:
    return format_date(day, "medium") if day else "–"


class MeetingEditor(EditorTabs, QWidget):
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
        self.agenda_tab = self._agenda_tab()
        self.tabs.addTab(self.agenda_tab, _("Agenda"))
        self.minutes_tab = self._minutes_tab()
        self.tabs.addTab(self.minutes_tab, _("Minutes"))
        self.actions_tab = self._actions_tab()
        self.tabs.addTab(self.actions_tab, _("Action points"))
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

    def load(self, meeting_id: str) -> None:
        try:
            self.detail = meeting_service.get_meeting(self.store, meeting_id=meeting_id)
        except NotFoundError:
            self.detail = None
            return
        d = self.detail
        self.heading.setText(d.title)
        parts = [rules.MEETING_TYPES.label(d.meeting_type), format_datetime(to_local(d.starts_at), "short_day"),
                 d.place_detail or rules.PLACES.label(d.place_kind)]
        if d.families:
            parts.append(_("about {families}").format(families=", ".join(f.name for f in d.families)))
        if d.series_name and d.series_name != d.title:
            parts.append(d.series_name)
        if d.ordinal_in_school_year:
            parts.append(_("meeting {number} of this school year").format(number=d.ordinal_in_school_year))
        self.subheading.setText(" · ".join(parts))
        show_banner(self.warnings, [w.message for w in d.warnings])
        self.starts.setDateTime(to_local(d.starts_at).replace(tzinfo=None))
        self.place.setCurrentIndex(self.place.findData(d.place_kind))
        self.place_detail.setText(d.place_detail)
        self.regie.setText(d.regiehouder)
        self.interpreter_needed.setChecked(d.interpreter_needed)
        self.interpreter_arranged.setChecked(d.interpreter_arranged)
        self.interpreter_language.setText(d.interpreter_language)
        self.youth_present.setCurrentIndex(self.youth_present.findData(d.youth_present))
        self.parents_present.setCurrentIndex(self.parents_present.findData(d.parents_present))
        self.has_next.setChecked(d.proposed_next_date is not None)
        self.next_date.setDate(d.proposed_next_date or to_local(d.starts_at).date() + dt.timedelta(weeks=6))
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
        self._show_empty_action_lists(has_previous=bool(d.previous_actions), has_actions=bool(d.actions))
        owner = self.action_owner.currentText()
        self.action_owner.clear()
        self.action_owner.addItems([p.name for p in d.participants])
        self.action_owner.setEditText(owner)
        self.add_collaboration.setEnabled(not any(i.code == rules.COLLABORATION for i in d.items))

    def _show_empty_action_lists(self, *, has_previous: bool, has_actions: bool) -> None:
        """A table with nothing in it says so instead, and its "Mark as done" goes."""
        self.agenda_tab_layout.setStretchFactor(self.previous_part, 2 if has_previous else 0)
        self.previous_view.setVisible(has_previous)
        self.previous_done.setVisible(has_previous)
        self.no_previous.setVisible(not has_previous)
        self.actions_stack.setCurrentWidget(self.actions_view if has_actions else self.no_actions)
        self.actions_done.setVisible(has_actions)

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
                entry = QListWidgetItem(text, widget)  # parent, not addItem (PySide6 6.12 leak)
                entry.setData(ITEM_ID, item.id)
                if item.hint:
                    entry.setToolTip(item.hint)
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
            starts_at=from_local(self.starts.dateTime().toPython()), place_kind=self.place.currentData(),
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
        if participant is None:  # the dialog stores it, and keeps what was typed when refused
            dialog = ParticipantDialog(self.store, self, family_ids=tuple(f.id for f in self.detail.families),
                                       meeting_id=self.detail.id)
            if dialog.exec():
                self._reload(_("{name} added.").format(name=dialog.participant().name.strip()))
            return
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
