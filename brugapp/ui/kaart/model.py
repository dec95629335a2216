"""The sociale kaart list: the shared table model over ``ServiceSummary`` rows, and a filter proxy.

The proxy asks ``services.kaart.summary_matches`` (the one filter rule), so the list, the CLI and the
tests agree on what "schulden Kortrijk, open now" returns. Rows are plain frozen dataclasses held in
memory; filtering 2,000+ of them stays well under a frame.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHeaderView, QTableView

from brugapp.domain.clock import now_local, today_local
from brugapp.domain.folding import fold
from brugapp.domain.kaart import CATEGORIES, COLOUR_SHORT, is_stale
from brugapp.i18n import N_, _, format_date
from brugapp.services.kaart.query import KaartFilter, ServiceSummary, summary_matches
from brugapp.ui.style import WARNING
from brugapp.ui.widgets.roles import SORT_ROLE
from brugapp.ui.widgets.table_model import Column, RecordTableModel

_DIGITS = str.maketrans("123456789", "000000000")
COLUMNS = (N_("Service"), N_("Call now"), N_("Organisation"), N_("Where"), N_("Category"), N_("Last verified"))
SHORT_HEADERS = {5: N_("Verified")}  # the full name is the header's tooltip
CATEGORY_COLUMN = 4
VERIFIED_COLUMN = 5
COLOUR_HEX = {"green": "#2e8b57", "red": "#c0392b", "explore": "#e0a100"}
NO_COLOUR_RING = "#c5ced6"
STALE_BACKGROUND = "#fff4e5"

Index = QModelIndex | QPersistentModelIndex


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    """Sort keys that repeat (500 organisations for 2,000 services, a few dozen places) are folded once."""
    return fold(text)


@cache
def colour_icon(colour: str) -> QIcon:
    """A small round dot in the Ken-je-buurt colour (an empty ring when not coloured)."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if colour in COLOUR_HEX:
        painter.setBrush(QColor(COLOUR_HEX[colour]))
        painter.setPen(Qt.PenStyle.NoPen)
    else:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QColor(NO_COLOUR_RING))
    painter.drawEllipse(2, 2, 10, 10)
    painter.end()
    return QIcon(pixmap)


def _places(summary: ServiceSummary) -> str:
    places = summary.municipalities
    return ", ".join(places[:2]) + (" …" if len(places) > 2 else "")


def _categories(summary: ServiceSummary) -> str:
    return ", ".join(CATEGORIES.label(c) for c in summary.categories[:2])


