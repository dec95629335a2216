"""The Situaties en school tab: record who may know a stay, change school, print the overdrachtsfiche."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate

from brugapp.domain.consent import Purpose, RecipientKind
from brugapp.services.families.families import MemberInput, add_member
from brugapp.services.families.situations import list_situations, record_situation
from brugapp.services.families.transfer import school_history
from brugapp.services.referrals.consent import record_consent
from brugapp.ui.app import setup_application
from brugapp.ui.clipping import clipped_texts
from brugapp.ui.families.situations_panel import SituationsPanel
from tests.factories import make_family, make_school
from tests.gui.journeys.helpers import main_window


def test_record_a_withheld_stay_change_school_and_print_transfer(qtbot, store, tmp_path):
    old = make_school(store, name="Basisschool De Vlieger")
    new = make_school(store, name="Technisch Instituut Sint-Jozef")
    family = make_family(store, display_name="Gezin Benali")
    yusuf = add_member(store, family_id=family, member=MemberInput("child", "Yusuf", "Benali", birth_year=2011,
                                                                   school_id=old)).id
    add_member(store, family_id=family, member=MemberInput("parent", "Amina", "Benali", phone="0470 11 22 33"))
    panel = SituationsPanel(store)
    qtbot.addWidget(panel)
    panel.show_family(family)
    # WHEN Yusuf (15) decides the school may not know about the living group
    dialog = panel.add_situation()
    dialog.member.setCurrentIndex(dialog.member.findData(yusuf))
    dialog.kind.setCurrentIndex(dialog.kind.findData("residential_care"))
    qtbot.keyClicks(dialog.description, "Leefgroep De Linde")
    dialog.from_on.setDate(QDate(2026, 9, 15))
    assert not dialog.audiences["school"].isChecked()  # nobody at school by default
    dialog.decided_by.setCurrentIndex(dialog.decided_by.findData("youth"))
    dialog.save()
    # THEN it is stored with the choice, and listed
    [stored] = list_situations(store, family_id=family)
    assert (stored.kind, stored.disclosed_to, stored.decided_by) == ("residential_care", ("clb", "services"), "youth")
    assert panel.model.rowCount() == 1 and "Niemand" not in panel.model.index(0, 3).data()
    # WHEN he changes school
    change = panel.change_school()
    change.school.setCurrentIndex(change.school.findData(new))
    change.on.setDate(QDate(2026, 11, 16))
    change.save()
    assert [s.school_label for s in school_history(store, member_id=yusuf)] == [
        "Basisschool De Vlieger", "Technisch Instituut Sint-Jozef"]
    assert "Basisschool De Vlieger" in panel.history.text() and "Sint-Jozef" in panel.history.text()
    # WHEN the transfer sheet is printed without consent THEN the reason is shown, nothing written
    operation = panel.print_transfer(status_only=False, path=str(tmp_path / "refused.pdf"))
    qtbot.waitUntil(lambda: not operation.is_running(), timeout=10_000)
    assert "toestemming" in panel.status.text() and not (tmp_path / "refused.pdf").exists()
    # WHEN the youth consents to share the status THEN the status-only sheet prints, without the living group
    record_consent(store, family_id=family, recipient_kind=RecipientKind.SCHOOL, recipient_id=new,
                   purposes=[Purpose.SHARE_STATUS], given_by="youth", method="oral", subject_member_id=yusuf,
                   given_on=dt.date.today() - dt.timedelta(days=1))
    operation = panel.print_transfer(status_only=True, path=str(tmp_path / "stavaza.pdf"))
    qtbot.waitUntil(lambda: not operation.is_running(), timeout=10_000)
    text = PdfReader(str(tmp_path / "stavaza.pdf")).pages[0].extract_text()
    assert "Yusuf Benali" in text and "+32 470 11 22 33" in text and "Linde" not in text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_at_1280_by_720_the_tab_shows_every_column_and_the_childs_whole_name(qtbot, qapp, store, language):
    # GIVEN a child with a long name and a stay with a long description
    family = make_family(store, display_name="Gezin Al-Hassan")
    child = add_member(store, family_id=family, member=MemberInput("child", "Nour-Yasmina", "Al-Hassan-Vandamme",
                                                                   birth_year=2014)).id
    record_situation(store, member_id=child, kind="hospital_stay",
                     description="Knieoperatie, niet turnen tot de kerstvakantie", from_on=dt.date(2026, 11, 4),
                     until_on=dt.date(2026, 11, 9), disclosed_to=("school", "clb"), decided_by="parent")
    setup_application(qapp, language)
    try:
        # WHEN the family's Situations tab is opened in the window at 1280×720
        window = main_window(qtbot, store)
        window.resize(1280, 720)
        page = window.show_section("families")
        page.select_family(family)
        view = page.family_view
        view.tabs.setCurrentWidget(view.situations)
        qtbot.waitUntil(lambda: view.situations.model.rowCount() == 1, timeout=5000)
        panel = view.situations
        # THEN, once laid out, no text is cut (the chosen child's name too) and who may know it is in sight without
        # scrolling sideways
        qtbot.waitUntil(lambda: clipped_texts(panel) == [], timeout=2000)
        assert panel.child.currentText() == "Nour-Yasmina Al-Hassan-Vandamme"
        assert panel.table.horizontalScrollBar().maximum() == 0
    finally:
        setup_application(qapp, "nl")
