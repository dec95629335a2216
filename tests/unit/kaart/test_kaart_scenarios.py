"""Scenarios 3, 7 and 11 of the sociale kaart, plus what other capabilities call (get_service, get_contact …)."""

from __future__ import annotations

import datetime as dt

import pytest

from brugapp.domain.kaart import parse_opening_hours
from brugapp.errors import NotFoundError, ValidationError
from brugapp.services.kaart.detail import get_contact, get_service
from brugapp.services.kaart.edit import ServiceInput, merge_services, save_service, set_colour, verify_service
from brugapp.services.kaart.query import KaartFilter, find_services, list_services, services_for_theme
from brugapp.services.listing import list_records
from brugapp.services.search import search_everything
from tests.paths import TEST_DATA

WEDNESDAY_1730 = dt.datetime(2026, 11, 25, 17, 30)
TODAY = WEDNESDAY_1730.date()


def service(store, name: str, org: str, **fields: object) -> str:
    hours = fields.pop("hours", "ma-vr 9-17")
    return save_service(store, service_id=None, data=ServiceInput(
        name=name, organization_name=org, opening_hours=parse_opening_hours(str(hours)), **fields))  # type: ignore[arg-type]


def test_scenario_3_ocmw_after_hours_number_in_seconds(store) -> None:
    # GIVEN the OCMW with an office number and a permanentie for after hours, among other services
    ocmw = service(store, "Sociale dienst – onthaal", "OCMW Kortrijk", categories=("welfare", "crisis"),
                   phone="056 00 10 01", after_hours_phone="056 00 99 10", municipalities=("Kortrijk",),
                   after_hours_note="Permanentie voor dringende noodsituaties")
    service(store, "Schuldhulp", "OCMW Kortrijk", categories=("debt",), phone="056 00 10 05")
    service(store, "Onthaal", "CAW Zuid-West-Vlaanderen", categories=("welfare",), phone="056 00 20 20")
    # WHEN the principal calls at 17:30 and the brugfiguur types "ocmw kortrijk" with "after hours" on
    found = find_services(store, criteria=KaartFilter(text="ocmw kortrijk", after_hours=True))
    # THEN the after-hours number is right there, and it is the one to call now
    assert [s.id for s in found] == [ocmw]
    assert found[0].number_now(WEDNESDAY_1730) == "056 00 99 10"
    # AND the global search finds the OCMW too, and opening it gives the number and the note
    hits = search_everything(store, text="OCMW Kortr")
    assert {h.kind for h in hits} >= {"organization", "service"}
    detail = get_service(store, service_id=ocmw)
    assert (detail.after_hours_phone, detail.after_hours_note) == ("056 00 99 10",
                                                                   "Permanentie voor dringende noodsituaties")


def test_scenario_7_crisis_open_now_at_half_past_five(store) -> None:
    # GIVEN crisis services with different hours, and a closed non-crisis service
    line = service(store, "Hulplijn", "Tele-Onthaal", categories=("crisis",), phone="0800 00 106", hours="24/7")
    ckg = service(store, "Crisisopvang", "CKG De Zonnebloem", categories=("crisis",), phone="051 00 12 12",
                  hours="ma-vr 8-18")
    ocmw = service(store, "Permanentie", "OCMW Roeselare", categories=("crisis", "welfare"), phone="051 00 10 10",
                   after_hours_phone="051 00 99 11", hours="ma-vr 9-16")
    service(store, "Crisisteam kantooruren", "CGG", categories=("crisis",), phone="056 00 30 30",
            hours="ma-vr 9-17")
    service(store, "Huiswerkklas", "Huiswerk Kortrijk", categories=("education",), phone="056 00 40 40",
            hours="ma-vr 16-18")
    # WHEN "crisis, open now" is asked on Wednesday at 17:30
    found = find_services(store, criteria=KaartFilter(category="crisis", open_at=WEDNESDAY_1730))
    # THEN the 24/7 line, the CKG (open till 18) and the OCMW's permanentie come back with the right numbers
    numbers = {s.id: s.number_now(WEDNESDAY_1730) for s in found}
    assert numbers == {line: "0800 00 106", ckg: "051 00 12 12", ocmw: "051 00 99 11"}
    # AND "after hours" keeps those reachable outside office hours (the CKG closes at 18, so it counts too)
    after = {s.id for s in find_services(store, criteria=KaartFilter(category="crisis", after_hours=True))}
    assert after == {line, ckg, ocmw}
    # AND at 19:00 the CKG drops out of "open now"
    later = {s.id for s in find_services(store, criteria=KaartFilter(
        category="crisis", open_at=WEDNESDAY_1730.replace(hour=19)))}
    assert later == {line, ocmw}


