"""Synthetic referrals, follow-ups, contact attempts and consents for ``brugapp bench`` (a ``BENCH_FILLERS`` entry).

report.fill_report_data already inserts two referrals per family (referred on, intensity, outcome); they are
reused here, given a kaart service and contact person, a status that fits their outcome, their history and a
check. Then promises and checks outside referrals up to ``FOLLOW_UPS_PER_FAMILY``, school consents and
unanswered attempts. One transaction, bulk inserts, deterministic from ``context.rng``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, select
from sqlalchemy.orm import Session

from brugapp.bench.base import BenchContext
from brugapp.bench.fillers import BENCH_DAY, FOLLOW_UPS_PER_FAMILY, MEETINGS, stamp_at
from brugapp.domain.followups import FollowUpStatus
from brugapp.domain.referrals import EventKind, Status
from brugapp.domain.themes import THEMES
from brugapp.store import Store
from brugapp.store.base import new_uuid, utcnow
from brugapp.store.models import Family, School
from brugapp.store.models.kaart import KaartContact, KaartOrganization, KaartService
from brugapp.store.models.referrals import Consent, ContactAttempt, FollowUp, Referral, ReferralEvent
from brugapp.store.search_index import IndexEntry, index_many

_Row = dict[str, Any]
OPEN_STEPS = [Status.REGISTERED, Status.WAITING_LIST, Status.APPOINTMENT, Status.ONGOING]


@dataclass
class _CareRows:
    """Everything the filler inserts, gathered first and written in bulk."""

    changes: list[_Row]
    events: list[_Row]
    followups: list[_Row]
    consents: list[_Row]
    entries: list[IndexEntry]


@dataclass(frozen=True)
class _Lookups:
    services: list[Any]  # (id, service name, organisation name)
    contact_of: dict[int, int]  # service id -> its contact person
    service_uuid: dict[int, str]
    families: dict[int, str]
    names: dict[int, str]


def fill_care_data(store: Store, context: BenchContext) -> None:
    """Referrals to kaart services with their events and checks, family follow-ups, attempts and consents."""
    rng, now = context.rng, utcnow()
    stamp = {"created_at": now, "updated_at": now}
    with store.session() as session:
        if (session.scalar(select(func.count()).select_from(Referral)) or 0) < len(context.family_ids) // 2:
            _top_up_referrals(session, context)
        lookups = _lookups(session)
        rows = _CareRows([], [], [], [], [])
        for pk, family, referred_on, outcome in session.execute(
                select(Referral.id, Referral.family_id, Referral.referred_on, Referral.outcome)).all():
            _add_referral(rows, rng, lookups, (pk, family, referred_on, outcome), stamp)
        _update_referrals(session, rows)
        loose = len(context.family_ids) * FOLLOW_UPS_PER_FAMILY - len(rows.followups) \
            - MEETINGS * len(context.family_ids) // 10_000  # the meetings' action points bring the rest
        rows.followups += _loose_followups(rng, context, max(0, loose), stamp)
        rows.consents += _school_consents(session, rng, context, stamp)
        session.execute(insert(ReferralEvent), rows.events)
        session.execute(insert(FollowUp), rows.followups)
        session.execute(insert(Consent), rows.consents)
        _unanswered_attempts(session, rng)


def _lookups(session: Session) -> _Lookups:
    return _Lookups(
        services=list(session.execute(select(KaartService.id, KaartService.name, KaartOrganization.name).join(
            KaartOrganization, KaartOrganization.id == KaartService.organization_id)).all()),
        contact_of={service: contact for service, contact in session.execute(
            select(KaartContact.service_id, KaartContact.id)) if service is not None},
        service_uuid=dict(session.execute(select(KaartService.id, KaartService.uuid)).all()),
        families=dict(session.execute(select(Family.id, Family.uuid)).all()),
        names=dict(session.execute(select(Family.id, Family.display_name)).all()))


def _add_referral(rows: _CareRows, rng: random.Random, lookups: _Lookups,
                  referral: tuple[int, int, dt.date, str], stamp: _Row) -> None:
    pk, family, referred_on, outcome = referral
    sid, service, org = rng.choice(lookups.services) if lookups.services else (None, f"Dienst {pk}", "Organisatie")
    label = f"{org} – {service}"
    status, closed_on = _status_for(rng, outcome, referred_on)
    rows.changes.append({"id": pk, "service_id": sid, "contact_id": lookups.contact_of.get(sid) if sid else None,
                         "service_label": label, "status": status, "closed_on": closed_on})
    rows.events += _history(rng, pk, referred_on, status, closed=closed_on is not None)
    rows.followups.append(_check(rng, f"Hoe ging het bij {org}?", family, pk, closed_on, stamp))
    if sid is not None and rng.random() < 0.7:
        rows.consents.append({"uuid": new_uuid(), "family_id": family, "recipient_kind": "service",
                              "recipient_uuid": lookups.service_uuid[sid], "recipient_label": label,
                              "purposes": "refer share_status share_details", "given_by": "parent",
                              "method": "oral", "given_on": referred_on - dt.timedelta(days=1), **stamp})
    rows.entries.append(IndexEntry("referral", "", f"{lookups.names[family]} → {label}", "",
                                   lookups.families[family]))


def _status_for(rng: random.Random, outcome: str, referred_on: dt.date) -> tuple[str, dt.date | None]:
    """A status that fits the outcome: closed referrals completed or stopped, open ones somewhere on the way."""
    if not outcome:
        return rng.choice(OPEN_STEPS), None
    status = Status.COMPLETED if outcome in ("helped", "partly") else Status.STOPPED
    return status, referred_on + dt.timedelta(days=rng.randrange(14, 120))


def _history(rng: random.Random, pk: int, referred_on: dt.date, status: str, *, closed: bool) -> list[_Row]:
    at = dt.datetime.combine(referred_on, dt.time(10), tzinfo=dt.UTC)
    steps: list[tuple[str, str]] = [("", Status.REGISTERED)]
    steps += [(Status.REGISTERED, s) for s in rng.sample(OPEN_STEPS[1:], 1)]
    if closed:
        steps.append((steps[-1][1], status))
    return [{"uuid": new_uuid(), "referral_id": pk, "at": at + dt.timedelta(days=9 * n),
             "kind": EventKind.CREATED if n == 0 else EventKind.STATUS, "from_status": before, "to_status": after,
             "text": ""} for n, (before, after) in enumerate(steps)]


def _check(rng: random.Random, title: str, family: int, pk: int, closed_on: dt.date | None, stamp: _Row) -> _Row:
    """The check a referral gets: done or not needed once it closed, else due around BENCH_DAY."""
    if closed_on is not None:
        due = closed_on - dt.timedelta(days=3)
        check = rng.choice((FollowUpStatus.DONE, FollowUpStatus.NOT_NEEDED))
    else:
        due = BENCH_DAY + dt.timedelta(days=rng.randrange(-14, 22))
        check = FollowUpStatus.NO_ANSWER if rng.random() < 0.1 else FollowUpStatus.PLANNED
    return {"uuid": new_uuid(), "title": title, "due": due, "owner": "", "status": check, "family_id": family,
            "referral_id": pk, "meeting_uuid": "", "note": "", "closed_on": closed_on, **stamp}


def _update_referrals(session: Session, rows: _CareRows) -> None:
    table = cast(Table, Referral.__table__)  # a declarative model's __table__ is its Table
    columns = ("service_id", "contact_id", "service_label", "status", "closed_on")
    session.execute(table.update().where(table.c.id == bindparam("pk")).values(
        {name: bindparam(name) for name in columns}), [{**c, "pk": c["id"]} for c in rows.changes])
    uuids = dict(session.execute(select(Referral.id, Referral.uuid)).all())
    index_many(session, [IndexEntry(e.kind, uuids[c["id"]], e.label, e.body, e.family_uuid)
                         for e, c in zip(rows.entries, rows.changes, strict=True)])


def _loose_followups(rng: random.Random, context: BenchContext, count: int, stamp: _Row) -> list[_Row]:
    """Promises and checks outside referrals, most of the past ones done."""
    rows = []
    for _n in range(count):
        due = BENCH_DAY + dt.timedelta(days=rng.randrange(-200, 60))
        done = due < BENCH_DAY and rng.random() < 0.95
        rows.append({"uuid": new_uuid(), "title": "Terugbellen over de schoolfactuur", "due": due, "owner": "",
                     "status": FollowUpStatus.DONE if done else FollowUpStatus.PLANNED,
                     "family_id": rng.choice(context.family_ids), "referral_id": None, "meeting_uuid": "",
                     "note": "", "closed_on": due if done else None, **stamp})
    return rows


def _school_consents(session: Session, rng: random.Random, context: BenchContext, stamp: _Row) -> list[_Row]:
    school_uuids = dict(session.execute(select(School.id, School.uuid)).all())
    return [{"uuid": new_uuid(), "family_id": family, "recipient_kind": "school",
             "recipient_uuid": school_uuids[rng.choice(context.school_ids)], "recipient_label": "school",
             "purposes": "share_status", "given_by": "parent", "method": "written",
             "given_on": BENCH_DAY - dt.timedelta(days=rng.randrange(400)), **stamp}
            for family in rng.sample(context.family_ids, len(context.family_ids) * 3 // 10)]


def _unanswered_attempts(session: Session, rng: random.Random) -> None:
    open_ids = session.scalars(select(FollowUp.id).where(FollowUp.status.in_(("planned", "no_answer")))).all()
    session.execute(insert(ContactAttempt), [
        {"uuid": new_uuid(), "at": stamp_at(BENCH_DAY - dt.timedelta(days=rng.randrange(20)), 60),
         "channel": "phone", "answered": False, "note": "", "followup_id": followup, "family_id": None,
         "referral_id": None}
        for followup in rng.sample(list(open_ids), min(len(open_ids), 2000))])


def _top_up_referrals(session: Session, context: BenchContext) -> None:
    """Only when report.fill_report_data is not registered: ~8,000 referrals over two school years."""
    rng, now = context.rng, utcnow()
    outcomes = ["helped", "partly", "not_helped", "elsewhere", "no_longer_interested", "unreachable", "", ""]
    session.execute(insert(Referral), [
        {"uuid": new_uuid(), "family_id": rng.choice(context.family_ids), "theme": rng.choice(THEMES.codes()),
         "question": "", "tried": "", "sharing": "shareable", "service_label": "", "mandated": False,
         "intensity": "called", "urgent": rng.random() < 0.05, "warned_in_advance": False, "receiving_worker": "",
         "referred_on": BENCH_DAY - dt.timedelta(days=rng.randrange(560)), "status": "ongoing",
         "outcome": rng.choice(outcomes), "decline_reason": "", "no_show_count": 0, "feedback_text": "",
         "created_at": now, "updated_at": now}
        for _n in range(len(context.family_ids) * 8 // 10)])
