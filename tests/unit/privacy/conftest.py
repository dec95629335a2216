"""A small notebook with one family that has everything (members, contacts, referral, consent, follow-up)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from brugapp.domain.consent import Purpose, RecipientKind
from brugapp.domain.referrals import Intensity
from brugapp.services.families.families import MemberInput, create_family
from brugapp.services.families.notebook import log_contact
from brugapp.services.referrals.consent import record_consent
from brugapp.services.referrals.followups import create_followup, log_attempt
from brugapp.services.referrals.referrals import create_referral
from tests.factories import make_family, make_school
from tests.unit.referrals.test_referral_scenarios import kaart_service

BRUSSELS = ZoneInfo("Europe/Brussels")
SECRET_NOTE = "Deurwaarder kwam langs voor de huur"
QUESTION = "Hulp bij schulden en de schoolfactuur"
WITHHELD = "verblijf van de vader in de gevangenis"
OLD = "2023-06-01 10:00:00.000000"


@pytest.fixture
def vermeulen(store):
    """Gezin Vermeulen, last active in June 2023, with something in every table; plus a recent family."""
    school = make_school(store, name="Basisschool De Vlieger", municipality="Kortrijk")
    family = create_family(store, display_name="Gezin Vermeulen", reference_person="Sarah Claes",
                           note="Moeder werkt 's nachts", members=[
                               MemberInput("parent", "Greet", "Vermeulen", phone="0470 12 34 56",
                                           email="greet@example.be"),
                               MemberInput("child", "Yasmina", "Vermeulen", birth_year=2015, school_id=school,
                                           class_name="4B")])
    service = kaart_service(store)
    log_contact(store, channel="schoolpoort", family_id=family.id, themes=["admin.debts"], note=SECRET_NOTE,
                occurred_at=dt.datetime(2023, 5, 30, 8, 30, tzinfo=BRUSSELS))
    referral = create_referral(store, family_id=family.id, service_id=service.id, intensity=Intensity.APPOINTMENT_MADE,
                               theme="admin.debts", question=QUESTION, referred_on=dt.date(2023, 5, 30))
    record_consent(store, family_id=family.id, recipient_kind=RecipientKind.SERVICE, recipient_id=service.id,
                   purposes=[Purpose.REFER], given_by="parent", given_by_name="Greet Vermeulen", method="oral",
                   given_on=dt.date(2023, 5, 30), withheld=WITHHELD)
    create_followup(store, title="Bellen met Greet over de afspraak", due=dt.date.today(), owner="Sarah",
                    family_id=family.id, referral_id=referral)
    log_attempt(store, channel="phone", contact_id=service.contact_id, referral_id=referral, answered=False,
                note="Belde over Greet haar afspraak", at=dt.datetime(2023, 6, 2, 9, tzinfo=BRUSSELS))
    recent = make_family(store, display_name="Gezin Benali")
    log_contact(store, channel="telefoon", family_id=recent, note="Vraag over UiTPAS")
    with store.session() as session:  # the file was last touched in June 2023
        pk = session.execute(text("SELECT id FROM families WHERE uuid = :u"), {"u": family.id}).scalar_one()
        for table in ("families", "family_members", "referrals", "consents", "followups", "right_checks"):
            column = "id" if table == "families" else "family_id"
            session.execute(text(f"UPDATE {table} SET created_at = :old, updated_at = :old WHERE {column} = :pk"),
                            {"old": OLD, "pk": pk})
        session.execute(text("UPDATE referral_events SET at = :old"), {"old": OLD})
        session.execute(text("UPDATE followups SET due = '2023-06-15'"))
    return {"family": family.id, "recent": recent, "school": school, "referral": referral, "service": service}
