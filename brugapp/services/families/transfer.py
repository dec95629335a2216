"""School change (*overdracht*): a child moves to another school.

``change_school`` keeps the school history (the old school's line is closed, the new one opened, all in one
unit of work); ``print_transfer_sheet`` prints the overdrachtsfiche for the receiving school with only what the
parents (or the youth, from 12) consented to share with that school: the full version needs consent to share
details, the status-only version consent to share the status. Situations the family or the youth kept from the
school never appear (``domain/situations.py``); the parents' contact always does (``domain/parent_contact.py``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.domain.consent import Purpose, RecipientKind, SheetField, fields_allowed, mentions_withheld
from brugapp.domain.overviews import brussels_today, question_fits_school_sheet
from brugapp.domain.parent_contact import ParentContact
from brugapp.domain.referrals import CLOSED
from brugapp.domain.schoolyear import SchoolYear
from brugapp.domain.situations import SITUATION_KINDS, Audience
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _
from brugapp.services.audit import record_audit
from brugapp.services.families.parent_contact import parent_contacts
from brugapp.services.families.situations import disclosed_situations
from brugapp.services.referrals.consent import ConsentRefused, check_consent_in_session
from brugapp.store import Store
from brugapp.store.models import Family, School
from brugapp.store.models.notebook import FamilyMember, SchoolContact
from brugapp.store.models.referrals import Referral
from brugapp.store.models.situations import SchoolHistory


@dataclass(frozen=True)
class SchoolStint:
    school_id: str
    school_label: str
    from_on: dt.date | None
    until_on: dt.date | None
    class_name: str


def _member(session: Session, member_id: str) -> FamilyMember:
    member = session.scalar(select(FamilyMember).where(FamilyMember.uuid == member_id))
    if member is None:
        raise NotFoundError(_("No family member with id {id}.").format(id=member_id))
    return member


def _school(session: Session, school_id: str) -> School:
    school = session.scalar(select(School).where(School.uuid == school_id))
    if school is None:
        raise ValidationError(_("School: this school does not exist (any more)."), field="school")
    return school


def _stints(session: Session, member: FamilyMember) -> list[SchoolStint]:
    rows = session.execute(
        select(SchoolHistory, School.uuid).outerjoin(School, School.id == SchoolHistory.school_id)
        .where(SchoolHistory.member_id == member.id).order_by(SchoolHistory.id)).all()
    return [SchoolStint(uuid or "", h.school_label, h.from_on, h.until_on, h.class_name) for h, uuid in rows]


def school_history(store: Store, *, member_id: str) -> list[SchoolStint]:
    """The schools a child attended, oldest first; the current school last (until: empty)."""
    with store.read() as session:
        return _stints(session, _member(session, member_id))


def change_school(store: Store, *, member_id: str, school_id: str, on: dt.date, class_name: str = ""
                  ) -> list[SchoolStint]:
    """Move a child to another school from ``on``; the history keeps both schools."""
    with store.session() as session:
        member = _member(session, member_id)
        if member.role != "child":
            raise ValidationError(_("Only a child changes school."), field="member")
        new_school = _school(session, school_id)
        if member.school_id == new_school.id:
            raise ValidationError(_("{name} already goes to this school.").format(name=member.first_name),
                                  field="school")
        open_line = session.scalar(select(SchoolHistory).where(
            SchoolHistory.member_id == member.id, SchoolHistory.until_on.is_(None)).order_by(SchoolHistory.id.desc()))
        if open_line is None and member.school_id is not None:
            old = session.get(School, member.school_id)
            open_line = SchoolHistory(member_id=member.id, school_id=member.school_id,
                                      school_label=old.label if old else "", class_name=member.class_name)
            session.add(open_line)
        if open_line is not None:
            if open_line.from_on is not None and on <= open_line.from_on:
                raise ValidationError(_("The change date lies before the start at the previous school."),
                                      field="on")
            open_line.until_on = on - dt.timedelta(days=1)
        session.add(SchoolHistory(member_id=member.id, school_id=new_school.id, school_label=new_school.label,
                                  from_on=on, class_name=class_name.strip()[:40]))
        member.school_id = new_school.id
        member.class_name = class_name.strip()[:40]
        member.school_year = SchoolYear.of(on).label
        session.flush()
        return _stints(session, member)


@dataclass(frozen=True)
class TransferSheetData:
    """What the overdrachtsfiche carries, already filtered by consent and disclosure."""

    child_name: str
    class_name: str
    school_label: str  # the receiving school
    school_contacts: tuple[tuple[str, str, str, str], ...]  # role, name, phone, e-mail
    previous_schools: tuple[SchoolStint, ...]
    started_on: dt.date | None
    parents: tuple[ParentContact, ...]  # whom in the family to call (domain/parent_contact.py)
    services: tuple[tuple[str, str, str], ...]  # service ("" on a status-only sheet), status code, question
    situations: tuple[tuple[str, str, dt.date, dt.date | None], ...]  # kind, description, from, until
    status_only: bool
    sender_name: str
    sender_phone: str
    sender_email: str
    printed_on: dt.date


def _services(session: Session, member: FamilyMember, decision: object, *, status_only: bool
              ) -> tuple[tuple[str, str, str], ...]:
    """Open referrals: the status always; the service, and a question about school itself, only on the full sheet."""
    rows = []
    for referral in session.scalars(select(Referral).where(Referral.family_id == member.family_id,
                                                           Referral.mandated.is_(False),
                                                           Referral.status.not_in(CLOSED)).order_by(Referral.id)):
        service = "" if status_only else referral.service_label
        shows_question = not status_only and question_fits_school_sheet(referral.theme) and fields_allowed(
            decision, SheetField.QUESTION, sharing_level=referral.sharing, value=referral.question)  # type: ignore[arg-type]
        question = referral.question if shows_question else ""
        rows.append((service, referral.status, question))
    return tuple(rows)


def print_transfer_sheet(store: Store, *, member_id: str, out: Path, status_only: bool = False,
                         sender_name: str = "", sender_phone: str = "", sender_email: str = "",
                         on: dt.date | None = None) -> TransferSheetData:
    """Print the overdrachtsfiche for the child's current (receiving) school; refused without consent."""
    from brugapp.printing.transfer_sheet import write_transfer_sheet

    day = on or brussels_today()
    with store.session() as session:
        member = _member(session, member_id)
        school = session.get(School, member.school_id) if member.school_id else None
        if school is None:
            raise ValidationError(_("First record the new school (school change)."), field="school")
        purpose = Purpose.SHARE_STATUS if status_only else Purpose.SHARE_DETAILS
        decision = check_consent_in_session(session, family_pk=member.family_id, recipient_kind=RecipientKind.SCHOOL,
                                            recipient_uuid=school.uuid, purpose=purpose, on=day,
                                            subject_member_uuid=member.uuid)
        if not decision.allowed:
            raise ConsentRefused(_("Not printed: {reason}").format(reason=_(decision.reason)))
        # The decision above is for this child already; a situation naming what the family withheld stays out.
        situations = () if status_only else tuple(
            (v.kind, v.description if fields_allowed(decision, SheetField.NOTES, value=v.description) else "",
             v.from_on, v.until_on)
            for v in disclosed_situations(session, family_pk=member.family_id, audience=Audience.SCHOOL,
                                          consent_allows=lambda _member: True, on=day, member_id=member.uuid)
            if not mentions_withheld(decision, f"{SITUATION_KINDS.get(v.kind).label} {SITUATION_KINDS.label(v.kind)}"))
        stints = _stints(session, member)
        family = session.get(Family, member.family_id)
        assert family is not None
        giver = decision.consent.given_by_name if decision.consent else ""
        parents = parent_contacts(session, family_pk=member.family_id, audience=Audience.SCHOOL, giver_name=giver)
        contacts = session.scalars(select(SchoolContact).where(SchoolContact.school_id == school.id)
                                   .order_by(SchoolContact.role, SchoolContact.name)).all()
        data = TransferSheetData(
            child_name=f"{member.first_name} {member.last_name}".strip(), class_name=member.class_name,
            school_label=school.label,
            school_contacts=tuple((c.role, c.name, c.phone, c.email) for c in contacts),
            previous_schools=tuple(s for s in stints if s.until_on is not None),
            started_on=stints[-1].from_on if stints else None,
            parents=parents,
            services=_services(session, member, decision, status_only=status_only),
            situations=situations, status_only=status_only,
            sender_name=sender_name or family.reference_person, sender_phone=sender_phone, sender_email=sender_email,
            printed_on=day)
        write_transfer_sheet(out, data)
        record_audit(session, action="print", subject_kind="transfer_sheet", subject_uuid=member.uuid,
                     audience=school.label[:80], detail="status_only" if status_only else "full")
        return data
