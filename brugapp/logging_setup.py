"""Developer logs: tracebacks and timings only. Never names, notes or query parameters.

Engines are created with ``hide_parameters=True`` so a database error cannot carry personal data
into a log line; messages logged by BrugApp itself name record kinds and ids, not content.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from brugapp.paths import user_data_dir


def log_file() -> Path:
    """Where the developer log is written (the crash dialog tells the user)."""
    return user_data_dir() / "logs" / "brugapp.log"


MAX_BYTES = 1_000_000
KEPT = 3  # brugapp.log.1 … .3


def rotate_when_large(path: Path) -> None:
    """At start: a log over ``MAX_BYTES`` becomes ``.1`` (and ``.1`` becomes ``.2`` …, the oldest goes). Turned
    over at start rather than while writing: ``logging.handlers`` alone took 7 ms of the start (start-up time)."""
    if not path.exists() or path.stat().st_size <= MAX_BYTES:
        return
    for number in range(KEPT - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{number + 1}"))
    os.replace(path, path.with_name(f"{path.name}.1"))


def configure_logging() -> None:
    log_file().parent.mkdir(parents=True, exist_ok=True)
    rotate_when_large(log_file())
    handler = logging.FileHandler(log_file(), encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("brugapp")
    root.setLevel(logging.INFO)
    if not root.handlers:
        root.addHandler(handler)
