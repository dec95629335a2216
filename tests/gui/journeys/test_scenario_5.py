"""Scenario 5, back to school after NAFT: a rondetafel prepared and printed through the real main window.

The onderwijsambassadeur plans the second rondetafel of a series every six weeks for a 15-year-old in
residential care going back part-time to a vocational school: youth, parent, leerlingbegeleider, NAFT
coach and CLB at the table. The agenda lists them with their roles, follows up last time's action points
and proposes a date six weeks on. The school version is refused until the school's consent is recorded,
and then carries only what the school needs to know.

Meeting widgets are found by the names a user sees (accessible name, button text), not by the tab they sit
on, so the journey holds when the Overleg page is laid out anew.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QDialog, QLineEdit

from brugapp.domain import meetings as rules
from brugapp.domain.clock import local_date, today_local
from brugapp.services.families.families import MemberInput, create_family
from brugapp.services.kaart.edit import ServiceInput, save_service
from brugapp.services.meetings.meetings import (
    MeetingInput,
    ParticipantInput,
    create_meeting,
    create_series,
    get_meeting,
    list_meetings,
)
from brugapp.services.meetings.minutes import ActionInput, MinutesInput, record_minutes
from brugapp.services.referrals.consent import list_consents
from tests.factories import make_school
from tests.gui.journeys.helpers import (
    CTRL,
    SHIFT,
    button,
    cancel,
    choose,
    drive_modal,
    key,
    label_with,
    main_window,
    named,
    pdf_text,
    pick_in_menu,
    press,
    save_file_as,
    search_and_open,
    shortcut,
    shortcut_modal,
    tab_to,
    type_family,
    type_text,
)

TODAY = today_local()


def _seed(store) -> dict[str, str]:
    school = make_school(store, name="Technisch Atheneum De Brug", municipality="Roeselare")
    family = create_family(store, display_name="Gezin El Amrani", members=[
        MemberInput(role="child", first_name="Ilyas", last_name="El Amrani", birth_year=TODAY.year - 15),
        MemberInput(role="parent", first_name="Samira", last_name="El Amrani")]).id
    save_service(store, service_id=None, data=ServiceInput(
        name="NAFT-traject", organization_name="NAFT Roeselare", categories=("education",),
        contact_name="Bram Peeters", contact_role="NAFT-coach"))
    save_service(store, service_id=None, data=ServiceInput(
        name="Leerlingenbegeleiding", organization_name="Vrij CLB Roeselare", categories=("education",),
        contact_name="Eline Maes", contact_role="CLB-anker"))
    series = create_series(store, name="Rondetafel Ilyas", meeting_type="rondetafel", interval_weeks=6,
                           family_id=family)
    first = create_meeting(store, data=MeetingInput(
        title="Rondetafel Ilyas", meeting_type="rondetafel",
        starts_at=dt.datetime.combine(TODAY - dt.timedelta(weeks=6), dt.time(14)).astimezone(),
        place_kind="school", school_id=school, family_ids=(family,), series_id=series))
    record_minutes(store, meeting_id=first, minutes=MinutesInput(new_actions=[
        ActionInput("Lesrooster deeltijds opmaken", "Tine Claes", TODAY + dt.timedelta(days=3)),
        ActionInput("Busabonnement aanvragen", "Samira El Amrani", TODAY - dt.timedelta(days=5))]))
    return {"school": school, "family": family, "first": first}


def _plan(qtbot, dialog: QDialog) -> None:
    type_text(qtbot, "Rondetafel terugkeer na NAFT")  # the title has the focus
    choose(qtbot, named(dialog, QComboBox, "School"), "Technisch")
    type_family(qtbot, named(dialog, QLineEdit, "Gezin"), "gezin")  # the one family of the programme
    choose(qtbot, named(dialog, QComboBox, "Reeks"), "Rondetafel Ilyas")
    key(qtbot, Qt.Key.Key_Return)


def _participant(qtbot, *, member: str = "", from_map: str = "", name: str = "", role: str = "",
                 kind: str = "", organisation: str = "", school: str = "", regiehouder: bool = False):
    def act(dialog: QDialog) -> None:
        if member:
            choose(qtbot, named(dialog, QComboBox, "Gezinslid"), member)
        if from_map:
            choose(qtbot, named(dialog, QComboBox, "Uit de sociale kaart"), from_map)
        if kind:
            choose(qtbot, named(dialog, QComboBox, "Soort deelnemer"), kind)
        if name:
            tab_to(qtbot, named(dialog, QLineEdit, "Naam"))  # the name has the focus when the dialog opens
            type_text(qtbot, name)
        if role:
            choose(qtbot, named(dialog, QComboBox, "Rol"), role)
        if organisation:
            tab_to(qtbot, named(dialog, QLineEdit, "Organisatie"))
            type_text(qtbot, organisation)
        if school:
            choose(qtbot, named(dialog, QComboBox, "School"), school)
        if regiehouder:
            tab_to(qtbot, named(dialog, QCheckBox, "Coördineert deze casus (regiehouder)"))
            key(qtbot, Qt.Key.Key_Space)
        key(qtbot, Qt.Key.Key_Return)

    return act


def _print(qtbot, page, sheet: str, audience: str, path: Path) -> None:
    """Print one version from its menu button (Space, arrows, Enter) and name the file in the save dialog."""
    drive_modal(qtbot, lambda: pick_in_menu(qtbot, button(page, sheet), audience), save_file_as(qtbot, path))


def test_scenario_5_rondetafel_planned_with_the_table_and_printed_with_roles_actions_and_next_date(
        qtbot, store, tmp_path):
    # GIVEN last rondetafel (six weeks ago) left two open action points; the NAFT coach and CLB are on the map
    seed = _seed(store)
    window = main_window(qtbot, store)

    # WHEN Overleg (Ctrl+6) → "Overleg plannen" (Ctrl+Shift+M) is opened and cancelled, then planned, then opened
    shortcut(qtbot, window, Qt.Key.Key_6)
    page = window.page("meetings")
    shortcut_modal(qtbot, window, Qt.Key.Key_M, cancel(qtbot), CTRL | SHIFT)
    shortcut_modal(qtbot, window, Qt.Key.Key_M, lambda dialog: _plan(qtbot, dialog), CTRL | SHIFT)
    shortcut_modal(qtbot, window, Qt.Key.Key_M, cancel(qtbot), CTRL | SHIFT)
    # THEN one new rondetafel in the series, with a proposed next date six weeks on
    [meeting] = [m.id for m in list_meetings(store) if m.id != seed["first"]]
    detail = get_meeting(store, meeting_id=meeting)
    start = local_date(detail.starts_at)
    assert (detail.title, detail.meeting_type, detail.series_name) == (
        "Rondetafel terugkeer na NAFT", "rondetafel", "Rondetafel Ilyas")
    assert detail.proposed_next_date == rules.next_date(start, interval_weeks=6)
    assert [(a.what, a.owner) for a in detail.previous_actions] == [
        ("Busabonnement aanvragen", "Samira El Amrani"), ("Lesrooster deeltijds opmaken", "Tine Claes")]

    # WHEN the five at the table are added ("Deelnemer toevoegen": cancelled once, five saved, cancelled again)
    add = button(page, "Deelnemer toevoegen")  # no shortcut: Tab to it, Space
    drive_modal(qtbot, lambda: press(qtbot, add), cancel(qtbot))
    for act in (
        _participant(qtbot, member="Ilyas"),
        _participant(qtbot, member="Samira"),
        _participant(qtbot, name="Tine Claes", kind="School", role="Leerlingbegeleider",
                     organisation="Technisch Atheneum De Brug", school="Technisch"),
        _participant(qtbot, from_map="Bram", role="NAFT", regiehouder=True),
        _participant(qtbot, from_map="Eline", role="CLB"),
    ):
        drive_modal(qtbot, lambda: press(qtbot, add), act)
    drive_modal(qtbot, lambda: press(qtbot, add), cancel(qtbot))
    # THEN each is stored once with the role they have at the table
    people = get_meeting(store, meeting_id=meeting).participants
    assert [(p.name, p.role, p.is_regiehouder) for p in people] == [
        ("Ilyas El Amrani", "youth", False), ("Samira El Amrani", "parent", False),
        ("Tine Claes", "pupil_counsellor", False), ("Bram Peeters", "naft_coach", True),
        ("Eline Maes", "clb", False)]

    # WHEN the agenda is printed for the own team
    internal = tmp_path / "agenda-intern.pdf"
    _print(qtbot, page, "Agenda afdrukken", "Intern", internal)
    qtbot.waitUntil(lambda: label_with(page, str(internal)) is not None, timeout=5000)
    # THEN it lists participants and roles, last time's open actions with owners, and the next date
    text = pdf_text(internal)
    for expected in ("Ilyas El Amrani", "Jongere", "Tine Claes", "Leerlingbegeleider", "Bram Peeters", "NAFT-coach",
                     "Eline Maes", "CLB-medewerker", "Opvolging vorige actiepunten", "Lesrooster deeltijds opmaken",
                     "Busabonnement aanvragen", "Samira El Amrani", "Volgende datum"):
        assert expected in text, expected


def _planned_with_the_table(store, seed: dict[str, str]) -> str:
    """The second rondetafel as the first journey leaves it: planned in the series, five at the table."""
    first = get_meeting(store, meeting_id=seed["first"])
    return create_meeting(store, data=MeetingInput(
        title="Rondetafel terugkeer na NAFT", meeting_type="rondetafel",
        starts_at=dt.datetime.combine(TODAY + dt.timedelta(days=7), dt.time(14)).astimezone(),
        place_kind="school", school_id=seed["school"], family_ids=(seed["family"],), series_id=first.series_id,
    ), participants=[
        ParticipantInput(kind="youth", name="Ilyas El Amrani", role="youth"),
        ParticipantInput(kind="family", name="Samira El Amrani", role="parent"),
        ParticipantInput(kind="school", name="Tine Claes", role="pupil_counsellor",
                         organisation="Technisch Atheneum De Brug", school_id=seed["school"]),
        ParticipantInput(kind="service", name="Bram Peeters", role="naft_coach", organisation="NAFT Roeselare",
                         is_regiehouder=True),
        ParticipantInput(kind="service", name="Eline Maes", role="clb", organisation="Vrij CLB Roeselare"),
    ])


def test_scenario_5_school_version_refused_until_the_school_consent_then_need_to_know_only(
        qtbot, store, tmp_path):
    # GIVEN the second rondetafel planned with its five participants, and no consent for the school yet
    seed = _seed(store)
    _planned_with_the_table(store, seed)
    window = main_window(qtbot, store)
    page = search_and_open(qtbot, window, "terugkeer", "meetings")
    assert label_with(page, "Rondetafel terugkeer na NAFT") is not None

    # WHEN the school version is asked before the school's consent is recorded
    school_pdf = tmp_path / "agenda-school.pdf"
    _print(qtbot, page, "Agenda afdrukken", "School", school_pdf)
    # THEN it is refused, saying why and what to do, and no file is written
    qtbot.waitUntil(lambda: label_with(page, "toestemming") is not None, timeout=5000)
    assert "Gezin El Amrani" in label_with(page, "toestemming").text()
    assert not school_pdf.exists()

    # WHEN the parent's consent for the school is recorded: the family found with Ctrl+K, its consent tab,
    # "Toestemming noteren …" cancelled once, then the school and "Stavaza delen" chosen and saved
    families = search_and_open(qtbot, window, "El Amrani", "families")
    record = button(families, "Toestemming noteren …")  # on the family's "Toestemming" tab; Tab to it, Space
    drive_modal(qtbot, lambda: press(qtbot, record), cancel(qtbot))

    def consent(dialog: QDialog) -> None:
        choose(qtbot, named(dialog, QComboBox, "Ontvanger"), "Technisch")
        tab_to(qtbot, named(dialog, QCheckBox, "Stavaza delen (waar het staat)"))
        key(qtbot, Qt.Key.Key_Space)
        key(qtbot, Qt.Key.Key_Return, CTRL)

    drive_modal(qtbot, lambda: press(qtbot, record), consent)
    drive_modal(qtbot, lambda: press(qtbot, record), cancel(qtbot))
    [given] = list_consents(store, family_id=seed["family"])
    assert (given.recipient_kind, given.recipient_id, given.purposes, given.given_on) == (
        "school", seed["school"], ("share_status",), TODAY)

    # WHEN the school version is printed again from the meeting (Ctrl+6 shows it as it was left)
    shortcut(qtbot, window, Qt.Key.Key_6)
    _print(qtbot, page, "Agenda afdrukken", "School", school_pdf)
    qtbot.waitUntil(school_pdf.exists, timeout=5000)
    qtbot.waitUntil(lambda: label_with(page, str(school_pdf)) is not None, timeout=5000)
    # THEN it carries only the need-to-know items
    text = pdf_text(school_pdf)
    assert "Handvatten voor leerkrachten" in text and "enkel wat nodig is" in text
    for private in ("Visie van de jongere", "Wat de diensten doen", "Hoe loopt onze samenwerking?"):
        assert private not in text, private


def test_scenario_5_action_points_minuted_by_keyboard_twice_enter_adds_each(qtbot, store):
    # GIVEN the rondetafel planned with the five at the table, opened in Overleg (Ctrl+6) on its action points
    seed = _seed(store)
    meeting = _planned_with_the_table(store, seed)
    window = main_window(qtbot, store)
    shortcut(qtbot, window, Qt.Key.Key_6)
    page = window.page("meetings")
    page.select(meeting)
    editor = page.editor
    editor.tabs.setCurrentWidget(editor.actions_tab)
    # (none yet: the tab says what to do instead of showing an empty table, and has nothing to mark as done)
    qtbot.waitUntil(editor.no_actions.isVisible, timeout=2000)
    assert not editor.actions_view.isVisible() and not editor.actions_done.isVisible()
    for number, (what, who) in enumerate((("Busabonnement aanvragen", "Samira El Amrani"),
                                          ("Lesrooster deeltijds opmaken", "Tine Claes")), start=1):
        # WHEN what has to be done is typed, Tab, who, and Enter
        editor.action_what.setFocus(Qt.FocusReason.MouseFocusReason)
        qtbot.waitUntil(editor.action_what.hasFocus, timeout=2000)
        type_text(qtbot, what)
        key(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() in (editor.action_owner, editor.action_owner.lineEdit())
        type_text(qtbot, who)
        key(qtbot, Qt.Key.Key_Return)
        # THEN the action point is stored with its owner, listed, and the field is empty for the next one
        stored = get_meeting(store, meeting_id=meeting).actions
        assert [(a.what, a.owner) for a in stored][-1] == (what, who)
        assert len(stored) == number == editor.actions_model.rowCount()
        assert editor.action_what.text() == ""
        assert editor.actions_view.isVisible() and editor.actions_done.isVisible() and not editor.no_actions.isVisible()
