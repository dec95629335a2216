"""What every journey needs: the real main window, the keyboard, and modal dialogs driven while they run.

Widgets are found the way a user names them (the accessible name, the visible text or an object name),
not by the attribute a page happens to keep them in, so the journeys survive a page being laid out anew.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QWidget,
)

from brugapp.ui.shell.main_window import MainWindow
from tests.gui.conftest import show_active

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def main_window(qtbot, store) -> MainWindow:
    """The real main window at 1366×768, active (shortcuts reach it), leaving the user's window settings alone."""
    window = MainWindow(store, auto_lock_minutes=0)
    window.remembers_state = False
    qtbot.addWidget(window)
    window.resize(1366, 768)
    show_active(qtbot, window)
    return window


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def type_text(qtbot, text: str, into: QWidget | None = None) -> None:
    """Type character by character into the focused widget (or ``into``), as fingers do (also "ë", "–")."""
    for char in text:
        target = into or focus()
        if char.isascii():
            qtbot.keyClicks(target, char)
            continue
        # QTest only knows ASCII keys (it aborts on others): send what a keyboard layout would send
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def key(qtbot, pressed, modifier=NO_MODIFIER, into: QWidget | None = None) -> None:
    qtbot.keyClick(into or focus(), pressed, modifier)


def back_to(qtbot, window) -> None:
    """Offscreen, closing a dialog does not hand activation back to the window as a desktop does."""
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def shortcut(qtbot, window, pressed, modifier=CTRL) -> None:
    """A window shortcut (Ctrl+3, Ctrl+Shift+M …) pressed wherever the focus is."""
    back_to(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget() or window, pressed, modifier)


def search_and_open(qtbot, window, text: str, section: str) -> QWidget:
    """Ctrl+K, the words, Down to the first hit, Enter: the page that shows the record."""
    shortcut(qtbot, window, Qt.Key.Key_K)
    type_text(qtbot, text)
    qtbot.waitUntil(window.search_popup.isVisible, timeout=3000)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    page = window.page(section)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=2000)
    return page


def drive_modal(qtbot, open_it: Callable[[], object], act: Callable[[QDialog], None]) -> QDialog:
    """Open a modal dialog (``exec``) and let ``act`` use it with the keyboard; a dialog left open is rejected."""
    seen: list[QDialog] = []
    errors: list[BaseException] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or dialog in seen:
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog)
        try:
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
            act(dialog)
        except BaseException as exc:  # re-raised after the dialog's loop has ended
            errors.append(exc)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, poll)
    open_it()
    if not seen:  # a button's shortcut clicks it "animated": the dialog opens a moment later
        qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    if errors:
        raise errors[0]
    assert seen, "no dialog opened"
    return seen[0]


def cancel(qtbot) -> Callable[[QDialog], None]:
    """The ``act`` of a dialog opened and closed again with Esc."""
    return lambda dialog: key(qtbot, Qt.Key.Key_Escape)


def shortcut_modal(qtbot, window, pressed, act: Callable[[QDialog], None], modifier=CTRL) -> QDialog:
    """A shortcut that opens a modal dialog, driven by ``act``."""
    return drive_modal(qtbot, lambda: shortcut(qtbot, window, pressed, modifier), act)


def named(parent: QWidget, kind: type[QWidget], name: str) -> QWidget:
    """The one widget of ``kind`` in ``parent`` whose accessible name, text or object name is ``name``.

    A widget on a tab that is not shown counts too (``reveal`` shows its tab, as a click on the tab does).
    """
    found = [w for w in parent.findChildren(kind) if name in (
        w.accessibleName(), w.objectName(), getattr(w, "text", lambda: None)())]
    visible = [w for w in found if w.isVisibleTo(parent)]
    found = visible or found
    assert len(found) == 1, f"{len(found)} {kind.__name__} named {name!r}"
    return found[0]


