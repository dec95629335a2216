"""Revision 0016 (each referral keeps its next check): a store of the previous revision, with referrals and their
checks in it, has every referral's next check filled in by the upgrade, shows the same list, and keeps the next
checks from then on; the downgrade takes the column, its triggers and its index away again."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import text

from brugapp.services.referrals.followups import create_followup
from brugapp.services.referrals.reading import list_referrals
from brugapp.store import Store, open_store
from brugapp.store import migrate as migrations
from tests.factories import index_names
from tests.unit.referrals.reference_list import NEXT_CHECK_SQL, previous_list_referrals, referrals_with_checks


def _kept_and_looked_up(store: Store) -> tuple[list[tuple[int, object]], list[tuple[int, object]]]:
    with store.engine.connect() as connection:
        kept = [tuple(row) for row in connection.execute(text("SELECT id, next_check FROM referrals ORDER BY id"))]
        looked_up = [tuple(row) for row in connection.execute(text(NEXT_CHECK_SQL))]
    return kept, looked_up


def _triggers(store: Store) -> set[str]:
    with store.engine.connect() as connection:
        return set(connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                           "AND name LIKE 'referrals_next_check%'")).scalars())


def _columns(store: Store) -> set[str]:
    with store.engine.connect() as connection:
        return {row[1] for row in connection.execute(text("PRAGMA table_info(referrals)"))}


def test_upgrade_fills_in_and_keeps_the_next_checks(tmp_path) -> None:
    # GIVEN a store at 0015 with referrals of two families (each with the check a new referral plans), checks of
    # their own, a second one on one referral, and one referral closed
    store = open_store(tmp_path / "old.db", create=True, migrate=False)
    migrations.upgrade(store, "0015_list_indexes")
    made = referrals_with_checks(store)
    create_followup(store, title="Mailen", due=dt.date(2026, 12, 2), owner="", referral_id=made[1])
    before = previous_list_referrals(store), previous_list_referrals(store, open_only=True)
    assert "next_check" not in _columns(store)
    # WHEN it is upgraded to the heads
    migrations.upgrade(store)
    # THEN every referral's next check is filled in, as looking it up gives, and the list is the same
    kept, looked_up = _kept_and_looked_up(store)
    assert kept == looked_up
    assert [due is None for _id, due in kept] == [True, False, False, False, False, False]  # closed: none open
    assert (list_referrals(store), list_referrals(store, open_only=True)) == before
    assert "ix_referrals_next_check" in index_names(store) and len(_triggers(store)) == 4
    # AND a check added afterwards, before the others, is that referral's next check at once: first after the
    # urgent one
    create_followup(store, title="Langsgaan", due=dt.date(2026, 11, 2), owner="", referral_id=made[5])
    kept, looked_up = _kept_and_looked_up(store)
    assert kept == looked_up and str(kept[-1][1]) == "2026-11-02"
    assert [view.next_check for view in list_referrals(store, open_only=True)][:2] == [before[1][0].next_check,
                                                                                         dt.date(2026, 11, 2)]
    # AND the downgrade takes the column, its triggers and its index away, the list as the service read it the same
    with store.engine.begin() as connection:
        config = migrations._config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0015_list_indexes")
    assert "next_check" not in _columns(store) and not _triggers(store)
    assert "ix_referrals_next_check" not in index_names(store)
    assert previous_list_referrals(store, open_only=True)[1].next_check == dt.date(2026, 11, 2)
    store.close()
