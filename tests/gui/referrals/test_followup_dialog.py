"""A new follow-up's family is typed in part, as in the quick log; a text that fits two families is refused."""

from __future__ import annotations

from PySide6.QtCore import Qt

from brugapp.services.referrals.followups import list_followups
from brugapp.ui.followups.page import NewFollowUpDialog
from tests.factories import make_family
from tests.gui.conftest import show_active


def _new_followup(qtbot, store, title: str, family_text: str) -> NewFollowUpDialog:
    dialog = NewFollowUpDialog(store)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    qtbot.keyClicks(dialog.title_edit, title)
    dialog.family.setFocus()
    qtbot.keyClicks(dialog.family, family_text)
    qtbot.keyClick(dialog.family, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return dialog


def test_a_follow_up_is_made_for_the_family_typed_or_for_none(qtbot, store):
    make_family(store, display_name="Gezin Peeters")
    wanted = make_family(store, display_name="Gezin Peeters-Aerts")
    # WHEN the text fits two families, nothing is stored and the message says so
    refused = _new_followup(qtbot, store, "Mama terugbellen", "peeters")
    assert not refused.created_id and list_followups(store) == []
    assert "2 gezinnen" in refused.error.text()
    refused.reject()
    # WHEN it is opened again and the name typed far enough, and once more without a family
    _new_followup(qtbot, store, "Mama terugbellen", "peeters-a")
    _new_followup(qtbot, store, "Leerkracht verwittigen", "")
    # THEN both are stored: one for that family, one for no family
    assert sorted((f.title, f.family_id) for f in list_followups(store)) == [
        ("Leerkracht verwittigen", ""), ("Mama terugbellen", wanted)]
