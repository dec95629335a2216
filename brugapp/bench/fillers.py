"""Synthetic data of one busy programme for ``brugapp bench`` (``BENCH_FILLERS`` entries).

Proportions for 10,000 families (issue 16): 30,000 members, 100,000 contact moments with themes (those come
from ``report.fill_report_data``; this module only tops them up when that filler is absent), 2,000 sociale
kaart services of 500 organisations, 20,000 referrals with their events, ~40,000 follow-ups, consents, and
500 meetings with agenda items and action points. Everything is inserted in bulk
(``session.execute(insert(Model), rows)``), in one transaction per filler, deterministically from
``context.rng``, and indexed for search the way the services index it.

``BENCH_DAY`` is the "today" of the data set: a Tuesday in the school year the contacts cover.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, bindparam, case, func, insert, select, update

from brugapp.bench.base import FIRST_NAMES, LAST_NAMES, BenchContext
from brugapp.domain.followups import FollowUpStatus
from brugapp.domain.kaart import CATEGORIES
from brugapp.domain.meetings import ITEMS, MEETING_TYPES, TEMPLATES
from brugapp.domain.notebook import CHANNELS
from brugapp.domain.referrals import EventKind, Status
from brugapp.domain.themes import THEMES
from brugapp.exchange.spreadsheet import write_csv
from brugapp.i18n import format_date
from brugapp.services.families.notebook import contact_title
from brugapp.services.kaart.query import term_words
from brugapp.store import Store
from brugapp.store.base import new_uuid, utcnow
from brugapp.store.models import Family, School
from brugapp.store.models.kaart import (
    KaartContact,
    KaartLocation,
    KaartOrganization,
    KaartPhone,
    KaartSchedule,
    KaartService,
    KaartServiceArea,
    KaartServiceAtLocation,
    KaartServiceTerm,
)
from brugapp.store.models.meetings import (
    Meeting,
    MeetingAction,
    MeetingFamily,
    MeetingItem,
    MeetingParticipant,
    MeetingSeries,
)
from brugapp.store.models.notebook import ContactMoment, ContactTheme, FamilyMember
from brugapp.store.models.referrals import Consent, ContactAttempt, FollowUp, Referral, ReferralEvent
from brugapp.store.search_index import IndexEntry, index_many

_Row = dict[str, Any]  # one row for a bulk insert or update

BENCH_DAY = dt.date(2026, 3, 17)  # a Tuesday; the contacts of report_bench run from 09-2024 to 08-2026
KAART_SERVICES = 2000
SERVICES_PER_ORGANIZATION = 4
MEETINGS = 500
MEMBERS_PER_FAMILY = 3  # 30,000 people for 10,000 families
FOLLOW_UPS_PER_FAMILY = 4  # 40,000: a check per referral, promises, action points of meetings
ORG_KINDS = ["CAW", "OCMW", "Huis van het Kind", "CLB", "Welzijnsschakel", "JAC", "CGG", "Buurtwerk"]
TOWNS = ["Kortrijk", "Roeselare", "Menen", "Wevelgem", "Harelbeke", "Waregem", "Izegem", "Kuurne", "Zwevegem"]
POSTCODES = {"Kortrijk": "8500", "Roeselare": "8800", "Menen": "8930", "Wevelgem": "8560", "Harelbeke": "8530",
             "Waregem": "8790", "Izegem": "8870", "Kuurne": "8520", "Zwevegem": "8550"}
SERVICE_WORDS = {"welfare": "Onthaal", "parenting": "Opvoedingswinkel", "education": "Huiswerkklas",
                 "youth_care": "Jeugdhulp", "health": "Zorgpunt", "housing": "Woonwinkel", "legal": "Rechtshulp",
                 "debt": "Schuldhulp", "material": "Sociale kruidenier", "leisure": "Vrijetijdspas",
                 "integration": "Taalpunt", "crisis": "Crisismeldpunt"}
HOURS = [("MO,TU,WE,TH,FR", "09:00", "12:00", "ma-vr 9-12"), ("MO,TU,WE,TH,FR", "08:00", "19:00", "ma-vr 8-19"),
         ("TU,TH", "14:00", "18:00", "di, do 14-18"), ("WE", "13:00", "17:00", "wo 13-17"),
         ("MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00", "ma-zo 0-24")]
KAART_HEADERS = ["Organisatie", "Dienst", "Wat doen ze", "Categorie", "Thema", "Gemeente", "Adres", "Postcode",
                 "Plaats", "Telefoon", "Noodnummer", "Openingsuren", "Contactpersoon", "Functie",
                 "Laatst gecontroleerd"]


def _stamp(day: dt.date, rng_minutes: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(8), tzinfo=dt.UTC) + dt.timedelta(minutes=rng_minutes)


def _next_id(session: object, model: type) -> int:
    return (session.scalar(select(func.max(model.id))) or 0) + 1  # type: ignore[attr-defined]


# -- notebook: members, contact moments, promises -----------------------------------------------
def fill_notebook_data(store: Store, context: BenchContext) -> None:
    """Parents and siblings (children at school come from report_bench), follow-up promises, search rows."""
    rng = context.rng
    now = utcnow()
    with store.session() as session:
        if (session.scalar(select(func.count()).select_from(ContactMoment)) or 0) < len(context.family_ids) * 3:
            _top_up_contacts(session, context)
        members = []
        # Parents (and a sibling here and there) until the programme has MEMBERS_PER_FAMILY people per family.
        needed = len(context.family_ids) * MEMBERS_PER_FAMILY - (
            session.scalar(select(func.count()).select_from(FamilyMember)) or 0)
        extra = set(rng.sample(context.family_ids, max(0, min(len(context.family_ids),
                                                               needed - len(context.family_ids)))))
        for family in context.family_ids:
            last = rng.choice(LAST_NAMES)
            count = (family in extra) + (needed > 0)
            needed -= count
            for role in ["parent", "parent" if rng.random() < 0.8 else "child"][:count]:
                members.append({"uuid": new_uuid(), "family_id": family, "role": role,
                                "first_name": rng.choice(FIRST_NAMES), "last_name": last,
                                "phone": f"0470 {rng.randrange(100):02d} {rng.randrange(100):02d} 00" if role
                                == "parent" else "", "email": "", "school_id": rng.choice(context.school_ids)
                                if role == "child" else None, "class_name": "", "school_year": "",
                                "created_at": now, "updated_at": now})
        session.execute(insert(FamilyMember), members)
        # One contact in twelve ends with a promise a week later; nearly all of the past ones were kept.
        promised = func.date(ContactMoment.occurred_at, "+7 days")
        session.execute(
            update(ContactMoment).where(ContactMoment.id % 12 == 0)
            .values(follow_up_on=promised, follow_up_done=case(
                (promised < (BENCH_DAY - dt.timedelta(days=3)).isoformat(), ContactMoment.id // 12 % 20 != 0),
                else_=False))
            .execution_options(synchronize_session=False))
        families = dict(session.execute(select(Family.id, Family.uuid)).all())
        names = dict(session.execute(select(Family.id, Family.display_name)).all())
        index_many(session, (
            IndexEntry("member", uuid, f"{f'{first} {last}'.strip()} ({names[fam]})", phone, families[fam])
            for uuid, first, last, phone, fam in session.execute(select(
                FamilyMember.uuid, FamilyMember.first_name, FamilyMember.last_name, FamilyMember.phone,
                FamilyMember.family_id))))
        themes: dict[int, list[str]] = {}
        for contact_id, theme in session.execute(select(ContactTheme.contact_id, ContactTheme.theme)):
            themes.setdefault(contact_id, []).append(THEMES.label(theme))
        days: dict[dt.date, str] = {}
        entries = []
        for pk, uuid, fam, channel, occurred, note in session.execute(select(
                ContactMoment.id, ContactMoment.uuid, ContactMoment.family_id, ContactMoment.channel,
                ContactMoment.occurred_at, ContactMoment.note)):
            day = occurred.date()
            if day not in days:
                days[day] = format_date(day)
            family_name, family_uuid = (names.get(fam, ""), families.get(fam, "")) if fam is not None else ("", "")
            label = f"{contact_title(channel, family_name)}, {days[day]}"
            entries.append(IndexEntry("contact", uuid, label, f"{note} {' '.join(themes.get(pk, ()))}", family_uuid))
        index_many(session, entries)


def _top_up_contacts(session: object, context: BenchContext) -> None:
    """Only when report_bench's filler is not registered: ~6 contacts per family with themes."""
    rng, now = context.rng, utcnow()
    first = _next_id(session, ContactMoment)
    contacts, themes = [], []
    for n in range(len(context.family_ids) * 6):
        contacts.append({"id": first + n, "uuid": new_uuid(), "family_id": rng.choice(context.family_ids),
                         "occurred_at": _stamp(BENCH_DAY - dt.timedelta(days=rng.randrange(560)), rng.randrange(600)),
                         "channel": rng.choice(CHANNELS.codes()), "initiative": "parent", "language": "",
                         "interpreter": False, "note": "", "sharing": "private", "follow_up_done": False,
                         "created_at": now, "updated_at": now})
        themes += [{"contact_id": first + n, "theme": t} for t in rng.sample(THEMES.codes(), rng.choice((1, 2)))]
    session.execute(insert(ContactMoment), contacts)  # type: ignore[attr-defined]
    session.execute(insert(ContactTheme), themes)  # type: ignore[attr-defined]


