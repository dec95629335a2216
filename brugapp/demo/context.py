"""What demo loaders share: today, the demo files, and the records earlier loaders made."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brugapp.domain.clock import from_local
from brugapp.paths import DEMO_DATA


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
        return from_local(local)
