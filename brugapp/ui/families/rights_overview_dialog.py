"""*Gezinnen* → Rights × consent: which families still miss a benefit, and who may hear about them.

The worker's own overview lists every matching family with the reason it is (not) on the list printed for the
chosen recipient; the printed list carries only the families whose consent covers it. The figures and the
consent answer come from ``services/reporting/rights_overview.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.consent import PURPOSES, Purpose
from brugapp.domain.notebook import BENEFITS, RIGHT_STATUSES
from brugapp.domain.rights_overview import OPEN_STATUSES, RightFilter
from brugapp.i18n import N_, _, format_date, ngettext
from brugapp.services.reporting.rights_overview import RightsOverview, RightsRow, print_rights_list, rights_overview
from brugapp.store import Store
from brugapp.ui.operations import Operation, run_operation
from brugapp.ui.style import ACCENT, MUTED
from brugapp.ui.widgets.recipient_picker import RecipientPicker
from brugapp.ui.widgets.table_model import Column, RecordTableModel
from brugapp.ui.widgets.table_view import Selection, record_table


class RightsModel(RecordTableModel[RightsRow]):
    """The printed list on top; the last column says why a family is (not) on it for the chosen recipient."""

    HEADERS = (N_("Family"), N_("Status"), N_("Since"), N_("On the printed list?"))

    def __init__(self, parent: QWidget | None = None) -> None:
        self.with_recipient = False
        family, status, since, printed = (_(header) for header in self.HEADERS)
        cells = [
            Column(family, lambda r: r.family_name),
            Column(status, lambda r: RIGHT_STATUSES.label(r.status)),
            Column(since, lambda r: format_date(r.status_on, "medium") if r.status_on else "–"),
            Column(printed, self._on_list, colour=lambda r: ACCENT if r.on_printed_list else MUTED),
        ]
        super().__init__(cells, parent=parent)

    def set_overview(self, overview: RightsOverview) -> None:
        self.with_recipient = bool(overview.recipient_id)
        self.set_rows(sorted(overview.rows, key=lambda r: not r.on_printed_list))

    def _on_list(self, row: RightsRow) -> str:
        if not self.with_recipient:
            return _("Choose a recipient to see who may be on the list.")
        return _("On the list") if row.on_printed_list else _("Not on the list: {reason}").format(
            reason=_(row.reason))


class RightsOverviewDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.overview: RightsOverview | None = None
        self.setWindowTitle(_("Rights and consent"))
        self.resize(980, 620)
        layout = QVBoxLayout(self)
        intro = QLabel(_("Families whose rights check shows a benefit they do not (yet) use. Choose a recipient "
                         "(for instance before an OCMW or CAW office hour): the printed list carries only the "
                         "families whose consent covers that recipient."))
        intro.setWordWrap(True)
        intro.setObjectName("Hint")
        layout.addWidget(intro)

        form = QFormLayout()
        self.benefit = QComboBox()
        for term in BENEFITS:
            self.benefit.addItem(term.text(), term.code)
        self.benefit.setCurrentIndex(max(0, self.benefit.findData("medische_kaart")))
        self.benefit.setAccessibleName(_("Benefit"))
        form.addRow(_("Benefit"), self.benefit)
        statuses = QHBoxLayout()
        self.status_boxes: dict[str, QCheckBox] = {}
        for term in RIGHT_STATUSES:
            box = QCheckBox(term.text())
            box.setChecked(term.code in OPEN_STATUSES)
            box.setAccessibleName(_("Status: {status}").format(status=term.text()))
            box.toggled.connect(self.refresh)
            self.status_boxes[term.code] = box
            statuses.addWidget(box)
        statuses.addStretch(1)
        form.addRow(_("Status"), statuses)
        since_row = QHBoxLayout()
        self.use_since = QCheckBox(_("Only statuses recorded on or before"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-3))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("dd-MM-yyyy")
        self.since.setAccessibleName(_("Statuses recorded on or before"))
        self.since.setEnabled(False)
        self.use_since.toggled.connect(self.since.setEnabled)
        self.use_since.toggled.connect(self.refresh)
        self.since.dateChanged.connect(self.refresh)
        since_row.addWidget(self.use_since)
        since_row.addWidget(self.since)
        since_row.addStretch(1)
        form.addRow(_("Since"), since_row)
        self.recipient = RecipientPicker(store, accessible_name=_("Recipient"),
                                         none_text=_("Nobody: only my own overview"))
        form.addRow(_("For"), self.recipient)
        self.purpose = QComboBox()
        self.purpose.setAccessibleName(_("Purpose"))
        for term in PURPOSES:
            self.purpose.addItem(term.text(), term.code)
        self.purpose.setCurrentIndex(self.purpose.findData(Purpose.REFER))
        form.addRow(_("Purpose"), self.purpose)
        layout.addLayout(form)
        for combo in (self.benefit, self.recipient, self.purpose):
            combo.currentIndexChanged.connect(self.refresh)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RightsModel(self)
        self.table = record_table(self.model, _("Families that match"),
                                  selection=Selection.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(_("Print the list for this recipient …"))
        self.print_button.setObjectName("Primary")
        self.print_button.clicked.connect(self.print_list)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.operation: Operation[Any] | None = None
        self.refresh()

    def right_filter(self) -> RightFilter:
        chosen = frozenset(code for code, box in self.status_boxes.items() if box.isChecked())
        since = None
        if self.use_since.isChecked():
            day = self.since.date()
            since = dt.date(day.year(), day.month(), day.day())
        return RightFilter(str(self.benefit.currentData()), chosen, since)

    def select(self, *, benefit: str | None = None, recipient_id: str | None = None) -> None:
        if benefit is not None:
            self.benefit.setCurrentIndex(self.benefit.findData(benefit))
        if recipient_id is not None:
            self.recipient.choose(recipient_id)

    def refresh(self) -> Operation[RightsOverview]:
        right, recipient, purpose = self.right_filter(), self.recipient.recipient_id(), str(
            self.purpose.currentData())
        self.print_button.setEnabled(bool(recipient))

        def on_done(overview: RightsOverview) -> None:
            if (right, recipient, purpose) != (self.right_filter(), self.recipient.recipient_id(),
                                               str(self.purpose.currentData())):
                return  # a newer choice is being counted
            self.overview = overview
            self.model.set_overview(overview)
            found = ngettext("{n} family matches.", "{n} families match.", len(overview.rows)).format(
                n=len(overview.rows))
            if recipient:
                found += " " + ngettext("{n} may be on the list for {recipient}.",
                                        "{n} may be on the list for {recipient}.", len(overview.printable)).format(
                    n=len(overview.printable), recipient=overview.recipient_label)
            self.summary.setText(found)

        self.operation = run_operation(self, label=_("Looking up the families …"), on_done=on_done,
                                       work=lambda: rights_overview(self.store, right=right, recipient_id=recipient,
                                                                    purpose=purpose))
        return self.operation

    def print_list(self, path: str | None = None) -> Operation[RightsOverview] | None:
        if not path:
            path, _filter = QFileDialog.getSaveFileName(self, _("Print the list"), "rechten-lijst.pdf",
                                                        _("PDF (*.pdf)"))
        if not path:
            return None
        right, recipient, purpose = self.right_filter(), self.recipient.recipient_id(), str(
            self.purpose.currentData())
        self.operation = run_operation(
            self, label=_("Printing …"),
            on_done=lambda _overview: self.summary.setText(_("Saved: {path}").format(path=path)),
            work=lambda: print_rights_list(self.store, right=right, recipient_id=recipient, purpose=purpose,
                                           path=Path(path)))
        return self.operation
