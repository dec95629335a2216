"""*Opvolging*: what is overdue, due today and this week; mark done, log an attempt, add a promise.

Vandaag's card of the same follow-ups is ``ui/today/followups_panel.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from brugapp.domain.clock import today_local
from brugapp.domain.followups import CHANNELS, Bucket, FollowUpStatus, end_of_week
from brugapp.errors import ValidationError
from brugapp.i18n import _, format_number
from brugapp.services.families.choices import family_choices
from brugapp.services.referrals.followups import (
    FollowUpView,
    complete_followup,
    count_followups,
    create_followup,
    list_followups,
    log_attempt,
)
from brugapp.store import Store
from brugapp.ui.operations import Operation, run_operation
from brugapp.ui.shell.section_page import SectionPage
from brugapp.ui.style import DANGER
from brugapp.ui.today.followups_panel import state_text as _state
from brugapp.ui.today.followups_panel import when_text as _when
from brugapp.ui.widgets.family_picker import FamilyPicker
from brugapp.ui.widgets.form_dialog import FormDialog
from brugapp.ui.widgets.freshness import ListFreshness
from brugapp.ui.widgets.table_model import Column, RecordTableModel
from brugapp.ui.widgets.table_sizes import fitted_widths
from brugapp.ui.widgets.table_view import record_table

if TYPE_CHECKING:
    from brugapp.services.referrals.calendar_export import CalendarExport
from brugapp.ui.widgets.empty_state import EmptyState
from brugapp.ui.widgets.fields import date_from_qdate, qdate, use_date_format

PAGE_ROWS = 200  # rows read at once; the next 200 when the list is scrolled to its end
FITTED_COLUMNS = (0, 2, 3)  # when, family, status: as wide as their texts; what the follow-up is gets the rest


def _filters() -> list[tuple[str, str]]:
    return [
        ("week", _("Overdue, today and this week")),
        (Bucket.OVERDUE, _("Overdue")),
        (Bucket.TODAY, _("Today")),
        ("open", _("Everything still open")),
    ]


class NewFollowUpDialog(FormDialog):
    """A promise or check with a date; linked to a family when chosen."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, family_id: str = "") -> None:
        super().__init__(_("New follow-up"), parent, min_width=460)
        self.store = store
        self.created_id = ""
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(_("What needs to be done"))
        self.title_edit.setPlaceholderText(_("e.g. call mum back about the school trip"))
        self.due_edit = QDateEdit(qdate(today_local() + dt.timedelta(days=7)))
        use_date_format(self.due_edit)
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setAccessibleName(_("Date"))
        self.family = FamilyPicker(family_choices(store))
        self.family.setAccessibleName(_("Family"))
        self.family.setPlaceholderText(_("Family name – empty: no family"))
        if family_id:
            self.family.set_family(family_id)
        self.owner_edit = QLineEdit()
        self.owner_edit.setAccessibleName(_("Who does it"))
        self.add("title", _("What"), self.title_edit)
        self.add("due", _("When"), self.due_edit)
        self.add("family_id", _("Family"), self.family)
        self.add("owner", _("Who"), self.owner_edit)

    def save(self) -> None:
        family_id = self.family.family_id()
        if family_id is None:
            self.error.show_error(self.family.refusal(_(
                "Family: “{text}” matches no single family. Choose one from the list, or empty the field for a "
                "follow-up without a family.")))
            return
        try:
            self.created_id = create_followup(
                self.store, title=self.title_edit.text(), due=date_from_qdate(self.due_edit.date()),
                owner=self.owner_edit.text(), family_id=family_id or None,
            )
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.accept()


