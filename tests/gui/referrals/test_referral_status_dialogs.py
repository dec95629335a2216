"""Status and stavaza dialogs: closing needs an outcome (said, with the cursor there); feedback is stored."""

from __future__ import annotations

from brugapp.domain.referrals import Intensity, Status
from brugapp.services.referrals.referrals import create_referral, get_referral
from brugapp.ui.referrals.dialogs import FeedbackDialog, StatusDialog
from tests.factories import make_family
from tests.gui.conftest import show_active
from tests.unit.referrals.test_referral_scenarios import kaart_service


def _referral(store) -> str:
    family = make_family(store, display_name="Gezin Bouzid")
    service = kaart_service(store)
    return create_referral(store, family_id=family, service_id=service.id, intensity=Intensity.CALLED)


def test_closing_without_outcome_is_refused_in_the_dialog(qtbot, store) -> None:
    referral = get_referral(store, referral_id=_referral(store))
    dialog = StatusDialog(store, referral, Status.STOPPED)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    dialog.note_edit.setFocus()
    dialog.save()
    assert not dialog.error.isHidden() and dialog.error.text()
    assert dialog.focusWidget() is dialog.outcome_combo
    assert get_referral(store, referral_id=referral.id).status == referral.status
    # WHEN an outcome is chosen THEN the referral is closed with it
    dialog.outcome_combo.setCurrentIndex(1)
    dialog.save()
    closed = get_referral(store, referral_id=referral.id)
    assert closed.status == Status.STOPPED and closed.outcome == dialog.outcome_combo.currentData()


def test_stavaza_feedback_is_stored(qtbot, store) -> None:
    referral = get_referral(store, referral_id=_referral(store))
    dialog = FeedbackDialog(store, referral)
    qtbot.addWidget(dialog)
    dialog.text_edit.setPlainText("Eerste gesprek gehad, plan volgt.")
    dialog.save()
    assert "Eerste gesprek gehad" in get_referral(store, referral_id=referral.id).feedback_text
