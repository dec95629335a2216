"""*Rapportage*: the anonymised year report per school year and school, printed or exported for Excel.

Every figure comes from ``services/reporting/report.py`` already suppressed ("<5"); this page only shows it.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.clock import today_local
from brugapp.domain.reporting import SchoolYearReport
from brugapp.domain.schoolyear import SchoolYear
from brugapp.domain.themes import THEMES
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _
from brugapp.services.reporting.kept import counted_report, kept_report
from brugapp.services.reporting.report import export_report_csv, first_tables, print_report, school_choices
from brugapp.services.reporting.signals import record_signal
from brugapp.store import Store
from brugapp.ui.operations import Operation, run_operation
from brugapp.ui.reports.card_grid import CardGrid
from brugapp.ui.reports.overview_actions import overview_menu
from brugapp.ui.reports.table_card import ReportTableCard
from brugapp.ui.shell.section_page import SectionPage
from brugapp.ui.widgets.empty_state import EmptyState
from brugapp.ui.widgets.fields import date_format
from brugapp.ui.widgets.form_dialog import ErrorLine

YEARS_BACK = 4


class SignalDialog(QDialog):
    """A structural problem passed on to the local network: theme, description without names, how many families."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, school_id: str = "") -> None:
        super().__init__(parent)
        self.store = store
        self.created_id = ""
        self.setWindowTitle(_("Add a signal"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_format())
        self.date_edit.setAccessibleName(_("Date"))
        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName(_("Theme"))
        for term in THEMES:
            self.theme_combo.addItem(("– " if term.parent else "") + term.text(), term.code)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setAccessibleName(_("Signal"))
        self.description_edit.setPlaceholderText(_("e.g. slum landlord: damp, overcrowded houses in one street"))
        self.description_edit.setFixedHeight(80)
        self.families_spin = QSpinBox()
        self.families_spin.setRange(0, 100_000)
        self.families_spin.setAccessibleName(_("Number of families concerned"))
        self.passed_on_edit = QLineEdit()
        self.passed_on_edit.setAccessibleName(_("Passed on to"))
        self.passed_on_edit.setPlaceholderText(_("e.g. Lokaal Netwerk Kinderarmoede"))
        self.school_combo = QComboBox()
        self.school_combo.setAccessibleName(_("School"))
        self.school_combo.addItem(_("(not about one school)"), "")
        for uuid, name in school_choices(store):
            self.school_combo.addItem(name, uuid)
        if school_id:
            self.school_combo.setCurrentIndex(max(0, self.school_combo.findData(school_id)))
        hint = QLabel(_("Write the signal without names: it appears in the year report."))
        hint.setObjectName("Hint")
        hint.setWordWrap(True)
        self.error = ErrorLine()
        form = QFormLayout()
        form.addRow(_("Date"), self.date_edit)
        form.addRow(_("Theme"), self.theme_combo)
        form.addRow(_("Signal"), self.description_edit)
        form.addRow(_("Families concerned"), self.families_spin)
        form.addRow(_("Passed on to"), self.passed_on_edit)
        form.addRow(_("School"), self.school_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 0)

    def save(self) -> None:
        day = self.date_edit.date()
        try:
            info = record_signal(
                self.store, theme=self.theme_combo.currentData(), description=self.description_edit.toPlainText(),
                families_concerned=self.families_spin.value(), passed_on_to=self.passed_on_edit.text(),
                signalled_on=dt.date(day.year(), day.month(), day.day()),
                school_id=self.school_combo.currentData() or None,
            )
        except ValidationError as exc:
            self.error.show_error(exc)
            return
        self.created_id = info.id
        self.accept()


class ReportsPage(SectionPage):
    fills_itself = True  # counted when built: the window does not start a second count on the first visit

    def __init__(self, store: Store, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(store, parent)
        self.report: SchoolYearReport | None = None
        self.grid: CardGrid | None = None
        self.operation: Operation[Any] | None = None  # the latest work started here (counting, printing, export)
        self.counting: Operation[SchoolYearReport | None] | None = None
        self._counted: tuple[int, str | None] = (0, None)  # the school year and school being counted
        current = SchoolYear.of(today or today_local())
        # The first count starts before the page is built: it is SQLite's work, on a worker thread that leaves the
        # interpreter to the GUI thread meanwhile, so the year is counted while the page is built.
        if kept_report(store, school_year=current) is None:
            self._count(current, None)
        self.set_titles(_("Reporting"), _("Anonymised figures per school and school year, for the school team, "
                                          "the employer and the municipality."))
        self.signal_button = QPushButton(_("Add a signal …"))
        self.signal_button.setAccessibleName(_("Add a signal passed on to the local network"))
        self.signal_button.clicked.connect(self.add_signal)
        self.csv_button = QPushButton(_("Export to Excel (CSV)"))
        self.csv_button.setAccessibleName(_("Export the report tables to a CSV file for Excel"))
        self.csv_button.clicked.connect(self.export_csv)
        self.pdf_button = QPushButton(_("Print PDF"))
        self.pdf_button.setObjectName("Primary")
        self.pdf_button.setAccessibleName(_("Print the year report as PDF"))
        self.pdf_button.clicked.connect(self.print_pdf)
        self.charts_button = QPushButton(_("Charts …"))
        self.charts_button.setAccessibleName(_("Show the figures as charts beside the previous school year"))
        self.charts_button.clicked.connect(self.show_charts)
        self.more_button = QPushButton(_("More …"))
        self.more_button.setAccessibleName(_("Questions per school and the programme report"))
        self.more_button.setMenu(overview_menu(self))
        for button in (self.signal_button, self.more_button, self.charts_button, self.csv_button, self.pdf_button):
            self.header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName(_("School year"))
        for back in range(YEARS_BACK + 1):
            year = SchoolYear(current.start_year - back)
            self.year_combo.addItem(year.label, year.start_year)
        self.school_combo = QComboBox()
        self.school_combo.setAccessibleName(_("School"))
        self.school_combo.setMinimumWidth(280)  # filled by refresh(), at the end of __init__
        self.year_combo.currentIndexChanged.connect(self.refresh)
        self.school_combo.currentIndexChanged.connect(self.refresh)
        year_label = QLabel(_("School year"))
        year_label.setBuddy(self.year_combo)
        school_label = QLabel(_("School"))
        school_label.setBuddy(self.school_combo)
        filters = QHBoxLayout()
        filters.addWidget(year_label)
        filters.addWidget(self.year_combo)
        filters.addSpacing(16)
        filters.addWidget(school_label)
        filters.addWidget(self.school_combo)
        filters.addStretch(1)
        self.body.addLayout(filters)
        self.privacy_note = QLabel(_("We show counts under 5 as <5 to protect families.") + " "
                                   + _("No names of families, children or workers are in this report."))
        self.privacy_note.setObjectName("Hint")
        self.privacy_note.setWordWrap(True)
        self.body.addWidget(self.privacy_note)
        self.status = QLabel()
        self.status.setObjectName("Hint")
        self.status.setWordWrap(True)
        self.status.hide()
        self.body.addWidget(self.status)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body.addWidget(self.scroll, 1)
        self.empty = EmptyState(icon_name="report", title=_("No figures for this school year"),
                                text=_("As soon as contact moments, referrals, meetings or signals are recorded "
                                       "in this school year, their anonymised figures appear here."))
        text = self.empty.findChild(QLabel, "EmptyText")
        if text is not None:  # built while hidden, a wrapped label would keep a too narrow width
            text.setMinimumWidth(440)
        self.body.addWidget(self.empty, 1)
        self.refresh()

    # -- choices -----------------------------------------------------------------------------------
    def _fill_schools(self) -> None:
        chosen = self.school_combo.currentData()
        self.school_combo.blockSignals(True)
        self.school_combo.clear()
        self.school_combo.addItem(_("All schools"), "")
        for uuid, name in school_choices(self.store):
            self.school_combo.addItem(name, uuid)
        self.school_combo.setCurrentIndex(max(0, self.school_combo.findData(chosen or "")))
        self.school_combo.blockSignals(False)

    def school_year(self) -> SchoolYear:
        return SchoolYear(int(self.year_combo.currentData()))

    def school_id(self) -> str | None:
        return self.school_combo.currentData() or None

    def select(self, *, school_year: SchoolYear | None = None, school_id: str | None = None) -> None:
        """Choose a school year and/or school as the user would with the pickers."""
        if school_year is not None:
            self.year_combo.setCurrentIndex(self.year_combo.findData(school_year.start_year))
        if school_id is not None:
            self.school_combo.setCurrentIndex(self.school_combo.findData(school_id))

    # -- showing -----------------------------------------------------------------------------------
    def refresh(self) -> Operation[SchoolYearReport | None] | None:
        """Show the figures of the chosen school year and school: kept ones at once when nothing was written
        since they were counted (``services/reporting/kept.py``), else counted off the GUI thread (about a
        quarter of a second on 10,000 families). Returns the counting operation, None when nothing was counted.
        """
        if self.sender() is None:
            self._fill_schools()
        year, school = self.school_year(), self.school_id()
        try:
            kept = kept_report(self.store, school_year=year, school_id=school)
        except NotFoundError:
            kept = None
        if kept is not None:
            shown = self.scroll.isVisibleTo(self) or self.empty.isVisibleTo(self)
            if kept is not self.report or not shown:
                self.report = kept
                self._show(kept)  # the figures did not change: the cards already on screen stay
            return None

        return self._wait_for_count(year, school)

    def _wait_for_count(self, year: SchoolYear, school: str | None) -> Operation[SchoolYearReport | None]:
        """Count ``year`` and ``school`` (or go on with the count of them already running) and say so: not "no
        figures" (nothing is known yet) nor the previous figures."""
        self.empty.hide()
        self.scroll.hide()
        self.status.setText(_("Counting the figures …"))
        self.status.show()
        counting = self.counting
        if counting is None or not counting.is_running() or self._counted != (year.start_year, school):
            counting = self._count(year, school)
        counting.done.connect(self.status.hide)
        self.operation = counting
        if self.grid is None or not self.grid.waiting:
            # The first cards are built meanwhile, without their rows: the worker counts inside SQLite, which
            # leaves the interpreter to this thread; when the figures arrive only their rows are filled in.
            self.grid = CardGrid((), self.scroll, self.scroll.viewport(), waiting=first_tables())
            self.scroll.setWidget(self.grid)
        return counting

    def _count(self, year: SchoolYear, school: str | None) -> Operation[SchoolYearReport | None]:
        """Count the figures of ``year`` and ``school`` off the GUI thread; shown if still chosen when done."""

        def work() -> SchoolYearReport | None:
            try:
                return counted_report(self.store, school_year=year, school_id=school)
            except NotFoundError:
                return None

        def on_done(report: SchoolYearReport | None) -> None:
            # A newer choice may have started meanwhile; only the latest one is shown. A count that ended before
            # the page was built is shown already (``refresh`` found it kept).
            chosen = (year, school) == (self.school_year(), self.school_id())
            if chosen and (report is None or report is not self.report):
                self.report = report
                self._show(report)

        self._counted = (year.start_year, school)
        self.counting = self.operation = run_operation(self, label=_("Counting the figures …"), work=work,
                                                       on_done=on_done)
        return self.counting

    def _show(self, report: SchoolYearReport | None) -> None:
        empty = report is None or report.is_empty
        tables = report.tables if report is not None and not empty else ()
        if self.grid is not None and self.grid.waiting and tables and self.grid.fits(tables):
            self.grid.show_tables(tables)
        else:
            # Built inside the scroll area from the start: a tree of widgets moved there afterwards is styled twice.
            self.grid = CardGrid(tables, self.scroll, self.scroll.viewport())
            self.scroll.setWidget(self.grid)
        self.scroll.setVisible(not empty)
        self.empty.setVisible(empty)
        self.pdf_button.setEnabled(not empty)
        self.csv_button.setEnabled(not empty)
        # The tables settle their columns on zero-time timers after the first layout (the stretched column takes
        # the card's width), which lays the cards out again: painted at once, every card was drawn twice. The grid
        # is drawn once those timers have run (queued behind them; a few milliseconds, nothing shown in between).
        self.grid.setUpdatesEnabled(False)
        QTimer.singleShot(0, self.grid, partial(self.grid.setUpdatesEnabled, True))

    @property
    def cards(self) -> list[ReportTableCard]:
        """The report's cards built so far (those further down are built when scrolled to)."""
        return self.grid.cards if self.grid is not None else []

    def card(self, key: str) -> ReportTableCard:
        if self.grid is None:
            raise KeyError(key)
        return self.grid.card(key)

    # -- actions -----------------------------------------------------------------------------------
    def _file_name(self, suffix: str) -> str:
        year = self.school_year()
        return f"jaarrapport-{year.start_year}-{year.start_year + 1}.{suffix}"

    def _done(self, path: Path) -> None:
        self.status.setText(_("Saved: {path}").format(path=path))
        self.status.show()

    def print_pdf(self) -> Operation[Path] | None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Print PDF"), self._file_name("pdf"), _("PDF (*.pdf)"))
        if not path:
            return None
        year, school = self.school_year(), self.school_id()
        self.operation = run_operation(
            self, label=_("Printing …"), on_done=self._done,
            work=lambda: print_report(self.store, school_year=year, school_id=school, path=Path(path)),
        )
        return self.operation

    def export_csv(self) -> Operation[Path] | None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Export to Excel (CSV)"), self._file_name("csv"),
                                                    _("CSV for Excel (*.csv)"))
        if not path:
            return None
        year, school = self.school_year(), self.school_id()
        self.operation = run_operation(
            self, label=_("Exporting …"), on_done=self._done,
            work=lambda: export_report_csv(self.store, school_year=year, school_id=school, path=Path(path)),
        )
        return self.operation

    def show_charts(self) -> QDialog:
        from brugapp.ui.reports.charts import ChartsDialog  # start-up time: loaded when first opened

        dialog = ChartsDialog(self.store, self, school_year=self.school_year(), school_id=self.school_id(),
                              school_label=self.school_combo.currentText())
        dialog.open()
        return dialog

    def add_signal(self) -> None:
        dialog = SignalDialog(self.store, self, school_id=self.school_id() or "")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
