"""The programme report: each worker's anonymised year figures as a small file, merged by a coordinator.

The rules, in one place:
- a figures file holds raw counts per table row (no names, no notes, no school names): the "<5" rule is applied
  only after merging, so that three workers with 2 families each add up to a 6 that may be shown;
- a SHA-256 checksum over the canonical JSON of the file (without the checksum) shows a file changed by hand;
- every file of one merge belongs to the same school year, and one export is counted once (``file_id``).
Pure: no I/O; ``exchange/programme_figures.py`` reads and writes the files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from brugapp.domain.reporting import Count, Label, ReportTable, SchoolYearReport
from brugapp.domain.schoolyear import SchoolYear
from brugapp.i18n import N_, _

FORMAT = "brugapp-programme-figures"
VERSION = 1
# Tables of the year report that go into the figures file; signals (free text) and per-school rows stay home.
EXPORTED_TABLES = ("summary", "families", "channels", "themes", "referral_types", "referral_intensity",
                   "referral_outcome", "group", "meetings")


class FiguresError(ValueError):
    """A figures file that cannot be merged; the message is translated and names the file."""


def canonical(payload: dict[str, Any]) -> bytes:
    body = {k: v for k, v in payload.items() if k != "checksum"}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def checksum(payload: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(payload)).hexdigest()


def figures_payload(report: SchoolYearReport, *, file_id: str, made_on: dt.date) -> dict[str, Any]:
    """The figures file of one worker: raw counts of the whole programme year, nothing that names anyone."""
    tables = []
    for table in report.tables:
        if table.key not in EXPORTED_TABLES:
            continue
        rows = []
        for row in table.rows:
            label = row[0]
            assert isinstance(label, Label)
            rows.append({"label": label.text, "literal": label.literal, "level": label.level,
                         "counts": [c.value for c in row[1:] if isinstance(c, Count)]})
        tables.append({"key": table.key, "title": table.title, "header": list(table.header), "note": table.note,
                       "rows": rows})
    payload: dict[str, Any] = {"format": FORMAT, "version": VERSION, "school_year": report.school_year.label,
                               "file_id": file_id, "made_on": made_on.isoformat(), "tables": tables}
    payload["checksum"] = {"algorithm": "sha256", "value": checksum(payload)}
    return payload


@dataclass(frozen=True)
class FiguresFile:
    name: str  # the file's name, for messages
    school_year: SchoolYear
    file_id: str
    tables: tuple[ReportTable, ...]


def _fail(name: str, problem: str) -> FiguresError:
    return FiguresError(_("{file}: {problem}").format(file=name, problem=problem))


def _table(name: str, raw: Any) -> ReportTable:
    try:
        rows: tuple[tuple[Label | Count, ...], ...] = tuple(
            (Label(str(r["label"]), literal=bool(r["literal"]), level=int(r["level"])),
             *(Count(int(n)) for n in r["counts"]))
            for r in raw["rows"])
        if any(c.value < 0 for row in rows for c in row[1:] if isinstance(c, Count)):
            raise ValueError
        return ReportTable(str(raw["key"]), str(raw["title"]), tuple(str(h) for h in raw["header"]), rows,
                           note=str(raw.get("note", "")))
    except (KeyError, TypeError, ValueError):
        raise _fail(name, _("a table is not in the expected form (table {key}).").format(
            key=raw.get("key", "?") if isinstance(raw, dict) else "?")) from None


def read_payload(name: str, payload: Any) -> FiguresFile:
    """Check one file's form, version and checksum; raises FiguresError naming the file and the problem."""
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise _fail(name, _("this is not a BrugApp figures file."))
    if payload.get("version") != VERSION:
        raise _fail(name, _("version {version} of the figures file is not supported.").format(
            version=payload.get("version")))
    stored = payload.get("checksum")
    if not isinstance(stored, dict) or stored.get("value") != checksum(payload):
        raise _fail(name, _("the file was changed after it was exported (the checksum does not match). "
                            "Ask for a new export."))
    try:
        year = SchoolYear.parse(str(payload["school_year"]))
        file_id = str(payload["file_id"])
        raw_tables = list(payload["tables"])
    except (KeyError, TypeError, ValueError):
        raise _fail(name, _("the school year or the tables are missing.")) from None
    return FiguresFile(name, year, file_id, tuple(_table(name, t) for t in raw_tables))


def merge(files: Sequence[FiguresFile], *, school_year: SchoolYear | None = None,
          made_on: dt.date) -> SchoolYearReport:
    """Add the workers' counts row by row; what may be shown ("<5") is decided when shown, after the sum."""
    if not files:
        raise FiguresError(_("Choose at least one figures file."))
    year = school_year or files[0].school_year
    seen: dict[str, str] = {}
    for figures in files:
        if figures.school_year != year:
            raise _fail(figures.name, _("these are figures of school year {found}, not {wanted}.").format(
                found=figures.school_year.label, wanted=year.label))
        if figures.file_id in seen:
            raise _fail(figures.name, _("this is the same export as {other}; each export counts once.").format(
                other=seen[figures.file_id]))
        seen[figures.file_id] = figures.name
    tables = tuple(_with_family_note(t) for t in _sum_tables([f.tables for f in files]))
    return SchoolYearReport(school_year=year, school_id="", school_name="", made_on=made_on, tables=tables)


FAMILIES_ADDED_UP = N_("Families are counted per worker: a family that two workers know counts twice.")


def _with_family_note(table: ReportTable) -> ReportTable:
    """Families cannot be matched across files (no names leave the app), so a shared family counts twice."""
    if table.key != "summary":
        return table
    return ReportTable(table.key, table.title, table.header, table.rows, note=FAMILIES_ADDED_UP)


def _add_rows(labels: list[Label], sums: dict[Label, list[int]], table: ReportTable) -> None:
    """Add one file's rows; a row new to the merge goes right after the row it follows in that file, so a
    sub-theme stays under its theme."""
    previous: Label | None = None
    for row in table.rows:
        label, counts = row[0], [c.value for c in row[1:] if isinstance(c, Count)]
        assert isinstance(label, Label)
        if label not in sums:
            sums[label] = [0] * len(counts)
            labels.insert(labels.index(previous) + 1 if previous is not None else 0, label)
        total = sums[label]
        for i, n in enumerate(counts[:len(total)]):
            total[i] += n
        previous = label


def _sum_tables(per_file: Sequence[Sequence[ReportTable]]) -> tuple[ReportTable, ...]:
    order: list[str] = []
    shapes: dict[str, ReportTable] = {}
    labels: dict[str, list[Label]] = {}
    sums: dict[str, dict[Label, list[int]]] = {}
    for tables in per_file:
        for table in tables:
            if table.key not in shapes:
                order.append(table.key)
                shapes[table.key], labels[table.key], sums[table.key] = table, [], {}
            _add_rows(labels[table.key], sums[table.key], table)
    return tuple(
        ReportTable(key, shapes[key].title, shapes[key].header,
                    tuple((label, *(Count(n) for n in sums[key][label])) for label in labels[key]),
                    note=shapes[key].note)
        for key in order)
