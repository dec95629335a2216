"""Developer logs: tracebacks and timings only. Never names, notes or query parameters.

Engines are created with ``hide_parameters=True`` so a database error cannot carry personal data
into a log line; messages logged by BrugApp itself name record kinds and ids, not content.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from brugapp.paths import user_data_dir


def configure_logging() -> None:
    folder = user_data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(folder / "brugapp.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("brugapp")
    root.setLevel(logging.INFO)
    if not root.handlers:
        root.addHandler(handler)
