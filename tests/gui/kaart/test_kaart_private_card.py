"""The brugfiguur's own view of a service (colour, notes) is built when it first comes into sight or gets the
keyboard focus: out of sight it costs the map's first visit nothing, and whoever reaches it finds the chosen
service's colour and notes in it, and can change and save them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from brugapp.domain.kaart import parse_opening_hours
from brugapp.services.kaart.detail import get_service
from brugapp.services.kaart.edit import ServiceInput, save_service, set_colour, set_private_notes
from brugapp.ui.kaart.detail import KaartDetail

MOMENT = dt.datetime(2026, 11, 25, 10)


def _service(store, *, long: bool) -> str:
    facts = dict(description="Budgetbegeleiding en collectieve schuldenregeling voor gezinnen met schulden.",
                 not_offered="Geen juridisch advies, geen leningen.", target_group="Gezinnen uit Kortrijk",
                 application_process="Bellen voor een afspraak; de brugfiguur mag mee.", wait_time="3 weken",
                 fees="Gratis", email="schuld@ocmw.example.be", municipalities=("Kortrijk", "Menen"),
                 opening_hours=parse_opening_hours("ma-vr 9-12, 13-16")) if long else {}
    service_id = save_service(store, service_id=None, data=ServiceInput(
        name="Schuldbemiddeling", organization_name="OCMW Kortrijk", phone="056 00 99 10", **facts))
    set_colour(store, organization_id=get_service(store, service_id=service_id).organization_id, colour="green")
    set_private_notes(store, service_id=service_id, notes="Vraag naar Els, zij belt altijd terug.")
    return service_id


def _pane(qtbot, store, service_id: str, height: int) -> KaartDetail:
    detail = KaartDetail()
    qtbot.addWidget(detail)
    detail.resize(429, height)
    detail.show()
    qtbot.waitExposed(detail)
    detail.show_detail(get_service(store, service_id=service_id), now=MOMENT)
    qtbot.wait(20)
    return detail


def test_out_of_sight_it_waits_and_scrolled_into_sight_it_shows_the_services_colour_and_notes(qtbot, store):
    # GIVEN the pane beside the list at 1366×768, on a service with every section of facts
    detail = _pane(qtbot, store, _service(store, long=True), 470)
    # THEN the private card is below the facts, out of sight, and not built
    assert detail.scroll.verticalScrollBar().maximum() > 0
    assert detail.private_slot.card is None
    # WHEN the brugfiguur scrolls down to it
    detail.scroll.verticalScrollBar().setValue(detail.scroll.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: detail.private_slot.card is not None, timeout=2000)
    card = detail.private_slot.card
    assert card is not None
    # THEN it shows this service's colour and notes, below the facts and not over them
    assert card.colour_box.currentData() == "green"
    assert card.notes.toPlainText() == "Vraag naar Els, zij belt altijd terug."
    facts_bottom = detail.browser.mapTo(detail.scroll.widget(), detail.browser.rect().bottomLeft()).y()
    assert card.mapTo(detail.scroll.widget(), card.rect().topLeft()).y() > facts_bottom
    # and what is done in it reaches the page: a colour chosen, notes saved
    with qtbot.waitSignal(detail.colour_chosen) as chosen:
        card.colour_box.setCurrentIndex(card.colour_box.findData("red"))
        card.colour_box.activated.emit(card.colour_box.currentIndex())
    assert chosen.args[1] == "red"
    card.notes.setPlainText("Nieuwe notitie")
    with qtbot.waitSignal(detail.notes_saved) as saved:
        qtbot.mouseClick(card.save_notes_button, Qt.MouseButton.LeftButton)
    assert saved.args[1] == "Nieuwe notitie"


def test_in_sight_from_the_start_it_is_there_at_once(qtbot, store):
    # GIVEN a service with few facts in a tall pane: the card is in sight when the service is shown
    detail = _pane(qtbot, store, _service(store, long=False), 900)
    qtbot.waitUntil(lambda: detail.private_slot.card is not None, timeout=2000)
    assert detail.colour_box.currentData() == "green"
    # WHEN no service is chosen THEN the card is emptied and greyed out
    detail.show_detail(None)
    assert not detail.notes.isEnabled() and detail.notes.toPlainText() == ""


def _next_tab_stop(widget: QWidget) -> QWidget:
    """Where Tab goes from ``widget``: the next widget in the chain that takes the focus by Tab."""
    candidate = widget.nextInFocusChain()
    while candidate is not widget:
        if candidate.focusPolicy() & Qt.FocusPolicy.TabFocus and candidate.isVisible() and candidate.isEnabled():
            return candidate
        candidate = candidate.nextInFocusChain()
    return widget


def test_the_keyboard_reaches_it_after_the_facts(qtbot, store):
    detail = _pane(qtbot, store, _service(store, long=True), 470)
    assert detail.private_slot.card is None
    # Tab after the facts goes to the placeholder, which hands it to the colour box of the card it builds
    assert _next_tab_stop(detail.browser) is detail.private_slot
    detail.private_slot.setFocus(Qt.FocusReason.TabFocusReason)
    card = detail.private_slot.card
    assert card is not None and detail.window().focusWidget() is card.colour_box
    # and from then on the card's boxes follow the facts in the keyboard order
    assert _next_tab_stop(detail.browser) is card.colour_box
    assert _next_tab_stop(card.colour_box) is card.notes
    assert _next_tab_stop(card.notes) is card.save_notes_button