def test_scenario_11_ken_je_buurt_colours_theme_and_stale_entries(store) -> None:
    # GIVEN 30 organisations, each with one service; every third one about parenting
    ids = []
    for number in range(30):
        ids.append(service(store, f"Dienst {number}", f"Organisatie {number:02d}",
                           categories=("parenting",) if number % 3 == 0 else ("leisure",),
                           phone=f"056 00 50 {number:02d}"))
    # WHEN the brugfiguur and the zorgcoördinator colour all 30 and check some of them
    colours = ("green", "red", "explore")
    for number, service_id in enumerate(ids):
        set_colour(store, organization_id=get_service(store, service_id=service_id).organization_id,
                   colour=colours[number % 3] if number % 2 == 0 else colours[(number + 1) % 3])
        if number < 10:
            verify_service(store, service_id=service_id, today=TODAY - dt.timedelta(days=30))
        elif number < 20:
            verify_service(store, service_id=service_id, today=TODAY - dt.timedelta(days=400))
    summaries = list_services(store)
    assert sum(1 for s in summaries if s.colour) == 30
    # THEN filtering on green + parenting gives exactly the green parenting services
    green_parenting = find_services(store, criteria=KaartFilter(colour="green", category="theme:parenting"))
    expected = {s.id for s in summaries if s.colour == "green" and "parenting" in s.categories}
    assert {s.id for s in green_parenting} == expected and expected
    # AND entries not verified for over 12 months (or never) are flagged
    stale = find_services(store, criteria=KaartFilter(stale_only=True, today=TODAY))
    assert {s.name for s in stale} == {f"Dienst {n}" for n in range(10, 30)}


def test_who_do_i_call_for_debts_in_kortrijk(store) -> None:
    debt_kortrijk = service(store, "Schuldbemiddeling", "OCMW Kortrijk", categories=("debt",),
                            municipalities=("Kortrijk",))
    service(store, "Schuldbemiddeling", "OCMW Roeselare", categories=("debt",), municipalities=("Roeselare",))
    service(store, "Speelplein", "Jeugddienst Kortrijk", categories=("leisure",), municipalities=("Kortrijk",))
    assert [s.id for s in find_services(store, criteria=KaartFilter(text="schulden Kortrijk"))] == [debt_kortrijk]
    assert [s.id for s in find_services(store, criteria=KaartFilter(text="debts kortrijk"))] == [debt_kortrijk]
    # the best answer comes first: the word typed in the service's own name beats a category match
    service(store, "Groeipakket en schooltoeslag", "Groeipakket Kortrijk", categories=("debt",),
            municipalities=("Kortrijk",))
    service(store, "Schuldhulpverlening", "CAW Kortrijk", categories=("welfare",), municipalities=("Kortrijk",),
            description="Hulp bij schulden")
    ranked = [s.name for s in find_services(store, criteria=KaartFilter(text="schulden Kortrijk"))]
    assert ranked[:2] == ["Schuldbemiddeling", "Schuldhulpverlening"] and ranked[-1] == "Groeipakket en schooltoeslag"


def test_a_familys_need_maps_to_services(store) -> None:
    housing = service(store, "Woonloket", "Woonwijzer Kortrijk", categories=("housing",), municipalities=("Kortrijk",))
    service(store, "Woonloket", "Woonwijzer Roeselare", categories=("housing",), municipalities=("Roeselare",))
    tagged = service(store, "Buurtwerk", "Samenlevingsopbouw", categories=("welfare",), themes=("poverty.housing",),
                     municipalities=("Kortrijk",))
    found = {s.id for s in services_for_theme(store, theme="poverty.housing", municipality="Kortrijk")}
    assert found == {housing, tagged}
    with pytest.raises(ValidationError):
        services_for_theme(store, theme="no-such-theme")


