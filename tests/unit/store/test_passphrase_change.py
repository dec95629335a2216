"""`brugapp passphrase` re-encrypts after a verified backup; the old passphrase then opens nothing but old backups."""

from __future__ import annotations

from pathlib import Path

import pytest

from brugapp.cli import main
from brugapp.services.audit import list_audit
from brugapp.store import WrongPassphraseError, open_store
from brugapp.store.backups import list_backups, verify_copy
from tests.conftest import TEST_PASSPHRASE
from tests.unit.store.helpers import encrypted_store_with, family_names

NEW = "zeven groene fietsen in de regen"


def test_passphrase_change_through_the_cli(tmp_path: Path, monkeypatch, capsys) -> None:
    path = encrypted_store_with(tmp_path / "s.db", "Gezin Claeys")
    monkeypatch.setenv("BRUGAPP_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setenv("BRUGAPP_NEW_PASSPHRASE", NEW)
    assert main(["passphrase", "--db", str(path)]) == 0
    assert "wachtwoordzin werd gewijzigd" in capsys.readouterr().out
    # THEN the old passphrase is refused as a wrong passphrase (not as damage)
    with pytest.raises(WrongPassphraseError):
        open_store(path, passphrase=TEST_PASSPHRASE)
    # AND the new one opens the same families, with the change in the audit trail
    store = open_store(path, passphrase=NEW)
    try:
        assert family_names(store) == ["Gezin Claeys"]
        assert "passphrase" in [row.action for row in list_audit(store)]
    finally:
        store.close()
    # AND the backup from before still opens with the old passphrase, the newest with the new one
    backups = list_backups(path)
    assert len(backups) == 2 and "before-passphrase-change" in backups[0].name
    verify_copy(backups[0], TEST_PASSPHRASE)
    verify_copy(backups[-1], NEW)
    assert b"Claeys" not in path.read_bytes()


def test_a_weak_new_passphrase_is_refused_and_nothing_changes(tmp_path: Path, monkeypatch, capsys) -> None:
    path = encrypted_store_with(tmp_path / "s.db", "Gezin Claeys")
    monkeypatch.setenv("BRUGAPP_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setenv("BRUGAPP_NEW_PASSPHRASE", "kort")
    assert main(["passphrase", "--db", str(path)]) == 2
    assert "Te kort" in capsys.readouterr().err
    open_store(path, passphrase=TEST_PASSPHRASE).close()
    assert list_backups(path) == []


def test_the_open_window_keeps_working_after_the_change(tmp_path: Path) -> None:
    from brugapp.store.rekey import change_passphrase
    from tests.factories import make_family

    path = encrypted_store_with(tmp_path / "s.db", "Gezin Claeys")
    store = open_store(path, passphrase=TEST_PASSPHRASE)
    try:
        change_passphrase(store, old=TEST_PASSPHRASE, new=NEW)
        make_family(store, display_name="Gezin Na De Wijziging")  # the same Store object, now under the new key
        assert store.verify_passphrase(NEW) and not store.verify_passphrase(TEST_PASSPHRASE)
    finally:
        store.close()
    reopened = open_store(path, passphrase=NEW)
    assert family_names(reopened) == ["Gezin Claeys", "Gezin Na De Wijziging"]
    reopened.close()


def test_a_refusal_names_the_field_it_concerns(tmp_path: Path) -> None:
    """The dialog puts the cursor where the mistake is: the current passphrase, or the new one."""
    from brugapp.store import StoreError
    from brugapp.store.rekey import change_passphrase

    store = open_store(encrypted_store_with(tmp_path / "s.db", "Gezin Claeys"), passphrase=TEST_PASSPHRASE)
    try:
        refusals = []
        for old, new in ((NEW, NEW + " erbij"), (TEST_PASSPHRASE, "kort"), (TEST_PASSPHRASE, TEST_PASSPHRASE)):
            with pytest.raises(StoreError) as refused:
                change_passphrase(store, old=old, new=new)
            refusals.append(refused.value.field)
        assert refusals == ["current", "new", "new"]
    finally:
        store.close()
