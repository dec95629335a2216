"""Revision 0009 adds ``hsds_extra`` to a map that already holds services; they export as before."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import inspect, text

from brugapp.services.kaart.export import export_kaart
from brugapp.store import migrations, open_store


def test_upgrade_keeps_existing_services_and_adds_the_column(tmp_path: Path) -> None:
    # GIVEN a store at revision 0007 with a service in its map (raw SQL: today's models have the new column)
    store = open_store(tmp_path / "old.db", create=True, migrate=False)
    migrations.upgrade(store, "0007")
    with store.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO kaart_organizations (id, uuid, external_id, name, alternate_name, description, email, "
            "website, created_at, updated_at) VALUES (1, '11111111-1111-4111-8111-111111111111', '', 'CAW', '', "
            "'', '', '', '2026-01-01 10:00:00', '2026-01-01 10:00:00')"))
        connection.execute(text(
            "INSERT INTO kaart_services (id, uuid, organization_id, external_id, name, alternate_name, description, "
            "not_offered, status, url, email, target_group, referral_route, application_process, wait_time, fees, "
            "comes_to_school, after_hours_note, created_at, updated_at) VALUES (1, "
            "'22222222-2222-4222-8222-222222222222', 1, '', 'Onthaal', '', '', '', 'active', '', '', '', '', '', "
            "'', '', 0, '', '2026-01-01 10:00:00', '2026-01-01 10:00:00')"))
    # WHEN it is upgraded to all heads
    migrations.upgrade(store)
    # THEN both tables have the column, the old rows have no kept HSDS data, and the service exports
    for table in ("kaart_organizations", "kaart_services"):
        assert "hsds_extra" in {c["name"] for c in inspect(store.engine).get_columns(table)}
    export_kaart(store, out=tmp_path / "out.json", format="json")
    [service] = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert (service["id"], service["organization"]["name"]) == ("22222222-2222-4222-8222-222222222222", "CAW")
    store.close()
