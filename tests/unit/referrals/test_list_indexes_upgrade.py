"""Revision 0015 (Doorverwijzingen's indexes): a store of the previous revision, with referrals and their checks in
it, shows the same list after the upgrade, and the list then reads the next checks from the open checks' index."""

from __future__ import annotations

import datetime as dt

from alembic import command

from brugapp.domain.referrals import CLOSED
from brugapp.services.referrals.followups import create_followup
from brugapp.services.referrals.reading import list_referrals
from brugapp.services.referrals.referrals import change_status, create_referral
from brugapp.store import migrate as migrations
from brugapp.store import open_store
from brugapp.store.referrals_reads import list_statement
from tests.factories import index_names, make_family

INDEXES = {"ix_followups_open_check", "ix_referrals_list"}



def test_upgrade_keeps_the_list_and_reads_the_next_checks_from_the_index(tmp_path) -> None:
    # GIVEN a store at 0014 with referrals of two families, one urgent, one closed, with checks of their own
    store = open_store(tmp_path / "old.db", create=True, migrate=False)
    migrations.upgrade(store, "0014")
    families = [make_family(store, display_name=name) for name in ("Gezin Maes", "Gezin Aydın")]
    made = []
    for number in range(6):
        referral = create_referral(store, family_id=families[number % 2], intensity="called", urgent=number == 4,
                                   service_label=f"Dienst {number}", referred_on=dt.date(2026, 11, 1 + number))
        made.append(referral)
        create_followup(store, title="Bellen", due=dt.date(2026, 12, 10 - number), owner="", referral_id=referral)
    change_status(store, referral_id=made[0], status="stopped", outcome="no_longer_interested")
    before = list_referrals(store), list_referrals(store, open_only=True)
    assert not INDEXES & index_names(store)
    # WHEN it is upgraded to the heads
    migrations.upgrade(store)
    # THEN the indexes are there and the list is the same
    assert index_names(store) >= INDEXES
    assert (list_referrals(store), list_referrals(store, open_only=True)) == before
    assert before[1][0].urgent and len(before[1]) == 5
    # AND the next checks are read from the open checks' index
    statement, parameters = list_statement(closed=CLOSED, open_only=True, limit=200)
    with store.engine.connect() as connection:
        plan = " ".join(str(row[-1]) for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement,
                                                                          parameters))
    assert "ix_followups_open_check" in plan
    # AND the downgrade removes them again, the list still the same
    with store.engine.begin() as connection:
        config = migrations._config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0014")
    assert not INDEXES & index_names(store)
    assert (list_referrals(store), list_referrals(store, open_only=True)) == before
    store.close()
