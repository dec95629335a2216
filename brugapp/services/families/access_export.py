"""Access export per family (GDPR art. 15): everything the notebook holds about one family, PDF or JSON.

One collection (``collect_access``) feeds both formats, so the PDF and the JSON can never disagree. It is
for the family itself: nothing is filtered by consent or sharing level, private notes included, and the
audit trail lists to whom something about them was printed or exported. Times are Brussels wall time.
The export is written to the audit trail (never its content).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from brugapp.domain import consent as consent_vocab
from brugapp.domain import followups as followup_vocab
from brugapp.domain import meetings as meeting_vocab
from brugapp.domain import notebook as notebook_vocab
from brugapp.domain import referrals as referral_vocab
from brugapp.domain.plausible_dates import local_today
from brugapp.domain.sharing import SHARING_LEVELS
from brugapp.domain.themes import THEMES
from brugapp.errors import ValidationError
from brugapp.i18n import N_, _
from brugapp.printing.access_export import AccessSection, write_access_pdf
from brugapp.services.audit import record_audit
from brugapp.services.families.families import family_by_uuid
from brugapp.store import Store
from brugapp.store.models import AuditEntry, Family, School
from brugapp.store.models.meetings import Meeting, MeetingFamily, MeetingParticipant
from brugapp.store.models.notebook import ContactMoment, ContactParticipant, FamilyMember, RightCheck
from brugapp.store.models.referrals import Consent, ContactAttempt, FollowUp, Referral, ReferralEvent

LOCAL_ZONE = ZoneInfo("Europe/Brussels")
FORMAT = "brugapp-access-export"
VERSION = 1


@dataclass(frozen=True)
class AccessExport:
    family_id: str
    family_name: str
    made_on: dt.date
    sections: tuple[AccessSection, ...]

    def as_json(self) -> dict[str, object]:
        return {"format": FORMAT, "version": VERSION, "family_id": self.family_id, "made_on": self.made_on.isoformat(),
                **{s.key: [dict(zip(s.fields, row, strict=True)) for row in s.rows] for s in self.sections}}


def _when(value: dt.datetime | None) -> str:
    return value.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M") if value else ""


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _yes(value: bool) -> str:
    return _("yes") if value else _("no")


Column = tuple[str, str, Callable[[Any], str]]  # JSON key, label msgid, value from the record


def _section(key: str, title: str, columns: Iterable[Column], records: Iterable[Any]) -> AccessSection:
    cols = list(columns)
    rows = tuple(tuple(get(record) for _key, _label, get in cols) for record in records)
    return AccessSection(key, _(title), tuple(c[0] for c in cols), tuple(_(c[1]) for c in cols), rows)


def _family_section(family: Family) -> AccessSection:
    return _section("family", N_("The family"), [
        ("name", N_("Family name"), lambda f: f.display_name),
        ("language", N_("Language"), lambda f: notebook_vocab.LANGUAGES.label(f.preferred_language)),
        ("interpreter_needed", N_("Interpreter needed"), lambda f: _yes(f.interpreter_needed)),
        ("reads_letters", N_("Reads letters"), lambda f: _yes(f.reads_letters)),
        ("literacy", N_("Literacy"), lambda f: notebook_vocab.LITERACY.label(f.literacy) if f.literacy else ""),
        ("preferred_channel", N_("Preferred channel"),
         lambda f: notebook_vocab.PREFERRED_CHANNELS.label(f.preferred_channel) if f.preferred_channel else ""),
        ("reference_person", N_("Reference person"), lambda f: f.reference_person),
        ("other_services", N_("Other services"), lambda f: "; ".join(f.other_services.splitlines())),
        ("note", N_("Note"), lambda f: f.note),
        ("note_sharing", N_("Sharing"), lambda f: SHARING_LEVELS.label(f.note_sharing)),
        ("recorded_at", N_("Recorded on"), lambda f: _when(f.created_at)),
        ("changed_at", N_("Last changed"), lambda f: _when(f.updated_at)),
    ], [family])


def _members(session: Session, family: Family) -> AccessSection:
    members = session.scalars(select(FamilyMember).where(FamilyMember.family_id == family.id)
                              .order_by(FamilyMember.id)).all()
    schools = {s.id: s.label for s in session.scalars(select(School))} if members else {}
    return _section("members", N_("Family members"), [
        ("id", N_("Id"), lambda m: m.uuid),
        ("role", N_("Role"), lambda m: notebook_vocab.MEMBER_ROLES.label(m.role)),
        ("first_name", N_("First name"), lambda m: m.first_name),
        ("last_name", N_("Last name"), lambda m: m.last_name),
        ("birth_year", N_("Year of birth"), lambda m: str(m.birth_year or "")),
        ("phone", N_("Phone"), lambda m: m.phone),
        ("email", N_("E-mail"), lambda m: m.email),
        ("school", N_("School"), lambda m: schools.get(m.school_id, "") if m.school_id else ""),
        ("class", N_("Class"), lambda m: m.class_name),
        ("school_year", N_("School year"), lambda m: m.school_year),
    ], members)


def _contacts(session: Session, family: Family) -> AccessSection:
    as_participant = select(ContactParticipant.contact_id).where(ContactParticipant.family_id == family.id)
    contacts = session.scalars(select(ContactMoment).where(
        ContactMoment.deleted_at.is_(None),
        or_(ContactMoment.family_id == family.id, ContactMoment.id.in_(as_participant)))
        .order_by(ContactMoment.occurred_at)).all()
    return _section("contacts", N_("Contact moments"), [
        ("at", N_("When"), lambda c: _when(c.occurred_at)),
        ("channel", N_("Channel"), lambda c: notebook_vocab.CHANNELS.label(c.channel)),
        ("initiative", N_("Initiative"), lambda c: notebook_vocab.INITIATIVES.label(c.initiative)),
        ("themes", N_("Themes"), lambda c: ", ".join(THEMES.label(t.theme) for t in c.themes)),
        ("note", N_("Note"), lambda c: c.note),
        ("sharing", N_("Sharing"), lambda c: SHARING_LEVELS.label(c.sharing)),
        ("follow_up_on", N_("Follow-up date"), lambda c: _day(c.follow_up_on)),
    ], contacts)


def _rights(session: Session, family: Family) -> AccessSection:
    checks = session.scalars(select(RightCheck).where(RightCheck.family_id == family.id)).all()
    return _section("rights", N_("Rights check"), [
        ("benefit", N_("Benefit"), lambda r: notebook_vocab.BENEFITS.label(r.benefit)),
        ("status", N_("Status"), lambda r: notebook_vocab.RIGHT_STATUSES.label(r.status)),
        ("since", N_("Since"), lambda r: _day(r.status_on)),
        ("note", N_("Note"), lambda r: r.note),
    ], checks)


def _consents(session: Session, family: Family) -> AccessSection:
    consents = session.scalars(select(Consent).where(Consent.family_id == family.id).order_by(Consent.given_on)).all()
    return _section("consents", N_("Consents"), [
        ("recipient", N_("Recipient"), lambda c: c.recipient_label),
        ("purposes", N_("Purposes"), lambda c: ", ".join(consent_vocab.PURPOSES.label(p) for p in c.purposes.split())),
        ("given_by", N_("Given by"), lambda c: " ".join(
            p for p in (consent_vocab.GIVERS.label(c.given_by), c.given_by_name) if p)),
        ("method", N_("How"), lambda c: consent_vocab.METHODS.label(c.method)),
        ("given_on", N_("Given on"), lambda c: _day(c.given_on)),
        ("valid_until", N_("Valid until"), lambda c: _day(c.valid_until)),
        ("withdrawn_on", N_("Withdrawn on"), lambda c: _day(c.withdrawn_on)),
        ("withheld", N_("Not to be passed on"), lambda c: c.withheld),
        ("note", N_("Note"), lambda c: " ".join(p for p in (c.note, c.withdrawal_note) if p)),
    ], consents)


def _referrals(session: Session, family: Family) -> tuple[AccessSection, AccessSection]:
    referrals = session.scalars(select(Referral).where(Referral.family_id == family.id)
                                .order_by(Referral.referred_on)).all()
    events = session.scalars(select(ReferralEvent).where(ReferralEvent.referral_id.in_([r.id for r in referrals]))
                             .order_by(ReferralEvent.at)).all() if referrals else []
    labels = {r.id: r.service_label for r in referrals}
    return _section("referrals", N_("Referrals"), [
        ("referred_on", N_("Referred on"), lambda r: _day(r.referred_on)),
        ("service", N_("Service"), lambda r: r.service_label),
        ("theme", N_("Theme"), lambda r: THEMES.label(r.theme) if r.theme else ""),
        ("question", N_("Question"), lambda r: r.question),
        ("tried", N_("What has been tried"), lambda r: r.tried),
        ("intensity", N_("Intensity"), lambda r: referral_vocab.INTENSITIES.label(r.intensity)),
        ("status", N_("Status"), lambda r: referral_vocab.STATUSES.label(r.status)),
        ("outcome", N_("Outcome"), lambda r: referral_vocab.OUTCOMES.label(r.outcome) if r.outcome else ""),
        ("appointment_at", N_("Appointment"), lambda r: _when(r.appointment_at)),
        ("receiving_worker", N_("Receiving worker"), lambda r: r.receiving_worker),
        ("feedback", N_("Feedback"), lambda r: r.feedback_text),
        ("decline_reason", N_("Reason"), lambda r: r.decline_reason),
    ], referrals), _section("referral_history", N_("Referral history"), [
        ("at", N_("When"), lambda e: _when(e.at)),
        ("service", N_("Service"), lambda e: labels.get(e.referral_id, "")),
        ("event", N_("What happened"), lambda e: referral_vocab.EVENT_KINDS.label(e.kind)),
        ("text", N_("Text"), lambda e: e.text),
    ], events)


def _followups(session: Session, family: Family) -> tuple[AccessSection, AccessSection]:
    followups = session.scalars(select(FollowUp).where(FollowUp.family_id == family.id).order_by(FollowUp.due)).all()
    attempts = session.scalars(select(ContactAttempt).where(ContactAttempt.family_id == family.id)
                               .order_by(ContactAttempt.at)).all()
    return _section("followups", N_("Follow-ups"), [
        ("due", N_("Due date"), lambda f: _day(f.due)),
        ("title", N_("What"), lambda f: f.title),
        ("owner", N_("Owner"), lambda f: f.owner),
        ("status", N_("Status"), lambda f: followup_vocab.FOLLOWUP_STATUSES.label(f.status)),
        ("note", N_("Note"), lambda f: f.note),
    ], followups), _section("attempts", N_("Attempts to reach the family"), [
        ("at", N_("When"), lambda a: _when(a.at)),
        ("channel", N_("Channel"), lambda a: followup_vocab.CHANNELS.label(a.channel)),
        ("answered", N_("Answered"), lambda a: _yes(a.answered)),
        ("note", N_("Note"), lambda a: a.note),
    ], attempts)


def _meetings(session: Session, family: Family) -> AccessSection:
    linked = select(MeetingFamily.meeting_id).where(MeetingFamily.family_id == family.id)
    present = select(MeetingParticipant.meeting_id).where(MeetingParticipant.family_id == family.id)
    meetings = session.scalars(select(Meeting).where(or_(Meeting.id.in_(linked), Meeting.id.in_(present)))
                               .order_by(Meeting.starts_at)).all()
    return _section("meetings", N_("Meetings about the family"), [
        ("at", N_("When"), lambda m: _when(m.starts_at)),
        ("title", N_("Title"), lambda m: m.title),
        ("type", N_("Kind of meeting"), lambda m: meeting_vocab.MEETING_TYPES.label(m.meeting_type)),
    ], meetings)


def _shared(session: Session, family: Family) -> AccessSection:
    """Prints and exports about the family or its records: the recipients art. 15 asks for."""
    refs = {family.uuid}
    for model in (Referral, Consent, FollowUp, ContactMoment):
        refs |= set(session.scalars(select(model.uuid).where(model.family_id == family.id)))
    entries = session.scalars(select(AuditEntry).where(AuditEntry.subject_uuid.in_(refs)).order_by(AuditEntry.id)).all()
    return _section("shared", N_("Printed or exported, and for whom"), [
        ("at", N_("When"), lambda a: _when(a.at)),
        ("action", N_("What"), lambda a: a.action),
        ("recipient", N_("For whom"), lambda a: a.audience),
    ], entries)


def collect_access(session: Session, family: Family, *, made_on: dt.date) -> AccessExport:
    sections = (_family_section(family), _members(session, family), _contacts(session, family),
                _rights(session, family), _consents(session, family), *_referrals(session, family),
                *_followups(session, family), _meetings(session, family), _shared(session, family))
    return AccessExport(family.uuid, family.display_name, made_on, sections)


def export_access(store: Store, *, family_id: str, out: Path, today: dt.date | None = None) -> Path:
    """Write the access export as PDF (``.pdf``) or JSON (``.json``); the export itself goes into the audit trail."""
    kind = out.suffix.lower()
    if kind not in (".pdf", ".json"):
        raise ValidationError(_("Output: choose a file name ending in .pdf or .json."), field="out")
    day = today or local_today()
    with store.session() as session:
        family = family_by_uuid(session, family_id)
        export = collect_access(session, family, made_on=day)
        record_audit(session, action="export", subject_kind="family", subject_uuid=family.uuid,
                             audience=_("the family itself"), detail=f"access_export{kind}")
        session.flush()
        if kind == ".json":
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(export.as_json(), ensure_ascii=False, indent=2), encoding="utf-8")
        else:
            write_access_pdf(out, family_name=export.family_name, sections=export.sections, made_on=day)
    return out
