"""Tab moves through every page and the main dialogs in reading order, and only to controls one can see and use.

A person pressing Tab reads the screen as text: along a row to the right, then down; a new column starts at its
top. So each step must go right on the same row, or down, or up into a column that begins to the right of the
last control. A step back up or to the left in the same column is a wrong tab order (the one jump back to the
start, when the walk comes round, is allowed). Each control reached must be visible, enabled and on screen.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QWidget

from brugapp.demo.region import create_demo_store
from brugapp.store import Store
from brugapp.ui.families.page import ID_ROLE
from brugapp.ui.shell.selftest import settle
from tests.gui.conftest import show_active

MAX_STEPS = 150
SLACK = 4  # pixels: a frame or focus margin of difference is the same row / column


@pytest.fixture(scope="module")
def demo_store() -> Iterator[Store]:
    store = create_demo_store(Path(tempfile.mkdtemp(prefix="brugapp-tab-")) / "demo.db", passphrase=None)
    yield store
    store.close()


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    label = widget.accessibleName() or (text() if callable(text) else "") or widget.objectName()
    return f"{type(widget).__name__} '{str(label)[:30]}'"


def _rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def wrong_step(before: QRect, after: QRect) -> bool:
    """True when Tab goes back up or left within what a reader would take as the same column or row."""
    same_row = after.top() < before.bottom() - SLACK and after.bottom() > before.top() + SLACK
    if same_row:
        return after.left() < before.left() - SLACK
    if after.top() >= before.top() - SLACK:  # down: a new line may start anywhere to the left
        return False
    return after.left() < before.right() - SLACK  # up: only into a column that starts to the right


def _press_tab(current: QWidget) -> QWidget | None:
    """One Tab as a person presses it; a date field first steps through its day, month and year (Qt's way)."""
    app = QApplication.instance()
    sections = current.sectionCount() if isinstance(current, QDateTimeEdit) else 1
    for _section in range(sections):
        QTest.keyClick(current, Qt.Key.Key_Tab)
        app.processEvents()
        if app.focusWidget() is not current:
            break
    return app.focusWidget()


@dataclass
class Walk:
    cycle: list[QWidget]  # the controls Tab reaches, from the one focused first, once round
    problems: list[str]

    def order(self) -> str:
        return " → ".join(_name(widget) for widget in self.cycle)


def tab_walk(window: QWidget, first: QWidget) -> Walk:
    """Press Tab from ``first`` until focus comes round. One step of the round may go back (from the last
    control to the first); any other step back is a problem, as is a control that keeps Tab or cannot be seen."""
    app = QApplication.instance()
    first.setFocus(Qt.FocusReason.TabFocusReason)
    app.processEvents()
    start = app.focusWidget()
    assert start is not None, "nothing takes the focus"
    cycle, problems, backwards = [start], [], []
    current = start
    for _step in range(MAX_STEPS):
        focused = _press_tab(current)
        if focused is None or focused is current:
            problems.append(f"Tab stays on {_name(current)}")
            break
        if wrong_step(_rect(current, window), _rect(focused, window)):
            backwards.append(f"Tab goes back from {_name(current)} to {_name(focused)}")
        if focused is start:
            break
        cycle.append(focused)
        if not (focused.isVisible() and focused.isEnabled() and not focused.visibleRegion().isEmpty()):
            problems.append(f"Tab lands on {_name(focused)}, which cannot be seen or used")
        current = focused
    else:
        problems.append(f"Tab never comes back to {_name(start)} in {MAX_STEPS} steps")
    if len(backwards) > 1:
        problems += backwards
    return Walk(cycle, problems)


def test_the_rule_sees_a_step_back() -> None:
    field, below, right = QRect(10, 10, 200, 30), QRect(10, 60, 200, 30), QRect(300, 10, 100, 30)
    assert not wrong_step(field, below) and not wrong_step(field, right)
    assert wrong_step(below, field)  # back up the same column
    assert wrong_step(right, field)  # back left on the same row
    assert not wrong_step(QRect(10, 300, 200, 30), QRect(400, 10, 100, 30))  # the top of the next column


def test_the_walk_finds_a_button_row_out_of_order(qtbot) -> None:
    from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout

    dialog = QWidget()
    qtbot.addWidget(dialog)
    field = QLineEdit()
    clear, save = QPushButton("Leegmaken"), QPushButton("Bewaren")
    row = QHBoxLayout()
    row.addWidget(clear)
    row.addWidget(save)
    layout = QVBoxLayout(dialog)
    layout.addWidget(field)
    layout.addLayout(row)
    QWidget.setTabOrder(field, save)  # Save before Clear, though Clear is left of it
    QWidget.setTabOrder(save, clear)
    show_active(qtbot, dialog)
    walk = tab_walk(dialog, field)
    assert [w.text() if isinstance(w, QPushButton) else "field" for w in walk.cycle] == ["field", "Bewaren",
                                                                                          "Leegmaken"]
    assert any("Bewaren" in p and "Leegmaken" in p for p in walk.problems)


def _walk_page(qtbot, store: Store, key: str) -> Walk:
    from brugapp.ui.shell.main_window import MainWindow

    window = MainWindow(store, auto_lock_minutes=0)
    window.remembers_state = False
    qtbot.addWidget(window)
    window.resize(1366, 768)
    show_active(qtbot, window)
    page = window.show_section(key)
    if key == "families":
        page.open_family(page.proxy.index(0, 0).data(ID_ROLE))
    settle(QApplication.instance())  # figures and lists that load in the background are on screen
    first = window.findChild(QWidget, "SearchField") or window.focusWidget() or page
    return tab_walk(window, first)


SECTIONS = ["today", "families", "kaart", "referrals", "followups", "meetings", "reports"]


@pytest.mark.parametrize("key", SECTIONS)
def test_tab_walks_each_page_in_reading_order(qtbot, demo_store: Store, key: str) -> None:
    walk = _walk_page(qtbot, demo_store, key)
    assert len(walk.cycle) >= 5, walk.order()  # the toolbar, the sidebar and the page's own controls
    assert walk.problems == [], "\n".join([*walk.problems, "order: " + walk.order()])


def _dialogs() -> dict[str, Callable[[Store], QWidget]]:
    from brugapp.ui.families.dialogs import FamilyDialog
    from brugapp.ui.families.quick_log import QuickLogDialog
    from brugapp.ui.followups.page import NewFollowUpDialog
    from brugapp.ui.referrals.dialogs import NewReferralDialog
    from brugapp.ui.shell.settings_dialog import SettingsDialog

    return {
        "quick log": QuickLogDialog,
        "family": FamilyDialog,
        "referral": NewReferralDialog,
        "follow-up": NewFollowUpDialog,
        "settings": lambda store: SettingsDialog(store=store),
    }


@pytest.mark.parametrize("name", ["quick log", "family", "referral", "follow-up", "settings"])
def test_tab_walks_each_main_dialog_in_reading_order(qtbot, demo_store: Store, name: str) -> None:
    dialog = _dialogs()[name](demo_store)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    opened_on = dialog.focusWidget()
    walk = tab_walk(dialog, opened_on or dialog.nextInFocusChain())
    assert len(walk.cycle) >= 3, walk.order()
    assert walk.problems == [], "\n".join([*walk.problems, "order: " + walk.order()])
    # the dialog opens on its first field (top left), not on a button: typing goes where a person expects
    top_left = min(walk.cycle, key=lambda w: (_rect(w, dialog).top() // 20, _rect(w, dialog).left()))
    assert opened_on is top_left, f"opens on {_name(opened_on) if opened_on else 'nothing'}, not {_name(top_left)}"
    dialog.hide()  # not closed: a close keeps the quick log's draft


@pytest.mark.parametrize("page_id", range(6))
def test_tab_walks_each_page_of_the_first_run_wizard(qtbot, tmp_path: Path, page_id: int) -> None:
    from brugapp.ui.first_run import FirstRunWizard

    wizard = FirstRunWizard(tmp_path / "brugapp.db")
    wizard.setStartId(page_id)
    qtbot.addWidget(wizard)
    show_active(qtbot, wizard)
    walk = tab_walk(wizard, wizard.focusWidget() or wizard.nextInFocusChain())
    assert len(walk.cycle) >= 2, walk.order()  # a field or choice and the wizard's buttons
    assert walk.problems == [], "\n".join([*walk.problems, "order: " + walk.order()])
