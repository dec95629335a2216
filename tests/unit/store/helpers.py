"""Shared by the store safety tests: encrypted stores with a family, and ways to damage a file."""

from __future__ import annotations

import os
from pathlib import Path

from brugapp.services.families.families import list_family_records
from brugapp.store import Store, open_store
from tests.conftest import TEST_PASSPHRASE
from tests.factories import make_family


def encrypted_store_with(path: Path, *names: str) -> Path:
    store = open_store(path, passphrase=TEST_PASSPHRASE, create=True)
    for name in names:
        make_family(store, display_name=name)
    store.close()
    return path


def family_names(store: Store) -> list[str]:
    return sorted(r.label for r in list_family_records(store))


def overwrite(path: Path, offset: int, data: bytes) -> None:
    with path.open("r+b") as fh:
        fh.seek(offset)
        fh.write(data)


def random_bytes_in_the_middle(path: Path) -> None:
    size = path.stat().st_size
    overwrite(path, (size // 2) // 4096 * 4096, os.urandom(4096))


def random_bytes_in_the_grown_data(path: Path) -> None:
    """A page of the family rows ``grow`` wrote (the last half of the file): only the page-by-page check reads
    it. The middle page can be one the schema grew into while the migrations ran (with 0013 it is on a store of
    180 pages), and then opening fails before the check, as the store is read at all."""
    size = path.stat().st_size
    overwrite(path, (size * 3 // 4) // 4096 * 4096, os.urandom(4096))


def grow(store_path: Path, families: int = 60) -> None:
    """Enough pages that damage in the middle hits table data, not only the header."""
    store = open_store(store_path, passphrase=TEST_PASSPHRASE)
    for n in range(families):
        make_family(store, display_name=f"Gezin Vulling {n:03d} " + "x" * 300)
    store.close()
