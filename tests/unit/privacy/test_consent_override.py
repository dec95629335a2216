"""Issue 14: an override needs a reason of real words, never follows a withdrawal, never prints the withheld."""

from __future__ import annotations

import datetime as dt

import pytest

from brugapp.domain.consent import (
    REASON_WITHDRAWN,
    REFUSAL_OVERRIDE_REASON,
    ConsentDecision,
    Purpose,
    RecipientKind,
    override_refusal,
)
from brugapp.errors import ValidationError
from brugapp.services.referrals.consent import record_consent
from brugapp.services.referrals.referrals import print_referral_sheet
from tests.unit.referrals.test_referral_sheet import QUESTION, TODAY, audit, case, pdf_text  # noqa: F401  (fixture)

GOOD_REASON = "Crisis: jongere is weggelopen, dienst moet vandaag weten wat er speelt"


@pytest.mark.parametrize("reason", [
    "xxxxxxxxxx",
    "\u200b" * 10,
    "aaaa bbbb cccc",            # letters repeated are no words
    "dringend dringend dringend",  # one word three times
    "1234567890 !!!",
    "nood, nu",
])
def test_filler_is_no_reason(reason):
    assert override_refusal(reason) == REFUSAL_OVERRIDE_REASON


def test_real_words_are_a_reason_in_any_script():
    assert override_refusal(GOOD_REASON) == ""
    assert override_refusal("Kind niet veilig thuis vanavond") == ""
    assert override_refusal("الطفل ليس آمنا في المنزل") == ""


def test_no_override_after_a_withdrawal():
    assert override_refusal(GOOD_REASON, ConsentDecision(False, REASON_WITHDRAWN, None)) != ""


@pytest.mark.parametrize("reason", ["xxxxxxxxxx", "\u200b" * 10])
def test_print_with_a_filler_reason_is_refused_and_nothing_printed(store, case, tmp_path, reason):  # noqa: F811
    out = tmp_path / "a.pdf"
    with pytest.raises(ValidationError) as refused:
        print_referral_sheet(store, referral_id=case["referral"], recipient_id=case["naft"].id, out=out, on=TODAY,
                             override_reason=reason)
    assert refused.value.field == "override_reason"
    assert not out.exists() and audit(store) == []


def test_override_never_prints_what_the_family_withheld(store, case, tmp_path):  # noqa: F811
    # GIVEN the family told the school it must not know about the stay in the leefgroep
    record_consent(store, family_id=case["family"], recipient_kind=RecipientKind.SCHOOL, recipient_id=case["school"],
                   purposes=[Purpose.SHARE_STATUS], given_by="parent", method="oral",
                   given_on=TODAY - dt.timedelta(days=10), withheld="verblijf in de leefgroep")
    # WHEN the brugfiguur prints for NAFT (no consent for NAFT) with a written reason
    printed = print_referral_sheet(store, referral_id=case["referral"], recipient_id=case["naft"].id,
                                   out=tmp_path / "a.pdf", on=TODAY, override_reason=GOOD_REASON)
    # THEN the sheet is printed, but the question that mentions the withheld stay is not on it
    text = pdf_text(printed.path)
    assert printed.overridden
    assert "leefgroep" not in text and QUESTION not in text
    assert "NAFT" in text


def test_print_dialog_offers_no_override_after_a_withdrawal(qtbot, store, case, tmp_path):  # noqa: F811
    from brugapp.services.referrals.consent import withdraw_consent
    from brugapp.services.referrals.referrals import get_referral
    from brugapp.ui.referrals.dialogs import PrintSheetDialog

    consent = record_consent(store, family_id=case["family"], recipient_kind=RecipientKind.SERVICE,
                             recipient_id=case["naft"].id, purposes=[Purpose.REFER], given_by="parent",
                             method="oral", given_on=TODAY - dt.timedelta(days=30))
    withdraw_consent(store, consent_id=consent, on=dt.date.today() - dt.timedelta(days=1))
    dialog = PrintSheetDialog(store, get_referral(store, referral_id=case["referral"]))
    qtbot.addWidget(dialog)
    combo = dialog.recipient_combo
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i)[1] == case["naft"].id))
    with qtbot.waitSignal(dialog.print_sheet(tmp_path / "fiche.pdf").failed, timeout=10000):
        pass
    assert "ingetrokken" in dialog.message.text()
    assert dialog.override_edit.isHidden()  # no field that suggests a reason could help
    assert not (tmp_path / "fiche.pdf").exists()