def test_get_contact_gives_numbers_after_hours_and_the_backup(store) -> None:
    service_id = service(store, "Onthaal", "CAW Zuid-West-Vlaanderen", phone="056 00 20 20",
                         after_hours_phone="056 00 77 77", contact_name="Sofie Vermeulen",
                         contact_phone="056 00 20 21", backup_name="Tom Peeters", backup_phone="056 00 20 22")
    detail = get_service(store, service_id=service_id)
    assert detail.contact is not None and detail.backup is not None
    contact = get_contact(store, contact_id=detail.contact.id)
    assert contact.organization_name == "CAW Zuid-West-Vlaanderen" and contact.service_name == "Onthaal"
    assert contact.phones == ("056 00 20 21", "056 00 20 20")
    assert contact.after_hours_phone == "056 00 77 77"
    assert contact.backup is not None and contact.backup.name == "Tom Peeters"
    with pytest.raises(NotFoundError):
        get_contact(store, contact_id="00000000-0000-0000-0000-000000000000")


def test_merge_duplicates_keeps_contacts_places_and_removes_the_empty_organisation(store) -> None:
    keep = service(store, "Opvoedingswinkel", "Huis van het Kind Kortrijk", municipalities=("Kortrijk",),
                   phone="056 00 60 60")
    duplicate = service(store, "Opvoedingswinkel", "Huis vh Kind Kortrijk", municipalities=("Kuurne",),
                        contact_name="Ewa Kowalski", description="Gesprekken over opvoeding", wait_time="1 week")
    merge_services(store, keep_id=keep, duplicate_id=duplicate)
    detail = get_service(store, service_id=keep)
    assert set(detail.municipalities) == {"Kortrijk", "Kuurne"}
    assert detail.contact is not None and detail.contact.name == "Ewa Kowalski"
    assert (detail.description, detail.wait_time) == ("Gesprekken over opvoeding", "1 week")
    assert [r.label for r in list_records(store, kind="organizations")] == ["Huis van het Kind Kortrijk"]
    assert len(list_records(store, kind="services")) == 1
    assert not [h for h in search_everything(store, text="vh Kind") if h.kind == "organization"]


def test_bad_input_is_refused_with_the_field_named(store) -> None:
    with pytest.raises(ValidationError) as error:
        save_service(store, service_id=None, data=ServiceInput(name="X", organization_name="Y", minimum_age=200))
    assert error.value.field == "minimum_age"
    assert list_services(store) == []


def test_demo_region_has_the_kinds_of_services_and_30_colours(store) -> None:
    from brugapp.demo.context import DemoContext
    from brugapp.demo.kaart import load_kaart
    from brugapp.services.listing import list_records as listed

    with store.session() as session:
        load_kaart(session, DemoContext(today=TODAY))
    summaries = list_services(store)
    assert 100 <= len(summaries) <= 140
    coloured_orgs = {s.organization_id for s in summaries if s.colour}
    assert len(coloured_orgs) == 30
    ocmw = find_services(store, criteria=KaartFilter(text="ocmw kortrijk sociale dienst", after_hours=True))
    assert ocmw and ocmw[0].after_hours_phone.startswith("056 00 99")
    assert any(s.is_stale(TODAY) for s in summaries) and any(not s.is_stale(TODAY) for s in summaries)
    # every number is obviously fictional, every e-mail on example.be
    assert all(" 00 " in s.phone for s in summaries if s.phone)
    assert any(r.label == "CAW Zuid-West-Vlaanderen" for r in listed(store, kind="organizations"))


def test_imported_services_are_found_by_the_global_search(store, tmp_path) -> None:

    from brugapp.services.kaart.importing import import_kaart

    data = TEST_DATA / "kaart" / "belgian_cp1252.csv"
    import_kaart(store, path=data)
    hits = search_everything(store, text="creche eloi")
    assert [h.kind for h in hits] == ["organization", "service"] or {h.kind for h in hits} == {"organization",
                                                                                                "service"}
