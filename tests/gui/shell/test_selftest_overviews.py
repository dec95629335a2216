"""The self-test draws every overview screen of issue 17 (in a sub-folder next to the section views)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from brugapp.services.families.families import MemberInput, add_member
from brugapp.ui.shell.selftest_overviews import render_overviews
from tests.factories import make_family, make_school


def test_every_overview_screen_is_drawn(qtbot, store, tmp_path):
    school = make_school(store)
    family = make_family(store, display_name="Gezin Claeys")
    add_member(store, family_id=family, member=MemberInput("child", "Noor", "Claeys", school_id=school))
    rendered = render_overviews(store, tmp_path, QApplication.processEvents)
    assert [name for name, _png in rendered] == [
        "rights-and-consent", "report-charts", "programme-report", "programme-report-merged",
        "situations-and-school", "situation-dialog", "school-change-dialog"]
    assert all(png.stat().st_size > 3000 for _name, png in rendered)
