"""The sidebar sections. Each capability replaces its placeholder with a real page.

A page is a ``SectionPage`` subclass built with ``(store, parent)``; ``refresh()`` runs each time the
page is shown, so it always reflects what other pages changed.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from brugapp.i18n import N_, _
from brugapp.store import Store
from brugapp.ui.widgets.empty_state import EmptyState


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
        self.body = QVBoxLayout()
        self.body.setSpacing(12)
        self._outer.addLayout(self.body, 1)

    def set_titles(self, title: str, subtitle: str = "") -> None:
        self.title_label.setText(title)
        self.subtitle_label.setText(subtitle)
        self.subtitle_label.setVisible(bool(subtitle))

    def refresh(self) -> None:
        """Reload what the page shows; pages override this."""


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str  # N_-marked; translate when shown
    icon: str
    page: str  # "module:Class" of a SectionPage, or "" for the placeholder
    empty_title: str = ""
    empty_text: str = ""


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("today", N_("Today"), "today", "brugapp.ui.today.page:TodayPage",
                N_("Nothing planned for today"),
                N_("Here you will see today's follow-ups, promised calls and the contacts you logged today.")),
    SectionSpec("families", N_("Families"), "families", "brugapp.ui.families.page:FamiliesPage",
                N_("No families yet"),
                N_("Families you work with appear here, with their members, school and the whole "
                   "timeline of contacts.")),
    SectionSpec("kaart", N_("Social map"), "map", "brugapp.ui.kaart.page:KaartPage",
                N_("The social map is still empty"),
                N_("Services in your region: what they do, how to refer, waiting times and your "
                   "fixed contact person.")),
    SectionSpec("referrals", N_("Referrals"), "referral", "brugapp.ui.referrals.page:ReferralsPage",
                N_("No referrals yet"),
                N_("Warm referrals to services, with their status, the consent they rest on and the next check.")),
    SectionSpec("followups", N_("Follow-up"), "followup", "brugapp.ui.followups.page:FollowUpsPage",
                N_("Nothing to follow up"),
                N_("Every promise and every referral gets a check date; what is due and overdue stands here.")),
    SectionSpec("meetings", N_("Meetings"), "meeting", "brugapp.ui.meetings.page:MeetingsPage",
                N_("No meetings planned"),
                N_("Case meetings, round tables and network meetings with agendas, minutes and action points.")),
    SectionSpec("reports", N_("Reporting"), "report", "brugapp.ui.reports.page:ReportsPage",
                N_("No figures yet"),
                N_("Anonymised figures per school and school year: contacts, themes, referrals and signals.")),
)


class PlaceholderPage(SectionPage):
    """What a section shows until its capability lands: a friendly word on what will come."""

    def __init__(self, store: Store, spec: SectionSpec, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.set_titles(_(spec.title))
        self.body.addWidget(EmptyState(icon_name=spec.icon, title=_(spec.empty_title), text=_(spec.empty_text)), 1)


def build_page(spec: SectionSpec, store: Store, parent: QWidget | None = None) -> SectionPage:
    if not spec.page:
        return PlaceholderPage(store, spec, parent)
    module_name, class_name = spec.page.split(":")
    page_class = getattr(importlib.import_module(module_name), class_name)
    page: SectionPage = page_class(store, parent)
    return page
