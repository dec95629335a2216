"""The main window: sidebar of sections, global search, status bar, lock."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from brugapp import __version__
from brugapp.i18n import _
from brugapp.paths import user_config_dir
from brugapp.store import Store
from brugapp.ui.accessibility import name_line_edit_buttons
from brugapp.ui.icons import icon
from brugapp.ui.none_guard import reserve_singleton_references
from brugapp.ui.shell.actions import make_action
from brugapp.ui.shell.global_actions import GLOBAL_ACTIONS
from brugapp.ui.shell.help_menu import help_actions
from brugapp.ui.shell.section_page import SectionPage
from brugapp.ui.shell.sections import SECTIONS, build_page
from brugapp.ui.style import SIDEBAR_TEXT
from brugapp.ui.widgets.roles import ID_ROLE

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QCloseEvent, QWindow

    from brugapp.services.search import SearchResult
    from brugapp.ui.families.quick_log import QuickLogDialog
    from brugapp.ui.operations import Operation
    from brugapp.ui.shell.lock_screen import LockScreen
    from brugapp.ui.shell.search_popup import SearchPopup


# Which section opens a search hit of each kind.
SECTION_OF_KIND = {
    "family": "families", "member": "families", "contact": "families", "school": "families",
    "school_contact": "families", "organization": "kaart", "service": "kaart",
    "referral": "referrals", "meeting": "meetings",
}

WARM_UP_DELAY_MS = 250  # between two page modules imported in the background after start-up
ACTIVITY_WATCH_DELAY_MS = 50  # the auto-lock watches input from just after the first page is shown (see __init__)


@cache
def _input_events() -> frozenset[int]:
    """The events that count as use for the auto-lock; PySide6 builds the Python type of ``QEvent`` (and its
    enum of ~170 event kinds, ~4 ms) only when an event filter first needs it, after the first page is shown."""
    from PySide6.QtCore import QEvent  # start-up time (see above)

    return frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel})


def _import_search_popup() -> None:
    import brugapp.ui.shell.search_popup  # noqa: F401  (warmed after start-up: the first keystroke builds it)


def app_settings() -> QSettings:
    """Window state only; everything else is in brugapp.settings."""
    return QSettings(str(user_config_dir() / "window.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    locked = Signal()
    # The self-test draws a window of its own: it must not overwrite where the user left theirs.
    remembers_state = True

    def __init__(self, store: Store, *, demo: bool = False, auto_lock_minutes: int = 10) -> None:
        super().__init__()
        self.store = store
        self.operation: Operation[Path | None] | None = None  # the backup running now, if any
        self.demo = demo
        self.setWindowTitle(_("BrugApp – demo (fictional data)") if demo else "BrugApp")
        self.setMinimumSize(QSize(1000, 640))
        self._pages: dict[str, SectionPage] = {}
        self._first_page_filled = False
        self._after_first_fill: list[Callable[[], None]] = []
        self._pages_to_warm: list[Callable[[], object]] = []  # page loaders, and the search popup's module
        self._quick_log_dialog: QuickLogDialog | None = None
        self._menu_extras: dict[str, list[QAction]] = {}  # capabilities' menu items, placed when menus are built

        self.root = QStackedWidget()
        self.setCentralWidget(self.root)
        self.workspace = QWidget()
        self.root.addWidget(self.workspace)
        self._lock_screen: LockScreen | None = None  # built when first locked (start-up time)

        outer = QHBoxLayout(self.workspace)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_sidebar())
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self._build_top_bar())
        self.stack = QStackedWidget()
        right.addWidget(self.stack, 1)
        outer.addLayout(right, 1)
        self._search_popup: SearchPopup | None = None  # built when the search field is first typed in
        self.search_field.textChanged.connect(self._search_typed)

        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.timeout.connect(self.lock)
        self.set_auto_lock_minutes(auto_lock_minutes)
        # Activity (for the auto-lock) is watched from just after the first page is shown: the first private Qt
        # object a Python event filter is handed (a window's is one) makes PySide6 build the Python enums of every
        # Qt class (~170 of them, tens of ms), which the window need not wait for (start-up time)
        self.when_first_page_filled(lambda: QTimer.singleShot(ACTIVITY_WATCH_DELAY_MS, self._watch_activity))
        self._restore_state()

    # -- building -------------------------------------------------------------------------
    def _build_sidebar(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("SidebarPanel")
        panel.setFixedWidth(218)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        brand = QLabel("BrugApp")
        brand.setObjectName("Brand")
        sub = QLabel(_("school · family · welfare"))
        sub.setObjectName("BrandSub")
        layout.addWidget(brand)
        layout.addWidget(sub)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("Sidebar")
        self.sidebar.setAccessibleName(_("Sections"))
        self.sidebar.setIconSize(QSize(20, 20))
        for spec in SECTIONS:
            # Made with its list as parent: addItem(item) drops a reference to None in PySide6 6.12 (Python 3.11).
            item = QListWidgetItem(icon(spec.icon, SIDEBAR_TEXT), _(spec.title), self.sidebar)
            item.setData(ID_ROLE, spec.key)
        self.sidebar.currentRowChanged.connect(self._show_row)
        layout.addWidget(self.sidebar, 1)
        if self.demo:
            footer_text = _("Demo – fictional data")
        elif self.store.info.encrypted:
            footer_text = _("Encrypted on this computer")
        else:
            footer_text = _("Not encrypted")
        footer = QLabel(footer_text)
        footer.setObjectName("BrandSub")
        footer.setWordWrap(True)
        layout.addWidget(footer)
        return panel

    def _build_top_bar(self) -> QWidget:
        bar = QFrame()  # a frame draws its style sheet's background (a plain QWidget needs a Qt attribute)
        bar.setObjectName("TopBar")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(20, 10, 16, 10)
        self.search_field = QLineEdit()
        self.search_field.setObjectName("GlobalSearch")
        self.search_field.setPlaceholderText(_("Search families, notes, schools, services …  (Ctrl+K)"))
        self.search_field.setAccessibleName(_("Search everywhere"))
        self.search_field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.setClearButtonEnabled(True)
        name_line_edit_buttons(self.search_field)
        layout.addWidget(self.search_field, 1)
        layout.addStretch(0)
        self.toolbar_area = QHBoxLayout()
        self.toolbar_area.setSpacing(6)
        layout.addLayout(self.toolbar_area)
        return bar

    def add_toolbar_action(self, action: QAction) -> QToolButton:
        """Capabilities put their global actions (quick log …) in the top bar with this."""
        button = QToolButton()
        button.setDefaultAction(action)
        # its text beside its icon: set by the style sheet (#TopBar QToolButton), no Qt enum (ui/widgets/centred.py)
        button.setAutoRaise(True)
        button.setAccessibleName(action.text().replace("&", ""))
        self.toolbar_area.addWidget(button)
        return button

    def _build_actions(self) -> None:
        self.search_action = make_action(
            self, _("Search everywhere"), self.focus_search, shortcuts=("Ctrl+K",), icon_name="search",
        )
        self.find_action = make_action(
            self, _("Find on this page"), self.find_on_page, shortcuts=(QKeySequence.StandardKey.Find,),
        )
        self.lock_action = make_action(self, _("&Lock"), self.lock, shortcuts=("Ctrl+L",), icon_name="lock")
        self.quit_action = make_action(self, _("&Quit"), self.close, shortcuts=(QKeySequence.StandardKey.Quit,))
        self.about_action = make_action(self, _("&About BrugApp"), self.show_about)
        self.backup_action = make_action(self, _("Make a &backup now"), self.backup_now)
        self.my_details_action = make_action(self, _("My &details and locking …"), self.edit_my_details)
        self.section_actions: list[QAction] = []
        for number, spec in enumerate(SECTIONS, start=1):
            action = make_action(
                self, _(spec.title), lambda key=spec.key: self.show_section(key), shortcuts=(f"Ctrl+{number}",),
            )
            self.section_actions.append(action)
        # Icons only a menu shows are drawn when a menu first opens (start-up time: 8 of the window's 19 icons)
        self._menu_icons: list[tuple[QAction, str]] = [
            (self.about_action, "info"),
            *((action, spec.icon) for action, spec in zip(self.section_actions, SECTIONS, strict=True)),
        ]
        self.global_actions: list[QAction] = [install(self) for install in GLOBAL_ACTIONS]
        self.add_toolbar_action(self.lock_action)

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(_("&File"))
        file_menu.addAction(self.backup_action)
        file_menu.addAction(make_action(self, _("&Audit trail …"), self.show_audit_trail))
        file_menu.addActions(self._menu_extras.get("file", []))
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.file_menu = file_menu
        view_menu = menu_bar.addMenu(_("&View"))
        view_menu.addAction(self.search_action)
        view_menu.addAction(self.find_action)
        view_menu.addSeparator()
        for action in self.section_actions:
            view_menu.addAction(action)
        settings_menu = menu_bar.addMenu(_("&Settings"))
        language_menu = settings_menu.addMenu(_("&Language"))
        for code, name in (("nl", "Nederlands"), ("en", "English")):
            action = language_menu.addAction(name)
            action.triggered.connect(lambda _checked=False, c=code: self.language_requested.emit(c))
        settings_menu.addAction(self.my_details_action)
        settings_menu.addAction(make_action(self, _("Change &passphrase …"), self.change_passphrase))
        help_menu = menu_bar.addMenu(_("&Help"))
        for action in help_actions(self):
            help_menu.addAction(action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        for menu in (view_menu, help_menu):
            menu.aboutToShow.connect(self._give_menu_icons)

    def _give_menu_icons(self) -> None:
        for action, name in self._menu_icons:
            action.setIcon(icon(name))
        self._menu_icons = []

    def _build_status_bar(self) -> None:
        if self.demo:
            where = _("Demo store with fictional data – nothing here is real")
        elif self.store.info.encrypted:
            where = _("Encrypted store: {path}").format(path=self.store.info.location)
        else:
            where = _("Store: {path}").format(path=self.store.info.location)
        self.statusBar().showMessage(where)
        version = QLabel(f"BrugApp {__version__}")
        self.statusBar().addPermanentWidget(version)

    # -- what pages may ask (WindowHost) ------------------------------------------------------
    def add_menu_action(self, menu: str, action: QAction) -> None:
        """A capability's item in one of the window's menus ("file"); menus are built after the actions."""
        self._menu_extras.setdefault(menu, []).append(action)

    def show_status(self, text: str, msecs: int = 8000) -> None:
        self.statusBar().showMessage(text, msecs)

    def open_quick_log(self, *, family_id: str = "") -> QuickLogDialog | None:
        """Open the quick log over the window (or raise the one already open); saving refreshes the page."""
        if self.is_locked():
            return None
        current = self._quick_log_dialog
        if current is not None and isValid(current) and current.isVisible():
            current.raise_()
            current.activateWindow()
            return current
        from PySide6.QtCore import Qt  # start-up time: not while the first page is built (ui/widgets/centred.py)

        from brugapp.ui.families.quick_log import QuickLogDialog, saved_message  # start-up time: on first use

        dialog = QuickLogDialog(self.store, self, family_id=family_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda contact: self._after_quick_log(saved_message(contact)))
        self._quick_log_dialog = dialog
        dialog.open()
        return dialog

    def _after_quick_log(self, message: str) -> None:
        self.show_status(message)
        current = self.stack.currentWidget()
        if isinstance(current, SectionPage):
            QTimer.singleShot(0, current.refresh)  # after the dialog has closed: the save itself is done

    # -- sections -------------------------------------------------------------------------
    def section_keys(self) -> list[str]:
        return [spec.key for spec in SECTIONS]

    def page(self, key: str) -> SectionPage:
        """Pages are built on first use, so start-up stays fast."""
        if key not in self._pages:
            if key != SECTIONS[0].key:
                # Built within the first second (a keyboard user, the page last shown), any page but Vandaag can
                # lose more references to None than None has (Rapportage on 10,000 families: >25,000): the reserve
                # is made before it, not a second after the start (ui/none_guard.py)
                reserve_singleton_references()
            spec = next(s for s in SECTIONS if s.key == key)
            page = build_page(spec, self.store, self.stack)
            page.attach(self)
            self._pages[key] = page
            self.stack.addWidget(page)
        return self._pages[key]

    def show_section(self, key: str) -> SectionPage:
        row = self.section_keys().index(key)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)  # calls _show_row
        else:
            self._show_row(row)
        return self._pages[key]

    def current_section(self) -> str:
        row = self.sidebar.currentRow()
        return self.section_keys()[row] if row >= 0 else SECTIONS[0].key

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = SECTIONS[row].key
        just_built = key not in self._pages
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        if not (just_built and getattr(page, "fills_itself", False)):  # a page filled when built is not refilled
            page.refresh()
        self._page_filled()

    def when_first_page_filled(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the window is shown with its first page filled (``brugapp bench`` start-up)."""
        if self._first_page_filled:
            QTimer.singleShot(0, callback)  # after the events that show the window
        else:
            self._after_first_fill.append(callback)

    def _page_filled(self) -> None:
        if not self._first_page_filled:
            self._first_page_filled = True
            for callback in self._after_first_fill:
                QTimer.singleShot(0, callback)
            self._after_first_fill.clear()

    def import_pages_when_idle(self) -> None:
        """After the first page is shown, import the other pages' modules one by one (the app calls this; a
        window built in a test does not)."""
        self._pages_to_warm = [_import_search_popup, *(spec.page for spec in SECTIONS if spec.key not in self._pages)]
        self.when_first_page_filled(lambda: QTimer.singleShot(WARM_UP_DELAY_MS, self._import_next_page_module))

    def _import_next_page_module(self) -> None:
        """Import the other pages' modules one by one while the user reads Vandaag, so a first visit builds the
        page without first importing it (reportlab behind Doorverwijzingen alone took 0.15 s)."""
        if self._pages_to_warm:
            self._pages_to_warm.pop(0)()  # the loader imports the page's module (a no-op once imported)
            QTimer.singleShot(WARM_UP_DELAY_MS, self._import_next_page_module)

    def open_search_result(self, result: SearchResult) -> None:
        page = self.show_section(SECTION_OF_KIND.get(result.kind, "families"))
        opener = getattr(page, "show_record", None)
        if opener is not None:
            opener(result.kind, result.id, result.family_id)

    def find_on_page(self) -> None:
        """Ctrl+F searches within the page when it has its own search field (and shows it), else everywhere."""
        page_search = getattr(self.stack.currentWidget(), "focus_search", None)
        if page_search is None or not page_search():
            self.focus_search()

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    # -- lock -----------------------------------------------------------------------------
    def set_auto_lock_minutes(self, minutes: int) -> None:
        self._auto_lock_ms = max(0, minutes) * 60_000
        if self._auto_lock_ms:
            self._idle_timer.start(self._auto_lock_ms)
        else:
            self._idle_timer.stop()

    def _watch_activity(self) -> None:
        """Input to any BrugApp window restarts the idle clock. Watched on the windows themselves (each gets its
        keys and mouse before its widgets do), not application-wide: a filter there is handed every event of every
        widget, which cost page building a tenth of its time."""
        if not isValid(self):  # a window closed at once (a test, a language switch) is gone by now
            return
        app = QApplication.instance()
        app.focusWindowChanged.connect(self._watch_window)  # a dialog or menu, as it comes to the front
        self._watch_window(self.windowHandle())
        self._watch_window(app.focusWindow())

    def _watch_window(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # installing it again on the same window changes nothing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _input_events() and self._auto_lock_ms and not self.is_locked():
            self._idle_timer.start(self._auto_lock_ms)
        return False

    @property
    def search_popup(self) -> SearchPopup:
        """The results under the search field, built the first time they are needed (start-up time: its module,
        model and list are not part of the first screen)."""
        if self._search_popup is None:
            from brugapp.ui.shell.search_popup import SearchPopup  # start-up time (see above)

            self._search_popup = SearchPopup(self.store, self.search_field, self.workspace)
            self._search_popup.result_chosen.connect(self.open_search_result)
        return self._search_popup

    def _search_typed(self, _text: str) -> None:
        if self._search_popup is None:  # the first keystroke: the popup follows the field from now on
            self.search_popup.search_soon()

    @property
    def lock_screen(self) -> LockScreen:
        """The screen that covers the window while locked, built the first time it is needed."""
        if self._lock_screen is None:
            from brugapp.ui.shell.lock_screen import LockScreen  # start-up time: not before the first lock

            self._lock_screen = LockScreen(self.store)
            self._lock_screen.unlocked.connect(self.unlock)
            self.root.addWidget(self._lock_screen)
        return self._lock_screen

    def is_locked(self) -> bool:
        return self._lock_screen is not None and self.root.currentWidget() is self._lock_screen

    def lock(self) -> None:
        """Cover all data; open editors keep their drafts (they listen to ``locked``)."""
        if self.is_locked():
            return
        self.locked.emit()
        if self._search_popup is not None:
            self._search_popup.hide()
        self.search_field.clear()
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible() and widget.isWindow():
                widget.hide()
                self._hidden_while_locked = [*getattr(self, "_hidden_while_locked", []), widget]
        self.root.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        self.lock_screen.prepare()

    def unlock(self) -> None:
        self.root.setCurrentWidget(self.workspace)
        self.menuBar().setEnabled(True)
        for widget in getattr(self, "_hidden_while_locked", []):
            widget.show()
        self._hidden_while_locked = []
        if self._auto_lock_ms:
            self._idle_timer.start(self._auto_lock_ms)

    # -- misc -----------------------------------------------------------------------------
    def show_about(self) -> None:
        from brugapp.ui.shell.about import AboutDialog  # start-up time: on first use

        AboutDialog(self).exec()

    def show_audit_trail(self) -> None:
        # start-up time: imported only when this runs, so the window opens without it
        from brugapp.ui.shell.audit_dialog import open_audit_dialog

        open_audit_dialog(self, self.store)

    def change_passphrase(self) -> None:
        # start-up time: imported only when this runs, so the window opens without it
        from brugapp.ui.shell.passphrase_dialog import open_passphrase_dialog

        open_passphrase_dialog(self, self.store)

    def edit_my_details(self) -> None:
        # start-up time: imported only when this runs, so the window opens without it
        from brugapp.ui.shell.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self, store=self.store)
        if dialog.exec():
            self.set_auto_lock_minutes(dialog.settings.auto_lock_minutes)
            self.statusBar().showMessage(_("Your details are saved."), 6000)

    def backup_now(self) -> Operation[Path | None]:
        """Copy the store off the GUI thread; returns the running operation."""
        from PySide6.QtWidgets import QMessageBox  # start-up time: imported only when this runs

        from brugapp.services.backups import backup_store  # start-up time (as above)
        from brugapp.ui.operations import run_operation  # start-up time (as above)

        store = self.store

        def on_done(target: Path | None) -> None:
            if target is None:
                QMessageBox.information(self, _("Backup"), _("This store is not a file; ask your administrator."))
            else:
                self.statusBar().showMessage(_("Backup made: {name}").format(name=target.name), 8000)

        self.operation = run_operation(self, label=_("Making a backup …"),
                                       work=lambda: backup_store(store, reason="manual"), on_done=on_done)
        return self.operation

    def _restore_state(self) -> None:
        settings = app_settings()
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1366, 768)
        last = settings.value("main/section", SECTIONS[0].key)
        self.show_section(last if last in self.section_keys() else SECTIONS[0].key)

    def save_state(self) -> None:
        if not self.remembers_state:
            return
        settings = app_settings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/section", self.current_section())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        QApplication.instance().removeEventFilter(self)
        super().closeEvent(event)
