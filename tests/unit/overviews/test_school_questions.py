"""Questions per school: one anonymised page for the staff meeting, with known counts."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from pypdf import PdfReader
from sqlalchemy import select

from brugapp.domain.referrals import Intensity
from brugapp.domain.schoolyear import SchoolYear
from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.families.notebook import log_contact
from brugapp.services.referrals.referrals import create_referral
from brugapp.services.reporting.school_questions import print_school_questions, school_questions
from brugapp.store.audit_chain import verify_chain
from brugapp.store.models import AuditEntry
from tests.factories import make_family, make_school
from tests.unit.referrals.test_referral_scenarios import kaart_service

YEAR = SchoolYear(2026)
AT = dt.datetime(2026, 10, 5, 8, 30, tzinfo=ZoneInfo("Europe/Brussels"))


def test_one_page_with_themes_and_referral_categories_and_no_names(store, tmp_path):
    # GIVEN two families at De Vlieger: 6 questions about debts, 2 about housing; one family at another school
    school = make_school(store, name="Basisschool De Vlieger")
    other = make_school(store, name="GO! De Regenboog")
    families = []
    for name, child, at_school in (("Gezin Kaya", "Elif", school), ("Gezin Wouters", "Lotte", school),
                                   ("Gezin Nowak", "Zofia", other)):
        family = make_family(store, display_name=name)
        add_member(store, family_id=family, member=MemberInput("child", child, name.split()[1], school_id=at_school))
        families.append(family)
    for n in range(6):
        log_contact(store, channel="schoolpoort", family_id=families[n % 2], themes=["admin.debts"],
                    note="Brief van de deurwaarder", occurred_at=AT + dt.timedelta(days=n))
    for n in range(2):
        log_contact(store, channel="telefoon", family_id=families[0], themes=["poverty.housing"],
                    occurred_at=AT + dt.timedelta(days=10 + n))
    for _n in range(7):  # the other school's questions are not this school's
        log_contact(store, channel="schoolpoort", family_id=families[2], themes=["health"], occurred_at=AT)
    debt = kaart_service(store, categories=("debt",))
    for family in families[:2]:
        create_referral(store, family_id=family, service_id=debt.id, intensity=Intensity.CALLED,
                        referred_on=dt.date(2026, 10, 20))
    # WHEN the page is made and printed
    questions = school_questions(store, school_id=school, school_year=YEAR, on=dt.date(2026, 12, 1))
    out = tmp_path / "vragen.pdf"
    print_school_questions(store, school_id=school, school_year=YEAR, path=out, on=dt.date(2026, 12, 1))
    # THEN the known answers: 8 contacts, themes 6 and <5, referrals <5 by category
    assert questions.key_figures.raw_count("Contact moments") == 8
    assert dict(map(tuple, questions.themes.shown_rows())) == {
        "Financieel, materieel en administratie": "6", "Kinderarmoede: wonen en voeding": "<5"}
    assert questions.referral_types.shown_rows() == [["Schulden en geld", "<5"]]
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for expected in ("Vragen op onze school", "Basisschool De Vlieger", "Financieel, materieel en administratie",
                     "<5", "Schulden en geld"):
        assert expected in text, expected
    for absent in ("Kaya", "Wouters", "Nowak", "Elif", "Lotte", "deurwaarder", "Regenboog", "Gezondheid"):
        assert absent not in text, absent
    with store.read() as session:  # the print is a link of the audit chain, with the year and no figure
        assert session.execute(select(AuditEntry.action, AuditEntry.detail)).all() == [("print", "2026–2027")]
        assert verify_chain(session) is None


def test_every_theme_and_every_kind_of_organisation_still_fits_one_page(store, tmp_path):
    from brugapp.domain.kaart import CATEGORIES
    from brugapp.domain.themes import THEMES

    school = make_school(store, name="Basisschool De Vlieger")
    family = make_family(store, display_name="Gezin Kaya")
    add_member(store, family_id=family, member=MemberInput("child", "Elif", "Kaya", school_id=school))
    for term in THEMES.top_level():
        log_contact(store, channel="schoolpoort", family_id=family, themes=[term.code], occurred_at=AT)
    for n, term in enumerate(CATEGORIES):
        service = kaart_service(store, f"Dienst {n}", f"Organisatie {n}", contact=f"Contact {n}", backup="",
                                categories=(term.code,))
        create_referral(store, family_id=family, service_id=service.id, intensity=Intensity.INFO,
                        referred_on=dt.date(2026, 10, 20))
    create_referral(store, family_id=family, service_label="Niet op de kaart", intensity=Intensity.INFO,
                    referred_on=dt.date(2026, 10, 21))
    out = tmp_path / "vol.pdf"
    questions = print_school_questions(store, school_id=school, school_year=YEAR, path=out, on=dt.date(2026, 12, 1))
    assert len(questions.themes.rows) == len(THEMES.top_level())
    assert len(questions.referral_types.rows) == len(CATEGORIES) + 1
    assert len(PdfReader(str(out)).pages) == 1
