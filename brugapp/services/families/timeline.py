"""One family timeline, assembled from every capability that knows something about a family.

Each capability adds a source to ``TIMELINE_SOURCES`` ("module:function"): a function
``(session, family_id: int) -> list[TimelineEntry]``. The timeline sorts them newest first.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.store import Store
from brugapp.store.models import Family


@dataclass(frozen=True)
class TimelineEntry:
    kind: str  # contact, referral, followup, meeting, consent …
    id: str  # UUID of the record
    at: dt.datetime  # aware UTC; date-only records use 12:00 local
    title: str  # already translated, one line
    detail: str = ""  # short text (respecting the note's sharing level for the viewer)
    themes: tuple[str, ...] = ()  # theme codes, for the theme filter
    status: str = ""  # translated status word, if any


TIMELINE_SOURCES: list[str] = [
    "brugapp.services.families.notebook:timeline_contacts",
    "brugapp.services.referrals.referrals:referral_timeline",
    "brugapp.services.referrals.followups:followup_timeline",
    "brugapp.services.meetings.meetings:meeting_timeline",
]

Source = Callable[[Session, int], list[TimelineEntry]]


def family_timeline(store: Store, *, family_id: str, theme: str | None = None) -> list[TimelineEntry]:
    """Everything about one family, newest first, optionally only what touches ``theme``."""
    with store.read() as session:
        family_pk = session.scalar(select(Family.id).where(Family.uuid == family_id))
        if family_pk is None:
            return []
        entries: list[TimelineEntry] = []
        for spec in TIMELINE_SOURCES:
            module_name, function_name = spec.split(":")
            source: Source = getattr(importlib.import_module(module_name), function_name)
            entries.extend(source(session, family_pk))
    if theme:
        entries = [e for e in entries if any(t == theme or t.startswith(f"{theme}.") for t in e.themes)]
    return sorted(entries, key=lambda e: e.at, reverse=True)
