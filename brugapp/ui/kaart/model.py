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
from brugapp.domain.kaart import CATEGORIES, COLOUR_SHORT
from brugapp.i18n import N_, _, format_date
from brugapp.services.kaart.query import KaartFilter, ServiceSummary, summary_matches
from brugapp.ui.style import WARNING
from brugapp.ui.widgets.roles import SORT_ROLE
from brugapp.ui.widgets.table_model import Column, RecordTableModel

_DIGITS = str.maketrans("123456789", "000000000")
COLUMNS = (N_("Service"), N_("Call now"), N_("Organisation"), N_("Where"), N_("Category"), N_("Last verified"))
SHORT_HEADERS = {5: N_("Verified")}  # the full name is the header's tooltip
CATEGORY_COLUMN = 4
COLOUR_HEX = {"green": "#2e8b57", "red": "#c0392b", "explore": "#e0a100"}
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
        painter.setPen(QColor("#c5ced6"))
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
        self._dates: dict[dt.date, str] = {}  # "Last verified" dates formatted once per fill
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

    def set_rows(self, rows: Sequence[ServiceSummary], *, now: dt.datetime | None = None) -> None:
        self.now = now or now_local().replace(tzinfo=None)
        self.today = self.now.date()
        self._dates.clear()  # the language may have changed
        super().set_rows(rows)

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

    def _phone(self, summary: ServiceSummary) -> str:
        number = summary.number_now(self.now)
        if number and number == summary.after_hours_phone and number != summary.phone:
            return _("{number} (after hours)").format(number=number)
        return number

    def _verified(self, summary: ServiceSummary) -> str:
        if summary.assured_date is None:
            return _("never")
        text = self._dates.get(summary.assured_date)
        if text is None:  # 2,000 services share a few hundred dates: each is formatted once a fill
            text = self._dates[summary.assured_date] = format_date(summary.assured_date, "medium")
        # a sign, not words: the row's colour and its tooltip say why, and the service name keeps the room
        return f"⚠ {text}" if summary.is_stale(self.today) else text


class KaartFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.criteria = KaartFilter()
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

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
        model = self.sourceModel()
        assert isinstance(model, KaartTableModel)
        return summary_matches(model.rows[source_row], self.criteria)

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
    MEASURED = (1, 5)  # phone and date
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
            # The cell texts from the columns themselves, not through Qt's data() 4,000 times (~30 ms a fill)
            text = source.columns[column].text if isinstance(source, KaartTableModel) else None
            # Digits are equally wide in the UI fonts (tabular figures): one text per shape is measured, a dozen
            # instead of 2,000 phone numbers and dates
            texts = {shape.translate(_DIGITS) for shape in {text(row) for row in rows}} if text is not None else set()
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

