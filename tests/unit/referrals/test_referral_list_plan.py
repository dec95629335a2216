"""The referrals list reads its first page in the list's own order, from an index, instead of sorting them all.

With Vandaag's index on (status, due) in the store, SQLite once chose that index for the list's "next check" of
each referral: each of 20,000 referrals then scanned every open follow-up, and opening Doorverwijzingen took 10 s
on a busy programme (``brugapp bench``). Revision 0015 looked each next check up in the open checks' own index, but
still sorted every referral (~20 ms of the first visit). Since 0016 each referral keeps its next check and
``ix_referrals_next_check`` holds the list's order: the plan is read here, as SQLite makes it, on a store at the
heads.
"""

from __future__ import annotations

import pytest

from brugapp.domain.referrals import CLOSED
from brugapp.services.referrals.reading import list_referrals
from brugapp.store import Store
from brugapp.store.referrals_reads import closed_order, list_statement


@pytest.mark.parametrize("open_only", [True, False])
def test_the_first_page_is_read_in_the_lists_order(store: Store, open_only: bool) -> None:
    # The statement the page runs for its first 200 referrals (``list_referrals`` reads it as plain rows).
    statement, parameters = list_statement(closed=CLOSED, open_only=open_only, limit=200)
    assert list_referrals(store, open_only=open_only, limit=200) == []  # it runs, on a store at the heads
    with store.engine.connect() as connection:
        plan = [row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
    page_ids = plan[:plan.index("SCAN page")]  # the page's ids, before its families, services and contacts
    assert "SCAN r USING INDEX ix_referrals_next_check" in page_ids, plan
    assert not any("followups" in step or "fu " in step for step in plan), plan  # no look-up per referral
    # only referrals with the same place in the list are sorted (on the family's name); never all of them
    sorts = [step for step in page_ids if step.startswith("USE TEMP B-TREE")]
    assert sorts in (["USE TEMP B-TREE FOR RIGHT PART OF ORDER BY"],  # SQLite's words on an empty table
                     ["USE TEMP B-TREE FOR LAST 2 TERMS OF ORDER BY"]), plan


def test_only_status_codes_are_written_into_the_statement() -> None:
    assert closed_order(["withdrawn", "completed"]) == "r.status IN ('completed', 'withdrawn')"
    with pytest.raises(ValueError, match="not a status code"):
        closed_order(["completed', 'x"])
