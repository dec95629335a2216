"""A busy programme's year report counts tens of thousands: the PDF and the screen write them as the language does
("50.074"), the CSV and the JSON keep plain digits for Excel and programs (one rule: ``domain/reporting.py``)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from brugapp.domain.reporting import Count, Label, ReportTable, SchoolYearReport
from brugapp.domain.schoolyear import SchoolYear
from brugapp.exchange.report_csv import write_report_csv
from brugapp.i18n import set_language
from brugapp.printing.report import write_report_pdf
from tests.unit.printing.helpers import pdf_text

CHANNELS = ReportTable(
    key="channels", title="Contact moments by channel", header=("Channel", "Contact moments"),
    rows=((Label("Telefoon", literal=True), Count(50074)), (Label("Huisbezoek", literal=True), Count(3)),
          (Label("Overleg", literal=True), Count(1234, exact=True)), (Label("Mail", literal=True), Count(999))))
REPORT = SchoolYearReport(SchoolYear(2025), "", "", dt.date(2026, 9, 1), (CHANNELS,))


def test_the_printed_report_groups_thousands_and_still_hides_small_counts(tmp_path: Path) -> None:
    text = " ".join(pdf_text(write_report_pdf(REPORT, tmp_path / "rapport.pdf")).split())
    assert "Telefoon 50.074" in text and "Overleg 1.234" in text and "Mail 999" in text
    assert "Huisbezoek <5" in text
    assert "50074" not in text


def test_the_csv_keeps_plain_digits_for_excel(tmp_path: Path) -> None:
    path = write_report_csv(REPORT, tmp_path / "rapport.csv", title="Jaarrapport")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert ["Telefoon", "50074"] in rows and ["Overleg", "1234"] in rows and ["Huisbezoek", "<5"] in rows
    assert REPORT.as_shown()["tables"][0]["rows"][0] == ["Telefoon", "50074"]  # the JSON too


def test_in_english_the_thousands_take_a_comma() -> None:
    try:
        set_language("en")
        assert CHANNELS.shown_rows(readable=True)[0] == ["Telefoon", "50,074"]
    finally:
        set_language("nl")
    assert CHANNELS.shown_rows(readable=True)[0] == ["Telefoon", "50.074"]
