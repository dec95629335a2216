"""Synthetic data of one busy programme for ``brugapp bench`` (``BENCH_FILLERS`` entries).

Proportions for 10,000 families (issue 16): 30,000 members, 100,000 contact moments with themes (those come
from ``report.fill_report_data``; this module only tops them up when that filler is absent), 2,000 sociale
kaart services of 500 organisations, 20,000 referrals with their events, ~40,000 follow-ups, consents, and
500 meetings with agenda items and action points (referrals and follow-ups: ``care_fillers.py``; meetings:
``meeting_fillers.py``). Everything is inserted in bulk
(``session.execute(insert(Model), rows)``), in one transaction per filler, deterministically from
``context.rng``, and indexed for search the way the services index it.

``BENCH_DAY`` is the "today" of the data set: a Tuesday in the school year the contacts cover.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import case, func, insert, select, update

from brugapp.bench.base import FIRST_NAMES, LAST_NAMES, BenchContext
from brugapp.domain.kaart import CATEGORIES
from brugapp.domain.notebook import CHANNELS
from brugapp.domain.themes import THEMES
from brugapp.exchange.spreadsheet import write_csv
from brugapp.i18n import format_date
from brugapp.services.families.notebook import contact_title
from brugapp.services.kaart.query import term_words
from brugapp.store import Store
from brugapp.store.base import new_uuid, utcnow
from brugapp.store.models import Family
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
from brugapp.store.models.notebook import ContactMoment, ContactTheme, FamilyMember
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


def stamp_at(day: dt.date, rng_minutes: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(8), tzinfo=dt.UTC) + dt.timedelta(minutes=rng_minutes)


def next_id(session: object, model: type) -> int:
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
    first = next_id(session, ContactMoment)
    contacts, themes = [], []
    for n in range(len(context.family_ids) * 6):
        contacts.append({"id": first + n, "uuid": new_uuid(), "family_id": rng.choice(context.family_ids),
                         "occurred_at": stamp_at(BENCH_DAY - dt.timedelta(days=rng.randrange(560)), rng.randrange(600)),
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
        org_pk, service_pk = next_id(session, KaartOrganization), next_id(session, KaartService)
        location_pk = next_id(session, KaartLocation)
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
