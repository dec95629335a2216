"""Rotating backup copies of a store file. Copies of an encrypted store stay encrypted."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text

from brugapp.paths import backup_dir_for

if TYPE_CHECKING:
    from brugapp.store.database import Store

KEEP_BACKUPS = 10


def backup_store(store: Store, *, reason: str = "manual") -> Path | None:
    """Checkpoint the WAL into the main file, copy it, and keep the newest ``KEEP_BACKUPS``."""
    if store.path is None or not store.path.exists():
        return None
    with store.engine.connect() as connection:
        connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir_for(store.path) / f"{store.path.stem}.{stamp}.{reason}{store.path.suffix}"
    shutil.copy2(store.path, target)
    _rotate(target.parent, store.path.stem)
    return target


def list_backups(store_path: Path) -> list[Path]:
    folder = backup_dir_for(store_path)
    return sorted(folder.glob(f"{store_path.stem}.*{store_path.suffix}"))


def restore_backup(backup: Path, store_path: Path) -> None:
    """Replace the store file with a backup (the store must be closed)."""
    for suffix in ("-wal", "-shm"):
        Path(f"{store_path}{suffix}").unlink(missing_ok=True)
    shutil.copy2(backup, store_path)


def _rotate(folder: Path, stem: str) -> None:
    backups = sorted(folder.glob(f"{stem}.*"))
    for old in backups[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
