"""The cards of *Vandaag*: a titled list with a friendly empty line, and the notebook's two cards.

A panel is a QWidget class built with ``(store, parent)`` that has ``refresh()``; it may emit
``open_record(contact_uuid, family_uuid)`` to open a contact moment on the Families page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple, overload

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.clock import to_local, today_local
from brugapp.domain.note_preview import note_preview
from brugapp.domain.notebook import CHANNELS
from brugapp.domain.themes import THEMES
from brugapp.i18n import _, format_date, format_number, format_time, ngettext
from brugapp.services.today import (
    DueCounts,
    PromisedFollowUp,
    contacts_logged_on,
    count_promises_due,
    promised_follow_ups,
)
from brugapp.store import Store
from brugapp.ui.style import WARNING
from brugapp.ui.widgets.roles import FAMILY_ROLE, FOREGROUND_ROLE, ID_ROLE

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent

PAGE_ROWS = 20  # list items built at once: a panel shows about eight; a taller one asks for more (start-up)


def counted_title(counted: str, plain: str, counts: DueCounts) -> str:
    """A card's title with how many are for today and how many slipped, in the language's digits ("te laat:
    31.319"); the plain title when there are none."""
    if not counts.today + counts.overdue:
        return plain
    return counted.format(today=format_number(counts.today), overdue=format_number(counts.overdue))


class PanelRow(NamedTuple):  # not a frozen dataclass: made in a fifth of the time (start-up)
    """One line of a panel: its text, the record it opens and an optional warning colour."""

    text: str
    record_id: str = ""
    family_id: str = ""
    colour: str = ""


class PagedRows(Sequence[PanelRow]):
    """The rows of a panel read a page at a time: ``fetch(offset, limit)`` runs only for what the list builds."""

    def __init__(self, total: int, fetch: Callable[[int, int], list[PanelRow]]) -> None:
        self.total = total
        self.fetch = fetch

    def __len__(self) -> int:
        return self.total

    @overload
    def __getitem__(self, index: int) -> PanelRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[PanelRow]: ...

    def __getitem__(self, index: int | slice) -> PanelRow | list[PanelRow]:
        if isinstance(index, slice):
            start, stop, _step = index.indices(self.total)
            return self.fetch(start, stop - start) if stop > start else []
        return self.fetch(index, 1)[0]


class _PagedList(QListWidget):
    """A panel's list; says when every line it has fits, so a taller window gets its next page without scrolling."""

    all_lines_fit = Signal()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Tabbing into a card chooses the line it lands on, as in every list of records (``RecordTable`` in
        ``widgets/table_view.py`` says why)."""
        super().focusInEvent(event)
        current = self.currentItem()
        if current is not None and not self.selectedItems():
            current.setSelected(True)

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if self.count() and self.verticalScrollBar().maximum() == 0:
            self.all_lines_fit.emit()


class TodayPanel(QFrame):
    """A card with a title, a list and a friendly line when the list is empty."""

    open_record = Signal(str, str)  # contact UUID, family UUID ("" = anonymous: opens it to link)

    def __init__(self, title: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.title = QLabel(title)
        self.title.setObjectName("EmptyTitle")
        self.list = _PagedList()
        self.list.setAccessibleName(title)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setObjectName("TodayList")
        # lines wrap instead of scrolling sideways: #TodayList in the style sheet (no Qt enum, ui/widgets/centred.py)
        self.list.itemActivated.connect(self._activated)
        self.list.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.list.all_lines_fit.connect(self._all_lines_fit)
        self._rows: Sequence[PanelRow] = []
        self.empty = QLabel(empty_text)
        self.empty.setObjectName("EmptyText")
        self.empty.setWordWrap(True)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self._selection_buttons: list[QPushButton] = []
        self.list.itemSelectionChanged.connect(self._update_selection_buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        # Without lines, the friendly line stays under the title: the labels keep their height and a filler that
        # may grow takes the rest of the card (a stretch would ask for room: the card would claim it on the page).
        for label in (self.title, self.empty):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(QWidget(self))
        layout.addLayout(self.buttons)

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_record.emit(item.data(ID_ROLE) or "", item.data(FAMILY_ROLE) or "")

    def add_done_button(self, mark_done: Callable[[], None]) -> QPushButton:
        """The card's "Gedaan" button: enabled only while a line is chosen."""
        button = QPushButton(_("Done"))
        button.setAccessibleName(_("Mark the chosen follow-up as done"))
        button.clicked.connect(mark_done)
        self.buttons.addWidget(button)
        self.needs_selection(button)
        return button

    def needs_selection(self, button: QPushButton) -> None:
        """An action on "the chosen item" is only offered once an item is chosen."""
        self._selection_buttons.append(button)
        button.setEnabled(bool(self.list.selectedItems()))

    def _update_selection_buttons(self) -> None:
        chosen = bool(self.list.selectedItems())
        for button in self._selection_buttons:
            button.setEnabled(chosen)

    def set_items(self, rows: Sequence[PanelRow]) -> None:
        """Show ``rows``; only the first ``PAGE_ROWS`` become list items, the next ones as the list is scrolled
        to its end (a busy programme has thousands of overdue checks; building them all cost Vandaag a second)."""
        self.list.clear()
        self._rows = rows
        self._add_page()
        self.list.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self._update_selection_buttons()

    def row_count(self) -> int:
        """All rows of the panel, also those not yet turned into list items."""
        return len(self._rows)

    def _add_page(self) -> None:
        start = self.list.count()
        for row in self._rows[start:start + PAGE_ROWS]:
            # Made with its list as parent: QListWidget.addItem(item) drops a reference to None per item in
            # PySide6 6.12 on Python 3.11, and a few thousand of them crash the interpreter.
            item = QListWidgetItem(row.text, self.list)
            item.setData(ID_ROLE, row.record_id)
            item.setData(FAMILY_ROLE, row.family_id)
            if row.colour:
                item.setData(FOREGROUND_ROLE, QColor(row.colour))

    def _scrolled(self, value: int) -> None:
        if value >= self.list.verticalScrollBar().maximum() and self.list.count() < len(self._rows):
            self._add_page()

    def _all_lines_fit(self) -> None:
        if self.list.count() < len(self._rows):  # nothing scrolls to its end (a tall window): the next page now
            self._add_page()



def _themes_text(codes: tuple[str, ...]) -> str:
    tops = [c for c in codes if "." not in c]
    subs = [c for c in codes if "." in c]
    shown = subs + [t for t in tops if not any(s.startswith(f"{t}.") for s in subs)]
    return ", ".join(THEMES.label(c) for c in shown)


def _promise_row(promise: PromisedFollowUp) -> PanelRow:
    who = promise.family_name or _("Anonymous contact")
    when = (_("overdue since {date}").format(date=format_date(promise.promised_on, "d MMM"))
            if promise.overdue else _("today"))
    note = note_preview(promise.note, 120)
    text = f"{who} – {when}\n{CHANNELS.label(promise.channel)}: {note}" if note \
        else f"{who} – {when}\n{_themes_text(promise.themes)}"
    return PanelRow(text, promise.contact_id, promise.family_id, WARNING if promise.overdue else "")


class PromisedFollowUpsPanel(TodayPanel):
    """Follow-ups promised in contact moments for today, and earlier ones still open."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(_("Promised for today"),
                         _("No promises due today. A follow-up date in a quick note shows up here on that day."),
                         parent)
        self.store = store
        self.done_button = self.add_done_button(self.mark_done)

    def refresh(self) -> None:
        today = today_local()
        counts = count_promises_due(self.store, today=today)
        self.title.setText(counted_title(_("Promised for today: {today} · overdue: {overdue}"),
                                         _("Promised for today"), counts))

        def fetch(offset: int, limit: int) -> list[PanelRow]:  # read a page at a time: hundreds can be overdue
            return [_promise_row(p) for p in promised_follow_ups(self.store, day=today, offset=offset, limit=limit)]

        rows = PagedRows(counts.today + counts.overdue, fetch)
        self.set_items(rows)
        self.done_button.setVisible(bool(rows))

    def mark_done(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        # start-up time: the notebook service (and the database layer) is imported on the first "Gedaan"
        from brugapp.services.families.notebook import update_contact

        update_contact(self.store, contact_id=item.data(ID_ROLE), follow_up_done=True)
        self.refresh()


class ContactsTodayPanel(TodayPanel):
    """What was logged today, newest first."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(_("Logged today"),
                         _("Nothing logged yet today. Press Ctrl+N (“Quick log”) whenever someone asks you something."),
                         parent)
        self.store = store

    def refresh(self) -> None:
        items = []
        for contact in contacts_logged_on(self.store, day=today_local()):
            who = contact.family_name or _("Anonymous contact")
            first = f"{format_time(to_local(contact.occurred_at))}  {who} · {CHANNELS.label(contact.channel)}"
            second = _themes_text(contact.themes)
            note = note_preview(contact.note, 100)
            items.append(PanelRow("\n".join(p for p in (first, " – ".join(x for x in (second, note) if x)) if p),
                                  contact.id, contact.family_id))
        self.set_items(items)
        self.title.setText(ngettext("Logged today: {count} contact", "Logged today: {count} contacts",
                                    len(items)).format(count=format_number(len(items))) if items else _("Logged today"))
