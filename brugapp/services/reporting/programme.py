"""The programme report: export this worker's anonymised figures; merge several workers' files.

``export_figures`` writes the whole programme year of this store (every school, raw counts, no names) as the
figures file of ``domain/programme.py``; ``merge_figures`` reads several files and adds them up. The "<5" rule
is applied to the merged counts when they are shown (screen, PDF, CSV, JSON), never to a single worker's.
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
from brugapp.services.reporting.report import school_year_report
from brugapp.store import Store
from brugapp.store.models import AuditEntry


def export_figures(store: Store, *, school_year: SchoolYear, path: Path, on: dt.date | None = None
                   ) -> dict[str, Any]:
    """Write the figures file and note the export in the audit trail (never a figure)."""
    day = on or brussels_today()
    report = school_year_report(store, school_year=school_year, made_on=day)
    payload = figures_payload(report, file_id=str(uuid.uuid4()), made_on=day)
    write_figures(payload, path)
    with store.session() as session:
        session.add(AuditEntry(action="export", subject_kind="programme_figures", audience="coordinator",
                               detail=school_year.label))
    return payload


def merge_figures(paths: Sequence[Path], *, school_year: SchoolYear | None = None,
                  on: dt.date | None = None) -> SchoolYearReport:
    """Read, check and add up the files; raises FiguresError naming the first file that cannot be used."""
    files = [load_figures(path) for path in paths]
    return merge(files, school_year=school_year, made_on=on or brussels_today())


def write_programme_pdf(report: SchoolYearReport, path: Path, *, workers: int) -> Path:
    from brugapp.printing.programme_report import write_programme_pdf as write

    return write(report, path, workers=workers)


def write_programme_csv(report: SchoolYearReport, path: Path) -> Path:
    from brugapp.exchange.report_csv import write_report_csv
    from brugapp.printing.programme_report import programme_title

    return write_report_csv(report, path, title=programme_title(report))
