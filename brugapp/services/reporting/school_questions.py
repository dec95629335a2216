"""Questions per school: one anonymised page for a staff meeting (*personeelsvergadering*).

What the families of one school asked this school year (themes), how often the brugfiguur was there for them,
and to which kinds of organisation they were referred. The figures are the year report's for that school
(``services/reporting/report.py``), so both always agree; "<5" is applied when shown (``domain/reporting``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from brugapp.domain.overviews import brussels_today
from brugapp.domain.reporting import ReportTable
from brugapp.domain.schoolyear import SchoolYear
from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.services.audit import record_audit
from brugapp.services.reporting.report import school_year_report
from brugapp.store import Store


@dataclass(frozen=True)
class SchoolQuestions:
    school_id: str
    school_label: str
    school_year: SchoolYear
    made_on: dt.date
    key_figures: ReportTable
    themes: ReportTable  # top-level themes only: a staff meeting needs the picture, not the detail
    referral_types: ReportTable


def school_questions(store: Store, *, school_id: str, school_year: SchoolYear, on: dt.date | None = None
                     ) -> SchoolQuestions:
    if not school_id:
        raise ValidationError(_("Choose a school."), field="school")
    report = school_year_report(store, school_year=school_year, school_id=school_id, made_on=on or brussels_today())
    themes = report.table("themes")
    top = ReportTable(themes.key, themes.title, themes.header,
                      tuple(row for row in themes.rows if getattr(row[0], "level", 0) == 0), note=themes.note)
    summary = report.table("summary")
    wanted = ("Contact moments", "Families reached", "Referrals")
    key = ReportTable(summary.key, summary.title, summary.header,
                      tuple(row for row in summary.rows if getattr(row[0], "text", "") in wanted))
    return SchoolQuestions(report.school_id, report.school_name, school_year, report.made_on, key, top,
                           report.table("referral_types"))


def print_school_questions(store: Store, *, school_id: str, school_year: SchoolYear, path: Path,
                           on: dt.date | None = None) -> SchoolQuestions:
    """Write the one-page PDF and note the print in the audit trail (never a figure)."""
    from brugapp.printing.school_questions import write_school_questions_pdf

    questions = school_questions(store, school_id=school_id, school_year=school_year, on=on)
    with store.session() as session:  # the print and its audit entry: one unit of work
        write_school_questions_pdf(questions, path)
        record_audit(session, action="print", subject_kind="school_questions", subject_uuid=questions.school_id,
                     audience="school team", detail=school_year.label)
    return questions
