"""Issue 13: vCards and calendars as phones, Outlook and Thunderbird read them, parsed back with vobject and
icalendar (not with our own writer)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import vobject
from icalendar import Calendar

from brugapp.services.kaart.export import export_kaart
from brugapp.services.kaart.importing import import_kaart
from brugapp.services.meetings.meetings import MeetingInput, ParticipantInput, create_meeting
from brugapp.services.referrals.calendar_export import export_ical
from brugapp.services.referrals.followups import create_followup
from brugapp.settings import Settings, save_settings
from brugapp.store import Store
from tests.factories import make_family, make_school

SHEET = (
    "Organisatie;Dienst;Adres;Postcode;Gemeente;Telefoon;Contactpersoon;Functie;Tel contactpersoon;"
    "E-mail contactpersoon;Backup;Tel backup\r\n"
    "OCMW Kortrijk;Sociale dienst;Budastraat 1;8500;Kortrijk;056 00 10 01;Sofie Claeys;maatschappelijk werker;"
    "056 00 10 02;sofie@example.be;Tom Peeters;0470 12 34 56\r\n"
    "CAW Zuid-West-Vlaanderen;Onthaal;Kattestraat 23;9500;Geraardsbergen;054 00 20 20;Sofie Claeys;"
    "maatschappelijk werker;056 00 10 02;sofie@example.be;;\r\n"
)


def cards(store: Store, tmp_path: Path, version: str) -> dict[str, vobject.base.Component]:
    source = tmp_path / "kaart.csv"
    source.write_text(SHEET, encoding="utf-8")
    import_kaart(store, path=source)
    export_kaart(store, out=tmp_path / "kaart.vcf", format="vcard", vcard_version=version)
    parsed = list(vobject.readComponents((tmp_path / "kaart.vcf").read_text(encoding="utf-8")))
    by_name = {c.fn.value: c for c in parsed}
    assert len(by_name) == len(parsed), "one card per person"
    return by_name


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_one_card_per_person_with_the_address(store: Store, tmp_path: Path, version: str) -> None:
    by_name = cards(store, tmp_path, version)
    assert set(by_name) == {"Sofie Claeys", "Tom Peeters"}
    sofie = by_name["Sofie Claeys"]
    assert "Vast gezicht voor Sociale dienst" in sofie.note.value and "Vast gezicht voor Onthaal" in sofie.note.value
    address = sofie.adr.value
    assert (address.street, address.code) in (("Budastraat 1", "8500"), ("Kattestraat 23", "9500"))
    # "Gemeente" with an address is the address town, not only the service area
    assert address.city == {"8500": "Kortrijk", "9500": "Geraardsbergen"}[address.code]


def test_vcard_4_writes_e164_tel_uris_and_3_keeps_the_readable_number(store: Store, tmp_path: Path) -> None:
    four = cards(store, tmp_path, "4.0")
    assert four["Sofie Claeys"].tel.value == "tel:+3256001002"
    assert four["Tom Peeters"].tel.value == "tel:+32470123456"
    assert four["Tom Peeters"].tel.params["VALUE"] == ["uri"]
    three = cards(store, tmp_path, "3.0")  # the same sheet again: updated, still one card per person
    assert three["Tom Peeters"].tel.value == "0470 12 34 56"


def test_a_backup_is_not_titled_colleague(store: Store, tmp_path: Path) -> None:
    tom = cards(store, tmp_path, "3.0")["Tom Peeters"]
    assert "title" not in tom.contents
    assert tom.note.value == "Backup voor Sociale dienst"
    demo = Path(__file__).resolve().parents[3] / "resources" / "demo" / "kaart.json"
    assert '"collega"' not in demo.read_text(encoding="utf-8")


def meeting_with_a_parent_without_email(store: Store) -> str:
    family = make_family(store, display_name="Gezin Kowalski")
    school = make_school(store)
    start = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    return create_meeting(store, data=MeetingInput(
        title="Opstartcirkel", meeting_type="opstartcirkel", starts_at=start, school_id=school, family_ids=(family,),
        place_kind="school"), participants=[
        ParticipantInput(kind="school", name="Griet Vanneste", role="care_coordinator",
                         email="zorg@vlieger.example.be", school_id=school, is_regiehouder=True),
        ParticipantInput(kind="service", name="Eline Maes", role="clb", email="eline@clb.example.be"),
        ParticipantInput(kind="other", name="Oma Kowalska", role="other", email=""),
        ParticipantInput(kind="other", name="Buurman Jef", role="other", email=""),
    ])


def invitation(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, email: str):
    from brugapp.services.meetings.agenda import export_invitation

    monkeypatch.setattr("brugapp.settings.settings_path", lambda: tmp_path / "settings.json")
    save_settings(Settings(worker_name="Sarah Vandamme", worker_email=email))
    path = export_invitation(store, meeting_id=meeting_with_a_parent_without_email(store),
                             path=tmp_path / "uitnodiging.ics")
    calendar = Calendar.from_ical(path.read_bytes())
    return calendar, next(iter(calendar.walk("VEVENT"))), path.read_text(encoding="utf-8")


def attendees(event) -> list:
    found = event.get("attendee")
    return found if isinstance(found, list) else [found] if found is not None else []


def test_invitation_organiser_is_the_worker_and_attendees_are_distinct(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calendar, event, text = invitation(store, tmp_path, monkeypatch, "sarah@kortrijk.example.be")
    assert str(calendar["method"]) == "REQUEST"
    assert str(event["organizer"]) == "mailto:sarah@kortrijk.example.be"
    assert str(event["organizer"].params["CN"]) == "Sarah Vandamme"
    addresses = [str(a) for a in attendees(event)]
    assert sorted(addresses) == ["mailto:eline@clb.example.be", "mailto:zorg@vlieger.example.be"]
    assert all(str(a.params["RSVP"]) == "TRUE" for a in attendees(event))
    assert "brugapp.invalid" not in "".join(addresses) and "unknown@" not in text
    description = str(event["description"])
    assert "Oma Kowalska" in description and "Buurman Jef" in description


def test_without_own_address_nobody_is_asked_to_reply(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calendar, event, text = invitation(store, tmp_path, monkeypatch, "")
    assert str(calendar["method"]) == "PUBLISH"
    assert "organizer" not in event and "RSVP=TRUE" not in text and "noreply" not in text
    assert "Sarah Vandamme" in str(event["description"])


@pytest.mark.parametrize(("form", "todos", "day_events"), [("both", 1, 1), ("tasks", 1, 0), ("events", 0, 1)])
def test_follow_ups_also_as_all_day_events(store: Store, tmp_path: Path, form: str, todos: int,
                                           day_events: int) -> None:
    due = dt.date(2026, 12, 3)
    promise = create_followup(store, title="Mama terugbellen", due=due, owner="Sara")
    export_ical(store, out=tmp_path / "b.ics", today=due, followups_as=form)
    calendar = Calendar.from_ical((tmp_path / "b.ics").read_bytes())
    assert len(calendar.walk("VTODO")) == todos
    events = [e for e in calendar.walk("VEVENT") if str(e["uid"]) == f"{promise}-day@brugapp"]
    assert len(events) == day_events
    for event in events:
        assert event.decoded("dtstart") == due and event.decoded("dtend") == due + dt.timedelta(days=1)
        assert event["dtstart"].params["VALUE"] == "DATE" and str(event["transp"]) == "TRANSPARENT"
