"""The Overleg page: meetings (upcoming first) and teacher days / events, each with its editor on the right."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.clock import to_local
from brugapp.i18n import _, format_date, language, ngettext
from brugapp.services.meetings.events import list_events
from brugapp.services.meetings.meetings import MeetingSummary, list_meetings
from brugapp.store import Store
from brugapp.ui.meetings.dialogs import NewEventDialog, NewMeetingDialog
from brugapp.ui.meetings.editor import MeetingEditor
from brugapp.ui.meetings.event_panel import EventPanel
from brugapp.ui.shell.section_page import SectionPage
from brugapp.ui.widgets.empty_state import EmptyState
from brugapp.ui.widgets.roles import ID_ROLE
from brugapp.ui.widgets.table_model import Column, RecordTableModel
from brugapp.ui.widgets.wrapping_delegate import WrappingDelegate
from brugapp.ui.widgets.wrapping_list import wrapping_list

LONG_LIST = 8  # meetings (two lines each) that fit beside the editor without scrolling


def meeting_text(row: MeetingSummary) -> str:
    """Two lines per meeting: when and what; kind, place, open action points and warnings."""
    second = [row.type_label, row.place_label]
    if row.open_actions:
        second.append(ngettext("{count} open action point", "{count} open action points",
                               row.open_actions).format(count=row.open_actions))
    if row.warnings:
        second.append(ngettext("⚠ {count} warning", "⚠ {count} warnings", row.warnings).format(count=row.warnings))
    return f"{_short_day(row.starts_at)} · {row.title}\n{' · '.join(second)}"


def _short_day(moment: dt.datetime) -> str:
    """'di 3 dec 14:00' in Brussels time: the day through the cached date formatting (a few hundred distinct days
    for 500 meetings), the time by hand; the same text as ``format_datetime(…, 'short_day')`` in a tenth of it."""
    local = to_local(moment)
    return f"{format_date(local.date(), 'EEE d MMM')} {local.hour:02d}:{local.minute:02d}"


class MeetingListModel(RecordTableModel[MeetingSummary]):
    """The meetings of the list: one column, the shared table model (id, record and tooltip roles)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([Column(_("Meetings"), self._text, sort=lambda row: row.starts_at)], parent=parent)
        self._texts: dict[tuple[str, MeetingSummary], str] = {}

    def set_rows(self, rows: Sequence[MeetingSummary]) -> None:
        # The word-wrapping delegate asks each text several times per layout: format it once, and keep the texts
        # of rows that did not change (a row is a frozen summary: a changed meeting is a new key).
        kept = {(language(), row) for row in rows}
        self._texts = {key: text for key, text in self._texts.items() if key in kept}
        super().set_rows(rows)

    def _text(self, row: MeetingSummary) -> str:
        key = (language(), row)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = meeting_text(row)
        return text

    def text_at(self, row: int) -> str:
        return self._text(self.rows[row])

    def index(self, row: int, column: int = 0,
              parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        return super().index(row, column, parent)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.AccessibleTextRole:
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)

    def row_of(self, meeting_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == meeting_id), -1)


