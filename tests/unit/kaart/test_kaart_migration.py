"""Revision 0003 adds the sociale kaart to a store that already holds foundation data."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from brugapp.services.kaart.query import list_services
from brugapp.store import migrations, open_store


def test_upgrade_from_foundation_adds_the_kaart_tables(tmp_path: Path) -> None:
    # GIVEN a store at revision 0001 with an audit line in it (raw SQL: today's models have newer columns)
    store = open_store(tmp_path / "old.db", create=True, migrate=False)
    migrations.upgrade(store, "0001")
    with store.engine.begin() as connection:
        connection.execute(text("INSERT INTO audit_log (at, action, subject_kind, subject_uuid, audience, detail) "
                                "VALUES ('2026-01-01 10:00:00', 'print', 'family', '', '', '')"))
    # WHEN it is upgraded to all heads
    migrations.upgrade(store)
    # THEN the kaart tables exist, empty, and the old data is still there
    tables = set(inspect(store.engine).get_table_names())
    assert {"kaart_organizations", "kaart_services", "kaart_contacts", "kaart_private_notes"} <= tables
    assert "0003" in migrations.current_revisions(store) or not migrations.needs_upgrade(store)
    assert list_services(store) == []
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM audit_log")).scalar_one() == 1
    store.close()
