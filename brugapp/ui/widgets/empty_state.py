"""A friendly empty state: an icon, what this place is for, and the obvious next step."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from brugapp.ui.icons import icon
from brugapp.ui.style import ACCENT


class EmptyState(QWidget):
    action_clicked = Signal()

    def __init__(
        self, *, icon_name: str, title: str, text: str, action_text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.setSpacing(10)
        picture = QLabel()
        picture.setPixmap(icon(icon_name, ACCENT, 64).pixmap(64, 64))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(title)
        heading.setObjectName("EmptyTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QLabel(text)
        body.setObjectName("EmptyText")
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setMaximumWidth(520)
        layout.addWidget(picture)
        layout.addWidget(heading)
        layout.addWidget(body, 0, Qt.AlignmentFlag.AlignHCenter)
        if action_text:
            button = QPushButton(action_text)
            button.setObjectName("Primary")
            button.clicked.connect(self.action_clicked)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.setAccessibleName(title)
