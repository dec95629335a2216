"""Bestand → Audittrail lists the entries newest first and says in red when the chain is broken."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from brugapp.services.audit import record_audit
from brugapp.store import open_store
from brugapp.ui.shell.audit_dialog import AuditDialog


def test_the_dialog_lists_entries_and_names_a_broken_one(qtbot, store) -> None:
    with store.session() as session:
        for n in range(3):
            record_audit(session, action="print", subject_kind="referral", audience="CLB", detail=f"sheet {n}")
    dialog = AuditDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 3
    assert dialog.model.index(0, 0).data() == "3"  # newest first
    assert dialog.model.index(0, 2).data() == "afdruk" and dialog.model.index(0, 3).data() == "doorverwijzing"
    assert "intact" in dialog.status.text() and dialog.status.objectName() == "Hint"
    # WHEN someone edits entry 2 behind BrugApp's back
    path: Path = store.path
    store.close()
    with sqlite3.connect(path) as raw:
        raw.execute("DROP TRIGGER audit_log_append_only_update")
        raw.execute("UPDATE audit_log SET detail = 'niets' WHERE id = 2")
    reopened = open_store(path)
    try:
        broken = AuditDialog(reopened)
        qtbot.addWidget(broken)
        assert "Regel 2 werd gewijzigd" in broken.status.text() and broken.status.objectName() == "Error"
    finally:
        reopened.close()
