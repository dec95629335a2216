"""Recording consent: a missing recipient is named and nothing is stored."""

from __future__ import annotations

from brugapp.services.referrals.consent import list_consents
from brugapp.ui.families.consent_panel import ConsentDialog
from tests.factories import make_family
from tests.gui.conftest import show_active


def test_consent_without_recipient_is_refused_with_the_field_named(qtbot, store) -> None:
    family = make_family(store, display_name="Gezin Benali")
    dialog = ConsentDialog(store, family)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    dialog.giver_name.setFocus()
    dialog.save()
    assert not dialog.error.isHidden()
    assert dialog.error.text() == "Kies wie de informatie krijgt."
    assert dialog.focusWidget() is dialog.recipient_combo
    assert list_consents(store, family_id=family) == []
