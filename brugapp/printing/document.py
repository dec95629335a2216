"""The shared frame of every printed sheet: fonts, styles, header, footer, audience line.

Build a list of flowables with the ``styles()`` and helpers here, then call ``write_pdf``.
Every sheet names its audience in the footer ("Voor: school – enkel wat nodig is") so a sheet
found on a photocopier says who it was meant for.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from brugapp import __version__
from brugapp.domain.clock import today_local
from brugapp.i18n import LANGUAGES, _, format_date, language
from brugapp.paths import FONTS

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
# Dark enough to survive a photocopy: every text colour has a contrast of at least 4.5:1 on white and on the
# notice background (ACCENT 6.3:1, MUTED 7.1:1, INK 14:1).
ACCENT = colors.HexColor("#236b62")
INK = colors.HexColor("#1f2d3d")
MUTED = colors.HexColor("#4a5a6a")
RULE = colors.HexColor("#c9d3da")
MIN_LABEL_PT = 9  # nothing on paper is smaller: labels, footers and table headers included


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
    subheading: ParagraphStyle
    number: ParagraphStyle
    header_cell: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=14.5, textColor=INK, alignment=TA_LEFT)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=19, leading=24, spaceAfter=4),
        subtitle=ParagraphStyle("subtitle", parent=body, textColor=MUTED, fontSize=11, spaceAfter=10),
        # keepWithNext: a heading never stands alone at the bottom of a page.
        heading=ParagraphStyle("heading", parent=body, fontName=FONT_BOLD, fontSize=12.5, leading=16,
                               textColor=ACCENT, spaceBefore=10, spaceAfter=4, keepWithNext=1),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=MIN_LABEL_PT, leading=12, textColor=MUTED),
        notice=ParagraphStyle("notice", parent=body, fontSize=9.5, leading=13, textColor=INK,
                              backColor=colors.HexColor("#f1f6f5"), borderPadding=6, spaceBefore=6, spaceAfter=8),
        subheading=ParagraphStyle("subheading", parent=body, fontName=FONT_BOLD, spaceBefore=4, keepWithNext=1),
        number=ParagraphStyle("number", parent=body, alignment=TA_RIGHT),
        header_cell=ParagraphStyle("header_cell", parent=body, fontName=FONT_BOLD, fontSize=MIN_LABEL_PT,
                                   leading=12),
    )


def text(value: str) -> str:
    """Escape user text for a reportlab Paragraph (which reads a little XML)."""
    return escape(value).replace("\n", "<br/>")


def para(value: str, style: ParagraphStyle | None = None) -> Paragraph:
    return Paragraph(text(value), style or styles().body)


def heading(value: str, *, in_contents: bool = False) -> Paragraph:
    """A section heading; it travels to the next page with what follows it. ``in_contents``: listed in the
    contents page (``contents()``) with its page number."""
    paragraph = Paragraph(text(value), styles().heading)
    if in_contents:
        paragraph.contents_entry = value  # read by _Document.afterFlowable
    return paragraph


def contents() -> TableOfContents:
    """A contents page: every ``heading(..., in_contents=True)`` with its page number (needs two passes)."""
    s = styles()
    toc = TableOfContents(dotsMinLevel=0)
    toc.tableStyle = TableStyle([("FONT", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                 ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    toc.levelStyles = [ParagraphStyle("contents", parent=s.body, leftIndent=0, firstLineIndent=0, spaceBefore=2)]
    return toc


class _Document(SimpleDocTemplate):
    def afterFlowable(self, flowable: Flowable) -> None:
        entry = getattr(flowable, "contents_entry", None)
        if entry:
            self.notify("TOCEntry", (0, text(entry), self.page))


def subheading(value: str) -> Paragraph:
    """A bold line (an agenda item, a school) that also stays with what follows it."""
    return Paragraph(text(value), styles().subheading)


def spacer(height_mm: float = 4) -> Spacer:
    return Spacer(1, height_mm * mm)


def key_value_table(rows: Sequence[tuple[str, str]], *, key_width_mm: float = 45) -> Table:
    """Two columns, label left in grey, value right; for details such as date, place, contact."""
    s = styles()
    data = [[Paragraph(text(k), s.small), Paragraph(text(v), s.body)] for k, v in rows]
    table = Table(data, colWidths=[key_width_mm * mm, None], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


_NUMBER = re.compile(r"^(?:[<>≤≥]?\s?-?\d[\d.,  ]*\s?%?|–|-)$")


def is_number_column(cells: Sequence[str]) -> bool:
    """A column of counts ("12", "<5", "–", "35 %") is right-aligned so units stand under units."""
    values = [c.strip() for c in cells if c.strip()]
    return bool(values) and all(_NUMBER.match(v) for v in values) and any(ch.isdigit() for v in values for ch in v)


class GridTable(Table):
    """A table that never leaves a single row alone on a page: it moves, or splits one row earlier."""

    MIN_ROWS = 2
    FRESH_PAGE = 600  # points: at the top of a page a split must happen, however lonely the row

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        first = len(parts[0]._cellvalues) - head
        rest = len(parts[1]._cellvalues) - head
        if first < self.MIN_ROWS and availHeight < self.FRESH_PAGE:
            return []  # move the table to the next page rather than leave one row here
        if rest < self.MIN_ROWS and first > self.MIN_ROWS:
            last_row = parts[0]._rowHeights[-1]
            return super().split(availWidth, availHeight - last_row - 1)
        return parts


_PADDING = 7  # left + right cell padding in points


def _longest_word(values: Sequence[str], font: str, size: float) -> float:
    words = [w for v in values for w in v.split()]
    return max((pdfmetrics.stringWidth(w, font, size) for w in words), default=0.0) + _PADDING


def fit_widths(widths: Sequence[float], header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[float]:
    """Widen a column that would break a word ("Voeding en ba | sisbehoeften") at the cost of roomier ones."""
    body = styles().body
    needed = [max(_longest_word([r[i] for r in rows], FONT, body.fontSize),
                  _longest_word([header[i]], FONT_BOLD, MIN_LABEL_PT)) for i in range(len(widths))]
    result = list(widths)
    for i, need in enumerate(needed):
        short = need - result[i]
        for j in sorted(range(len(result)), key=lambda k: needed[k] - result[k]):
            if short <= 0:
                break
            spare = result[j] - needed[j]
            if j != i and spare > 0:
                moved = min(spare, short)
                result[j] -= moved
                result[i] += moved
                short -= moved
    return result


def grid_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], *, widths_mm: Sequence[float] | None = None,
    row_height_mm: float | None = None,
) -> Table:
    """A ruled table with a header row repeated on every page; columns of numbers are right-aligned.

    ``row_height_mm`` gives every body row at least that height (rows to write and sign in).
    """
    s = styles()
    numeric = [is_number_column([row[i] for row in rows]) for i in range(len(header))]
    head_right = ParagraphStyle("th_right", parent=s.header_cell, alignment=TA_RIGHT)
    data: list[list[Flowable]] = [[Paragraph(text(h), head_right if numeric[i] else s.header_cell)
                                   for i, h in enumerate(header)]]
    data += [[Paragraph(text(c), s.number if numeric[i] else s.body) for i, c in enumerate(row)] for row in rows]
    widths = fit_widths([w * mm for w in widths_mm], header, rows) if widths_mm else None
    heights = [None] + [row_height_mm * mm] * len(rows) if row_height_mm else None
    table = GridTable(data, colWidths=widths, rowHeights=heights, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT),  # reportlab's cell default is Helvetica, which would not be embedded
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        # Lines to write on must survive a photocopy; between printed rows a light rule is enough.
        ("LINEBELOW", (0, 1), (-1, -1), 0.6 if row_height_mm else 0.4, MUTED if row_height_mm else RULE),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM" if row_height_mm else "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def empty_table_note(value: str) -> Paragraph:
    """The one way an empty table shows on paper: a short grey line in place of the table."""
    return Paragraph(text(value), styles().small)


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
    title: str  # shown on top of page 1, in the running header from page 2 and in the PDF metadata
    audience: str  # e.g. "Voor: CAW Zuid-West-Vlaanderen" – printed in every footer
    confidential: bool = True
    printed_on: dt.date | None = None
    footer_note: str = ""  # an extra bold line in every footer, e.g. "Niet aan ouders geven"
    author: str = ""  # who made it (Mijn gegevens); "BrugApp" when unknown


MARGIN = 18 * mm


def _numbered_canvas(info: SheetInfo, printed_on: dt.date) -> type[Canvas]:
    """A canvas that draws header and footer once the page count is known ("pagina 2 van 5")."""
    confidential = _("Confidential: do not pass on.") if info.confidential else ""
    running = _("{title} · {date}").format(title=info.title, date=format_date(printed_on, "long"))
    printed = _("printed {date}").format(date=format_date(printed_on, "long"))

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("initialFontName", FONT)  # no Helvetica in the file, not even unused
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = A4
            page = self.getPageNumber()
            self.saveState()
            self.setStrokeColor(ACCENT)
            self.setLineWidth(2)
            self.line(MARGIN, height - 14 * mm, width - MARGIN, height - 14 * mm)
            if page > 1:
                self.setFont(FONT, MIN_LABEL_PT)
                self.setFillColor(MUTED)
                self.drawString(MARGIN, height - 12 * mm, fit_text(running, FONT, MIN_LABEL_PT, width - 2 * MARGIN))
            # Footer: who it is for (and a warning), then confidentiality, print date and "pagina N van M".
            self.setFont(FONT_BOLD, MIN_LABEL_PT)
            self.setFillColor(INK)
            top = " · ".join(part for part in (info.audience, info.footer_note) if part)
            self.drawString(MARGIN, 13 * mm, fit_text(top, FONT_BOLD, MIN_LABEL_PT, width - 2 * MARGIN))
            self.setFont(FONT, MIN_LABEL_PT)
            self.setFillColor(MUTED)
            self.drawString(MARGIN, 8.5 * mm, confidential)
            pages = _("page {page} of {pages}").format(page=page, pages=total)
            self.drawRightString(width - MARGIN, 8.5 * mm, f"{printed} · {pages}")
            self.restoreState()

    return NumberedCanvas


def write_pdf(path: Path, info: SheetInfo, story: Sequence[Flowable], *, pagesize: tuple[float, float] = A4) -> Path:
    """Write an A4 PDF: title, running header from page 2, audience footer with "pagina N van M", metadata."""
    register_fonts()
    printed_on = info.printed_on or today_local()
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = _Document(
        str(path), pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=20 * mm,
        bottomMargin=20 * mm, title=info.title, author=info.author or "BrugApp", subject=info.audience,
        creator=f"BrugApp {__version__}", lang=language_tag(), initialFontName=FONT,
    )
    flowables = [Paragraph(text(info.title), styles().title), *story]
    canvas = _numbered_canvas(info, printed_on)
    with _REPORTLAB_LOCK:
        if any(isinstance(f, TableOfContents) for f in story):
            doc.multiBuild(flowables, canvasmaker=canvas)  # the second pass knows the page numbers
        else:
            doc.build(flowables, canvasmaker=canvas)
    return path


def language_tag() -> str:
    """The document language for the PDF catalogue (screen readers, hyphenation): nl-BE or en-GB."""
    return LANGUAGES.get(language(), "nl_BE").replace("_", "-")
