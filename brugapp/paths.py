"""Every path the app uses, in one place (platformdirs for user data)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

from brugapp import APP_NAME

_dirs = PlatformDirs(appname=APP_NAME, appauthor=False, roaming=False)


def _source_root() -> Path:
    # A PyInstaller build unpacks data next to the executable (sys._MEIPASS).
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


SOURCE_ROOT = _source_root()
RESOURCES = SOURCE_ROOT / "resources"
TRANSLATIONS = SOURCE_ROOT / "translations"
FONTS = RESOURCES / "fonts"
ICONS = RESOURCES / "icons"
DEMO_DATA = RESOURCES / "demo"
USER_GUIDE = SOURCE_ROOT / "docs" / "gebruikersgids.md"


def user_data_dir() -> Path:
    """Where the store lives; BRUGAPP_HOME moves everything (tests, portable use)."""
    home = os.environ.get("BRUGAPP_HOME")
    path = Path(home) / "data" if home else Path(_dirs.user_data_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_config_dir() -> Path:
    home = os.environ.get("BRUGAPP_HOME")
    path = Path(home) / "config" if home else Path(_dirs.user_config_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_cache_dir() -> Path:
    """What can be rebuilt at any time (no data of families): compiled code."""
    home = os.environ.get("BRUGAPP_HOME")
    return Path(home) / "cache" if home else Path(_dirs.user_cache_dir)


def default_store_path() -> Path:
    return user_data_dir() / "brugapp.db"


def backup_dir_for(store: Path) -> Path:
    path = store.parent / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def draft_dir() -> Path:
    path = user_data_dir() / "drafts"
    path.mkdir(parents=True, exist_ok=True)
    return path
