"""Warm referrals (doorverwijzing / toeleiding): make, move through the statuses, log no-shows and feedback.

Every step lands in ``referral_events`` in the same unit of work, so the history is never behind. Each
referral carries a check (a follow-up) a week after each step; closing the referral ends its open checks.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.domain.clock import today_local
from brugapp.domain.followups import FollowUpStatus, is_open
from brugapp.domain.referrals import (
    INTENSITIES,
    EventKind,
    NoShowAdvice,
    Status,
    TransitionRefused,
    check_after_appointment,
    check_transition,
    initial_status,
    is_closed,
    no_show_advice,
    proposed_check,
)
from brugapp.domain.sharing import SHARING_LEVELS, SharingLevel
from brugapp.domain.themes import THEMES
from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.services.referrals.choices import ServiceChoice, service_choices
from brugapp.services.referrals.followups import create_followup_in_session
from brugapp.services.referrals.print_sheet import PrintedSheet, print_referral_sheet
from brugapp.services.referrals.reading import (
    LOCAL_ZONE,
    ReferralDetail,
    ReferralEventView,
    ReferralView,
    detail_in_session,
    get_referral,
    list_referral_records,
    list_referrals,
    local_date,
    referral_in_session,
    referral_or_raise,
    referral_timeline,
)
from brugapp.store import Store
from brugapp.store.models import Family
from brugapp.store.models.kaart import KaartContact, KaartService
from brugapp.store.models.referrals import FollowUp, Referral, ReferralEvent
from brugapp.store.search_index import index_record

# Callers import every public name of the referral capability from here; reading, choosing a service and
# printing the sheet live in their own modules beside this one.
__all__ = [
    "LOCAL_ZONE", "TEXT_MAX", "PrintedSheet", "ReferralDetail", "ReferralEventView", "ReferralView", "ServiceChoice",
    "change_status", "check_title", "create_referral", "get_referral", "list_referral_records", "list_referrals",
    "print_referral_sheet", "record_feedback", "record_no_show", "referral_in_session", "referral_timeline",
    "service_choices", "set_appointment", "short_service_label",
]

TEXT_MAX = 4000


def _text(value: str, *, field: str) -> str:
    value = value.strip()
    if len(value) > TEXT_MAX:
        raise ValidationError(_("This text is too long (at most {n} characters).").format(n=TEXT_MAX), field=field)
    return value


def _event(session: Session, referral: Referral, kind: str, *, from_status: str = "", to_status: str = "",
           text: str = "", at: dt.datetime | None = None) -> None:
    session.add(ReferralEvent(referral_id=referral.id, kind=kind, from_status=from_status, to_status=to_status,
                              text=text, at=at or dt.datetime.now(dt.UTC)))


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
    _check_codes(intensity=intensity, theme=theme, sharing=sharing)
    if appointment_at is not None and appointment_at.tzinfo is None:
        appointment_at = appointment_at.replace(tzinfo=LOCAL_ZONE)
    question = _text(question, field="question")
    tried = _text(tried, field="tried")
    day = referred_on or today_local()
    with store.session() as session:
        family = session.scalar(select(Family).where(Family.uuid == family_id))
        if family is None:
            raise ValidationError(_("Choose the family this referral is for."), field="family")
        service, contact = _service_and_contact(session, service_id=service_id, contact_id=contact_id)
        label = _service_label(service, contact, service_label)
        status = initial_status(intensity, appointment_at)
        referral = Referral(
            family_id=family.id, theme=theme, question=question, tried=tried, sharing=sharing,
            service_id=service.id if service else None, contact_id=contact.id if contact else None,
            service_label=label[:250], mandated=mandated, intensity=intensity, urgent=urgent,
            warned_in_advance=warned_in_advance, receiving_worker=receiving_worker.strip()[:200],
            referred_on=day, appointment_at=appointment_at, status=status,
            first_appointment_on=local_date(appointment_at) if appointment_at else None,
            outcome="", decline_reason="", no_show_count=0, feedback_text="",
        )
        session.add(referral)
        session.flush()
        _event(session, referral, EventKind.CREATED, to_status=status, text=_created_text(referral))
        _propose_check(session, referral, check_on or proposed_check(day), owner)
        _index(session, referral, family)
        return referral.uuid


def _check_codes(*, intensity: str, theme: str, sharing: str) -> None:
    if intensity not in INTENSITIES:
        raise ValidationError(_("Choose how warm the referral is."), field="intensity")
    if theme and theme not in THEMES:
        raise ValidationError(_("Unknown theme."), field="theme")
    if sharing not in SHARING_LEVELS:
        raise ValidationError(_("Unknown sharing level."), field="sharing")


def _service_and_contact(session: Session, *, service_id: str | None, contact_id: str | None
                         ) -> tuple[KaartService | None, KaartContact | None]:
    """The chosen service and contact person of the map; a contact alone brings their service along."""
    service = contact = None
    if service_id:
        service = session.scalar(select(KaartService).where(KaartService.uuid == service_id))
        if service is None:
            raise ValidationError(_("The chosen service is no longer on the social map."), field="service")
    if contact_id:
        contact = session.scalar(select(KaartContact).where(KaartContact.uuid == contact_id))
        if contact is None:
            raise ValidationError(_("The chosen contact person is no longer on the social map."), field="contact")
        if service is None and contact.service is not None:
            service = contact.service
    return service, contact


def _service_label(service: KaartService | None, contact: KaartContact | None, typed: str) -> str:
    """"Organisation – service" from the map, else the contact's organisation, else the name typed."""
    if service is not None:
        return f"{service.organization.name} – {service.name}"
    if contact is not None:
        return contact.organization.name
    if not typed.strip():
        raise ValidationError(_("Choose the service you refer to."), field="service")
    return typed.strip()


