"""Retention: families without activity for N school years, listed for review; anonymise or erase them.

- ``families_for_review`` lists them with their last activity (the rule: ``domain/retention.py``);
- ``anonymise_family`` keeps the file only as counts for the year reports: names, notes, contact details,
  members and the search entries go; dates, channels, themes, referral types and outcomes stay;
- ``erase_family`` removes the family from every table and from the search index.
Both are one unit of work, are written to the audit trail (never the name) and say what remains in
older backups and until when.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, delete, func, or_, select, text, update
from sqlalchemy.orm import Session

from brugapp.domain.plausible_dates import LOCAL_ZONE, local_today
from brugapp.domain.retention import (
    ANONYMISED_NAME,
    MAX_SCHOOL_YEARS,
    MIN_SCHOOL_YEARS,
    backups_clear_on,
    review_cutoff,
)
from brugapp.errors import ValidationError
from brugapp.i18n import _, format_date
from brugapp.services.audit import record_audit
from brugapp.services.families.families import family_by_uuid
from brugapp.store import Store
from brugapp.store.base import utcnow
from brugapp.store.models import Draft, Family
from brugapp.store.models.meetings import Meeting, MeetingFamily, MeetingParticipant, MeetingSeries
from brugapp.store.models.notebook import ContactMoment, ContactParticipant, FamilyMember, RightCheck
from brugapp.store.models.referrals import Consent, ContactAttempt, FollowUp, Referral, ReferralEvent
from brugapp.store.search_index import unindex_records


@dataclass(frozen=True)
class ReviewCandidate:
    id: str
    display_name: str
    last_activity: dt.date
    archived: bool


@dataclass(frozen=True)
class RetentionResult:
    family_id: str
    action: str  # "anonymised" or "erased"
    backups_until: dt.date  # older backups still hold the family until this day
    message: str  # translated: what was done and what remains where


def _day(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])  # SQLite hands back text for an aggregate


@dataclass(frozen=True)
class _Source:
    """One place where something happens in a family's file: its family column, its moment, its joins."""

    family: Any
    moment: Any
    shape: Callable[[Any], Any] = lambda query: query  # joins and filters on top of ``select(...)``


def _sources() -> tuple[_Source, ...]:
    live_contacts = ContactMoment.deleted_at.is_(None)
    return (
        _Source(Family.id, Family.updated_at),
        _Source(FamilyMember.family_id, FamilyMember.updated_at),
        _Source(ContactMoment.family_id, ContactMoment.occurred_at, lambda q: q.where(live_contacts)),
        _Source(ContactParticipant.family_id, ContactMoment.occurred_at, lambda q: q.join(
            ContactMoment, ContactMoment.id == ContactParticipant.contact_id).where(live_contacts)),
        _Source(Referral.family_id, Referral.updated_at),
        _Source(Referral.family_id, ReferralEvent.at,
                lambda q: q.join(ReferralEvent, ReferralEvent.referral_id == Referral.id)),
        _Source(FollowUp.family_id, FollowUp.updated_at),
        _Source(FollowUp.family_id, FollowUp.due),  # a check planned ahead keeps the file active
        _Source(Consent.family_id, Consent.updated_at),
        _Source(ContactAttempt.family_id, ContactAttempt.at),
        _Source(RightCheck.family_id, RightCheck.updated_at),
        _Source(MeetingFamily.family_id, Meeting.starts_at,
                lambda q: q.join(Meeting, Meeting.id == MeetingFamily.meeting_id)),
    )


def _since(source: _Source, cutoff: dt.date) -> object:
    """The cutoff in the moment column's own type: a date, or the first instant of that Brussels day."""
    if isinstance(source.moment.type, Date):
        return cutoff
    return dt.datetime.combine(cutoff, dt.time(0), tzinfo=LOCAL_ZONE)


