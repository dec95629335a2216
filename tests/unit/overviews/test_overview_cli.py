"""The headless side of the overviews: school change, transfer sheet and questions per school from the CLI."""

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
