"""The base of every sidebar page, and the one interface through which a page reaches the main window."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from brugapp.store import Store


class WindowHost(Protocol):
    """What pages, panels and global actions may ask of the main window (and nothing more)."""

    store: Store

    def show_section(self, key: str) -> SectionPage: ...

    def show_status(self, text: str, msecs: int = 8000) -> None: ...

    def open_quick_log(self, *, family_id: str = "") -> object: ...

    def add_toolbar_action(self, action: QAction) -> QToolButton: ...

    def add_menu_action(self, menu: str, action: QAction) -> None: ...

    def is_locked(self) -> bool: ...

    def window(self) -> QWidget: ...


class SectionPage(QWidget):
    """Base of every sidebar page: a title row and a body."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(28, 22, 28, 18)
        self._outer.setSpacing(14)
        self.header = QHBoxLayout()
        self.title_label = QLabel()
        self.title_label.setObjectName("SectionTitle")
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("SectionSubtitle")
        self.subtitle_label.setWordWrap(True)  # wraps instead of running behind the header buttons
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title_label)
        titles.addWidget(self.subtitle_label)
        self.header.addLayout(titles, 1)
        self._outer.addLayout(self.header)
        self.host: WindowHost | None = None  # set by the main window; a page alone (tests) has none
        self.body = QVBoxLayout()
        self.body.setSpacing(12)
        self._outer.addLayout(self.body, 1)

    def set_titles(self, title: str, subtitle: str = "") -> None:
        self.title_label.setText(title)
        self.subtitle_label.setText(subtitle)
        self.subtitle_label.setVisible(bool(subtitle))

    def attach(self, host: WindowHost) -> None:
        """The main window hands itself over through the small interface a page may use."""
        self.host = host

    def show_status(self, text: str, msecs: int = 8000) -> None:
        if self.host is not None:
            self.host.show_status(text, msecs)

    def show_record(self, kind: str, record_id: str, family_id: str = "") -> None:
        """Open one record (a search hit, a contact from Vandaag); pages that hold records override this."""

    def refresh(self) -> None:
        """Reload what the page shows; pages override this."""
