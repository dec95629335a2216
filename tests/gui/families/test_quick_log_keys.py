"""The quick log as the daily act: it opens every time, refuses what says nothing, and keys do what they show.

Each test drives the dialog with the keyboard and asserts on the stored contact moment (or its absence).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QPushButton

from brugapp.i18n import set_language
from brugapp.services.families.notebook import list_contacts
from brugapp.settings import Settings, save_settings
from brugapp.ui.families.quick_log import QuickLogDialog
from brugapp.ui.shell.main_window import MainWindow
from brugapp.ui.widgets.theme_chips import ThemeChips
from tests.factories import make_family
from tests.gui.conftest import show_active


def _dialog(qtbot, store, **kwargs) -> QuickLogDialog:
    dialog = QuickLogDialog(store, **kwargs)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog


def _type(qtbot, dialog: QuickLogDialog, text: str) -> None:
    """Type as a person does: each key goes where the focus is now (or to the open family list)."""
    for char in text:
        popup = dialog.family.completer().popup()
        qtbot.keyClicks(popup if popup.isVisible() else QApplication.focusWidget(), char)


def _visible_quick_logs(window) -> list[QuickLogDialog]:
    return [d for d in window.findChildren(QuickLogDialog) if d.isVisible()]


def test_quick_log_opens_every_time_from_shortcut_toolbar_and_vandaag(qtbot, store):
    window = MainWindow(store, auto_lock_minutes=0)
    qtbot.addWidget(window)
    window.show()
    action = window.findChild(QAction, "QuickLogAction")
    today = window.show_section("today")
    openers = [action.trigger, action.trigger, today.log_button.click, today.log_button.click]
    for number, open_it in enumerate(openers):
        # WHEN it is opened (again), used, and closed – by Esc on even turns, by saving on odd ones
        open_it()
        [dialog] = _visible_quick_logs(window)
        qtbot.keyClicks(dialog.note, f"Gesprek {number}")
        if number % 2:
            qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
        else:
            dialog.discard()
            qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not _visible_quick_logs(window), timeout=2000)
        qtbot.wait(5)  # let Qt delete the closed dialog before the next opening
    # THEN each opening gave a working dialog: the two saved turns are stored
    assert sorted(c.note for c in list_contacts(store)) == ["Gesprek 1", "Gesprek 3"]


def test_empty_note_without_theme_is_refused_saying_what_is_missing(qtbot, store):
    dialog = _dialog(qtbot, store)
    qtbot.keyClick(dialog.family, Qt.Key.Key_Return)
    assert list_contacts(store) == []
    assert dialog.error.isVisible()
    message = dialog.error.text()
    assert "thema" in message and "notitie" in message
    assert dialog.isVisible()
    # WHEN a note is added the same Enter saves
    qtbot.keyClicks(dialog.note, "Vraag over kamp")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert [c.note for c in list_contacts(store)] == ["Vraag over kamp"]


def test_words_typed_on_the_theme_row_go_to_the_note_and_toggle_nothing(qtbot, store):
    dialog = _dialog(qtbot, store)
    dialog.themes.setFocus()
    # "Brief" in Dutch holds I (Verblijf en integratie) and "Afspraak" starts with A (administratie)
    _type(qtbot, dialog, "Afspraak en Brief")
    assert dialog.themes.codes() == []
    assert dialog.note.toPlainText() == "Afspraak en Brief"
    assert dialog.focusWidget() is dialog.note


def test_a_theme_letter_alone_still_chooses_the_theme_and_says_so(qtbot, store):
    dialog = _dialog(qtbot, store)
    dialog.themes.setFocus()
    qtbot.keyClick(dialog.themes, Qt.Key.Key_K)
    qtbot.keyClick(dialog.themes, Qt.Key.Key_1)
    assert dialog.themes.codes() == ["poverty", "poverty.housing"]
    assert "Gekozen" in dialog.themes._sub_hint.text()


def test_enter_saves_from_every_field_and_shift_enter_breaks_the_note(qtbot, store):
    for field_name in ("family", "channel", "themes", "note", "follow_up", "sharing"):
        dialog = _dialog(qtbot, store)
        qtbot.keyClicks(dialog.note, "Regel een")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        qtbot.keyClicks(dialog.note, field_name)
        assert dialog.isVisible(), "Shift+Enter must not save"
        field = getattr(dialog, field_name)
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert not dialog.isVisible(), field_name
    assert sorted(c.note for c in list_contacts(store)) == sorted(
        f"Regel een\n{name}" for name in ("family", "channel", "themes", "note", "follow_up", "sharing"))


def test_choosing_a_family_by_its_first_letters_shows_the_full_name(qtbot, store):
    family = make_family(store, display_name="Gezin Özdemir")
    make_family(store, display_name="Gezin Janssens")
    dialog = _dialog(qtbot, store)
    _type(qtbot, dialog, "oz")
    qtbot.keyClick(dialog.family.completer().popup(), Qt.Key.Key_Tab)
    assert dialog.family.text() == "Gezin Özdemir"
    dialog.themes.setFocus()
    qtbot.keyClick(dialog.themes, Qt.Key.Key_S)
    qtbot.keyClick(dialog.themes, Qt.Key.Key_Return)
    [contact] = list_contacts(store)
    assert contact.family_id == family


def test_a_prefix_fitting_several_families_opens_the_list_instead_of_failing(qtbot, store):
    make_family(store, display_name="Gezin Peeters")
    wanted = make_family(store, display_name="Gezin Peeters-Aerts")
    dialog = _dialog(qtbot, store)
    qtbot.keyClicks(dialog.family, "pee")
    dialog.family.completer().popup().hide()
    qtbot.keyClicks(dialog.note, "Vraag")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    # THEN nothing is stored, the list of the two families is open and the message says why
    assert list_contacts(store) == []
    popup = dialog.family.completer().popup()
    assert popup.isVisible()
    assert popup.model().rowCount() == 2
    assert "2 gezinnen" in dialog.error.text()
    # WHEN the second one is chosen from the list with the keyboard, Enter saves it
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.family.text() == "Gezin Peeters-Aerts"
    qtbot.keyClick(dialog.family, Qt.Key.Key_Return)
    [contact] = list_contacts(store)
    assert contact.family_id == wanted


def test_canonical_quick_log_takes_at_most_seven_keys_besides_the_note(qtbot, store):
    # GIVEN the family Özdemir among others, and the quick log opened with Ctrl+N
    save_settings(Settings(last_channel="schoolpoort"))
    family = make_family(store, display_name="Gezin Özdemir")
    make_family(store, display_name="Gezin Janssens")
    make_family(store, display_name="Gezin Oosterlinck")
    dialog = _dialog(qtbot, store)
    keys = 0

    def press(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        nonlocal keys
        keys += 1
        widget = QApplication.focusWidget() or dialog
        popup = dialog.family.completer().popup()
        qtbot.keyClick(popup if popup.isVisible() else widget, key, modifier)

    # WHEN the family is typed by its first two letters, one theme chosen, a note typed and saved
    press(Qt.Key.Key_O)
    press(Qt.Key.Key_Z)
    press(Qt.Key.Key_Tab)       # the field now shows the full name; on to the channel (last used)
    press(Qt.Key.Key_Tab)       # the theme row
    press(Qt.Key.Key_S)         # education
    press(Qt.Key.Key_Tab)       # the note
    qtbot.keyClicks(QApplication.focusWidget(), "Vraagt naar huiswerkklas")
    press(Qt.Key.Key_Return)    # save
    # THEN it is stored as meant, with at most seven keys besides the note
    [contact] = list_contacts(store)
    assert (contact.family_id, contact.channel, contact.themes, contact.note) == (
        family, "schoolpoort", ("education",), "Vraagt naar huiswerkklas")
    assert keys <= 7


def test_english_theme_letters_fit_the_english_labels(qtbot, store):
    set_language("en")
    try:
        chips = ThemeChips()
        qtbot.addWidget(chips)
        labels = [chip.text() for chip in chips._top.values()]
        for label in labels:
            key, _sep, name = label.partition("  ")
            assert name.lower().startswith(key.lower()) or f" {key.lower()}" in f" {name.lower()}", label
        chips.toggle_key("e")
        assert chips.codes() == ["education"]
    finally:
        set_language("nl")


def test_vandaag_done_is_disabled_until_a_follow_up_is_chosen(qtbot, store):
    import datetime as dt

    from brugapp.services.families.notebook import log_contact
    from brugapp.ui.today.panels import PromisedFollowUpsPanel

    log_contact(store, channel="telefoon", note="Terugbellen", follow_up_on=dt.date.today())
    panel = PromisedFollowUpsPanel(store)
    qtbot.addWidget(panel)
    panel.refresh()
    panel.show()
    done = panel.findChild(QPushButton)
    assert done.text() == "Gedaan"
    assert done.isVisible() and not done.isEnabled()
    panel.list.setCurrentRow(0)
    assert done.isEnabled()
    done.click()
    assert not done.isEnabled() or not done.isVisible()


def test_members_are_a_table_and_enter_edits_the_chosen_one(qtbot, store):
    from brugapp.services.families.families import MemberInput, create_family
    from brugapp.ui.families.dialogs import MemberDialog
    from brugapp.ui.families.family_view import FamilyView

    family = create_family(store, display_name="Gezin Aziz", members=[
        MemberInput(role="parent", first_name="Nadia", last_name="Aziz", phone="0470 00 00 01"),
        MemberInput(role="child", first_name="Omar", last_name="Aziz")])
    view = FamilyView(store)
    qtbot.addWidget(view)
    view.show_family(family.id)
    model = view.members.model()
    cells = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:2] == ["Naam", "Rol"]
    assert ["Nadia Aziz", "Ouder", ""] in cells and ["Omar Aziz", "Kind", ""] in cells
    opened = []
    from PySide6.QtCore import QTimer

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        opened.append(isinstance(dialog, MemberDialog) and dialog.windowTitle())
        dialog.reject()

    view.members.setCurrentIndex(model.index(0, 0))
    QTimer.singleShot(0, close_it)
    view.edit_member()
    assert opened and opened[0]


def test_a_typed_name_offers_the_families_it_begins_a_word_of_first_then_those_that_contain_it(qtbot, store):
    names = ["Gezin Aerts-Peeters", "Gezin Peeters", "Gezin Peetersen", *(f"Gezin Maes {n:02}" for n in range(30))]
    for name in names:
        make_family(store, display_name=name)
    dialog = _dialog(qtbot, store)
    offered = dialog.family.completer().model()

    def offered_for(text: str) -> list[str]:
        dialog.family.clear()
        qtbot.keyClicks(dialog.family, text)
        return offered.stringList()

    assert offered_for("peeters") == ["Gezin Peeters", "Gezin Peetersen", "Gezin Aerts-Peeters"]
    assert offered_for("gezin pe") == ["Gezin Peeters", "Gezin Peetersen"]  # typed on past the first word
    # every name begins with "Gezin" (a busy programme: 10,000 of them): the first twenty, alphabetically
    assert offered_for("g") == sorted(names, key=str.lower)[:20]


def test_a_family_added_meanwhile_is_offered_at_the_next_quick_log(qtbot, store):
    aerts = make_family(store, display_name="Gezin Aerts")
    window = MainWindow(store, auto_lock_minutes=0)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    action = window.findChild(QAction, "QuickLogAction")
    chosen = [aerts]
    for number, typed in enumerate(["aer", "bakk"]):
        if number:  # WHEN a family is added between two quick logs (the Families page, an import)
            chosen.append(make_family(store, display_name="Gezin Bakkali"))
        action.trigger()
        [dialog] = _visible_quick_logs(window)
        show_active(qtbot, dialog)  # the offscreen platform activates a new window only when asked
        assert QApplication.focusWidget() is dialog.family
        _type(qtbot, dialog, typed)
        qtbot.keyClick(dialog.family.completer().popup(), Qt.Key.Key_Tab)
        assert dialog.family.text() == ["Gezin Aerts", "Gezin Bakkali"][number]
        dialog.note.setFocus()
        qtbot.keyClicks(dialog.note, f"Gesprek {number}")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not _visible_quick_logs(window), timeout=2000)
        qtbot.wait(5)  # let Qt delete the closed dialog before the next opening
    # THEN each contact is stored with the family chosen by its first letters
    assert sorted((c.note, c.family_id) for c in list_contacts(store)) == [
        ("Gesprek 0", chosen[0]), ("Gesprek 1", chosen[1])]
