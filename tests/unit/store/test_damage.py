"""A damaged store is named as damaged (not a wrong passphrase), never used, and the good backup is offered."""

from __future__ import annotations

from pathlib import Path

import pytest

from brugapp.cli import main
from brugapp.services.audit import list_audit
from brugapp.store import DamagedStoreError, WrongPassphraseError, open_store
from brugapp.store.backups import backup_store, list_backups
from tests.conftest import TEST_PASSPHRASE
from tests.unit.store.helpers import encrypted_store_with, family_names, grow, overwrite, random_bytes_in_the_middle


@pytest.fixture
def store_with_backup(tmp_path: Path) -> tuple[Path, Path]:
    """An encrypted store with families, a verified backup of it, then one more family after the backup."""
    path = encrypted_store_with(tmp_path / "brugapp.db", "Gezin Claeys")
    grow(path)
    store = open_store(path, passphrase=TEST_PASSPHRASE)
    backup = backup_store(store, reason="manual")
    store.close()
    assert backup is not None
    return path, backup


def test_random_bytes_in_the_middle_are_found_and_the_store_is_not_used(store_with_backup) -> None:
    path, backup = store_with_backup
    random_bytes_in_the_middle(path)
    before = path.read_bytes()
    with pytest.raises(DamagedStoreError, match="beschadigd") as caught:
        open_store(path, passphrase=TEST_PASSPHRASE)
    assert "wachtwoordzin klopt niet" not in str(caught.value)
    assert caught.value.good_backup == backup
    assert path.read_bytes() == before, "a damaged store is never written to nor repaired in place"


