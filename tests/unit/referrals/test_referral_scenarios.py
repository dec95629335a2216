"""Scenarios 1–4 and 6 (the team's scenarios.md) replayed through the services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from brugapp.domain.consent import Purpose, RecipientKind
from brugapp.domain.followups import Bucket
from brugapp.domain.referrals import EventKind, Intensity, Status
from brugapp.errors import ValidationError
from brugapp.services.families.timeline import family_timeline
from brugapp.services.referrals.consent import check_consent, list_consents, record_consent, withdraw_consent
from brugapp.services.referrals.followups import (
    complete_followup,
    contact_reachability,
    create_followup,
    due_this_week,
    list_followups,
    log_attempt,
)
from brugapp.services.referrals.referrals import (
    change_status,
    create_referral,
    get_referral,
    list_referrals,
    record_no_show,
)
from brugapp.store.models.kaart import KaartContact, KaartOrganization, KaartPhone, KaartService, KaartServiceTerm
from tests.factories import make_family

BRUSSELS = ZoneInfo("Europe/Brussels")
THURSDAY = dt.date(2026, 11, 26)


@dataclass(frozen=True)
class KaartRef:
    id: str
    organization_id: str
    contact_id: str
    backup_id: str


def kaart_service(store, name="Schuldhulpverlening", org="CAW Zuid-West-Vlaanderen", *, contact="An Declercq",
                  backup="Pieter Vanhoutte", categories=("debt",), phone="056 00 00 01") -> KaartRef:
    """A service on the sociale kaart with a fixed contact person and a backup (fictional)."""
    with store.session() as session:
        organization = session.scalar(select(KaartOrganization).where(KaartOrganization.name == org))
        if organization is None:
            organization = KaartOrganization(name=org, email="onthaal@example.be")
            organization.phones.append(KaartPhone(number=phone))
            session.add(organization)
        service = KaartService(name=name, organization=organization)
        service.terms = [KaartServiceTerm(vocabulary="kaart_category", code=c) for c in categories]
        session.add(service)
        session.flush()
        people = [KaartContact(organization_id=organization.id, service_id=service.id, name=contact,
                               title="consulent", phone="056 00 00 02", email="an@example.be")]
        if backup:
            people.append(KaartContact(organization_id=organization.id, service_id=service.id, name=backup,
                                       title="onthaal", phone="056 00 00 03", is_backup=True))
        session.add_all(people)
        session.flush()
        return KaartRef(service.uuid, organization.uuid, people[0].uuid, people[1].uuid if backup else "")


def test_scenario_1_consent_warm_referral_and_check_in_today(store):
    # GIVEN a family just made from an anonymous contact, and the CAW's debt service on the map
    family = make_family(store, display_name="Gezin El Amrani")
    caw = kaart_service(store)
    # WHEN the mother's oral consent to share with the CAW for "schuldhulp" is recorded
    consent_id = record_consent(store, family_id=family, recipient_kind=RecipientKind.ORGANIZATION,
                                recipient_id=caw.organization_id, purposes=[Purpose.REFER], given_by="parent",
                                method="oral", given_on=THURSDAY, given_by_name="Fatima")
    # AND a warm referral is made with the appointment made
    referral_id = create_referral(
        store, family_id=family, service_id=caw.id, contact_id=caw.contact_id, theme="admin.debts",
        intensity=Intensity.APPOINTMENT_MADE, question="Brief van de deurwaarder", referred_on=THURSDAY,
        appointment_at=dt.datetime(2026, 12, 1, 10, 0, tzinfo=BRUSSELS), owner="Sara",
    )
    # THEN the consent covers the CAW's contact person for referring (organisation covers its people)
    assert check_consent(store, family_id=family, recipient_kind=RecipientKind.CONTACT,
                         recipient_uuid=caw.contact_id, purpose=Purpose.REFER, on=THURSDAY).allowed
    assert [c.id for c in list_consents(store, family_id=family)] == [consent_id]
    # AND the check one week later appears in Today's list on that day, not before
    detail = get_referral(store, referral_id=referral_id)
    assert detail.status == Status.APPOINTMENT and detail.intensity == Intensity.APPOINTMENT_MADE
    check_day = THURSDAY + dt.timedelta(days=7)
    assert detail.next_check == check_day
    today = due_this_week(store, today=check_day)
    assert [f.due for f in today[Bucket.TODAY]] == [check_day]
    assert all(f.family_name == "Gezin El Amrani" for f in today[Bucket.TODAY])
    assert due_this_week(store, today=THURSDAY)[Bucket.TODAY] == []


def test_scenario_2_one_intake_four_referrals(store):
    # GIVEN one family and four services
    family = make_family(store, display_name="Gezin Kowalski")
    services = [
        kaart_service(store, "Schooltoelage-hulp", "OCMW Kortrijk", contact="Els", backup="", categories=("welfare",)),
        kaart_service(store, "Inschrijving wachtlijst", "Sociaal Verhuurkantoor Kortrijk", contact="Jan", backup="",
                      categories=("housing",)),
        kaart_service(store, "Pro-Deo advocaat", "Bureau Juridische Bijstand", contact="Mr. Peeters", backup="",
                      categories=("legal",)),
        kaart_service(store, "Onthaal", "CAW Zuid-West-Vlaanderen", contact="An", backup="", categories=("welfare",)),
    ]
    themes = ["admin.benefits", "poverty.housing", "admin.letters", "parenting.questions"]
    # WHEN four referrals are made on four days, each moving to its own status
    ids = [create_referral(store, family_id=family, service_id=s.id, theme=t, intensity=Intensity.CALLED,
                           referred_on=THURSDAY + dt.timedelta(days=i))
           for i, (s, t) in enumerate(zip(services, themes, strict=True))]
    change_status(store, referral_id=ids[1], status=Status.WAITING_LIST, on=THURSDAY)
    change_status(store, referral_id=ids[2], status=Status.APPOINTMENT, on=THURSDAY,
                  appointment_at=dt.datetime(2026, 12, 8, 14, 0, tzinfo=BRUSSELS))
    # THEN each has its own status and next check
    views = {v.id: v for v in list_referrals(store, family_id=family)}
    assert [views[i].status for i in ids] == [Status.REGISTERED, Status.WAITING_LIST, Status.APPOINTMENT,
                                               Status.REGISTERED]
    assert [views[i].next_check for i in ids] == [dt.date(2026, 12, 3), dt.date(2026, 12, 3),
                                                  dt.date(2026, 12, 9), dt.date(2026, 12, 7)]
    # AND one family timeline shows the four needs and referrals
    timeline = [e for e in family_timeline(store, family_id=family) if e.kind == "referral"]
    assert {e.id for e in timeline} == set(ids)
    assert {t for e in timeline for t in e.themes} == set(themes)
    assert len(family_timeline(store, family_id=family, theme="admin")) >= 2


def test_scenario_3_urgent_warm_handover(store):
    # GIVEN the OCMW with an after-hours number
    family = make_family(store, display_name="Gezin Yilmaz")
    ocmw = kaart_service(store, "Noodopvang", "OCMW Kortrijk", contact="Dienst van wacht", categories=("crisis",))
    # WHEN the brugfiguur calls ahead and logs an urgent warm handover
    referral_id = create_referral(store, family_id=family, service_id=ocmw.id, intensity=Intensity.ACCOMPANIED,
                                  urgent=True, warned_in_advance=True, receiving_worker="Mevr. Vermeulen",
                                  theme="poverty.housing", referred_on=THURSDAY)
    # THEN the referral and its history name the receiving worker, the warning and the urgency; outcome later
    detail = get_referral(store, referral_id=referral_id)
    assert detail.urgent and detail.warned_in_advance and detail.receiving_worker == "Mevr. Vermeulen"
    assert detail.outcome == ""
    assert "Mevr. Vermeulen" in detail.events[0].text and detail.events[0].kind == EventKind.CREATED
    assert list_referrals(store)[0].id == referral_id  # urgent first


def test_scenario_4_two_no_shows_stopped_and_reopened(store):
    family = make_family(store, display_name="Gezin Dimitrov")
    ocmw = kaart_service(store, "Budgetbegeleiding", "OCMW Kortrijk", categories=("debt",))
    referral_id = create_referral(store, family_id=family, service_id=ocmw.id, intensity=Intensity.APPOINTMENT_MADE,
                                  appointment_at=dt.datetime(2026, 11, 30, 9, 0, tzinfo=BRUSSELS),
                                  referred_on=THURSDAY)
    # WHEN the OCMW reports two no-shows
    first = record_no_show(store, referral_id=referral_id, on=dt.date(2026, 11, 30))
    second = record_no_show(store, referral_id=referral_id, on=dt.date(2026, 12, 7), note="Niet verwittigd")
    assert (first.warn, second.warn, second.count) == (False, True, 2)
    # AND it is stopped: not without an outcome
    with pytest.raises(ValidationError) as refused:
        change_status(store, referral_id=referral_id, status=Status.STOPPED)
    assert refused.value.field == "outcome"
    assert get_referral(store, referral_id=referral_id).status == Status.APPOINTMENT  # nothing half-saved
    change_status(store, referral_id=referral_id, status=Status.STOPPED, outcome="unreachable",
                  on=dt.date(2026, 12, 8))
    stopped = get_referral(store, referral_id=referral_id)
    assert stopped.next_check is None and stopped.closed_on == dt.date(2026, 12, 8)
    # AND after a home visit it is reopened as ongoing with a new appointment
    change_status(store, referral_id=referral_id, status=Status.ONGOING, on=dt.date(2026, 12, 10),
                  appointment_at=dt.datetime(2026, 12, 15, 13, 30, tzinfo=BRUSSELS), note="Na huisbezoek")
    # THEN the history keeps every step
    detail = get_referral(store, referral_id=referral_id)
    assert (detail.status, detail.outcome, detail.no_show_count) == (Status.ONGOING, "", 2)
    assert [e.kind for e in detail.events] == [EventKind.CREATED, EventKind.NO_SHOW, EventKind.NO_SHOW,
                                               EventKind.STATUS, EventKind.STATUS]
    assert [(e.from_status, e.to_status) for e in detail.events[3:]] == [
        (Status.APPOINTMENT, Status.STOPPED), (Status.STOPPED, Status.ONGOING)]
    assert detail.next_check == dt.date(2026, 12, 16)
    assert detail.first_appointment_on == dt.date(2026, 11, 30)  # the figure keeps the first one


def test_scenario_6_consulent_unreachable(store):
    # GIVEN a referral to the CAW consulent, and a CLB on the map
    family = make_family(store, display_name="Gezin Nowak")
    caw = kaart_service(store)
    kaart_service(store, "Leerlingenbegeleiding", "Vrij CLB Kortrijk", contact="Griet", backup="",
                  categories=("education",), phone="056 00 00 09")
    referral_id = create_referral(store, family_id=family, service_id=caw.id, contact_id=caw.contact_id,
                                  intensity=Intensity.CALLED, referred_on=THURSDAY)
    check = list_followups(store, referral_id=referral_id)[0]
    # WHEN three e-mails and two calls go unanswered
    start = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)
    for i, channel in enumerate(["email", "email", "phone", "email", "phone"]):
        log_attempt(store, channel=channel, contact_id=caw.contact_id, followup_id=check.id,
                    at=start + dt.timedelta(days=i))
    # THEN the contact card says "no answer since" the first try, and suggests the backup and the CLB
    reach = contact_reachability(store, contact_id=caw.contact_id)
    assert (reach.unanswered_since, reach.unanswered_count) == (start, 5)
    assert any("Pieter Vanhoutte" in s for s in reach.suggestions)
    assert any("Vrij CLB Kortrijk" in s and "056 00 00 09" in s for s in reach.suggestions)
    followup = list_followups(store, referral_id=referral_id)[0]
    assert (followup.status, followup.attempts) == ("no_answer", 5)  # still open
    # AND one answered call ends the streak
    log_attempt(store, channel="phone", answered=True, contact_id=caw.contact_id, at=start + dt.timedelta(days=6))
    assert contact_reachability(store, contact_id=caw.contact_id).unanswered_since is None


def test_followups_for_meetings_and_completion(store):
    family = make_family(store)
    promise = create_followup(store, title="Bellen over schoolreis", due=THURSDAY, owner="Sara", family_id=family,
                              meeting_id="3f0c6a58-0000-4000-8000-000000000001")
    assert [f.id for f in list_followups(store, meeting_id="3f0c6a58-0000-4000-8000-000000000001")] == [promise]
    complete_followup(store, followup_id=promise, on=THURSDAY)
    assert list_followups(store) == []
    assert [f.status for f in list_followups(store, status="done")] == ["done"]
    with pytest.raises(ValidationError) as refused:
        create_followup(store, title="  ", due=THURSDAY, owner="Sara")
    assert refused.value.field == "title"


def test_consent_validation_and_withdrawal(store):
    family = make_family(store)
    caw = kaart_service(store)
    with pytest.raises(ValidationError) as refused:
        record_consent(store, family_id=family, recipient_kind="organization", recipient_id=caw.organization_id,
                       purposes=[], given_by="parent", method="oral", given_on=THURSDAY)
    assert refused.value.field == "purposes"
    with pytest.raises(ValidationError) as refused:
        record_consent(store, family_id=family, recipient_kind="organization", recipient_id=caw.organization_id,
                       purposes=["refer"], given_by="youth", method="oral", given_on=THURSDAY, subject_age=9)
    assert refused.value.field == "given_by"
    with pytest.raises(ValidationError) as refused:
        record_consent(store, family_id=family, recipient_kind="school", recipient_id="nope",
                       purposes=["refer"], given_by="parent", method="oral", given_on=THURSDAY)
    assert refused.value.field == "recipient"
    consent_id = record_consent(store, family_id=family, recipient_kind="service", recipient_id=caw.id,
                                purposes=["refer", "share_details"], given_by="parent", method="written",
                                given_on=THURSDAY)
    withdraw_consent(store, consent_id=consent_id, on=THURSDAY + dt.timedelta(days=3))
    on_the_day = THURSDAY + dt.timedelta(days=3)
    decision = check_consent(store, family_id=family, recipient_kind="service", recipient_uuid=caw.id,
                             purpose="share_status", on=on_the_day)
    assert not decision.allowed and decision.reason == "The consent for this recipient was withdrawn."
    assert list_consents(store, family_id=family, on=on_the_day)[0].state == "withdrawn"


def test_youth_consents_for_themself_from_twelve_by_birth_year(store):
    from brugapp.services.families.families import MemberInput, create_family

    year = THURSDAY.year
    family = create_family(store, display_name="Gezin Mirga", members=[
        MemberInput(role="child", first_name="Dario", birth_year=year - 15),
        MemberInput(role="child", first_name="Lela", birth_year=year - 10),
    ])
    dario, lela = (m.id for m in sorted(family.members, key=lambda m: m.first_name))
    caw = kaart_service(store)
    asked = {"family_id": family.id, "recipient_kind": "organization", "recipient_id": caw.organization_id,
             "purposes": ["share_status"], "given_by": "youth", "method": "oral", "given_on": THURSDAY}
    record_consent(store, **asked, subject_member_id=dario)
    with pytest.raises(ValidationError) as refused:
        record_consent(store, **asked, subject_member_id=lela)
    assert refused.value.field == "given_by" and "12" in refused.value.message
    assert [c.subject_name for c in list_consents(store, family_id=family.id)] == ["Dario"]
