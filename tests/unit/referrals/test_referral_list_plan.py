"""The referrals list finds each referral's next check through that referral's own follow-ups.

With Vandaag's index on (status, due) in the store, SQLite chose that index for the list's "next check" of each
referral: each of 20,000 referrals then scanned every open follow-up, and opening Doorverwijzingen took 10 s on
a busy programme (``brugapp bench``). The plan is read here, as SQLite makes it, on a store at the heads; since
revision 0015 the next check comes from the open checks' partial index, and the open referrals from an index.
"""

from __future__ import annotations

from brugapp.domain.referrals import CLOSED
from brugapp.services.referrals.reading import list_referrals
from brugapp.store import Store
from brugapp.store.referrals_reads import list_statement


def test_the_next_check_is_looked_up_by_referral(store: Store) -> None:
    # The statement the page runs for its first 200 open referrals (``list_referrals`` reads it as plain rows).
    statement, parameters = list_statement(closed=CLOSED, open_only=True, limit=200)
    assert list_referrals(store, open_only=True, limit=200) == []  # it runs, on a store at the heads
    with store.engine.connect() as connection:
        plan = [row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
    lookups = [step for step in plan if "followups" in step or "fu " in step]
    assert lookups, plan
    assert all("referral_id=?" in step for step in lookups), lookups
    # Since 0015 from the open checks' own index, and the open referrals from theirs (not the rows with notes)
    assert all("COVERING INDEX ix_followups_open_check" in step for step in lookups), lookups
    assert any("COVERING INDEX ix_referrals_list" in step for step in plan), plan