class MeetingsPage(SectionPage):
    """Meetings and teacher days side by side in one list column; the chosen one fills the right.

    No page-level tabs: the two kinds are two short lists on the left, so the meeting's own tabs and
    the event's sections are the only tabs on screen (one level, never three). The primary action,
    "Nieuw overleg …", sits top right as on every page, with "Nieuwe activiteit …" beside it.
    """

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.set_titles(_("Meetings"), _("Agendas, minutes and action points that do not get lost."))
        self.new_event_button = QPushButton(_("New event …"))
        self.new_event_button.setAccessibleName(_("New teacher day or event"))
        self.new_event_button.clicked.connect(self.new_event)
        self.new_button = QPushButton(_("New meeting …"))
        self.new_button.setObjectName("Primary")
        self.new_button.setAccessibleName(_("Plan a meeting"))
        self.new_button.setShortcut("Ctrl+Shift+M")  # Ctrl+N is the global quick log
        self.new_button.setToolTip(_("Plan a meeting (Ctrl+Shift+M)"))
        self.new_button.clicked.connect(self.new_meeting)
        for button in (self.new_event_button, self.new_button):
            self.header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

        splitter = QSplitter()
        splitter.addWidget(self._lists())
        self.right = QStackedWidget()
        self.empty = EmptyState(icon_name="meeting", title=_("No meeting chosen"),
                                text=_("Choose a meeting on the left, or plan a new one. Open action points of "
                                       "earlier meetings come along automatically."))
        # The meeting editor (five tabs) and the event panel are built when a meeting or event is first opened:
        # half of the page's widgets, which a first visit does not show.
        self._editor: MeetingEditor | None = None
        self._events: EventPanel | None = None
        self._events_stale = True
        self._none_yet: EmptyState | None = None  # made for a notebook without any meeting or event (none_yet)
        self.right.addWidget(self.empty)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 820])
        self.body.addWidget(splitter, 1)

    @property
    def editor(self) -> MeetingEditor:
        if self._editor is None:
            self._editor = MeetingEditor(self.store)
            self._editor.changed.connect(self._editor_changed)
            self.right.addWidget(self._editor)
        return self._editor

    @property
    def none_yet(self) -> EmptyState:
        """A notebook without any meeting or event yet: no list to choose from, so the first step instead."""
        if self._none_yet is None:
            self._none_yet = EmptyState(
                icon_name="meeting", title=_("No meetings planned yet"),
                text=_("A case meeting, a round table or a network meeting: plan it here, invite the participants "
                       "and print the agenda. Its minutes and action points stay with it."),
                action_text=_("New meeting …"))
            self._none_yet.action_clicked.connect(self.new_meeting)
            self.right.addWidget(self._none_yet)
        return self._none_yet

    @property
    def events(self) -> EventPanel:
        if self._events is None:
            self._events = EventPanel(self.store)
            self.right.addWidget(self._events)
        return self._events

    def _lists(self) -> QWidget:
        left = QWidget()
        left.setMinimumWidth(300)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        caption = QLabel(_("Meetings · upcoming first"))
        caption.setObjectName("CardTitle")
        layout.addWidget(caption)
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
        self.list.setItemDelegate(WrappingDelegate(self.list, text_of=self.model.text_at))
        self.list.selectionModel().currentChanged.connect(self._chosen)
        caption.setBuddy(self.list)
        layout.addWidget(self.list, 3)
        events_caption = QLabel(_("Teacher days and events"))
        events_caption.setObjectName("CardTitle")
        layout.addWidget(events_caption)
        self.events_list = wrapping_list(_("Teacher days and events"))
        self.events_list.currentItemChanged.connect(self._event_chosen)
        events_caption.setBuddy(self.events_list)
        layout.addWidget(self.events_list, 1)
        # none yet: a line says what goes here and how to add one, instead of an empty box
        self.no_events = QLabel(_("No teacher day or event yet. Plan one with “New event …”."))
        self.no_events.setObjectName("Hint")
        self.no_events.setWordWrap(True)
        layout.addWidget(self.no_events)
        return left

    def refresh(self) -> None:
        current = self._editor.detail.id if self._editor is not None and self._editor.detail else ""
        meetings = list_meetings(self.store)
        if meetings != self.model.rows:  # unchanged: the list keeps its layout (500 word-wrapped items measured)
            # A long list gets its scroll bar before it is laid out: appearing afterwards, it narrowed the list
            # and every item was measured a second time at the new width.
            self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn if len(meetings) > LONG_LIST
                                                 else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            self.model.set_rows(meetings)
        self._fill_events()
        if self.right.currentWidget() in (self.empty, self._none_yet):
            nothing = not meetings and not self.events_list.count()
            self.right.setCurrentWidget(self.none_yet if nothing else self.empty)
        self._events_stale = True  # the speakers of the social map are read when the event panel is first needed
        if self._events is not None and self.right.currentWidget() is self._events:
            self._events_ready()
        if self._events is not None and self._events.detail is None and self.events_list.count():
            self.events.load(self.events_list.item(0).data(ID_ROLE))  # ready (not shown) until one is chosen
        if self._editor is not None and self.right.currentWidget() is self._editor and current:
            self.select(current)

    def _events_ready(self) -> None:
        """The event panel's choices (speakers from the social map, ~2,000) read again before it is used."""
        if self._events_stale:
            self._events_stale = False
            self.events.refresh()

    def _fill_events(self) -> None:
        current = self._events.detail.id if self._events is not None and self._events.detail else ""
        self.events_list.blockSignals(True)
        self.events_list.clear()
        for record in list_events(self.store):
            item = QListWidgetItem(record.label, self.events_list)  # parent, not addItem (PySide6 6.12 leak)
            item.setData(ID_ROLE, record.id)
            item.setToolTip(record.label)
            if record.id == current and self.right.currentWidget() is self._events:
                self.events_list.setCurrentItem(item)
        self.events_list.blockSignals(False)
        self.events_list.setVisible(self.events_list.count() > 0)
        self.no_events.setVisible(self.events_list.count() == 0)

    def select(self, meeting_id: str) -> None:
        row = self.model.row_of(meeting_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
        self.editor.load(meeting_id)
        self._show(self.editor)

    def select_event(self, event_id: str) -> None:
        for row in range(self.events_list.count()):
            if self.events_list.item(row).data(ID_ROLE) == event_id:
                self.events_list.setCurrentRow(row)
        self._events_ready()
        self.events.load(event_id)
        self._show(self.events)

    def _show(self, widget: QWidget) -> None:
        """One record on the right; the other list lets go of its selection so it can be chosen again."""
        self.right.setCurrentWidget(widget)
        other = self.events_list if widget is self._editor else self.list
        other.blockSignals(True)
        other.selectionModel().blockSignals(True)
        other.clearSelection()
        other.setCurrentIndex(QModelIndex())
        other.selectionModel().blockSignals(False)
        other.blockSignals(False)

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            meeting_id = current.data(ID_ROLE)
            if not self.editor.detail or self.editor.detail.id != meeting_id:
                self.editor.load(meeting_id)
            self._show(self.editor)

    def _event_chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self._events_ready()
            self.events.load(item.data(ID_ROLE))
            self._show(self.events)

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

    def new_event(self) -> None:
        dialog = NewEventDialog(self.store, self)
        if dialog.exec() and dialog.event_id:
            self._events_ready()
            self.events.load(dialog.event_id)
            self._show(self.events)
            self._fill_events()
            self.select_event(dialog.event_id)
            self.show_status(_("Event created: add its programme, then invite the schools."))

    def show_record(self, kind: str, record_id: str, family_id: str = "") -> None:
        """Opened from the global search."""
        if kind == "meeting":
            self.refresh()
            self.select(record_id)
