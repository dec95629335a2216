"""What the start-up skips must not change what it does: the schema check without Alembic, the GUI without the
command groups."""

from __future__ import annotations

from sqlalchemy import text

from brugapp.start import starts_gui
from brugapp.store import migrate as migrations
from brugapp.store import open_store


def test_heads_read_from_the_revision_files_are_alembics_heads() -> None:
    assert migrations.declared_heads() == frozenset(migrations.head_revisions())


def test_a_store_behind_the_heads_is_still_upgraded(tmp_path) -> None:
    # GIVEN a store at revision 0011 (before the search prefix index)
    store = open_store(tmp_path / "old.db", create=True, migrate=False)
    migrations.upgrade(store, "0011")
    store.close()
    # WHEN the app opens it
    store = open_store(tmp_path / "old.db")
    # THEN it is brought to the heads, the prefix index included
    assert set(migrations.current_revisions(store)) == set(migrations.head_revisions())
    with store.engine.connect() as connection:
        sql = connection.execute(text("SELECT sql FROM sqlite_master WHERE name = 'search_index'")).scalar_one()
    assert "prefix" in sql
    store.close()


def test_only_window_options_start_the_window_directly() -> None:
    assert starts_gui([]) and starts_gui(["--db", "x.db", "--lang", "en"]) and starts_gui(["--demo"])
    assert not starts_gui(["list", "families"]) and not starts_gui(["--db", "x.db", "bench"])
    assert not starts_gui(["--help"]) and not starts_gui(["-h"])