def _active_since(session: Session, cutoff: dt.date) -> set[int]:
    """Families with any activity on or after ``cutoff``: only ids cross, so 10,000 families stay cheap."""
    active: set[int] = set()
    for source in _sources():
        query = source.shape(select(source.family).distinct()).where(source.moment >= _since(source, cutoff))
        active.update(pk for pk in session.scalars(query) if pk is not None)
    return active


def last_activity_by_family(session: Session, family_pks: Iterable[int]) -> dict[int, dt.date]:
    """The day of the latest activity of each of these families (the few listed for review)."""
    latest: dict[int, dt.date] = {}
    pks = list(family_pks)
    for start in range(0, len(pks), 500):
        chunk = pks[start:start + 500]
        for source in _sources():
            query = (source.shape(select(source.family, func.max(source.moment)))
                     .where(source.family.in_(chunk)).group_by(source.family))
            for family_pk, moment in session.execute(query):
                day = _day(moment)
                if day is not None and day > latest.get(family_pk, dt.date.min):
                    latest[family_pk] = day
    return latest


def check_school_years(value: object) -> int:
    try:
        years = int(str(value))
    except ValueError:
        years = 0
    if not MIN_SCHOOL_YEARS <= years <= MAX_SCHOOL_YEARS:
        raise ValidationError(_("Retention: give a number of school years from {low} to {high}.").format(
            low=MIN_SCHOOL_YEARS, high=MAX_SCHOOL_YEARS), field="school_years")
    return years


def families_for_review(store: Store, *, school_years: int, today: dt.date | None = None) -> list[ReviewCandidate]:
    """Families (also archived ones) with no activity for ``school_years`` school years, oldest first."""
    cutoff = review_cutoff(today or local_today(), check_school_years(school_years))
    with store.read() as session:
        active = _active_since(session, cutoff)
        families = [row for row in session.execute(
            select(Family.id, Family.uuid, Family.display_name, Family.archived_at)
            .where(Family.display_name != ANONYMISED_NAME)) if row[0] not in active]
        latest = last_activity_by_family(session, [row[0] for row in families])
    due = [ReviewCandidate(uuid, name, latest.get(pk, dt.date.min), archived is not None)
           for pk, uuid, name, archived in families]
    return sorted(due, key=lambda c: (c.last_activity, c.display_name.casefold()))


# -- anonymise ---------------------------------------------------------------------------------
def _searchable_uuids(session: Session, family: Family) -> set[str]:
    uuids = {family.uuid}
    uuids |= set(session.scalars(select(FamilyMember.uuid).where(FamilyMember.family_id == family.id)))
    uuids |= set(session.scalars(select(ContactMoment.uuid).where(ContactMoment.family_id == family.id)))
    uuids |= set(session.scalars(select(Referral.uuid).where(Referral.family_id == family.id)))
    uuids |= set(session.scalars(select(FollowUp.uuid).where(FollowUp.family_id == family.id)))
    uuids |= set(session.scalars(select(Consent.uuid).where(Consent.family_id == family.id)))
    return uuids


def _forget_in_index(session: Session, family: Family) -> None:
    unindex_records(session, ref_uuids=sorted(_searchable_uuids(session, family)))
    # Anything else indexed under the family (kinds added later) goes too.
    session.execute(text("DELETE FROM search_index WHERE family_uuid = :family"), {"family": family.uuid})
    # A half-typed quick log about the family (kept as JSON with its id) would otherwise survive it.
    session.execute(delete(Draft).where(Draft.payload.contains(family.uuid)))


