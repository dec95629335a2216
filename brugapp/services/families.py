"""Families (gezinnen)."""

from __future__ import annotations

from sqlalchemy import select

from brugapp.services.listing import ListedRecord
from brugapp.store import Store
from brugapp.store.models import Family


def list_family_records(store: Store) -> list[ListedRecord]:
    with store.read() as session:
        families = session.scalars(
            select(Family).where(Family.archived_at.is_(None)).order_by(Family.display_name)
        ).all()
        return [ListedRecord(f.uuid, f.display_name) for f in families]
