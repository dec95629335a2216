"""Every page (with a record chosen, every tab) and every dialog, in Dutch and English, at 1366×768 and
1280×720: no label, button, tab, check box, header, phone number or date shows less than its full text,
and every date field shows the one date format of its language."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from brugapp.demo.region import create_demo_store
from brugapp.ui.app import setup_application
from brugapp.ui.clipping import clipped_texts
from brugapp.ui.shell.gallery import DIALOGS
from brugapp.ui.shell.help import UserGuideDialog
from brugapp.ui.shell.main_window import MainWindow
from brugapp.ui.shell.selftest import render_all_views, render_dialogs


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    store = create_demo_store(tmp_path_factory.mktemp("views") / "demo.db", passphrase=None)
    yield store
    store.close()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_view_shows_its_whole_text_and_one_date_format(qapp, demo_store, language: str) -> None:
    views = render_all_views(demo_store, None, language=language)
    try:
        assert len([v for v in views if v.section.startswith("dialog-")]) == len(DIALOGS) >= 20
        assert [f"{v.section}: {p}" for v in views for p in v.clipped] == []
    finally:
        setup_application(qapp, "nl")


def test_the_check_finds_a_cut_label_button_and_date(qtbot) -> None:
    # GIVEN a label, a button, a drop-down's chosen name and an empty field's hint squeezed below what they need
    holder = QWidget()
    qtbot.addWidget(holder)
    label = QLabel("Voorgestelde volgende datum", holder)
    button = QPushButton("Poging noteren …", holder)
    child = QComboBox(holder)
    child.addItems(["Nour Al-Hassan", "Bilal Al-Hassan"])
    what = QLineEdit(holder)
    what.setPlaceholderText("Wat moet er gebeuren?")
    label.setGeometry(0, 0, 60, 20)
    button.setGeometry(0, 30, 50, 30)
    child.setGeometry(0, 70, 90, 30)
    what.setGeometry(0, 110, 90, 30)
    holder.show()
    problems = clipped_texts(holder)
    assert any("Voorgestelde volgende datum" in p for p in problems)
    assert any("Poging noteren" in p for p in problems)
    assert any("Nour Al-Hassan" in p for p in problems)
    assert any("Wat moet er gebeuren?" in p for p in problems)
    # WHEN they get room, the check is satisfied
    label.setGeometry(0, 0, 400, 20)
    button.setGeometry(0, 30, 300, 30)
    child.setGeometry(0, 70, 300, 30)
    what.setGeometry(0, 110, 300, 30)
    assert clipped_texts(holder) == []
    # AND a field with text in it shows that text, not its hint: the hint no longer counts
    what.setGeometry(0, 110, 90, 30)
    what.setText("Tolk")
    assert clipped_texts(holder) == []


def test_qt_standard_buttons_use_our_words_and_no_stock_icons(qtbot, store) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from brugapp.ui.meetings.dialogs import NewMeetingDialog

    dialog = NewMeetingDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    buttons = [b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()]
    assert sorted(b.text() for b in buttons) == ["Annuleren", "Bewaren"]
    assert all(b.icon().isNull() for b in buttons)


def test_our_button_words_leave_every_other_qt_text_alone(qtbot) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QKeySequence

    assert QKeySequence("Ctrl+1").toString(QKeySequence.SequenceFormat.NativeText) == "Ctrl+1"
    assert QCoreApplication.translate("QPlatformTheme", "Save") == "Bewaren"


def test_help_lists_every_window_shortcut_with_its_modifiers(qtbot, store) -> None:
    from brugapp.ui.shell.help import shortcut_rows
    from brugapp.ui.shell.main_window import MainWindow

    window = MainWindow(store, auto_lock_minutes=0)
    window.remembers_state = False
    qtbot.addWidget(window)
    rows = dict(shortcut_rows(window))
    assert rows["Ctrl+N"] == "Snel noteren" and rows["Ctrl+1"] == "Vandaag" and rows["Ctrl+L"] == "Vergrendelen"
    assert rows["Shift+Enter"] == "Snel noteren: een nieuwe regel in de notitie"


def test_the_field_words_are_explained_where_they_appear(qtbot, store) -> None:
    from brugapp.ui.meetings.dialogs import ParticipantDialog
    from brugapp.ui.referrals.dialogs import NewReferralDialog
    from brugapp.ui.referrals.page import ReferralsPage

    referral = NewReferralDialog(store)
    participant = ParticipantDialog(store)
    page = ReferralsPage(store)
    for widget in (referral, participant, page):
        qtbot.addWidget(widget)
    assert "Informatie gaat maar één kant op" in referral.mandated_box.toolTip()
    assert participant.regie.toolTip().startswith("Regiehouder: de ene persoon")
    assert page.feedback_button.toolTip().startswith("Stavaza (stand van zaken)")


def test_each_dialog_is_checked_and_drawn_at_the_size_it_opens_at(qtbot, demo_store, tmp_path) -> None:
    # GIVEN the window, and the user guide, which gives itself 900×640 (its size hint is far smaller)
    window = MainWindow(demo_store, auto_lock_minutes=0)
    window.remembers_state = False
    qtbot.addWidget(window)
    guide = UserGuideDialog(window)
    hint = guide.sizeHint()
    guide.deleteLater()
    assert (hint.width(), hint.height()) != (900, 640)
    # WHEN every dialog of the gallery is drawn
    views = {view.section: view for view in render_dialogs(QApplication.instance(), demo_store, window, tmp_path)}
    # THEN the guide is drawn (and checked) at the size a person sees it open at, not shrunk to its hint
    drawn = QImage(str(views["dialog-user-guide"].png))
    assert (drawn.width(), drawn.height()) == (900, 640)
