"""Export follow-ups and referral appointments to an iCalendar file for Outlook or Thunderbird.

A calendar usually syncs to a phone or a mail server, outside the encrypted store: it carries only
titles, dates and the family's initials — never notes, questions or feedback. Every export is logged in
the audit trail (what and how many, never the content).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from brugapp.domain.clock import today_local
from brugapp.domain.followups import OPEN_STATUSES, FollowUpStatus
from brugapp.domain.referrals import CLOSED
from brugapp.exchange.ical import CalEvent, CalTodo, build_calendar
from brugapp.i18n import _
from brugapp.services.audit import record_audit
from brugapp.store import Store
from brugapp.store.models import Family
from brugapp.store.models.referrals import FollowUp, Referral

_SKIP_WORDS = {"gezin", "familie", "family", "de", "van", "der", "den", "el", "al"}


def initials(display_name: str) -> str:
    """'Gezin El Amrani' -> 'A.'; 'Gezin Van den Broeck' -> 'B.': enough to recognise, little to leak."""
    words = [w for w in display_name.replace("-", " ").split() if w.casefold() not in _SKIP_WORDS]
    return "".join(f"{w[0].upper()}." for w in words[:2])


@dataclass(frozen=True)
class CalendarExport:
    path: Path
    todos: int
    events: int


def export_ical(
    store: Store, *, out: Path, today: dt.date | None = None, days_back: int = 30, include_closed: bool = False,
    followups_as: str = "both",
) -> CalendarExport:
    """Open follow-ups (VTODO and/or an all-day VEVENT on the due date, see ``ical.FOLLOWUP_FORMS``) and
    referral appointments from ``days_back`` days ago (VEVENT)."""
    day = today or today_local()
    since = dt.datetime.combine(day - dt.timedelta(days=days_back), dt.time(0), tzinfo=dt.UTC)
    with store.session() as session:
        families = {f.id: f.display_name for f in session.scalars(select(Family))}
        query = select(FollowUp).order_by(FollowUp.due)
        if not include_closed:
            query = query.where(FollowUp.status.in_(OPEN_STATUSES))
        todos = []
        for followup in session.scalars(query):
            who = initials(families.get(followup.family_id or 0, ""))
            summary = f"{followup.title} ({who})" if who else followup.title
            todos.append(CalTodo(followup.uuid, summary, followup.due, done=followup.status == FollowUpStatus.DONE,
                                 cancelled=followup.status in (FollowUpStatus.CANCELLED, FollowUpStatus.NOT_NEEDED),
                                 category=_("Follow-up")))
        events = []
        for referral in session.scalars(select(Referral).where(Referral.appointment_at.is_not(None),
                                                               Referral.appointment_at >= since)):
            if referral.status in CLOSED and not include_closed:
                continue
            assert referral.appointment_at is not None
            who = initials(families.get(referral.family_id, ""))
            summary = _("Appointment {service}").format(service=referral.service_label)
            events.append(CalEvent(referral.uuid, f"{summary} ({who})" if who else summary,
                                   referral.appointment_at, category=_("Referral")))
        record_audit(session, action="export", subject_kind="calendar", audience=_("own calendar"),
                     detail=f"ical todos={len(todos)} events={len(events)}")
        session.flush()
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(build_calendar(todos, events, name=_("BrugApp follow-up"), followups_as=followups_as))
        return CalendarExport(out, len(todos), len(events))
