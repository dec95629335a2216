"""*Vandaag*: what needs you today, as cards. Other capabilities add their panel class to ``TODAY_PANELS``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QGridLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brugapp.domain.clock import today_local
from brugapp.i18n import _, format_date
from brugapp.store import Store
from brugapp.ui.shell.section_page import SectionPage
from brugapp.ui.today.followups_panel import FollowUpsTodayPanel
from brugapp.ui.today.panels import ContactsTodayPanel, PromisedFollowUpsPanel, TodayPanel
from brugapp.ui.widgets.empty_state import EmptyState
from brugapp.ui.widgets.freshness import ListFreshness

if TYPE_CHECKING:
    from PySide6.QtGui import QHideEvent  # its type is made when the first hide event comes (start-up time)

TODAY_PANELS: tuple[type[TodayPanel], ...] = (PromisedFollowUpsPanel, FollowUpsTodayPanel, ContactsTodayPanel)


class TodayPage(SectionPage):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.log_button = QPushButton(_("Quick log (Ctrl+N)"))
        self.log_button.setObjectName("Primary")
        self.log_button.setAccessibleName(_("Quick log"))
        self.log_button.clicked.connect(self._quick_log)
        top = QVBoxLayout()  # the button at the top of the header: a stretch below it, not Qt's alignment flag
        top.addWidget(self.log_button)  # (start-up time, ui/widgets/centred.py)
        top.addStretch(1)
        self.header.addLayout(top)
        grid = QGridLayout()
        grid.setSpacing(14)
        self.panels: list[TodayPanel] = []
        for number, panel_class in enumerate(TODAY_PANELS):
            panel = panel_class(store, self)
            panel.open_record.connect(self._open_record)
            self.panels.append(panel)
            last_alone = number == len(TODAY_PANELS) - 1 and number % 2 == 0
            # an odd last card takes the whole row instead of leaving half the page empty
            grid.addWidget(panel, number // 2, number % 2, 1, 2 if last_alone else 1)
        self.all_clear = EmptyState(
            icon_name="today", title=_("A calm day so far"),
            text=_("No promises due and nothing logged yet. Log the first conversation with Ctrl+N."))
        self.body.addWidget(self.all_clear)
        self.body.addLayout(grid, 1)
        self._freshness = ListFreshness(store)  # the store's version and the day the cards were read at
        self._left = False  # another page was shown since the last refresh

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():  # another page was chosen (not the window minimised)
            self._left = True

    def refresh(self) -> None:
        """Read the cards again. Coming back to Vandaag with nothing written since and on the same day, the
        cards on screen are still right: they stay (showing the page cost as much as reading it again)."""
        current = not self._freshness.stale()  # taken before the cards: a write while they are read counts
        returning, self._left = self._left, False
        if returning and current:
            return
        self.set_titles(_("Today"), format_date(today_local(), "full_day"))
        for panel in self.panels:
            panel.refresh()
        calm = all(not p.list.count() for p in self.panels)
        self.all_clear.setVisible(calm)
        for panel in self.panels:
            panel.setVisible(not calm)

    def _quick_log(self) -> None:
        if self.host is not None:
            self.host.open_quick_log()

    def _open_record(self, contact_id: str, family_id: str) -> None:
        if self.host is not None and contact_id:
            page = self.host.show_section("families")
            page.show_record("contact", contact_id, family_id)
            self.refresh()
