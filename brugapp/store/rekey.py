"""Changing the passphrase: a verified backup first, then SQLCipher's ``PRAGMA rekey``, then proof it worked.

The backup taken before keeps the *old* passphrase (it is a copy of the file as it was); a second backup is
taken right after with the new one, so the newest backup always opens with the passphrase in use (which is
how ``open_store`` tells a damaged store from a wrong passphrase).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from brugapp.domain.passphrase import passphrase_strength
from brugapp.page_key import cipher_key, new_passphrase_key
from brugapp.store.audit_chain import append_entry
from brugapp.store.backups import backup_store
from brugapp.store.engine import (
    Store,
    StoreError,
    WrongPassphraseError,
    busy_error,
    check_integrity,
    damaged_error,
    encrypted_engine,
)


@dataclass(frozen=True)
class PassphraseChange:
    backup_with_old: Path  # the verified copy taken before, still under the old passphrase
    backup_with_new: Path


def change_passphrase(store: Store, *, old: str, new: str) -> PassphraseChange:
    """Re-encrypt ``store`` under ``new``. Raises ``StoreError`` subclasses with a message for the user."""
    from brugapp.i18n import _

    if not store.info.encrypted or store.path is None:
        raise StoreError(_("Only an encrypted data file has a passphrase to change."))
    if not store.verify_passphrase(old):
        raise WrongPassphraseError(_("The current passphrase is not correct. Check capital letters and try again."),
                                   field="current")
    strength = passphrase_strength(new)
    if strength.score == 0:
        raise StoreError(_(strength.hint), field="new")
    if new == old:
        raise StoreError(_("The new passphrase is the same as the current one."), field="new")
    before = backup_store(store, reason="before-passphrase-change")
    assert before is not None  # a file store always gets a backup
    path = store.path
    old_key, new_key = cipher_key(path, old), new_passphrase_key(path, new)  # derived as the file was made
    store.engine.dispose()  # every pooled connection still holds the old key
    _rekey(path, old_key, new_key)
    store.rebind(encrypted_engine(path, new_key), new)
    if check_integrity(store):
        raise damaged_error(path)
    with store.session() as session:
        append_entry(session, action="passphrase", subject_kind="store", detail="re-encrypted")
    after = backup_store(store, reason="after-passphrase-change")
    assert after is not None
    return PassphraseChange(before, after)


def _rekey(path: Path, old: str, new: str) -> None:
    """``old`` and ``new``: what ``PRAGMA key`` and ``PRAGMA rekey`` get (a passphrase or a raw key)."""
    import sqlcipher3

    connection = sqlcipher3.connect(str(path))
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = '{_quote(old)}'")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        connection.execute(f"PRAGMA rekey = '{_quote(new)}'")
    except sqlcipher3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise busy_error() from None
        raise
    finally:
        connection.close()


def _quote(passphrase: str) -> str:
    return passphrase.replace("'", "''")

