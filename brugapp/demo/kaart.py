"""Demo loader for the sociale kaart: a fictional Kortrijk–Roeselare region (``resources/demo/kaart.json``)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from brugapp.demo.context import DemoContext
from brugapp.domain.kaart import format_time, parse_opening_hours
from brugapp.services.kaart.indexing import index_many
from brugapp.store.models.kaart import (
    KaartContact,
    KaartLocation,
    KaartOrganization,
    KaartPhone,
    KaartPrivateNote,
    KaartSchedule,
    KaartService,
    KaartServiceArea,
    KaartServiceAtLocation,
    KaartServiceTerm,
)


def _contact(org: KaartOrganization, service: KaartService, data: dict, *, backup: bool) -> KaartContact:
    return KaartContact(organization=org, service=service, name=data["name"], title=data.get("role", ""),
                        phone=data.get("phone", ""), email=data.get("email", ""), is_backup=backup)


_DEMO_STREETS = ("Stationsstraat", "Kerkstraat", "Marktplein", "Schoolstraat", "Molenstraat", "Leiekaai",
                 "Dorpsplein", "Groeningestraat", "Lindenlaan", "Brugsesteenweg")


def _demo_street(key: str) -> str:
    """A fictional street address for an organisation the demo file gives only a town (stable per key)."""
    number = sum(ord(c) for c in key)
    return f"{_DEMO_STREETS[number % len(_DEMO_STREETS)]} {number % 97 + 1}"


def _location(org: KaartOrganization, org_key: str, data: dict, locations: dict[tuple[str, str], KaartLocation]
              ) -> KaartLocation | None:
    """The service's address (one location per street and town of the organisation), or None without a town."""
    address = data.get("address") or (_demo_street(org_key) if data.get("city") else "")
    if not address:
        return None
    key = (address, data["city"])
    if key not in locations:
        locations[key] = KaartLocation(organization=org, name=org.name, address_1=address,
                                       postal_code=data.get("postal_code", ""), city=data["city"],
                                       state_province="West-Vlaanderen")
    return locations[key]


def load_kaart(session: Session, demo: DemoContext) -> None:
    made: list[tuple[dict, KaartOrganization]] = []
    for row in demo.read_json("kaart.json"):
        org = KaartOrganization(name=row["name"], alternate_name=row.get("alternate_name", ""),
                                description=row.get("description", ""), email=row.get("email", ""),
                                website=row.get("website", ""))
        org.phones = [KaartPhone(number=p["number"], purpose=p["purpose"]) for p in row.get("phones", [])]
        session.add(org)
        locations: dict[tuple[str, str], KaartLocation] = {}
        for data in row["services"]:
            service = KaartService(
                organization=org, name=data["name"], description=data.get("description", ""),
                not_offered=data.get("not_offered", ""), target_group=data.get("target_group", ""),
                minimum_age=data.get("min_age"), maximum_age=data.get("max_age"),
                referral_route=data.get("route", ""), application_process=data.get("procedure", ""),
                wait_time=data.get("wait", ""), fees=data.get("fees", ""), comes_to_school=data.get("school", False),
                after_hours_note=data.get("after_hours_note", ""),
                assured_date=demo.day(-data.get("verified_days_ago", 30)),
            )
            service.terms = [KaartServiceTerm(vocabulary="kaart_category", code=c) for c in data.get("categories", [])]
            service.terms += [KaartServiceTerm(vocabulary="theme", code=c) for c in data.get("themes", [])]
            service.areas = [KaartServiceArea(name=a) for a in data.get("areas", [])]
            service.schedules = [KaartSchedule(byday=s.byday, opens_at=format_time(s.opens),
                                               closes_at=format_time(s.closes))
                                 for s in parse_opening_hours(data.get("hours", ""))]
            service.phones = [KaartPhone(number=data["phone"], purpose="main")] if data.get("phone") else []
            if data.get("after_hours"):
                service.phones.append(KaartPhone(number=data["after_hours"], purpose="after_hours"))
            location = _location(org, row["key"], data, locations)
            if location is not None:
                service.at_locations = [KaartServiceAtLocation(location=location)]
            session.add(service)
            if data.get("contact"):
                session.add(_contact(org, service, data["contact"], backup=False))
            if data.get("backup"):
                session.add(_contact(org, service, data["backup"], backup=True))
        made.append((row, org))
        demo.remember("kaart_organization", row["key"], org)
    session.flush()
    for row, org in made:
        if row.get("colour") or row.get("notes"):
            session.add(KaartPrivateNote(organization_id=org.id, colour=row.get("colour", ""),
                                         notes=row.get("notes", "")))
    orgs = [org for _row, org in made]
    index_many(session, services=[s for org in orgs for s in org.services], organizations=orgs)
