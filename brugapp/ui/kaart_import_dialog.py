"""Import into the sociale kaart: column mapping with a preview, then the import off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressDialog,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brugapp.exchange.spreadsheet import FIELDS
from brugapp.i18n import _
from brugapp.services.errors import ValidationError
from brugapp.services.kaart_import import ImportPreview, ImportResult, import_kaart
from brugapp.store import Store


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)  # ImportResult
    failed = Signal(str)


class ImportTask(QRunnable):
    """Runs ``import_kaart`` on a pool thread; the service stays plain Python."""

    def __init__(self, store: Store, path: Path, mapping: dict[str, str] | None) -> None:
        super().__init__()
        self.store, self.path, self.mapping = store, path, mapping
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = import_kaart(self.store, path=self.path, mapping=self.mapping,
                                  progress=lambda done, total: self.signals.progress.emit(done, total))
        except ValidationError as exc:
            self.signals.failed.emit(exc.message)
        except Exception as exc:  # shown to the user, never silently lost
            self.signals.failed.emit(_("The import stopped: {reason}").format(reason=exc))
        else:
            self.signals.finished.emit(result)


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
            intro.setText(_("{file}: {count} rows. Say which column holds what; the preview shows the first rows. "
                            "Nothing is saved until everything is right.").format(file=preview.file,
                                                                                  count=preview.row_count))
            splitter = QSplitter(Qt.Orientation.Horizontal)
            splitter.addWidget(self._mapping_form())
            splitter.addWidget(self._preview_table())
            splitter.setSizes([360, 620])
            layout.addWidget(splitter, 1)
        else:
            intro.setText(_("{file} is an HSDS file: services are matched on their id, so importing it again "
                            "updates them instead of adding them twice.").format(file=preview.file))
            layout.addStretch(1)
        self.error = QLabel()
        self.error.setObjectName("Error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Import"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.progress: QProgressDialog | None = None

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
            model.appendRow([QStandardItem(c) for c in cells])
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(_("Preview of the first rows"))
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        return view

    def mapping(self) -> dict[str, str] | None:
        if self.preview.kind != "table":
            return None
        return {key: combo.currentData() for key, combo in self.combos.items() if combo.currentData()}

    def start(self) -> None:
        self.error.hide()
        self.buttons.setEnabled(False)
        task = ImportTask(self.store, self.path, self.mapping())
        self.progress = QProgressDialog(_("Importing …"), "", 0, max(1, self.preview.row_count), self)
        self.progress.setWindowTitle(_("Import"))
        self.progress.setCancelButton(None)  # all or nothing: the transaction finishes or rolls back
        self.progress.setMinimumDuration(300)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        task.signals.progress.connect(self._on_progress)
        task.signals.finished.connect(self._on_finished)
        task.signals.failed.connect(self._on_failed)
        self._task = task  # keep the signals object alive until it reports
        QThreadPool.globalInstance().start(task)

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        self.buttons.setEnabled(True)

    def _on_finished(self, result: ImportResult) -> None:
        self._close_progress()
        self.result = result
        self.imported.emit(result)
        self.accept()

    def _on_failed(self, message: str) -> None:
        self._close_progress()
        self.error_text = message
        self.error.setText(_("Nothing was imported. {problem}").format(problem=message))
        self.error.show()
