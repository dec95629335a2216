"""The headless side of the overviews: situations, school change, transfer sheet and questions per school."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from brugapp.cli import main
from brugapp.domain.consent import Purpose, RecipientKind
from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.families.notebook import log_contact
from brugapp.services.families.transfer import school_history
from brugapp.services.referrals.consent import record_consent
from tests.factories import make_family, make_school


def test_school_change_then_transfer_sheet_from_the_cli(store, tmp_path, capsys):
    old, new = make_school(store, name="Basisschool De Vlieger"), make_school(store, name="Sint-Jozef Roeselare")
    family = make_family(store, display_name="Gezin Dumitru")
    child = add_member(store, family_id=family, member=MemberInput("child", "Ioana", "Dumitru", birth_year=2014,
                                                                   school_id=old)).id
    db = str(store.path)
    assert main(["school-change", child, "--school", new, "--on", "5-1-2027", "--class", "4B", "--db", db]) == 0
    assert [s.school_label for s in school_history(store, member_id=child)] == [
        "Basisschool De Vlieger", "Sint-Jozef Roeselare"]
    out = tmp_path / "overdracht.pdf"
    assert main(["transfer-sheet", child, str(out), "--status-only", "--db", db]) == 2
    assert "toestemming" in capsys.readouterr().err and not out.exists()
    record_consent(store, family_id=family, recipient_kind=RecipientKind.SCHOOL, recipient_id=new,
                   purposes=[Purpose.SHARE_STATUS], given_by="parent", method="written",
                   given_on=dt.date.today() - dt.timedelta(days=1))
    assert main(["transfer-sheet", child, str(out), "--status-only", "--db", db]) == 0
    assert "Ioana Dumitru" in PdfReader(str(out)).pages[0].extract_text()
    assert main(["school-change", child, "--school", new, "--on", "gisteren", "--db", db]) == 2
    assert "gisteren" in capsys.readouterr().err


def test_school_questions_from_the_cli(store, tmp_path):
    school = make_school(store, name="Basisschool De Vlieger")
    family = make_family(store, display_name="Gezin Nowak")
    add_member(store, family_id=family, member=MemberInput("child", "Zofia", "Nowak", school_id=school))
    log_contact(store, channel="schoolpoort", family_id=family, themes=["education"],
                occurred_at=dt.datetime(2025, 10, 6, 8, tzinfo=dt.UTC))
    out = tmp_path / "vragen.pdf"
    assert main(["school-questions", school, str(out), "--school-year", "2025-2026", "--db", str(store.path)]) == 0
    text = PdfReader(str(out)).pages[0].extract_text()
    assert "Vragen op onze school" in text and "Nowak" not in text and "Zofia" not in text


def test_a_situation_from_the_cli_and_the_school_never_told(store, tmp_path, capsys):
    # GIVEN Mats (15), whose parent and school are known
    school = make_school(store, name="Technisch Atheneum De Brug")
    family = make_family(store, display_name="Gezin Willems")
    mats = add_member(store, family_id=family, member=MemberInput("child", "Mats", "Willems", birth_year=2011,
                                                                  school_id=school)).id
    young = add_member(store, family_id=family, member=MemberInput("child", "Lotte", "Willems", birth_year=2018)).id
    add_member(store, family_id=family, member=MemberInput("parent", "Kris", "Willems", phone="0470 12 12 12"))
    db = str(store.path)
    # WHEN Mats decides that only the CLB and the services may know of the living group
    assert main(["situation", "add", mats, "--kind", "residential_care", "--from", "18-09-2026",
                 "--details", "Leefgroep in Menen", "--tell", "clb,services", "--decided-by", "youth", "--db", db]) == 0
    situation = capsys.readouterr().out.strip()
    # THEN it is listed with who may know it, in Dutch
    assert main(["situation", "list", family, "--db", db]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(situation) and "Mats Willems" in line and "Residentiële opvang" in line
    assert "mag het weten: Het CLB, Welzijnsdiensten" in line and "De jongere zelf" in line
    # AND the transfer-style status sheet for the school gives the parent's contact but not the stay
    record_consent(store, family_id=family, recipient_kind=RecipientKind.SCHOOL, recipient_id=school,
                   purposes=[Purpose.SHARE_STATUS], given_by="youth", method="oral", subject_member_id=mats,
                   given_on=dt.date.today() - dt.timedelta(days=1))
    out = tmp_path / "stavaza.pdf"
    assert main(["transfer-sheet", mats, str(out), "--status-only", "--db", db]) == 0
    text = PdfReader(str(out)).pages[0].extract_text()
    assert "Kris Willems" in text and "+32 470 12 12 12" in text
    assert "Leefgroep" not in text and "Menen" not in text and "Residentiële" not in text
    # AND a child under 12 cannot decide alone, an unknown audience or date is refused, each by name
    assert main(["situation", "add", young, "--kind", "foster_family", "--from", "1-9-2026", "--decided-by",
                 "youth", "--db", db]) == 2
    assert "12" in capsys.readouterr().err
    assert main(["situation", "add", mats, "--kind", "other", "--from", "1-9-2026", "--tell", "buren",
                 "--db", db]) == 2
    assert "buren" in capsys.readouterr().err
    assert main(["situation", "add", mats, "--kind", "other", "--from", "morgen", "--db", db]) == 2
    assert "--from" in capsys.readouterr().err
    # AND removing it leaves the family without situations
    assert main(["situation", "remove", situation, "--db", db]) == 0
    assert capsys.readouterr().out.strip() == "Verwijderd."
    assert main(["situation", "list", family, "--json", "--db", db]) == 0
    assert capsys.readouterr().out.strip() == "[]"
