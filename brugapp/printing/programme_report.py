"""The merged programme report as a PDF: the sum of several workers' figures, small counts shown as "<5"."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.platypus import Flowable

from brugapp.domain.reporting import ReportTable, SchoolYearReport
from brugapp.i18n import _, format_date, ngettext
from brugapp.printing.document import SheetInfo, grid_table, heading, keep, para, spacer, styles, write_pdf
from brugapp.printing.report import SMALL_COUNTS_NOTE

KEEP_TOGETHER_ROWS = 12


def programme_title(report: SchoolYearReport) -> str:
    return _("Programme report {year}").format(year=report.school_year.label)


def table_flowables(table: ReportTable) -> list[Flowable]:
    """One report table as a heading, a ruled grid (counts as shown) and its note, kept together."""
    s = styles()
    rows = table.shown_rows(readable=True)
    parts: list[Flowable] = [heading(table.shown_title())]
    if rows:
        header = table.shown_header()
        widths = {2: [120, 40], 3: [100, 30, 30]}.get(len(header))
        parts.append(grid_table(header, rows, widths_mm=widths))
    else:
        parts.append(para(_("Nothing recorded in this school year."), s.small))
    if table.note:
        parts.append(para(_(table.note), s.small))
    if len(rows) < KEEP_TOGETHER_ROWS:
        return [keep(parts), spacer(2)]
    return [*parts, spacer(2)]  # a long table may break; its header row repeats on the next page


def write_programme_pdf(report: SchoolYearReport, path: Path, *, workers: int,
                        extra: Sequence[Flowable] = ()) -> Path:
    s = styles()
    story: list[Flowable] = [
        para(_("All schools of the programme · school year {first} to {last}").format(
            first=format_date(report.school_year.first_day, "long"),
            last=format_date(report.school_year.last_day, "long")), s.subtitle),
        para(ngettext("The figures of {n} worker, added up.", "The figures of {n} workers, added up.",
                      workers).format(n=workers) + " " + _(SMALL_COUNTS_NOTE) + " "
             + _("The rule is applied after adding up.") + " "
             + _("No names of families, children or workers are in this report."), s.notice),
        *extra,
    ]
    for table in report.tables:
        story.extend(table_flowables(table))
    info = SheetInfo(title=programme_title(report), audience=_("For: programme coordinator, employer and "
                                                              "municipality – anonymised figures"),
                     confidential=False, printed_on=report.made_on)
    return write_pdf(path, info, story)
