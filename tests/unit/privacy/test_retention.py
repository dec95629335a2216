"""Issue 14: families without activity for N school years are listed; anonymise keeps counts, erase leaves nothing."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import select

from brugapp.cli import main
from brugapp.domain.plausible_dates import local_today
from brugapp.domain.retention import review_cutoff
from brugapp.domain.schoolyear import SchoolYear
from brugapp.errors import NotFoundError, ValidationError
from brugapp.services.families.drafts import load_draft, save_draft
from brugapp.services.families.families import get_family, list_families
from brugapp.services.families.retention import anonymise_family, erase_family, families_for_review
from brugapp.services.reporting.report import school_year_report
from brugapp.services.search import search_everything
from brugapp.store.models import AuditEntry
from tests.unit.privacy.conftest import QUESTION, SECRET_NOTE, WITHHELD

IDENTIFYING = ("Vermeulen", "Yasmina", "Greet", SECRET_NOTE, QUESTION, WITHHELD, "470 12 34 56", "greet@example.be",
               "Moeder werkt", "Bellen met")


def everything_stored(store) -> str:
    """Every value in every table of the store file, read with the sqlite3 module (not through the app)."""
    connection = sqlite3.connect(store.path)
    try:
        return "\n".join(str(row) for row in connection.iterdump())
    finally:
        connection.close()


def test_cutoff_counts_complete_school_years():
    assert review_cutoff(dt.date(2026, 12, 1), 2) == dt.date(2024, 9, 1)
    assert review_cutoff(dt.date(2026, 8, 31), 2) == dt.date(2023, 9, 1)
    assert review_cutoff(dt.date(2026, 12, 1), 1) == dt.date(2025, 9, 1)


def test_only_the_inactive_family_is_listed(store, vermeulen):
    due = families_for_review(store, school_years=2)
    assert [(c.id, c.display_name, c.last_activity) for c in due] == [
        (vermeulen["family"], "Gezin Vermeulen", dt.date(2023, 6, 15))]  # the follow-up was its last activity
    assert families_for_review(store, school_years=5) == []
    with pytest.raises(ValidationError) as refused:
        families_for_review(store, school_years=0)
    assert refused.value.field == "school_years"


def test_anonymise_keeps_the_counts_and_nothing_that_names_them(store, vermeulen):
    before = school_year_report(store, school_year=SchoolYear(2022)).as_shown()
    result = anonymise_family(store, family_id=vermeulen["family"])
    assert school_year_report(store, school_year=SchoolYear(2022)).as_shown() == {
        **before, "made_on": before["made_on"]}
    stored = everything_stored(store)
    assert not [word for word in IDENTIFYING if word in stored]
    assert search_everything(store, text="Vermeulen") == [] and search_everything(store, text="Yasmina") == []
    assert [f.display_name for f in list_families(store)] == ["Gezin Benali"]
    assert families_for_review(store, school_years=2) == []  # not listed again
    assert result.backups_until == local_today() + dt.timedelta(days=366)  # Brussels, not the computer
    assert "back-up" in result.message.casefold()


def test_erase_removes_the_family_everywhere_and_says_what_backups_hold(store, vermeulen):
    save_draft(store, key="quick_log", payload={"family_id": vermeulen["family"], "note": "Greet belde over"})
    result = erase_family(store, family_id=vermeulen["family"])
    assert load_draft(store, key="quick_log") is None
    stored = everything_stored(store)
    assert not [word for word in IDENTIFYING if word in stored]
    with pytest.raises(NotFoundError):
        get_family(store, family_id=vermeulen["family"])
    assert search_everything(store, text="Vermeulen") == []
    assert search_everything(store, text="Benali")  # the other family is untouched
    with store.read() as session:
        assert [(a.action, a.subject_uuid) for a in session.scalars(select(AuditEntry))] == [
            ("erase", vermeulen["family"])]
    assert str(result.backups_until.year) in result.message


def test_retention_cli_lists_and_erases(store, vermeulen, capsys):
    assert main(["retention", "list", "--db", str(store.path), "--years", "2", "--json"]) == 0
    listed = capsys.readouterr().out
    assert vermeulen["family"] in listed and "Benali" not in listed
    assert main(["retention", "erase", vermeulen["family"], "--db", str(store.path)]) == 2  # needs --yes
    assert "--yes" in capsys.readouterr().err
    assert main(["retention", "erase", vermeulen["family"], "--yes", "--db", str(store.path)]) == 0
    assert "back-up" in capsys.readouterr().out.casefold()
    assert families_for_review(store, school_years=2) == []


def test_retention_cli_refuses_a_period_of_zero_years(store, capsys):
    assert main(["retention", "list", "--db", str(store.path), "--years", "0"]) == 2
    assert "schooljaren" in capsys.readouterr().err