def _blank_texts(session: Session, family: Family) -> None:
    pk = family.id
    referral_ids = select(Referral.id).where(Referral.family_id == pk)
    session.execute(update(ContactMoment).where(ContactMoment.family_id == pk).values(note=""))
    session.execute(delete(ContactParticipant).where(ContactParticipant.family_id == pk))
    session.execute(update(Referral).where(Referral.family_id == pk).values(
        question="", tried="", receiving_worker="", decline_reason="", feedback_text=""))
    session.execute(update(ReferralEvent).where(ReferralEvent.referral_id.in_(referral_ids)).values(text=""))
    session.execute(update(FollowUp).where(FollowUp.family_id == pk).values(title="-", owner="", note=""))
    session.execute(update(Consent).where(Consent.family_id == pk).values(
        given_by_name="", withheld="", note="", withdrawal_note="", subject_member_id=None))
    # Attempts to reach a service's contact person about this family's referral or follow-up keep their
    # date (the reachability of the service), never their note.
    followup_ids = select(FollowUp.id).where(FollowUp.family_id == pk)
    session.execute(update(ContactAttempt).where(or_(
        ContactAttempt.family_id == pk, ContactAttempt.referral_id.in_(referral_ids),
        ContactAttempt.followup_id.in_(followup_ids))).values(note=""))
    session.execute(update(RightCheck).where(RightCheck.family_id == pk).values(note=""))
    session.execute(update(MeetingParticipant).where(MeetingParticipant.family_id == pk).values(
        name="-", email="", family_id=None))
    session.execute(update(MeetingSeries).where(MeetingSeries.family_id == pk).values(family_id=None))
    # Children stay as a school and a school year (the per-school figures count through them), nameless;
    # everybody else goes.
    others = select(FamilyMember.id).where(FamilyMember.family_id == pk, FamilyMember.role != "child")
    session.execute(update(ContactParticipant).where(ContactParticipant.member_id.in_(others)).values(member_id=None))
    session.execute(delete(FamilyMember).where(FamilyMember.family_id == pk, FamilyMember.role != "child"))
    session.execute(update(FamilyMember).where(FamilyMember.family_id == pk).values(
        first_name="-", last_name="", birth_year=None, phone="", email="", class_name=""))


def _result(family_uuid: str, action: str, today: dt.date, done: str) -> RetentionResult:
    until = backups_clear_on(today)
    message = _("{done} Backups made before today still hold the family until {date}; they are encrypted and "
                "rotate out by themselves. Meeting notes and minutes that mention the family by name are not "
                "changed: check them.").format(done=done, date=format_date(until))
    return RetentionResult(family_uuid, action, until, message)


def anonymise_family(store: Store, *, family_id: str, today: dt.date | None = None) -> RetentionResult:
    """Keep the family only as counts: every name, note and contact detail is removed, all at once."""
    day = today or local_today()
    with store.session() as session:
        family = family_by_uuid(session, family_id)
        _forget_in_index(session, family)
        _blank_texts(session, family)
        family.display_name = ANONYMISED_NAME
        family.reference_person = family.other_services = family.note = ""
        family.interpreter_needed = False
        family.preferred_channel = family.literacy = ""
        family.archived_at = family.archived_at or utcnow()
        record_audit(session, action="anonymise", subject_kind="family", subject_uuid=family.uuid,
                             detail="retention")
    return _result(family_id, "anonymised", day, _("The family was anonymised: it only counts in the figures."))


def erase_family(store: Store, *, family_id: str, today: dt.date | None = None) -> RetentionResult:
    """Remove the family from every table and the search index, all at once."""
    day = today or local_today()
    with store.session() as session:
        family = family_by_uuid(session, family_id)
        _forget_in_index(session, family)
        _blank_texts(session, family)  # rows kept by SET NULL (meeting participants) lose the name first
        session.execute(delete(ContactMoment).where(ContactMoment.family_id == family.id))
        session.execute(delete(FollowUp).where(FollowUp.referral_id.in_(
            select(Referral.id).where(Referral.family_id == family.id))))
        session.delete(family)  # the database cascades to members, consents, referrals, follow-ups …
        record_audit(session, action="erase", subject_kind="family", subject_uuid=family_id,
                             detail="retention")
    return _result(family_id, "erased", day, _("The family was erased from this notebook."))
