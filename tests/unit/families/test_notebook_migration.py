"""Revision 0002 upgrades a foundation store that already holds families."""

from __future__ import annotations

from sqlalchemy import text

from brugapp.services.families.families import get_family
from brugapp.services.families.notebook import log_contact
from brugapp.services.families.timeline import family_timeline
from brugapp.store import open_store
from brugapp.store.migrations import upgrade


def test_upgrade_from_0001_keeps_families_and_adds_notebook(tmp_path):
    # GIVEN a store at the foundation revision with one family in it
    store = open_store(tmp_path / "old.db", create=True, migrate=False)
    upgrade(store, "0001")
    with store.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO families (uuid, created_at, updated_at, display_name, preferred_language, "
            "interpreter_needed, reads_letters, preferred_channel, reference_person) VALUES "
            "('f-1', '2026-01-01', '2026-01-01', 'Gezin Oud', 'tr', 1, 0, 'phone', '')"))
    store.close()
    # WHEN it is opened by this version (migrates to all heads)
    store = open_store(tmp_path / "old.db")
    # THEN the family is intact, with defaults for the new fields, and contacts can be logged for it
    family = get_family(store, family_id="f-1")
    assert (family.display_name, family.preferred_language, family.reads_letters) == ("Gezin Oud", "tr", False)
    assert (family.literacy, family.note_sharing, family.other_services, family.members) == ("", "private", (), ())
    contact = log_contact(store, family_id="f-1", channel="telefoon")
    assert [e.id for e in family_timeline(store, family_id="f-1")] == [contact.id]
    store.close()
