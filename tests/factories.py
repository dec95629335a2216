"""Small factories for test data (fictional people only)."""

from __future__ import annotations

from sqlalchemy import text

from brugapp.store import Store
from brugapp.store.models import Family, School
from brugapp.store.search_index import index_record


def make_school(store: Store, *, name: str = "Basisschool De Vlieger", site_name: str = "",
                municipality: str = "Kortrijk") -> str:
    with store.session() as session:
        school = School(name=name, site_name=site_name, municipality=municipality)
        session.add(school)
        session.flush()
        index_record(session, kind="school", ref_uuid=school.uuid, label=school.label)
        return school.uuid


def make_family(store: Store, *, display_name: str = "Gezin Janssens", **fields: object) -> str:
    with store.session() as session:
        family = Family(display_name=display_name, **fields)
        session.add(family)
        session.flush()
        index_record(session, kind="family", ref_uuid=family.uuid, label=display_name,
                     family_uuid=family.uuid)
        return family.uuid


def index_names(store: Store) -> set[str]:
    """The names of the indexes SQLite holds in the store (migration tests check what an upgrade added)."""
    with store.engine.connect() as connection:
        return set(connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'")).scalars())
