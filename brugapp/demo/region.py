"""The fictional demo region: loaded from ``resources/demo`` into a new store.

Each capability adds its loader to ``DEMO_LOADERS``; loaders run in order in one transaction and share a
``DemoContext`` to look up what earlier loaders made. Dates in the demo files are day offsets from today, so
*Vandaag* always has something to show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from brugapp.demo.context import DemoContext
from brugapp.demo.foundation import load_families, load_schools
from brugapp.demo.kaart import load_kaart
from brugapp.demo.meetings import load_meetings
from brugapp.demo.notebook import load_notebook
from brugapp.demo.referrals import load_care
from brugapp.demo.reporting import load_signals
from brugapp.demo.situations import load_situations
from brugapp.domain.clock import today_local
from brugapp.i18n import _
from brugapp.store import Store, StoreError, open_store

Loader = Callable[[Session, DemoContext], None]

DEMO_LOADERS: tuple[Loader, ...] = (
    load_schools, load_families, load_kaart, load_notebook, load_meetings, load_care, load_signals,
    load_situations,
)


def fill_demo(store: Store, *, today: dt.date | None = None) -> None:
    context = DemoContext(today=today or today_local())
    with store.session() as session:
        for loader in DEMO_LOADERS:
            loader(session, context)
            session.flush()


def create_demo_store(path: Path, *, passphrase: str | None, today: dt.date | None = None) -> Store:
    """A new store at ``path`` with the demo region; refuses to touch an existing file."""
    if path.exists():
        raise StoreError(_("{path} already exists; the demo is only written into a new file.").format(path=path))
    store = open_store(path, passphrase=passphrase, create=True)
    fill_demo(store, today=today)
    return store
