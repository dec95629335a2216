"""What the referral and consent dialogs offer, read as plain rows, is what the ORM reading offered (kept here as
the reference), on awkward data: services that are not active, contact persons of an organisation but of no
service, backups, names that differ in case and accents, themes and categories, organisations and services of the
same name, schools with and without a site. The services are read once and ordered again for each need."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from brugapp.domain.consent import RecipientKind
from brugapp.domain.kaart import categories_for_theme
from brugapp.domain.themes import THEMES
from brugapp.services.referrals.choices import ServiceChoice, ranked_for_theme, service_choices, service_offers
from brugapp.services.referrals.consent import RecipientChoice, recipient_choices
from brugapp.store.models import School
from brugapp.store.models.kaart import KaartContact, KaartOrganization, KaartService, KaartServiceTerm
from tests.factories import make_school


def reference_choices(store, theme: str = "") -> list[ServiceChoice]:
    """What the dialog offered until December 2026: the ORM objects and their relations."""
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
            contacts = tuple((c.uuid, f"{c.name} ({c.title})" if c.title else c.name)
                             for c in sorted(service.contacts, key=lambda c: (c.is_backup, c.name)))
            choices.append(ServiceChoice(service.uuid, f"{service.organization.name} – {service.name}",
                                         service.organization.uuid, contacts, matches))
    return sorted(choices, key=lambda c: (not c.matches_theme, c.label.casefold()))


@pytest.fixture
def awkward_map(store):
    with store.session() as session:
        caw = KaartOrganization(name="CAW Zuid-West-Vlaanderen")
        ocmw = KaartOrganization(name="OCMW Kortrijk")
        twin = KaartOrganization(name="ocmw kortrijk")  # the same name, another case
        session.add_all([caw, ocmw, twin])
        session.flush()
        made = [
            KaartService(name="Schuldhulpverlening", organization=caw, status="active"),
            KaartService(name="Onthaal", organization=caw, status=""),
            KaartService(name="Oude werking", organization=caw, status="inactive"),
            KaartService(name="Sociale dienst – onthaal", organization=ocmw, status="active"),
            KaartService(name="Sociale dienst – onthaal", organization=twin, status="active"),
            KaartService(name="Éénoudergezinnen", organization=ocmw, status="active"),
            KaartService(name="Huiswerkklas", organization=twin, status="defunct"),
        ]
        session.add_all(made)
        session.flush()
        terms = {0: [("kaart_category", "debt")], 1: [("kaart_category", "welfare"), ("theme", "admin")],
                 3: [("theme", "admin.benefits")], 4: [("kaart_category", "parenting")],
                 5: [("theme", "parenting"), ("kaart_category", "legal")], 6: [("kaart_category", "education")]}
        for index, pairs in terms.items():
            session.add_all(KaartServiceTerm(service_id=made[index].id, vocabulary=vocabulary, code=code)
                            for vocabulary, code in pairs)
        people = [
            (caw, made[0], "an Declercq", "consulent", False), (caw, made[0], "Bram Aerts", "", True),
            (caw, made[0], "Ánna Zeghers", "onthaal", False), (caw, None, "Directie CAW", "directeur", False),
            (ocmw, made[3], "Hanne Vermeulen", "maatschappelijk werker", False),
            (ocmw, made[3], "hanne vermeulen", "", True), (twin, made[4], "Kurt Maes", "", False),
            (caw, made[2], "Niet meer actief", "", False),
        ]
        session.add_all(KaartContact(organization_id=org.id, service_id=service.id if service else None, name=name,
                                     title=title, is_backup=backup) for org, service, name, title, backup in people)
    return store


@pytest.mark.parametrize("theme", ["", *THEMES.codes()])
def test_every_need_is_offered_the_services_the_orm_reading_offered(awkward_map, theme):
    assert service_choices(awkward_map, theme=theme) == reference_choices(awkward_map, theme)


def test_the_offers_read_once_serve_every_need(awkward_map):
    offers = service_offers(awkward_map)
    assert len(offers) == 5  # the inactive and the defunct service are not offered
    for theme in ("", "admin.debts", "parenting.conflict", "leisure"):
        assert ranked_for_theme(offers, theme) == reference_choices(awkward_map, theme)


def reference_recipients(store) -> list[RecipientChoice]:
    """Who could receive information until December 2026: the ORM objects and their relations."""
    with store.read() as session:
        choices = [RecipientChoice(RecipientKind.SCHOOL, s.uuid, s.label)
                   for s in session.scalars(select(School).order_by(School.name))]
        for org in session.scalars(select(KaartOrganization).order_by(KaartOrganization.name)):
            choices.append(RecipientChoice(RecipientKind.ORGANIZATION, org.uuid, org.name))
            for service in sorted(org.services, key=lambda s: s.name):
                choices.append(RecipientChoice(RecipientKind.SERVICE, service.uuid, f"{org.name} – {service.name}"))
            for contact in sorted(org.contacts, key=lambda c: c.name):
                choices.append(RecipientChoice(RecipientKind.CONTACT, contact.uuid, f"{contact.name} ({org.name})"))
        return choices


def test_every_recipient_is_offered_as_the_orm_reading_offered_it(awkward_map):
    make_school(awkward_map, name="Basisschool De Vlieger", site_name="Wijk Noord")
    make_school(awkward_map, name="Atheneum Kortrijk")
    with awkward_map.session() as session:
        session.add(KaartOrganization(name="Zonder diensten"))
    offered = recipient_choices(awkward_map)
    assert offered == reference_recipients(awkward_map)
    assert offered[:2] == [RecipientChoice(RecipientKind.SCHOOL, offered[0].id, "Atheneum Kortrijk"),
                           RecipientChoice(RecipientKind.SCHOOL, offered[1].id, "Basisschool De Vlieger – Wijk Noord")]
