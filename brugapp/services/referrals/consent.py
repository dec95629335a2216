"""Consent (toestemming): record, withdraw, list and check.

The rule itself lives in ``domain/consent.py``; this module only turns stored records into
``ConsentFact``s and knows which broader recipients (organisation, service) a recipient belongs to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.domain.clock import today_local
from brugapp.domain.consent import (
    CONSENT_STATES,
    GIVERS,
    METHODS,
    PURPOSES,
    RECIPIENT_KINDS,
    ConsentDecision,
    ConsentFact,
    RecipientKind,
    giver_refusal,
    may_share,
)
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _
from brugapp.services.records import ListedRecord
from brugapp.store import Store
from brugapp.store.models import Family, School
from brugapp.store.models.kaart import KaartContact, KaartOrganization, KaartService
from brugapp.store.models.notebook import FamilyMember
from brugapp.store.models.referrals import Consent
from brugapp.store.models.school import school_label
from brugapp.store.plain_reads import driver_rows


@dataclass(frozen=True)
class Recipient:
    kind: str
    uuid: str
    label: str
    parents: tuple[tuple[str, str], ...] = ()  # broader recipients a consent may be given to


@dataclass(frozen=True)
class ConsentView:
    id: str
    family_id: str
    family_name: str
    subject_member_id: str
    subject_name: str
    recipient_kind: str
    recipient_id: str
    recipient_label: str
    purposes: tuple[str, ...]
    given_by: str
    given_by_name: str
    method: str
    given_on: dt.date
    valid_until: dt.date | None
    withdrawn_on: dt.date | None
    withheld: str
    note: str
    state: str  # valid | expired | withdrawn | not_yet (on the day of listing)


# -- recipients -------------------------------------------------------------------------------
def resolve_recipient(session: Session, *, kind: str, uuid: str) -> Recipient | None:
    """Label and broader recipients of a kaart organisation / service / contact or a school."""
    if kind == RecipientKind.SCHOOL:
        school = session.scalar(select(School).where(School.uuid == uuid))
        return Recipient(kind, uuid, school.label) if school else None
    if kind == RecipientKind.ORGANIZATION:
        org = session.scalar(select(KaartOrganization).where(KaartOrganization.uuid == uuid))
        return Recipient(kind, uuid, org.name) if org else None
    if kind == RecipientKind.SERVICE:
        service = session.scalar(select(KaartService).where(KaartService.uuid == uuid))
        if service is None:
            return None
        org = service.organization
        return Recipient(kind, uuid, f"{org.name} – {service.name}",
                         ((RecipientKind.ORGANIZATION, org.uuid),))
    if kind == RecipientKind.CONTACT:
        contact = session.scalar(select(KaartContact).where(KaartContact.uuid == uuid))
        if contact is None:
            return None
        parents: list[tuple[str, str]] = [(RecipientKind.ORGANIZATION, contact.organization.uuid)]
        if contact.service is not None:
            parents.append((RecipientKind.SERVICE, contact.service.uuid))
        return Recipient(kind, uuid, f"{contact.name} ({contact.organization.name})", tuple(parents))
    return None


def find_recipient(session: Session, uuid: str) -> Recipient | None:
    """A recipient by its uuid alone (the CLI's ``--for``): tries every kind."""
    for kind in (RecipientKind.SCHOOL, RecipientKind.CONTACT, RecipientKind.SERVICE, RecipientKind.ORGANIZATION):
        found = resolve_recipient(session, kind=kind, uuid=uuid)
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class RecipientChoice:
    kind: str
    id: str
    label: str


_SCHOOL_CHOICES_SQL = "SELECT uuid, name, site_name FROM schools ORDER BY name"
_ORGANISATION_CHOICES_SQL = "SELECT id, uuid, name FROM kaart_organizations ORDER BY name"
_SERVICE_CHOICES_SQL = "SELECT organization_id, uuid, name FROM kaart_services ORDER BY name"
_CONTACT_CHOICES_SQL = "SELECT organization_id, uuid, name FROM kaart_contacts ORDER BY name"


def recipient_choices(store: Store) -> list[RecipientChoice]:
    """Every possible recipient for the consent form: schools, organisations, services, contact persons; each
    organisation followed by its services and its contact persons. Plain rows: read through the ORM, with a
    look-up per organisation, the consent and referral sheet dialogs waited 0.4 s on a busy map."""
    with store.read() as session:
        schools = driver_rows(session, _SCHOOL_CHOICES_SQL)
        organisations = driver_rows(session, _ORGANISATION_CHOICES_SQL)
        services: dict[int, list[tuple[str, str]]] = {}
        for organisation_pk, uuid, name in driver_rows(session, _SERVICE_CHOICES_SQL):
            services.setdefault(organisation_pk, []).append((uuid, name))
        contacts: dict[int, list[tuple[str, str]]] = {}
        for organisation_pk, uuid, name in driver_rows(session, _CONTACT_CHOICES_SQL):
            contacts.setdefault(organisation_pk, []).append((uuid, name))
    choices = [RecipientChoice(RecipientKind.SCHOOL, uuid, school_label(name, site)) for uuid, name, site in schools]
    for organisation_pk, organisation_uuid, organisation in organisations:
        choices.append(RecipientChoice(RecipientKind.ORGANIZATION, organisation_uuid, organisation))
        choices.extend(RecipientChoice(RecipientKind.SERVICE, uuid, f"{organisation} – {name}")
                       for uuid, name in services.get(organisation_pk, ()))
        choices.extend(RecipientChoice(RecipientKind.CONTACT, uuid, f"{name} ({organisation})")
                       for uuid, name in contacts.get(organisation_pk, ()))
    return choices


# -- helpers ----------------------------------------------------------------------------------
def _family(session: Session, family_id: str) -> Family:
    family = session.scalar(select(Family).where(Family.uuid == family_id))
    if family is None:
        raise NotFoundError(_("No family with id {id}.").format(id=family_id))
    return family


def _fact(consent: Consent, member_uuid: str) -> ConsentFact:
    return ConsentFact(
        recipient_kind=consent.recipient_kind, recipient_uuid=consent.recipient_uuid,
        purposes=frozenset(consent.purposes.split()), given_by=consent.given_by, method=consent.method,
        given_on=consent.given_on, valid_until=consent.valid_until, withdrawn_on=consent.withdrawn_on,
        withheld=consent.withheld, subject_member_uuid=member_uuid, given_by_name=consent.given_by_name,
    )


def consent_facts(session: Session, *, family_pk: int) -> list[ConsentFact]:
    rows = session.execute(
        select(Consent, FamilyMember.uuid)
        .outerjoin(FamilyMember, FamilyMember.id == Consent.subject_member_id)
        .where(Consent.family_id == family_pk)
    ).all()
    return [_fact(consent, member_uuid or "") for consent, member_uuid in rows]


# -- use cases --------------------------------------------------------------------------------
def record_consent(
    store: Store,
    *,
    family_id: str,
    recipient_kind: str,
    recipient_id: str,
    purposes: tuple[str, ...] | list[str] | frozenset[str],
    given_by: str,
    method: str,
    given_on: dt.date,
    valid_until: dt.date | None = None,
    withheld: str = "",
    subject_member_id: str = "",
    given_by_name: str = "",
    subject_age: int | None = None,
    note: str = "",
) -> str:
    """Record one consent; returns its id.

    Refuses unknown codes, a recipient that does not exist, no purpose, an end before the start, and a
    child under 12 consenting alone (from about 12 a youth may consent themself). The age comes from
    ``subject_age`` or, for a consent about one member, from that member's birth year.
    """
    if recipient_kind not in RECIPIENT_KINDS:
        raise ValidationError(_("Choose who receives the information."), field="recipient")
    chosen = [p for p in purposes if p]
    if not chosen:
        raise ValidationError(_("Tick at least one purpose the consent is for."), field="purposes")
    if any(p not in PURPOSES for p in chosen):
        raise ValidationError(_("Unknown purpose."), field="purposes")
    if given_by not in GIVERS:
        raise ValidationError(_("Choose who gave the consent."), field="given_by")
    if method not in METHODS:
        raise ValidationError(_("Choose how the consent was given."), field="method")
    if valid_until is not None and valid_until < given_on:
        raise ValidationError(_("The end date lies before the date the consent was given."), field="valid_until")
    with store.session() as session:
        family = _family(session, family_id)
        recipient = resolve_recipient(session, kind=recipient_kind, uuid=recipient_id)
        if recipient is None:
            raise ValidationError(_("The chosen recipient no longer exists."), field="recipient")
        member_pk = None
        if subject_member_id:
            member = session.scalar(select(FamilyMember).where(
                FamilyMember.uuid == subject_member_id, FamilyMember.family_id == family.id))
            if member is None:
                raise ValidationError(_("This person is not a member of the family."), field="subject")
            member_pk = member.id
            if subject_age is None and member.birth_year:
                # Only the birth year is known: count the youngest age they can have (err on the safe side).
                subject_age = given_on.year - member.birth_year - 1
        refusal = giver_refusal(given_by, subject_age=subject_age)
        if refusal:
            raise ValidationError(_(refusal), field="given_by")
        consent = Consent(
            family_id=family.id, subject_member_id=member_pk, recipient_kind=recipient_kind,
            recipient_uuid=recipient_id, recipient_label=recipient.label,
            purposes=" ".join(sorted(set(chosen))), given_by=given_by, given_by_name=given_by_name.strip(),
            method=method, given_on=given_on, valid_until=valid_until, withheld=withheld.strip(),
            note=note.strip(),
        )
        session.add(consent)
        session.flush()
        return consent.uuid


def withdraw_consent(store: Store, *, consent_id: str, on: dt.date | None = None, note: str = "") -> None:
    """A withdrawal counts from that day on; the record stays, for the history."""
    with store.session() as session:
        consent = session.scalar(select(Consent).where(Consent.uuid == consent_id))
        if consent is None:
            raise NotFoundError(_("No consent with id {id}.").format(id=consent_id))
        if consent.withdrawn_on is not None:
            raise ValidationError(_("This consent was already withdrawn."), field="withdrawn_on")
        consent.withdrawn_on = on or today_local()
        consent.withdrawal_note = note.strip()


def list_consents(store: Store, *, family_id: str | None = None, on: dt.date | None = None) -> list[ConsentView]:
    """The family's consents (or all), newest first, with their state on ``on`` (today by default)."""
    day = on or today_local()
    with store.read() as session:
        query = (
            select(Consent, Family, FamilyMember)
            .join(Family, Family.id == Consent.family_id)
            .outerjoin(FamilyMember, FamilyMember.id == Consent.subject_member_id)
            .order_by(Consent.given_on.desc(), Consent.id.desc())
        )
        if family_id:
            query = query.where(Family.id == _family(session, family_id).id)
        views = []
        for consent, family, member in session.execute(query).all():
            member_uuid = member.uuid if member else ""
            views.append(ConsentView(
                id=consent.uuid, family_id=family.uuid, family_name=family.display_name,
                subject_member_id=member_uuid,
                subject_name=f"{member.first_name} {member.last_name}".strip() if member else "",
                recipient_kind=consent.recipient_kind, recipient_id=consent.recipient_uuid,
                recipient_label=consent.recipient_label, purposes=tuple(consent.purposes.split()),
                given_by=consent.given_by, given_by_name=consent.given_by_name, method=consent.method,
                given_on=consent.given_on, valid_until=consent.valid_until, withdrawn_on=consent.withdrawn_on,
                withheld=consent.withheld, note=consent.note, state=_fact(consent, member_uuid).state_on(day),
            ))
        return views


def list_consent_records(store: Store) -> list[ListedRecord]:
    return [
        ListedRecord(v.id, f"{v.family_name} → {v.recipient_label}: {', '.join(PURPOSES.label(p) for p in v.purposes)}"
                     f" ({CONSENT_STATES.label(v.state)})")
        for v in list_consents(store)
    ]


def check_consent_in_session(
    session: Session,
    *,
    family_pk: int,
    recipient_kind: str,
    recipient_uuid: str,
    purpose: str,
    on: dt.date | None = None,
    subject_member_uuid: str = "",
    from_mandated_service: bool = False,
) -> ConsentDecision:
    """``check_consent`` inside another service's unit of work (meetings, printing, exports)."""
    recipient = resolve_recipient(session, kind=recipient_kind, uuid=recipient_uuid)
    parents = recipient.parents if recipient else ()
    return may_share(
        consent_facts(session, family_pk=family_pk), recipient_kind=recipient_kind, recipient_uuid=recipient_uuid,
        purpose=purpose, on=on or today_local(), recipient_parents=parents,
        subject_member_uuid=subject_member_uuid, from_mandated_service=from_mandated_service,
    )


def check_consent(
    store: Store,
    *,
    family_id: str,
    recipient_kind: str,
    recipient_uuid: str,
    purpose: str,
    on: dt.date | None = None,
) -> ConsentDecision:
    """May this recipient receive this about the family now? (The answer comes from domain/consent.py.)"""
    with store.read() as session:
        family = _family(session, family_id)
        return check_consent_in_session(session, family_pk=family.id, recipient_kind=recipient_kind,
                                        recipient_uuid=recipient_uuid, purpose=purpose, on=on)


class ConsentRefused(ValidationError):
    """Printing or exporting was refused: the message says why (translated) and what to do.

    ``overridable`` is false when no written reason can change it (withdrawn consent, a mandated service):
    a screen must not then offer the emergency override.
    """

    def __init__(self, message: str, *, overridable: bool = True) -> None:
        super().__init__(message, field="consent")
        self.overridable = overridable
