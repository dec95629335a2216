"""*Rapportage* → Programme report: export my figures; merge several workers' files (screen, PDF, CSV).

Each worker exports the year's anonymised figures (``services/reporting/programme.py``); the coordinator adds
files here. The merged counts are shown with "<5" applied after adding up. A file of another school year, a
changed (tampered) file or the same export twice is refused with a message that names the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.programme import FiguresError
from brugapp.domain.reporting import SchoolYearReport
from brugapp.domain.schoolyear import SchoolYear
from brugapp.i18n import _, ngettext
from brugapp.services.reporting.programme import (
    export_figures,
    merge_figures,
    write_programme_csv,
    write_programme_pdf,
)
from brugapp.store import Store
from brugapp.ui.operations import Operation, run_operation
from brugapp.ui.reports.table_card import ReportTableCard
from brugapp.ui.widgets.form_dialog import ErrorLine


class ProgrammeDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None, *, school_year: SchoolYear) -> None:
        super().__init__(parent)
        self.store = store
        self.school_year = school_year
        self.files: list[Path] = []
        self.report: SchoolYearReport | None = None
        self.setWindowTitle(_("Programme report {year}").format(year=school_year.label))
        self.resize(1100, 720)
        layout = QVBoxLayout(self)

        mine = QHBoxLayout()
        mine_text = QLabel(_("Your own figures of {year} as a small file for the coordinator: counts only, no names, "
                             "with a checksum.").format(year=school_year.label))
        mine_text.setWordWrap(True)
        self.export_button = QPushButton(_("Export my figures …"))
        self.export_button.setAccessibleName(_("Export my anonymised figures of this school year"))
        self.export_button.clicked.connect(self.export_mine)
        mine.addWidget(mine_text, 1)
        mine.addWidget(self.export_button)
        layout.addLayout(mine)

        files_row = QHBoxLayout()
        self.file_list = QListWidget()
        self.file_list.setAccessibleName(_("Figures files to merge"))
        self.file_list.setMaximumHeight(100)
        buttons = QVBoxLayout()
        self.add_button = QPushButton(_("Add files …"))
        self.add_button.clicked.connect(lambda: self.add_files())
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setAccessibleName(_("Remove the chosen file from the merge"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button = QPushButton(_("Remove all"))
        self.clear_button.clicked.connect(self.clear_files)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        files_row.addWidget(self.file_list, 1)
        files_row.addLayout(buttons)
        layout.addLayout(files_row)
        self.status = ErrorLine(_("Add the figures files of the workers of the programme ({year}).").format(
            year=school_year.label))
        layout.addWidget(self.status)

        self.holder = QWidget()
        self.grid = QGridLayout(self.holder)
        self.grid.setSpacing(14)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.holder)
        layout.addWidget(scroll, 1)

        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.csv_button = QPushButton(_("Export to Excel (CSV)"))
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        self.pdf_button = QPushButton(_("Print PDF"))
        self.pdf_button.setObjectName("Primary")
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(False)
            box.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.operation: Operation[object] | None = None

    # -- files -----------------------------------------------------------------------------------
    def add_files(self, paths: Sequence[Path] | None = None) -> None:
        if paths is None:
            chosen, _filter = QFileDialog.getOpenFileNames(self, _("Add files …"), "", _("Figures (*.json)"))
            paths = [Path(p) for p in chosen]
        self.files.extend(p for p in paths if p not in self.files)
        self.file_list.clear()
        self.file_list.addItems([p.name for p in self.files])
        self.merge()

    def remove_selected(self) -> None:
        row = self.file_list.currentRow()
        if 0 <= row < len(self.files):
            del self.files[row]
            self.file_list.takeItem(row)
            self.merge()

    def clear_files(self) -> None:
        self.files = []
        self.file_list.clear()
        self.merge()

    def merge(self) -> None:
        """Merge now (a few small files: quick enough on the GUI thread); a refusal is shown, nothing merged."""
        self.report = None
        if self.files:
            try:
                self.report = merge_figures(self.store, paths=self.files, school_year=self.school_year)
            except FiguresError as error:
                self.status.show_error(str(error))
            else:
                self.status.show_note(ngettext(
                    "The figures of {n} worker, added up.", "The figures of {n} workers, added up.",
                    len(self.files)).format(n=len(self.files)) + " "
                    + _("We show counts under 5 as <5 to protect families.") + " "
                    + _("The rule is applied after adding up."))
        self._show()

    def show_report(self, report: SchoolYearReport) -> None:
        """Show a report merged elsewhere (the self-test's in-memory preview)."""
        self.report = report
        self._show()

    def _show(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone at once, also before the event loop deletes it
                widget.setParent(None)
                widget.deleteLater()
        self.cards: list[ReportTableCard] = []
        if self.report is not None:
            for i, table in enumerate(self.report.tables):
                card = ReportTableCard(table)
                self.cards.append(card)
                self.grid.addWidget(card, i // 2, i % 2, Qt.AlignmentFlag.AlignTop)
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(self.report is not None)

    # -- actions ---------------------------------------------------------------------------------
    def export_mine(self, path: str | None = None) -> Operation[object] | None:
        if not path:
            path, _filter = QFileDialog.getSaveFileName(
                self, _("Export my figures …"), f"cijfers-{self.school_year.start_year}.json", _("Figures (*.json)"))
        if not path:
            return None
        year = self.school_year
        self.operation = run_operation(
            self, label=_("Exporting …"),
            on_done=lambda _payload: self.status.show_note(_("Saved: {path}").format(path=path)),
            work=lambda: export_figures(self.store, school_year=year, path=Path(path)))
        return self.operation

    def save(self, kind: str, path: str | None = None) -> Path | None:
        if self.report is None:
            return None
        if not path:
            pattern = _("PDF (*.pdf)") if kind == "pdf" else _("CSV for Excel (*.csv)")
            path, _filter = QFileDialog.getSaveFileName(
                self, _("Programme report {year}").format(year=self.school_year.label),
                f"programmarapport-{self.school_year.start_year}.{kind}", pattern)
        if not path:
            return None
        target = Path(path)
        if kind == "pdf":
            write_programme_pdf(self.store, self.report, target, workers=len(self.files))
        else:
            write_programme_csv(self.store, self.report, target)
        self.status.show_note(_("Saved: {path}").format(path=target))
        return target
