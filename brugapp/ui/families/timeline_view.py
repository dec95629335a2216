"""The family timeline: what is planned apart from what happened, grouped by (Brussels) day, one look per kind.

- ``timeline_rows(entries, now=…)``  the rows shown: a "Planned" part (soonest first), then "History"
  (newest first), each cut into days by a date header
- ``TimelineModel``                  those rows on the shared table model (``ui/widgets/table_model.py``);
                                     headers cannot be chosen, an entry row carries its ``TimelineEntry``
- ``TimelineDelegate``               draws a row: the time, the kind's icon in its colour on a line through
                                     the day, the title, the note in full (wrapped), the themes
- ``TimelineList``                   the list: Delete, Ctrl+Z and Enter act on the chosen entry

The kind is said by the icon and its colour (and in the tooltip and the accessible text, for whoever cannot
tell icons apart), so no row starts with "Contactmoment:".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from brugapp.domain.clock import local_date, to_local, today_local
from brugapp.domain.themes import THEMES
from brugapp.i18n import N_, _, format_date, format_time
from brugapp.services.records import TimelineEntry
from brugapp.ui.icons import icon
from brugapp.ui.style import ACCENT, ACCENT_SOFT, BORDER, INK, MUTED, WARNING
from brugapp.ui.widgets.roles import RECORD_ROLE
from brugapp.ui.widgets.table_model import Column, RecordTableModel

KIND_WORDS = {"contact": N_("Contact moment"), "referral": N_("Referral"), "followup": N_("Follow-up"),
              "meeting": N_("Meeting")}
# One icon and colour per kind, so the timeline reads at a glance.
KIND_LOOKS = {"contact": ("note", ACCENT), "referral": ("referral", "#6a4c93"), "followup": ("followup", WARNING),
              "meeting": ("meeting", "#1d5c96")}
OTHER_LOOK = ("info", MUTED)
DATE_ONLY_KINDS = {"followup"}  # a follow-up is due on a day; the noon it is stored at is no time to show
NOTE_LINES = 8  # a longer note is cut here on screen; the tooltip and Enter (edit) show it all


@dataclass(frozen=True)
class TimelineRow:
    """One row: a part header ("Planned", "History"), a day header, or an entry."""

    id: str  # the entry's id; "" for a header
    text: str  # what a screen reader and a copy get
    entry: TimelineEntry | None = None
    part: bool = False  # a part header rather than a day header
    upcoming: bool = False


def when_text(at: dt.datetime) -> str:
    """'wo 25 nov 2026 08:20': with the year, since a timeline spans school years."""
    local = to_local(at)
    return f"{format_date(local.date(), 'EEE d MMM y')} {format_time(local)}"


def kind_word(entry: TimelineEntry) -> str:
    return _(KIND_WORDS[entry.kind]) if entry.kind in KIND_WORDS else entry.kind


def themes_text(entry: TimelineEntry) -> str:
    """The most precise themes only: "Schulden" rather than "Administratie, Schulden"."""
    return ", ".join(THEMES.label(t) for t in entry.themes if "." in t or not any(
        s.startswith(f"{t}.") for s in entry.themes))


def entry_line(entry: TimelineEntry) -> str:
    """Title and note on one line (what a copy or a screen reader gets); no kind word in front."""
    extra = " · ".join(part for part in (entry.detail.replace("\n", " "), entry.status) if part)
    return f"{entry.title} — {extra}" if extra else entry.title


def _day_header(day: dt.date, today: dt.date) -> str:
    text = format_date(day, "full_day")
    names = {today: _("Today"), today - dt.timedelta(days=1): _("Yesterday"), today + dt.timedelta(days=1):
             _("Tomorrow")}
    return f"{names[day]} · {text}" if day in names else text


def timeline_rows(entries: list[TimelineEntry], *, now: dt.datetime,
                  today: dt.date | None = None) -> list[TimelineRow]:
    """Planned first (soonest on top), then history (newest on top); a header for each Brussels day."""
    today = today or today_local()
    planned = sorted((e for e in entries if e.at > now), key=lambda e: e.at)
    history = sorted((e for e in entries if e.at <= now), key=lambda e: e.at, reverse=True)
    rows: list[TimelineRow] = []
    for upcoming, part, title in ((True, planned, _("Planned")), (False, history, _("History"))):
        if not part:
            continue
        if planned:  # with nothing planned, "History" above everything says nothing
            rows.append(TimelineRow("", title, part=True, upcoming=upcoming))
        for day, group in groupby(part, key=lambda e: local_date(e.at)):
            rows.append(TimelineRow("", _day_header(day, today), upcoming=upcoming))
            rows += [TimelineRow(e.id, _row_text(e), e, upcoming=upcoming) for e in group]
    return rows


def _row_text(entry: TimelineEntry) -> str:
    line = entry_line(entry)
    return line if entry.kind in DATE_ONLY_KINDS else f"{format_time(to_local(entry.at))} {line}"


def _tooltip(row: TimelineRow) -> str:
    if row.entry is None:
        return row.text
    entry = row.entry
    when = format_date(local_date(entry.at), "EEE d MMM y") if entry.kind in DATE_ONLY_KINDS else when_text(entry.at)
    lines = [f"{kind_word(entry)} · {when}", entry.title]
    lines += [part for part in (entry.detail, entry.status, themes_text(entry)) if part]
    return "\n".join(lines)


class TimelineModel(RecordTableModel[TimelineRow]):
    """The rows of ``timeline_rows``; ``entries`` are the entries in the order shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([Column(_("Timeline"), lambda row: row.text, tooltip=_tooltip)], parent=parent)
        self.entries: list[TimelineEntry] = []

    def set_entries(self, entries: list[TimelineEntry], *, now: dt.datetime | None = None) -> None:
        rows = timeline_rows(entries, now=now or dt.datetime.now(dt.UTC))
        self.entries = [row.entry for row in rows if row.entry is not None]
        self.set_rows(rows)

    def index(self, row: int, column: int = 0,
              parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        return super().index(row, column, parent)

    def row_of(self, entry_id: str) -> int:
        return next((number for number, row in enumerate(self.rows) if row.id and row.id == entry_id), -1)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and role == Qt.ItemDataRole.AccessibleTextRole:
            return _tooltip(row).replace("\n", ". ")
        return super().data(index, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and row.entry is None:
            return Qt.ItemFlag.NoItemFlags  # a header: read, never chosen (the arrow keys pass over it)
        return super().flags(index)


class TimelineDelegate(QStyledItemDelegate):
    """Draws the rows; as tall as the wrapped note needs at the list's current width."""

    TIME = 52  # the time column
    DOT = 30  # the column of the kind's icon and the line through the day
    PAD = 8

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        self._font_sets: dict[str, tuple[QFont, QFont, QFont]] = {}

    # -- geometry -----------------------------------------------------------------------------
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        """The row's three fonts, made once per view font (asked for every row measured and painted)."""
        key = option.font.key()
        fonts = self._font_sets.get(key)
        if fonts is None:
            base = QFont(option.font)
            bold = QFont(base)
            bold.setBold(True)
            small = QFont(base)
            small.setPointSizeF(max(7.0, base.pointSizeF() - 1))
            fonts = self._font_sets[key] = (base, bold, small)
        return fonts

    def _text_width(self, width: int) -> int:
        return max(120, width - self.TIME - self.DOT - 3 * self.PAD)

    def _note_height(self, metrics: QFontMetrics, width: int, note: str) -> int:
        if not note:
            return 0
        box = metrics.boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), note)
        return min(box.height(), NOTE_LINES * metrics.lineSpacing())

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = max(self.view.viewport().width() - 2, 200)
        row: TimelineRow = index.data(RECORD_ROLE)
        base, bold, small = self._fonts(option)
        if row is None or row.entry is None:
            font = bold if row is None or row.part else small
            extra = 14 if row is not None and row.part else 8
            return QSize(width, QFontMetrics(font).height() + extra)
        entry = row.entry
        text_width = self._text_width(width)
        height = self.PAD + QFontMetrics(bold).boundingRect(
            QRect(0, 0, text_width, 10_000), int(Qt.TextFlag.TextWordWrap), entry.title).height()
        height += self._note_height(QFontMetrics(base), text_width, entry.detail)
        if themes_text(entry) or entry.status:
            height += QFontMetrics(small).height() + 2
        return QSize(width, max(height + self.PAD, self.DOT + 6))

    # -- painting -----------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        row: TimelineRow | None = index.data(RECORD_ROLE)
        if row is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if row.entry is None:
            self._paint_header(painter, option, row)
        else:
            self._paint_entry(painter, option, row, row.entry)
        painter.restore()

    def _paint_header(self, painter: QPainter, option: QStyleOptionViewItem, row: TimelineRow) -> None:
        _base, bold, small = self._fonts(option)
        rect = option.rect.adjusted(self.PAD, 0, -self.PAD, 0)
        font = bold if row.part else small
        if not row.part:
            font = QFont(small)
            font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(ACCENT if row.part and row.upcoming else (INK if row.part else MUTED)))
        text_rect = rect.adjusted(0, 0, 0, -3)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
        painter.drawText(text_rect, int(align), row.text)
        advance = QFontMetrics(font).horizontalAdvance(row.text) + 10
        line_y = text_rect.bottom() - QFontMetrics(font).height() // 2 + 1
        painter.setPen(QPen(QColor(BORDER), 1))
        if advance < rect.width():
            painter.drawLine(rect.left() + advance, line_y, rect.right(), line_y)

    def _paint_entry(self, painter: QPainter, option: QStyleOptionViewItem, row: TimelineRow,
                     entry: TimelineEntry) -> None:
        base, bold, small = self._fonts(option)
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, QColor(ACCENT_SOFT))
            painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), QColor(ACCENT))
        elif row.upcoming:
            painter.fillRect(rect, QColor("#f3f8f7"))
        # the time, right-aligned in its column
        painter.setFont(small)
        painter.setPen(QColor(MUTED))
        time_rect = QRect(rect.left() + self.PAD, rect.top() + self.PAD, self.TIME, QFontMetrics(bold).height())
        if entry.kind not in DATE_ONLY_KINDS:
            painter.drawText(time_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             format_time(to_local(entry.at)))
        # the line through the day, and the kind's icon on it
        name, colour = KIND_LOOKS.get(entry.kind, OTHER_LOOK)
        centre_x = rect.left() + self.PAD + self.TIME + self.PAD + self.DOT // 2
        painter.setPen(QPen(QColor(BORDER), 2))
        painter.drawLine(centre_x, rect.top(), centre_x, rect.bottom())
        circle = QRect(centre_x - 12, rect.top() + self.PAD - 3, 24, 24)
        painter.setPen(QPen(QColor(colour), 1.5))
        painter.setBrush(QColor("white"))
        painter.drawEllipse(circle)
        icon(name, colour).paint(painter, circle.adjusted(4, 4, -4, -4))
        # title, note, themes
        left = centre_x + self.DOT // 2 + self.PAD
        width = rect.right() - self.PAD - left
        top = rect.top() + self.PAD
        painter.setPen(QColor(INK))
        painter.setFont(bold)
        title_box = QFontMetrics(bold).boundingRect(QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap),
                                                    entry.title)
        painter.drawText(QRect(left, top, width, title_box.height()), int(Qt.TextFlag.TextWordWrap), entry.title)
        top += title_box.height()
        if entry.detail:
            painter.setFont(base)
            note_height = self._note_height(QFontMetrics(base), width, entry.detail)
            painter.drawText(QRect(left, top, width, note_height), int(Qt.TextFlag.TextWordWrap), entry.detail)
            top += note_height
        facts = " · ".join(part for part in (entry.status, themes_text(entry)) if part)
        if facts:
            painter.setFont(small)
            painter.setPen(QColor(MUTED))
            shown = QFontMetrics(small).elidedText(facts, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRect(left, top + 2, width, QFontMetrics(small).height()),
                             int(Qt.AlignmentFlag.AlignLeft), shown)


class TimelineList(QListView):
    """Delete removes the chosen contact, Ctrl+Z brings it back, Enter opens it."""

    delete_pressed = Signal()
    undo_pressed = Signal()
    open_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Timeline")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # rows are laid out again at a new width (the note wraps)
        self.setUniformItemSizes(False)
        self.setMouseTracking(True)
        self.setItemDelegate(TimelineDelegate(self))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.undo_pressed.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_pressed.emit()
        else:
            super().keyPressEvent(event)

    def select_row(self, row: int) -> None:
        index = self.model().index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