def reveal(qtbot, widget: QWidget) -> QWidget:
    """Bring the tabs that hold ``widget`` to the front by keyboard: Tab to the tab bar, arrows to the tab."""
    pairs: list[tuple[QTabWidget, QWidget]] = []
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        tabs = parent.parentWidget()
        if isinstance(parent, QStackedWidget) and isinstance(tabs, QTabWidget) and tabs.indexOf(child) >= 0:
            pairs.append((tabs, child))
        child, parent = parent, parent.parentWidget()
    for tabs, page in reversed(pairs):  # the outer tabs first: an inner tab bar shows only then
        if tabs.currentWidget() is page:
            continue
        back_to(qtbot, tabs.window())
        tab_to(qtbot, tabs.tabBar())
        target = tabs.indexOf(page)
        while tabs.currentIndex() != target:
            key(qtbot, Qt.Key.Key_Right if tabs.currentIndex() < target else Qt.Key.Key_Left)
    assert widget.isVisible(), f"{widget!r} is not shown"
    return widget


def button(parent: QWidget, name: str) -> QAbstractButton:
    widget = named(parent, QAbstractButton, name)
    assert isinstance(widget, QAbstractButton)
    return widget


def tab_to(qtbot, target: QWidget, limit: int = 40) -> None:
    """Press Tab until ``target`` has the focus, as a keyboard user walks a form; fails when Tab never gets there."""
    for _step in range(limit):
        if QApplication.focusWidget() is target:
            return
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reaches {target.accessibleName() or getattr(target, 'text', str)()!r}")


def type_family(qtbot, picker: QLineEdit, text: str) -> None:
    """Tab to a family field, type the beginning of a name and Tab on, as a keyboard user does: the list of
    families under the field gives the Tab back to the field, which writes the one family's full name."""
    tab_to(qtbot, picker)
    type_text(qtbot, text, into=picker)
    popup = picker.completer().popup()
    key(qtbot, Qt.Key.Key_Tab, into=popup if popup.isVisible() else picker)


def press(qtbot, target: QAbstractButton) -> None:
    """Tab to a button and press Space: the keyboard way to a button without a shortcut."""
    back_to(qtbot, target.window())
    tab_to(qtbot, reveal(qtbot, target))
    key(qtbot, Qt.Key.Key_Space, into=target)


def pick_in_menu(qtbot, menu_button: QPushButton, containing: str) -> None:
    """Tab to a menu button, Space opens its menu; arrow down to the item that contains ``containing``, Enter."""
    menu = menu_button.menu()
    items = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    index = next(i for i, a in enumerate(items) if containing in a.text())

    def pick() -> None:
        qtbot.waitUntil(menu.isVisible, timeout=2000)
        for _step in range(index + 1):
            qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    back_to(qtbot, menu_button.window())
    tab_to(qtbot, reveal(qtbot, menu_button))
    QTimer.singleShot(0, pick)  # runs inside the menu's loop, once Space has opened it
    key(qtbot, Qt.Key.Key_Space, into=menu_button)  # the menu runs its own loop until the choice


def label_with(parent: QWidget, text: str) -> QLabel | None:
    """The shown label (a banner, a message line) whose text contains ``text``."""
    return next((w for w in parent.findChildren(QLabel) if w.isVisible() and text in w.text()), None)


def choose(qtbot, combo: QComboBox, text: str, *, then_down: int = 0) -> None:
    """Tab to a combo box and type the way a user does: it jumps to the item that starts with what is typed.

    A space opens the list (Qt's combo box), where typing goes on; Enter takes the item then.
    """
    tab_to(qtbot, combo)
    type_text(qtbot, text, into=combo)
    popup = combo.view()
    for _step in range(then_down):
        key(qtbot, Qt.Key.Key_Down, into=popup if popup.isVisible() else combo)
    if popup.isVisible():
        key(qtbot, Qt.Key.Key_Return, into=popup)
        qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2000)
    if not then_down:
        assert combo.currentText().strip().startswith(text), f"{combo.accessibleName()}: {combo.currentText()!r}"


def save_file_as(qtbot, path: Path) -> Callable[[QDialog], None]:
    """The ``act`` of the save-as dialog: the file name typed where the cursor is, then Enter."""

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog), type(dialog)
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        field.selectAll()
        type_text(qtbot, str(path), into=field)
        key(qtbot, Qt.Key.Key_Return, into=field)

    return act


def table_rows(page: QWidget, accessible_name: str) -> list[list[str]]:
    """The text of every row of the shown table with that accessible name, as the user reads it."""
    view = named(page, QTableView, accessible_name)
    model = view.model()
    return [[str(model.index(row, column).data() or "") for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)
