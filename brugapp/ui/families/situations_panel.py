"""The family's *Situations and school* tab: members' situations with who may know them; school change and
the overdrachtsfiche (full or status only) for the receiving school.

The disclosure rule is ``domain/situations.py``; printing is refused by the service when consent is missing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.situations import AUDIENCES, DECIDERS, SITUATION_KINDS
from brugapp.i18n import N_, _, format_date, format_date_range
from brugapp.services.families.families import MemberInfo, get_family
from brugapp.services.families.situations import SituationView, list_situations, remove_situation
from brugapp.services.families.transfer import TransferSheetData, print_transfer_sheet, school_history
from brugapp.store import Store
from brugapp.ui.families.situation_dialogs import SchoolChangeDialog, SituationDialog
from brugapp.ui.operations import Operation, run_operation
from brugapp.ui.widgets.form_dialog import ErrorLine
from brugapp.ui.widgets.table_model import Column, RecordTableModel
from brugapp.ui.widgets.table_view import Selection, record_table, wrap_columns


def _period(start: object, end: object) -> str:
    if isinstance(start, dt.date) and isinstance(end, dt.date):
        return format_date_range(start, end)
    first = format_date(start, "medium") if start else "…"  # type: ignore[arg-type]
    last = format_date(end, "medium") if end else _("now")  # type: ignore[arg-type]
    return f"{first} – {last}"


SITUATION_HEADERS = (N_("Who"), N_("Situation"), N_("Period"), N_("May know it"), N_("Decided by"))
WRAPPING_COLUMNS = (N_("Who"), N_("Situation"), N_("May know it"))
SITUATION_MIN_WIDTH = 80  # px: a word a line; below that the table scrolls sideways


def situations_model(parent: QWidget | None = None) -> RecordTableModel[SituationView]:
    who, situation, period, may_know, decided = (_(header) for header in SITUATION_HEADERS)
    return RecordTableModel([
        Column(who, lambda r: r.member_name),
        Column(situation, lambda r: SITUATION_KINDS.label(r.kind) + (f": {r.description}" if r.description else "")),
        Column(period, lambda r: _period(r.from_on, r.until_on)),
        Column(may_know, lambda r: ", ".join(AUDIENCES.label(a) for a in r.disclosed_to)
               or _("Nobody outside (only me)")),
        Column(decided, lambda r: DECIDERS.label(r.decided_by)),
    ], parent=parent)


class SituationsPanel(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.family_id = ""
        self.members: list[MemberInfo] = []
        self.operation: Operation[Any] | None = None
        layout = QVBoxLayout(self)
        hint = QLabel(_("A stay in a living group, a foster family, a boarding school or a hospital, and who may "
                        "know it. From 12 a youth decides this themself. Prints for an audience leave out what it "
                        "may not know."))
        hint.setObjectName("Hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("Add a situation …"))
        self.add_button.clicked.connect(self.add_situation)
        self.remove_button = QPushButton(_("Remove situation"))
        self.remove_button.setAccessibleName(_("Remove the chosen situation"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.model = situations_model(self)
        self.table = record_table(self.model, _("Situations"), stripes=False,
                                  selection=Selection.ExtendedSelection)
        # Who, the situation and who may know it share the room left and wrap, so who may know it is not pushed out
        # of sight behind a sideways scroll bar (at 1280×720 it was, with the situation on one line)
        wrap_columns(self.table, (SITUATION_HEADERS.index(column) for column in WRAPPING_COLUMNS),
                     min_width=SITUATION_MIN_WIDTH)
        layout.addWidget(self.table, 1)
        school_title = QLabel(_("School and school change"))
        school_title.setObjectName("PanelTitle")
        layout.addWidget(school_title)
        layout.addLayout(self._school_rows())
        self.history = QLabel()
        self.history.setWordWrap(True)
        layout.addWidget(self.history)
        self.status = ErrorLine(keep_room=True)
        layout.addWidget(self.status)

    def _school_rows(self) -> QVBoxLayout:
        """The child on a line of its own (its whole name: the three buttons beside it left a few letters), the
        school change and the two transfer sheets below."""
        rows = QVBoxLayout()
        child_row = QHBoxLayout()
        label = QLabel(_("Child"))
        self.child = QComboBox()
        self.child.setAccessibleName(_("Child"))
        self.child.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.child.currentIndexChanged.connect(self._show_history)
        label.setBuddy(self.child)
        child_row.addWidget(label)
        child_row.addWidget(self.child)
        child_row.addStretch(1)
        rows.addLayout(child_row)
        buttons = QHBoxLayout()
        self.change_button = QPushButton(_("School change …"))
        self.change_button.clicked.connect(self.change_school)
        self.transfer_button = QPushButton(_("Transfer sheet …"))
        self.transfer_button.setAccessibleName(_("Print the transfer sheet for the new school"))
        self.transfer_button.clicked.connect(lambda: self.print_transfer(status_only=False))
        self.status_button = QPushButton(_("Status only …"))
        self.status_button.setAccessibleName(_("Print the status-only transfer sheet for the new school"))
        self.status_button.clicked.connect(lambda: self.print_transfer(status_only=True))
        for button in (self.change_button, self.transfer_button, self.status_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        rows.addLayout(buttons)
        return rows

    # -- loading ---------------------------------------------------------------------------------
    def show_family(self, family_id: str) -> None:
        self.family_id = family_id
        self.members = list(get_family(self.store, family_id=family_id).members)
        self.model.set_rows(list_situations(self.store, family_id=family_id))
        chosen = self.child.currentData()
        self.child.blockSignals(True)
        self.child.clear()
        for member in self.members:
            if member.role == "child":
                self.child.addItem(member.full_name, member.id)
        self.child.setCurrentIndex(max(0, self.child.findData(chosen)))
        self.child.blockSignals(False)
        has_child = self.child.count() > 0
        for button in (self.change_button, self.transfer_button, self.status_button):
            button.setEnabled(has_child)
        self.add_button.setEnabled(bool(self.members))
        self._show_history()

    def chosen_child(self) -> MemberInfo | None:
        return next((m for m in self.members if m.id == self.child.currentData()), None)

    def _show_history(self) -> None:
        child = self.chosen_child()
        if child is None:
            self.history.setText(_("No child in this family yet."))
            return
        stints = school_history(self.store, member_id=child.id)
        if not stints:
            self.history.setText(_("School: {school}").format(school=child.school_label or "–"))
            return
        self.history.setText(_("School history: {schools}").format(schools="; ".join(
            f"{s.school_label} ({_period(s.from_on, s.until_on)})" for s in stints)))

    # -- actions ---------------------------------------------------------------------------------
    def add_situation(self) -> SituationDialog:
        dialog = SituationDialog(self.store, self, members=self.members)
        dialog.accepted.connect(lambda: self.show_family(self.family_id))
        dialog.open()
        return dialog

    def remove_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            remove_situation(self.store, situation_id=self.model.rows[index.row()].id)
            self.show_family(self.family_id)

    def change_school(self) -> SchoolChangeDialog | None:
        child = self.chosen_child()
        if child is None:
            return None
        dialog = SchoolChangeDialog(self.store, self, member=child)
        dialog.accepted.connect(lambda: self.show_family(self.family_id))
        dialog.open()
        return dialog

    def print_transfer(self, *, status_only: bool, path: str | None = None) -> Operation[TransferSheetData] | None:
        child = self.chosen_child()
        if child is None:
            return None
        if not path:
            name = "overdracht-stavaza.pdf" if status_only else "overdrachtsfiche.pdf"
            path, _filter = QFileDialog.getSaveFileName(self, _("Transfer sheet"), name, _("PDF (*.pdf)"))
        if not path:
            return None
        target = Path(path)

        def done(_data: TransferSheetData) -> None:
            self.status.show_note(_("Saved: {path}").format(path=target))

        self.operation = run_operation(
            self, label=_("Printing …"), on_done=done, on_error=self.status.show_error,
            work=lambda: print_transfer_sheet(self.store, member_id=child.id, out=target, status_only=status_only))
        return self.operation
