"""Drafts of half-typed input, kept in the (encrypted) store so they survive a crash or a lock.

Never in a plain file: a draft can hold the same personal data as the record it becomes.
"""

from __future__ import annotations

import json
from typing import Any

from brugapp.store import Store
from brugapp.store.models import Draft


def save_draft(store: Store, *, key: str, payload: dict[str, Any]) -> None:
    with store.session() as session:
        draft = session.get(Draft, key)
        text = json.dumps(payload, ensure_ascii=False)
        if draft is None:
            session.add(Draft(key=key, payload=text))
        else:
            draft.payload = text


def load_draft(store: Store, *, key: str) -> dict[str, Any] | None:
    with store.read() as session:
        draft = session.get(Draft, key)
        if draft is None:
            return None
        try:
            value = json.loads(draft.payload)
        except ValueError:
            return None
    return value if isinstance(value, dict) else None


def clear_draft(store: Store, *, key: str) -> None:
    with store.session() as session:
        draft = session.get(Draft, key)
        if draft is not None:
            session.delete(draft)
