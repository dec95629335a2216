"""Scenario 3, mother locked out by her partner: through the real main window with the keyboard.

The principal calls: mother and child at the school, nowhere to go. The brugfiguur finds the OCMW's
after-hours number on the sociale kaart in a few keys, calls ahead, and logs an urgent warm handover
(service warned, the receiving social worker's name); the outcome comes later, as the stavaza.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from brugapp.domain.kaart import WeeklySlot
from brugapp.services.families.families import MemberInput, create_family
from brugapp.services.kaart.edit import ServiceInput, save_service
from brugapp.services.referrals.referrals import get_referral, list_referrals
from tests.gui.journeys.helpers import (
    ALT,
    CTRL,
    SHIFT,
    back_to,
    button,
    cancel,
    choose,
    drive_modal,
    focus,
    key,
    main_window,
    press,
    shortcut,
    shortcut_modal,
    type_family,
    type_text,
)

AFTER_HOURS = "0470 00 00 99"
WEDNESDAY_EVENING = dt.datetime(2026, 12, 2, 17, 40)  # the OCMW's office closed at 16:00


def _seed(store) -> tuple[str, str]:
    family = create_family(store, display_name="Gezin Krasniqi", members=[
        MemberInput(role="parent", first_name="Arta", last_name="Krasniqi"),
        MemberInput(role="child", first_name="Dua", last_name="Krasniqi", birth_year=2018)]).id
    weekdays = WeeklySlot(days=(0, 1, 2, 3, 4), opens=dt.time(9), closes=dt.time(16))
    ocmw = save_service(store, service_id=None, data=ServiceInput(
        name="Sociale dienst – onthaal", organization_name="OCMW Kortrijk", categories=("crisis",),
        phone="056 00 00 40", after_hours_phone=AFTER_HOURS,
        after_hours_note="Permanentie maatschappelijk werker, 24/7", opening_hours=(weekdays,),
        municipalities=("Kortrijk",), contact_name="Hanne Vermeulen", contact_role="maatschappelijk werker"))
    # Two more on the map that a search for "ocmw" or "crisis" also meets, so finding is a real choice
    save_service(store, service_id=None, data=ServiceInput(
        name="Schuldbemiddeling", organization_name="OCMW Kortrijk", categories=("debt",), phone="056 00 00 41",
        opening_hours=(weekdays,), municipalities=("Kortrijk",)))
    save_service(store, service_id=None, data=ServiceInput(
        name="Onthaal", organization_name="CAW Zuid-West-Vlaanderen", categories=("crisis",),
        phone="056 00 00 50", opening_hours=(weekdays,), municipalities=("Kortrijk",)))
    return family, ocmw


def test_scenario_3_after_hours_number_in_a_few_keys_then_urgent_warm_handover(qtbot, store):
    # GIVEN the family known to the brugfiguur and the OCMW's social service with a 24/7 duty number
    family, ocmw = _seed(store)
    window = main_window(qtbot, store)
    window.page("kaart").now_override = WEDNESDAY_EVENING  # the page's clock: after the office closed

    # WHEN the sociale kaart is opened (Ctrl+3), its search focused (Ctrl+F), "ocmw" typed, "after hours" ticked
    shortcut(qtbot, window, Qt.Key.Key_3)
    kaart = window.page("kaart")
    assert window.stack.currentWidget() is kaart
    shortcut(qtbot, window, Qt.Key.Key_F)
    type_text(qtbot, "ocmw")
    key(qtbot, Qt.Key.Key_K, ALT)  # "Buiten de &kantooruren"
    qtbot.waitUntil(lambda: kaart.proxy.rowCount() == 1, timeout=2000)
    # THEN the one service left is the OCMW's, and its duty number is the big "call now" number
    assert [s.id for s in kaart.visible_summaries()] == [ocmw]
    lines = kaart.detail.plain_text().splitlines()
    assert lines[:3] == ["Sociale dienst – onthaal", "OCMW Kortrijk", f"{AFTER_HOURS} buiten de kantooruren"]
    assert "Permanentie maatschappelijk werker, 24/7" in lines

    # WHEN the urgent handover is logged (Ctrl+4, Ctrl+Shift+R): opened and cancelled, then saved
    shortcut(qtbot, window, Qt.Key.Key_4)
    shortcut_modal(qtbot, window, Qt.Key.Key_R, cancel(qtbot), CTRL | SHIFT)

    def handover(dialog: QDialog) -> None:
        type_family(qtbot, dialog.family, "Gezin K")
        assert dialog.family.text() == "Gezin Krasniqi"
        choose(qtbot, dialog.service_combo, "OCMW", then_down=1)  # the second OCMW service: Sociale dienst
        assert dialog.service_combo.currentText() == "OCMW Kortrijk – Sociale dienst – onthaal"
        assert dialog.contact_combo.currentText().startswith("Hanne Vermeulen")
        choose(qtbot, dialog.intensity_combo, "Zelf")  # "Zelf de dienst gebeld"; the focus stays there
        key(qtbot, Qt.Key.Key_Tab)  # → Dringend
        key(qtbot, Qt.Key.Key_Space)
        key(qtbot, Qt.Key.Key_Tab)  # → Dienst vooraf verwittigd
        key(qtbot, Qt.Key.Key_Space)
        key(qtbot, Qt.Key.Key_Tab)  # → Ontvangen door
        type_text(qtbot, "Hanne Vermeulen")
        key(qtbot, Qt.Key.Key_Tab)  # → Afspraak op (no appointment yet)
        key(qtbot, Qt.Key.Key_Tab)  # → De vraag
        assert focus() is dialog.question_edit
        type_text(qtbot, "Moeder en kind buitengezet door partner; vanavond geen slaapplaats")
        key(qtbot, Qt.Key.Key_Tab)  # → Wat al geprobeerd is: Tab moves on, it types no tab
        assert focus() is dialog.tried_edit
        key(qtbot, Qt.Key.Key_Tab)  # → Wie mag dit zien
        key(qtbot, Qt.Key.Key_Return)

    shortcut_modal(qtbot, window, Qt.Key.Key_R, handover, CTRL | SHIFT)
    shortcut_modal(qtbot, window, Qt.Key.Key_R, cancel(qtbot), CTRL | SHIFT)
    # THEN one urgent, warned handover to the OCMW, received by the named social worker, still open
    [view] = list_referrals(store)
    referral = get_referral(store, referral_id=view.id)
    assert (referral.family_id, referral.service_id, referral.contact_name) == (family, ocmw, "Hanne Vermeulen")
    assert (referral.urgent, referral.warned_in_advance, referral.receiving_worker, referral.intensity) == (
        True, True, "Hanne Vermeulen", "called")
    assert referral.question == "Moeder en kind buitengezet door partner; vanavond geen slaapplaats"
    assert (referral.status, referral.outcome, referral.feedback_text) == ("registered", "", "")
    # AND the list shows it as urgent, in the danger colour, at the top
    referrals = window.page("referrals")
    assert referrals.model.rows[0].id == view.id
    assert referrals.model.index(0, 2).data().startswith("Dringend")

    # WHEN the outcome comes in later: "Stavaza ontvangen …" opened and cancelled, then saved
    back_to(qtbot, window)
    feedback = button(referrals, "Stavaza ontvangen …")  # no shortcut: Tab to it, Space
    drive_modal(qtbot, lambda: press(qtbot, feedback), cancel(qtbot))

    def outcome(dialog: QDialog) -> None:
        type_text(qtbot, "Opgevangen in de noodwoning; afspraak maandag bij Hanne", into=dialog.text_edit)
        key(qtbot, Qt.Key.Key_Return, CTRL, into=dialog.text_edit)

    drive_modal(qtbot, lambda: press(qtbot, feedback), outcome)
    drive_modal(qtbot, lambda: press(qtbot, feedback), cancel(qtbot))
    # THEN the stavaza is stored with today's date and the referral shows it
    after = get_referral(store, referral_id=view.id)
    assert after.feedback_text == "Opgevangen in de noodwoning; afspraak maandag bij Hanne"
    assert after.feedback_on == dt.date.today()
    assert "Opgevangen in de noodwoning" in referrals.facts.text()
