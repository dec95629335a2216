"""The integrity check is skipped only for a file unchanged since a clean close; anything else is checked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from brugapp.store import DamagedStoreError, open_store
from brugapp.store import engine as engine_module
from brugapp.store.clean_close import clean_close_recorded, stamp_path
from tests.conftest import TEST_PASSPHRASE
from tests.unit.store.helpers import encrypted_store_with, grow, random_bytes_in_table_data


@pytest.fixture
def checks(monkeypatch) -> list[Path]:
    """Every integrity check open_store runs, by store file (the real check still runs)."""
    seen: list[Path] = []
    real = engine_module.check_integrity

    def counting(store):  # type: ignore[no-untyped-def]
        seen.append(store.path)
        return real(store)

    monkeypatch.setattr(engine_module, "check_integrity", counting)  # open.py asks the engine module
    return seen


@pytest.fixture
def closed_cleanly(tmp_path: Path) -> Path:
    path = encrypted_store_with(tmp_path / "brugapp.db", "Gezin Claeys")
    grow(path)
    open_store(path, passphrase=TEST_PASSPHRASE).close()
    return path


def test_an_unchanged_file_opens_without_the_check_and_uses_up_its_stamp(closed_cleanly, checks) -> None:
    # GIVEN a store closed cleanly WHEN it is opened
    store = open_store(closed_cleanly, passphrase=TEST_PASSPHRASE)
    # THEN the page-by-page check is skipped, and while it is open nothing vouches for the file any more
    assert checks == [] and not stamp_path(closed_cleanly).exists()
    store.close()
    # AND a clean close vouches for it again
    assert stamp_path(closed_cleanly).exists()


def test_damage_after_a_clean_close_is_found_even_with_the_old_modification_time(closed_cleanly, checks) -> None:
    # GIVEN a store closed cleanly, then damaged by something that sets its modification time back
    before = closed_cleanly.stat()
    random_bytes_in_table_data(closed_cleanly)
    os.utime(closed_cleanly, ns=(before.st_atime_ns, before.st_mtime_ns))
    # WHEN it is opened THEN it is checked and refused as damaged
    with pytest.raises(DamagedStoreError):
        open_store(closed_cleanly, passphrase=TEST_PASSPHRASE)
    assert checks == [closed_cleanly]
    # AND a damaged store is never stamped as sound, so every later open checks it again
    assert not stamp_path(closed_cleanly).exists()
    with pytest.raises(DamagedStoreError):
        open_store(closed_cleanly, passphrase=TEST_PASSPHRASE)


def test_a_session_that_never_closed_is_checked_at_the_next_start(closed_cleanly, checks) -> None:
    # GIVEN a store opened and left without a clean close (a crash: the engine goes, close() never runs)
    store = open_store(closed_cleanly, passphrase=TEST_PASSPHRASE)
    store.engine.dispose()
    # WHEN it is opened again THEN the whole file is checked
    open_store(closed_cleanly, passphrase=TEST_PASSPHRASE).close()
    assert checks == [closed_cleanly]


def test_a_wrong_stamp_is_not_trusted(closed_cleanly, checks) -> None:
    stamp_path(closed_cleanly).write_text("{not json", encoding="utf-8")
    open_store(closed_cleanly, passphrase=TEST_PASSPHRASE).close()
    assert checks == [closed_cleanly]


def test_asking_whether_a_clean_close_is_recorded_leaves_the_stamp(closed_cleanly, checks) -> None:
    # GIVEN a store closed cleanly: the unlock window may ask (to warn of a long check) without using the stamp up
    assert clean_close_recorded(closed_cleanly) and clean_close_recorded(closed_cleanly)
    open_store(closed_cleanly, passphrase=TEST_PASSPHRASE).close()
    assert checks == []
    # WHEN the session ends without a clean close THEN the next unlock will check, and says so beforehand
    open_store(closed_cleanly, passphrase=TEST_PASSPHRASE).engine.dispose()
    assert not clean_close_recorded(closed_cleanly)
