"""Making a referral, stepping its status and completing a follow-up through the GUI."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from brugapp.domain.clock import today_local
from brugapp.domain.referrals import Intensity, Status, allowed_next
from brugapp.services.referrals.followups import create_followup, list_followups
from brugapp.services.referrals.referrals import create_referral, get_referral, list_referrals
from brugapp.ui.followups.page import FollowUpsPage
from brugapp.ui.referrals.dialogs import NewReferralDialog
from brugapp.ui.referrals.page import ReferralsPage
from tests.factories import make_family
from tests.unit.referrals.test_referral_scenarios import kaart_service


def test_new_referral_dialog_saves_a_warm_referral(qtbot, store):
    # GIVEN a family and the CAW on the sociale kaart
    make_family(store, display_name="Gezin El Amrani")
    caw = kaart_service(store)
    dialog = NewReferralDialog(store)
    qtbot.addWidget(dialog)
    # WHEN the brugfiguur picks the family, the need, the service and "afspraak gemaakt", and types the question
    qtbot.keyClicks(dialog.family, "amrani")  # part of the name is enough
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("admin.debts"))
    dialog.service_combo.setCurrentIndex(dialog.service_combo.findData(caw.id))
    dialog.intensity_combo.setCurrentIndex(dialog.intensity_combo.findData(Intensity.APPOINTMENT_MADE))
    qtbot.keyClicks(dialog.question_edit, "Brief van de deurwaarder")
    qtbot.keyClicks(dialog.worker_edit, "An Declercq")
    dialog.urgent_box.setChecked(True)
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    # THEN the referral is stored with the contact person preselected and a check a week later
    (view,) = list_referrals(store)
    detail = get_referral(store, referral_id=view.id)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.created_id == view.id
    assert (detail.family_name, detail.theme, detail.intensity, detail.question, detail.urgent) == (
        "Gezin El Amrani", "admin.debts", Intensity.APPOINTMENT_MADE, "Brief van de deurwaarder", True)
    assert detail.contact_id == caw.contact_id and detail.receiving_worker == "An Declercq"
    assert detail.next_check == today_local() + dt.timedelta(days=7)


def test_new_referral_dialog_names_the_missing_field(qtbot, store):
    make_family(store)
    dialog = NewReferralDialog(store)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.error.isVisibleTo(dialog) and "gezin" in dialog.error.text().lower()
    assert list_referrals(store) == []


def test_a_new_notebook_says_where_a_family_is_added_before_it_can_be_referred(qtbot, store):
    # GIVEN a notebook without any family yet
    dialog = NewReferralDialog(store)
    qtbot.addWidget(dialog)
    # THEN the family field says where one is added instead of only "type", and saving still names what is missing
    assert dialog.family.placeholderText() == "Nog geen gezinnen: voeg er eerst een toe bij Gezinnen"
    dialog.save()
    assert dialog.error.isVisibleTo(dialog) and "gezin" in dialog.error.text().lower()
    assert list_referrals(store) == []
    # and with a family, the field asks for its name
    make_family(store, display_name="Gezin Peeters")
    again = NewReferralDialog(store)
    qtbot.addWidget(again)
    assert again.family.placeholderText() == "Typ een deel van de gezinsnaam"


def test_referrals_page_offers_only_allowed_steps(qtbot, store):
    family = make_family(store)
    caw = kaart_service(store)
    create_referral(store, family_id=family, service_id=caw.id, intensity=Intensity.CALLED)
    page = ReferralsPage(store)
    qtbot.addWidget(page)
    steps = {b.objectName().removeprefix("step_") for b in page.findChildren(QPushButton)
             if b.objectName().startswith("step_") and not b.isHidden()}
    assert steps == set(allowed_next(Status.REGISTERED))
    assert page.history.count() == 1


def test_followups_page_completes_a_follow_up(qtbot, store):
    # GIVEN one promise due today and one next week
    family = make_family(store, display_name="Gezin Janssens")
    today = create_followup(store, title="Mama terugbellen", due=today_local(), owner="", family_id=family)
    create_followup(store, title="Later", due=today_local() + dt.timedelta(days=20), owner="")
    page = FollowUpsPage(store)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 1  # this week only
    # WHEN it is selected and marked done
    page.select_row(0)
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    # THEN it is stored as done and leaves the list
    assert [f.id for f in list_followups(store, status="done")] == [today]
    assert page.model.rowCount() == 0 and page.empty.isVisibleTo(page)


def test_scenario_1_check_shows_in_vandaag_and_is_completed_there(qtbot, store):
    # GIVEN a referral made a week ago (its check falls today) and one made today (check next week)
    from brugapp.ui.today.followups_panel import FollowUpsTodayPanel

    family = make_family(store, display_name="Gezin El Amrani")
    caw = kaart_service(store)
    week_ago = create_referral(store, family_id=family, service_id=caw.id, intensity=Intensity.APPOINTMENT_MADE,
                               referred_on=today_local() - dt.timedelta(days=7))
    create_referral(store, family_id=family, service_id=caw.id, intensity=Intensity.INFO)
    # WHEN Vandaag shows its follow-ups panel
    panel = FollowUpsTodayPanel(store)
    qtbot.addWidget(panel)
    panel.refresh()
    # THEN only today's check is listed, with the family, and "Gedaan" closes it in the store
    assert panel.list.count() == 1 and "Gezin El Amrani" in panel.list.item(0).text()
    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    assert [f.referral_id for f in list_followups(store, status="done")] == [week_ago]
    assert panel.list.count() == 0
