"""Results of the global search, under the search field, as you type: grouped by kind under a header,
each with the words that matched. Keyboard: Down moves into the results, Up at the top back to the field,
Enter opens the chosen one (or the first from the field), Esc closes the list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QFrame, QLineEdit, QListView, QStyle, QVBoxLayout, QWidget

from brugapp.i18n import N_, _
from brugapp.store import Store
from brugapp.ui.widgets.roles import RECORD_ROLE as RESULT_ROLE

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

    from brugapp.services.search import SearchResult

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
        self.view.setWordWrap(True)
        self.view.setSpacing(2)
        self.view.activated.connect(self._choose)
        self.view.clicked.connect(self._choose)
        self._watching_keys = False  # from the first time the list is shown: see _watch_keys
        self._line_counts: dict[str, int] = {}  # a result's text: its lines at the width and font below
        self._line_counts_for: tuple[int, str] = (0, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.run_search)
        field.textChanged.connect(lambda _text: self.search_soon())
        field.returnPressed.connect(self._choose_first)

    def search_soon(self) -> None:
        """Search once typing pauses (120 ms)."""
        self._timer.start()

    def run_search(self) -> None:
        text = self.field.text().strip()
        self.model.clear()
        if len(text) < 2:
            self.hide()
            return
        # start-up time: the search service (and the database layer) is imported at the first search
        from brugapp.services.search import search_everything

        results = search_everything(self.store, text=text, limit=30)
        rows: list[QStandardItem] = []
        if not results:
            item = QStandardItem(_("Nothing found for “{text}”.").format(text=text))
            item.setEnabled(False)
            rows.append(item)
        for kind in sorted({r.kind for r in results}, key=_kind_order):
            header = QStandardItem(_(KIND_LABELS.get(kind, kind)))
            header.setFlags(Qt.ItemFlag.NoItemFlags)  # a header: not chosen by keys or clicks
            font = QFont(header.font())
            font.setBold(True)
            header.setFont(font)
            rows.append(header)
            for result in (r for r in results if r.kind == kind):
                text = result.label + (f"\n    {result.snippet}" if result.snippet else "")
                item = QStandardItem(text)
                item.setToolTip(text)
                item.setData(result, RESULT_ROLE)
                item.setEditable(False)
                rows.append(item)
        self.model.invisibleRootItem().appendRows(rows)  # one insert for the list (a keystroke's work)
        self._place()
        self._watch_keys()
        self.show()
        self.raise_()

    def _watch_keys(self) -> None:
        """Esc, Down and Up only act while the list is shown, so their filter is installed then: a filter on the
        field from the start would hand Python the field's first events, and PySide6 then builds the Python
        types of every Qt event class (~5 ms of start-up, ``brugapp bench``)."""
        if not self._watching_keys:
            self._watching_keys = True
            self.view.installEventFilter(self)
            self.field.installEventFilter(self)

    def _place(self) -> None:
        """Under the field, as tall as its results (counted from their lines as they wrap at the list's width, not
        laid out: a keystroke's time), at most down to the window's bottom edge."""
        origin = self.field.mapTo(self.parentWidget(), self.field.rect().bottomLeft())
        width = max(self.field.width(), 520)
        frames = 2 * (self.frameWidth() + self.view.frameWidth()) + 8  # 8: the layout's margins
        line = self.view.fontMetrics().lineSpacing() + 1  # a bold header's line is a pixel taller
        around_row = 2 * self.view.spacing() + 1
        # The delegate draws a row's text inside the row less a margin on each side, less the list's spacing
        text_margin = self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1
        text_width = width - frames - 2 * (self.view.spacing() + text_margin)
        measure = (text_width, self.view.font().key())  # a larger text size set meanwhile wraps otherwise
        if self._line_counts_for != measure:
            self._line_counts.clear()
            self._line_counts_for = measure
        rows = (self._wrapped_lines(str(self.model.item(r).text()), text_width) for r in range(self.model.rowCount()))
        content = sum(lines * line + around_row for lines in rows)
        room = self.parentWidget().height() - origin.y() - 24
        self.setGeometry(origin.x(), origin.y() + 4, width, min(content + frames, room))

    def _wrapped_lines(self, text: str, width: int) -> int:
        """How many lines ``text`` takes at ``width``. Measuring every row at every keystroke added a third to the
        popup's time (``brugapp bench``), so a text is measured once (typing a name letter by letter finds the
        same results again), and only when one of its lines is longer than surely fits (capitals included)."""
        if (known := self._line_counts.get(text)) is not None:
            return known
        metrics = self.view.fontMetrics()
        fits = width // max(1, 2 * metrics.averageCharWidth())  # a line this short always fits
        if all(len(part) <= fits for part in text.split("\n")):
            lines = 1 + text.count("\n")
        else:
            box = QRect(0, 0, width, 1 << 20)
            height = metrics.boundingRect(box, int(Qt.TextFlag.TextWordWrap), text).height()
            lines = max(1, round(height / metrics.lineSpacing()))
        if len(self._line_counts) > 2000:  # a long session's worth of searches: start again
            self._line_counts.clear()
        self._line_counts[text] = lines
        return lines

    def _results(self) -> list[QModelIndex]:
        return [self.model.index(r, 0) for r in range(self.model.rowCount())
                if self.model.index(r, 0).data(RESULT_ROLE) is not None]

    def _choose_first(self) -> None:
        if not self.isVisible():
            self.run_search()
        results = self._results()
        if results:
            self._choose(results[0])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # start-up time: the event types only once the list has been shown (see _watch_keys)
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeyEvent

        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape and self.isVisible():
            self.hide()
            self.field.setFocus()
            return True
        if watched is self.field and key == Qt.Key.Key_Down and self.isVisible() and self._results():
            self.view.setFocus()
            self.view.setCurrentIndex(self._results()[0])
            return True
        if watched is self.view and key == Qt.Key.Key_Up and self._results() and \
                self.view.currentIndex() == self._results()[0]:
            self.field.setFocus()
            return True
        return False

    def _choose(self, index: QModelIndex) -> None:
        result: SearchResult | None = index.data(RESULT_ROLE)
        if result is None:
            return
        self.hide()
        self.result_chosen.emit(result)


def _kind_order(kind: str) -> int:
    """Families first (what a brugfiguur looks for most), then notes, then the rest as listed above."""
    order = list(KIND_LABELS)
    return order.index(kind) if kind in order else len(order)