class KaartTableModel(RecordTableModel[ServiceSummary]):
    """The shared table model with the list's clock: "call now" and "check!" depend on the moment shown."""

    def __init__(self, parent: object = None) -> None:
        self.now = now_local().replace(tzinfo=None)
        self.today = today_local()
        # Worked out once per fill, not for each of 2,000 rows (the columns are measured over every row): the
        # "Last verified" text of each date, and whether each set of opening hours is open now; services share
        # a handful of opening hours (``list_services`` gives equal hours one tuple, kept alive by the rows).
        self._dates: dict[dt.date | None, str] = {}
        self._open_now: dict[int, bool] = {}
        full = {3: lambda s: ", ".join(s.municipalities), 4: lambda s: ", ".join(CATEGORIES.label(c)
                                                                                  for c in s.categories)}
        texts = (lambda s: s.name, self._phone, lambda s: s.organization_name, _places, _categories, self._verified)
        sorts = (lambda s: fold(s.name), lambda s: s.phone, lambda s: _folded(s.organization_name),
                 lambda s: _folded(", ".join(s.municipalities)),
                 lambda s: _folded(CATEGORIES.label(s.categories[0]) if s.categories else ""),
                 lambda s: s.assured_date.isoformat() if s.assured_date else "")
        super().__init__([
            Column(_(SHORT_HEADERS.get(number, header)), texts[number], sort=sorts[number],
                   tooltip=self._tooltip(full.get(number, texts[number])), header_tip=_(header),
                   icon=(lambda s: colour_icon(s.colour)) if number == 0 else None,
                   colour=(lambda s: WARNING if s.is_stale(self.today) else "") if number == 5 else None)
            for number, header in enumerate(COLUMNS)
        ], parent=parent, background=lambda s: STALE_BACKGROUND if s.is_stale(self.today) else "")

    def set_rows(self, rows: Sequence[ServiceSummary], *, now: dt.datetime | None = None,
                 more: Callable[[int], Sequence[ServiceSummary]] | None = None) -> None:
        self.now = now or now_local().replace(tzinfo=None)
        self.today = self.now.date()
        self._dates.clear()  # the language may have changed
        self._open_now.clear()  # a new moment
        super().set_rows(rows, more=more)

    def _tooltip(self, full_text: Callable[[ServiceSummary], str]) -> Callable[[ServiceSummary], str]:
        def tooltip(summary: ServiceSummary) -> str:
            tips = [full_text(summary)]  # the whole text of a cell the column cuts short
            if summary.colour:
                colour = _(COLOUR_SHORT[summary.colour])
                tips.append(_("Neighbourhood colour (Ken je buurt): {colour}").format(colour=colour))
            if summary.is_stale(self.today):
                tips.append(_("Not verified for more than 12 months"))
            return "\n".join(tip for tip in tips if tip)
        return tooltip

    def texts_of(self, column: int, rows: Sequence[ServiceSummary]) -> set[str]:
        """Every text ``column`` shows for ``rows``, digits as 0: what its width must hold (tabular digits are
        equally wide). Dates are written for one day per shape (month, one or two day digits, stale or not), not
        for each of a few hundred days: Babel takes ~0.07 ms a date, ~50 ms on the first visit of a session."""
        if column == VERIFIED_COLUMN:
            today = self.today
            shapes: dict[object, dt.date | None] = {}
            for day in {row.assured_date for row in rows}:
                key = None if day is None else (day.year, day.month, day.day > 9, is_stale(day, today))
                shapes.setdefault(key, day)
            texts = {self._verified_text(day) for day in shapes.values()}
        else:
            text = self.columns[column].text
            texts = {text(row) for row in rows}
        return {text.translate(_DIGITS) for text in texts}

    def _is_open_now(self, summary: ServiceSummary) -> bool:
        key = id(summary.slots)  # the rows hold their slots for the whole fill, so an id names one set of hours
        is_open = self._open_now.get(key)
        if is_open is None:
            is_open = self._open_now[key] = summary.is_open(self.now)
        return is_open

    def _phone(self, summary: ServiceSummary) -> str:
        """``ServiceSummary.number_now``: the main number while open, else the after-hours one (marked so)."""
        after_hours = summary.after_hours_phone
        if not after_hours or after_hours == summary.phone or self._is_open_now(summary):
            return summary.phone
        return _("{number} (after hours)").format(number=after_hours)

    def _verified(self, summary: ServiceSummary) -> str:
        day = summary.assured_date
        text = self._dates.get(day)
        if text is None:  # 2,000 services share a few hundred dates: each is written once a fill
            text = self._dates[day] = self._verified_text(day)
        return text

    def _verified_text(self, day: dt.date | None) -> str:
        if day is None:
            return _("never")
        text = format_date(day, "medium")
        # a sign, not words: the row's colour and its tooltip say why, and the service name keeps the room
        return f"⚠ {text}" if is_stale(day, self.today) else text


class KaartFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.criteria = KaartFilter()
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

    @property
    def criteria(self) -> KaartFilter:
        return self._criteria

    @criteria.setter
    def criteria(self, criteria: KaartFilter) -> None:
        self._criteria = criteria
        self._accept_all = criteria.filters_nothing()  # the list's first view: no rule to run for 2,000 rows

    def set_criteria(self, criteria: KaartFilter) -> None:
        """Filter on ``criteria``; the same criteria as before filter nothing anew (a reset of the rows filters
        them on the current criteria already: 2,000 services were filtered twice on every fill)."""
        if criteria == self.criteria:
            return
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self.criteria = criteria
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.criteria = criteria
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._accept_all:
            return True
        model = self.sourceModel()
        assert isinstance(model, KaartTableModel)
        return summary_matches(model.rows[source_row], self._criteria)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source orders its rows on the same sort keys in one Python sort (and keeps that order when the
        # list is reloaded); the proxy only filters, so a reload no longer calls ``data`` ~44,000 times.
        model = self.sourceModel()
        assert isinstance(model, KaartTableModel)
        model.sort_by_key(column, order)


class KaartColumns(QObject):
    """Column widths for the service list that fit its pane without a horizontal scrollbar.

    The service name stretches; the other columns get a fixed width measured from the font (a phone
    number, a date, the header). Where the pane is too narrow for all of them (a 1366 px screen) the
    category column steps aside; it comes back when the list is wider. Cut cells have a full tooltip.
    """

    MIN_NAME = 160
    ORGANISATION = 2
    FIXED = {2: 130, 3: 90, CATEGORY_COLUMN: 140}  # organisation, where, category: elided, tooltip
    MEASURED = (1, VERIFIED_COLUMN)  # phone and date
    STEP_ASIDE = (3, CATEGORY_COLUMN)  # where, then category: shown in this order as room allows

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = table.fontMetrics()
        samples = {1: "056 00 00 00", 5: format_date(dt.date(2026, 9, 30), "medium")}
        self.widths = dict(self.FIXED)
        for column, sample in samples.items():
            self.widths[column] = max(metrics.horizontalAdvance(sample) + 24,
                                      header.sectionSizeFromContents(column).width())
        self._minimum = dict(self.widths)
        for column, width in self.widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        table.viewport().installEventFilter(self)
        model = table.model()
        if model is not None:  # a phone number or date is never cut: the columns follow the longest one
            model.modelReset.connect(self.measure)
            model.layoutChanged.connect(self.measure)
            model.rowsInserted.connect(self.measure)  # the rest of the map after its first page
        self.measure()

    def _shown_rows(self) -> list[ServiceSummary]:
        """The services the list shows (after its filter), straight from the source model."""
        proxy = self.table.model()
        source = proxy.sourceModel() if isinstance(proxy, QSortFilterProxyModel) else proxy
        if not isinstance(source, KaartTableModel):
            return []
        if proxy is source or proxy.rowCount() == source.rowCount():
            return source.rows
        return [source.rows[proxy.mapToSource(proxy.index(row, 0)).row()] for row in range(proxy.rowCount())]

    def measure(self) -> None:
        """Widen the phone and date columns to their longest text ("… (na de uren)", "⚠ …")."""
        rows = self._shown_rows()
        source = self.table.model()
        source = source.sourceModel() if isinstance(source, QSortFilterProxyModel) else source
        metrics = self.table.fontMetrics()
        for column in self.MEASURED:
            # The cell texts from the model itself, not through Qt's data() 4,000 times (~30 ms a fill), and one
            # text per shape is measured: a dozen instead of 2,000 phone numbers and dates
            texts = source.texts_of(column, rows) if isinstance(source, KaartTableModel) and rows else set()
            widest = max((metrics.horizontalAdvance(text) for text in texts), default=0) + 24
            self.widths[column] = max(self._minimum[column], widest)
            self.table.horizontalHeader().resizeSection(column, self.widths[column])
        self.fit()

    @classmethod
    def install(cls, table: QTableView) -> KaartColumns:
        return cls(table)

    def fit(self) -> None:
        """Hide the columns that step aside first (category, then where) until the name has room."""
        room = self.table.viewport().width()
        shown = [c for c in self.widths if c not in self.STEP_ASIDE]
        for column in self.STEP_ASIDE:
            need = self.MIN_NAME + sum(self.widths[c] for c in shown) + self.widths[column]
            hidden = self.table.isColumnHidden(column)
            # a little slack, so a scrollbar coming or going cannot make the column blink
            if hidden and room >= need + 24:
                self.table.setColumnHidden(column, False)
            elif not hidden and room < need:
                self.table.setColumnHidden(column, True)
            if not self.table.isColumnHidden(column):
                shown.append(column)
        # Still short of room: the organisation (cut, with its full name as tooltip) gives way to the service name,
        # which is what a brugfiguur scans the list for; the phone number and the date are never cut.
        others = sum(self.widths[c] for c in shown if c != self.ORGANISATION)
        header = self.table.horizontalHeader()
        least = header.sectionSizeFromContents(self.ORGANISATION).width()  # its header stays whole
        organisation = max(least, min(self.widths[self.ORGANISATION], room - self.MIN_NAME - others))
        header.resizeSection(self.ORGANISATION, organisation)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

