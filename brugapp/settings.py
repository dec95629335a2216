"""User settings: typed, with defaults and a version, upgraded explicitly when the format changes.

Stored as JSON in the user config folder. Window geometry lives in QSettings (ui/ only).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from brugapp.paths import user_config_dir

SETTINGS_VERSION = 3


@dataclass
class Settings:
    version: int = SETTINGS_VERSION
    language: str = "nl"
    auto_lock_minutes: int = 10
    last_channel: str = "schoolpoort"
    # "Mijn gegevens": the brugfiguur on referral sheets and agendas (added in version 2).
    worker_name: str = ""
    worker_organisation: str = ""
    worker_phone: str = ""
    worker_email: str = ""
    # Version 3, filled in by the first-run wizard: role code (domain/worker.py), the schools served and the
    # municipalities of the region (they pre-filter the sociale kaart).
    worker_role: str = ""  # a WORKER_ROLES code; older files may hold free text (printed as is)
    my_schools: list[str] = field(default_factory=list)
    region_municipalities: list[str] = field(default_factory=list)
    # Retention: families without activity for this many school years are listed for review. An older file
    # without it gets the default; the services refuse anything outside 1–30 (services/families/retention.py).
    retention_school_years: int = 2

    def sender_line(self) -> str:
        """'Sarah Vandamme · Stad Kortrijk · +32 470 … · sarah@example.be' for the head of an agenda."""
        return " · ".join(p for p in (self.worker_name, self.worker_organisation, self.worker_phone,
                                       self.worker_email) if p)


def settings_path() -> Path:
    return user_config_dir() / "settings.json"


def _to_2(raw: dict[str, object]) -> None:
    """Version 2 adds the brugfiguur's own details, empty until filled in; a bad lock time falls back to 10."""
    for key in ("worker_name", "worker_organisation", "worker_phone", "worker_email"):
        value = raw.get(key)
        raw[key] = value.strip() if isinstance(value, str) else ""
    minutes = raw.get("auto_lock_minutes")
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes < 0:
        raw["auto_lock_minutes"] = 10


def _to_3(raw: dict[str, object]) -> None:
    """Version 3 adds the role, the schools served and the region; anything malformed starts empty."""
    value = raw.get("worker_role")
    raw["worker_role"] = value.strip() if isinstance(value, str) else ""
    for key in ("my_schools", "region_municipalities"):
        value = raw.get(key)
        raw[key] = [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


UPGRADES = {2: _to_2, 3: _to_3}  # target version -> step, applied in order (Picard-style)


def _upgrade(raw: dict[str, object]) -> dict[str, object]:
    """Bring an older settings file up to ``SETTINGS_VERSION``, one step per version."""
    found = raw.get("version", 1)
    version = found if isinstance(found, int) and not isinstance(found, bool) else 1
    for target in range(version + 1, SETTINGS_VERSION + 1):
        UPGRADES[target](raw)
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
    values: dict[str, Any] = {k: v for k, v in raw.items() if k in known}  # checked by the upgrade steps
    return Settings(**values)


def save_settings(settings: Settings) -> None:
    path = settings_path()
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
    temporary.replace(path)  # atomic: a crash never leaves half a settings file
