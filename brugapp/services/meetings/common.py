"""Overleg: what the meeting services share: the input and output records, and three small helpers.

The use cases live in ``meetings.py``, reading in ``reading.py``, the agenda in ``agenda.py`` and the
minutes in ``minutes.py``; every public name is importable from ``services.meetings.meetings``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.domain import meetings as rules
from brugapp.domain.clock import from_local, local_date
from brugapp.errors import NotFoundError
from brugapp.i18n import _
from brugapp.store.models.meetings import Meeting


# -- input ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ParticipantInput:
    kind: str  # rules.PARTICIPANT_KINDS
    name: str
    role: str = "other"  # rules.ROLES
    organisation: str = ""
    email: str = ""
    attendance: str = "invited"
    is_regiehouder: bool = False
    invite_channel: str = ""
    family_id: str = ""  # UUID of the family (youth / parent participants)
    school_id: str = ""  # UUID of the school (school staff)
    kaart_contact_id: str = ""
    kaart_organization_id: str = ""


@dataclass(frozen=True)
class MeetingInput:
    title: str
    meeting_type: str
    starts_at: dt.datetime  # local or aware
    duration_minutes: int = 60
    place_kind: str = "school"
    place_detail: str = ""
    school_id: str = ""
    family_ids: tuple[str, ...] = ()
    series_id: str = ""
    regiehouder: str = ""
    interpreter_needed: bool = False
    interpreter_arranged: bool = False
    interpreter_language: str = ""
    youth_present: str = "unknown"
    parents_present: str = "unknown"
    proposed_next_date: dt.date | None = None
    status: str = "planned"


# -- output -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ParticipantView:
    id: str
    kind: str
    name: str
    role: str
    role_label: str
    organisation: str
    email: str
    attendance: str
    is_regiehouder: bool
    invite_channel: str
    family_id: str
    school_id: str


@dataclass(frozen=True)
class ItemView:
    id: str
    code: str
    title: str
    school_ok: bool
    notes: str
    decisions: str
    hint: str = ""


@dataclass(frozen=True)
class ActionView:
    id: str
    what: str
    owner: str
    due: dt.date | None
    status: str
    meeting_id: str
    meeting_title: str
    meeting_date: dt.date
    item_id: str = ""
    school_ok: bool = True
    followup_id: str = ""


@dataclass(frozen=True)
class LinkedFamily:
    id: str
    name: str


@dataclass(frozen=True)
class MeetingSummary:
    id: str
    title: str
    meeting_type: str
    type_label: str
    starts_at: dt.datetime
    place_label: str
    status: str
    open_actions: int
    warnings: int


@dataclass(frozen=True)
class MeetingDetail:
    id: str
    title: str
    meeting_type: str
    starts_at: dt.datetime
    duration_minutes: int
    place_kind: str
    place_detail: str
    school_id: str
    school_label: str
    series_id: str
    series_name: str
    series_interval_weeks: int
    regiehouder: str
    interpreter_needed: bool
    interpreter_arranged: bool
    interpreter_language: str
    youth_present: str
    parents_present: str
    proposed_next_date: dt.date | None
    status: str
    ordinal_in_school_year: int
    families: tuple[LinkedFamily, ...]
    participants: tuple[ParticipantView, ...]
    items: tuple[ItemView, ...]
    actions: tuple[ActionView, ...]
    previous_actions: tuple[ActionView, ...]
    warnings: tuple[rules.MeetingWarning, ...] = field(default=())

    def as_input(self) -> MeetingInput:
        return MeetingInput(
            title=self.title, meeting_type=self.meeting_type, starts_at=self.starts_at,
            duration_minutes=self.duration_minutes, place_kind=self.place_kind, place_detail=self.place_detail,
            school_id=self.school_id, family_ids=tuple(f.id for f in self.families), series_id=self.series_id,
            regiehouder=self.regiehouder, interpreter_needed=self.interpreter_needed,
            interpreter_arranged=self.interpreter_arranged, interpreter_language=self.interpreter_language,
            youth_present=self.youth_present, parents_present=self.parents_present,
            proposed_next_date=self.proposed_next_date, status=self.status,
        )


# -- helpers shared by the meeting services ---------------------------------------------------
def aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is not None else from_local(value)


def local_day(value: dt.datetime) -> dt.date:
    return local_date(value)


def load_meeting(session: Session, meeting_id: str) -> Meeting:
    meeting = session.scalar(select(Meeting).where(Meeting.uuid == meeting_id))
    if meeting is None:
        raise NotFoundError(_("This meeting does not exist (any more)."))
    return meeting

