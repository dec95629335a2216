"""A friendly empty state: an icon, what this place is for, and the obvious next step."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from brugapp.ui.icons import icon
from brugapp.ui.style import ACCENT
from brugapp.ui.widgets.centred import centred


class EmptyState(QWidget):
    """Centred by stretches, its texts by the style sheet (#EmptyState QLabel): Vandaag builds one at every start,
    without Qt's alignment flags (ui/widgets/centred.py)."""

    action_clicked = Signal()

    def __init__(
        self, *, icon_name: str, title: str, text: str, action_text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("EmptyState")
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addStretch(1)
        picture = QLabel()
        picture.setPixmap(icon(icon_name, ACCENT, 64).pixmap(64, 64))
        heading = QLabel(title)
        heading.setObjectName("EmptyTitle")
        body = QLabel(text)
        body.setObjectName("EmptyText")
        body.setWordWrap(True)
        body.setMaximumWidth(520)
        layout.addWidget(picture)
        layout.addWidget(heading)
        layout.addLayout(centred(body))
        if action_text:
            button = QPushButton(action_text)
            button.setObjectName("Primary")
            button.clicked.connect(self.action_clicked)
            layout.addLayout(centred(button))
        layout.addStretch(1)
        self.setAccessibleName(title)
