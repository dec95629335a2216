"""Revision 0011 upgrades a store made by 0007 (with a child in it) and adds situations and school history."""

from __future__ import annotations

from sqlalchemy import inspect, text

from brugapp.store import open_store
from brugapp.store.migrations import current_revisions, head_revisions, upgrade


def test_0011_upgrades_a_store_with_a_child_in_it(tmp_path):
    # GIVEN a store at 0007 with a family and a child
    store = open_store(tmp_path / "old.db", create=True, migrate=False)
    upgrade(store, "0007")
    with store.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO families (uuid, created_at, updated_at, display_name, preferred_language, "
            "interpreter_needed, reads_letters, preferred_channel, reference_person, literacy, other_services, "
            "note, note_sharing) VALUES ('f-1', '2026-01-01', '2026-01-01', 'Gezin Oud', 'nl', 0, 1, '', '', '', "
            "'', '', 'private')"))
        connection.execute(text(
            "INSERT INTO family_members (uuid, created_at, updated_at, family_id, role, first_name, last_name, "
            "phone, email, class_name, school_year) VALUES ('m-1', '2026-01-01', '2026-01-01', 1, 'child', 'Noor', "
            "'Oud', '', '', '3A', '2026–2027')"))
    assert "member_situations" not in inspect(store.engine).get_table_names()
    # WHEN it is upgraded to the heads
    upgrade(store)
    # THEN both tables exist, the child is still there, and a situation can point at the child
    assert {"member_situations", "member_school_history"} <= set(inspect(store.engine).get_table_names())
    with store.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO member_situations (uuid, created_at, updated_at, member_id, kind, description, from_on, "
            "disclosed_to, decided_by) VALUES ('s-1', '2026-01-01', '2026-01-01', 1, 'hospital_stay', '', "
            "'2026-01-01', 'school', 'parent')"))
        assert connection.execute(text("SELECT first_name FROM family_members")).scalar_one() == "Noor"
    assert set(current_revisions(store)) == set(head_revisions())
    store.close()
