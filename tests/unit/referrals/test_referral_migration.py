"""Revision 0004 upgrades a store made by the earlier revisions, keeping its data."""

from __future__ import annotations

from sqlalchemy import inspect, text

from brugapp.store import open_store
from brugapp.store.migrations import current_revisions, head_revisions, upgrade


def test_0004_upgrades_a_store_with_families_in_it(tmp_path):
    # GIVEN a store at 0002 + 0003 (notebook and sociale kaart) with a family in it
    store = open_store(tmp_path / "old.db", create=True, migrate=False)
    upgrade(store, "0002")
    upgrade(store, "0003")
    with store.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO families (uuid, created_at, updated_at, display_name, preferred_language, "
            "interpreter_needed, reads_letters, preferred_channel, reference_person, literacy, other_services, "
            "note, note_sharing) VALUES ('f-1', '2026-01-01', '2026-01-01', 'Gezin Oud', 'nl', 0, 1, '', '', '', "
            "'', '', 'private')"))
    assert "referrals" not in inspect(store.engine).get_table_names()
    # WHEN it is upgraded to the heads
    upgrade(store)
    # THEN the referral tables exist, the family is still there and the store is at the heads
    tables = set(inspect(store.engine).get_table_names())
    assert {"consents", "referrals", "referral_events", "followups", "contact_attempts"} <= tables
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT display_name FROM families")).scalar_one() == "Gezin Oud"
    assert set(current_revisions(store)) == set(head_revisions())
    store.close()
