"""Charts of the year report: this school year beside the previous one, the "<5" rule drawn too."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from pypdf import PdfReader

from brugapp.domain.charts import bar, wait_bucket
from brugapp.domain.referrals import Intensity
from brugapp.domain.schoolyear import SchoolYear
from brugapp.services.families.notebook import log_contact
from brugapp.services.referrals.referrals import create_referral
from brugapp.services.reporting.charts import report_charts
from brugapp.services.reporting.report import print_report
from tests.factories import make_family
from tests.unit.referrals.test_referral_scenarios import kaart_service

BRUSSELS = ZoneInfo("Europe/Brussels")
YEAR = SchoolYear(2025)


def at(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, 9, tzinfo=BRUSSELS)


def test_small_counts_are_drawn_without_their_number():
    assert bar(0).length == 0 and bar(0).label == "0"
    assert (bar(3).label, bar(3).suppressed, bar(3).length) == ("<5", True, 5.0)
    assert bar(1).length == bar(4).length  # a "<5" bar never tells 1 from 4
    assert (bar(12).label, bar(12).suppressed, bar(12).length) == ("12", False, 12.0)
    assert [wait_bucket(d) for d in (0, 7, 8, 30, 31, 61)] == [
        "within a week", "within a week", "8–14 days", "15–30 days", "31–60 days", "more than 60 days"]


def fill(store):
    """2025–2026: 6 home visits (debts), 2 phone calls; 2024–2025: 5 phone calls. Three referrals with waits."""
    family = make_family(store, display_name="Gezin Yıldız")
    for n in range(6):
        log_contact(store, channel="huisbezoek", family_id=family, themes=["admin.debts"],
                    occurred_at=at(2025, 10, 1 + n))
    for n in range(2):
        log_contact(store, channel="telefoon", family_id=family, themes=["education"], occurred_at=at(2026, 3, 2 + n))
    for n in range(5):
        log_contact(store, channel="telefoon", family_id=family, themes=["education"], occurred_at=at(2024, 11, 4 + n))
    service = kaart_service(store)
    for referred, first in ((dt.date(2025, 10, 1), at(2025, 10, 6)), (dt.date(2025, 10, 1), at(2025, 11, 20)),
                            (dt.date(2024, 10, 1), at(2024, 10, 10))):
        create_referral(store, family_id=family, service_id=service.id, intensity=Intensity.APPOINTMENT_MADE,
                        referred_on=referred, appointment_at=first)


def test_charts_pair_this_year_with_the_previous_one(store):
    fill(store)
    charts = {c.key: c for c in report_charts(store, school_year=YEAR)}
    channels = charts["channels"]
    pairs = dict(zip(channels.labels, zip(channels.current, channels.previous, strict=True), strict=True))
    assert pairs == {"Home visit": (6, 0), "Phone call": (2, 5)}
    assert (channels.current_year, channels.previous_year) == ("2025–2026", "2024–2025")
    waits = charts["waits"]
    assert waits.labels == ("within a week", "8–14 days", "31–60 days")  # bucket order, empty buckets left out
    assert waits.current == (1, 0, 1) and waits.previous == (0, 1, 0)
    themes = charts["themes"]
    assert dict(zip(themes.labels, themes.current, strict=True))["Money, material and paperwork"] == 6


def test_annual_report_pdf_shows_the_charts(store, tmp_path):
    fill(store)
    out = print_report(store, school_year=YEAR, path=tmp_path / "jaarrapport.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(str(out)).pages)
    for expected in ("Contacten per thema", "Contacten per kanaal", "Tijd tot de eerste afspraak",
                     "schooljaar 2025–2026", "schooljaar 2024–2025", "binnen een week"):
        assert expected in text, expected
    assert "Yıldız" not in text
