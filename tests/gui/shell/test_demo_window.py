"""The whole window on the demo store: every section opens, no shortcut is ambiguous, pickers list demo data."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QMenu, QMenuBar, QWidget

from brugapp.demo.region import create_demo_store
from brugapp.store import Store
from brugapp.ui.families.page import ID_ROLE
from brugapp.ui.meetings.dialogs import ParticipantDialog
from brugapp.ui.shell.main_window import MainWindow

WINDOW_CONTEXTS = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


@pytest.fixture(scope="module")
def demo_store() -> Iterator[Store]:
    store = create_demo_store(Path(tempfile.mkdtemp(prefix="brugapp-demo-test-")) / "demo.db", passphrase=None)
    yield store
    store.close()


def _reachable(obj: QObject, window: QWidget) -> bool:
    """Would a shortcut on this widget fire now (Qt's own rule, simplified): visible in this window, or in a
    menu that hangs in a visible menu bar."""
    if isinstance(obj, QMenu):
        return any(_reachable(o, window) for o in obj.menuAction().associatedObjects())
    if isinstance(obj, QMenuBar):
        return obj.isVisible() and obj.window() is window
    return isinstance(obj, QWidget) and obj.isVisible() and obj.isEnabled() and obj.window() is window


def _keys(sequences: list[QKeySequence]) -> list[str]:
    return [s.toString(QKeySequence.SequenceFormat.PortableText) for s in sequences if not s.isEmpty()]


def window_shortcuts(window: QWidget) -> dict[str, list[str]]:
    """Every key sequence that can fire in the window as it is shown now, with who owns it."""
    owners: dict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        if not action.isEnabled() or action.shortcutContext() not in WINDOW_CONTEXTS:
            continue
        if not any(_reachable(o, window) for o in action.associatedObjects()):
            continue
        for key in _keys(action.shortcuts()):
            owners[key].append(f"action {action.text()!r}")
    for menu_bar in window.findChildren(QMenuBar):  # Alt+letter of the menu titles
        for action in menu_bar.actions():
            for key in _keys([QKeySequence.mnemonic(action.text())]):
                owners[key].append(f"menu {action.text()!r}")
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if (shortcut.isEnabled() and shortcut.context() in WINDOW_CONTEXTS and isinstance(parent, QWidget)
                and _reachable(parent, window)):
            for key in _keys([shortcut.key()]):
                owners[key].append(f"shortcut on {type(parent).__name__}")
    for button in window.findChildren(QAbstractButton):
        if _reachable(button, window):
            for key in _keys([button.shortcut()]):
                owners[key].append(f"button {button.text()!r}")
    return owners


def test_every_section_opens_and_no_shortcut_is_ambiguous(qtbot, demo_store):
    # GIVEN the main window on the demo store
    window = MainWindow(demo_store, demo=True)  # not given to qtbot: deleted below, see there
    window.resize(1366, 768)
    window.show()
    try:
        problems = visit_every_section(window)
    finally:
        window.close()
        # Delete it now: a live window with every page built makes the next test's re-theming slow.
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not problems, "\n".join(problems)


def visit_every_section(window: MainWindow) -> list[str]:
    problems = []
    # WHEN each section is visited (and the family view of the first family, with its tabs)
    for number, key in enumerate(window.section_keys(), start=1):
        page = window.show_section(key)
        assert window.stack.currentWidget() is page
        if key == "families":
            page.open_family(page.proxy.index(0, 0).data(ID_ROLE))
        owners = window_shortcuts(window)
        # THEN the global keys belong to the window, and no key has two owners
        assert any("action" in o for o in owners[f"Ctrl+{number}"]), key
        for global_key in ("Ctrl+K", "Ctrl+F", "Ctrl+L", "Ctrl+N"):
            assert owners[global_key], (key, global_key)
        problems += [f"{key}: {seq} -> {who}" for seq, who in owners.items() if len(who) > 1]
    return problems


def test_participant_picker_lists_the_demo_social_map_contacts(qtbot, demo_store):
    dialog = ParticipantDialog(demo_store)
    qtbot.addWidget(dialog)
    labels = [dialog.from_kaart.itemText(i) for i in range(1, dialog.from_kaart.count())]
    assert len(labels) >= 20 and all(" – " in label for label in labels)
    dialog.from_kaart.setCurrentIndex(1)
    chosen = dialog.participant()
    assert chosen.kaart_contact_id and chosen.kind == "service" and chosen.name == labels[0].split(" – ")[0]
