"""The year report as a PDF: the anonymised tables of one school year, for one school or all schools.

Only what ``SchoolYearReport`` shows goes on paper: translated labels and suppressed counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.platypus import Flowable

from brugapp.domain.reporting import SchoolYearReport
from brugapp.i18n import N_, _, format_date
from brugapp.printing.document import SheetInfo, grid_table, heading, keep, para, spacer, styles, write_pdf


def report_title(report: SchoolYearReport) -> str:
    return _("Annual report {year}").format(year=report.school_year.label)


def report_school(report: SchoolYearReport) -> str:
    return report.school_name or _("All schools")


SMALL_COUNTS_NOTE = N_("We show counts under 5 as <5 to protect families.")


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
        rows = table.shown_rows()
        parts: list[Flowable] = [heading(table.shown_title())]
        if rows:
            header = table.shown_header()
            widths = None
            if len(header) == 2:
                widths = [120, 40]
            elif len(header) == 3:
                widths = [100, 30, 30]
            elif table.key == "signals":
                widths = [25, 30, 58, 19, 42]
            elif len(header) == 4:
                widths = [70, 35, 35, 34]
            parts.append(grid_table(header, rows, widths_mm=widths))
        else:
            parts.append(para(_("Nothing recorded in this school year."), s.small))
        if table.note:
            parts.append(para(_(table.note), s.small))
        story.append(keep(parts) if len(rows) < 25 else parts[0])
        if len(rows) >= 25:
            story.extend(parts[1:])
        story.append(spacer(2))
    story.extend(charts)
    info = SheetInfo(title=report_title(report), audience=_("For: school team, employer and municipality – "
                                                              "anonymised figures"), confidential=False)
    return write_pdf(path, info, story)
