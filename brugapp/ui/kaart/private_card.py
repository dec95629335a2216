"""The brugfiguur's own view of a service in the detail pane (Ken-je-buurt colour, experience notes): never exported
or printed.

It sits below the public facts, out of sight when the map opens on a service with a few sections of facts. Its
colour box and notes box are the pane's most expensive widgets (~10 ms of the map's first visit, ``brugapp bench``),
so the pane holds a placeholder of about the card's height and builds the card when the placeholder is first
painted (scrolled into view, or a pane tall enough to show it) or gets the keyboard focus (Tab): it is there before
anyone can see or reach it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QPaintEvent
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from brugapp.domain.kaart import COLOURS
from brugapp.i18n import _

PLACEHOLDER_HEIGHT = 260  # about the card's height, so the pane's scroll range hardly moves when it is built


class PrivateCard(QFrame):
    def __init__(self, parent: QWidget, *, colour_chosen: Callable[[], None], save: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.setAccessibleName(_("Only for you – never exported or printed"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(6)
        private = QLabel(_("Only for you – never exported or printed"), self)
        private.setObjectName("CardTitle")
        private.setWordWrap(True)
        layout.addWidget(private)
        # label above its box: side by side they would not fit the pane beside the list at 1280 px
        colour_label = QLabel(_("Neighbourhood colour:"), self)
        self.colour_box = QComboBox(self)
        self.colour_box.setAccessibleName(_("Neighbourhood colour of the organisation"))
        self.colour_box.addItem(_("no colour"), "")
        for term in COLOURS:
            self.colour_box.addItem(term.text(), term.code)
        colour_label.setBuddy(self.colour_box)
        self.colour_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.colour_box.setMinimumContentsLength(16)
        self.colour_box.activated.connect(lambda _index: colour_chosen())
        layout.addWidget(colour_label)
        layout.addWidget(self.colour_box)
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText(_("Your experience with this service (private)"))
        self.notes.setAccessibleName(_("My experience notes (private)"))
        self.notes.setMinimumHeight(90)
        self.notes.setMaximumHeight(130)  # room for a few lines; the box grows no further than that
        self.notes.setTabChangesFocus(True)
        layout.addWidget(self.notes)
        self.save_notes_button = QPushButton(_("Save notes"), self)
        self.save_notes_button.setAccessibleName(_("Save my private notes"))
        self.save_notes_button.clicked.connect(save)
        layout.addWidget(self.save_notes_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_values(self, colour: str | None, notes: str) -> None:
        """The service's colour and notes; None: no service chosen (the card is greyed out)."""
        for widget in (self.colour_box, self.notes, self.save_notes_button):
            widget.setEnabled(colour is not None)
        self.colour_box.setCurrentIndex(max(0, self.colour_box.findData(colour or "")))
        self.notes.setPlainText(notes)


class PrivateSlot(QWidget):
    """Where the card goes. ``make(parent)`` builds it; ``built(card)`` is told once it is there."""

    def __init__(self, parent: QWidget, *, make: Callable[[QWidget], PrivateCard],
                 built: Callable[[PrivateCard], None]) -> None:
        super().__init__(parent)
        self._make, self._built = make, built
        self.card: PrivateCard | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setMinimumHeight(PLACEHOLDER_HEIGHT)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it, and then the card's first box
        self.setAccessibleName(_("Only for you – never exported or printed"))

    def ensure_card(self) -> PrivateCard:
        if self.card is None:
            self.card = self._make(self)
            self._layout.addWidget(self.card)
            self.card.show()  # now: a layout counts a child of a shown widget only once it is shown itself
            self._layout.activate()  # the card's own height holds the place from now on, not the placeholder's
            self.setMinimumHeight(0)
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._built(self.card)
            # the pane's layouts take the card in now, not over the next few turns of the event loop (meanwhile
            # the card would be drawn over the facts above it)
            for _turn in range(3):
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        return self.card

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.card is None:  # in sight: built right after this paint
            QTimer.singleShot(0, self, self.ensure_card)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.ensure_card().colour_box.setFocus(event.reason())
