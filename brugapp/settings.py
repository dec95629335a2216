"""User settings: typed, with defaults and a version, upgraded explicitly when the format changes.

Stored as JSON in the user config folder. Window geometry lives in QSettings (ui/ only).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from brugapp.paths import user_config_dir

SETTINGS_VERSION = 1


@dataclass
class Settings:
    version: int = SETTINGS_VERSION
    language: str = "nl"
    auto_lock_minutes: int = 10
    last_channel: str = "schoolpoort"


def settings_path() -> Path:
    return user_config_dir() / "settings.json"


def _upgrade(raw: dict[str, object]) -> dict[str, object]:
    """Upgrade functions per old version go here (Picard-style); version 1 is the first."""
    raw["version"] = SETTINGS_VERSION
    return raw


def load_settings() -> Settings:
    path = settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    raw = _upgrade(raw)
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in raw.items() if k in known})


def save_settings(settings: Settings) -> None:
    path = settings_path()
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
    temporary.replace(path)  # atomic: a crash never leaves half a settings file
