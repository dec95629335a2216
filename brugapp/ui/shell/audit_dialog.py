"""Bestand → Audittrail: every print, export, override, deletion, restore and wrong passphrase, and whether
the chain still holds (an entry changed or removed is named)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from brugapp.i18n import _, format_datetime
from brugapp.services.audit import AuditRow, list_audit, verify_audit
from brugapp.store import Store
from brugapp.ui.widgets.table_model import Column, RecordTableModel
from brugapp.ui.widgets.table_view import Selection, record_table


def audit_columns() -> list[Column[AuditRow]]:
    return [
        Column(_("No."), lambda r: str(r.number)),
        Column(_("When"), lambda r: format_datetime(r.at, "short_day")),
        Column(_("What"), lambda r: r.action_label),
        Column(_("Record"), lambda r: r.subject_label),
        Column(_("For"), lambda r: r.audience),
        Column(_("Detail"), lambda r: r.detail),
    ]


class AuditDialog(QDialog):
    """Read-only: the trail cannot be edited from here (nor anywhere else in BrugApp)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Audit trail"))
        intro = QLabel(_("Who printed or exported what, and when. Only the kind of record and for whom are "
                         "kept, never the content. Entries cannot be changed or removed."))
        intro.setWordWrap(True)
        intro.setObjectName("Hint")
        check = verify_audit(store)
        self.status = QLabel(check.message)
        self.status.setWordWrap(True)
        self.status.setObjectName("Hint" if check.intact else "Error")
        self.model = RecordTableModel(audit_columns(), parent=self)
        rows = list_audit(store)
        self.model.set_rows(list(reversed(rows)))  # newest first: what one looks for
        self.table = record_table(self.model, _("Audit trail"), selection=Selection.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty = QLabel(_("Nothing printed or exported yet."))
        self.empty.setObjectName("Hint")
        self.empty.setVisible(not rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(900, 520)


def open_audit_dialog(window: QWidget, store: Store) -> None:
    AuditDialog(store, window).exec()
