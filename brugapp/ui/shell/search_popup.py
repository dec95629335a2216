"""Results of the global search, under the search field, as you type."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QFrame, QLineEdit, QListView, QVBoxLayout, QWidget

from brugapp.i18n import N_, _
from brugapp.services.search import SearchResult, search_everything
from brugapp.store import Store
from brugapp.ui.widgets.roles import RECORD_ROLE as RESULT_ROLE

KIND_LABELS = {
    "family": N_("Family"),
    "member": N_("Family member"),
    "contact": N_("Contact note"),
    "school": N_("School"),
    "school_contact": N_("School contact"),
    "organization": N_("Organisation"),
    "service": N_("Service"),
    "meeting": N_("Meeting"),
    "referral": N_("Referral"),
}


class SearchPopup(QFrame):
    """Follows a line edit; Down moves into the results, Enter opens one."""

    result_chosen = Signal(object)  # SearchResult

    def __init__(self, store: Store, field: QLineEdit, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.field = field
        self.setObjectName("Card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.model = QStandardItemModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(_("Search results"))
        self.view.activated.connect(self._choose)
        self.view.clicked.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.run_search)
        field.textChanged.connect(lambda _text: self._timer.start())
        field.returnPressed.connect(self._choose_first)

    def run_search(self) -> None:
        text = self.field.text().strip()
        self.model.clear()
        if len(text) < 2:
            self.hide()
            return
        results = search_everything(self.store, text=text, limit=30)
        if not results:
            item = QStandardItem(_("Nothing found for “{text}”.").format(text=text))
            item.setEnabled(False)
            self.model.appendRow(item)
        for result in results:
            kind = _(KIND_LABELS.get(result.kind, result.kind))
            item = QStandardItem(f"{result.label}    · {kind}")
            item.setData(result, RESULT_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        origin = self.field.mapTo(self.parentWidget(), self.field.rect().bottomLeft())
        rows = min(self.model.rowCount(), 10)
        self.setGeometry(origin.x(), origin.y() + 4, max(self.field.width(), 420), 16 + rows * 30)

    def _choose_first(self) -> None:
        if not self.isVisible():
            self.run_search()
        if self.model.rowCount():
            self._choose(self.model.index(0, 0))

    def _choose(self, index: QModelIndex) -> None:
        result: SearchResult | None = index.data(RESULT_ROLE)
        if result is None:
            return
        self.hide()
        self.result_chosen.emit(result)
