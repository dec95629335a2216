"""One picker for "who receives it" in the consent dialog, the rights × consent list and the referral sheet."""

from __future__ import annotations

from brugapp.domain.consent import RecipientKind
from brugapp.services.referrals.referrals import get_referral
from brugapp.ui.families.consent_panel import ConsentDialog
from brugapp.ui.families.rights_overview_dialog import RightsOverviewDialog
from brugapp.ui.referrals.dialogs import PrintSheetDialog
from tests.unit.referrals.test_referral_sheet import case  # noqa: F401  (fixture)


def _labels(combo) -> list[str]:
    return [combo.itemText(row) for row in range(combo.count())]


def test_the_sheet_is_for_the_referral_s_own_service_unless_another_is_chosen(qtbot, store, case):  # noqa: F811
    # GIVEN a referral to the NAFT-traject of Xplo Roeselare
    dialog = PrintSheetDialog(store, get_referral(store, referral_id=case["referral"]))
    qtbot.addWidget(dialog)
    # THEN the sheet is for that service, labelled so it is not mistaken for its organisation
    assert dialog.recipient_combo.recipient() == (RecipientKind.SERVICE, case["naft"].id)
    assert dialog.recipient_combo.currentText() == "Xplo Roeselare – NAFT-traject (dienst)"
    assert "Xplo Roeselare (organisatie)" in _labels(dialog.recipient_combo)
    # WHEN the school is chosen THEN the school is the recipient
    assert dialog.recipient_combo.choose(case["school"])
    assert dialog.recipient_combo.recipient() == (RecipientKind.SCHOOL, case["school"])
    assert not dialog.recipient_combo.choose("no-such-id")


def test_consent_and_the_rights_list_offer_the_same_recipients(qtbot, store, case):  # noqa: F811
    consent = ConsentDialog(store, case["family"])
    rights = RightsOverviewDialog(store)
    qtbot.addWidget(consent)
    qtbot.addWidget(rights)
    # THEN both start without a recipient, then list the same choices with the same labels
    assert consent.recipient_combo.recipient() is None and rights.recipient.recipient_id() == ""
    assert _labels(consent.recipient_combo)[1:] == _labels(rights.recipient)[1:]
    assert _labels(rights.recipient)[0] == "Niemand: alleen mijn eigen overzicht"
    # AND a consent saved without a recipient names the field
    consent.save()
    assert consent.error.isVisibleTo(consent) and consent.focusWidget() is consent.recipient_combo
    rights.select(recipient_id=case["naft"].id)
    assert rights.recipient.recipient() == (RecipientKind.SERVICE, case["naft"].id)
    qtbot.waitUntil(lambda: not rights.operation.is_running(), timeout=10_000)
