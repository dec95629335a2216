"""A page that fills itself when built is filled once on its first visit, not twice (brugapp bench: Opvolging)."""

from __future__ import annotations

import datetime as dt

from brugapp.domain.clock import today_local
from brugapp.services.referrals.followups import create_followup
from brugapp.ui.followups import page as followups_page
from brugapp.ui.shell.main_window import MainWindow
from tests.factories import make_family


def test_opvolging_reads_its_follow_ups_once_on_the_first_visit_and_again_on_the_next(qtbot, store, monkeypatch):
    # GIVEN a follow-up due today and a window on Vandaag
    family = make_family(store, display_name="Gezin Peeters")
    create_followup(store, title="Mama terugbellen", due=today_local(), owner="", family_id=family)
    window = MainWindow(store, auto_lock_minutes=0)
    qtbot.addWidget(window)
    window.show_section("today")
    reads: list[dt.date | None] = []
    real = followups_page.list_followups

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        reads.append(kwargs.get("due_until"))
        return real(*args, **kwargs)

    monkeypatch.setattr(followups_page, "list_followups", counted)
    # WHEN Opvolging is opened for the first time
    page = window.show_section("followups")
    # THEN it shows the follow-up, read once
    assert len(reads) == 1 and page.model.rowCount() == 1  # type: ignore[attr-defined]
    # AND a later visit with nothing saved in between keeps what it shows, without reading again
    window.show_section("today")
    window.show_section("followups")
    assert len(reads) == 1
    # AND after a save elsewhere (another page, the quick log) the next visit reads again and shows it
    window.show_section("today")
    create_followup(store, title="Juf bellen", due=today_local(), owner="", family_id=family)
    window.show_section("followups")
    assert len(reads) == 2 and page.model.rowCount() == 2  # type: ignore[attr-defined]
