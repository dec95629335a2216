"""The sidebar sections, in the order the user sees them.

A page is a ``SectionPage`` subclass built with ``(store, parent)``; ``refresh()`` runs each time the page is
shown, so it always reflects what other pages changed. Pages are imported on first visit (start-up time),
through one small typed loader each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtWidgets import QWidget

from brugapp.i18n import N_
from brugapp.store import Store
from brugapp.ui.shell.section_page import SectionPage

PageLoader = Callable[[], type[SectionPage]]

# Each loader imports its page on first visit, not at start-up: start-up time.


def _today() -> type[SectionPage]:
    from brugapp.ui.today.page import TodayPage  # start-up time

    return TodayPage


def _families() -> type[SectionPage]:
    from brugapp.ui.families.page import FamiliesPage  # start-up time

    return FamiliesPage


def _kaart() -> type[SectionPage]:
    from brugapp.ui.kaart.page import KaartPage  # start-up time

    return KaartPage


def _referrals() -> type[SectionPage]:
    from brugapp.ui.referrals.page import ReferralsPage  # start-up time

    return ReferralsPage


def _followups() -> type[SectionPage]:
    from brugapp.ui.followups.page import FollowUpsPage  # start-up time

    return FollowUpsPage


def _meetings() -> type[SectionPage]:
    from brugapp.ui.meetings.page import MeetingsPage  # start-up time

    return MeetingsPage


def _reports() -> type[SectionPage]:
    from brugapp.ui.reports.page import ReportsPage  # start-up time

    return ReportsPage


class SectionSpec(NamedTuple):  # not a frozen dataclass: made in a fifth of the time (start-up)
    key: str
    title: str  # N_-marked; translate when shown
    icon: str
    page: PageLoader


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("today", N_("Today"), "today", _today),
    SectionSpec("families", N_("Families"), "families", _families),
    SectionSpec("kaart", N_("Social map"), "map", _kaart),
    SectionSpec("referrals", N_("Referrals"), "referral", _referrals),
    SectionSpec("followups", N_("Follow-up"), "followup", _followups),
    SectionSpec("meetings", N_("Meetings"), "meeting", _meetings),
    SectionSpec("reports", N_("Reporting"), "report", _reports),
)


def build_page(spec: SectionSpec, store: Store, parent: QWidget | None = None) -> SectionPage:
    return spec.page()(store, parent)
