"""The bench's start unlocks on a worker: the key at once, the store only once the window asks for it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from brugapp import page_key
from brugapp.store import WrongPassphraseError
from brugapp.ui.unlock_ahead import Unlocking
from tests.conftest import TEST_PASSPHRASE
from tests.unit.store.helpers import encrypted_store_with, family_names


def _key_derived(path: Path, passphrase: str) -> bool:
    last = page_key._last
    return last is not None and last[0][0] == str(path) and last[0][2] == passphrase


def test_the_key_is_derived_at_once_and_the_store_opened_only_when_asked(tmp_path: Path) -> None:
    path = encrypted_store_with(tmp_path / "s.db", "Gezin Claeys")
    unlocking = Unlocking(path, TEST_PASSPHRASE)
    deadline = time.monotonic() + 30
    while not _key_derived(path, TEST_PASSPHRASE) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _key_derived(path, TEST_PASSPHRASE)
    time.sleep(0.2)
    assert unlocking._thread.is_alive() and unlocking._store is None  # not opened behind the window's back
    store = unlocking.opened()
    try:
        unlocking.join()
        assert family_names(store) == ["Gezin Claeys"]
    finally:
        store.close()


def test_a_wrong_passphrase_reaches_the_window_as_the_stores_own_error(tmp_path: Path) -> None:
    path = encrypted_store_with(tmp_path / "s.db")
    unlocking = Unlocking(path, "niet de juiste zin")
    with pytest.raises(WrongPassphraseError):
        unlocking.opened()


def test_joining_without_asking_does_not_wait_forever(tmp_path: Path) -> None:
    path = encrypted_store_with(tmp_path / "s.db")
    unlocking = Unlocking(path, TEST_PASSPHRASE)
    unlocking.join()
    unlocking.opened().close()
