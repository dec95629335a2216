"""Import into the sociale kaart: column mapping with a preview, then the import off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brugapp.exchange.spreadsheet import FIELDS
from brugapp.i18n import _, format_number, ngettext
from brugapp.services.kaart.importing import ImportPreview, ImportResult, import_kaart
from brugapp.store import Store
from brugapp.ui.operations import Operation, describe_error
from brugapp.ui.widgets.form_dialog import ErrorLine


class ImportDialog(QDialog):
    """Step 1: check the columns (CSV/XLSX) and the preview. Step 2: import with a progress dialog."""

    imported = Signal(object)  # ImportResult

    def __init__(self, store: Store, path: Path, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.path, self.preview = store, path, preview
        self.setWindowTitle(_("Import into the social map"))
        self.resize(980, 620)
        self.result: ImportResult | None = None
        self.error_text = ""
        layout = QVBoxLayout(self)
        intro = QLabel()
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.combos: dict[str, QComboBox] = {}
        if preview.kind == "table":
            intro.setText(ngettext(
                "{file}: {count} row. Say which column holds what; the preview shows the first rows. "
                "Nothing is saved until everything is right.",
                "{file}: {count} rows. Say which column holds what; the preview shows the first rows. "
                "Nothing is saved until everything is right.", preview.row_count).format(
                    file=preview.file, count=format_number(preview.row_count)))
            splitter = QSplitter(Qt.Orientation.Horizontal)
            splitter.addWidget(self._mapping_form())
            splitter.addWidget(self._preview_table())
            splitter.setSizes([360, 620])
            layout.addWidget(splitter, 1)
        else:
            intro.setText(_("{file} is an HSDS file: services are matched on their id, so importing it again "
                            "updates them instead of adding them twice.").format(file=preview.file))
            layout.addStretch(1)
        self.error = ErrorLine()
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Import"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.operation: Operation[ImportResult] | None = None

    def _mapping_form(self) -> QWidget:
        host = QWidget()
        form = QFormLayout(host)
        for spec in FIELDS:
            combo = QComboBox()
            label = _(spec.label) + (" *" if spec.required else "")
            combo.setAccessibleName(_("Column for {field}").format(field=_(spec.label)))
            combo.addItem(_("– not used –"), "")
            for header in self.preview.headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(0, combo.findData(self.preview.mapping.get(spec.key, ""))))
            form.addRow(label, combo)
            self.combos[spec.key] = combo
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(host)
        scroll.setAccessibleName(_("Column mapping"))
        return scroll

    def _preview_table(self) -> QTableView:
        model = QStandardItemModel(self)
        model.setHorizontalHeaderLabels(list(self.preview.headers))
        for cells in self.preview.rows:
            items = [QStandardItem(c) for c in cells]
            for item in items:
                item.setToolTip(item.text())  # the full text of a cell the column cuts short
            model.appendRow(items)
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(_("Preview of the first rows"))
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.resizeColumnsToContents()  # the preview scrolls sideways rather than cutting a column title
        return view

    def mapping(self) -> dict[str, str] | None:
        if self.preview.kind != "table":
            return None
        return {key: combo.currentData() for key, combo in self.combos.items() if combo.currentData()}

    def start(self) -> Operation[ImportResult]:
        """Import off the GUI thread (all or nothing, so no cancel); returns the running operation."""
        self.error.hide()
        self.buttons.setEnabled(False)
        store, path, mapping = self.store, self.path, self.mapping()
        operation: Operation[ImportResult] = Operation(self, label=_("Importing …"), on_done=self._on_finished,
                                                       on_error=self._on_failed)
        self.operation = operation
        return operation.start(lambda: import_kaart(store, path=path, mapping=mapping,
                                                    progress=operation.report_progress))

    def _on_finished(self, result: ImportResult) -> None:
        self.buttons.setEnabled(True)
        self.result = result
        self.imported.emit(result)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.error_text = describe_error(error)
        self.error.show_error(_("Nothing was imported. {problem}").format(problem=self.error_text))
