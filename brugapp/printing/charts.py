"""Bar charts for the printed reports (reportlab graphics): this school year beside the previous one.

A chart is built from a ``domain.charts.Chart``: counts of 1–4 are drawn as a pale, dashed bar labelled "<5"
(``domain.charts.bar``), so a chart never shows more than the tables.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from brugapp.domain.charts import Bar, Chart
from brugapp.i18n import _
from brugapp.printing.document import ACCENT, FONT, FONT_BOLD, INK, MUTED, RULE, fit_text, heading, keep, register_fonts

WIDTH = 174 * mm
LABEL_WIDTH = 62 * mm
VALUE_WIDTH = 12 * mm
BAR_HEIGHT = 6.0
ROW_GAP = 6.0
PREVIOUS = colors.HexColor("#9aa8b5")
PALE = {True: colors.HexColor("#cfe5e1"), False: colors.HexColor("#e3e8ec")}  # current / previous, suppressed


def _bar(drawing: Drawing, x: float, y: float, width: float, value: Bar, *, current: bool) -> None:
    if value.length <= 0:
        drawing.add(String(x + 2, y + 1, value.label, fontName=FONT, fontSize=7, fillColor=MUTED))
        return
    fill = PALE[current] if value.suppressed else (ACCENT if current else PREVIOUS)
    stroke = (ACCENT if current else PREVIOUS) if value.suppressed else None
    rect = Rect(x, y, width, BAR_HEIGHT, fillColor=fill, strokeColor=stroke, strokeWidth=0.6 if stroke else 0)
    if value.suppressed:
        rect.strokeDashArray = [2, 1.5]
    drawing.add(rect)
    drawing.add(String(x + width + 3, y + 1, value.label, fontName=FONT_BOLD if current else FONT, fontSize=7.5,
                       fillColor=INK if current else MUTED))


def chart_drawing(chart: Chart) -> Drawing:
    """One grouped horizontal bar chart with a legend on top."""
    register_fonts()
    labels = chart.shown_labels()
    row_height = 2 * BAR_HEIGHT + ROW_GAP
    height = 22 + len(labels) * row_height
    drawing = Drawing(WIDTH, height)
    legend_y = height - 10
    for i, (year, colour) in enumerate(((chart.current_year, ACCENT), (chart.previous_year, PREVIOUS))):
        x = LABEL_WIDTH + i * 45 * mm
        drawing.add(Rect(x, legend_y, 8, 6, fillColor=colour, strokeColor=None))
        drawing.add(String(x + 11, legend_y + 0.5, _("school year {year}").format(year=year), fontName=FONT,
                           fontSize=7.5, fillColor=INK))
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    scale = chart.scale
    top = legend_y - 8
    drawing.add(Line(LABEL_WIDTH, top + 2, LABEL_WIDTH, top - len(labels) * row_height + ROW_GAP - 2,
                     strokeColor=RULE, strokeWidth=0.8))
    for i, (label, (now, before)) in enumerate(zip(labels, chart.bars(), strict=True)):
        y = top - (i + 1) * row_height + ROW_GAP
        drawing.add(String(0, y + BAR_HEIGHT - 3, fit_text(label, FONT, 8, LABEL_WIDTH - 6), fontName=FONT,
                           fontSize=8, fillColor=INK))
        _bar(drawing, LABEL_WIDTH, y + BAR_HEIGHT, plot * now.length / scale, now, current=True)
        _bar(drawing, LABEL_WIDTH, y, plot * before.length / scale, before, current=False)
    return drawing


def chart_flowables(charts: Sequence[Chart]) -> list[Flowable]:
    """Heading + drawing per chart that has figures, each kept on one page."""
    story: list[Flowable] = []
    for chart in charts:
        if chart.is_empty:
            continue
        story.append(keep([heading(chart.shown_title()), chart_drawing(chart)]))
    return story
