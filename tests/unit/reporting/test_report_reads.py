"""The year report counted in plain SQL (``store/report_reads.py``) gives, to the byte, the figures the previous
counting through SQLAlchemy gave (``previous_report.py``, the module as it was): on awkward data, for several school
years, each school and all schools, the year read through the date index and by a scan, and the charts' figures.

Awkward: deleted contact moments, anonymous ones (no family), further families and members taking part, contact
moments at local midnight on the first and last day of a school year and on the nights the clocks change, themes
and channels the vocabulary does not know, families with two children at one school and children at two
schools, families without members, a family whose consent was withdrawn with something withheld, services with
no, one and two categories on the social map, referrals before, in and after each year, cancelled meetings,
events with and without attendance recorded, a signal naming a family (held back), schools with a site name and
a school without families.
"""

from __future__ import annotations

import datetime as dt
from random import Random

import pytest

from brugapp.domain.clock import from_local
from brugapp.domain.schoolyear import SchoolYear
from brugapp.services.reporting import report as report_module
from brugapp.services.reporting.report import chart_figures, school_choices, school_year_report
from brugapp.store import Store
from brugapp.store.models import Family, School
from brugapp.store.models.kaart import KaartOrganization, KaartService, KaartServiceTerm
from brugapp.store.models.meetings import Event, EventRegistration, Meeting
from brugapp.store.models.notebook import ContactMoment, ContactParticipant, ContactTheme, FamilyMember
from brugapp.store.models.referrals import Consent, Referral
from brugapp.store.models.reporting import Signal
from tests.unit.reporting import previous_report

YEARS = (2023, 2024, 2025, 2026)
MADE_ON = dt.date(2026, 6, 30)
CHANNELS = ("telefoon", "huisbezoek", "schoolpoort", "groepsactiviteit", "koffiemoment", "fax")  # fax: unknown
THEMES = ("admin", "admin.debts", "poverty", "poverty.housing", "parenting", "health.mental", "oud.thema")
# Local midnights where a school year begins or ends, and the nights the clocks change (Brussels).
EDGES = (dt.datetime(2024, 9, 1, 0, 0), dt.datetime(2024, 8, 31, 23, 59, 59), dt.datetime(2025, 9, 1, 0, 0),
         dt.datetime(2025, 8, 31, 23, 59), dt.datetime(2025, 3, 30, 0, 0), dt.datetime(2025, 3, 30, 3, 0),
         dt.datetime(2025, 10, 26, 0, 0), dt.datetime(2025, 10, 26, 2, 30), dt.datetime(2026, 9, 1, 0, 0))


def _when(random: Random) -> dt.datetime:
    if random.random() < 0.1:
        return from_local(random.choice(EDGES))
    day = dt.date(2023, 8, 1) + dt.timedelta(days=random.randrange(3 * 365 + 60))
    return from_local(dt.datetime.combine(day, dt.time(random.randrange(24), random.randrange(60))))


def _services(session, random: Random) -> list[int]:
    organisation = KaartOrganization(name="OCMW Kortrijk")
    session.add(organisation)
    session.flush()
    services = [KaartService(organization_id=organisation.id, name=f"Dienst {n}") for n in range(6)]
    session.add_all(services)
    session.flush()
    for number, service in enumerate(services):  # no, one or two categories: the first one counts
        for code in (("debt",), ("housing", "debt"), (), ("health",), ("debt", "welzijn"), ())[number]:
            session.add(KaartServiceTerm(service_id=service.id, vocabulary="kaart_category", code=code))
        if random.random() < 0.5:
            session.add(KaartServiceTerm(service_id=service.id, vocabulary="kaart_theme", code="admin"))
    return [service.id for service in services]


