"""Scenario 1 from the family view: consent recorded and a warm referral made without leaving the family."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from brugapp.domain.clock import today_local
from brugapp.domain.consent import Purpose, RecipientKind
from brugapp.domain.referrals import Intensity
from brugapp.services.referrals.consent import check_consent, list_consents
from brugapp.services.referrals.referrals import get_referral, list_referrals
from brugapp.ui.families.consent_panel import ConsentDialog
from brugapp.ui.families.family_view import FamilyView
from brugapp.ui.referrals.dialogs import NewReferralDialog
from tests.factories import make_family
from tests.unit.referrals.test_referral_scenarios import kaart_service


def drive_modal(qtbot, open_it: Callable[[], None], fill: Callable[[QDialog], None]) -> None:
    """Open a modal dialog with a real click and fill it while it runs its own event loop."""
    seen: list[QWidget] = []
    errors: list[BaseException] = []

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, handle)
            return
        seen.append(dialog)
        try:
            fill(dialog)  # type: ignore[arg-type]
        except BaseException as exc:  # re-raised below, after the dialog is closed
            errors.append(exc)
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, handle)
    open_it()
    if errors:
        raise errors[0]
    assert seen, "no dialog opened"


def press(dialog: QDialog, which: QDialogButtonBox.StandardButton) -> None:
    dialog.findChild(QDialogButtonBox).button(which).click()
    error = getattr(dialog, "error", None)
    assert error is None or not error.isVisibleTo(dialog), error.text()


def test_scenario_1_consent_and_warm_referral_from_the_family_view(qtbot, store):
    # GIVEN a new family and the CAW's debt service with its consulent on the sociale kaart
    family = make_family(store, display_name="Gezin El Amrani")
    caw = kaart_service(store)
    view = FamilyView(store)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.show_family(family)
    assert view.tabs.tabText(view.consent_tab) == "Toestemming"

    # WHEN on the Toestemming tab she records the mother's oral consent for the CAW to refer
    view.tabs.setCurrentIndex(view.consent_tab)

    def consent(dialog: QDialog) -> None:
        assert isinstance(dialog, ConsentDialog)
        combo = dialog.recipient_combo
        combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i)
                                   and tuple(combo.itemData(i)) == (RecipientKind.ORGANIZATION, caw.organization_id)))
        dialog.purpose_boxes[Purpose.REFER].setChecked(True)
        dialog.purpose_boxes[Purpose.SHARE_STATUS].setChecked(True)
        dialog.giver_combo.setCurrentIndex(dialog.giver_combo.findData("parent"))
        qtbot.keyClicks(dialog.giver_name, "Samira")
        dialog.method_combo.setCurrentIndex(dialog.method_combo.findData("oral"))
        press(dialog, QDialogButtonBox.StandardButton.Save)

    drive_modal(qtbot, lambda: qtbot.mouseClick(view.consent.add_button, Qt.MouseButton.LeftButton), consent)

    # THEN it is stored and listed on the tab
    (stored,) = list_consents(store, family_id=family)
    assert (stored.method, stored.given_by_name, set(stored.purposes)) == (
        "oral", "Samira", {Purpose.REFER, Purpose.SHARE_STATUS})
    assert view.consent.model.rowCount() == 1 and not view.consent.empty.isVisibleTo(view)

    # WHEN she clicks "Doorverwijzen" in the family header: the family is already chosen
    def referral(dialog: QDialog) -> None:
        assert isinstance(dialog, NewReferralDialog)
        assert dialog.family.family_id() == family
        dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("admin.debts"))
        dialog.service_combo.setCurrentIndex(dialog.service_combo.findData(caw.id))
        dialog.intensity_combo.setCurrentIndex(dialog.intensity_combo.findData(Intensity.APPOINTMENT_MADE))
        qtbot.keyClicks(dialog.question_edit, "Brief van de deurwaarder")
        press(dialog, QDialogButtonBox.StandardButton.Ok)

    assert view.refer_button.text() == "Doorverwijzen …"
    drive_modal(qtbot, lambda: qtbot.mouseClick(view.refer_button, Qt.MouseButton.LeftButton), referral)

    # THEN the referral is stored with a check a week later, the consent covers its contact person,
    # and the family timeline shows it, selected
    (made,) = list_referrals(store)
    detail = get_referral(store, referral_id=made.id)
    assert (detail.family_id, detail.contact_id, detail.intensity) == (family, caw.contact_id,
                                                                      Intensity.APPOINTMENT_MADE)
    assert detail.next_check == today_local() + dt.timedelta(days=7)
    assert check_consent(store, family_id=family, recipient_kind=RecipientKind.CONTACT,
                         recipient_uuid=caw.contact_id, purpose=Purpose.REFER).allowed
    assert view.tabs.currentIndex() == 0
    chosen = view.selected_entry()
    assert chosen is not None and chosen.kind == "referral" and chosen.id == made.id
    shown = view.timeline.currentIndex().data()
    assert "Schuldhulpverlening" in shown


def test_enter_on_a_referral_in_the_timeline_opens_it_on_the_referrals_page(qtbot, store):
    from brugapp.services.referrals.referrals import create_referral
    from brugapp.ui.shell.main_window import MainWindow

    # GIVEN a family with one referral, shown in the main window
    family = make_family(store, display_name="Gezin Peeters")
    caw = kaart_service(store)
    referral = create_referral(store, family_id=family, service_id=caw.id, intensity=Intensity.CALLED)
    window = MainWindow(store, auto_lock_minutes=0)
    qtbot.addWidget(window)
    page = window.show_section("families")
    page.open_family(family)
    view = page.family_view
    assert view.select_entry(referral)
    # WHEN Enter is pressed on it
    qtbot.keyClick(view.timeline, Qt.Key.Key_Return)
    # THEN the Doorverwijzingen page shows that referral
    assert window.current_section() == "referrals"
    assert window.page("referrals").current is not None and window.page("referrals").current.id == referral
