"""Questions per school: one page for the staff meeting, anonymised, small counts as "<5"."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, TableStyle

from brugapp.i18n import _, format_date
from brugapp.printing.document import SheetInfo, grid_table, heading, para, styles, write_pdf
from brugapp.printing.report import SMALL_COUNTS_NOTE

if TYPE_CHECKING:
    from brugapp.domain.reporting import ReportTable
    from brugapp.services.reporting.school_questions import SchoolQuestions


def _table(table: ReportTable, empty: str) -> list[Flowable]:
    rows = table.shown_rows(readable=True)
    if not rows:
        return [para(empty, styles().small)]
    grid = grid_table(table.shown_header(), rows, widths_mm=[130, 44])
    # One page, also with every theme and every kind of organisation: tighter rows than the year report.
    grid.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    return [grid]


def write_school_questions_pdf(questions: SchoolQuestions, path: Path) -> Path:
    s = styles()
    year = questions.school_year
    story: list[Flowable] = [
        para(_("{school} · school year {first} to {last} · for the staff meeting").format(
            school=questions.school_label, first=format_date(year.first_day, "long"),
            last=format_date(min(year.last_day, questions.made_on), "long")), s.subtitle),
        para(_(SMALL_COUNTS_NOTE) + " " + _("No names of families, children or workers are in this report."),
             s.notice),
        heading(_("In short")), *_table(questions.key_figures, _("Nothing recorded in this school year.")),
        heading(_("What families asked about")),
        *_table(questions.themes, _("No questions recorded at this school in this school year.")),
        para(_("A contact moment can touch several themes; the numbers do not add up to the total."), s.small),
        heading(_("Where we referred to")),
        *_table(questions.referral_types, _("No referrals in this school year.")),
    ]
    info = SheetInfo(title=_("Questions at our school"), audience=_("For: the school team – anonymised figures"),
                     confidential=False, printed_on=questions.made_on)
    return write_pdf(path, info, story)
