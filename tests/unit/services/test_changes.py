"""The data version a page compares before reading its list again: a save anywhere changes it, a read never."""

from __future__ import annotations

import sqlite3

from brugapp.services.changes import data_version
from brugapp.services.families.families import create_family, list_families
from brugapp.store import Store


def test_reading_keeps_the_version_and_a_save_changes_it(store: Store) -> None:
    # GIVEN a store with one family, read once
    create_family(store, display_name="Gezin Peeters")
    before = data_version(store)
    # WHEN the list is read again, nothing changes
    list_families(store)
    assert data_version(store) == before
    # WHEN a family is saved through a service, the version changes
    create_family(store, display_name="Gezin Janssens")
    assert data_version(store) != before


def test_a_write_by_another_program_changes_the_version(store: Store) -> None:
    # GIVEN the version as a page saw it
    before = data_version(store)
    # WHEN another program (not this process's SQLAlchemy) writes to the same file
    assert store.path is not None
    other = sqlite3.connect(store.path)
    other.execute("CREATE TABLE written_elsewhere (x INTEGER)")
    other.commit()
    other.close()
    # THEN the page sees that something changed
    assert data_version(store) != before
