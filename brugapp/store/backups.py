"""Backup copies of a store file: verified after writing and before restoring, kept in generations.

Copies of an encrypted store stay encrypted (same key). A copy is written under a temporary name, flushed
to disk, opened read-only and integrity-checked, and only then given its real name: a backup that is
listed is a backup that opens. A damaged store is never copied over good backups.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from brugapp.page_key import cipher_key
from brugapp.paths import backup_dir_for
from brugapp.store.engine import (
    DamagedStoreError,
    Store,
    WrongPassphraseError,
    check_integrity,
    damaged_error,
    looks_cut_or_wiped,
)
from brugapp.store.errors import busy_error
from brugapp.store.files import SQLITE_HEADER
from brugapp.store.handle import is_busy_error

STAMP_FORMAT = "%Y%m%d-%H%M%S-%fZ"
_STAMP = re.compile(r"\.(\d{8}-\d{6}-\d{6})Z?\.")
PARTIAL_SUFFIX = ".partial"
# Generations: every copy of the last day, then the newest per day for a week, per ISO week for a month,
# per calendar month for a year. Older copies go; a good one is never pushed out by a burst of new ones.
KEEP_ALL_FOR = dt.timedelta(days=1)
KEEP_ALL_AT_MOST = 20
DAILY_FOR = dt.timedelta(days=7)
WEEKLY_FOR = dt.timedelta(days=31)
MONTHLY_FOR = dt.timedelta(days=365)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime  # UTC


def taken_at(path: Path) -> dt.datetime | None:
    match = _STAMP.search(path.name)
    if match is None:
        return None
    return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f").replace(tzinfo=dt.UTC)


def list_backup_infos(store_path: Path) -> list[Backup]:
    """Finished backups of the store at ``store_path``, oldest first."""
    folder = store_path.parent / "backups"
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{store_path.stem}.*{store_path.suffix}"):
        taken = taken_at(path)
        if taken is not None and not path.name.endswith(PARTIAL_SUFFIX):
            found.append(Backup(path, taken))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name))


def list_backups(store_path: Path) -> list[Path]:
    return [b.path for b in list_backup_infos(store_path)]


def verify_copy(path: Path, passphrase: str | None) -> None:
    """Open ``path`` read-only (nothing written, no -wal beside it) and run ``PRAGMA quick_check``.

    Raises ``DamagedStoreError`` when the file is broken and ``WrongPassphraseError`` when it is intact but
    does not open with ``passphrase`` (or needs one and none is given).
    """
    from brugapp.i18n import _

    if not path.is_file() or looks_cut_or_wiped(path):
        raise damaged_error(path)
    with path.open("rb") as fh:
        plain = fh.read(16) == SQLITE_HEADER
    if not plain and not passphrase:
        raise WrongPassphraseError(_("This data file is encrypted: a passphrase is needed."))
    uri = f"file:{path.as_posix()}?immutable=1"
    if plain:
        connection = sqlite3.connect(uri, uri=True)
    else:
        import sqlcipher3

        connection = sqlcipher3.connect(uri, uri=True)
    try:
        if not plain:
            connection.execute("PRAGMA cipher_log_level = NONE")
            quoted = cipher_key(path, str(passphrase)).replace("'", "''")
            connection.execute(f"PRAGMA key = '{quoted}'")
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except Exception as exc:
            if not plain and "not a database" in str(exc):
                raise WrongPassphraseError(
                    _("The passphrase is not correct. Check capital letters and try again.")) from None
            raise damaged_error(path) from None
        try:
            rows = [str(r[0]) for r in connection.execute("PRAGMA quick_check").fetchall()]
        except Exception:
            raise damaged_error(path) from None
        if rows != ["ok"]:
            raise damaged_error(path)
    finally:
        connection.close()


def _fsync(path: Path) -> None:
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


def backup_store(store: Store, *, reason: str = "manual", now: dt.datetime | None = None,
                 prune: bool = True) -> Path | None:
    """Checkpoint the WAL, copy, verify the copy, then thin out old generations.

    Raises ``DamagedStoreError`` (and keeps nothing) when the store is damaged or the copy does not check clean.
    """
    if store.path is None or not store.path.exists():
        return None
    now = now or dt.datetime.now(dt.UTC)
    folder = backup_dir_for(store.path)
    target = folder / f"{store.path.stem}.{now.strftime(STAMP_FORMAT)}.{reason}{store.path.suffix}"
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        with store.engine.connect() as connection:
            connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        shutil.copyfile(store.path, partial)
        _fsync(partial)
        # The copy is the store's file byte for byte, so its check is the store's check too: one read of the
        # whole file, not two (closing the app on a busy programme's 270 MB store took ~10 s with both).
        verify_copy(partial, store.passphrase)
        os.replace(partial, target)
    except (DamagedStoreError, DatabaseError) as exc:
        if is_busy_error(exc):
            raise busy_error() from None
        # Only now is the store itself checked: to say whether the store is damaged (restore a backup) or the
        # copy went wrong (a full disk, a failing stick)
        if check_integrity(store):
            raise damaged_error(store.path) from None
        raise
    finally:
        partial.unlink(missing_ok=True)
    if prune:
        prune_generations(store.path, now=now)
    return target


def generations_to_keep(backups: list[Backup], now: dt.datetime) -> set[Path]:
    """Which copies stay: all of the last day (at most ``KEEP_ALL_AT_MOST``), then one per day/week/month."""
    keep: set[Path] = set()
    buckets: set[tuple[str, object]] = set()
    recent = 0
    for backup in sorted(backups, key=lambda b: b.taken_at, reverse=True):  # newest first
        age = now - backup.taken_at
        if age < KEEP_ALL_FOR and recent < KEEP_ALL_AT_MOST:
            recent += 1
            keep.add(backup.path)
            continue
        if age < DAILY_FOR:
            bucket: tuple[str, object] = ("day", backup.taken_at.date())
        elif age < WEEKLY_FOR:
            bucket = ("week", backup.taken_at.isocalendar()[:2])
        elif age < MONTHLY_FOR:
            bucket = ("month", (backup.taken_at.year, backup.taken_at.month))
        else:
            continue
        if bucket not in buckets:
            buckets.add(bucket)
            keep.add(backup.path)
    return keep


def prune_generations(store_path: Path, *, now: dt.datetime) -> list[Path]:
    backups = list_backup_infos(store_path)
    keep = generations_to_keep(backups, now)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def newest_good_backup(store_path: Path, passphrase: str | None) -> Path | None:
    """The newest backup that opens with ``passphrase`` and checks clean (damaged ones are skipped)."""
    for backup in reversed(list_backup_infos(store_path)):
        try:
            verify_copy(backup.path, passphrase)
        except Exception:
            continue
        return backup.path
    return None


def newest_backup_opens(store_path: Path, passphrase: str) -> bool:
    """Does the newest backup open with this passphrase? Tells a damaged store from a wrong passphrase."""
    backups = list_backup_infos(store_path)
    if not backups:
        return False
    try:
        verify_copy(backups[-1].path, passphrase)
    except WrongPassphraseError:
        return False
    except Exception:
        return False
    return True


def _side_files(path: Path) -> list[Path]:
    return [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal")]


def set_aside(store_path: Path, *, now: dt.datetime | None = None) -> Path:
    """Rename a damaged store (and its -wal/-shm) out of the way, with a timestamp; never delete it."""
    now = now or dt.datetime.now(dt.UTC)
    target = store_path.with_name(f"{store_path.stem}.damaged-{now.strftime(STAMP_FORMAT)}{store_path.suffix}")
    os.replace(store_path, target)
    for side in _side_files(store_path):
        if side.exists():
            os.replace(side, Path(f"{target}{side.name[len(store_path.name):]}"))
    return target


def restore_backup(backup: Path, store_path: Path, *, passphrase: str | None) -> None:
    """Replace the store file with a verified backup (the store must be closed).

    The backup is checked before anything is touched, copied under a temporary name, checked again, and
    only then moved into place; a damaged backup raises ``DamagedStoreError`` and changes nothing.
    """
    verify_copy(backup, passphrase)
    partial = store_path.with_name(store_path.name + PARTIAL_SUFFIX)
    try:
        shutil.copyfile(backup, partial)
        _fsync(partial)
        verify_copy(partial, passphrase)
        for side in _side_files(store_path):
            side.unlink(missing_ok=True)
        os.replace(partial, store_path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