@pytest.fixture
def programme(store: Store) -> None:
    random = Random(16)
    with store.session() as session:
        schools = [School(name="Basisschool De Vlieger"), School(name="GO! De Regenboog", site_name="Wijk Zuid"),
                   School(name="VBS Sint-Jan", site_name="Hoofdschool"), School(name="School zonder gezinnen")]
        families = [Family(display_name=f"Gezin {name}") for name in
                    ("Aydın", "Maes", "Nowak", "Demir", "Claeys", *(f"Nummer {n}" for n in range(55)))]
        session.add_all([*schools, *families])
        session.flush()
        members: list[FamilyMember] = []
        for family in families[:50]:  # ten families without members
            for child in range(random.randrange(4)):  # 0–3 children, often at the same school
                school = random.choice([*schools[:3], schools[0], None])
                members.append(FamilyMember(family_id=family.id, role="child", first_name=f"Kind {child}",
                                            school_id=school.id if school else None))
            if random.random() < 0.7:
                members.append(FamilyMember(family_id=family.id, role="parent", first_name="Ouder"))
        session.add_all(members)
        session.add(Consent(family_id=families[1].id, recipient_kind="school", recipient_uuid=schools[0].uuid,
                            purposes="share_status", given_by="parent", method="verbal",
                            given_on=dt.date(2024, 9, 10), withdrawn_on=dt.date(2025, 1, 5),
                            withheld="niets over de schulden"))
        for _number in range(500):
            anonymous = random.random() < 0.08
            contact = ContactMoment(family_id=None if anonymous else random.choice(families).id,
                                    occurred_at=_when(random), channel=random.choice(CHANNELS),
                                    deleted_at=from_local(dt.datetime(2026, 1, 1, 9)) if random.random() < 0.07
                                    else None)
            session.add(contact)
            session.flush()
            for theme in random.sample(THEMES, random.randrange(3)):
                session.add(ContactTheme(contact_id=contact.id, theme=theme))
            if not anonymous and random.random() < 0.3:
                session.add(ContactParticipant(contact_id=contact.id, family_id=random.choice(families).id))
            if random.random() < 0.2:
                session.add(ContactParticipant(contact_id=contact.id, member_id=random.choice(members).id))
        # Families seen only at a year's edge: first at local midnight of 1 September (new that year), and in
        # the last minute before it (continuing), as the main family, a further family and through a member.
        edge = [Family(display_name=f"Gezin Rand {n}") for n in range(3)]
        session.add_all(edge)
        session.flush()
        edge_member = FamilyMember(family_id=edge[2].id, role="parent", first_name="Rand", school_id=schools[1].id)
        session.add(edge_member)
        session.flush()
        for family, wall in ((edge[0], dt.datetime(2025, 9, 1, 0, 0)), (edge[1], dt.datetime(2025, 8, 31, 23, 59)),
                             (edge[1], dt.datetime(2025, 9, 1, 0, 0)), (edge[2], dt.datetime(2024, 9, 1, 0, 0))):
            contact = ContactMoment(family_id=family.id, occurred_at=from_local(wall), channel="telefoon")
            session.add(contact)
            session.flush()
        for wall, participant in ((dt.datetime(2025, 9, 1, 0, 0), ContactParticipant(family_id=edge[0].id)),
                                  (dt.datetime(2025, 9, 1, 0, 0), ContactParticipant(member_id=edge_member.id))):
            contact = ContactMoment(family_id=None, occurred_at=from_local(wall), channel="koffiemoment")
            session.add(contact)
            session.flush()
            participant.contact_id = contact.id
            session.add(participant)
        services = _services(session, random)
        for _number in range(300):
            service = random.choice([*services, None])
            session.add(Referral(
                family_id=random.choice(families).id, service_id=service, service_label="CAW",
                intensity=random.choice(("info", "called", "appointment_made", "accompanied", "intensive")),
                outcome=random.choice(("", "", "helped", "partly", "not_helped", "unreachable")),
                status="registered", referred_on=dt.date(2023, 8, 15) + dt.timedelta(days=random.randrange(1100))))
        for number in range(40):
            school = random.choice([*schools[:3], None])
            session.add(Meeting(title=f"MDO {number}", meeting_type=random.choice(("mdo", "klassenraad", "overleg")),
                                starts_at=_when(random), school_id=school.id if school else None,
                                status="cancelled" if number % 7 == 0 else "planned"))
        for number in range(8):
            event = Event(title=f"Dag {number}", event_type=random.choice(("leerkrachtendag", "infoavond")),
                          day=dt.date(2023, 10, 1) + dt.timedelta(days=140 * number))
            session.add(event)
            session.flush()
            for school in random.sample(schools, random.randrange(4)):
                session.add(EventRegistration(event_id=event.id, school_id=school.id, registered=5,
                                              attended=random.randrange(6), attendance_recorded=random.random() < 0.7))
        for number, (description, school) in enumerate((
                ("Huisjesmelker: vochtige woningen in één straat", schools[0]),
                ("Gezin Maes krijgt geen afspraak bij het OCMW", None),  # names a family: held back
                ("Wachtlijst schuldbemiddeling loopt op", schools[1]),
                ("Geen busvervoer naar de school op woensdag", None))):
            day = (dt.date(2024, 10, 1), dt.date(2024, 11, 30), dt.date(2025, 9, 23), dt.date(2023, 12, 1))[number]
            session.add(Signal(signalled_on=day, theme="poverty",
                               description=description, families_concerned=3 + number,
                               passed_on_to="" if number % 2 else "Lokaal Netwerk Kinderarmoede",
                               school_id=school.id if school else None))


