"""Vandaag's card of the follow-ups due today and those overdue, with a Done button (the Opvolging page shows
the same follow-ups in full, with the same words for when and how far: ``when_text``, ``state_text``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from brugapp.domain.clock import today_local
from brugapp.domain.followups import Bucket, FollowUpStatus
from brugapp.i18n import _, format_date
from brugapp.services.referrals.followup_view import FollowUpView
from brugapp.services.today import count_followups_due, followups_due
from brugapp.store import Store
from brugapp.ui.style import DANGER
from brugapp.ui.today.panels import PagedRows, PanelRow, TodayPanel, counted_title
from brugapp.ui.widgets.roles import ID_ROLE


def when_text(view: FollowUpView) -> str:
    if view.bucket == Bucket.TODAY:
        return _("Today")
    if view.bucket == Bucket.OVERDUE:
        return _("Overdue · {date}").format(date=format_date(view.due, "EEE d MMM"))
    return format_date(view.due, "EEE d MMM")


def state_text(view: FollowUpView) -> str:
    if view.status == FollowUpStatus.NO_ANSWER:
        return _("No answer ({count}×)").format(count=view.attempts)
    return _("Planned")


def _panel_row(view: FollowUpView) -> PanelRow:
    who = view.family_name or ""
    return PanelRow(" – ".join(p for p in (view.title, who) if p) + f"\n{when_text(view)} · {state_text(view)}",
                    view.id, view.family_id, DANGER if view.bucket == Bucket.OVERDUE else "")


class FollowUpsTodayPanel(TodayPanel):
    """Vandaag: the follow-ups due today and those overdue, with a Done button."""

    open_family = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(_("To follow up today"),
                         _("No follow-ups due today. Referrals get a check date a week later; it shows up here."),
                         parent)
        self.store = store
        self.done_button = self.add_done_button(self.mark_done)

    def refresh(self) -> None:
        today = today_local()
        counts = count_followups_due(self.store, today=today)
        total = counts.today + counts.overdue
        self.title.setText(counted_title(_("To follow up today: {today} · overdue: {overdue}"),
                                         _("To follow up today"), counts))

        def fetch(offset: int, limit: int) -> list[PanelRow]:  # today's first, then what slipped, newest first
            return [_panel_row(view) for view in followups_due(self.store, today=today, offset=offset, limit=limit)]

        self.set_items(PagedRows(total, fetch))  # a page at a time: thousands can be overdue
        self.done_button.setVisible(bool(total))

    def mark_done(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            # start-up time: the follow-ups service (and the database layer) is imported on the first "Gedaan"
            from brugapp.services.referrals.followups import complete_followup

            complete_followup(self.store, followup_id=item.data(ID_ROLE))
            self.refresh()
