"""Merging a big spreadsheet into a map that already holds it, a batch at a time, in bounded memory.

A re-import of the regional partner's 50 MB file matches every row to a service already in the map. The ORM
merge (``importing.apply_records``) used to load the whole map as objects and keep every matched row until the
end: 20,000 rows took 1 GB (``brugapp bench``'s file, re-imported), so 230,000 would not fit in a laptop. Now the
stream hands over 2,000 matched rows at a time with the organisations they belong to; only those organisations,
their services and people are loaded, merged, flushed and let go (still one transaction: all or nothing).

What the whole-map index answered from memory, "is this id already used?", is asked of the store instead
(``StoredUuids``): only for a file's own id, which a spreadsheet rarely has.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import literal, select, union_all
from sqlalchemy.orm import Session

from brugapp.store.models.kaart import (
    KaartContact,
    KaartLocation,
    KaartOrganization,
    KaartPhone,
    KaartSchedule,
    KaartService,
    KaartServiceArea,
    KaartServiceAtLocation,
)

RECORD_MODELS = (KaartOrganization, KaartService, KaartContact)  # the ids ``importing._ids`` hands out
PART_MODELS = (KaartPhone, KaartSchedule, KaartServiceArea, KaartLocation, KaartServiceAtLocation)


class UuidPool(Protocol):
    """The uuids already taken: a set, or the store asked on demand (``StoredUuids``)."""

    def __contains__(self, uuid: object, /) -> bool: ...

    def add(self, uuid: str, /) -> None: ...


@dataclass(frozen=True)
class MergeScope:
    """What one batch of matched rows can touch: their organisations (primary keys, as the stream found them)
    and the file's own service ids (a service found by id may sit under another organisation)."""

    org_pks: frozenset[int]
    service_ids: frozenset[str]


class StoredUuids:
    """A set of the uuids in the store's tables plus the ones handed out since (not yet flushed).

    Membership of a uuid not handed out here is one indexed query; ``add`` only remembers locally.
    """

    def __init__(self, session: Session, models: Iterable[type]) -> None:
        self._session = session
        self._models = tuple(models)
        self._local: set[str] = set()

    def __contains__(self, uuid: object) -> bool:
        if uuid in self._local:
            return True
        if not isinstance(uuid, str):
            return False
        query = union_all(*(select(literal(1)).where(model.uuid == uuid) for model in self._models))  # type: ignore[attr-defined]
        return self._session.execute(query.limit(1)).first() is not None

    def add(self, uuid: str) -> None:
        self._local.add(uuid)