@pytest.mark.parametrize("share", [1, 10**9])  # every year read through the date index / every year by a scan
def test_plain_sql_gives_the_previous_figures_to_the_byte(store: Store, programme: None, monkeypatch,
                                                          share: int) -> None:
    monkeypatch.setattr(report_module, "INDEXED_SHARE", share)
    monkeypatch.setattr(previous_report, "INDEXED_SHARE", share)
    schools = [None, *(uuid for uuid, _name in school_choices(store))]
    compared = 0
    for start_year in YEARS:
        year = SchoolYear(start_year)
        for school in schools:
            expected = previous_report.school_year_report(store, school_year=year, school_id=school, made_on=MADE_ON)
            counted = school_year_report(store, school_year=year, school_id=school, made_on=MADE_ON)
            assert repr(counted) == repr(expected), (start_year, school)
            compared += not counted.is_empty
        expected_charts = previous_report.chart_figures(store, school_year=year)
        assert repr(chart_figures(store, school_year=year).tables) == repr(expected_charts.tables)
    assert compared >= 12  # most years and schools hold figures: the comparison is not between empty reports


def test_the_awkward_data_reaches_every_table(store: Store, programme: None) -> None:
    """The data above fills what the comparison must cover (else equal reports would prove little)."""
    report = school_year_report(store, school_year=SchoolYear(2024), made_on=MADE_ON)
    assert report.table("summary").raw_count("of which anonymous") > 0
    assert report.table("referral_types").raw_count("Not on the social map / no category") > 0
    kinds = {row[0].text for row in report.table("group").rows}
    assert {"Group activity", "Coffee moment"} < kinds and len(kinds) > 2  # events too
    assert any(row[2].value > 1 for row in report.table("group").rows[2:])  # more than one person present
    assert report.table("meetings").rows
    descriptions = [row[2].text for row in report.table("signals").rows]
    assert previous_report.SIGNAL_HELD_BACK in descriptions and len(descriptions) == 2
    assert len(report.table("schools").rows) == 4  # three schools with figures and the total
    assert any(row[0].text == "fax" for row in report.table("channels").rows)  # an unknown channel as itself


def test_an_unknown_school_is_refused_as_before(store: Store, programme: None) -> None:
    from brugapp.errors import NotFoundError

    for count in (school_year_report, chart_figures, previous_report.school_year_report):
        with pytest.raises(NotFoundError) as refused:
            count(store, school_year=SchoolYear(2025), school_id="nope")
        assert "nope" in str(refused.value)
