"""PySide6 6.12 on Python 3.11 loses a reference to None on addItem, setData, data() and more: list items are made
with their list as parent, and None gets a reserve once the first screen is shown (ui/none_guard.py)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from brugapp.ui.today.panels import PagedRows, PanelRow, TodayPanel
from tests.gui.first_screen_probe import first_screen_probe

UI = Path(__file__).resolve().parents[3] / "brugapp" / "ui"
ROWS = 5000


def test_a_panel_takes_thousands_of_rows_without_losing_references_to_none(qtbot) -> None:
    # GIVEN a Vandaag card with 5,000 rows (a busy programme's overdue checks)
    panel = TodayPanel("Te volgen", "Niets")
    qtbot.addWidget(panel)
    panel.resize(600, 400)
    panel.show()
    rows = PagedRows(ROWS, lambda offset, limit: [PanelRow(f"Gezin {n}\nterugbellen", f"id-{n}", f"f-{n}", "#b00")
                                                  for n in range(offset, min(offset + limit, ROWS))])
    # WHEN every page is built by scrolling to the end again and again
    panel.set_items(rows)
    bar = panel.list.verticalScrollBar()
    while panel.list.count() < ROWS:
        built = panel.list.count()
        panel.list.doItemsLayout()
        bar.setValue(bar.maximum())
        assert panel.list.count() > built
    # THEN all 5,000 items are there, in order, each opening its record
    assert panel.list.count() == ROWS and panel.list.item(ROWS - 1).text().startswith(f"Gezin {ROWS - 1}")
    with qtbot.waitSignal(panel.open_record) as opened:
        panel.list.itemActivated.emit(panel.list.item(4321))
    assert opened.args == ["id-4321", "f-4321"]


# More lost references than None has at start (~50,000 here): without the reserve this process aborts.
_LEAKY_SESSION = """
import sys, time
from PySide6.QtWidgets import QApplication, QListWidget, QListWidgetItem
from brugapp.ui.app import setup_application
app = QApplication([])
setup_application(app, "nl")
started = time.monotonic()
while time.monotonic() - started < 1.5:  # the app's first moments: its event loop turns, the reserve is made
    app.processEvents()
    time.sleep(0.01)
widget = QListWidget()
for n in range(40_000):  # three lost per turn: addItem, data(), clear()
    widget.addItem(QListWidgetItem(f"Gezin {n}"))
    widget.item(widget.count() - 1).data(256)
    if n % 5000 == 4999:
        widget.clear()
print("survived", widget.count())
"""


def test_the_app_survives_more_lost_references_to_none_than_none_has() -> None:
    result = subprocess.run([sys.executable, "-c", _LEAKY_SESSION], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr[-1000:]
    assert "survived" in result.stdout


def _items_made_then_added(tree: ast.AST) -> list[int]:
    """Lines of ``x.addItem(name)`` where ``name`` was made by ``QListWidgetItem(...)`` in the same function."""
    lines = []
    for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
        made = {target.id for node in ast.walk(function) if isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call) and getattr(node.value.func, "id", "") == "QListWidgetItem"
                for target in node.targets if isinstance(target, ast.Name)}
        lines += [node.lineno for node in ast.walk(function) if (isinstance(node, ast.Call)
                  and getattr(node.func, "attr", "") in ("addItem", "insertItem")
                  and any(isinstance(arg, ast.Name) and arg.id in made for arg in node.args))
                  or (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "addItem"
                  and any(isinstance(arg, ast.Call) and getattr(arg.func, "id", "") == "QListWidgetItem"
                          for arg in node.args))]
    return lines


def test_no_list_item_is_handed_to_add_item_anywhere_in_the_ui() -> None:
    offenders = {str(path.relative_to(UI)): lines for path in UI.rglob("*.py")
                 if (lines := _items_made_then_added(ast.parse(path.read_text(encoding="utf-8"))))}
    assert offenders == {}


_RESERVES = first_screen_probe('"ctypes" in sys.modules', """
import time
before = [sys.getrefcount(x) for x in (None, True, False)]
if sys.argv[2] == "wait":
    deadline = time.monotonic() + 10
    while sys.getrefcount(None) < 1 << 40 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
else:  # another page at once, as a keyboard user might (Ctrl+7) or the window opening on the page last shown
    window.show_section(sys.argv[2])
after = [sys.getrefcount(x) for x in (None, True, False)]
print(seen[0], *before, *after)
""")


@pytest.mark.parametrize("then", ["wait", "reports", "families"])
def test_none_true_and_false_get_their_reserve_once_the_first_screen_is_shown(tmp_path, store, then) -> None:
    """The app's own start (``AppController``) in a fresh process: Vandaag is shown before ctypes is imported
    (start-up time), and the reserve follows while the person reads it, or before another page is built if that
    comes first (Rapportage on a busy programme loses more references than None has while it is built)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRUGAPP_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", _RESERVES, str(store.path), then], capture_output=True,
                            text=True, timeout=120, env=env, check=True)
    ctypes_at_first_screen, *counts = result.stdout.split()
    before, after = [int(n) for n in counts[:3]], [int(n) for n in counts[3:]]
    assert ctypes_at_first_screen == "False"
    if sys.version_info >= (3, 12):  # immortal from 3.12: left as they are
        assert after == before
    else:
        assert all(n < 1 << 40 for n in before)  # not before the first screen (start-up time) ...
        assert all(n >= 1 << 40 for n in after)  # ... but soon after it, for all three
