"""Opening a store as three visible steps: unlock and check → back up → migrate. The app and the CLI call this.

- ``open_store``: unlock (``engine.unlock``), ``PRAGMA quick_check`` (skipped when the file is unchanged since a
  clean close: ``clean_close.py``); a damaged store is refused (never
  used, never repaired in place) and the newest good backup is named in the error; then, only when the
  schema is behind, a verified backup (``backups.backup_store``) and the migration (``migrate.upgrade``).
- ``restore_store``: put a verified backup in place; the current store is first backed up, or, when it is
  damaged, set aside under a timestamped name.
- Failed unlocks cannot be written into a store nobody could open, so their moments (nothing else) wait in
  a small file beside it and enter the audit trail at the next successful unlock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from brugapp.store.audit_chain import append_entry
from brugapp.store.backups import (
    backup_store,
    newest_backup_opens,
    newest_good_backup,
    prune_generations,
    restore_backup,
    set_aside,
    verify_copy,
)
from brugapp.store.clean_close import take_clean_close
from brugapp.store.engine import (
    DamagedStoreError,
    Store,
    WrongPassphraseError,
    check_integrity,
    damaged_error,
    unlock,
)
from brugapp.store.migrate import current_revisions, needs_upgrade, upgrade

FAILED_UNLOCKS_SUFFIX = ".failed-unlocks"


def _file_path(location: str | Path) -> Path | None:
    return None if "://" in str(location) else Path(location).expanduser()


def open_store(
    location: str | Path,
    *,
    passphrase: str | None = None,
    create: bool = False,
    migrate: bool = True,
) -> Store:
    """Unlock, check, (back up and) migrate. See the module docstring for the order and why."""
    path = _file_path(location)
    try:
        store = unlock(location, passphrase=passphrase, create=create)
    except WrongPassphraseError:
        if path is not None and passphrase:
            if newest_backup_opens(path, passphrase):
                # The key is right (it opens the newest backup), so the store file itself is broken.
                raise damaged_error(path, newest_good_backup(path, passphrase)) from None
            note_failed_unlock(path)
        raise
    except DamagedStoreError as exc:
        if path is not None:
            exc.good_backup = newest_good_backup(path, passphrase)
        raise
    # The check reads every page (seconds on a busy programme); a file unchanged since a clean close skips it.
    if not (path is not None and take_clean_close(path)) and check_integrity(store):
        store.close()
        raise damaged_error(path, newest_good_backup(path, passphrase) if path else None)
    store.known_sound = True  # closing it records a clean close
    if migrate:
        _migrate_after_backup(store)
        if path is not None:
            _record_failed_unlocks(store, path)
    return store


def _migrate_after_backup(store: Store) -> None:
    if not needs_upgrade(store):
        return
    if current_revisions(store) and store.path is not None:
        backup_store(store, reason="before-upgrade")  # verified before the schema is touched
    upgrade(store)


def failed_unlocks_file(path: Path) -> Path:
    return path.with_name(path.name + FAILED_UNLOCKS_SUFFIX)


def note_failed_unlock(path: Path) -> None:
    """Remember the moment of a refused passphrase (UTC), to be written into the audit trail later."""
    if not path.exists():
        return
    with failed_unlocks_file(path).open("a", encoding="utf-8") as fh:
        fh.write(dt.datetime.now(dt.UTC).isoformat() + "\n")


def _record_failed_unlocks(store: Store, path: Path) -> None:
    pending = failed_unlocks_file(path)
    if not pending.exists():
        return
    moments = []
    for line in pending.read_text(encoding="utf-8").splitlines():
        try:
            moments.append(dt.datetime.fromisoformat(line.strip()))
        except ValueError:
            continue  # a line cut off by a crash: the others still count
    with store.session() as session:
        for moment in moments:
            append_entry(session, action="failed_unlock", subject_kind="store", at=moment,
                         detail="wrong passphrase")
    pending.unlink(missing_ok=True)


@dataclass(frozen=True)
class RestoreOutcome:
    restored: Path
    safety_copy: Path | None  # the current store, backed up before it was replaced
    set_aside: Path | None  # the current store, renamed because it was damaged


def restore_store(backup: Path, store_path: Path, *, passphrase: str | None) -> RestoreOutcome:
    """Replace the store with a verified backup; refuse a damaged backup; never lose the current file."""
    verify_copy(backup, passphrase)  # a damaged backup or another passphrase: stop before touching anything
    safety: Path | None = None
    aside: Path | None = None
    if store_path.exists():
        try:
            current = open_store(store_path, passphrase=passphrase, migrate=False)
        except DamagedStoreError:
            aside = set_aside(store_path)
        else:
            try:
                # No thinning now: the backup being restored must still be there to copy.
                safety = backup_store(current, reason="before-restore", prune=False)
            finally:
                current.close()
    restore_backup(backup, store_path, passphrase=passphrase)
    restored = open_store(store_path, passphrase=passphrase)
    try:
        with restored.session() as session:
            append_entry(session, action="restore", subject_kind="store", detail=backup.name)
    finally:
        restored.close()
    prune_generations(store_path, now=dt.datetime.now(dt.UTC))
    return RestoreOutcome(backup, safety, aside)
