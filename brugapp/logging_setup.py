"""Developer logs: tracebacks and timings only. Never names, notes or query parameters.

Engines are created with ``hide_parameters=True`` so a database error cannot carry personal data
into a log line; messages logged by BrugApp itself name record kinds and ids, not content.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from brugapp.paths import user_data_dir


def log_file() -> Path:
    """Where the developer log is written (the crash dialog tells the user)."""
    return user_data_dir() / "logs" / "brugapp.log"


def configure_logging() -> None:
    log_file().parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(log_file(), maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("brugapp")
    root.setLevel(logging.INFO)
    if not root.handlers:
        root.addHandler(handler)
