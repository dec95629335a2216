"""iCalendar export read back with the icalendar parser; CLI print/export/list; report figures."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

from icalendar import Calendar
from pypdf import PdfReader

from brugapp.cli import main
from brugapp.domain.clock import today_local
from brugapp.domain.consent import Purpose, RecipientKind
from brugapp.domain.referrals import Intensity, Status
from brugapp.services.referrals.calendar_export import export_ical
from brugapp.services.referrals.consent import record_consent
from brugapp.services.referrals.followups import create_followup
from brugapp.services.referrals.referrals import change_status, create_referral
from brugapp.services.reporting.referral_figures import referral_figures, shown
from tests.factories import make_family, make_school
from tests.unit.referrals.test_referral_scenarios import kaart_service

BRUSSELS = ZoneInfo("Europe/Brussels")
TODAY = dt.date(2026, 11, 26)


def test_ical_round_trip_todos_events_timezone_and_no_private_text(store, tmp_path):
    # GIVEN a referral with an appointment at 10:00 Brussels time and a private promise
    family = make_family(store, display_name="Gezin El Amrani")
    caw = kaart_service(store)
    referral = create_referral(store, family_id=family, service_id=caw.id, intensity=Intensity.APPOINTMENT_MADE,
                               question="Deurwaarder, huurachterstand", referred_on=TODAY,
                               appointment_at=dt.datetime(2026, 12, 1, 10, 0, tzinfo=BRUSSELS))
    promise = create_followup(store, title="Mama terugbellen", due=TODAY, owner="Sara", family_id=family,
                              note="Vader mag dit niet weten")
    # WHEN the calendar is exported twice
    out = tmp_path / "brugapp.ics"
    result = export_ical(store, out=out, today=TODAY)
    first = out.read_bytes()
    export_ical(store, out=out, today=TODAY)
    # THEN an independent parser reads VTODOs with DUE, a VEVENT in Europe/Brussels and a VTIMEZONE
    calendar = Calendar.from_ical(out.read_bytes())
    todos = {str(c["uid"]): c for c in calendar.walk("VTODO")}
    events = {str(c["uid"]): c for c in calendar.walk("VEVENT")}
    assert (result.todos, result.events) == (2, 1)
    assert todos[f"{promise}@brugapp"].decoded("due") == TODAY
    assert str(todos[f"{promise}@brugapp"]["status"]) == "NEEDS-ACTION"
    start = events[f"{referral}@brugapp"].decoded("dtstart")
    assert start == dt.datetime(2026, 12, 1, 10, 0, tzinfo=BRUSSELS) and start.utcoffset() == dt.timedelta(hours=1)
    assert events[f"{referral}@brugapp"]["dtstart"].params["TZID"] == "Europe/Brussels"
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    # stable UIDs: the same records give the same UIDs on every export
    assert set(todos) | set(events) == {
        str(c["uid"]) for c in Calendar.from_ical(first).walk() if c.name in ("VTODO", "VEVENT")}
    # only titles and initials: no note, no question, no full family name
    text = out.read_text(encoding="utf-8")
    for private in ("Vader", "Deurwaarder", "El Amrani"):
        assert private not in text


def test_cli_print_refuses_without_consent_and_prints_with_it(store, tmp_path, capsys):
    family = make_family(store, display_name="Gezin Benali")
    school = make_school(store, name="Basisschool De Regenboog")
    service = kaart_service(store, "Opvoedingsondersteuning", "Huis van het Kind Gent", categories=("parenting",))
    referral = create_referral(store, family_id=family, service_id=service.id, intensity=Intensity.CALLED,
                               question="Slaapproblemen bij de jongste")
    db = str(store.path)
    out = tmp_path / "school.pdf"
    # WHEN printing for the school without consent THEN a non-zero exit and the reason
    code = main(["print", "referral", referral, str(out), "--for", school, "--status-only", "--db", db])
    assert code == 2 and not out.exists()
    assert "toestemming" in capsys.readouterr().err.lower()
    # WHEN the status consent is there THEN the status-only sheet is written, without the question
    record_consent(store, family_id=family, recipient_kind=RecipientKind.SCHOOL, recipient_id=school,
                   purposes=[Purpose.SHARE_STATUS], given_by="parent", method="oral", given_on=today_local())
    assert main(["print", "referral", referral, str(out), "--for", school, "--status-only", "--db", db]) == 0
    text = "\n".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "Basisschool De Regenboog" in text and "Slaapproblemen" not in text
    # AND `list referrals|consents|followups` show the records
    capsys.readouterr()
    for kind in ("referrals", "consents", "followups"):
        assert main(["list", kind, "--db", db, "--json"]) == 0
        assert len(json.loads(capsys.readouterr().out)) == 1
    assert main(["export", "ical", str(tmp_path / "x.ics"), "--db", db]) == 0
    assert Calendar.from_ical((tmp_path / "x.ics").read_bytes()).walk("VTODO")


def test_figures_time_to_appointment_and_outcomes_with_small_counts_suppressed(store):
    family = make_family(store)
    caw = kaart_service(store)
    ids = []
    for days, wait in enumerate([3, 5, 10, 12, 20, 30]):
        ids.append(create_referral(
            store, family_id=family, service_id=caw.id, intensity=Intensity.APPOINTMENT_MADE,
            referred_on=TODAY - dt.timedelta(days=40 + days),
            appointment_at=dt.datetime.combine(TODAY - dt.timedelta(days=40 + days - wait), dt.time(10),
                                               tzinfo=BRUSSELS)))
    for referral_id in ids[:5]:
        change_status(store, referral_id=referral_id, status=Status.COMPLETED, outcome="helped", on=TODAY)
    change_status(store, referral_id=ids[5], status=Status.STOPPED, outcome="unreachable", on=TODAY)
    figures = referral_figures(store, first_day=dt.date(2026, 9, 1), last_day=dt.date(2027, 8, 31))
    assert figures.referrals == 6 and figures.with_appointment == 6
    assert figures.median_days_to_appointment == 11
    service = figures.per_service[0]
    assert service.outcomes["helped"] == 5
    assert service.shown()["helped"] == "5" and service.shown()["unreachable"] == "<5"
    assert [shown(n) for n in (0, 1, 4, 5, 12)] == ["0", "<5", "<5", "5", "12"]


def test_cli_figures_show_small_counts_as_less_than_five(store, capsys):
    family = make_family(store)
    caw = kaart_service(store)
    create_referral(store, family_id=family, service_id=caw.id, intensity=Intensity.INFO,
                    referred_on=dt.date(2025, 10, 1))
    # the human output suppresses small counts …
    assert main(["figures", "referrals", "--year", "2025-2026", "--db", str(store.path)]) == 0
    out = capsys.readouterr().out
    assert "Doorverwijzingen: <5" in out and "Gezin" not in out
    # … JSON gives a script the number to compute with and the text a report may show
    assert main(["figures", "referrals", "--year", "2025-2026", "--json", "--db", str(store.path)]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["referrals"] == {"count": 1, "shown": "<5"}
    assert figures["by_intensity"] == {"info": {"count": 1, "shown": "<5"}}
    assert figures["per_service"][0]["outcomes"] == {"open": {"count": 1, "shown": "<5"}}
    assert "Gezin" not in json.dumps(figures)
    assert main(["figures", "referrals", "--year", "twenty", "--db", str(store.path)]) == 2
