"""``brugapp list KIND``: every capability names its kinds here, with the function that lists them."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from brugapp.store import Store


@dataclass(frozen=True)
class ListedRecord:
    id: str  # the record's stable UUID
    label: str


# kind -> "module:function"; the function takes the store and returns list[ListedRecord].
LIST_KINDS: dict[str, str] = {
    "families": "brugapp.services.families.families:list_family_records",
    "schools": "brugapp.services.schools:list_school_records",
    "services": "brugapp.services.kaart.query:list_service_records",
    "organizations": "brugapp.services.kaart.query:list_organization_records",
    "referrals": "brugapp.services.referrals.referrals:list_referral_records",
    "followups": "brugapp.services.referrals.followups:list_followup_records",
    "consents": "brugapp.services.referrals.consent:list_consent_records",
    "members": "brugapp.services.families.families:list_member_records",
    "contacts": "brugapp.services.families.notebook:list_contact_records",
    "meetings": "brugapp.services.meetings.meetings:list_meeting_records",
    "events": "brugapp.services.meetings.events:list_events",
    "signals": "brugapp.services.reporting.signals:list_signal_records",
}


def list_kinds() -> list[str]:
    return sorted(LIST_KINDS)


def list_records(store: Store, *, kind: str) -> list[ListedRecord]:
    module_name, function_name = LIST_KINDS[kind].split(":")
    function: Callable[[Store], list[ListedRecord]] = getattr(
        importlib.import_module(module_name), function_name
    )
    return function(store)
