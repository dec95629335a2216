"""The Overleg page: meetings (upcoming first) with their editor, and the events / leerkrachtendag tab."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.clock import to_local
from brugapp.i18n import _, format_datetime, ngettext
from brugapp.services.meetings.meetings import MeetingSummary, list_meetings
from brugapp.store import Store
from brugapp.ui.meetings.dialogs import NewMeetingDialog
from brugapp.ui.meetings.editor import MeetingEditor
from brugapp.ui.meetings.event_panel import EventPanel
from brugapp.ui.shell.section_page import SectionPage
from brugapp.ui.widgets.empty_state import EmptyState
from brugapp.ui.widgets.roles import ID_ROLE


class MeetingListModel(QAbstractListModel):
    """Two lines per meeting: when and what; kind, place, open action points and warnings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[MeetingSummary] = []

    def set_rows(self, rows: list[MeetingSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            second = [row.type_label, row.place_label]
            if row.open_actions:
                second.append(ngettext("{count} open action point", "{count} open action points",
                                       row.open_actions).format(count=row.open_actions))
            if row.warnings:
                second.append(ngettext("⚠ {count} warning", "⚠ {count} warnings",
                                       row.warnings).format(count=row.warnings))
            return f"{format_datetime(to_local(row.starts_at), 'short_day')} · {row.title}\n{' · '.join(second)}"
        return None

    def row_of(self, meeting_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == meeting_id), -1)


class WrappingDelegate(QStyledItemDelegate):
    """Items as tall as their word-wrapped text at the list's current width, so nothing is cut."""

    MARGIN = 4

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = max(self.view.viewport().width() - 2 * self.view.spacing(), 80)
        text = str(index.data() or "")
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, width - 4 * self.MARGIN, 100_000),
                                                 int(Qt.TextFlag.TextWordWrap), text)
        return QSize(width, bounds.height() + 2 * self.MARGIN)


class MeetingsPage(SectionPage):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.set_titles(_("Meetings"), _("Agendas, minutes and action points that do not get lost."))
        self.tabs = QTabWidget()
        self.body.addWidget(self.tabs, 1)

        meetings = QWidget()
        layout = QVBoxLayout(meetings)
        layout.setContentsMargins(0, 8, 0, 0)
        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left.setMinimumWidth(300)
        self.new_button = QPushButton(_("Plan a meeting"))
        self.new_button.setObjectName("Primary")
        self.new_button.setShortcut("Ctrl+Shift+M")  # Ctrl+N is the global quick log
        self.new_button.clicked.connect(self.new_meeting)
        # top right, where every page has its primary action; shown with the meetings tab only
        self.header.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        hint = QLabel(_("Upcoming first"))
        hint.setObjectName("Hint")
        left_layout.addWidget(hint)
        self.model = MeetingListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(_("Meetings"))
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Both lines wrap instead of being cut; the items are laid out again when the list gets wider.
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setItemDelegate(WrappingDelegate(self.list))
        self.list.selectionModel().currentChanged.connect(self._chosen)
        left_layout.addWidget(self.list, 1)
        splitter.addWidget(left)
        self.right = QStackedWidget()
        self.empty = EmptyState(icon_name="meeting", title=_("No meeting chosen"),
                                text=_("Choose a meeting on the left, or plan a new one. Open action points of "
                                       "earlier meetings come along automatically."))
        self.editor = MeetingEditor(store)
        self.editor.changed.connect(self._editor_changed)
        self.right.addWidget(self.empty)
        self.right.addWidget(self.editor)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 820])
        layout.addWidget(splitter)
        self.tabs.addTab(meetings, _("Meetings"))
        self.events = EventPanel(store)
        self.tabs.addTab(self.events, _("Teacher day and events"))
        self.tabs.currentChanged.connect(lambda index: self.new_button.setVisible(index == 0))

    def refresh(self) -> None:
        current = self.editor.detail.id if self.editor.detail else ""
        self.model.set_rows(list_meetings(self.store))
        if current:
            self.select(current)
        self.events.refresh()

    def select(self, meeting_id: str) -> None:
        row = self.model.row_of(meeting_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
        self.editor.load(meeting_id)
        self.right.setCurrentWidget(self.editor)

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            meeting_id = current.data(ID_ROLE)
            if not self.editor.detail or self.editor.detail.id != meeting_id:
                self.editor.load(meeting_id)
            self.right.setCurrentWidget(self.editor)

    def _editor_changed(self) -> None:
        current = self.editor.detail.id if self.editor.detail else ""
        self.model.set_rows(list_meetings(self.store))
        row = self.model.row_of(current)
        if row >= 0:
            self.list.selectionModel().blockSignals(True)
            self.list.setCurrentIndex(self.model.index(row))
            self.list.selectionModel().blockSignals(False)

    def new_meeting(self) -> None:
        dialog = NewMeetingDialog(self.store, self)
        if dialog.exec() and dialog.meeting_id:
            self.model.set_rows(list_meetings(self.store))
            self.select(dialog.meeting_id)

    def show_record(self, kind: str, record_id: str, family_id: str = "") -> None:
        """Opened from the global search."""
        if kind == "meeting":
            self.tabs.setCurrentIndex(0)
            self.refresh()
            self.select(record_id)
