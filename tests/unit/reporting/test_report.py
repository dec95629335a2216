"""Scenario 12, end of the school year: the anonymised year report per school (figures, suppression, files)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from brugapp.cli import main
from brugapp.domain.clock import from_local
from brugapp.domain.reporting import SUPPRESSED, is_new_family, parse_school_year, suppress
from brugapp.domain.schoolyear import SchoolYear
from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.families.notebook import delete_contact, log_contact
from brugapp.services.referrals.referrals import create_referral
from brugapp.services.reporting.report import export_report_csv, print_report, school_year_report
from brugapp.services.reporting.signals import record_signal
from brugapp.store.models import AuditEntry
from brugapp.store.models.kaart import KaartOrganization, KaartService, KaartServiceTerm
from tests.factories import make_family, make_school

YEAR = SchoolYear(2025)
NOTE = "Mama vertelde over de deurwaarder en de brief van Fluvius"


def local(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return from_local(dt.datetime(year, month, day, hour, minute))  # Brussels wall time, the one time rule


@pytest.fixture
def school_data(store):
    """One school, two families: 'Gezin Yılmaz' (new, 7 phone calls) and 'Gezin Peeters' (continuing, 2 visits)."""
    school = make_school(store, name="Basisschool De Vlieger")
    other_school = make_school(store, name="GO! Basisschool De Regenboog")
    new_family = make_family(store, display_name="Gezin Yılmaz")
    known_family = make_family(store, display_name="Gezin Peeters")
    add_member(store, family_id=new_family, member=MemberInput("child", "Elif", "Yılmaz", school_id=school))
    add_member(store, family_id=known_family, member=MemberInput("child", "Lotte", "Peeters", school_id=school))
    add_member(store, family_id=known_family, member=MemberInput("parent", "Hanne", "Peeters"))
    for n in range(7):
        log_contact(store, channel="telefoon", family_id=new_family, themes=["admin.debts"], note=NOTE,
                    occurred_at=local(2025, 10, 1 + n))
    for day in (3, 4):
        log_contact(store, channel="huisbezoek", family_id=known_family, themes=["poverty.housing"],
                    note="Vocht in de slaapkamer van Lotte", occurred_at=local(2026, 2, day))
    log_contact(store, channel="schoolpoort", family_id=known_family, occurred_at=local(2025, 5, 12))
    return {"school": school, "other_school": other_school, "new": new_family, "known": known_family}


def test_suppression_rule_in_one_place() -> None:
    assert [suppress(n) for n in (0, 1, 2, 4, 5, 7, 120)] == ["0", "<5", "<5", "<5", "5", "7", "120"]
    assert SUPPRESSED == "<5"
    assert is_new_family(dt.date(2025, 9, 1), YEAR) and not is_new_family(dt.date(2025, 8, 31), YEAR)


def test_school_year_text_is_checked() -> None:
    assert parse_school_year("2025-2026") == YEAR
    assert parse_school_year("2025–26") == YEAR
    with pytest.raises(ValueError, match="geen schooljaar"):
        parse_school_year("2025-2027")
    with pytest.raises(ValueError):
        parse_school_year("vorig jaar")


def test_report_per_school_counts_channels_families_and_suppresses_small_counts(store, school_data) -> None:
    # GIVEN 7 phone calls with a new family and 2 home visits with a continuing family in 2025–2026
    # WHEN the coordinator asks the report of that school
    report = school_year_report(store, school_year=YEAR, school_id=school_data["school"])
    # THEN the raw figures are right
    channels = report.table("channels")
    assert channels.raw_count("Phone call") == 7
    assert channels.raw_count("Home visit") == 2
    summary = report.table("summary")
    assert summary.raw_count("Contact moments") == 9
    assert summary.raw_count("Families reached") == 2
    assert summary.raw_count("New families") == 1
    assert summary.raw_count("Continuing families") == 1
    # AND what is shown suppresses the small count but not the 7
    shown = dict(map(tuple, channels.shown_rows()))
    assert shown["Telefoon"] == "7"
    assert shown["Huisbezoek"] == "<5"
    themes = dict(map(tuple, report.table("themes").shown_rows()))
    assert themes["Financieel, materieel en administratie"] == "7"
    assert themes["– Schulden en deurwaarder"] == "7"
    assert themes["Kinderarmoede: wonen en voeding"] == "<5"
    # AND another school has none of it
    other = school_year_report(store, school_year=YEAR, school_id=school_data["other_school"])
    assert other.table("summary").raw_count("Contact moments") == 0
    assert other.is_empty


def test_anonymous_and_deleted_contacts(store, school_data) -> None:
    # GIVEN an anonymous question at the gate and a deleted contact
    log_contact(store, channel="schoolpoort", occurred_at=local(2025, 11, 3))
    gone = log_contact(store, channel="telefoon", family_id=school_data["new"], occurred_at=local(2025, 11, 4))
    delete_contact(store, contact_id=gone.id)
    # THEN the anonymous one counts only for all schools, the deleted one nowhere
    everything = school_year_report(store, school_year=YEAR)
    assert everything.table("summary").raw_count("Contact moments") == 10
    assert everything.table("summary").raw_count("of which anonymous") == 1
    school = school_year_report(store, school_year=YEAR, school_id=school_data["school"])
    assert school.table("summary").raw_count("Contact moments") == 9
    per_school = everything.table("schools")
    assert per_school.raw_count("Basisschool De Vlieger") == 9


def test_school_year_boundaries_31_august_and_1_september(store) -> None:
    # GIVEN a family whose first contact is late on 31 August, another early on 1 September (local time)
    school = make_school(store)
    before = make_family(store, display_name="Gezin Maes")
    after = make_family(store, display_name="Gezin Demir")
    for family in (before, after):
        add_member(store, family_id=family, member=MemberInput("child", "Kind", school_id=school))
    log_contact(store, channel="telefoon", family_id=before, occurred_at=local(2025, 8, 31, 23, 30))
    log_contact(store, channel="telefoon", family_id=before, occurred_at=local(2025, 9, 15))
    log_contact(store, channel="telefoon", family_id=after, occurred_at=local(2025, 9, 1, 0, 30))
    # WHEN the reports of both school years are made
    old = school_year_report(store, school_year=SchoolYear(2024))
    new = school_year_report(store, school_year=YEAR)
    # THEN 31 August belongs to 2024–2025 and 1 September to 2025–2026
    assert old.table("summary").raw_count("Contact moments") == 1
    assert new.table("summary").raw_count("Contact moments") == 2
    # AND the family seen on 31 August is continuing in 2025–2026, the other one new
    assert new.table("families").raw_count("New families") == 1
    assert new.table("families").raw_count("Continuing families") == 1


def test_referrals_by_kaart_category_intensity_and_outcome(store, school_data) -> None:
    with store.session() as session:
        organisation = KaartOrganization(name="OCMW Kortrijk")
        session.add(organisation)
        session.flush()
        service = KaartService(organization_id=organisation.id, name="Schuldbemiddeling")
        session.add(service)
        session.flush()
        session.add(KaartServiceTerm(service_id=service.id, vocabulary="kaart_category", code="debt"))
        session.flush()
        service_uuid = service.uuid
    for n in range(6):
        create_referral(store, family_id=school_data["new"], intensity="called", service_id=service_uuid,
                        referred_on=dt.date(2025, 10, 10 + n))
    create_referral(store, family_id=school_data["known"], intensity="accompanied", service_label="Woonwijzer",
                    referred_on=dt.date(2026, 3, 2))
    create_referral(store, family_id=school_data["known"], intensity="info", service_label="CAW",
                    referred_on=dt.date(2025, 8, 31))  # previous school year
    report = school_year_report(store, school_year=YEAR, school_id=school_data["school"])
    types = report.table("referral_types")
    assert types.raw_count("Debts and money") == 6
    assert types.raw_count("Not on the social map / no category") == 1
    assert report.table("referral_intensity").raw_count("Called the service myself") == 6
    assert report.table("referral_intensity").raw_count("Went along") == 1
    assert report.table("referral_outcome").raw_count("Still open") == 7
    assert report.table("summary").raw_count("Referrals") == 7


def _names_and_notes() -> list[str]:
    return ["Yılmaz", "Peeters", "Elif", "Lotte", "Hanne", "deurwaarder en de brief", "Vocht in de slaapkamer"]


def test_pdf_shows_figures_and_no_name_or_note(store, school_data, tmp_path: Path) -> None:
    record_signal(store, theme="poverty.housing", description="Huisjesmelker: vochtige woningen in één straat",
                  families_concerned=5, passed_on_to="Lokaal Netwerk Kinderarmoede",
                  signalled_on=dt.date(2026, 1, 20), school_id=school_data["school"])
    path = print_report(store, school_year=YEAR, school_id=school_data["school"], path=tmp_path / "rapport.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert "Jaarrapport 2025–2026" in text
    assert "Basisschool De Vlieger" in text
    assert "Aantallen onder 5 tonen we als <5 om gezinnen te beschermen" in text
    assert "Telefoon 7" in text
    assert "Huisbezoek <5" in text
    assert "Huisjesmelker" in text
    for secret in _names_and_notes():
        assert secret not in text
    with store.read() as session:
        entry = session.execute(select(AuditEntry.action, AuditEntry.detail)
                                .where(AuditEntry.subject_kind == "year_report")).one()
    assert tuple(entry) == ("print", "2025–2026")


def test_csv_reads_back_in_excel_format(store, school_data, tmp_path: Path) -> None:
    path = export_report_csv(store, school_year=YEAR, school_id=school_data["school"], path=tmp_path / "r.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == ["Jaarrapport 2025–2026", "Basisschool De Vlieger"]
    assert ["Telefoon", "7"] in rows
    assert ["Huisbezoek", "<5"] in rows
    assert ["Kanaal", "Contactmomenten"] in rows
    flat = "\n".join(";".join(r) for r in rows)
    for secret in _names_and_notes():
        assert secret not in flat


def test_cli_report_json_and_bad_school_year(store, school_data, capsys) -> None:
    db = str(store.path)
    code = main(["report", "--school-year", "2025-2026", "--school", school_data["school"], "--json", "--db", db])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["school_year"] == "2025–2026"
    channels = next(t for t in data["tables"] if t["key"] == "channels")
    assert ["Telefoon", "7"] in channels["rows"] and ["Huisbezoek", "<5"] in channels["rows"]
    assert "Yılmaz" not in json.dumps(data, ensure_ascii=False)

    code = main(["report", "--school-year", "twintig-vijfentwintig", "--db", db])
    assert code == 2
    assert "geen schooljaar" in capsys.readouterr().err
