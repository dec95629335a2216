"""Bewaartermijn: the families without activity for N school years, to anonymise or erase after review.

Opened from *Bestand → Bewaartermijn …*. The rule and the work are in ``services/families/retention.py``; this dialog
lists, asks for confirmation (Cancel is the default: nothing is removed by pressing Enter) and shows what
the service says remains (older backups, until when).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.retention import MAX_SCHOOL_YEARS, MIN_SCHOOL_YEARS
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _, format_date
from brugapp.services.families.retention import (
    RetentionResult,
    ReviewCandidate,
    anonymise_family,
    erase_family,
    families_for_review,
)
from brugapp.settings import load_settings, save_settings
from brugapp.store import Store
from brugapp.ui.widgets.table_model import Column, RecordTableModel
from brugapp.ui.widgets.table_view import record_table


class RetentionDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        title = _("Retention: families without activity")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(760, 480)
        layout = QVBoxLayout(self)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        years_row = QHBoxLayout()
        years_label = QLabel(_("School years without activity:"))
        self.years = QSpinBox()
        self.years.setRange(MIN_SCHOOL_YEARS, MAX_SCHOOL_YEARS)
        self.years.setValue(max(MIN_SCHOOL_YEARS, min(MAX_SCHOOL_YEARS, load_settings().retention_school_years)))
        self.years.setAccessibleName(_("School years without activity"))
        self.years.setMinimumWidth(80)
        years_label.setBuddy(self.years)
        years_row.addWidget(years_label)
        years_row.addWidget(self.years)
        years_row.addStretch(1)
        layout.addLayout(years_row)

        self.model: RecordTableModel[ReviewCandidate] = RecordTableModel([
            Column(_("Family"), lambda c: c.display_name),
            Column(_("Last activity"), lambda c: format_date(c.last_activity, "long")),
            Column(_("Archived"), lambda c: _("yes") if c.archived else ""),
        ], parent=self)
        self.table = record_table(self.model, _("Families to review"), stripes=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):  # dates and "yes" are short: never cut off their headers
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(_("No families to review: every family had activity in this period."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty, 1)

        self.result = QLabel()
        self.result.setObjectName("Notice")
        self.result.setWordWrap(True)
        self.result.hide()
        layout.addWidget(self.result)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self.anonymise_button = QPushButton(_("Anonymise …"))
        self.anonymise_button.setToolTip(_("Keep the family only as counts for the figures"))
        self.erase_button = QPushButton(_("Erase …"))
        self.erase_button.setToolTip(_("Remove the family from every table and the search index"))
        buttons.addButton(self.anonymise_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.anonymise_button, self.erase_button):
            button.setAutoDefault(False)  # Enter closes; removing always takes a deliberate click
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.anonymise_button.clicked.connect(lambda: self._act(anonymise_family, _("Anonymise")))
        self.erase_button.clicked.connect(lambda: self._act(erase_family, _("Erase")))
        self.years.valueChanged.connect(self._years_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
        self.refresh()

    def _years_changed(self, value: int) -> None:
        settings = load_settings()
        settings.retention_school_years = value
        save_settings(settings)
        self.refresh()

    def refresh(self) -> None:
        years = self.years.value()
        self.intro.setText(_("Families in whose file nothing happened during the last {years} complete school years "
                             "nor in this one. Review each: anonymise (it only counts in the figures) or erase it "
                             "completely.").format(years=years))
        try:
            self.model.set_rows(families_for_review(self.store, school_years=years))
        except ValidationError as exc:
            self.result.setText(exc.message)
            self.result.show()
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if has_rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> ReviewCandidate | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.anonymise_button.setEnabled(chosen)
        self.erase_button.setEnabled(chosen)

    def confirm(self, candidate: ReviewCandidate, verb: str) -> bool:
        question = _("{verb} “{family}”? This cannot be undone.").format(verb=verb, family=candidate.display_name)
        box = QMessageBox(QMessageBox.Icon.Question, verb, question, parent=self)
        go = box.addButton(verb, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is go

    def _act(self, action: Callable[..., RetentionResult], verb: str) -> None:
        candidate = self.selected()
        if candidate is None or not self.confirm(candidate, verb):
            return
        self.apply(action, candidate)

    def apply(self, action: Callable[..., RetentionResult], candidate: ReviewCandidate) -> None:
        """Run the chosen action (after confirmation) and show what remains."""
        try:
            result = action(self.store, family_id=candidate.id)
        except (NotFoundError, ValidationError) as exc:
            self.result.setText(str(exc))
        else:
            self.result.setText(result.message)
        self.result.show()
        self.refresh()

