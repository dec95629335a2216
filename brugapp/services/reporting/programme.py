"""The programme report: export this worker's anonymised figures; merge several workers' files.

``export_figures`` writes the whole programme year of this store (every school, raw counts, no names) as the
figures file of ``domain/programme.py``; ``merge_figures`` reads several files and adds them up. The "<5" rule
is applied to the merged counts when they are shown (screen, PDF, CSV, JSON), never to a single worker's.
Every export, merge and print is a link of the audit trail, written in the same unit of work as the action.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from brugapp.domain.overviews import brussels_today
from brugapp.domain.programme import figures_payload, merge
from brugapp.domain.reporting import SchoolYearReport
from brugapp.domain.schoolyear import SchoolYear
from brugapp.exchange.programme_figures import load_figures, write_figures
from brugapp.services.audit import record_audit
from brugapp.services.reporting.report import school_year_report
from brugapp.store import Store

AUDIENCE = "coordinator"


def export_figures(store: Store, *, school_year: SchoolYear, path: Path, on: dt.date | None = None
                   ) -> dict[str, Any]:
    """Write the figures file and note the export in the audit trail (never a figure), in one unit of work."""
    day = on or brussels_today()
    report = school_year_report(store, school_year=school_year, made_on=day)
    payload = figures_payload(report, file_id=str(uuid.uuid4()), made_on=day)
    with store.session() as session:
        write_figures(payload, path)
        record_audit(session, action="export", subject_kind="programme_figures", audience=AUDIENCE,
                     detail=school_year.label)
    return payload


def merge_detail(*, files: int, school_year: SchoolYear, merged_by: str) -> str:
    """What the audit trail keeps of a merge: how many files, which year, who merged. Never a file's name (it
    may name a worker) nor a figure."""
    return f"files={files}; school_year={school_year.label}; by={merged_by or '?'}"


def merge_figures(store: Store, *, paths: Sequence[Path], school_year: SchoolYear | None = None,
                  on: dt.date | None = None, merged_by: str | None = None) -> SchoolYearReport:
    """Read, check and add up the files, and note the merge in the audit trail in the same unit of work.

    Raises FiguresError naming the first file that cannot be used (another school year, changed by hand, the
    same export twice, not a figures file); then nothing is written. ``merged_by`` defaults to the name in
    *Mijn gegevens*.
    """
    files = [load_figures(path) for path in paths]
    report = merge(files, school_year=school_year, made_on=on or brussels_today())
    if merged_by is None:
        from brugapp.settings import load_settings  # the worker's own name (Mijn gegevens), read when merging

        merged_by = load_settings().worker_name
    with store.session() as session:
        record_audit(session, action="merge", subject_kind="programme_report", audience=AUDIENCE,
                     detail=merge_detail(files=len(files), school_year=report.school_year, merged_by=merged_by))
    return report


def write_programme_pdf(store: Store, report: SchoolYearReport, path: Path, *, workers: int) -> Path:
    """Print the merged report and note the print in the audit trail (the year, never a figure)."""
    from brugapp.printing.programme_report import write_programme_pdf as write

    with store.session() as session:
        write(report, path, workers=workers)
        record_audit(session, action="print", subject_kind="programme_report", audience=AUDIENCE,
                     detail=report.school_year.label)
    return path


def write_programme_csv(store: Store, report: SchoolYearReport, path: Path) -> Path:
    """Export the merged tables as CSV for Excel and note the export in the audit trail."""
    from brugapp.exchange.report_csv import write_report_csv
    from brugapp.printing.programme_report import programme_title

    with store.session() as session:
        write_report_csv(report, path, title=programme_title(report))
        record_audit(session, action="export", subject_kind="programme_report:csv", audience=AUDIENCE,
                     detail=report.school_year.label)
    return path
