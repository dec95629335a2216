"""Warm referrals: which services of the sociale kaart the referral dialog offers, those for the theme first.

The dialog reads the map's active services once (``service_offers``: plain rows, three queries) and orders them
again for each need chosen (``ranked_for_theme``, no reading). Read through the ORM, with a look-up per service
for its organisation and contact persons, the dialog waited 0.8 s on a busy map (2,000 services), at its opening
and again at every need chosen with the arrow keys (``brugapp bench``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from brugapp.domain.kaart import categories_for_theme
from brugapp.store import Store
from brugapp.store.plain_reads import driver_rows


@dataclass(frozen=True)
class ServiceChoice:
    id: str
    label: str
    organization_id: str
    contacts: tuple[tuple[str, str], ...]  # (contact id, "name (role)")
    matches_theme: bool


class ServiceOffer(NamedTuple):
    """An active service as the referral dialog offers it, with the terms that say which needs it answers."""

    id: str
    label: str  # "organisation – service"
    organization_id: str
    contacts: tuple[tuple[str, str], ...]  # (contact id, "name (role)"): the fixed face first, then the backups
    codes: frozenset[str]  # its categories and notebook themes


_SERVICES_SQL = """
SELECT s.id, s.uuid, o.name || ' – ' || s.name, o.uuid
FROM kaart_services s JOIN kaart_organizations o ON o.id = s.organization_id
WHERE s.status IN ('active', '')
ORDER BY s.name
"""
_CONTACTS_SQL = """
SELECT service_id, uuid, name, title FROM kaart_contacts WHERE service_id IS NOT NULL ORDER BY is_backup, name
"""
_TERMS_SQL = "SELECT service_id, code FROM kaart_service_terms"


def service_offers(store: Store) -> list[ServiceOffer]:
    """Every active service of the map, in the order of their names."""
    with store.read() as session:
        services = driver_rows(session, _SERVICES_SQL)
        contacts: dict[int, list[tuple[str, str]]] = {}
        for service_pk, uuid, name, title in driver_rows(session, _CONTACTS_SQL):
            contacts.setdefault(service_pk, []).append((uuid, f"{name} ({title})" if title else name))
        codes: dict[int, set[str]] = {}
        for service_pk, code in driver_rows(session, _TERMS_SQL):
            codes.setdefault(service_pk, set()).add(code)
    return [ServiceOffer(uuid, label, organization_uuid, tuple(contacts.get(pk, ())), frozenset(codes.get(pk, ())))
            for pk, uuid, label, organization_uuid in services]


def ranked_for_theme(offers: list[ServiceOffer], theme: str = "") -> list[ServiceChoice]:
    """The offers as choices, those answering ``theme`` (a notebook theme code, "" for none) first, each group
    alphabetical by organisation and service."""
    wanted = set(categories_for_theme(theme)) if theme else set()
    main_theme = theme.split(".")[0]
    choices = [ServiceChoice(offer.id, offer.label, offer.organization_id, offer.contacts,
                             bool(wanted & offer.codes) or bool(theme and (theme in offer.codes
                                                                          or main_theme in offer.codes)))
               for offer in offers]
    return sorted(choices, key=lambda c: (not c.matches_theme, c.label.casefold()))


def service_choices(store: Store, *, theme: str = "") -> list[ServiceChoice]:
    """Services of the sociale kaart for the referral dialog; those answering the theme first."""
    return ranked_for_theme(service_offers(store), theme)
