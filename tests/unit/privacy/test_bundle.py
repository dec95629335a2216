"""Issue 14: the handover bundle: encrypted, schema-valid, round trip of the full demo, all-or-nothing import."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import select

from brugapp.cli import main
from brugapp.demo.region import create_demo_store
from brugapp.exchange import bundle as fmt
from brugapp.services.bundle import BundleError, export_bundle, import_bundle, load_payload, read_bundle
from brugapp.services.families.families import list_families
from brugapp.services.search import search_everything
from brugapp.store.models import AuditEntry

PASSPHRASE = "overdracht aan de nieuwe collega"
SKIPPED = {"audit_log", "drafts", "alembic_version"}


def records(path: Path) -> dict[str, Counter]:
    """Every table's rows read with sqlite3, local row numbers replaced by the linked record's uuid."""
    connection = sqlite3.connect(path)
    try:
        names = [n for (n,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'search_index%'") if n not in SKIPPED]
        uuids = {}
        for name in names:
            columns = [c[1] for c in connection.execute(f"PRAGMA table_info({name})")]
            if "uuid" in columns:
                uuids[name] = dict(connection.execute(f"SELECT id, uuid FROM {name}"))
        result = {}
        for name in names:
            links = {fk[3]: fk[2] for fk in connection.execute(f"PRAGMA foreign_key_list({name})")}
            cursor = connection.execute(f"SELECT * FROM {name}")
            columns = [d[0] for d in cursor.description]
            rows = []
            for row in cursor:
                rows.append(tuple(sorted(
                    (col, uuids[links[col]].get(value) if col in links and value is not None else value)
                    for col, value in zip(columns, row, strict=True) if col != "id")))
            result[name] = Counter(rows)
        result["search_index"] = Counter(connection.execute(
            "SELECT kind, ref_uuid, family_uuid, label, body FROM search_index"))
        return result
    finally:
        connection.close()


@pytest.fixture(scope="module")
def demo_bundle(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("bundle")
    demo = create_demo_store(folder / "demo.db", passphrase=None)
    export_bundle(demo, out=folder / "notebook.brugbundle", passphrase=PASSPHRASE)
    demo.close()
    return folder / "demo.db", folder / "notebook.brugbundle"


def test_full_demo_round_trip_preserves_every_record(store, demo_bundle):
    demo_path, bundle = demo_bundle
    summary = import_bundle(store, path=bundle, passphrase=PASSPHRASE)
    before, after = records(demo_path), records(store.path)
    assert summary.records == sum(sum(c.values()) for name, c in before.items() if name != "search_index")
    assert sum(before["families"].values()) == 40 and sum(before["contact_moments"].values()) > 0
    assert [name for name in before if before[name] != after[name]] == []
    assert search_everything(store, text="Amrani")  # search works at once
    with store.read() as session:
        assert [a.action for a in session.scalars(select(AuditEntry))] == ["import"]


def test_bundle_is_encrypted_and_its_payload_follows_the_published_schema(demo_bundle):
    _demo, bundle = demo_bundle
    data = bundle.read_bytes()
    assert data.startswith(b"BRUGBND1") and b"Amrani" not in data and b"families" not in data
    payload = read_bundle(bundle, PASSPHRASE)
    schema = json.loads((Path(__file__).parents[3] / "docs" / "bundle.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(payload)  # the documented schema, read independently
    family = payload["tables"]["families"][0]
    assert "id" not in family and len(family["uuid"]) == 36
    member = payload["tables"]["family_members"][0]
    assert member["family_id"] in {f["uuid"] for f in payload["tables"]["families"]}  # links are uuids


def test_wrong_passphrase_is_refused_and_nothing_imported(store, demo_bundle):
    with pytest.raises(BundleError) as refused:
        import_bundle(store, path=demo_bundle[1], passphrase="verkeerde wachtwoordzin")
    assert "wachtwoordzin" in refused.value.message and "niets" in refused.value.message.casefold()
    assert list_families(store) == []


def test_newer_format_is_refused_before_anything_is_stored(store, tmp_path):
    payload = {"format": "brugapp-bundle", "format_version": 2, "exported_at": "2030-01-01T00:00:00+00:00",
               "app_version": "9.0", "tables": {}, "search_index": []}
    path = tmp_path / "nieuw.brugbundle"
    path.write_bytes(fmt.seal(payload, PASSPHRASE))
    with pytest.raises(BundleError) as refused:
        import_bundle(store, path=path, passphrase=PASSPHRASE)
    assert "nieuwere" in refused.value.message and "2" in refused.value.message


def test_a_bad_record_late_in_the_bundle_stores_nothing(store, demo_bundle):
    payload = read_bundle(demo_bundle[1], PASSPHRASE)
    payload["tables"]["referral_events"][-1]["at"] = "gisteren"
    with pytest.raises(BundleError) as refused:
        load_payload(store, payload)
    assert "referral_events" in refused.value.message and "at" in refused.value.message
    assert list_families(store) == [] and search_everything(store, text="Amrani") == []


def test_importing_twice_is_refused(store, demo_bundle):
    import_bundle(store, path=demo_bundle[1], passphrase=PASSPHRASE)
    with pytest.raises(BundleError) as refused:
        import_bundle(store, path=demo_bundle[1], passphrase=PASSPHRASE)
    assert "lege gegevens" in refused.value.message
    assert len(list_families(store)) == 40


def test_hostile_text_in_a_bundle_is_refused(store, demo_bundle):
    payload = read_bundle(demo_bundle[1], PASSPHRASE)
    payload["tables"]["families"][3]["display_name"] = "Gezin\x00Peeters"
    with pytest.raises(BundleError) as refused:
        load_payload(store, payload)
    assert "families" in refused.value.message and "display_name" in refused.value.message


def test_cli_bundle_export_and_import(store, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BRUGAPP_BUNDLE_PASSPHRASE", PASSPHRASE)
    from tests.factories import make_family

    make_family(store, display_name="Gezin Peeters")
    out = tmp_path / "overdracht.brugbundle"
    assert main(["bundle", "export", str(out), "--db", str(store.path)]) == 0
    target = tmp_path / "nieuw.db"
    from brugapp.store import open_store

    open_store(target, create=True).close()
    assert main(["bundle", "import", str(out), "--db", str(target)]) == 0
    monkeypatch.setenv("BRUGAPP_BUNDLE_PASSPHRASE", "iets heel anders")
    assert main(["bundle", "import", str(out), "--db", str(target)]) == 2
    assert "wachtwoordzin" in capsys.readouterr().err
