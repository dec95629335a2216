"""Where overleg meets the other capabilities: consent, follow-ups, children's schools, the sociale kaart.

Every call into another capability goes through one small function here, so the meeting services
depend on a handful of named entry points rather than on the other capabilities' tables.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from brugapp.domain.clock import today_local
from brugapp.domain.followups import FollowUpStatus
from brugapp.services.referrals.consent import check_consent_in_session, consent_facts
from brugapp.services.referrals.followups import create_followup_in_session, set_followup_status_in_session
from brugapp.store.models.kaart import KaartContact
from brugapp.store.models.notebook import ContactMoment, FamilyMember
from brugapp.store.models.referrals import FollowUp


@dataclass(frozen=True)
class ConsentAnswer:
    allowed: bool
    reason: str  # msgid; translate when shown


def consent_in_session(
    session: Session, *, family_pk: int, recipient_kind: str, recipient_uuid: str, purpose: str,
    on: dt.date | None = None,
) -> ConsentAnswer:
    """Ask the consent capability (the rule lives in domain/consent.py, never here)."""
    decision = check_consent_in_session(
        session, family_pk=family_pk, recipient_kind=recipient_kind, recipient_uuid=recipient_uuid,
        purpose=purpose, on=on,
    )
    return ConsentAnswer(bool(decision.allowed), str(decision.reason))


def family_has_any_consent(session: Session, *, family_pk: int, on: dt.date | None = None) -> bool:
    """Is any consent valid today on file for this family (for the 'no consent' warning)?"""
    day = on or today_local()
    return any(fact.state_on(day) == "valid" for fact in consent_facts(session, family_pk=family_pk))


def create_followup(
    session: Session, *, title: str, due: dt.date, owner: str, family_pk: int | None, meeting_uuid: str,
    note: str = "",
) -> str:
    """A follow-up for an action point, owned by the person named, linked to the meeting."""
    return create_followup_in_session(
        session, title=title, due=due, owner=owner, family_pk=family_pk, meeting_uuid=meeting_uuid, note=note,
    )


# An action point's status → the status of the follow-up it made.
_FOLLOWUP_OF_ACTION = {"open": FollowUpStatus.PLANNED, "done": FollowUpStatus.DONE,
                       "dropped": FollowUpStatus.NOT_NEEDED}


def follow_action_status(session: Session, *, followup_uuid: str, action_status: str) -> None:
    """Keep the follow-up of an action point in step with it: closed when the action is, open again when it is."""
    if followup_uuid and session.scalar(select(FollowUp.id).where(FollowUp.uuid == followup_uuid)) is not None:
        # (a follow-up erased with its family leaves the action point without one)
        set_followup_status_in_session(session, followup_id=followup_uuid,
                                       status=_FOLLOWUP_OF_ACTION[action_status])


def schools_of_children(session: Session) -> dict[int, set[int]]:
    """family pk -> school pks of its members (children carry their school in the notebook)."""
    result: dict[int, set[int]] = {}
    rows = session.execute(
        select(FamilyMember.family_id, FamilyMember.school_id).where(FamilyMember.school_id.is_not(None))
    ).all()
    for family_pk, school_pk in rows:
        if school_pk is not None:  # always true (see the WHERE); tells the type checker
            result.setdefault(family_pk, set()).add(school_pk)
    return result


def families_active_since(session: Session, since: dt.datetime) -> set[int]:
    """Families with a contact moment since ``since`` (the notebook)."""
    rows = session.scalars(
        select(ContactMoment.family_id).where(
            ContactMoment.family_id.is_not(None), ContactMoment.occurred_at >= since,
            ContactMoment.deleted_at.is_(None),
        )
    ).all()
    return {pk for pk in rows if pk is not None}  # never None (see the WHERE)


@dataclass(frozen=True)
class KaartPerson:
    uuid: str
    name: str
    role: str
    organisation: str
    organisation_uuid: str
    email: str


def kaart_people(session: Session) -> list[KaartPerson]:
    """Contact persons of the sociale kaart, to invite or to speak at an event. Their organisations are read in one
    go with them: one look-up per person made the participant dialog wait 0.2 s on a busy map (500 people)."""
    contacts = session.scalars(select(KaartContact).order_by(KaartContact.name)
                               .options(selectinload(KaartContact.organization))).all()
    return [
        KaartPerson(c.uuid, c.name, c.title, c.organization.name if c.organization else "",
                    c.organization.uuid if c.organization else "", c.email)
        for c in contacts
    ]


def family_member_names(session: Session, family_pk: int) -> list[str]:
    """Names of a family's members, so a sheet that must not name the family can scrub them too."""
    rows = session.execute(
        select(FamilyMember.first_name, FamilyMember.last_name).where(FamilyMember.family_id == family_pk)
    ).all()
    return [f"{first} {last}".strip() for first, last in rows]
