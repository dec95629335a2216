"""The two plain records every capability hands to a shared view: a listed record and a timeline entry.

They live apart from ``listing`` and ``timeline`` so that those can import every capability's function
without a circle (the capabilities import these records, the views import the capabilities).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ListedRecord:
    id: str  # the record's stable UUID
    label: str


@dataclass(frozen=True)
class TimelineEntry:
    kind: str  # contact, referral, followup, meeting, consent …
    id: str  # UUID of the record
    at: dt.datetime  # aware UTC; date-only records use 12:00 local
    title: str  # already translated, one line
    detail: str = ""  # short text (respecting the note's sharing level for the viewer)
    themes: tuple[str, ...] = ()  # theme codes, for the theme filter
    status: str = ""  # translated status word, if any