class AttemptDialog(FormDialog):
    """One try to reach someone: how, and whether they answered (for a follow-up or a referral's contact)."""

    def __init__(self, store: Store, title: str, parent: QWidget | None = None, *, followup_id: str | None = None,
                 referral_id: str | None = None, contact_id: str | None = None) -> None:
        super().__init__(_("Log an attempt"), parent, min_width=420)
        self.store = store
        self._target = {"followup_id": followup_id, "referral_id": referral_id, "contact_id": contact_id}
        self.channel_combo = QComboBox()
        self.channel_combo.setAccessibleName(_("How"))
        for term in CHANNELS:
            self.channel_combo.addItem(term.text(), term.code)
        self.answered_box = QCheckBox(_("They answered"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(_("Note (only for you)"))
        self.note_edit.setFixedHeight(60)
        self.form.addRow(QLabel(title))
        self.add("channel", _("How"), self.channel_combo)
        self.add("answered", "", self.answered_box)
        self.add("note", _("Note (only for you)"), self.note_edit)

    def save(self) -> None:
        log_attempt(self.store, channel=self.channel_combo.currentData(), answered=self.answered_box.isChecked(),
                    note=self.note_edit.toPlainText(), **self._target)
        self.accept()


class FollowUpsPage(SectionPage):
    # Filled when built (a test or a dialog builds it on its own): the window does not fill it a second time on
    # the first visit (half of that visit's time on a busy programme; brugapp bench).
    fills_itself = True

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.operation: Operation[CalendarExport] | None = None  # the export running now, if any
        self.saved_box: QMessageBox | None = None
        self._freshness = ListFreshness(store)
        self.set_titles(_("Follow-up"), _("Every promise and every referral gets a check date."))
        self.new_button = QPushButton(_("New follow-up"))
        self.new_button.setObjectName("Primary")
        self.new_button.clicked.connect(self.new_followup)
        self.ical_button = QPushButton(_("To my calendar (.ics)"))
        self.ical_button.setAccessibleName(_("Export follow-ups and appointments to a calendar file"))
        self.ical_button.clicked.connect(self.export_calendar)
        self.header.addWidget(self.ical_button, 0, Qt.AlignmentFlag.AlignTop)
        self.header.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)

        self.filter_combo = QComboBox()
        self.filter_combo.setAccessibleName(_("Show"))
        for code, label in _filters():
            self.filter_combo.addItem(label, code)
        self.filter_combo.currentIndexChanged.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setObjectName("Hint")
        top = QHBoxLayout()
        top.addWidget(self.filter_combo)
        top.addWidget(self.summary, 1)
        self.body.addLayout(top)

        self.model: RecordTableModel[FollowUpView] = RecordTableModel([
            Column(_("When"), _when),
            Column(_("What"), lambda v: v.title),
            Column(_("Family"), lambda v: v.family_name or "–"),
            Column(_("Status"), _state),
        ], colour=lambda v: DANGER if v.bucket == Bucket.OVERDUE else "")
        self.table = record_table(self.model, _("Follow-ups"), grid=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in FITTED_COLUMNS:  # fitted to the first rows when they are read, once (``table_sizes``)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.body.addWidget(self.table, 1)
        self.empty = EmptyState(icon_name="followup", title=_("Nothing to follow up"),
                                text=_("Every promise and every referral gets a check date; what is due and "
                                       "overdue stands here."))
        self.body.addWidget(self.empty, 1)

        actions = QHBoxLayout()
        self.done_button = QPushButton(_("Done"))
        self.done_button.setObjectName("Primary")
        self.done_button.setAccessibleName(_("Mark the chosen follow-up as done"))
        self.done_button.clicked.connect(lambda: self.close_selected(FollowUpStatus.DONE))
        self.attempt_button = QPushButton(_("Log an attempt …"))
        self.attempt_button.setAccessibleName(_("Log a call or e-mail, answered or not"))
        self.attempt_button.clicked.connect(self.log_attempt)
        self.not_needed_button = QPushButton(_("No longer needed"))
        self.not_needed_button.clicked.connect(lambda: self.close_selected(FollowUpStatus.NOT_NEEDED))
        actions.addWidget(self.done_button)
        actions.addWidget(self.attempt_button)
        actions.addWidget(self.not_needed_button)
        actions.addStretch(1)
        self.body.addLayout(actions)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    def selected(self) -> FollowUpView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def refresh(self) -> None:
        today = today_local()
        choice = self.filter_combo.currentData() or "week"
        if not self._freshness.stale(choice, today):
            return  # nothing saved since (the same day, the same choice): the list is current
        until = None if choice == "open" else end_of_week(today)
        since = None
        if choice == Bucket.OVERDUE:
            until = today - dt.timedelta(days=1)
        elif choice == Bucket.TODAY:
            since = until = today

        def page(offset: int) -> list[FollowUpView]:  # 200 at a time: a busy programme has 10,000 open
            return list_followups(self.store, due_until=until, due_from=since, today=today, offset=offset,
                                  limit=PAGE_ROWS)

        try:
            views = page(0)
            week = None if choice == "open" else end_of_week(today)
            counts = count_followups(self.store, today=today, due_until=week)
        except BaseException:
            self._freshness.forget()
            raise
        self.model.set_rows(views, more=page if len(views) == PAGE_ROWS else None)
        header = self.table.horizontalHeader()
        for column, width in fitted_widths(self.table, self.model, FITTED_COLUMNS).items():
            header.resizeSection(column, width)
        overdue = 0 if choice == Bucket.TODAY else counts.overdue
        due_today = 0 if choice == Bucket.OVERDUE else counts.today
        total = {Bucket.OVERDUE: overdue, Bucket.TODAY: due_today}.get(choice, counts.total)
        self.summary.setText(_("{overdue} overdue · {today} today · {total} in the list").format(
            overdue=format_number(overdue), today=format_number(due_today), total=format_number(total)))
        self.table.setVisible(bool(views))
        self.empty.setVisible(not views)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for button in (self.done_button, self.attempt_button, self.not_needed_button):
            button.setEnabled(has)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def close_selected(self, status: str) -> None:
        view = self.selected()
        if view is None:
            return
        complete_followup(self.store, followup_id=view.id, status=status)
        self.refresh()

    def log_attempt(self) -> None:
        view = self.selected()
        if view is not None and AttemptDialog(self.store, view.title, self, followup_id=view.id).exec():
            self.refresh()

    def new_followup(self) -> None:
        if NewFollowUpDialog(self.store, self).exec():
            self.refresh()

    def export_calendar(self, path: Path | None = None) -> Operation[CalendarExport] | None:
        """Write the .ics off the GUI thread; returns the running operation."""
        from brugapp.services.referrals.calendar_export import export_ical  # start-up time: on the first export

        if path is None:
            name, _filter = QFileDialog.getSaveFileName(self, _("Save calendar file"),
                                                        str(Path.home() / "brugapp.ics"), _("Calendar files (*.ics)"))
            if not name:
                return None
            path = Path(name)
        store, out = self.store, path

        def on_done(result: CalendarExport) -> None:
            box = QMessageBox(QMessageBox.Icon.Information, _("Calendar file saved"), _(
                "{todos} follow-ups and {events} appointments written to {path}. Open the file with Outlook or "
                "Thunderbird; only titles and initials are in it, no notes.").format(
                    todos=result.todos, events=result.events, path=result.path),
                QMessageBox.StandardButton.Ok, self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.saved_box = box
            box.open()

        self.operation = run_operation(self, label=_("Exporting …"), work=lambda: export_ical(store, out=out),
                                       on_done=on_done)
        return self.operation

