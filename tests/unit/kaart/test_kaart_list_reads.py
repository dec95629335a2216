"""The map's list is read in plain SQL (store/kaart_reads.py) for speed: every summary must be exactly what the
ORM's records of the same services say, on a map with awkward data (no phones, only the organisation's, after-hours
numbers, no hours, unreadable hours, places repeated, private colours, Unicode names)."""

from __future__ import annotations

import contextlib
import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from brugapp.domain.kaart import CATEGORIES, phone_for, slots_from_byday
from brugapp.domain.themes import THEMES
from brugapp.services.kaart.query import (
    KaartFilter,
    MapRest,
    ServiceSummary,
    find_services,
    first_services,
    list_services,
    summary_matches,
    term_words,
)
from brugapp.store import Store
from brugapp.store.models.kaart import (
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
from brugapp.store.search_index import fold


def _service(session: Session, org: KaartOrganization, name: str, **values: object) -> KaartService:
    service = KaartService(organization=org, name=name, **values)
    session.add(service)
    session.flush()
    return service


def _awkward_map(store: Store) -> None:
    with store.session() as session:
        cawb = KaartOrganization(name="CAW Zuid-West-Vlaanderen", alternate_name="CAW")
        ocmw = KaartOrganization(name="Öcmw Kortrijk – Sociaal Huis")
        quiet = KaartOrganization(name="Zonder nummers vzw")
        session.add_all([cawb, ocmw, quiet])
        session.flush()
        session.add_all([
            KaartPhone(organization_id=cawb.id, number="056 11 11 11", purpose="main"),
            KaartPhone(organization_id=cawb.id, number="", purpose="main"),  # an empty line is skipped
            KaartPhone(organization_id=cawb.id, number="0800 11 11 1", purpose="after_hours"),
            KaartPhone(organization_id=ocmw.id, number="056 22 22 22", purpose="main"),
            KaartPrivateNote(organization_id=cawb.id, colour="green", notes="Vaste partner"),
            KaartPrivateNote(organization_id=quiet.id, colour="", notes="Nog leren kennen"),
        ])
        kortrijk = KaartLocation(organization=cawb, address_1="Kasteelstraat 1", postal_code="8500", city="Kortrijk")
        menen = KaartLocation(organization=cawb, city="Menen")
        harelbeke = KaartLocation(organization=cawb, city="Harelbeke")
        nowhere = KaartLocation(organization=ocmw, city="")
        session.add_all([kortrijk, menen, harelbeke, nowhere])
        session.flush()
        # organisation phones only; areas and location cities overlapping; categories and themes
        debts = _service(session, cawb, "Schuldhulp", description="Budgetbegeleiding", target_group="Gezinnen",
                         assured_date=dt.date(2026, 3, 2), referral_route="via_clb", comes_to_school=True)
        session.add_all([KaartServiceArea(service_id=debts.id, name=n) for n in ("Kortrijk", "Wevelgem", "Kortrijk")])
        session.add_all([KaartServiceAtLocation(service_id=debts.id, location_id=loc.id)
                         for loc in (menen, kortrijk, harelbeke, nowhere)])
        session.add_all([KaartServiceTerm(service_id=debts.id, vocabulary=v, code=c) for v, c in (
            ("kaart_category", "debt"), ("theme", "admin.debts"), ("kaart_category", "legal"),
            ("theme", "poverty"), ("other", "ignored"))])
        session.add_all([KaartSchedule(service_id=debts.id, byday="MO,TU,WE,TH,FR", opens_at="09:00",
                                       closes_at="17:00"),
                         KaartSchedule(service_id=debts.id, byday="SA", opens_at="10:00", closes_at="12:00")])
        # own numbers (main and after hours) win over the organisation's; an unreadable schedule row is left out
        crisis = _service(session, cawb, "Crisismeldpunt Minderjarigen", status="temporarily closed")
        session.add_all([
            KaartPhone(service_id=crisis.id, number="", purpose="main"),
            KaartPhone(service_id=crisis.id, number="056 33 33 33", purpose="main"),
            KaartPhone(service_id=crisis.id, number="056 44 44 44", purpose="main"),
            KaartPhone(service_id=crisis.id, number="0800 99 99 9", purpose="after_hours"),
            KaartSchedule(service_id=crisis.id, byday="XX", opens_at="09:00", closes_at="17:00"),
            KaartSchedule(service_id=crisis.id, byday="", opens_at="", closes_at=""),
            KaartServiceTerm(service_id=crisis.id, vocabulary="kaart_category", code="crisis"),
        ])
        # only an after-hours number of its own: the organisation's main line, its own after-hours line
        night = _service(session, ocmw, "Nachtopvang Çiğdem & Zoë", alternate_name="Nachtopvang",
                         assured_date=dt.date(2023, 5, 1))
        session.add_all([KaartPhone(service_id=night.id, number="0470 12 34 56", purpose="after_hours"),
                         KaartServiceArea(service_id=night.id, name="Kortrijk"),
                         KaartServiceAtLocation(service_id=night.id, location_id=nowhere.id),
                         KaartServiceTerm(service_id=night.id, vocabulary="theme", code="poverty.housing")])
        # nothing at all: no phones anywhere, no hours, no places, no terms, a colourless private note
        _service(session, quiet, "Ëën loket", status="defunct")
        _service(session, quiet, "ander loket")  # sorts after "Ëën loket" once folded


def _expected(session: Session) -> list[ServiceSummary]:
    """The summaries built from the ORM's records with the domain rules, as the map was read before."""
    summaries = []
    for service in session.scalars(select(KaartService)):
        org = service.organization
        own = [(p.number, p.purpose) for p in service.phones]
        of_org = [(p.number, p.purpose) for p in org.phones]
        places = [a.name for a in service.areas]
        for link in service.at_locations:
            if link.location.city and link.location.city not in places:
                places.append(link.location.city)
        slots = []
        for schedule in service.schedules:
            with contextlib.suppress(ValueError):  # an unreadable row is left out
                slots.append(slots_from_byday(schedule.byday, schedule.opens_at, schedule.closes_at))
        cats = tuple(t.code for t in service.terms if t.vocabulary == "kaart_category")
        themes = tuple(t.code for t in service.terms if t.vocabulary == "theme")
        note = session.scalar(select(KaartPrivateNote).where(KaartPrivateNote.organization_id == org.id))
        words = " ".join((service.name, service.alternate_name, org.name, org.alternate_name, service.description,
                          service.target_group, " ".join(places),
                          term_words(cats, CATEGORIES) + " " + term_words(themes, THEMES)))
        summaries.append(ServiceSummary(
            id=service.uuid, name=service.name, organization_id=org.uuid, organization_name=org.name,
            categories=cats, themes=themes, municipalities=tuple(places),
            phone=phone_for("main", own, of_org), after_hours_phone=phone_for("after_hours", own, of_org),
            colour=note.colour if note else "", assured_date=service.assured_date, status=service.status,
            referral_route=service.referral_route, comes_to_school=service.comes_to_school, slots=tuple(slots),
            words=words))
    return sorted(summaries, key=lambda s: (fold(s.organization_name), fold(s.name)))


def test_the_plain_sql_list_gives_exactly_the_orm_summaries(store: Store) -> None:
    # GIVEN a map with awkward data
    _awkward_map(store)
    # WHEN the list is read
    listed = list_services(store)
    # THEN every summary is the one the ORM's records give, field by field (the search words too), in order
    with store.read() as session:
        expected = _expected(session)
    assert [s.name for s in listed] == [s.name for s in expected]
    for got, want in zip(listed, expected, strict=True):
        assert vars(got) == vars(want), got.name
        assert type(got.assured_date) is type(want.assured_date)
        assert type(got.comes_to_school) is bool
    # and the awkward cases came out as a brugfiguur expects them
    by_name = {s.name: s for s in listed}
    assert by_name["Schuldhulp"].phone == "056 11 11 11"  # the organisation's line
    assert by_name["Schuldhulp"].after_hours_phone == "0800 11 11 1"
    assert by_name["Schuldhulp"].municipalities == ("Kortrijk", "Wevelgem", "Kortrijk", "Menen", "Harelbeke")
    assert by_name["Schuldhulp"].colour == "green" and by_name["Schuldhulp"].comes_to_school is True
    assert by_name["Crisismeldpunt Minderjarigen"].phone == "056 33 33 33"
    assert by_name["Crisismeldpunt Minderjarigen"].after_hours_phone == "0800 99 99 9"
    assert len(by_name["Crisismeldpunt Minderjarigen"].slots) == 1  # "XX" is not a day; "" means every day
    assert by_name["Nachtopvang Çiğdem & Zoë"].phone == "056 22 22 22"
    assert by_name["Nachtopvang Çiğdem & Zoë"].after_hours_phone == "0470 12 34 56"
    assert by_name["Ëën loket"].phone == "" and by_name["Ëën loket"].slots == () and by_name["Ëën loket"].colour == ""
    assert [s.name for s in listed][-2:] == ["ander loket", "Ëën loket"]  # folded: "ander" before "een"


def test_finding_on_the_plain_sql_list_uses_places_themes_and_unicode(store: Store) -> None:
    _awkward_map(store)
    assert [s.name for s in find_services(store, criteria=KaartFilter(text="cigdem zoe"))] == [
        "Nachtopvang Çiğdem & Zoë"]
    assert [s.name for s in find_services(store, criteria=KaartFilter(text="schulden menen"))] == ["Schuldhulp"]
    found = find_services(store, criteria=KaartFilter(colour="green"))
    assert {s.name for s in found} == {"Schuldhulp", "Crisismeldpunt Minderjarigen"}


def test_a_filter_that_filters_nothing_lets_every_service_through_and_any_criterion_filters(store: Store) -> None:
    # The list skips the filter rule for the first view ("filters nothing"): that must be true of every service
    _awkward_map(store)
    listed = list_services(store)
    today = dt.date(2026, 11, 25)
    nothing = KaartFilter(today=today)
    assert nothing.filters_nothing()
    assert all(summary_matches(s, nothing) for s in listed)
    # and each criterion on its own is a filter: some service of this map is left out by it
    for criterion in (dict(text="crisis"), dict(category="debt"), dict(municipality="Menen"),
                      dict(municipalities=("Menen",)), dict(colour="green"), dict(stale_only=True),
                      dict(open_at=dt.datetime(2026, 11, 25, 22)), dict(after_hours=True)):
        criteria = KaartFilter(today=today, **criterion)  # type: ignore[arg-type]
        assert not criteria.filters_nothing(), criterion
        assert not all(summary_matches(s, criteria) for s in listed), criterion


def test_the_first_page_is_the_start_of_the_whole_list(store: Store) -> None:
    # GIVEN the awkward map, with two services of the same name in one organisation (ties keep the map's order)
    _awkward_map(store)
    with store.session() as session:
        quiet = session.scalar(select(KaartOrganization).where(KaartOrganization.name == "Zonder nummers vzw"))
        _service(session, quiet, "ander loket", description="de tweede met die naam")
    whole = list_services(store)
    places = {place for summary in whole for place in summary.municipalities}
    # WHEN only the first services are read, for every length of the first page
    for count in range(len(whole) + 2):
        page = first_services(store, count=count)
        # THEN they are the whole list's first ones, field by field, and the page knows the map's size and places
        assert page.services == whole[:count], count
        assert page.total == len(whole) and page.places == places
    assert "" not in places and {"Kortrijk", "Menen", "Harelbeke", "Wevelgem"} <= places


def test_the_rest_of_the_map_comes_in_parts_or_at_once_in_list_order(store: Store) -> None:
    # GIVEN the awkward map with a dozen more services, and its first page of two
    _awkward_map(store)
    with store.session() as session:
        quiet = session.scalar(select(KaartOrganization).where(KaartOrganization.name == "Zonder nummers vzw"))
        for number in range(12):
            _service(session, quiet, f"Loket {number % 5}", description=f"nummer {number}")
    whole = list_services(store)

    def rest_after_first_page() -> tuple[list[ServiceSummary], MapRest]:
        page = first_services(store, count=2)
        return list(page.services), MapRest(store, page, part=3)

    # WHEN the rest is read a part at a time (the page idle) THEN the parts follow the list's order
    shown, rest = rest_after_first_page()
    while not rest.done:
        shown += rest.next_part()
    assert shown == whole
    # WHEN it is read at once (a search right away), or at once after a first part THEN the same list
    shown, rest = rest_after_first_page()
    assert shown + rest.everything() == whole and rest.done and rest.everything() == []
    shown, rest = rest_after_first_page()
    part = rest.next_part()
    assert len(part) == 3 and shown + part + rest.everything() == whole
