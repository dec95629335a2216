"""The year report reads a year of few contact moments through the date index, a large year by a scan of the
notebook (``services/reporting/report.py``, ``INDEXED_SHARE``). Both ways must give exactly the same figures:
families reached through further families and members taking part, deleted contacts, two schools, families
with two children at one school, referrals with and without a category of the social map."""

from __future__ import annotations

import datetime as dt

import pytest

from brugapp.domain.clock import from_local
from brugapp.domain.reporting import SchoolYearReport
from brugapp.domain.schoolyear import SchoolYear
from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.families.notebook import delete_contact, log_contact
from brugapp.services.referrals.referrals import create_referral
from brugapp.services.reporting import report as report_module
from brugapp.services.reporting.report import school_year_report
from brugapp.store.models.kaart import KaartOrganization, KaartService, KaartServiceTerm
from tests.factories import make_family, make_school

YEAR = SchoolYear(2025)


def at(year: int, month: int, day: int) -> dt.datetime:
    return from_local(dt.datetime(year, month, day, 10, 0))


def _service_with_category(store) -> str:
    with store.session() as session:
        organisation = KaartOrganization(name="OCMW Kortrijk")
        session.add(organisation)
        session.flush()
        service = KaartService(organization_id=organisation.id, name="Schuldbemiddeling")
        session.add(service)
        session.flush()
        session.add(KaartServiceTerm(service_id=service.id, vocabulary="kaart_category", code="debt"))
        return service.uuid


@pytest.fixture
def programme(store) -> dict[str, str]:
    a, b = make_school(store, name="Basisschool De Vlieger"), make_school(store, name="GO! De Regenboog")
    f = {name: make_family(store, display_name=f"Gezin {name}") for name in ("Aydın", "Maes", "Nowak", "Demir",
                                                                              "Claeys")}
    add_member(store, family_id=f["Aydın"], member=MemberInput("child", "Elif", school_id=a))
    add_member(store, family_id=f["Maes"], member=MemberInput("child", "Lotte", school_id=a))
    add_member(store, family_id=f["Maes"], member=MemberInput("child", "Jens", school_id=a))  # two at one school
    add_member(store, family_id=f["Nowak"], member=MemberInput("child", "Kacper", school_id=b))
    add_member(store, family_id=f["Demir"], member=MemberInput("child", "Omar", school_id=a))
    add_member(store, family_id=f["Demir"], member=MemberInput("child", "Sara", school_id=b))
    demir_mother = add_member(store, family_id=f["Demir"], member=MemberInput("parent", "Fatma"))
    add_member(store, family_id=f["Claeys"], member=MemberInput("child", "Noor", school_id=b))
    # Before the school year: Aydın as main family, Nowak as a further family, Demir's mother taking part,
    # Claeys only in a contact that was deleted afterwards.
    log_contact(store, channel="telefoon", family_id=f["Aydın"], occurred_at=at(2025, 3, 3),
                other_family_ids=[f["Nowak"]], member_ids=[demir_mother.id])
    deleted = log_contact(store, channel="huisbezoek", family_id=f["Claeys"], occurred_at=at(2025, 4, 4))
    delete_contact(store, contact_id=deleted.id)
    # In the school year
    for day in (2, 3, 4):
        log_contact(store, channel="schoolpoort", family_id=f["Aydın"], themes=["admin.debts"],
                    occurred_at=at(2025, 10, day))
    log_contact(store, channel="koffiemoment", family_id=f["Maes"], themes=["poverty.housing", "admin"],
                other_family_ids=[f["Demir"]], occurred_at=at(2025, 11, 5))
    log_contact(store, channel="groepsactiviteit", family_id=f["Nowak"], occurred_at=at(2026, 1, 8))
    log_contact(store, channel="telefoon", family_id=f["Claeys"], occurred_at=at(2026, 8, 31))
    log_contact(store, channel="telefoon", occurred_at=at(2026, 2, 2))  # anonymous
    log_contact(store, channel="telefoon", family_id=f["Aydın"], occurred_at=at(2026, 9, 1))  # the next year
    service = _service_with_category(store)
    create_referral(store, family_id=f["Maes"], intensity="called", service_id=service, referred_on=dt.date(2025, 9, 9))
    create_referral(store, family_id=f["Maes"], intensity="info", service_label="CAW", referred_on=dt.date(2026, 1, 1))
    create_referral(store, family_id=f["Demir"], intensity="called", service_id=service,
                    referred_on=dt.date(2026, 5, 5))
    create_referral(store, family_id=f["Nowak"], intensity="info", service_label="CAW",
                    referred_on=dt.date(2025, 8, 31))  # the year before
    return {"a": a, "b": b, **f}


def _report(store, monkeypatch, share: int, school_id: str | None) -> SchoolYearReport:
    monkeypatch.setattr(report_module, "INDEXED_SHARE", share)
    return school_year_report(store, school_year=YEAR, school_id=school_id, made_on=dt.date(2026, 6, 30))


@pytest.mark.parametrize("school", [None, "a", "b"])
def test_the_date_index_and_the_scan_give_the_same_figures(store, programme, monkeypatch, school) -> None:
    school_id = programme[school] if school else None
    # WHEN the year is read through the date index (every year counts as small) and by a scan (none does)
    indexed = _report(store, monkeypatch, 1, school_id)
    scanned = _report(store, monkeypatch, 10**9, school_id)
    # THEN every table is the same, row for row
    assert indexed.tables == scanned.tables


def test_families_new_and_continuing_through_the_date_index(store, programme, monkeypatch) -> None:
    report = _report(store, monkeypatch, 1, None)
    families = report.table("families")
    # Reached: Aydın, Maes, Demir (further family), Nowak, Claeys. Seen before 1 September: Aydın (main family),
    # Nowak (further family), Demir (a member took part); Claeys only in a deleted contact, so new with Maes.
    assert families.raw_count("Total families reached") == 5
    assert families.raw_count("New families") == 2
    assert families.raw_count("Continuing families") == 3
    summary = report.table("summary")
    assert summary.raw_count("Contact moments") == 7
    assert summary.raw_count("of which anonymous") == 1
    assert summary.raw_count("Referrals") == 3
    schools = report.table("schools")
    # Maes has two children at De Vlieger: its two referrals count there once each; Demir's at both schools.
    assert schools.raw_count("Basisschool De Vlieger", 3) == 3
    assert schools.raw_count("GO! De Regenboog", 3) == 1
    assert report.table("referral_types").raw_count("Debts and money") == 2
    assert report.table("referral_intensity").raw_count("Called the service myself") == 2
