"""Revision 0015 (Doorverwijzingen's indexes): a store of the previous revision, with referrals and their checks in
it, shows the same list after the upgrade, and the next checks are then read from the open checks' index.

The list is read as the service first read it (``reference_list.py``): today's list needs revision 0016."""

from __future__ import annotations

from alembic import command

from brugapp.store import migrate as migrations
from brugapp.store import open_store
from tests.factories import index_names
from tests.unit.referrals.reference_list import NEXT_CHECK_SQL, previous_list_referrals, referrals_with_checks

INDEXES = {"ix_followups_open_check", "ix_referrals_list"}



def test_upgrade_keeps_the_list_and_reads_the_next_checks_from_the_index(tmp_path) -> None:
    # GIVEN a store at 0014 with referrals of two families, one urgent, one closed, with checks of their own
    store = open_store(tmp_path / "old.db", create=True, migrate=False)
    migrations.upgrade(store, "0014")
    referrals_with_checks(store)
    before = previous_list_referrals(store), previous_list_referrals(store, open_only=True)
    assert not INDEXES & index_names(store)
    # WHEN it is upgraded to 0015
    migrations.upgrade(store, "0015_list_indexes")
    # THEN the indexes are there and the list is the same
    assert index_names(store) >= INDEXES
    assert (previous_list_referrals(store), previous_list_referrals(store, open_only=True)) == before
    assert before[1][0].urgent and len(before[1]) == 5
    # AND the next checks are read from the open checks' index
    with store.engine.connect() as connection:
        plan = " ".join(str(row[-1]) for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + NEXT_CHECK_SQL))
    assert "ix_followups_open_check" in plan
    # AND the downgrade removes them again, the list still the same
    with store.engine.begin() as connection:
        config = migrations._config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0014")
    assert not INDEXES & index_names(store)
    assert (previous_list_referrals(store), previous_list_referrals(store, open_only=True)) == before
    store.close()
