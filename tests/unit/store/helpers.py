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


def random_bytes_in_table_data(path: Path) -> None:
    """Damage a page three quarters into a grown store: rows written after the schema. (The middle page can be
    one of the schema's: then unlocking refuses the file before any check, which hides what a test looks at.)"""
    size = path.stat().st_size
    overwrite(path, (size * 3 // 4) // 4096 * 4096, os.urandom(4096))


def grow(store_path: Path, families: int = 60) -> None:
    """Enough pages that damage in the middle hits table data, not only the header."""
    store = open_store(store_path, passphrase=TEST_PASSPHRASE)
    for n in range(families):
        make_family(store, display_name=f"Gezin Vulling {n:03d} " + "x" * 300)
    store.close()