def _created_text(referral: Referral) -> str:
    """The first line of the history: how warm, and what made it so."""
    details = [INTENSITIES.label(referral.intensity)]
    if referral.urgent:
        details.append(_("urgent"))
    if referral.warned_in_advance:
        details.append(_("service warned in advance"))
    if referral.receiving_worker:
        details.append(_("received by {name}").format(name=referral.receiving_worker))
    return " · ".join(details)


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
        referral = referral_or_raise(session, referral_id)
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
                referral.first_appointment_on = referral.first_appointment_on or local_date(appointment_at)
            due = (check_after_appointment(local_date(appointment_at)) if appointment_at is not None
                   else proposed_check(day))
            _propose_check(session, referral, due)
        text = note
        if appointment_at is not None:
            text = " · ".join(filter(None, [_("new appointment"), note]))
        _event(session, referral, EventKind.STATUS, from_status=previous, to_status=status, text=text)
        session.flush()
        return detail_in_session(session, referral)


def record_no_show(store: Store, *, referral_id: str, on: dt.date | None = None, note: str = "") -> NoShowAdvice:
    """Count a missed appointment. From the second one the advice warns: families drop out after two."""
    note = _text(note, field="note")
    with store.session() as session:
        referral = referral_or_raise(session, referral_id)
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
        referral = referral_or_raise(session, referral_id)
        referral.feedback_on = received_on or today_local()
        referral.feedback_text = text
        _event(session, referral, EventKind.FEEDBACK, text=text)


def set_appointment(store: Store, *, referral_id: str, appointment_at: dt.datetime) -> None:
    """A (new) appointment date; the check moves to the day after."""
    if appointment_at.tzinfo is None:
        appointment_at = appointment_at.replace(tzinfo=LOCAL_ZONE)
    with store.session() as session:
        referral = referral_or_raise(session, referral_id)
        referral.appointment_at = appointment_at
        referral.first_appointment_on = referral.first_appointment_on or local_date(appointment_at)
        _event(session, referral, EventKind.APPOINTMENT)
        if not is_closed(referral.status):
            _propose_check(session, referral, check_after_appointment(local_date(appointment_at)))

