"""The minutes (verslag): notes and decisions per item, and action points that become follow-ups.

An action point is only useful if somebody owns it and it comes back: each one becomes a follow-up
owned by the person named (through the follow-up capability, linked to the meeting), and open ones
return under "opvolging vorige actiepunten" on the next agenda of the same case or series.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.domain import meetings as rules
from brugapp.domain.clock import local_date
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _
from brugapp.services.meetings.agenda import audit, build_sheet
from brugapp.services.meetings.links import create_followup, follow_action_status
from brugapp.services.meetings.meetings import load_meeting, reindex
from brugapp.store import Store
from brugapp.store.base import utcnow
from brugapp.store.models.meetings import Meeting, MeetingAction, MeetingItem, MeetingParticipant


@dataclass(frozen=True)
class ActionInput:
    what: str
    owner: str
    due: dt.date | None
    item_id: str = ""  # the agenda item it came from ("" = the actions item)


@dataclass(frozen=True)
class ItemMinutes:
    item_id: str
    notes: str = ""
    decisions: str = ""


@dataclass(frozen=True)
class MinutesInput:
    """Everything minuted in one go: saved all together, or nothing."""

    items: Sequence[ItemMinutes] = ()
    new_actions: Sequence[ActionInput] = ()
    done_actions: Sequence[str] = ()  # UUIDs of earlier (or this meeting's) actions now done
    attendance: dict[str, str] = field(default_factory=dict)  # participant UUID -> attendance code
    mark_held: bool = True


def _validate_action(action: ActionInput, meeting_day: dt.date) -> dt.date:
    """Raise on a missing or wrong field; return the (required) due date."""
    if not action.what.strip():
        raise ValidationError(_("Say what has to be done."), field="what")
    if not action.owner.strip():
        raise ValidationError(_("Name who will do it: every action point needs an owner."), field="owner")
    if action.due is None:
        raise ValidationError(_("Give the action point a date by when it is done."), field="due")
    if action.due < meeting_day:
        raise ValidationError(_("The date of the action point lies before the meeting."), field="due")
    return action.due


def _add_action(session: Session, meeting: Meeting, action: ActionInput) -> MeetingAction:
    meeting_day = local_date(meeting.starts_at)
    due = _validate_action(action, meeting_day)
    item = None
    if action.item_id:
        item = session.scalar(select(MeetingItem).where(MeetingItem.uuid == action.item_id,
                                                        MeetingItem.meeting_id == meeting.id))
        if item is None:
            raise ValidationError(_("The agenda item of this action point does not exist (any more)."), field="item")
    else:
        item = next((i for i in meeting.items if i.code == rules.ACTIONS), None)
    row = MeetingAction(what=action.what.strip(), owner=action.owner.strip(), due=action.due,
                        item_id=item.id if item else None, school_ok=item.school_ok if item else False)
    meeting.actions.append(row)
    session.flush()
    family_pk = meeting.family_links[0].family_id if len(meeting.family_links) == 1 else None
    row.followup_uuid = create_followup(
        session, title=row.what, due=due, owner=row.owner, family_pk=family_pk, meeting_uuid=meeting.uuid,
        note=_("Action point of the meeting “{title}”").format(title=meeting.title),
    ) or ""
    return row


def add_action(store: Store, *, meeting_id: str, action: ActionInput) -> str:
    """Record one action point (who, what, by when); it becomes a follow-up for its owner."""
    with store.session() as session:
        meeting = load_meeting(session, meeting_id)
        return _add_action(session, meeting, action).uuid


def set_action_status(store: Store, *, action_id: str, status: str) -> None:
    if status not in rules.ACTION_STATUSES:
        raise ValidationError(_("Choose open, done or dropped."), field="status")
    with store.session() as session:
        action = session.scalar(select(MeetingAction).where(MeetingAction.uuid == action_id))
        if action is None:
            raise NotFoundError(_("This action point does not exist (any more)."))
        action.status = status
        action.closed_at = None if status == "open" else utcnow()
        follow_action_status(session, followup_uuid=action.followup_uuid, action_status=status)


def record_item_minutes(store: Store, *, item_id: str, notes: str, decisions: str) -> None:
    with store.session() as session:
        item = session.scalar(select(MeetingItem).where(MeetingItem.uuid == item_id))
        if item is None:
            raise NotFoundError(_("This agenda item does not exist (any more)."))
        item.notes = notes.strip()
        item.decisions = decisions.strip()
        reindex(session, item.meeting)


def record_minutes(store: Store, *, meeting_id: str, minutes: MinutesInput) -> list[str]:
    """Save the whole verslag in one unit of work: notes, decisions, attendance, new and closed actions.

    Returns the UUIDs of the new action points. Any invalid part (an action without owner or date …)
    saves nothing.
    """
    with store.session() as session:
        meeting = load_meeting(session, meeting_id)
        items = {i.uuid: i for i in meeting.items}
        for entry in minutes.items:
            if entry.item_id not in items:
                raise ValidationError(_("The agenda changed meanwhile; reload and try again."), field="items")
            items[entry.item_id].notes = entry.notes.strip()
            items[entry.item_id].decisions = entry.decisions.strip()
        people = {p.uuid: p for p in meeting.participants}
        for participant_id, attendance in minutes.attendance.items():
            if participant_id not in people or attendance not in rules.ATTENDANCE:
                raise ValidationError(_("Choose present, excused, absent or invited."), field="attendance")
            person: MeetingParticipant = people[participant_id]
            person.attendance = attendance
        for action_id in minutes.done_actions:
            action = session.scalar(select(MeetingAction).where(MeetingAction.uuid == action_id))
            if action is None:
                raise NotFoundError(_("This action point does not exist (any more)."))
            action.status = "done"
            action.closed_at = utcnow()
            follow_action_status(session, followup_uuid=action.followup_uuid, action_status=action.status)
        created = [_add_action(session, meeting, a).uuid for a in minutes.new_actions]
        if minutes.mark_held and meeting.status == "planned":
            meeting.status = "held"
        session.flush()
        reindex(session, meeting)
        return created


def print_minutes(store: Store, *, meeting_id: str, audience: str = "internal", path: Path,
                  on: dt.date | None = None) -> Path:
    """Write the minutes PDF for one audience and log the print in the audit trail."""
    from brugapp.printing.minutes import write_minutes

    with store.session() as session:
        sheet = build_sheet(session, load_meeting(session, meeting_id), audience, on=on)
        write_minutes(path, sheet)
        audit(session, action="print", subject_kind="meeting_minutes", subject_uuid=meeting_id, audience=audience)
    return path
