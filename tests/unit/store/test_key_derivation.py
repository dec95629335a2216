"""A new store's page key comes from Argon2id (19 MiB, 2 passes, 1 lane); stores made before keep SQLCipher's own
PBKDF2 and go on opening, also after a passphrase change. Each file is read back by a bare ``sqlcipher3``
connection, keyed here independently of ``brugapp.page_key``."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from brugapp.store import WrongPassphraseError, open_store
from brugapp.store.backups import list_backups, verify_copy
from brugapp.store.rekey import change_passphrase
from brugapp.store.unlock_file import unlock_existing_file
from tests.conftest import TEST_PASSPHRASE
from tests.factories import make_family
from tests.unit.store.helpers import encrypted_store_with, family_names

NEW = "zeven groene fietsen in de regen"


def _opens(path: Path, key_pragma: str) -> bool:
    """Does a bare SQLCipher connection read the file's schema with this ``PRAGMA key`` value?"""
    connection = sqlcipher3.connect(f"file:{path.as_posix()}?immutable=1", uri=True)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = \"{key_pragma}\"")
        return connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    except sqlcipher3.DatabaseError:
        return False
    finally:
        connection.close()


def _argon2id_key(passphrase: str, path: Path) -> str:
    salt = path.read_bytes()[:16]
    key = Argon2id(salt=salt, length=32, iterations=2, lanes=1, memory_cost=19 * 1024).derive(passphrase.encode())
    return f"x'{key.hex()}'"


def _store_made_before(path: Path, *names: str) -> Path:
    """A store as BrugApp made it until December 2026: SQLCipher keyed with the passphrase itself."""
    connection = sqlcipher3.connect(str(path))
    connection.execute(f"PRAGMA key = '{TEST_PASSPHRASE}'")
    connection.execute("CREATE TABLE made_before (x)")  # SQLCipher writes the file (and its salt) now
    connection.commit()
    connection.close()
    store = open_store(path, passphrase=TEST_PASSPHRASE)  # the schema, through the migrations
    for name in names:
        make_family(store, display_name=name)
    store.close()
    return path


def test_a_new_store_is_keyed_with_argon2id_and_not_with_the_passphrase_alone(tmp_path: Path) -> None:
    path = encrypted_store_with(tmp_path / "s.db", "Gezin Claeys")
    assert path.read_bytes()[:6] == b"BRUGA2"  # the tag in the unencrypted salt says which derivation
    assert _opens(path, _argon2id_key(TEST_PASSPHRASE, path))
    assert not _opens(path, TEST_PASSPHRASE)  # SQLCipher's own derivation does not open it
    assert not _opens(path, _argon2id_key(NEW, path))
    assert b"Claeys" not in path.read_bytes()


def test_two_new_stores_get_different_salts(tmp_path: Path) -> None:
    one = encrypted_store_with(tmp_path / "one.db")
    two = encrypted_store_with(tmp_path / "two.db")
    assert one.read_bytes()[:16] != two.read_bytes()[:16]


def test_a_new_store_opens_on_both_paths_and_refuses_a_wrong_passphrase(tmp_path: Path) -> None:
    path = encrypted_store_with(tmp_path / "s.db", "Gezin Claeys")
    quick = unlock_existing_file(path, TEST_PASSPHRASE)  # the start-up's fast path
    assert quick is not None
    try:
        assert family_names(quick) == ["Gezin Claeys"]
    finally:
        quick.close()
    assert unlock_existing_file(path, NEW) is None
    with pytest.raises(WrongPassphraseError):
        open_store(path, passphrase=NEW)  # the ordinary path tells a wrong passphrase from damage


def test_a_store_made_before_still_opens_with_sqlciphers_own_derivation(tmp_path: Path) -> None:
    path = _store_made_before(tmp_path / "old.db", "Gezin Peeters")
    assert path.read_bytes()[:6] != b"BRUGA2"
    assert _opens(path, TEST_PASSPHRASE)
    quick = unlock_existing_file(path, TEST_PASSPHRASE)
    assert quick is not None
    quick.close()
    store = open_store(path, passphrase=TEST_PASSPHRASE)
    try:
        assert family_names(store) == ["Gezin Peeters"]
    finally:
        store.close()
    with pytest.raises(WrongPassphraseError):
        open_store(path, passphrase=NEW)


@pytest.mark.parametrize("made_before", [False, True], ids=["argon2id", "made-before"])
def test_a_passphrase_change_keeps_the_files_derivation(tmp_path: Path, made_before: bool) -> None:
    path = (_store_made_before if made_before else encrypted_store_with)(tmp_path / "s.db", "Gezin Claeys")
    salt = path.read_bytes()[:16]
    store = open_store(path, passphrase=TEST_PASSPHRASE)
    try:
        change_passphrase(store, old=TEST_PASSPHRASE, new=NEW)
        assert family_names(store) == ["Gezin Claeys"]  # the open store goes on with the new key
    finally:
        store.close()
    assert path.read_bytes()[:16] == salt
    new_key = NEW if made_before else _argon2id_key(NEW, path)
    old_key = TEST_PASSPHRASE if made_before else _argon2id_key(TEST_PASSPHRASE, path)
    assert _opens(path, new_key) and not _opens(path, old_key)
    with pytest.raises(WrongPassphraseError):
        open_store(path, passphrase=TEST_PASSPHRASE)
    reopened = open_store(path, passphrase=NEW)
    try:
        assert family_names(reopened) == ["Gezin Claeys"]
    finally:
        reopened.close()
    before, *_, after = list_backups(path)
    verify_copy(before, TEST_PASSPHRASE)  # each backup opens with the passphrase of its moment
    verify_copy(after, NEW)
    with pytest.raises(WrongPassphraseError):
        verify_copy(after, TEST_PASSPHRASE)


def test_the_self_test_refuses_an_installation_whose_argon2id_is_wrong(monkeypatch: pytest.MonkeyPatch,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from brugapp import page_key
    from brugapp.cli import main

    # GIVEN this installation: its Argon2id gives the known answer (from cryptography's Argon2id)
    assert page_key.derivation_works()
    salt = page_key.ARGON2_TAG + bytes(10)
    independent = Argon2id(salt=salt, length=32, iterations=2, lanes=1, memory_cost=19 * 1024).derive(b"self-test")
    assert page_key.derive("self-test", salt) == independent
    # WHEN the derivation is broken (a bundle without the bindings, a wrong setting) THEN the self-test says so
    monkeypatch.setattr(page_key, "_argon2id", lambda secret, salt: bytes(32))
    assert main(["--lang", "nl", "self-test"]) != 0
    assert "kan de sleutel van een versleuteld gegevensbestand niet afleiden" in capsys.readouterr().err


def test_the_self_test_says_so_when_the_argon2id_bindings_are_missing(monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    from brugapp.cli import main

    # GIVEN an installation without the bindings (a bundle that left them out: the import fails)
    monkeypatch.setitem(sys.modules, "_argon2_cffi_bindings", None)
    # THEN the self-test fails with the sentence, not a traceback
    assert main(["--lang", "nl", "self-test"]) != 0
    assert "kan de sleutel van een versleuteld gegevensbestand niet afleiden" in capsys.readouterr().err
