"""The Help menu: the user guide (shipped with the app, read offline) and an overview of every shortcut."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QTextBrowser, QVBoxLayout

from brugapp.i18n import N_, _, language
from brugapp.paths import USER_GUIDE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# Keys that live inside one dialog or field, so no window action carries them.
QUICK_LOG_KEYS = (
    ("Ctrl+N", N_("Quick log, from anywhere")),
    ("Enter", N_("Quick log: save, from any field")),
    ("Shift+Enter", N_("Quick log: a new line in the note")),
    (N_("letter"), N_("Quick log, theme row: choose or remove that theme")),
    (N_("digit"), N_("Quick log, theme row: choose a sub-theme of the last theme")),
    (N_("Alt+letter"), N_("Quick log: choose a theme from any field")),
    ("Esc", N_("Close a dialog; the quick log keeps its draft")),
)


class UserGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("User guide"))
        self.resize(900, 640)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(_("User guide"))
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)  # BrugApp never opens a network connection
        self.browser.setSearchPaths([str(USER_GUIDE.parent)])  # the guide's screenshots, from disk
        if USER_GUIDE.exists():
            self.browser.setMarkdown(USER_GUIDE.read_text(encoding="utf-8"))
        else:
            self.browser.setPlainText(_("The user guide was not installed with this copy of BrugApp."))
        layout = QVBoxLayout(self)
        if language() != "nl":
            note = QLabel(_("The user guide is in Dutch."))
            note.setObjectName("Hint")
            layout.addWidget(note)
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """Every shortcut of the window's actions (native text, as the menus show it), then the quick log's keys."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for action in window.findChildren(QAction):
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
        what = action.text().replace("&", "")
        if keys and what and (keys, what) not in seen:
            seen.add(keys)
            rows.append((keys, what))
    rows.sort(key=lambda row: row[0])
    rows += [(_(keys), _(what)) for keys, what in QUICK_LOG_KEYS if keys not in seen]
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.resize(760, 600)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([_("Keys"), _("What it does")])
        for keys, what in shortcut_rows(window):
            items = [QStandardItem(keys), QStandardItem(what)]
            items[1].setToolTip(what)  # the whole text if the column is narrower than it
            self.model.appendRow(items)
        view = QTableView()
        view.setModel(self.model)
        view.setAccessibleName(_("Keyboard shortcuts"))
        view.verticalHeader().hide()
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
