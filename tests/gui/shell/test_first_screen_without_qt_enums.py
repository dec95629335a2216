"""The main window is shown with Vandaag filled before PySide6 creates the ``Qt`` namespace's enums (12–25 ms of
every start, ``ui/widgets/centred.py``), and what replaced those enums does what they did: the roles are Qt's,
an overdue promise is still drawn in the warning colour, the top bar's buttons still show their text, Vandaag's
lists still wrap instead of scrolling sideways. A fresh interpreter, since this one created the enums long ago."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

from PySide6.QtCore import Qt
from sqlalchemy import update

from brugapp.domain.clock import today_local
from brugapp.services.families.notebook import log_contact
from brugapp.store import Store
from brugapp.store.models.notebook import ContactMoment
from brugapp.ui.style import WARNING
from brugapp.ui.today.panels import PromisedFollowUpsPanel
from brugapp.ui.widgets import roles
from tests.factories import make_family
from tests.gui.first_screen_probe import first_screen_probe

PROBE = first_screen_probe('"Qt" in sys.modules["PySide6.QtCore"].__dict__', """
import PySide6.QtCore as core
from PySide6.QtWidgets import QToolButton
today = window.page("today")
rows = sum(panel.list.count() for panel in today.panels)
print(seen[0], rows)
buttons = window.findChild(core.QObject, "TopBar").findChildren(QToolButton)
print(sorted({button.toolButtonStyle().name for button in buttons}))
print(sorted({panel.list.horizontalScrollBarPolicy().name for panel in today.panels}))
""")


def test_roles_are_qts_own_numbers() -> None:
    assert Qt.ItemDataRole.UserRole == roles.USER_ROLE
    assert Qt.ItemDataRole.ForegroundRole == roles.FOREGROUND_ROLE
    assert Qt.ItemDataRole.UserRole + 1 == roles.ID_ROLE


def _overdue_promise(store: Store) -> None:
    family = make_family(store, display_name="Gezin Benali")
    week_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=7)
    log_contact(store, family_id=family, channel="koffiemoment", note="Nagaan of CAW belde",
                occurred_at=week_ago, follow_up_on=today_local() + dt.timedelta(days=1))
    with store.session() as session:  # the promise's day has passed (the service only takes days ahead)
        session.execute(update(ContactMoment).values(follow_up_on=today_local() - dt.timedelta(days=2)))


def test_an_overdue_promise_is_drawn_in_the_warning_colour(qtbot, store) -> None:
    _overdue_promise(store)
    panel = PromisedFollowUpsPanel(store)
    qtbot.addWidget(panel)
    panel.refresh()
    assert panel.list.count() == 1
    assert panel.list.item(0).foreground().color().name() == WARNING.lower()


def test_the_main_window_shows_vandaag_filled_without_creating_qts_enums(tmp_path, store) -> None:
    _overdue_promise(store)  # a row in the warning colour
    log_contact(store, channel="telefoon", note="Anonieme vraag over schoolkosten")  # and one logged today
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRUGAPP_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", PROBE, str(store.path)], capture_output=True, text=True,
                          timeout=120, env=env, check=True)
    created, styles, policies = done.stdout.splitlines()
    assert created.split() == ["False", "2"], done.stderr[-2000:]  # the promise, today's contact
    assert styles == "['ToolButtonTextBesideIcon']"
    assert policies == "['ScrollBarAlwaysOff']"
