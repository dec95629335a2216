"""The family view reads its consent and situations tabs when they are shown, always for the family on screen."""

from __future__ import annotations

from brugapp.domain.clock import today_local
from brugapp.domain.consent import Purpose, RecipientKind
from brugapp.services.referrals.consent import record_consent
from brugapp.ui.families.family_view import FamilyView
from tests.factories import make_family
from tests.unit.referrals.test_referral_scenarios import kaart_service


def test_consent_tab_always_shows_the_family_on_screen(qtbot, store):
    # GIVEN two families, only Gezin El Amrani with a consent for the CAW
    with_consent = make_family(store, display_name="Gezin El Amrani")
    without = make_family(store, display_name="Gezin Nowak")
    caw = kaart_service(store)
    record_consent(store, family_id=with_consent, recipient_kind=RecipientKind.ORGANIZATION,
                   recipient_id=caw.organization_id, purposes=[Purpose.REFER], given_by="parent", method="oral",
                   given_on=today_local())
    view = FamilyView(store)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    # WHEN El Amrani is opened on its timeline, then Nowak, and then the consent tab is chosen
    view.show_family(with_consent)
    view.show_family(without)
    view.tabs.setCurrentIndex(view.consent_tab)
    # THEN the tab shows Nowak's consents: none
    assert view.consent.family_id == without and view.consent.model.rowCount() == 0
    # WHEN El Amrani is opened while the consent tab is on screen
    view.show_family(with_consent)
    # THEN its consent is listed at once
    assert view.consent.family_id == with_consent and view.consent.model.rowCount() == 1
    # AND the situations tab, chosen afterwards, is about El Amrani too
    view.tabs.setCurrentIndex(view.situations_tab)
    assert view.situations.family_id == with_consent
