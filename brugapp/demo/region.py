"""The fictional demo region: loaded from ``resources/demo`` into a new store.

Each capability adds a loader to ``DEMO_LOADERS`` ("module:function"); loaders run in order in one
transaction and share a ``DemoContext`` to look up what earlier loaders made. Dates in the demo
files are day offsets from today, so *Vandaag* always has something to show.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from brugapp.paths import DEMO_DATA
from brugapp.store import Store, open_store

DEMO_LOADERS: tuple[str, ...] = (
    "brugapp.demo.foundation:load_schools",
    "brugapp.demo.foundation:load_families",
    "brugapp.demo.kaart:load_kaart",
    "brugapp.demo.notebook:load_notebook",
    "brugapp.demo.meetings:load_meetings",
    "brugapp.demo.referrals:load_care",
    "brugapp.demo.reporting:load_signals",
    "brugapp.demo.situations:load_situations",
)


@dataclass
class DemoContext:
    today: dt.date
    data_dir: Path = DEMO_DATA
    # Records made so far, by kind and by the key the demo files use for them.
    refs: dict[str, dict[str, Any]] = field(default_factory=dict)

    def read_json(self, name: str) -> Any:
        return json.loads((self.data_dir / name).read_text(encoding="utf-8"))

    def remember(self, kind: str, key: str, record: Any) -> None:
        self.refs.setdefault(kind, {})[key] = record

    def ref(self, kind: str, key: str) -> Any:
        return self.refs[kind][key]

    def day(self, offset: int) -> dt.date:
        return self.today + dt.timedelta(days=offset)

    def moment(self, offset: int, hour: int = 9, minute: int = 0) -> dt.datetime:
        local = dt.datetime.combine(self.day(offset), dt.time(hour, minute))
        return local.astimezone(dt.UTC)


def fill_demo(store: Store, *, today: dt.date | None = None) -> None:
    context = DemoContext(today=today or dt.date.today())
    with store.session() as session:
        for spec in DEMO_LOADERS:
            module_name, function_name = spec.split(":")
            loader = getattr(importlib.import_module(module_name), function_name)
            loader(session, context)
            session.flush()


def create_demo_store(path: Path, *, passphrase: str | None, today: dt.date | None = None) -> Store:
    """A new store at ``path`` with the demo region; refuses to touch an existing file."""
    from brugapp.i18n import _
    from brugapp.store import StoreError

    if path.exists():
        raise StoreError(_("{path} already exists; the demo is only written into a new file.").format(path=path))
    store = open_store(path, passphrase=passphrase, create=True)
    fill_demo(store, today=today)
    return store


def add_all(session: Session, records: list[Any]) -> None:
    session.add_all(records)
