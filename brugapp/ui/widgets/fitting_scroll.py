"""A scroll area (vertical only) that is never narrower than what it holds.

Beside a list in a splitter, a detail pane whose buttons need 520 px was squeezed to 510 at 1280×720 and its right
edge was cut (there is no horizontal scrollbar to reach it). Its minimum width is its content's, so the splitter
takes the room from the list instead, whose columns cut long texts with "…" and a tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QScrollArea, QWidget


class FittingScrollArea(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def hold(self, content: QWidget) -> None:
        """Scroll ``content``: best made inside ``viewport()``, so it is not moved (and styled again) here."""
        self.setWidget(content)
        content.installEventFilter(self)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        width = content.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the content's buttons or texts changed: the splitter asks again how narrow this may be
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return False
