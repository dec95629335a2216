"""The shared frame of every printed sheet: fonts, styles, header, footer, audience line.

Build a list of flowables with the ``styles()`` and helpers here, then call ``write_pdf``.
Every sheet names its audience in the footer ("Voor: school – enkel wat nodig is") so a sheet
found on a photocopier says who it was meant for.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate

from brugapp import __version__
from brugapp.domain.clock import today_local
from brugapp.i18n import _, format_date
from brugapp.paths import FONTS

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
ACCENT = colors.HexColor("#2a7f74")
INK = colors.HexColor("#1f2d3d")
MUTED = colors.HexColor("#5b6b7b")
RULE = colors.HexColor("#dfe5ea")


# reportlab keeps fonts and some layout caches in module globals; prints run on worker threads
# (ui/operations.py), so registering fonts and building a document happen one at a time.
_REPORTLAB_LOCK = threading.RLock()


@cache
def _register_fonts_once() -> None:
    pdfmetrics.registerFont(TTFont(FONT, str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_ITALIC, str(FONTS / "DejaVuSans-Oblique.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD)


def register_fonts() -> None:
    """DejaVu covers Turkish, Polish, Romanian and Arabic letters that Helvetica lacks."""
    with _REPORTLAB_LOCK:
        _register_fonts_once()


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    notice: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=14.5, textColor=INK, alignment=TA_LEFT)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=19, leading=24, spaceAfter=4),
        subtitle=ParagraphStyle("subtitle", parent=body, textColor=MUTED, fontSize=11, spaceAfter=10),
        heading=ParagraphStyle("heading", parent=body, fontName=FONT_BOLD, fontSize=12.5, leading=16,
                               textColor=ACCENT, spaceBefore=10, spaceAfter=4),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        notice=ParagraphStyle("notice", parent=body, fontSize=9.5, leading=13, textColor=INK,
                              backColor=colors.HexColor("#f1f6f5"), borderPadding=6, spaceBefore=6, spaceAfter=8),
    )


def text(value: str) -> str:
    """Escape user text for a reportlab Paragraph (which reads a little XML)."""
    return escape(value).replace("\n", "<br/>")


def para(value: str, style: ParagraphStyle | None = None) -> Paragraph:
    return Paragraph(text(value), style or styles().body)


def heading(value: str) -> Paragraph:
    return Paragraph(text(value), styles().heading)


def spacer(height_mm: float = 4) -> Spacer:
    return Spacer(1, height_mm * mm)


def key_value_table(rows: Sequence[tuple[str, str]], *, key_width_mm: float = 45) -> Table:
    """Two columns, label left in grey, value right; for details such as date, place, contact."""
    s = styles()
    data = [[Paragraph(text(k), s.small), Paragraph(text(v), s.body)] for k, v in rows]
    table = Table(data, colWidths=[key_width_mm * mm, None], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def grid_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], *, widths_mm: Sequence[float] | None = None
) -> Table:
    """A ruled table with a header row, repeated on every page."""
    s = styles()
    head_style = ParagraphStyle("th", parent=s.small, fontName=FONT_BOLD, textColor=INK)
    data = [[Paragraph(text(h), head_style) for h in header]]
    data += [[Paragraph(text(c), s.body) for c in row] for row in rows]
    widths = [w * mm for w in widths_mm] if widths_mm else None
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def keep(flowables: Sequence[Flowable]) -> KeepTogether:
    return KeepTogether(list(flowables))


def fit_text(value: str, font: str, size: float, width: float) -> str:
    """Shorten ``value`` with an ellipsis until it fits ``width`` points."""
    if pdfmetrics.stringWidth(value, font, size) <= width:
        return value
    while value and pdfmetrics.stringWidth(value + "…", font, size) > width:
        value = value[:-1]
    return value + "…"


@dataclass(frozen=True)
class SheetInfo:
    title: str  # shown on top of page 1 and in the PDF metadata
    audience: str  # e.g. "Voor: CAW Zuid-West-Vlaanderen" – printed in every footer
    confidential: bool = True
    printed_on: dt.date | None = None


def write_pdf(path: Path, info: SheetInfo, story: Sequence[Flowable]) -> Path:
    """Write an A4 PDF with the BrugApp header line, audience footer and page numbers."""
    register_fonts()
    printed_on = info.printed_on or today_local()
    confidential = _("Confidential: do not pass on.") if info.confidential else ""
    footer_right = _("printed {date} · page {{page}}").format(date=format_date(printed_on, "long"))

    def decorate(canvas: object, doc: BaseDocTemplate) -> None:
        c = canvas  # reportlab canvas
        c.saveState()  # type: ignore[attr-defined]
        width, height = A4
        c.setStrokeColor(ACCENT)  # type: ignore[attr-defined]
        c.setLineWidth(2)  # type: ignore[attr-defined]
        c.line(18 * mm, height - 14 * mm, width - 18 * mm, height - 14 * mm)  # type: ignore[attr-defined]
        # Two footer lines so a long audience never runs into the date: who it is for, then the rest.
        c.setFont(FONT_BOLD, 8)  # type: ignore[attr-defined]
        c.setFillColor(INK)  # type: ignore[attr-defined]
        c.drawString(18 * mm, 13 * mm, fit_text(info.audience, FONT_BOLD, 8, width - 36 * mm))  # type: ignore[attr-defined]
        c.setFont(FONT, 8)  # type: ignore[attr-defined]
        c.setFillColor(MUTED)  # type: ignore[attr-defined]
        c.drawString(18 * mm, 9 * mm, confidential)  # type: ignore[attr-defined]
        c.drawRightString(width - 18 * mm, 9 * mm, footer_right.format(page=doc.page))  # type: ignore[attr-defined]
        c.restoreState()  # type: ignore[attr-defined]

    path.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=20 * mm,
        bottomMargin=18 * mm, title=info.title, author="BrugApp", creator=f"BrugApp {__version__}",
    )
    with _REPORTLAB_LOCK:
        doc.build([Paragraph(text(info.title), styles().title), *story], onFirstPage=decorate, onLaterPages=decorate)
    return path
