"""Warm referrals, printed: the doorverwijsfiche (or its status-only version) for one recipient, as consent allows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from brugapp.domain.clock import today_local
from brugapp.domain.consent import (
    REASON_MANDATED,
    REASON_WITHDRAWN,
    REFUSAL_OVERRIDE_WITHDRAWN,
    Purpose,
    family_withheld,
    override_decision,
    override_refusal,
)
from brugapp.domain.referrals import EventKind
from brugapp.errors import ValidationError
from brugapp.i18n import _
from brugapp.printing.referral_sheet import ReferralSheetData, write_referral_sheet
from brugapp.services.audit import record_audit
from brugapp.services.referrals.consent import (
    ConsentRefused,
    check_consent_in_session,
    consent_facts,
    find_recipient,
    resolve_recipient,
)
from brugapp.services.referrals.reading import detail_in_session, local_date, referral_or_raise
from brugapp.services.referrals.sheet import family_contact
from brugapp.store import Store
from brugapp.store.models import Family
from brugapp.store.models.referrals import Referral


@dataclass(frozen=True)
class PrintedSheet:
    path: Path
    recipient_label: str
    overridden: bool


def _status_since(referral: Referral) -> dt.date | None:
    steps = [e for e in referral.events if e.kind in (EventKind.CREATED, EventKind.STATUS)]
    return local_date(steps[-1].at) if steps else None


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
        referral = referral_or_raise(session, referral_id)
        recipient = (resolve_recipient(session, kind=recipient_kind, uuid=recipient_id) if recipient_kind
                     else find_recipient(session, recipient_id))
        if recipient is None:
            raise ValidationError(_("No school, organisation, service or contact person with id {id}.").format(
                id=recipient_id), field="recipient")
        detail = detail_in_session(session, referral)
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
