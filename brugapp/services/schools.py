"""Schools and their sites."""

from __future__ import annotations

from sqlalchemy import select

from brugapp.services.listing import ListedRecord
from brugapp.store import Store
from brugapp.store.models import School


def list_school_records(store: Store) -> list[ListedRecord]:
    with store.read() as session:
        schools = session.scalars(select(School).order_by(School.name, School.site_name)).all()
        return [ListedRecord(s.uuid, s.label) for s in schools]
