"""One family timeline, assembled from every capability that knows something about a family.

Each capability adds a source to ``TIMELINE_SOURCES``: a function
``(session, family_id: int) -> list[TimelineEntry]``. The timeline sorts them newest first.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.services.families.notebook import timeline_contacts
from brugapp.services.meetings.meetings import meeting_timeline
from brugapp.services.records import TimelineEntry
from brugapp.services.referrals.followups import followup_timeline
from brugapp.services.referrals.referrals import referral_timeline
from brugapp.store import Store
from brugapp.store.models import Family

Source = Callable[[Session, int], list[TimelineEntry]]

# Every capability that knows something about a family adds its source here.
TIMELINE_SOURCES: tuple[Source, ...] = (timeline_contacts, referral_timeline, followup_timeline, meeting_timeline)


def family_timeline(store: Store, *, family_id: str, theme: str | None = None) -> list[TimelineEntry]:
    """Everything about one family, newest first, optionally only what touches ``theme``."""
    with store.read() as session:
        family_pk = session.scalar(select(Family.id).where(Family.uuid == family_id))
        if family_pk is None:
            return []
        entries: list[TimelineEntry] = []
        for source in TIMELINE_SOURCES:
            entries.extend(source(session, family_pk))
    if theme:
        entries = [e for e in entries if any(t == theme or t.startswith(f"{theme}.") for t in e.themes)]
    return sorted(entries, key=lambda e: e.at, reverse=True)
