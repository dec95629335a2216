"""Demo loader: consents, referrals (with their history), follow-ups and unanswered attempts.

Reads ``resources/demo/care.json``; families by key ("f01" …) and sociale kaart organisations by the keys
of ``kaart.json`` (``demo.ref("kaart_organization", key)``), services by name within the organisation.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from brugapp.demo.context import DemoContext
from brugapp.domain.clock import BRUSSELS
from brugapp.domain.referrals import EventKind, initial_status, is_closed
from brugapp.services.referrals.followups import create_followup_in_session
from brugapp.services.referrals.referrals import check_title
from brugapp.store.models.kaart import KaartOrganization, KaartService
from brugapp.store.models.referrals import Consent, ContactAttempt, Referral, ReferralEvent
from brugapp.store.search_index import index_record

LOCAL_ZONE = BRUSSELS  # the one time rule: domain/clock.py


def _service(demo: DemoContext, org_key: str, name: str) -> tuple[KaartOrganization, KaartService | None]:
    org: KaartOrganization = demo.ref("kaart_organization", org_key)
    return org, next((s for s in org.services if s.name == name), None)


def _moment(demo: DemoContext, spec: list[int]) -> dt.datetime:
    day = demo.day(spec[0])
    return dt.datetime(day.year, day.month, day.day, spec[1], spec[2], tzinfo=LOCAL_ZONE)


def _stamp(demo: DemoContext, offset: int) -> dt.datetime:
    return demo.moment(offset, 12, 0)


def _consents(session: Session, demo: DemoContext, rows: list[dict[str, Any]]) -> None:
    schools = list(demo.refs.get("school", {}).values())
    for row in rows:
        family = demo.ref("family", row["family"])
        if "school" in row:
            school = schools[row["school"]]
            kind, uuid, label = "school", school.uuid, school.label
        else:
            org = demo.ref("kaart_organization", row["org"])
            kind, uuid, label = "organization", org.uuid, org.name
        session.add(Consent(
            family_id=family.id, recipient_kind=kind, recipient_uuid=uuid, recipient_label=label,
            purposes=" ".join(row["purposes"]), given_by=row["given_by"], given_by_name=row.get("given_by_name", ""),
            method=row["method"], given_on=demo.day(row["given"]),
            valid_until=demo.day(row["until"]) if "until" in row else None,
            withdrawn_on=demo.day(row["withdrawn"]) if "withdrawn" in row else None,
            withheld=row.get("withheld", ""), note="", withdrawal_note="",
        ))


def _referral(session: Session, demo: DemoContext, row: dict[str, Any]) -> None:
    family = demo.ref("family", row["family"])
    org, service = _service(demo, row["org"], row["service"])
    contact = service.contacts[0] if service is not None and service.contacts else None
    appointment = _moment(demo, row["appointment"]) if "appointment" in row else None
    status = initial_status(row["intensity"], appointment)
    referral = Referral(
        family_id=family.id, theme=row.get("theme", ""), question=row.get("question", ""), tried="",
        sharing="shareable", service_id=service.id if service else None, contact_id=contact.id if contact else None,
        service_label=f"{org.name} – {service.name}" if service else org.name, mandated=False,
        intensity=row["intensity"], urgent=row.get("urgent", False), warned_in_advance=row.get("warned", False),
        receiving_worker=row.get("worker", ""), referred_on=demo.day(row["referred"]), appointment_at=appointment,
        first_appointment_on=appointment.date() if appointment else None, status=status, outcome="",
        decline_reason="", no_show_count=0, feedback_text="",
    )
    session.add(referral)
    session.flush()
    events: list[ReferralEvent] = [ReferralEvent(referral_id=referral.id, kind=EventKind.CREATED, to_status=status,
                                                 at=_stamp(demo, row["referred"]), text="")]
    for offset in row.get("no_shows", []):
        referral.no_show_count += 1
        events.append(ReferralEvent(referral_id=referral.id, kind=EventKind.NO_SHOW, at=_stamp(demo, offset)))
    for step in row.get("steps", []):
        target, offset, note = step[0], step[1], step[2]
        events.append(ReferralEvent(referral_id=referral.id, kind=EventKind.STATUS, from_status=referral.status,
                                    to_status=target, text=note, at=_stamp(demo, offset)))
        referral.status = target
        if is_closed(target):
            referral.outcome, referral.closed_on = step[3], demo.day(offset)
        else:
            referral.outcome, referral.closed_on = "", None
    if "appointment2" in row:
        referral.appointment_at = _moment(demo, row["appointment2"])
    if "feedback" in row:
        referral.feedback_on, referral.feedback_text = demo.day(row["feedback"][0]), row["feedback"][1]
        events.append(ReferralEvent(referral_id=referral.id, kind=EventKind.FEEDBACK, text=row["feedback"][1],
                                    at=_stamp(demo, row["feedback"][0])))
    in_order = sorted(events, key=lambda e: e.at)
    session.add_all(in_order)
    if "check" in row and not is_closed(referral.status):
        create_followup_in_session(
            session, title=check_title(referral.service_label),
            due=demo.day(row["check"]), owner="", family_pk=family.id, referral_pk=referral.id)
    index_record(session, kind="referral", ref_uuid=referral.uuid,
                 label=f"{family.display_name} → {referral.service_label}", family_uuid=family.uuid)


def load_care(session: Session, demo: DemoContext) -> None:
    data = demo.read_json("care.json")
    _consents(session, demo, data["consents"])
    for row in data["referrals"]:
        _referral(session, demo, row)
    for row in data["followups"]:
        family = demo.ref("family", row["family"]) if "family" in row else None
        create_followup_in_session(session, title=row["title"], due=demo.day(row["due"]), owner="",
                                   family_pk=family.id if family else None)
    for row in data["attempts"]:
        _org, service = _service(demo, row["org"], row["service"])
        if service is None or not service.contacts:
            continue
        for offset, channel in zip(row["days"], row["channels"], strict=True):
            session.add(ContactAttempt(channel=channel, answered=False, at=demo.moment(offset, 10, 0), note="",
                                       kaart_contact_id=service.contacts[0].id))
