"""*Rapportage* charts on screen: small QPainter bar charts, this school year beside the previous one.

The figures come from ``services/reporting/charts.py``; what a bar may show ("<5" drawn pale, without its
number) is ``domain/charts.bar``, the same rule as the printed charts.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.charts import Bar, Chart
from brugapp.domain.schoolyear import SchoolYear
from brugapp.i18n import _
from brugapp.services.reporting.charts import report_charts
from brugapp.store import Store
from brugapp.ui.operations import Operation, run_operation
from brugapp.ui.style import ACCENT, BORDER, INK, MUTED

PREVIOUS = "#9aa8b5"
PALE = {True: "#cfe5e1", False: "#e3e8ec"}
ROW = 34  # two bars and a gap
BAR = 11


class BarChartWidget(QWidget):
    """One grouped horizontal bar chart; the accessible description reads the figures as shown."""

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.setMinimumWidth(380)
        lines = [f"{label}: {now.label} ({chart.current_year}), {before.label} ({chart.previous_year})"
                 for label, (now, before) in zip(chart.shown_labels(), chart.bars(), strict=True)]
        self.setAccessibleName(chart.shown_title())
        self.setAccessibleDescription("; ".join(lines))
        self.setToolTip("\n".join(lines))

    def sizeHint(self) -> QSize:
        return QSize(520, 34 + ROW * max(1, len(self.chart.labels)))

    def minimumSizeHint(self) -> QSize:
        return QSize(380, self.sizeHint().height())

    def _bar(self, painter: QPainter, x: float, y: float, width: float, value: Bar, *, current: bool) -> None:
        colour = QColor(ACCENT if current else PREVIOUS)
        if value.length > 0:
            rect = QRectF(x, y, max(width, 2.0), BAR)
            if value.suppressed:
                painter.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
                painter.setBrush(QColor(PALE[current]))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
            painter.drawRect(rect)
        painter.setPen(QColor(INK if current else MUTED))
        font = painter.font()
        font.setBold(current)
        painter.setFont(font)
        painter.drawText(QRectF(x + width + 5, y - 2, 60, BAR + 4), Qt.AlignmentFlag.AlignVCenter, value.label)
        font.setBold(False)
        painter.setFont(font)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(painter.font())
        labels = self.chart.shown_labels()
        label_width = min(max((metrics.horizontalAdvance(text) for text in labels), default=0) + 12,
                          int(self.width() * 0.42))
        plot = max(40.0, self.width() - label_width - 50)
        # legend
        x = float(label_width)
        for year, colour in ((self.chart.current_year, ACCENT), (self.chart.previous_year, PREVIOUS)):
            text = _("school year {year}").format(year=year)
            painter.fillRect(QRectF(x, 6, 12, 10), QColor(colour))
            painter.setPen(QColor(INK))
            painter.drawText(QRectF(x + 17, 2, metrics.horizontalAdvance(text) + 4, 18),
                             Qt.AlignmentFlag.AlignVCenter, text)
            x += 17 + metrics.horizontalAdvance(text) + 18
        top = 28
        painter.setPen(QPen(QColor(BORDER), 1))
        painter.drawLine(label_width, top - 2, label_width, top + ROW * len(labels) - 6)
        scale = self.chart.scale
        for i, (text, (now, before)) in enumerate(zip(labels, self.chart.bars(), strict=True)):
            y = top + i * ROW
            painter.setPen(QColor(INK))
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, label_width - 10)
            painter.drawText(QRectF(0, y, label_width - 8, 2 * BAR + 2), Qt.AlignmentFlag.AlignVCenter, shown)
            self._bar(painter, label_width + 1, y, plot * now.length / scale, now, current=True)
            self._bar(painter, label_width + 1, y + BAR + 2, plot * before.length / scale, before, current=False)
        painter.end()


class ChartCard(QFrame):
    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.key = chart.key
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        title = QLabel(chart.shown_title())
        title.setObjectName("ChartTitle")
        layout.addWidget(title)
        if chart.is_empty:
            empty = QLabel(_("Nothing recorded in these two school years."))
            empty.setObjectName("Hint")
            layout.addWidget(empty)
        else:
            self.chart = BarChartWidget(chart)
            layout.addWidget(self.chart)
        layout.addStretch(1)


class ChartsDialog(QDialog):
    """The four charts of the chosen school year (and school), computed off the GUI thread."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, school_year: SchoolYear,
                 school_id: str | None = None, school_label: str = "") -> None:
        super().__init__(parent)
        self.store = store
        self.school_year, self.school_id = school_year, school_id
        self.setWindowTitle(_("Charts {year}").format(year=school_year.label))
        self.resize(1100, 700)
        layout = QVBoxLayout(self)
        heading = QLabel(_("{school} · school year {year} beside {previous}").format(
            school=school_label or _("All schools"), year=school_year.label,
            previous=SchoolYear(school_year.start_year - 1).label))
        heading.setObjectName("ChartsHeading")
        layout.addWidget(heading)
        note = QLabel(_("We show counts under 5 as <5 to protect families.") + " "
                      + _("A pale, dashed bar stands for <5, whatever the number."))
        note.setObjectName("Hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.holder = QWidget()
        self.grid = QGridLayout(self.holder)
        self.grid.setSpacing(14)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.holder)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.cards: list[ChartCard] = []
        self.operation = self.refresh()

    def refresh(self) -> Operation[tuple[Chart, ...]]:
        year, school = self.school_year, self.school_id
        return run_operation(self, label=_("Counting the figures …"),
                             work=lambda: report_charts(self.store, school_year=year, school_id=school),
                             on_done=self.show_charts)

    def show_charts(self, charts: tuple[Chart, ...]) -> None:
        self.cards = [ChartCard(chart) for chart in charts]
        for i, card in enumerate(self.cards):
            self.grid.addWidget(card, i // 2, i % 2, Qt.AlignmentFlag.AlignTop)
        self.grid.setRowStretch(len(self.cards) // 2 + 1, 1)
