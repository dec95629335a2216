"""The store: migrations, encryption at rest, wrong passphrases, backups before upgrades."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from brugapp.store import StoreError, WrongPassphraseError, migrations, open_store
from brugapp.store.backups import backup_store, list_backups, restore_backup
from tests.conftest import TEST_PASSPHRASE
from tests.factories import make_family


def test_new_store_is_migrated_to_every_head(tmp_path: Path) -> None:
    store = open_store(tmp_path / "new.db", create=True)
    try:
        assert set(migrations.current_revisions(store)) == set(migrations.head_revisions())
        with store.read() as session:
            tables = set(session.execute(text("SELECT name FROM sqlite_master")).scalars())
        assert {"families", "schools", "audit_log", "drafts", "search_index"} <= tables
    finally:
        store.close()


def test_sqlite_pragmas_protect_committed_data(store) -> None:
    with store.read() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_encrypted_file_holds_no_plaintext_of_a_saved_name(tmp_path: Path) -> None:
    # GIVEN an encrypted store with a family saved in it
    path = tmp_path / "secret.db"
    store = open_store(path, passphrase=TEST_PASSPHRASE, create=True)
    make_family(store, display_name="Gezin Vanhoutte-Ouarzazi")
    store.close()
    # THEN neither the name nor the SQLite header can be read from the file (nor a WAL left beside it)
    for candidate in [path, *tmp_path.glob("secret.db-*")]:
        raw = candidate.read_bytes()
        assert b"Vanhoutte" not in raw
        assert b"Ouarzazi" not in raw
    assert not path.read_bytes().startswith(b"SQLite format 3")
    # AND the right passphrase reads it back
    reopened = open_store(path, passphrase=TEST_PASSPHRASE)
    from brugapp.services.families.families import list_family_records

    assert [r.label for r in list_family_records(reopened)] == ["Gezin Vanhoutte-Ouarzazi"]
    reopened.close()


def test_wrong_passphrase_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "secret.db"
    store = open_store(path, passphrase=TEST_PASSPHRASE, create=True)
    make_family(store, display_name="Gezin Peeters")
    store.close()
    before = path.read_bytes()
    with pytest.raises(WrongPassphraseError, match="wachtwoordzin klopt niet"):
        open_store(path, passphrase="niet de juiste zin")
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("backups/*")), "a refused open must not even make a backup"


def test_encrypted_store_without_passphrase_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "secret.db"
    open_store(path, passphrase=TEST_PASSPHRASE, create=True).close()
    with pytest.raises(WrongPassphraseError):
        open_store(path)


def test_missing_file_is_not_created_by_accident(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="Geen gegevensbestand"):
        open_store(tmp_path / "typo.db", passphrase=TEST_PASSPHRASE)
    assert not (tmp_path / "typo.db").exists()


def test_plain_sqlite_url_works(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'plain.db'}")
    make_family(store, display_name="Gezin Maes")
    from brugapp.services.families.families import list_family_records

    assert [r.label for r in list_family_records(store)] == ["Gezin Maes"]
    assert not store.info.encrypted
    store.close()


def test_upgrade_from_first_revision_keeps_data_and_backs_up_first(tmp_path: Path) -> None:
    # GIVEN a store created at the first revision, with a family in it
    path = tmp_path / "old.db"
    old = open_store(path, passphrase=TEST_PASSPHRASE, create=True, migrate=False)
    migrations.upgrade(old, "0001")
    with old.session() as session:
        session.execute(text(
            "INSERT INTO families (uuid, created_at, updated_at, display_name, preferred_language, "
            "interpreter_needed, reads_letters, preferred_channel, reference_person) VALUES "
            "('11111111-1111-1111-1111-111111111111', '2025-09-01 08:00:00', '2025-09-01 08:00:00', "
            "'Gezin Kowalski', 'pl', 0, 1, '', '')"
        ))
    old.close()
    assert set(migrations.head_revisions()) != {"0001"}, "this test needs a revision after 0001"
    # WHEN the app opens it, told when the upgrade begins
    told: list[int] = []
    store = open_store(path, passphrase=TEST_PASSPHRASE, before_upgrade=lambda: told.append(len(list_backups(path))))
    # THEN it is at head, the family is still there, and an (encrypted) backup was taken first, after the app was
    # told (the unlock window says so before the seconds of copying)
    assert told == [0]
    assert set(migrations.current_revisions(store)) == set(migrations.head_revisions())
    from brugapp.services.families.families import list_family_records

    assert [r.label for r in list_family_records(store)] == ["Gezin Kowalski"]
    store.close()
    backups = list_backups(path)
    assert len(backups) == 1 and "before-upgrade" in backups[0].name
    # AND a store at head, or a new one, is opened without a word of upgrading
    open_store(path, passphrase=TEST_PASSPHRASE, before_upgrade=lambda: told.append(-1)).close()
    open_store(tmp_path / "new.db", passphrase=TEST_PASSPHRASE, create=True,
               before_upgrade=lambda: told.append(-2)).close()
    assert told == [0]
    assert b"Kowalski" not in backups[0].read_bytes()


def test_backup_and_restore_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = open_store(path, passphrase=TEST_PASSPHRASE, create=True)
    make_family(store, display_name="Gezin Claeys")
    backup = backup_store(store, reason="manual")
    make_family(store, display_name="Gezin Willems")
    store.close()
    assert backup is not None
    restore_backup(backup, path, passphrase=TEST_PASSPHRASE)
    restored = open_store(path, passphrase=TEST_PASSPHRASE)
    from brugapp.services.families.families import list_family_records

    assert [r.label for r in list_family_records(restored)] == ["Gezin Claeys"]
    restored.close()


def test_failed_unit_of_work_leaves_nothing_behind(store) -> None:
    from brugapp.store.models import Family

    with pytest.raises(RuntimeError), store.session() as session:
        session.add(Family(display_name="Gezin Half"))
        session.flush()
        raise RuntimeError("crash halfway")
    from brugapp.services.families.families import list_family_records

    assert list_family_records(store) == []


def test_the_cli_says_on_stderr_that_an_older_notebook_is_upgraded_and_keeps_its_json_clean(
        tmp_path: Path, capsys, monkeypatch) -> None:
    import json

    from brugapp.cli import main
    from brugapp.cli.common import PASSPHRASE_ENV

    # GIVEN a notebook of the previous version (schema 0015), encrypted, with its passphrase in the environment
    path = tmp_path / "old.db"
    old = open_store(path, passphrase=TEST_PASSPHRASE, create=True, migrate=False)
    migrations.upgrade(old, "0015_list_indexes")
    old.close()
    monkeypatch.setenv(PASSPHRASE_ENV, TEST_PASSPHRASE)
    # WHEN a coordinator lists its families as JSON, twice
    for upgraded in (True, False):
        assert main(["list", "families", "--db", str(path), "--json"]) == 0
        captured = capsys.readouterr()
        # THEN the first time stderr says why it takes a while (in Dutch), the second time nothing; stdout is JSON
        assert ("vorige versie van BrugApp" in captured.err) is upgraded
        assert json.loads(captured.out) == []
    assert [backup.name.split(".")[-2] for backup in list_backups(path)] == ["before-upgrade"]
