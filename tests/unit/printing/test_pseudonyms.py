"""Network versions name families by record, never by substring (issue 12): Sara/Sarah, Ali/Alina, Jan/Janssens."""

from __future__ import annotations

import datetime as dt
import re

from icalendar import Calendar

from brugapp.domain.clock import from_local, today_local
from brugapp.domain.pseudonyms import HiddenFamily, Pseudonymiser
from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.meetings.agenda import export_invitation, meeting_sheet, print_agenda
from brugapp.services.meetings.meetings import MeetingInput, ParticipantInput, create_meeting
from brugapp.services.meetings.minutes import ActionInput, ItemMinutes, MinutesInput, print_minutes, record_minutes
from tests.factories import make_family, make_school
from tests.unit.printing.helpers import pdf_text


def test_whole_words_only_and_staff_kept():
    # GIVEN a hidden family with members Sara, Ali and Jan, and staff whose names contain theirs
    family = HiddenFamily("Gezin A", ("Gezin Peeters", "Sara Peeters", "Ali Peeters", "Jan Peeters"))
    pseudonyms = Pseudonymiser([family], staff=["Sarah Vandamme", "Alina Demir", "Griet Janssens"])
    # WHEN text naming both is rewritten
    out = pseudonyms.text("Sarah Vandamme belt Sara; Alina Demir ziet Ali en Jan. Griet Janssens, Jan-Willem.")
    # THEN only the family's own words changed, staff are untouched
    assert out == "Sarah Vandamme belt Gezin A; Alina Demir ziet Gezin A en Gezin A. Griet Janssens, Jan-Willem."


def test_family_label_is_replaced_once_not_twice():
    pseudonyms = Pseudonymiser([HiddenFamily("Gezin A", ("Gezin El Amrani", "Samira El Amrani"))])
    assert pseudonyms.text("Casusoverleg Gezin El Amrani") == "Casusoverleg Gezin A"
    assert pseudonyms.text("familie el amrani en mama Samira El Amrani") == "Gezin A en mama Gezin A"
    assert pseudonyms.text("Samira Amrani") == "Gezin A"  # two names side by side: one stand-in
    assert pseudonyms.text("de school van het CLB") == "de school van het CLB"  # particles alone never go


def test_staff_with_the_same_first_name_as_a_child_keeps_it():
    pseudonyms = Pseudonymiser([HiddenFamily("Gezin A", ("Gezin Maes", "Sara Maes"))], staff=["Sara Claes"])
    assert pseudonyms.text("Sara Claes belt Sara Maes") == "Sara Claes belt Gezin A"


def _case(store):
    school = make_school(store, name="Basisschool De Vlieger")
    family = make_family(store, display_name="Gezin Janssens")
    for first in ("Sara", "Ali", "Jan"):
        add_member(store, family_id=family, member=MemberInput("child", first, "Janssens", school_id=school))
    start = from_local(dt.datetime.combine(today_local() + dt.timedelta(days=7), dt.time(14, 0)))
    meeting = create_meeting(store, data=MeetingInput(
        title="Casusoverleg Janssens", meeting_type="casusoverleg", starts_at=start, place_kind="school",
        school_id=school, family_ids=(family,), regiehouder="Sarah Vandamme",
    ), participants=[
        ParticipantInput(kind="family", name="Mama Janssens", role="parent", family_id=family),
        ParticipantInput(kind="school", name="Alina Verhaeghe", role="care_coordinator", school_id=school,
                         email="alina@vlieger.example.be"),
        ParticipantInput(kind="service", name="Sarah Vandamme", role="clb", organisation="CLB Kortrijk",
                         is_regiehouder=True, email="sarah@clb.example.be"),
        ParticipantInput(kind="service", name="Jan Devos", role="other", organisation="CAW"),
    ])
    items = {}
    from brugapp.services.meetings.meetings import get_meeting

    for item in get_meeting(store, meeting_id=meeting).items:
        items.setdefault(item.code or item.title, item.id)
    first_item = next(iter(items.values()))
    record_minutes(store, meeting_id=meeting, minutes=MinutesInput(
        items=[ItemMinutes(first_item, notes="Sara en Ali komen te laat; Jan zit in het 3de leerjaar. "
                                            "Sarah Vandamme en Alina Verhaeghe bellen met Janssens.")],
        new_actions=[ActionInput("Sarah Vandamme belt mama Janssens", "Sarah Vandamme",
                                 start.date() + dt.timedelta(days=7)),
                     ActionInput("Huiswerkklas voor Ali zoeken", "Jan Devos", start.date() + dt.timedelta(days=7))],
        mark_held=False))
    return meeting


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


def test_network_version_pseudonymises_by_record(store, tmp_path):
    # GIVEN a case about Gezin Janssens (Sara, Ali, Jan) with staff Sarah Vandamme, Alina Verhaeghe, Jan Devos
    meeting = _case(store)
    # WHEN the network agenda, minutes and the invitation are made
    agenda = pdf_text(print_agenda(store, meeting_id=meeting, audience="network", path=tmp_path / "a.pdf"))
    minutes = pdf_text(print_minutes(store, meeting_id=meeting, audience="network", path=tmp_path / "m.pdf"))
    ics = Calendar.from_ical(export_invitation(store, meeting_id=meeting, path=tmp_path / "i.ics").read_bytes())
    event = next(iter(ics.walk("VEVENT")))
    invitation = f"{event.get('summary')}\n{event.get('description')}"
    for text in (agenda, minutes, invitation):
        words = _words(text)
        # THEN no family name survives, as a word …
        assert not words & {"Sara", "Ali", "Janssens"}, text
        # … staff keep their full names, never a mangled half
        assert "Gezin Ah" not in text and "Gezin A A" not in text and "Gezin Aina" not in text
    assert "Casusoverleg Gezin A" in agenda and "Casusoverleg Gezin A" in str(event.get("summary"))
    for text in (agenda, minutes):
        assert "Sarah Vandamme" in text and "Alina Verhaeghe" in text and "Jan Devos" in text
    assert "Gezin A belt" not in minutes and "Sarah Vandamme belt Gezin A" in minutes.replace("\n", " ")
    assert "Gezin B" not in agenda + minutes + invitation  # one family, one pseudonym everywhere
    sheet = meeting_sheet(store, meeting_id=meeting, audience="network")
    assert sheet.families == ("Gezin A",) and sheet.regiehouder == "Sarah Vandamme"
