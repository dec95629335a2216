"""Warm referrals (doorverwijzing / toeleiding): make, move through the statuses, log no-shows and feedback.

Every step lands in ``referral_events`` in the same unit of work, so the history is never behind. Each
referral carries a check (a follow-up) a week after each step; closing the referral ends its open checks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from brugapp.domain.clock import BRUSSELS, today_local
from brugapp.domain.consent import (
    REASON_MANDATED,
    REASON_WITHDRAWN,
    REFUSAL_OVERRIDE_WITHDRAWN,
    Purpose,
    family_withheld,
    override_decision,
    override_refusal,
)
from brugapp.domain.followups import FollowUpStatus, is_open
from brugapp.domain.referrals import (
    CLOSED,
    INTENSITIES,
    STATUSES,
    EventKind,
    NoShowAdvice,
    Status,
    TransitionRefused,
    allowed_next,
    check_after_appointment,
    check_transition,
    initial_status,
    is_closed,
    no_show_advice,
    proposed_check,
)
from brugapp.domain.sharing import SHARING_LEVELS, SharingLevel
from brugapp.domain.themes import THEMES
from brugapp.errors import NotFoundError, ValidationError
from brugapp.i18n import _
from brugapp.printing.referral_sheet import ReferralSheetData, write_referral_sheet
from brugapp.services.audit import record_audit
from brugapp.services.records import ListedRecord, TimelineEntry
from brugapp.services.referrals.consent import (
    ConsentRefused,
    check_consent_in_session,
    consent_facts,
    find_recipient,
    resolve_recipient,
)
from brugapp.services.referrals.followups import create_followup_in_session
from brugapp.services.referrals.sheet import family_contact
from brugapp.store import Store
from brugapp.store.models import Family
from brugapp.store.models.kaart import KaartContact, KaartService
from brugapp.store.models.referrals import FollowUp, Referral, ReferralEvent
from brugapp.store.search_index import index_record

TEXT_MAX = 4000
LOCAL_ZONE = BRUSSELS  # the one time rule: domain/clock.py


@dataclass(frozen=True)
class ReferralEventView:
    at: dt.datetime
    kind: str
    from_status: str
    to_status: str
    text: str


@dataclass(frozen=True)
class ReferralView:
    id: str
    family_id: str
    family_name: str
    theme: str
    service_id: str
    service_label: str
    contact_id: str
    contact_name: str
    intensity: str
    urgent: bool
    status: str
    outcome: str
    referred_on: dt.date
    appointment_at: dt.datetime | None
    next_check: dt.date | None
    no_show_count: int


@dataclass(frozen=True)
class ReferralDetail:
    id: str
    family_id: str
    family_name: str
    theme: str
    question: str
    tried: str
    sharing: str
    service_id: str
    service_label: str
    organization_id: str
    contact_id: str
    contact_name: str
    contact_phone: str
    contact_email: str
    mandated: bool
    intensity: str
    urgent: bool
    warned_in_advance: bool
    receiving_worker: str
    referred_on: dt.date
    appointment_at: dt.datetime | None
    first_appointment_on: dt.date | None
    status: str
    outcome: str
    decline_reason: str
    closed_on: dt.date | None
    no_show_count: int
    feedback_on: dt.date | None
    feedback_text: str
    next_check: dt.date | None
    allowed_next: tuple[str, ...]
    events: tuple[ReferralEventView, ...]


# -- helpers ----------------------------------------------------------------------------------
def _referral(session: Session, referral_id: str) -> Referral:
    referral = session.scalar(select(Referral).where(Referral.uuid == referral_id))
    if referral is None:
        raise NotFoundError(_("No referral with id {id}.").format(id=referral_id))
    return referral


def _text(value: str, *, field: str) -> str:
    value = value.strip()
    if len(value) > TEXT_MAX:
        raise ValidationError(_("This text is too long (at most {n} characters).").format(n=TEXT_MAX), field=field)
    return value


def _event(session: Session, referral: Referral, kind: str, *, from_status: str = "", to_status: str = "",
           text: str = "", at: dt.datetime | None = None) -> None:
    session.add(ReferralEvent(referral_id=referral.id, kind=kind, from_status=from_status, to_status=to_status,
                              text=text, at=at or dt.datetime.now(dt.UTC)))


def _next_checks(session: Session, referral_pks: list[int]) -> dict[int, dt.date]:
    if not referral_pks:
        return {}
    rows = session.execute(
        select(FollowUp.referral_id, func.min(FollowUp.due))
        .where(FollowUp.referral_id.in_(referral_pks), FollowUp.status.in_(("planned", "no_answer")))
        .group_by(FollowUp.referral_id)
    ).all()
    return {pk: due for pk, due in rows if pk is not None}  # never None (see the WHERE)


def short_service_label(label: str) -> str:
    """'CAW Zuid-West-Vlaanderen – Onthaal CAW' -> 'CAW Zuid-West-Vlaanderen' (the organisation)."""
    return label.split(" – ", 1)[0]


def check_title(service_label: str) -> str:
    return _("How did it go at {service}?").format(service=short_service_label(service_label) or _("service"))


def _check_title(referral: Referral) -> str:
    return check_title(referral.service_label)


def _propose_check(session: Session, referral: Referral, due: dt.date, owner: str = "") -> None:
    """One open check per referral: move the open one, or add a new one."""
    open_check = session.scalar(
        select(FollowUp).where(FollowUp.referral_id == referral.id, FollowUp.status.in_(("planned", "no_answer")))
        .order_by(FollowUp.due)
    )
    if open_check is not None:
        open_check.due = due
        open_check.status = FollowUpStatus.PLANNED
        return
    create_followup_in_session(session, title=_check_title(referral), due=due, owner=owner,
                               family_pk=referral.family_id, referral_pk=referral.id)


def _close_checks(session: Session, referral: Referral, on: dt.date) -> None:
    for followup in session.scalars(select(FollowUp).where(FollowUp.referral_id == referral.id)):
        if is_open(followup.status):
            followup.status = FollowUpStatus.NOT_NEEDED
            followup.closed_on = on


def _index(session: Session, referral: Referral, family: Family) -> None:
    index_record(session, kind="referral", ref_uuid=referral.uuid,
                 label=f"{family.display_name} → {referral.service_label}", family_uuid=family.uuid,
                 body=referral.receiving_worker)


def _local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(LOCAL_ZONE).date() if moment.tzinfo else moment.date()


# -- use cases --------------------------------------------------------------------------------
def create_referral(
    store: Store,
    *,
    family_id: str,
    intensity: str,
    service_id: str | None = None,
    contact_id: str | None = None,
    service_label: str = "",
    theme: str = "",
    question: str = "",
    tried: str = "",
    sharing: str = SharingLevel.SHAREABLE,
    urgent: bool = False,
    warned_in_advance: bool = False,
    receiving_worker: str = "",
    appointment_at: dt.datetime | None = None,
    referred_on: dt.date | None = None,
    mandated: bool = False,
    check_on: dt.date | None = None,
    owner: str = "",
) -> str:
    """Make a referral; returns its id.

    A service from the sociale kaart (or, when it is not on the map yet, its name) is required. The
    status starts from the intensity (an appointment made starts at 'afspraak'), and a check is
    proposed a week later unless ``check_on`` says otherwise.
    """
    if intensity not in INTENSITIES:
        raise ValidationError(_("Choose how warm the referral is."), field="intensity")
    if theme and theme not in THEMES:
        raise ValidationError(_("Unknown theme."), field="theme")
    if sharing not in SHARING_LEVELS:
        raise ValidationError(_("Unknown sharing level."), field="sharing")
    if appointment_at is not None and appointment_at.tzinfo is None:
        appointment_at = appointment_at.replace(tzinfo=LOCAL_ZONE)
    question = _text(question, field="question")
    tried = _text(tried, field="tried")
    day = referred_on or today_local()
    with store.session() as session:
        family = session.scalar(select(Family).where(Family.uuid == family_id))
        if family is None:
            raise ValidationError(_("Choose the family this referral is for."), field="family")
        service = contact = None
        if service_id:
            service = session.scalar(select(KaartService).where(KaartService.uuid == service_id))
            if service is None:
                raise ValidationError(_("The chosen service is no longer on the social map."), field="service")
        if contact_id:
            contact = session.scalar(select(KaartContact).where(KaartContact.uuid == contact_id))
            if contact is None:
                raise ValidationError(_("The chosen contact person is no longer on the social map."),
                                      field="contact")
            if service is None and contact.service is not None:
                service = contact.service
        label = service_label.strip()
        if service is not None:
            label = f"{service.organization.name} – {service.name}"
        elif contact is not None:
            label = contact.organization.name
        if not label:
            raise ValidationError(_("Choose the service you refer to."), field="service")
        status = initial_status(intensity, appointment_at)
        referral = Referral(
            family_id=family.id, theme=theme, question=question, tried=tried, sharing=sharing,
            service_id=service.id if service else None, contact_id=contact.id if contact else None,
            service_label=label[:250], mandated=mandated, intensity=intensity, urgent=urgent,
            warned_in_advance=warned_in_advance, receiving_worker=receiving_worker.strip()[:200],
            referred_on=day, appointment_at=appointment_at, status=status,
            first_appointment_on=_local_date(appointment_at) if appointment_at else None,
            outcome="", decline_reason="", no_show_count=0, feedback_text="",
        )
        session.add(referral)
        session.flush()
        details = []
        if urgent:
            details.append(_("urgent"))
        if warned_in_advance:
            details.append(_("service warned in advance"))
        if referral.receiving_worker:
            details.append(_("received by {name}").format(name=referral.receiving_worker))
        _event(session, referral, EventKind.CREATED, to_status=status,
               text=" · ".join([INTENSITIES.label(intensity), *details]))
        _propose_check(session, referral, check_on or proposed_check(day), owner)
        _index(session, referral, family)
        return referral.uuid


def change_status(
    store: Store,
    *,
    referral_id: str,
    status: str,
    outcome: str = "",
    decline_reason: str = "",
    note: str = "",
    appointment_at: dt.datetime | None = None,
    on: dt.date | None = None,
) -> ReferralDetail:
    """Move the referral one allowed step (domain/referrals.py decides which), with its outcome when closing.

    Closing ends the open checks; reopening or a new appointment proposes a new one.
    """
    day = on or today_local()
    note = _text(note, field="note")
    if appointment_at is not None and appointment_at.tzinfo is None:
        appointment_at = appointment_at.replace(tzinfo=LOCAL_ZONE)
    with store.session() as session:
        referral = _referral(session, referral_id)
        previous = referral.status
        try:
            check_transition(previous, status, outcome=outcome, decline_reason=decline_reason)
        except TransitionRefused as refused:
            raise ValidationError(_(refused.reason), field=refused.field) from None
        referral.status = status
        if is_closed(status):
            referral.outcome = outcome
            referral.decline_reason = decline_reason.strip() if status == Status.DECLINED else ""
            referral.closed_on = day
            _close_checks(session, referral, day)
        else:
            if is_closed(previous):
                referral.outcome = ""
                referral.closed_on = None
            if appointment_at is not None:
                referral.appointment_at = appointment_at
                referral.first_appointment_on = referral.first_appointment_on or _local_date(appointment_at)
            due = (check_after_appointment(_local_date(appointment_at)) if appointment_at is not None
                   else proposed_check(day))
            _propose_check(session, referral, due)
        text = note
        if appointment_at is not None:
            text = " · ".join(filter(None, [_("new appointment"), note]))
        _event(session, referral, EventKind.STATUS, from_status=previous, to_status=status, text=text)
        session.flush()
        return _detail(session, referral)


def record_no_show(store: Store, *, referral_id: str, on: dt.date | None = None, note: str = "") -> NoShowAdvice:
    """Count a missed appointment. From the second one the advice warns: families drop out after two."""
    note = _text(note, field="note")
    with store.session() as session:
        referral = _referral(session, referral_id)
        referral.no_show_count += 1
        stamp = dt.datetime.combine(on, dt.time(12), tzinfo=dt.UTC) if on else None
        _event(session, referral, EventKind.NO_SHOW, text=note, at=stamp)
        return no_show_advice(referral.no_show_count)


def record_feedback(store: Store, *, referral_id: str, text: str, received_on: dt.date | None = None) -> None:
    """Stavaza received from the service: date and a short text."""
    text = _text(text, field="feedback")
    if not text:
        raise ValidationError(_("Write down in a few words what the service told you."), field="feedback")
    with store.session() as session:
        referral = _referral(session, referral_id)
        referral.feedback_on = received_on or today_local()
        referral.feedback_text = text
        _event(session, referral, EventKind.FEEDBACK, text=text)


def set_appointment(store: Store, *, referral_id: str, appointment_at: dt.datetime) -> None:
    """A (new) appointment date; the check moves to the day after."""
    if appointment_at.tzinfo is None:
        appointment_at = appointment_at.replace(tzinfo=LOCAL_ZONE)
    with store.session() as session:
        referral = _referral(session, referral_id)
        referral.appointment_at = appointment_at
        referral.first_appointment_on = referral.first_appointment_on or _local_date(appointment_at)
        _event(session, referral, EventKind.APPOINTMENT)
        if not is_closed(referral.status):
            _propose_check(session, referral, check_after_appointment(_local_date(appointment_at)))


def _contact_parts(referral: Referral, session: Session) -> tuple[str, str, str, str]:
    if referral.contact_id is None:
        return "", "", "", ""
    contact = session.get(KaartContact, referral.contact_id)
    if contact is None:
        return "", "", "", ""
    return contact.uuid, contact.name, contact.phone, contact.email


def _detail(session: Session, referral: Referral) -> ReferralDetail:
    family = session.get(Family, referral.family_id)
    assert family is not None
    service = session.get(KaartService, referral.service_id) if referral.service_id else None
    contact_uuid, contact_name, phone, email = _contact_parts(referral, session)
    events = session.scalars(
        select(ReferralEvent).where(ReferralEvent.referral_id == referral.id).order_by(ReferralEvent.id)
    ).all()
    return ReferralDetail(
        id=referral.uuid, family_id=family.uuid, family_name=family.display_name, theme=referral.theme,
        question=referral.question, tried=referral.tried, sharing=referral.sharing,
        service_id=service.uuid if service else "", service_label=referral.service_label,
        organization_id=service.organization.uuid if service else "",
        contact_id=contact_uuid, contact_name=contact_name, contact_phone=phone, contact_email=email,
        mandated=referral.mandated, intensity=referral.intensity, urgent=referral.urgent,
        warned_in_advance=referral.warned_in_advance, receiving_worker=referral.receiving_worker,
        referred_on=referral.referred_on, appointment_at=referral.appointment_at,
        first_appointment_on=referral.first_appointment_on, status=referral.status, outcome=referral.outcome,
        decline_reason=referral.decline_reason, closed_on=referral.closed_on,
        no_show_count=referral.no_show_count, feedback_on=referral.feedback_on,
        feedback_text=referral.feedback_text,
        next_check=_next_checks(session, [referral.id]).get(referral.id),
        allowed_next=allowed_next(referral.status),
        events=tuple(ReferralEventView(e.at, e.kind, e.from_status, e.to_status, e.text) for e in events),
    )


def get_referral(store: Store, *, referral_id: str) -> ReferralDetail:
    with store.read() as session:
        return _detail(session, _referral(session, referral_id))


def referral_in_session(session: Session, *, referral_id: str) -> ReferralDetail:
    """For other services (printing) inside their own unit of work."""
    return _detail(session, _referral(session, referral_id))


def list_referrals(
    store: Store, *, family_id: str | None = None, open_only: bool = False, status: str | None = None
) -> list[ReferralView]:
    """Referrals, urgent and open first, then by next check.

    One query of plain columns (service, contact person and next check joined in): the page lists
    thousands of referrals, so no ORM objects and no query per row.
    """
    next_check = (
        select(FollowUp.referral_id, func.min(FollowUp.due).label("due"))
        .where(FollowUp.referral_id.is_not(None), FollowUp.status.in_(("planned", "no_answer")))
        .group_by(FollowUp.referral_id).subquery()
    )
    with store.read() as session:
        query = (
            select(Referral.uuid, Family.uuid, Family.display_name, Referral.theme, KaartService.uuid,
                   Referral.service_label, KaartContact.uuid, KaartContact.name, Referral.intensity, Referral.urgent,
                   Referral.status, Referral.outcome, Referral.referred_on, Referral.appointment_at,
                   next_check.c.due, Referral.no_show_count)
            .join(Family, Family.id == Referral.family_id)
            .outerjoin(KaartService, KaartService.id == Referral.service_id)
            .outerjoin(KaartContact, KaartContact.id == Referral.contact_id)
            .outerjoin(next_check, next_check.c.referral_id == Referral.id)
        )
        if family_id:
            query = query.where(Family.uuid == family_id)
        if status:
            query = query.where(Referral.status == status)
        if open_only:
            query = query.where(Referral.status.not_in(sorted(CLOSED)))
        views = [
            ReferralView(
                id=uuid, family_id=fam_uuid, family_name=fam_name, theme=theme, service_id=service_uuid or "",
                service_label=label, contact_id=contact_uuid or "", contact_name=contact_name or "",
                intensity=intensity, urgent=urgent, status=state, outcome=outcome, referred_on=referred_on,
                appointment_at=appointment_at, next_check=due, no_show_count=no_shows,
            )
            for (uuid, fam_uuid, fam_name, theme, service_uuid, label, contact_uuid, contact_name, intensity, urgent,
                 state, outcome, referred_on, appointment_at, due, no_shows) in session.connection().execute(query)
        ]
    far = dt.date.max
    return sorted(views, key=lambda v: (is_closed(v.status), not v.urgent, v.next_check or far, v.family_name))


def list_referral_records(store: Store) -> list[ListedRecord]:
    return [ListedRecord(v.id, f"{v.family_name} → {v.service_label} ({STATUSES.label(v.status)})")
            for v in list_referrals(store)]


def referral_timeline(session: Session, family_pk: int) -> list[TimelineEntry]:
    """Each referral and each step of it, for the family timeline."""
    entries = []
    referrals = session.scalars(select(Referral).where(Referral.family_id == family_pk)).all()
    for referral in referrals:
        theme = (referral.theme,) if referral.theme else ()
        for event in referral.events:
            if event.kind == EventKind.CREATED:
                title = _("Referral to {service}").format(service=referral.service_label)
            elif event.kind == EventKind.STATUS:
                title = _("Referral to {service}: {status}").format(
                    service=referral.service_label, status=STATUSES.label(event.to_status))
            elif event.kind == EventKind.NO_SHOW:
                title = _("Missed appointment at {service}").format(service=referral.service_label)
            elif event.kind == EventKind.FEEDBACK:
                title = _("Feedback from {service}").format(service=referral.service_label)
            else:
                title = _("Referral to {service}: new appointment").format(service=referral.service_label)
            entries.append(TimelineEntry(kind="referral", id=referral.uuid, at=event.at, title=title,
                                         detail=event.text, themes=theme,
                                         status=STATUSES.label(referral.status)))
    return entries


@dataclass(frozen=True)
class ServiceChoice:
    id: str
    label: str
    organization_id: str
    contacts: tuple[tuple[str, str], ...]  # (contact id, "name (role)")
    matches_theme: bool


def service_choices(store: Store, *, theme: str = "") -> list[ServiceChoice]:
    """Services of the sociale kaart for the referral dialog; those answering the theme first."""
    from brugapp.domain.kaart import categories_for_theme
    from brugapp.store.models.kaart import KaartServiceTerm

    wanted = set(categories_for_theme(theme)) if theme else set()
    with store.read() as session:
        services = session.scalars(select(KaartService).order_by(KaartService.name)).all()
        terms: dict[int, set[str]] = {}
        for term in session.scalars(select(KaartServiceTerm)):
            terms.setdefault(term.service_id, set()).add(term.code)
        choices = []
        for service in services:
            if service.status not in ("active", ""):
                continue
            codes = terms.get(service.id, set())
            matches = bool(wanted & codes) or bool(theme and (theme in codes or theme.split(".")[0] in codes))
            contacts = tuple(
                (c.uuid, f"{c.name} ({c.title})" if c.title else c.name)
                for c in sorted(service.contacts, key=lambda c: (c.is_backup, c.name))
            )
            choices.append(ServiceChoice(service.uuid, f"{service.organization.name} – {service.name}",
                                         service.organization.uuid, contacts, matches))
    return sorted(choices, key=lambda c: (not c.matches_theme, c.label.casefold()))


# -- the referral sheet -----------------------------------------------------------------------
@dataclass(frozen=True)
class PrintedSheet:
    path: Path
    recipient_label: str
    overridden: bool


def _status_since(referral: Referral) -> dt.date | None:
    steps = [e for e in referral.events if e.kind in (EventKind.CREATED, EventKind.STATUS)]
    return _local_date(steps[-1].at) if steps else None


def print_referral_sheet(
    store: Store,
    *,
    referral_id: str,
    recipient_id: str,
    out: Path,
    recipient_kind: str = "",
    status_only: bool = False,
    override_reason: str = "",
    sender_name: str = "",
    sender_phone: str = "",
    sender_email: str = "",
    sender_organisation: str = "",
    sender_role: str = "",
    on: dt.date | None = None,
) -> PrintedSheet:
    """Print the doorverwijsfiche (or the status-only version) for one recipient.

    The consent rule (domain/consent.py) decides: the referral's own service needs consent to refer, anyone
    else consent to share details, a status-only sheet consent to share the status. Without it the print
    is refused with the reason, unless a written override reason is given; that reason goes into the audit
    trail with the print. What came from a mandated service is never passed on, not even with an override.
    """
    day = on or today_local()
    with store.session() as session:
        referral = _referral(session, referral_id)
        recipient = (resolve_recipient(session, kind=recipient_kind, uuid=recipient_id) if recipient_kind
                     else find_recipient(session, recipient_id))
        if recipient is None:
            raise ValidationError(_("No school, organisation, service or contact person with id {id}.").format(
                id=recipient_id), field="recipient")
        detail = _detail(session, referral)
        own = {u for u in (detail.service_id, detail.organization_id, detail.contact_id) if u}
        is_own = recipient.uuid in own or any(uuid in own for _kind, uuid in recipient.parents)
        purpose = Purpose.SHARE_STATUS if status_only else Purpose.REFER if is_own else Purpose.SHARE_DETAILS
        decision = check_consent_in_session(
            session, family_pk=referral.family_id, recipient_kind=recipient.kind, recipient_uuid=recipient.uuid,
            purpose=purpose, on=day, from_mandated_service=referral.mandated and not is_own,
        )
        overridden = False
        if not decision.allowed:
            final = decision.reason in (REASON_MANDATED, REASON_WITHDRAWN)  # no reason can change these
            if not override_reason.strip() or final:
                reason = REFUSAL_OVERRIDE_WITHDRAWN if decision.reason == REASON_WITHDRAWN else decision.reason
                raise ConsentRefused(_("Not printed: {reason}").format(reason=_(reason)), overridable=not final)
            refusal = override_refusal(override_reason, decision)
            if refusal:
                raise ValidationError(_(refusal), field="override_reason")
            decision = override_decision(
                purpose, on=day, recipient_kind=recipient.kind, recipient_uuid=recipient.uuid,
                withheld=family_withheld(consent_facts(session, family_pk=referral.family_id)))
            record_audit(session, action="override", subject_kind="referral", subject_uuid=referral.uuid,
                         audience=recipient.label[:80], detail=override_reason.strip())
            overridden = True
        family = session.get(Family, referral.family_id)
        assert family is not None
        data = ReferralSheetData(
            family_name=family.display_name, recipient_label=recipient.label, service_label=detail.service_label,
            contact_name=detail.contact_name, contact_phone=detail.contact_phone,
            contact_email=detail.contact_email, status=detail.status, status_since=_status_since(referral),
            appointment_at=detail.appointment_at, next_check=detail.next_check, intensity=detail.intensity,
            referred_on=detail.referred_on, urgent=detail.urgent, question=detail.question, tried=detail.tried,
            sharing=detail.sharing, feedback_on=detail.feedback_on, feedback_text=detail.feedback_text,
            sender_name=sender_name or family.reference_person, sender_phone=sender_phone,
            sender_email=sender_email, sender_organisation=sender_organisation, decision=decision,
            status_only=status_only, sender_role=sender_role, family_contact=family_contact(session, family, decision),
        )
        record_audit(session, action="print", subject_kind="referral", subject_uuid=referral.uuid,
                     audience=recipient.label[:80],
                     detail="status_only" if status_only else "referral_sheet")
        session.flush()
        write_referral_sheet(out, data, printed_on=day)
        return PrintedSheet(out, recipient.label, overridden)
