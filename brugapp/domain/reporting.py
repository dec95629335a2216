"""Rules of the anonymised year report: small-count suppression, new vs continuing families, report shape.

Pure: no I/O. The report holds codes' msgids and raw counts; what may be shown is decided here, in one
place (``suppress`` and ``ReportTable.shown_rows``), so the PDF, the CSV, the JSON and the screen can
never disagree about what leaves the app. What people read (the PDF, the screen) writes thousands as the language
does ("50.074"); the files that programs and spreadsheets read (CSV, JSON) keep plain digits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from brugapp.domain.schoolyear import SchoolYear
from brugapp.i18n import _, format_number

SMALL_COUNT_THRESHOLD = 5  # counts 1–4 could point at one family in a small school
SUPPRESSED = "<5"


def suppress(count: int, *, readable: bool = False) -> str:
    """What a report shows for a count: '0', '<5' for 1–4, the number from 5 on (``readable``: its thousands
    grouped for a person, "50.074")."""
    if count <= 0:
        return "0"
    if count < SMALL_COUNT_THRESHOLD:
        return SUPPRESSED
    return _written(count, readable)


def _written(count: int, readable: bool) -> str:
    return format_number(count) if readable else str(count)


def is_new_family(first_contact_day: dt.date, year: SchoolYear) -> bool:
    """A family is *new* in a school year when it had no contact moment before that year's 1 September."""
    return first_contact_day >= year.first_day


@dataclass(frozen=True)
class Label:
    """A row label: an English msgid translated when shown, or a literal name (a school) shown as is."""

    text: str
    literal: bool = False
    level: int = 0  # 1 = a sub-row (a sub-theme under its theme)

    def shown(self) -> str:
        value = self.text if self.literal else _(self.text)
        return f"– {value}" if self.level else value


@dataclass(frozen=True)
class Count:
    """A count that is suppressed when shown, unless it counts no people (``exact``: signals, meetings)."""

    value: int
    exact: bool = False

    def shown(self, *, readable: bool = False) -> str:
        return _written(self.value, readable) if self.exact else suppress(self.value, readable=readable)


Cell = Label | Count


@dataclass(frozen=True)
class ReportTable:
    """One table of the report. ``title`` and ``header`` are msgids; ``rows`` hold labels and counts."""

    key: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""  # msgid, shown under the table

    @property
    def is_empty(self) -> bool:
        return not any(isinstance(c, Count) and c.value for row in self.rows for c in row)

    def shown_title(self) -> str:
        return _(self.title)

    def shown_header(self) -> list[str]:
        return [_(h) for h in self.header]

    def shown_rows(self, *, readable: bool = False) -> list[list[str]]:
        """Every cell as it may be shown: labels translated, counts suppressed (``readable``: for a person, the
        PDF and the screen; plain digits for CSV and JSON)."""
        return [[cell.shown(readable=readable) if isinstance(cell, Count) else cell.shown() for cell in row]
                for row in self.rows]

    def raw_count(self, label: str, column: int = 1) -> int:
        """The unsuppressed count of the row labelled ``label`` (for tests and totals, never for display)."""
        for row in self.rows:
            first = row[0]
            if isinstance(first, Label) and first.text == label:
                cell = row[column]
                return cell.value if isinstance(cell, Count) else 0
        raise KeyError(label)


@dataclass(frozen=True)
class SchoolYearReport:
    school_year: SchoolYear
    school_id: str  # "" for the whole programme
    school_name: str  # a school is an institution: its name may be printed
    made_on: dt.date
    tables: tuple[ReportTable, ...] = field(default_factory=tuple)

    @property
    def is_empty(self) -> bool:
        return all(t.is_empty for t in self.tables)

    def table(self, key: str) -> ReportTable:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    def as_shown(self) -> dict[str, object]:
        """The report as it may leave the app (JSON): translated, suppressed, no raw counts."""
        return {
            "school_year": self.school_year.label,
            "school_id": self.school_id,
            "school": self.school_name or _("All schools"),
            "made_on": self.made_on.isoformat(),
            "tables": [
                {"key": t.key, "title": t.shown_title(), "header": t.shown_header(), "rows": t.shown_rows()}
                for t in self.tables
            ],
        }


def parse_school_year(text: str) -> SchoolYear:
    """'2025-2026', '2025–2026' or '2025-26'; raises ValueError with a Dutch-translatable message."""
    try:
        return SchoolYear.parse(text.strip())
    except (ValueError, AttributeError):
        raise ValueError(
            _("“{value}” is not a school year. Write it as 2025-2026.").format(value=text)) from None
