"""Revision 0014 (the report's indexes): a store of the previous revision, with figures in it, keeps every figure on
upgrade, and the year's referral figures are then read from the new index."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import text

from brugapp.domain.schoolyear import SchoolYear
from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.families.notebook import log_contact
from brugapp.services.referrals.referrals import create_referral
from brugapp.services.reporting.report import school_year_report
from brugapp.store import migrate as migrations
from brugapp.store import open_store
from tests.factories import index_names, make_family, make_school

YEAR = SchoolYear(2025)
INDEXES = {"ix_referrals_year_figures", "ix_family_members_family_school"}



def test_upgrade_keeps_the_figures_and_reads_referrals_from_the_index(tmp_path) -> None:
    # GIVEN a store at 0013 with a family at a school, contact moments and referrals in 2025–2026
    store = open_store(tmp_path / "old.db", create=True, migrate=False)
    migrations.upgrade(store, "0013")
    school = make_school(store, name="Basisschool De Vlieger")
    family = make_family(store, display_name="Gezin Yılmaz")
    add_member(store, family_id=family, member=MemberInput("child", "Elif", school_id=school))
    for day in range(1, 8):
        log_contact(store, channel="telefoon", family_id=family, occurred_at=dt.datetime(2025, 10, day, 9,
                                                                                       tzinfo=dt.UTC))
    for day in range(1, 7):
        create_referral(store, family_id=family, intensity="called", service_label="CAW",
                        referred_on=dt.date(2025, 11, day))
    before = school_year_report(store, school_year=YEAR, made_on=dt.date(2026, 1, 5))
    assert not INDEXES & index_names(store)
    # WHEN it is upgraded to the heads
    migrations.upgrade(store)
    # THEN the indexes are there and every figure is the same
    assert index_names(store) >= INDEXES
    after = school_year_report(store, school_year=YEAR, made_on=dt.date(2026, 1, 5))
    assert after.tables == before.tables
    assert after.table("summary").raw_count("Referrals") == 6
    # AND SQLite reads the year's referrals from the index (not the referral rows with their notes)
    with store.engine.connect() as connection:
        plan = " ".join(str(row[-1]) for row in connection.execute(text(
            "EXPLAIN QUERY PLAN SELECT intensity, outcome, count(*) FROM referrals "
            "WHERE referred_on >= '2025-09-01' AND referred_on <= '2026-08-31' GROUP BY intensity, outcome")))
    assert "COVERING INDEX ix_referrals_year_figures" in plan
    # AND the downgrade removes them again
    with store.engine.begin() as connection:
        config = migrations._config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0013")
    assert not INDEXES & index_names(store)
    store.close()
