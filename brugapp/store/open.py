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
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from brugapp.store.clean_close import take_clean_close
from brugapp.store.errors import DamagedStoreError, WrongPassphraseError, damaged_error
from brugapp.store.handle import Store
from brugapp.store.schema_version import declared_heads, stored_revisions
from brugapp.store.unlock_file import unlock_existing_file

# Start-up time: the database layer (SQLAlchemy, the models, Alembic) is imported inside the steps that need it,
# so an ordinary unlock (a known file, closed cleanly, at the heads) reaches the first screen without it.

FAILED_UNLOCKS_SUFFIX = ".failed-unlocks"


def _file_path(location: str | Path) -> Path | None:
    return None if "://" in str(location) else Path(location).expanduser()


def open_store(
    location: str | Path,
    *,
    passphrase: str | None = None,
    create: bool = False,
    migrate: bool = True,
    before_upgrade: Callable[[], None] | None = None,
) -> Store:
    """Unlock, check, (back up and) migrate. See the module docstring for the order and why.

    ``before_upgrade`` runs once an existing store turns out to be behind the app's schema, just before it is backed
    up and migrated (seconds on a busy year): the unlock window says so first."""
    path = _file_path(location)
    quick = unlock_existing_file(path, passphrase) if path is not None and passphrase else None
    store = quick or _unlock(location, path, passphrase=passphrase, create=create)
    # The check reads every page (seconds on a busy programme); a file unchanged since a clean close skips it.
    if not (path is not None and take_clean_close(path)) and _pages_damaged(store):
        store.close()
        raise damaged_error(path, _newest_good_backup(path, passphrase) if path else None)
    store.known_sound = True  # closing it records a clean close
    if migrate:
        _migrate_after_backup(store, before_upgrade)
        if path is not None:
            _record_failed_unlocks(store, path)
    return store


def _pages_damaged(store: Store) -> bool:
    from brugapp.store.engine import check_integrity  # start-up time (see above)

    return bool(check_integrity(store))


def _newest_good_backup(path: Path, passphrase: str | None) -> Path | None:
    from brugapp.store.backups import newest_good_backup  # start-up time (see above)

    return newest_good_backup(path, passphrase)


def _unlock(location: str | Path, path: Path | None, *, passphrase: str | None, create: bool) -> Store:
    """Unlock through SQLAlchemy (a new file, a plain file, a URL, or when the fast path did not open it): a
    refused passphrase is told from a damaged file here, with the newest good backup named."""
    from brugapp.store.backups import newest_backup_opens  # start-up time (see above)
    from brugapp.store.engine import unlock

    try:
        return unlock(location, passphrase=passphrase, create=create)
    except WrongPassphraseError:
        if path is not None and passphrase:
            if newest_backup_opens(path, passphrase):
                # The key is right (it opens the newest backup), so the store file itself is broken.
                raise damaged_error(path, _newest_good_backup(path, passphrase)) from None
            note_failed_unlock(path)
        raise
    except DamagedStoreError as exc:
        if path is not None:
            exc.good_backup = _newest_good_backup(path, passphrase)
        raise


def _migrate_after_backup(store: Store, before_upgrade: Callable[[], None] | None = None) -> None:
    if stored_revisions(store) == declared_heads():
        return  # the ordinary day: neither Alembic nor a backup
    from brugapp.store.backups import backup_store  # start-up time (see above)
    from brugapp.store.migrate import current_revisions, needs_upgrade, upgrade

    if not needs_upgrade(store):
        return
    if current_revisions(store):  # an existing notebook, not a new one being made
        if before_upgrade is not None:
            before_upgrade()
        if store.path is not None:
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
    from brugapp.store.audit_chain import append_entry  # start-up time (see above)

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


class RestoreOutcome(NamedTuple):  # not a frozen dataclass: made in a fifth of the time (start-up)
    restored: Path
    safety_copy: Path | None  # the current store, backed up before it was replaced
    set_aside: Path | None  # the current store, renamed because it was damaged


def restore_store(backup: Path, store_path: Path, *, passphrase: str | None) -> RestoreOutcome:
    """Replace the store with a verified backup; refuse a damaged backup; never lose the current file."""
    from brugapp.store.audit_chain import append_entry  # start-up time (see above)
    from brugapp.store.backups import backup_store, prune_generations, restore_backup, set_aside, verify_copy

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
