"""The year report as a PDF: the anonymised tables of one school year, for one school or all schools.

Only what ``SchoolYearReport`` shows goes on paper: translated labels and suppressed counts. An empty table
shows one way only (a grey line under its heading); counts stand right-aligned; columns are wide enough to
never break a word.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.platypus import Flowable

from brugapp.domain.reporting import ReportTable, SchoolYearReport
from brugapp.i18n import N_, _, format_date
from brugapp.printing.document import (
    SheetInfo,
    empty_table_note,
    grid_table,
    heading,
    para,
    spacer,
    styles,
    write_pdf,
)


def report_title(report: SchoolYearReport) -> str:
    return _("Annual report {year}").format(year=report.school_year.label)


def report_school(report: SchoolYearReport) -> str:
    return report.school_name or _("All schools")


SMALL_COUNTS_NOTE = N_("We show counts under 5 as <5 to protect families.")
EMPTY_NOTE = N_("Nothing recorded in this school year.")

# Column widths in mm (page text width 174 mm), by table shape; the label column takes what is left.
_WIDTHS: dict[str, tuple[float, ...]] = {
    "signals": (24, 40, 56, 20, 34),
}


def _widths(table: ReportTable, columns: int) -> list[float]:
    if table.key in _WIDTHS:
        return list(_WIDTHS[table.key])
    counts = 32.0 if columns > 2 else 40.0
    return [174 - counts * (columns - 1), *([counts] * (columns - 1))]


def _table_story(table: ReportTable) -> list[Flowable]:
    rows = table.shown_rows(readable=True)
    story: list[Flowable] = [heading(table.shown_title())]
    if not rows or (table.is_empty and table.key != "summary"):
        story.append(empty_table_note(_(EMPTY_NOTE)))
        return story
    story.append(grid_table(table.shown_header(), rows, widths_mm=_widths(table, len(rows[0]))))
    if table.note:
        story.append(para(_(table.note), styles().small))
    return story


def write_report_pdf(report: SchoolYearReport, path: Path, *, charts: Sequence[Flowable] = ()) -> Path:
    """``charts``: the drawings of ``printing/charts.py``, placed after the tables."""
    s = styles()
    story: list[Flowable] = [
        para(_("{school} · school year {first} to {last}").format(
            school=report_school(report), first=format_date(report.school_year.first_day, "long"),
            last=format_date(report.school_year.last_day, "long")), s.subtitle),
        para(_(SMALL_COUNTS_NOTE) + " " + _("No names of families, children or workers are in this report."),
             s.notice),
    ]
    for table in report.tables:
        story += [*_table_story(table), spacer(2)]
    story.extend(charts)
    info = SheetInfo(title=report_title(report), audience=_("For: school team, employer and municipality – "
                                                              "anonymised figures"), confidential=False,
                     printed_on=report.made_on)
    return write_pdf(path, info, story)
