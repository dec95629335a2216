"""A year report is counted once and kept until the store changes (the Rapportage page's return visits)."""

from __future__ import annotations

import datetime as dt
import sqlite3

from brugapp.domain.clock import from_local
from brugapp.domain.schoolyear import SchoolYear
from brugapp.services.families.notebook import log_contact
from brugapp.services.reporting.kept import counted_report, kept_report
from tests.factories import make_family, make_school

YEAR = SchoolYear(2025)
TODAY = dt.date(2026, 3, 1)


def _contacts(report) -> int:
    return report.table("summary").raw_count("Contact moments")


def _log(store, family: str) -> None:
    log_contact(store, channel="telefoon", family_id=family, occurred_at=from_local(dt.datetime(2025, 10, 1, 9)))


def test_kept_until_a_contact_is_logged(store) -> None:
    # GIVEN a family with one contact moment, and its year counted once
    family = make_family(store, display_name="Gezin Yılmaz")
    _log(store, family)
    assert kept_report(store, school_year=YEAR, today=TODAY) is None  # nothing counted yet
    first = counted_report(store, school_year=YEAR, today=TODAY)
    assert _contacts(first) == 1
    # THEN asking again gives the same figures without counting
    assert kept_report(store, school_year=YEAR, today=TODAY) is first
    assert counted_report(store, school_year=YEAR, today=TODAY) is first
    # AND another school, school year or day is counted on its own
    school = make_school(store, name="Basisschool De Vlieger")  # a write: the kept report is stale from here
    assert kept_report(store, school_year=YEAR, today=TODAY) is None
    second = counted_report(store, school_year=YEAR, today=TODAY)
    assert kept_report(store, school_year=YEAR, school_id=school, today=TODAY) is None
    assert kept_report(store, school_year=SchoolYear(2024), today=TODAY) is None
    assert kept_report(store, school_year=YEAR, today=TODAY + dt.timedelta(days=1)) is None
    # WHEN a contact moment is logged
    _log(store, family)
    # THEN the kept figures are no longer given out, and counting again shows the new contact
    assert kept_report(store, school_year=YEAR, today=TODAY) is None
    third = counted_report(store, school_year=YEAR, today=TODAY)
    assert third is not second and _contacts(third) == 2


def test_a_write_by_another_program_makes_the_figures_stale(store) -> None:
    # GIVEN a counted year
    family = make_family(store, display_name="Gezin Peeters")
    _log(store, family)
    counted_report(store, school_year=YEAR, today=TODAY)
    assert kept_report(store, school_year=YEAR, today=TODAY) is not None
    # WHEN another process (the brugapp command) writes to the same file, outside this store's engine
    assert store.path is not None
    with sqlite3.connect(store.path) as other:
        other.execute("UPDATE contact_moments SET channel = 'huisbezoek'")
    # THEN the report is counted again, with the change
    assert kept_report(store, school_year=YEAR, today=TODAY) is None
    channels = counted_report(store, school_year=YEAR, today=TODAY).table("channels")
    assert [(row[0].text, row[1].value) for row in channels.rows] == [("Home visit", 1)]