# -- sociale kaart ------------------------------------------------------------------------------
def kaart_size(families: int) -> int:
    """2,000 services for a busy programme of 10,000 families; a small test store gets a small map."""
    return max(40, min(KAART_SERVICES, families // 5))


def kaart_specs(count: int = KAART_SERVICES, seed: int = 2000) -> list[dict[str, object]]:
    """The synthetic map, one dict per service: the same data for the bulk insert and the CSV import."""
    import random

    rng = random.Random(seed)
    themes = [code for code in THEMES.codes() if "." not in code]
    specs = []
    for n in range(count):
        org_n = n // SERVICES_PER_ORGANIZATION
        town = TOWNS[org_n % len(TOWNS)]
        category = rng.choice(CATEGORIES.codes())
        byday, opens, closes, hours = rng.choice(HOURS)
        specs.append({
            "org": f"{ORG_KINDS[org_n % len(ORG_KINDS)]} {town} {org_n:03d}", "org_n": org_n,
            "name": f"{SERVICE_WORDS[category]} {n:04d}", "category": category,
            "theme": rng.choice(themes), "town": town, "other_town": rng.choice(TOWNS),
            "description": f"Hulp bij {CATEGORIES.label(category).lower()}; gratis voor gezinnen",
            "address": f"Stationsstraat {n % 200 + 1}", "phone": f"056 00 {n // 100:02d} {n % 100:02d}",
            "after_hours": "056 00 99 99" if n % 7 == 0 else "", "byday": byday, "opens": opens,
            "closes": closes, "hours": hours, "contact": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            "assured": dt.date(2026, 3, 1) - dt.timedelta(days=rng.randrange(800)),
        })
    return specs


def write_kaart_csv(path: Path, specs: list[dict[str, object]]) -> Path:
    """The map as a regional partner would hand it over: a semicolon CSV with Dutch headers."""
    write_csv(path, KAART_HEADERS, [
        [str(s["org"]), str(s["name"]), str(s["description"]), str(s["category"]), str(s["theme"]),
         f"{s['town']}, {s['other_town']}", str(s["address"]), POSTCODES[str(s["town"])], str(s["town"]),
         str(s["phone"]), str(s["after_hours"]), str(s["hours"]), str(s["contact"]), "onthaalmedewerker",
         s["assured"].isoformat()]  # type: ignore[attr-defined]
        for s in specs
    ])
    return path


def fill_kaart_data(store: Store, context: BenchContext) -> None:
    """2,000 services of 500 organisations with location, phones, hours, areas, terms and a contact person."""
    specs = kaart_specs(kaart_size(context.families))
    now = utcnow()
    stamp = {"created_at": now, "updated_at": now}
    with store.session() as session:
        org_ids: dict[str, int] = {}
        orgs: list[_Row] = []
        services: list[_Row] = []
        locations: list[_Row] = []
        links, phones, schedules, areas, terms, contacts = ([] for _n in range(6))
        org_pk, service_pk = _next_id(session, KaartOrganization), _next_id(session, KaartService)
        location_pk = _next_id(session, KaartLocation)
        entries = []
        for spec in specs:
            org_name = str(spec["org"])
            if org_name not in org_ids:
                org_ids[org_name], org_uuid = org_pk + len(orgs), new_uuid()
                orgs.append({"id": org_ids[org_name], "uuid": org_uuid, "external_id": "", "name": org_name,
                             "alternate_name": "", "description": "", "email": "", "website": "", **stamp})
                entries.append(IndexEntry("organization", org_uuid, org_name, " "))
            sid, oid, lid = service_pk + len(services), org_ids[org_name], location_pk + len(locations)
            svc_uuid = new_uuid()
            services.append({"id": sid, "uuid": svc_uuid, "organization_id": oid, "external_id": "",
                             "name": spec["name"], "alternate_name": "", "description": spec["description"],
                             "not_offered": "", "status": "active", "url": "", "email": "", "target_group": "",
                             "referral_route": "", "application_process": "", "wait_time": "", "fees": "",
                             "comes_to_school": False, "after_hours_note": "", "assured_date": spec["assured"],
                             **stamp})
            locations.append({"id": lid, "uuid": new_uuid(), "organization_id": oid, "address_uuid": new_uuid(),
                              "name": "", "address_1": spec["address"], "postal_code": POSTCODES[str(spec["town"])],
                              "city": spec["town"], "state_province": "", "country": "BE", **stamp})
            links.append({"uuid": new_uuid(), "service_id": sid, "location_id": lid})
            phones.append({"uuid": new_uuid(), "service_id": sid, "number": spec["phone"], "purpose": "main",
                           "description": ""})
            if spec["after_hours"]:
                phones.append({"uuid": new_uuid(), "service_id": sid, "number": spec["after_hours"],
                               "purpose": "after_hours", "description": ""})
            schedules.append({"uuid": new_uuid(), "service_id": sid, "byday": spec["byday"],
                              "opens_at": spec["opens"], "closes_at": spec["closes"], "description": ""})
            places = list(dict.fromkeys([str(spec["town"]), str(spec["other_town"])]))
            areas += [{"uuid": new_uuid(), "service_id": sid, "name": town} for town in places]
            terms += [{"uuid": new_uuid(), "service_id": sid, "vocabulary": "kaart_category", "code": spec["category"]},
                      {"uuid": new_uuid(), "service_id": sid, "vocabulary": "theme", "code": spec["theme"]}]
            contacts.append({"uuid": new_uuid(), "organization_id": oid, "service_id": sid, "name": spec["contact"],
                             "title": "onthaalmedewerker", "phone": "", "phone_uuid": new_uuid(), "email": "",
                             "is_backup": False, **stamp})
            cats = term_words((str(spec["category"]),), CATEGORIES)
            entries.append(IndexEntry("service", svc_uuid, f"{spec['name']} – {org_name}",
                                      f"{spec['description']}  {cats} {' '.join(places)}"))
        for model, rows in ((KaartOrganization, orgs), (KaartService, services), (KaartLocation, locations),
                            (KaartServiceAtLocation, links), (KaartPhone, phones), (KaartSchedule, schedules),
                            (KaartServiceArea, areas), (KaartServiceTerm, terms), (KaartContact, contacts)):
            session.execute(insert(model), rows)
        index_many(session, entries)
    context.folder.mkdir(parents=True, exist_ok=True)
    write_kaart_csv(context.folder / "kaart.csv", specs)


# -- referrals, follow-ups, consents --------------------------------------------------------------
OPEN_STEPS = [Status.REGISTERED, Status.WAITING_LIST, Status.APPOINTMENT, Status.ONGOING]


def fill_care_data(store: Store, context: BenchContext) -> None:
    """Referrals to kaart services with their events and checks, family follow-ups, attempts and consents.

    report_bench already inserts one referral per family (referred on, intensity, outcome); they are reused
    here, given a kaart service and contact person, a status that fits their outcome and their history.
    """
    rng, now = context.rng, utcnow()
    stamp = {"created_at": now, "updated_at": now}
    with store.session() as session:
        if (session.scalar(select(func.count()).select_from(Referral)) or 0) < len(context.family_ids) // 2:
            _top_up_referrals(session, context)
        services = session.execute(select(KaartService.id, KaartService.name, KaartOrganization.name).join(
            KaartOrganization, KaartOrganization.id == KaartService.organization_id)).all()
        contact_of = dict(session.execute(select(KaartContact.service_id, KaartContact.id)).all())
        service_uuid = dict(session.execute(select(KaartService.id, KaartService.uuid)).all())
        families = dict(session.execute(select(Family.id, Family.uuid)).all())
        names = dict(session.execute(select(Family.id, Family.display_name)).all())
        changes: list[_Row]
        changes, events, followups, consents, entries = [], [], [], [], []
        for pk, family, referred_on, outcome in session.execute(
                select(Referral.id, Referral.family_id, Referral.referred_on, Referral.outcome)).all():
            sid, service, org = rng.choice(services) if services else (None, f"Dienst {pk}", "Organisatie")
            label = f"{org} – {service}"
            closed = bool(outcome)
            status = (Status.COMPLETED if outcome in ("helped", "partly") else Status.STOPPED) if closed \
                else rng.choice(OPEN_STEPS)
            closed_on = referred_on + dt.timedelta(days=rng.randrange(14, 120)) if closed else None
            changes.append({"id": pk, "service_id": sid, "contact_id": contact_of.get(sid), "service_label": label,
                            "status": status, "closed_on": closed_on})
            at = dt.datetime.combine(referred_on, dt.time(10), tzinfo=dt.UTC)
            steps = [("", Status.REGISTERED)] + [(Status.REGISTERED, s) for s in rng.sample(OPEN_STEPS[1:], 1)]
            if closed:
                steps.append((steps[-1][1], status))
            for n, (before, after) in enumerate(steps):
                events.append({"uuid": new_uuid(), "referral_id": pk, "at": at + dt.timedelta(days=9 * n),
                               "kind": EventKind.CREATED if n == 0 else EventKind.STATUS, "from_status": before,
                               "to_status": after, "text": ""})
            if closed_on is not None:
                due = closed_on - dt.timedelta(days=3)
                check = rng.choice((FollowUpStatus.DONE, FollowUpStatus.NOT_NEEDED))
            else:
                due = BENCH_DAY + dt.timedelta(days=rng.randrange(-14, 22))
                check = FollowUpStatus.NO_ANSWER if rng.random() < 0.1 else FollowUpStatus.PLANNED
            followups.append({"uuid": new_uuid(), "title": f"Hoe ging het bij {org}?", "due": due, "owner": "",
                              "status": check, "family_id": family, "referral_id": pk, "meeting_uuid": "",
                              "note": "", "closed_on": closed_on, **stamp})
            if sid is not None and rng.random() < 0.7:
                consents.append({"uuid": new_uuid(), "family_id": family, "recipient_kind": "service",
                                 "recipient_uuid": service_uuid[sid], "recipient_label": label,
                                 "purposes": "refer share_status share_details", "given_by": "parent",
                                 "method": "oral", "given_on": referred_on - dt.timedelta(days=1), **stamp})
            entries.append(IndexEntry("referral", "", f"{names[family]} → {label}", "", families[family]))
        table = cast(Table, Referral.__table__)  # a declarative model's __table__ is its Table
        session.execute(table.update().where(table.c.id == bindparam("pk")).values(
            {name: bindparam(name) for name in ("service_id", "contact_id", "service_label", "status", "closed_on")}),
            [{**c, "pk": c["id"]} for c in changes])
        uuids = dict(session.execute(select(Referral.id, Referral.uuid)).all())
        entries = [IndexEntry(e.kind, uuids[c["id"]], e.label, e.body, e.family_uuid)
                   for e, c in zip(entries, changes, strict=True)]
        index_many(session, entries)
        for _n in range(max(0, len(context.family_ids) * FOLLOW_UPS_PER_FAMILY - len(followups)
                            - MEETINGS * len(context.family_ids) // 10_000)):  # promises and checks outside referrals
            due = BENCH_DAY + dt.timedelta(days=rng.randrange(-200, 60))
            done = due < BENCH_DAY and rng.random() < 0.95
            followups.append({"uuid": new_uuid(), "title": "Terugbellen over de schoolfactuur", "due": due,
                              "owner": "", "status": FollowUpStatus.DONE if done else FollowUpStatus.PLANNED,
                              "family_id": rng.choice(context.family_ids), "referral_id": None,
                              "meeting_uuid": "", "note": "", "closed_on": due if done else None, **stamp})
        school_uuids = dict(session.execute(select(School.id, School.uuid)).all())
        for family in rng.sample(context.family_ids, len(context.family_ids) * 3 // 10):
            school = rng.choice(context.school_ids)
            consents.append({"uuid": new_uuid(), "family_id": family, "recipient_kind": "school",
                             "recipient_uuid": school_uuids[school], "recipient_label": "school",
                             "purposes": "share_status", "given_by": "parent", "method": "written",
                             "given_on": BENCH_DAY - dt.timedelta(days=rng.randrange(400)), **stamp})
        session.execute(insert(ReferralEvent), events)
        session.execute(insert(FollowUp), followups)
        session.execute(insert(Consent), consents)
        open_ids = session.scalars(select(FollowUp.id).where(FollowUp.status.in_(("planned", "no_answer")))).all()
        session.execute(insert(ContactAttempt), [
            {"uuid": new_uuid(), "at": _stamp(BENCH_DAY - dt.timedelta(days=rng.randrange(20)), 60),
             "channel": "phone", "answered": False, "note": "", "followup_id": followup,
             "family_id": None, "referral_id": None}
            for followup in rng.sample(open_ids, min(len(open_ids), 2000))])


def _top_up_referrals(session: object, context: BenchContext) -> None:
    """Only when report_bench's filler is not registered: ~8,000 referrals over two school years."""
    rng, now = context.rng, utcnow()
    outcomes = ["helped", "partly", "not_helped", "elsewhere", "no_longer_interested", "unreachable", "", ""]
    session.execute(insert(Referral), [  # type: ignore[attr-defined]
        {"uuid": new_uuid(), "family_id": rng.choice(context.family_ids), "theme": rng.choice(THEMES.codes()),
         "question": "", "tried": "", "sharing": "shareable", "service_label": "", "mandated": False,
         "intensity": "called", "urgent": rng.random() < 0.05, "warned_in_advance": False, "receiving_worker": "",
         "referred_on": BENCH_DAY - dt.timedelta(days=rng.randrange(560)), "status": "ongoing",
         "outcome": rng.choice(outcomes), "decline_reason": "", "no_show_count": 0, "feedback_text": "",
         "created_at": now, "updated_at": now}
        for _n in range(len(context.family_ids) * 8 // 10)])


# -- meetings -------------------------------------------------------------------------------------
def fill_meeting_data(store: Store, context: BenchContext) -> None:
    """~500 meetings over the school year: a care meeting per school every six weeks, network meetings and
    case meetings of families, each with participants, the agenda of its type and 1-4 action points."""
    rng, now = context.rng, utcnow()
    stamp = {"created_at": now, "updated_at": now}
    start = dt.date(2025, 9, 8)
    with store.session() as session:
        names = dict(session.execute(select(Family.id, Family.display_name)).all())
        families = dict(session.execute(select(Family.id, Family.uuid)).all())
        series_pk = _next_id(session, MeetingSeries)
        meeting_count = max(30, MEETINGS * context.families // 10_000)  # 500 for 10,000 families
        schools = max(2, min(len(context.school_ids), len(context.school_ids) * context.families // 10_000))
        series: list[_Row] = [
            {"id": series_pk + n, "uuid": new_uuid(), "name": f"Zorgoverleg school {n + 1}",
             "meeting_type": "zorgoverleg", "interval_weeks": 6, "family_id": None, **stamp}
            for n in range(schools)]
        series += [{"id": series_pk + len(series) + n, "uuid": new_uuid(), "name": f"Netwerk armoede {n + 1}",
                    "meeting_type": "netwerkoverleg", "interval_weeks": 6, "family_id": None, **stamp}
                   for n in range(max(1, 4 * context.families // 10_000))]
        plans: list[tuple[str, int | None, int | None, dt.date, list[int]]] = []  # type, series, school, day, families
        for n, row in enumerate(series):
            school = context.school_ids[n] if n < schools else None
            for k in range(7):
                day = start + dt.timedelta(weeks=6 * k, days=rng.randrange(5))
                linked = rng.sample(context.family_ids, rng.choice((2, 3, 4))) if school else []
                plans.append((str(row["meeting_type"]), int(row["id"]), school, day, linked))
        while len(plans) < meeting_count:
            family = rng.choice(context.family_ids)
            day = start + dt.timedelta(days=rng.randrange(260))
            kind = rng.choice(("casusoverleg", "mdo", "rondetafel", "opstartcirkel"))
            plans.append((kind, None, rng.choice(context.school_ids), day, [family]))
            plans.append(("opvolgcirkel", None, plans[-1][2], day + dt.timedelta(weeks=6), [family]))
        meeting_pk, item_pk = _next_id(session, Meeting), _next_id(session, MeetingItem)
        items: list[_Row] = []
        meetings, links, participants, actions, followups, entries = ([] for _n in range(6))
        for n, (kind, series_id, school, day, linked) in enumerate(plans[:meeting_count]):
            pk, uuid = meeting_pk + n, new_uuid()
            starts = dt.datetime.combine(day, dt.time(13, 30), tzinfo=dt.UTC)
            title = MEETING_TYPES.label(kind)
            if linked and not series_id:
                title = f"{title} {names[linked[0]]}"
            meetings.append({"id": pk, "uuid": uuid, "title": title[:200], "meeting_type": kind, "starts_at": starts,
                             "duration_minutes": 60, "place_kind": "school", "place_detail": "", "school_id": school,
                             "series_id": series_id, "regiehouder": "", "interpreter_needed": False,
                             "interpreter_arranged": False, "interpreter_language": "", "youth_present": "unknown",
                             "parents_present": "unknown", "status": "held" if day < BENCH_DAY else "planned",
                             **stamp})
            links += [{"meeting_id": pk, "family_id": family} for family in linked]
            people: list[tuple[str, str, str, int | None, int | None]] = [
                ("internal", "bridge_worker", "Brugfiguur", None, None),
                ("school", "care_coordinator", f"Zorgcoördinator {rng.choice(LAST_NAMES)}", None, school)]
            people += [("family", "parent", f"Ouder {names[family]}", family, None) for family in linked[:1]]
            people += [("service", "consultant", f"{rng.choice(FIRST_NAMES)} (CAW)", None, None)]
            participants += [{"uuid": new_uuid(), "meeting_id": pk, "position": i, "kind": k, "name": name,
                              "role": role, "organisation": "", "email": "", "attendance": "invited",
                              "is_regiehouder": i == 0, "invite_channel": "", "family_id": fam, "school_id": sch,
                              "kaart_contact_uuid": "", "kaart_organization_uuid": "", **stamp}
                             for i, (k, role, name, fam, sch) in enumerate(people)]
            codes = TEMPLATES.get(kind, TEMPLATES["other"])
            items += [{"id": item_pk + len(items) + i, "uuid": new_uuid(), "meeting_id": pk, "position": i,
                       "code": code, "title": ITEMS[code].title, "school_ok": ITEMS[code].school_ok,
                       "notes": "", "decisions": "", **stamp} for i, code in enumerate(codes)]
            action_item = items[-1]["id"] if codes else None
            for _k in range(rng.choice((1, 2, 3, 4))):
                due = day + dt.timedelta(days=rng.randrange(14, 43))
                still_open = day >= BENCH_DAY or rng.random() < 0.3
                followup = new_uuid() if rng.random() < 0.5 else ""
                actions.append({"uuid": new_uuid(), "meeting_id": pk, "item_id": action_item,
                                "what": "Contact opnemen met de school over de aanpak", "owner": "Brugfiguur",
                                "due": due, "status": "open" if still_open else "done", "school_ok": True,
                                "followup_uuid": followup,
                                "closed_at": None if still_open else _stamp(due, 0), **stamp})
                if followup:
                    followups.append({"uuid": followup, "title": "Actiepunt overleg", "due": due,
                                      "owner": "Brugfiguur", "status": "planned" if still_open else "done",
                                      "family_id": linked[0] if linked else None, "referral_id": None,
                                      "meeting_uuid": uuid, "note": "", "closed_on": None if still_open else due,
                                      **stamp})
            entries.append(IndexEntry("meeting", uuid, f"{title} – {format_date(day, 'medium')}",
                                      " ".join(names[f] for f in linked), families[linked[0]] if linked else ""))
        for model, rows in ((MeetingSeries, series), (Meeting, meetings), (MeetingFamily, links),
                            (MeetingParticipant, participants), (MeetingItem, items), (MeetingAction, actions),
                            (FollowUp, followups)):
            session.execute(insert(model), rows)
        index_many(session, entries)
