"""The audit trail is append-only and hash-chained; `brugapp audit verify` names the first broken entry."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from brugapp.cli import main
from brugapp.services.audit import list_audit, record_audit, verify_audit
from brugapp.services.referrals.calendar_export import export_ical
from brugapp.store import Store, open_store
from brugapp.store.migrations import upgrade


def _five_entries(store: Store, tmp_path: Path) -> None:
    export_ical(store, out=tmp_path / "agenda.ics")  # a real export writes the first entry
    with store.session() as session:
        for n in range(2, 6):
            record_audit(session, action="print", subject_kind="referral", subject_uuid=f"uuid-{n}",
                         audience="CLB", detail=f"sheet {n}")


def _tamper(store: Store, *statements: str) -> None:
    """What someone with the key and a SQLite tool could do: drop the guards, then edit the table."""
    path = store.path
    store.close()
    assert path is not None
    with sqlite3.connect(path) as raw:
        raw.execute("DROP TRIGGER audit_log_append_only_update")
        raw.execute("DROP TRIGGER audit_log_append_only_delete")
        for statement in statements:
            raw.execute(statement)


def _verify_cli(path: Path, capsys) -> tuple[int, str]:
    code = main(["audit", "verify", "--db", str(path)])
    return code, capsys.readouterr().out


def test_entries_chain_and_verify(store, tmp_path: Path, capsys) -> None:
    _five_entries(store, tmp_path)
    rows = list_audit(store)
    assert [r.number for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0].action == "export" and rows[0].subject_kind == "calendar"
    assert rows[0].at.tzinfo is not None and rows[0].at.utcoffset() is not None  # Brussels wall time
    assert verify_audit(store).intact
    path = store.path
    store.close()
    code, out = _verify_cli(path, capsys)
    assert code == 0 and "intact: 5 regels" in out


def test_the_app_cannot_change_or_delete_an_entry(store, tmp_path: Path) -> None:
    _five_entries(store, tmp_path)
    for statement in ("UPDATE audit_log SET detail = 'niets' WHERE id = 2", "DELETE FROM audit_log WHERE id = 2"):
        with pytest.raises(IntegrityError, match="append-only"), store.session() as session:
            session.execute(text(statement))
    assert verify_audit(store).intact


def test_an_edited_entry_is_named(store, tmp_path: Path, capsys) -> None:
    _five_entries(store, tmp_path)
    path = store.path
    _tamper(store, "UPDATE audit_log SET audience = 'niemand' WHERE id = 3")
    code, out = _verify_cli(path, capsys)
    assert code == 1
    assert "Regel 3 werd gewijzigd" in out


def test_a_deleted_entry_is_named(store, tmp_path: Path, capsys) -> None:
    _five_entries(store, tmp_path)
    path = store.path
    _tamper(store, "DELETE FROM audit_log WHERE id = 2")
    code, out = _verify_cli(path, capsys)
    assert code == 1
    assert "vóór regel 3 werden verwijderd" in out


def test_a_cut_off_tail_is_named_even_after_new_entries(store, tmp_path: Path, capsys) -> None:
    _five_entries(store, tmp_path)
    path = store.path
    _tamper(store, "DELETE FROM audit_log WHERE id >= 4")
    code, out = _verify_cli(path, capsys)
    assert code == 1 and "na regel 3 werden verwijderd" in out
    # AND appending new entries does not paper over the gap
    reopened = open_store(path)
    with reopened.session() as session:
        record_audit(session, action="print", subject_kind="referral")
    check = verify_audit(reopened)
    reopened.close()
    assert not check.intact and check.broken_at == 6


def test_a_rechained_edit_is_still_caught_by_the_next_link(store, tmp_path: Path, capsys) -> None:
    # Someone who edits entry 2 and recomputes its own hash still breaks entry 3's link.
    from brugapp.store.audit_chain import entry_hash

    _five_entries(store, tmp_path)
    path = store.path
    with store.read() as session:
        row = session.execute(text("SELECT at, action, subject_kind, subject_uuid, detail, prev_hash "
                                   "FROM audit_log WHERE id = 2")).one()
    from brugapp.store.audit_chain import format_at, parse_at

    forged = entry_hash(entry_id=2, at=format_at(parse_at(row[0])), action=row[1], subject_kind=row[2],
                        subject_uuid=row[3], audience="niemand", detail=row[4], prev_hash=row[5])
    _tamper(store, f"UPDATE audit_log SET audience = 'niemand', entry_hash = '{forged}' WHERE id = 2")
    code, out = _verify_cli(path, capsys)
    assert code == 1 and "Regel 3 sluit niet aan" in out


def test_audit_list_json_is_readable(store, tmp_path: Path, capsys) -> None:
    _five_entries(store, tmp_path)
    path = store.path
    store.close()
    assert main(["audit", "list", "--json", "--db", str(path)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["number"] for r in rows] == [1, 2, 3, 4, 5]
    assert rows[1]["audience"] == "CLB" and rows[1]["action_label"] == "afdruk"
    assert rows[0]["at"].endswith(("+01:00", "+02:00"))


def test_revision_0008_chains_the_entries_already_there(tmp_path: Path) -> None:
    # GIVEN a store at 0007 with three entries written the old way (one id skipped, as a deleted row leaves)
    store = open_store(tmp_path / "old.db", create=True, migrate=False)
    upgrade(store, "0007")
    with store.engine.begin() as connection:
        for entry_id, at in ((1, "2026-01-05 09:00:00.000000"), (2, "2026-02-01 10:30:00"), (4, "2026-03-01 08:00:00")):
            connection.execute(text(
                "INSERT INTO audit_log (id, at, action, subject_kind, subject_uuid, audience, detail) "
                "VALUES (:id, :at, 'print', 'referral', 'r-1', 'CLB', 'referral_sheet')"), {"id": entry_id, "at": at})
    # WHEN it is upgraded
    upgrade(store)
    # THEN the old entries are chained 1..3 and verify holds; new entries continue the chain
    assert [r.number for r in list_audit(store)] == [1, 2, 3]
    assert verify_audit(store).intact
    with store.session() as session:
        record_audit(session, action="export", subject_kind="calendar")
    assert verify_audit(store).intact and [r.number for r in list_audit(store)][-1] == 4
    store.close()
