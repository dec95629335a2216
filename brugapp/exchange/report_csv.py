"""The year report as CSV for Excel (Belgian settings): semicolon, UTF-8 with BOM, one block per table."""

from __future__ import annotations

import csv
from pathlib import Path

from brugapp.domain.reporting import SchoolYearReport
from brugapp.i18n import _


def write_report_csv(report: SchoolYearReport, path: Path, *, title: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        writer.writerow([title, report.school_name or _("All schools")])
        for table in report.tables:
            writer.writerow([])
            writer.writerow([table.shown_title()])
            writer.writerow(table.shown_header())
            writer.writerows(table.shown_rows())
    return path
