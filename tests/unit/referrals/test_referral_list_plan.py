"""The referrals list finds each referral's next check through that referral's own follow-ups.

With Vandaag's index on (status, due) in the store, SQLite chose that index for the list's "next check" of each
referral: each of 20,000 referrals then scanned every open follow-up, and opening Doorverwijzingen took 10 s on
a busy programme (``brugapp bench``). The plan is read here, as SQLite makes it, on a store at the heads.
"""

from __future__ import annotations

from sqlalchemy import event

from brugapp.services.referrals.reading import list_referrals
from brugapp.store import Store


def test_the_next_check_is_looked_up_by_referral(store: Store) -> None:
    statements: list[tuple[str, object]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        list_referrals(store, open_only=True, limit=200)
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)
    statement, parameters = next(s for s in statements if "followups" in s[0])
    with store.engine.connect() as connection:
        plan = [row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
    lookups = [step for step in plan if "followups" in step]
    assert lookups, plan
    assert all("referral_id=?" in step for step in lookups), lookups
