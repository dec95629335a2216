"""Synthetic meetings for ``brugapp bench`` (a ``BENCH_FILLERS`` entry): ~500 over the school year for 10,000
families. A care meeting per school every six weeks, network meetings, and case meetings of families, each with
participants, the agenda of its type and 1-4 action points (half of them followed up). One transaction."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from brugapp.bench.base import FIRST_NAMES, LAST_NAMES, BenchContext
from brugapp.bench.fillers import BENCH_DAY, MEETINGS, next_id, stamp_at
from brugapp.domain.meetings import ITEMS, MEETING_TYPES, TEMPLATES
from brugapp.i18n import format_date
from brugapp.store import Store
from brugapp.store.base import new_uuid, utcnow
from brugapp.store.models import Family
from brugapp.store.models.meetings import (
    Meeting,
    MeetingAction,
    MeetingFamily,
    MeetingItem,
    MeetingParticipant,
    MeetingSeries,
)
from brugapp.store.models.referrals import FollowUp
from brugapp.store.search_index import IndexEntry, index_many

_Row = dict[str, Any]
SCHOOL_YEAR_START = dt.date(2025, 9, 8)


@dataclass(frozen=True)
class _Plan:
    kind: str
    series_id: int | None
    school: int | None
    day: dt.date
    families: list[int]


@dataclass
class _MeetingRows:
    meetings: list[_Row] = field(default_factory=list)
    links: list[_Row] = field(default_factory=list)
    participants: list[_Row] = field(default_factory=list)
    items: list[_Row] = field(default_factory=list)
    actions: list[_Row] = field(default_factory=list)
    followups: list[_Row] = field(default_factory=list)
    entries: list[IndexEntry] = field(default_factory=list)


def fill_meeting_data(store: Store, context: BenchContext) -> None:
    rng, now = context.rng, utcnow()
    stamp = {"created_at": now, "updated_at": now}
    with store.session() as session:
        names = dict(session.execute(select(Family.id, Family.display_name)).all())
        families = dict(session.execute(select(Family.id, Family.uuid)).all())
        schools = max(2, min(len(context.school_ids), len(context.school_ids) * context.families // 10_000))
        series = _series(next_id(session, MeetingSeries), schools, context, stamp)
        meeting_count = max(30, MEETINGS * context.families // 10_000)  # 500 for 10,000 families
        plans = _plans(rng, context, series, schools, meeting_count)
        rows = _MeetingRows()
        meeting_pk, item_pk = next_id(session, Meeting), next_id(session, MeetingItem)
        for n, plan in enumerate(plans):
            _add_meeting(rows, rng, plan, (meeting_pk + n, item_pk), names, families, stamp)
        _insert(session, series, rows)


def _series(first_pk: int, schools: int, context: BenchContext, stamp: _Row) -> list[_Row]:
    series: list[_Row] = [
        {"id": first_pk + n, "uuid": new_uuid(), "name": f"Zorgoverleg school {n + 1}",
         "meeting_type": "zorgoverleg", "interval_weeks": 6, "family_id": None, **stamp} for n in range(schools)]
    series += [{"id": first_pk + len(series) + n, "uuid": new_uuid(), "name": f"Netwerk armoede {n + 1}",
                "meeting_type": "netwerkoverleg", "interval_weeks": 6, "family_id": None, **stamp}
               for n in range(max(1, 4 * context.families // 10_000))]
    return series


def _plans(rng: random.Random, context: BenchContext, series: list[_Row], schools: int, count: int) -> list[_Plan]:
    """Seven meetings per series over the year; then case meetings of one family, each with its follow-up circle."""
    plans: list[_Plan] = []
    for n, row in enumerate(series):
        school = context.school_ids[n] if n < schools else None
        for k in range(7):
            day = SCHOOL_YEAR_START + dt.timedelta(weeks=6 * k, days=rng.randrange(5))
            linked = rng.sample(context.family_ids, rng.choice((2, 3, 4))) if school else []
            plans.append(_Plan(str(row["meeting_type"]), int(row["id"]), school, day, linked))
    while len(plans) < count:
        family = rng.choice(context.family_ids)
        day = SCHOOL_YEAR_START + dt.timedelta(days=rng.randrange(260))
        kind = rng.choice(("casusoverleg", "mdo", "rondetafel", "opstartcirkel"))
        school = rng.choice(context.school_ids)
        plans.append(_Plan(kind, None, school, day, [family]))
        plans.append(_Plan("opvolgcirkel", None, school, day + dt.timedelta(weeks=6), [family]))
    return plans[:count]


def _add_meeting(rows: _MeetingRows, rng: random.Random, plan: _Plan, pks: tuple[int, int], names: dict[int, str],
                 families: dict[int, str], stamp: _Row) -> None:
    pk, first_item_pk = pks
    uuid = new_uuid()
    title = MEETING_TYPES.label(plan.kind)
    if plan.families and not plan.series_id:
        title = f"{title} {names[plan.families[0]]}"
    rows.meetings.append({
        "id": pk, "uuid": uuid, "title": title[:200], "meeting_type": plan.kind,
        "starts_at": dt.datetime.combine(plan.day, dt.time(13, 30), tzinfo=dt.UTC), "duration_minutes": 60,
        "place_kind": "school", "place_detail": "", "school_id": plan.school, "series_id": plan.series_id,
        "regiehouder": "", "interpreter_needed": False, "interpreter_arranged": False, "interpreter_language": "",
        "youth_present": "unknown", "parents_present": "unknown",
        "status": "held" if plan.day < BENCH_DAY else "planned", **stamp})
    rows.links += [{"meeting_id": pk, "family_id": family} for family in plan.families]
    rows.participants += _participants(rng, pk, plan, names, stamp)
    codes = TEMPLATES.get(plan.kind, TEMPLATES["other"])
    rows.items += [{"id": first_item_pk + len(rows.items) + i, "uuid": new_uuid(), "meeting_id": pk, "position": i,
                    "code": code, "title": ITEMS[code].title, "school_ok": ITEMS[code].school_ok, "notes": "",
                    "decisions": "", **stamp} for i, code in enumerate(codes)]
    _add_actions(rows, rng, plan, (pk, uuid, rows.items[-1]["id"] if codes else None), stamp)
    rows.entries.append(IndexEntry("meeting", uuid, f"{title} – {format_date(plan.day, 'medium')}",
                                   " ".join(names[f] for f in plan.families),
                                   families[plan.families[0]] if plan.families else ""))


def _participants(rng: random.Random, pk: int, plan: _Plan, names: dict[int, str], stamp: _Row) -> list[_Row]:
    people: list[tuple[str, str, str, int | None, int | None]] = [
        ("internal", "bridge_worker", "Brugfiguur", None, None),
        ("school", "care_coordinator", f"Zorgcoördinator {rng.choice(LAST_NAMES)}", None, plan.school)]
    people += [("family", "parent", f"Ouder {names[family]}", family, None) for family in plan.families[:1]]
    people += [("service", "consultant", f"{rng.choice(FIRST_NAMES)} (CAW)", None, None)]
    return [{"uuid": new_uuid(), "meeting_id": pk, "position": i, "kind": kind, "name": name, "role": role,
             "organisation": "", "email": "", "attendance": "invited", "is_regiehouder": i == 0,
             "invite_channel": "", "family_id": family, "school_id": school, "kaart_contact_uuid": "",
             "kaart_organization_uuid": "", **stamp}
            for i, (kind, role, name, family, school) in enumerate(people)]


def _add_actions(rows: _MeetingRows, rng: random.Random, plan: _Plan, meeting: tuple[int, str, int | None],
                 stamp: _Row) -> None:
    """1-4 action points on the last agenda item; half of them followed up as a follow-up."""
    pk, uuid, item_id = meeting
    for _k in range(rng.choice((1, 2, 3, 4))):
        due = plan.day + dt.timedelta(days=rng.randrange(14, 43))
        still_open = plan.day >= BENCH_DAY or rng.random() < 0.3
        followup = new_uuid() if rng.random() < 0.5 else ""
        rows.actions.append({"uuid": new_uuid(), "meeting_id": pk, "item_id": item_id,
                             "what": "Contact opnemen met de school over de aanpak", "owner": "Brugfiguur",
                             "due": due, "status": "open" if still_open else "done", "school_ok": True,
                             "followup_uuid": followup, "closed_at": None if still_open else stamp_at(due, 0),
                             **stamp})
        if followup:
            rows.followups.append({"uuid": followup, "title": "Actiepunt overleg", "due": due, "owner": "Brugfiguur",
                                   "status": "planned" if still_open else "done",
                                   "family_id": plan.families[0] if plan.families else None, "referral_id": None,
                                   "meeting_uuid": uuid, "note": "", "closed_on": None if still_open else due,
                                   **stamp})


def _insert(session: Session, series: list[_Row], rows: _MeetingRows) -> None:
    for model, values in ((MeetingSeries, series), (Meeting, rows.meetings), (MeetingFamily, rows.links),
                          (MeetingParticipant, rows.participants), (MeetingItem, rows.items),
                          (MeetingAction, rows.actions), (FollowUp, rows.followups)):
        session.execute(insert(model), values)
    index_many(session, rows.entries)
