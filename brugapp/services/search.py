"""Global search across families, members, notes, schools and the sociale kaart."""

from __future__ import annotations

from dataclasses import dataclass

from brugapp.store import Store
from brugapp.store.search_index import search_store


@dataclass(frozen=True)
class SearchResult:
    kind: str  # family, member, contact, school, service, organization …
    id: str  # the record's UUID
    label: str
    family_id: str  # the family it belongs to, or ""
    snippet: str = ""  # the words that matched, from the note or record text


def search_everything(store: Store, *, text: str, limit: int = 50) -> list[SearchResult]:
    """As-you-type search; accents and case do not matter ("Zoe" finds "Zoë")."""
    hits = search_store(store.engine, text, limit=limit)  # a read without a session: one per keystroke
    return [SearchResult(h.kind, h.ref_uuid, h.label, h.family_uuid, h.snippet) for h in hits]
