"""Warm referrals: which services of the sociale kaart the referral dialog offers, those for the theme first."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from brugapp.domain.kaart import categories_for_theme
from brugapp.store import Store
from brugapp.store.models.kaart import KaartService, KaartServiceTerm


@dataclass(frozen=True)
class ServiceChoice:
    id: str
    label: str
    organization_id: str
    contacts: tuple[tuple[str, str], ...]  # (contact id, "name (role)")
    matches_theme: bool


def service_choices(store: Store, *, theme: str = "") -> list[ServiceChoice]:
    """Services of the sociale kaart for the referral dialog; those answering the theme first."""
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