@pytest.mark.parametrize("damage", ["truncated", "zeroed header", "first page overwritten"])
def test_cut_wiped_or_broken_first_page_is_damage_not_a_wrong_passphrase(store_with_backup, damage) -> None:
    path, _backup = store_with_backup
    if damage == "truncated":
        with path.open("r+b") as fh:
            fh.truncate(path.stat().st_size // 2 + 100)
    elif damage == "zeroed header":
        overwrite(path, 0, b"\x00" * 16)
    else:  # the key is right (it opens the newest backup) but page 1 does not decrypt
        overwrite(path, 200, b"\xff" * 64)
    with pytest.raises(DamagedStoreError, match="beschadigd"):
        open_store(path, passphrase=TEST_PASSPHRASE)


def test_a_wrong_passphrase_is_still_called_a_wrong_passphrase(store_with_backup) -> None:
    path, _backup = store_with_backup
    with pytest.raises(WrongPassphraseError, match="wachtwoordzin klopt niet"):
        open_store(path, passphrase="niet de juiste zin hoor")


def test_cli_names_the_damage_and_the_backup_to_restore(store_with_backup, monkeypatch, capsys) -> None:
    path, backup = store_with_backup
    random_bytes_in_the_middle(path)
    monkeypatch.setenv("BRUGAPP_PASSPHRASE", TEST_PASSPHRASE)
    assert main(["list", "families", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert "beschadigd" in err and str(backup) in err and "brugapp restore" in err
    assert "Traceback" not in err


def test_restore_works_when_the_store_is_damaged_and_sets_it_aside(store_with_backup, monkeypatch, capsys) -> None:
    # GIVEN a damaged store and a good backup
    path, _backup = store_with_backup
    random_bytes_in_the_middle(path)
    damaged_bytes = path.read_bytes()
    monkeypatch.setenv("BRUGAPP_PASSPHRASE", TEST_PASSPHRASE)
    # WHEN the user runs `brugapp restore` (no file named: the newest good backup)
    assert main(["restore", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    # THEN the store holds the backup's families, the damaged file is kept aside, and the restore is audited
    store = open_store(path, passphrase=TEST_PASSPHRASE)
    try:
        assert "Gezin Claeys" in family_names(store)
        assert [row.action for row in list_audit(store)][-1] == "restore"
    finally:
        store.close()
    aside = list(path.parent.glob("brugapp.damaged-*.db"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged_bytes
    assert str(aside[0]) in out


def test_restore_refuses_a_damaged_backup_and_keeps_the_healthy_store(store_with_backup, monkeypatch, capsys) -> None:
    path, backup = store_with_backup
    random_bytes_in_the_middle(backup)
    before = path.read_bytes()
    monkeypatch.setenv("BRUGAPP_PASSPHRASE", TEST_PASSPHRASE)
    assert main(["restore", str(backup), "--db", str(path)]) == 2
    assert "beschadigd" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert list_backups(path) == [backup], "not even a safety copy is made before a refused restore"


def test_backup_refuses_to_copy_a_damaged_store(store_with_backup, monkeypatch, capsys) -> None:
    path, backup = store_with_backup
    store = open_store(path, passphrase=TEST_PASSPHRASE)  # opened while healthy, damaged while open
    random_bytes_in_the_middle(path)
    try:
        with pytest.raises(DamagedStoreError):
            backup_store(store, reason="manual")
    finally:
        store.close()
    assert list_backups(path) == [backup]
    monkeypatch.setenv("BRUGAPP_PASSPHRASE", TEST_PASSPHRASE)
    assert main(["backup", "--db", str(path)]) == 2
    assert "beschadigd" in capsys.readouterr().err
    assert list_backups(path) == [backup]


def test_a_backup_reads_the_store_once_and_still_names_a_damaged_store(store_with_backup, monkeypatch) -> None:
    # The copy's check is the store's check (byte for byte): a healthy backup does not read the store twice
    # (closing on a busy programme waited for both), and a damaged store is still named as the store.
    import brugapp.store.backups as backups

    path, first_backup = store_with_backup
    checked: list[object] = []
    real_check = backups.check_integrity

    def counting_check(store: object) -> list[str]:
        checked.append(store)
        return real_check(store)  # type: ignore[arg-type]

    monkeypatch.setattr(backups, "check_integrity", counting_check)
    store = open_store(path, passphrase=TEST_PASSPHRASE)
    try:
        second_backup = backups.backup_store(store, reason="manual")
        assert checked == []
        random_bytes_in_the_middle(path)
        with pytest.raises(DamagedStoreError) as caught:
            backups.backup_store(store, reason="manual")
    finally:
        store.close()
    assert caught.value.path == path and len(checked) == 1
    # nothing of the refused copy is kept: the two good backups only, no half-written file
    assert list_backups(path) == [first_backup, second_backup]
    assert not [p for p in path.parent.rglob("*") if p.name.endswith(backups.PARTIAL_SUFFIX)]


def test_every_backup_is_verified_before_it_is_listed(tmp_path: Path, monkeypatch) -> None:
    # GIVEN a copy that comes out broken (a full disk, a failing USB stick)
    import brugapp.store.backups as backups

    path = encrypted_store_with(tmp_path / "s.db", "Gezin Peeters")
    store = open_store(path, passphrase=TEST_PASSPHRASE)

    def broken_copy(source: Path, target: Path) -> None:
        target.write_bytes(Path(source).read_bytes()[:5000])

    monkeypatch.setattr(backups.shutil, "copyfile", broken_copy)
    try:
        with pytest.raises(DamagedStoreError):
            backups.backup_store(store, reason="manual")
    finally:
        store.close()
    # THEN no backup is listed and no half-written file is left
    assert list_backups(path) == []
    assert list((tmp_path / "backups").iterdir()) == []


def test_a_refused_passphrase_is_audited_at_the_next_unlock(tmp_path: Path) -> None:
    path = encrypted_store_with(tmp_path / "s.db", "Gezin Peeters")
    for _attempt in range(2):
        with pytest.raises(WrongPassphraseError):
            open_store(path, passphrase="een verkeerde gok")
    store = open_store(path, passphrase=TEST_PASSPHRASE)
    try:
        assert [row.action for row in list_audit(store)].count("failed_unlock") == 2
    finally:
        store.close()
    assert not list(tmp_path.glob("*.failed-unlocks"))


def test_a_wiped_header_is_damage_even_without_a_passphrase(tmp_path: Path, monkeypatch, capsys) -> None:
    # A plain store whose header was zeroed no longer looks like SQLite; it must not be taken for an encrypted one.
    path = tmp_path / "plain.db"
    open_store(path, create=True).close()
    overwrite(path, 0, b"\x00" * 16)
    with pytest.raises(DamagedStoreError):
        open_store(path)
    assert main(["list", "families", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert "beschadigd" in err and "wachtwoordzin" not in err.split("beschadigd")[0]
