"""Every control a screen reader lands on has a name: each page of the main window (demo store), the
first-run wizard and Settings. A name is what Qt tells assistive technology: the accessible name, the text
of a label whose buddy the control is, or a button's own text."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from brugapp.demo.region import create_demo_store
from brugapp.store import Store
from brugapp.ui.families.page import ID_ROLE
from brugapp.ui.first_run import FirstRunWizard
from brugapp.ui.shell.main_window import MainWindow
from brugapp.ui.shell.settings_dialog import SettingsDialog

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QPlainTextEdit,
               QTextEdit)
# Parts Qt builds inside a control (the line edit of a spin box, a tab bar's scroll arrows, header sections):
# the control around them carries the name.
COMPOSITE = (QComboBox, QAbstractSpinBox, QTabBar, QScrollBar, QHeaderView)


@pytest.fixture(scope="module")
def demo_store() -> Iterator[Store]:
    store = create_demo_store(Path(tempfile.mkdtemp(prefix="brugapp-a11y-")) / "demo.db", passphrase=None)
    yield store
    store.close()


def _buddy_names(root: QWidget) -> dict[int, str]:
    return {id(label.buddy()): label.text().replace("&", "") for label in root.findChildren(QLabel)
            if label.buddy() is not None and label.text().strip()}


def accessible_name(widget: QWidget, buddies: dict[int, str]) -> str:
    if widget.accessibleName().strip():
        return widget.accessibleName()
    if id(widget) in buddies:
        return buddies[id(widget)]
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "").strip()
    return ""


def _inside_composite(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, COMPOSITE):
            return True
        parent = parent.parentWidget()
    return False


def _describe(widget: QWidget) -> str:
    chain, parent = [], widget.parentWidget()
    while parent is not None and len(chain) < 4:
        chain.append(type(parent).__name__ + (f"#{parent.objectName()}" if parent.objectName() else ""))
        parent = parent.parentWidget()
    hint = getattr(widget, "placeholderText", lambda: "")() or widget.toolTip()
    return f"{type(widget).__name__} #{widget.objectName()} '{hint}' in {' < '.join(chain)}"


def controls(root: QWidget) -> list[QWidget]:
    """Every interactive control under ``root``, shown or not (tabs and panels appear later)."""
    return [widget for widget in root.findChildren(QWidget)
            if isinstance(widget, INTERACTIVE) and not isinstance(widget, COMPOSITE[2:])
            and not widget.objectName().startswith("qt_") and not _inside_composite(widget, root)]


def unnamed_controls(root: QWidget) -> list[str]:
    buddies = _buddy_names(root)
    return [_describe(widget) for widget in controls(root) if not accessible_name(widget, buddies)]


def test_every_control_of_every_page_has_a_name(qtbot, demo_store: Store) -> None:
    window = MainWindow(demo_store, demo=True)
    window.resize(1366, 768)
    window.show()
    problems: list[str] = []
    try:
        for key in window.section_keys():
            page = window.show_section(key)
            if key == "families":
                page.open_family(page.proxy.index(0, 0).data(ID_ROLE))
            QCoreApplication.processEvents()
        assert len(controls(window)) > 100  # every page was built and walked
        problems = unnamed_controls(window)
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not problems, f"{len(problems)} controls without a name:\n" + "\n".join(sorted(set(problems)))


def test_the_first_run_wizard_and_settings_name_every_control(qtbot, tmp_path: Path) -> None:
    wizard = FirstRunWizard(tmp_path / "brugapp.db")
    settings = SettingsDialog()
    for dialog in (wizard, settings):
        qtbot.addWidget(dialog)
    problems = unnamed_controls(wizard) + unnamed_controls(settings)
    assert not problems, "\n".join(problems)


def test_the_check_finds_an_unnamed_control(qtbot) -> None:
    """The rule itself can fail: an icon-only button and a bare line edit are reported, a named one is not."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    for widget in (QPushButton(), QLineEdit(), QLineEdit()):
        layout.addWidget(widget)
    named = root.findChildren(QLineEdit)[1]
    label = QLabel("&Naam")
    label.setBuddy(named)
    layout.addWidget(label)
    problems = unnamed_controls(root)
    assert len(problems) == 2 and any("QPushButton" in p for p in problems)


def _first_family(store: Store) -> str:
    from brugapp.services.listing import list_records

    return list_records(store, kind="families")[0].id


# The dialogs a user opens from the pages, built on the demo store (ones needing a referral are built in
# their own tests; the page walk above covers the panels they are made of).
DIALOGS = {
    "new service": lambda store: __import__("brugapp.ui.kaart.dialogs", fromlist=["x"]).ServiceDialog(),
    "new referral": lambda store: __import__("brugapp.ui.referrals.dialogs", fromlist=["x"]).NewReferralDialog(store),
    "new meeting": lambda store: __import__("brugapp.ui.meetings.dialogs", fromlist=["x"]).NewMeetingDialog(store),
    "participant": lambda store: __import__("brugapp.ui.meetings.dialogs", fromlist=["x"]).ParticipantDialog(store),
    "consent": lambda store: __import__("brugapp.ui.families.consent_panel", fromlist=["x"]).ConsentDialog(
        store, _first_family(store)),
    "anonymous contacts": lambda store: __import__(
        "brugapp.ui.today.anonymous_contacts", fromlist=["x"]).AnonymousContactsDialog(store),
    "new follow-up": lambda store: __import__("brugapp.ui.followups.page", fromlist=["x"]).NewFollowUpDialog(store),
    "signal": lambda store: __import__("brugapp.ui.reports.page", fromlist=["x"]).SignalDialog(store),
    "family": lambda store: __import__("brugapp.ui.families.dialogs", fromlist=["x"]).FamilyDialog(store),
    "quick log": lambda store: __import__("brugapp.ui.families.quick_log", fromlist=["x"]).QuickLogDialog(store),
    "about": lambda store: __import__("brugapp.ui.shell.about", fromlist=["x"]).AboutDialog(),
    "unlock": lambda store: __import__("brugapp.ui.shell.unlock", fromlist=["x"]).UnlockDialog(lambda _p: store,
                                                                                        create=True),
}


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_every_control_of_a_dialog_has_a_name(qtbot, demo_store: Store, name: str) -> None:
    dialog = DIALOGS[name](demo_store)
    qtbot.addWidget(dialog)
    assert controls(dialog)  # the walk reaches the dialog's fields and buttons
    problems = unnamed_controls(dialog)
    assert not problems, f"{name}: " + "\n".join(problems)
