"""``brugapp list KIND``: every capability names its kinds here, with the function that lists them."""

from __future__ import annotations

from collections.abc import Callable

from brugapp.services.families.families import list_family_records, list_member_records
from brugapp.services.families.notebook import list_contact_records
from brugapp.services.kaart.query import list_organization_records, list_service_records
from brugapp.services.meetings.events import list_events
from brugapp.services.meetings.meetings import list_meeting_records
from brugapp.services.records import ListedRecord
from brugapp.services.referrals.consent import list_consent_records
from brugapp.services.referrals.followups import list_followup_records
from brugapp.services.referrals.referrals import list_referral_records
from brugapp.services.reporting.signals import list_signal_records
from brugapp.services.schools import list_school_records
from brugapp.store import Store

__all__ = ["LIST_KINDS", "ListedRecord", "list_kinds", "list_records"]

Lister = Callable[[Store], list[ListedRecord]]

# kind -> the function that lists it (a capability adds one line).
LIST_KINDS: dict[str, Lister] = {
    "families": list_family_records,
    "schools": list_school_records,
    "services": list_service_records,
    "organizations": list_organization_records,
    "referrals": list_referral_records,
    "followups": list_followup_records,
    "consents": list_consent_records,
    "members": list_member_records,
    "contacts": list_contact_records,
    "meetings": list_meeting_records,
    "events": list_events,
    "signals": list_signal_records,
}


def list_kinds() -> list[str]:
    return sorted(LIST_KINDS)


def list_records(store: Store, *, kind: str) -> list[ListedRecord]:
    return LIST_KINDS[kind](store)
