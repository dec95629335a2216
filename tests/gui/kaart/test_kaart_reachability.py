"""Scenario 6 on the sociale kaart: attempts logged from the contact card, then the backup and the CLB."""

from __future__ import annotations

from brugapp.services.referrals.followups import contact_reachability
from brugapp.ui.kaart.page import KaartPage
from tests.gui.kaart.test_kaart_page import add
from tests.unit.referrals.test_referral_scenarios import kaart_service


def test_scenario_6_contact_card_logs_attempts_and_suggests_backup_and_clb(qtbot, store):
    # GIVEN the CAW's consulent with a backup, and the CLB on the map
    caw = kaart_service(store)
    kaart_service(store, "Leerlingenbegeleiding", "Vrij CLB Kortrijk", contact="Griet", backup="",
                  categories=("education",), phone="056 00 00 09")
    page = KaartPage(store)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.refresh()
    page.show()
    page.select(caw.id)
    card = page.detail
    assert card.reach_card.isVisibleTo(page)
    assert card.reach_title.text() == "An Declercq"
    assert card.reach_status.text() == "Nog geen pogingen genoteerd."
    labels = [a.text() for a in card.attempt_actions]
    assert labels[:2] == ["Gebeld – geen antwoord", "Gemaild – geen antwoord"]

    # WHEN three e-mails and two calls go unanswered, logged from the card's menu
    for action in (0, 1, 1, 0, 1):
        card.attempt_actions[action].trigger()

    # THEN they are stored on the contact person, and the card says since when and whom to try instead
    reach = contact_reachability(store, contact_id=caw.contact_id)
    assert (reach.attempts, reach.unanswered_count) == (5, 5)
    assert card.reach_status.text().startswith("Geen antwoord sinds ")
    assert card.reach_status.text().endswith("(5 pogingen)")
    suggestions = card.reach_suggestions.text()
    assert card.reach_suggestions.isVisibleTo(page)
    assert "Pieter Vanhoutte – 056 00 00 03" in suggestions and "CLB: Vrij CLB Kortrijk – 056 00 00 09" in suggestions

    # WHEN she finally gets through by phone, the warning goes away
    card.attempt_actions[2].trigger()
    assert card.reach_status.text() == "Bereikt bij de laatste poging (6 genoteerd)"
    assert not card.reach_suggestions.isVisibleTo(page)


def test_contact_card_is_hidden_for_a_service_without_contact_person(qtbot, store):
    lone = add(store, "Hulplijn", "Tele-Onthaal", categories=("crisis",), phone="0800 00 106", hours="24/7")
    page = KaartPage(store)
    qtbot.addWidget(page)
    page.refresh()
    page.select(lone)
    assert page.detail.detail is not None and page.detail.detail.id == lone
    assert not page.detail.reach_card.isVisibleTo(page) and page.detail.reach_contact_id == ""
